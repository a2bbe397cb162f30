/**
 * Small pieces of award arithmetic evaluators otherwise write as long native formulas:
 * price scoring and the spread of evaluators' marks. Inputs are clean numbers; problems are
 * returned as FormulaErrors (STYLE.md 4).
 */
import { formulaError, formulaOk, type FormulaResult } from "../shared/formulaResult";

/**
 * Lowest-price scoring, the common UK method for the price part of an award: the cheapest
 * bid earns every point and the others max_points × lowest / price. `prices` are the other
 * bids (the bid's own price is included in the minimum). Every price must be above £0.
 */
export function priceScore(price: number, prices: readonly number[], maxPoints: number): FormulaResult<number> {
  if (!(price > 0) || !Number.isFinite(price)) return formulaError("NUM", `the price is ${price}; a price must be more than £0.`);
  let lowest = price;
  for (let i = 0; i < prices.length; i++) {
    const p = prices[i] as number;
    if (!(p > 0) || !Number.isFinite(p)) return formulaError("NUM", `price ${i + 1} of the prices is ${p}; every price must be more than £0.`);
    if (p < lowest) lowest = p;
  }
  if (!(maxPoints >= 0) || !Number.isFinite(maxPoints)) return formulaError("NUM", `max_points is ${maxPoints}; it must be 0 or more.`);
  // Ratio first: the cheapest bid's ratio is exactly 1, so it earns exactly max_points.
  return formulaOk(maxPoints * (lowest / price) + 0);
}

/**
 * The spread of evaluators' marks (highest − lowest): the figure a moderation panel checks
 * against its threshold before agreeing a consensus. No marks is "NA": there is nothing to
 * moderate yet.
 */
export function markSpread(marks: readonly number[]): FormulaResult<number> {
  // #N/A is one of the errors Excel shows a message for, so it says where: SVSPREAD's `marks`.
  if (marks.length === 0) return formulaError("NA", "marks holds no marks yet: every cell is blank.");
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of marks) {
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  return formulaOk(hi - lo + 0);
}
