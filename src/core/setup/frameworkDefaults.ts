/**
 * The starting settings a framework implies, so that choosing one on Set up begins from how
 * its council runs an evaluation rather than from one form for all. Every value stays visible
 * and editable; the live checks (tenderChecks.ts) still say when an edit departs from it.
 *
 * - Share of the points for commitments: 0% where the framework values nothing in £ — no
 *   measure, or every measure record-only (Southend 2050, Colchester, Thurrock, both UK
 *   Government models) — since those points would score 0 for every bidder; otherwise half,
 *   a starting split, not a rule.
 * - Scoring method and target: the framework's own (Essex scores against a target, 25p per £1:
 *   seed 000; a 2022 case study, seed 001, reports 50p, so the target is a setting to check);
 *   otherwise relative to the best bid, with no target.
 * - Weighting: the framework's minimum, or the usual 10% (PPN 06/20, PPN 002, Southend), kept
 *   within its maximum (Essex: up to 20% within quality, seed 000). Points = weighting × 100,
 *   so 10% of the award is 10 points.
 */
import { allMeasures } from "./frameworks/measures";
import type { Framework } from "./frameworks/schema";
import { nothingCanBeValued } from "./measureTable";
import { MINIMUM_WEIGHTING } from "./tenderChecks";
import type { ScoringMethod } from "./tenderTerms";

/** Share of the points for commitments where the framework can value them. */
export const DEFAULT_QUANTITATIVE_SHARE = 0.5;

export interface FrameworkDefaults {
  /** Social value's share of the whole award, 0.1 = 10%. */
  weighting: number;
  maxPoints: number;
  /** Share of the social value points for commitments (£). */
  quantitativeShare: number;
  method: ScoringMethod;
  /** £ per £1 for the target method; absent for the others. */
  targetReturn?: number;
}

/** The starting settings for a tender on this framework (pure: same framework, same answer). */
export function frameworkDefaults(framework: Framework): FrameworkDefaults {
  const policy = framework.policy ?? {};
  const floor = policy.minWeighting ?? MINIMUM_WEIGHTING;
  const weighting = policy.maxWeighting !== undefined ? Math.min(floor, policy.maxWeighting) : floor;
  const method = policy.scoringMethod ?? "relative";
  const defaults: FrameworkDefaults = {
    weighting,
    // Rounded so 0.1 gives 10 points, not 10.000000000000002.
    maxPoints: Math.round(weighting * 100 * 100) / 100,
    quantitativeShare: nothingCanBeValued(allMeasures(framework)) ? 0 : DEFAULT_QUANTITATIVE_SHARE,
    method,
  };
  if (method === "target" && policy.targetReturn !== undefined) defaults.targetReturn = policy.targetReturn;
  return defaults;
}
