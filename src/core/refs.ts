/**
 * How measure refs compare everywhere: trimmed and case-insensitive, because bidders type
 * " ecc1 " for "ECC1" (DESIGN.md, TENDER.SVVALUE).
 */
export function refKey(ref: string): string {
  return ref.trim().toUpperCase();
}
