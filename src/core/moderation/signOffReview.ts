/**
 * The final review before sign-off (issue #8), decided from one snapshot of the workbook: the
 * record as the workbook holds it now (what the fingerprint covers), and everything that stops
 * it being signed (open moderation items, marks off the scale, a changed roll-up, validation
 * errors, error cells on SV Scores, protected or leftover sheets).
 */
import { SETTING_NAMES, SHEETS, type SettingKey } from "../shared/layout";
import { columnLetter } from "../shared/addresses";
import { cellError } from "../shared/cells";
import { decide, refuse, valueOf, type Decision } from "../shared/decision";
import { parseMeasures } from "../setup/measureTable";
import type { CommitmentInputRow } from "../bids/commitments";
import { validateCommitments } from "../validate/validateCommitments";
import { clarificationInputRows, readClarifications } from "../validate/clarifications";
import { canonicalCell, canonicalRecord, type EvaluationRecord, type RecordTable } from "./fingerprint";
import { cellOf, column, type ModerationSnapshot, type SnapshotRequest, type TableKey } from "./snapshot";
import { rollUpChange, rollUpChangeMessage } from "./panel";
import { itemKey, markRows } from "./marking";
import { analyse, awaitsConfirmation, MODERATION_READ } from "./consensus";
import { formatNumber } from "../shared/format";
import type { OpenItem, SignOffReview } from "./views";

/** Every table of the record, in the record's order, with the columns that name a row. */
export const RECORD_TABLES: readonly { key: TableKey; rowKey: string[] }[] = [
  { key: "measures", rowKey: ["Ref"] },
  { key: "criteria", rowKey: ["Id"] },
  { key: "commitments", rowKey: ["Bidder", "Ref"] },
  { key: "answers", rowKey: ["Bidder", "Criterion"] },
  { key: "offers", rowKey: ["Bidder", "Organisation"] },
  { key: "marks", rowKey: ["Evaluator", "Bidder", "Criterion"] },
  { key: "consensus", rowKey: ["Bidder", "Criterion"] },
  { key: "scores", rowKey: ["Bidder"] },
  // Who decided the threshold verdict, scope and weighting, when and why (Procurement Act 2023 s.98).
  { key: "decisions", rowKey: ["Decision", "DecidedAt"] },
  // The panel's outcome for each implausible commitment (issue #16 point 4): a changed one is a changed record.
  { key: "clarifications", rowKey: ["Bidder", "Ref"] },
];

/** The sheets signed, in workbook order of the plan. */
export const SIGNED_SHEETS: readonly string[] = [SHEETS.setup, SHEETS.measures, SHEETS.criteria, SHEETS.commitments, SHEETS.answers, SHEETS.offers, SHEETS.marks, SHEETS.moderation, SHEETS.scores, SHEETS.decisions, SHEETS.clarifications];

const MODERATION_TABLES_ALL = Object.fromEntries(Object.keys(MODERATION_READ.tables).map((k) => [k, "all"])) as Record<keyof typeof MODERATION_READ.tables, "all">;

export const RECORD_READ: SnapshotRequest = { tables: Object.fromEntries(RECORD_TABLES.map((t) => [t.key, "all"])) as Record<TableKey, "all"> };

/** Every table read whole: what review, sign-off and Verify look at. */
export const EVERYTHING: SnapshotRequest = { tables: { ...RECORD_READ.tables, ...MODERATION_TABLES_ALL }, calculated: true };

/** The record as the workbook holds it now: settings and every record table, cell by cell. */
export function buildRecord(wb: ModerationSnapshot): EvaluationRecord {
  const settings = (Object.keys(SETTING_NAMES) as SettingKey[]).flatMap((key) => {
    const cell = wb.settings[key];
    return cell ? [{ name: SETTING_NAMES[key], sheet: cell.sheet, row: cell.row, column: cell.column, value: canonicalCell(cell.value) }] : [];
  });
  const tables: RecordTable[] = [];
  for (const { key, rowKey } of RECORD_TABLES) {
    const t = wb.tables[key];
    if (!t) continue;
    tables.push({ name: t.name, sheet: t.sheet, headers: t.headers, rows: t.rows.map((r) => r.map(canonicalCell)), firstRow: t.firstRow, firstColumn: t.firstColumn, key: rowKey });
  }
  return { format: "sv-record/1", settings, tables };
}

function at(sheet: string, row: number, col: number): { sheet: string; address: string } {
  return { sheet, address: `${columnLetter(col)}${row}` };
}

/** Everything that stops sign-off, read from one look at the workbook. */
export function signOffReview(wb: ModerationSnapshot): Decision<SignOffReview> {
  return decide(() => reviewOf(wb));
}

