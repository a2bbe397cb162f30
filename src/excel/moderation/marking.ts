/**
 * Marking: each evaluator's independent marks, one row of SV_Marks per evaluator × bidder ×
 * criterion, so no two evaluators ever share a cell and co-authors cannot overwrite each
 * other (issue #8). The add-in writes only the rows of the evaluator who saves, and in them
 * only Mark, Comment and Updated.
 *
 * Blind marking hides the SV Marks sheet until moderation opens. Hiding a sheet is discretion,
 * not security: anyone can unhide it (Home > Format > Hide & Unhide), and the marks are in the
 * file. It keeps the marks out of sight so evaluators are not swayed by each other's marks.
 */
import { columnLetter } from "../shared/addresses";
import { literalText, MAX_REQUEST_BYTES } from "../shared/cellSafety";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { SETTING_NAMES, SHEETS } from "../shared/layout";
import {
  cellOf,
  column,
  fullText,
  ModerationRefusal,
  panelSettings,
  parseRollUp,
  queueFixRollUp,
  readModerationWorkbook,
  requireTable,
  rollUpChange,
  rollUpIsFixed,
  textOf,
  uniqueNames,
  type ModerationWorkbook,
  type TableData,
} from "./moderationWorkbook";
import type { CriterionView, MarkInput, MarkingView, MarkRow } from "./moderationActions";
import { bidderKey, readQuantity, readText, type Scale } from "../../core";

/** Excel's limit on the characters in one cell (Microsoft, "Excel specifications and limits"). */
export const MAX_CELL_CHARS = 32_767;

/** Bytes of one cell write with its envelope, to split very large writes. */
const BYTES_PER_WRITE = 200;

export function itemKey(...parts: string[]): string {
  return parts.map((p) => bidderKey(p)).join("\u0000");
}

export function criteriaOf(wb: ModerationWorkbook): CriterionView[] {
  const table = wb.tables.criteria;
  if (!table) return [];
  const out: CriterionView[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const id = textOf(table, row, "Id");
    if (id === "" || seen.has(bidderKey(id))) continue;
    seen.add(bidderKey(id));
    const guidance = textOf(table, row, "Guidance");
    const w = readQuantity(cellOf(table, row, "Weight"));
    out.push({ id, question: textOf(table, row, "Criterion"), ...(guidance ? { guidance } : {}), weight: w.kind === "number" && w.value >= 0 ? w.value : 1 });
  }
  return out;
}

/** Bidders listed on SV Scores, then any others found in the commitments. */
export function biddersOf(wb: ModerationWorkbook): string[] {
  const names: string[] = [];
  for (const key of ["scores", "commitments", "answers"] as const) {
    const table = wb.tables[key];
    if (table) for (const row of table.rows) names.push(textOf(table, row, "Bidder"));
  }
  return uniqueNames(names);
}

/**
 * A mark is a number in the cell. Text that reads as a number ("4 ", "4") is not one: MINIFS,
 * SUMIFS and the other formulas of SV_Consensus leave text out, so counting it here would show
 * the panel a mark the sheet's figures do not use.
 */
function markOf(cell: unknown): number | null {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : null;
}

/** The text of a Mark cell that holds text rather than a number, if it does. */
export function typedMark(cell: unknown): string | undefined {
  if (typeof cell === "boolean") return String(cell).toUpperCase();
  return typeof cell === "string" && cell.trim() !== "" ? cell : undefined;
}

export function markRows(table: TableData): MarkRow[] {
  const out: MarkRow[] = [];
  table.rows.forEach((row, i) => {
    const evaluator = textOf(table, row, "Evaluator");
    const bidder = textOf(table, row, "Bidder");
    const criterion = textOf(table, row, "Criterion");
    if (evaluator === "" && bidder === "" && criterion === "") return;
    const typed = typedMark(cellOf(table, row, "Mark"));
    out.push({
      evaluator,
      bidder,
      criterion,
      mark: markOf(cellOf(table, row, "Mark")),
      ...(typed !== undefined ? { typed } : {}),
      comment: fullText(cellOf(table, row, "Comment")),
      updated: textOf(table, row, "Updated"),
      row: table.firstRow + i,
    });
  });
  return out;
}

export function answersOf(wb: ModerationWorkbook): MarkingView["answers"] {
  const table = wb.tables.answers;
  if (!table) return [];
  return table.rows
    .map((row) => ({ bidder: textOf(table, row, "Bidder"), criterion: textOf(table, row, "Criterion"), answer: fullText(cellOf(table, row, "Answer")) }))
    .filter((a) => a.bidder !== "" && a.criterion !== "");
}

