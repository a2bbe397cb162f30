/**
 * Edits that move cells: inserting and deleting sheet rows, sorting a table, filtering it. The
 * add-in never makes these itself; a co-author makes them between two of its requests
 * (coauthor.ts), and its next request must cope with what they left; the playground's user sorts
 * and filters from a table's header (through TableSort and Filter).
 *
 * Inserting or deleting rows moves everything on the sheet below them, as Excel does: cell
 * contents and formats, formulas' references to those rows (referenceShift.ts) wherever the
 * formula is, defined names, tables (a table the rows go through grows or shrinks; one whose
 * header row is deleted goes), validation and conditional-format areas, charts' data, filtered
 * rows and the selection. Sorting reorders a table's data rows with their formats, and moves
 * formulas as Excel's sort does (sortTable). Filtering hides the rows whose value in a column is
 * not kept; it does not change a value. The same functions serve the Office.js members
 * (TableSort, Filter: types/tables.ts), which add Excel's protection rules.
 */
import type { Rect } from "./addresses";
import { chartsOf } from "./charts";
import type { CellInput } from "./cellInput";
import { excelError } from "./errors";
import { moveRowsInFormula, shiftRect, shiftRow, shiftRowsInFormula, type RowEdit } from "./referenceShift";
import { cellKey, keyCol, keyRow, type SheetModel } from "./sheetModel";
import type { TableColumnModel, TableModel } from "./tableModel";
import type { CellValue, WorkbookModel } from "./workbookModel";

/** Applies a row edit to the whole workbook. `count` > 0 inserts rows at `at`; < 0 deletes them. */
export function editRows(model: WorkbookModel, sheet: SheetModel, at: number, count: number): RowEdit {
  if (!Number.isInteger(at) || at < 0 || !Number.isInteger(count) || count === 0) throw excelError("InvalidArgument", `cannot move ${count} rows at row ${at + 1}`);
  const edit: RowEdit = { sheet: sheet.name, at, count };
  if (count > 0) model.engine.addRows(sheet.engineId, [at, count]);
  else model.engine.removeRows(sheet.engineId, [at, -count]);
  const move = (row: number): number | undefined => shiftRow(row, edit);

  const formulas = [...sheet.formulas];
  sheet.formulas.clear();
  for (const [key, entry] of formulas) {
    const row = move(keyRow(key));
    if (row !== undefined) sheet.formulas.set(cellKey(row, keyCol(key)), entry);
  }
  for (const s of model.sheets) for (const entry of s.formulas.values()) entry.source = shiftRowsInFormula(entry.source, s.name, edit);
  for (const name of model.names.values()) name.formula = shiftRowsInFormula(name.formula, "", edit);

  sheet.formats.moveRows(move);
  const hidden = [...sheet.hiddenRows];
  sheet.hiddenRows.clear();
  for (const row of hidden) {
    const to = move(row);
    if (to !== undefined) sheet.hiddenRows.add(to);
  }
  moveAreas(sheet.validations, edit);
  for (const entry of sheet.validations) {
    const list = entry.rule?.list as { source?: unknown } | undefined;
    if (list && typeof list.source === "string") list.source = shiftRowsInFormula(list.source, sheet.name, edit);
  }
  moveAreas(sheet.conditionalFormats, edit);
  for (const cf of sheet.conditionalFormats) {
    for (const key of ["formula", "formula1", "formula2"]) {
      const f = cf.rule[key];
      if (typeof f === "string") cf.rule[key] = shiftRowsInFormula(f, sheet.name, edit);
    }
  }
  for (const table of [...model.tables]) if (table.sheet === sheet) moveTable(model, table, edit);
  for (const chart of chartsOf(sheet)) {
    chart.source = shiftRect(chart.source, edit) ?? chart.source;
    for (const series of chart.series) {
      series.nameRect = shiftRect(series.nameRect, edit) ?? series.nameRect;
      series.values = shiftRect(series.values, edit) ?? series.values;
      series.categories = shiftRect(series.categories, edit) ?? series.categories;
    }
  }
  if (model.selection.sheet === sheet) model.selection = { sheet, rect: shiftRect(model.selection.rect, edit) ?? { row: at, col: 0, rows: 1, cols: 1 } };
  model.contentVersion++;
  model.retranslateAll();
  return edit;
}

