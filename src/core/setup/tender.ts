/**
 * A tender's social value settings: everything that changes a score, as the SV Setup
 * sheet holds it (DESIGN.md "The workbook is the source of truth").
 */
import { z } from "zod";
import { BUYERS, CATEGORIES, ROLL_UPS, SCORING_METHODS, VAT_BASES, type Scale } from "./tenderTerms";

export * from "./tenderTerms";

export const scaleSchema: z.ZodType<Scale> = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** The marks an evaluator may give, in ascending order. */
  marks: z.array(z.number().finite().nonnegative()).min(2),
  /** What each mark means, same order as `marks` ("0 unacceptable … 5 excellent"). */
  descriptors: z.array(z.string()).optional(),
});

export const tenderSettingsSchema = z.object({
  contractName: z.string().trim().min(1, "the contract needs a name"),
  /** £, with or without VAT as `vatBasis` says. */
  contractValue: z.number().finite().positive("the contract value must be more than £0"),
  /**
   * Whether `contractValue` includes VAT. Optional only so that workbooks made before it was
   * asked still read; the Set up form requires it, and the threshold verdict says when it is missing.
   */
  vatBasis: z.enum(VAT_BASES).optional(),
  /**
   * When the procurement began (ISO date, yyyy-mm-dd): decides the regime (PCR 2015 before
   * 24 February 2025, Procurement Act 2023 from then) and which thresholds apply.
   */
  procurementStart: z.iso.date().optional(),
  /** Central government or a sub-central authority such as a council: decides the statutory threshold. */
  buyer: z.enum(BUYERS).optional(),
  category: z.enum(CATEGORIES),
  /** Works only: contract length in months (Southend's works threshold needs 24+). */
  durationMonths: z.number().int().positive().optional(),
  /** Social value's share of the whole award, 0.1 = 10%. */
  weighting: z.number().min(0).max(1),
  /** Points available for social value (often weighting × 100). */
  maxPoints: z.number().finite().positive(),
  /** Share of social value points given to the quantitative (£) part; the rest is qualitative. */
  quantitativeShare: z.number().min(0).max(1),
  method: z.enum(SCORING_METHODS),
  /** Target return for the "target" method, 0.25 = 25p per £1 (Essex). */
  targetReturn: z.number().nonnegative().optional(),
  scale: scaleSchema,
  /** Minimum qualitative mark a bid must reach (e.g. 3 of 5), if any. */
  passMark: z.number().nonnegative().optional(),
  evaluators: z.array(z.string().trim().min(1)),
  rollUp: z.enum(ROLL_UPS),
  /** Spread between the highest and lowest evaluator marks that must be discussed. */
  moderationThreshold: z.number().nonnegative(),
  frameworkId: z.string().min(1),
  /** Measure refs the tender asks bidders to commit to. */
  measuresInScope: z.array(z.string()),
  /** Outcome ids selected for this tender (Thurrock requires at least one). */
  outcomesInScope: z.array(z.string()),
  /** Disregard a bid's social value unless it has both parts (Torbay). */
  requireBothParts: z.boolean(),
});
export type TenderSettings = z.infer<typeof tenderSettingsSchema>;
