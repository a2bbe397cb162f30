/**
 * A1 addresses as Excel writes them: "A1", "A1:B2", "$A$1", whole columns "A:C", whole rows
 * "2:5", and sheet-qualified forms "Sheet1!A1" and "'SV Setup'!A1:B2" (a sheet name that is
 * not a plain identifier is quoted, an apostrophe inside doubled). Rows and columns are
 * 0-based inside the host; Excel's grid is 1,048,576 rows × 16,384 columns (XFD).
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export class AddressError extends Error {}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** A1 text without a sheet ("A1", "B2:C9", "A:A", "3:3") as a rectangle; throws AddressError. */
export function parseA1(text: string): Rect {
  const parts = text.trim().split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) throw new AddressError(`"${text}" is not an A1 address`);
  const [first, second = first] = parts as [string, string?];
  const cells = [first, second].map((p) => CELL.exec(p));
  if (cells[0] && cells[1]) {
    const [a, b] = cells.map((m) => ({ row: Number(m![2]) - 1, col: columnIndex(m![1]!) }));
    return checked(span(a!, b!), text);
  }
  if (parts.length === 2) {
    const cols = parts.map((p) => COLUMN.exec(p));
    if (cols[0] && cols[1]) {
      const [a, b] = cols.map((m) => columnIndex(m![1]!));
      return checked({ row: 0, col: Math.min(a!, b!), rows: MAX_ROWS, cols: Math.abs(a! - b!) + 1 }, text);
    }
    const rows = parts.map((p) => ROW.exec(p));
    if (rows[0] && rows[1]) {
      const [a, b] = rows.map((m) => Number(m![1]) - 1);
      return checked({ row: Math.min(a!, b!), col: 0, rows: Math.abs(a! - b!) + 1, cols: MAX_COLUMNS }, text);
    }
  }
  throw new AddressError(`"${text}" is not an A1 address`);
}

function span(a: { row: number; col: number }, b: { row: number; col: number }): Rect {
  return { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 };
}

function checked(rect: Rect, text: string): Rect {
  if (rect.row < 0 || rect.col < 0 || rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLUMNS) {
    throw new AddressError(`"${text}" is outside the grid`);
  }
  return rect;
}

/** Splits "'SV Setup'!A1:B2" into the sheet name (unquoted) and the A1 part. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (text[i] === "'") break;
      else name += text[i++];
    }
    if (text[i + 1] !== "!") throw new AddressError(`"${address}" has a quoted sheet name without "!"`);
    return { sheet: name, ref: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf("!");
  return bang < 0 ? { ref: text } : { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
}

const PLAIN_SHEET = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** A sheet name as a formula or address writes it: quoted unless a plain identifier that is not also a cell reference. */
export function quoteSheet(name: string): string {
  const looksLikeCell = CELL.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
  return PLAIN_SHEET.test(name) && !looksLikeCell ? name : `'${name.replace(/'/g, "''")}'`;
}

export function isWholeColumns(rect: Rect): boolean {
  return rect.row === 0 && rect.rows === MAX_ROWS;
}

export function isWholeRows(rect: Rect): boolean {
  return rect.col === 0 && rect.cols === MAX_COLUMNS;
}

/** "A1", "A1:B2", "A:C" or "2:5", optionally with $ (absolute). */
export function formatA1(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const col = (c: number): string => d + columnLetters(c);
  const row = (r: number): string => d + String(r + 1);
  if (isWholeColumns(rect) && !isWholeRows(rect)) return `${col(rect.col)}:${col(rect.col + rect.cols - 1)}`;
  if (isWholeRows(rect) && !isWholeColumns(rect)) return `${row(rect.row)}:${row(rect.row + rect.rows - 1)}`;
  const first = col(rect.col) + row(rect.row);
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${col(rect.col + rect.cols - 1)}${row(rect.row + rect.rows - 1)}`;
}

/** "'SV Setup'!A1:B2", as Range.address reads. */
export function qualifiedAddress(sheet: string, rect: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${formatA1(rect, absolute)}`;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.rows && col >= outer.col && col < outer.col + outer.cols;
}

export function intersection(a: Rect, b: Rect): Rect | undefined {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  return rowEnd > row && colEnd > col ? { row, col, rows: rowEnd - row, cols: colEnd - col } : undefined;
}

export function cellCount(rect: Rect): number {
  return rect.rows * rect.cols;
}

/** Whether a rectangle stays inside the grid. */
export function inGrid(rect: Rect): boolean {
  return rect.row >= 0 && rect.col >= 0 && rect.rows > 0 && rect.cols > 0 && rect.row + rect.rows <= MAX_ROWS && rect.col + rect.cols <= MAX_COLUMNS;
}
