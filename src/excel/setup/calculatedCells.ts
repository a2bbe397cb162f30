/**
 * Finds the calculated cells of SV_Commitments (Measure, Proxy, Type, Value, Check) that no
 * longer hold their column's formula: a value typed or pasted over it, or the cell cleared.
 * Such a row's social value in the sheet is silently wrong (a Proxy of 50000 typed over the
 * looked-up 500), and an import that later reuses the row keeps the typed value.
 *
 * Reading the formulas of five columns would cost as much as reading their values again, so
 * Excel is asked for the exceptions only: `Range.getSpecialCellsOrNullObject` (ExcelApi 1.9)
 * with "Constants" ("cells containing constants") and "Blanks" ("cells with no content") over
 * the calculated columns' data body. A cleared cell is not a constant, so both are needed; a
 * formula that shows "" is neither. Each answer is one RangeAreas whose `address` lists only
 * the offending rectangles ("'SV Commitments'!F7, 'SV Commitments'!H9:H12"), so the response
 * stays small whatever the table's size, and the loads ride in a request the read already makes.
 */
import { CALCULATED_COLUMNS, columnLetter, type CalculatedColumn, type TypedOverFormula } from "../../core";

/** What Excel is asked; the searches are RangeAreas proxies, read after the sync. */
export interface CalculatedCellSearch {
  /** 1-based sheet rows of the data body searched. */
  firstRow: number;
  lastRow: number;
  /** Calculated column per 1-based sheet column. */
  columns: ReadonlyMap<number, CalculatedColumn>;
  constants: Excel.RangeAreas[];
  blanks: Excel.RangeAreas[];
}

/**
 * The calculated columns present in `headers` (matched trimmed, case-insensitively), as the
 * 0-based indexes into the header row.
 */
export function calculatedColumnIndexes(headers: readonly string[]): Map<number, CalculatedColumn> {
  const out = new Map<number, CalculatedColumn>();
  headers.forEach((h, i) => {
    const column = CALCULATED_COLUMNS.find((c) => c.toLowerCase() === h.trim().toLowerCase());
    if (column !== undefined && ![...out.values()].includes(column)) out.set(i, column);
  });
  return out;
}

/**
 * Queues the search (no sync): one Constants and one Blanks lookup per run of adjacent
 * calculated columns (the template has two runs: Measure, then Proxy to Check).
 * `firstColumn` is the 1-based sheet column of the table's first column.
 */
export function queueCalculatedCellSearch(
  sheet: Excel.Worksheet,
  headers: readonly string[],
  firstColumn: number,
  firstRow: number,
  rowCount: number
): CalculatedCellSearch {
  const indexes = calculatedColumnIndexes(headers);
  const columns = new Map<number, CalculatedColumn>();
  for (const [i, column] of indexes) columns.set(firstColumn + i, column);
  const search: CalculatedCellSearch = { firstRow, lastRow: firstRow + rowCount - 1, columns, constants: [], blanks: [] };
  if (rowCount <= 0) return search;
  for (const [from, to] of runs([...columns.keys()])) {
    const range = sheet.getRange(`${columnLetter(from)}${firstRow}:${columnLetter(to)}${search.lastRow}`);
    // String values of Excel.SpecialCellType, as the wire carries them.
    search.constants.push(range.getSpecialCellsOrNullObject("Constants" as Excel.SpecialCellType).load("address"));
    search.blanks.push(range.getSpecialCellsOrNullObject("Blanks" as Excel.SpecialCellType).load("address"));
  }
  return search;
}

/** Sorted column numbers as [first, last] runs of adjacent ones. */
function runs(columns: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last !== undefined && last[1] === c - 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

/**
 * After the sync: every offending cell with what it holds now. `valueAt(row, column)` gives a
 * cell's value from the rows already read (1-based sheet row and column). Cells outside the
 * searched rows and columns are ignored (Excel's older SpecialCells widened a one-cell search
 * to the whole sheet; this keeps to the table whatever the host does).
 */
export function typedOverCells(search: CalculatedCellSearch, valueAt: (row: number, column: number) => unknown): TypedOverFormula[] {
  const out: TypedOverFormula[] = [];
  const collect = (areas: Excel.RangeAreas[], blank: boolean): void => {
    for (const found of areas) {
      if (found.isNullObject) continue;
      for (const rect of parseAreasAddress(found.address)) {
        const top = Math.max(rect.row, search.firstRow);
        const bottom = Math.min(rect.row + rect.rows - 1, search.lastRow);
        for (let col = rect.col; col < rect.col + rect.cols; col++) {
          const column = search.columns.get(col);
          if (column === undefined) continue;
          for (let row = top; row <= bottom; row++) out.push({ row, column, found: blank ? "" : valueAt(row, col) });
        }
      }
    }
  };
  collect(search.constants, false);
  collect(search.blanks, true);
  return out.sort((a, b) => a.row - b.row || CALCULATED_COLUMNS.indexOf(a.column) - CALCULATED_COLUMNS.indexOf(b.column));
}

/** A rectangle in 1-based sheet rows and columns. */
export interface SheetRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * "'SV Commitments'!F5:F7, 'SV Commitments'!H9" (RangeAreas.address: each rectangle
 * sheet-qualified, comma-separated) as rectangles. Commas inside a quoted sheet name are not
 * separators; whole rows or columns and anything unreadable are skipped, not guessed.
 */
export function parseAreasAddress(address: string): SheetRect[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled '' inside a name toggles twice: no change
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  const out: SheetRect[] = [];
  for (const part of parts) {
    const ref = part.slice(part.lastIndexOf("!") + 1).trim();
    const m = A1.exec(ref);
    if (m === null) continue;
    const [c1, r1] = [columnNumber(m[1]!), Number(m[2])];
    const [c2, r2] = m[3] !== undefined ? [columnNumber(m[3]), Number(m[4])] : [c1, r1];
    out.push({ row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 });
  }
  return out;
}
