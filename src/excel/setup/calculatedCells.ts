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
 * formula that shows "" is neither. Each answer is one RangeAreas holding only the offending
 * rectangles, so the response stays small whatever the table's size. The searches ride in a
 * request the read already makes; only when one finds something is a second, small request
 * made, reading each area's position (RangeAreas.areas: no address text to parse, whatever the
 * locale's list separator).
 */
import { CALCULATED_COLUMNS, columnLetter, runsOf, type CalculatedColumn, type TypedOverFormula } from "../../core";

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

/** The rectangles each search found, after `readFoundAreas`. */
export interface FoundAreas {
  readonly rects: readonly SheetRect[];
  readonly blank: boolean;
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
  for (const [from, to] of runsOf([...columns.keys()])) {
    const range = sheet.getRange(`${columnLetter(from)}${firstRow}:${columnLetter(to)}${search.lastRow}`);
    // String values of Excel.SpecialCellType, as the wire carries them.
    search.constants.push(range.getSpecialCellsOrNullObject("Constants" as Excel.SpecialCellType).load("areaCount"));
    search.blanks.push(range.getSpecialCellsOrNullObject("Blanks" as Excel.SpecialCellType).load("areaCount"));
  }
  return search;
}

/**
 * After the search's sync: the areas each search found, read in one more request only when a
 * search found something (a typed-over formula is rare). Returns the areas and the syncs spent.
 */
export async function readFoundAreas(context: Excel.RequestContext, search: CalculatedCellSearch): Promise<{ found: FoundAreas[]; syncs: number }> {
  const hits = [...search.constants.map((a) => ({ a, blank: false })), ...search.blanks.map((a) => ({ a, blank: true }))].filter((h) => !h.a.isNullObject);
  if (hits.length === 0) return { found: [], syncs: 0 };
  const loaded = hits.map((h) => ({ blank: h.blank, areas: h.a.areas.load("items/rowIndex, items/columnIndex, items/rowCount, items/columnCount") }));
  await context.sync();
  return {
    found: loaded.map((l) => ({ blank: l.blank, rects: l.areas.items.map((r) => ({ row: r.rowIndex + 1, col: r.columnIndex + 1, rows: r.rowCount, cols: r.columnCount })) })),
    syncs: 1,
  };
}

/**
 * Every offending cell with what it holds now. `valueAt(row, column)` gives a cell's value from
 * the rows already read (1-based sheet row and column). Cells outside the searched rows and
 * columns are ignored (Excel's older SpecialCells widened a one-cell search to the whole sheet;
 * this keeps to the table whatever the host does).
 */
export function typedOverCells(search: CalculatedCellSearch, found: readonly FoundAreas[], valueAt: (row: number, column: number) => unknown): TypedOverFormula[] {
  const out: TypedOverFormula[] = [];
  for (const { rects, blank } of found) {
    for (const rect of rects) {
      const top = Math.max(rect.row, search.firstRow);
      const bottom = Math.min(rect.row + rect.rows - 1, search.lastRow);
      for (let col = rect.col; col < rect.col + rect.cols; col++) {
        const column = search.columns.get(col);
        if (column === undefined) continue;
        for (let row = top; row <= bottom; row++) out.push({ row, column, found: blank ? "" : valueAt(row, col) });
      }
    }
  }
  return out.sort((a, b) => a.row - b.row || CALCULATED_COLUMNS.indexOf(a.column) - CALCULATED_COLUMNS.indexOf(b.column));
}

/** A rectangle in 1-based sheet rows and columns. */
export interface SheetRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}


