/**
 * Moderation: evaluators mark each bid on each qualitative criterion independently; the panel
 * then meets, discusses the marks that disagree, and settles one mark per bidder × criterion
 * (DOMAIN.md "Moderation and the record the law expects").
 *
 * For every bidder × criterion this computes the spread of the evaluators' marks, flags the
 * ones the panel must discuss, and rolls the marks up the way the panel decided before
 * scoring (settings.rollUp):
 *
 * - consensus: the mark the panel agreed and recorded; until one is recorded the item is open.
 * - average:   the mean of the evaluators' marks, once every evaluator has given a valid mark.
 * - median:    the median of those marks (mean of the middle two for an even panel), likewise.
 *
 * A spread is flagged when it is strictly greater than the panel's threshold ("a flag above
 * the panel's threshold"): with threshold 1 on a 0–5 scale, marks 3 and 4 are not flagged,
 * 2 and 4 are. Flagging never changes the rolled-up mark; it says what must be discussed.
 *
 * Nothing here throws on what a sheet can hold: missing marks, marks not on the scale, marks
 * from someone not on the panel and repeated marks are reported on the item, with the sheet
 * row when the caller gives it, and left out of the figures. No rounding: a mean of 3, 4, 4
 * is 3.666…; display rounds.
 */
import { criterionKey, evaluatorKey } from "../shared/refs";
import type { QualitativeMarks } from "../scores/scoring";
import type { RollUp, Scale, TenderSettings } from "../setup/tender";
import { bidderKey } from "../scores/valuation";

export interface EvaluatorMark {
  bidder: string;
  criterion: string;
  evaluator: string;
  /** null for a blank cell: the evaluator has not marked this yet. */
  mark: number | null;
  /** 1-based sheet row, for messages and navigation. */
  row?: number;
}

export interface ConsensusRecord {
  bidder: string;
  criterion: string;
  /** The agreed mark; null while the panel has not agreed one. */
  mark: number | null;
  /** Why the panel settled on this mark (the record Lancashire Care v Lancashire CC expects). */
  rationale?: string;
  row?: number;
}

/** The settings moderation reads (a whole TenderSettings will do). */
export type ModerationSettings = Pick<TenderSettings, "evaluators" | "scale" | "rollUp" | "moderationThreshold">;

export interface ModerationOptions {
  /**
   * Bidders and criteria to report on, in display order. Every bidder × criterion gets an
   * item, so a criterion nobody has marked yet shows as open. Bidders or criteria that appear
   * only in the marks are added after these, in order of first appearance.
   */
  bidders?: readonly string[];
  criteria?: readonly string[];
}

export type ModerationProblemCode =
  | "missing-mark"
  | "mark-not-on-scale"
  | "unknown-evaluator"
  | "repeated-mark"
  | "consensus-not-on-scale"
  | "repeated-consensus"
  | "consensus-without-rationale";

export interface ModerationProblem {
  code: ModerationProblemCode;
  message: string;
  evaluator?: string;
  mark?: unknown;
  row?: number;
}

export interface ModerationItem {
  bidder: string;
  criterion: string;
  /** Valid marks, in panel order. */
  marks: { evaluator: string; mark: number }[];
  /** null when there are no valid marks. */
  min: number | null;
  max: number | null;
  spread: number | null;
  mean: number | null;
  median: number | null;
  /** spread > settings.moderationThreshold. */
  flagged: boolean;
  /** The recorded consensus mark, when valid (kept whatever the roll-up). */
  consensus: number | null;
  rationale?: string;
  rollUp: RollUp;
  /** The mark that scores; null while the item is open. */
  rolledUp: number | null;
  /** closed when there is a rolled-up mark. */
  status: "open" | "closed";
  problems: ModerationProblem[];
}

export interface ModerationSummary {
  items: number;
  open: number;
  closed: number;
  /** Items whose spread is above the threshold, open or closed. */
  flagged: number;
  /** Flagged items the panel has not yet closed: the meeting's agenda. */
  flaggedOpen: number;
  /** Items with at least one reported problem. */
  withProblems: number;
}

function isOnScale(mark: unknown, scale: Scale): mark is number {
  return typeof mark === "number" && scale.marks.includes(mark);
}

function where(row: number | undefined): string {
  return row === undefined ? "" : ` (row ${row})`;
}