function reviewOf(wb: ModerationSnapshot): SignOffReview {
  const open: OpenItem[] = [];
  if (wb.record) {
    open.push({ kind: "signed", message: `The record was already signed off by ${wb.record.signedBy} on ${wb.record.signedAt}. Use Verify to check it.` });
    return { open, ready: false, alreadySigned: { signedBy: wb.record.signedBy, signedAt: wb.record.signedAt, fingerprint: wb.record.fingerprint } };
  }
  if (wb.sheets.has(SHEETS.signOff)) open.push({ kind: "signed", message: `A sheet named ${SHEETS.signOff} exists but no signed record goes with it. Rename or delete that sheet, then sign off.`, sheet: SHEETS.signOff });
  for (const name of SIGNED_SHEETS) {
    if (wb.sheets.get(name)?.protected) open.push({ kind: "protection", message: `${name} is protected. Unprotect it (Review > Unprotect Sheet) so sign-off can freeze its values; sign-off protects it again.`, sheet: name });
  }

  const a = analyse(wb);
  // The roll-up decides every qualitative score, and the panel fixed it before marking: a
  // change afterwards must be undone before the record is signed (issue #8).
  const changed = rollUpChange(wb, a.panel.rollUp);
  if (changed) {
    const cell = wb.settings.rollUp;
    open.push({ kind: "rollUp", message: rollUpChangeMessage(changed), ...(cell ? at(cell.sheet, cell.row, cell.column) : { sheet: SHEETS.setup }) });
  }
  if (a.bidders.length === 0) open.push({ kind: "moderation", message: "There are no bids to sign off: no bidder is listed on SV Scores or SV Commitments." });
  if (a.criteria.length === 0) open.push({ kind: "moderation", message: "SV Criteria lists no criteria, so nothing was marked." });
  const marks = wb.tables.marks;
  const markRowOf = new Map(marks ? markRows(marks).map((m) => [itemKey(m.evaluator, m.bidder, m.criterion), m.row]) : []);
  const consensus = wb.tables.consensus;
  const consensusCol = consensus ? consensus.firstColumn + Math.max(0, column(consensus, "Consensus")) : 1;
  const markCol = marks ? marks.firstColumn + Math.max(0, column(marks, "Mark")) : 1;

  for (const item of a.items) {
    const where = item.row !== undefined ? at(SHEETS.moderation, item.row, consensusCol) : {};
    const name = `${item.bidder}, ${item.criterion}`;
    const blocking = item.rationaleIssues.filter((i) => i.severity !== "warning");
    const row = a.rows.find((r) => item.row === r.row);
    if (item.status === "open") {
      const why =
        blocking.length > 0
          ? `the rationale cannot close it: ${blocking[0]?.message}`
          : item.rolledUp !== null && awaitsConfirmation(a.panel.rollUp, row)
            ? `the panel has not confirmed the ${a.panel.rollUp} mark ${formatNumber(item.rolledUp)} with its reason and who agreed. Averaging is not moderation (Bromcom v United Learning Trust [2022] EWHC 3262 (TCC)): discuss the item, then record the reason and who agreed from the Moderation page.`
            : item.consensus === null && a.panel.rollUp === "consensus"
              ? "no consensus mark is recorded yet."
              : "not every evaluator has given a mark on the scale yet.";
      open.push({ kind: "moderation", message: `${name}: ${why}`, ...where });
    } else if (blocking.length > 0) {
      open.push({ kind: "moderation", message: `${name}: ${blocking[0]?.message}`, ...where });
    } else if (item.consensus !== null && item.agreedBy.trim() === "") {
      // A consensus typed straight into the sheet: the record must say who agreed it.
      const agreedCol = consensus ? consensus.firstColumn + Math.max(0, column(consensus, "AgreedBy")) : 1;
      open.push({
        kind: "moderation",
        message: `${name}: the consensus mark has no record of who agreed it. Record it from the Moderation page, or type the panel members' names in AgreedBy.`,
        ...(item.row !== undefined ? at(SHEETS.moderation, item.row, agreedCol) : {}),
      });
    }
    // A mark between the scale's marks (an average of 3.67 on a whole-mark 0–5 scale) is a score
    // the tender did not promise unless its documents said marks would be averaged: Bromcom v
    // United Learning Trust [2022] EWHC 3262 (TCC).
    if (item.rolledUp !== null && !a.panel.scale.marks.includes(item.rolledUp) && !a.panel.tenderSaysAveraged) {
      const markCell = consensus && item.row !== undefined ? at(SHEETS.moderation, item.row, consensus.firstColumn + Math.max(0, column(consensus, "Mark"))) : where;
      open.push({
        kind: "moderation",
        message:
          `${name}: the ${a.panel.rollUp} mark ${formatNumber(item.rolledUp)} is not a mark on the ${a.panel.scale.label} scale (${a.panel.scale.marks.join(", ")}) the tender promised. ` +
          `Bromcom v United Learning Trust [2022] EWHC 3262 (TCC) held decimal marks the tender had not announced unlawful. ` +
          `If the tender documents said marks would be averaged, set ${SETTING_NAMES.tenderSaysAveraged} on ${SHEETS.setup} to Yes; if they did not, take advice before signing.`,
        ...markCell,
      });
    }
    for (const p of item.problems) {
      if (p.code === "consensus-without-rationale") continue; // said above
      const row = p.evaluator !== undefined ? markRowOf.get(itemKey(p.evaluator, item.bidder, item.criterion)) : p.row;
      const sheet = p.code.startsWith("consensus") || p.code === "repeated-consensus" ? SHEETS.moderation : SHEETS.marks;
      open.push({ kind: "marks", message: `${p.message.charAt(0).toUpperCase()}${p.message.slice(1)}.`, ...(row !== undefined ? at(sheet, row, sheet === SHEETS.marks ? markCol : consensusCol) : { sheet }) });
    }
  }

  // Commitments: validation errors must be resolved before the record is signed.
  const measures = wb.tables.measures;
  const commitments = wb.tables.commitments;
  if (measures && commitments) {
    const { measures: entries } = parseMeasures(measures.headers, measures.rows, measures.firstRow);
    const rows: CommitmentInputRow[] = commitments.rows.map((row, i) => ({
      row: commitments.firstRow + i,
      bidder: cellOf(commitments, row, "Bidder"),
      ref: cellOf(commitments, row, "Ref"),
      unit: cellOf(commitments, row, "Unit"),
      quantity: cellOf(commitments, row, "Quantity"),
      evidence: cellOf(commitments, row, "Evidence"),
    }));
    const cv = wb.settings.contractValue?.value;
    // An implausible commitment holds sign-off until the panel's outcome for it is recorded in full.
    const clarifications = wb.tables.clarifications;
    const read = clarifications ? readClarifications(clarificationInputRows(clarifications.headers, clarifications.rows, clarifications.firstRow)) : { decided: [], problems: [] };
    for (const p of read.problems) open.push({ kind: "validation", message: p.message, ...at(SHEETS.clarifications, p.row, (clarifications?.firstColumn ?? 1) + Math.max(0, clarifications ? column(clarifications, "Outcome") : 0)) });
    const result = validateCommitments(rows, entries, { ...(typeof cv === "number" && cv > 0 ? { contractValue: cv } : {}), clarifications: read.decided });
    for (const f of result.findings) {
      if (f.severity !== "error") continue;
      const c = column(commitments, f.column);
      open.push({ kind: "validation", message: `${f.code} row ${f.row}: ${f.message}`, ...at(SHEETS.commitments, f.row, commitments.firstColumn + Math.max(0, c)) });
    }
  }

  // Scores: an error in a score cell means a number the record would not hold.
  const scores = wb.tables.scores;
  if (scores) {
    scores.rows.forEach((row, i) => {
      row.forEach((cell, c) => {
        const error = cellError(cell);
        if (error !== undefined) open.push({ kind: "scores", message: `SV Scores row ${scores.firstRow + i}, ${scores.headers[c]}: the cell shows ${error}. Fix what it depends on before signing.`, ...at(SHEETS.scores, scores.firstRow + i, scores.firstColumn + c) });
      });
      // A bid held back by a faulty commitment row (heldBids.ts) has no score or rank to sign.
      const held = cellOf(scores, row, "Held");
      if (typeof held === "string" && held.trim() !== "") {
        const c = Math.max(0, column(scores, "Held"));
        open.push({ kind: "scores", message: `SV Scores row ${scores.firstRow + i}: ${String(cellOf(scores, row, "Bidder"))} is held back (${held.trim()}), so it has no score or rank yet. Fix that commitment row before signing.`, ...at(SHEETS.scores, scores.firstRow + i, scores.firstColumn + c) });
      }
    });
  }
  return { open, ready: open.length === 0 };
}


