import { INITIAL_DRAFT, readSetupDraft, readTargetReturn, type SetupDraft } from "../../../src/taskpane/setup/setupForm";
import { tenderSettingsSchema } from "../../../src/core";

const scope = { frameworkId: "essex", measuresInScope: ["ECC1"], outcomesInScope: ["O1"] };

function aDraft(overrides: Partial<SetupDraft> = {}): SetupDraft {
  return { ...INITIAL_DRAFT, contractName: "Highways maintenance", contractValue: "1,200,000", vatBasis: "excluding", procurementStart: "2026-11-02", evaluators: "A, B, C", ...overrides };
}

describe("readSetupDraft", () => {
  it("reads a complete form into settings the schema accepts", () => {
    const { settings, errors } = readSetupDraft(aDraft(), scope, tenderSettingsSchema);
    expect(errors).toEqual({});
    expect(settings).toMatchObject({
      contractName: "Highways maintenance",
      contractValue: 1_200_000,
      weighting: 0.1,
      maxPoints: 10,
      quantitativeShare: 0.5,
      evaluators: ["A", "B", "C"],
      frameworkId: "essex",
      measuresInScope: ["ECC1"],
      outcomesInScope: ["O1"],
    });
  });

  it.each([
    ["£1,200,000", 1_200_000],
    ["1200000", 1_200_000],
    ["  £ 95,000.50 ", 95_000.5],
  ])("reads the contract value %p as £%p", (typed, pounds) => {
    expect(readSetupDraft(aDraft({ contractValue: typed }), scope, tenderSettingsSchema).settings?.contractValue).toBe(pounds);
  });

  it.each(["1.2m", "twelve", "-5", "1,2,3.4.5"])("refuses the contract value %p rather than guess", (typed) => {
    const { settings, errors } = readSetupDraft(aDraft({ contractValue: typed }), scope, tenderSettingsSchema);
    expect(settings).toBeUndefined();
    expect(errors.contractValue).toMatch(/amount in pounds/);
  });

  it("reads percentages as percent: 10 and 10% are 0.1, and 0.1 is 0.1%", () => {
    expect(readSetupDraft(aDraft({ weighting: "10" }), scope, tenderSettingsSchema).settings?.weighting).toBe(0.1);
    expect(readSetupDraft(aDraft({ weighting: "10%" }), scope, tenderSettingsSchema).settings?.weighting).toBe(0.1);
    expect(readSetupDraft(aDraft({ weighting: "0.1" }), scope, tenderSettingsSchema).settings?.weighting).toBe(0.001);
  });

  it("refuses a percentage over 100", () => {
    expect(readSetupDraft(aDraft({ quantitativeShare: "120" }), scope, tenderSettingsSchema).errors.quantitativeShare).toBe("Enter a percentage from 0 to 100.");
  });

  it("reads the target return only for the target method", () => {
    expect(readSetupDraft(aDraft({ method: "relative", targetReturn: "25" }), scope, tenderSettingsSchema).settings?.targetReturn).toBeUndefined();
    expect(readSetupDraft(aDraft({ method: "target", targetReturn: "25" }), scope, tenderSettingsSchema).settings?.targetReturn).toBe(0.25);
  });

  it("flags a target under 1p per £1 without refusing it", () => {
    const read = readSetupDraft(aDraft({ method: "target", targetReturn: "0.25" }), scope, tenderSettingsSchema);
    expect(read.settings?.targetReturn).toBe(0.0025);
    expect(read.warnings.targetReturn).toMatch(/for 25p per £1 enter 25/);
  });

  it("reads the works duration only for works, as whole months", () => {
    expect(readSetupDraft(aDraft({ category: "supplies-services", durationMonths: "36" }), scope, tenderSettingsSchema).settings?.durationMonths).toBeUndefined();
    expect(readSetupDraft(aDraft({ category: "works", durationMonths: "36" }), scope, tenderSettingsSchema).settings?.durationMonths).toBe(36);
    expect(readSetupDraft(aDraft({ category: "works", durationMonths: "2.5" }), scope, tenderSettingsSchema).errors.durationMonths).toMatch(/whole number/);
  });

  it("splits evaluators on commas, semicolons and new lines, dropping blanks", () => {
    expect(readSetupDraft(aDraft({ evaluators: " Ann; Bo,\nCy ,, " }), scope, tenderSettingsSchema).settings?.evaluators).toEqual(["Ann", "Bo", "Cy"]);
  });

  it("reports every missing field at once, and still gives settings for the live checks", () => {
    const read = readSetupDraft({ ...INITIAL_DRAFT, weighting: "", moderationThreshold: "" }, scope, tenderSettingsSchema);
    expect(Object.keys(read.errors).sort()).toEqual(["contractName", "contractValue", "moderationThreshold", "procurementStart", "vatBasis", "weighting"]);
    expect(read.settings).toBeUndefined();
    expect(read.draftSettings.weighting).toBeNaN();
    expect(read.draftSettings.measuresInScope).toEqual(["ECC1"]);
  });
});

describe("the VAT basis and the date the procurement began", () => {
  it("asks for both rather than assume them, and keeps them once given", () => {
    const blank = readSetupDraft(aDraft({ vatBasis: "", procurementStart: "" }), scope, tenderSettingsSchema);
    expect(blank.settings).toBeUndefined();
    expect(blank.errors.vatBasis).toMatch(/^Say whether the contract value includes VAT/);
    expect(blank.errors.procurementStart).toMatch(/^Enter the date the procurement began/);
    const given = readSetupDraft(aDraft({ vatBasis: "including", procurementStart: "2025-02-23", buyer: "central" }), scope, tenderSettingsSchema);
    expect(given.settings).toMatchObject({ vatBasis: "including", procurementStart: "2025-02-23", buyer: "central" });
  });

  it("refuses a date that is not a calendar date", () => {
    const read = readSetupDraft(aDraft({ procurementStart: "2026-02-30" }), scope, tenderSettingsSchema);
    expect(read.settings).toBeUndefined();
    expect(read.errors.procurementStart).toBe("Enter the date the procurement began as day, month and year.");
  });
});

describe("readTargetReturn", () => {
  it.each(["25", "25p", "25 pence", "25%", "£0.25"])("reads %p as 25p per £1", (typed) => {
    expect(readTargetReturn(typed)).toEqual({ kind: "number", value: 0.25 });
  });
});
