/**
 * Importing a council's own measure table (their calculator workbook, a CSV export, or a pasted
 * selection), where their licensed proxy values live (DESIGN.md: the National TOMs values are
 * not ours to ship). Three steps, so the evaluator stays in charge: read the file into grids,
 * propose which column holds what (they confirm or change it), then turn the rows into measures
 * checked as a framework file would be, every problem reported with its row.
 */
import type { Workbook } from "exceljs";
import { formatNumber, MEASURE_TYPES, parseUnit, plainText, readQuantity, readText, refKey, UNITS, type MeasureEntry, type MeasureType } from "../core";
import { readCell, ReadNotes } from "./cellValues";
import { readCsvGrid } from "./csv";
import { asArrayBuffer, asBytes, loadExcelJS } from "./excelJs";
import { checkPackageContents, checkSpreadsheetFile, MAX_SHEET_ROWS } from "./fileGuards";
import { MEASURE_FIELDS, type ColumnMapping, type Grid, type MeasureField } from "./types";

/** What the cell held, in quotes (so a typed word such as "Infinity" reads as the cell's own text), else why it is unreadable. */
const quotedOr = (text: string | undefined, reason: string): string => (text === undefined ? reason : `“${text}”`);

/**
 * Widest table read: 200 columns. Measure tables have about a dozen; a sheet using all 16,384
 * columns down 100,000 rows would not fit in the pane's memory as a grid.
 */
export const MAX_TABLE_COLUMNS = 200;

/** Rows searched for the header: councils put a title, a date and a blank line above it. */
const HEADER_SCAN_ROWS = 20;

export type TableFileResult = { ok: true; grids: Grid[]; notes: string[] } | { ok: false; message: string };

/**
 * Every sheet as a grid from A1, or why not. A value on a row numbered past
 * {@link MAX_SHEET_ROWS} refuses the file: a grid reaching it would be mostly empty rows, and
 * leaving it out would drop a value without a word.
 */
function gridsOf(workbook: Workbook, notes: ReadNotes, fileName: string): Grid[] | string {
  const grids: Grid[] = [];
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    let wide = false;
    let far = 0;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber > MAX_SHEET_ROWS) {
        far = far || rowNumber;
        return;
      }
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > MAX_TABLE_COLUMNS) {
          wide = true;
          return;
        }
        cells[col - 1] = readCell(cell, notes);
      });
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
      rows[rowNumber - 1] = cells;
    });
    if (far > 0) {
      return `"${fileName}" has a value on row ${far.toLocaleString("en-GB")} of sheet "${sheet.name}", beyond the ${MAX_SHEET_ROWS.toLocaleString("en-GB")} rows read, so it was not imported (nothing would show that value). Move the measure table to the top of a sheet, delete what is below it, save and retry.`;
    }
    for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
    if (wide) notes.say(`Sheet "${sheet.name}" has columns beyond the first ${MAX_TABLE_COLUMNS}; only those were read.`);
    grids.push({ name: sheet.name, rows });
  }
  return grids;
}

async function readTable(fileName: string, input: Uint8Array | ArrayBuffer): Promise<TableFileResult> {
  const bytes = asBytes(input);
  const check = checkSpreadsheetFile(fileName, bytes);
  if (!check.ok) return { ok: false, message: check.message };
  if (check.kind === "csv") {
    const csv = readCsvGrid(fileName, bytes, MAX_TABLE_COLUMNS);
    return csv.ok ? { ok: true, grids: [csv.grid], notes: csv.notes } : csv;
  }
  const contents = await checkPackageContents(fileName, bytes);
  if (!contents.ok) return { ok: false, message: contents.message };
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(asArrayBuffer(contents.bytes));
  } catch {
    return { ok: false, message: `"${fileName}" is damaged and cannot be opened as a workbook. Open it in Excel, save it again and retry.` };
  }
  const notes = new ReadNotes();
  contents.notes.forEach((n) => notes.say(n));
  const grids = gridsOf(workbook, notes, fileName);
  if (typeof grids === "string") return { ok: false, message: grids };
  if (grids.length === 0) return { ok: false, message: `"${fileName}" has no sheets to read.` };
  return { ok: true, grids, notes: notes.list() };
}

/**
 * The sheets of an .xlsx (every sheet, values only: formulas give their saved results) or the
 * rows of a .csv, as grids from cell A1. Never throws.
 */
export async function readTableFile(fileName: string, bytes: Uint8Array | ArrayBuffer): Promise<TableFileResult> {
  try {
    return await readTable(fileName, bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `"${fileName}" could not be read (${detail.slice(0, 200)}). Open it in Excel, save it again and retry.` };
  }
}

