import "../support/customFunctions";
import type { Commitment } from "../../src/core/bids/commitments";
import type { MeasureEntry } from "../../src/core/setup/measureTable";
import { valueBids } from "../../src/core/scores/valuation";
import { svValue } from "../../src/functions/functions";

/**
 * TENDER.SVVALUE(refs, quantities, measure_refs, proxies, [criteria_range], [criterion]),
 * DESIGN.md "Custom functions". Arguments are what Excel passes: 2-D arrays for ranges,
 * "" or null for empty cells, null for an omitted optional argument.
 */

/** Excel passes null for an omitted optional argument; the TypeScript signature says undefined. */
const OMITTED = null as unknown as undefined;
const BLANKS = [[""], [null]] as const;

/** A one-column range: col("A", "B") is [["A"], ["B"]]. */
const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

type Pair = readonly [unknown, unknown];

/**
 * An illustrative measure table (not official proxies): ECC10 £100 a week of placement,
 * ECC11 £25 an hour of volunteering, REC1 record-only (blank proxy).
 */
const MEASURES: readonly Pair[] = [
  ["ECC10", 100],
  ["ECC11", 25],
  ["REC1", ""],
];

interface SvValueCall {
  /** Commitment rows as [ref, quantity]. */
  rows: readonly Pair[];
  /** Measure table rows as [ref, proxy]. */
  measures?: readonly Pair[];
  /** The criteria cell of each commitment row. */
  criteria?: readonly unknown[];
  criterion?: unknown;
}

/** SVVALUE over one-column ranges built from rows, as a sheet's table columns pass them. */
function svValueOf({ rows, measures = MEASURES, criteria, criterion = null }: SvValueCall): number {
  return svValue(
    col(...rows.map(([ref]) => ref)),
    col(...rows.map(([, quantity]) => quantity)),
    col(...measures.map(([ref]) => ref)),
    col(...measures.map(([, proxy]) => proxy)),
    criteria ? col(...criteria) : OMITTED,
    criterion
  );
}

describe("TENDER.SVVALUE sums quantity × proxy", () => {
  it("sums quantity × proxy over the commitments", () => {
    expect(svValueOf({ rows: [["ECC10", 3], ["ECC11", 10]] })).toBe(3 * 100 + 10 * 25);
  });

  it("pairs the cells of multi-column ranges of the same shape", () => {
    const refs = [
      ["ECC10", "ECC11"],
      ["ECC11", ""],
    ];
    const quantities = [
      [2, 4],
      [6, ""],
    ];
    expect(svValue(refs, quantities, col("ECC10", "ECC11"), col(100, 25), OMITTED, null)).toBe(200 + 100 + 150);
  });

  it("pairs measure_refs and proxies by position when their shapes differ but their sizes agree", () => {
    expect(svValue(col("ECC10", "ECC11"), col(1, 1), [["ECC10", "ECC11"]], col(100, 25), OMITTED, null)).toBe(125);
  });

  it("accepts a scalar where a one-cell range is given", () => {
    const scalar = (x: unknown): unknown[][] => x as unknown[][];
    expect(svValue(scalar("ECC10"), scalar(4), scalar("ECC10"), scalar(100), OMITTED, null)).toBe(400);
  });

  it("is 0 when there are no commitments", () => {
    expect(svValueOf({ rows: [["", ""], [null, null]] })).toBe(0);
  });

  it("counts a ref written as a number by its text", () => {
    expect(svValueOf({ rows: [[1.2, 3]], measures: [["1.2", 10]] })).toBe(30);
  });
});

