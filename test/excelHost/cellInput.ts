/**
 * What a cell becomes when the add-in writes to `Range.values` or `Range.formulas`. Excel reads a
 * written string as if it were typed, which matters for formula-injection safety (DESIGN.md:
 * "Imported text that starts with =, +, -, @ is written as text, never as a formula"):
 *
 * - The Range.values reference: "If the returned value starts with a plus ("+"), minus ("-"), or
 *   equal sign ("="), Excel interprets this value as a formula." So "=A1" is a formula, and so are
 *   "+A1" and "-A1" (stored as "=+A1", "=-A1", as typing them does). "+5" and "-5" are numbers.
 * - A leading apostrophe makes the rest text: "'=A1" stores the text "=A1" (Excel keeps the
 *   apostrophe as a hidden prefix; `values` and `formulas` both read "=A1" back, without it —
 *   office-js issue #6687 — so reading a range and writing `formulas` back turns it into a formula).
 * - A cell whose number format is Text ("@") takes any string as text, "=A1" included.
 * - Other strings that look like numbers become numbers ("12", "1.5e3", "25%" → 0.25); "TRUE" and
 *   "FALSE" (any case) become booleans; "" clears the cell. `null` leaves the cell unchanged
 *   (Excel's rule for null inside a 2-D array).
 *
 * Deliberately not mirrored: date and currency recognition ("2025-01-31", "£5" stay text), thousands
 * separators, and "@" at the start (Excel 365 may read "@A1" as an implicit-intersection formula;
 * the host keeps it as text, so tests about "@" must check what the add-in writes, not rely on this).
 */

export type CellInput =
  | { kind: "unchanged" }
  | { kind: "empty" }
  | { kind: "value"; value: number | string | boolean }
  | { kind: "formula"; formula: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;

/**
 * `keepApostrophe`: the apostrophe-kept profile, where a string written with a leading apostrophe
 * into an `@` cell keeps it (no one knows that Excel strips it there; the add-in must be right
 * either way).
 */
export function interpretInput(raw: unknown, textFormat: boolean, keepApostrophe = false): CellInput {
  if (raw === null || raw === undefined) return { kind: "unchanged" };
  // NaN and Infinity travel as JSON null, which Excel reads as "leave this cell alone".
  if (typeof raw === "number") return Number.isFinite(raw) ? { kind: "value", value: raw } : { kind: "unchanged" };
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  const text = String(raw);
  if (text === "") return { kind: "empty" };
  if (text.startsWith("'") && textFormat && keepApostrophe) return { kind: "value", value: text };
  if (text.startsWith("'")) return text.length === 1 ? { kind: "empty" } : { kind: "value", value: text.slice(1) };
  if (textFormat) return { kind: "value", value: text };
  if (text.startsWith("=") && text.length > 1) return { kind: "formula", formula: text };
  if (NUMBER.test(text)) return { kind: "value", value: Number(text) };
  if (PERCENT.test(text)) return { kind: "value", value: Number(text.slice(0, -1)) / 100 };
  if ((text.startsWith("+") || text.startsWith("-")) && text.length > 1) return { kind: "formula", formula: `=${text}` };
  const upper = text.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  return { kind: "value", value: text };
}
