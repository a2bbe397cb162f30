/**
 * Excel.Table and its collections: workbook.tables, worksheet.tables, table.columns, table.rows.
 * The subset and its limits are in tableModel.ts and WorkbookModel's table methods; every
 * TableRowCollection.add call is counted in stats (the add-in must write rows in bulk).
 */
import { ClientCollection, ClientObject, type FakeClientResult } from "./clientObject";
import { excelError } from "./errors";
import { FakeRange, type RangeHost } from "./range";
import type { FakeRequestContext } from "./requestContext";
import type { SheetModel } from "./sheetModel";
import type { TableColumnModel, TableModel } from "./tableModel";
import type { WorkbookModel } from "./workbookModel";
import { FakeWorksheet } from "./worksheet";

/** workbook.tables (every table) or worksheet.tables (that sheet's). */
export interface TableScope {
  sheet?: SheetModel;
}

export class FakeTableCollection extends ClientCollection<TableScope, FakeTable> {
  constructor(context: FakeRequestContext, locate: () => TableScope | null) {
    super(context, "TableCollection", locate);
  }

  private get model(): WorkbookModel {
    return this.context.session.model;
  }

  private inScope(scope: TableScope): TableModel[] {
    return this.model.tables.filter((t) => !scope.sheet || t.sheet === scope.sheet);
  }

  protected scalarNames(): readonly string[] {
    return ["count"];
  }

  protected snapshot(scope: TableScope): unknown {
    return this.inScope(scope).length;
  }

  protected itemProxies(scope: TableScope): FakeTable[] {
    return this.inScope(scope).map((table) => new FakeTable(this.context, () => table));
  }

  get count(): number {
    return this.read("count");
  }

  /**
   * "The range object or source address determines the worksheet under which the table will be
   * added." An address without a sheet means the collection's sheet, or for workbook.tables the
   * active sheet.
   */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    const range = typeof address === "string" ? undefined : this.sameContext(address);
    let created: TableModel | undefined;
    this.invoke("add", [typeof address === "string" ? address : "(range)", hasHeaders], (scope) => {
      const target: RangeHost | null = range ? range.find() : this.model.resolveAddress(address as string, scope.sheet ?? (/!/.test(address as string) ? undefined : this.model.activeSheet));
      if (!target) throw excelError("InvalidArgument", "the table's range is a null range");
      if (scope.sheet && target.sheet !== scope.sheet) throw excelError("InvalidArgument", `the range is not on worksheet "${scope.sheet.name}"`);
      created = this.model.addTable(target.sheet, target.rect, hasHeaders);
    });
    return new FakeTable(this.context, () => created ?? null);
  }

  private lookup(scope: TableScope, key: string): TableModel | undefined {
    return this.inScope(scope).find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => {
      const table = this.lookup(this.host(), key);
      if (!table) throw excelError("ItemNotFound", `no table named "${key}"`).at("TableCollection.getItem");
      return table;
    });
  }

  getItemOrNullObject(key: string): FakeTable {
    const proxy = new FakeTable(this.context, () => this.lookup(this.host(), key) ?? null);
    return this.lookedUpAtSync(proxy, "getItemOrNullObject", [key]);
  }

  getCount(): FakeClientResult<number> {
    return this.invokeForResult("getCount", [], (scope) => this.inScope(scope).length);
  }
}

export class FakeTable extends ClientObject<TableModel> {
  private columnsProxy?: FakeTableColumnCollection;
  private rowsProxy?: FakeTableRowCollection;
  private worksheetProxy?: FakeWorksheet;

  constructor(context: FakeRequestContext, locate: () => TableModel | null) {
    super(context, "Table", locate);
  }

  private get model(): WorkbookModel {
    return this.context.session.model;
  }

  protected scalarNames(): readonly string[] {
    return ["id", "name", "showHeaders", "showTotals", "style"];
  }

  protected snapshot(table: TableModel, property: string): unknown {
    if (property === "showHeaders") return true;
    if (property === "showTotals") return false;
    return table[property as "id" | "name" | "style"];
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === "columns" ? this.columns : name === "rows" ? this.rows : name === "worksheet" ? this.worksheet : undefined;
  }

  get id(): string {
    return this.read("id");
  }

  get name(): string {
    return this.read("name");
  }
  /** Renaming rewrites structured references in formulas, as Excel does. */
  set name(name: string) {
    this.assign("name", name, (table) => this.model.renameTable(table, name));
  }

  get style(): string {
    return this.read("style");
  }
  set style(style: string) {
    this.assign("style", style, (table) => void (table.style = style));
  }

  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }

  get columns(): FakeTableColumnCollection {
    return (this.columnsProxy ??= new FakeTableColumnCollection(this.context, () => this.find()));
  }

  get rows(): FakeTableRowCollection {
    return (this.rowsProxy ??= new FakeTableRowCollection(this.context, () => this.find()));
  }

  get worksheet(): FakeWorksheet {
    return (this.worksheetProxy ??= new FakeWorksheet(this.context, () => this.find()?.sheet ?? null));
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const table = this.host();
      return { sheet: table.sheet, rect: table.rect };
    });
  }

  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const table = this.host();
      return { sheet: table.sheet, rect: table.headerRect() };
    });
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const table = this.host();
      return { sheet: table.sheet, rect: table.dataRect() };
    });
  }

  resize(newRange: FakeRange | string): void {
    const range = typeof newRange === "string" ? undefined : this.sameContext(newRange);
    this.invoke("resize", [typeof newRange === "string" ? newRange : "(range)"], (table) => {
      const target = range ? range.find() : this.model.resolveAddress(newRange as string, /!/.test(newRange as string) ? undefined : table.sheet);
      if (!target) throw excelError("InvalidArgument", "the new range is a null range");
      this.model.resizeTable(table, target.sheet, target.rect);
    });
  }

  delete(): void {
    this.invoke("delete", [], (table) => this.model.deleteTable(table));
  }
}

