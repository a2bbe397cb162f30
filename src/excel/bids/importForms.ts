/**
 * Returned response forms into the evaluation workbook: commitments, written answers and
 * community offers, one bidder per form, values only (text is written with Excel's text
 * prefix, so "=cmd|…" stays text). A bidder who already has rows is re-imported only when the
 * pane confirmed it (`replaceBidders`); that bidder's old rows then give way to the new ones in
 * the same write (tableSlots.ts), and no other bidder's row is written at all.
 *
 * Requests, whatever the number of forms: reading (readEvaluation: 2 for up to ~10,000
 * commitment rows), two to look at the other tables and the cells below each table, one to
 * write (split only if a write would near Excel's 5 MB request limit).
 */
import { RefusalError } from "../shared/refusal";
import { blockAddress } from "../shared/addresses";
import { keptAsText, MAX_REQUEST_BYTES } from "../shared/cellSafety";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { ANSWER_COLUMNS, OFFER_COLUMNS, SHEETS, TABLES } from "../shared/layout";
import { readEvaluation, WorkbookNotSetUpError, type EvaluationData } from "../setup/readEvaluation";
import { adjacentGroups, planSlots, runsOf, type RowValues, type SlotPlan } from "./tableSlots";
import { STATUS_HEADER } from "../validate/validateWorkbook";
import { bidderKey, readText, validateCommitments, type CommitmentInputRow, type Finding, type FindingCounts } from "../../core";
import type { ReadForm } from "../../forms/types";

export interface RowCounts {
  commitments: number;
  answers: number;
  offers: number;
}

export interface BidderImportPreview {
  /** As the (first) form spells it. */
  bidder: string;
  fileNames: string[];
  /** The bidder's rows already in the workbook. */
  inWorkbook: RowCounts;
  /** The rows the form brings. */
  inForm: RowCounts;
  /** The bidder already has rows: importing replaces them, and needs the user's confirmation. */
  reimport: boolean;
}

export interface FormImportPreview {
  bidders: BidderImportPreview[];
  /** Bidders named by more than one chosen file: none of those files is imported. */
  duplicates: { bidder: string; fileNames: string[] }[];
}

export interface FileImportReport {
  fileName: string;
  bidder: string;
  status: "imported" | "refused";
  /** Why the file was refused, or what was left out (e.g. a table missing). */
  message?: string;
  /** Rows written. */
  rows: RowCounts;
  /** Rows of an earlier import that were replaced. */
  replaced: RowCounts;
  /** What the form reader made safe. */
  notes: string[];
  /** The validator's findings on this bidder's commitment rows as they now are in the workbook. */
  findings: Finding[];
  counts: FindingCounts;
}

export interface FormImportResult {
  files: FileImportReport[];
  syncs: number;
}

/** Thrown for a workbook that cannot take the import; the pane shows the message as it is. */
export class ImportRefusedError extends RefusalError {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefusedError";
  }
}

const COMMITMENT_WRITE_COLUMNS = ["Bidder", "Ref", "Unit", "Quantity", "Evidence", "Baseline", "Actions"] as const;
const REQUIRED_COMMITMENT_COLUMNS = ["Bidder", "Ref", "Unit", "Quantity"] as const;
const ZERO: RowCounts = { commitments: 0, answers: 0, offers: 0 };

function inFormCounts(form: ReadForm): RowCounts {
  return { commitments: form.commitments.length, answers: form.answers.length, offers: form.offers.length };
}

/** Forms grouped by bidder; the bidder name as first spelled. */
function groupByBidder(forms: readonly ReadForm[]): Map<string, ReadForm[]> {
  const groups = new Map<string, ReadForm[]>();
  for (const form of forms) {
    const key = bidderKey(form.bidder ?? "");
    groups.set(key, [...(groups.get(key) ?? []), form]);
  }
  return groups;
}

function countByBidder(values: readonly unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) {
    const name = readText(v);
    if (name !== undefined) counts.set(bidderKey(name), (counts.get(bidderKey(name)) ?? 0) + 1);
  }
  return counts;
}

