/**
 * A copied formula pasted elsewhere, as Excel pastes it: relative references move by the
 * distance from the copied cell to the pasted one, $-anchored parts stay, and a reference moved
 * off the sheet becomes #REF!. Text in quotes, structured references ([@Value]), names and
 * function names are left alone. Whole-column and whole-row references (A:A, 3:5) do not move:
 * the add-in's formulas use none, and Excel moves them only sideways or up and down.
 */

/** A quoted string, or an A1 cell reference (optionally sheet-qualified) not inside a name or a function call. */
const REFERENCE = /("(?:[^"]|"")*")|(?<![\w.$\][])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w([])/g;

/** Columns and rows of Excel's grid (XFD, 1,048,576). */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function columnName(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (!formula.startsWith("=") || (rows === 0 && cols === 0)) return formula;
  return formula.replace(REFERENCE, (match, quoted: string | undefined, sheet: string | undefined, colAbs: string, col: string, rowAbs: string, row: string) => {
    if (quoted !== undefined) return match;
    const c = columnNumber(col) + (colAbs ? 0 : cols);
    const r = Number(row) + (rowAbs ? 0 : rows);
    // Longer than XFD is not a column (a name such as "TAX2024" would not match either way).
    if (columnNumber(col) > MAX_COLUMNS) return match;
    if (c < 1 || r < 1 || c > MAX_COLUMNS || r > MAX_ROWS) return "#REF!";
    return `${sheet ?? ""}${colAbs}${columnName(c)}${rowAbs}${r}`;
  });
}
