/**
 * One bidder, one name; one measure, one ref (issue #17 point 3), as the validator reads rows
 * typed into SV Commitments. The import writes names and refs as the workbook spells them; a
 * row typed by hand may still carry an invisible or look-alike character, which the add-in reads
 * past and the sheet's formulas (MATCH, =) cannot, so the validator says so rather than let the
 * pane and the sheet count different numbers without a word.
 */
import { aMeasure, aRow } from "../builders";
import { checkCommitment, validateCommitments } from "../../../src/core/validate/validateCommitments";
import { heldBids } from "../../../src/core/scores/heldBids";
import { indexMeasures } from "../../../src/core/setup/measureTable";
import { fullwidth } from "../../support/lookAlikes";

const TABLE = [aMeasure({ ref: "M1", unit: "FTE", proxy: 100 }), aMeasure({ ref: "M2", unit: "FTE", proxy: 50 })];
const codesOf = (rows: ReturnType<typeof aRow>[]) => validateCommitments(rows, TABLE).findings.map((f) => [f.code, f.column]);

describe("refs the sheet cannot match", () => {
  it.each([
    ["a zero-width space", "M\u200b1"],
    ["fullwidth letters", fullwidth("M1")],
    ["a thin space", "M1\u2009"],
    ["a byte order mark", "\ufeffM1\u200b"],
  ])("holds a row whose ref has %s, naming the measure to retype", (_, ref) => {
    const { findings } = validateCommitments([aRow({ ref })], TABLE);
    expect(findings.map((f) => [f.code, f.column, f.severity])).toEqual([["SV126", "Ref", "error"]]);
    expect(findings[0]?.action).toContain("Retype the ref as M1");
    expect(heldBids(findings).size).toBe(1);
  });

  it.each([["m1"], [" M1 "], ["M1\u00a0"], ["\tM1"]])("says nothing of %p, which the sheet's lookup finds too", (ref) => {
    expect(codesOf([aRow({ ref })])).toEqual([]);
  });

  it("reads a ref of invisible characters alone as no ref", () => {
    expect(codesOf([aRow({ ref: "\u200b\u2060" })])).toEqual([["SV102", "Ref"]]);
  });

  it("gives the live Check column the same answer as the pane", () => {
    const measures = indexMeasures(TABLE);
    expect(checkCommitment(fullwidth("M1"), 10, "FTE", measures)).toMatch(/^SV126 /);
    expect(checkCommitment("M1", 10, "FTE", measures)).toBe("OK");
  });

  it("counts two rows whose refs differ only by an invisible character as the same measure twice", () => {
    expect(codesOf([aRow({ ref: "M1" }), aRow({ ref: "M\u200b1" })]).map(([code]) => code)).toEqual(expect.arrayContaining(["SV126", "SV201"]));
  });
});

describe("bidders' names on typed rows", () => {
  it("warns of a name with invisible characters and counts the row for the bidder it reads as", () => {
    const { findings, commitments } = validateCommitments([aRow({ bidder: "Acme Ltd" }), aRow({ bidder: "Acme\u200b Ltd", ref: "M2" })], TABLE);
    expect(findings.map((f) => [f.code, f.column, f.severity])).toEqual([["SV127", "Bidder", "warning"]]);
    expect(findings[0]?.message).toMatch(/^“Acme Ltd” on this row is “Acme Ltd” to the add-in/);
    expect(commitments.map((c) => c.bidder)).toEqual(["Acme Ltd", "Acme Ltd"]);
  });

  it("reads a name of invisible characters alone as no name", () => {
    expect(codesOf([aRow({ bidder: "\u200b\u200d" })])).toEqual([["SV101", "Bidder"]]);
  });

  it("takes a name in fullwidth letters for the same bidder, and warns that the sheet does not", () => {
    const { findings, commitments } = validateCommitments([aRow({ bidder: "Acme Ltd" }), aRow({ bidder: `${fullwidth("ACME")}\u00a0Ltd`, ref: "M2" })], TABLE);
    expect(findings.map((f) => [f.code, f.column])).toEqual([["SV127", "Bidder"]]);
    expect(findings[0]?.action).toBe("Retype the name as “Acme Ltd”, spelled as on SV Scores.");
    expect(commitments.map((c) => c.bidder)).toEqual(["Acme Ltd", "Acme Ltd"]);
  });

  it("says nothing of names that differ only in case or ordinary spaces, which the sheet compares alike", () => {
    expect(codesOf([aRow({ bidder: "Acme Ltd" }), aRow({ bidder: " ACME  ltd\u00a0", ref: "M2" })])).toEqual([]);
  });

  it("warns of a name with invisible characters even on the bidder's first row", () => {
    expect(codesOf([aRow({ bidder: "Acme\u2060 Ltd" })])).toEqual([["SV127", "Bidder"]]);
  });

  describe("with SV Scores' spellings known", () => {
    it("flags the row SV Scores cannot match, naming SV Scores' spelling, and not the row it can, whichever comes first", () => {
      const rows = [aRow({ bidder: `${fullwidth("ACME")} Ltd` }), aRow({ bidder: "Acme Ltd", ref: "M2" })];
      const { findings } = validateCommitments(rows, TABLE, { sheetBidders: ["Acme Ltd", "Birch Homes"] });
      expect(findings.map((f) => [f.code, f.row])).toEqual([["SV127", rows[0]?.row]]);
      expect(findings[0]?.action).toBe("Retype the name as “Acme Ltd”, spelled as on SV Scores.");
    });

    it("says nothing of a spelling SV Scores itself uses, however it is written", () => {
      const fw = `${fullwidth("ACME")} Ltd`;
      expect(validateCommitments([aRow({ bidder: fw }), aRow({ bidder: `${fw} `, ref: "M2" })], TABLE, { sheetBidders: [fw] }).findings).toEqual([]);
    });

    it("leaves a bidder SV Scores does not list to other rules", () => {
      expect(validateCommitments([aRow({ bidder: "Cedar\u200b Care" })], TABLE, { sheetBidders: ["Acme Ltd"] }).findings).toEqual([]);
    });
  });
});
