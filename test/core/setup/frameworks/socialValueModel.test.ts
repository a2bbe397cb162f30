import { allMeasures, SOCIAL_VALUE_MODEL } from "../../../../src/core/setup/frameworks";

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
});
