/**
 * Excel.Worksheet, the workbook's WorksheetCollection, sheet protection and frozen panes.
 * A new workbook has one visible sheet, "Sheet1", active with A1 selected.
 */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from "./addresses";
import { ClientCollection, ClientObject, type FakeClientResult } from "./clientObject";
import { FakeOfficeError, excelError } from "./errors";
import { FakeRange, type RangeHost } from "./range";
import type { FakeRequestContext } from "./requestContext";
import type { SheetModel, Visibility } from "./sheetModel";
import { FakeTableCollection } from "./table";
import { FakeChartCollection } from "./charts";
import type { WorkbookModel } from "./workbookModel";

export class FakeWorksheet extends ClientObject<SheetModel> {
  private protectionProxy?: FakeWorksheetProtection;
  private freezePanesProxy?: FakeWorksheetFreezePanes;
  private tablesProxy?: FakeTableCollection;
  private chartsProxy?: FakeChartCollection;

  constructor(context: FakeRequestContext, locate: () => SheetModel | null) {
    super(context, "Worksheet", locate);
  }

  private get model(): WorkbookModel {
    return this.context.session.model;
  }

  protected scalarNames(): readonly string[] {
    return ["id", "name", "position", "visibility"];
  }

  protected snapshot(sheet: SheetModel, property: string): unknown {
    if (property === "position") return this.model.sheets.indexOf(sheet);
    return sheet[property as "id" | "name" | "visibility"];
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === "protection" ? this.protection : name === "tables" ? this.tables : name === "charts" ? this.charts : undefined;
  }

  get id(): string {
    return this.read("id");
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.assign("name", name, (sheet) => this.model.renameSheet(sheet, name));
  }

  get position(): number {
    return this.read("position");
  }
  set position(position: number) {
    this.assign("position", position, (sheet) => this.model.moveSheet(sheet, position));
  }

  get visibility(): Visibility {
    return this.read("visibility");
  }
  set visibility(visibility: Visibility) {
    this.assign("visibility", visibility, (sheet) => this.model.setVisibility(sheet, visibility));
  }

  get protection(): FakeWorksheetProtection {
    return (this.protectionProxy ??= new FakeWorksheetProtection(this.context, () => this.find()));
  }

  get freezePanes(): FakeWorksheetFreezePanes {
    return (this.freezePanesProxy ??= new FakeWorksheetFreezePanes(this.context, () => this.find()));
  }

  get tables(): FakeTableCollection {
    return (this.tablesProxy ??= new FakeTableCollection(this.context, () => {
      const sheet = this.find();
      return sheet && { sheet };
    }));
  }

  /** Charts on the sheet (test/fakeExcel/charts.ts). */
  get charts(): FakeChartCollection {
    return (this.chartsProxy ??= new FakeChartCollection(this.context, () => this.find()));
  }

  private range(method: string, rectOf: (sheet: SheetModel) => RangeHost): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.host();
      try {
        return rectOf(sheet);
      } catch (e) {
        throw e instanceof FakeOfficeError ? e.at(`Worksheet.${method}`) : e;
      }
    });
  }

  /** Worksheet.getRange("A1:B2"); with no address, the whole sheet. */
  getRange(address?: string): FakeRange {
    return this.range("getRange", (sheet) =>
      address === undefined || address === "" ? { sheet, rect: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS } } : this.model.resolveAddress(address, sheet)
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.range("getRangeByIndexes", (sheet) => ({ sheet, rect: checkedRect({ row: startRow, col: startColumn, rows: rowCount, cols: columnCount }) }));
  }

  getCell(row: number, column: number): FakeRange {
    return this.range("getCell", (sheet) => ({ sheet, rect: checkedRect({ row, col: column, rows: 1, cols: 1 }) }));
  }

  /** "If the entire worksheet is blank, this function will return the top left cell." */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.range("getUsedRange", (sheet) => ({ sheet, rect: this.model.usedRect(sheet, valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 } }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const proxy = new FakeRange(this.context, () => {
      const sheet = this.host();
      const rect = this.model.usedRect(sheet, valuesOnly);
      return rect ? { sheet, rect } : null;
    });
    return this.lookedUpAtSync(proxy, "getUsedRangeOrNullObject", [valuesOnly]);
  }

  activate(): void {
    this.invoke("activate", [], (sheet) => this.model.activate(sheet));
  }

  delete(): void {
    this.invoke("delete", [], (sheet) => this.model.deleteSheet(sheet));
  }
}

function checkedRect(rect: Rect): Rect {
  const ok = rect.row >= 0 && rect.col >= 0 && rect.rows > 0 && rect.cols > 0 && rect.row + rect.rows <= MAX_ROWS && rect.col + rect.cols <= MAX_COLUMNS;
  if (!ok) throw excelError("InvalidArgument", `rows ${rect.row}+${rect.rows}, columns ${rect.col}+${rect.cols} is not on the sheet`);
  return rect;
}

