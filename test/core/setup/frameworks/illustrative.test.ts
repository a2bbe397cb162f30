import { allMeasures, ILLUSTRATIVE } from "../../../../src/core/setup/frameworks";
import { UNIT_KEYS } from "../../../../src/core/setup/units";

const measures = allMeasures(ILLUSTRATIVE);

describe("illustrative measure set", () => {
  it("is flagged illustrative and says so in its name", () => {
    expect([ILLUSTRATIVE.illustrative, ILLUSTRATIVE.name]).toEqual([true, expect.stringContaining("Illustrative")]);
  });

  it("covers Jobs, Growth, Social and Environment", () => {
    expect(ILLUSTRATIVE.themes.map((theme) => theme.name)).toEqual(["Jobs", "Growth", "Social", "Environment"]);
  });

  it("uses every unit the product knows", () => {
    expect(new Set(measures.map((measure) => measure.unit))).toEqual(new Set(UNIT_KEYS));
  });

  it("labels every proxy as illustrative", () => {
    const valued = measures.filter((measure) => measure.proxy !== null);
    expect(valued.length).toBeGreaterThanOrEqual(12);
    expect(valued.filter((measure) => !/^Illustrative/.test(measure.proxySource ?? ""))).toEqual([]);
  });

  it("cites Essex for the only figures taken from a public source", () => {
    const cited = measures.filter((measure) => measure.proxySource?.includes("Essex"));
    expect(cited.map((measure) => [measure.unit, measure.proxy])).toEqual([
      ["hours", 101],
      ["hours", 16.93],
    ]);
  });

  it("has a mutually exclusive pair", () => {
    const pairs = measures.filter((measure) =>
      measure.excludes?.some((other) => measures.find((candidate) => candidate.ref === other)?.excludes?.includes(measure.ref)),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(2);
  });

  it("has a record-only measure, a measure needing evidence, and two qualitative criteria", () => {
    expect([
      measures.some((measure) => measure.type === "Record" && measure.proxy === null),
      measures.some((measure) => measure.evidenceRequired),
      ILLUSTRATIVE.criteria.length,
    ]).toEqual([true, true, 2]);
  });
});
