/**
 * Reading what a cell holds. Cells arrive from three places, each with its own shapes:
 *
 * - Office.js `range.values`: numbers, strings, booleans, `""` for empty; errors as the
 *   strings "#N/A", "#VALUE!", …; dates as serial numbers (indistinguishable from numbers).
 * - Office.js `valuesAsJson`: `{ type: "Double" | "String" | "Error" | …, basicValue }`.
 * - ExcelJS (imported response forms): the primitives, `Date` objects, `{ error: "#N/A" }`,
 *   `{ richText: [{ text }] }`, `{ text, hyperlink }`, `{ formula, result }`.
 *
 * Plus anything at all a caller hands over. Nothing here throws; what cannot be read is
 * reported as such. The custom functions use this module on every recalculation, so the
 * common cases (a number, a short string) take a few `typeof` checks and nothing else.
 */
import { clip, formatNumber, quote } from "./format";

/**
 * Longest text kept from a cell. Bidder names, refs and units are short; bounding them keeps
 * map keys and messages small when someone pastes a document into a cell (Excel allows 32,767
 * characters).
 */
export const MAX_TEXT_LENGTH = 1000;

/** Text longer than this cannot be a number someone typed, so it is not parsed as one. */
const MAX_NUMBER_TEXT = 64;

/** How deep wrapper objects (a formula result holding a rich text …) are unwrapped. */
const MAX_DEPTH = 3;

/** The error values Excel shows in a cell, as Office.js `values` reports them. */
const ERROR_LITERALS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#EXTERNAL!",
]);

/** A cell showing an Excel error, e.g. `#N/A`. */
class ErrorValue {
  constructor(readonly error: string) {}
}

/** A cell holding something no Excel reader produces (an array, a function, a plain object). */
const OTHER: unique symbol = Symbol("other");

type Plain = string | number | boolean | bigint | Date | ErrorValue | typeof OTHER | null | undefined;

function isErrorLiteral(text: string): boolean {
  // '#' first: the set lookup is only paid for text that could be an error.
  return text.charCodeAt(0) === 35 && ERROR_LITERALS.has(text.trim());
}

/** The value a wrapper object stands for; primitives pass through untouched. */
function plain(cell: unknown, depth = 0): Plain {
  switch (typeof cell) {
    case "string":
      return isErrorLiteral(cell) ? new ErrorValue(cell.trim()) : cell;
    case "number":
    case "boolean":
    case "bigint":
    case "undefined":
      return cell;
    case "object":
      break;
    default:
      return OTHER; // symbol, function
  }
  if (cell === null) return null;
  // Getters and proxy traps on a hostile object may throw; a cell must never take the
  // validator down.
  try {
    if (cell instanceof Date) return cell;
    if (depth >= MAX_DEPTH || Array.isArray(cell)) return OTHER;
    const o = cell as Record<string, unknown>;
    if (typeof o.error === "string") return new ErrorValue(o.error);
    if (Array.isArray(o.richText)) {
      let text = "";
      for (const run of o.richText as unknown[]) {
        const t = (run as { text?: unknown } | null)?.text;
        if (typeof t === "string") text += t;
        if (text.length > MAX_TEXT_LENGTH * 2) break;
      }
      return text;
    }
    if ("formula" in o || "sharedFormula" in o) return plain(o.result, depth + 1);
    if ("hyperlink" in o) return plain(o.text, depth + 1);
    if (typeof o.type === "string" && "basicValue" in o) {
      if (o.type === "Error") return new ErrorValue(typeof o.basicValue === "string" ? o.basicValue : "#VALUE!");
      return plain(o.basicValue, depth + 1);
    }
  } catch {
    return OTHER;
  }
  return OTHER;
}

function isWhitespace(text: string): boolean {
  if (text.length === 0) return true;
  // Most cells start with a visible ASCII character: then they are not blank, with no trim.
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return text.trim().length === 0;
}

