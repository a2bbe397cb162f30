/**
 * "Export .xlsx": the playground workbook as a real .xlsx file, so a trainer can open the
 * evaluation in Excel or LibreOffice, or import it back into the playground. Read straight from
 * the host's inspector (no sync, nothing counted); ExcelJS is imported on demand so the page
 * loads without it until export is clicked.
 *
 * Written: every sheet's used range — values as values, formulas as `{ formula, result }` with
 * the engine's computed result cached, so an app that does not recalculate on open still shows
 * the numbers; each cell's number format, fill, bold, font colour, wrap, alignment and locked
 * state (empty cells too, so a column's £ format reaches every row); tables (so structured
 * references resolve); data validation; conditional formats of the kinds the host has (custom
 * formula, cell value); sheet protection and its options; column widths, frozen panes, hidden and
 * very hidden sheets; the page setup (orientation, scale or fit to pages, print area); every
 * workbook name, formulas included (xlsxNames.ts); column and bar
 * charts, as chart parts added to the package after ExcelJS wrote it (chartXml.ts), at the cells
 * the playground draws them over (chartLayout.ts).
 * Not written (known limits, said in the export's notice where the workbook has them): charts of
 * other types (line, pie, area, scatter); italic (the inspector does not report it); formats set on whole
 * columns or rows beyond the used range; a protection password (the host keeps it in clear, and
 * a file holds only a hash, which the playground does not compute); and the markers Excel puts on
 * dynamic-array functions in files (`_xlfn.`), so a spilling formula opens as a single-cell one.
 */
import type * as ExcelJS from "exceljs";
import type { CellErrorValue, CellValue as ExcelJSCellValue, Workbook, Worksheet } from "exceljs";
import type { ExcelHost } from "../test/excelHost";
import { columnLetter, qualified } from "../src/core/shared/addresses";
import { a1, DEFAULT_STYLE, fileConditionalRule, fileProtection, fileStyle, fileValidation, inheritUnset, isDefaultStyle, rectanglesOf, type CellStyle, type HostValidation } from "./xlsxMapping";
import { loadJSZip, writeFileNames } from "./xlsxNames";
import { barKind, sheetCharts } from "./chartLayout";
import { addChartParts, type ChartPart } from "./chartXml";

type ExcelJSModule = typeof import("exceljs");

/**
 * ExcelJS is CommonJS: webpack's and ts-jest's interop put its exports either on the namespace
 * or under `default`, depending on the loader. Either way this is where `Workbook` lives.
 */
export async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as ExcelJSModule & { default?: ExcelJSModule };
  return typeof mod.Workbook === "function" ? mod : (mod.default as ExcelJSModule);
}