interface Working {
  bidder: string;
  criterion: string;
  /** evaluatorKey → the first non-blank mark given, valid or not. */
  given: Map<string, { mark: unknown; row: number | undefined }>;
  consensus?: ConsensusRecord;
  problems: ModerationProblem[];
}

/**
 * Moderation items for every bidder × criterion, bidder by bidder. Bidders match trimmed
 * and case-insensitively (as in valuation), as do criteria and evaluator names; names show as
 * first written.
 */
export function moderateMarks(
  marks: readonly EvaluatorMark[],
  consensus: readonly ConsensusRecord[],
  settings: ModerationSettings,
  options: ModerationOptions = {},
): ModerationItem[] {
  const bidders = new Map<string, string>();
  const criteria = new Map<string, string>();
  const addBidder = (name: string): string => {
    const key = bidderKey(name);
    if (!bidders.has(key)) bidders.set(key, name.trim());
    return key;
  };
  const addCriterion = (id: string): string => {
    const key = criterionKey(id);
    if (!criteria.has(key)) criteria.set(key, id.trim());
    return key;
  };
  for (const b of options.bidders ?? []) addBidder(b);
  for (const c of options.criteria ?? []) addCriterion(c);

  const panel = new Map<string, string>();
  for (const e of settings.evaluators) {
    const key = evaluatorKey(e);
    if (!panel.has(key)) panel.set(key, e.trim());
  }

  const items = new Map<string, Working>();
  const itemFor = (bidder: string, criterion: string): Working => {
    const b = addBidder(bidder);
    const c = addCriterion(criterion);
    const key = `${b}\u0000${c}`;
    let item = items.get(key);
    if (item === undefined) {
      item = { bidder: bidders.get(b) as string, criterion: criteria.get(c) as string, given: new Map(), problems: [] };
      items.set(key, item);
    }
    return item;
  };

  for (const m of marks) {
    const item = itemFor(m.bidder, m.criterion);
    if (m.mark === null || m.mark === undefined) continue; // blank: reported as missing below
    const ek = evaluatorKey(m.evaluator);
    const evaluator = panel.get(ek) ?? m.evaluator.trim();
    if (!panel.has(ek)) {
      item.problems.push({
        code: "unknown-evaluator",
        message: `${evaluator} marked ${item.bidder} on ${item.criterion}${where(m.row)} but is not on the panel; the mark is left out`,
        evaluator,
        mark: m.mark,
        ...(m.row !== undefined ? { row: m.row } : {}),
      });
      continue;
    }
    const earlier = item.given.get(ek);
    if (earlier !== undefined) {
      item.problems.push({
        code: "repeated-mark",
        message: `${evaluator} marked ${item.bidder} on ${item.criterion} more than once${where(m.row)}; the first mark${where(earlier.row)} is used`,
        evaluator,
        mark: m.mark,
        ...(m.row !== undefined ? { row: m.row } : {}),
      });
      continue;
    }
    item.given.set(ek, { mark: m.mark, row: m.row });
  }

  for (const c of consensus) {
    const item = itemFor(c.bidder, c.criterion);
    if (c.mark === null || c.mark === undefined) continue;
    if (item.consensus !== undefined) {
      item.problems.push({
        code: "repeated-consensus",
        message: `a consensus for ${item.bidder} on ${item.criterion} is recorded more than once${where(c.row)}; the first is used`,
        mark: c.mark,
        ...(c.row !== undefined ? { row: c.row } : {}),
      });
      continue;
    }
    item.consensus = c;
  }

  const result: ModerationItem[] = [];
  for (const [b, bidder] of bidders) {
    for (const [c, criterion] of criteria) {
      const work = items.get(`${b}\u0000${c}`) ?? { bidder, criterion, given: new Map(), problems: [] };
      result.push(finishItem(work, panel, settings));
    }
  }
  return result;
}