describe("TENDER.SVVALUE shapes", () => {
  it("refs and quantities of different shapes are #VALUE! naming both shapes", () => {
    expect(() => svValue(col("ECC10", "ECC11", "ECC10"), col(1, 2), col("ECC10", "ECC11"), col(100, 25), OMITTED, null)).toThrowExcelError(
      "#VALUE!",
      /refs is 3×1 but quantities is 2×1/
    );
  });

  it("refs and quantities with as many cells but different shapes are #VALUE!", () => {
    expect(() => svValue(col("ECC10", "ECC11"), [[1, 2]], col("ECC10", "ECC11"), col(100, 25), OMITTED, null)).toThrowExcelError(
      "#VALUE!",
      /refs is 2×1 but quantities is 1×2/
    );
  });

  it("measure_refs and proxies of different sizes are #VALUE! naming both sizes", () => {
    expect(() => svValue(col("ECC10"), col(1), col("ECC10", "ECC11", "REC1"), col(100, 25), OMITTED, null)).toThrowExcelError(
      "#VALUE!",
      /measure_refs has 3 cells but proxies has 2/
    );
  });
});

describe("TENDER.SVVALUE matches refs to measure_refs", () => {
  it.each([["ecc10"], [" ECC10 "], ["Ecc10  "], ["\tecc10"]])("finds %p after trimming, case-insensitively", (ref) => {
    expect(svValueOf({ rows: [[ref, 2]] })).toBe(200);
  });

  it("trims and ignores case in measure_refs too", () => {
    expect(svValueOf({ rows: [["ECC10", 2]], measures: [["  ecc10 ", 100]] })).toBe(200);
  });

  it("a duplicated measure ref is #VALUE! naming the ref and where it repeats", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1]], measures: [["ECC10", 100], ["ECC11", 25], ["ECC10", 90]] })).toThrowExcelError(
      "#VALUE!",
      /"ECC10" twice \(measure_refs row 3\)/
    );
  });

  it("a ref repeated with other spacing and case is a duplicate too", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1]], measures: [["ECC10", 100], [" ecc10", 100]] })).toThrowExcelError("#VALUE!", /twice/);
  });

  // One measure, one ref (issue #17): characters that show nothing or look alike do not make another ref.
  it.each([["ECC\u200b10"], ["\ufeffECC10"], ["ECC10\u00ad"], ["\uff25\uff23\uff23\uff11\uff10"], ["\u200eecc10\u200f"]])("finds %p, a ref with invisible characters or in fullwidth", (ref) => {
    expect(svValueOf({ rows: [[ref, 2]] })).toBe(200);
  });

  it("a ref repeated with a zero-width space or in fullwidth is a duplicate too", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1]], measures: [["ECC10", 100], ["ECC1\u200b0", 100]] })).toThrowExcelError("#VALUE!", /twice/);
    expect(() => svValueOf({ rows: [["ECC10", 1]], measures: [["ECC10", 100], ["\uff25CC10", 100]] })).toThrowExcelError("#VALUE!", /twice/);
  });

  it("a duplicated measure ref is #VALUE! even when no commitment uses it", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1]], measures: [["ECC10", 100], ["ECC11", 25], ["ECC11", 25]] })).toThrowExcelError(
      "#VALUE!",
      /"ECC11" twice/
    );
  });
});

describe("TENDER.SVVALUE proxies", () => {
  it.each(BLANKS)("a blank proxy (%p) adds 0: a record-only measure", (blank) => {
    expect(svValueOf({ rows: [["ECC10", 1], ["REC1", 50]], measures: [["ECC10", 100], ["REC1", blank]] })).toBe(100);
  });

  it.each([["£100"], ["100"], ["n/a"]])("a text proxy (%p) is #VALUE! naming its row", (proxy) => {
    expect(() => svValueOf({ rows: [["ECC10", 1]], measures: [["ECC10", 100], ["ECC11", proxy]] })).toThrowExcelError(
      "#VALUE!",
      /proxies row 2 .*not a £ value/
    );
  });

  it("a boolean proxy is #VALUE!", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1]], measures: [["ECC10", true]] })).toThrowExcelError("#VALUE!", /proxies row 1/);
  });

  it("a negative proxy is #NUM!", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1]], measures: [["ECC10", -100]] })).toThrowExcelError("#NUM!");
  });

  it("a zero proxy adds 0", () => {
    expect(svValueOf({ rows: [["ECC10", 7]], measures: [["ECC10", 0]] })).toBe(0);
  });
});

