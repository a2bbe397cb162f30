import { allMeasures, getBuiltInFramework, SOCIAL_VALUE_MODEL } from "../../../../src/core/setup/frameworks";

const outcomes = SOCIAL_VALUE_MODEL.themes.flatMap((theme) => theme.outcomes);

describe("UK Government Social Value Model", () => {
  it("has 5 themes and 8 policy outcomes", () => {
    expect([SOCIAL_VALUE_MODEL.themes.length, outcomes.length]).toEqual([5, 8]);
  });

  it("places the policy outcomes under their themes as PPN 06/20 numbers them", () => {
    expect(SOCIAL_VALUE_MODEL.themes.map((theme) => theme.outcomes.map((outcome) => outcome.id))).toEqual([
      ["PO1"],
      ["PO2", "PO3"],
      ["PO4"],
      ["PO5", "PO6"],
      ["PO7", "PO8"],
    ]);
  });

  it("is qualitative: no measures", () => {
    expect(allMeasures(SOCIAL_VALUE_MODEL)).toEqual([]);
  });

  it("asks one question for each policy outcome", () => {
    expect(SOCIAL_VALUE_MODEL.criteria.map((criterion) => criterion.outcomeId)).toEqual(outcomes.map((outcome) => outcome.id));
  });

  it("requires a weighting of at least 10%", () => {
    expect(SOCIAL_VALUE_MODEL.policy?.minWeighting).toBe(0.1);
  });

  it("is the earlier version, named PPN 06/20, for procurements begun up to 30 September 2025", () => {
    expect(SOCIAL_VALUE_MODEL.name).toMatch(/PPN 06\/20/);
    expect(SOCIAL_VALUE_MODEL.appliesUntil).toBe("2025-09-30");
  });

  it("names PPN 002, a built-in framework, as the version that replaced it", () => {
    expect(getBuiltInFramework(SOCIAL_VALUE_MODEL.supersededBy ?? "")?.name).toMatch(/PPN 002/);
  });
});