/** Empty: nothing, an empty string or only spaces (also inside a wrapper object). */
export function isBlank(cell: unknown): boolean {
  if (cell === null || cell === undefined) return true;
  // An error literal is never blank, so plain strings skip the unwrapping.
  if (typeof cell === "string") return isWhitespace(cell);
  if (typeof cell === "number" || typeof cell === "boolean") return false;
  const p = plain(cell);
  return p === null || p === undefined || (typeof p === "string" && isWhitespace(p));
}

/** The Excel error a cell shows ("#N/A"), or undefined when it shows none. */
export function cellError(cell: unknown): string | undefined {
  if (typeof cell === "number" || cell === null || cell === undefined) return undefined;
  const p = plain(cell);
  return p instanceof ErrorValue ? p.error : undefined;
}

/**
 * Errors that mean Excel has not finished, not that a formula is wrong: #BUSY! while a custom
 * function computes (on the web a large recalculation can sit there for seconds: office-js
 * #6841, #2786), #GETTING_DATA while data loads, and #CALC!, which Excel's calculation engine
 * also shows part-way. A value read while one shows is not a value: the reader must wait.
 */
const NOT_READY_ERRORS: ReadonlySet<string> = new Set(["#BUSY!", "#CALC!", "#GETTING_DATA"]);

/** The not-ready error a cell shows ("#BUSY!"), or undefined. */
export function notReadyError(cell: unknown): string | undefined {
  if (typeof cell !== "string" || cell.charCodeAt(0) !== 35) return undefined;
  const error = cellError(cell);
  return error !== undefined && NOT_READY_ERRORS.has(error) ? error : undefined;
}

/** The first cell of `rows` (reading order) showing a not-ready error, 0-based, or undefined. */
export function firstNotReady(rows: readonly (readonly unknown[])[]): { row: number; column: number; shows: string } | undefined {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly unknown[];
    for (let c = 0; c < row.length; c++) {
      const shows = notReadyError(row[c]);
      if (shows !== undefined) return { row: r, column: c, shows };
    }
  }
  return undefined;
}

function boundedText(text: string): string | undefined {
  const t = text.trim();
  if (t.length === 0) return undefined;
  return t.length > MAX_TEXT_LENGTH ? t.slice(0, MAX_TEXT_LENGTH) : t;
}

/**
 * The text of a cell, trimmed and at most {@link MAX_TEXT_LENGTH} characters: strings and
 * rich text as written, finite numbers as JavaScript prints them (a ref typed as 1.2 is
 * "1.2"). Undefined for a blank cell and for one that holds no text: an error, a boolean, a
 * date, NaN or an unreadable object.
 */
export function readText(cell: unknown): string | undefined {
  if (typeof cell === "string") return isErrorLiteral(cell) ? undefined : boundedText(cell);
  const p = plain(cell);
  if (typeof p === "string") return boundedText(p);
  if (typeof p === "number") return Number.isFinite(p) ? String(p) : undefined;
  if (typeof p === "bigint") return String(p);
  return undefined;
}

export type InvalidReason = "text" | "boolean" | "date" | "error" | "not-finite" | "other";

export type Quantity =
  | { kind: "blank" }
  | {
      kind: "number";
      value: number;
      /** Typed as text ("1,200", "£1,200.50", " 12 ", "12%") and read as a number. */
      fromText: boolean;
    }
  | { kind: "invalid"; reason: InvalidReason };

// Shared results: reading a cell allocates nothing unless it holds a number.
const BLANK: Quantity = Object.freeze({ kind: "blank" });
const INVALID: Readonly<Record<InvalidReason, Quantity>> = {
  text: Object.freeze({ kind: "invalid", reason: "text" }),
  boolean: Object.freeze({ kind: "invalid", reason: "boolean" }),
  date: Object.freeze({ kind: "invalid", reason: "date" }),
  error: Object.freeze({ kind: "invalid", reason: "error" }),
  "not-finite": Object.freeze({ kind: "invalid", reason: "not-finite" }),
  other: Object.freeze({ kind: "invalid", reason: "other" }),
};

function numberResult(value: number, fromText: boolean): Quantity {
  if (!Number.isFinite(value)) return INVALID["not-finite"];
  // -0 reads as 0: a quantity has no sign of zero, and messages must not print "-0".
  return { kind: "number", value: value === 0 ? 0 : value, fromText };
}

