import type { Commitment } from "../../../src/core/bids/commitments";
import type { TenderFinding } from "../../../src/core/validate/findings";
import type { MeasureEntry } from "../../../src/core/setup/measureTable";
import { STANDARD_SCALES } from "../../../src/core/setup/tender";
import { bidResponseCounts, checkTender, hasQuantitativePart, type TenderFramework } from "../../../src/core/setup/tenderChecks";
import { aMeasure, aTender } from "../builders";

function aFramework(overrides: Partial<TenderFramework> = {}): TenderFramework {
  return { name: "Testshire", measures: [aMeasure({ ref: "M1" })], criteria: [{ id: "Q1" }], ...overrides };
}

function codesOf(findings: readonly TenderFinding[]): string[] {
  return findings.map((f) => f.code);
}

describe("checkTender", () => {
  it("finds nothing wrong with a sound tender", () => {
    expect(checkTender(aTender(), aFramework())).toEqual([]);
  });

  it("a weighting below 10% is a warning (PPN 06/20)", () => {
    const [f] = checkTender(aTender({ weighting: 0.05 }), aFramework());
    expect(f).toMatchObject({ code: "SV301", severity: "warning", setting: "weighting" });
    expect(f?.message).toBe("Social value weighs 5% of the award, below the usual 10% minimum (PPN 06/20, Southend).");
  });

  it("a weighting below the framework's own minimum names the framework's figure instead", () => {
    const findings = checkTender(aTender({ weighting: 0.12 }), aFramework({ name: "Testshire", policy: { minWeighting: 0.15 } }));
    expect(codesOf(findings)).toEqual(["SV302"]);
    expect(findings[0]?.message).toBe("Social value weighs 12% of the award, below Testshire's minimum of 15%.");
  });

  it("a weighting above the framework's maximum is a warning (Essex: up to 20%)", () => {
    expect(codesOf(checkTender(aTender({ weighting: 0.25 }), aFramework({ policy: { maxWeighting: 0.2 } })))).toEqual(["SV303"]);
  });

  it("no outcome selected is an error where the framework requires one (Thurrock)", () => {
    const framework = aFramework({ name: "Thurrock", policy: { requiresOutcomeSelection: true } });
    const findings = checkTender(aTender({ outcomesInScope: [] }), framework);
    expect(findings.map((f) => [f.code, f.severity, f.setting])).toEqual([["SV304", "error", "outcomesInScope"]]);
    expect(checkTender(aTender({ outcomesInScope: ["CS1"] }), framework)).toEqual([]);
  });

  it("no measure in scope and no criterion is an error", () => {
    const findings = checkTender(aTender({ measuresInScope: [] }), aFramework({ criteria: [] }));
    expect(codesOf(findings)).toEqual(["SV305"]);
    expect(findings[0]?.severity).toBe("error");
  });

  it("points for commitments with no measure in scope is a warning", () => {
    expect(codesOf(checkTender(aTender({ measuresInScope: [], quantitativeShare: 0.6 }), aFramework()))).toEqual(["SV306"]);
    expect(checkTender(aTender({ measuresInScope: [], quantitativeShare: 0 }), aFramework())).toEqual([]);
  });

  it("points for answers with no criteria is a warning", () => {
    const findings = checkTender(aTender({ quantitativeShare: 0.6 }), aFramework({ criteria: [] }));
    expect(findings.map((f) => [f.code, f.message])).toEqual([
      ["SV307", "40% of the social value points are for qualitative answers, but the framework has no criteria to mark."],
    ]);
  });

  it("the target method without a positive target is an error", () => {
    expect(codesOf(checkTender(aTender({ method: "target" }), aFramework()))).toEqual(["SV308"]);
    expect(codesOf(checkTender(aTender({ method: "target", targetReturn: 0 }), aFramework()))).toEqual(["SV308"]);
    expect(checkTender(aTender({ method: "target", targetReturn: 0.25 }), aFramework())).toEqual([]);
  });

  it("a measure in scope that is not in the table is an error naming it", () => {
    const findings = checkTender(aTender({ measuresInScope: ["M1", " ECC99 "] }), aFramework());
    expect(findings.map((f) => [f.code, f.ref, f.setting])).toEqual([["SV309", "ECC99", "measuresInScope"]]);
  });

  it("matches refs in scope trimmed and case-insensitively", () => {
    expect(checkTender(aTender({ measuresInScope: [" m1 "] }), aFramework())).toEqual([]);
  });

  it("a priced measure in scope with no proxy is a warning; a record-only one is not", () => {
    const measures: MeasureEntry[] = [aMeasure({ ref: "M1", proxy: null }), aMeasure({ ref: "R1", proxy: null, type: "Record" })];
    const findings = checkTender(aTender({ measuresInScope: ["M1", "R1"] }), aFramework({ measures }));
    expect(findings.map((f) => [f.code, f.ref])).toEqual([["SV315", "M1"]]);
  });

  it("a pass mark that is not on the scale is an error listing the marks", () => {
    const findings = checkTender(aTender({ scale: STANDARD_SCALES[0]!, passMark: 2.5 }), aFramework());
    expect(findings.map((f) => [f.code, f.message])).toEqual([["SV310", "The pass mark 2.5 is not a mark on the 0–5 scale (0, 1, 2, 3, 4, 5)."]]);
    expect(checkTender(aTender({ passMark: 3 }), aFramework())).toEqual([]);
  });

  it("fewer than three evaluators is an info, counting each name once", () => {
    const findings = checkTender(aTender({ evaluators: ["Sam", " sam ", "Alex"] }), aFramework());
    expect(findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ["SV311", "info", "The panel has 2 evaluators; three evaluators is typical (three to seven suggested)."],
    ]);
  });

  it("explains that both parts are required (Torbay)", () => {
    expect(codesOf(checkTender(aTender({ requireBothParts: true }), aFramework()))).toEqual(["SV312"]);
  });

  it("requiring both parts when one cannot be given is an error", () => {
    const findings = checkTender(aTender({ requireBothParts: true, quantitativeShare: 1 }), aFramework({ criteria: [] }));
    expect(findings.map((f) => [f.code, f.message])).toEqual([
      ["SV312", expect.any(String)],
      ["SV313", "Both parts are required, but the framework has no qualitative criteria, so every bid's response would be disregarded."],
    ]);
  });

  it("warns when the framework requires both parts but the tender does not", () => {
    expect(codesOf(checkTender(aTender(), aFramework({ name: "Torbay", policy: { requiresBothParts: true } })))).toEqual(["SV314"]);
  });

  it("reports every problem at once", () => {
    const findings = checkTender(
      aTender({ weighting: 0.05, method: "target", passMark: 9, evaluators: [], measuresInScope: ["X"] }),
      aFramework({ policy: { requiresOutcomeSelection: true } })
    );
    expect(codesOf(findings)).toEqual(["SV301", "SV309", "SV306", "SV304", "SV308", "SV310", "SV311"]);
  });
});

