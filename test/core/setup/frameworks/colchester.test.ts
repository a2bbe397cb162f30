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

  it("asks only for the record-only KPIs the council wants to track", () => {
    expect(allMeasures(COLCHESTER).map((measure) => [measure.ref, measure.unit, measure.type, measure.proxy])).toEqual([
      ["COL1", "percent", "Record", null],
      ["COL2", "percent", "Record", null],
    ]);
  });

  it("applies from £100,000", () => {
    expect(COLCHESTER.policy?.thresholds).toEqual([{ category: "any", minValue: 100_000 }]);
  });
});
