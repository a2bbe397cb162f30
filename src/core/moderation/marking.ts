/**
 * Marking, decided (issue #8): each evaluator's independent marks, one row of SV_Marks per
 * evaluator × bidder × criterion, so no two evaluators ever share a cell and co-authors cannot
 * overwrite each other. The add-in writes only the rows of the evaluator who saves, and in them
 * only Mark, Comment and Updated.
 *
 * Blind marking hides the SV Marks sheet until moderation opens. Hiding a sheet is discretion,
 * not security: anyone can unhide it (Home > Format > Hide & Unhide), and the marks are in the
 * file. It keeps the marks out of sight so evaluators are not swayed by each other's marks.
 *
 * Every function here takes a snapshot of the workbook and gives a view or a write plan; the
 * Excel layer reads and writes (src/excel/moderation/marking.ts).
 */
import { SETTING_NAMES, SHEETS } from "../shared/layout";
import { blockAddress } from "../shared/addresses";
import { bidderKey } from "../shared/refs";
import { readQuantity, readText } from "../shared/cells";
import { decide, refuse, type Decision } from "../shared/decision";
import { emptyWritePlan, type CellWrite, type KeyGuard, type WritePlan } from "../shared/writePlan";
import { columnFormulaRuns, type ColumnFormula } from "../workbook/tableFormulas";
import { consecutiveRuns } from "../shared/runs";
import type { Scale } from "../setup/tenderTerms";
import { cellOf, column, fullText, keyText, requireTable, textOf, uniqueNames, type ModerationSnapshot, type SnapshotRequest, type TableData } from "./snapshot";
import { fixRollUpNames, panelSettings, parseRollUp, rollUpChange, rollUpIsFixed } from "./panel";
import type { CriterionView, MarkInput, MarkingView, MarkRow } from "./views";

/** Excel's limit on the characters in one cell (Microsoft, "Excel specifications and limits"). */
export const MAX_CELL_CHARS = 32_767;

/** What the marking view reads. */
export const MARKING_READ = {
  tables: { criteria: "all", scores: ["Bidder"], commitments: ["Bidder"], answers: "all", marks: "all" },
} as const satisfies SnapshotRequest;

/** What Prepare marking reads: the marking tables and the consensus rows that exist. */
export const PREPARE_READ = { tables: { ...MARKING_READ.tables, consensus: ["Bidder", "Criterion", "Consensus", "Rationale"] } } as const satisfies SnapshotRequest;

/** What saving marks reads. */
export const SAVE_READ = { tables: { marks: "all" } } as const satisfies SnapshotRequest;

export function itemKey(...parts: string[]): string {
  return parts.map((p) => bidderKey(p)).join("\u0000");
}

