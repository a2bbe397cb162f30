/**
 * A KPI's rating for the Contract Performance Notice, and a draft of the notice's sentence.
 *
 * What the law gives (Procurement Act 2023 s.52 and s.71; Cabinet Office, "Guidance: Contract
 * Performance Notices", gov.uk/government/publications/procurement-act-2023-guidance-documents-manage-phase/guidance-contract-performance-notices-html;
 * DOMAIN.md "Moderation and the record the law expects"): contracts over £5 million set at least
 * three KPIs, and at least every 12 months a notice rates the supplier's performance against
 * each as Good (meeting or exceeding the KPI), Approaching target (close to meeting it),
 * Requires improvement (below it) or Inadequate (significantly below it); Other where none of
 * those describes it. The descriptors are words: the law sets no percentage for "close" or
 * "significantly below".
 *
 * What the product adds, as a stated default the council can change ({@link RatingThresholds}):
 * Achieved = Actual ÷ Target, for a KPI where more is better (every social value KPI the
 * register groups: spend, jobs, a local share, carbon saved), and
 *
 * | Achieved | rating |
 * | --- | --- |
 * | at least 100% | Good |
 * | at least 90% | Approaching target |
 * | at least 75% | Requires improvement |
 * | below 75% | Inadequate |
 *
 * Other, with the reason in RatingBasis: no target (blank or 0), nothing reported yet, or none
 * of the commitments it counts is due yet and the target is not met (a notice should not call a
 * contract Inadequate a month in because a three-year target is not met yet).
 */
import { formatNumber } from "../shared/format";

export const RATINGS = ["Good", "Approaching target", "Requires improvement", "Inadequate", "Other"] as const;
export type Rating = (typeof RATINGS)[number];

/** The lowest share of the target (Actual ÷ Target) that earns each rating; below the last, Inadequate. */
export interface RatingThresholds {
  good: number;
  approachingTarget: number;
  requiresImprovement: number;
}

/** The product's default (module comment): 100%, 90%, 75%. A setting, not law. */
export const DEFAULT_RATING_THRESHOLDS: RatingThresholds = { good: 1, approachingTarget: 0.9, requiresImprovement: 0.75 };

export interface KpiFigures {
  kpi: string;
  unit: string;
  target: number | null;
  actual: number | null;
  /** Whether any commitment the KPI counts is due by the date of the rating (a blank due date counts as due). */
  anyDue: boolean;
}

export interface KpiRated {
  /** Actual ÷ Target; null when there is no ratio to give. */
  achieved: number | null;
  rating: Rating;
  basis: string;
}

const percent = (ratio: number): string => `${formatNumber(Math.round(ratio * 1000) / 10)}%`;

/** Each threshold a share of the target, in order, and each between 0 and 10 (1000%). */
export function checkThresholds(t: RatingThresholds): string[] {
  const problems: string[] = [];
  for (const [name, v] of Object.entries(t)) if (!(Number.isFinite(v) && v >= 0 && v <= 10)) problems.push(`The ${name} threshold must be a share between 0 and 10 (1000%); it is ${String(v)}.`);
  if (problems.length === 0 && !(t.good >= t.approachingTarget && t.approachingTarget >= t.requiresImprovement)) {
    problems.push("The thresholds must not rise from Good to Approaching target to Requires improvement.");
  }
  return problems;
}

function thresholdsText(t: RatingThresholds): string {
  const same = t.good === DEFAULT_RATING_THRESHOLDS.good && t.approachingTarget === DEFAULT_RATING_THRESHOLDS.approachingTarget && t.requiresImprovement === DEFAULT_RATING_THRESHOLDS.requiresImprovement;
  return `${same ? "default " : ""}thresholds: Good from ${percent(t.good)}, Approaching target from ${percent(t.approachingTarget)}, Requires improvement from ${percent(t.requiresImprovement)}`;
}

/** The rating of one KPI, by the rule of the module comment. */
export function rateKpi(f: KpiFigures, thresholds: RatingThresholds = DEFAULT_RATING_THRESHOLDS): KpiRated {
  if (f.target === null || f.target <= 0) return { achieved: null, rating: "Other", basis: "No target: enter one in Target to rate this KPI." };
  if (f.actual === null) return { achieved: null, rating: "Other", basis: "Nothing reported yet: enter Delivered on the commitments, or an Actual." };
  // Rounded to 9 decimals before it is compared: figures added as floating point (1.1 + 2.2 FTE,
  // £20,359.91 + £23,503.86) give 0.9999999999999999 for an Actual that meets its Target exactly.
  const achieved = Math.round((f.actual / f.target) * 1e9) / 1e9;
  const of = `${formatNumber(f.actual)} of a target of ${formatNumber(f.target)} ${f.unit} (${percent(achieved)})`;
  if (achieved < thresholds.good && !f.anyDue) return { achieved, rating: "Other", basis: `${of}; none of its commitments is due yet, so it is not rated below Good.` };
  const rating: Rating = achieved >= thresholds.good ? "Good" : achieved >= thresholds.approachingTarget ? "Approaching target" : achieved >= thresholds.requiresImprovement ? "Requires improvement" : "Inadequate";
  return { achieved, rating, basis: `${of}; ${thresholdsText(thresholds)}.` };
}

/** What each rating says, in the notice's own terms (paraphrasing the guidance's descriptors). */
const SAYS: Record<Rating, string> = {
  Good: "meets or exceeds the KPI",
  "Approaching target": "is close to meeting the KPI",
  "Requires improvement": "is below the KPI",
  Inadequate: "is significantly below the KPI",
  Other: "cannot yet be described against the KPI",
};

/** A draft sentence for the Contract Performance Notice: for the contract manager to check and edit, never published as it is. */
export function noticeDraft(contract: string, supplier: string, f: KpiFigures, rated: KpiRated): string {
  const figures = f.actual !== null && f.target !== null && f.target > 0 ? ` (${formatNumber(f.actual)} ${f.unit} against a target of ${formatNumber(f.target)} ${f.unit})` : "";
  return `${contract}, ${supplier}. KPI: ${f.kpi}. Rating: ${rated.rating}. Performance ${SAYS[rated.rating]}${figures}.`;
}
