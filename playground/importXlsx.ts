/**
 * "Import .xlsx": replace the playground workbook with a file's — an export of the playground
 * (exportXlsx.ts) comes back as it left, so a signed workbook still verifies Intact. Kept:
 * values, formulas (as typed: the file's `_xlfn.` markers dropped), tables (name, range,
 * headers, style), workbook names (formulas included, xlsxNames.ts), number formats, fills,
 * bold, italic, font colours, wrap, alignment, locked cells, column widths, frozen panes, data
 * validation, conditional formats (custom formula and cell value), sheet protection and its
 * options, hidden and very hidden sheets, the page setup (orientation, scale or fit to pages,
 * print area); column and bar charts whose data is one block of cells
 * on their own sheet (read from the chart parts, chartXml.ts, as ExcelJS reads none), with their
 * titles, value-axis format and the cells they cover. Text stays text, however it looks
 * (DESIGN.md: imported text starting with =, +, -, @ is written as text).
 *
 * Not kept, and said in the notice when the file has them, by name: other charts (line, pie and
 * the like, or a chart over scattered cells, which ChartCollection.add cannot make);
 * names that belong to one sheet (the host has none); tables without a header row; a sheet's
 * protection password (a file holds only its hash, so the sheet comes back protected without
 * one); other conditional-format kinds (data bars, colour scales, icon sets, top/bottom), which
 * the host does not model.
 *
 * Safety: the whole file is read and checked before anything changes (`readXlsx`); the page asks
 * before replacing; and `replaceWorkbook` sets the old sheets, tables and names aside and brings
 * them back if a write fails, so a file the host refuses part-way leaves the workbook as it was.
 * Written through `run`, like any edit, so the workbook view redraws. ExcelJS is imported on
 * demand, as for export.
 */
import type { CellValue as ExcelJSCellValue, Worksheet } from "exceljs";
import type { ExcelRun } from "../src/excel/shared/excelRun";
import { keptAsText } from "../src/excel/shared/cellSafety";
import { chunkRows } from "../src/excel/shared/requestBudget";
import { loadExcelJS } from "./exportXlsx";
import { columnLetter } from "../src/core/shared/addresses";
import { a1, DEFAULT_STYLE, hostConditionalFormat, hostProtection, hostStyle, hostValidation, isDefaultStyle, rectanglesOf, rectOf, typedFormula, type CellStyle, type FileConditionalRule, type FileStyle, type FileValidation, type HostConditionalFormat, type HostValidation, type Rect } from "./xlsxMapping";
import { readPackage, type FileName } from "./xlsxNames";
import { chartSource } from "./chartXml";
import { formatA1 } from "../test/excelHost/addresses";

export type ImportedValue = number | string | boolean;

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface ImportedSheet {
  name: string;
  /** Rows from A1, every row as wide as the widest; "" for an empty cell. A formula's cached result. */
  rows: ImportedValue[][];
  /** Formula cells, 0-based, each as typed ("=SUM(A1:A3)"). */
  formulas: { row: number; col: number; formula: string }[];
  visibility: SheetVisibility;
  /** The protection options when the sheet is protected. */
  protection?: Record<string, unknown>;
  freeze: { rows: number; columns: number };
  /** Column widths in points, by 0-based column. */
  columnWidths: [number, number][];
  /** Rectangles of cells sharing one format other than the default. */
  styles: { rect: Rect; style: CellStyle }[];
  tables: { name: string; address: string; style: string }[];
  validations: { address: string; validation: HostValidation }[];
  conditionalFormats: HostConditionalFormat[];
  /** The page setup where the file's differs from a new sheet's (portrait, 100%, no print area): Worksheet.pageLayout's terms. */
  page?: ImportedPage;
}

export interface ImportedPage {
  orientation: "Portrait" | "Landscape";
  zoom: { scale: number } | { horizontalFitToPages: number; verticalFitToPages: number };
  /** A1 areas, comma-separated; "" for none. */
  printArea: string;
}

