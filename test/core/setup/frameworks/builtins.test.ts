import { allMeasures, BUILT_IN_FRAMEWORKS, getBuiltInFramework, loadFramework } from "../../../../src/core/setup/frameworks";

describe("built-in frameworks", () => {
  it.each(BUILT_IN_FRAMEWORKS.map((framework) => [framework.id, framework] as const))("%s loads with no errors or warnings", (_id, framework) => {
    expect(loadFramework(framework)).toEqual({ ok: true, framework, warnings: [] });
  });

  it("have distinct ids", () => {
    const ids = BUILT_IN_FRAMEWORKS.map((framework) => framework.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("each cite a source document and its publisher", () => {
    for (const framework of BUILT_IN_FRAMEWORKS) {
      expect(framework.source.title).toMatch(/\S/);
      expect(framework.source.publisher).toMatch(/\S/);
    }
  });

  it("never carry a proxy without saying where it comes from", () => {
    const unsourced = BUILT_IN_FRAMEWORKS.flatMap((framework) => allMeasures(framework)).filter(
      (measure) => measure.proxy !== null && !measure.proxySource?.trim(),
    );
    expect(unsourced).toEqual([]);
  });

  it("list the illustrative set last, so it is never the first choice", () => {
    expect(BUILT_IN_FRAMEWORKS[BUILT_IN_FRAMEWORKS.length - 1]?.illustrative).toBe(true);
  });

  it("offer the current UK Government model (PPN 002) first, before the earlier PPN 06/20", () => {
    expect(BUILT_IN_FRAMEWORKS.slice(0, 2).map((framework) => framework.name)).toEqual([
      "UK Government Social Value Model (PPN 002)",
      "UK Government Social Value Model (PPN 06/20)",
    ]);
  });

  it("name only built-in frameworks as replacements", () => {
    const dangling = BUILT_IN_FRAMEWORKS.filter((f) => f.supersededBy !== undefined && getBuiltInFramework(f.supersededBy) === undefined);
    expect(dangling).toEqual([]);
  });

  it("include exactly one illustrative framework", () => {
    expect(BUILT_IN_FRAMEWORKS.filter((framework) => framework.illustrative)).toHaveLength(1);
  });
});

describe("getBuiltInFramework", () => {
  it("finds a framework by id, ignoring capitals and surrounding spaces", () => {
    expect(getBuiltInFramework("  ESSEX ")?.name).toBe("Essex County Council (ECC TOMs)");
  });

  it("finds a framework by the name the SV_Framework cell shows", () => {
    expect(getBuiltInFramework(" uk government social value model (ppn 002) ")?.id).toBe("uk-social-value-model-ppn002");
  });

  it("returns undefined for an unknown id", () => {
    expect(getBuiltInFramework("national-toms")).toBeUndefined();
  });

  it("returns undefined for a blank id", () => {
    expect(getBuiltInFramework("  ")).toBeUndefined();
  });
});
