/**
 * "Export .xlsx": the playground workbook as a real .xlsx file, so a trainer can open the
 * evaluation in Excel or LibreOffice. Read straight from the host's inspector (no sync, nothing
 * counted); ExcelJS is imported on demand so the page loads without it until export is clicked.
 *
 * Written: every sheet's used range — values as values, formulas as `{ formula, result }` with
 * the engine's computed result cached, so an app that does not recalculate on open still shows
 * the numbers; number formats other than General; tables (so structured references resolve);
 * column widths, frozen panes, hidden sheets; workbook names that refer to a plain range.
 * Not written (known limits): names that are formulas, fills, fonts, data validation,
 * conditional formats, protection, and the markers Excel puts on dynamic-array functions in
 * files (`_xlfn.`), so a spilling formula opens as a single-cell one.
 */
import type { CellErrorValue, CellValue as ExcelJSCellValue, Workbook, Worksheet } from "exceljs";
import type { ExcelHost } from "../test/excelHost";
import { columnLetter, qualified } from "../src/core/shared/addresses";

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

function writeSheet(fake: ExcelHost, workbook: Workbook, name: string): void {
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
  });
  for (const [letter, points] of Object.entries(summary.columnWidths)) ws.getColumn(letter).width = points / POINTS_PER_CHARACTER;
  if (!summary.usedRange) return;
  // The used range may start below A1; reading from A1 keeps row and column indexes simple.
  const end = summary.usedRange.split(":").pop() as string;
  const range = qualified(name, `A1:${end}`);
  const values = fake.inspect.values(range);
  const formulas = fake.inspect.formulas(range);
  // A text cell reads back its own text from `formulas`: imported text such as "=HYPERLINK(…)"
  // must be exported as that text, never as a formula.
  const hasFormula = fake.inspect.hasFormula(range);
  const written = new Map<string, ExcelJSCellValue>();
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = formulas[r]?.[c];
      const isFormula = hasFormula[r]?.[c] === true && typeof formula === "string" && formula.startsWith("=");
      if (!isFormula && value === "") return;
      const address = `${columnLetters(c)}${r + 1}`;
      const cell = ws.getCell(address);
      const content: ExcelJSCellValue = isFormula ? { formula: fileFormula(formula.slice(1), tableAt(r, c)), result: formulaResult(value) } : value;
      cell.value = content;
      written.set(address, content);
      const numberFormat = fake.inspect.format(qualified(name, address)).numberFormat;
      if (numberFormat && numberFormat !== "General") cell.numFmt = numberFormat;
    })
  );
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

/** A name whose formula is one sheet-qualified range ("='SV Setup'!$B$2"), which ExcelJS can store. */
const PLAIN_RANGE = /^=?((?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/;

/** The whole fake workbook as .xlsx bytes. Touches no DOM, so tests call it in Node. */
export async function workbookToXlsx(fake: ExcelHost): Promise<ArrayBuffer> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Social value evaluation playground";
  for (const name of fake.inspect.sheetNames()) writeSheet(fake, workbook, name);
  for (const { name, formula } of fake.inspect.names()) {
    const m = PLAIN_RANGE.exec(formula);
    if (m) workbook.definedNames.add(m[1] as string, name);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  // writeBuffer gives a Node Buffer in Node and a Uint8Array-like in the browser: copy out exactly its bytes.
  const bytes = new Uint8Array(buffer as ArrayBuffer);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Exports the workbook and hands it to the browser as a download named `filename`. */
export async function downloadXlsx(fake: ExcelHost, filename = "evaluation.xlsx"): Promise<void> {
  const blob = new Blob([await workbookToXlsx(fake)], { type: XLSX_MIME });
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
}
