/**
 * The signed record of a tender's evaluation and its fingerprint (issue #8, sign-off).
 *
 * The record is what decides the award: the settings, the measure table, the criteria, the
 * bids (commitments, answers, offers), every evaluator's marks, the consensus marks with their
 * rationales, and the scores — each table as its headers and cell values, in sheet order.
 * `canonicalRecord` writes it as one text in a fixed form, so the same workbook always gives
 * the same text and the same SHA-256 fingerprint:
 *
 * - keys and tables in a fixed order; rows and columns in sheet order (sorting a table is a
 *   change, and Verify says so);
 * - numbers to 15 significant digits (the precision Excel keeps), -0 as 0; NaN and ±Infinity
 *   as text, which JSON cannot hold;
 * - strings exactly as the cells hold them (no trimming: a changed space is a change);
 *   a blank cell is "".
 *
 * The fingerprint shows that the record is unchanged; it does not say who made it. Anyone who
 * can edit the workbook can also re-sign it, so the fingerprint should be copied out of the
 * workbook at sign-off (into the tender file) and compared from there.
 */
import { bidderKey } from "../shared/refs";

export type RecordCell = string | number | boolean;

export interface RecordTable {
  /** Table name, e.g. "SV_Marks". */
  name: string;
  sheet: string;
  headers: string[];
  rows: RecordCell[][];
  /** 1-based sheet row of the first data row, and column of the first column. */
  firstRow: number;
  firstColumn: number;
  /** Headers whose values name a row in messages and match rows across versions. */
  key: string[];
}

export interface RecordSetting {
  /** Workbook name of the setting cell, e.g. "SV_ContractValue". */
  name: string;
  /** Sheet and 1-based row/column of the cell, for messages. */
  sheet: string;
  row: number;
  column: number;
  value: RecordCell;
}

export interface EvaluationRecord {
  format: "sv-record/1";
  settings: RecordSetting[];
  tables: RecordTable[];
}

/** A number as the record holds it: 15 significant digits, no negative zero. */
export function canonicalNumber(n: number): number | string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (n === 0) return 0;
  return Number(n.toPrecision(15));
}

/** A cell value as the record holds it; anything that is not text, number or boolean is "". */
export function canonicalCell(value: unknown): RecordCell {
  if (typeof value === "string") return value;
  if (typeof value === "number") return canonicalNumber(value);
  if (typeof value === "boolean") return value;
  return "";
}

/** The record with every value canonical and settings in name order. */
export function normaliseRecord(record: EvaluationRecord): EvaluationRecord {
  return {
    format: "sv-record/1",
    settings: [...record.settings]
      .map((s) => ({ name: s.name, sheet: s.sheet, row: s.row, column: s.column, value: canonicalCell(s.value) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    tables: record.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet,
      headers: t.headers.map(String),
      rows: t.rows.map((r) => r.map(canonicalCell)),
      firstRow: t.firstRow,
      firstColumn: t.firstColumn,
      key: [...t.key],
    })),
  };
}

/**
 * The record as one canonical text. Objects are built with their keys in one order and
 * JSON.stringify keeps insertion order, so the text depends only on the record's content.
 */
export function canonicalRecord(record: EvaluationRecord): string {
  const r = normaliseRecord(record);
  return JSON.stringify({
    format: r.format,
    settings: r.settings.map((s) => [s.name, s.sheet, s.row, s.column, s.value]),
    tables: r.tables.map((t) => ({ name: t.name, sheet: t.sheet, firstRow: t.firstRow, firstColumn: t.firstColumn, key: t.key, headers: t.headers, rows: t.rows })),
  });
}

export type ParsedRecord = { ok: true; record: EvaluationRecord } | { ok: false; message: string };

