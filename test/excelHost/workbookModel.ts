/**
 * The workbook as the host (Excel itself) holds it. Proxies never touch this directly: their
 * queued commands call it during `context.sync()`. A method checks what it can before it
 * changes anything and throws a FakeOfficeError when the command cannot be done, so a failing
 * command leaves the workbook as the commands before it left it, which is how Excel answers a
 * batch (see requestContext.ts). The one known gap: rows.add or columns.add whose new values
 * hold a formula that does not parse fails after the table has grown.
 *
 * Cell contents live in a HyperFormula engine, one engine sheet per worksheet, so values read
 * back are computed and recalculate when an input changes. The text of each formula as the
 * add-in wrote it is kept beside the engine (Range.formulas reads it back); the engine holds a
 * translation in which tables and defined names are plain A1 (formulaTranslation.ts), redone
 * whenever a table or name changes.
 */
import { DetailedCellError, type ConfigParams, type HyperFormula, type RawCellContent } from "hyperformula";
import {
  AddressError,
  cellCount,
  contains,
  formatA1,
  inGrid,
  intersection,
  parseA1,
  splitSheet,
  type Rect,
} from "./addresses";
import { interpretInput, type CellInput } from "./cellInput";
import { NotModelled, excelError } from "./errors";
import {
  FormulaReferenceError,
  isPlainReference,
  mentionsSheet,
  renameSheetInFormula,
  renameTableInFormula,
  translateFormula,
  usesTablesOrNames,
  type FormulaScope,
} from "./formulaTranslation";
import {
  DEFAULT_COLUMN_WIDTH,
  SheetModel,
  cellKey,
  keyCol,
  keyRow,
  type CellFormat,
  type ConditionalFormatModel,
  type DataValidationRule,
  type FormatPatch,
  type FormulaEntry,
  type Visibility,
} from "./sheetModel";
import { TableModel } from "./tableModel";
import { WorkbookEvents } from "./events";

const UNCHANGED = Symbol("unchanged");

export type EngineFactory = (config: Partial<ConfigParams>) => HyperFormula;

/** Office.js caps a read at five million cells on every platform (resource limits article). */
export const MAX_CELLS_PER_READ = 5_000_000;

export interface NameModel {
  name: string;
  /** "=..." as Excel stores it: "='SV Setup'!$B$2", "=0.1", "=SV_Measures[Ref]". */
  formula: string;
  comment: string;
  visible: boolean;
}

export type CellValue = number | string | boolean;

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;
const DEFINED_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\?]*$/;
const CELL_LIKE_NAME = /^([A-Za-z]{1,3}\d+|[RrCc]|[Rr]\d*[Cc]\d*)$/;
const VALIDATION_TYPES: Readonly<Record<string, string>> = {
  list: "List",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  custom: "Custom",
};
const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];
export const CONDITIONAL_FORMAT_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

/** How this Excel behaves where installs differ (profiles.ts). */
export interface ModelBehaviour {
  /** AutoCorrect's "Fill formulas in tables to create calculated columns" (on by default). */
  fillsCalculatedColumns: boolean;
  /** A leading apostrophe stays part of text written into an `@` cell. */
  keepsApostropheInTextCells: boolean;
  /** TENDER cells show #BUSY! until calculation is let finish (the busy profile). */
  showsBusy: boolean;
  /** A total row turned off and on again comes back as it was (not under the totals-forgotten profile). */
  restoresTotalRow?: boolean;
}

const EXCEL_ON_THE_WEB: ModelBehaviour = { fillsCalculatedColumns: true, keepsApostropheInTextCells: false, showsBusy: false, restoresTotalRow: true };

