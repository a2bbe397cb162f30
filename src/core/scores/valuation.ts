/**
 * Valuation: what each bid's commitments are worth in £, and its return on the contract
 * value (DESIGN.md: "a bid's social value is Σ quantity × proxy; its return is that £ divided
 * by the contract value").
 *
 * Inputs are commitments validation has accepted, so every ref is in the measure table and
 * every quantity a non-negative number; anything else here is programmer misuse and throws.
 *
 * Arithmetic is plain IEEE double with no rounding anywhere in core (display rounds). To keep
 * results reproducible and equal to `TENDER.SVVALUE` over the same rows, every sum is built
 * the same way SVVALUE builds it: start at 0 and add quantity × proxy one row at a time, in
 * row order. A consequence worth knowing: `total` is summed on its own, so it can differ from
 * `lev + sv` (or from the sum of `byTheme`) in the last binary digit — far below a penny.
 */
import { bidderKey } from "../shared/refs";
import { benchmarkPosition, type BenchmarkBand } from "./benchmark";
import type { Commitment } from "../bids/commitments";
import { indexMeasures, refKey, type MeasureEntry } from "../setup/measureTable";

export interface BidValuation {
  /** As first written in the commitments, trimmed. */
  bidder: string;
  /** £ of all valued commitments: LEV + SV measures (record-only measures add 0). */
  total: number;
  /** £ of local economic value (measures of type LEV). */
  lev: number;
  /** £ of social value (measures of type SV). */
  sv: number;
  /**
   * £ per theme id, for every theme of the measure table in table order (0 where the bid
   * commits nothing), so rows of a summary line up across bidders.
   */
  byTheme: Readonly<Record<string, number>>;
  /** total / contract value: 0.25 means 25p per £1. */
  returnRatio: number;
  levReturn: number;
  svReturn: number;
  /** Where each return sits among the Southend policy benchmarks (benchmark.ts). */
  benchmark: { total: BenchmarkBand; lev: BenchmarkBand; sv: BenchmarkBand };
  /** Commitment rows of this bidder, record-only ones included. */
  commitments: number;
}

export { bidderKey };

interface Accumulator {
  bidder: string;
  total: number;
  lev: number;
  sv: number;
  /** Indexed like `themeIds`. */
  themes: number[];
  commitments: number;
}

/**
 * Values every bid. Bidders come out in order of first appearance in `commitments`.
 * A measure with no proxy (null) values at 0; a record-only measure values at 0 whatever
 * its proxy.
 */
export function valueBids(
  commitments: readonly Commitment[],
  measures: readonly MeasureEntry[],
  contractValue: number,
): BidValuation[] {
  if (!(contractValue > 0) || !Number.isFinite(contractValue)) {
    throw new RangeError(`valueBids: the contract value must be a positive number, got ${contractValue}`);
  }
  const byRef = indexMeasures(measures);
  const themeIds: string[] = [];
  const themeIndex = new Map<string, number>();
  for (const m of measures) {
    if (!themeIndex.has(m.themeId)) {
      themeIndex.set(m.themeId, themeIds.length);
      themeIds.push(m.themeId);
    }
  }

  const bids = new Map<string, Accumulator>();
  for (const c of commitments) {
    const measure = byRef.get(refKey(c.ref));
    if (measure === undefined) {
      throw new RangeError(`valueBids: row ${c.row} refers to ${c.ref}, which is not in the measure table`);
    }
    if (!(c.quantity >= 0) || !Number.isFinite(c.quantity)) {
      throw new RangeError(`valueBids: row ${c.row} has quantity ${c.quantity}; validation should have rejected it`);
    }
    const key = bidderKey(c.bidder);
    let bid = bids.get(key);
    if (bid === undefined) {
      bid = { bidder: c.bidder.trim(), total: 0, lev: 0, sv: 0, themes: themeIds.map(() => 0), commitments: 0 };
      bids.set(key, bid);
    }
    bid.commitments += 1;
    if (measure.type === "Record" || measure.proxy === null) continue;
    const value = c.quantity * measure.proxy;
    bid.total += value;
    if (measure.type === "LEV") bid.lev += value;
    else bid.sv += value;
    // indexMeasures and themeIndex read the same table, so the theme is always indexed.
    const t = themeIndex.get(measure.themeId) as number;
    bid.themes[t] = (bid.themes[t] as number) + value;
  }

  return [...bids.values()].map((bid) => {
    const byTheme: Record<string, number> = {};
    themeIds.forEach((id, i) => {
      byTheme[id] = bid.themes[i] as number;
    });
    const returnRatio = bid.total / contractValue;
    const levReturn = bid.lev / contractValue;
    const svReturn = bid.sv / contractValue;
    return {
      bidder: bid.bidder,
      total: bid.total,
      lev: bid.lev,
      sv: bid.sv,
      byTheme,
      returnRatio,
      levReturn,
      svReturn,
      benchmark: {
        total: benchmarkPosition(returnRatio, "total"),
        lev: benchmarkPosition(levReturn, "lev"),
        sv: benchmarkPosition(svReturn, "sv"),
      },
      commitments: bid.commitments,
    };
  });
}
