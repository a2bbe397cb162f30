import { allMeasures, ESSEX, findMeasure } from "../../../../src/core/setup/frameworks";
import { aFramework, aMeasure } from "./builders";

describe("allMeasures", () => {
  it("lists every measure in framework order with its theme and outcome", () => {
    const measures = allMeasures(aFramework());
    expect(measures.map((measure) => [measure.ref, measure.themeId, measure.themeName, measure.outcomeId, measure.outcomeName])).toEqual([
      ["M1", "T1", "Jobs", "O1", "More local jobs"],
      ["M2", "T1", "Jobs", "O1", "More local jobs"],
    ]);
  });

  it("keeps each measure's own fields", () => {
    const [measure] = allMeasures(aFramework({ measures: [aMeasure({ proxy: 5, proxySource: "test", excludes: ["M9"] })] }));
    expect(measure).toMatchObject({ ref: "M1", unit: "FTE", proxy: 5, proxySource: "test", excludes: ["M9"] });
  });

  it("returns an empty list for a framework whose outcomes have no measures", () => {
    expect(allMeasures(aFramework({ measures: [] }))).toEqual([]);
  });
});

describe("findMeasure", () => {
  it("finds a measure whatever the capitals and surrounding spaces", () => {
    expect(findMeasure(ESSEX, "  ecc3A ")?.ref).toBe("ECC3a");
  });

  it("says which outcome the measure sits under", () => {
    expect(findMeasure(ESSEX, "ECC11")).toMatchObject({ themeId: "T1", outcomeId: "O2" });
  });

  it("returns undefined for a ref the framework does not have", () => {
    expect(findMeasure(ESSEX, "ECC99")).toBeUndefined();
  });

  it("returns undefined for a blank ref", () => {
    expect(findMeasure(ESSEX, "   ")).toBeUndefined();
  });
});