const MARKING_TABLES = {
  criteria: "all",
  scores: ["Bidder"],
  commitments: ["Bidder"],
  answers: "all",
  marks: "all",
} as const;

export async function readMarking(run: ExcelRun, options: OperationOptions = {}): Promise<MarkingView> {
  const wb = await readModerationWorkbook(run, { tables: MARKING_TABLES }, options);
  const panel = panelSettings(wb);
  const marks = requireTable(wb, "marks");
  const changed = rollUpChange(wb, panel.rollUp);
  return {
    evaluators: panel.evaluators,
    bidders: biddersOf(wb),
    criteria: criteriaOf(wb),
    scaleMarks: panel.scale.marks,
    scaleLabel: panel.scale.label,
    rollUp: panel.rollUp,
    moderationThreshold: panel.moderationThreshold,
    blindMarking: panel.blindMarking,
    moderationOpen: panel.moderationOpen,
    marks: markRows(marks),
    answers: answersOf(wb),
    ...(wb.record ? { signedAt: wb.record.signedAt } : {}),
    ...(changed ? { rollUpChanged: changed } : {}),
  };
}

export function refuseIfSigned(wb: ModerationWorkbook, what: string): void {
  if (wb.record) throw new ModerationRefusal(`The record was signed off by ${wb.record.signedBy} on ${wb.record.signedAt}; ${what} can no longer change. Use Verify to check the signed record.`);
}

/** Blank body rows (every listed column empty), which new rows fill before the table grows. */
function blankRows(table: TableData, headers: readonly string[]): number[] {
  const idx = headers.map((h) => column(table, h)).filter((i) => i >= 0);
  const out: number[] = [];
  table.rows.forEach((row, i) => {
    if (idx.every((j) => readText(row[j]) === undefined && typeof row[j] !== "number")) out.push(i);
  });
  return out;
}

interface RowWrite {
  /** Body index; at or past the end means the table grows. */
  index: number;
  values: Record<string, unknown>;
}

/** Where each new row goes: blank rows first, then below the table. */
function placeRows(table: TableData, emptyColumns: readonly string[], rows: Record<string, unknown>[]): { writes: RowWrite[]; grow: number } {
  const free = blankRows(table, emptyColumns);
  let next = table.rows.length;
  const writes = rows.map((values, i) => ({ index: i < free.length ? (free[i] as number) : next++, values }));
  return { writes, grow: next - table.rows.length };
}

/** Queues one table's new rows: the table grows over the empty rows below it, then the cells are written. */
function queueRows(context: Excel.RequestContext, table: TableData, writes: RowWrite[], grow: number): void {
  const sheet = context.workbook.worksheets.getItem(table.sheet);
  if (grow > 0) {
    const lastRow = table.firstRow + table.rows.length - 1 + grow;
    const lastCol = columnLetter(table.firstColumn + table.headers.length - 1);
    context.workbook.tables.getItem(table.name).resize(sheet.getRange(`${columnLetter(table.firstColumn)}${table.headerRow}:${lastCol}${lastRow}`));
  }
  for (const w of writes) {
    for (const [header, value] of Object.entries(w.values)) {
      const c = column(table, header);
      if (c < 0) continue;
      sheet.getCell(table.firstRow - 1 + w.index, table.firstColumn - 1 + c).values = [[literalText(value)]];
    }
  }
}

function refuseIfBlockedBelow(table: TableData, grow: number): void {
  const last = table.firstRow + table.rows.length - 1;
  if (grow > 0 && table.sheetLastUsedRow > last) {
    throw new ModerationRefusal(
      `Something is typed below the ${table.name} table on ${table.sheet} (row ${table.sheetLastUsedRow}), where ${grow} new row${grow === 1 ? "" : "s"} must go. Move it further down or to another sheet, then try again. Nothing was changed.`
    );
  }
}

/**
 * Adds the missing evaluator × bidder × criterion rows to SV_Marks and the missing bidder ×
 * criterion rows to SV_Consensus; rows that exist are never changed. With blind marking, hides
 * SV Marks until moderation opens. Adding rows starts marking: the roll-up in force is recorded
 * (ROLL_UP_FIXED_NAMES) the first time.
 */
