/**
 * Reading one signed evaluation workbook for the portfolio (issue #20), with the same guards as
 * a returned response form (fileGuards.ts: signatures, the zip's table of contents, sizes, rows,
 * XML depth and elements), then the cells of only the parts those checks read and rebuilt
 * (workbookCells.ts, straight from their XML: ExcelJS's object model took most of each file's
 * time, and a portfolio reads hundreds). Never throws: every outcome is a GatheredEvaluation
 * with a sentence for the user.
 *
 * The limits on what is read (rows, content, cells, columns) hold for the sheets read
 * ({@link SHEETS_READ}) only: a council's own sheet of any length beside them is neither read
 * nor a reason to refuse the workbook. The limits on the whole package (its size, its parts,
 * what it unpacks to) hold for every part. Refusals speak of the evaluation workbook, not a form.
 *
 * The file is read into the snapshot moderation reads from Excel (core snapshot.ts): the setting
 * cells by their workbook names, the evaluation's tables where their definitions put them, the
 * sheets' visibility and protection, the record kept on the very hidden SV Record sheet and the
 * fingerprint SV Sign-off shows. Core's verifyRecord — the same function behind the pane's
 * Verify — then says whether the workbook is still the record that was signed, and core's
 * gatheredEvaluation takes what the portfolio needs. No second fingerprint is computed here.
 *
 * Cell values are read as Excel's `Range.values` gives them, because that is what was
 * fingerprinted: a formula as its saved result, a date as its serial number, an error as its
 * text, rich text as its plain text, a blank as "". A date is read as the number the file saves,
 * its serial in the workbook's own date system, which is what Excel gives. Nothing is evaluated;
 * macros, links and embedded objects are never touched (checkPackageContents).
 */
import {
  gatheredEvaluation,
  isEvaluation,
  notAnEvaluation,
  RECORD_ROWS,
  refusedFile,
  SETTING_NAMES,
  SHEETS,
  shownFingerprint,
  storedRecord,
  TABLES,
  verifyRecord,
  type GatheredEvaluation,
  type ModerationSnapshot,
  type SettingCell,
  type SettingKey,
  type SheetState,
  type TableData,
  type TableKey,
} from "../core";
import { asBytes } from "./excelJs";
import { checkPackageContents, checkSpreadsheetFile, MAX_XML_DEPTH } from "./fileGuards";
import { SHEETS as FORM_SHEETS } from "./formLayout";
import { elementsNamed, xmlShape } from "./xmlScan";
import { readWorkbookCells, type SheetCells, type WorkbookCells } from "./workbookCells";
import { inflateEntry, joinedChunks, readZipDirectory, resolvePartPath, type ZipEntry } from "./zipPackage";

/**
 * Largest table definition or relationships part read: 256 KB. A table's definition is its name,
 * range and column names (under 5 KB for the widest SV table); a sheet's relationships a few
 * hundred bytes.
 */
const MAX_SMALL_PART_BYTES = 256 * 1024;
/** An evaluation workbook holds about 17 tables; a council's own sheets may add some. */
const MAX_TABLE_PARTS = 200;

type Refused = { refused: string };
const isRefused = (v: unknown): v is Refused => typeof v === "object" && v !== null && "refused" in v;

/**
 * The sheets the reader reads, by name: the SV sheets (settings, tables, the record and the
 * sign-off are all on them), and the sheets that tell a returned response form (looksLike).
 */
export const SHEETS_READ: readonly string[] = [...Object.values(SHEETS), FORM_SHEETS.formData, FORM_SHEETS.commitments, FORM_SHEETS.instructions];

/** One small part's text, unpacked no further than {@link MAX_SMALL_PART_BYTES}, or why not. */
async function smallPart(name: string, bytes: Uint8Array, entry: ZipEntry): Promise<string | Refused> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const result = await inflateEntry(bytes, entry, (chunk) => {
    total += chunk.length;
    if (total > MAX_SMALL_PART_BYTES) return false;
    chunks.push(chunk);
    return true;
  });
  if (!result.ok || total > MAX_SMALL_PART_BYTES) return { refused: `${name} has a part (${entry.name}) that is damaged or far larger than Excel writes, so it was not opened.` };
  const text = new TextDecoder().decode(joinedChunks(chunks));
  const shape = xmlShape(text, MAX_XML_DEPTH);
  if (shape.doctype || shape.depth > MAX_XML_DEPTH) return { refused: `${name} has a part (${entry.name}) in a form Excel never writes, so it was not opened.` };
  return text;
}

interface TableDefinition {
  name: string;
  sheet: string;
  /** 1-based row and column of the top-left cell (the header), and the size, header included. */
  row: number;
  column: number;
  rows: number;
  columns: number;
}

