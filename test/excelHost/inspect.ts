/**
 * What a test reads to check the workbook an operation left behind, straight from the host:
 * no sync, nothing counted in stats. Addresses are as Range.address writes them
 * ("'SV Setup'!A1:B2"); without a sheet they mean the active sheet.
 */
import { columnLetters, formatA1, qualifiedAddress } from "./addresses";
import { chartsOf } from "./charts";
import { pageLayoutOf } from "./pageLayout";
import { cellKey, type SheetModel, type Visibility } from "./sheetModel";
import type { CellValue, WorkbookModel } from "./workbookModel";

export interface SheetSummary {
  name: string;
  position: number;
  visibility: Visibility;
  protected: boolean;
  protectionOptions: Record<string, unknown>;
  freezeRows: number;
  freezeColumns: number;
  /** Widths set on columns, by column letter, in points. */
  columnWidths: Record<string, number>;
  /** The used range ("A1:J20"), or undefined when the sheet is empty. */
  usedRange: string | undefined;
}

export interface TableSummary {
  name: string;
  sheet: string;
  address: string;
  headers: string[];
  dataBodyAddress: string;
  /** The total row, when the table shows one (Table Design > Total Row). */
  totalRowAddress: string | undefined;
  style: string;
}

export interface TableHeaderSummary {
  showFilterButton: boolean;
  sort: { column: string; ascending: boolean } | undefined;
  /** Kept values by column name; a column not filtered is absent. */
  filters: Record<string, string[]>;
}

export interface FormatSummary {
  /** "#RRGGBB", or null when the range has no fill; undefined when its cells differ. */
  fill: string | null | undefined;
  bold: boolean | null;
  fontColor: string | null;
  numberFormat: string | null;
  locked: boolean | null;
  wrapText: boolean | null;
  horizontalAlignment: string | null;
}

export interface ChartDetails {
  name: string;
  chartType: string;
  title: string;
  source: string;
  seriesBy: "Columns" | "Rows";
  position?: { start: string; end?: string };
  categoryAxisTitle: string;
  valueAxisTitle: string;
  valueAxisNumberFormat: string;
  /** Each series' cells: the one holding its name, its categories and its values. */
  series: { name: string; categories: string; values: string }[];
}

export class WorkbookInspector {
  constructor(private readonly model: WorkbookModel) {}

  private at(address: string): ReturnType<WorkbookModel["resolveAddress"]> {
    return this.model.resolveAddress(address, address.includes("!") ? undefined : this.model.activeSheet);
  }

  private sheetNamed(name: string): SheetModel {
    const sheet = this.model.sheetByName(name);
    if (!sheet) throw new Error(`inspect: no worksheet named "${name}" (there are ${this.sheetNames().join(", ")})`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  activeSheet(): string {
    return this.model.activeSheet.name;
  }

  /** The selected range's address. */
  selection(): string {
    return qualifiedAddress(this.model.selection.sheet.name, this.model.selection.rect);
  }

  sheet(name: string): SheetSummary {
    const sheet = this.sheetNamed(name);
    const used = this.model.usedRect(sheet, false);
    return {
      name: sheet.name,
      position: this.model.sheets.indexOf(sheet),
      visibility: sheet.visibility,
      protected: sheet.protection.protected,
      protectionOptions: { ...sheet.protection.options },
      freezeRows: sheet.freeze.rows,
      freezeColumns: sheet.freeze.columns,
      columnWidths: Object.fromEntries([...sheet.columnWidths].sort(([a], [b]) => a - b).map(([c, w]) => [columnLetters(c), w])),
      usedRange: used && formatA1(used),
    };
  }

  values(address: string): CellValue[][] {
    const { sheet, rect } = this.at(address);
    return this.model.readValues(sheet, rect);
  }

  formulas(address: string): CellValue[][] {
    const { sheet, rect } = this.at(address);
    return this.model.readFormulas(sheet, rect);
  }

  /**
   * Whether each cell holds a formula. `formulas` cannot tell: like Office.js it reads a text
   * cell's own text, so the text "=1+1" and the formula =1+1 read the same there.
   */
  hasFormula(address: string): boolean[][] {
    const { sheet, rect } = this.at(address);
    return Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (_, c) => sheet.formulas.has(cellKey(rect.row + r, rect.col + c))));
  }

  /** One value, for the cell at `address`. */
  value(address: string): CellValue | undefined {
    return this.values(address)[0]?.[0];
  }

