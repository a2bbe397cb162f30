import type { Commitment } from "../../../src/core/bids/commitments";
import type { TenderFinding } from "../../../src/core/validate/findings";
import { measureTableFromFramework, type MeasureEntry } from "../../../src/core/setup/measureTable";
import { COLCHESTER, ESSEX, PPN002, SOCIAL_VALUE_MODEL, SOUTHEND, THURROCK, type Framework } from "../../../src/core/setup/frameworks";
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

  it("notes that returns are measured on a value with VAT, only where commitments earn points", () => {
    expect(codesOf(checkTender(aTender({ vatBasis: "including" }), aFramework()))).toEqual(["SV320"]);
    expect(checkTender(aTender({ vatBasis: "including" }), aFramework())[0]).toMatchObject({ severity: "info", setting: "vatBasis" });
    expect(codesOf(checkTender(aTender({ vatBasis: "excluding" }), aFramework()))).toEqual([]);
    expect(codesOf(checkTender(aTender({ vatBasis: "including", quantitativeShare: 0 }), aFramework()))).not.toContain("SV320");
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

/** A built-in framework as the Set up page hands it to checkTender, with these measures in scope. */
function builtIn(framework: Framework, inScope: readonly string[] = []): TenderFramework {
  return {
    id: framework.id,
    name: framework.name,
    policy: framework.policy,
    appliesFrom: framework.appliesFrom,
    appliesUntil: framework.appliesUntil,
    supersededBy: framework.supersededBy,
    measures: measureTableFromFramework(framework, inScope),
    criteria: framework.criteria,
  };
}

describe("checkTender: points for commitments that can only score 0", () => {
  it("warns when every measure in scope is record-only (Colchester), naming the share and the measures", () => {
    const findings = checkTender(aTender({ measuresInScope: ["COL1", "COL2", "COL3"], quantitativeShare: 0.5 }), builtIn(COLCHESTER, ["COL1", "COL2", "COL3"]));
    expect(findings.map((f) => [f.code, f.severity, f.setting])).toEqual([["SV316", "warning", "quantitativeShare"]]);
    expect(findings[0]?.message).toBe(
      "Every measure in scope is record-only (COL1, COL2, COL3), so the 50% of the social value points for commitments will be 0 for every bidder: record-only figures are kept for monitoring but add no £."
    );
    expect(findings[0]?.action).toMatch(/share for commitments to 0%.*import the council's priced measures/);
  });

  it("is quiet once the share for commitments is 0%, or when a measure in scope can carry £", () => {
    expect(checkTender(aTender({ measuresInScope: ["COL1"], quantitativeShare: 0 }), builtIn(COLCHESTER, ["COL1"]))).toEqual([]);
    const measures = [aMeasure({ ref: "M1" }), aMeasure({ ref: "R1", type: "Record", proxy: null })];
    expect(checkTender(aTender({ measuresInScope: ["M1", "R1"] }), aFramework({ measures }))).toEqual([]);
  });

  it("says a framework that values nothing (Southend) would score 0 for every bidder, instead of asking for measures", () => {
    const findings = checkTender(aTender({ measuresInScope: [], quantitativeShare: 0.4 }), builtIn(SOUTHEND));
    expect(findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ["SV317", "warning", "Southend-on-Sea (Southend 2050) values nothing in £: the 40% for commitments would score 0 for every bidder."],
    ]);
  });

  it("treats Thurrock's stated targets as record-only: no missing-proxy warning, and points on them score 0", () => {
    const findings = checkTender(aTender({ measuresInScope: ["CS1.3", "CS5.1"], outcomesInScope: ["CS1", "CS5"] }), builtIn(THURROCK, ["CS1.3", "CS5.1"]));
    expect(codesOf(findings)).toEqual(["SV316"]);
  });

  it("still asks for measures where the framework has priced ones that are not in scope (Essex)", () => {
    expect(codesOf(checkTender(aTender({ measuresInScope: [], quantitativeShare: 0.5 }), builtIn(ESSEX)))).toEqual(["SV306"]);
  });
});

describe("checkTender: a framework chosen outside its dates", () => {
  const central = { buyer: "central" as const, measuresInScope: [], quantitativeShare: 0, outcomesInScope: ["PO2"] };

  it("says nothing when the procurement start is not known", () => {
    expect(checkTender(aTender(central), builtIn(SOCIAL_VALUE_MODEL))).toEqual([]);
  });

  it("accepts PPN 06/20 for a central government procurement begun on its last day, 30 September 2025", () => {
    expect(checkTender(aTender({ ...central, procurementStart: "2025-09-30" }), builtIn(SOCIAL_VALUE_MODEL))).toEqual([]);
  });

  it("warns about PPN 06/20 for a central government procurement begun the next day, naming PPN 002 and when it took over", () => {
    const findings = checkTender(aTender({ ...central, procurementStart: "2025-10-01" }), builtIn(SOCIAL_VALUE_MODEL));
    expect(findings.map((f) => [f.code, f.severity, f.setting])).toEqual([["SV318", "warning", "frameworkId"]]);
    expect(findings[0]?.message).toBe(
      "UK Government Social Value Model (PPN 06/20) is for procurements begun from 1 January 2021 to 30 September 2025; this one began on 1 October 2025."
    );
    expect(findings[0]?.action).toBe(
      "Choose UK Government Social Value Model (PPN 002), which replaced it for procurements begun after 30 September 2025, or record why this procurement uses this framework."
    );
  });

  it("only informs a council that keeps PPN 06/20 after September 2025: for it the model is a choice", () => {
    const findings = checkTender(aTender({ ...central, buyer: "sub-central", procurementStart: "2026-01-12" }), builtIn(SOCIAL_VALUE_MODEL));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([["SV319", "info"]]);
    expect(findings[0]?.message).toMatch(/its dates bind central government only, so for this buyer it is a choice\.$/);
  });

  it("treats a tender with no buyer recorded as a council's (the Set up form's default)", () => {
    const { buyer: _buyer, ...noBuyer } = central;
    expect(codesOf(checkTender(aTender({ ...noBuyer, procurementStart: "2026-01-12" }), builtIn(SOCIAL_VALUE_MODEL)))).toEqual(["SV319"]);
  });

  it("warns about PPN 002 for a central government procurement begun before 24 February 2025, naming PPN 06/20", () => {
    const ppn002 = { ...central, outcomesInScope: ["PPN002-O1"] };
    const findings = checkTender(aTender({ ...ppn002, procurementStart: "2025-02-23" }), builtIn(PPN002));
    expect(findings.map((f) => [f.code, f.message, f.action])).toEqual([
      [
        "SV318",
        "UK Government Social Value Model (PPN 002) is for procurements begun from 24 February 2025; this one began on 23 February 2025.",
        "Choose UK Government Social Value Model (PPN 06/20), or record why this procurement uses this framework.",
      ],
    ]);
    expect(checkTender(aTender({ ...ppn002, procurementStart: "2025-02-24" }), builtIn(PPN002))).toEqual([]);
  });

  it("binds every buyer to a framework whose policy names none", () => {
    const dated = aFramework({ appliesFrom: "2024-01-01" });
    expect(codesOf(checkTender(aTender({ procurementStart: "2023-06-01" }), dated))).toEqual(["SV318"]);
  });
});
