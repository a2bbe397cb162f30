/**
 * Moderation, decided: per bidder × criterion, the evaluators' marks side by side (core
 * `moderateMarks`), the consensus and rationale recorded on SV_Consensus, and what is wrong
 * with each rationale (`checkRationale`). Under the consensus roll-up an item whose rationale
 * has issues stays open, whatever the sheet's Status formula says: the formula can see that a
 * rationale is there, not whether it explains the mark.
 */
import { getBuiltInFramework } from "../setup/frameworks/builtins";
import { SHEETS } from "../shared/layout";
import { bidderKey } from "../shared/refs";
import { readQuantity, readText } from "../shared/cells";
import { formatNumber } from "../shared/format";
import { decide, type Decision } from "../shared/decision";
import { emptyWritePlan, type WritePlan } from "../shared/writePlan";
import { moderateMarks, moderationSummary, type ConsensusRecord, type ModerationItem, type ModerationProblem } from "./moderation";
import { checkRationale, type OtherRationale, type RationaleIssue } from "./rationale";
import { cellOf, column, fullText, requireTable, textOf, uniqueNames, type ModerationSnapshot, type SnapshotRequest, type TableData } from "./snapshot";
import { panelSettings, rollUpChange, type PanelSettings } from "./panel";
import { answersOf, biddersOf, criteriaOf, itemKey, markRows, MAX_CELL_CHARS, rowGuard } from "./marking";
import type { ConsensusInput, ConsensusResult, CriterionView, ModerationItemView, ModerationView, RationaleIssueView } from "./views";

/** What moderation reads: the marking tables and SV_Consensus whole. */
export const MODERATION_READ = {
  tables: { criteria: "all", scores: ["Bidder"], commitments: ["Bidder"], answers: "all", marks: "all", consensus: "all" },
} as const satisfies SnapshotRequest;

interface ConsensusRow extends ConsensusRecord {
  rationale: string;
  agreedBy: string;
  agreedAt: string;
  row: number;
}

function consensusRows(table: TableData): ConsensusRow[] {
  const out: ConsensusRow[] = [];
  table.rows.forEach((row, i) => {
    const bidder = textOf(table, row, "Bidder");
    const criterion = textOf(table, row, "Criterion");
    if (bidder === "" && criterion === "") return;
    const cell = cellOf(table, row, "Consensus");
    const q = readQuantity(cell);
    // Text that is not a number goes to core as it is, which reports it as not on the scale.
    const typed = typeof cell === "string" && cell.trim() !== "" ? cell : undefined;
    out.push({
      bidder,
      criterion,
      mark: q.kind === "number" ? q.value : ((typed ?? null) as number | null),
      rationale: fullText(cellOf(table, row, "Rationale")),
      agreedBy: textOf(table, row, "AgreedBy"),
      agreedAt: textOf(table, row, "AgreedAt"),
      row: table.firstRow + i,
    });
  });
  return out;
}

function toView(issue: RationaleIssue): RationaleIssueView & { severity: RationaleIssue["severity"] } {
  return { code: issue.code, message: issue.message, severity: issue.severity };
}

export interface Analysis {
  wb: ModerationSnapshot;
  panel: PanelSettings;
  criteria: CriterionView[];
  bidders: string[];
  rows: ConsensusRow[];
  items: ModerationItemView[];
  /** The framework requires a specific, measurable, time-bound commitment for any mark (PPN 002). */
  smartCommitment: boolean;
}

/**
 * Whether the tender's framework (SV_Framework names it) gives no marks without a specific,
 * measurable, time-bound commitment (PPN 002). A council's own framework is not known here.
 */
function requiresSmartCommitment(wb: ModerationSnapshot): boolean {
  const named = readText(wb.settings.framework?.value);
  return named !== undefined && getBuiltInFramework(named)?.policy?.requiresSmartCommitment === true;
}

/** The context checkRationale needs for one item, with its consensus mark. */
function rationaleContext(
  a: Pick<Analysis, "criteria" | "bidders" | "rows" | "panel" | "smartCommitment">,
  answers: ReturnType<typeof answersOf>,
  bidder: string,
  criterion: string,
  mark: unknown,
  evaluatorMarks?: readonly number[],
) {
  const c = a.criteria.find((x) => bidderKey(x.id) === bidderKey(criterion));
  const answer = answers.find((x) => itemKey(x.bidder, x.criterion) === itemKey(bidder, criterion))?.answer;
  const others: OtherRationale[] = a.rows
    .filter((r) => r.rationale.trim() !== "" && itemKey(r.bidder, r.criterion) !== itemKey(bidder, criterion))
    .map((r) => ({ bidder: r.bidder, criterion: r.criterion, rationale: r.rationale }));
  return {
    bidder,
    criterion,
    ...(c ? { criterionText: [c.question, c.guidance ?? ""].join(" ") } : {}),
    ...(answer ? { answer } : {}),
    bidders: a.bidders,
    others,
    requiresSmartCommitment: a.smartCommitment,
    mark,
    lowestMark: a.panel.scale.marks[0] ?? 0,
    ...(evaluatorMarks !== undefined ? { evaluatorMarks } : {}),
  };
}