describe("bidResponseCounts", () => {
  it("counts every response when both parts are not required", () => {
    expect(bidResponseCounts({ quantitative: false, qualitative: true }, false)).toEqual({ counts: true });
  });

  it("counts a response with both parts", () => {
    expect(bidResponseCounts({ quantitative: true, qualitative: true }, true)).toEqual({ counts: true });
  });

  it("disregards a response missing its qualitative part when both are required", () => {
    expect(bidResponseCounts({ quantitative: true, qualitative: false }, true)).toMatchObject({ counts: false, missing: "qualitative" });
  });

  it("disregards a response missing its quantitative part when both are required", () => {
    expect(bidResponseCounts({ quantitative: false, qualitative: true }, true)).toMatchObject({ counts: false, missing: "quantitative" });
  });

  it("disregards an empty response when both are required", () => {
    expect(bidResponseCounts({ quantitative: false, qualitative: false }, true)).toMatchObject({ counts: false, missing: "both" });
  });
});

describe("hasQuantitativePart", () => {
  const commitments: Commitment[] = [
    { row: 2, bidder: "Acme Ltd", ref: "M1", quantity: 0 },
    { row: 3, bidder: "Beta plc", ref: "M1", quantity: 4 },
  ];

  it("is true for a bidder with a positive commitment, however the name is typed", () => {
    expect(hasQuantitativePart(" beta PLC", commitments)).toBe(true);
  });

  it("is false for a bidder whose only commitments are zero", () => {
    expect(hasQuantitativePart("Acme Ltd", commitments)).toBe(false);
  });
});