interface ColumnHost {
  table: TableModel;
  column: TableColumnModel;
}

export class FakeTableColumnCollection extends ClientCollection<TableModel, FakeTableColumn> {
  constructor(context: FakeRequestContext, locate: () => TableModel | null) {
    super(context, "TableColumnCollection", locate);
  }

  protected scalarNames(): readonly string[] {
    return ["count"];
  }

  protected snapshot(table: TableModel): unknown {
    return table.columns.length;
  }

  protected itemProxies(table: TableModel): FakeTableColumn[] {
    return table.columns.map((column) => new FakeTableColumn(this.context, () => ({ table, column })));
  }

  get count(): number {
    return this.read("count");
  }

  private column(method: string, pick: (table: TableModel) => TableColumnModel | undefined, orNull: boolean): FakeTableColumn {
    return new FakeTableColumn(this.context, () => {
      const table = this.host();
      const column = pick(table);
      if (column) return { table, column };
      if (orNull) return null;
      throw excelError("ItemNotFound", `table ${table.name} has no such column`).at(`TableColumnCollection.${method}`);
    });
  }

  /** By name (case-insensitive) or id. */
  getItem(key: number | string): FakeTableColumn {
    return this.column("getItem", (t) => t.columns[t.columnIndex(key)], false);
  }

  getItemOrNullObject(key: number | string): FakeTableColumn {
    return this.lookedUpAtSync(this.column("getItemOrNullObject", (t) => t.columns[t.columnIndex(key)], true), "getItemOrNullObject", [key]);
  }

  getItemAt(index: number): FakeTableColumn {
    return this.column("getItemAt", (t) => t.columns[index], false);
  }

  /** At the right-hand end only; `values` with or without the header row (see WorkbookModel.addTableColumn). */
  add(index?: number | null, values?: unknown, name?: string | null): FakeTableColumn {
    let created: ColumnHost | undefined;
    this.invoke("add", [index, values, name], (table) => {
      const at = this.context.session.model.addTableColumn(table, index, values, name);
      created = { table, column: table.columns[at] as TableColumnModel };
    });
    return new FakeTableColumn(this.context, () => created ?? null);
  }

  getCount(): FakeClientResult<number> {
    return this.invokeForResult("getCount", [], (table) => table.columns.length);
  }
}

export class FakeTableColumn extends ClientObject<ColumnHost> {
  constructor(context: FakeRequestContext, locate: () => ColumnHost | null) {
    super(context, "TableColumn", locate);
  }

  private get model(): WorkbookModel {
    return this.context.session.model;
  }

  protected override isGone({ table, column }: ColumnHost): boolean {
    return table.deleted || !table.columns.includes(column);
  }

  private indexOf({ table, column }: ColumnHost): number {
    return table.columns.indexOf(column);
  }

  protected scalarNames(): readonly string[] {
    return ["id", "index", "name", "values"];
  }

  protected snapshot(host: ColumnHost, property: string): unknown {
    if (property === "id") return host.column.id;
    if (property === "name") return host.column.name;
    if (property === "index") return this.indexOf(host);
    return this.model.readValues(host.table.sheet, host.table.columnRect(this.indexOf(host), true));
  }

  get id(): number {
    return this.read("id");
  }
  get index(): number {
    return this.read("index");
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.assign("name", name, (host) => this.model.renameColumn(host.table, this.indexOf(host), name));
  }

  /** The header and data cells of the column, as Excel's TableColumn.values has them. */
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(values: unknown[][]) {
    this.assign("values", values, (host) => this.model.write(host.table.sheet, host.table.columnRect(this.indexOf(host), true), values, "values"));
  }

  private range(rectOf: (host: ColumnHost, index: number) => RangeHost["rect"]): FakeRange {
    return new FakeRange(this.context, () => {
      const host = this.host();
      return { sheet: host.table.sheet, rect: rectOf(host, this.indexOf(host)) };
    });
  }

  getRange(): FakeRange {
    return this.range(({ table }, i) => table.columnRect(i, true));
  }

  getDataBodyRange(): FakeRange {
    return this.range(({ table }, i) => table.columnRect(i, false));
  }

  getHeaderRowRange(): FakeRange {
    return this.range(({ table }, i) => ({ ...table.columnRect(i, true), rows: 1 }));
  }
}

/**
 * table.rows: `count`, `getCount()` and `add()`. `add` works (at the end of the table, into
 * empty rows) but each call is counted in stats.tableRowAddCalls: adding rows one call at a
 * time is slow in Excel and the add-in must write them as one block instead.
 */
export class FakeTableRowCollection extends ClientObject<TableModel> {
  constructor(context: FakeRequestContext, locate: () => TableModel | null) {
    super(context, "TableRowCollection", locate);
  }

  protected scalarNames(): readonly string[] {
    return ["count"];
  }

  protected snapshot(table: TableModel): unknown {
    return table.dataRows;
  }

  get count(): number {
    return this.read("count");
  }

  add(index?: number | null, values?: unknown, _alwaysInsert?: boolean): void {
    this.context.session.stats.tableRowAddCalls++;
    this.invoke("add", [index, values], (table) => this.context.session.model.addTableRows(table, index, values));
  }

  getCount(): FakeClientResult<number> {
    return this.invokeForResult("getCount", [], (table) => table.dataRows);
  }
}
