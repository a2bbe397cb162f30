import "../support/customFunctions";
import { benchmarkPosition } from "../../src/core/scores/benchmark";
import { svBenchmark, svReturn } from "../../src/functions/functions";

/**
 * TENDER.SVBENCHMARK(return, [kind]), DESIGN.md "Custom functions": where a return sits among
 * the quartiles of the Southend-on-Sea Social Value Policy (Dec 2021, seed 002):
 * total 3.8% / 15.7% / 36.6%, lev 0.5% / 8.4% / 28.6%, sv 0.1% / 0.6% / 2.1%.
 * (The first parameter is `return_ratio`: `return` is a reserved word.)
 */

const BLANKS = [[""], [null]] as const;

const BELOW = "below lower quartile";
const LOWER = "lower quartile to median";
const UPPER = "median to upper quartile";
const TOP = "at or above upper quartile";

/** A one-column range: col(1, 2) is [[1], [2]]. */
const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

/** The band of one return, as =TENDER.SVBENCHMARK(C2, kind) shows it. */
function bandOf(ratio: unknown, kind: unknown = null): string {
  const [[band]] = svBenchmark([[ratio]], kind) as [[string]];
  return band;
}

/** Every band at and around each quartile: a hair below, exactly at, and a tenth of a point above. */
function aroundQuartiles(kind: string, [lq, median, uq]: readonly [number, number, number]): Array<[string, number, string]> {
  const hair = 1e-9;
  return [
    [kind, 0, BELOW],
    [kind, lq - hair, BELOW],
    [kind, lq, LOWER],
    [kind, lq + 0.0001, LOWER],
    [kind, median - hair, LOWER],
    [kind, median, UPPER],
    [kind, median + 0.0001, UPPER],
    [kind, uq - hair, UPPER],
    [kind, uq, TOP],
    [kind, uq + 0.0001, TOP],
    [kind, 2, TOP],
  ];
}

describe("TENDER.SVBENCHMARK bands at and around the Southend quartiles", () => {
  it.each([
    ...aroundQuartiles("total", [0.038, 0.157, 0.366]),
    ...aroundQuartiles("lev", [0.005, 0.084, 0.286]),
    ...aroundQuartiles("sv", [0.001, 0.006, 0.021]),
  ])("%s: a return of %p is %p", (kind, ratio, band) => {
    expect(bandOf(ratio, kind)).toBe(band);
  });

  it("puts a return computed by SVRETURN exactly at a quartile in the band above it", () => {
    // £38,000, £157,000 and £366,000 on a £1m contract: exactly 3.8%, 15.7% and 36.6%.
    const returns = svReturn(col(38_000, 157_000, 366_000), [[1_000_000]]);
    expect(svBenchmark(returns, null)).toEqual([[LOWER], [UPPER], [TOP]]);
  });

  it("reads Essex's programme, £42m on £447m (9.4p per £1), as lower quartile to median", () => {
    expect(bandOf(42_000_000 / 447_000_000)).toBe(LOWER);
  });
});

describe("TENDER.SVBENCHMARK kind", () => {
  it.each(BLANKS)("is total when kind is blank (%p)", (blank) => {
    expect(bandOf(0.1, blank)).toBe(LOWER); // total: 3.8% ≤ 10% < 15.7%
    expect(bandOf(0.1, blank)).toBe(bandOf(0.1, "total"));
  });

  it("is total when kind is omitted", () => {
    expect(svBenchmark([[0.2]])).toEqual([[UPPER]]);
  });

  it.each<[unknown, string]>([
    [" LEV ", UPPER],
    ["Lev", UPPER],
    ["local economic value", UPPER],
    ["SV", TOP],
    [" social value", TOP],
    ["TOTAL", LOWER],
    ["Social and local economic value", LOWER],
  ])("reads kind %p trimmed and case-insensitively", (kind, band) => {
    expect(bandOf(0.1, kind)).toBe(band);
  });

  it.each([["carbon"], ["quartile"], [1], [true]])("an unknown kind %p is #VALUE! naming it", (kind) => {
    expect(() => bandOf(0.1, kind)).toThrowExcelError("#VALUE!", /kind .* is not a benchmark: use "total", "lev" or "sv"/);
  });

  it("a kind range of more than one cell is #VALUE!", () => {
    expect(() => bandOf(0.1, [["lev"], ["sv"]])).toThrowExcelError("#VALUE!", /kind must be one cell/);
  });
});

describe("TENDER.SVBENCHMARK return cells", () => {
  it("gives the band of every return in a range", () => {
    expect(svBenchmark(col(0.01, 0.1, 0.2, 0.5), "total")).toEqual([[BELOW], [LOWER], [UPPER], [TOP]]);
  });

  it("accepts a scalar where a one-cell range is given", () => {
    expect(svBenchmark(0.5 as unknown as unknown[][], null)).toEqual([[TOP]]);
  });

  it.each(BLANKS)("reads a blank return (%p) as 0", (blank) => {
    expect(bandOf(blank)).toBe(BELOW);
  });

  it.each([["15%"], ["high"], [true]])("a return of %p is #VALUE! naming its row", (bad) => {
    expect(() => svBenchmark(col(0.1, bad), null)).toThrowExcelError("#VALUE!", /return_ratio row 2 .*not a number/);
  });

  it("a negative return is #NUM!", () => {
    expect(() => bandOf(-0.01)).toThrowExcelError("#NUM!");
  });

  it("reports the first problem in reading order: return before kind, row by row", () => {
    expect(() => svBenchmark(col(-1, "x"), "carbon")).toThrowExcelError("#NUM!");
    expect(() => svBenchmark(col("x", -1), "carbon")).toThrowExcelError("#VALUE!", /return_ratio row 1/);
  });
});

describe("TENDER.SVBENCHMARK agrees with benchmarkPosition in src/core", () => {
  const returns = [0, 0.0009, 0.004, 0.038, 0.07, 0.094, 0.157, 0.25, 0.366, 0.9];

  it.each([["total"], ["lev"], ["sv"]] as const)("gives the core's band for every return, kind %s", (kind) => {
    expect(svBenchmark(col(...returns), kind)).toEqual(returns.map((r) => [benchmarkPosition(r, kind)]));
  });
});
