/**
 * Excel.Range and what hangs off it: format (fill, font, protection, column width), data
 * validation and conditional formats. A Range stands for a fixed rectangle on one sheet, found
 * when first used (a range from `table.getDataBodyRange()` is the data body as it was then).
 */
import { cellCount, inGrid, isWholeColumns, isWholeRows, qualifiedAddress, type Rect } from "./addresses";
import { ClientCollection, ClientObject, type FakeClientResult } from "./clientObject";
import { excelError } from "./errors";
import type { FakeRequestContext } from "./requestContext";
import { normalizeColor, type ConditionalFormatModel, type DataValidationRule, type SheetModel } from "./sheetModel";
import type { WorkbookModel } from "./workbookModel";
import { FakeWorksheet } from "./worksheet";
import { FakeRangeAreas, specialCells } from "./rangeAreas";

export interface RangeHost {
  sheet: SheetModel;
  rect: Rect;
}

const RANGE_SCALARS = [
  "address",
  "addressLocal",
  "cellCount",
  "columnCount",
  "columnIndex",
  "formulas",
  "formulasLocal",
  "isEntireColumn",
  "isEntireRow",
  "numberFormat",
  "rowCount",
  "rowIndex",
  "text",
  "values",
  "valueTypes",
] as const;

type Cells = unknown[][];

export class FakeRange extends ClientObject<RangeHost> {
  private formatProxy?: FakeRangeFormat;
  private validationProxy?: FakeDataValidation;
  private conditionalFormatsProxy?: FakeConditionalFormatCollection;
  private worksheetProxy?: FakeWorksheet;

  constructor(context: FakeRequestContext, locate: () => RangeHost | null) {
    super(context, "Range", locate);
  }

  private get model(): WorkbookModel {
    return this.context.session.model;
  }

