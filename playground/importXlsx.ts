/**
 * "Import .xlsx": replace the playground workbook's sheets with a file's, values only. A
 * formula contributes its cached result (what the file last showed), never its text, and text
 * that Excel would read as a formula or a number is written as text (DESIGN.md: imported text
 * starting with =, +, -, @ is written as text). Written through `run`, like any edit, so the
 * workbook view redraws. ExcelJS is imported on demand, as for export.
 */
import type { CellValue as ExcelJSCellValue } from "exceljs";
import type { ExcelRun } from "../src/excel/shared/excelRun";
import { literalText } from "../src/excel/shared/cellSafety";
import { chunkRows } from "../src/excel/shared/requestBudget";
import { loadExcelJS } from "./exportXlsx";
import { columnLetter } from "../src/core/shared/addresses";

export type ImportedValue = number | string | boolean;

export interface ImportedSheet {
  name: string;
  /** Rows from A1, every row as wide as the widest; "" for an empty cell. */
  rows: ImportedValue[][];
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
 * What to write so the cell holds exactly this value. Besides formula triggers (literalText),
 * Excel turns "0123", "25%" and "TRUE" into numbers and booleans: an apostrophe keeps them text.
 */
export function asWritten(value: ImportedValue): ImportedValue {
  if (typeof value !== "string") return value;
  const coerced = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?\s*$/.test(value) || /^(true|false)$/i.test(value);
  return coerced ? `'${value}` : (literalText(value) as string);
}

/** The sheets of an .xlsx file, values only. Throws ImportError with a message for the user. */
export async function readXlsx(fileName: string, bytes: ArrayBuffer): Promise<ImportedSheet[]> {
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
  try {
    await workbook.xlsx.load(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`"${fileName}" cannot be read: the .xlsx workbook is damaged (${detail}).`);
  }
  if (workbook.worksheets.length === 0) throw new ImportError(`"${fileName}" has no worksheets to import.`);
  return workbook.worksheets.map((ws) => {
    const cells: { row: number; col: number; value: ImportedValue }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // cell.value drops a formula's cached result when it is 0, "" or false; cell.result keeps it.
        const value = cell.formula ? plainValue({ formula: cell.formula, result: cell.result }) : plainValue(cell.value);
        if (value !== "") cells.push({ row: rowNumber - 1, col: colNumber - 1, value });
      });
    });
    const height = Math.max(0, ...cells.map((c) => c.row + 1));
    const width = Math.max(0, ...cells.map((c) => c.col + 1));
    const rows: ImportedValue[][] = Array.from({ length: height }, () => Array<ImportedValue>(width).fill(""));
    for (const { row, col, value } of cells) (rows[row] as ImportedValue[])[col] = value;
    return { name: ws.name, rows };
  });
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

/**
 * Replaces every sheet (and name and table) with `sheets`. The old sheets are renamed out of
 * the way first, so an imported sheet may reuse a name, and deleted last, so the workbook always
 * keeps a visible sheet.
 */
export async function replaceWorkbook(run: ExcelRun, sheets: ImportedSheet[]): Promise<{ sheets: number; cells: number }> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const old = worksheets.load("items/name");
    const names = context.workbook.names.load("items/name");
    await context.sync();
    const stamp = Date.now().toString(36);
    names.items.forEach((n) => n.delete());
    old.items.forEach((s, i) => (s.name = `~old ${stamp} ${i}`));
    await context.sync();

    let cells = 0;
    for (const { name, rows } of sheets) {
      const sheet = worksheets.add(name);
      let top = 0;
      for (const chunk of chunkRows(rows.map((r) => r.map(asWritten)), CHUNK_BYTES)) {
        const width = chunk[0]?.length ?? 0;
        if (width > 0 && chunk.length > 0) {
          sheet.getRange(`A${top + 1}:${columnLetters(width - 1)}${top + chunk.length}`).values = chunk;
          cells += chunk.reduce((n, r) => n + r.filter((v) => v !== "").length, 0);
        }
        top += chunk.length;
        await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one sync per chunk keeps each request under the payload limit
      }
    }
    worksheets.getItem((sheets[0] as ImportedSheet).name).activate();
    old.items.forEach((s) => s.delete());
    await context.sync();
    return { sheets: sheets.length, cells };
  });
}
