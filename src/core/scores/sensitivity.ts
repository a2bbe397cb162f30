/**
 * Sensitivity: how fragile is the result? Two questions evaluators ask before an award:
 *
 * 1. Weighting — at what social value weighting would a different bid win the award?
 * 2. Target (target method only) — at what target would the top two social value scores
 *    swap places?
 *
 * Both answers are exact solutions of the (piecewise) linear equations below, not searches.
 * Each comes with a plain-English `note` for the pane and the award report. Percentages in
 * notes are rounded to one decimal place (more when needed to tell a figure from the current
 * one); the structured result keeps the unrounded figures.
 *
 * Errors a user can cause (points above what is available, a weighting above 100%) are
 * returned as a {@link ScoringError}, as in scoring.ts; nothing here throws.
 */
import { formatGBP, formatPercent } from "../shared/format";
import type { ScoringError, ScoringResult } from "./scoring";

function fail(code: "NUM" | "VALUE", message: string): ScoringError {
  return { ok: false, code, message };
}

function checkPoints(n: number, what: string, limit?: number): ScoringError | undefined {
  if (typeof n !== "number" || Number.isNaN(n)) return fail("VALUE", `${what} is not a number`);
  if (n < 0) return fail("NUM", `${what} is ${n}; it cannot be negative`);
  if (!Number.isFinite(n)) return fail("NUM", `${what} is too large to be a real figure`);
  if (limit !== undefined && n > limit) return fail("NUM", `${what} is ${n}, more than the ${limit} available`);
  return undefined;
}

const percent = formatPercent;

/**
 * A percentage precise enough not to read the same as `other`, nor as "0%" when it is not 0
 * (one decimal, up to four when needed).
 */
function percentApartFrom(ratio: number, other: number): string {
  let decimals = 1;
  const unclear = (): boolean =>
    percent(ratio, decimals) === percent(other, decimals) || (ratio !== 0 && percent(ratio, decimals) === "0%");
  while (decimals < 4 && unclear()) decimals++;
  return percent(ratio, decimals);
}

/** 120000 → "£120,000" (rounded to the pound). */
function pounds(n: number): string {
  return formatGBP(Math.round(n));
}