/** Digits with optional UK thousands commas (strictly in threes) and an optional decimal part. */
const NUMBER_TEXT = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^\.\d+$/;

/**
 * A number typed as text, the way bidders type them: " 12 ", "1,200", "£1,200.50", "-5",
 * "12%" (read as 12, the scale percent measures use). A comma not between groups of three
 * ("1,2") is refused rather than guessed at: it may be a decimal comma.
 */
function parseNumberText(text: string): Quantity {
  let s = text.trim();
  if (s.length === 0) return BLANK;
  if (s.length > MAX_NUMBER_TEXT) return INVALID.text;
  let negative = false;
  const sign = s[0];
  if (sign === "-" || sign === "+" || sign === "\u2212") {
    negative = sign !== "+";
    s = s.slice(1).trimStart();
  }
  let pound = false;
  if (s[0] === "£") {
    pound = true;
    s = s.slice(1).trimStart();
    // "£-5" is as negative as "-£5".
    if (!negative && (s[0] === "-" || s[0] === "\u2212")) {
      negative = true;
      s = s.slice(1).trimStart();
    }
  }
  if (s.endsWith("%")) {
    if (pound) return INVALID.text;
    s = s.slice(0, -1).trimEnd();
  }
  if (!NUMBER_TEXT.test(s)) return INVALID.text;
  const value = Number(s.includes(",") ? s.split(",").join("") : s);
  return numberResult(negative ? -value : value, true);
}

/**
 * A quantity: blank, a number (noting whether it was typed as text), or why it is not one.
 * Dates are refused: no commitment is counted in dates, and a date in a quantity cell is
 * almost always Excel reformatting what was typed.
 */
export function readQuantity(cell: unknown): Quantity {
  if (typeof cell === "number") return numberResult(cell, false);
  const p = plain(cell);
  switch (typeof p) {
    case "number":
      return numberResult(p, false);
    case "string":
      return parseNumberText(p);
    case "boolean":
      return INVALID.boolean;
    case "bigint":
      return numberResult(Number(p), false);
    case "undefined":
      return BLANK;
    default:
      if (p === null) return BLANK;
      if (p instanceof Date) return INVALID.date;
      if (p instanceof ErrorValue) return INVALID.error;
      return INVALID.other;
  }
}

/**
 * A number as it was held, never in exponent notation (which reads as a typo to an evaluator):
 * JavaScript writes 1e21 and beyond, and anything closer to 0 than 0.000001, that way.
 */
function plainNumber(n: number): string {
  const written = String(n);
  if (!/e/i.test(written)) return written;
  if (Math.abs(n) >= 1) return formatNumber(n);
  return n < 0 ? "a negative figure closer to 0 than -0.000001" : "a figure closer to 0 than 0.000001";
}

/**
 * What a cell holds, for a message: `“about 20”`, `TRUE`, `a date`, `the error #N/A`, `an unreadable value`,
 * `a value that is not a number`, `nothing`. Never more than a few dozen characters, and never
 * "NaN" or "Infinity", which mean nothing to an evaluator (such a value comes from a file or a
 * calculation, never from Excel, which shows #NUM! instead).
 */
export function describeCell(cell: unknown): string {
  const p = plain(cell);
  switch (typeof p) {
    case "string":
      return isWhitespace(p) ? "nothing" : quote(p.trim());
    case "number":
      if (Number.isNaN(p)) return "a value that is not a number";
      if (!Number.isFinite(p)) return "an infinite value";
      return plainNumber(p);
    case "bigint":
      return String(p);
    case "boolean":
      return p ? "TRUE" : "FALSE";
    case "undefined":
      return "nothing";
    default:
      if (p === null) return "nothing";
      if (p instanceof Date) return "a date";
      if (p instanceof ErrorValue) return "the error " + clip(p.error, 20);
      return "an unreadable value";
  }
}

/** A table's column by header, trimmed and case-insensitive: -1 when absent. */
export function headerIndex(headers: readonly string[]): (name: string) => number {
  const lower = headers.map((h) => h.trim().toLowerCase());
  return (name: string) => lower.indexOf(name.toLowerCase());
}