/** A chart to re-add with ChartCollection.add, then name, title and position. */
export interface ImportedChart {
  sheet: string;
  name: string;
  chartType: string;
  /** A1 on the chart's sheet. */
  source: string;
  seriesBy: "Columns" | "Rows";
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  valueAxisNumberFormat: string;
  /** The first and last cells covered, as setPosition takes them. */
  position: { start: string; end: string };
}

export interface ImportedWorkbook {
  sheets: ImportedSheet[];
  names: FileName[];
  charts: ImportedChart[];
  /** What the file has that the import leaves out, in the user's words. */
  notes: string[];
}

/** A problem with the chosen file, worded for the person who chose it. */
export class ImportError extends Error {
  override name = "ImportError";
}

/** Excel stores dates as days since 30 Dec 1899; ExcelJS reads them as UTC dates. */
function excelSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

/** One ExcelJS cell value as the value it shows: formulas give their cached result. */
export function plainValue(value: ExcelJSCellValue): ImportedValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return excelSerial(value);
  if ("error" in value) return String(value.error);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return String(value.text);
  if ("result" in value || "formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return "";
    if (result instanceof Date) return excelSerial(result);
    if (typeof result === "object" && "error" in result) return String((result as { error: unknown }).error);
    return result as ImportedValue;
  }
  return "";
}

/**
 * What to write so the cell holds exactly this value. Excel reads a string written to `values`
 * as if typed ("=…" a formula, "0123" and "25%" numbers, "TRUE" a boolean, "2026-03-31" a date):
 * every text gets the apostrophe that keeps it text, as the add-in writes outside text.
 */
export function asWritten(value: ImportedValue): ImportedValue {
  return keptAsText(value) as ImportedValue;
}

/** Excel's column width is in characters of the default font; the host keeps points (as exportXlsx.ts). */
const POINTS_PER_CHARACTER = 5.25;

/** ExcelJS members its typings leave out, as ExcelJS 4.4 fills them on reading. */
interface LoadedSheet {
  sheetProtection?: Record<string, unknown> | null;
  dataValidations?: { model: Record<string, FileValidation | undefined> };
  conditionalFormattings?: { ref: string; rules: FileConditionalRule[] }[];
  tables?: Record<string, { table: { name: string; tableRef?: string; ref?: string; headerRow?: boolean; style?: { theme?: string } } }>;
}

/** Cells that share one format, as rectangles down each column. */
function styleRuns(styles: Map<string, { row: number; col: number; style: CellStyle }>): { rect: Rect; style: CellStyle }[] {
  const byStyle = new Map<string, { style: CellStyle; cells: string[] }>();
  for (const [address, { style }] of styles) {
    const key = JSON.stringify(style);
    const entry = byStyle.get(key) ?? { style, cells: [] };
    entry.cells.push(address);
    byStyle.set(key, entry);
  }
  return [...byStyle.values()].flatMap(({ style, cells }) => rectanglesOf(cells).map((rect) => ({ rect, style })));
}

