/**
 * Numbers as evaluators read them in messages: UK grouping ("1,200"), pounds ("£177,897",
 * "£1,200.50") and percentages ("36.6%"). Written by hand rather than with `Intl` so that
 * every runtime (Node, the task pane, the custom-functions runtime) prints the same text and
 * golden files stay stable whatever locale data a host ships.
 */

/**
 * Beyond this `toFixed` switches to exponent notation ("1e+21"), which evaluators do not read:
 * such figures, infinities included, are said to be past it ("more than 1,000,000,…").
 */
const FIXED_LIMIT = 1e21;

function group(digits: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return out;
}

/**
 * A figure no message can print as JavaScript does ("NaN", "Infinity", "1e+21"): NaN is said to
 * be unknown, and one past {@link FIXED_LIMIT} is said to be past it, e.g. "more than £1,000,…".
 */
function unprintable(n: number, what: string, unit: string): string {
  if (Number.isNaN(n)) return `${what} that could not be worked out`;
  const limit = unit + group("1" + "0".repeat(Math.log10(FIXED_LIMIT)));
  return n > 0 ? `more than ${limit}` : `less than -${limit}`;
}

/** "1,234.5": grouped, at most `maxDecimals` decimals, trailing zeros dropped. */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n) || Math.abs(n) >= FIXED_LIMIT) return unprintable(n, "a figure", "");
  const fixed = Math.abs(n).toFixed(maxDecimals);
  const dot = fixed.indexOf(".");
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  let fraction = dot < 0 ? "" : fixed.slice(dot + 1);
  while (fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  const body = group(whole) + (fraction ? "." + fraction : "");
  // -0.001 rounds to "0": no minus sign on a zero.
  return n < 0 && body !== "0" ? "-" + body : body;
}

/** "£177,897" for whole pounds, "£1,200.50" otherwise (pence always shown as two digits). */
export function formatGBP(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= FIXED_LIMIT) return unprintable(n, "an amount", "£");
  // Beyond about £90 trillion a double no longer holds every penny, so pence shown there would be
  // noise (999,999,999,999,999 hours at £5 is not £4,999,999,999,999,995,000.12): whole pounds.
  if (Math.abs(n) * 100 > Number.MAX_SAFE_INTEGER) {
    const body = "£" + group(Math.round(Math.abs(n)).toString());
    return n < 0 ? "-" + body : body;
  }
  const pence = Math.round(Math.abs(n) * 100);
  const whole = Math.floor(pence / 100);
  const rest = pence % 100;
  const body = "£" + group(String(whole)) + (rest === 0 ? "" : "." + String(rest).padStart(2, "0"));
  return n < 0 && pence !== 0 ? "-" + body : body;
}

/** A ratio as a percentage: 0.366 → "36.6%", 0.1 → "10%". */
export function formatPercent(ratio: number, maxDecimals = 1): string {
  const percent = ratio * 100;
  if (Number.isNaN(percent)) return unprintable(percent, "a percentage", "");
  return formatNumber(percent, maxDecimals) + "%";
}

/** Text cut to `max` characters, an ellipsis marking the cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
}

/** User text quoted for a message, shortened so one pasted essay cannot swamp it. */
export function quote(text: string, max = 40): string {
  return "\u201c" + clip(text, max) + "\u201d";
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** An ISO date as a person writes it: "2025-02-24" → "24 February 2025"; anything else unchanged. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}