/**
 * The evaluators' marks behind an agreed mark, for the Braceurself check (rationale.ts): only
 * under the consensus roll-up, where the panel chose the mark. An average or median that equals
 * one evaluator's mark is arithmetic, not the panel adopting that evaluator's view.
 */
function adoptedFrom(panel: PanelSettings, item: Pick<ModerationItem, "marks"> | undefined): readonly number[] | undefined {
  return panel.rollUp === "consensus" && item !== undefined ? item.marks.map((m) => m.mark) : undefined;
}

/**
 * An average or median the panel has not yet confirmed: no reason recorded, or no record of who
 * agreed. Bromcom v United Learning Trust [2022] EWHC 3262 (TCC): averaging may sit beside
 * moderation, never replace it, so each rolled-up mark still needs the panel's own reasons.
 */
export function awaitsConfirmation(rollUp: PanelSettings["rollUp"], row: Pick<ConsensusRow, "rationale" | "agreedBy"> | undefined): boolean {
  return rollUp !== "consensus" && (row === undefined || row.rationale.trim() === "" || row.agreedBy.trim() === "");
}

/** Core's problems, said for what a user can do about them in this workbook. */
function reworded(p: ModerationProblem, item: Pick<ModerationItem, "bidder" | "criterion">, panel: PanelSettings): ModerationProblem {
  const at = p.row !== undefined ? ` (${SHEETS.marks} row ${p.row})` : "";
  if (p.code === "mark-not-on-scale" && typeof p.mark === "string") {
    return {
      ...p,
      message: `${p.evaluator ?? "An evaluator"}'s mark “${p.mark}” for ${item.bidder} on ${item.criterion}${at} is text, not a number, so Excel's formulas leave it out; retype it as a number on the ${panel.scale.label} scale (${panel.scale.marks.join(", ")})`,
    };
  }
  if (p.code === "consensus-not-on-scale" && typeof p.mark === "string") {
    return {
      ...p,
      message: `the consensus “${p.mark}” for ${item.bidder} on ${item.criterion}${p.row !== undefined ? ` (${SHEETS.moderation} row ${p.row})` : ""} is not a mark on the ${panel.scale.label} scale (${panel.scale.marks.join(", ")}); record it again as a number`,
    };
  }
  if (p.code === "unknown-evaluator") {
    if ((p.evaluator ?? "").trim() === "") {
      return { ...p, message: `a mark for ${item.bidder} on ${item.criterion}${at} has no evaluator's name, so it is left out; type the evaluator's name (as listed on ${SHEETS.setup}) in the row's Evaluator cell` };
    }
    return { ...p, message: `${p.message}. If the panel list on ${SHEETS.setup} was changed, correct the name on this row to match it (the panel is ${panel.evaluators.join(", ") || "empty"})` };
  }
  return p;
}