/** What importing these forms would do, per bidder; nothing is written. Two requests. */
export async function previewFormImport(run: ExcelRun, forms: readonly ReadForm[]): Promise<FormImportPreview> {
  const counts = await run(async (context) => {
    const tables = [TABLES.commitments, TABLES.answers, TABLES.offers].map((name) => context.workbook.tables.getItemOrNullObject(name));
    await context.sync();
    if (tables[0]?.isNullObject) throw new WorkbookNotSetUpError([TABLES.commitments]);
    const columns = tables.map((t) => (t.isNullObject ? undefined : t.columns.getItem("Bidder").getDataBodyRange().load("values")));
    await context.sync();
    return columns.map((c) => countByBidder((c?.values ?? []).map((r) => r[0])));
  });
  const [commitments, answers, offers] = counts as [Map<string, number>, Map<string, number>, Map<string, number>];
  const bidders: BidderImportPreview[] = [];
  const duplicates: FormImportPreview["duplicates"] = [];
  for (const [key, group] of groupByBidder(forms)) {
    const first = group[0] as ReadForm;
    const inWorkbook = { commitments: commitments.get(key) ?? 0, answers: answers.get(key) ?? 0, offers: offers.get(key) ?? 0 };
    if (key === "") continue;
    if (group.length > 1) duplicates.push({ bidder: first.bidder, fileNames: group.map((f) => f.fileName) });
    bidders.push({
      bidder: first.bidder.trim(),
      fileNames: group.map((f) => f.fileName),
      inWorkbook,
      inForm: inFormCounts(first),
      reimport: inWorkbook.commitments + inWorkbook.answers + inWorkbook.offers > 0,
    });
  }
  return { bidders, duplicates };
}

/** One table's shape and the part of its content the import needs. */
interface TableState {
  name: string;
  table: Excel.Table;
  sheet: Excel.Worksheet;
  headers: string[];
  /** 1-based sheet row of the first body row; 1-based first column. */
  firstRow: number;
  firstCol: number;
  /** Per body row, the columns the import writes ("" for an empty cell, else its value or a marker). */
  rows: RowValues[];
  /** Whether the rows below the table are empty, for as many rows as the import could append. */
  belowEmpty: (rows: number) => boolean;
}