/** The error values ExcelJS can store as errors rather than text (newer ones such as #SPILL! stay text). */
const EXCEL_ERRORS = new Set<string>(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"] satisfies CellErrorValue["error"][]);

/** 0-based column index → letters, over the Excel layer's 1-based helper. */
const columnLetters = (index: number): string => columnLetter(index + 1);

/** Excel's column width is in characters of the default font; the host keeps points (≈ 5.25 pt a character at Calibri 11). */
const POINTS_PER_CHARACTER = 5.25;

/** The result ExcelJS caches for a formula: an error value is written as an error, not as text. */
function formulaResult(value: unknown): number | string | boolean | CellErrorValue {
  if (typeof value === "string" && EXCEL_ERRORS.has(value)) return { error: value as CellErrorValue["error"] };
  return value as number | string | boolean;
}

interface TableArea {
  name: string;
  style: string;
  columns: string[];
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** "A3:K6" (optionally sheet-qualified) → zero-based rectangle. */
function rectOf(address: string): { row: number; col: number; rows: number; cols: number } {
  const a1 = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [from = "A1", to = from] = a1.split(":");
  const parse = (ref: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
    return [Number(m[2]) - 1, [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1];
  };
  const [r1, c1] = parse(from);
  const [r2, c2] = parse(to);
  return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

/**
 * A formula as .xlsx files store it. Excel's grid accepts shorthand that its file format does
 * not: `[@Col]`, `Table[@Col]` and `[@[Col name]]` are stored as `Table[[#This Row],[Col]]`, and
 * an unqualified `[Col]` inside a table as `Table[Col]`. `table` is the table holding the cell.
 */
export function fileFormula(formula: string, table: string | undefined): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch !== "[") {
      out += ch;
      i++;
      continue;
    }
    // The bracket group, with nesting; an apostrophe escapes the next character.
    let depth = 0;
    let j = i;
    for (; j < formula.length; j++) {
      const c = formula[j];
      if (c === "'") j++;
      else if (c === "[") depth++;
      else if (c === "]" && --depth === 0) break;
    }
    const inner = formula.slice(i + 1, j);
    const qualified = /[A-Za-z0-9_.\\]$/.test(out);
    const prefix = qualified ? "" : (table ?? "");
    if (inner.startsWith("@")) {
      const column = inner.slice(1).replace(/^\[(.*)\]$/, "$1");
      out += `${prefix}[[#This Row],[${column}]]`;
    } else out += `${prefix}[${inner}]`;
    i = j + 1;
  }
  return out;
}

/** A cell's format as the host keeps it. The inspector does not report italic: written upright. */
function styleAt(fake: ExcelHost, sheet: string, address: string): CellStyle {
  const f = fake.inspect.format(qualified(sheet, address));
  return {
    numberFormat: f.numberFormat ?? DEFAULT_STYLE.numberFormat,
    fill: f.fill ?? null,
    bold: f.bold === true,
    italic: false,
    fontColor: f.fontColor ?? DEFAULT_STYLE.fontColor,
    wrapText: f.wrapText === true,
    horizontalAlignment: f.horizontalAlignment ?? DEFAULT_STYLE.horizontalAlignment,
    locked: f.locked !== false,
  };
}

/**
 * Excel carries a table column's format and data validation onto rows the table gains (Table
 * AutoExpansion); the host does not, so rows the add-in appended keep the default format. The
 * export does what Excel would have shown: a data cell takes, from its column's first data row,
 * the validation if it has none, and each format property it never had set (inheritUnset).
 */
function fillTableColumns<T>(tables: readonly TableArea[], at: (r: number, c: number) => T | undefined, apply: (r: number, c: number, first: T) => void): void {
  for (const t of tables) {
    for (let c = t.col; c < t.col + t.cols; c++) {
      const first = at(t.row + 1, c);
      if (first === undefined) continue;
      for (let r = t.row + 2; r < t.row + t.rows; r++) apply(r, c, first);
    }
  }
}

/** What the export wrote and could not write, for the notice. */
export interface ExportNotes {
  /** Charts written to the file. */
  charts: number;
  /** Charts of a type the export does not write. */
  chartsLeftOut: { sheet: string; name: string; chartType: string }[];
}

/** The sheet's charts as chart parts, those of a type the export writes; the others go into `notes`. */
function chartParts(fake: ExcelHost, sheet: string, notes: ExportNotes): ChartPart[] {
  const parts: ChartPart[] = [];
  for (const { chart, anchor, data } of sheetCharts(fake, sheet)) {
    const kind = barKind(chart.chartType);
    if (!kind) {
      notes.chartsLeftOut.push({ sheet, name: chart.name, chartType: chart.chartType });
      continue;
    }
    parts.push({
      name: chart.name,
      kind,
      title: chart.title,
      categoryAxisTitle: chart.categoryAxisTitle,
      valueAxisTitle: chart.valueAxisTitle,
      valueAxisNumberFormat: chart.valueAxisNumberFormat,
      anchor,
      series: chart.series.map((s, i) => ({
        name: { ref: s.name, text: data.series[i]?.name ?? "" },
        categories: { ref: s.categories, texts: data.categories },
        values: { ref: s.values, numbers: data.series[i]?.values ?? [], formatCode: fake.inspect.format(qualified(sheet, s.values.split(":")[0] as string)).numberFormat ?? "General" },
      })),
    });
  }
  return parts;
}

/**
 * Worksheet.pageLayout as ExcelJS's page setup: orientation, fit to pages or a scale, the print
 * area. ExcelJS writes them where ECMA-376 puts them: `<sheetPr><pageSetUpPr fitToPage="1"/>`
 * first in the sheet, `<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="1"/>` after
 * `<pageMargins>`, and the print area as the sheet's `_xlnm.Print_Area` name.
 */
export function filePageSetup(layout: ReturnType<ExcelHost["inspect"]["pageLayout"]>): Partial<ExcelJS.PageSetup> {
  const fit = layout.fitToPages;
  return {
    orientation: layout.orientation === "Landscape" ? "landscape" : "portrait",
    ...(fit ? { fitToPage: true, fitToWidth: fit.wide, fitToHeight: fit.tall } : { fitToPage: false, scale: layout.scale ?? 100 }),
    ...(layout.printArea ? { printArea: layout.printArea.split(",").map(exceljsPrintArea).join("&&") } : {}),
  };
}

/**
 * One print area as ExcelJS takes it: it joins areas with "&&" and writes each as
 * `'Sheet'!$<from>:$<to>`, putting a "$" before each end itself, so "A$1:U$38" comes out as
 * Excel writes it, `$A$1:$U$38`. A single cell is a one-cell area.
 */
function exceljsPrintArea(area: string): string {
  const [from = "", to = from] = area.split(":");
  const rowFixed = (cell: string): string => cell.replace(/\$/g, "").replace(/^([A-Z]+)(\d+)$/i, "$1$$$2");
  return `${rowFixed(from)}:${rowFixed(to)}`;
}

async function writeSheet(fake: ExcelHost, workbook: Workbook, name: string): Promise<void> {
  const tables: TableArea[] = fake.inspect
    .tables()
    .filter((t) => t.sheet === name)
    .map((t) => ({ name: t.name, style: t.style, columns: t.headers, ...rectOf(t.address) }));
  const tableAt = (r: number, c: number): string | undefined =>
    tables.find((t) => r >= t.row && r < t.row + t.rows && c >= t.col && c < t.col + t.cols)?.name;
  const summary = fake.inspect.sheet(name);
  const ws: Worksheet = workbook.addWorksheet(name, {
    state: summary.visibility === "Hidden" ? "hidden" : summary.visibility === "VeryHidden" ? "veryHidden" : "visible",
    views: summary.freezeRows > 0 || summary.freezeColumns > 0 ? [{ state: "frozen", xSplit: summary.freezeColumns, ySplit: summary.freezeRows }] : [],
    pageSetup: filePageSetup(fake.inspect.pageLayout(name)),
  });
  for (const [letter, points] of Object.entries(summary.columnWidths)) ws.getColumn(letter).width = points / POINTS_PER_CHARACTER;
  if (summary.usedRange) {
    // The used range may start below A1; reading from A1 keeps row and column indexes simple.
    const end = summary.usedRange.split(":").pop() as string;
    const range = qualified(name, `A1:${end}`);
    const values = fake.inspect.values(range);
    const formulas = fake.inspect.formulas(range);
    // A text cell reads back its own text from `formulas`: imported text such as "=HYPERLINK(…)"
    // must be exported as that text, never as a formula.
    const hasFormula = fake.inspect.hasFormula(range);
    const written = new Map<string, ExcelJSCellValue>();
    const styles = new Map<string, CellStyle>();
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const address = `${columnLetters(c)}${r + 1}`;
        const style = styleAt(fake, name, address);
        if (!isDefaultStyle(style)) styles.set(address, style);
        const formula = formulas[r]?.[c];
        const isFormula = hasFormula[r]?.[c] === true && typeof formula === "string" && formula.startsWith("=");
        if (!isFormula && value === "") return;
        const content: ExcelJSCellValue = isFormula ? { formula: fileFormula(formula.slice(1), tableAt(r, c)), result: formulaResult(value) } : value;
        ws.getCell(address).value = content;
        written.set(address, content);
      })
    );
    const key = (r: number, c: number): string => `${columnLetters(c)}${r + 1}`;
    fillTableColumns(tables, (r, c) => styles.get(key(r, c)), (r, c, first) => styles.set(key(r, c), inheritUnset(styles.get(key(r, c)) ?? DEFAULT_STYLE, first)));
    // Every formatted cell, empty or not: a £ column keeps its format on the rows not filled yet.
    for (const [address, style] of styles) ws.getCell(address).style = fileStyle(style) as Partial<ExcelJS.Style>;
    // ExcelJS writes a table's cells itself: give it the values just written, so nothing changes.
    // (Not read back from the cells: ExcelJS's cell.value getter drops a formula result of 0, "" or false.)
    for (const t of tables) {
      const cellAt = (r: number, c: number): ExcelJSCellValue => written.get(`${columnLetters(c)}${r + 1}`) ?? null;
      ws.addTable({
        name: t.name,
        ref: `${columnLetters(t.col)}${t.row + 1}`,
        headerRow: true,
        style: { theme: (t.style || "TableStyleMedium2") as "TableStyleMedium2", showRowStripes: true },
        columns: t.columns.map((column) => ({ name: column, filterButton: true })),
        rows: Array.from({ length: t.rows - 1 }, (_, r) => Array.from({ length: t.cols }, (_, c) => cellAt(t.row + 1 + r, t.col + c) ?? null)),
      });
    }
  }
  writeValidations(fake, ws, name, tables);
  fake.inspect.conditionalFormats(name).forEach((cf, i) => {
    const rule = fileConditionalRule(cf, i + 1);
    if (rule) ws.addConditionalFormatting({ ref: cf.address, rules: [rule as ExcelJS.ConditionalFormattingRule] });
  });
  // No password: sign-off protects without one (signOff.ts says why); a password the host holds is not written.
  if (summary.protected) await ws.protect("", fileProtection(summary.protectionOptions));
}

