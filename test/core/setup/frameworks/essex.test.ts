import { allMeasures, ESSEX, findMeasure } from "../../../../src/core/setup/frameworks";

const outcomes = ESSEX.themes.flatMap((theme) => theme.outcomes);

describe("Essex framework", () => {
  it("has the 4 themes and 8 outcomes Essex publishes", () => {
    expect([ESSEX.themes.length, outcomes.length]).toEqual([4, 8]);
  });

  it("numbers its outcomes 1 to 8 in Essex's order", () => {
    expect(outcomes.map((outcome) => outcome.id)).toEqual(["O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8"]);
  });

  it("includes every ECC measure whose unit is published", () => {
    const expected = ["ECC1", "ECC1c", "ECC2", "ECC3", "ECC3a", "ECC4", "ECC5", "ECC6", "ECC7", "ECC8", "ECC9", "ECC10", "ECC11", "ECC12",
      "ECC16", "ECC17", "ECC18", "ECC19", "ECC36", "ECC37", "ECC38", "ECC39", "ECC40", "ECC46", "ECC47", "ECC48", "ECC49", "ECC50"];
    expect(allMeasures(ESSEX).map((measure) => measure.ref).sort()).toEqual([...expected].sort());
  });

  it("makes ECC11 and ECC12 exclude each other, so the same £ counts once", () => {
    expect([findMeasure(ESSEX, "ECC11")?.excludes, findMeasure(ESSEX, "ECC12")?.excludes]).toEqual([["ECC12"], ["ECC11"]]);
  });

  it("counts disadvantaged hires in the first year only, under one disadvantaged measure each", () => {
    const disadvantaged = ["ECC3", "ECC3a", "ECC4", "ECC5", "ECC6", "ECC7"];
    for (const ref of disadvantaged) {
      const measure = findMeasure(ESSEX, ref);
      expect(measure?.firstYearOnly).toBe(true);
      expect([...(measure?.excludes ?? [])].sort()).toEqual(disadvantaged.filter((other) => other !== ref).sort());
    }
  });

  it("lets a disabled person counted under ECC6 also count under ECC1", () => {
    expect(findMeasure(ESSEX, "ECC6")?.excludes).not.toContain("ECC1");
  });

  it("marks ECC2, ECC36 and ECC37 as record-only percentages with no proxy", () => {
    const records = allMeasures(ESSEX).filter((measure) => measure.type === "Record");
    expect(records.map((measure) => [measure.ref, measure.unit, measure.proxy])).toEqual([
      ["ECC2", "percent", null],
      ["ECC36", "percent", null],
      ["ECC37", "percent", null],
    ]);
  });

  it("values expert hours at Essex's £101 and leaves every other proxy to the council", () => {
    const valued = allMeasures(ESSEX).filter((measure) => measure.proxy !== null);
    expect(valued.map((measure) => [measure.ref, measure.unit, measure.proxy])).toEqual([
      ["ECC39", "hours", 101],
      ["ECC46", "hours", 101],
    ]);
    expect(valued.every((measure) => measure.proxySource?.includes("Essex"))).toBe(true);
  });

  it("uses the units Essex prints for training, mentoring and waste", () => {
    const units = Object.fromEntries(["ECC1", "ECC8", "ECC9", "ECC10", "ECC11", "ECC47", "ECC50"].map((ref) => [ref, findMeasure(ESSEX, ref)?.unit]));
    expect(units).toEqual({
      ECC1: "FTE",
      ECC8: "attendee-hours",
      ECC9: "weeks",
      ECC10: "weeks",
      ECC11: "GBP",
      ECC47: "tonnes",
      ECC50: "attendee-hours",
    });
  });

  it("applies from £100,000, weights social value at up to 20% and targets 25p per £1", () => {
    expect(ESSEX.policy).toMatchObject({ thresholds: [{ category: "any", minValue: 100_000 }], maxWeighting: 0.2, targetReturn: 0.25 });
  });

  it("asks for a delivery plan and for how delivery will be measured", () => {
    expect(ESSEX.criteria.map((criterion) => criterion.question)).toEqual([
      expect.stringMatching(/level.*today.*gap/),
      expect.stringMatching(/measure, evidence and report/),
    ]);
  });
});