const TENDER_CALL = /\bTENDER\./i;

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names = new Map<string, NameModel>();
  activeSheet!: SheetModel;
  selection!: { sheet: SheetModel; rect: Rect };
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** Counts changes to cell contents (a request that changed none leaves it alone). */
  contentVersion = 0;
  /** Under the busy profile: TENDER cells read #BUSY! until the test lets calculation finish. */
  calculating = false;
  /** Sheets added and deleted, for the add-ins that registered for those events (events.ts). */
  readonly events = new WorkbookEvents();
  private stale = false;
  /** The engine holds recalculation while a request writes (see deferCalculation). */
  private deferred = false;
  private nextSheetId = 1;
  private nextTableNumber = 1;
  private nextColumnId = 1;
  private nextConditionalFormatId = 1;

  readonly scope: FormulaScope = {
    table: (name) => this.tableByName(name)?.shape(),
    tableAt: (sheet, row, col) => this.tables.find((t) => t.sheet.name.toLowerCase() === sheet.toLowerCase() && contains(t.rect, row, col))?.shape(),
    name: (name) => this.names.get(name.toLowerCase())?.formula,
  };

  constructor(
    readonly engine: HyperFormula,
    readonly behaviour: ModelBehaviour = EXCEL_ON_THE_WEB
  ) {}

  // ---- Sheets ------------------------------------------------------------------------------

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name?: string): SheetModel {
    const sheetName = name ?? this.nextSheetName();
    validateSheetName(sheetName);
    if (this.sheetByName(sheetName)) throw excelError("ItemAlreadyExists", `a worksheet named "${sheetName}" already exists`);
    this.engine.addSheet(sheetName);
    const sheet = new SheetModel(`{sheet-${this.nextSheetId++}}`, this.engine.getSheetId(sheetName) as number, sheetName);
    this.sheets.push(sheet);
    this.events.sheet("added", sheet.id);
    if (!this.activeSheet) {
      this.activeSheet = sheet;
      this.selection = { sheet, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
    }
    // Formulas written while this sheet did not exist must now see it.
    this.rebuildFormulas((entry) => mentionsSheet(entry.source, sheetName), true);
    return sheet;
  }

  private nextSheetName(): string {
    let n = this.sheets.length + 1;
    while (this.sheetByName(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    validateSheetName(name);
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw excelError("ItemAlreadyExists", `a worksheet named "${name}" already exists`);
    const from = sheet.name;
    this.engine.renameSheet(sheet.engineId, name);
    // The engine renames inside its own formulas; Excel rewrites the formula text too.
    for (const s of this.sheets) {
      for (const entry of s.formulas.values()) {
        entry.source = renameSheetInFormula(entry.source, from, name);
        entry.translated = renameSheetInFormula(entry.translated, from, name);
      }
    }
    for (const n of this.names.values()) n.formula = renameSheetInFormula(n.formula, from, name);
    sheet.name = name;
    this.stale = true;
  }

  moveSheet(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw excelError("InvalidArgument", `position ${position} is outside 0..${this.sheets.length - 1}`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: SheetModel, visibility: Visibility): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw excelError("InvalidArgument", `"${String(visibility)}" is not a sheet visibility`);
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleSheets().length === 1) {
      throw excelError("InvalidOperation", "a workbook must keep at least one visible worksheet");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet) this.activate(this.visibleSheets()[0] as SheetModel);
  }

  deleteSheet(sheet: SheetModel): void {
    if (sheet.visibility === "Visible" && this.visibleSheets().length === 1) throw excelError("InvalidOperation", "a workbook must keep at least one visible worksheet");
    for (const table of this.tables.filter((t) => t.sheet === sheet)) this.dropTable(table);
    this.engine.removeSheet(sheet.engineId);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    this.events.sheet("deleted", sheet.id);
    if (this.activeSheet === sheet) this.activate(this.visibleSheets()[0] as SheetModel);
    this.stale = true;
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible") throw excelError("InvalidOperation", `worksheet "${sheet.name}" is hidden`);
    if (this.activeSheet !== sheet) this.selection = { sheet, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
    this.activeSheet = sheet;
  }

  select(sheet: SheetModel, rect: Rect): void {
    this.activate(sheet);
    this.selection = { sheet, rect };
  }

  private visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === "Visible");
  }

  /** A sheet-qualified or sheet-relative address ("'SV Setup'!A1:B2", "A1") as a sheet and rectangle. */
  resolveAddress(address: string, defaultSheet?: SheetModel): { sheet: SheetModel; rect: Rect } {
    let parts: { sheet?: string; ref: string };
    let rect: Rect;
    try {
      parts = splitSheet(address);
      rect = parseA1(parts.ref);
    } catch (e) {
      if (e instanceof AddressError) throw excelError("InvalidArgument", e.message);
      throw e;
    }
    const sheet = parts.sheet === undefined ? defaultSheet : this.sheetByName(parts.sheet);
    if (!sheet) throw excelError(parts.sheet === undefined ? "InvalidArgument" : "ItemNotFound", `no worksheet for address "${address}"`);
    if (defaultSheet && sheet !== defaultSheet) throw excelError("InvalidArgument", `"${address}" is not on worksheet "${defaultSheet.name}"`);
    return { sheet, rect };
  }

  // ---- Protection --------------------------------------------------------------------------

  protect(sheet: SheetModel, options: Record<string, unknown> = {}, password?: string): void {
    // "Protects a worksheet. Fails if the worksheet has already been protected." (no code documented)
    if (sheet.protection.protected) throw excelError("InvalidOperation", `worksheet "${sheet.name}" is already protected`);
    sheet.protection = { protected: true, options: { ...options }, ...(password ? { password } : {}) };
  }

  unprotect(sheet: SheetModel, password?: string): void {
    if (!sheet.protection.protected) return;
    // A wrong password: pauseProtection documents InvalidArgument; unprotect documents nothing.
    if (sheet.protection.password !== undefined && sheet.protection.password !== password) throw excelError("InvalidArgument", "the password is incorrect");
    sheet.protection = { protected: false, options: sheet.protection.options };
  }

  private assertUnprotected(sheet: SheetModel, what: string, allowedBy?: string): void {
    if (!sheet.protection.protected) return;
    if (allowedBy && sheet.protection.options[allowedBy] === true) return;
    throw excelError("AccessDenied", `worksheet "${sheet.name}" is protected: ${what} is not allowed`);
  }

  /** Writes to locked cells of a protected sheet fail; unlocked cells (format.protection.locked = false) stay editable. */
  private assertCellsEditable(sheet: SheetModel, rect: Rect): void {
    if (!sheet.protection.protected) return;
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        if (sheet.formats.at(r, c).locked) throw excelError("AccessDenied", `worksheet "${sheet.name}" is protected and ${formatA1({ row: r, col: c, rows: 1, cols: 1 })} is locked`);
      }
    }
  }

  // ---- Cell contents -----------------------------------------------------------------------

  /**
   * Writes `Range.values` or `Range.formulas`: a 2-D array the size of the range, or one value
   * for every cell. Every cell is interpreted and every formula checked before anything is
   * written, so a bad formula leaves the range untouched.
   */
  write(sheet: SheetModel, rect: Rect, data: unknown, property: string): void {
    const cell = shapedInput(rect, data, property);
    this.assertCellsEditable(sheet, rect);
    const keepApostrophe = this.behaviour.keepsApostropheInTextCells;
    const inputs = grid(rect, (r, c) => interpretInput(cell(r, c), sheet.formats.at(rect.row + r, rect.col + c).numberFormat === "@", keepApostrophe));
    this.writeInputs(sheet, rect, inputs);
    this.afterContentChange(sheet, rect);
  }

  /**
   * Puts interpreted contents into the engine. Formulas are all translated and checked before
   * anything changes. Contiguous cells go to the engine as one block: HyperFormula is much
   * faster that way than cell by cell (and slower still cell by cell inside its batch()).
   */
  private writeInputs(sheet: SheetModel, rect: Rect, inputs: CellInput[][]): void {
    this.contentVersion++;
    this.deferCalculation();
    const entries = new Map<number, FormulaEntry | undefined>();
    const contents = inputs.map((row, r) =>
      row.map((input, c): RawCellContent | typeof UNCHANGED => {
        const key = cellKey(rect.row + r, rect.col + c);
        if (input.kind === "unchanged") return UNCHANGED;
        if (input.kind === "formula") {
          const translated = this.compile(sheet, rect.row + r, rect.col + c, input.formula);
          entries.set(key, { source: input.formula, translated, dynamic: usesTablesOrNames(input.formula) });
          return translated;
        }
        entries.set(key, undefined);
        // Text goes to the engine behind an apostrophe, so it never re-reads "=x" or "12" itself.
        return input.kind === "empty" ? null : typeof input.value === "string" ? `'${input.value}` : input.value;
      })
    );
    for (const [key, entry] of entries) {
      if (entry) sheet.formulas.set(key, entry);
      else sheet.formulas.delete(key);
    }
    const whole = contents.every((row) => row.every((v) => v !== UNCHANGED));
    if (whole) {
      this.engine.setCellContents({ sheet: sheet.engineId, row: rect.row, col: rect.col }, contents as RawCellContent[][]);
      return;
    }
    contents.forEach((row, r) => {
      let start = 0;
      while (start < row.length) {
        if (row[start] === UNCHANGED) {
          start++;
          continue;
        }
        let end = start;
        while (end < row.length && row[end] !== UNCHANGED) end++;
        this.engine.setCellContents({ sheet: sheet.engineId, row: rect.row + r, col: rect.col + start }, [row.slice(start, end) as RawCellContent[]]);
        start = end;
      }
    });
  }

  /**
   * Writes recalculate once, when something is next read, not after every cell: Excel too
   * calculates after the API's writes, and a request of 20,000 cell writes under 1,200 COUNTIFS
   * would otherwise recalculate 20,000 times in the engine.
   */
  private deferCalculation(): void {
    if (this.deferred) return;
    this.engine.suspendEvaluation();
    this.deferred = true;
  }

  /** Brings every value up to date (before any read, and at the end of each request). */
  calculate(): void {
    if (!this.deferred) return;
    this.deferred = false;
    this.engine.resumeEvaluation();
  }

  /** Puts interpreted contents into cells as they are, bypassing protection (a co-author's edits: rowEdits.ts). */
  writeCellInputs(sheet: SheetModel, rect: Rect, inputs: CellInput[][]): void {
    this.writeInputs(sheet, rect, inputs);
    this.afterContentChange(sheet, rect);
  }

  private setCell(sheet: SheetModel, row: number, col: number, input: CellInput): void {
    this.writeInputs(sheet, { row, col, rows: 1, cols: 1 }, [[input]]);
  }

  setNumberFormat(sheet: SheetModel, rect: Rect, data: unknown): void {
    const cell = shapedInput(rect, data, "numberFormat");
    this.assertUnprotected(sheet, "formatting cells", "allowFormatCells");
    // "" resets a cell to General; null leaves it alone (Excel's rules for both).
    const patch = (format: unknown): FormatPatch | undefined =>
      format === null || format === undefined ? undefined : { numberFormat: format === "" ? "General" : String(format) };
    if (!Array.isArray(data)) {
      const one = patch(data);
      if (one) sheet.formats.apply(rect, one);
      return;
    }
    for (let r = 0; r < rect.rows; r++) {
      for (let c = 0; c < rect.cols; c++) {
        const one = patch(cell(r, c));
        if (one) sheet.formats.apply({ row: rect.row + r, col: rect.col + c, rows: 1, cols: 1 }, one);
      }
    }
  }

  clear(sheet: SheetModel, rect: Rect, applyTo = "All"): void {
    if (!["All", "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(applyTo)) {
      throw excelError("InvalidArgument", `"${applyTo}" is not a ClearApplyTo value`);
    }
    const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
    const formats = applyTo === "All" || applyTo === "Formats";
    if (contents) this.assertCellsEditable(sheet, rect);
    if (formats) this.assertUnprotected(sheet, "formatting cells", "allowFormatCells");
    if (contents) {
      const used = this.contentBounds(sheet);
      const area = used && intersection(rect, used);
      if (area) {
        this.contentVersion++;
        this.engine.setCellContents({ sheet: sheet.engineId, row: area.row, col: area.col }, grid(area, () => null));
        for (const key of [...sheet.formulas.keys()]) if (contains(area, keyRow(key), keyCol(key))) sheet.formulas.delete(key);
      }
      this.afterContentChange(sheet, rect);
    }
    if (formats) sheet.formats.reset(rect);
  }

  /** Cells with content, as an engine-bounded rectangle from A1 (undefined when the sheet is empty). */
  private contentBounds(sheet: SheetModel): Rect | undefined {
    this.calculate();
    const { width, height } = this.engine.getSheetDimensions(sheet.engineId);
    return width && height ? { row: 0, col: 0, rows: height, cols: width } : undefined;
  }

  private compile(sheet: SheetModel, row: number, col: number, source: string): string {
    let translated: string;
    try {
      translated = translateFormula(source, { sheet: sheet.name, row, col }, this.scope);
    } catch (e) {
      if (e instanceof FormulaReferenceError) throw excelError("InvalidArgument", `formula ${source}: ${e.message}`);
      throw e;
    }
    if (!this.engine.validateFormula(translated)) {
      // Excel refuses a formula it cannot parse. The engine's grammar is close to Excel's but not
      // the same (no LET, LAMBDA or spill references): a refusal here may be the host's limit.
      throw excelError("InvalidArgument", `the formula ${source} does not parse (as ${translated})`);
    }
    return translated;
  }

  /** Writing over a table's header renames its columns (Excel keeps headers as unique text). */
  private afterContentChange(sheet: SheetModel, rect: Rect): void {
    for (const table of this.tables) if (table.sheet === sheet && intersection(table.headerRect(), rect)) this.syncHeaders(table);
  }

  private assertReadable(rect: Rect): void {
    if (cellCount(rect) > MAX_CELLS_PER_READ) throw excelError("RangeExceedsLimit", `${cellCount(rect)} cells is more than Office.js reads at once (${MAX_CELLS_PER_READ})`);
  }

  private rawValues(sheet: SheetModel, rect: Rect): ReturnType<HyperFormula["getRangeValues"]> {
    this.refreshFormulas();
    this.calculate();
    this.assertReadable(rect);
    return this.engine.getRangeValues({
      start: { sheet: sheet.engineId, row: rect.row, col: rect.col },
      end: { sheet: sheet.engineId, row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1 },
    });
  }

  /** Computed values: numbers, strings, booleans; "" for an empty cell; the error text ("#DIV/0!") for an error. */
  readValues(sheet: SheetModel, rect: Rect): CellValue[][] {
    return this.rawValues(sheet, rect).map((cells, r) =>
      cells.map((v, c) => {
        if (this.isBusy(sheet, rect.row + r, rect.col + c)) return "#BUSY!";
        if (v === null || v === undefined) return sheet.formulas.has(cellKey(rect.row + r, rect.col + c)) ? 0 : ""; // Excel shows a formula's empty result as 0
        if (v instanceof DetailedCellError) return v.value === "#CYCLE!" ? 0 : v.value; // Excel warns of a circular reference and shows 0
        return v as CellValue;
      })
    );
  }

  /** A TENDER cell still computing, as Excel shows an async custom function (the busy profile). */
  private isBusy(sheet: SheetModel, row: number, col: number): boolean {
    if (!this.calculating) return false;
    const entry = sheet.formulas.get(cellKey(row, col));
    return entry !== undefined && TENDER_CALL.test(entry.source);
  }

  /** Formulas where a cell has one (as written), the value elsewhere. */
  readFormulas(sheet: SheetModel, rect: Rect): CellValue[][] {
    const values = this.readValues(sheet, rect);
    return values.map((row, r) => row.map((v, c) => sheet.formulas.get(cellKey(rect.row + r, rect.col + c))?.source ?? v));
  }

  /**
   * Display text. Only the General and Text formats are rendered (General shows up to 11
   * significant digits); a cell with another number format shows as General would.
   */
  readText(sheet: SheetModel, rect: Rect): string[][] {
    return this.readValues(sheet, rect).map((row) =>
      row.map((v) => (typeof v === "number" ? String(Number(v.toPrecision(11))) : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v))
    );
  }

  readValueTypes(sheet: SheetModel, rect: Rect): ValueType[][] {
    return this.rawValues(sheet, rect).map((row, r) =>
      row.map((v, c) => {
        if (this.isBusy(sheet, rect.row + r, rect.col + c)) return "Error";
        if (v instanceof DetailedCellError) return v.value === "#CYCLE!" ? "Double" : "Error";
        if (v === null || v === undefined) return sheet.formulas.has(cellKey(rect.row + r, rect.col + c)) ? "Double" : "Empty";
        return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : v === "" ? "Empty" : "String";
      })
    );
  }

  readNumberFormats(sheet: SheetModel, rect: Rect): string[][] {
    this.assertReadable(rect);
    return grid(rect, (r, c) => sheet.formats.at(rect.row + r, rect.col + c).numberFormat);
  }

  /** The smallest rectangle holding every value (and, unless valuesOnly, every formatted cell). */
  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const include = (row: number, col: number): void => {
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    };
    const bounds = this.contentBounds(sheet);
    if (bounds) {
      const values = this.engine.getRangeValues({ start: { sheet: sheet.engineId, row: 0, col: 0 }, end: { sheet: sheet.engineId, row: bounds.rows - 1, col: bounds.cols - 1 } });
      values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && include(r, c)));
    }
    if (!valuesOnly) for (const key of sheet.formats.formattedCells()) include(keyRow(key), keyCol(key));
    return bottom < 0 ? undefined : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  private isEmpty(sheet: SheetModel, rect: Rect): boolean {
    if (!inGrid(rect)) return false;
    const values = this.readValues(sheet, rect);
    return values.every((row) => row.every((v) => v === "")) && ![...sheet.formulas.keys()].some((k) => contains(rect, keyRow(k), keyCol(k)));
  }

  // ---- Formats -----------------------------------------------------------------------------

  applyFormat(sheet: SheetModel, rect: Rect, patch: FormatPatch): void {
    if ("locked" in patch) this.assertUnprotected(sheet, "changing cell locking");
    else this.assertUnprotected(sheet, "formatting cells", "allowFormatCells");
    sheet.formats.apply(rect, patch);
  }

  /** One format property over a range: its value when every cell agrees, null otherwise (Excel's rule). */
  readFormat<K extends keyof CellFormat>(sheet: SheetModel, rect: Rect, property: K): CellFormat[K] | null {
    this.assertReadable(rect);
    const first = sheet.formats.at(rect.row, rect.col)[property];
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) if (sheet.formats.at(r, c)[property] !== first) return null;
    }
    return first;
  }

  setColumnWidth(sheet: SheetModel, rect: Rect, width: unknown): void {
    if (typeof width !== "number" || !(width >= 0)) throw excelError("InvalidArgument", `column width ${JSON.stringify(width)} is not a number of points`);
    this.assertUnprotected(sheet, "formatting columns", "allowFormatColumns");
    for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, width);
  }

  readColumnWidth(sheet: SheetModel, rect: Rect): number | null {
    const first = sheet.columnWidth(rect.col);
    for (let c = rect.col; c < rect.col + rect.cols; c++) if (sheet.columnWidth(c) !== first) return null;
    return first;
  }

  /**
   * Best fit from the text in the range's cells: about 7 px per character plus 5 px padding, in
   * points (Excel measures the rendered font; this estimate only orders widths sensibly). A
   * column with no text returns to the standard width.
   */
  autofitColumns(sheet: SheetModel, rect: Rect): void {
    this.assertUnprotected(sheet, "formatting columns", "allowFormatColumns");
    const bounds = this.contentBounds(sheet);
    const area = bounds && intersection(rect, bounds);
    const lastCol = Math.min(rect.col + rect.cols, area ? area.col + area.cols : rect.col);
    for (let c = rect.col; c < lastCol; c++) {
      const texts = area ? this.readText(sheet, { ...area, col: c, cols: 1 }).map((row) => row[0] ?? "") : [];
      const longest = Math.max(0, ...texts.map((t) => t.length));
      sheet.columnWidths.set(c, longest === 0 ? DEFAULT_COLUMN_WIDTH : Math.round((longest * 7 + 5) * 0.75 * 100) / 100);
    }
  }

  // ---- Data validation and conditional formats ---------------------------------------------

  setValidation(sheet: SheetModel, rect: Rect, rule: DataValidationRule): void {
    this.assertUnprotected(sheet, "changing data validation");
    checkValidationRule(rule);
    sheet.validations.push({ rect, rule: structuredClone(rule) });
  }

  setValidationDetail(sheet: SheetModel, rect: Rect, detail: "errorAlert" | "prompt" | "ignoreBlanks", value: unknown): void {
    this.assertUnprotected(sheet, "changing data validation");
    const entry = [...sheet.validations].reverse().find((v) => v.rule !== null && intersection(v.rect, rect));
    if (!entry) throw excelError("InvalidOperation", `there is no data validation rule over ${formatA1(rect)} to give a ${detail}`);
    Object.assign(entry, { [detail]: structuredClone(value) });
  }

  clearValidation(sheet: SheetModel, rect: Rect): void {
    this.assertUnprotected(sheet, "changing data validation");
    sheet.validations.push({ rect, rule: null });
  }

  /** The rule over a range and its type: "None" without one, "Inconsistent" when the cells differ. */
  readValidation(sheet: SheetModel, rect: Rect): { rule: DataValidationRule | null; type: string; entry?: Record<string, unknown> } {
    this.assertReadable(rect);
    const first = sheet.validationAt(rect.row, rect.col);
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        if (sheet.validationAt(r, c) !== first) return { rule: null, type: "Inconsistent" };
      }
    }
    if (!first?.rule) return { rule: null, type: "None" };
    const key = Object.keys(first.rule)[0] as string;
    return { rule: structuredClone(first.rule), type: VALIDATION_TYPES[key] ?? "Custom", entry: structuredClone({ ...first }) };
  }

  addConditionalFormat(sheet: SheetModel, rect: Rect, type: string): ConditionalFormatModel {
    this.assertUnprotected(sheet, "adding conditional formats", "allowFormatCells");
    if (!CONDITIONAL_FORMAT_TYPES.includes(type)) throw excelError("InvalidArgument", `"${type}" is not a ConditionalFormatType`);
    const cf: ConditionalFormatModel = { id: `{cf-${this.nextConditionalFormatId++}}`, rect, type, stopIfTrue: false, rule: {}, format: {} };
    sheet.conditionalFormats.push(cf);
    return cf;
  }

  clearConditionalFormats(sheet: SheetModel, rect: Rect): void {
    this.assertUnprotected(sheet, "clearing conditional formats", "allowFormatCells");
    for (const cf of sheet.conditionalFormatsOver(rect)) this.dropConditionalFormat(sheet, cf);
  }

  deleteConditionalFormat(cf: ConditionalFormatModel): void {
    const sheet = this.sheets.find((s) => s.conditionalFormats.includes(cf));
    if (!sheet) throw excelError("ItemNotFound", "the conditional format has been deleted");
    this.assertUnprotected(sheet, "deleting conditional formats", "allowFormatCells");
    this.dropConditionalFormat(sheet, cf);
  }

  private dropConditionalFormat(sheet: SheetModel, cf: ConditionalFormatModel): void {
    sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(cf), 1);
    cf.removed = true;
  }

  // ---- Defined names -----------------------------------------------------------------------

  addName(name: string, reference: string, comment = ""): NameModel {
    validateDefinedName(name);
    if (this.names.has(name.toLowerCase()) || this.tableByName(name)) throw excelError("ItemAlreadyExists", `the name "${name}" is already used in this workbook`);
    const formula = this.checkNameFormula(reference);
    const model: NameModel = { name, formula, comment, visible: true };
    this.names.set(name.toLowerCase(), model);
    this.stale = true;
    return model;
  }

  setNameFormula(name: NameModel, reference: string): void {
    name.formula = this.checkNameFormula(reference);
    this.stale = true;
  }

  deleteName(name: NameModel): void {
    this.names.delete(name.name.toLowerCase());
    this.stale = true;
  }

  private checkNameFormula(reference: string): string {
    const formula = reference.startsWith("=") ? reference : `=${reference}`;
    this.compile(this.sheets[0] as SheetModel, 0, 0, formula);
    return formula;
  }

  /** NamedItem.type and .value: "Range" with the address, or the type of what the formula computes. */
  describeName(name: NameModel): { type: string; value: unknown } {
    const translated = translateFormula(name.formula, { sheet: (this.sheets[0] as SheetModel).name, row: 0, col: 0 }, this.scope, { brokenAsRef: true });
    if (isPlainReference(translated.slice(1))) return { type: "Range", value: translated.slice(1) };
    this.calculate();
    const value = this.engine.calculateFormula(translated, (this.sheets[0] as SheetModel).engineId);
    if (value instanceof DetailedCellError) return { type: "Error", value: value.value };
    if (Array.isArray(value)) return { type: "Array", value };
    const type = typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String";
    return { type, value };
  }

  nameRange(name: NameModel): { sheet: SheetModel; rect: Rect } | undefined {
    const { type, value } = this.describeName(name);
    if (type !== "Range") return undefined;
    const { sheet } = splitSheet(value as string);
    return sheet !== undefined && this.sheetByName(sheet) ? this.resolveAddress(value as string) : undefined;
  }

  // ---- Tables ------------------------------------------------------------------------------

  tableByName(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  tableById(id: string): TableModel | undefined {
    return this.tables.find((t) => t.id === id);
  }

  /**
   * TableCollection.add. With hasHeaders false, Excel "will automatically generate a header and
   * shift the data down by one row": the host does that when the row below is empty (it does
   * not shift other cells down) and refuses with NotImplemented otherwise.
   */
  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    this.assertUnprotected(sheet, "adding a table");
    let full = rect;
    if (!hasHeaders) {
      const below = { ...rect, row: rect.row + rect.rows, rows: 1 };
      if (!this.isEmpty(sheet, below)) throw new NotModelled("TableCollection.add", "the host shifts data down for headers only into an empty row");
      full = { ...rect, rows: rect.rows + 1 };
    } else if (rect.rows === 1) full = { ...rect, rows: 2 };
    if (!inGrid(full)) throw excelError("InvalidArgument", "the table would run off the sheet");
    const clash = this.tables.find((t) => t.sheet === sheet && intersection(t.rect, full));
    if (clash) throw excelError("MergedRangeConflict", `the range overlaps table ${clash.describe()}`);
    if (!hasHeaders) this.moveContents(sheet, rect, 1);
    const columns = Array.from({ length: full.cols }, () => ({ id: this.nextColumnId++, name: "" }));
    const table = new TableModel(`{table-${this.nextTableNumber}}`, this.nextTableName(), sheet, full, columns);
    this.tables.push(table);
    this.syncHeaders(table);
    this.stale = true;
    return table;
  }

  private nextTableName(): string {
    let name = `Table${this.nextTableNumber++}`;
    while (this.tableByName(name) || this.names.has(name.toLowerCase())) name = `Table${this.nextTableNumber++}`;
    return name;
  }

  renameTable(table: TableModel, name: string): void {
    if (table.name === name) return;
    validateDefinedName(name);
    const other = this.tableByName(name);
    if ((other && other !== table) || this.names.has(name.toLowerCase())) throw excelError("ItemAlreadyExists", `the name "${name}" is already used in this workbook`);
    for (const s of this.sheets) for (const entry of s.formulas.values()) entry.source = renameTableInFormula(entry.source, table.name, name);
    for (const n of this.names.values()) n.formula = renameTableInFormula(n.formula, table.name, name);
    table.name = name;
    this.stale = true;
  }

  /** Table.delete removes the table and clears its cells, as ListObject.Delete does in VBA; formulas that referred to it show #REF!. */
  deleteTable(table: TableModel): void {
    this.assertUnprotected(table.sheet, "deleting a table");
    this.dropTable(table);
    this.clear(table.sheet, table.rect, "Contents");
  }

  private dropTable(table: TableModel): void {
    this.tables.splice(this.tables.indexOf(table), 1);
    table.deleted = true;
    this.stale = true;
  }

  /**
   * Table.resize: "The new range must overlap with the original table range and the headers
   * (or the top of the table) must be in the same row." New columns take their header from the
   * cell (or ColumnN); calculated columns fill new rows, as Excel fills them.
   */
  resizeTable(table: TableModel, sheet: SheetModel, rect: Rect): void {
    this.assertUnprotected(table.sheet, "resizing a table");
    // Whether the new range holds the total row or Excel puts it below, and whether its cells
    // move or stay behind in a data row, is not documented: the add-in must not rely on either.
    if (table.showTotals) throw new NotModelled("Table.resize", "the table shows a total row, and how Excel resizes such a table is not documented");
    if (sheet !== table.sheet) throw excelError("InvalidArgument", "a table cannot be resized onto another sheet");
    if (rect.row !== table.rect.row) throw excelError("InvalidArgument", "the header row must stay in the same row");
    if (!intersection(rect, table.rect)) throw excelError("InvalidArgument", "the new range must overlap the table");
    if (rect.rows < 2) throw excelError("InvalidArgument", "a table needs a header row and at least one data row");
    const clash = this.tables.find((t) => t !== table && t.sheet === sheet && intersection(t.rect, rect));
    if (clash) throw excelError("MergedRangeConflict", `the range overlaps table ${clash.describe()}`);
    const calculated = this.calculatedColumns(table);
    const oldRect = table.rect;
    table.columns = Array.from({ length: rect.cols }, (_, i) => {
      const physical = rect.col + i;
      const kept = physical >= oldRect.col && physical < oldRect.col + oldRect.cols ? table.columns[physical - oldRect.col] : undefined;
      return kept ?? { id: this.nextColumnId++, name: "" };
    });
    table.rect = rect;
    this.fillCalculated(table, calculated, oldRect.row + oldRect.rows);
    this.syncHeaders(table);
    this.stale = true;
  }

  /**
   * TableRowCollection.add. The fake appends only (index null, -1 or the row count) and only
   * into empty rows below the table; inserting in the middle, or pushing cells below down, is
   * NotImplemented. The add-in is not meant to call this in a loop (stats count the calls).
   */
  addTableRows(table: TableModel, index: number | null | undefined, values: unknown): void {
    this.assertUnprotected(table.sheet, "adding table rows");
    if (table.showTotals) throw new NotModelled("TableRowCollection.add", "the table shows a total row, which Excel pushes down, and the host does not shift cells down");
    if (index !== null && index !== undefined && index !== -1 && index !== table.dataRows) {
      throw new NotModelled("TableRowCollection.add", "the host adds table rows at the end only");
    }
    const count = Array.isArray(values) ? values.length : 1;
    const below: Rect = { row: table.rect.row + table.rect.rows, col: table.rect.col, rows: count, cols: table.rect.cols };
    if (values !== undefined) shapedInput(below, values, "values");
    if (!this.isEmpty(table.sheet, below)) throw new NotModelled("TableRowCollection.add", "the rows below the table are not empty, and the host does not shift cells down");
    const calculated = this.calculatedColumns(table);
    const end = table.rect.row + table.rect.rows;
    table.rect = { ...table.rect, rows: table.rect.rows + count };
    this.fillCalculated(table, calculated, end);
    if (values !== undefined) this.write(table.sheet, below, values, "values");
    this.stale = true;
  }

  /**
   * TableColumnCollection.add at the right-hand end (other positions are NotImplemented), into
   * an empty column. `values` is the whole column with its header, or the data rows only.
   */
  addTableColumn(table: TableModel, index: number | null | undefined, values: unknown, name: string | null | undefined): number {
    this.assertUnprotected(table.sheet, "adding a table column");
    if (index !== null && index !== undefined && index !== -1 && index !== table.columns.length) {
      throw new NotModelled("TableColumnCollection.add", "the host adds table columns at the right-hand end only");
    }
    const right: Rect = { row: table.rect.row, col: table.rect.col + table.rect.cols, rows: table.rect.rows, cols: 1 };
    if (!this.isEmpty(table.sheet, right)) throw new NotModelled("TableColumnCollection.add", "the column to the right of the table is not empty, and the host does not shift cells");
    let target: Rect | undefined;
    if (values !== undefined && values !== null) {
      const rows = Array.isArray(values) ? values.length : right.rows;
      if (rows === right.rows) target = right;
      else if (rows === table.dataRows) target = { ...right, row: right.row + 1, rows: table.dataRows };
      else throw excelError("InvalidArgument", `values has ${rows} rows; the column has ${table.dataRows} data rows`);
      shapedInput(target, values, "values");
    }
    table.rect = { ...table.rect, cols: table.rect.cols + 1 };
    table.columns.push({ id: this.nextColumnId++, name: "" });
    if (target) this.write(table.sheet, target, values, "values");
    if (name !== null && name !== undefined) this.setCell(table.sheet, right.row, right.col, { kind: "value", value: String(name) });
    this.syncHeaders(table);
    this.stale = true;
    return table.columns.length - 1;
  }

  /**
   * Table.showTotals (ExcelApi 1.1). Turned off, the total row leaves the table and its cells are
   * emptied (formats stay); each column's total is kept. Turned on, the row below the table
   * becomes the total row, holding the totals kept (blank under the totals-forgotten profile,
   * and for a table that never showed one). The host does this only over an empty row: whether
   * Excel shifts the cells below down or refuses is not modelled.
   */
  setShowTotals(table: TableModel, show: boolean): void {
    if (table.showTotals === show) return;
    this.assertUnprotected(table.sheet, "turning a table's total row on or off");
    if (!show) {
      const total = table.totalRect();
      const formulas = this.readFormulas(table.sheet, total)[0] ?? [];
      table.hiddenTotals.clear();
      table.columns.forEach((column, i) => {
        const cell = formulas[i];
        const input: CellInput = typeof cell === "string" && cell.startsWith("=") ? { kind: "formula", formula: cell } : cell === "" || cell === undefined || cell === null ? { kind: "empty" } : { kind: "value", value: cell as string | number | boolean };
        table.hiddenTotals.set(column.id, input);
      });
      table.showTotals = false;
      table.rect = { ...table.rect, rows: table.rect.rows - 1 };
      this.clear(table.sheet, total, "Contents");
    } else {
      const below: Rect = { ...table.rect, row: table.rect.row + table.rect.rows, rows: 1 };
      if (!this.isEmpty(table.sheet, below)) throw new NotModelled("Table.showTotals", "the row below the table is not empty, and the host does not shift cells down");
      table.showTotals = true;
      table.rect = { ...table.rect, rows: table.rect.rows + 1 };
      const restores = this.behaviour.restoresTotalRow !== false;
      this.writeCellInputs(table.sheet, below, [table.columns.map((c): CellInput => (restores ? (table.hiddenTotals.get(c.id) ?? { kind: "empty" }) : { kind: "empty" }))]);
    }
    this.stale = true;
  }

  renameColumn(table: TableModel, index: number, name: string): void {
    this.assertCellsEditable(table.sheet, table.columnRect(index, true));
    this.setCell(table.sheet, table.rect.row, table.rect.col + index, { kind: "value", value: String(name) });
    this.syncHeaders(table);
  }

  /** Columns whose every data cell holds the same formula text: Excel's calculated columns. */
  private calculatedColumns(table: TableModel): Map<number, string> {
    const out = new Map<number, string>();
    table.columns.forEach((_, i) => {
      const rect = table.columnRect(i, false);
      const first = table.sheet.formulas.get(cellKey(rect.row, rect.col))?.source;
      if (first === undefined) return;
      for (let r = rect.row; r < rect.row + rect.rows; r++) if (table.sheet.formulas.get(cellKey(r, rect.col))?.source !== first) return;
      out.set(table.columns[i]?.id as number, first);
    });
    return out;
  }

  private fillCalculated(table: TableModel, calculated: Map<number, string>, fromRow: number): void {
    if (!this.behaviour.fillsCalculatedColumns) return;
    table.columns.forEach((column, i) => {
      const formula = calculated.get(column.id);
      const rows = table.rect.row + table.rect.rows - fromRow;
      if (formula === undefined || rows <= 0) return;
      const target = { row: fromRow, col: table.rect.col + i, rows, cols: 1 };
      this.writeInputs(table.sheet, target, grid(target, (): CellInput => ({ kind: "formula", formula })));
    });
  }

  /** Header cells become unique text: blanks "ColumnN", repeats numbered, formulas their value. */
  private syncHeaders(table: TableModel): void {
    const values = this.readValues(table.sheet, table.headerRect())[0] ?? [];
    const taken = new Set<string>();
    const unique = (base: string): string => {
      let name = base;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
      taken.add(name.toLowerCase());
      return name;
    };
    let renamed = false;
    table.columns.forEach((column, i) => {
      const v = values[i] ?? "";
      const text = v === "" ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
      const name = unique(text === "" ? `Column${i + 1}` : text);
      const col = table.rect.col + i;
      if (name !== v || table.sheet.formulas.has(cellKey(table.rect.row, col))) this.setCell(table.sheet, table.rect.row, col, { kind: "value", value: name });
      if (column.name !== name) renamed = true;
      column.name = name;
    });
    if (renamed) this.stale = true;
  }

  /** Moves a block's contents `rows` rows down (formulas keep their text). */
  private moveContents(sheet: SheetModel, rect: Rect, rows: number): void {
    const values = this.readValues(sheet, rect);
    const contents = grid(rect, (r, c): CellInput => {
      const formula = sheet.formulas.get(cellKey(rect.row + r, rect.col + c));
      const value = values[r]?.[c] ?? "";
      return formula ? { kind: "formula", formula: formula.source } : value === "" ? { kind: "empty" } : { kind: "value", value };
    });
    this.clear(sheet, rect, "Contents");
    this.writeInputs(sheet, { ...rect, row: rect.row + rows }, contents);
  }

  // ---- Formula upkeep ----------------------------------------------------------------------

  /** Re-translates formulas that use tables or names after either changed (before any read, and at the end of a request). */
  refreshFormulas(): void {
    if (!this.stale) return;
    this.stale = false;
    this.rebuildFormulas((entry) => entry.dynamic, false);
  }

  /** Re-translates every formula from its text (after a structural edit moved cells: rowEdits.ts). */
  retranslateAll(): void {
    this.stale = false;
    this.rebuildFormulas(() => true, false);
  }

  /** Tables or names changed shape: formulas that use them are re-translated before the next read. */
  markStale(): void {
    this.stale = true;
  }

  /** Hands the engine a fresh translation of the formulas `which` picks: those whose translation changed, or all of them when forced. */
  private rebuildFormulas(which: (entry: FormulaEntry) => boolean, force: boolean): void {
    for (const sheet of this.sheets) {
      for (const [key, entry] of sheet.formulas) {
        if (!which(entry)) continue;
        let translated = translateFormula(entry.source, { sheet: sheet.name, row: keyRow(key), col: keyCol(key) }, this.scope, { brokenAsRef: true });
        if (!this.engine.validateFormula(translated)) translated = "=#REF!";
        if (translated === entry.translated && !force) continue;
        entry.translated = translated;
        this.engine.setCellContents({ sheet: sheet.engineId, row: keyRow(key), col: keyCol(key) }, translated);
      }
    }
  }
}

