/**
 * How measure refs compare everywhere: trimmed and case-insensitive, because bidders type
 * " ecc1 " for "ECC1" (DESIGN.md, TENDER.SVVALUE).
 */
export function refKey(ref: string): string {
  return ref.trim().toUpperCase();
}

/**
 * Bidders are one bidder however they are typed: names compare trimmed and
 * case-insensitively (the same rule as measure refs), and show as first written.
 */
export function bidderKey(name: string): string {
  return name.trim().toUpperCase();
}

/** Criterion ids compare the same way: " q1" on SV Marks is criterion Q1 of SV Criteria. */
export function criterionKey(id: string): string {
  return id.trim().toUpperCase();
}

/** Evaluators too: "ann " on SV Marks is Ann of SV_Evaluators. */
export function evaluatorKey(name: string): string {
  return name.trim().toUpperCase();
}
