/**
 * Edits a co-author makes that move cells: inserting and deleting sheet rows, sorting a table,
 * filtering it. The add-in never makes these itself; they happen between two of its requests
 * (coauthor.ts), and its next request must cope with what they left.
 *
 * Inserting or deleting rows moves everything on the sheet below them, as Excel does: cell
 * contents and formats, formulas' references to those rows (referenceShift.ts) wherever the
 * formula is, defined names, tables (a table the rows go through grows or shrinks; one whose
 * header row is deleted goes), validation and conditional-format areas, charts' data, filtered
 * rows and the selection. Sorting reorders a table's data rows with their formats; formulas
 * move as text (the product's tables use structured references, which need no adjusting).
 * Filtering hides the rows whose value in a column is not kept; it does not change a value.
 */
import type { Rect } from "./addresses";
import { chartsOf } from "./charts";
import type { CellInput } from "./cellInput";
import { excelError } from "./errors";
import { shiftRect, shiftRow, shiftRowsInFormula, type RowEdit } from "./referenceShift";
import { cellKey, keyCol, keyRow, type SheetModel } from "./sheetModel";
import type { TableModel } from "./tableModel";
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

/** Sorts a table's data rows by one column, as a user sorts from the header's menu. Stable. */
export function sortTable(model: WorkbookModel, table: TableModel, column: string, ascending = true): void {
  const index = table.columnIndex(column);
  if (index < 0) throw excelError("InvalidArgument", `table ${table.name} has no column "${column}"`);
  const body = table.dataRect();
  const values = model.readValues(table.sheet, body);
  const order = values.map((_, i) => i).sort((a, b) => compare(values[a]?.[index] ?? "", values[b]?.[index] ?? "", ascending) || a - b);
  const inputs = order.map((from) =>
    Array.from({ length: body.cols }, (_, c): CellInput => {
      const formula = table.sheet.formulas.get(cellKey(body.row + from, body.col + c));
      const value = values[from]?.[c] ?? "";
      return formula ? { kind: "formula", formula: formula.source } : value === "" ? { kind: "empty" } : { kind: "value", value };
    })
  );
  model.writeCellInputs(table.sheet, body, inputs);
  // Cell formats of the data rows move with them.
  const formats = order.map((from) => Array.from({ length: body.cols }, (_, c) => table.sheet.formats.cells.get(cellKey(body.row + from, body.col + c))));
  formats.forEach((row, r) =>
    row.forEach((patch, c) => {
      const key = cellKey(body.row + r, body.col + c);
      if (patch) table.sheet.formats.cells.set(key, patch);
      else table.sheet.formats.cells.delete(key);
    })
  );
}

/** Hides the data rows whose value in `column` is not one of `keep` (compared as text). */
export function filterTable(model: WorkbookModel, table: TableModel, column: string, keep: readonly CellValue[]): void {
  const index = table.columnIndex(column);
  if (index < 0) throw excelError("InvalidArgument", `table ${table.name} has no column "${column}"`);
  const body = table.dataRect();
  const kept = new Set(keep.map((v) => String(v).toLowerCase()));
  model.readValues(table.sheet, { ...body, col: body.col + index, cols: 1 }).forEach((row, r) => {
    if (kept.has(String(row[0] ?? "").toLowerCase())) table.sheet.hiddenRows.delete(body.row + r);
    else table.sheet.hiddenRows.add(body.row + r);
  });
}