function refuse(fileName: string, bidder: string, notes: string[], message: string): FileImportReport {
  return { fileName, bidder, status: "refused", message, rows: { ...ZERO }, replaced: { ...ZERO }, notes, findings: [], counts: { error: 0, warning: 0, info: 0 } };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function describeCounts(c: RowCounts): string {
  const parts = [
    c.commitments ? plural(c.commitments, "commitment") : "",
    c.answers ? plural(c.answers, "answer") : "",
    c.offers ? plural(c.offers, "community offer") : "",
  ].filter((p) => p !== "");
  return parts.join(", ");
}

/** A cell value as the import writes it: every text kept as text (see keptAsText). */
const cell = keptAsText;

export async function importForms(run: ExcelRun, forms: readonly ReadForm[], replaceBidders: readonly string[], options: OperationOptions = {}): Promise<FormImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  throwIfCancelled(options.signal);
  const data = await readEvaluation(run, { ...options, onProgress: (p) => progress({ fraction: p.fraction * 0.3, message: p.message }) });
  let syncs = data.syncs;
  const missing = REQUIRED_COMMITMENT_COLUMNS.filter((c) => !data.commitmentHeaders.includes(c));
  if (missing.length > 0) {
    throw new ImportRefusedError(`SV_Commitments has no ${missing.join(", ")} column (renamed or deleted?), so nothing was imported. Restore the column's header and try again.`);
  }

  // Which files may go in: one per bidder, for this tender, not overwriting without consent.
  const workbookTender = readText(data.settings.tenderId);
  const replace = new Set(replaceBidders.map(bidderKey));
  const reports = new Map<ReadForm, FileImportReport>();
  const accepted: ReadForm[] = [];
  const groups = groupByBidder(forms);
  for (const [key, group] of groups) {
    for (const form of group) {
      if (key === "") reports.set(form, refuse(form.fileName, "", form.notes, "The form does not give the bidder's name, so its rows could not be told apart from other bidders'. Ask the bidder to fill in their name, or type it into the form, and import it again."));
      else if (group.length > 1)
        reports.set(form, refuse(form.fileName, form.bidder, form.notes, `${group.length} of the chosen files are for ${form.bidder} (${group.map((f) => f.fileName).join(", ")}). None of them was imported: choose the right one and import it again.`));
      else if (workbookTender !== undefined && form.tenderId !== workbookTender)
        reports.set(
          form,
          refuse(form.fileName, form.bidder, form.notes, `This form was made for another tender (its form reference is ${form.tenderId}; this evaluation's is ${workbookTender}), so it was not imported. Check the bidder returned the form sent for this contract.`)
        );
      else accepted.push(form);
    }
  }

  throwIfCancelled(options.signal);
  progress({ fraction: 0.35, message: "Looking at the tables…" });
  const outcome = await run(async (context) => {
    let localSyncs = 0;
    // Request 1: the commitments table's place, its Baseline and Actions cells, which other tables exist.
    const commitmentsTable = context.workbook.tables.getItem(TABLES.commitments);
    const commitRange = commitmentsTable.getRange().load("rowIndex, columnIndex, rowCount");
    const extraColumns = (["Baseline", "Actions"] as const).filter((c) => data.commitmentHeaders.includes(c));
    const extraTypes = extraColumns.map((c) => commitmentsTable.columns.getItem(c).getDataBodyRange().load("valueTypes"));
    const maxCommitments = accepted.reduce((n, f) => n + f.commitments.length, 0);
    const commitBelow = belowRange(commitmentsTable, maxCommitments);
    const others = {
      answers: context.workbook.tables.getItemOrNullObject(TABLES.answers),
      offers: context.workbook.tables.getItemOrNullObject(TABLES.offers),
      scores: context.workbook.tables.getItemOrNullObject(TABLES.scores),
      marks: context.workbook.tables.getItemOrNullObject(TABLES.marks),
      consensus: context.workbook.tables.getItemOrNullObject(TABLES.consensus),
    };
    await context.sync();
    localSyncs++;
    if (commitRange.rowCount - 1 !== data.commitments.length) {
      throw new ImportRefusedError("SV Commitments changed while the add-in was reading it (someone else is editing?). Nothing was imported: try again.");
    }

    // Request 2: the other tables' bidders and empty cells, and the cells below them.
    const maxAnswers = accepted.reduce((n, f) => n + f.answers.length, 0);
    const maxOffers = accepted.reduce((n, f) => n + f.offers.length, 0);
    const answers = others.answers.isNullObject ? undefined : queueTableRead(TABLES.answers, others.answers, maxAnswers);
    const offers = others.offers.isNullObject ? undefined : queueTableRead(TABLES.offers, others.offers, maxOffers);
    const scores = others.scores.isNullObject ? undefined : queueTableRead(TABLES.scores, others.scores, accepted.length, true);
    // Marks and agreed scores are small tables (evaluators × bidders × criteria): read whole.
    const marks = others.marks.isNullObject ? undefined : others.marks.getRange().load("values");
    const consensus = others.consensus.isNullObject ? undefined : others.consensus.getRange().load("values");
    await context.sync();
    localSyncs++;

    const commitments: TableState = {
      name: TABLES.commitments,
      table: commitmentsTable,
      sheet: context.workbook.worksheets.getItem(SHEETS.commitments),
      headers: data.commitmentHeaders,
      firstRow: commitRange.rowIndex + 2,
      firstCol: commitRange.columnIndex + 1,
      rows: commitmentRows(data, extraColumns, extraTypes.map((r) => r.valueTypes)),
      belowEmpty: belowCheck(commitBelow),
    };
    const answerState = answers && tableState(answers);
    const offerState = offers && tableState(offers);
    const scoreState = scores && tableState(scores);

    // Who has rows already: refused unless the pane confirmed replacing them.
    const existing = {
      commitments: countByBidder(commitments.rows.map((r) => r.Bidder)),
      answers: countByBidder((answerState?.rows ?? []).map((r) => r.Bidder)),
      offers: countByBidder((offerState?.rows ?? []).map((r) => r.Bidder)),
    };
    const toImport: ReadForm[] = [];
    for (const form of accepted) {
      const key = bidderKey(form.bidder);
      const had = { commitments: existing.commitments.get(key) ?? 0, answers: existing.answers.get(key) ?? 0, offers: existing.offers.get(key) ?? 0 };
      if (had.commitments + had.answers + had.offers > 0 && !replace.has(key)) {
        reports.set(
          form,
          refuse(form.fileName, form.bidder, form.notes, `${form.bidder} already has ${describeCounts(had)} in the workbook. Nothing was changed for this bidder: import the file again and confirm replacing their rows.`)
        );
      } else {
        toImport.push(form);
        reports.set(form, {
          fileName: form.fileName,
          bidder: form.bidder.trim(),
          status: "imported",
          rows: inFormCounts(form),
          replaced: had,
          notes: form.notes,
          findings: [],
          counts: { error: 0, warning: 0, info: 0 },
        });
      }
    }
    const replacing = new Set(toImport.map((f) => bidderKey(f.bidder)));

    // Where every row goes, per table.
    const commitmentPlan = planSlots(
      commitments.rows,
      replacing,
      toImport.flatMap((f) =>
        f.commitments.map((c) => ({ Bidder: f.bidder.trim(), Ref: c.ref, Unit: c.unit, Quantity: c.quantity, Evidence: c.verification, Baseline: c.baseline, Actions: c.actions }))
      ),
      COMMITMENT_WRITE_COLUMNS.filter((c) => commitments.headers.includes(c))
    );
    const answerRows = toImport.flatMap((f) => f.answers.map((a) => ({ Bidder: f.bidder.trim(), Criterion: a.criterion, Answer: a.answer })));
    const offerRows = toImport.flatMap((f) =>
      f.offers.map((o) => ({ Bidder: f.bidder.trim(), Recipient: o.recipient, Organisation: o.organisation, Offer: o.offer, Hours: o.hours, Value: o.value }))
    );
    const answerPlan = answerState && planSlots(answerState.rows, replacing, answerRows, ANSWER_COLUMNS.filter((c) => answerState.headers.includes(c)));
    const offerPlan = offerState && planSlots(offerState.rows, replacing, offerRows, OFFER_COLUMNS.filter((c) => offerState.headers.includes(c)));
    const scoredBidders = new Set((scoreState?.rows ?? []).flatMap((r) => (readText(r.Bidder) === undefined ? [] : [bidderKey(String(r.Bidder))])));
    const newBidders = toImport.map((f) => f.bidder.trim()).filter((b) => !scoredBidders.has(bidderKey(b)));
    // A Scores row is free only when every cell typed into it is blank, not only its Bidder
    // (see planSlots): its formula cells are read as blank (tableState).
    const scorePlan = scoreState && planSlots(scoreState.rows, new Set(), newBidders.map((b) => ({ Bidder: b })), scoreState.headers);

    // Say what could not go in, rather than dropping it silently.
    for (const form of toImport) {
      const report = reports.get(form) as FileImportReport;
      const left: string[] = [];
      if (!answerState && form.answers.length > 0) {
        left.push(`its ${plural(form.answers.length, "written answer")} (this workbook has no ${TABLES.answers} table)`);
        report.rows.answers = 0;
      }
      if (!offerState && form.offers.length > 0) {
        left.push(`its ${plural(form.offers.length, "community offer")} (this workbook has no ${TABLES.offers} table)`);
        report.rows.offers = 0;
      }
      const lost = (["Baseline", "Actions"] as const).filter(
        (c) => !commitments.headers.includes(c) && form.commitments.some((r) => readText(c === "Baseline" ? r.baseline : r.actions) !== undefined)
      );
      if (lost.length) left.push(`the ${lost.join(" and ")} entries (SV_Commitments has no such column)`);
      const said: string[] = [];
      if (left.length) {
        said.push(`Not imported: ${left.join("; ")}. The workbook was set up by an earlier version of the add-in; the form still holds them.`);
      }
      // Marks given on the answers just replaced would otherwise stand unnoticed beside the new ones.
      if (report.replaced.answers > 0) {
        const key = bidderKey(form.bidder);
        const given = countGiven(marks?.values, "Mark", key);
        const agreed = countGiven(consensus?.values, "Consensus", key);
        if (given + agreed > 0) {
          const parts = [given ? `${plural(given, "mark")} on ${SHEETS.marks}` : "", agreed ? `${plural(agreed, "agreed score")} on ${SHEETS.moderation}` : ""].filter((p) => p);
          said.push(`${form.bidder.trim()}'s written answers were replaced, but ${parts.join(" and ")} ${given + agreed === 1 ? "was" : "were"} given on the earlier answers. They were kept: check them with the panel.`);
        }
      }
      if (said.length) report.message = said.join(" ");
    }

    const plans: { state: TableState; plan: SlotPlan; columns: readonly string[]; clearStatus: boolean }[] = [
      { state: commitments, plan: commitmentPlan, columns: COMMITMENT_WRITE_COLUMNS, clearStatus: true },
      ...(answerState && answerPlan ? [{ state: answerState, plan: answerPlan, columns: ANSWER_COLUMNS, clearStatus: false }] : []),
      ...(offerState && offerPlan ? [{ state: offerState, plan: offerPlan, columns: OFFER_COLUMNS, clearStatus: false }] : []),
      ...(scoreState && scorePlan ? [{ state: scoreState, plan: scorePlan, columns: ["Bidder"], clearStatus: false }] : []),
    ];
    for (const { state, plan } of plans) {
      if (plan.appended > 0 && !state.belowEmpty(plan.appended)) {
        throw new ImportRefusedError(
          `${state.name} needs ${plural(plan.appended, "more row")}, but the cells below the table on ${sheetOf(state.name)} are not empty. Move what is there and import again; nothing was changed.`
        );
      }
    }

    throwIfCancelled(options.signal);
    progress({ fraction: 0.6, message: `Writing ${plural(toImport.length, "bidder")}' rows…` });
    // Request 3 (more only for a very large import): the writes.
    context.application.suspendApiCalculationUntilNextSync();
    let bytes = 0;
    for (const { state, plan, columns, clearStatus } of plans) {
      for (const command of writeCommands(state, plan, columns, clearStatus)) {
        if (bytes > 0 && bytes + command.bytes > MAX_REQUEST_BYTES) {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per part keeps each under Excel's 5 MB payload limit
          await context.sync();
          localSyncs++;
          bytes = 0;
        }
        command.queue();
        bytes += command.bytes;
      }
    }
    await context.sync();
    localSyncs++;
    return { commitmentPlan, commitments, toImport, syncs: localSyncs };
  });
  syncs += outcome.syncs;

  progress({ fraction: 0.9, message: "Checking the imported rows…" });
  attachFindings(data, outcome.commitments.firstRow, outcome.commitmentPlan, outcome.toImport, reports);
  progress({ fraction: 1, message: "Done." });
  return { files: forms.map((f) => reports.get(f) as FileImportReport), syncs };
}

