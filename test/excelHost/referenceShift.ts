/**
 * Moving A1 references when rows are inserted or deleted on a sheet, as Excel moves them: a
 * reference to a row at or below the insertion moves down; a range that spans it grows; a
 * reference into deleted rows becomes #REF!, and a range loses the deleted rows. References to
 * other sheets, structured references and names are untouched (tables and names move
 * themselves). Whole-row references ("3:5") and R1C1 are not handled: the product writes none.
 */
import { MAX_ROWS } from "./addresses";

/** The 0-based row edit: `count` rows inserted at `at` (count > 0), or deleted from `at` (count < 0). */
export interface RowEdit {
  sheet: string;
  at: number;
  count: number;
}

const REFERENCE =
  /("(?:[^"]|"")*")|(?<![\w.$\][])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![\w(![])/g;

/** A 0-based row after the edit; undefined when the row was deleted. */
export function shiftRow(row: number, edit: RowEdit): number | undefined {
  if (row < edit.at) return row;
  if (edit.count > 0) return row + edit.count;
  const deleted = -edit.count;
  if (row < edit.at + deleted) return undefined;
  return row - deleted;
}

/** A 0-based span of rows [first, last] after the edit; undefined when all of it was deleted. */
export function shiftSpan(first: number, last: number, edit: RowEdit): { first: number; last: number } | undefined {
  if (edit.count > 0) return { first: first >= edit.at ? first + edit.count : first, last: last >= edit.at ? last + edit.count : last };
  const deleted = -edit.count;
  const end = edit.at + deleted; // first row after the deleted band
  const f = first < edit.at ? first : first < end ? edit.at : first - deleted;
  const l = last < edit.at ? last : last < end ? edit.at - 1 : last - deleted;
  return l < f ? undefined : { first: f, last: l };
}

const unquote = (prefix: string): string => {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
};

/** The formula's text with its references to `edit.sheet` moved; `ownSheet` is the sheet the formula is on. */
export function shiftRowsInFormula(formula: string, ownSheet: string, edit: RowEdit): string {
  return formula.replace(REFERENCE, (match, quoted: string | undefined, prefix: string | undefined, d1: string, c1: string, d2: string, r1: string, d3?: string, c2?: string, d4?: string, r2?: string) => {
    if (quoted !== undefined) return match;
    const sheet = prefix ? unquote(prefix) : ownSheet;
    if (sheet.toLowerCase() !== edit.sheet.toLowerCase()) return match;
    const head = prefix ?? "";
    const first = Number(r1) - 1;
    if (r2 === undefined) {
      const moved = shiftRow(first, edit);
      return moved === undefined ? "#REF!" : `${head}${d1}${c1}${d2}${moved + 1}`;
    }
    const span = shiftSpan(first, Number(r2) - 1, edit);
    if (!span) return "#REF!";
    return `${head}${d1}${c1}${d2}${span.first + 1}:${d3 ?? ""}${c2 ?? ""}${d4 ?? ""}${span.last + 1}`;
  });
}

/** A rectangle after the edit on its sheet; undefined when all its rows were deleted. */
export function shiftRect<R extends { row: number; rows: number }>(rect: R, edit: RowEdit): R | undefined {
  const span = shiftSpan(rect.row, rect.row + rect.rows - 1, edit);
  return span ? { ...rect, row: span.first, rows: span.last - span.first + 1 } : undefined;
}

/**
 * A formula moved `rows` rows by a sort, as Excel's sort moves it: like a copied formula, its
 * relative row references move with it (so `=E5*2` moved from row 5 to row 8 is `=E8*2`), and
 * $-anchored rows stay. That holds on any sheet: a relative reference to another sheet moves too,
 * which is why Microsoft's sort help says to make references outside the row absolute.
 * A reference moved off the grid becomes #REF!. Structured references and names are untouched.
 */
export function moveRowsInFormula(formula: string, rows: number): string {
  if (rows === 0) return formula;
  const move = (abs: string, row: string): string | undefined => {
    const to = Number(row) + (abs ? 0 : rows);
    return to < 1 || to > MAX_ROWS ? undefined : `${abs}${to}`;
  };
  return formula.replace(REFERENCE, (match, quoted: string | undefined, prefix: string | undefined, d1: string, c1: string, d2: string, r1: string, d3?: string, c2?: string, d4?: string, r2?: string) => {
    if (quoted !== undefined) return match;
    const first = move(d2, r1);
    const last = r2 === undefined ? "" : move(d4 ?? "", r2);
    if (first === undefined || last === undefined) return "#REF!";
    return `${prefix ?? ""}${d1}${c1}${first}${r2 === undefined ? "" : `:${d3 ?? ""}${c2 ?? ""}${last}`}`;
  });
}
