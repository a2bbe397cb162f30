/**
 * The decision record in the workbook (Procurement Act 2023 s.98; core decisionRecord.ts decides
 * what it holds):
 *
 * - recordDecision appends who decided the threshold verdict, the scope or the weighting, when and
 *   why to SV_Decisions, adding the sheet SV Decisions with its first entry. The log is one of the
 *   signed sheets, so the fingerprint covers it and Verify reports an entry changed afterwards.
 * - exportDecisionRecord writes every material decision to SV Decision Record, a plain sheet to
 *   print or save (File > Save a Copy, or as CSV), and returns the same record as CSV text.
 *
 * Cost: the moderation snapshot's requests, then one request to check the target and one to write
 * (more for a record too long for one request: each stays under Excel's 5 MB limit).
 */
import { decisionLogRow, decisionRecord, decisionRecordCsv, decisionRecordRows, DECISION_COLUMNS, DECISION_RECORD_HEADER, EVERYTHING, SHEETS, TABLES, type DecisionEntry, type DecisionLogInput, type SnapshotRequest } from "../../core";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { orRefuse } from "../shared/refusal";
import { keptAsText } from "../shared/cellSafety";
import { readModerationSnapshot } from "../moderation/readSnapshot";
import { BUILT_MARKER } from "./readReportData";
import { assertOurs, builtNote, ReportRefusedError, rowDrafts, SheetDraft } from "./reportSheet";
import { COMMAND_BYTES, RequestBudget } from "../shared/requestBudget";

/** The record's sheet while it is built (at most 31 characters, as Excel allows). */
const BUILDING = `${SHEETS.decisionRecord} (building)`;

/** Everything the record draws on: the signed record's tables, moderation's, and the clarifications. */
const DECISION_READ: SnapshotRequest = { tables: { ...EVERYTHING.tables, decisions: "all", clarifications: "all" }, calculated: true };

/** Where the log's header sits on SV Decisions (title in A1, note in A2, as on the other sheets). */
const LOG_HEADER_ROW = 3;

export interface DecisionRecorded {
  sheet: string;
  /** The row written, by column of SV_Decisions. */
  row: string[];
}

export async function recordDecision(run: ExcelRun, input: DecisionLogInput, options: OperationOptions = {}, now: () => Date = () => new Date()): Promise<DecisionRecorded> {
  const wb = await readModerationSnapshot(run, DECISION_READ, options);
  const row = orRefuse(decisionLogRow(wb, input, now().toISOString()), ReportRefusedError);
  throwIfCancelled(options.signal);
  await run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(TABLES.decisions);
    const sheet = context.workbook.worksheets.getItemOrNullObject(SHEETS.decisions);
    await context.sync();
    // Text stays text: a reason starting "=" or a date-like time is not read as a formula or a date.
    const values = [row.map((v) => String(keptAsText(v)))];
    if (!table.isNullObject) {
      table.rows.add(undefined, values);
    } else {
      if (!sheet.isNullObject) {
        throw new ReportRefusedError(`This workbook has a sheet called "${SHEETS.decisions}" without the add-in's decision log in it, so nothing was recorded. Rename that sheet, then record the decision again.`);
      }
      const added = context.workbook.worksheets.add(SHEETS.decisions);
      added.getRange("A1:A2").values = [["Decisions: who decided, when and why (Procurement Act 2023 s.98)"], ["Added to by the Social Value pane (Report > Decision record). Keep this record until 3 years after the contract is entered into."]];
      added.getRange("A1").format.font.bold = true;
      const created = added.tables.add(`A${LOG_HEADER_ROW}:E${LOG_HEADER_ROW + 1}`, true);
      created.name = TABLES.decisions;
      added.getRange(`A${LOG_HEADER_ROW}:E${LOG_HEADER_ROW + 1}`).values = [[...DECISION_COLUMNS], ...values];
      [110, 320, 140, 160, 360].forEach((w, i) => (added.getRange(`${"ABCDE"[i]}:${"ABCDE"[i]}`).format.columnWidth = w));
    }
    await context.sync();
  });
  return { sheet: SHEETS.decisions, row };
}

export interface DecisionRecordExport {
  sheet: string;
  entries: DecisionEntry[];
  /** Entries whose who, when or why the workbook does not hold. */
  incomplete: number;
  /** The same record as CSV text, to save beside the tender file. */
  csv: string;
}

export async function exportDecisionRecord(run: ExcelRun, options: OperationOptions = {}, now: Date = new Date()): Promise<DecisionRecordExport> {
  const wb = await readModerationSnapshot(run, DECISION_READ, options);
  const entries = decisionRecord(wb);
  const draft = new SheetDraft();
  draft.put(1, 1, [["Decision record: social value evaluation (Procurement Act 2023 s.98)"]], { bold: true });
  draft.put(2, 1, [[builtNote(now)]], { italic: true });
  draft.put(3, 1, [["Keep until 3 years after the contract is entered into (s.98); for a procurement begun before 24 February 2025, as PCR 2015 reg 84 requires."]], { italic: true });
  draft.put(5, 1, [[...DECISION_RECORD_HEADER]], { bold: true, fill: "#E7E6E6" });
  [180, 260, 120, 150, 360, 150, 260].forEach((w, i) => draft.width(i + 1, w));
  // Thousands of entries with long reasons pass Excel's 5 MB request limit: the rows go in parts.
  const parts = rowDrafts(6, 1, decisionRecordRows(entries), { wrap: true });
  throwIfCancelled(options.signal);
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(SHEETS.decisionRecord);
    const leftOver = sheets.getItemOrNullObject(BUILDING);
    await context.sync();
    const a2 = existing.isNullObject ? undefined : existing.getRange("A2").load("values");
    const leftA2 = leftOver.isNullObject ? undefined : leftOver.getRange("A2").load("values");
    if (a2 || leftA2) await context.sync();
    assertOurs({ exists: a2 !== undefined, ours: String(a2?.values[0]?.[0] ?? "").startsWith(BUILT_MARKER) }, SHEETS.decisionRecord);
    assertOurs({ exists: leftA2 !== undefined, ours: String(leftA2?.values[0]?.[0] ?? "").startsWith(BUILT_MARKER) }, BUILDING);
    // No cancel signal: a write stopped halfway would leave half a record. The new record is
    // built under another name and takes the record's name only once whole, so a write that
    // fails part way leaves the previous record as it was (the half-built sheet is replaced
    // on the next export).
    const budget = new RequestBudget(context);
    await budget.room(COMMAND_BYTES.other * 30);
    if (!leftOver.isNullObject) leftOver.delete();
    const sheet = sheets.add(BUILDING);
    draft.apply(sheet);
    for (const part of parts) {
      await budget.room(part.bytes);
      part.draft.apply(sheet);
    }
    await budget.room(COMMAND_BYTES.other * 3);
    if (!existing.isNullObject) existing.delete();
    sheet.name = SHEETS.decisionRecord;
    sheet.activate();
    await budget.finish();
  });
  return { sheet: SHEETS.decisionRecord, entries, incomplete: entries.filter((e) => e.missing !== undefined).length, csv: decisionRecordCsv(entries) };
}
