import { CATALOGUE, describeFinding, findingByCode, FINDINGS } from "../../../src/core/validate/findings";
import { ROW_FINDINGS } from "../../../src/core/validate/rowFindings";
import { DUPLICATE_MEASURE } from "../../../src/core/validate/validateCommitments";

/**
 * Codes are public and stored in users' workbooks: this list may only grow. Changing or
 * removing a line here means renumbering a shipped code, which is not allowed.
 */
const SHIPPED: Readonly<Record<string, string>> = {
  SV101: "bidderMissing",
  SV102: "refMissing",
  SV103: "unknownMeasure",
  SV104: "measureNotInScope",
  SV105: "cellError",
  SV106: "notText",
  SV107: "unitUnrecognised",
  SV108: "unitMismatch",
  SV110: "quantityMissing",
  SV111: "quantityNotNumber",
  SV112: "quantityNegative",
  SV113: "quantityNotWhole",
  SV114: "percentOver100",
  SV115: "quantityAboveMax",
  SV116: "quantityAsText",
  SV117: "percentAsFraction",
  SV118: "recordOnly",
  SV119: "evidenceMissing",
  SV120: "moneyOverContract",
  SV121: "typedOverFormula",
  SV122: "proxyMissing",
  SV123: "commitmentOverContract",
  SV124: "quantityAboveCeiling",
  SV125: "commitmentClarified",
  SV126: "refLookAlike",
  SV127: "bidderLookAlike",
  SV128: "typedOverSameFigure",
  SV201: "duplicateMeasure",
  SV202: "exclusiveMeasures",
  SV203: "bidOverContract",
  SV204: "bidFarAboveBenchmark",
  SV205: "measureUsedWithoutProxy",
  SV206: "bidTotalOverContract",
  SV207: "bidReturnImplausible",
  SV208: "bidClarified",
  SV301: "weightingBelowMinimum",
  SV302: "weightingBelowFramework",
  SV303: "weightingAboveFramework",
  SV304: "outcomeRequired",
  SV305: "nothingToEvaluate",
  SV306: "quantitativeWithoutMeasures",
  SV307: "qualitativeWithoutCriteria",
  SV308: "targetMissing",
  SV309: "measureNotInTable",
  SV310: "passMarkNotOnScale",
  SV311: "fewEvaluators",
  SV312: "bothPartsRequired",
  SV313: "bothPartsImpossible",
  SV314: "bothPartsNotRequired",
  SV315: "measureWithoutProxy",
  SV316: "recordOnlyShare",
  SV317: "qualitativeFrameworkShare",
  SV318: "frameworkOutOfDate",
  SV319: "frameworkOutOfDateByChoice",
  SV320: "returnsIncludeVat",
};

describe("the findings catalogue", () => {
  it("keeps every shipped code with its meaning", () => {
    for (const [code, name] of Object.entries(SHIPPED)) {
      expect(findingByCode(code)?.name).toBe(name);
    }
  });

  it("lists every code exactly once, each listed in the shipped codes above", () => {
    const codes = CATALOGUE.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(Object.keys(SHIPPED).sort());
  });

  it("uses SV and three digits, grouped by what the finding is about", () => {
    for (const e of CATALOGUE) expect(e.code).toMatch(/^SV[123]\d\d$/);
  });

  it("gives every entry a message and a what-to-do, written as sentences", () => {
    for (const e of CATALOGUE) {
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.message).toMatch(/\.$/);
      expect(e.action).toMatch(/[.)]$/);
    }
  });

  it("fills the placeholders of a message and its action", () => {
    expect(describeFinding("unitMismatch", { unit: "\u201chrs\u201d", ref: "ECC1", expected: "FTE" })).toEqual({
      code: "SV108",
      severity: "error",
      message: "The unit \u201chrs\u201d does not match ECC1, which is counted in FTE.",
      action: "Convert the quantity to FTE and correct the unit.",
    });
  });

  it("formats numbers in messages UK style", () => {
    expect(describeFinding("quantityNegative", { quantity: -1234.5 }).message).toBe("The quantity -1,234.5 is negative.");
  });

  it("does not read placeholders inside the values it fills in", () => {
    expect(describeFinding("unknownMeasure", { ref: "{ref}" }).message).toBe("{ref} is not a measure in this tender's measure table.");
  });

  it("keys entries by the same name the catalogue listing gives", () => {
    for (const e of CATALOGUE) expect(FINDINGS[e.name].code).toBe(e.code);
  });

  it("keeps the single-row findings (TENDER.SVCHECK's, a module of their own) exactly the SV1xx codes", () => {
    expect(Object.values(ROW_FINDINGS).map((e) => e.code).sort()).toEqual(CATALOGUE.filter((e) => e.code.startsWith("SV1")).map((e) => e.code));
  });

  it("names SV201 where the validator counts a measure claimed twice in the bid's £", () => {
    expect(DUPLICATE_MEASURE).toBe(FINDINGS.duplicateMeasure.code);
  });
});
