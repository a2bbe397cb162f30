/**
 * Reads what marking, moderation, sign-off and Verify need from the workbook — the setting
 * cells, the evaluation's tables, the sheets' state and the signed record — in three requests
 * whatever the number of rows: (1) what exists, (2) the tables' shapes and headers, (3) the
 * cell values, split into more requests only when one response would near Excel's 5 MB limit.
 */
import { MAX_REQUEST_BYTES } from "../shared/cellSafety";
import { RefusalError } from "../shared/refusal";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { ROLL_UP_FIXED_NAMES, SETTING_NAMES, SHEETS, TABLES, type SettingKey } from "../shared/layout";
import { bidderKey, readQuantity, readText, ROLL_UPS, STANDARD_SCALES, type RollUp, type Scale } from "../../core";
import type { RollUpChange } from "./moderationActions";

/** Typical bytes of one cell in a response: sizes the read blocks (text-heavy tables count more). */
const BYTES_PER_CELL = 40;
const BYTES_PER_TEXT_CELL = 400;
/** The signed record is kept in cells of at most this many characters (Excel's limit is 32,767). */
export const RECORD_CHUNK_CHARS = 30_000;
/** Each record chunk starts with this character, so no chunk can ever be read as a formula or a number. */
export const RECORD_CHUNK_PREFIX = "~";

/** A refusal the pane shows as it is: the message says what to do. Nothing was written. */
export class ModerationRefusal extends RefusalError {
  constructor(message: string) {
    super(message);
    this.name = "ModerationRefusal";
  }
}

export interface TableData {
  name: string;
  sheet: string;
  headers: string[];
  /** Body values; columns not asked for are undefined. */
  rows: unknown[][];
  /** 1-based sheet row of the first body row, and column of the table's first column. */
  firstRow: number;
  firstColumn: number;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Last used row of the table's sheet (rows below the table must be empty before it grows). */
  sheetLastUsedRow: number;
}

export interface SettingCell {
  value: unknown;
  sheet: string;
  row: number;
  column: number;
}

export interface SheetState {
  visibility: string;
  protected: boolean;
}

export interface StoredRecord {
  fingerprint: string;
  signedBy: string;
  signedAt: string;
  sheets: string[];
  /** The canonical record as stored (chunks joined). */
  text: string;
}

export interface ModerationWorkbook {
  settings: Partial<Record<SettingKey, SettingCell>>;
  tables: Partial<Record<keyof typeof TABLES, TableData>>;
  sheets: Map<string, SheetState>;
  record?: StoredRecord;
  /** The fingerprint shown on SV Sign-off, when the sheet exists. */
  signOffFingerprint?: string;
  /** The roll-up recorded when marking started (see ROLL_UP_FIXED_NAMES), as the names hold it. */
  rollUpFixed: FixedRollUpNames;
  syncs: number;
}

// ---------------------------------------------------------------------------------------------
// The roll-up fixed when marking starts

/**
 * Workbook names that record the roll-up in force when marking started, and when (issue #8:
 * "the roll-up rule is a tender setting fixed before marking starts"; DOMAIN.md: the panel
 * decides before scoring and sticks to it). Names rather than cells: they belong to the
 * workbook, not to a sheet a co-author may sort, clear or delete, they survive co-authoring
 * like any defined name, and anyone can read them in Formulas > Name Manager. Each holds a text
 * constant (="average"), so no formula depends on it and it never recalculates.
 * The names themselves are in layout.ts (ROLL_UP_FIXED_NAMES).
 */
export { ROLL_UP_FIXED_NAMES };

/** The text of each of the two names that exists; a name that is missing is absent. */
export interface FixedRollUpNames {
  rollUp?: string;
  at?: string;
}

/** The text a name's formula holds: ="average" gives average; any other formula, its value. */
function nameText(formula: unknown, value: unknown): string {
  const f = typeof formula === "string" ? formula.trim() : "";
  const constant = /^="((?:[^"]|"")*)"$/.exec(f);
  if (constant) return (constant[1] ?? "").replace(/""/g, '"');
  return readText(value) ?? "";
}