/** Rows of a table (header first) for this bidder whose `column` is not blank. */
function countGiven(values: unknown[][] | undefined, column: string, key: string): number {
  const [header = [], ...body] = values ?? [];
  const bidder = header.findIndex((h) => String(h).trim() === "Bidder");
  const given = header.findIndex((h) => String(h).trim() === column);
  if (bidder < 0 || given < 0) return 0;
  return body.filter((r) => bidderKey(readText(r[bidder]) ?? "") === key && readText(r[given]) !== undefined).length;
}

function sheetOf(table: string): string {
  const sheets: Record<string, string> = { [TABLES.commitments]: SHEETS.commitments, [TABLES.answers]: SHEETS.answers, [TABLES.offers]: SHEETS.offers, [TABLES.scores]: SHEETS.scores };
  return sheets[table] ?? "its sheet";
}

/** The `rows` cells just below a table (nothing queued for none). */
function belowRange(table: Excel.Table, rows: number): Excel.Range | undefined {
  if (rows <= 0) return undefined;
  return table.getRange().getLastRow().getOffsetRange(1, 0).getResizedRange(rows - 1, 0).load("values");
}

function belowCheck(range: Excel.Range | undefined): (rows: number) => boolean {
  return (rows) => range === undefined || range.values.slice(0, rows).every((r) => r.every((c) => c === "" || c === null));
}