describe("TENDER.SVVALUE rows", () => {
  it.each([
    ["", ""],
    [null, null],
    ["", null],
    [null, ""],
  ])("skips a row whose ref (%p) and quantity (%p) are both blank", (ref, quantity) => {
    expect(svValueOf({ rows: [["ECC10", 1], [ref, quantity], ["ECC11", 4]] })).toBe(200);
  });

  it.each(BLANKS)("a known ref with a blank quantity (%p) adds 0", (blank) => {
    expect(svValueOf({ rows: [["ECC10", 1], ["ECC11", blank]] })).toBe(100);
  });

  it.each(BLANKS)("a quantity with a blank ref (%p) is #VALUE! naming its row", (blank) => {
    expect(() => svValueOf({ rows: [["ECC10", 1], [blank, 5]] })).toThrowExcelError("#VALUE!", /row 2 has a quantity but no measure ref/);
  });

  it("a ref not in measure_refs is #N/A naming the ref and its row", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1], ["ECC11", 2], [" ECC99 ", 3]] })).toThrowExcelError(
      "#N/A",
      /refs row 3: measure "ECC99" is not in measure_refs/
    );
  });

  it.each(BLANKS)("an unknown ref is #N/A even with a blank quantity (%p)", (blank) => {
    expect(() => svValueOf({ rows: [["ECC99", blank]] })).toThrowExcelError("#N/A", /refs row 1: measure "ECC99"/);
  });

  it.each([["lots"], ["12"], [true], [false]])("a quantity of %p (text or boolean) is #VALUE! naming its row", (quantity) => {
    expect(() => svValueOf({ rows: [["ECC10", 1], ["ECC11", quantity]] })).toThrowExcelError("#VALUE!", /quantities row 2 .*not a number/);
  });

  it("names row and column in a multi-column range", () => {
    expect(() => svValue([["ECC10", "ECC11"]], [[1, "x"]], col("ECC10", "ECC11"), col(100, 25), OMITTED, null)).toThrowExcelError(
      "#VALUE!",
      /quantities row 1, column 2/
    );
  });

  it("a negative quantity is #NUM!", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1], ["ECC11", -4]] })).toThrowExcelError("#NUM!");
  });

  it("a zero quantity adds 0", () => {
    expect(svValueOf({ rows: [["ECC10", 0], ["ECC11", 2]] })).toBe(50);
  });
});