/** A roll-up as SV_RollUp or SV_RollUpFixed may spell it; undefined when it is none of them. */
export function parseRollUp(value: unknown): RollUp | undefined {
  const text = (readText(value) ?? "").toLowerCase();
  return (ROLL_UPS as readonly string[]).includes(text) ? (text as RollUp) : undefined;
}

/** Marking has started and its roll-up is recorded (the add-in never writes the names again). */
export function rollUpIsFixed(wb: ModerationWorkbook): boolean {
  return wb.rollUpFixed.rollUp !== undefined;
}

/** SV_RollUp differs from the roll-up recorded when marking started, if it does. */
export function rollUpChange(wb: ModerationWorkbook, now: RollUp): RollUpChange | undefined {
  const fixed = parseRollUp(wb.rollUpFixed.rollUp);
  if (fixed === undefined || fixed === now) return undefined;
  const at = (wb.rollUpFixed.at ?? "").trim();
  return { fixed, now, ...(at !== "" ? { fixedAt: at } : {}) };
}

/** A date an evaluator reads ("22 November 2026"), or the text as it is when it is not a time. */
export function dayOf(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return time.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** The warning the pane and the final review give, in an evaluator's words. */
export function rollUpChangeMessage(change: RollUpChange): string {
  const when = change.fixedAt !== undefined ? ` on ${dayOf(change.fixedAt)}` : "";
  return (
    `The roll-up was changed from ${change.fixed} to ${change.now} after marking started${when}. ` +
    `The panel fixes the roll-up before marking, and the marks were given under ${change.fixed}: set ${SETTING_NAMES.rollUp} on ${SHEETS.setup} back to ${change.fixed}. ` +
    `The record cannot be signed off until it is.`
  );
}

/**
 * Queues the two names recording the roll-up in force now (call only when rollUpIsFixed is
 * false). Queued last in an operation's batch: it adds no request of its own.
 */
export function queueFixRollUp(context: Excel.RequestContext, wb: ModerationWorkbook, rollUp: RollUp, at: string): void {
  const names = context.workbook.names;
  names.add(ROLL_UP_FIXED_NAMES.rollUp, `="${rollUp}"`, `The roll-up (${SETTING_NAMES.rollUp}) in force when marking started. Written once by the Social Value add-in; sign-off checks ${SETTING_NAMES.rollUp} still matches.`);
  if (wb.rollUpFixed.at === undefined) names.add(ROLL_UP_FIXED_NAMES.at, `="${at}"`, "When marking started (UTC), written by the Social Value add-in.");
}

export type TableKey = keyof typeof TABLES;

export interface ReadRequest {
  /** Tables to read; with a column list only those columns are read (the rest stay undefined). */
  tables: Partial<Record<TableKey, readonly string[] | "all">>;
}

/** Sheets whose state (visibility, protection) is read. */
const WATCHED_SHEETS = Object.values(SHEETS);

/** Where the sign-off values sit on the SV Record sheet (label in A, value in B). */
export const RECORD_ROWS = { fingerprint: 1, signedBy: 2, signedAt: 3, sheets: 4, chunks: 5, firstChunk: 6 } as const;

function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  const raw = bang >= 0 ? address.slice(0, bang) : "";
  return raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
}