export function criteriaOf(wb: ModerationSnapshot): CriterionView[] {
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
export function biddersOf(wb: ModerationSnapshot): string[] {
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

export function answersOf(wb: ModerationSnapshot): MarkingView["answers"] {
  const table = wb.tables.answers;
  if (!table) return [];
  return table.rows
    .map((row) => ({ bidder: textOf(table, row, "Bidder"), criterion: textOf(table, row, "Criterion"), answer: fullText(cellOf(table, row, "Answer")) }))
    .filter((a) => a.bidder !== "" && a.criterion !== "");
}

export function refuseIfSigned(wb: ModerationSnapshot, what: string): void {
  if (wb.record) refuse(`The record was signed off by ${wb.record.signedBy} on ${wb.record.signedAt}; ${what} can no longer change. Use Verify to check the signed record.`);
}

/**
 * The guard of a table row: its key cells as read, so a write to the row is refused if a
 * co-author has moved another row there since (see src/core/shared/writePlan.ts).
 */
export function rowGuard(table: TableData, index: number, keys: readonly string[], describes: string): KeyGuard {
  const row = table.rows[index] ?? [];
  const cells = keys.flatMap((h) => {
    const c = column(table, h);
    return c < 0 ? [] : [{ column: table.firstColumn + c, text: keyText(row[c]) }];
  });
  return { sheet: table.sheet, row: table.firstRow + index, cells, describes };
}

/** One cell of a table row, guarded by the row's keys. */
function cellWrite(table: TableData, index: number, header: string, value: unknown, guard: KeyGuard): CellWrite | undefined {
  const c = column(table, header);
  if (c < 0) return undefined;
  return { sheet: table.sheet, row: table.firstRow + index, column: table.firstColumn + c, values: [[value]], guards: [guard] };
}

export function markingView(wb: ModerationSnapshot): Decision<MarkingView> {
  return decide(() => {
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
  });
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

/**
 * New rows of one table, planned: blank rows first, then below the table, which grows over the
 * empty rows there. Consecutive rows are written as one block per run of adjacent columns.
 * Blank rows have no key to guard; a write below the table lands on rows read as empty.
 */
function planNewRows(plan: WritePlan, table: TableData, emptyColumns: readonly string[], rows: Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const free = blankRows(table, emptyColumns);
  let next = table.rows.length;
  const placed = rows.map((values, i) => ({ index: i < free.length ? (free[i] as number) : next++, values }));
  const grow = next - table.rows.length;
  if (grow > 0) {
    const last = table.firstRow + table.rows.length - 1;
    if (table.sheetLastUsedRow > last) {
      refuse(
        `Something is typed below the ${table.name} table on ${table.sheet} (row ${table.sheetLastUsedRow}), where ${grow} new row${grow === 1 ? "" : "s"} must go. Move it further down or to another sheet, then try again. Nothing was changed.`
      );
    }
    plan.resizes.push({ table: table.name, sheet: table.sheet, address: blockAddress(table.headerRow, table.firstColumn, 1 + table.rows.length + grow, table.headers.length) });
  }
  const headers = Object.keys(rows[0] ?? {});
  const columns = headers.map((h) => ({ header: h, index: column(table, h) })).filter((c) => c.index >= 0).sort((a, b) => a.index - b.index);
  // Runs of adjacent columns, each written as one block per run of consecutive rows.
  const columnRuns = consecutiveRuns(columns, (c) => c.index);
  placed.sort((a, b) => a.index - b.index);
  let start = 0;
  while (start < placed.length) {
    let end = start + 1;
    while (end < placed.length && (placed[end] as (typeof placed)[number]).index === (placed[end - 1] as (typeof placed)[number]).index + 1) end++;
    const block = placed.slice(start, end);
    const first = (block[0] as (typeof placed)[number]).index;
    for (const run of columnRuns) {
      plan.writes.push({
        sheet: table.sheet,
        row: table.firstRow + first,
        column: table.firstColumn + (run[0] as (typeof columns)[number]).index,
        values: block.map((p) => run.map((c) => p.values[c.header] ?? "")),
        guards: [],
      });
    }
    // The table's calculated columns in the same rows: Excel fills them into new rows only while
    // the user's "fill formulas in tables" option is on (tableFormulas.ts), and a blank row re-used
    // may have lost them.
    for (const group of columnFormulaRuns(table.name, table.headers)) {
      plan.writes.push({
        sheet: table.sheet,
        row: table.firstRow + first,
        column: table.firstColumn + (group[0] as ColumnFormula).index,
        values: block.map(() => group.map((c) => c.formula)),
        guards: [],
        formulas: true,
      });
    }
    start = end;
  }
}

/**
 * Adds the missing evaluator × bidder × criterion rows to SV_Marks and the missing bidder ×
 * criterion rows to SV_Consensus; rows that exist are never changed. With blind marking, hides
 * SV Marks until moderation opens. Adding rows starts marking: the roll-up in force is recorded
 * (ROLL_UP_FIXED_NAMES) the first time.
 */
export function planPrepareMarking(wb: ModerationSnapshot, at: string): Decision<{ added: number; plan: WritePlan }> {
  return decide(() => {
    refuseIfSigned(wb, "the marking sheet");
    const panel = panelSettings(wb);
    const marks = requireTable(wb, "marks");
    const consensus = requireTable(wb, "consensus");
    const criteria = criteriaOf(wb);
    const bidders = biddersOf(wb);
    if (panel.evaluators.length === 0) refuse(`No evaluators are listed on SV Setup (${SETTING_NAMES.evaluators}). List the panel, separated by commas, then prepare the marking.`);
    if (criteria.length === 0) refuse("SV Criteria lists no criteria. Add the questions the panel marks (Id and Criterion), then prepare the marking.");
    if (bidders.length === 0) refuse("No bidders yet: import the bids or list the bidders on SV Scores, then prepare the marking.");

    const have = new Set(markRows(marks).map((m) => itemKey(m.evaluator, m.bidder, m.criterion)));
    const newMarks: Record<string, unknown>[] = [];
    for (const evaluator of panel.evaluators)
      for (const bidder of bidders) for (const c of criteria) if (!have.has(itemKey(evaluator, bidder, c.id))) newMarks.push({ Evaluator: evaluator, Bidder: bidder, Criterion: c.id });

    const haveItems = new Set(consensus.rows.map((row) => itemKey(textOf(consensus, row, "Bidder"), textOf(consensus, row, "Criterion"))));
    const newItems: Record<string, unknown>[] = [];
    for (const bidder of bidders) for (const c of criteria) if (!haveItems.has(itemKey(bidder, c.id))) newItems.push({ Bidder: bidder, Criterion: c.id });

    const plan = emptyWritePlan();
    plan.suspendCalculation = true;
    planNewRows(plan, marks, ["Evaluator", "Bidder", "Criterion", "Mark", "Comment"], newMarks);
    planNewRows(plan, consensus, ["Bidder", "Criterion", "Consensus", "Rationale"], newItems);
    const hide = panel.blindMarking && !panel.moderationOpen && wb.sheets.get(SHEETS.marks)?.visibility === "Visible";
    if (hide) plan.sheetVisibility.push({ sheet: SHEETS.marks, visibility: "Hidden" });
    const added = newMarks.length + newItems.length;
    if (added > 0 && !rollUpIsFixed(wb)) plan.namesAdded.push(...fixRollUpNames(wb, panel.rollUp, at));
    return { added, plan };
  });
}

function describeMark(mark: unknown): string {
  return typeof mark === "number" ? String(mark) : mark === null || mark === undefined ? "blank" : `“${String(mark)}”`;
}

function onScale(mark: unknown, scale: Scale): boolean {
  return typeof mark === "number" && scale.marks.includes(mark);
}

const MARK_KEYS = ["Evaluator", "Bidder", "Criterion"] as const;

/**
 * One evaluator's marks written into that evaluator's own rows of SV_Marks (found by evaluator,
 * bidder and criterion): Mark, Comment and the time of the change, only where something
 * changed, each write guarded by its row's keys. Refuses when a mark is not on the scale, a row
 * is missing, the evaluator is not on the panel, moderation has opened or the record is signed.
 * The first save records the roll-up in force if Prepare marking did not (rows typed by hand).
 */
export function planSaveMarks(wb: ModerationSnapshot, evaluator: string, inputs: readonly MarkInput[], at: string): Decision<{ saved: number; plan: WritePlan }> {
  return decide(() => {
    refuseIfSigned(wb, "the marks");
    const panel = panelSettings(wb);
    const table = requireTable(wb, "marks");
    const who = panel.evaluators.find((e) => bidderKey(e) === bidderKey(evaluator ?? ""));
    if (who === undefined) {
      refuse(`${evaluator?.trim() || "(no name)"} is not on the panel listed on SV Setup (${panel.evaluators.join(", ") || "nobody yet"}). Choose your name from the list, or ask the lead to add you.`);
    }
    if (panel.moderationOpen) {
      refuse("Moderation is open: the independent marks are kept as they were given, so they can no longer change. Record the mark the panel agrees as the consensus instead.");
    }
    const rows = new Map(markRows(table).map((m) => [itemKey(m.evaluator, m.bidder, m.criterion), m]));
    const problems: string[] = [];
    const changes: { row: MarkRow; mark: number | null; comment: string; keepTyped: boolean; commentGiven: boolean }[] = [];
    for (const input of inputs) {
      const bidder = String(input.bidder ?? "").trim();
      const criterion = String(input.criterion ?? "").trim();
      const row = rows.get(itemKey(who, bidder, criterion));
      if (row === undefined) {
        problems.push(`There is no row for ${who}, ${bidder}, ${criterion} on SV Marks; use Prepare marking to add it.`);
        continue;
      }
      // A part left out is not written: the evaluator did not change it (issue #16).
      const markGiven = input.mark !== undefined;
      const commentGiven = input.comment !== undefined;
      const mark: number | null = input.mark !== undefined ? input.mark : row.mark;
      if (markGiven && mark !== null && !onScale(mark, panel.scale)) {
        problems.push(`${bidder}, ${criterion}: ${describeMark(mark)} is not a mark on the ${panel.scale.label} scale (${panel.scale.marks.join(", ")}).`);
        continue;
      }
      const comment = !commentGiven ? row.comment : typeof input.comment === "string" ? input.comment : "";
      if (comment.length > MAX_CELL_CHARS) {
        problems.push(`${bidder}, ${criterion}: the comment has ${comment.length.toLocaleString("en-GB")} characters; an Excel cell holds at most ${MAX_CELL_CHARS.toLocaleString("en-GB")}. Shorten it.`);
        continue;
      }
      // A mark typed into the sheet as text stays as it is until the evaluator gives a mark here:
      // a blank from the pane (which cannot show the text as a mark) must not erase it.
      const keepTyped = !markGiven || (mark === null && row.typed !== undefined);
      if ((row.mark === mark && row.typed === undefined) || keepTyped) {
        if (row.comment === comment) continue;
      }
      changes.push({ row, mark, comment, keepTyped, commentGiven });
    }
    if (problems.length > 0) {
      refuse(`No marks were saved. ${problems.slice(0, 5).join(" ")}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ""}`);
    }
    const plan = emptyWritePlan();
    for (const c of changes) {
      const index = c.row.row - table.firstRow;
      const guard = rowGuard(table, index, MARK_KEYS, `${c.row.evaluator}'s mark for ${c.row.bidder} on ${c.row.criterion}`);
      const writes = [
        c.keepTyped ? undefined : cellWrite(table, index, "Mark", c.mark === null ? "" : c.mark, guard),
        c.commentGiven ? cellWrite(table, index, "Comment", c.comment, guard) : undefined,
        cellWrite(table, index, "Updated", at, guard),
      ];
      for (const w of writes) if (w) plan.writes.push(w);
    }
    if (changes.length > 0 && !rollUpIsFixed(wb)) plan.namesAdded.push(...fixRollUpNames(wb, panel.rollUp, at));
    return { saved: changes.length, plan };
  });
}

/**
 * Opening moderation: SV_ModerationOpen becomes Yes and SV Marks is shown to everyone. Marking
 * has happened by now, so the roll-up is recorded if nothing recorded it (marks typed straight
 * into SV Marks). An unreadable roll-up is never recorded as a guess: the panel must say which
 * it fixed.
 */
export function planOpenModeration(wb: ModerationSnapshot, at: string): Decision<WritePlan> {
  return decide(() => {
    refuseIfSigned(wb, "moderation");
    if (wb.settings.moderationOpen === undefined) {
      refuse(`This workbook has no ${SETTING_NAMES.moderationOpen} setting on SV Setup. Insert the evaluation sheets with this version of the add-in first.`);
    }
    const plan = emptyWritePlan();
    plan.namedValues.push({ name: SETTING_NAMES.moderationOpen, value: "Yes" });
    const marksSheet = wb.sheets.get(SHEETS.marks);
    if (marksSheet && marksSheet.visibility !== "Visible") plan.sheetVisibility.push({ sheet: SHEETS.marks, visibility: "Visible" });
    if (!rollUpIsFixed(wb)) {
      // Read as panelSettings reads it, without refusing over other settings (the scale).
      const rollUp = parseRollUp(wb.settings.rollUp?.value);
      if (rollUp === undefined) {
        refuse(
          `${SETTING_NAMES.rollUp} on SV Setup holds "${String(wb.settings.rollUp?.value ?? "")}", which is not consensus, average or median. Set the roll-up the panel fixed before marking, then open moderation.`
        );
      }
      plan.namesAdded.push(...fixRollUpNames(wb, rollUp, at));
    }
    return plan;
  });
}