/** Reads a canonical text back; a text that is not one gives a message, never a throw. */
export function parseRecord(text: string): ParsedRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: "the stored record is not readable (it was cut or edited)" };
  }
  const d = data as { format?: unknown; settings?: unknown; tables?: unknown };
  if (d === null || typeof d !== "object" || d.format !== "sv-record/1" || !Array.isArray(d.settings) || !Array.isArray(d.tables)) {
    return { ok: false, message: "the stored record is not in the form the add-in writes" };
  }
  try {
    const settings: RecordSetting[] = (d.settings as unknown[][]).map((s) => ({
      name: String(s[0]),
      sheet: String(s[1]),
      row: Number(s[2]),
      column: Number(s[3]),
      value: canonicalCell(s[4]),
    }));
    const tables: RecordTable[] = (d.tables as Record<string, unknown>[]).map((t) => ({
      name: String(t.name),
      sheet: String(t.sheet),
      firstRow: Number(t.firstRow),
      firstColumn: Number(t.firstColumn),
      key: (t.key as unknown[]).map(String),
      headers: (t.headers as unknown[]).map(String),
      rows: (t.rows as unknown[][]).map((r) => r.map(canonicalCell)),
    }));
    return { ok: true, record: { format: "sv-record/1", settings, tables } };
  } catch {
    return { ok: false, message: "the stored record is not in the form the add-in writes" };
  }
}

/** SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits (WebCrypto: browsers, Office, Node 20). */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new Error("This Excel cannot compute a SHA-256 fingerprint (no Web Crypto). Update Excel or use Excel on the web.");
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  let hex = "";
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** The record's fingerprint: SHA-256 of its canonical text. */
export async function recordFingerprint(record: EvaluationRecord): Promise<string> {
  return sha256Hex(canonicalRecord(record));
}

// ---------------------------------------------------------------------------------------------
// What changed between two records

export interface RecordDifference {
  sheet: string;
  /** Where the change is, when it is in one cell (1-based). */
  cell?: { row: number; column: number };
  message: string;
  before?: RecordCell;
  after?: RecordCell;
}

function show(value: RecordCell | undefined): string {
  if (value === undefined || value === "") return "blank";
  if (typeof value === "string") return `“${value.length > 80 ? `${value.slice(0, 79)}…` : value}”`;
  return String(value);
}

function settingLabel(name: string): string {
  return name.replace(/^SV_/, "");
}

