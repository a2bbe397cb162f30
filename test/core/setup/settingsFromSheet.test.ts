import { settingsFromSheet, type SettingKey, type SheetCell } from "../../../src/core";

/** SV Setup's value cells as an insert writes them, one row each from B3 down. */
function asInserted(overrides: Partial<Record<SettingKey, unknown>> = {}, without: readonly SettingKey[] = []): Partial<Record<SettingKey, SheetCell>> {
  const values: Partial<Record<SettingKey, unknown>> = {
    contractName: "Highways maintenance",
    contractValue: 1_500_000,
    vatBasis: "excluding",
    procurementStart: "2025-03-01",
    buyer: "sub-central",
    category: "works",
    durationMonths: 36,
    weighting: 0.1,
    maxPoints: 10,
    quantitativeShare: 0.5,
    method: "target",
    targetReturn: 0.25,
    target: 375_000,
    scale: "0, 1, 2, 3, 4, 5",
    scaleTop: 5,
    passMark: "",
    evaluators: "Ann Lee, Bo Chen, Cy Patel",
    panelSize: 3,
    rollUp: "consensus",
    moderationThreshold: 2,
    requireBothParts: "No",
    framework: "Essex County Council TOMs",
    outcomesInScope: "ECC-O1, ECC-O2",
    threshold: "Above the threshold: social value must be evaluated.",
    tenderId: "T-1",
    blindMarking: "Yes",
    moderationOpen: "No",
    ...overrides,
  };
  const cells: Partial<Record<SettingKey, SheetCell>> = {};
  let row = 3;
  for (const [key, value] of Object.entries(values) as [SettingKey, unknown][]) {
    if (!without.includes(key)) cells[key] = { value, sheet: "SV Setup", row, column: 2 };
    row++;
  }
  return cells;
}

describe("settingsFromSheet", () => {
  it("reads back every setting an insert writes", () => {
    const { settings, problems } = settingsFromSheet(asInserted());
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      contractName: "Highways maintenance",
      contractValue: 1_500_000,
      vatBasis: "excluding",
      procurementStart: "2025-03-01",
      buyer: "sub-central",
      category: "works",
      durationMonths: 36,
      weighting: 0.1,
      quantitativeShare: 0.5,
      method: "target",
      targetReturn: 0.25,
      target: 375_000,
      evaluators: ["Ann Lee", "Bo Chen", "Cy Patel"],
      rollUp: "consensus",
      requireBothParts: false,
      frameworkName: "Essex County Council TOMs",
      outcomesInScope: ["ECC-O1", "ECC-O2"],
      blindMarking: true,
      moderationOpen: false,
    });
    expect(settings.scale?.id).toBe("0-5");
    expect(settings.passMark).toBeUndefined();
  });

  it("reads a workbook made before the VAT basis, start date and buyer were asked, with no problem for them", () => {
    const { settings, problems } = settingsFromSheet(asInserted({}, ["vatBasis", "procurementStart", "buyer"]));
    expect(problems).toEqual([]);
    expect([settings.vatBasis, settings.procurementStart, settings.buyer]).toEqual([undefined, undefined, undefined]);
    expect(settings.contractValue).toBe(1_500_000);
  });

  it("names the cell and says what to type for each hand-edited value it cannot read, and keeps the rest", () => {
    const { settings, problems } = settingsFromSheet(
      asInserted({ contractValue: "about a million", weighting: 10, method: "best bid", procurementStart: "2025-02-30", scale: "good, bad", evaluators: "#REF!" }),
    );
    expect(problems.map((p) => [p.name, p.cell])).toEqual([
      ["SV_ContractValue", "'SV Setup'!B4"],
      ["SV_ProcurementStart", "'SV Setup'!B6"],
      ["SV_Weighting", "'SV Setup'!B10"],
      ["SV_Method", "'SV Setup'!B13"],
      ["SV_Scale", "'SV Setup'!B16"],
      ["SV_Evaluators", "'SV Setup'!B19"],
    ]);
    expect(problems[0]?.message).toBe("Contract value (SV_ContractValue, 'SV Setup'!B4) holds “about a million”: type the amount in pounds, more than £0, e.g. 1500000.");
    expect(problems[2]?.message).toContain("that reads as 1000%: type 10% (with the % sign)");
    expect(problems[5]?.message).toContain("shows the error #REF!");
    expect(settings.contractValue).toBeUndefined();
    expect(settings.contractName).toBe("Highways maintenance");
    expect(settings.frameworkName).toBe("Essex County Council TOMs");
  });

  it("says which required row is missing or blank", () => {
    const { problems } = settingsFromSheet(asInserted({ contractName: "  " }, ["framework"]));
    expect(problems.map((p) => p.message)).toEqual([
      "Contract (SV_ContractName, 'SV Setup'!B3) is blank.",
      expect.stringContaining("SV Setup has no cell named SV_Framework (Framework)"),
    ]);
  });

  it("reads a start date typed the UK way or stored by Excel as a date, and text percentages", () => {
    expect(settingsFromSheet(asInserted({ procurementStart: "01/03/2025" })).settings.procurementStart).toBe("2025-03-01");
    // 45717 is 1 March 2025 in Excel's 1900 date system.
    expect(settingsFromSheet(asInserted({ procurementStart: 45717 })).settings.procurementStart).toBe("2025-03-01");
    expect(settingsFromSheet(asInserted({ weighting: "15%" })).settings.weighting).toBeCloseTo(0.15);
  });

  it("never throws, whatever the cells hold", () => {
    const junk: unknown[] = [null, undefined, {}, [], Symbol("x"), () => 1, Number.NaN, -1, true, "#N/A", { error: "#VALUE!" }];
    for (const value of junk) {
      const cells = Object.fromEntries(Object.keys(asInserted()).map((key) => [key, { value }])) as Partial<Record<SettingKey, SheetCell>>;
      expect(() => settingsFromSheet(cells)).not.toThrow();
    }
  });
});