  format(address: string): FormatSummary {
    const { sheet, rect } = this.at(address);
    const read = <K extends Parameters<WorkbookModel["readFormat"]>[2]>(k: K): ReturnType<WorkbookModel["readFormat"]> => this.model.readFormat(sheet, rect, k);
    const fills = new Set<string | null>();
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) fills.add(sheet.formats.at(r, c).fillColor);
    return {
      fill: fills.size === 1 ? [...fills][0] : undefined,
      bold: read("fontBold") as boolean | null,
      fontColor: read("fontColor") as string | null,
      numberFormat: read("numberFormat") as string | null,
      locked: read("locked") as boolean | null,
      wrapText: read("wrapText") as boolean | null,
      horizontalAlignment: read("horizontalAlignment") as string | null,
    };
  }

  /** The data validation over a range: { type, rule, errorAlert?, prompt? }. */
  validation(address: string): ReturnType<WorkbookModel["readValidation"]> {
    const { sheet, rect } = this.at(address);
    return this.model.readValidation(sheet, rect);
  }

  /**
   * Every data validation set on a sheet, oldest first, as the sheet keeps them: a later entry
   * wins where it overlaps an earlier one, and `rule: null` is a clear. Unlike `validation`, this
   * also finds rules over cells outside the used range (a table column's empty rows below).
   */
  validations(sheetName: string): { address: string; rule: Record<string, unknown> | null; errorAlert?: Record<string, unknown>; prompt?: Record<string, unknown>; ignoreBlanks?: boolean }[] {
    return this.sheetNamed(sheetName).validations.map((v) => ({
      address: formatA1(v.rect),
      rule: v.rule && structuredClone(v.rule),
      ...(v.errorAlert ? { errorAlert: structuredClone(v.errorAlert) } : {}),
      ...(v.prompt ? { prompt: structuredClone(v.prompt) } : {}),
      ...(v.ignoreBlanks !== undefined ? { ignoreBlanks: v.ignoreBlanks } : {}),
    }));
  }

  /** The charts on a sheet: name, type, title and source range. */
  charts(sheetName: string): { name: string; chartType: string; title: string; source: string }[] {
    return chartsOf(this.sheetNamed(sheetName))
      .filter((c) => !c.deleted)
      .map((c) => ({ name: c.name, chartType: c.chartType, title: c.title, source: formatA1(c.source) }));
  }

  /**
   * The charts on a sheet with what it takes to draw or save them: the source and each series'
   * cells (A1, on the chart's sheet), the position setPosition gave (A1 cells; absent when never
   * positioned), axis titles and the value axis's number format.
   */
  chartDetails(sheetName: string): ChartDetails[] {
    return chartsOf(this.sheetNamed(sheetName))
      .filter((c) => !c.deleted)
      .map((c) => ({
        name: c.name,
        chartType: c.chartType,
        title: c.title,
        source: formatA1(c.source),
        seriesBy: c.seriesBy,
        ...(c.position ? { position: { ...c.position } } : {}),
        categoryAxisTitle: c.categoryAxisTitle,
        valueAxisTitle: c.valueAxisTitle,
        valueAxisNumberFormat: c.valueAxisNumberFormat,
        series: c.series.map((s) => ({ name: formatA1(s.nameRect), categories: formatA1(s.categories), values: formatA1(s.values) })),
      }));
  }

  /**
   * A sheet's page setup as Worksheet.pageLayout set it: orientation, zoom (a scale, or pages to
   * fit to) and the print area's areas (A1, comma-separated; "" when none).
   */
  pageLayout(sheetName: string): { orientation: string; scale: number | null; fitToPages: { wide: number; tall: number } | null; printArea: string } {
    const layout = pageLayoutOf(this.sheetNamed(sheetName));
    const { scale, horizontalFitToPages: wide, verticalFitToPages: tall } = layout.zoom;
    return {
      orientation: layout.orientation,
      scale,
      fitToPages: scale === null ? { wide: wide ?? 0, tall: tall ?? 0 } : null,
      printArea: layout.printArea.map((r) => formatA1(r)).join(","),
    };
  }

  conditionalFormats(sheetName: string): { address: string; type: string; rule: Record<string, unknown>; format: Record<string, unknown> }[] {
    return this.sheetNamed(sheetName).conditionalFormats.map((cf) => ({
      address: formatA1(cf.rect),
      type: cf.type,
      rule: structuredClone(cf.rule),
      format: { ...cf.format },
    }));
  }

  tables(): TableSummary[] {
    return this.model.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: qualifiedAddress(t.sheet.name, t.rect),
      headers: t.columns.map((c) => c.name),
      dataBodyAddress: qualifiedAddress(t.sheet.name, t.dataRect()),
      totalRowAddress: t.showTotals ? qualifiedAddress(t.sheet.name, t.totalRect()) : undefined,
      style: t.style,
    }));
  }

  table(name: string): TableSummary | undefined {
    return this.tables().find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * What a table's header shows: whether it has its drop-down buttons, the sort last applied
   * (column and direction) and each filtered column's kept values (as text in lower case).
   */
  tableHeader(name: string): TableHeaderSummary | undefined {
    const table = this.model.tableByName(name);
    if (!table) return undefined;
    const nameOf = (id: number): string => table.columns[table.columnIndex(id)]?.name ?? "";
    const sort = table.sortFields[0];
    return {
      showFilterButton: table.showFilterButton,
      sort: sort && table.columnIndex(sort.columnId) >= 0 ? { column: nameOf(sort.columnId), ascending: sort.ascending } : undefined,
      filters: Object.fromEntries([...table.filters].filter(([id]) => table.columnIndex(id) >= 0).map(([id, kept]) => [nameOf(id), [...kept]])),
    };
  }

  /** The rows a filter hides on a sheet, numbered as the row headers number them (from 1), in order. */
  hiddenRows(sheetName: string): number[] {
    return [...this.sheetNamed(sheetName).hiddenRows].sort((a, b) => a - b).map((r) => r + 1);
  }

  names(): { name: string; formula: string; comment: string; visible: boolean }[] {
    return [...this.model.names.values()].map(({ name, formula, comment, visible }) => ({ name, formula, comment, visible }));
  }

  calculationMode(): string {
    return this.model.calculationMode;
  }
}
