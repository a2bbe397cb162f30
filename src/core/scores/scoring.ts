/**
 * Scoring: turning £ of social value and evaluators' marks into points.
 *
 * `quantitativeScore` is the maths of `TENDER.SVSCORE` (DESIGN.md "Custom functions") on
 * clean numbers; the custom function only coerces cells and maps errors. `scoreBids` applies
 * the tender's settings to every bid at once for the SV Scores table and the task pane.
 *
 * Errors a user or a formula can cause (a missing target, a negative value, a mark that is not
 * on the scale) are returned, never thrown (STYLE.md 4), as a {@link ScoringError}: a closed
 * code the adapters translate — "NUM" → #NUM! (a number out of range), "VALUE" → #VALUE!
 * (not a number, an unknown method or criterion) — and a message for the evaluator. No input
 * makes these functions throw.
 *
 * No rounding happens here; the sheet and the pane round for display.
 */
import { criterionKey } from "../shared/refs";
import type { ScoringMethod, Scale, TenderSettings } from "../setup/tender";
import { SCORING_METHODS } from "../setup/tenderTerms";
import { bidderKey, type BidValuation } from "./valuation";

// ---------------------------------------------------------------------------------------------
// Result type

export type ScoringErrorCode = "NUM" | "VALUE";

export interface ScoringError {
  ok: false;
  code: ScoringErrorCode;
  message: string;
}

export type ScoringResult<T> = { ok: true; value: T } | ScoringError;

function ok<T>(value: T): ScoringResult<T> {
  return { ok: true, value };
}

function fail(code: ScoringErrorCode, message: string): ScoringError {
  return { ok: false, code, message };
}

/** The one catalogue of scoring messages, so wording stays consistent across callers. */
const MESSAGES = {
  notANumber: (what: string) => `${what} is not a number`,
  negative: (what: string, n: number) => `${what} is ${n}; it cannot be negative`,
  notFinite: (what: string) => `${what} is too large to be a real figure`,
  unknownMethod: (method: string) =>
    `"${method}" is not a scoring method; use ${SCORING_METHODS.map((m) => `"${m}"`).join(", ")}`,
  targetNeeded: (target: number | undefined) =>
    target === undefined || Number.isNaN(target)
      ? "the target method needs a target above £0, and none was given"
      : `the target method needs a target above £0, and the target is ${target}`,
  markNotOnScale: (mark: number, scale: Scale) => `mark ${mark} is not on the ${scale.label} scale`,
  markOutsideScale: (mark: number, scale: Scale) => `mark ${mark} is outside the ${scale.label} scale`,
  share: (share: number) => `the quantitative share is ${share}; it must be between 0 and 1`,
  weight: (criterion: string, weight: number) =>
    `criterion ${criterion} has weight ${weight}; weights must be numbers of 0 or more`,
  noWeight: () => "the criteria weights add up to 0; at least one criterion needs a weight above 0",
  duplicateBidder: (bidder: string) => `bidder ${bidder} appears twice in the valuations`,
  unknownCriterion: (bidder: string, criterion: string) =>
    `${bidder} has a mark for criterion ${criterion}, which is not one of this tender's criteria`,
} as const;

/** A number that a score may be computed from: finite and not negative. */
function checkAmount(n: number, what: string): ScoringError | undefined {
  if (typeof n !== "number" || Number.isNaN(n)) return fail("VALUE", MESSAGES.notANumber(what));
  if (n < 0) return fail("NUM", MESSAGES.negative(what, n));
  if (!Number.isFinite(n)) return fail("NUM", MESSAGES.notFinite(what));
  return undefined;
}

/** Turns -0 into 0, so a zero score reads and serialises as 0. */
function plusZero(n: number): number {
  return n + 0;
}

// ---------------------------------------------------------------------------------------------
// Quantitative: £ of social value → points (SVSCORE)

/** Reads SVSCORE's `method` argument: trimmed, case-insensitive. Undefined if unknown. */
export function parseScoringMethod(text: string): ScoringMethod | undefined {
  const t = text.trim().toLowerCase();
  return (SCORING_METHODS as readonly string[]).includes(t) ? (t as ScoringMethod) : undefined;
}