export async function readModerationWorkbook(run: ExcelRun, request: ReadRequest, options: OperationOptions = {}): Promise<ModerationWorkbook> {
  throwIfCancelled(options.signal);
  return run(async (context) => {
    let syncs = 0;
    const wb = context.workbook;
    // 1: what exists.
    const keys = Object.keys(request.tables) as TableKey[];
    const tableProbes = keys.map((key) => ({ key, table: wb.tables.getItemOrNullObject(TABLES[key]).load("name") }));
    const settingProbes = (Object.keys(SETTING_NAMES) as SettingKey[]).map((key) => ({
      key,
      range: wb.names.getItemOrNullObject(SETTING_NAMES[key]).getRangeOrNullObject().load("values, address, rowIndex, columnIndex"),
    }));
    const fixedProbes = {
      rollUp: wb.names.getItemOrNullObject(ROLL_UP_FIXED_NAMES.rollUp).load("formula, value"),
      at: wb.names.getItemOrNullObject(ROLL_UP_FIXED_NAMES.at).load("formula, value"),
    };
    const sheetProbes = WATCHED_SHEETS.map((name) => {
      const sheet = wb.worksheets.getItemOrNullObject(name).load("name, visibility");
      return { name, sheet };
    });
    await context.sync();
    syncs++;

    // 2: shapes and headers of the tables that exist; the protection of the sheets that exist;
    // the used range of the record sheets.
    const found = tableProbes.filter((p) => !p.table.isNullObject);
    const shapes = found.map((p) => {
      const table = wb.tables.getItem(TABLES[p.key]);
      return {
        key: p.key,
        range: table.getRange().load("rowIndex, columnIndex, rowCount, columnCount"),
        header: table.getHeaderRowRange().load("values"),
        sheet: table.worksheet.load("name"),
        used: table.worksheet.getUsedRange(true).load("rowIndex, rowCount"),
      };
    });
    const existingSheets = sheetProbes.filter((p) => !p.sheet.isNullObject);
    const protections = existingSheets.map((p) => ({ name: p.name, visibility: p.sheet.visibility, protection: wb.worksheets.getItem(p.name).protection.load("protected") }));
    const hasRecord = existingSheets.some((p) => p.name === SHEETS.record);
    const hasSignOff = existingSheets.some((p) => p.name === SHEETS.signOff);
    const recordHead = hasRecord ? wb.worksheets.getItem(SHEETS.record).getRange(`A1:B${RECORD_ROWS.chunks}`).load("values") : undefined;
    const signOffUsed = hasSignOff ? wb.worksheets.getItem(SHEETS.signOff).getUsedRange(true).load("values") : undefined;
    await context.sync();
    syncs++;

    const sheets = new Map<string, SheetState>();
    for (const p of protections) sheets.set(p.name, { visibility: p.visibility, protected: p.protection.protected });

    // 3: values, in blocks of rows, grouped into requests under the response budget.
    interface Block {
      apply: () => void;
      bytes: number;
    }
    const blocks: Block[] = [];
    const pending: (() => void)[] = [];
    const tables: Partial<Record<TableKey, TableData>> = {};
    for (const s of shapes) {
      const headers = (s.header.values[0] ?? []).map((h) => String(h));
      const bodyRows = Math.max(0, s.range.rowCount - 1);
      const data: TableData = {
        name: TABLES[s.key],
        sheet: s.sheet.name,
        headers,
        rows: Array.from({ length: bodyRows }, () => new Array<unknown>(headers.length)),
        firstRow: s.range.rowIndex + 2,
        firstColumn: s.range.columnIndex + 1,
        headerRow: s.range.rowIndex + 1,
        sheetLastUsedRow: s.used.rowIndex + s.used.rowCount,
      };
      tables[s.key] = data;
      const wanted = request.tables[s.key];
      const columns = wanted === "all" || wanted === undefined ? headers.map((_, i) => i) : wanted.map((h) => headers.findIndex((x) => x.toLowerCase() === h.toLowerCase())).filter((i) => i >= 0);
      if (bodyRows === 0 || columns.length === 0) continue;
      const textHeavy = s.key === "answers" || s.key === "consensus" || s.key === "offers" || s.key === "marks";
      const perRow = columns.length * (textHeavy ? BYTES_PER_TEXT_CELL : BYTES_PER_CELL);
      const blockRows = Math.max(1, Math.floor(MAX_REQUEST_BYTES / perRow));
      const sheet = wb.worksheets.getItem(data.sheet);
      // Read contiguous runs of the wanted columns.
      const runs: [number, number][] = [];
      for (const c of [...columns].sort((a, b) => a - b)) {
        const last = runs[runs.length - 1];
        if (last && c === last[1] + 1) last[1] = c;
        else runs.push([c, c]);
      }
      for (let start = 0; start < bodyRows; start += blockRows) {
        const n = Math.min(blockRows, bodyRows - start);
        for (const [from, to] of runs) {
          blocks.push({
            bytes: n * (to - from + 1) * (textHeavy ? BYTES_PER_TEXT_CELL : BYTES_PER_CELL),
            apply: () => {
              const range = sheet.getRangeByIndexes(data.firstRow - 1 + start, data.firstColumn - 1 + from, n, to - from + 1).load("values");
              pending.push(() => {
                range.values.forEach((row, i) => {
                  const target = data.rows[start + i] as unknown[];
                  row.forEach((v, j) => (target[from + j] = v));
                });
              });
            },
          });
        }
      }
    }
    let chunkCount = 0;
    if (recordHead) {
      const count = readQuantity(recordHead.values[RECORD_ROWS.chunks - 1]?.[1]);
      chunkCount = count.kind === "number" ? Math.max(0, Math.floor(count.value)) : 0;
    }
    const chunks: string[] = new Array<string>(chunkCount).fill("");
    const chunksPerBlock = Math.max(1, Math.floor(MAX_REQUEST_BYTES / (RECORD_CHUNK_CHARS * 1.2)));
    for (let start = 0; start < chunkCount; start += chunksPerBlock) {
      const n = Math.min(chunksPerBlock, chunkCount - start);
      blocks.push({
        bytes: n * RECORD_CHUNK_CHARS * 1.2,
        apply: () => {
          const range = wb.worksheets.getItem(SHEETS.record).getRangeByIndexes(RECORD_ROWS.firstChunk - 1 + start, 1, n, 1).load("values");
          pending.push(() => range.values.forEach((row, i) => (chunks[start + i] = String(row[0] ?? ""))));
        },
      });
    }
    let budget = 0;
    let queued = 0;
    for (const block of blocks) {
      if (queued > 0 && budget + block.bytes > MAX_REQUEST_BYTES) {
        throwIfCancelled(options.signal);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per group of blocks keeps each response under Excel's 5 MB limit
        await context.sync();
        syncs++;
        pending.splice(0).forEach((f) => f());
        budget = 0;
        queued = 0;
      }
      block.apply();
      budget += block.bytes;
      queued++;
    }
    if (queued > 0) {
      await context.sync();
      syncs++;
      pending.splice(0).forEach((f) => f());
    }

    const settings: Partial<Record<SettingKey, SettingCell>> = {};
    for (const { key, range } of settingProbes) {
      if (range.isNullObject) continue;
      settings[key] = { value: range.values[0]?.[0], sheet: sheetOfAddress(range.address), row: range.rowIndex + 1, column: range.columnIndex + 1 };
    }

    let record: StoredRecord | undefined;
    if (recordHead) {
      const cell = (row: number): string => String(recordHead.values[row - 1]?.[1] ?? "");
      record = {
        fingerprint: cell(RECORD_ROWS.fingerprint).trim(),
        signedBy: cell(RECORD_ROWS.signedBy),
        signedAt: cell(RECORD_ROWS.signedAt),
        sheets: cell(RECORD_ROWS.sheets)
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== ""),
        text: chunks.map((c) => (c.startsWith(RECORD_CHUNK_PREFIX) ? c.slice(RECORD_CHUNK_PREFIX.length) : c)).join(""),
      };
    }
    let signOffFingerprint: string | undefined;
    if (signOffUsed) {
      const row = signOffUsed.values.find((r) => String(r[0] ?? "").trim().toLowerCase() === SIGN_OFF_LABELS.fingerprint.toLowerCase());
      if (row) signOffFingerprint = String(row[1] ?? "").trim();
    }
    const rollUpFixed: FixedRollUpNames = {};
    for (const key of ["rollUp", "at"] as const) {
      const probe = fixedProbes[key];
      if (!probe.isNullObject) rollUpFixed[key] = nameText(probe.formula, probe.value);
    }
    return { settings, tables, sheets, ...(record ? { record } : {}), ...(signOffFingerprint !== undefined ? { signOffFingerprint } : {}), rollUpFixed, syncs };
  });
}

