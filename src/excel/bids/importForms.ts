/**
 * Writing returned response forms into the evaluation workbook: commitments, written answers and
 * community offers, one bidder per form, values only (text is written with Excel's text
 * prefix, so "=cmd|…" stays text). A bidder who already has rows is re-imported only when the
 * pane confirmed it (`replaceBidders`); that bidder's old rows then give way to the new ones in
 * the same write (tableSlots.ts), and no other bidder's row is written at all.
 *
 * Requests, whatever the number of forms: reading (readEvaluation: 2 for up to ~10,000
 * commitment rows), two to look at the other tables and the cells below each table, one to
 * write (split only if a write would near Excel's 5 MB request limit).
 */
import { bidderKey, blockAddress, columnFormulaRuns, consecutiveRuns, readText, runsOf, SHEETS, STATUS_HEADER, TABLES, type ColumnFormula } from "../../core";
import { keptAsText } from "../shared/cellSafety";
import { ApostropheCheck } from "../shared/apostropheCheck";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { COMMAND_BYTES, MAX_REQUEST_BYTES, RequestBudget, jsonBytes } from "../shared/requestBudget";
import { readEvaluation, type EvaluationData } from "../setup/readEvaluation";
import { type RowValues, type SlotPlan } from "./tableSlots";
import { acceptForms, attachFindings, ImportRefusedError, planImport, plural, REQUIRED_COMMITMENT_COLUMNS, type FileImportReport, type TableRows } from "./importPlan";
import type { ReadForm } from "../../forms/types";

export interface FormImportResult {
  files: FileImportReport[];
  syncs: number;
}

/** One table's shape and the part of its content the import needs. */
interface TableState extends TableRows {
  table: Excel.Table;
  sheet: Excel.Worksheet;
  /** The sheet's name, for what is noted about the cells written. */
  sheetName: string;
  /** 1-based sheet row of the first body row; 1-based first column. */
  firstRow: number;
  firstCol: number;
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
  const replace = new Set(replaceBidders.map(bidderKey));
  const { accepted, reports } = acceptForms(forms, readText(data.settings.tenderId));

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
      sheetName: SHEETS.commitments,
      headers: data.commitmentHeaders,
      firstRow: commitRange.rowIndex + 2,
      firstCol: commitRange.columnIndex + 1,
      rows: commitmentRows(data, extraColumns, extraTypes.map((r) => r.valueTypes)),
      belowEmpty: belowCheck(commitBelow),
    };
    const answerState = answers && tableState(answers);
    const offerState = offers && tableState(offers);
    const scoreState = scores && tableState(scores);

    const planned = planImport(
      { commitments, answers: answerState, offers: offerState, scores: scoreState, marks: marks?.values, consensus: consensus?.values, measureRefs: data.measures.map((m) => m.ref) },
      accepted,
      replace,
      reports
    );
    const { toImport, commitmentPlan } = planned;

    throwIfCancelled(options.signal);
    progress({ fraction: 0.6, message: `Writing ${plural(toImport.length, "bidder")}' rows…` });
    // Request 3 (more only for a very large import): the writes.
    const budget = new RequestBudget(context);
    await budget.room(COMMAND_BYTES.other);
    context.application.suspendApiCalculationUntilNextSync();
    const apostrophes = new ApostropheCheck();
    for (const { state, plan, columns, clearStatus } of planned.tables) {
      for (const command of writeCommands(state, plan, columns, clearStatus, apostrophes)) {
        await budget.room(command.bytes);
        command.queue();
      }
    }
    apostrophes.queueProbes(context);
    await budget.finish();
    localSyncs += budget.syncs;
    const keptApostrophes = await apostrophes.settle(context);
    return { commitmentPlan, commitments, toImport, keptApostrophes, syncs: localSyncs };
  });
  syncs += outcome.syncs;

  progress({ fraction: 0.9, message: "Checking the imported rows…" });
  attachFindings(data, outcome.commitments.firstRow, outcome.commitmentPlan, outcome.toImport, reports);
  if (outcome.keptApostrophes.length > 0) {
    // Import-wide: the cells are named, whichever form they came from.
    const where = outcome.keptApostrophes.slice(0, 3).join(", ") + (outcome.keptApostrophes.length > 3 ? ` and ${outcome.keptApostrophes.length - 3} more` : "");
    const note = `This Excel keeps the apostrophe that marks text as text in Text cells: ${plural(outcome.keptApostrophes.length, "cell")} of this import (${where}) show a ' before text starting with =, +, -, @ or ', which stops Excel reading it as a formula.`;
    const first = outcome.toImport[0];
    if (first !== undefined) reports.get(first)?.notes.push(note);
  }
  progress({ fraction: 1, message: "Done." });
  return { files: forms.map((f) => reports.get(f) as FileImportReport), syncs };
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
  sheet: Excel.Worksheet;
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
    sheet: table.worksheet.load("name"),
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
    sheetName: read.sheet.name,
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
const MAX_COMMAND_BYTES = MAX_REQUEST_BYTES / 4;