function decodeRange(ref: string): { row: number; column: number; rows: number; columns: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1] as string);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

/**
 * The workbook's tables (the guarded package has no table parts, which hold no value), from the package the guards have already checked: each sheet's relationships, then
 * each table's definition, every part small and bounded.
 */
async function tableDefinitions(name: string, bytes: Uint8Array): Promise<TableDefinition[] | Refused> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return { refused: `${name} is damaged, so it was not opened.` };
  const byName = new Map(directory.entries.filter((e) => !e.directory).map((e) => [e.name.toLowerCase(), e]));
  const read = async (path: string): Promise<string | Refused | undefined> => {
    const entry = byName.get(path.toLowerCase());
    return entry ? smallPart(name, bytes, entry) : undefined;
  };
  const workbookEntry = byName.get("xl/workbook.xml");
  if (!workbookEntry) return [];
  // The workbook part was bounded by checkPackageContents, which read it already.
  const workbookXml = await inflateAll(bytes, workbookEntry);
  const workbookRels = await read("xl/_rels/workbook.xml.rels");
  if (isRefused(workbookRels)) return workbookRels;
  const rels = new Map(elementsNamed(workbookRels ?? "", "Relationship").map((r) => [r.Id ?? "", r.Target ?? ""]));
  // Each sheet's relationships, then each table's definition, unpacked side by side: the parts
  // are small and many, and each waits on the platform's decompression.
  const sheets = elementsNamed(workbookXml, "sheet").flatMap((sheet) => {
    const target = rels.get(sheet["r:id"] ?? "");
    if (!target) return [];
    const sheetPath = resolvePartPath("xl", target);
    const folder = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
    const file = sheetPath.slice(sheetPath.lastIndexOf("/") + 1);
    return [{ name: sheet.name ?? "", folder, rels: read(`${folder}/_rels/${file}.rels`) }];
  });
  const parts: { sheet: string; xml: Promise<string | Refused | undefined> }[] = [];
  // Each table part once, and at most MAX_TABLE_PARTS in all: relationships are cheap to repeat,
  // and thousands pointing at one part would otherwise unpack it thousands of times at once.
  const seen = new Set<string>();
  for (const sheet of sheets) {
    const sheetRels = await sheet.rels;
    if (isRefused(sheetRels)) return sheetRels;
    for (const rel of elementsNamed(sheetRels ?? "", "Relationship")) {
      if (!/\/table$/.test(rel.Type ?? "")) continue;
      const path = resolvePartPath(sheet.folder, rel.Target ?? "");
      if (seen.has(path)) continue;
      seen.add(path);
      if (seen.size > MAX_TABLE_PARTS) return { refused: `${name} holds more than ${MAX_TABLE_PARTS} tables, far more than an evaluation workbook, so it was not read.` };
      parts.push({ sheet: sheet.name, xml: read(path) });
    }
  }
  const out: TableDefinition[] = [];
  for (const part of parts) {
    const tableXml = await part.xml;
    if (isRefused(tableXml)) return tableXml;
    const table = elementsNamed(tableXml ?? "", "table")[0];
    const range = decodeRange(table?.ref ?? "");
    if (!table || !range || table.headerRowCount === "0") continue;
    out.push({ name: table.displayName ?? table.name ?? "", sheet: part.sheet, ...range });
  }
  return out;
}

/** A part checkPackageContents has already read within its limits, whole (inflateEntry never passes its declared size). */
async function inflateAll(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  const chunks: Uint8Array[] = [];
  await inflateEntry(bytes, entry, (chunk) => {
    chunks.push(chunk);
    return true;
  });
  return new TextDecoder().decode(joinedChunks(chunks));
}

/** "'SV Setup'!$B$4" → the sheet and 1-based row and column of its first cell. */
function decodeName(range: string): { sheet: string; row: number; column: number } | undefined {
  const bang = range.lastIndexOf("!");
  if (bang < 0) return undefined;
  const rawSheet = range.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const cell = decodeRange(range.slice(bang + 1).split(":")[0] ?? "");
  return cell ? { sheet, row: cell.row, column: cell.column } : undefined;
}

