import "../support/customFunctions";
import { quantitativeScore } from "../../src/core/scores/scoring";
import type { ScoringMethod } from "../../src/core/setup/tender";
import { svScore } from "../../src/functions/functions";

/**
 * TENDER.SVSCORE(value, values, max_points, [method], [target]), DESIGN.md "Custom functions".
 * Excel passes 2-D arrays for ranges, "" or null for empty cells, null for an omitted argument.
 */

const BLANKS = [[""], [null]] as const;

/** A one-column range: col(1, 2) is [[1], [2]]. */
const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

/** Three bids' £ of social value, as the Value column of SV Scores holds them. */
const BIDS = col(50_000, 100_000, 80_000);

/** The score of one bid, as =TENDER.SVSCORE(C2, C$2:C$4, …) computes it. */
function scoreOf(value: unknown, values: unknown[][] = BIDS, maxPoints: unknown = 10, method: unknown = null, target: unknown = null): number {
  const [[points]] = svScore([[value]], values, maxPoints, method, target) as [[number]];
  return points;
}

describe("TENDER.SVSCORE relative (the default)", () => {
  it("gives max_points × value / the best value", () => {
    expect(scoreOf(50_000)).toBe(5);
    expect(scoreOf(80_000)).toBe(8);
    expect(scoreOf(100_000)).toBe(10);
  });

  it("counts the value itself among the values", () => {
    expect(scoreOf(200_000)).toBe(10);
  });

  it("gives 0 when the best value is 0", () => {
    expect(scoreOf(0, col(0, 0, 0))).toBe(0);
  });

  it.each(BLANKS)("gives 0 when every cell is blank (%p)", (blank) => {
    expect(scoreOf(blank, col(blank, blank))).toBe(0);
  });

  it.each(BLANKS)("is the method when method is blank (%p)", (blank) => {
    expect(scoreOf(50_000, BIDS, 10, blank)).toBe(5);
  });

  it("scores a whole column of bids at once", () => {
    expect(svScore(BIDS, BIDS, 10, null, null)).toEqual([[5], [10], [8]]);
  });

  it("accepts scalars where one-cell ranges are given", () => {
    const scalar = (x: unknown): unknown[][] => x as unknown[][];
    expect(svScore(scalar(25), scalar(100), [[10]], null, null)).toEqual([[2.5]]);
  });
});

describe("TENDER.SVSCORE target", () => {
  // Essex asks for 25p per £1 (seed 000): on a £1m contract the £ target is £250,000.
  const target = 250_000;

  it("gives max_points × value / target below the target", () => {
    expect(scoreOf(200_000, BIDS, 20, "target", target)).toBe(16);
    expect(scoreOf(50_000, BIDS, 20, "target", target)).toBe(4);
  });

  it("gives max_points at the target and no more above it", () => {
    expect(scoreOf(250_000, BIDS, 20, "target", target)).toBe(20);
    expect(scoreOf(400_000, BIDS, 20, "target", target)).toBe(20);
  });

  it("does not depend on the other bids", () => {
    expect(scoreOf(100_000, col(1_000_000), 10, "target", target)).toBe(4);
  });

  it.each([[null], [""], [0], [-250_000]])("a target of %p is #NUM!", (bad) => {
    expect(() => scoreOf(100_000, BIDS, 10, "target", bad)).toThrowExcelError("#NUM!");
  });

  it.each([["£250,000"], [true]])("a target of %p (not a number) is #VALUE! naming the target", (bad) => {
    expect(() => scoreOf(100_000, BIDS, 10, "target", bad)).toThrowExcelError("#VALUE!", /target is .*not a £ amount/);
  });
});

describe("TENDER.SVSCORE range", () => {
  it("gives max_points × (value − min) / (max − min) over the values and the value", () => {
    expect(scoreOf(80_000, BIDS, 10, "range")).toBe(6);
    expect(scoreOf(50_000, BIDS, 10, "range")).toBe(0);
    expect(scoreOf(100_000, BIDS, 10, "range")).toBe(10);
  });

  it("counts the value itself in the min and the max", () => {
    expect(scoreOf(0, BIDS, 10, "range")).toBe(0);
    expect(scoreOf(50_000, col(100_000), 10, "range")).toBe(0);
  });

  it("gives max_points when every value is equal and above 0", () => {
    expect(scoreOf(5_000, col(5_000, 5_000), 10, "range")).toBe(10);
  });

  it("gives 0 when every value is 0", () => {
    expect(scoreOf(0, col(0, 0), 10, "range")).toBe(0);
  });
});