function readSheet(ws: Worksheet, notes: string[]): ImportedSheet {
  const loaded = ws as unknown as LoadedSheet;
  const cells: { row: number; col: number; value: ImportedValue }[] = [];
  const formulas: ImportedSheet["formulas"] = [];
  const styles = new Map<string, { row: number; col: number; style: CellStyle }>();
  // Empty rows and cells too: a styled empty cell (a £ column's unfilled rows) has no value.
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const at = { row: rowNumber - 1, col: colNumber - 1 };
      const style = hostStyle(cell.style as FileStyle);
      if (!isDefaultStyle(style)) styles.set(cell.address, { ...at, style });
      // cell.value drops a formula's cached result when it is 0, "" or false; cell.result keeps it.
      const value = cell.formula ? plainValue({ formula: cell.formula, result: cell.result }) : plainValue(cell.value);
      if (cell.formula) formulas.push({ ...at, formula: cell.formula });
      if (value !== "") cells.push({ ...at, value });
    });
  });
  const height = Math.max(0, ...cells.map((c) => c.row + 1), ...formulas.map((f) => f.row + 1));
  const width = Math.max(0, ...cells.map((c) => c.col + 1), ...formulas.map((f) => f.col + 1));
  const rows: ImportedValue[][] = Array.from({ length: height }, () => Array<ImportedValue>(width).fill(""));
  for (const { row, col, value } of cells) (rows[row] as ImportedValue[])[col] = value;

  const tables: ImportedSheet["tables"] = [];
  for (const { table } of Object.values(loaded.tables ?? {})) {
    const ref = table.tableRef ?? table.ref;
    if (!ref) continue;
    if (table.headerRow === false) {
      notes.push(`Table ${table.name} on ${ws.name} has no header row: its cells are imported, but not as a table.`);
      continue;
    }
    tables.push({ name: table.name, address: ref, style: table.style?.theme ?? "" });
  }

  const tableAt = (row: number, col: number): string | undefined =>
    tables.find((t) => {
      const r = rectOf(t.address);
      return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
    })?.name;
  for (const f of formulas) f.formula = typedFormula(f.formula, tableAt(f.row, f.col));

  // ExcelJS reads a rule over a range as one shared object per cell of it: group them back.
  const byRule = new Map<FileValidation, string[]>();
  for (const [address, rule] of Object.entries(loaded.dataValidations?.model ?? {})) if (rule) byRule.set(rule, [...(byRule.get(rule) ?? []), address]);
  const validations: ImportedSheet["validations"] = [];
  for (const [rule, addresses] of byRule) {
    const validation = hostValidation(rule);
    if (validation) for (const rect of rectanglesOf(addresses)) validations.push({ address: a1(rect), validation });
  }

  const conditionalFormats: HostConditionalFormat[] = [];
  let otherFormats = 0;
  for (const { ref, rules } of loaded.conditionalFormattings ?? []) {
    for (const address of ref.split(/\s+/).filter(Boolean)) {
      for (const rule of rules) {
        const cf = hostConditionalFormat(address, rule);
        if (cf) conditionalFormats.push(cf);
        else otherFormats++;
      }
    }
  }
  if (otherFormats > 0) notes.push(`${otherFormats} conditional format${otherFormats === 1 ? "" : "s"} on ${ws.name} (data bars, colour scales, icon sets or the like) were left out: the playground's workbook has only formula and cell-value rules.`);

  const protection = loaded.sheetProtection?.sheet === true ? hostProtection(loaded.sheetProtection) : undefined;
  if (protection && loaded.sheetProtection?.hashValue) notes.push(`${ws.name} was protected with a password: it is protected again, without one (the file holds only the password's hash).`);
  const frozen = (ws.views ?? []).find((v) => v.state === "frozen") as { xSplit?: number; ySplit?: number } | undefined;
  const columnWidths: [number, number][] = [];
  (ws.columns ?? []).forEach((column, i) => {
    if (typeof column.width === "number") columnWidths.push([i, Math.round(column.width * POINTS_PER_CHARACTER * 100) / 100]);
  });
  const page = importedPage(ws.pageSetup);
  return {
    name: ws.name,
    rows,
    formulas,
    visibility: ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible",
    ...(protection ? { protection } : {}),
    freeze: { rows: frozen?.ySplit ?? 0, columns: frozen?.xSplit ?? 0 },
    columnWidths,
    styles: styleRuns(styles),
    tables,
    validations,
    conditionalFormats,
    ...(page ? { page } : {}),
  };
}

/** ExcelJS's page setup in Worksheet.pageLayout's terms, or undefined for a new sheet's. ExcelJS gives the print area's areas joined by "&&". */
export function importedPage(setup: Partial<Worksheet["pageSetup"]> | undefined): ImportedPage | undefined {
  const orientation = setup?.orientation === "landscape" ? "Landscape" : "Portrait";
  const fit = setup?.fitToPage === true;
  const zoom = fit ? { horizontalFitToPages: setup?.fitToWidth ?? 1, verticalFitToPages: setup?.fitToHeight ?? 1 } : { scale: setup?.scale ?? 100 };
  const printArea = (setup?.printArea ?? "").split("&&").map((a) => a.replace(/\$/g, "")).filter(Boolean).join(",");
  if (orientation === "Portrait" && !fit && (zoom as { scale: number }).scale === 100 && printArea === "") return undefined;
  return { orientation, zoom, printArea };
}

