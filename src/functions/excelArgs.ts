/**
 * Coercion of what Excel hands a custom function: scalars, 2-D arrays for ranges, `""` or
 * `null` for empty cells, `null` for an omitted optional argument. Functions call these,
 * then call src/core with plain domain values.
 */
import type { FormulaError, FormulaResult } from "../core/shared/formulaResult";
import type { PlacedCell } from "../core/scores/socialValueFormula";

export type Matrix = unknown[][];

/** A range argument as a matrix; a scalar (a one-cell range in some hosts) becomes [[x]]. */
export function asMatrix(arg: unknown): Matrix {
  if (Array.isArray(arg)) {
    return arg.map((row) => (Array.isArray(row) ? (row as unknown[]) : [row]));
  }
  return [[arg]];
}

/** An empty cell or an omitted argument. */
export function isBlankCell(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

/**
 * A text argument (a measure ref or a unit) with the number 0 read as empty. Desktop builds
 * before a 2024 fix pass an empty cell as 0 (office-js #4702), and no ref or unit is the
 * number 0, so reading 0 as blank gives every build the same answer.
 */
export function textCell(cell: unknown): unknown {
  return cell === 0 ? null : cell;
}

export function shapeOf(m: Matrix): { rows: number; cols: number } {
  return { rows: m.length, cols: m[0]?.length ?? 0 };
}

export function sameShape(a: Matrix, b: Matrix): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, i) => row.length === (b[i]?.length ?? -1));
}

export function cellCount(m: Matrix): number {
  return m.reduce((n, row) => n + row.length, 0);
}

export function describeShape(m: Matrix): string {
  const { rows, cols } = shapeOf(m);
  return `${rows}×${cols}`;
}

/** Cells in reading order (row by row) with their 1-based position in the argument. */
export function placedCells(m: Matrix): PlacedCell[] {
  const out: PlacedCell[] = [];
  m.forEach((row, r) => row.forEach((value, c) => out.push({ value, row: r + 1, col: c + 1 })));
  return out;
}

/** "row 3" for a single column, "row 3, column 2" otherwise: how an evaluator finds the cell. */
export function position(m: Matrix, r: number, c: number): string {
  return shapeOf(m).cols > 1 ? `row ${r + 1}, column ${c + 1}` : `row ${r + 1}`;
}

/** Short, safe rendering of a cell for a message. */
export function show(cell: unknown): string {
  if (typeof cell === "string") return `"${cell.length > 40 ? `${cell.slice(0, 40)}…` : cell}"`;
  return String(cell);
}

/** Throws the Excel error `code` with `message` (shown by Excel only for #VALUE! and #N/A). */
export function fail(code: CustomFunctions.ErrorCode, message?: string): never {
  throw new CustomFunctions.Error(code, message);
}

const EXCEL_CODE = {
  VALUE: "invalidValue",
  NUM: "invalidNumber",
  DIV0: "divisionByZero",
  NA: "notAvailable",
} as const;

/** Translates a core FormulaError to the Excel error, keeping the message. */
export function raise(error: FormulaError): never {
  fail(CustomFunctions.ErrorCode[EXCEL_CODE[error.code]], error.message);
}

export function unwrap<T>(result: FormulaResult<T>): T {
  if (!result.ok) raise(result);
  return result.value;
}

/**
 * A number argument (one cell): blank → `blank` (or #VALUE! when `blank` is undefined),
 * text or boolean → #VALUE!, negative → #NUM! (when `nonNegative`).
 */
export function numberArg(cell: unknown, name: string, opts: { blank?: number; nonNegative?: boolean } = {}): number {
  if (isBlankCell(cell)) {
    if (opts.blank === undefined) fail(CustomFunctions.ErrorCode.invalidValue, `${name} is blank: give a number.`);
    return opts.blank;
  }
  if (typeof cell !== "number") fail(CustomFunctions.ErrorCode.invalidValue, `${name} is ${show(cell)}, not a number.`);
  if (!Number.isFinite(cell)) fail(CustomFunctions.ErrorCode.invalidNumber);
  if (opts.nonNegative && cell < 0) fail(CustomFunctions.ErrorCode.invalidNumber, `${name} is negative.`);
  return cell;
}

/** A one-cell argument given as a range: its single cell, or #VALUE! for a larger range. */
export function single(arg: unknown, name: string): unknown {
  if (!Array.isArray(arg)) return arg;
  const m = asMatrix(arg);
  if (cellCount(m) !== 1) fail(CustomFunctions.ErrorCode.invalidValue, `${name} must be one cell, not a ${describeShape(m)} range.`);
  return m[0]?.[0];
}
