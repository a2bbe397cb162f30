import "../support/customFunctions";
import { svSpread } from "../../src/functions/functions";

/**
 * TENDER.SVSPREAD(marks): the spread of evaluators' marks for one bid and criterion
 * (highest − lowest), as its JSDoc in src/functions/functions.ts specifies; blank cells are
 * marks not yet given and are ignored.
 */

const BLANKS = [[""], [null]] as const;

/** One bid × criterion's marks from three evaluators, as a row of SV Marks: =TENDER.SVSPREAD(D2:F2). */
const marksRow = (...marks: unknown[]): unknown[][] => [marks];

describe("TENDER.SVSPREAD", () => {
  it("is the highest mark minus the lowest", () => {
    expect(svSpread(marksRow(2, 4, 3))).toBe(2);
  });

  it("is 0 when the evaluators agree", () => {
    expect(svSpread(marksRow(3, 3, 3))).toBe(0);
  });

  it("is 0 with a single mark", () => {
    expect(svSpread(marksRow(4))).toBe(0);
  });

  it.each(BLANKS)("ignores blank cells (%p): marks not yet given", (blank) => {
    expect(svSpread(marksRow(blank, 1, blank, 4))).toBe(3);
  });

  it("reads a 2-D range", () => {
    expect(svSpread([
      [2, 3],
      [5, ""],
    ])).toBe(3);
  });

  it("works on marks between scale marks, such as averages", () => {
    expect(svSpread(marksRow(2.5, 4))).toBe(1.5);
  });

  it("accepts a scalar where a one-cell range is given", () => {
    expect(svSpread(3 as unknown as unknown[][])).toBe(0);
  });

  it.each([
    ["", ""],
    [null, null],
    ["", null],
  ])("no marks at all (%p, %p) is #N/A saying marks holds none yet", (first, second) => {
    expect(() => svSpread(marksRow(first, second))).toThrowExcelError("#N/A", /marks .*no marks yet/);
  });

  it.each([["Good"], ["4"], [true]])("a mark of %p is #VALUE! naming where", (bad) => {
    expect(() => svSpread(marksRow(3, 4, bad))).toThrowExcelError("#VALUE!", /marks row 1, column 3 is .*not a mark/);
  });

  it("reports the first problem row by row", () => {
    expect(() => svSpread([
      [1, 2],
      ["x", 3],
      [4, "y"],
    ])).toThrowExcelError("#VALUE!", /row 2, column 1/);
  });

  it("a wrong kind of mark comes before there being no marks", () => {
    expect(() => svSpread(marksRow("", "x"))).toThrowExcelError("#VALUE!", /column 2/);
  });
});