describe("TENDER.SVVALUE with criteria_range and criterion", () => {
  const bidders = ["Acme Ltd", "Bolt plc", "Acme Ltd"];
  const rows: readonly Pair[] = [
    ["ECC10", 1],
    ["ECC10", 2],
    ["ECC11", 4],
  ];

  it("counts only the rows whose criteria cell equals the criterion", () => {
    expect(svValueOf({ rows, criteria: bidders, criterion: "Acme Ltd" })).toBe(100 + 100);
    expect(svValueOf({ rows, criteria: bidders, criterion: "Bolt plc" })).toBe(200);
  });

  it.each([["acme ltd"], ["  ACME LTD "], ["Acme Ltd"]])("compares text %p trimmed and case-insensitively", (criterion) => {
    expect(svValueOf({ rows, criteria: ["  acme LTD", "Bolt plc", "ACME ltd  "], criterion })).toBe(200);
  });

  it("compares numbers by value", () => {
    expect(svValueOf({ rows, criteria: [2, 20, 2.0], criterion: 2 })).toBe(200);
  });

  it("compares names as the pane does: no-break spaces, invisible characters and fullwidth letters aside", () => {
    const wide = "\uff21\uff43\uff4d\uff45 Ltd";
    expect(svValueOf({ rows, criteria: ["Acme\u00a0Ltd", "Bolt plc", `\u200b${wide}`], criterion: "acme  ltd" })).toBe(200);
  });

  it("is 0 when no row matches the criterion", () => {
    expect(svValueOf({ rows, criteria: bidders, criterion: "Nobody" })).toBe(0);
  });

  it.each(BLANKS)("does not count a row whose criteria cell is blank (%p) when the criterion is a name", (blank) => {
    expect(svValueOf({ rows, criteria: ["Acme Ltd", blank, blank], criterion: "Acme Ltd" })).toBe(100);
  });

  it.each<[string, Pair]>([
    ["an unknown ref", ["ECC99", 1]],
    ["a text quantity", ["ECC10", "lots"]],
    ["a boolean quantity", ["ECC10", true]],
    ["a negative quantity", ["ECC10", -1]],
    ["a quantity with a blank ref", ["", 5]],
    ["a quantity with a null ref", [null, 5]],
  ])("a filtered-out row with %s raises no error", (_what, badRow) => {
    expect(svValueOf({ rows: [["ECC10", 1], badRow, ["ECC11", 4]], criteria: ["Acme Ltd", "Bolt plc", "Acme Ltd"], criterion: "acme ltd" })).toBe(200);
  });

  it("a row that is read still raises its error", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1], ["ECC99", 1]], criteria: ["Acme Ltd", "Bolt plc"], criterion: "Bolt plc" })).toThrowExcelError(
      "#N/A",
      /refs row 2.*ECC99/
    );
  });

  it("a criteria_range of another shape than refs is #VALUE! naming both shapes", () => {
    expect(() => svValueOf({ rows, criteria: ["Acme Ltd", "Bolt plc"], criterion: "Acme Ltd" })).toThrowExcelError(
      "#VALUE!",
      /criteria_range is 2×1 but refs is 3×1/
    );
  });

  it("a criteria_range without a criterion is #VALUE! saying the criterion is missing", () => {
    expect(() => svValueOf({ rows, criteria: bidders, criterion: null })).toThrowExcelError("#VALUE!", /without a criterion/);
  });

  it("a criterion without a criteria_range is #VALUE! saying the range is missing", () => {
    expect(() => svValueOf({ rows, criterion: "Acme Ltd" })).toThrowExcelError("#VALUE!", /criterion is given without a criteria_range/);
  });
});

describe("TENDER.SVVALUE reports the first problem in reading order", () => {
  it("a problem in refs comes before one in an earlier row of quantities", () => {
    expect(() => svValueOf({ rows: [["ECC10", "lots"], ["ECC11", 1], ["ECC99", 1]] })).toThrowExcelError("#N/A", /refs row 3/);
  });

  it("within refs, the earlier row decides", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1], ["", 5], ["ECC99", 1]] })).toThrowExcelError("#VALUE!", /row 2/);
    expect(() => svValueOf({ rows: [["ECC10", 1], ["ECC99", 1], ["", 5]] })).toThrowExcelError("#N/A", /row 2/);
  });

  it("within quantities, the earlier row decides", () => {
    expect(() => svValueOf({ rows: [["ECC10", -1], ["ECC11", "lots"]] })).toThrowExcelError("#NUM!");
    expect(() => svValueOf({ rows: [["ECC10", "lots"], ["ECC11", -1]] })).toThrowExcelError("#VALUE!", /quantities row 1/);
  });

  it("a problem in quantities comes before a duplicated measure ref", () => {
    expect(() => svValueOf({ rows: [["ECC10", -1]], measures: [["ECC10", 100], ["ECC10", 100]] })).toThrowExcelError("#NUM!");
  });

  it("an unknown ref comes before a duplicated measure ref and a bad proxy", () => {
    expect(() => svValueOf({ rows: [["ECC99", 1]], measures: [["ECC10", "x"], ["ECC10", -1]] })).toThrowExcelError("#N/A", /ECC99/);
  });

  it("a duplicated measure ref comes before a bad proxy", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1]], measures: [["ECC10", -1], ["ECC10", "x"]] })).toThrowExcelError("#VALUE!", /twice/);
  });

  it("within proxies, the earlier row decides", () => {
    expect(() => svValueOf({ rows: [["ECC10", 1]], measures: [["ECC10", -1], ["ECC11", "x"]] })).toThrowExcelError("#NUM!");
    expect(() => svValueOf({ rows: [["ECC10", 1]], measures: [["ECC10", "x"], ["ECC11", -1]] })).toThrowExcelError("#VALUE!", /proxies row 1/);
  });

  it("a shape mismatch, which stops cells being paired at all, comes before any cell's problem", () => {
    expect(() => svValue(col("ECC99", "ECC10"), col(1), col("ECC10"), col(100), OMITTED, null)).toThrowExcelError("#VALUE!", /shape/);
  });
});

