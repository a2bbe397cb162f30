/**
 * What a cell's number format does to the number a person sees, so a form is read as the
 * bidder saw it. The rules are Excel's format codes as ECMA-376 Part 1, §18.8.31 (numFmts)
 * describes them: up to four sections separated by `;` (positive; negative; zero; text), text in
 * double quotes or after `\` shown as written, `[...]` holding a colour, a condition or a
 * currency, `_x` a space as wide as x, `*x` x repeated to fill the cell; `%` multiplies the value
 * by 100; a `,` after the last digit placeholder divides it by 1,000 (once per comma).
 *
 * Only what changes the figure matters here: a % typed inside quotes (`0"%"`, `0\%`) is text
 * beside the number, so 40 shows as "40%" and is 40; a genuine `%` shows 0.4 as "40%".
 */

export interface FormatEffect {
  /** Genuine `%` signs: the value is shown multiplied by 100 for each. */
  percent: number;
  /** A `%` shown as text beside the number (`0"%"`, `0\%`): the value is shown unscaled. */
  literalPercent: boolean;
  /** Scaling commas: the value is shown divided by 1,000 for each. */
  thousands: number;
  /**
   * The number is not shown: the section for this value is empty (`;;;`, or `0;-0;` for a
   * zero), so the cell looks blank, or holds only text (`"see notes"`), shown instead.
   */
  hidden: boolean;
  /** Digits shown as text beside the number (`0"000"` shows 40 as "40000"). */
  literalDigits: boolean;
}

const NONE: FormatEffect = Object.freeze({ percent: 0, literalPercent: false, thousands: 0, hidden: false, literalDigits: false });

/** The sections of a format code, split at `;` outside quotes, escapes and brackets. */
function sections(code: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      current += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      current += code.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      const stop = end < 0 ? code.length : end + 1;
      current += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === ";") {
      out.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

const COMPARE = {
  "<": (v, b) => v < b,
  "<=": (v, b) => v <= b,
  ">": (v, b) => v > b,
  ">=": (v, b) => v >= b,
  "=": (v, b) => v === b,
  "<>": (v, b) => v !== b,
} satisfies Record<string, (value: number, bound: number) => boolean>;

/** The test of a section's condition (`[<=1]`, after any colour), or undefined when it has none. */
function conditionOf(section: string): ((value: number) => boolean) | undefined {
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      i = end < 0 ? section.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      const match = /^\s*(<>|<=|>=|<|>|=)\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)\s*$/i.exec(section.slice(i + 1, end < 0 ? section.length : end));
      if (match) {
        const compare = COMPARE[match[1] as keyof typeof COMPARE];
        const bound = Number(match[2]);
        return (value) => compare(value, bound);
      }
      i = end < 0 ? section.length : end;
    }
  }
  return undefined;
}

/**
 * The section Excel uses for a number. With a condition on the first or second section (Excel
 * allows them only there): the first if its condition holds, else the second if its condition
 * holds, else the last section for numbers (Microsoft, "Review guidelines for customizing a
 * number format"), so `[<=1]0%;0"%"` shows 40 as "40%" through its second section. Without
 * conditions, by sign: one section for all; two: ≥ 0 and < 0; three or more: > 0, < 0, zero.
 */
function sectionFor(all: readonly string[], value: number): string {
  const first = conditionOf(all[0] as string);
  const second = all.length > 1 ? conditionOf(all[1] as string) : undefined;
  if (first || second) {
    if (first?.(value)) return all[0] as string;
    if (second?.(value)) return all[1] as string;
    // The fourth section is for text.
    return all[Math.min(all.length, 3) - 1] as string;
  }
  if (all.length === 1) return all[0] as string;
  if (value < 0) return all[1] as string;
  if (all.length === 2 || value > 0) return all[0] as string;
  return all[2] as string;
}

const DIGIT_PLACEHOLDERS = new Set(["0", "#", "?"]);

function effectOfSection(section: string): FormatEffect {
  if (section.length === 0) return { ...NONE, hidden: true };
  if (/^general$/i.test(section.trim())) return NONE;
  let percent = 0;
  let literalPercent = false;
  let literalDigits = false;
  let dateOrText = false;
  // The section with literals removed: placeholders, commas and points, in order.
  const skeleton: string[] = [];
  const literal = (text: string): void => {
    if (text.includes("%")) literalPercent = true;
    if (/\d/.test(text)) literalDigits = true;
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\") {
      literal(section.slice(i + 1, i + 2));
      i++;
    } else if (ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      i = end < 0 ? section.length : end;
    } else if (section.slice(i, i + 7).toLowerCase() === "general") {
      skeleton.push("0");
      i += 6;
    } else if (ch === "%") {
      percent++;
    } else if (DIGIT_PLACEHOLDERS.has(ch) || ch === "," || ch === ".") {
      skeleton.push(ch);
    } else if (/[dmyhs@]/i.test(ch)) {
      // A date, a time or the text placeholder: the value is shown, not as a plain figure.
      dateOrText = true;
    } else if (/[1-9]/.test(ch)) {
      // Excel shows digits 1–9 outside quotes as themselves (0 is a placeholder).
      literalDigits = true;
    }
  }
  if (!dateOrText && !skeleton.some((c) => DIGIT_PLACEHOLDERS.has(c))) return { ...NONE, hidden: true, literalPercent, literalDigits };
  let thousands = 0;
  for (let i = 0; i < skeleton.length; i++) {
    if (skeleton[i] !== ",") continue;
    let before = i - 1;
    while (before >= 0 && skeleton[before] === ",") before--;
    const after = skeleton[i + 1];
    // A comma between digit placeholders groups thousands; one after the last placeholder scales.
    if (before >= 0 && DIGIT_PLACEHOLDERS.has(skeleton[before] as string) && (after === undefined || !DIGIT_PLACEHOLDERS.has(after))) {
      if (after !== ",") thousands += i - before;
    }
  }
  return { percent, literalPercent, thousands, hidden: false, literalDigits };
}

/** How a cell's format shows `value`; no effect for a missing or General format. */
export function formatEffect(numFmt: unknown, value: number): FormatEffect {
  if (typeof numFmt !== "string" || numFmt.length === 0 || numFmt.length > 1000) return NONE;
  return effectOfSection(sectionFor(sections(numFmt), value));
}
