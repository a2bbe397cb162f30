/**
 * The two sheets sign-off writes, as data (issue #8):
 *
 * - SV Sign-off, visible: who signed, when, the fingerprint, the sheets signed and how to verify.
 * - SV Record, very hidden: the record as signed (its canonical text, in cells of at most 30,000
 *   characters, under Excel's 32,767 limit), so Verify can say exactly what changed, and the
 *   fingerprint: SHA-256 of that text.
 *
 * Also how a signed formula's value is written back over it. The Excel layer writes and reads
 * these sheets (src/excel/moderation/signOff.ts, readSnapshot.ts).
 */
import type { StoredRecord } from "./snapshot";

/** The signed record is kept in cells of at most this many characters (Excel's limit is 32,767). */
export const RECORD_CHUNK_CHARS = 30_000;
/** Each record chunk starts with this character, so no chunk can ever be read as a formula or a number. */
export const RECORD_CHUNK_PREFIX = "~";

/** Where the sign-off values sit on the SV Record sheet (label in A, value in B). */
export const RECORD_ROWS = { fingerprint: 1, signedBy: 2, signedAt: 3, sheets: 4, chunks: 5, firstChunk: 6 } as const;

/** Labels in column A of the visible SV Sign-off sheet. */
export const SIGN_OFF_LABELS = {
  signedBy: "Signed by",
  signedAt: "Signed at",
  fingerprint: "Fingerprint (SHA-256)",
  sheets: "Sheets signed",
  verify: "How to verify",
} as const;

/** Splits text into pieces of at most `size` UTF-16 units, never inside a surrogate pair. */
export function chunkText(text: string, size: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out.length > 0 ? out : [""];
}

export interface Signature {
  signedBy: string;
  signedAt: string;
  fingerprint: string;
  sheets: readonly string[];
}

/** SV Sign-off's cells, A1:B8. */
export function signOffSheetRows(s: Signature): unknown[][] {
  return [
    ["Social value evaluation: signed record", ""],
    ["", ""],
    [SIGN_OFF_LABELS.signedBy, s.signedBy],
    [SIGN_OFF_LABELS.signedAt, s.signedAt],
    [SIGN_OFF_LABELS.fingerprint, s.fingerprint],
    [SIGN_OFF_LABELS.sheets, s.sheets.join(", ")],
    [
      SIGN_OFF_LABELS.verify,
      "In the Social Value pane, Moderation > Verify recomputes the fingerprint from the signed sheets and lists every change since sign-off. Copy the fingerprint above into the tender file now: one kept only in this workbook can be re-made by anyone who can edit it.",
    ],
    [
      "Protection",
      "The signed sheets are protected without a password to prevent accidental edits. Protection is not security: the fingerprint is what shows the record is unchanged.",
    ],
  ];
}

/** SV Record's head (A1:B5) and its chunk rows (from row RECORD_ROWS.firstChunk): number and text. */
export function recordSheetRows(s: Signature, text: string): { head: unknown[][]; chunks: unknown[][] } {
  const chunks = chunkText(text, RECORD_CHUNK_CHARS).map((c, i) => [i + 1, `${RECORD_CHUNK_PREFIX}${c}`]);
  const head: unknown[][] = [
    ["Fingerprint", s.fingerprint],
    ["SignedBy", s.signedBy],
    ["SignedAt", s.signedAt],
    ["Sheets", s.sheets.join(", ")],
    ["Chunks", chunks.length],
  ];
  return { head, chunks };
}

/** The stored record from SV Record's head values (A1:B5) and its chunk cells, as read. */
export function storedRecord(head: unknown[][], chunks: readonly unknown[]): StoredRecord {
  const cell = (row: number): string => String(head[row - 1]?.[1] ?? "");
  const text = chunks.map((c) => String(c ?? "")).map((c) => (c.startsWith(RECORD_CHUNK_PREFIX) ? c.slice(RECORD_CHUNK_PREFIX.length) : c));
  return {
    fingerprint: cell(RECORD_ROWS.fingerprint).trim(),
    signedBy: cell(RECORD_ROWS.signedBy),
    signedAt: cell(RECORD_ROWS.signedAt),
    sheets: cell(RECORD_ROWS.sheets)
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
    text: text.join(""),
  };
}

/** The fingerprint SV Sign-off shows (the row labelled so in column A), if any. */
export function shownFingerprint(signOffValues: readonly unknown[][]): string | undefined {
  const row = signOffValues.find((r) => String(r[0] ?? "").trim().toLowerCase() === SIGN_OFF_LABELS.fingerprint.toLowerCase());
  return row ? String(row[1] ?? "").trim() : undefined;
}

/** A value written back over its formula: text always as text (a leading apostrophe), so "12" or "=x" stay what they were. */
export function frozenValue(value: unknown): unknown {
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return "";
}

export function isFormula(cell: unknown): boolean {
  return typeof cell === "string" && cell.startsWith("=");
}