describe("TENDER.SVVALUE agrees with the valuation in src/core", () => {
  // Three bids against an illustrative Essex-style table (proxies are illustrative, not TOMs).
  const measureTable: readonly Pair[] = [
    ["ECC01", 32_000], // local people employed, £ per FTE
    ["ECC10", 180], // weeks of placements
    ["ECC11", 15.5], // volunteering hours
    ["ECC18", 0.72], // £ spent with local SMEs, per £
    ["REC2", ""], // record-only
  ];
  const table: ReadonlyArray<readonly [bidder: string, ref: string, quantity: number | ""]> = [
    ["Acme Ltd", "ECC01", 2.5],
    ["Acme Ltd", "ecc10", 26],
    ["Bolt plc", "ECC11", 1_200],
    ["Acme Ltd", "ECC18", 145_000],
    ["Bolt plc", "ECC01", 1],
    ["Bolt plc", "REC2", 12],
    ["Crane & Co", "ECC10", ""],
  ];
  const svValueFor = (bidder: string): number =>
    svValueOf({ rows: table.map(([, ref, q]) => [ref, q] as const), measures: measureTable, criteria: table.map(([b]) => b), criterion: bidder });

  it("equals Σ quantity × proxy worked out by hand for each bidder", () => {
    expect(svValueFor("Acme Ltd")).toBeCloseTo(2.5 * 32_000 + 26 * 180 + 145_000 * 0.72, 6); // 80,000 + 4,680 + 104,400
    expect(svValueFor("Acme Ltd")).toBeCloseTo(189_080, 6);
    expect(svValueFor("Bolt plc")).toBe(1_200 * 15.5 + 32_000); // 50,600
    expect(svValueFor("Crane & Co")).toBe(0);
  });

  it("equals valueBids' total to the last digit, bidder by bidder", () => {
    const measures: MeasureEntry[] = measureTable.map(([ref, proxy]) => ({
      ref: ref as string,
      themeId: "t",
      theme: "Theme",
      outcomeId: "o",
      outcome: "Outcome",
      description: ref as string,
      unit: "count",
      proxy: proxy === "" ? null : (proxy as number),
      type: proxy === "" ? "Record" : "LEV",
      inScope: true,
      evidenceRequired: false,
      excludes: [],
      firstYearOnly: false,
    }));
    const commitments: Commitment[] = table
      .filter(([, , q]) => q !== "")
      .map(([bidder, ref, quantity], i) => ({ row: i + 2, bidder, ref, quantity: quantity as number }));
    for (const bid of valueBids(commitments, measures, 1_000_000)) expect(svValueFor(bid.bidder)).toBe(bid.total);
  });
});

describe("TENDER.SVVALUE where an older desktop build passes empty cells as 0 (office-js #4702)", () => {
  it("empty commitment rows and empty measure rows arriving as 0 change nothing", () => {
    const rows: Pair[] = [["ECC10", 2], [0, 0], ["ECC11", 4]];
    const measures: Pair[] = [...MEASURES, [0, 0], [0, 0]];
    expect(svValueOf({ rows, measures })).toBe(2 * 100 + 4 * 25);
    expect(svValueOf({ rows: [["ECC10", 2], [null, null], ["ECC11", 4]], measures: [...MEASURES, [null, null], [null, null]] })).toBe(300);
  });

  it("a quantity with no ref is still an error when the ref arrives as 0", () => {
    expect(() => svValueOf({ rows: [[0, 3]] })).toThrowExcelError("#VALUE!", /quantity but no measure ref/);
  });
});