interface QueuedRead {
  name: string;
  table: Excel.Table;
  header: Excel.Range;
  range: Excel.Range;
  bidders: Excel.Range;
  below: Excel.Range | undefined;
  /** The body's formulas, where formula cells must read as blank (SV Scores: a row of one per bidder). */
  formulas: Excel.Range | undefined;
}

function queueTableRead(name: string, table: Excel.Table, maxNewRows: number, formulasBlank = false): QueuedRead {
  return {
    name,
    table,
    header: table.getHeaderRowRange().load("values"),
    // valueTypes, not values: long written answers would make the response large, and an
    // empty cell is all the import needs to know about a cell it does not read.
    range: table.getDataBodyRange().load("rowIndex, columnIndex, valueTypes"),
    bidders: table.columns.getItem("Bidder").getDataBodyRange().load("values"),
    below: belowRange(table, maxNewRows),
    formulas: formulasBlank ? table.getDataBodyRange().load("formulas") : undefined,
  };
}

function tableState(read: QueuedRead): TableState {
  const headers = (read.header.values[0] ?? []).map(String);
  const bidders = read.bidders.values.map((r) => r[0]);
  return {
    name: read.name,
    table: read.table,
    sheet: read.table.worksheet,
    headers,
    firstRow: read.range.rowIndex + 1,
    firstCol: read.range.columnIndex + 1,
    rows: read.range.valueTypes.map((types, i) => {
      const row: Record<string, unknown> = {};
      const formulas = read.formulas?.formulas[i];
      const calculated = (j: number): boolean => typeof formulas?.[j] === "string" && (formulas[j] as string).startsWith("=");
      headers.forEach((h, j) => (row[h] = types[j] === "Empty" || calculated(j) ? "" : "\u2022"));
      row.Bidder = bidders[i];
      return row;
    }),
    belowEmpty: belowCheck(read.below),
  };
}