// ---- Helpers -------------------------------------------------------------------------------

function grid<T>(rect: Rect, cell: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (_, c) => cell(r, c)));
}

/**
 * The value for each cell of a write: a 2-D array exactly the range's size, or a single
 * (non-array) value for every cell. Anything else is InvalidArgument, as in Excel.
 */
function shapedInput(rect: Rect, data: unknown, property: string): (r: number, c: number) => unknown {
  if (!Array.isArray(data)) return () => data;
  const rows = data as unknown[];
  const fits = rows.length === rect.rows && rows.every((row) => Array.isArray(row) && row.length === rect.cols);
  if (!fits) {
    throw excelError(
      "InvalidArgument",
      `${property}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rows}×${rect.cols})`
    );
  }
  return (r, c) => (rows[r] as unknown[])[c];
}

function validateSheetName(name: string): void {
  if (typeof name !== "string" || name.trim() === "" || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw excelError("InvalidArgument", `"${String(name)}" is not a valid worksheet name (1–31 characters, none of : \\ / ? * [ ], no leading or trailing apostrophe)`);
  }
}

function validateDefinedName(name: string): void {
  if (typeof name !== "string" || !DEFINED_NAME.test(name) || name.length > 255 || CELL_LIKE_NAME.test(name) || /^(true|false)$/i.test(name)) {
    throw excelError("InvalidArgument", `"${String(name)}" is not a valid name (a letter, _ or \\ first; letters, digits, _ . \\ ?; not a cell reference)`);
  }
}

