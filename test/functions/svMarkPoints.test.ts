import "../support/customFunctions";
import { qualitativePoints } from "../../src/core/scores/scoring";
import { STANDARD_SCALES } from "../../src/core/setup/tender";
import { svMarkPoints } from "../../src/functions/functions";

/**
 * TENDER.SVMARKPOINTS(mark, scale_marks, max_points): points for a qualitative mark, as its
 * JSDoc in src/functions/functions.ts specifies: max_points × mark ÷ the highest mark on the
 * scale, for a mark the scale allows.
 */

const BLANKS = [[""], [null]] as const;

/** A one-column range: col(1, 2) is [[1], [2]]. */
const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

/** The 0–5 scale as an array constant, ={0,1,2,3,4,5}. */
const SCALE_0_5 = [[0, 1, 2, 3, 4, 5]];

/** The points for one mark, as =TENDER.SVMARKPOINTS(F2, {0,1,2,3,4,5}, 5) computes them. */
function pointsFor(mark: unknown, scale: unknown[][] = SCALE_0_5, maxPoints: unknown = 5): number {
  const [[points]] = svMarkPoints([[mark]], scale, maxPoints) as [[number]];
  return points;
}

describe("TENDER.SVMARKPOINTS converts marks to points", () => {
  it.each([
    [0, 0],
    [3, 3],
    [5, 5],
  ])("gives mark %p on a 0–5 scale for 5 points %p points", (mark, points) => {
    expect(pointsFor(mark)).toBe(points);
  });

  it("gives max_points × mark ÷ the highest mark on the scale", () => {
    expect(pointsFor(4, SCALE_0_5, 10)).toBe(8);
    expect(pointsFor(75, [[0, 25, 50, 75, 100]], 20)).toBe(15);
  });

  it("converts a whole range of marks at once", () => {
    expect(svMarkPoints([[1, 2, 5]], SCALE_0_5, 10)).toEqual([[2, 4, 10]]);
  });

  it("reads the scale from a column as well as a row", () => {
    expect(pointsFor(2, col(0, 1, 2, 3, 4), 8)).toBe(4);
  });

  it.each([[""], [null], ["n/a"], [true]])("ignores %p in scale_marks", (cell) => {
    expect(pointsFor(3, col(cell, 0, 1, 2, cell, 3), 6)).toBe(6);
  });

  it("accepts scalars where one-cell ranges are given", () => {
    expect(svMarkPoints(3 as unknown as unknown[][], SCALE_0_5, [[5]])).toEqual([[3]]);
  });

  it("a max_points of 0 gives 0 points", () => {
    expect(pointsFor(4, SCALE_0_5, 0)).toBe(0);
  });
});

describe("TENDER.SVMARKPOINTS cells", () => {
  it.each([[3.5], [6], [-1]])("a mark of %p, not on the scale, is #NUM!", (mark) => {
    expect(() => pointsFor(mark)).toThrowExcelError("#NUM!");
  });

  it.each(BLANKS)("a blank mark (%p) is #VALUE! naming its row", (blank) => {
    expect(() => svMarkPoints(col(3, blank), SCALE_0_5, 5)).toThrowExcelError("#VALUE!", /mark row 2 is blank/);
  });

  it.each([["Good"], ["4"], [true]])("a mark of %p is #VALUE! naming its row", (bad) => {
    expect(() => svMarkPoints(col(3, bad), SCALE_0_5, 5)).toThrowExcelError("#VALUE!", /mark row 2 is .*give a mark on the scale/);
  });

  it("names row and column in a multi-column range", () => {
    expect(() => svMarkPoints([[3, 4], [5, "x"]], SCALE_0_5, 5)).toThrowExcelError("#VALUE!", /mark row 2, column 2/);
  });

  it.each([[[[5]]], [[["", 5]]], [[["Excellent", "Good"]]]])("a scale_marks of fewer than two marks (%j) is #VALUE! saying so", (scale) => {
    expect(() => pointsFor(5, scale)).toThrowExcelError("#VALUE!", /scale_marks must hold at least two marks/);
  });

  it.each([["five"], [true]])("a max_points of %p is #VALUE! naming max_points", (bad) => {
    expect(() => pointsFor(3, SCALE_0_5, bad)).toThrowExcelError("#VALUE!", /max_points is .*not a number/);
  });

  it.each(BLANKS)("a blank max_points (%p) is #VALUE! saying it is blank", (blank) => {
    expect(() => pointsFor(3, SCALE_0_5, blank)).toThrowExcelError("#VALUE!", /max_points is blank/);
  });

  it("a negative max_points is #NUM!", () => {
    expect(() => pointsFor(3, SCALE_0_5, -5)).toThrowExcelError("#NUM!");
  });
});

describe("TENDER.SVMARKPOINTS reports the first problem in reading order", () => {
  it("within mark, the earlier row decides", () => {
    expect(() => svMarkPoints(col(3, 7, "x"), SCALE_0_5, 5)).toThrowExcelError("#NUM!");
    expect(() => svMarkPoints(col(3, "x", 7), SCALE_0_5, 5)).toThrowExcelError("#VALUE!", /mark row 2/);
  });

  it("mark before max_points", () => {
    expect(() => pointsFor(7, SCALE_0_5, "five")).toThrowExcelError("#NUM!");
    expect(() => pointsFor("x", SCALE_0_5, -5)).toThrowExcelError("#VALUE!", /mark row 1/);
  });

  it("a scale that is not one comes first: no mark can be placed on it", () => {
    expect(() => pointsFor(7, [[5]], "five")).toThrowExcelError("#VALUE!", /scale_marks/);
  });
});

describe("TENDER.SVMARKPOINTS agrees with qualitativePoints in src/core", () => {
  it.each(STANDARD_SCALES.map((s) => [s.label, s] as const))("gives the core's points for every mark on the %s scale", (_label, scale) => {
    const expected = scale.marks.map((m) => {
      const result = qualitativePoints(m, scale, 7.5);
      return result.ok ? result.value : NaN;
    });
    expect(svMarkPoints([[...scale.marks]], [[...scale.marks]], 7.5)).toEqual([expected]);
  });
});