/**
 * Everything the import keeps, read from the file and checked before the workbook is touched.
 * Throws ImportError with a message for the user.
 */
export async function readXlsx(fileName: string, bytes: ArrayBuffer): Promise<ImportedWorkbook> {
  if (!/\.xlsx$/i.test(fileName)) {
    throw new ImportError(`"${fileName}" is not an .xlsx file. Choose an Excel workbook saved as .xlsx${/\.xls$/i.test(fileName) ? " (open this .xls in Excel and save it as .xlsx first)" : ""}.`);
  }
  const head = new Uint8Array(bytes.slice(0, 4));
  // Every .xlsx is a zip package, which starts "PK\x03\x04".
  if (head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) {
    throw new ImportError(`"${fileName}" cannot be read: it is not a valid .xlsx workbook (the file is damaged, empty or in another format).`);
  }
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  let fileNames: FileName[];
  let fileCharts: Awaited<ReturnType<typeof readPackage>>["charts"];
  try {
    await workbook.xlsx.load(bytes);
    ({ names: fileNames, charts: fileCharts } = await readPackage(bytes));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`"${fileName}" cannot be read: the .xlsx workbook is damaged (${detail}).`);
  }
  if (workbook.worksheets.length === 0) throw new ImportError(`"${fileName}" has no worksheets to import.`);
  if (!workbook.worksheets.some((ws) => ws.state !== "hidden" && ws.state !== "veryHidden")) throw new ImportError(`"${fileName}" has no visible worksheet: Excel would not open it either.`);
  const notes: string[] = [];
  const sheets = workbook.worksheets.map((ws) => readSheet(ws, notes));
  const charts: ImportedChart[] = [];
  for (const chart of fileCharts) {
    const label = `Chart ${chart.name ? `"${chart.name}" ` : ""}on ${chart.sheet}`;
    if (!chart.rebuildable) {
      notes.push(`${label} was left out: ${chart.reason}, and the playground rebuilds column and bar charts only.`);
      continue;
    }
    const found = chart.series.every((s) => s.sheet === chart.sheet) ? chartSource(chart.series) : undefined;
    if (!found) {
      notes.push(`${label} was left out: its data is not one block of cells on its own sheet (a label row and column, then the values), so the playground cannot rebuild it.`);
      continue;
    }
    const { from, to } = chart.anchor;
    charts.push({
      sheet: chart.sheet,
      name: chart.name,
      chartType: chart.chartType,
      source: formatA1(found.source),
      seriesBy: found.seriesBy,
      title: chart.title,
      categoryAxisTitle: chart.categoryAxisTitle,
      valueAxisTitle: chart.valueAxisTitle,
      valueAxisNumberFormat: chart.valueAxisNumberFormat,
      position: { start: formatA1({ ...from, rows: 1, cols: 1 }), end: formatA1({ row: Math.max(from.row, to.row - 1), col: Math.max(from.col, to.col - 1), rows: 1, cols: 1 }) },
    });
  }
  const scoped = fileNames.filter((n) => n.sheetIndex !== undefined && !n.name.startsWith("_xlnm."));
  if (scoped.length > 0) notes.push(`${scoped.length} name${scoped.length === 1 ? "" : "s"} that belong to one sheet (${scoped.map((n) => n.name).join(", ")}) were left out: the playground's workbook has workbook names only.`);
  // _xlnm. names are Excel's own (print areas, filter ranges): not names a user made.
  const names = fileNames.filter((n) => n.sheetIndex === undefined && !n.name.startsWith("_xlnm."));
  return { sheets, names, charts, notes };
}

