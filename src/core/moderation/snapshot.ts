/**
 * The workbook as moderation reads it, once per action: the setting cells, the evaluation's
 * tables (headers and cell values, where they sit), the sheets' state, the signed record and the
 * names that fixed the roll-up. Plain data: src/excel/moderation/readSnapshot.ts fills it, and
 * the decisions of this folder (marking, consensus, sign-off, Verify) read only it, so they are
 * tested without Excel.
 */
import { TABLES, type SettingKey } from "../shared/layout";
import { bidderKey } from "../shared/refs";
import { readText } from "../shared/cells";
import { refuse } from "../shared/decision";

export type TableKey = keyof typeof TABLES;

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

/** The text of each of the two names recording the roll-up that exists; a missing name is absent. */
export interface FixedRollUpNames {
  rollUp?: string;
  at?: string;
}

export interface ModerationSnapshot {
  settings: Partial<Record<SettingKey, SettingCell>>;
  tables: Partial<Record<TableKey, TableData>>;
  sheets: Map<string, SheetState>;
  record?: StoredRecord;
  /** The fingerprint shown on SV Sign-off, when the sheet exists. */
  signOffFingerprint?: string;
  /** The roll-up recorded when marking started (ROLL_UP_FIXED_NAMES), as the names hold it. */
  rollUpFixed: FixedRollUpNames;
  /** Requests the read took. */
  syncs: number;
}

/** What a moderation action reads: tables, whole or only some columns (the rest stay undefined). */
export interface SnapshotRequest {
  tables: Partial<Record<TableKey, readonly string[] | "all">>;
  /**
   * Every value read must be calculated: the read is refused while a cell shows #BUSY!, #CALC!
   * or #GETTING_DATA. For the reads whose values become a verdict or a record (the sign-off
   * review, sign-off, Verify); marking and consensus read no custom-function cells and are not
   * held up by one elsewhere.
   */
  calculated?: true;
}

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

/** A key cell's text exactly as read (numbers as Excel shows them), for write guards. */
export function keyText(cell: unknown): string {
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

/** The table, or a refusal saying it is missing. */
export function requireTable(wb: ModerationSnapshot, key: TableKey): TableData {
  const t = wb.tables[key];
  if (t === undefined) refuse(`The table ${TABLES[key]} is missing from this workbook. Use Set up to insert the evaluation sheets (the moderation sheets arrived in a later version).`);
  return t;
}
