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

/**
 * The sections of a format code, split at `;` outside quotes, escapes and brackets: at most four
 * (positive; negative; zero; text), as Excel has no more, so a code of millions of `;` costs one
 * pass and four strings. Sliced, never built a character at a time: a long code costs one pass.
 */
function sections(code: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length && out.length < 3; i++) {
    const ch = code[i] as string;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === ";") {
      out.push(code.slice(start, i));
      start = i + 1;
    }
  }
  // The fourth (text) section, or the last: what follows it is not a section Excel knows.
  const rest = code.slice(start);
  const stop = out.length === 3 ? sections4th(rest) : rest.length;
  out.push(rest.slice(0, stop));
  return out;
}

/** Where the fourth section ends: at its first `;` outside quotes, escapes and brackets. */
function sections4th(rest: string): number {
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i] as string;
    if (ch === '"') {
      const end = rest.indexOf('"', i + 1);
      i = end < 0 ? rest.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") i++;
    else if (ch === "[") {
      const end = rest.indexOf("]", i + 1);
      i = end < 0 ? rest.length : end;
    } else if (ch === ";") return i;
  }
  return rest.length;
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
 * The index of the section Excel uses for a number. With a condition on the first or second section (Excel
 * allows them only there): the first if its condition holds, else the second if its condition
 * holds, else the last section for numbers (Microsoft, "Review guidelines for customizing a
 * number format"), so `[<=1]0%;0"%"` shows 40 as "40%" through its second section. Without
 * conditions, by sign: one section for all; two: ≥ 0 and < 0; three or more: > 0, < 0, zero.
 */
function sectionFor(format: ParsedFormat, value: number): number {
  const { sections: all, first, second } = format;
  if (first || second) {
    if (first?.(value)) return 0;
    if (second?.(value)) return 1;
    // The fourth section is for text.
    return Math.min(all.length, 3) - 1;
  }
  if (all.length === 1) return 0;
  if (value < 0) return 1;
  if (all.length === 2 || value > 0) return 0;
  return 2;
}

/** "General" inside a section (`General%`), tested where a "g" is, without copying the text. */
const GENERAL = /general/iy;

function isGeneralAt(section: string, at: number): boolean {
  GENERAL.lastIndex = at;
  return GENERAL.test(section);
}

const isPlaceholder = (ch: string | undefined): boolean => ch === "0" || ch === "#" || ch === "?";

/**
 * What one section does to the figure. One pass, nothing kept per character: a section may be
 * millions of characters long (a file's format is not held to what Excel lets a person type).
 * Commas are followed as runs: a run after a digit placeholder and before the next placeholder
 * groups thousands; one after the last placeholder (before a point or the end) scales by 1,000
 * for each comma.
 */
function effectOfSection(section: string): FormatEffect {
  if (section.length === 0) return { ...NONE, hidden: true };
  if (/^general$/i.test(section.trim())) return NONE;
  let percent = 0;
  let literalPercent = false;
  let literalDigits = false;
  let dateOrText = false;
  let placeholders = false;
  let thousands = 0;
  // The last placeholder, comma or point seen ("" before any), and the run of commas since the last other one.
  let last = "";
  let commas = 0;
  let afterPlaceholder = false;
  const literal = (text: string): void => {
    if (text.includes("%")) literalPercent = true;
    if (/\d/.test(text)) literalDigits = true;
  };
  /** A placeholder, comma or point, in order (literals left out). */
  const skeleton = (ch: string): void => {
    if (ch === ",") {
      if (commas === 0) afterPlaceholder = isPlaceholder(last);
      commas++;
    } else {
      if (commas > 0 && afterPlaceholder && !isPlaceholder(ch)) thousands += commas;
      commas = 0;
      if (isPlaceholder(ch)) placeholders = true;
    }
    last = ch;
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
    } else if ((ch === "g" || ch === "G") && isGeneralAt(section, i)) {
      skeleton("0");
      i += 6;
    } else if (ch === "%") {
      percent++;
    } else if (isPlaceholder(ch) || ch === "," || ch === ".") {
      skeleton(ch);
    } else if ("dmyhsDMYHS@".includes(ch)) {
      // A date, a time or the text placeholder: the value is shown, not as a plain figure.
      dateOrText = true;
    } else if (ch >= "1" && ch <= "9") {
      // Excel shows digits 1–9 outside quotes as themselves (0 is a placeholder).
      literalDigits = true;
    }
  }
  // A run of commas at the end, after the last placeholder, scales.
  if (commas > 0 && afterPlaceholder) thousands += commas;
  if (!dateOrText && !placeholders) return { ...NONE, hidden: true, literalPercent, literalDigits };
  return { percent, literalPercent, thousands, hidden: false, literalDigits };
}

/** A format code's sections, each section's effect, and the conditions of the first two. */
interface ParsedFormat {
  sections: string[];
  effects: FormatEffect[];
  first: ((value: number) => boolean) | undefined;
  second: ((value: number) => boolean) | undefined;
}

/**
 * Formats parsed once each, as every number read looks at its cell's format. No length is
 * refused: Excel caps the format a person can type (255 characters), not the one a file holds,
 * and a longer `0%` once read as General turned 40% into 0.4 without a word (issue #17). Parsing
 * is linear in the code's length, so a long one costs one pass, once; the cache is emptied past
 * {@link PARSED_KEPT} codes (the styles part is bounded, so this is a safety net, not a limit).
 */
const parsedFormats = new Map<string, ParsedFormat>();
const PARSED_KEPT = 2_000;

function parsedFormat(code: string): ParsedFormat {
  const known = parsedFormats.get(code);
  if (known) return known;
  const all = sections(code);
  const format: ParsedFormat = {
    sections: all,
    effects: all.map(effectOfSection),
    first: conditionOf(all[0] as string),
    second: all.length > 1 ? conditionOf(all[1] as string) : undefined,
  };
  if (parsedFormats.size >= PARSED_KEPT) parsedFormats.clear();
  parsedFormats.set(code, format);
  return format;
}

/** How a cell's format shows `value`; no effect for a missing or General format. */
export function formatEffect(numFmt: unknown, value: number): FormatEffect {
  if (typeof numFmt !== "string" || numFmt.length === 0) return NONE;
  const format = parsedFormat(numFmt);
  return format.effects[sectionFor(format, value)] ?? NONE;
}