function finishItem(work: Working, panel: ReadonlyMap<string, string>, settings: ModerationSettings): ModerationItem {
  const problems: ModerationProblem[] = [];
  const valid: { evaluator: string; mark: number }[] = [];
  let complete = true;
  for (const [ek, evaluator] of panel) {
    const given = work.given.get(ek);
    if (given === undefined) {
      complete = false;
      problems.push({
        code: "missing-mark",
        message: `${evaluator} has not marked ${work.bidder} on ${work.criterion}`,
        evaluator,
      });
    } else if (!isOnScale(given.mark, settings.scale)) {
      complete = false;
      problems.push({
        code: "mark-not-on-scale",
        message: `${evaluator}'s mark ${String(given.mark)} for ${work.bidder} on ${work.criterion}${where(given.row)} is not on the ${settings.scale.label} scale; it is left out`,
        evaluator,
        mark: given.mark,
        ...(given.row !== undefined ? { row: given.row } : {}),
      });
    } else {
      valid.push({ evaluator, mark: given.mark });
    }
  }
  // Problems found while reading (unknown evaluators, repeats) follow the per-panel ones.
  problems.push(...work.problems);

  let min: number | null = null;
  let max: number | null = null;
  let sum = 0;
  for (const { mark } of valid) {
    if (min === null || mark < min) min = mark;
    if (max === null || mark > max) max = mark;
    sum += mark;
  }
  const spread = min !== null && max !== null ? max - min : null;
  const mean = valid.length > 0 ? sum / valid.length : null;
  const median = valid.length > 0 ? medianOf(valid.map((v) => v.mark)) : null;
  const flagged = spread !== null && spread > settings.moderationThreshold;

  let consensusMark: number | null = null;
  let rationale: string | undefined;
  const c = work.consensus;
  if (c !== undefined) {
    if (isOnScale(c.mark, settings.scale)) {
      consensusMark = c.mark;
      rationale = c.rationale?.trim() || undefined;
      if (settings.rollUp === "consensus" && rationale === undefined) {
        problems.push({
          code: "consensus-without-rationale",
          message: `the consensus for ${work.bidder} on ${work.criterion}${where(c.row)} has no rationale; the record must say why`,
          mark: c.mark,
          ...(c.row !== undefined ? { row: c.row } : {}),
        });
      }
    } else {
      problems.push({
        code: "consensus-not-on-scale",
        message: `the consensus mark ${String(c.mark)} for ${work.bidder} on ${work.criterion}${where(c.row)} is not on the ${settings.scale.label} scale`,
        mark: c.mark,
        ...(c.row !== undefined ? { row: c.row } : {}),
      });
    }
  }

  let rolledUp: number | null;
  switch (settings.rollUp) {
    case "consensus":
      rolledUp = consensusMark;
      break;
    case "average":
      rolledUp = complete ? mean : null;
      break;
    case "median":
      rolledUp = complete ? median : null;
      break;
  }

  return {
    bidder: work.bidder,
    criterion: work.criterion,
    marks: valid,
    min,
    max,
    spread,
    mean,
    median,
    flagged,
    consensus: consensusMark,
    ...(rationale !== undefined ? { rationale } : {}),
    rollUp: settings.rollUp,
    rolledUp,
    status: rolledUp === null ? "open" : "closed",
    problems,
  };
}

/** Middle mark, or the mean of the middle two for an even count. `marks` is non-empty. */
function medianOf(marks: number[]): number {
  const sorted = [...marks].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Counts across all items: the state of the moderation meeting at a glance. */
export function moderationSummary(items: readonly ModerationItem[]): ModerationSummary {
  const summary: ModerationSummary = { items: 0, open: 0, closed: 0, flagged: 0, flaggedOpen: 0, withProblems: 0 };
  for (const item of items) {
    summary.items += 1;
    if (item.status === "open") summary.open += 1;
    else summary.closed += 1;
    if (item.flagged) {
      summary.flagged += 1;
      if (item.status === "open") summary.flaggedOpen += 1;
    }
    if (item.problems.length > 0) summary.withProblems += 1;
  }
  return summary;
}

/** The rolled-up marks as scoring reads them (scoring.ts `scoreBids`), one entry per bidder. */
export function rolledUpMarks(items: readonly ModerationItem[]): QualitativeMarks[] {
  const out = new Map<string, { bidder: string; marks: Record<string, number | null> }>();
  for (const item of items) {
    const key = bidderKey(item.bidder);
    let entry = out.get(key);
    if (entry === undefined) {
      entry = { bidder: item.bidder, marks: {} };
      out.set(key, entry);
    }
    entry.marks[item.criterion] = item.rolledUp;
  }
  return [...out.values()];
}