/** The moderation items of a snapshot (refuses when the scale or a table is missing). */
export function analyse(wb: ModerationSnapshot): Analysis {
  const panel = panelSettings(wb);
  const marksTable = requireTable(wb, "marks");
  const consensusTable = requireTable(wb, "consensus");
  const criteria = criteriaOf(wb);
  const bidders = biddersOf(wb);
  const rows = consensusRows(consensusTable);
  const answers = answersOf(wb);
  const smartCommitment = requiresSmartCommitment(wb);
  const given = markRows(marksTable);
  // A mark typed as text goes to core as it is, so core reports it as not on the scale (and
  // not as missing); the message is then reworded below to say what to do.
  const marks = given.map((m) => ({ evaluator: m.evaluator, bidder: m.bidder, criterion: m.criterion, mark: (m.typed ?? m.mark) as number | null, row: m.row }));
  const core = moderateMarks(marks, rows, panel, { bidders, criteria: criteria.map((c) => c.id) }).map((item) => ({
    ...item,
    problems: item.problems.map((p) => reworded(p, item, panel)),
  }));
  const rowOf = new Map(rows.map((r) => [itemKey(r.bidder, r.criterion), r]));
  const items: ModerationItemView[] = core.map((item: ModerationItem) => {
    const row = rowOf.get(itemKey(item.bidder, item.criterion));
    const hasConsensus = row !== undefined && row.mark !== null;
    // The rationale is checked against the mark it explains: the agreed consensus, or under
    // average or median the rolled-up mark the panel confirms with it.
    const reasoned = row !== undefined && row.rationale.trim() !== "";
    const checkedMark = panel.rollUp !== "consensus" && reasoned ? item.rolledUp : hasConsensus ? row.mark : undefined;
    const issues =
      row !== undefined && checkedMark !== undefined
        ? checkRationale(row.rationale, rationaleContext({ criteria, bidders, rows, panel, smartCommitment }, answers, item.bidder, item.criterion, checkedMark, adoptedFrom(panel, item))).map(toView)
        : [];
    const blocking = issues.some((i) => i.severity === "error");
    const unconfirmed = item.rolledUp !== null && awaitsConfirmation(panel.rollUp, row);
    const reopen = (blocking || unconfirmed) && item.status === "closed";
    return {
      ...item,
      // Under consensus an item the rationale cannot close has no mark yet; an average or median
      // is still the evaluators' marks rolled up (SV_Consensus[Mark] shows it), only not confirmed.
      ...(reopen ? { ...(panel.rollUp === "consensus" ? { rolledUp: null } : {}), status: "open" as const } : {}),
      agreedBy: row?.agreedBy ?? "",
      agreedAt: row?.agreedAt ?? "",
      rationaleIssues: issues,
      ...(row ? { row: row.row } : {}),
    };
  });
  return { wb, panel, criteria, bidders, rows, items, smartCommitment };
}

/** The Moderation page's view. */
export function moderationView(wb: ModerationSnapshot): Decision<ModerationView> {
  return decide(() => {
    const a = analyse(wb);
    // Blind marking: until moderation opens, the pane does not show the marks side by side.
    const hidden = a.panel.blindMarking && !a.panel.moderationOpen;
    const changed = rollUpChange(wb, a.panel.rollUp);
    const items = hidden ? a.items.map((i) => ({ ...i, marks: [], min: null, max: null, spread: null, mean: null, median: null, flagged: false })) : a.items;
    return {
      items,
      summary: moderationSummary(items),
      bidders: a.bidders,
      criteria: a.criteria,
      evaluators: a.panel.evaluators,
      scaleMarks: [...a.panel.scale.marks],
      rollUp: a.panel.rollUp,
      moderationThreshold: a.panel.moderationThreshold,
      blindMarking: a.panel.blindMarking,
      moderationOpen: a.panel.moderationOpen,
      ...(hidden ? { marksHidden: true } : {}),
      ...(wb.record ? { signedAt: wb.record.signedAt } : {}),
      ...(changed ? { rollUpChanged: changed } : {}),
    };
  });
}

function refusal(code: string, message: string): ConsensusResult {
  return { ok: false, issues: [{ code, message }] };
}

const CONSENSUS_KEYS = ["Bidder", "Criterion"] as const;

/** The names in an AgreedBy cell as it was written ("Ann, Ben and Cat"; ";" from a hand edit). */
function agreedNames(cell: string): string[] {
  return uniqueNames(cell.split(/[,;]| and /));
}

/**
 * The panel's consensus for one bidder × criterion: Consensus, Rationale, AgreedBy (names
 * joined, in the panel's own spelling) and AgreedAt, guarded by the row's keys. Only the fields
 * the input gives are written (and AgreedAt, the time of the change); the others stay as
 * SV_Consensus holds them and are checked as they are there. So a blank never goes over a
 * recorded mark or rationale: a mark is always one of the scale's, and an empty rationale is
 * an error. The rationale is checked first; with any error nothing is planned and the result
 * says why. Warnings do not stop it and come back with the result.
 */