/** True when any sheet holds a value or formula, or the workbook has a table: replacing it loses work. */
export async function workbookHasContent(run: ExcelRun): Promise<boolean> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    const used = sheets.items.map((s) => s.getUsedRangeOrNullObject(true));
    await context.sync();
    return tables.items.length > 0 || used.some((u) => !u.isNullObject);
  });
}

/** 0-based column index → letters, over the Excel layer's 1-based helper. */
const columnLetters = (index: number): string => columnLetter(index + 1);

/** Writes stay well under Excel's 5 MB request limit (the host enforces it as Excel on the web does). */
const CHUNK_BYTES = 1_000_000;

/** Format writes queued before a sync: each is under a kilobyte of request (README, "What Microsoft's client does"). */
const FORMAT_WRITES_PER_SYNC = 500;

/** A matrix of `rows` × `cols` holding `value`, as Range.numberFormat takes it. */
const filled = <T>(rect: Rect, value: T): T[][] => Array.from({ length: rect.rows }, () => Array<T>(rect.cols).fill(value));

/** Writes `rows` (null: leave the cell alone) from A1 in chunks under the request limit; returns the cells written. */
async function writeMatrix(context: Excel.RequestContext, sheet: Excel.Worksheet, rows: (ImportedValue | null)[][], as: "values" | "formulas"): Promise<number> {
  let top = 0;
  let cells = 0;
  for (const chunk of chunkRows(rows, CHUNK_BYTES)) {
    const width = Math.max(0, ...chunk.map((r) => r.length));
    const written = chunk.reduce((n, r) => n + r.filter((v) => v !== null && v !== "").length, 0);
    if (width > 0 && written > 0) {
      const range = sheet.getRange(`A${top + 1}:${columnLetters(width - 1)}${top + chunk.length}`);
      const padded = chunk.map((r) => [...r, ...Array<null>(width - r.length).fill(null)]);
      if (as === "values") range.values = padded as unknown[][];
      else range.formulas = padded as unknown[][];
      cells += written;
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one sync per chunk keeps each request under the payload limit
    }
    top += chunk.length;
  }
  return cells;
}

/** The formats that differ from a new cell's, written over one rectangle. */
function writeStyle(sheet: Excel.Worksheet, rect: Rect, style: CellStyle): void {
  const range = sheet.getRange(a1(rect));
  if (style.numberFormat !== DEFAULT_STYLE.numberFormat) range.numberFormat = filled(rect, style.numberFormat);
  if (style.fill) range.format.fill.color = style.fill;
  if (style.bold) range.format.font.bold = true;
  if (style.italic) range.format.font.italic = true;
  if (style.fontColor !== DEFAULT_STYLE.fontColor) range.format.font.color = style.fontColor;
  if (style.wrapText) range.format.wrapText = true;
  if (style.horizontalAlignment !== DEFAULT_STYLE.horizontalAlignment) range.format.horizontalAlignment = style.horizontalAlignment as Excel.HorizontalAlignment;
  if (!style.locked) range.format.protection.locked = false;
}

function writeConditionalFormat(sheet: Excel.Worksheet, cf: HostConditionalFormat): void {
  const added = sheet.getRange(cf.address).conditionalFormats.add(cf.type as Excel.ConditionalFormatType);
  const target = cf.type === "Custom" ? added.custom : added.cellValue;
  if (cf.type === "Custom") added.custom.rule.formula = String(cf.rule.formula);
  else added.cellValue.rule = cf.rule as unknown as Excel.ConditionalCellValueRule;
  if (cf.format.fillColor) target.format.fill.color = cf.format.fillColor;
  if (cf.format.fontColor) target.format.font.color = cf.format.fontColor;
  if (cf.format.fontBold) target.format.font.bold = true;
}

/**
 * Builds the imported workbook's sheets beside the old ones (set aside under other names):
 * contents first, then tables, then names (a name may refer to a table), then formulas (which
 * may refer to both), then formats and rules, and protection and visibility last, since a
 * protected sheet refuses format writes.
 */