/**
 * The rules in force, cell by cell (a later rule wins where two overlap, a clear removes), then
 * one file rule per rectangle of cells that share a rule. Cells are only looked at inside the
 * sheet's used range and its tables: a rule over a whole column would otherwise be a million.
 */
function writeValidations(fake: ExcelHost, ws: Worksheet, name: string, tables: readonly TableArea[]): void {
  const entries = fake.inspect.validations(name);
  if (entries.length === 0) return;
  const used = fake.inspect.sheet(name).usedRange;
  const bounds = [...(used ? [rectOf(used)] : []), ...tables, ...entries.filter((e) => e.rule !== null).map((e) => rectOf(e.address))];
  const lastRow = Math.max(...bounds.map((b) => b.row + b.rows)) - 1;
  const lastCol = Math.max(...bounds.map((b) => b.col + b.cols)) - 1;
  const inForce = new Map<string, HostValidation | null>();
  const key = (r: number, c: number): string => `${columnLetters(c)}${r + 1}`;
  for (const entry of entries) {
    const rect = rectOf(entry.address);
    const rule = entry.rule === null ? null : ({ rule: entry.rule, errorAlert: entry.errorAlert, prompt: entry.prompt, ignoreBlanks: entry.ignoreBlanks } as HostValidation);
    for (let r = rect.row; r < Math.min(rect.row + rect.rows, lastRow + 1); r++) for (let c = rect.col; c < Math.min(rect.col + rect.cols, lastCol + 1); c++) inForce.set(key(r, c), rule);
  }
  fillTableColumns(tables, (r, c) => inForce.get(key(r, c)) ?? undefined, (r, c, first) => {
    if (!inForce.get(key(r, c))) inForce.set(key(r, c), first);
  });
  const cellsByRule = new Map<HostValidation, string[]>();
  for (const [address, rule] of inForce) if (rule) cellsByRule.set(rule, [...(cellsByRule.get(rule) ?? []), address]);
  // ExcelJS has the member but its typings leave it out.
  const validations = (ws as unknown as { dataValidations: { add(address: string, validation: unknown): void } }).dataValidations;
  for (const [rule, cells] of cellsByRule) {
    const validation = fileValidation(rule);
    if (!validation) continue;
    for (const rect of rectanglesOf(cells)) validations.add(a1(rect), validation);
  }
}