function names(list: readonly string[]): string {
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1] as string}`;
}

// ---------------------------------------------------------------------------------------------
// 1. Weighting

export interface AwardBid {
  bidder: string;
  /** Social value points, out of `socialValueAvailable`. */
  socialValue: number;
  /** Everything else (price + quality) in points, out of `otherAvailable`. */
  other: number;
}

export interface WeightingSensitivityInput {
  bids: readonly AwardBid[];
  socialValueAvailable: number;
  otherAvailable: number;
  /** The tender's social value weighting now, 0.1 = 10%. */
  weighting: number;
}

export interface WeightingChange {
  /** The weighting at which the current leader ties with `newWinner`. */
  weighting: number;
  /** Who wins just beyond that weighting. */
  newWinner: string;
}

export interface WeightingSensitivity {
  /** Each bid's award total at the current weighting, as a share of 1 (input order). */
  totals: { bidder: string; total: number }[];
  /** The bid(s) leading at the current weighting; more than one when they tie. */
  leaders: string[];
  /** The winner changes for every weighting above `above.weighting` (up to 100%). */
  above?: WeightingChange;
  /** The winner changes for every weighting below `below.weighting` (down to 0%). */
  below?: WeightingChange;
  note: string;
}

/**
 * The model. With w the social value weighting, each bid's award total is
 *
 *     T(w) = (1 − w) × o + w × s,   o = other / otherAvailable,  s = socialValue / socialValueAvailable
 *
 * i.e. both parts re-scaled to the weight they would carry; at the current weighting this is
 * the actual award total divided by the points available overall. T is linear in w with slope
 * k = s − o: raising the weighting helps a bid whose social value is relatively stronger.
 *
 * For the leader L and a challenger B the gap is linear too:
 *
 *     T_L(w) − T_B(w) = (o_L − o_B) + w × (k_L − k_B)
 *
 * so they tie at w* = (o_L − o_B) / (k_B − k_L) (never when the slopes are equal). B gains
 * as w rises when k_B > k_L, then w* lies above the current weighting; otherwise below.
 * The winner first changes at the nearest tie on each side inside (0, 1); the new winner is
 * the challenger tying there with the steepest slope in that direction (any bid beating it
 * just past w* would have tied with L no later). Bids whose totals are within 1e-12 of each
 * other count as tied.
 */
export function weightingSensitivity(input: WeightingSensitivityInput): ScoringResult<WeightingSensitivity> {
  const bad =
    checkPoints(input.socialValueAvailable, "the social value points available") ??
    checkPoints(input.otherAvailable, "the other points available");
  if (bad) return bad;
  if (input.socialValueAvailable === 0 || input.otherAvailable === 0) {
    return fail("NUM", "the points available for social value and for everything else must both be above 0");
  }
  const w0 = input.weighting;
  if (typeof w0 !== "number" || Number.isNaN(w0)) return fail("VALUE", "the weighting is not a number");
  if (!(w0 >= 0 && w0 <= 1)) return fail("NUM", `the weighting is ${w0}; it must be between 0 and 1 (0% and 100%)`);

  const bids: { bidder: string; o: number; s: number; k: number; total: number }[] = [];
  for (const b of input.bids) {
    const badBid =
      checkPoints(b.socialValue, `${b.bidder}'s social value points`, input.socialValueAvailable) ??
      checkPoints(b.other, `${b.bidder}'s other points`, input.otherAvailable);
    if (badBid) return badBid;
    const s = b.socialValue / input.socialValueAvailable;
    const o = b.other / input.otherAvailable;
    bids.push({ bidder: b.bidder, o, s, k: s - o, total: (1 - w0) * o + w0 * s });
  }
  const totals = bids.map((b) => ({ bidder: b.bidder, total: b.total }));
  if (bids.length === 0) return { ok: true, value: { totals, leaders: [], note: "There are no bids to compare." } };

  const EPS = 1e-12;
  let best = -Infinity;
  for (const b of bids) if (b.total > best) best = b.total;
  const leading = bids.filter((b) => best - b.total <= EPS);
  const leaders = leading.map((b) => b.bidder);
  const now = percent(w0);

  if (leading.length > 1) {
    // A tie now: any move decides it, towards the tied bid whose slope is steepest that way.
    const up = leading.reduce((x, y) => (y.k > x.k ? y : x));
    const down = leading.reduce((x, y) => (y.k < x.k ? y : x));
    if (up.k - down.k <= EPS) {
      return {
        ok: true,
        value: { totals, leaders, note: `${names(leaders)} tie at every weighting between 0% and 100% (now ${now}).` },
      };
    }
    const value: WeightingSensitivity = { totals, leaders, note: "" };
    const parts: string[] = [];
    if (w0 < 1) {
      value.above = { weighting: w0, newWinner: up.bidder };
      parts.push(`a higher social value weighting favours ${up.bidder}`);
    }
    if (w0 > 0) {
      value.below = { weighting: w0, newWinner: down.bidder };
      parts.push(`a lower one favours ${down.bidder}`);
    }
    value.note = `${names(leaders)} tie at the current weighting (${now}): ${parts.join(", ")}.`;
    return { ok: true, value };
  }

  const leader = leading[0] as (typeof bids)[number];
  let above: { w: number; k: number; bidder: string } | undefined;
  let below: { w: number; k: number; bidder: string } | undefined;
  for (const b of bids) {
    if (b === leader) continue;
    const slopeGap = b.k - leader.k; // how much faster B gains per unit of weighting
    if (Math.abs(slopeGap) <= EPS) continue; // parallel: the gap never closes
    const wStar = (leader.o - b.o) / slopeGap;
    if (slopeGap > 0) {
      if (wStar > w0 && wStar < 1) {
        if (above === undefined || wStar < above.w - EPS || (Math.abs(wStar - above.w) <= EPS && b.k > above.k)) {
          above = { w: wStar, k: b.k, bidder: b.bidder };
        }
      }
    } else if (wStar < w0 && wStar > 0) {
      if (below === undefined || wStar > below.w + EPS || (Math.abs(wStar - below.w) <= EPS && b.k < below.k)) {
        below = { w: wStar, k: b.k, bidder: b.bidder };
      }
    }
  }

  const value: WeightingSensitivity = { totals, leaders, note: "" };
  if (above) value.above = { weighting: above.w, newWinner: above.bidder };
  if (below) value.below = { weighting: below.w, newWinner: below.bidder };
  const clauses: string[] = [];
  if (above) clauses.push(`above ${percentApartFrom(above.w, w0)}`);
  if (below) clauses.push(`below ${percentApartFrom(below.w, w0)}`);
  let who: string;
  if (above && below) who = `${above.bidder} would win above, ${below.bidder} below, instead of ${leader.bidder}`;
  else who = `${(above ?? below)?.bidder ?? ""} would win instead of ${leader.bidder}`;
  value.note =
    clauses.length === 0
      ? `No weighting between 0% and 100% changes the winner (${leader.bidder}; now ${now}).`
      : `The award would change if social value were weighted ${clauses.join(" or ")} (now ${now}): ${who}.`;
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// 2. Target (target method)