async function build(context: Excel.RequestContext, book: ImportedWorkbook): Promise<{ cells: number; formulas: number }> {
  const wb = context.workbook;
  let cells = 0;
  for (const s of book.sheets) {
    const sheet = wb.worksheets.add(s.name);
    const values = s.rows.map((row) => row.map(asWritten));
    for (const f of s.formulas) (values[f.row] as ImportedValue[])[f.col] = "";
    cells += await writeMatrix(context, sheet, values, "values");
  }
  for (const s of book.sheets) {
    for (const t of s.tables) {
      const table = wb.tables.add(wb.worksheets.getItem(s.name).getRange(t.address), true);
      table.name = t.name;
      if (t.style) table.style = t.style;
    }
  }
  await context.sync();
  for (const n of book.names) {
    const item = wb.names.add(n.name, n.formula, n.comment || undefined);
    if (!n.visible) item.visible = false;
  }
  await context.sync();
  let formulas = 0;
  for (const s of book.sheets) {
    if (s.formulas.length === 0) continue;
    const height = Math.max(...s.formulas.map((f) => f.row + 1));
    const width = Math.max(...s.formulas.map((f) => f.col + 1));
    const matrix: (string | null)[][] = Array.from({ length: height }, () => Array<string | null>(width).fill(null));
    for (const f of s.formulas) (matrix[f.row] as (string | null)[])[f.col] = f.formula;
    formulas += await writeMatrix(context, wb.worksheets.getItem(s.name), matrix, "formulas");
  }
  let queued = 0;
  const paced = async (): Promise<void> => {
    if (++queued % FORMAT_WRITES_PER_SYNC === 0) await context.sync();
  };
  for (const s of book.sheets) {
    const sheet = wb.worksheets.getItem(s.name);
    for (const { rect, style } of s.styles) {
      writeStyle(sheet, rect, style);
      await paced();
    }
    for (const [col, points] of s.columnWidths) sheet.getRange(`${columnLetters(col)}:${columnLetters(col)}`).format.columnWidth = points;
    if (s.freeze.rows > 0 && s.freeze.columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, s.freeze.rows, s.freeze.columns));
    else if (s.freeze.rows > 0) sheet.freezePanes.freezeRows(s.freeze.rows);
    else if (s.freeze.columns > 0) sheet.freezePanes.freezeColumns(s.freeze.columns);
    for (const { address, validation } of s.validations) {
      // Write-only: nothing is read from the validation object, so it needs no load.
      const dv = sheet.getRange(address).dataValidation; // eslint-disable-line office-addins/load-object-before-read -- navigation to a write-only object, nothing read
      dv.rule = validation.rule as Excel.DataValidationRule;
      if (validation.errorAlert) dv.errorAlert = validation.errorAlert as unknown as Excel.DataValidationErrorAlert;
      if (validation.prompt) dv.prompt = validation.prompt as unknown as Excel.DataValidationPrompt;
      if (validation.ignoreBlanks !== undefined) dv.ignoreBlanks = validation.ignoreBlanks;
      await paced();
    }
    for (const cf of s.conditionalFormats) {
      writeConditionalFormat(sheet, cf);
      await paced();
    }
  }
  // Charts once their cells hold values; series stay linked to the cells, as in the file.
  for (const c of book.charts) {
    const sheet = wb.worksheets.getItem(c.sheet);
    const chart = sheet.charts.add(c.chartType as Excel.ChartType, sheet.getRange(c.source), c.seriesBy as Excel.ChartSeriesBy);
    if (c.name) chart.name = c.name;
    if (c.title) chart.title.text = c.title;
    if (c.categoryAxisTitle) chart.axes.categoryAxis.title.text = c.categoryAxisTitle;
    if (c.valueAxisTitle) chart.axes.valueAxis.title.text = c.valueAxisTitle;
    if (c.valueAxisNumberFormat !== "General") chart.axes.valueAxis.numberFormat = c.valueAxisNumberFormat;
    chart.setPosition(c.position.start, c.position.end);
  }
  await context.sync();
  const firstVisible = book.sheets.find((s) => s.visibility === "Visible") as ImportedSheet;
  wb.worksheets.getItem(firstVisible.name).activate();
  for (const s of book.sheets) {
    const sheet = wb.worksheets.getItem(s.name);
    // The page setup before protection, which in Excel may refuse changes to the sheet.
    if (s.page) {
      sheet.pageLayout.orientation = s.page.orientation;
      sheet.pageLayout.zoom = s.page.zoom;
      if (s.page.printArea) sheet.pageLayout.setPrintArea(s.page.printArea);
    }
    if (s.protection) sheet.protection.protect(s.protection as Excel.WorksheetProtectionOptions);
    if (s.visibility !== "Visible") sheet.visibility = s.visibility as Excel.SheetVisibility;
  }
  await context.sync();
  return { cells, formulas };
}