/** The sheets signed, in the plan's order, that this workbook has. */
export function sheetsToSign(wb: ModerationSnapshot): string[] {
  return SIGNED_SHEETS.filter((s) => wb.sheets.has(s));
}

/** The signer's name as SV Sign-off will show it; asked before anything is read. */
export function signerName(signedBy: string): Decision<string> {
  return decide(() => {
    const who = String(signedBy ?? "").trim();
    if (who === "") refuse("Say who signs the record off: their name is written on SV Sign-off.");
    return who;
  });
}

/**
 * Whether the record can be signed now, by whom: the signer's name and nothing open in the
 * final review. The record's canonical text is then what the fingerprint is taken of.
 */
export function signOffDecision(wb: ModerationSnapshot, signedBy: string): Decision<{ who: string; text: string; sheets: string[] }> {
  return decide(() => {
    const who = valueOf(signerName(signedBy));
    const review = reviewOf(wb);
    if (!review.ready) {
      const first = review.open.slice(0, 3).map((o) => o.message);
      refuse(`The record cannot be signed yet: ${review.open.length} thing${review.open.length === 1 ? " is" : "s are"} still open. ${first.join(" ")}${review.open.length > 3 ? " See the final review for the rest." : ""}`);
    }
    return { who, text: canonicalRecord(buildRecord(wb)), sheets: sheetsToSign(wb) };
  });
}