/**
 * SVSCORE's `target` is £, while councils state targets as a return ("25p per £1", Essex;
 * "50p per £1" in its case study): the £ target is targetReturn × contract value, unrounded.
 * (0.25, 1_000_000) → 250_000. No check here: a target that is not above £0 is reported by
 * {@link quantitativeScore}.
 */
export function targetValueFromReturn(targetReturn: number, contractValue: number): number {
  return targetReturn * contractValue;
}

/**
 * Points for a bid's £ of social value, `value`, against the other bids' `values`:
 *
 * - relative: max_points × value / max(values ∪ {value}); 0 when that max is 0.
 * - target:   max_points × min(1, value / target); `target` (£) must be above 0.
 * - range:    max_points × (value − min) / (max − min) over values ∪ {value};
 *             when max = min, max_points if value > 0, else 0.
 *
 * Each ratio is computed first and multiplied by max_points last. The ratio of the best bid
 * is then exactly 1 (x / x), so it gets exactly max_points, and because every rounding step is
 * monotone a ratio of two ordered numbers never exceeds 1: scores stay in [0, max_points]
 * without clamping, and a higher value never scores lower.
 *
 * Checks follow argument order (value, values, max_points, method, target) and the first
 * problem is returned: NaN is "VALUE"; a negative or infinite number is "NUM"; an unknown
 * method is "VALUE"; a missing, NaN, infinite or non-positive target (target method only) is
 * "NUM".
 */
export function quantitativeScore(
  value: number,
  values: readonly number[],
  maxPoints: number,
  method: ScoringMethod = "relative",
  target?: number,
): ScoringResult<number> {
  const badValue = checkAmount(value, "the value");
  if (badValue) return badValue;
  let lo = value;
  let hi = value;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const bad = checkAmount(v, `value ${i + 1} of the values`);
    if (bad) return bad;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const badMax = checkAmount(maxPoints, "max_points");
  if (badMax) return badMax;

  switch (method) {
    case "relative":
      // hi ≥ value ≥ 0, so hi = 0 means every bid offers nothing: no one earns points.
      return ok(hi === 0 ? 0 : plusZero(maxPoints * (value / hi)));
    case "target":
      if (target === undefined || typeof target !== "number" || !(target > 0) || !Number.isFinite(target)) {
        return fail("NUM", MESSAGES.targetNeeded(target));
      }
      // Reaching the target earns every point; beating it earns no more.
      return ok(plusZero(maxPoints * Math.min(1, value / target)));
    case "range":
      // All bids equal: a positive offer earns every point, nothing earns nothing.
      if (hi === lo) return ok(value > 0 ? maxPoints : 0);
      return ok(plusZero(maxPoints * ((value - lo) / (hi - lo))));
    default:
      return fail("VALUE", MESSAGES.unknownMethod(String(method)));
  }
}

// ---------------------------------------------------------------------------------------------
// Qualitative: an evaluator's (or the panel's) mark → points

export interface QualitativePointsOptions {
  /**
   * Accept any mark between the lowest and the highest on the scale. An averaged or median
   * roll-up of on-scale marks (3, 4, 4 → 3.67) is such a mark; a consensus mark is not, so
   * this is off unless the panel rolls up by average or median.
   */
  allowBetweenMarks?: boolean;
}

/**
 * maxPoints × mark / (highest mark on the scale). A mark that is not on the scale (or, with
 * `allowBetweenMarks`, outside it) is "NUM"; a NaN mark is "VALUE". A scale whose highest
 * mark is 0 gives 0 points.
 */
