/**
 * Held back: the one rule the Scores page and SV Scores apply to faulty commitment rows
 * (issue #16 point 2). A commitment row is faulty when validation reports an error on it (a
 * warning or an info is not a fault); a bid with any faulty row is held back: it gets no points
 * for commitments, no score and no rank until the row is fixed, while every other bid is scored
 * and ranked among the bids not held back. An error so stays with the bid it belongs to.
 *
 * The sheet applies the rule to what its Check column shows (TENDER.SVCHECK, see
 * tableFormulas.ts), and SV_Scores[Held] to a bid's implausible total (SV206, SV207) and to a
 * measure it claims twice (SV201); the pane to what core validateCommitments finds. Both report
 * the same codes, a Value or Type typed over its formula included (SV121: the Check column
 * compares them, typedOver.ts). One fault only the pane can see: a Check cell typed over, which
 * the sheet reads as the typed text says; the pane holds the bid all the same and its finding
 * says why the two differ.
 */
import { SHEETS } from "../shared/layout";
import { bidderKey } from "../shared/refs";
import type { ScoringMethod } from "../setup/tender";
import { CATALOGUE, FINDINGS, type Finding, type FindingCode } from "../validate/findings";
import { competitionRanks, quantitativeScore } from "./scoring";

/**
 * SV201, the same measure claimed twice by one bid: no single row's Check can see it, so
 * SV_Scores[Held] looks for it over the bid's rows, after the faulty rows, and holds the bid
 * with {@link DUPLICATE_HELD_TEXT}. Both rows count in the bid's £ meanwhile (the sheet sums
 * every row that is not faulty), so the pane counts them too.
 */
export const FOUND_BY_SCORES: FindingCode = FINDINGS.duplicateMeasure.code;

/** SV Scores' words for a bid held for a measure claimed twice: finding the row would take a scan per row, so it names the sheet. */
export const DUPLICATE_HELD_TEXT = `${FINDINGS.duplicateMeasure.code} on ${SHEETS.commitments}`;

/**
 * Every code that, shown in a Check cell, makes its row faulty: the catalogue's errors. Taken
 * from the catalogue rather than listed, so an error code added later holds its bid in the
 * sheet as soon as the Check column shows it.
 */
export const HOLDING_CODES: readonly FindingCode[] = CATALOGUE.filter((e) => e.severity === "error").map((e) => e.code as FindingCode);

/** One faulty row of a held bid: where, which rule, and what to do. */
export interface Fault {
  /** 1-based sheet row on SV Commitments. */
  row: number;
  code: FindingCode;
  message: string;
  action: string;
}

export interface HeldBid {
  /** As first spelled on SV Commitments. */
  bidder: string;
  /** Every faulty row's errors, in sheet order. */
  faults: Fault[];
  /** The first fault as SV Scores words it: "SV108 on SV Commitments row 6". */
  text: string;
}

/** The sheet's wording of a held bid's first fault; SV_Scores[Held] builds the same text by formula. */
export function heldText(fault: Pick<Fault, "code" | "row">): string {
  return `${fault.code} on ${SHEETS.commitments} row ${fault.row}`;
}

/** Whether a finding makes its row faulty under the rule above (SV201 holds its bid too, found over the bid's rows); a Check typed over does, though the sheet cannot see it. */
export function holdsItsBid(f: Pick<Finding, "severity" | "code">): boolean {
  return f.severity === "error" && f.code !== FOUND_BY_SCORES;
}

/**
 * The bids held back, keyed by bidderKey, from validation's findings (sorted by row, as
 * validateCommitments returns them). The text is SV_Scores[Held]'s: the first faulty row's,
 * else, for a bid whose only trouble is a measure claimed twice, {@link DUPLICATE_HELD_TEXT}.
 * A faulty row with no bidder holds no bid: it belongs to none (Validate still reports it).
 */
export function heldBids(findings: readonly Finding[]): Map<string, HeldBid> {
  const held = new Map<string, HeldBid>();
  const hold = (f: Finding, text: () => string): void => {
    const key = bidderKey(f.bidder as string);
    let bid = held.get(key);
    if (bid === undefined) {
      bid = { bidder: f.bidder as string, faults: [], text: text() };
      held.set(key, bid);
    }
    bid.faults.push({ row: f.row, code: f.code, message: f.message, action: f.action });
  };
  for (const f of findings) {
    if (f.bidder !== undefined && holdsItsBid(f)) hold(f, () => heldText(f));
  }
  const duplicates = findings.filter((f) => f.bidder !== undefined && f.code === FOUND_BY_SCORES);
  for (const f of duplicates) hold(f, () => DUPLICATE_HELD_TEXT);
  if (duplicates.length > 0) for (const bid of held.values()) bid.faults.sort((a, b) => a.row - b.row);
  return held;
}

/** One bid as SV Scores holds it, for {@link scoreNotHeld}. */
export interface BidToScore {
  /** £ of its counted commitments. */
  value: number;
  /** Points for its answers (SV_Scores[Qualitative]). */
  qualitative: number;
  held: boolean;
  /** Both parts required and one missing (SV_Scores[Disregarded]): scores 0 and sets no bar. */
  disregarded: boolean;
}

/** A bid's points and rank; undefined where a held bid has none. */
export interface BidPoints {
  quantitative: number | undefined;
  qualitative: number;
  score: number | undefined;
  rank: number | undefined;
}

export interface ScoringTerms {
  /** Points for commitments: maxPoints × SV_QuantShare. */
  available: number;
  maxPoints: number;
  method: ScoringMethod;
  /** £ target for the target method. */
  target?: number;
}

/**
 * Every bid's points and rank by the rule above, as SV Scores' formulas give them: a held bid
 * gets none; a disregarded one 0 points and 0 for its answers; the rest are scored by the
 * tender's method against the £ of the bids neither held nor disregarded, and ranked (ties
 * share a rank) among the bids not held back. A method that cannot score (the target method
 * without a target) gives 0 here, where the sheet shows #NUM! and the page names the setting.
 */
export function scoreNotHeld(bids: readonly BidToScore[], terms: ScoringTerms): BidPoints[] {
  const values = bids.filter((b) => !b.held && !b.disregarded).map((b) => b.value);
  const points = bids.map((b): Omit<BidPoints, "rank"> => {
    const qualitative = b.disregarded ? 0 : b.qualitative;
    if (b.held) return { quantitative: undefined, qualitative, score: undefined };
    if (b.disregarded) return { quantitative: 0, qualitative, score: 0 };
    const q = quantitativeScore(b.value, values, terms.available, terms.method, terms.target);
    const quantitative = q.ok ? q.value : 0;
    return { quantitative, qualitative, score: quantitative + qualitative };
  });
  const scored = points.filter((p) => p.score !== undefined);
  const ranks = competitionRanks(
    scored.map((p) => p.score as number),
    terms.maxPoints,
  );
  return points.map((p) => ({ ...p, rank: p.score === undefined ? undefined : ranks[scored.indexOf(p)] }));
}
