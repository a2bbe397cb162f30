/**
 * How measure refs, bidders, criteria and evaluators compare everywhere: by nameKey (names.ts),
 * so " ecc1 " is ECC1 (DESIGN.md, TENDER.SVVALUE), and so are "ECC1" with a zero-width space,
 * "ＥＣＣ１" in fullwidth, and "Acme\u00a0Ltd" is Acme Ltd (issue #17 point 3). One rule for all
 * four, so a name typed on one sheet finds its row on another.
 */
import { nameKey } from "./names";

export function refKey(ref: string): string {
  return nameKey(ref);
}

/** Bidders are one bidder however they are typed; they show as first written. */
export function bidderKey(name: string): string {
  return nameKey(name);
}

/** Criterion ids compare the same way: " q1" on SV Marks is criterion Q1 of SV Criteria. */
export function criterionKey(id: string): string {
  return nameKey(id);
}

/** Evaluators too: "ann " on SV Marks is Ann of SV_Evaluators. */
export function evaluatorKey(name: string): string {
  return nameKey(name);
}
