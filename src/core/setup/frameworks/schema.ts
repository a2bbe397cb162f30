/**
 * The shape of a social value framework: Themes → Outcomes → Measures (the "TOMs" shape,
 * DESIGN.md) plus the qualitative criteria evaluators mark. Frameworks are data files
 * checked by this schema; `loadFramework` adds the checks that span the whole file.
 */
import { z } from "zod";
import { UNIT_KEYS } from "../units";
import { BUYERS, SCORING_METHODS } from "../tenderTerms";

/**
 * LEV: local economic value (jobs, local spend). SV: social and environmental value.
 * Record: reported but never valued (e.g. Essex ECC2, "% of local people employed").
 */
export const MEASURE_TYPES = ["LEV", "SV", "Record"] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

const nonBlank = z.string().trim().min(1, "must not be blank");

export const sourceSchema = z.object({
  /** The document the framework was taken from. */
  title: nonBlank,
  publisher: nonBlank,
  url: z.string().optional(),
  /** Year or date of the document, as it gives it. */
  date: z.string().optional(),
});

export const measureSchema = z.object({
  /** Stable reference bidders and formulas use, e.g. "ECC10" or "CS1.2". */
  ref: nonBlank,
  description: nonBlank,
  unit: z.enum(UNIT_KEYS),
  /** The unit as the council's document prints it ("no. hrs × no. attendees"). */
  unitLabel: z.string().optional(),
  /** £ of social value per unit; null when the framework gives none (councils supply their own). */
  proxy: z.number().finite().nonnegative().nullable(),
  /** Where the proxy figure comes from; required in practice for every non-null proxy. */
  proxySource: z.string().optional(),
  type: z.enum(MEASURE_TYPES),
  guidance: z.string().optional(),
  /** The bidder must attach or describe evidence for this commitment. */
  evidenceRequired: z.boolean().optional(),
  /** Refs that cannot count the same thing as this one (Essex: local supplier vs local SME spend). */
  excludes: z.array(nonBlank).optional(),
  /** A hire counts only in the first year of the contract (Essex / Torbay counting rules). */
  firstYearOnly: z.boolean().optional(),
});

export const outcomeSchema = z.object({
  id: nonBlank,
  name: nonBlank,
  measures: z.array(measureSchema),
});

export const themeSchema = z.object({
  id: nonBlank,
  name: nonBlank,
  outcomes: z.array(outcomeSchema),
});

export const criterionSchema = z.object({
  id: nonBlank,
  question: nonBlank,
  guidance: z.string().optional(),
  /** The outcome the answer is about, where the framework ties them. */
  outcomeId: z.string().optional(),
});

/** A council's own rule for when social value must be evaluated. */
export const thresholdSchema = z.object({
  category: z.enum(["supplies-services", "light-touch", "works", "any"]),
  /** Contract value at or above which social value applies (excluding VAT unless `vat` says otherwise). */
  minValue: z.number().finite().nonnegative(),
  /** Works only: the minimum contract length in months (Southend: 24). */
  minMonths: z.number().int().positive().optional(),
  /** Whether `minValue` includes VAT; council policies state theirs without it. Default "excluded". */
  vat: z.enum(["excluded", "included"]).optional(),
  /** The document the figure comes from, shown beside the verdict. */
  source: z.string().optional(),
});

export const policySchema = z.object({
  thresholds: z.array(thresholdSchema).optional(),
  /** Share of the total award criteria, 0.1 = 10%. */
  minWeighting: z.number().min(0).max(1).optional(),
  maxWeighting: z.number().min(0).max(1).optional(),
  /** Target social value per £1 of contract value, 0.25 = 25p. */
  targetReturn: z.number().nonnegative().optional(),
  /** Each tender must select at least one outcome (Thurrock). */
  requiresOutcomeSelection: z.boolean().optional(),
  /** A response needs both a quantitative and a qualitative part to count (Torbay). */
  requiresBothParts: z.boolean().optional(),
  /**
   * An answer earns no marks unless it makes a specific, measurable and time-bound commitment
   * (PPN 002): moderation warns when a mark above the lowest rests on a rationale naming none.
   */
  requiresSmartCommitment: z.boolean().optional(),
  /** How the council turns £ of social value into points, where it says (Essex: against a target). */
  scoringMethod: z.enum(SCORING_METHODS).optional(),
  /**
   * The buyers for whom the framework's dates are binding (PPN 002 and PPN 06/20: central
   * government). Absent: binding for every buyer. For others a framework out of its dates is a choice.
   */
  mandatoryFor: z.array(z.enum(BUYERS)).optional(),
  note: z.string().optional(),
});

export const frameworkSchema = z.object({
  id: nonBlank,
  name: nonBlank,
  version: nonBlank,
  source: sourceSchema,
  /** ISO date from which this version applies (PPN 002: 24 February 2025). */
  appliesFrom: z.iso.date().optional(),
  /** ISO date after which procurements begun should use `supersededBy` instead. */
  appliesUntil: z.iso.date().optional(),
  /** The id of the framework that replaces this one for procurements begun after `appliesUntil`. */
  supersededBy: z.string().optional(),
  /** Figures are for demonstration only and must be labelled so wherever shown. */
  illustrative: z.boolean().optional(),
  policy: policySchema.optional(),
  themes: z.array(themeSchema).min(1, "a framework needs at least one theme"),
  criteria: z.array(criterionSchema),
});

export type FrameworkSource = z.infer<typeof sourceSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Threshold = z.infer<typeof thresholdSchema>;
export type FrameworkPolicy = z.infer<typeof policySchema>;
export type Framework = z.infer<typeof frameworkSchema>;