/** Labels in column A of the visible SV Sign-off sheet. */
export const SIGN_OFF_LABELS = {
  signedBy: "Signed by",
  signedAt: "Signed at",
  fingerprint: "Fingerprint (SHA-256)",
  sheets: "Sheets signed",
  verify: "How to verify",
} as const;

// ---------------------------------------------------------------------------------------------
// Reading the tables

/** The index of a header, trimmed and case-insensitive; -1 when absent. */
export function column(table: TableData, header: string): number {
  const h = header.toLowerCase();
  return table.headers.findIndex((x) => x.trim().toLowerCase() === h);
}

export function cellOf(table: TableData, row: unknown[], header: string): unknown {
  const i = column(table, header);
  return i >= 0 ? row[i] : undefined;
}

export function textOf(table: TableData, row: unknown[], header: string): string {
  return readText(cellOf(table, row, header)) ?? "";
}

/** Free text as the cell holds it (not trimmed or shortened): comments, rationales, answers. */
export function fullText(cell: unknown): string {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
  return "";
}

/** Names in first-seen order, one per bidderKey. */
export function uniqueNames(names: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const n of names) {
    const t = n.trim();
    if (t !== "" && !seen.has(bidderKey(t))) seen.set(bidderKey(t), t);
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------
// Reading the moderation settings

export interface PanelSettings {
  evaluators: string[];
  scale: Scale;
  rollUp: RollUp;
  moderationThreshold: number;
  blindMarking: boolean;
  moderationOpen: boolean;
}

function yes(value: unknown): boolean {
  if (value === true) return true;
  const t = (readText(value) ?? "").toLowerCase();
  return t === "yes" || t === "y" || t === "true";
}

/** The scale typed on SV Setup ("0, 1, 2, 3, 4, 5"), or undefined when it cannot be read. */
export function parseScale(value: unknown): Scale | undefined {
  const text = typeof value === "number" ? String(value) : readText(value);
  if (text === undefined) return undefined;
  const marks: number[] = [];
  for (const part of text.split(/[,;/\s]+/)) {
    if (part === "") continue;
    const q = readQuantity(part);
    if (q.kind !== "number" || q.value < 0) return undefined;
    if (!marks.includes(q.value)) marks.push(q.value);
  }
  if (marks.length < 2) return undefined;
  marks.sort((a, b) => a - b);
  const standard = STANDARD_SCALES.find((s) => s.marks.length === marks.length && s.marks.every((m, i) => m === marks[i]));
  return standard ?? { id: "sheet", label: `${marks[0]}–${marks[marks.length - 1]}`, marks };
}

export function panelSettings(wb: ModerationWorkbook): PanelSettings {
  const value = (key: SettingKey): unknown => wb.settings[key]?.value;
  const scale = parseScale(value("scale"));
  if (scale === undefined) {
    throw new ModerationRefusal(`The qualitative scale on SV Setup (${SETTING_NAMES.scale}) cannot be read. Write the marks evaluators may give, separated by commas, e.g. 0, 1, 2, 3, 4, 5.`);
  }
  const evaluators = uniqueNames((readText(value("evaluators")) ?? "").split(/[,;\n]/));
  const rollUp = parseRollUp(value("rollUp")) ?? "consensus";
  const threshold = readQuantity(value("moderationThreshold"));
  return {
    evaluators,
    scale,
    rollUp,
    moderationThreshold: threshold.kind === "number" && threshold.value >= 0 ? threshold.value : 1,
    blindMarking: yes(value("blindMarking")),
    moderationOpen: yes(value("moderationOpen")),
  };
}

export function requireTable(wb: ModerationWorkbook, key: TableKey): TableData {
  const t = wb.tables[key];
  if (t === undefined) throw new ModerationRefusal(`The table ${TABLES[key]} is missing from this workbook. Use Set up to insert the evaluation sheets (the moderation sheets arrived in a later version).`);
  return t;
}