function checkValidationRule(rule: DataValidationRule): void {
  const keys = Object.keys(rule ?? {}).filter((k) => rule[k] !== undefined && rule[k] !== null);
  const key = keys[0];
  if (keys.length !== 1 || key === undefined || !(key in VALIDATION_TYPES)) {
    throw excelError("InvalidArgument", `a data validation rule sets exactly one of ${Object.keys(VALIDATION_TYPES).join(", ")}`);
  }
  const body = rule[key] as Record<string, unknown>;
  if (key === "list") {
    if (typeof body.source !== "string" || body.source === "") throw excelError("InvalidArgument", "a list rule needs a source");
  } else if (key === "custom") {
    if (typeof body.formula !== "string") throw excelError("InvalidArgument", "a custom rule needs a formula");
  } else {
    if (!OPERATORS.includes(body.operator as string)) throw excelError("InvalidArgument", `operator ${JSON.stringify(body.operator)} is not a DataValidationOperator`);
    if (body.formula1 === undefined || body.formula1 === null) throw excelError("InvalidArgument", `a ${key} rule needs formula1`);
    if ((body.operator === "Between" || body.operator === "NotBetween") && (body.formula2 === undefined || body.formula2 === null)) {
      throw excelError("InvalidArgument", `${body.operator as string} needs formula2`);
    }
  }
}