export async function prepareMarking(run: ExcelRun, options: OperationOptions = {}, now: () => Date = () => new Date()): Promise<{ added: number }> {
  const wb = await readModerationWorkbook(run, { tables: { ...MARKING_TABLES, consensus: ["Bidder", "Criterion", "Consensus", "Rationale"] } }, options);
  refuseIfSigned(wb, "the marking sheet");
  const panel = panelSettings(wb);
  const marks = requireTable(wb, "marks");
  const consensus = requireTable(wb, "consensus");
  const criteria = criteriaOf(wb);
  const bidders = biddersOf(wb);
  if (panel.evaluators.length === 0) throw new ModerationRefusal(`No evaluators are listed on SV Setup (${SETTING_NAMES.evaluators}). List the panel, separated by commas, then prepare the marking.`);
  if (criteria.length === 0) throw new ModerationRefusal("SV Criteria lists no criteria. Add the questions the panel marks (Id and Criterion), then prepare the marking.");
  if (bidders.length === 0) throw new ModerationRefusal("No bidders yet: import the bids or list the bidders on SV Scores, then prepare the marking.");

  const have = new Set(markRows(marks).map((m) => itemKey(m.evaluator, m.bidder, m.criterion)));
  const newMarks: Record<string, unknown>[] = [];
  for (const evaluator of panel.evaluators)
    for (const bidder of bidders)
      for (const c of criteria) if (!have.has(itemKey(evaluator, bidder, c.id))) newMarks.push({ Evaluator: evaluator, Bidder: bidder, Criterion: c.id });

  const haveItems = new Set(consensus.rows.map((row) => itemKey(textOf(consensus, row, "Bidder"), textOf(consensus, row, "Criterion"))));
  const newItems: Record<string, unknown>[] = [];
  for (const bidder of bidders) for (const c of criteria) if (!haveItems.has(itemKey(bidder, c.id))) newItems.push({ Bidder: bidder, Criterion: c.id });

  const markPlan = placeRows(marks, ["Evaluator", "Bidder", "Criterion", "Mark", "Comment"], newMarks);
  const itemPlan = placeRows(consensus, ["Bidder", "Criterion", "Consensus", "Rationale"], newItems);
  refuseIfBlockedBelow(marks, markPlan.grow);
  refuseIfBlockedBelow(consensus, itemPlan.grow);
  const hide = panel.blindMarking && !panel.moderationOpen && wb.sheets.get(SHEETS.marks)?.visibility === "Visible";
  throwIfCancelled(options.signal);
  if (newMarks.length === 0 && newItems.length === 0 && !hide) return { added: 0 };
  const fix = newMarks.length + newItems.length > 0 && !rollUpIsFixed(wb);

  await run(async (context) => {
    context.application.suspendApiCalculationUntilNextSync();
    queueRows(context, marks, markPlan.writes, markPlan.grow);
    queueRows(context, consensus, itemPlan.writes, itemPlan.grow);
    if (hide) context.workbook.worksheets.getItem(SHEETS.marks).visibility = "Hidden" as Excel.SheetVisibility;
    if (fix) queueFixRollUp(context, wb, panel.rollUp, now().toISOString());
    await context.sync();
  });
  return { added: newMarks.length + newItems.length };
}

function describeMark(mark: unknown): string {
  return typeof mark === "number" ? String(mark) : mark === null || mark === undefined ? "blank" : `“${String(mark)}”`;
}

function onScale(mark: unknown, scale: Scale): boolean {
  return typeof mark === "number" && scale.marks.includes(mark);
}

/**
 * Writes one evaluator's marks into that evaluator's own rows of SV_Marks (found by evaluator,
 * bidder and criterion): Mark, Comment and the time of the change, only where something
 * changed. Refuses, writing nothing, when a mark is not on the scale, a row is missing, the
 * evaluator is not on the panel, moderation has opened or the record is signed. The first save
 * records the roll-up in force if Prepare marking did not (rows typed by hand).
 */
