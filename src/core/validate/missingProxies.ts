/**
 * Measures in scope that have no proxy value, named once each with the commitments that rely
 * on them (SV205). A measure the council has not priced values every commitment to it at £0,
 * and a bid of £0 scores as if it offered nothing: Essex publishes a proxy for two of its
 * measures only (£101 per expert hour), so an Essex tender scored before the council's
 * licensed table is imported would rank every bidder on nothing. Validate and Scores both say
 * so from this one list, before any figure is read as a result.
 */
import type { Commitment } from "../bids/commitments";
import { bidderKey } from "../shared/refs";
import { indexMeasures, refKey, type MeasureEntry } from "../setup/measureTable";
import { describeFinding, type FindingCode, type Severity } from "./findings";

export interface MissingProxy {
  code: FindingCode;
  severity: Severity;
  /** As SV Measures spells it. */
  ref: string;
  /** The measure's description. */
  measure: string;
  /** Commitments (rows validation accepted) to this measure, all valued at £0. */
  commitments: number;
  /** The bidders who committed to it, as first spelled, in sheet order. */
  bidders: string[];
  /** Sheet rows of those commitments, in order: the first is where "go to" takes the user. */
  rows: number[];
  message: string;
  action: string;
}

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "the 3 commitments to it (by Acme Care and Birch Homes) count £0", or what would happen to one. */
function reliance(count: number, bidders: readonly string[]): string {
  if (count === 0) return "any commitment to it would count £0 (none does yet)";
  const by = `by ${listOf(bidders)}`;
  return count === 1 ? `the commitment to it (${by}) counts £0` : `the ${count} commitments to it (${by}) count £0`;
}

/**
 * Every measure in scope, not record-only, whose proxy is blank, in table order, with the
 * accepted commitments that rely on it. A measure out of scope is left out (its rows are
 * SV104 errors, not counted); a proxy of 0 is the council's own figure, not a missing one.
 */
export function measuresWithoutProxy(measures: readonly MeasureEntry[], commitments: readonly Commitment[]): MissingProxy[] {
  const unpriced = new Map<string, { entry: MeasureEntry; rows: number[]; bidders: Map<string, string> }>();
  for (const m of indexMeasures(measures).values()) {
    if (m.inScope && m.type !== "Record" && m.proxy === null) unpriced.set(refKey(m.ref), { entry: m, rows: [], bidders: new Map() });
  }
  if (unpriced.size === 0) return [];
  for (const c of commitments) {
    const hit = unpriced.get(refKey(c.ref));
    if (hit === undefined) continue;
    hit.rows.push(c.row);
    const key = bidderKey(c.bidder);
    if (!hit.bidders.has(key)) hit.bidders.set(key, c.bidder);
  }
  return [...unpriced.values()].map(({ entry, rows, bidders }) => {
    const names = [...bidders.values()];
    const d = describeFinding("measureUsedWithoutProxy", { ref: entry.ref, measure: entry.description, reliance: reliance(rows.length, names) });
    return { ...d, ref: entry.ref, measure: entry.description, commitments: rows.length, bidders: names, rows };
  });
}
