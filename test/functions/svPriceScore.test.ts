import "../support/customFunctions";
import { priceScore } from "../../src/core/scores/awardMaths";
import { svPriceScore } from "../../src/functions/functions";

/**
 * TENDER.SVPRICESCORE(price, prices, max_points): lowest-price scoring, as its JSDoc in
 * src/functions/functions.ts specifies. The cheapest bid gets max_points, the others
 * max_points × lowest price ÷ their price; blank and text cells in prices are ignored.
 */

const BLANKS = [[""], [null]] as const;

/** A one-column range: col(1, 2) is [[1], [2]]. */
const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

/** Three bids' prices in £, as the Bid price column of SV Scores holds them. */
const PRICES = col(100_000, 125_000, 200_000);

/** The price points of one bid, as =TENDER.SVPRICESCORE(B2, B$2:B$4, 60) computes them. */
function pointsFor(price: unknown, prices: unknown[][] = PRICES, maxPoints: unknown = 60): number {
  const [[points]] = svPriceScore([[price]], prices, maxPoints) as [[number]];
  return points;
}

describe("TENDER.SVPRICESCORE lowest-price scoring", () => {
  it("gives the cheapest bid max_points and the others max_points × lowest ÷ price", () => {
    expect(pointsFor(100_000)).toBe(60);
    expect(pointsFor(125_000)).toBe(48);
    expect(pointsFor(200_000)).toBe(30);
  });

  it("scores a whole column of bids at once", () => {
    expect(svPriceScore(PRICES, PRICES, 60)).toEqual([[60], [48], [30]]);
  });

  it("counts the bid's own price in the lowest price", () => {
    expect(pointsFor(80_000)).toBe(60);
  });

  it("gives tied cheapest bids max_points each", () => {
    expect(svPriceScore(col(90_000, 90_000), col(90_000, 90_000), 40)).toEqual([[40], [40]]);
  });

  it("accepts scalars where one-cell ranges are given", () => {
    const scalar = (x: unknown): unknown[][] => x as unknown[][];
    expect(svPriceScore(scalar(200), scalar(100), [[60]])).toEqual([[30]]);
  });

  it("a max_points of 0 gives 0 points", () => {
    expect(pointsFor(125_000, PRICES, 0)).toBe(0);
  });
});

describe("TENDER.SVPRICESCORE cells", () => {
  it.each([[""], [null], ["withdrawn"], ["£90,000"], [true], [false]])("ignores %p in prices", (cell) => {
    expect(pointsFor(125_000, col(cell, 100_000, cell))).toBe(48);
  });

  it.each(BLANKS)("a blank price (%p) is #VALUE! naming its row", (blank) => {
    expect(() => svPriceScore(col(100_000, blank), PRICES, 60)).toThrowExcelError("#VALUE!", /price row 2 is blank/);
  });

  it.each([["£125,000"], ["TBC"], [true]])("a price of %p is #VALUE! naming its row", (bad) => {
    expect(() => svPriceScore(col(100_000, bad), PRICES, 60)).toThrowExcelError("#VALUE!", /price row 2 is .*give the bid's price in £/);
  });

  it.each([[0], [-100_000]])("a price of %p is #NUM!", (bad) => {
    expect(() => pointsFor(bad)).toThrowExcelError("#NUM!");
  });

  it.each([[0], [-1]])("a price of %p among the prices is #NUM!", (bad) => {
    expect(() => pointsFor(125_000, col(100_000, bad))).toThrowExcelError("#NUM!");
  });

  it.each([["sixty"], [true]])("a max_points of %p is #VALUE! naming max_points", (bad) => {
    expect(() => pointsFor(125_000, PRICES, bad)).toThrowExcelError("#VALUE!", /max_points is .*not a number/);
  });

  it.each(BLANKS)("a blank max_points (%p) is #VALUE! saying it is blank", (blank) => {
    expect(() => pointsFor(125_000, PRICES, blank)).toThrowExcelError("#VALUE!", /max_points is blank/);
  });

  it("a negative max_points is #NUM!", () => {
    expect(() => pointsFor(125_000, PRICES, -60)).toThrowExcelError("#NUM!");
  });
});

describe("TENDER.SVPRICESCORE reports the first problem in reading order", () => {
  it("within price, the earlier row decides", () => {
    expect(() => svPriceScore(col(100, -5, "x"), PRICES, 60)).toThrowExcelError("#NUM!");
    expect(() => svPriceScore(col(100, "x", -5), PRICES, 60)).toThrowExcelError("#VALUE!", /price row 2/);
  });

  it("price before prices", () => {
    expect(() => svPriceScore(col("x"), col(0), 60)).toThrowExcelError("#VALUE!", /price row 1/);
  });

  it("price before max_points", () => {
    expect(() => pointsFor(0, PRICES, "sixty")).toThrowExcelError("#NUM!");
  });

  it("prices before max_points", () => {
    expect(() => pointsFor(100, col(0), "sixty")).toThrowExcelError("#NUM!");
  });
});

describe("TENDER.SVPRICESCORE agrees with priceScore in src/core", () => {
  const bids = [1_240_500, 1_180_250.75, 1_403_000, 1_180_251];

  it("gives the core's points for every bid", () => {
    const expected = bids.map((p) => {
      const result = priceScore(p, bids, 70);
      return [result.ok ? result.value : NaN];
    });
    expect(svPriceScore(col(...bids), col(...bids, "", "withdrawn"), 70)).toEqual(expected);
  });

  it("gives the figures worked out by hand", () => {
    const [[first], [cheapest]] = svPriceScore(col(...bids), col(...bids), 70) as [[number], [number]];
    expect(first).toBeCloseTo((70 * 1_180_250.75) / 1_240_500, 12);
    expect(cheapest).toBe(70);
  });
});