/**
 * Replaces every sheet, table and name with the imported workbook's. The old ones are set aside
 * first (sheets and tables renamed, names deleted but remembered), so imported ones may reuse
 * their names; they are deleted only once everything imported is written, and if a write fails
 * the imported sheets go and the old ones come back as they were.
 */
export async function replaceWorkbook(run: ExcelRun, book: ImportedWorkbook, fileName = "the file"): Promise<{ sheets: number; cells: number; formulas: number }> {
  return run(async (context) => {
    const wb = context.workbook;
    const old = wb.worksheets.load("items/name, items/visibility");
    const oldTables = wb.tables.load("items/name");
    const oldNames = wb.names.load("items/name, items/formula, items/comment, items/visible");
    await context.sync();
    const stamp = Date.now().toString(36);
    const sheetNames = old.items.map((s) => s.name);
    const tableNames = oldTables.items.map((t) => t.name);
    const names = oldNames.items.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment, visible: n.visible }));
    oldNames.items.forEach((n) => n.delete());
    oldTables.items.forEach((t, i) => (t.name = `old_${stamp}_${i}`));
    old.items.forEach((s, i) => (s.name = `~old ${stamp} ${i}`));
    await context.sync();
    try {
      const done = await build(context, book);
      // Excel deletes a (very) hidden sheet only once it is visible again.
      old.items.forEach((s) => {
        if (s.visibility !== "Visible") s.visibility = "Visible" as Excel.SheetVisibility;
        s.delete();
      });
      await context.sync();
      return { sheets: book.sheets.length, ...done };
    } catch (error) {
      await putBack(context, { stamp, sheetNames, tableNames, names });
      const detail = error instanceof Error ? error.message : String(error);
      throw new ImportError(`${fileName} could not be imported: the playground's workbook refused part of it (${detail}). Nothing was changed.`);
    }
  });
}

/** After a failed import: the imported sheets and names go, the old ones get their names back. */
async function putBack(context: Excel.RequestContext, kept: { stamp: string; sheetNames: string[]; tableNames: string[]; names: { name: string; formula: string; comment: string; visible: boolean }[] }): Promise<void> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name, items/visibility");
  const names = wb.names.load("items/name");
  await context.sync();
  names.items.forEach((n) => n.delete());
  const aside = `~old ${kept.stamp} `;
  // An old sheet first becomes visible and active, so deleting the imported ones never leaves none.
  const firstOld = sheets.items.find((s) => s.name.startsWith(aside) && s.visibility === "Visible");
  firstOld?.activate();
  for (const s of sheets.items) {
    if (s.name.startsWith(aside)) continue;
    s.protection.unprotect();
    if (s.visibility !== "Visible") s.visibility = "Visible" as Excel.SheetVisibility;
    s.delete();
  }
  await context.sync();
  for (const s of sheets.items) if (s.name.startsWith(aside)) s.name = kept.sheetNames[Number(s.name.slice(aside.length))] ?? s.name;
  kept.tableNames.forEach((name, i) => (wb.tables.getItem(`old_${kept.stamp}_${i}`).name = name));
  await context.sync();
  for (const n of kept.names) {
    const item = wb.names.add(n.name, n.formula, n.comment || undefined);
    if (!n.visible) item.visible = false;
  }
  await context.sync();
}
