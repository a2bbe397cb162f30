/**
 * What a cell shows, as Excel shows it: its value through its number format (£, %, dates,
 * thousands separators), aligned as Excel aligns it. The test Excel host keeps number formats but
 * renders none (its `Range.text` is General only), so the playground's grid does it here.
 *
 * Covered: up to four sections (positive;negative;zero;text), `0 # ?` placeholders, thousands
 * separators, `%`, quoted and escaped literals, `[$£-809]` currency tags, `_x` spaces, and dates
 * and times (d m y h s, AM/PM) on Excel's 1900 serials. Not covered, shown as General: scientific
 * (`0.00E+00`), fractions (`# ?/?`), trailing-comma scaling and conditions (`[>100]`). The
 * add-in writes none of them (src/core/shared/layout.ts FORMATS).
 */

export type CellValue = string | number | boolean | null | undefined;

/** Excel's General format, close enough for the grid: integers whole, others to 6 places. */
export function general(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  return String(value);
}

/** One token of a format section. */
type Token = { kind: "literal"; text: string } | { kind: "digits"; text: string } | { kind: "date"; text: string } | { kind: "percent" } | { kind: "text" };

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "\\") {
      current += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (!quoted && ch === ";") {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

const DIGIT = /[0#?.,]/;
const DATE = /[dmyhs]/i;

/** Tokens of one section; undefined when it uses something this renderer does not cover. */
function tokenize(section: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: "literal", text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      tokens.push({ kind: "literal", text: section[i + 1] ?? "" });
      i++;
    } else if (ch === "_") {
      // _x leaves the width of x: a space is near enough.
      tokens.push({ kind: "literal", text: " " });
      i++;
    } else if (ch === "*") {
      // *x repeats x to fill the cell: nothing here.
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      if (end < 0) return undefined;
      const tag = section.slice(i + 1, end);
      if (tag.startsWith("$")) tokens.push({ kind: "literal", text: tag.slice(1).split("-")[0] ?? "" });
      else if (/^[<>=]/.test(tag)) return undefined;
      // Anything else is a colour ([Red]) or a locale: it changes no character.
      i = end;
    } else if (ch === "%") {
      tokens.push({ kind: "percent" });
    } else if (ch === "@") {
      tokens.push({ kind: "text" });
    } else if (/[eE]/.test(ch) && /[+-]/.test(section[i + 1] ?? "")) {
      return undefined;
    } else if (ch === "/" && tokens.some((t) => t.kind === "digits")) {
      return undefined;
    } else if (section.slice(i, i + 5).toUpperCase() === "AM/PM") {
      tokens.push({ kind: "date", text: "AM/PM" });
      i += 4;
    } else if (DIGIT.test(ch)) {
      let run = ch;
      while (i + 1 < section.length && DIGIT.test(section[i + 1] as string)) run += section[++i];
      tokens.push({ kind: "digits", text: run });
    } else if (DATE.test(ch)) {
      let run = ch;
      while (i + 1 < section.length && (section[i + 1] as string).toLowerCase() === ch.toLowerCase()) run += section[++i];
      tokens.push({ kind: "date", text: run.toLowerCase() });
    } else tokens.push({ kind: "literal", text: ch });
  }
  return tokens;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A non-negative number through the section's digit placeholders, joined into one pattern. */
function formatDigits(value: number, pattern: string): string {
  // A comma after the last placeholder scales by 1,000: not covered, so only grouping counts.
  const dot = pattern.indexOf(".");
  const intPart = (dot < 0 ? pattern : pattern.slice(0, dot)).replace(/,+$/, "");
  const decPart = dot < 0 ? "" : pattern.slice(dot + 1).replace(/,/g, "");
  const maxDecimals = decPart.length;
  const minDecimals = (decPart.match(/0/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const grouped = intPart.includes(",");
  const scale = 10 ** maxDecimals;
  const fixed = (Math.round(value * scale) / scale).toFixed(maxDecimals);
  const [whole = "0", fraction = ""] = fixed.split(".");
  let int = whole.replace(/^0+/, "");
  if (int.length < minInt) int = int.padStart(minInt, "0");
  if (grouped) int = groupThousands(int);
  const decimals = fraction.replace(/0+$/, "").padEnd(minDecimals, "0");
  // Excel keeps the point when the format has one, even with no decimal to show: "#,##0.##" shows 12 as "12.".
  return dot < 0 ? int : `${int}.${decimals}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel's 1900 date system: serial 25569 is 1 January 1970 (serials from 61 on; Excel's phantom 29/02/1900 aside). */
function formatDate(serial: number, tokens: Token[]): string {
  const date = new Date(Math.round((serial - 25569) * 86400) * 1000);
  const twelveHour = tokens.some((t) => t.kind === "date" && t.text === "AM/PM");
  const pad = (n: number, width: number): string => String(n).padStart(width, "0");
  const dates = tokens.filter((t): t is { kind: "date"; text: string } => t.kind === "date");
  return tokens
    .map((t) => {
      if (t.kind === "literal") return t.text;
      if (t.kind !== "date") return t.kind === "percent" ? "%" : "";
      const at = dates.indexOf(t);
      const hour = date.getUTCHours();
      switch (t.text[0]) {
        case "y":
          return t.text.length <= 2 ? pad(date.getUTCFullYear() % 100, 2) : String(date.getUTCFullYear());
        case "d":
          if (t.text.length >= 4) return DAYS[date.getUTCDay()] as string;
          if (t.text.length === 3) return (DAYS[date.getUTCDay()] as string).slice(0, 3);
          return pad(date.getUTCDate(), t.text.length);
        case "h":
          return pad(twelveHour ? hour % 12 || 12 : hour, Math.min(t.text.length, 2));
        case "s":
          return pad(date.getUTCSeconds(), Math.min(t.text.length, 2));
        case "m": {
          // "m" is minutes right after an hour or right before seconds, as Excel reads it.
          const minutes = t.text.length <= 2 && (dates[at - 1]?.text[0] === "h" || dates[at + 1]?.text[0] === "s");
          if (minutes) return pad(date.getUTCMinutes(), t.text.length);
          if (t.text.length >= 4) return MONTHS[date.getUTCMonth()] as string;
          if (t.text.length === 3) return (MONTHS[date.getUTCMonth()] as string).slice(0, 3);
          return pad(date.getUTCMonth() + 1, t.text.length);
        }
        default:
          return hour < 12 ? "AM" : "PM";
      }
    })
    .join("");
}

function formatSection(value: number, tokens: Token[]): string {
  if (tokens.some((t) => t.kind === "date")) return formatDate(value, tokens);
  const percents = tokens.filter((t) => t.kind === "percent").length;
  const scaled = value * 100 ** percents;
  const pattern = tokens.filter((t) => t.kind === "digits").map((t) => (t as { text: string }).text).join("");
  let placed = false;
  return tokens
    .map((t) => {
      if (t.kind === "literal") return t.text;
      if (t.kind === "percent") return "%";
      if (t.kind !== "digits" || placed) return "";
      placed = true;
      return formatDigits(scaled, pattern);
    })
    .join("");
}

/** The text a cell shows: its value through its number format. */
export function displayText(value: CellValue, numberFormat: string | null | undefined): string {
  const format = numberFormat ?? "General";
  if (typeof value !== "number" || format === "General" || format === "@" || format === "") {
    if (typeof value === "string" && format !== "General") {
      // A fourth section formats text ("@" stands for it).
      const textSection = splitSections(format)[3];
      const tokens = textSection === undefined ? undefined : tokenize(textSection);
      if (tokens) return tokens.map((t) => (t.kind === "text" ? value : t.kind === "literal" ? t.text : "")).join("");
    }
    return general(value);
  }
  const sections = splitSections(format).map(tokenize);
  if (sections.some((s) => s === undefined)) return general(value);
  const [positive, negative, zero] = sections as Token[][];
  if (value === 0 && zero) return formatSection(0, zero);
  if (value < 0 && negative) return formatSection(-value, negative);
  const shown = formatSection(Math.abs(value), positive ?? []);
  // One section for negatives too: Excel puts the minus before everything, "-£1,234.00".
  return value < 0 && !/^0?\.?0*$/.test(shown.replace(/[^\d.]/g, "")) ? `-${shown}` : shown;
}

/** Excel's General alignment: numbers to the right, logicals and errors centred, text to the left. */
export function alignmentOf(value: CellValue, horizontalAlignment: string | null | undefined): "left" | "center" | "right" | undefined {
  switch (horizontalAlignment) {
    case "Left":
      return "left";
    case "Center":
    case "CenterAcrossSelection":
      return "center";
    case "Right":
      return "right";
    default:
      if (typeof value === "number") return "right";
      if (typeof value === "boolean" || (typeof value === "string" && /^#[A-Z0-9/]+[!?]?$/.test(value))) return "center";
      return undefined;
  }
}
