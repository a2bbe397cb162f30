/**
 * Excel.Table and its collections: workbook.tables, worksheet.tables, table.columns, table.rows.
 * The subset and its limits are in tableModel.ts and WorkbookModel's table methods; every
 * TableRowCollection.add call is counted in stats (the add-in must write rows in bulk).
 */
import { excelError } from "../errors";
import { HostObject, type HostType } from "../hostTypes";
import type { SheetModel } from "../sheetModel";
import type { TableColumnModel, TableModel } from "../tableModel";
import type { WorkbookModel } from "../workbookModel";
import { rangeArgument, rangeObject } from "./range";
import { WORKSHEET } from "./workbook";

/** workbook.tables (every table) or worksheet.tables (that sheet's). */
export interface TableScope {
  sheet?: SheetModel;
}

const inScope = (model: WorkbookModel, scope: TableScope): TableModel[] => model.tables.filter((t) => !scope.sheet || t.sheet === scope.sheet);

function lookup(model: WorkbookModel, scope: TableScope, key: unknown): TableModel | undefined {
  if (typeof key !== "string") throw excelError("InvalidArgument", "a table is found by its name or id");
  return inScope(model, scope).find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
}

export const TABLES: HostType<TableScope> = {
  name: "TableCollection",
  gone: (scope) => scope.sheet?.deleted === true,
  items: (scope, env) => inScope(env.model, scope).map((t) => new HostObject(TABLE, t)),
  indexer: (scope, key, env) => {
    const table = lookup(env.model, scope, key);
    if (!table) throw excelError("ItemNotFound", `no table named "${String(key)}"`);
    return new HostObject(TABLE, table);
  },
  scalars: {
    count: { get: (scope, env) => inScope(env.model, scope).length },
  },
  methods: {
    /**
     * "The range object or source address determines the worksheet under which the table will be
     * added." An address without a sheet means the collection's sheet, or for workbook.tables the
     * active sheet.
     */
    add: (scope, [address, hasHeaders], env) => {
      const target = rangeArgument(address, env, scope.sheet ?? env.model.activeSheet, "the table's range");
      if (scope.sheet && target.sheet !== scope.sheet) throw excelError("InvalidArgument", `the range is not on worksheet "${scope.sheet.name}"`);
      return new HostObject(TABLE, env.model.addTable(target.sheet, target.rect, hasHeaders === true));
    },
    getItemOrNullObject: (scope, [key], env) => new HostObject(TABLE, lookup(env.model, scope, key) ?? null),
    getCount: (scope, _args, env) => inScope(env.model, scope).length,
  },
};

export const TABLE: HostType<TableModel> = {
  name: "Table",
  identity: (t) => ({ Id: t.id }),
  gone: (t) => t.deleted === true,
  scalars: {
    id: { get: (t) => t.id },
    name: { get: (t) => t.name, set: (t, name, env) => env.model.renameTable(t, String(name)) },
    style: { get: (t) => t.style, set: (t, style) => void (t.style = String(style)) },
    showHeaders: { get: () => true },
    showTotals: { get: () => false },
  },
  navigation: {
    columns: (t) => new HostObject(TABLE_COLUMNS, t),
    rows: (t) => new HostObject(TABLE_ROWS, t),
    worksheet: (t) => new HostObject(WORKSHEET, t.sheet),
  },
  methods: {
    getRange: (t) => rangeObject(t.sheet, t.rect),
    getHeaderRowRange: (t) => rangeObject(t.sheet, t.headerRect()),
    getDataBodyRange: (t) => rangeObject(t.sheet, t.dataRect()),
    /** "The new range must overlap with the original table range and the headers (or the top of the table) must be in the same row." */
    resize: (t, [newRange], env) => {
      const target = rangeArgument(newRange, env, t.sheet, "the new range");
      env.model.resizeTable(t, target.sheet, target.rect);
    },
    delete: (t, _args, env) => env.model.deleteTable(t),
  },
};

interface ColumnValue {
  table: TableModel;
  column: TableColumnModel;
}

const columnIndexOf = ({ table, column }: ColumnValue): number => table.columns.indexOf(column);

function columnBy(table: TableModel, key: unknown): TableColumnModel | undefined {
  if (typeof key !== "string" && typeof key !== "number") throw excelError("InvalidArgument", "a table column is found by its name or id");
  return table.columns[table.columnIndex(key)];
}

