/**
 * The closed vocabularies of a tender's settings. Kept apart from the settings schema
 * (tender.ts, which needs zod) so the custom functions can use them without carrying a
 * schema library into their small bundle.
 */
export const CATEGORIES = ["supplies-services", "light-touch", "works"] as const;
export type Category = (typeof CATEGORIES)[number];

export const SCORING_METHODS = ["relative", "target", "range"] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

/** How evaluators' qualitative marks roll up to one mark per bidder × criterion. */
export const ROLL_UPS = ["consensus", "average", "median"] as const;
export type RollUp = (typeof ROLL_UPS)[number];