function commitmentRows(data: EvaluationData, extra: readonly string[], types: unknown[][][]): RowValues[] {
  return data.commitments.map((c, i) => {
    const row: Record<string, unknown> = { Bidder: c.bidder, Ref: c.ref, Unit: c.unit, Quantity: c.quantity, Evidence: c.evidence ?? "" };
    extra.forEach((h, j) => (row[h] = types[j]?.[i]?.[0] === "Empty" ? "" : "•"));
    return row;
  });
}

/** Largest write in one command; a request gathers commands up to MAX_REQUEST_BYTES. */
const COMMAND_BYTES = MAX_REQUEST_BYTES / 4;
const encoder = new TextEncoder();

/**
 * Bytes of a value as JSON in UTF-8, as it travels to Excel. `jsonBytes` counts characters,
 * which undercounts text such as "€" or "—" (three bytes each) that long answers hold.
 */
function utf8Bytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

interface Command {
  bytes: number;
  queue: () => void;
}

/** The commands that carry out one table's plan: grow it, write the rows, empty the rows given up. */
function writeCommands(state: TableState, plan: SlotPlan, columns: readonly string[], clearStatus: boolean): Command[] {
  const commands: Command[] = [];
  const present = columns.filter((c) => state.headers.includes(c));
  const indexOf = (h: string): number => state.headers.indexOf(h);
  const groups = adjacentGroups(present.map(indexOf));
  const bodyRows = state.rows.length;
  if (plan.appended > 0) {
    const address = blockAddress(state.firstRow - 1, state.firstCol, 1 + bodyRows + plan.appended, Math.max(state.headers.length, 1));
    commands.push({ bytes: 64, queue: () => state.table.resize(state.sheet.getRange(address)) });
  }
  const byIndex = new Map(plan.writes.map((w) => [w.index, w.values]));
  const status = clearStatus ? state.headers.indexOf(STATUS_HEADER) : -1;
  const touched = [...plan.writes.map((w) => w.index), ...plan.clears];
  for (const [first, last] of runsOf(touched)) {
    for (const group of groups) {
      // A run of rows is split where its text would make one command too large: 20 forms of
      // long answers can hold tens of MB, and each request must stay under Excel's 5 MB.
      let start = first;
      let values: unknown[][] = [];
      let size = 0;
      const flush = (): void => {
        if (values.length === 0) return;
        const block = values;
        const address = blockAddress(state.firstRow + start, state.firstCol + (group[0] as number), block.length, group.length);
        commands.push({
          bytes: size + 64 + (clearStatus ? 64 : 0),
          queue: () => {
            const range = state.sheet.getRange(address);
            range.values = block;
            // A re-used row loses the validation marks of what was there before.
            if (clearStatus) range.format.fill.clear();
          },
        });
        start += block.length;
        values = [];
        size = 0;
      };
      for (let i = first; i <= last; i++) {
        const row = byIndex.get(i);
        const line = group.map((c) => (row ? cell(row[state.headers[c] as string]) : ""));
        const bytes = utf8Bytes(line) + 1;
        if (values.length > 0 && size + bytes > COMMAND_BYTES) flush();
        values.push(line);
        size += bytes;
      }
      flush();
    }
    if (status >= 0 && first < bodyRows) {
      const end = Math.min(last, bodyRows - 1);
      const address = blockAddress(state.firstRow + first, state.firstCol + status, end - first + 1, 1);
      commands.push({ bytes: 64 + (end - first + 1) * 3, queue: () => void (state.sheet.getRange(address).values = Array.from({ length: end - first + 1 }, () => [""])) });
    }
  }
  return commands;
}