export async function saveMarks(run: ExcelRun, evaluator: string, inputs: readonly MarkInput[], options: OperationOptions = {}, now: () => Date = () => new Date()): Promise<{ saved: number }> {
  const wb = await readModerationWorkbook(run, { tables: { marks: "all" } }, options);
  refuseIfSigned(wb, "the marks");
  const panel = panelSettings(wb);
  const table = requireTable(wb, "marks");
  const who = panel.evaluators.find((e) => bidderKey(e) === bidderKey(evaluator ?? ""));
  if (who === undefined) {
    throw new ModerationRefusal(`${evaluator?.trim() || "(no name)"} is not on the panel listed on SV Setup (${panel.evaluators.join(", ") || "nobody yet"}). Choose your name from the list, or ask the lead to add you.`);
  }
  if (panel.moderationOpen) {
    throw new ModerationRefusal("Moderation is open: the independent marks are kept as they were given, so they can no longer change. Record the mark the panel agrees as the consensus instead.");
  }
  const rows = new Map(markRows(table).map((m) => [itemKey(m.evaluator, m.bidder, m.criterion), m]));
  const problems: string[] = [];
  const changes: { row: MarkRow; mark: number | null; comment: string; keepTyped: boolean }[] = [];
  for (const input of inputs) {
    const bidder = String(input.bidder ?? "").trim();
    const criterion = String(input.criterion ?? "").trim();
    const row = rows.get(itemKey(who, bidder, criterion));
    if (row === undefined) {
      problems.push(`There is no row for ${who}, ${bidder}, ${criterion} on SV Marks; use Prepare marking to add it.`);
      continue;
    }
    const mark = input.mark === undefined ? null : input.mark;
    if (mark !== null && !onScale(mark, panel.scale)) {
      problems.push(`${bidder}, ${criterion}: ${describeMark(mark)} is not a mark on the ${panel.scale.label} scale (${panel.scale.marks.join(", ")}).`);
      continue;
    }
    const comment = typeof input.comment === "string" ? input.comment : "";
    if (comment.length > MAX_CELL_CHARS) {
      problems.push(`${bidder}, ${criterion}: the comment has ${comment.length.toLocaleString("en-GB")} characters; an Excel cell holds at most ${MAX_CELL_CHARS.toLocaleString("en-GB")}. Shorten it.`);
      continue;
    }
    // A mark typed into the sheet as text stays as it is until the evaluator gives a mark here:
    // a blank from the pane (which cannot show the text as a mark) must not erase it.
    const keepTyped = mark === null && row.typed !== undefined;
    if ((row.mark === mark && row.typed === undefined) || keepTyped) {
      if (row.comment === comment) continue;
    }
    changes.push({ row, mark, comment, keepTyped });
  }
  if (problems.length > 0) {
    throw new ModerationRefusal(`No marks were saved. ${problems.slice(0, 5).join(" ")}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ""}`);
  }
  throwIfCancelled(options.signal);
  if (changes.length === 0) return { saved: 0 };
  const at = now().toISOString();
  const markCol = column(table, "Mark");
  const commentCol = column(table, "Comment");
  const updatedCol = column(table, "Updated");
  const perRequest = Math.max(1, Math.floor(MAX_REQUEST_BYTES / (3 * BYTES_PER_WRITE)));
  const fix = !rollUpIsFixed(wb);
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(table.sheet);
    for (let start = 0; start < changes.length; start += perRequest) {
      if (fix && start === 0) queueFixRollUp(context, wb, panel.rollUp, at);
      for (const c of changes.slice(start, start + perRequest)) {
        const r = c.row.row - 1;
        if (markCol >= 0 && !c.keepTyped) sheet.getCell(r, table.firstColumn - 1 + markCol).values = [[c.mark === null ? "" : c.mark]];
        if (commentCol >= 0) sheet.getCell(r, table.firstColumn - 1 + commentCol).values = [[literalText(c.comment)]];
        if (updatedCol >= 0) sheet.getCell(r, table.firstColumn - 1 + updatedCol).values = [[at]];
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per part keeps each under Excel's 5 MB payload limit
      await context.sync();
    }
  });
  return { saved: changes.length };
}

/**
 * Opens moderation: SV_ModerationOpen becomes Yes and SV Marks is shown to everyone. Marking
 * has happened by now, so the roll-up is recorded if nothing recorded it (marks typed straight
 * into SV Marks).
 */
export async function openModeration(run: ExcelRun, now: () => Date = () => new Date()): Promise<void> {
  const wb = await readModerationWorkbook(run, { tables: {} });
  refuseIfSigned(wb, "moderation");
  if (wb.settings.moderationOpen === undefined) {
    throw new ModerationRefusal(`This workbook has no ${SETTING_NAMES.moderationOpen} setting on SV Setup. Insert the evaluation sheets with this version of the add-in first.`);
  }
  const marksSheet = wb.sheets.get(SHEETS.marks);
  const fix = !rollUpIsFixed(wb);
  // Read as panelSettings reads it, without refusing over other settings (the scale). An
  // unreadable roll-up is never recorded as a guess: the panel must say which it fixed.
  const rollUp = fix ? parseRollUp(wb.settings.rollUp?.value) : undefined;
  if (fix && rollUp === undefined) {
    throw new ModerationRefusal(
      `${SETTING_NAMES.rollUp} on SV Setup holds "${String(wb.settings.rollUp?.value ?? "")}", which is not consensus, average or median. Set the roll-up the panel fixed before marking, then open moderation.`,
    );
  }
  await run(async (context) => {
    context.workbook.names.getItem(SETTING_NAMES.moderationOpen).getRange().values = [["Yes"]];
    if (marksSheet && marksSheet.visibility !== "Visible") context.workbook.worksheets.getItem(SHEETS.marks).visibility = "Visible" as Excel.SheetVisibility;
    if (rollUp !== undefined) queueFixRollUp(context, wb, rollUp, now().toISOString());
    await context.sync();
  });
}