interface Command {
  bytes: number;
  queue: () => void;
}

/** The commands that carry out one table's plan: grow it, write the rows, empty the rows given up. */
function writeCommands(state: TableState, plan: SlotPlan, columns: readonly string[], clearStatus: boolean, apostrophes: ApostropheCheck): Command[] {
  const commands: Command[] = [];
  const present = columns.filter((c) => state.headers.includes(c));
  const indexOf = (h: string): number => state.headers.indexOf(h);
  const groups = consecutiveRuns(present.map(indexOf), (c) => c);
  const formulaGroups = columnFormulaRuns(state.name, state.headers);
  const bodyRows = state.rows.length;
  if (plan.appended > 0) {
    const address = blockAddress(state.firstRow - 1, state.firstCol, 1 + bodyRows + plan.appended, Math.max(state.headers.length, 1));
    commands.push({ bytes: COMMAND_BYTES.other, queue: () => state.table.resize(state.sheet.getRange(address)) });
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
        const blockStart = start;
        const address = blockAddress(state.firstRow + start, state.firstCol + (group[0] as number), block.length, group.length);
        commands.push({
          bytes: COMMAND_BYTES.write + size + (clearStatus ? COMMAND_BYTES.fill : 0),
          queue: () => {
            const range = state.sheet.getRange(address);
            range.values = block;
            apostrophes.note(state.sheetName, state.firstRow + blockStart, state.firstCol + (group[0] as number), block);
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
        const bytes = jsonBytes(line) + 1;
        if (values.length > 0 && size + bytes > MAX_COMMAND_BYTES) flush();
        values.push(line);
        size += bytes;
      }
      flush();
    }
    // Every row written carries its table's calculated columns: Excel fills them into new rows
    // only while the user's "fill formulas in tables" option is on, and a re-used row may have
    // lost one (typed over, cleared).
    for (const group of formulaGroups) {
      const line = group.map((c) => c.formula);
      const rowBytes = jsonBytes(line) + 1;
      const perCommand = Math.max(1, Math.floor(MAX_COMMAND_BYTES / rowBytes));
      for (let start = first; start <= last; start += perCommand) {
        const n = Math.min(perCommand, last - start + 1);
        const address = blockAddress(state.firstRow + start, state.firstCol + (group[0] as ColumnFormula).index, n, group.length);
        commands.push({ bytes: COMMAND_BYTES.write + n * rowBytes, queue: () => void (state.sheet.getRange(address).formulas = Array.from({ length: n }, () => line)) });
      }
    }
    if (status >= 0 && first < bodyRows) {
      const end = Math.min(last, bodyRows - 1);
      const address = blockAddress(state.firstRow + first, state.firstCol + status, end - first + 1, 1);
      commands.push({ bytes: COMMAND_BYTES.write + (end - first + 1) * 3, queue: () => void (state.sheet.getRange(address).values = Array.from({ length: end - first + 1 }, () => [""])) });
    }
  }
  return commands;
}