function moveAreas<A extends { rect: Rect }>(areas: A[], edit: RowEdit): void {
  for (let i = areas.length - 1; i >= 0; i--) {
    const area = areas[i] as A;
    const rect = shiftRect(area.rect, edit);
    if (rect) area.rect = rect;
    else areas.splice(i, 1);
  }
}

/** A table grows when rows go in below its header and within it; shrinks when its data rows go; goes with its header row. */
function moveTable(model: WorkbookModel, table: TableModel, edit: RowEdit): void {
  const header = table.rect.row;
  const last = table.rect.row + table.rect.rows - 1;
  if (edit.count > 0) {
    if (edit.at <= header) table.rect = { ...table.rect, row: header + edit.count };
    else if (edit.at <= last) table.rect = { ...table.rect, rows: table.rect.rows + edit.count };
  } else if (shiftRow(header, edit) === undefined) {
    model.tables.splice(model.tables.indexOf(table), 1);
    table.deleted = true;
  } else {
    const moved = shiftRect(table.rect, edit) ?? table.rect;
    // A table keeps one data row, as Excel keeps an empty one when every data row is deleted.
    table.rect = { ...moved, rows: Math.max(2, moved.rows) };
  }
  model.markStale();
}

/** Excel's ascending sort order: numbers, then text (case-insensitive), then logicals, then errors; blanks last either way. */
function sortKey(value: CellValue): [number, number | string] {
  if (value === "") return [4, 0];
  if (typeof value === "number") return [0, value];
  if (typeof value === "boolean") return [2, value ? 1 : 0];
  if (/^#[A-Z0-9/!?]+[!?A]?$/.test(value)) return [3, value];
  return [1, value.toLowerCase()];
}

function compare(a: CellValue, b: CellValue, ascending: boolean): number {
  const [ka, va] = sortKey(a);
  const [kb, vb] = sortKey(b);
  if (ka === 4 || kb === 4) return ka - kb; // blanks last, ascending or not
  const order = ka !== kb ? ka - kb : va < vb ? -1 : va > vb ? 1 : 0;
  return ascending ? order : -order;
}

/**
 * Sorts a table's data rows by one column, as a user sorts from the header's menu. Stable.
 *
 * As Excel sorts: whole rows move, each with its cell formats; a formula moves as Excel's sort
 * moves it (moveRowsInFormula: relative rows follow the row, $-anchored ones stay; structured
 * references need nothing). Rows a filter hides are not moved ("Hidden rows are not moved when
 * you sort", Microsoft's sort help): the shown rows are sorted among their own places.
 */
export function sortTable(model: WorkbookModel, table: TableModel, column: string, ascending = true): void {
  const index = table.columnIndex(column);
  if (index < 0) throw excelError("InvalidArgument", `table ${table.name} has no column "${column}"`);
  const body = table.dataRect();
  const values = model.readValues(table.sheet, body);
  const places = values.map((_, i) => i).filter((i) => !table.sheet.hiddenRows.has(body.row + i));
  // order[k] is the row that goes to places[k].
  const order = [...places].sort((a, b) => compare(values[a]?.[index] ?? "", values[b]?.[index] ?? "", ascending) || a - b);
  spreadColumnFormats(table);
  const rowInputs = order.map((from, k) =>
    Array.from({ length: body.cols }, (_, c): CellInput => {
      const formula = table.sheet.formulas.get(cellKey(body.row + from, body.col + c));
      const value = values[from]?.[c] ?? "";
      if (formula) return { kind: "formula", formula: moveRowsInFormula(formula.source, (places[k] as number) - from) };
      return value === "" ? { kind: "empty" } : { kind: "value", value };
    })
  );
  // One write per run of consecutive places (one in all when no row is hidden).
  for (let k = 0; k < places.length; ) {
    let end = k + 1;
    while (end < places.length && (places[end] as number) === (places[end - 1] as number) + 1) end++;
    model.writeCellInputs(table.sheet, { ...body, row: body.row + (places[k] as number), rows: end - k }, rowInputs.slice(k, end));
    k = end;
  }
  const formats = order.map((from) => Array.from({ length: body.cols }, (_, c) => table.sheet.formats.cells.get(cellKey(body.row + from, body.col + c))));
  formats.forEach((row, k) =>
    row.forEach((patch, c) => {
      const key = cellKey(body.row + (places[k] as number), body.col + c);
      if (patch) table.sheet.formats.cells.set(key, patch);
      else table.sheet.formats.cells.delete(key);
    })
  );
  const id = (table.columns[index] as TableColumnModel).id;
  table.sortFields = [{ columnId: id, ascending }];
}

/**
 * Gives every data row the cell format of the table's first data row where it has none of its
 * own. Why: in Excel each row a table gains takes its columns' formats, so all rows carry them
 * and a sort moving formats with rows changes nothing to look at; the host keeps them on the
 * first data row only (the add-in formats that row and lets the table grow; the playground's
 * sheetCells.ts reads it as the column's). Without this, a sort would carry the column's £,
 * fill and unlocked state off to wherever the first row went.
 */
function spreadColumnFormats(table: TableModel): void {
  const body = table.dataRect();
  for (let c = body.col; c < body.col + body.cols; c++) {
    const first = table.sheet.formats.cells.get(cellKey(body.row, c));
    if (!first) continue;
    for (let r = body.row + 1; r < body.row + body.rows; r++) {
      const key = cellKey(r, c);
      table.sheet.formats.cells.set(key, { ...first, ...table.sheet.formats.cells.get(key) });
    }
  }
}

/**
 * Filters a table on one column by value, as the header's menu does: the data rows whose value
 * in `column` is not one of `keep` hide (compared as text, any case; "" keeps blanks). Filters on
 * other columns stay: a row shows only when every filtered column keeps it.
 */
export function filterTable(model: WorkbookModel, table: TableModel, column: string, keep: readonly CellValue[]): void {
  const index = table.columnIndex(column);
  if (index < 0) throw excelError("InvalidArgument", `table ${table.name} has no column "${column}"`);
  table.filters.set((table.columns[index] as TableColumnModel).id, keep.map((v) => filterText(v)));
  applyFilters(model, table);
}

/** Clears one column's filter, or with no column every filter of the table: their rows show again. */
export function clearTableFilter(model: WorkbookModel, table: TableModel, column?: string): void {
  if (column === undefined) table.filters.clear();
  else {
    const index = table.columnIndex(column);
    if (index < 0) throw excelError("InvalidArgument", `table ${table.name} has no column "${column}"`);
    table.filters.delete((table.columns[index] as TableColumnModel).id);
  }
  applyFilters(model, table);
}

/** A value as a values filter compares it: its text, in lower case. */
const filterText = (value: CellValue): string => String(value).toLowerCase();

/** Hides each data row some filtered column does not keep, and shows the others. */
function applyFilters(model: WorkbookModel, table: TableModel): void {
  const body = table.dataRect();
  const values = model.readValues(table.sheet, body);
  const tests = [...table.filters].map(([id, keep]) => ({ index: table.columnIndex(id), kept: new Set(keep) })).filter((t) => t.index >= 0);
  values.forEach((row, r) => {
    const shown = tests.every((t) => t.kept.has(filterText(row[t.index] ?? "")));
    if (shown) table.sheet.hiddenRows.delete(body.row + r);
    else table.sheet.hiddenRows.add(body.row + r);
  });
}