export function qualitativePoints(
  mark: number,
  scale: Scale,
  maxPoints: number,
  options: QualitativePointsOptions = {},
): ScoringResult<number> {
  if (typeof mark !== "number" || Number.isNaN(mark)) return fail("VALUE", MESSAGES.notANumber("the mark"));
  const badMax = checkAmount(maxPoints, "max_points");
  if (badMax) return badMax;
  let top = -Infinity;
  let bottom = Infinity;
  for (const m of scale.marks) {
    if (m > top) top = m;
    if (m < bottom) bottom = m;
  }
  if (options.allowBetweenMarks) {
    if (!(mark >= bottom && mark <= top)) return fail("NUM", MESSAGES.markOutsideScale(mark, scale));
  } else if (!scale.marks.includes(mark)) {
    return fail("NUM", MESSAGES.markNotOnScale(mark, scale));
  }
  if (top <= 0) return ok(0);
  // Ratio first (≤ 1 for any mark on the scale), as in quantitativeScore.
  return ok(plusZero(maxPoints * (mark / top)));
}

// ---------------------------------------------------------------------------------------------
// Whole tender: every bid's social value score and rank

/** The settings scoring reads (a whole TenderSettings will do). */
export type ScoringSettings = Pick<
  TenderSettings,
  | "contractValue"
  | "maxPoints"
  | "quantitativeShare"
  | "method"
  | "targetReturn"
  | "scale"
  | "passMark"
  | "requireBothParts"
  | "rollUp"
>;

/** One bidder's rolled-up qualitative marks (moderation.ts `rolledUpMarks` produces these). */
export interface QualitativeMarks {
  bidder: string;
  /** Criterion id → the rolled-up mark; null or absent when there is none (yet). */
  marks: Readonly<Record<string, number | null | undefined>>;
}

export interface QualitativeCriterion {
  id: string;
  /** Relative weight within the qualitative points; every criterion weighs 1 unless given. */
  weight?: number;
}

export interface ScoreBidsOptions {
  /**
   * The tender's qualitative criteria, in display order. Without it the criteria are every
   * criterion id found in the marks, in order of first appearance, weighted equally.
   */
  criteria?: readonly QualitativeCriterion[];
}

export type DisregardReason = "no-quantitative-part" | "no-qualitative-part";

export interface CriterionScore {
  criterion: string;
  /** The rolled-up mark; null when there is none. */
  mark: number | null;
  /** Points available for this criterion. */
  available: number;
  points: number;
}

export interface BidScore {
  bidder: string;
  /** £ of social value (the valuation's total; 0 for a bid with marks but no commitments). */
  value: number;
  /** Points out of quantitativeShare × maxPoints. */
  quantitative: number;
  /** Points out of (1 − quantitativeShare) × maxPoints. */
  qualitative: number;
  criteria: CriterionScore[];
  /** quantitative + qualitative, in [0, maxPoints]. */
  score: number;
  /**
   * Competition ranking by score, highest first: tied bids share a rank and the next rank
   * skips (1, 2, 2, 4). Scores within a billionth of a point (× maxPoints when that is above
   * 1) count as tied, so a tie that differs only in the last binary digit — the same
   * commitments summed in another order — is still a tie. The pass mark does not affect rank.
   */
  rank: number;
  /** Some criterion's mark is below the tender's pass mark (criteria with no mark aside). */
  belowPassMark: boolean;
  /**
   * The tender requires both parts (Torbay) and this bid lacks one: it scores 0, and its £
   * does not set the bar for others under the relative and range methods — a disregarded
   * response counts as not made.
   */
  disregarded: boolean;
  disregardReasons: DisregardReason[];
}

/** Points available to each part: share × maxPoints and the rest. */
export function pointsAvailable(settings: Pick<TenderSettings, "maxPoints" | "quantitativeShare">): {
  quantitative: number;
  qualitative: number;
} {
  return {
    quantitative: settings.quantitativeShare * settings.maxPoints,
    qualitative: (1 - settings.quantitativeShare) * settings.maxPoints,
  };
}

interface BidInput {
  bidder: string;
  value: number;
  /** criterionKey → mark */
  marks: Map<string, number | null>;
}