export class FakeWorksheetCollection extends ClientCollection<WorkbookModel, FakeWorksheet> {
  constructor(context: FakeRequestContext) {
    super(context, "WorksheetCollection", () => context.session.model);
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected snapshot(): unknown {
    return undefined;
  }

  protected itemProxies(model: WorkbookModel): FakeWorksheet[] {
    return model.sheets.map((sheet) => new FakeWorksheet(this.context, () => sheet));
  }

  private lookup(key: string): SheetModel | undefined {
    const model = this.context.session.model;
    return model.sheetByName(key) ?? model.sheets.find((s) => s.id === key);
  }

  /** "The worksheet will be added at the end of existing worksheets." */
  add(name?: string): FakeWorksheet {
    let created: SheetModel | undefined;
    this.invoke("add", [name], (model) => {
      created = model.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => created ?? null);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.lookup(key);
      if (!sheet) throw excelError("ItemNotFound", `no worksheet named "${key}"`).at("WorksheetCollection.getItem");
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return this.lookedUpAtSync(new FakeWorksheet(this.context, () => this.lookup(key) ?? null), "getItemOrNullObject", [key]);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.session.model.activeSheet);
  }

  getCount(visibleOnly = false): FakeClientResult<number> {
    return this.invokeForResult("getCount", [visibleOnly], (model) => model.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length);
  }
}

export class FakeWorksheetProtection extends ClientObject<SheetModel> {
  constructor(context: FakeRequestContext, locate: () => SheetModel | null) {
    super(context, "WorksheetProtection", locate);
  }

  protected scalarNames(): readonly string[] {
    return ["protected", "options", "isPasswordProtected"];
  }

  protected snapshot(sheet: SheetModel, property: string): unknown {
    if (property === "protected") return sheet.protection.protected;
    if (property === "isPasswordProtected") return sheet.protection.password !== undefined;
    return { ...sheet.protection.options };
  }

  get protected(): boolean {
    return this.read("protected");
  }
  get options(): Record<string, unknown> {
    return this.read("options");
  }
  get isPasswordProtected(): boolean {
    return this.read("isPasswordProtected");
  }

  /**
   * Protects the sheet: from then on writes to locked cells fail with AccessDenied, and so do
   * formatting, validation and table changes unless `options` allows them
   * (allowFormatCells, allowFormatColumns). The password is kept as given; Excel hashes it.
   */
  protect(options?: Record<string, unknown>, password?: string): void {
    this.invoke("protect", [options, password === undefined ? undefined : "***"], (sheet) => this.context.session.model.protect(sheet, options, password));
  }

  unprotect(password?: string): void {
    this.invoke("unprotect", [password === undefined ? undefined : "***"], (sheet) => this.context.session.model.unprotect(sheet, password));
  }
}

/** Frozen panes are recorded (rows and columns from the top left); nothing scrolls in a fake. */
export class FakeWorksheetFreezePanes extends ClientObject<SheetModel> {
  constructor(context: FakeRequestContext, locate: () => SheetModel | null) {
    super(context, "WorksheetFreezePanes", locate);
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected snapshot(): unknown {
    return undefined;
  }

  private freeze(method: string, count: number, which: "rows" | "columns"): void {
    if (!Number.isInteger(count) || count < 0) throw excelError("InvalidArgument", `${count} is not a number of ${which}`);
    this.invoke(method, [count], (sheet) => void (sheet.freeze = { ...sheet.freeze, [which]: count }));
  }

  freezeRows(count = 1): void {
    this.freeze("freezeRows", count, "rows");
  }

  freezeColumns(count = 1): void {
    this.freeze("freezeColumns", count, "columns");
  }

  /** Freezes the rows above and columns left of the range's bottom-right corner, counted from A1. */
  freezeAt(frozenRange: FakeRange | string): void {
    const range = typeof frozenRange === "string" ? undefined : this.sameContext(frozenRange);
    this.invoke("freezeAt", [typeof frozenRange === "string" ? frozenRange : "(range)"], (sheet) => {
      const rect = range ? range.find()?.rect : this.context.session.model.resolveAddress(frozenRange as string, sheet).rect;
      if (!rect) throw excelError("InvalidArgument", "the frozen range is a null range");
      sheet.freeze = { rows: rect.row + rect.rows, columns: rect.col + rect.cols };
    });
  }

  unfreeze(): void {
    this.invoke("unfreeze", [], (sheet) => void (sheet.freeze = { rows: 0, columns: 0 }));
  }

  getLocationOrNullObject(): FakeRange {
    const proxy = new FakeRange(this.context, () => {
      const sheet = this.host();
      const { rows, columns } = sheet.freeze;
      if (!rows && !columns) return null;
      return { sheet, rect: { row: 0, col: 0, rows: rows || MAX_ROWS, cols: columns || MAX_COLUMNS } };
    });
    return this.lookedUpAtSync(proxy, "getLocationOrNullObject", []);
  }
}