const FIELD_NAMES: Record<MeasureField, string> = {
  ref: "Ref",
  measure: "Measure",
  unit: "Unit",
  proxy: "Proxy (£ per unit)",
  theme: "Theme",
  outcome: "Outcome",
  type: "Type",
  guidance: "Guidance",
  ceiling: "Ceiling",
};

/**
 * Header words for each field, tried in this order so the more specific wins: "Proxy value per
 * unit (£)" is a proxy, not a unit; "Measure ref" is a ref, not a measure.
 */
const HEADER_PATTERNS: readonly [MeasureField, RegExp][] = [
  // Before proxy: "Ceiling (£)" is the council's ceiling, not a proxy.
  ["ceiling", /ceiling|plausib|upper limit/],
  ["proxy", /proxy|£|\bgbp\b|value per unit|unit value|\bsv value\b|financial value/],
  ["ref", /\bref\b|\bref\.|reference|\bcode\b|^id$|^no\.?$|^#$|^tom$|^number$/],
  ["unit", /\bunits?\b|unit of measure|\buom\b/],
  ["type", /^type$|measure type|\blev\b|^kind$/],
  ["guidance", /guidance|\bnotes?\b|definition|\bhelp\b|evidence required/],
  ["outcome", /outcome|objective/],
  ["theme", /theme|category|pillar/],
  ["measure", /measure|description|indicator|metric|commitment|^title$|^name$/],
];

function headerField(cell: unknown): MeasureField | undefined {
  const text = readText(cell)?.toLowerCase();
  if (!text || text.length > 80) return undefined;
  return HEADER_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
}

function fieldsOfRow(row: readonly unknown[]): Map<MeasureField, number> {
  const found = new Map<MeasureField, number>();
  row.slice(0, MAX_TABLE_COLUMNS).forEach((cell, col) => {
    const field = headerField(cell);
    if (field && !found.has(field)) found.set(field, col);
  });
  return found;
}

/**
 * Finds the header row among the first rows (the one naming most fields, at least two of them)
 * and proposes a column for each field it names. The notes say what was found and what the
 * evaluator still has to choose.
 */
export function proposeMapping(grid: Grid): { mapping: ColumnMapping; headers: string[]; notes: string[] } {
  let best = -1;
  let bestFields = new Map<MeasureField, number>();
  grid.rows.slice(0, HEADER_SCAN_ROWS).forEach((row, r) => {
    const fields = fieldsOfRow(Array.isArray(row) ? row : []);
    if (fields.size >= 2 && fields.size > bestFields.size) {
      best = r;
      bestFields = fields;
    }
  });
  if (best < 0) {
    const width = Math.min(MAX_TABLE_COLUMNS, Math.max(0, ...grid.rows.slice(0, HEADER_SCAN_ROWS).map((r) => (Array.isArray(r) ? r.length : 0))));
    return {
      mapping: { headerRow: 0, columns: {} },
      headers: Array.from({ length: width }, (_, c) => readText(grid.rows[0]?.[c]) ?? ""),
      notes: [
        `No header row was recognised in the first ${HEADER_SCAN_ROWS} rows of "${grid.name}". Choose the row that holds the column headings, then the column for each of Ref, Measure, Unit and Proxy (£ per unit); Theme and Outcome are optional.`,
      ],
    };
  }
  const headerRow = grid.rows[best] as unknown[];
  const headers = headerRow.slice(0, MAX_TABLE_COLUMNS).map((cell) => readText(cell) ?? "");
  const columns: Partial<Record<MeasureField, number>> = {};
  for (const field of MEASURE_FIELDS) {
    const col = bestFields.get(field);
    if (col !== undefined) columns[field] = col;
  }
  const found = MEASURE_FIELDS.filter((f) => columns[f] !== undefined).map((f) => `${FIELD_NAMES[f]} from “${headers[columns[f] as number]}”`);
  const notes = [`The headings are on row ${best + 1} of "${grid.name}": ${found.join(", ")}. Check each choice before importing.`];
  const missing = (["ref", "measure", "unit", "proxy"] as const).filter((f) => columns[f] === undefined);
  if (missing.length > 0) notes.push(`No column was recognised for ${missing.map((f) => FIELD_NAMES[f]).join(", ")}: choose ${missing.length === 1 ? "it" : "them"}${missing.includes("proxy") ? " (without a proxy column, measures import with no £ value)" : ""}.`);
  return { mapping: { headerRow: best, columns }, headers, notes };
}

const TYPE_WORDS: Readonly<Record<string, MeasureType>> = {
  lev: "LEV",
  "local economic value": "LEV",
  sv: "SV",
  "social value": "SV",
  record: "Record",
  "record only": "Record",
  "record-only": "Record",
};

/**
 * "£1.234,50", "16,93", "0,500", "1.500.000": a comma before 1, 2 or 4+ digits or after a 0, or
 * after a dotted thousands group; or dots grouping thousands twice.
 */
const DECIMAL_COMMA = /^(?:\d{1,3}(?:\.\d{3})+,\d+|\d+,(?:\d{1,2}|\d{4,})|0,\d+|\d{1,3}(?:\.\d{3}){2,})$/;
/** "1,234.50", "16.93", "0.500", "1,500,000": the same with the separators the other way round. */
const DECIMAL_POINT = /^(?:\d{1,3}(?:,\d{3})+\.\d+|\d+\.(?:\d{1,2}|\d{4,})|0\.\d+|\d{1,3}(?:,\d{3}){2,})$/;
/** A number written with a decimal comma: dots group thousands, one comma before the decimals. */
const COMMA_NUMBER = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
/** "1.500" or "1,500": one and a half where the decimal separator is that one, else fifteen hundred. */
const EITHER_WAY = /^[1-9]\d{0,2}[.,]\d{3}$/;

const numberText = (cell: unknown): string | undefined => readText(cell)?.replace(/^£\s*/, "").replace(/\s+/g, "");

/**
 * How a column's numbers are written: "unknown" when no value can only be read one way ("1,234"
 * and "1.500" could be either), "mixed" when some can only be read one way and others only the
 * other.
 */
type NumberStyle = "point" | "comma" | "mixed" | "unknown";

/**
 * A decimal point no code could be: "0.5", or one after grouping commas ("1,234.50"). Codes
 * such as a theme's "1.1" or an outcome's "2.10" look like decimals, so elsewhere in the file
 * they are no evidence: a semicolon file whose proxies read "20.000" (twenty thousand, written
 * where the decimal separator is a comma) beside theme codes "1.1" had its proxies read as 20.
 */
const POINT_NOT_A_CODE = /^(?:\d{1,3}(?:,\d{3})+\.\d+|0\.\d+|\d{1,3}(?:,\d{3}){2,})$/;

function styleOf(cells: readonly unknown[], point: RegExp = DECIMAL_POINT): NumberStyle {
  // Only text: a number stored as a number is unambiguous, whatever locale saved it.
  const texts = cells
    .filter((c): c is string => typeof c === "string")
    .map((c) => numberText(c)?.replace(/^-/, ""))
    .filter((t): t is string => t !== undefined);
  const comma = texts.some((t) => DECIMAL_COMMA.test(t));
  const pointed = texts.some((t) => point.test(t));
  return comma && pointed ? "mixed" : comma ? "comma" : pointed ? "point" : "unknown";
}

/**
 * Whether the proxies are written with decimal commas ("16,93"), as a CSV saved where the decimal
 * separator is a comma (semicolon-delimited) is. Decided for the whole column from the values
 * that can only be read one way; failing those, from the file's other columns (a weighting of
 * "0,5"), the columns of refs, units, themes and other text left out (codes such as 1.10 are
 * not numbers), and a point counted only where no code has one ("0.5", "1,234.50"); failing those, from how
 * the file was saved: the UK way for a workbook, the selection or a comma-delimited CSV, and
 * "unknown" for a semicolon or tab CSV, whose 1.500 is then asked about rather than read as 1.5.
 */
function proxyStyle(grid: Grid, mapping: ColumnMapping): NumberStyle {
  const { proxy } = mapping.columns;
  const rows = grid.rows.slice(mapping.headerRow + 1).filter((r): r is unknown[] => Array.isArray(r));
  const column = styleOf(rows.map((r) => (proxy === undefined ? undefined : r[proxy])));
  if (column !== "unknown") return column;
  // The columns mapped to text (refs, units, themes…) hold codes, not numbers: left out.
  const textColumns = new Set((["ref", "measure", "unit", "theme", "outcome", "type", "guidance"] as const).map((f) => mapping.columns[f]));
  const file = styleOf(
    rows.flatMap((r) => r.filter((_, c) => c !== proxy && !textColumns.has(c))),
    POINT_NOT_A_CODE,
  );
  if (file === "point" || file === "comma") return file;
  return grid.delimiter === ";" || grid.delimiter === "\t" ? "unknown" : "point";
}

type ProxyCell = ReturnType<typeof readQuantity> | { kind: "either-way"; text: string };

/** A proxy cell read in the column's style, as core reads numbers otherwise. */
function readProxy(cell: unknown, style: NumberStyle): ProxyCell {
  const text = numberText(cell);
  if (text === undefined || typeof cell === "number") return readQuantity(cell);
  const negative = text.startsWith("-");
  const digits = negative ? text.slice(1) : text;
  if (style === "comma") {
    if (!COMMA_NUMBER.test(digits)) return { kind: "invalid", reason: "text" };
    const value = Number(digits.replace(/\./g, "").replace(",", "."));
    return { kind: "number", value: negative ? -value : value, fromText: true };
  }
  // In a column with both styles, a separator could mean either: asking beats guessing.
  if (style === "mixed" && /[.,]/.test(text)) return { kind: "invalid", reason: "text" };
  if (style === "unknown" && EITHER_WAY.test(digits)) return { kind: "either-way", text };
  return readQuantity(cell);
}

/** What to say of a proxy (£) or a ceiling (a quantity) such as 1.500 in a file that does not show its decimal separator. */
function eitherWayProblem(text: string, what: "proxy" | "ceiling" = "proxy"): string {
  const digits = text.replace(/^-/, "");
  const whole = Number(digits.replace(/[.,]/, ""));
  const decimal = Number(digits.replace(",", "."));
  // A proxy is £ (two places); a ceiling is a quantity in the measure's unit, written as it is.
  const pound = what === "proxy" ? "£" : "";
  const asDecimal = what === "proxy" ? decimal.toFixed(2) : String(decimal);
  return `has the ${what} ${text}, which could be ${pound}${whole.toLocaleString("en-GB")} or ${pound}${asDecimal}: write it in the file as ${whole}, or as ${asDecimal.replace(".", ",")} if it has decimals, and import the file again`;
}

/**
 * A negative figure for a message, never in exponent notation: JavaScript prints -0.0000001 as
 * "-1e-7" and -10²¹ as "-1e+21", which an evaluator cannot read (issue #17 point 6).
 */
function shownNegative(value: number): string {
  const shown = formatNumber(value, 10);
  return shown === "0" ? "less than 0" : shown;
}

/**
 * The rows under the header as measures, checked as a framework file is: a ref on every row and
 * no ref twice, a unit the add-in knows, a description, a proxy that is a number of £ 0 or more
 * (blank: no proxy, as for record-only measures). A row with a problem is not imported and the
 * problem names its row (1-based, as the sheet shows it); blank rows are skipped. `notes` says
 * how the proxies were read when that was not the UK way (decimal commas).
 */
export function applyMapping(grid: Grid, mapping: ColumnMapping): { measures: MeasureEntry[]; problems: { row: number; message: string }[]; notes: string[] } {
  const measures: MeasureEntry[] = [];
  const problems: { row: number; message: string }[] = [];
  const notes: string[] = [];
  const { columns } = mapping;
  const required = (["ref", "measure", "unit"] as const).filter((f) => columns[f] === undefined);
  if (required.length > 0) {
    problems.push({ row: mapping.headerRow + 1, message: `Choose the column for ${required.map((f) => FIELD_NAMES[f]).join(", ")} before importing.` });
    return { measures, problems, notes };
  }
  const seen = new Map<string, number>();
  const at = (row: readonly unknown[], field: MeasureField): unknown => (columns[field] === undefined ? undefined : row[columns[field] as number]);
  const style = proxyStyle(grid, mapping);
  let eitherWay = 0;
  if (style === "comma") notes.push("The proxies are written with a decimal comma (e.g. 16,93 or 1.234,50), so they were read that way: 16,93 as £16.93. Check the values in the preview.");
  if (style === "mixed") notes.push("The proxy column mixes decimal commas (16,93) and decimal points (16.93), so a proxy written with a comma or a point could not be read safely; those rows are listed. Make the column one style and import it again.");
  grid.rows.forEach((raw, index) => {
    if (index <= mapping.headerRow) return;
    const row = Array.isArray(raw) ? raw : [];
    const sheetRow = index + 1;
    const mapped = MEASURE_FIELDS.map((f) => at(row, f));
    if (mapped.every((cell) => readText(cell) === undefined && readQuantity(cell).kind === "blank")) return;
    // Stored plain (core plainText): SV_Measures' refs are what every commitment row's lookup
    // compares with, so "ECC1" with a zero-width space or in fullwidth goes in as ECC1, and a
    // ref of invisible characters alone is no ref.
    const ref = plainText(readText(at(row, "ref")) ?? "");
    if (ref === "") {
      problems.push({ row: sheetRow, message: `Row ${sheetRow} has no ref, so it was not imported.` });
      return;
    }
    const label = `Measure ${ref} (row ${sheetRow})`;
    const rowProblems: string[] = [];
    const first = seen.get(refKey(ref));
    if (first !== undefined) rowProblems.push(`repeats the ref of row ${first}; a ref must be unique`);
    const unitText = readText(at(row, "unit")) ?? "";
    const unit = parseUnit(unitText);
    if (!unit) {
      rowProblems.push(
        unitText === ""
          ? "has no unit"
          : `has the unit “${unitText}”, which the add-in does not know (use one of: ${Object.values(UNITS)
              .map((u) => u.label)
              .join(", ")})`,
      );
    }
    const description = readText(at(row, "measure"));
    if (description === undefined) rowProblems.push("has no measure description");
    let proxy: number | null = null;
    const proxyCell = readProxy(at(row, "proxy"), style);
    if (proxyCell.kind === "number") {
      if (proxyCell.value < 0) rowProblems.push(`has a negative proxy (${shownNegative(proxyCell.value)}); a proxy is £ of social value per unit, 0 or more`);
      else proxy = proxyCell.value;
    } else if (proxyCell.kind === "either-way") {
      eitherWay++;
      rowProblems.push(eitherWayProblem(proxyCell.text));
    } else if (proxyCell.kind === "invalid") {
      rowProblems.push(`has a proxy that is not a number (${quotedOr(readText(at(row, "proxy")), proxyCell.reason)}); enter £ per unit, e.g. 101.00`);
    }
    // The council's ceiling (SV Measures' Ceiling, issue #16 point 4): a quantity above it is implausible. Optional.
    let ceiling: number | undefined;
    const ceilingCell = readProxy(at(row, "ceiling"), style);
    if (ceilingCell.kind === "number") {
      if (ceilingCell.value < 0) rowProblems.push(`has a negative ceiling (${shownNegative(ceilingCell.value)}); a ceiling is the most of the measure's unit a bid can plausibly commit, 0 or more`);
      else ceiling = ceilingCell.value;
    } else if (ceilingCell.kind === "either-way") {
      eitherWay++;
      rowProblems.push(eitherWayProblem(ceilingCell.text, "ceiling"));
    } else if (ceilingCell.kind === "invalid") {
      rowProblems.push(`has a ceiling that is not a number (${quotedOr(readText(at(row, "ceiling")), ceilingCell.reason)}); enter a quantity in the measure's unit, or leave it blank`);
    }
    let type: MeasureType = "SV";
    const typeText = readText(at(row, "type"));
    if (typeText !== undefined) {
      const known = TYPE_WORDS[typeText.toLowerCase()];
      if (known) type = known;
      else rowProblems.push(`has the type “${typeText}”; use ${MEASURE_TYPES.join(", ")}`);
    }
    if (rowProblems.length > 0) {
      problems.push({ row: sheetRow, message: `${label} ${rowProblems.join("; ")}. It was not imported.` });
      if (first === undefined) seen.set(refKey(ref), sheetRow);
      return;
    }
    seen.set(refKey(ref), sheetRow);
    const theme = readText(at(row, "theme")) ?? "";
    const outcome = readText(at(row, "outcome")) ?? "";
    const guidance = readText(at(row, "guidance"));
    measures.push({
      ref,
      themeId: theme,
      theme,
      outcomeId: outcome,
      outcome,
      description: description as string,
      unit: unit as MeasureEntry["unit"],
      proxy,
      type,
      inScope: true,
      evidenceRequired: false,
      excludes: [],
      firstYearOnly: false,
      ...(guidance !== undefined ? { guidance } : {}),
      ...(ceiling !== undefined ? { ceiling } : {}),
    });
  });
  if (eitherWay > 0) {
    const saved = grid.delimiter === "\t" ? "tab-delimited text (which Excel writes in every country)" : "a CSV with semicolons (as Excel writes where the decimal separator is a comma)";
    notes.push(
      `The file is ${saved}, and nothing in it shows whether its numbers use a decimal comma or a decimal point, so a proxy such as 1.500 (£1,500 or £1.50) was not imported: ${eitherWay === 1 ? "that row is" : `those ${eitherWay} rows are`} listed. Write ${eitherWay === 1 ? "it" : "them"} without the thousands separator and import the file again.`,
    );
  }
  return { measures, problems, notes };
}
