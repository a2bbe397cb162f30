/**
 * Coercion of what Excel hands a custom function: scalars, 2-D arrays for ranges, `""` or
 * `null` for empty cells, `null` for an omitted optional argument. Functions call these,
 * then call src/core with plain domain values.
 */

export type Matrix = unknown[][];

/** A range argument as a matrix; a scalar (a one-cell range in some hosts) becomes [[x]]. */
export function asMatrix(arg: unknown): Matrix {
  if (Array.isArray(arg)) {
    return arg.map((row) => (Array.isArray(row) ? (row as unknown[]) : [row]));
  }
  return [[arg]];
}

export function isBlankCell(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

export function shapeOf(m: Matrix): { rows: number; cols: number } {
  return { rows: m.length, cols: m[0]?.length ?? 0 };
}

export function sameShape(a: Matrix, b: Matrix): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, i) => row.length === (b[i]?.length ?? -1));
}

export function describeShape(m: Matrix): string {
  const { rows, cols } = shapeOf(m);
  return `${rows}×${cols}`;
}

/** Throws the Excel error `code` with `message` (shown by Excel only for #VALUE! and #N/A). */
export function fail(code: CustomFunctions.ErrorCode, message?: string): never {
  throw new CustomFunctions.Error(code, message);
}