/** Row identity: the key columns' values, trimmed and case-folded, numbered when repeated. */
function rowKeys(table: RecordTable): string[] {
  const idx = table.key.map((k) => table.headers.indexOf(k)).filter((i) => i >= 0);
  const seen = new Map<string, number>();
  return table.rows.map((row, i) => {
    const parts = idx.map((j) => bidderKey(String(row[j] ?? "")));
    const base = idx.length === 0 || parts.every((p) => p === "") ? `#row${i}` : parts.join("\u0000");
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}\u0000${n}`;
  });
}

function rowLabel(table: RecordTable, row: RecordCell[]): string {
  const parts = table.key
    .map((k) => table.headers.indexOf(k))
    .filter((i) => i >= 0)
    .map((i) => String(row[i] ?? "").trim())
    .filter((p) => p !== "");
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function same(a: RecordCell | undefined, b: RecordCell | undefined): boolean {
  return (a ?? "") === (b ?? "");
}

/**
 * Every difference between the signed record and the current one, named as an evaluator reads
 * them: "SV Marks, row 7 (Alice, Acme Ltd, SV1): Mark was 3, now 4." Rows are matched by their
 * key columns (so an inserted row is one change, not a cascade); cells by header.
 */
export function diffRecords(signed: EvaluationRecord, current: EvaluationRecord): RecordDifference[] {
  const a = normaliseRecord(signed);
  const b = normaliseRecord(current);
  const out: RecordDifference[] = [];

  const settingsA = new Map(a.settings.map((s) => [s.name, s]));
  const settingsB = new Map(b.settings.map((s) => [s.name, s]));
  for (const [name, s] of settingsA) {
    const now = settingsB.get(name);
    if (now === undefined) {
      out.push({ sheet: s.sheet, message: `${s.sheet}: the setting ${settingLabel(name)} (${name}) is missing; it was ${show(s.value)}.`, before: s.value });
    } else if (!same(s.value, now.value) || s.sheet !== now.sheet || s.row !== now.row || s.column !== now.column) {
      if (same(s.value, now.value)) {
        // Same value, new place: rows or columns were inserted or deleted, or the sheet renamed.
        const was = `${s.sheet} row ${s.row}, column ${s.column}`;
        const is = `${now.sheet} row ${now.row}, column ${now.column}`;
        out.push({ sheet: now.sheet, cell: { row: now.row, column: now.column }, message: `${now.sheet}: the setting ${settingLabel(name)} moved from ${was} to ${is} (rows or columns were inserted or deleted, or the sheet was renamed); its value is unchanged.` });
        continue;
      }
      out.push({
        sheet: now.sheet,
        cell: { row: now.row, column: now.column },
        message: `${now.sheet}: ${settingLabel(name)} was ${show(s.value)}, now ${show(now.value)}.`,
        before: s.value,
        after: now.value,
      });
    }
  }
  for (const [name, s] of settingsB) {
    if (!settingsA.has(name)) out.push({ sheet: s.sheet, message: `${s.sheet}: the setting ${settingLabel(name)} (${name}) was added, with ${show(s.value)}.`, after: s.value });
  }

  const tablesB = new Map(b.tables.map((t) => [t.name, t]));
  for (const ta of a.tables) {
    const tb = tablesB.get(ta.name);
    tablesB.delete(ta.name);
    if (tb === undefined) {
      out.push({ sheet: ta.sheet, message: `${ta.sheet}: the table ${ta.name} is missing (it had ${ta.rows.length} rows when signed).` });
      continue;
    }
    out.push(...diffTable(ta, tb));
  }
  for (const tb of tablesB.values()) {
    out.push({ sheet: tb.sheet, message: `${tb.sheet}: the table ${tb.name} was added after sign-off.` });
  }
  return out;
}

function diffTable(ta: RecordTable, tb: RecordTable): RecordDifference[] {
  const out: RecordDifference[] = [];
  const sheet = tb.sheet;
  if (ta.sheet !== tb.sheet) out.push({ sheet, message: `${sheet}: the table ${tb.name} was on the sheet “${ta.sheet}” when signed; that sheet was renamed, or the table moved.` });
  if (ta.firstColumn !== tb.firstColumn) out.push({ sheet, message: `${sheet}: the table ${tb.name} moved from column ${ta.firstColumn} to column ${tb.firstColumn} (columns were inserted or deleted).` });
  for (const h of ta.headers) if (!tb.headers.includes(h)) out.push({ sheet, message: `${sheet}: the column ${h} was removed or renamed.` });
  for (const h of tb.headers) if (!ta.headers.includes(h)) out.push({ sheet, message: `${sheet}: the column ${h} was added.` });
  const shared = ta.headers.filter((h) => tb.headers.includes(h));

  const keysA = rowKeys(ta);
  const keysB = rowKeys(tb);
  const indexB = new Map(keysB.map((k, i) => [k, i]));
  const matched = new Set<number>();
  let moved = 0;
  keysA.forEach((key, i) => {
    const rowA = ta.rows[i] as RecordCell[];
    const j = indexB.get(key);
    if (j === undefined) {
      out.push({ sheet, message: `${sheet}: the row${rowLabel(ta, rowA)} that was row ${ta.firstRow + i} when signed is gone.` });
      return;
    }
    matched.add(j);
    if (tb.firstRow + j !== ta.firstRow + i) moved++;
    const rowB = tb.rows[j] as RecordCell[];
    for (const h of shared) {
      const before = rowA[ta.headers.indexOf(h)];
      const ci = tb.headers.indexOf(h);
      const after = rowB[ci];
      if (!same(before, after)) {
        const sheetRow = tb.firstRow + j;
        out.push({
          sheet,
          cell: { row: sheetRow, column: tb.firstColumn + ci },
          message: `${sheet}, row ${sheetRow}${rowLabel(tb, rowB)}: ${h} was ${show(before)}, now ${show(after)}.`,
          ...(before !== undefined ? { before } : {}),
          ...(after !== undefined ? { after } : {}),
        });
      }
    }
  });
  keysB.forEach((_, j) => {
    if (matched.has(j)) return;
    const rowB = tb.rows[j] as RecordCell[];
    out.push({ sheet, cell: { row: tb.firstRow + j, column: tb.firstColumn }, message: `${sheet}: row ${tb.firstRow + j}${rowLabel(tb, rowB)} was added after sign-off.` });
  });
  if (moved > 0) out.push({ sheet, message: `${sheet}: ${moved} row${moved === 1 ? " was" : "s were"} moved (the table was sorted or rows inserted).` });
  return out;
}
