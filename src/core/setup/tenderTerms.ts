/**
 * The closed vocabularies of a tender's settings and the standard marking scales. Kept
 * apart from the settings schema (tender.ts, which needs zod) so the custom functions and
 * the pane's first screen can use them without loading a schema library.
 */
export const CATEGORIES = ["supplies-services", "light-touch", "works"] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Whether the contract value as typed includes VAT. Asked, never assumed: the statutory
 * thresholds include VAT (since 1 January 2022 under PCR 2015, and in the Procurement Act 2023),
 * while council policies (Southend 2021) state theirs without it. "none": no VAT is charged on
 * what is bought, so the value is the same either way.
 */
export const VAT_BASES = ["excluding", "including", "none"] as const;
export type VatBasis = (typeof VAT_BASES)[number];

/**
 * The kind of buyer, which decides the statutory threshold for goods and services: central
 * government departments have a lower one than councils and other sub-central authorities.
 */
export const BUYERS = ["sub-central", "central"] as const;
export type Buyer = (typeof BUYERS)[number];

export const SCORING_METHODS = ["relative", "target", "range"] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

/** How evaluators' qualitative marks roll up to one mark per bidder × criterion. */
export const ROLL_UPS = ["consensus", "average", "median"] as const;
export type RollUp = (typeof ROLL_UPS)[number];

/** A qualitative marking scale. */
export interface Scale {
  id: string;
  label: string;
  /** The marks an evaluator may give, in ascending order. */
  marks: number[];
  /** What each mark means, same order as `marks` ("0 unacceptable … 5 excellent"). */
  descriptors?: string[];
}

/** Qualitative scales in use by councils (DOMAIN.md: 0–5, 0–4, 0–10, 0/25/50/75/100). */
export const STANDARD_SCALES: readonly Scale[] = [
  {
    id: "0-5",
    label: "0–5",
    marks: [0, 1, 2, 3, 4, 5],
    descriptors: ["Unacceptable", "Poor", "Weak", "Satisfactory", "Good", "Excellent"],
  },
  { id: "0-4", label: "0–4", marks: [0, 1, 2, 3, 4], descriptors: ["Unacceptable", "Poor", "Satisfactory", "Good", "Excellent"] },
  { id: "0-10", label: "0–10", marks: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  {
    id: "0-100-quartiles",
    label: "0 / 25 / 50 / 75 / 100",
    marks: [0, 25, 50, 75, 100],
    descriptors: ["Unacceptable", "Poor", "Satisfactory", "Good", "Excellent"],
  },
];
