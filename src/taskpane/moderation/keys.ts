import { bidderKey, criterionKey, evaluatorKey } from "../../core";

/** One bidder × criterion, matched as the workbook matches them: trimmed, any case. */
export function taskKey(bidder: string, criterion: string): string {
  return `${bidderKey(bidder)}\u0000${criterionKey(criterion)}`;
}

export function itemKey(item: { bidder: string; criterion: string }): string {
  return taskKey(item.bidder, item.criterion);
}

/** "ann " on SV Marks is Ann of the panel. */
export function sameEvaluator(a: string, b: string): boolean {
  return evaluatorKey(a) === evaluatorKey(b);
}