/** The validator's findings on each imported bidder's rows, as the commitments table now stands. */
function attachFindings(data: EvaluationData, firstRow: number, plan: SlotPlan, imported: readonly ReadForm[], reports: Map<ReadForm, FileImportReport>): void {
  if (imported.length === 0) return;
  const rows: CommitmentInputRow[] = data.commitments.map((c) => ({ ...c }));
  const writtenBy = new Map<number, string>();
  for (const index of plan.clears) rows[index] = { row: firstRow + index, bidder: "", ref: "", unit: "", quantity: "", evidence: "" };
  for (const { index, values } of plan.writes) {
    writtenBy.set(firstRow + index, bidderKey(String(values.Bidder ?? "")));
    rows[index] = { row: firstRow + index, bidder: values.Bidder, ref: values.Ref, unit: values.Unit, quantity: values.Quantity ?? "", evidence: values.Evidence ?? "" };
  }
  const contractValue = typeof data.settings.contractValue === "number" && data.settings.contractValue > 0 ? data.settings.contractValue : undefined;
  const result = validateCommitments(rows, data.measures, contractValue ? { contractValue } : {});
  for (const form of imported) {
    const key = bidderKey(form.bidder);
    const report = reports.get(form);
    if (!report) continue;
    report.findings = result.findings.filter((f) => writtenBy.get(f.row) === key);
    report.counts = { error: 0, warning: 0, info: 0 };
    for (const f of report.findings) report.counts[f.severity]++;
  }
}
