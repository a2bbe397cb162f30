/**
 * One measure, one ref (issue #17 point 3) in a council's measure table: refs pasted with
 * characters that show nothing or in fullwidth are stored plain, and two rows whose refs compare
 * the same are a repeated ref, as two rows spelled alike are.
 */
import { applyMapping, proposeMapping } from "../../src/forms/measureTableImport";
import type { Grid } from "../../src/forms/types";
import { fullwidth } from "../support/lookAlikes";

function imported(refs: unknown[]) {
  const grid: Grid = { name: "Council TOMs", rows: [["Ref", "Measure", "Unit", "Proxy"], ...refs.map((ref, i) => [ref, `Measure ${i + 1}`, "hours", 10 + i])] };
  return applyMapping(grid, proposeMapping(grid).mapping);
}

describe("refs in an imported measure table", () => {
  it("stores a ref with invisible characters, odd spaces or fullwidth forms plain", () => {
    const { measures, problems } = imported(["\ufeffNT1\u200b", fullwidth("NT2"), "\u00a0NT\u00ad3\u2009"]);
    expect(problems).toEqual([]);
    expect(measures.map((m) => m.ref)).toEqual(["NT1", "NT2", "NT3"]);
  });

  it.each([
    ["a zero-width space", "NT\u200b1"],
    ["fullwidth letters", fullwidth("nt1")],
    ["a word joiner and a thin space", "NT1\u2060\u2009"],
  ])("takes a ref repeated with %s for a repeated ref, and leaves that row out", (_, again) => {
    const { measures, problems } = imported(["NT1", again]);
    expect(measures.map((m) => m.ref)).toEqual(["NT1"]);
    expect(problems).toEqual([{ row: 3, message: expect.stringContaining("repeats the ref of row 2") }]);
  });

  it("reads a ref of invisible characters alone as no ref", () => {
    const { measures, problems } = imported(["NT1", "\u200b\u200d"]);
    expect(measures.map((m) => m.ref)).toEqual(["NT1"]);
    expect(problems).toEqual([{ row: 3, message: "Row 3 has no ref, so it was not imported." }]);
  });
});
