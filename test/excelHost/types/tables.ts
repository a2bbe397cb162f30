/**
 * Excel.Table and its collections: workbook.tables, worksheet.tables, table.columns, table.rows.
 * The subset and its limits are in tableModel.ts and WorkbookModel's table methods; every
 * TableRowCollection.add call is counted in stats (the add-in must write rows in bulk).
 * Sorting (table.sort) and values filters (column.filter, table.clearFilters) act through
 * rowEdits.ts, with Excel's protected-sheet rules (assertMaySort, assertMayFilter).
 */
import { excelError, NotModelled } from "../errors";
import { clearTableFilter, filterTable, sortTable } from "../rowEdits";
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
    showTotals: { get: (t) => t.showTotals, set: (t, show, env) => env.model.setShowTotals(t, show === true) },
    showFilterButton: { get: (t) => t.showFilterButton, set: (t, show) => void (t.showFilterButton = show === true) },
  },
  navigation: {
    columns: (t) => new HostObject(TABLE_COLUMNS, t),
    sort: (t) => new HostObject(TABLE_SORT, t),
    rows: (t) => new HostObject(TABLE_ROWS, t),
    worksheet: (t) => new HostObject(WORKSHEET, t.sheet),
  },
  methods: {
    getRange: (t) => rangeObject(t.sheet, t.rect),
    getHeaderRowRange: (t) => rangeObject(t.sheet, t.headerRect()),
    getDataBodyRange: (t) => rangeObject(t.sheet, t.dataRect()),
    /** Excel's answer for a table showing no total row is not documented. */
    getTotalRowRange: (t) => {
      if (!t.showTotals) throw new NotModelled("Table.getTotalRowRange", "the table shows no total row");
      return rangeObject(t.sheet, t.totalRect());
    },
    /** "The new range must overlap with the original table range and the headers (or the top of the table) must be in the same row." */
    resize: (t, [newRange], env) => {
      const target = rangeArgument(newRange, env, t.sheet, "the new range");
      env.model.resizeTable(t, target.sheet, target.rect);
    },
    delete: (t, _args, env) => env.model.deleteTable(t),
    /** Every column's filter goes; the rows they hid show again. */
    clearFilters: (t, _args, env) => {
      assertMayFilter(t);
      clearTableFilter(env.model, t);
    },
  },
};

/**
 * Excel's Protect Sheet options, in Microsoft's words: Sort — "Users can't sort ranges that
 * contain locked cells on a protected worksheet, regardless of this setting"; Use AutoFilter —
 * "Use the drop-down arrows to change the filter on ranges when AutoFilters are applied".
 */
function assertMaySort(t: TableModel): void {
  const { protection } = t.sheet;
  if (!protection.protected) return;
  const body = t.dataRect();
  let locked = false;
  for (let r = body.row; r < body.row + body.rows && !locked; r++) for (let c = body.col; c < body.col + body.cols && !locked; c++) locked = t.sheet.formats.at(r, c).locked;
  if (protection.options.allowSort === true && !locked) return;
  throw excelError("AccessDenied", `worksheet "${t.sheet.name}" is protected: sorting ${t.name} is not allowed`);
}

function assertMayFilter(t: TableModel): void {
  const { protection } = t.sheet;
  if (protection.protected && protection.options.allowAutoFilter !== true) throw excelError("AccessDenied", `worksheet "${t.sheet.name}" is protected: filtering ${t.name} is not allowed`);
}

/** A SortField as the client sends it: the column's index in the table, and the direction. */
interface SortFieldInput {
  key?: unknown;
  ascending?: unknown;
  sortOn?: unknown;
  dataOption?: unknown;
}

/**
 * table.sort: `apply` with one field sorting on values (the header menu's sort), `clear`, and
 * `fields`, `matchCase`, `method` read back. Several keys, case-sensitive sorts, and sorts on
 * colour or icon are not modelled.
 */
export const TABLE_SORT: HostType<TableModel> = {
  name: "TableSort",
  gone: (t) => t.deleted === true,
  scalars: {
    fields: { get: (t) => t.sortFields.map((f) => ({ key: t.columnIndex(f.columnId), ascending: f.ascending })).filter((f) => f.key >= 0) },
    matchCase: { get: () => false },
    method: { get: () => "PinYin" },
  },
  methods: {
    apply: (t, [fields, matchCase, method], env) => {
      if (!Array.isArray(fields) || fields.length === 0) throw excelError("InvalidArgument", "TableSort.apply needs at least one sort field");
      if (fields.length > 1) throw new NotModelled("TableSort.apply", "a sort on more than one key is not modelled");
      if (matchCase === true) throw new NotModelled("TableSort.apply", "a case-sensitive sort is not modelled");
      if (method !== null && method !== undefined && method !== "PinYin") throw new NotModelled("TableSort.apply", `the sort method ${String(method)} is not modelled`);
      const field = fields[0] as SortFieldInput;
      if (field.sortOn !== undefined && field.sortOn !== null && field.sortOn !== "Value") throw new NotModelled("TableSort.apply", `sorting on ${String(field.sortOn)} is not modelled`);
      if (field.dataOption !== undefined && field.dataOption !== null && field.dataOption !== "Normal") throw new NotModelled("TableSort.apply", `the data option ${String(field.dataOption)} is not modelled`);
      const column = typeof field.key === "number" ? t.columns[field.key] : undefined;
      if (!column) throw excelError("InvalidArgument", `table ${t.name} has no column at ${String(field.key)}`);
      assertMaySort(t);
      sortTable(env.model, t, column.name, field.ascending !== false);
    },
    /** Forgets the sort; the rows stay in the order it left them, as in Excel. */
    clear: (t) => void (t.sortFields = []),
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
  navigation: {
    filter: (c) => new HostObject(FILTER, c),
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

/** Values a values filter keeps: text, as Excel's FilterCriteria.values holds them ("" keeps blanks). */
function filterValues(values: unknown): string[] {
  if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) throw new NotModelled("Filter.applyValuesFilter", "only values given as text are modelled (not FilterDatetime)");
  return values as string[];
}

/**
 * A table column's filter (TableColumn.filter): a values filter (`applyValuesFilter`, or `apply`
 * with filterOn "Values"), `clear`, and `criteria` read back (null when the column is not
 * filtered). Other kinds of filter (top items, colours, custom criteria) are not modelled.
 */
export const FILTER: HostType<ColumnValue> = {
  name: "Filter",
  gone: ({ table, column }) => table.deleted === true || !table.columns.includes(column),
  scalars: {
    criteria: {
      get: ({ table, column }) => {
        const kept = table.filters.get(column.id);
        return kept ? { filterOn: "Values", values: [...kept] } : null;
      },
    },
  },
  methods: {
    applyValuesFilter: (c, [values], env) => {
      const keep = filterValues(values);
      assertMayFilter(c.table);
      filterTable(env.model, c.table, c.column.name, keep);
    },
    apply: (c, [criteria], env) => {
      const given = (criteria ?? {}) as { filterOn?: unknown; values?: unknown };
      if (given.filterOn !== "Values") throw new NotModelled("Filter.apply", `a filter on ${String(given.filterOn)} is not modelled`);
      const keep = filterValues(given.values);
      assertMayFilter(c.table);
      filterTable(env.model, c.table, c.column.name, keep);
    },
    clear: (c, _args, env) => {
      assertMayFilter(c.table);
      clearTableFilter(env.model, c.table, c.column.name);
    },
  },
};