/** The whole fake workbook as .xlsx bytes, and what could not be written. Touches no DOM, so tests call it in Node. */
export async function exportWorkbook(fake: ExcelHost): Promise<{ bytes: ArrayBuffer; notes: ExportNotes }> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Social value evaluation playground";
  const notes: ExportNotes = { charts: 0, chartsLeftOut: [] };
  for (const name of fake.inspect.sheetNames()) await writeSheet(fake, workbook, name);
  const charts = new Map(fake.inspect.sheetNames().map((name) => [name, chartParts(fake, name, notes)] as const));
  const buffer = await workbook.xlsx.writeBuffer();
  // writeBuffer gives a Node Buffer in Node and a Uint8Array-like in the browser: copy out exactly its bytes.
  const bytes = new Uint8Array(buffer as ArrayBuffer);
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const named = await writeFileNames(copy, fake.inspect.names());
  if (![...charts.values()].some((list) => list.length > 0)) return { bytes: named, notes };
  const JSZip = await loadJSZip();
  const zip = await JSZip.loadAsync(named);
  notes.charts = await addChartParts(zip, charts);
  return { bytes: await zip.generateAsync({ type: "arraybuffer", compression: "DEFLATE" }), notes };
}

/** The whole fake workbook as .xlsx bytes. */
export async function workbookToXlsx(fake: ExcelHost): Promise<ArrayBuffer> {
  return (await exportWorkbook(fake)).bytes;
}

/** What the notice says the file leaves out, or "" when it keeps everything. */
export function exportNotice(notes: ExportNotes): string {
  const out = notes.chartsLeftOut;
  if (out.length === 0) return "";
  const listed = out.map((c) => `${c.name} (${c.chartType}) on ${c.sheet}`).join(", ");
  return ` ${out.length === 1 ? "One chart is" : `${out.length} charts are`} not in the file, ${listed}: the playground's .xlsx writer writes column and bar charts only.`;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Exports the workbook and hands it to the browser as a download named `filename`. */
export async function downloadXlsx(fake: ExcelHost, filename = "evaluation.xlsx"): Promise<ExportNotes> {
  const { bytes, notes } = await exportWorkbook(fake);
  const blob = new Blob([bytes], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // Revoke after the click has been handled: the download has its own reference by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return notes;
}
