import { allMeasures, SOUTHEND } from "../../../../src/core/setup/frameworks";

describe("Southend framework", () => {
  it("has the five Southend 2050 themes", () => {
    expect(SOUTHEND.themes.map((theme) => theme.name)).toEqual([
      "Pride and Joy",
      "Safe and Well",
      "Active and Involved",
      "Opportunity and Prosperity",
      "Connected and Smart",
    ]);
  });

  it("has each theme's social value objectives as its outcomes", () => {
    expect(SOUTHEND.themes.map((theme) => theme.outcomes.length)).toEqual([4, 2, 4, 3, 5]);
  });

  it("ships no measures, since the policy lists none", () => {
    expect(allMeasures(SOUTHEND)).toEqual([]);
  });

  it("has the policy's thresholds exactly", () => {
    expect(SOUTHEND.policy?.thresholds).toEqual([
      { category: "supplies-services", minValue: 177_897 },
      { category: "light-touch", minValue: 552_950 },
      { category: "works", minValue: 1_000_000, minMonths: 24 },
    ]);
  });

  it("requires a weighting of at least 10%", () => {
    expect(SOUTHEND.policy?.minWeighting).toBe(0.1);
  });

  it("asks one question per theme plus one on monitoring", () => {
    expect(SOUTHEND.criteria.map((criterion) => criterion.question.split(":")[0])).toEqual([
      "Pride and Joy",
      "Safe and Well",
      "Active and Involved",
      "Opportunity and Prosperity",
      "Connected and Smart",
      expect.stringContaining("record and report"),
    ]);
  });
});