/**
 * Scores every bid: bidders in `valuations` order, then bidders who have marks but no
 * valuation (a response with no commitments). Bidders match trimmed and case-insensitively.
 *
 * - quantitative: {@link quantitativeScore} of the bid's £ against the other (not disregarded)
 *   bids, with quantitativeShare × maxPoints available; the target method's £ target is
 *   targetReturn × contractValue.
 * - qualitative: (1 − quantitativeShare) × maxPoints shared across criteria in proportion to
 *   their weights (equally by default); each criterion earns {@link qualitativePoints} of its
 *   share. A criterion with no mark earns 0. With the average or median roll-up, marks between
 *   scale marks are accepted.
 * - A bid lacks its quantitative part when its £ is 0, and its qualitative part when none of
 *   its criteria has a mark; only parts that carry points (share above 0 / below 1) are
 *   required.
 *
 * The first problem (settings, then bidders in order, then criteria in order) is returned as
 * a {@link ScoringError} with the bidder and criterion in its message.
 */
export function scoreBids(
  valuations: readonly Pick<BidValuation, "bidder" | "total">[],
  qualitativeMarks: readonly QualitativeMarks[],
  settings: ScoringSettings,
  options: ScoreBidsOptions = {},
): ScoringResult<BidScore[]> {
  const badMax = checkAmount(settings.maxPoints, "max_points");
  if (badMax) return badMax;
  const share = settings.quantitativeShare;
  if (!(share >= 0 && share <= 1)) return fail("NUM", MESSAGES.share(share));
  const available = pointsAvailable(settings);

  // Bids: valuations first, then marks-only bidders.
  const bids: BidInput[] = [];
  const byBidder = new Map<string, BidInput>();
  for (const v of valuations) {
    const key = bidderKey(v.bidder);
    if (byBidder.has(key)) return fail("VALUE", MESSAGES.duplicateBidder(v.bidder.trim()));
    const badValue = checkAmount(v.total, `the value of ${v.bidder.trim()}'s bid`);
    if (badValue) return badValue;
    const bid: BidInput = { bidder: v.bidder.trim(), value: v.total, marks: new Map() };
    bids.push(bid);
    byBidder.set(key, bid);
  }

  // Criteria: given, or discovered from the marks.
  const criteria: { id: string; key: string; weight: number }[] = [];
  const criterionKeys = new Set<string>();
  if (options.criteria) {
    for (const c of options.criteria) {
      const weight = c.weight ?? 1;
      if (!(weight >= 0) || !Number.isFinite(weight)) return fail("NUM", MESSAGES.weight(c.id, weight));
      const key = criterionKey(c.id);
      if (criterionKeys.has(key)) continue;
      criterionKeys.add(key);
      criteria.push({ id: c.id.trim(), key, weight });
    }
  } else {
    for (const q of qualitativeMarks) {
      for (const id of Object.keys(q.marks)) {
        const key = criterionKey(id);
        if (criterionKeys.has(key)) continue;
        criterionKeys.add(key);
        criteria.push({ id: id.trim(), key, weight: 1 });
      }
    }
  }
  let totalWeight = 0;
  for (const c of criteria) totalWeight += c.weight;
  if (criteria.length > 0 && totalWeight === 0) return fail("NUM", MESSAGES.noWeight());

  for (const q of qualitativeMarks) {
    const key = bidderKey(q.bidder);
    let bid = byBidder.get(key);
    if (bid === undefined) {
      bid = { bidder: q.bidder.trim(), value: 0, marks: new Map() };
      bids.push(bid);
      byBidder.set(key, bid);
    }
    for (const [id, mark] of Object.entries(q.marks)) {
      const ck = criterionKey(id);
      if (!criterionKeys.has(ck)) return fail("VALUE", MESSAGES.unknownCriterion(bid.bidder, id.trim()));
      // A later entry for the same bidder and criterion fills a gap but never overwrites.
      if (mark !== null && mark !== undefined && !bid.marks.has(ck)) bid.marks.set(ck, mark);
    }
  }

  let target: number | undefined;
  if (settings.method === "target") {
    target = targetValueFromReturn(settings.targetReturn ?? NaN, settings.contractValue);
    if (!(target > 0) || !Number.isFinite(target)) {
      return fail("NUM", MESSAGES.targetNeeded(settings.targetReturn === undefined ? undefined : target));
    }
  }

  // Qualitative points, and which parts each bid has.
  const allowBetweenMarks = settings.rollUp !== "consensus";
  const partial: Omit<BidScore, "quantitative" | "score" | "rank">[] = [];
  for (const bid of bids) {
    const scores: CriterionScore[] = [];
    let qualitative = 0;
    let marked = 0;
    let belowPassMark = false;
    for (const c of criteria) {
      const criterionAvailable = totalWeight === 0 ? 0 : available.qualitative * (c.weight / totalWeight);
      const mark = bid.marks.get(c.key) ?? null;
      if (mark === null) {
        scores.push({ criterion: c.id, mark: null, available: criterionAvailable, points: 0 });
        continue;
      }
      const points = qualitativePoints(mark, settings.scale, criterionAvailable, { allowBetweenMarks });
      if (!points.ok) return fail(points.code, `${bid.bidder}, criterion ${c.id}: ${points.message}`);
      marked += 1;
      if (settings.passMark !== undefined && mark < settings.passMark) belowPassMark = true;
      qualitative += points.value;
      scores.push({ criterion: c.id, mark, available: criterionAvailable, points: points.value });
    }
    const disregardReasons: DisregardReason[] = [];
    if (settings.requireBothParts) {
      if (share > 0 && !(bid.value > 0)) disregardReasons.push("no-quantitative-part");
      if (share < 1 && marked === 0) disregardReasons.push("no-qualitative-part");
    }
    const disregarded = disregardReasons.length > 0;
    if (disregarded) for (const s of scores) s.points = 0;
    partial.push({
      bidder: bid.bidder,
      value: bid.value,
      qualitative: disregarded ? 0 : qualitative,
      criteria: scores,
      belowPassMark,
      disregarded,
      disregardReasons,
    });
  }

  // Quantitative points against the bids that count.
  const counted = partial.filter((b) => !b.disregarded).map((b) => b.value);
  const scored: Omit<BidScore, "rank">[] = [];
  for (const b of partial) {
    let quantitative = 0;
    if (!b.disregarded) {
      const q = quantitativeScore(b.value, counted, available.quantitative, settings.method, target);
      if (!q.ok) return fail(q.code, `${b.bidder}: ${q.message}`);
      quantitative = q.value;
    }
    // Each part is within its share; the clamp only absorbs last-digit rounding of the sum
    // (e.g. 0.1 × 7 + 0.9 × 7 can exceed 7 by one binary digit).
    const score = Math.min(settings.maxPoints, quantitative + b.qualitative);
    scored.push({ ...b, quantitative, score });
  }

  const ranks = competitionRanks(
    scored.map((b) => b.score),
    settings.maxPoints,
  );
  return ok(
    scored.map((b, i) => ({
      bidder: b.bidder,
      value: b.value,
      quantitative: b.quantitative,
      qualitative: b.qualitative,
      criteria: b.criteria,
      score: b.score,
      rank: ranks[i] as number,
      belowPassMark: b.belowPassMark,
      disregarded: b.disregarded,
      disregardReasons: b.disregardReasons,
    })),
  );
}

/**
 * Competition ranking with the tolerance documented on {@link BidScore.rank}. The Scores page
 * ranks with it too, over the bids not held back (heldBids.ts), as SV_Scores[Rank] does.
 */
export function competitionRanks(scores: readonly number[], maxPoints: number): number[] {
  const tolerance = 1e-9 * Math.max(1, maxPoints);
  const sorted = [...scores].sort((a, b) => b - a);
  return scores.map((score) => {
    // Rank = 1 + the number of bids scoring clearly more. `sorted` is descending, so count
    // from the top until a score is no longer clearly above this one.
    let above = 0;
    while (above < sorted.length && (sorted[above] as number) - score > tolerance) above++;
    return above + 1;
  });
}