/** The snapshot moderation would read from this workbook in Excel (readSnapshot.ts), from the file. */
function snapshotOf(workbook: WorkbookCells, tables: readonly TableDefinition[]): ModerationSnapshot {
  const sheets = new Map<string, SheetState>();
  for (const ws of workbook.sheets) sheets.set(ws.name, { visibility: ws.visibility, protected: ws.protected });
  const sheetNamed = (name: string): SheetCells | undefined => workbook.sheets.find((w) => w.name.toLowerCase() === name.toLowerCase());

  const settings: Partial<Record<SettingKey, SettingCell>> = {};
  for (const key of Object.keys(SETTING_NAMES) as SettingKey[]) {
    const at = decodeName(workbook.names.get(SETTING_NAMES[key].toLowerCase()) ?? "");
    const ws = at ? sheetNamed(at.sheet) : undefined;
    if (!at || !ws) continue;
    settings[key] = { value: ws.cell(at.row, at.column), sheet: ws.name, row: at.row, column: at.column };
  }

  const tableData: Partial<Record<TableKey, TableData>> = {};
  for (const key of Object.keys(TABLES) as TableKey[]) {
    const def = tables.find((t) => t.name.toLowerCase() === TABLES[key].toLowerCase());
    const ws = def ? sheetNamed(def.sheet) : undefined;
    if (!def || !ws) continue;
    const headers = Array.from({ length: def.columns }, (_, c) => String(ws.cell(def.row, def.column + c)));
    // As readSnapshot: every row of the table's range below the header is a body row.
    const rows = Array.from({ length: Math.max(0, def.rows - 1) }, (_, r) => headers.map((_, c) => ws.cell(def.row + 1 + r, def.column + c)));
    tableData[key] = { name: TABLES[key], sheet: ws.name, headers, rows, firstRow: def.row + 1, firstColumn: def.column, headerRow: def.row, sheetLastUsedRow: ws.rowCount };
  }

  const snapshot: ModerationSnapshot = { settings, tables: tableData, sheets, rollUpFixed: {}, syncs: 0 };
  const recordSheet = sheetNamed(SHEETS.record);
  if (recordSheet) {
    const head = Array.from({ length: RECORD_ROWS.chunks }, (_, r) => [recordSheet.cell(r + 1, 1), recordSheet.cell(r + 1, 2)]);
    const count = Number(head[RECORD_ROWS.chunks - 1]?.[1]);
    const chunks = Array.from({ length: Number.isFinite(count) ? Math.max(0, Math.min(Math.floor(count), recordSheet.rowCount)) : 0 }, (_, i) => String(recordSheet.cell(RECORD_ROWS.firstChunk + i, 2)));
    snapshot.record = storedRecord(head, chunks);
  }
  const signOff = sheetNamed(SHEETS.signOff);
  if (signOff) {
    const values = Array.from({ length: signOff.rowCount }, (_, r) => [signOff.cell(r + 1, 1), signOff.cell(r + 1, 2)]);
    const shown = shownFingerprint(values);
    if (shown !== undefined) snapshot.signOffFingerprint = shown;
  }
  return snapshot;
}

/** What a workbook that is no evaluation seems to be, for the sentence. */
function looksLike(workbook: WorkbookCells): string | undefined {
  const names = new Set(workbook.sheets.map((w) => w.name));
  if (names.has(FORM_SHEETS.formData) || (names.has(FORM_SHEETS.commitments) && names.has(FORM_SHEETS.instructions))) return "a bidder's response form: import it into its evaluation with Bids > Import response forms";
  return undefined;
}

async function read(fileName: string, input: Uint8Array | ArrayBuffer): Promise<GatheredEvaluation> {
  const bytes = asBytes(input);
  const check = checkSpreadsheetFile(fileName, bytes, "evaluation");
  if (!check.ok) return refusedFile(fileName, check.message);
  if (check.kind === "csv") return notAnEvaluation(fileName, "a text (CSV) file");
  const contents = await checkPackageContents(fileName, bytes, { sheets: SHEETS_READ, onlyThese: true, chosenAs: "evaluation", buildPackage: false });
  if (!contents.ok) return refusedFile(fileName, contents.message);
  const tables = await tableDefinitions(`"${fileName}"`, bytes);
  if (isRefused(tables)) return refusedFile(fileName, tables.refused);
  const workbook = await readWorkbookCells(contents.parts);
  const snapshot = snapshotOf(workbook, tables);
  if (!isEvaluation(snapshot)) return notAnEvaluation(fileName, looksLike(workbook));
  return gatheredEvaluation(fileName, snapshot, await verifyRecord(snapshot), contents.notes);
}

/** One evaluation workbook's bytes, read for the portfolio: see the module comment. */
export async function readSignedEvaluation(fileName: string, bytes: Uint8Array | ArrayBuffer): Promise<GatheredEvaluation> {
  try {
    return await read(fileName, bytes);
  } catch (error) {
    // Defence in depth, as readResponseForm: a file that defeats the checks still ends as a sentence.
    const detail = error instanceof Error ? error.message : String(error);
    return refusedFile(fileName, `"${fileName}" could not be read (${detail.slice(0, 200)}). Open it in Excel, save it again and retry.`);
  }
}