export function planConsensus(wb: ModerationSnapshot, input: ConsensusInput, agreedAt: string): Decision<{ result: ConsensusResult; plan: WritePlan }> {
  return decide(() => {
    const plan = emptyWritePlan();
    const refused = (code: string, message: string): { result: ConsensusResult; plan: WritePlan } => ({ result: refusal(code, message), plan });
    if (wb.record) {
      return refused("signed", `The record was signed off by ${wb.record.signedBy} on ${wb.record.signedAt}; the consensus can no longer change.`);
    }
    const a = analyse(wb);
    if (!a.panel.moderationOpen) return refused("moderation-closed", "Moderation is not open yet. Open moderation once every evaluator has marked, so the consensus is agreed with all the marks in view.");
    const bidder = String(input.bidder ?? "").trim();
    const criterion = String(input.criterion ?? "").trim();
    const row = a.rows.find((r) => itemKey(r.bidder, r.criterion) === itemKey(bidder, criterion));
    if (row === undefined) return refused("unknown-item", `There is no row for ${bidder} on ${criterion} on SV Moderation. Use Prepare marking to add the missing rows.`);
    const given = { mark: input.mark !== undefined, rationale: input.rationale !== undefined, agreedBy: input.agreedBy !== undefined };
    if (!given.mark && !given.rationale && !given.agreedBy) {
      return refused("nothing-to-record", `Nothing to record for ${row.bidder} on ${row.criterion}: no mark, rationale or list of who agreed was given. ${SHEETS.moderation} is unchanged.`);
    }
    // Average or median: the mark is the evaluators' marks rolled up, which the panel confirms
    // with its reason (Bromcom); it is the formula's, so the Consensus cell is not written.
    const confirming = a.panel.rollUp !== "consensus";
    const item = a.items.find((i) => itemKey(i.bidder, i.criterion) === itemKey(row.bidder, row.criterion));
    if (confirming) {
      const rolled = item?.rolledUp ?? null;
      const how = a.panel.rollUp;
      if (rolled === null) return refused("no-roll-up-yet", `${row.bidder} on ${row.criterion} has no ${how} mark yet: it is taken once every evaluator on the panel has given a mark on the scale.`);
      if (given.mark && input.mark !== rolled) {
        return refused(
          "not-the-roll-up",
          `Under the ${how} roll-up the mark for ${row.bidder} on ${row.criterion} is the ${how} of the evaluators' marks, ${formatNumber(rolled)}; the panel confirms it with its reason. To change it, an evaluator changes their own mark on ${SHEETS.marks}.`,
        );
      }
    }
    const mark: unknown = confirming ? (item?.rolledUp ?? null) : given.mark ? input.mark : row.mark;
    if (mark === null) return refused("no-mark", `Choose the mark the panel agreed for ${row.bidder} on ${row.criterion}: ${SHEETS.moderation} has no consensus mark for it yet.`);
    if (!confirming && (typeof mark !== "number" || !a.panel.scale.marks.includes(mark))) {
      return refused("mark-not-on-scale", `${String(mark)} is not a mark on the ${a.panel.scale.label} scale (${a.panel.scale.marks.join(", ")}). The consensus must be one of the scale's marks.`);
    }
    const agreedBy = uniqueNames(given.agreedBy ? (input.agreedBy ?? []).map((n) => String(n ?? "")) : agreedNames(row.agreedBy));
    if (agreedBy.length === 0) return refused("no-agreed-by", "Say who agreed this mark: tick the panel members present.");
    const strangers = agreedBy.filter((n) => !a.panel.evaluators.some((e) => bidderKey(e) === bidderKey(n)));
    if (strangers.length > 0) {
      return refused("agreed-by-not-on-panel", `${strangers.join(", ")} ${strangers.length === 1 ? "is" : "are"} not on the panel listed on ${SHEETS.setup} (${a.panel.evaluators.join(", ")}). Only panel members can agree a consensus mark.`);
    }
    const rationale = given.rationale ? (typeof input.rationale === "string" ? input.rationale.trim() : "") : row.rationale;
    if (rationale.length > MAX_CELL_CHARS) {
      return refused(
        "rationale-too-long",
        `The rationale has ${rationale.length.toLocaleString("en-GB")} characters; an Excel cell holds at most ${MAX_CELL_CHARS.toLocaleString("en-GB")}. Keep the reasons for this mark and put longer notes in the meeting's minutes. Nothing was written.`
      );
    }
    const issues = checkRationale(rationale, rationaleContext(a, answersOf(wb), bidder, criterion, mark, adoptedFrom(a.panel, item))).map(toView);
    const errors = issues.filter((i) => i.severity === "error");
    if (errors.length > 0) return { result: { ok: false, issues: errors }, plan };

    const table = requireTable(wb, "consensus");
    const index = row.row - table.firstRow;
    const guard = rowGuard(table, index, CONSENSUS_KEYS, `the row for ${row.bidder} on ${row.criterion}`);
    const values: [string, unknown, boolean][] = [
      ["Consensus", mark, given.mark && !confirming],
      ["Rationale", rationale, given.rationale],
      ["AgreedBy", agreedBy.map((n) => a.panel.evaluators.find((e) => bidderKey(e) === bidderKey(n)) ?? n).join(", "), given.agreedBy],
      ["AgreedAt", agreedAt, true],
    ];
    for (const [header, value, write] of values) {
      if (!write) continue;
      const c = column(table, header);
      if (c >= 0) plan.writes.push({ sheet: table.sheet, row: row.row, column: table.firstColumn + c, values: [[value]], guards: [guard] });
    }
    const warnings = issues.filter((i) => i.severity !== "error");
    return { result: { ok: true, agreedAt, ...(warnings.length > 0 ? { warnings } : {}) }, plan };
  });
}
