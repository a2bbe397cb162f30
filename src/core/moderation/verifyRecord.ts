/**
 * Verify, decided: is the workbook still the record that was signed? It recomputes the record from the
 * sheets as they are now and compares it with the one stored at sign-off (SV Record):
 *
 * - intact: the current record's SHA-256 equals the stored fingerprint, and the stored record
 *   still hashes to that fingerprint;
 * - changed: each difference named with its sheet, cell, and value before and after; and, if
 *   the stored record itself was edited, that too (then the list of changes cannot be trusted
 *   to be complete: compare with the fingerprint copied into the tender file at sign-off);
 * - unsigned: there is no signed record in this workbook.
 */
import { SHEETS } from "../shared/layout";
import { columnLetter } from "../shared/addresses";
import { canonicalRecord, diffRecords, parseRecord, sha256Hex } from "./fingerprint";
import type { ModerationSnapshot } from "./snapshot";
import { buildRecord } from "./signOffReview";
import type { RecordChange, VerifyResult } from "./views";

/** Compares the workbook as read with the record as signed. */
export async function verifyRecord(wb: ModerationSnapshot): Promise<VerifyResult> {
  const stored = wb.record;
  if (!stored) {
    if (wb.signOffFingerprint === undefined) return { status: "unsigned", changes: [] };
    // SV Sign-off says the record was signed, but the stored record is gone: the changes cannot
    // be listed, but the fingerprint shown can still be checked.
    const currentFingerprint = await sha256Hex(canonicalRecord(buildRecord(wb)));
    const matches = currentFingerprint === wb.signOffFingerprint;
    return {
      status: "changed",
      fingerprint: wb.signOffFingerprint,
      currentFingerprint,
      changes: [
        {
          sheet: SHEETS.record,
          message: `${SHEETS.signOff} shows a signed record, but the hidden sheet ${SHEETS.record} that keeps it is missing (deleted or renamed), so the changes since sign-off cannot be listed. ${
            matches
              ? "The workbook's record still matches the fingerprint shown on SV Sign-off."
              : "The workbook's record does not match the fingerprint shown on SV Sign-off: something changed since sign-off."
          } Compare with the fingerprint copied into the tender file at sign-off.`,
        },
      ],
    };
  }

  const currentText = canonicalRecord(buildRecord(wb));
  const currentFingerprint = await sha256Hex(currentText);
  const storedHash = await sha256Hex(stored.text);
  const changes: RecordChange[] = [];

  if (storedHash !== stored.fingerprint) {
    changes.push({
      sheet: SHEETS.record,
      message: `The signed record kept in the hidden sheet ${SHEETS.record} was altered after sign-off: it no longer matches its fingerprint. The changes listed below may be incomplete; compare the workbook with the fingerprint copied into the tender file at sign-off.`,
    });
  }
  if (wb.signOffFingerprint !== undefined && wb.signOffFingerprint !== stored.fingerprint) {
    changes.push({
      sheet: SHEETS.signOff,
      message: `The fingerprint shown on ${SHEETS.signOff} is not the one stored with the record.`,
      before: stored.fingerprint,
      after: wb.signOffFingerprint,
    });
  }
  if (currentFingerprint !== stored.fingerprint) {
    const parsed = parseRecord(stored.text);
    if (parsed.ok) {
      for (const d of diffRecords(parsed.record, buildRecord(wb))) {
        changes.push({
          sheet: d.sheet,
          ...(d.cell ? { address: `${columnLetter(d.cell.column)}${d.cell.row}` } : {}),
          message: d.message,
          ...(d.before !== undefined ? { before: d.before } : {}),
          ...(d.after !== undefined ? { after: d.after } : {}),
        });
      }
    } else {
      changes.push({ sheet: SHEETS.record, message: `The record differs from the one signed, but ${parsed.message}, so the changes cannot be listed.` });
    }
    if (!changes.some((c) => c.sheet !== SHEETS.record && c.sheet !== SHEETS.signOff)) {
      changes.push({ sheet: SHEETS.record, message: "The workbook's record no longer matches the signed fingerprint." });
    }
  }

  const notes = stored.sheets.filter((s) => wb.sheets.has(s) && !wb.sheets.get(s)?.protected).map((s) => `${s} is no longer protected.`);
  const missing = stored.sheets.filter((s) => !wb.sheets.has(s)).map((s) => `${s} is missing (deleted or renamed).`);
  const status = changes.length === 0 && currentFingerprint === stored.fingerprint ? "intact" : "changed";
  return {
    status,
    signedBy: stored.signedBy,
    signedAt: stored.signedAt,
    fingerprint: stored.fingerprint,
    currentFingerprint,
    changes,
    ...(notes.length + missing.length > 0 ? { notes: [...missing, ...notes] } : {}),
  };
}
