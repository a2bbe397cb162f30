/**
 * The held-back rule in core (heldBids.ts): which rows hold their bid, and how the other bids are
 * scored and ranked. The same rule on SV Scores is tested through the workbook in
 * test/excel/scores/heldBids.test.ts.
 */
import { bidderKey, FINDINGS, heldBids, HOLDING_CODES, scoreNotHeld, validateCommitments, type BidToScore } from "../../../src/core";
import { aMeasure, aRow } from "../builders";

const MEASURES = [aMeasure({ ref: "M1" }), aMeasure({ ref: "M2", unit: "hours", max: 50 })];
const held = (rows: Parameters<typeof aRow>[0][]) => heldBids(validateCommitments(rows.map(aRow), MEASURES).findings);

describe("which rows hold their bid back", () => {
  it("an error on a row holds its bid, naming the first faulty row as the sheet does", () => {
    const bids = held([
      { row: 4, bidder: "Acme Ltd", quantity: 2 },
      { row: 5, bidder: "Birch Homes", quantity: 2 },
      { row: 6, bidder: "Birch Homes", ref: "M2", quantity: "twelve" },
      { row: 7, bidder: "birch homes ", ref: "M9", quantity: 1 },
    ]);
    // One bid however its name is typed.
    expect([...bids.keys()]).toEqual([bidderKey("Birch Homes")]);
    const birch = bids.get(bidderKey("Birch Homes"));
    expect(birch?.text).toBe("SV111 on SV Commitments row 6");
    expect(birch?.faults.map((f) => [f.row, f.code])).toEqual([
      [6, "SV111"],
      [7, "SV103"],
    ]);
    expect(birch?.faults[0]?.action).toMatch(/plain number/);
  });

  it("a warning or a note holds nothing", () => {
    // Above the measure's maximum (SV115, a warning) and a record-only measure (SV118, a note).
    expect(held([{ ref: "M2", quantity: 60 }]).size).toBe(0);
    expect(heldBids(validateCommitments([aRow({ ref: "R1" })], [aMeasure({ ref: "R1", type: "Record", proxy: null })]).findings).size).toBe(0);
  });

  it("a faulty row with no bidder holds no bid", () => {
    expect(held([{ bidder: "", quantity: -1 }]).size).toBe(0);
  });

  it("the same measure twice holds the bid as SV Scores words it, with both rows counted in its £", () => {
    const result = validateCommitments([aRow({ row: 4, quantity: 1 }), aRow({ row: 5, ref: " m1", quantity: 2 })], MEASURES);
    const [bid] = [...heldBids(result.findings).values()];
    expect([bid?.text, bid?.faults.map((f) => [f.row, f.code])]).toEqual(["SV201 on SV Commitments", [[5, "SV201"]]]);
    expect(result.commitments.map((c) => c.quantity)).toEqual([1, 2]);
  });

  it("a faulty row names the bid's hold before a measure claimed twice, as SV Scores does", () => {
    const [bid] = [...held([{ row: 4, quantity: 1 }, { row: 5, quantity: 2 }, { row: 6, ref: "M2", quantity: -1 }]).values()];
    expect([bid?.text, bid?.faults.map((f) => [f.row, f.code])]).toEqual(["SV112 on SV Commitments row 6", [[5, "SV201"], [6, "SV112"]]]);
  });

  it("every error in the catalogue holds a bid in the sheet once its Check shows it, and no warning does", () => {
    expect(HOLDING_CODES).toContain(FINDINGS.quantityAsText.code);
    expect(HOLDING_CODES).toContain(FINDINGS.unitMismatch.code);
    expect(HOLDING_CODES).not.toContain(FINDINGS.quantityAboveMax.code);
    expect(HOLDING_CODES).not.toContain(FINDINGS.proxyMissing.code);
  });
});

describe("scoring the bids not held back", () => {
  const TERMS = { available: 5, maxPoints: 10, method: "relative" as const };
  const bid = (value: number, over: Partial<BidToScore> = {}): BidToScore => ({ value, qualitative: 1, held: false, disregarded: false, ...over });

  it("a held bid gets no points, score or rank, and its £ sets no bar for the others", () => {
    const [acme, birch, cobalt] = scoreNotHeld([bid(100), bid(900, { held: true }), bid(200)], TERMS);
    expect(birch).toEqual({ quantitative: undefined, qualitative: 1, score: undefined, rank: undefined });
    expect([cobalt?.quantitative, cobalt?.rank]).toEqual([5, 1]);
    expect([acme?.quantitative, acme?.rank]).toEqual([2.5, 2]);
  });

  it("a disregarded bid scores 0 and is ranked; ties share a rank among the bids not held back", () => {
    const points = scoreNotHeld([bid(100), bid(100), bid(500, { disregarded: true }), bid(50, { held: true })], TERMS);
    expect(points.map((p) => [p.score, p.rank])).toEqual([
      [6, 1],
      [6, 1],
      [0, 3],
      [undefined, undefined],
    ]);
  });
});