export const TABLE_COLUMNS: HostType<TableModel> = {
  name: "TableColumnCollection",
  gone: (t) => t.deleted === true,
  items: (table) => table.columns.map((column) => new HostObject(TABLE_COLUMN, { table, column })),
  /** By name (case-insensitive) or id. */
  indexer: (table, key) => {
    const column = columnBy(table, key);
    if (!column) throw excelError("ItemNotFound", `table ${table.name} has no column ${String(key)}`);
    return new HostObject(TABLE_COLUMN, { table, column });
  },
  scalars: {
    count: { get: (t) => t.columns.length },
  },
  methods: {
    getItemOrNullObject: (table, [key]) => {
      const column = columnBy(table, key);
      return new HostObject(TABLE_COLUMN, column ? { table, column } : null);
    },
    getItemAt: (table, [index]) => {
      const column = typeof index === "number" ? table.columns[index] : undefined;
      if (!column) throw excelError("ItemNotFound", `table ${table.name} has no column at ${String(index)}`);
      return new HostObject(TABLE_COLUMN, { table, column });
    },
    /** At the right-hand end only; `values` with or without the header row (see WorkbookModel.addTableColumn). */
    add: (table, [index, values, name], env) => {
      const at = env.model.addTableColumn(table, index as number | null, values ?? undefined, name as string | null);
      return new HostObject(TABLE_COLUMN, { table, column: table.columns[at] as TableColumnModel });
    },
    getCount: (table) => table.columns.length,
  },
};

export const TABLE_COLUMN: HostType<ColumnValue> = {
  name: "TableColumn",
  identity: ({ column }) => ({ Id: column.id }),
  gone: ({ table, column }) => table.deleted === true || !table.columns.includes(column),
  scalars: {
    id: { get: ({ column }) => column.id },
    index: { get: (c) => columnIndexOf(c) },
    name: { get: ({ column }) => column.name, set: (c, name, env) => env.model.renameColumn(c.table, columnIndexOf(c), String(name)) },
    /** The header and data cells of the column, as Excel's TableColumn.values has them. */
    values: {
      get: (c, env) => env.model.readValues(c.table.sheet, c.table.columnRect(columnIndexOf(c), true)),
      set: (c, values, env) => env.model.write(c.table.sheet, c.table.columnRect(columnIndexOf(c), true), values, "values"),
    },
  },
  methods: {
    getRange: (c) => rangeObject(c.table.sheet, c.table.columnRect(columnIndexOf(c), true)),
    getDataBodyRange: (c) => rangeObject(c.table.sheet, c.table.columnRect(columnIndexOf(c), false)),
    getHeaderRowRange: (c) => rangeObject(c.table.sheet, { ...c.table.columnRect(columnIndexOf(c), true), rows: 1 }),
  },
};

/**
 * table.rows: `count`, `getCount()` and `add()`. `add` works (at the end of the table, into
 * empty rows) but each call is counted in stats.tableRowAddCalls: adding rows one call at a
 * time is slow in Excel and the add-in must write them as one block instead.
 */
export const TABLE_ROWS: HostType<TableModel> = {
  name: "TableRowCollection",
  gone: (t) => t.deleted === true,
  items: (table) => Array.from({ length: table.dataRows }, (_, index) => new HostObject(TABLE_ROW, { table, index })),
  scalars: {
    count: { get: (t) => t.dataRows },
  },
  methods: {
    add: (table, [index, values], env) => {
      env.stats.tableRowAddCalls++;
      const before = table.dataRows;
      env.model.addTableRows(table, index as number | null, values ?? undefined);
      return new HostObject(TABLE_ROW, { table, index: before });
    },
    getCount: (t) => t.dataRows,
  },
};

export const TABLE_ROW: HostType<{ table: TableModel; index: number }> = {
  name: "TableRow",
  gone: ({ table }) => table.deleted === true,
  scalars: {
    index: { get: ({ index }) => index },
    values: { get: ({ table, index }, env) => env.model.readValues(table.sheet, { ...table.dataRect(), row: table.dataRect().row + index, rows: 1 }) },
  },
  methods: {
    getRange: ({ table, index }) => rangeObject(table.sheet, { ...table.dataRect(), row: table.dataRect().row + index, rows: 1 }),
  },
};
