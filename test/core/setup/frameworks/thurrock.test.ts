import { allMeasures, THURROCK } from "../../../../src/core/setup/frameworks";

describe("Thurrock framework", () => {
  it("has outcomes CS1 to CS5", () => {
    expect(THURROCK.themes.flatMap((theme) => theme.outcomes.map((outcome) => outcome.id))).toEqual(["CS1", "CS2", "CS3", "CS4", "CS5"]);
  });

  it("carries the example measures of every outcome", () => {
    const counts = THURROCK.themes.flatMap((theme) => theme.outcomes.map((outcome) => [outcome.id, outcome.measures.length]));
    expect(counts).toEqual([
      ["CS1", 7],
      ["CS2", 10],
      ["CS3", 3],
      ["CS4", 4],
      ["CS5", 3],
    ]);
  });

  it("records the bidder's own target for every measure and never values it in £", () => {
    const measures = allMeasures(THURROCK);
    expect(measures.filter((measure) => measure.type !== "Record" || measure.proxy !== null)).toEqual([]);
    expect(measures.every((measure) => measure.guidance?.includes("the bidder states its own target"))).toBe(true);
  });

  it("requires each tender to select at least one outcome", () => {
    expect(THURROCK.policy?.requiresOutcomeSelection).toBe(true);
  });

  it("scores exactly two questions: how the supplier will deliver, and how that will be measured and verified", () => {
    expect(THURROCK.criteria.map((criterion) => criterion.question)).toEqual([
      expect.stringMatching(/How will you deliver/),
      expect.stringMatching(/measured and verified/),
    ]);
  });
});
