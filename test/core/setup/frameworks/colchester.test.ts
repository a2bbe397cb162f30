import { allMeasures, COLCHESTER } from "../../../../src/core/setup/frameworks";

describe("Colchester framework", () => {
  it("has the 17 themes the Social Value Portal reports on", () => {
    expect(COLCHESTER.themes).toHaveLength(17);
  });

  it("starts with local employment and ends with the Covid-19 theme added in 2020", () => {
    expect([COLCHESTER.themes[0]?.name, COLCHESTER.themes[16]?.name]).toEqual([
      "Employing local people",
      "Supporting communities to deal with Covid-19",
    ]);
  });

  it("gives each theme exactly one outcome", () => {
    expect(COLCHESTER.themes.every((theme) => theme.outcomes.length === 1)).toBe(true);
  });

  it("asks for the three KPIs the council named (local employment %, local business %, carbon), all record-only", () => {
    expect(allMeasures(COLCHESTER).map((measure) => [measure.ref, measure.unit, measure.type, measure.proxy])).toEqual([
      ["COL1", "percent", "Record", null],
      ["COL2", "percent", "Record", null],
      ["COL3", "tCO2e", "Record", null],
    ]);
  });

  it("puts the carbon KPI under the carbon theme", () => {
    expect(allMeasures(COLCHESTER).find((measure) => measure.ref === "COL3")?.themeName).toBe("Reducing carbon emissions");
  });

  it("applies from £100,000", () => {
    expect(COLCHESTER.policy?.thresholds).toEqual([{ category: "any", minValue: 100_000 }]);
  });
});
