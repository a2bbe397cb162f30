import { bidderKey, valueBids } from "../../../src/core/scores/valuation";
import { aCommitment, aMeasure } from "../../support/scoringBuilders";

// Illustrative proxies: £16.93 per volunteering hour and £101 per expert hour are Essex's
// published staff-time values (DOMAIN.md); the others are round figures for arithmetic.
const measures = [
  aMeasure({ ref: "ECC1", themeId: "jobs", unit: "FTE", proxy: 20_000, type: "LEV" }),
  aMeasure({ ref: "ECC2", themeId: "jobs", unit: "percent", proxy: null, type: "Record" }),
  aMeasure({ ref: "ECC11", themeId: "growth", unit: "GBP", proxy: 1, type: "LEV" }),
  aMeasure({ ref: "ECC39", themeId: "growth", unit: "hours", proxy: 101, type: "SV" }),
  aMeasure({ ref: "VOL", themeId: "social", unit: "hours", proxy: 16.93, type: "SV" }),
  aMeasure({ ref: "UNPRICED", themeId: "environment", unit: "tonnes", proxy: null, type: "SV" }),
];

describe("valueBids", () => {
  it("sums quantity × proxy per bidder, split into local economic value and social value", () => {
    const [acme] = valueBids(
      [
        aCommitment({ bidder: "Acme", ref: "ECC1", quantity: 2 }),
        aCommitment({ bidder: "Acme", ref: "ECC39", quantity: 10 }),
        aCommitment({ bidder: "Acme", ref: "VOL", quantity: 100 }),
      ],
      measures,
      1_000_000,
    );
    expect(acme?.lev).toBe(40_000);
    expect(acme?.sv).toBeCloseTo(1_010 + 1_693, 9);
    expect(acme?.total).toBeCloseTo(42_703, 9);
    expect(acme?.commitments).toBe(3);
  });

  it("gives record-only measures and measures without a proxy no value, but counts their rows", () => {
    const [acme] = valueBids(
      [
        aCommitment({ bidder: "Acme", ref: "ECC2", quantity: 80 }),
        aCommitment({ bidder: "Acme", ref: "UNPRICED", quantity: 5 }),
      ],
      [...measures, aMeasure({ ref: "PRICEDRECORD", proxy: 50, type: "Record" })],
      1_000_000,
    );
    expect(acme).toMatchObject({ total: 0, lev: 0, sv: 0, commitments: 2 });
  });

  it("values a record-only measure at 0 even when the table gives it a proxy", () => {
    const [acme] = valueBids(
      [aCommitment({ bidder: "Acme", ref: "PRICEDRECORD", quantity: 5 })],
      [aMeasure({ ref: "PRICEDRECORD", proxy: 50, type: "Record" })],
      1_000_000,
    );
    expect(acme?.total).toBe(0);
  });

  it("lists bidders in order of first appearance, matched trimmed and case-insensitively, named as first written", () => {
    const bids = valueBids(
      [
        aCommitment({ bidder: " Beta Ltd ", ref: "ECC11", quantity: 10 }),
        aCommitment({ bidder: "Acme", ref: "ECC11", quantity: 5 }),
        aCommitment({ bidder: "BETA LTD", ref: "ECC11", quantity: 1 }),
      ],
      measures,
      1_000_000,
    );
    expect(bids.map((b) => [b.bidder, b.total, b.commitments])).toEqual([
      ["Beta Ltd", 11, 2],
      ["Acme", 5, 1],
    ]);
  });

  it("matches refs trimmed and case-insensitively", () => {
    const [acme] = valueBids([aCommitment({ bidder: "Acme", ref: " ecc11 ", quantity: 7 })], measures, 1_000_000);
    expect(acme?.total).toBe(7);
  });

  it("reports £ for every theme of the table, in table order, 0 where nothing is committed", () => {
    const [acme] = valueBids(
      [
        aCommitment({ bidder: "Acme", ref: "VOL", quantity: 10 }),
        aCommitment({ bidder: "Acme", ref: "ECC11", quantity: 500 }),
        aCommitment({ bidder: "Acme", ref: "ECC39", quantity: 1 }),
      ],
      measures,
      1_000_000,
    );
    expect(Object.keys(acme?.byTheme ?? {})).toEqual(["jobs", "growth", "social", "environment"]);
    expect(acme?.byTheme).toEqual({ jobs: 0, growth: 601, social: 169.3, environment: 0 });
  });

  it("gives the return on the contract value and its benchmark band for total, LEV and SV", () => {
    // Essex's programme (seed 001): £42m committed on £447m of contracts, about 9.4p per £1.
    const [essex] = valueBids(
      [aCommitment({ bidder: "Essex suppliers", ref: "ECC11", quantity: 42_000_000 })],
      measures,
      447_000_000,
    );
    expect(essex?.returnRatio).toBeCloseTo(0.094, 3);
    expect(essex?.levReturn).toBe(essex?.returnRatio);
    expect(essex?.svReturn).toBe(0);
    expect(essex?.benchmark).toEqual({
      total: "lower quartile to median",
      // All of it is local spend, and 9.4% is above the LEV median of 8.4%.
      lev: "median to upper quartile",
      sv: "below lower quartile",
    });
  });

  it("sums in row order, as SVVALUE does, without rounding", () => {
    const rows = [0.1, 0.2, 0.3].map((quantity) => aCommitment({ bidder: "Acme", ref: "ECC11", quantity }));
    const [acme] = valueBids(rows, measures, 1_000_000);
    expect(acme?.total).toBe(0.1 + 0.2 + 0.3);
    expect(acme?.total).not.toBe(0.6);
  });

  it("gives an empty list for no commitments", () => {
    expect(valueBids([], measures, 1_000_000)).toEqual([]);
  });

  it("throws on a ref validation should have rejected (programmer misuse)", () => {
    expect(() => valueBids([aCommitment({ ref: "NOPE", row: 12 })], measures, 1_000_000)).toThrow(/row 12.*NOPE/);
  });

  it("throws on a contract value that is not positive (settings are validated first)", () => {
    expect(() => valueBids([], measures, 0)).toThrow(RangeError);
  });
});

describe("bidderKey", () => {
  it("compares names trimmed and case-insensitively", () => {
    expect(bidderKey("  Acme Care ")).toBe(bidderKey("ACME CARE"));
  });
});