export interface TargetBid {
  bidder: string;
  /** £ of social value. */
  value: number;
  /** Qualitative points (they do not depend on the target). */
  qualitative: number;
}

export interface TargetSensitivityInput {
  bids: readonly TargetBid[];
  /** Points available for the quantitative part (quantitativeShare × maxPoints). */
  quantitativeAvailable: number;
  /** The current target in £ (targetReturn × contractValue). */
  target: number;
  contractValue: number;
  /**
   * The highest target worth considering, as a return; default 1 (£1 per £1). Published
   * returns rarely pass 40% (benchmark.ts), so a change only above this is "none in range".
   */
  maxTargetReturn?: number;
}

export interface TargetChange {
  /** £ target at which the top two tie; beyond it they swap. */
  target: number;
  /** The same as a return on the contract value. */
  targetReturn: number;
}

export interface TargetSensitivity {
  /** The top two social value scores at the current target, leader first (fewer with fewer bids). */
  top: { bidder: string; score: number }[];
  /** The two swap for targets above this (up to maxTargetReturn). */
  higher?: TargetChange;
  /** The two swap for targets below this. */
  lower?: TargetChange;
  /** The two are level at the current target. */
  tied: boolean;
  note: string;
}

/**
 * The model. Under the target method with target T (£) and Q quantitative points, a bid of
 * £v with qualitative points q scores  S(T) = Q × min(1, v / T) + q.  For the leader A (£a, q_A)
 * and the runner-up B (£b, q_B) at the current target, the gap is
 *
 *     d(T) = Q × (min(1, a/T) − min(1, b/T)) + (q_A − q_B)
 *
 * which is continuous in T and, between the breakpoints min(a, b) and max(a, b) where a cap
 * starts or stops biting, has the form α + β/T (monotone on each piece):
 *
 *     T ≤ min(a,b):           d = Δq                         (both capped at Q)
 *     min(a,b) < T ≤ max(a,b): d = Δq − Q + Q·a/T   if a < b (A uncapped)
 *                              d = Δq + Q − Q·b/T   if a > b (B uncapped)
 *     T > max(a,b):           d = Δq + Q·(a − b)/T          (neither capped)
 *
 * Each piece has at most one root, T = −β/α. The breakpoints and roots cut (0, ∞) into
 * intervals on which d keeps one sign; the order changes at the nearest interval on each side
 * of the current target where d < 0. Only the top two are compared: a third bid could
 * overtake both at some target, which this does not look for.
 */
