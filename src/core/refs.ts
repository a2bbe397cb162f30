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
