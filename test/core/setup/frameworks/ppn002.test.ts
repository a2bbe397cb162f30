import { allMeasures, BUILT_IN_FRAMEWORKS, PPN002, SMART_COMMITMENT_RULE } from "../../../../src/core/setup/frameworks";

const outcomes = PPN002.themes.flatMap((theme) => theme.outcomes);

describe("UK Government Social Value Model, PPN 002", () => {
  it("has PPN 002's eight outcomes, in its order", () => {
    expect(outcomes.map((outcome) => outcome.name)).toEqual([
      "Fair work",
      "Skills for growth",
      "Resilient, innovative and flexible supply chains",
      "Sustainable procurement practices",
      "Reduction in crime",
      "Employment and training for those who face barriers to employment",
      "Reducing barriers to entry for under-represented groups",
      "Increasing productivity through physical and mental wellbeing",
    ]);
  });

  it("is qualitative: no measures, one question per outcome", () => {
    expect(allMeasures(PPN002)).toEqual([]);
    expect(PPN002.criteria.map((criterion) => criterion.outcomeId)).toEqual(outcomes.map((outcome) => outcome.id));
  });

  it("asks the buyer to select the outcomes in scope, at a weighting of at least 10%", () => {
    expect(PPN002.policy).toMatchObject({ requiresOutcomeSelection: true, minWeighting: 0.1 });
  });

  it("gives nothing for an answer without a specific, measurable, time-bound commitment, and says so in every question's guidance", () => {
    expect(PPN002.policy?.requiresSmartCommitment).toBe(true);
    expect(PPN002.criteria.filter((criterion) => !criterion.guidance?.includes(SMART_COMMITMENT_RULE))).toEqual([]);
    expect(SMART_COMMITMENT_RULE).toMatch(/specific, measurable and time-bound/);
  });

  it("applies from 24 February 2025 and binds central government only", () => {
    expect([PPN002.appliesFrom, PPN002.appliesUntil, PPN002.policy?.mandatoryFor]).toEqual(["2025-02-24", undefined, ["central"]]);
  });

  it("is the framework that PPN 06/20 names as its replacement", () => {
    expect(BUILT_IN_FRAMEWORKS.filter((framework) => framework.supersededBy === PPN002.id).map((f) => f.name)).toEqual([
      "UK Government Social Value Model (PPN 06/20)",
    ]);
  });
});