export function targetSensitivity(input: TargetSensitivityInput): ScoringResult<TargetSensitivity> {
  const Q = input.quantitativeAvailable;
  const bad =
    checkPoints(Q, "the quantitative points available") ??
    checkPoints(input.target, "the target") ??
    checkPoints(input.contractValue, "the contract value");
  if (bad) return bad;
  if (!(input.target > 0)) return fail("NUM", "the target must be above £0");
  if (!(input.contractValue > 0)) return fail("NUM", "the contract value must be above £0");
  const maxReturn = input.maxTargetReturn ?? 1;
  if (!(maxReturn > 0) || !Number.isFinite(maxReturn)) return fail("NUM", "the highest target return must be above 0");
  for (const b of input.bids) {
    const badBid = checkPoints(b.value, `${b.bidder}'s value`) ?? checkPoints(b.qualitative, `${b.bidder}'s qualitative points`);
    if (badBid) return badBid;
  }

  const T0 = input.target;
  const score = (b: TargetBid, T: number): number => Q * Math.min(1, b.value / T) + b.qualitative;
  // Stable sort: equal scores keep input order.
  const ranked = [...input.bids].sort((x, y) => score(y, T0) - score(x, T0));
  const top = ranked.slice(0, 2).map((b) => ({ bidder: b.bidder, score: score(b, T0) }));
  const nowText = `${percent(T0 / input.contractValue)}, ${pounds(T0)}`;
  if (ranked.length < 2) {
    return { ok: true, value: { top, tied: false, note: "With fewer than two bids no target changes the order." } };
  }
  const A = ranked[0] as TargetBid;
  const B = ranked[1] as TargetBid;
  const a = A.value;
  const b = B.value;
  const dq = A.qualitative - B.qualitative;
  const d = (T: number): number => Q * (Math.min(1, a / T) - Math.min(1, b / T)) + dq;
  const EPS = 1e-12 * Math.max(1, Q);

  // Cut points: breakpoints and the root of each piece (extra points only split an interval).
  const roots: number[] = [a, b];
  if (a < b && dq - Q !== 0) roots.push((Q * a) / (Q - dq));
  if (a > b && Q + dq !== 0) roots.push((Q * b) / (Q + dq));
  if (dq !== 0) roots.push((Q * (b - a)) / dq);
  const points = [...new Set(roots.filter((t) => t > 0 && Number.isFinite(t)))].sort((x, y) => x - y);

  // Intervals (lo, hi) with the sign of d inside, sampled at a point strictly inside.
  const intervals: { lo: number; hi: number; negative: boolean }[] = [];
  let lo = 0;
  for (const p of [...points, Infinity]) {
    const probe = lo === 0 ? (p === Infinity ? T0 : p / 2) : p === Infinity ? lo * 2 : (lo + p) / 2;
    intervals.push({ lo, hi: p, negative: d(probe) < -EPS });
    lo = p;
  }

  const tied = Math.abs(d(T0)) <= EPS;
  const maxTarget = maxReturn * input.contractValue;
  const higherHit = intervals.find((iv) => iv.negative && iv.lo >= T0);
  const lowerHit = [...intervals].reverse().find((iv) => iv.negative && iv.hi <= T0);
  const value: TargetSensitivity = { top, tied, note: "" };
  if (higherHit && higherHit.lo < maxTarget) {
    value.higher = { target: higherHit.lo, targetReturn: higherHit.lo / input.contractValue };
  }
  if (lowerHit) value.lower = { target: lowerHit.hi, targetReturn: lowerHit.hi / input.contractValue };

  const pair = `${A.bidder} ahead of ${B.bidder}`;
  const t0Return = T0 / input.contractValue;
  const clauses: string[] = [];
  if (value.lower) clauses.push(`below ${percentApartFrom(value.lower.targetReturn, t0Return)} (${pounds(value.lower.target)})`);
  if (value.higher) clauses.push(`above ${percentApartFrom(value.higher.targetReturn, t0Return)} (${pounds(value.higher.target)})`);
  if (tied) {
    value.note =
      clauses.length === 0
        ? `${A.bidder} and ${B.bidder} have equal social value scores at the current target (${nowText}), and no target up to ${percent(maxReturn)} of the contract value puts ${B.bidder} ahead.`
        : `${A.bidder} and ${B.bidder} have equal social value scores at the current target (${nowText}); ${B.bidder} would lead with a target ${clauses.join(" or ")} of the contract value.`;
  } else {
    value.note =
      clauses.length === 0
        ? `No target between 0% and ${percent(maxReturn)} of the contract value changes the order of the top two social value scores (${pair}; now ${nowText}).`
        : `The top two social value scores (${pair}) would swap if the target were ${clauses.join(" or ")} of the contract value (now ${nowText}).`;
  }
  return { ok: true, value };
}