  protected scalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }

  protected snapshot({ sheet, rect }: RangeHost, property: string): unknown {
    const m = this.model;
    switch (property) {
      case "address":
      case "addressLocal":
        return qualifiedAddress(sheet.name, rect);
      case "cellCount":
        return cellCount(rect);
      case "columnCount":
        return rect.cols;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rows;
      case "rowIndex":
        return rect.row;
      case "isEntireColumn":
        return isWholeColumns(rect);
      case "isEntireRow":
        return isWholeRows(rect);
      case "values":
        return m.readValues(sheet, rect);
      case "formulas":
      case "formulasLocal":
        return m.readFormulas(sheet, rect);
      case "text":
        return m.readText(sheet, rect);
      case "valueTypes":
        return m.readValueTypes(sheet, rect);
      case "numberFormat":
        return m.readNumberFormats(sheet, rect);
    }
    throw new Error(`Range.${property} has no snapshot`);
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "conditionalFormats") return this.conditionalFormats;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  get address(): string {
    return this.read("address");
  }
  get addressLocal(): string {
    return this.read("addressLocal");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get isEntireColumn(): boolean {
    return this.read("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this.read("isEntireRow");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get values(): Cells {
    return this.read("values");
  }
  set values(values: Cells) {
    this.assign("values", values, (h) => this.model.write(h.sheet, h.rect, values, "values"));
  }

  get formulas(): Cells {
    return this.read("formulas");
  }
  set formulas(formulas: Cells) {
    this.assign("formulas", formulas, (h) => this.model.write(h.sheet, h.rect, formulas, "formulas"));
  }

  get formulasLocal(): Cells {
    return this.read("formulasLocal");
  }
  /** The fake's locale is en-US, where formulasLocal and formulas are the same text. */
  set formulasLocal(formulas: Cells) {
    this.assign("formulasLocal", formulas, (h) => this.model.write(h.sheet, h.rect, formulas, "formulasLocal"));
  }

  get numberFormat(): Cells {
    return this.read("numberFormat");
  }
  set numberFormat(formats: Cells) {
    this.assign("numberFormat", formats, (h) => this.model.setNumberFormat(h.sheet, h.rect, formats));
  }

  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.context, () => this.find()));
  }

  get dataValidation(): FakeDataValidation {
    return (this.validationProxy ??= new FakeDataValidation(this.context, () => this.find()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.conditionalFormatsProxy ??= new FakeConditionalFormatCollection(this.context, () => this.find()));
  }

  get worksheet(): FakeWorksheet {
    return (this.worksheetProxy ??= new FakeWorksheet(this.context, () => this.find()?.sheet ?? null));
  }

  /** A range computed from this one when first used; outside the grid it is InvalidArgument. */
  private derive(method: string, rectOf: (rect: Rect) => Rect): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.host();
      const derived = rectOf(rect);
      if (!inGrid(derived)) throw excelError("InvalidArgument", `${method} would leave the sheet`).at(`Range.${method}`);
      return { sheet, rect: derived };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive("getCell", (r) => ({ row: r.row + row, col: r.col + column, rows: 1, cols: 1 }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive("getOffsetRange", (r) => ({ ...r, row: r.row + rowOffset, col: r.col + columnOffset }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive("getResizedRange", (r) => ({ ...r, rows: r.rows + deltaRows, cols: r.cols + deltaColumns }));
  }

  // A row or column index past the range gives an empty rectangle, which derive refuses.
  getRow(row: number): FakeRange {
    return this.derive("getRow", (r) => ({ ...r, row: r.row + row, rows: row < r.rows ? 1 : 0 }));
  }

  getColumn(column: number): FakeRange {
    return this.derive("getColumn", (r) => ({ ...r, col: r.col + column, cols: column < r.cols ? 1 : 0 }));
  }

  getEntireColumn(): FakeRange {
    return this.derive("getEntireColumn", (r) => ({ ...r, row: 0, rows: 1_048_576 }));
  }

  getEntireRow(): FakeRange {
    return this.derive("getEntireRow", (r) => ({ ...r, col: 0, cols: 16_384 }));
  }

  getLastRow(): FakeRange {
    return this.derive("getLastRow", (r) => ({ ...r, row: r.row + r.rows - 1, rows: 1 }));
  }

  getLastColumn(): FakeRange {
    return this.derive("getLastColumn", (r) => ({ ...r, col: r.col + r.cols - 1, cols: 1 }));
  }

  /** The cells of this range of one SpecialCellType (see rangeAreas.ts); ItemNotFound at sync when there are none. */
  getSpecialCells(cellType: string, cellValueType?: string): FakeRangeAreas {
    const proxy = new FakeRangeAreas(this.context, () => {
      const { sheet, rect } = this.host();
      const rects = specialCells(this.model, sheet, rect, cellType, cellValueType);
      if (rects.length === 0) throw excelError("ItemNotFound", `no ${cellType} cells in the range`).at("Range.getSpecialCells");
      return { sheet, rects };
    });
    return this.lookedUpAtSync(proxy, "getSpecialCells", [cellType, cellValueType]);
  }

  /** As getSpecialCells, but a null object when no cell matches. */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): FakeRangeAreas {
    const proxy = new FakeRangeAreas(this.context, () => {
      const { sheet, rect } = this.host();
      const rects = specialCells(this.model, sheet, rect, cellType, cellValueType);
      return rects.length === 0 ? null : { sheet, rects };
    });
    return this.lookedUpAtSync(proxy, "getSpecialCellsOrNullObject", [cellType, cellValueType]);
  }

  select(): void {
    this.invoke("select", [], (h) => this.model.select(h.sheet, h.rect));
  }

  clear(applyTo?: string): void {
    this.invoke("clear", [applyTo], (h) => this.model.clear(h.sheet, h.rect, applyTo ?? "All"));
  }
}

/** Range.format: column width, wrap, alignment; fill, font and protection below it. */
export class FakeRangeFormat extends ClientObject<RangeHost> {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly protection: FakeFormatProtection;

  constructor(context: FakeRequestContext, locate: () => RangeHost | null) {
    super(context, "RangeFormat", locate);
    this.fill = new FakeRangeFill(context, () => this.find());
    this.font = new FakeRangeFont(context, () => this.find());
    this.protection = new FakeFormatProtection(context, () => this.find());
  }

  private get model(): WorkbookModel {
    return this.context.session.model;
  }

  protected scalarNames(): readonly string[] {
    return ["columnWidth", "wrapText", "horizontalAlignment"];
  }

  protected snapshot({ sheet, rect }: RangeHost, property: string): unknown {
    if (property === "columnWidth") return this.model.readColumnWidth(sheet, rect);
    return this.model.readFormat(sheet, rect, property as "wrapText" | "horizontalAlignment");
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : name === "protection" ? this.protection : undefined;
  }

  get columnWidth(): number | null {
    return this.read("columnWidth");
  }
  set columnWidth(width: number | null) {
    this.assign("columnWidth", width, (h) => this.model.setColumnWidth(h.sheet, h.rect, width));
  }

  get wrapText(): boolean | null {
    return this.read("wrapText");
  }
  set wrapText(wrap: boolean | null) {
    this.assign("wrapText", wrap, (h) => this.model.applyFormat(h.sheet, h.rect, { wrapText: wrap === true }));
  }

  get horizontalAlignment(): string | null {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(alignment: string | null) {
    this.assign("horizontalAlignment", alignment, (h) => this.model.applyFormat(h.sheet, h.rect, { horizontalAlignment: String(alignment) }));
  }

  autofitColumns(): void {
    this.invoke("autofitColumns", [], (h) => this.model.autofitColumns(h.sheet, h.rect));
  }

  /** Row heights are not modelled; this only checks the sheet lets rows be formatted. */
  autofitRows(): void {
    this.invoke("autofitRows", [], () => undefined);
  }
}

export class FakeRangeFill extends ClientObject<RangeHost> {
  constructor(context: FakeRequestContext, locate: () => RangeHost | null) {
    super(context, "RangeFill", locate);
  }

  protected scalarNames(): readonly string[] {
    return ["color"];
  }

  /** The colour every cell shares; "#FFFFFF" when none is filled (as Excel reports it); null when they differ. */
  protected snapshot({ sheet, rect }: RangeHost): unknown {
    const color = this.context.session.model.readFormat(sheet, rect, "fillColor");
    return color ?? (allUnfilled(sheet, rect) ? "#FFFFFF" : null);
  }

  get color(): string | null {
    return this.read("color");
  }
  set color(color: string | null) {
    this.assign("color", color, (h) => this.context.session.model.applyFormat(h.sheet, h.rect, { fillColor: normalizeColor(color) }));
  }

  clear(): void {
    this.invoke("clear", [], (h) => this.context.session.model.applyFormat(h.sheet, h.rect, { fillColor: null }));
  }
}

/** Every cell of the range has no fill: Excel reports that as white. */
function allUnfilled(sheet: SheetModel, rect: Rect): boolean {
  for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) if (sheet.formats.at(r, c).fillColor !== null) return false;
  return true;
}

export class FakeRangeFont extends ClientObject<RangeHost> {
  constructor(context: FakeRequestContext, locate: () => RangeHost | null) {
    super(context, "RangeFont", locate);
  }

  protected scalarNames(): readonly string[] {
    return ["bold", "italic", "color"];
  }

  protected snapshot({ sheet, rect }: RangeHost, property: string): unknown {
    const key = property === "bold" ? "fontBold" : property === "italic" ? "fontItalic" : "fontColor";
    return this.context.session.model.readFormat(sheet, rect, key);
  }

  get bold(): boolean | null {
    return this.read("bold");
  }
  set bold(bold: boolean | null) {
    this.assign("bold", bold, (h) => this.context.session.model.applyFormat(h.sheet, h.rect, { fontBold: bold === true }));
  }

  get italic(): boolean | null {
    return this.read("italic");
  }
  set italic(italic: boolean | null) {
    this.assign("italic", italic, (h) => this.context.session.model.applyFormat(h.sheet, h.rect, { fontItalic: italic === true }));
  }

  get color(): string | null {
    return this.read("color");
  }
  set color(color: string | null) {
    this.assign("color", color, (h) => this.context.session.model.applyFormat(h.sheet, h.rect, { fontColor: normalizeColor(color) }));
  }
}

/** Range.format.protection.locked: whether a cell refuses edits once its sheet is protected. */
export class FakeFormatProtection extends ClientObject<RangeHost> {
  constructor(context: FakeRequestContext, locate: () => RangeHost | null) {
    super(context, "FormatProtection", locate);
  }

  protected scalarNames(): readonly string[] {
    return ["locked"];
  }

  protected snapshot({ sheet, rect }: RangeHost): unknown {
    return this.context.session.model.readFormat(sheet, rect, "locked");
  }

  get locked(): boolean | null {
    return this.read("locked");
  }
  set locked(locked: boolean | null) {
    this.assign("locked", locked, (h) => this.context.session.model.applyFormat(h.sheet, h.rect, { locked: locked !== false }));
  }
}

/**
 * Range.dataValidation. Rules are kept as set: { list: { inCellDropDown, source } },
 * { wholeNumber | decimal | textLength | date | time: { formula1, formula2?, operator } },
 * { custom: { formula } }. A list source given as a Range is stored as its absolute address
 * ("='SV Measures'!$A$2:$A$9"). Writes through the API are not checked against the rule, as in
 * Excel (validation applies to what a user types).
 */
export class FakeDataValidation extends ClientObject<RangeHost> {
  constructor(context: FakeRequestContext, locate: () => RangeHost | null) {
    super(context, "DataValidation", locate);
  }

  private get model(): WorkbookModel {
    return this.context.session.model;
  }

  protected scalarNames(): readonly string[] {
    return ["rule", "type", "errorAlert", "prompt", "ignoreBlanks"];
  }

  protected snapshot({ sheet, rect }: RangeHost, property: string): unknown {
    const { rule, type, entry } = this.model.readValidation(sheet, rect);
    if (property === "rule") return rule;
    if (property === "type") return type;
    return entry?.[property] ?? null;
  }

  get rule(): DataValidationRule | null {
    return this.read("rule");
  }
  set rule(rule: DataValidationRule | null) {
    this.state.set("rule", rule);
    const list = (rule?.list ?? undefined) as { source?: unknown } | undefined;
    const source = list?.source instanceof FakeRange ? this.sameContext(list.source) : undefined;
    this.context.enqueue({
      location: "DataValidation.rule",
      args: source ? { ...rule, list: { ...list, source: "(range)" } } : rule,
      run: () => {
        const { sheet, rect } = this.host();
        let resolved = rule ?? {};
        if (source) {
          const target = source.find();
          if (!target) throw excelError("InvalidArgument", "the list source is a null range");
          resolved = { ...rule, list: { ...list, source: `=${qualifiedAddress(target.sheet.name, target.rect, true)}` } };
        }
        this.model.setValidation(sheet, rect, resolved);
      },
    });
  }

  get errorAlert(): Record<string, unknown> | null {
    return this.read("errorAlert");
  }
  set errorAlert(alert: Record<string, unknown> | null) {
    this.assign("errorAlert", alert, (h) => this.model.setValidationDetail(h.sheet, h.rect, "errorAlert", alert));
  }

  get prompt(): Record<string, unknown> | null {
    return this.read("prompt");
  }
  set prompt(prompt: Record<string, unknown> | null) {
    this.assign("prompt", prompt, (h) => this.model.setValidationDetail(h.sheet, h.rect, "prompt", prompt));
  }

  get ignoreBlanks(): boolean | null {
    return this.read("ignoreBlanks");
  }
  set ignoreBlanks(ignore: boolean | null) {
    this.assign("ignoreBlanks", ignore, (h) => this.model.setValidationDetail(h.sheet, h.rect, "ignoreBlanks", ignore));
  }

  get type(): string {
    return this.read("type");
  }

  clear(): void {
    this.invoke("clear", [], (h) => this.model.clearValidation(h.sheet, h.rect));
  }
}

/**
 * Range.conditionalFormats. `add(type)` keeps the rule and format the add-in then sets:
 * `custom.rule.formula`, `custom.format.fill.color` / `font.color` / `font.bold`,
 * `cellValue.rule = { formula1, formula2?, operator }` and `cellValue.format…`. Other types
 * are recorded with their type only. Nothing is rendered.
 */
export class FakeConditionalFormatCollection extends ClientCollection<RangeHost, FakeConditionalFormat> {
  constructor(context: FakeRequestContext, locate: () => RangeHost | null) {
    super(context, "ConditionalFormatCollection", locate);
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected snapshot(): unknown {
    return undefined;
  }

  protected itemProxies({ sheet, rect }: RangeHost): FakeConditionalFormat[] {
    return sheet.conditionalFormatsOver(rect).map((cf) => new FakeConditionalFormat(this.context, () => cf));
  }

  add(type: string): FakeConditionalFormat {
    let created: ConditionalFormatModel | undefined;
    this.invoke("add", [type], (h) => {
      created = this.context.session.model.addConditionalFormat(h.sheet, h.rect, type);
    });
    return new FakeConditionalFormat(this.context, () => {
      if (!created) throw excelError("ItemNotFound", "the conditional format was never added");
      return created;
    });
  }

  clearAll(): void {
    this.invoke("clearAll", [], (h) => this.context.session.model.clearConditionalFormats(h.sheet, h.rect));
  }

  getCount(): FakeClientResult<number> {
    return this.invokeForResult("getCount", [], (h) => h.sheet.conditionalFormatsOver(h.rect).length);
  }
}

export class FakeConditionalFormat extends ClientObject<ConditionalFormatModel> {
  readonly custom: FakeConditionalRuleFormat;
  readonly cellValue: FakeConditionalRuleFormat;

  constructor(context: FakeRequestContext, locate: () => ConditionalFormatModel | null) {
    super(context, "ConditionalFormat", locate);
    this.custom = new FakeConditionalRuleFormat(context, "CustomConditionalFormat", () => this.find(), "Custom");
    this.cellValue = new FakeConditionalRuleFormat(context, "CellValueConditionalFormat", () => this.find(), "CellValue");
  }

  protected scalarNames(): readonly string[] {
    return ["id", "type", "stopIfTrue"];
  }

  protected snapshot(cf: ConditionalFormatModel, property: string): unknown {
    return property === "id" ? cf.id : property === "type" ? cf.type : cf.stopIfTrue;
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === "custom" ? this.custom : name === "cellValue" ? this.cellValue : undefined;
  }

  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  get stopIfTrue(): boolean {
    return this.read("stopIfTrue");
  }
  set stopIfTrue(stop: boolean) {
    this.assign("stopIfTrue", stop, (cf) => void (cf.stopIfTrue = stop));
  }
}

/** The `custom` or `cellValue` part of a conditional format: its rule and its format. */
export class FakeConditionalRuleFormat extends ClientObject<ConditionalFormatModel> {
  readonly format: FakeConditionalRangeFormat;
  private readonly ruleProxy: FakeConditionalFormulaRule;

  constructor(
    context: FakeRequestContext,
    typeName: string,
    locate: () => ConditionalFormatModel | null,
    private readonly kind: "Custom" | "CellValue"
  ) {
    super(context, typeName, () => {
      const cf = locate();
      if (cf && cf.type !== kind) throw excelError("InvalidOperation", `a ${cf.type} conditional format has no ${kind === "Custom" ? "custom" : "cellValue"} part`);
      return cf;
    });
    this.format = new FakeConditionalRangeFormat(context, () => this.find());
    this.ruleProxy = new FakeConditionalFormulaRule(context, () => this.find());
  }

  protected scalarNames(): readonly string[] {
    return this.kind === "CellValue" ? ["rule"] : [];
  }

  protected snapshot(cf: ConditionalFormatModel): unknown {
    return structuredClone(cf.rule);
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    if (name === "format") return this.format;
    if (name === "rule" && this.kind === "Custom") return this.ruleProxy;
    return undefined;
  }

  /** custom.rule is an object with a `formula`; cellValue.rule is a plain { formula1, formula2, operator }. */
  get rule(): FakeConditionalFormulaRule | Record<string, unknown> {
    return this.kind === "Custom" ? this.ruleProxy : this.read<Record<string, unknown>>("rule");
  }
  set rule(rule: FakeConditionalFormulaRule | Record<string, unknown>) {
    if (this.kind === "Custom") throw excelError("InvalidArgument", "set custom.rule.formula instead");
    this.assign("rule", rule, (cf) => void (cf.rule = structuredClone(rule as Record<string, unknown>)));
  }
}

export class FakeConditionalFormulaRule extends ClientObject<ConditionalFormatModel> {
  constructor(context: FakeRequestContext, locate: () => ConditionalFormatModel | null) {
    super(context, "ConditionalFormatRule", locate);
  }

  protected scalarNames(): readonly string[] {
    return ["formula"];
  }

  protected snapshot(cf: ConditionalFormatModel): unknown {
    return cf.rule.formula ?? null;
  }

  get formula(): string {
    return this.read("formula");
  }
  set formula(formula: string) {
    this.assign("formula", formula, (cf) => void (cf.rule = { ...cf.rule, formula }));
  }
}

export class FakeConditionalRangeFormat extends ClientObject<ConditionalFormatModel> {
  readonly fill: FakeConditionalFormatPart;
  readonly font: FakeConditionalFormatPart;

  constructor(context: FakeRequestContext, locate: () => ConditionalFormatModel | null) {
    super(context, "ConditionalRangeFormat", locate);
    this.fill = new FakeConditionalFormatPart(context, "ConditionalRangeFill", () => this.find(), { color: "fillColor" });
    this.font = new FakeConditionalFormatPart(context, "ConditionalRangeFont", () => this.find(), { color: "fontColor", bold: "fontBold" });
  }

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected snapshot(): unknown {
    return undefined;
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }
}

/** The fill or font of a conditional format: `color` (and for a font `bold`), stored on the rule. */
export class FakeConditionalFormatPart extends ClientObject<ConditionalFormatModel> {
  constructor(
    context: FakeRequestContext,
    typeName: string,
    locate: () => ConditionalFormatModel | null,
    private readonly fields: Record<string, "fillColor" | "fontColor" | "fontBold">
  ) {
    super(context, typeName, locate);
  }

  protected scalarNames(): readonly string[] {
    return Object.keys(this.fields);
  }

  protected snapshot(cf: ConditionalFormatModel, property: string): unknown {
    return cf.format[this.fields[property] as "fillColor"] ?? null;
  }

  get color(): string | null {
    return this.read("color");
  }
  set color(color: string | null) {
    const field = this.fields.color as "fillColor" | "fontColor";
    this.assign("color", color, (cf) => void (cf.format[field] = normalizeColor(color)));
  }

  get bold(): boolean | null {
    return this.read("bold");
  }
  set bold(bold: boolean | null) {
    if (!this.fields.bold) throw excelError("InvalidArgument", `${this.typeName} has no bold`);
    this.assign("bold", bold, (cf) => void (cf.format.fontBold = bold === true));
  }
}