describe("TENDER.SVSCORE method name", () => {
  it.each<[string, number]>([
    ["Relative", 8],
    [" TARGET ", 4],
    ["  range", 6],
    ["rElAtIvE  ", 8],
  ])("reads %p trimmed and case-insensitively", (method, points) => {
    expect(scoreOf(80_000, BIDS, 10, method, 200_000)).toBe(points);
  });

  it.each([["best"], ["relative to best"], [1], [true]])("an unknown method %p is #VALUE! naming the method", (method) => {
    expect(() => scoreOf(80_000, BIDS, 10, method)).toThrowExcelError("#VALUE!", /method .* is not a scoring method/);
  });
});

describe("TENDER.SVSCORE cells", () => {
  it.each([[""], [null], ["n/a"], ["withdrawn"], [true], [false]])("ignores %p in values, as Excel's MAX does", (cell) => {
    expect(scoreOf(50_000, col(cell, 100_000, cell))).toBe(5);
    expect(scoreOf(80_000, col(cell, 50_000, 100_000), 10, "range")).toBe(6);
  });

  it("a negative number in values is #NUM!", () => {
    expect(() => scoreOf(50_000, col(100_000, -1))).toThrowExcelError("#NUM!");
  });

  it.each(BLANKS)("a blank value (%p) counts as 0", (blank) => {
    expect(scoreOf(blank)).toBe(0);
    expect(scoreOf(blank, BIDS, 10, "range")).toBe(0);
    expect(scoreOf(blank, BIDS, 10, "target", 250_000)).toBe(0);
  });

  it.each([["lots"], ["50000"], [true]])("a value of %p is #VALUE! naming its row", (bad) => {
    expect(() => svScore(col(50_000, bad), BIDS, 10, null, null)).toThrowExcelError("#VALUE!", /value row 2 .*not a number/);
  });

  it("a negative value is #NUM!", () => {
    expect(() => scoreOf(-1)).toThrowExcelError("#NUM!");
  });

  it.each([["ten"], ["10"], [true]])("a max_points of %p is #VALUE! naming max_points", (bad) => {
    expect(() => scoreOf(50_000, BIDS, bad)).toThrowExcelError("#VALUE!", /max_points is .*not a number/);
  });

  it.each(BLANKS)("a blank max_points (%p) is #VALUE! saying it is blank", (blank) => {
    expect(() => scoreOf(50_000, BIDS, blank)).toThrowExcelError("#VALUE!", /max_points is blank/);
  });

  it("a negative max_points is #NUM!", () => {
    expect(() => scoreOf(50_000, BIDS, -10)).toThrowExcelError("#NUM!");
  });

  it("a max_points range of more than one cell is #VALUE! naming it", () => {
    expect(() => scoreOf(50_000, BIDS, [[10], [20]])).toThrowExcelError("#VALUE!", /max_points must be one cell, not a 2×1 range/);
  });

  it("a max_points of 0 gives 0 points", () => {
    expect(scoreOf(50_000, BIDS, 0)).toBe(0);
  });
});

describe("TENDER.SVSCORE reports the first problem in reading order", () => {
  it("within value, the earlier row decides", () => {
    expect(() => svScore(col(1, -1, "x"), BIDS, 10, null, null)).toThrowExcelError("#NUM!");
    expect(() => svScore(col(1, "x", -1), BIDS, 10, null, null)).toThrowExcelError("#VALUE!", /row 2/);
  });

  it("value before values", () => {
    expect(() => scoreOf("x", col(-1))).toThrowExcelError("#VALUE!", /value row 1/);
  });

  it("values before max_points", () => {
    expect(() => scoreOf(1, col(-1), "ten")).toThrowExcelError("#NUM!");
  });

  it("value before max_points", () => {
    expect(() => scoreOf(-1, BIDS, "ten")).toThrowExcelError("#NUM!");
  });

  it("max_points before method", () => {
    expect(() => scoreOf(1, BIDS, "ten", "best")).toThrowExcelError("#VALUE!", /max_points/);
  });

  it("method before target", () => {
    expect(() => scoreOf(1, BIDS, 10, "best", "x")).toThrowExcelError("#VALUE!", /method/);
  });
});

describe("TENDER.SVSCORE agrees with quantitativeScore in src/core", () => {
  // Four bids on a £2.4m contract, 12 quantitative points, a 20p-per-£1 target (£480,000).
  const bids = [312_450.5, 118_000, 0, 505_210.75];

  it.each<[ScoringMethod]>([["relative"], ["target"], ["range"]])("gives the same points by the %s method", (method) => {
    const expected = bids.map((v) => {
      const result = quantitativeScore(v, bids, 12, method, 480_000);
      return [result.ok ? result.value : NaN];
    });
    expect(svScore(col(...bids), col(...bids, "", "withdrawn"), 12, method, 480_000)).toEqual(expected);
  });

  it("gives the figures worked out by hand", () => {
    const [[first], , , [best]] = svScore(col(...bids), col(...bids), 12, "relative", null) as [[number], [number], [number], [number]];
    expect(first).toBeCloseTo((12 * 312_450.5) / 505_210.75, 12);
    expect(best).toBe(12);
  });
});
