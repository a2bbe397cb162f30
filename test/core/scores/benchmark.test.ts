import {
  BENCHMARK_BANDS,
  BENCHMARK_KINDS,
  BENCHMARK_RETURNS,
  benchmarkPosition,
  parseBenchmarkKind,
} from "../../../src/core/scores/benchmark";

/** The largest double below x (x > 0). */
function justBelow(x: number): number {
  return x * (1 - Number.EPSILON);
}

describe("benchmark returns (Southend policy, seed 002)", () => {
  it("holds the published quartiles and averages for each kind", () => {
    expect(BENCHMARK_RETURNS).toEqual({
      total: { lowerQuartile: 0.038, median: 0.157, upperQuartile: 0.366, average: 0.237 },
      lev: { lowerQuartile: 0.005, median: 0.084, upperQuartile: 0.286, average: 0.223 },
      sv: { lowerQuartile: 0.001, median: 0.006, upperQuartile: 0.021, average: 0.04 },
    });
  });

  it("keeps the band labels that SVBENCHMARK returns to workbooks", () => {
    expect(BENCHMARK_BANDS).toEqual([
      "below lower quartile",
      "lower quartile to median",
      "median to upper quartile",
      "at or above upper quartile",
    ]);
  });
});

describe("benchmarkPosition", () => {
  it("puts Essex's programme (£42m committed on £447m, about 9.4%) between the lower quartile and the median", () => {
    expect(42_000_000 / 447_000_000).toBeCloseTo(0.094, 3);
    expect(benchmarkPosition(42_000_000 / 447_000_000, "total")).toBe("lower quartile to median");
  });

  it("reads the total benchmark when no kind is given", () => {
    expect(benchmarkPosition(0.2)).toBe("median to upper quartile");
  });

  it.each(BENCHMARK_KINDS.map((k) => [k]))("counts a %s return exactly on a quartile in the band above it", (kind) => {
    const q = BENCHMARK_RETURNS[kind];
    expect(benchmarkPosition(q.lowerQuartile, kind)).toBe("lower quartile to median");
    expect(benchmarkPosition(q.median, kind)).toBe("median to upper quartile");
    expect(benchmarkPosition(q.upperQuartile, kind)).toBe("at or above upper quartile");
  });

  it.each(BENCHMARK_KINDS.map((k) => [k]))("counts a %s return a hair below a quartile in the band below it", (kind) => {
    const q = BENCHMARK_RETURNS[kind];
    expect(benchmarkPosition(justBelow(q.lowerQuartile), kind)).toBe("below lower quartile");
    expect(benchmarkPosition(justBelow(q.median), kind)).toBe("lower quartile to median");
    expect(benchmarkPosition(justBelow(q.upperQuartile), kind)).toBe("median to upper quartile");
  });

  it("places a return computed as value / contract value exactly on the Southend quartiles", () => {
    expect(benchmarkPosition(38_000 / 1_000_000, "total")).toBe("lower quartile to median");
    expect(benchmarkPosition(157_000 / 1_000_000, "total")).toBe("median to upper quartile");
    expect(benchmarkPosition(366_000 / 1_000_000, "total")).toBe("at or above upper quartile");
    expect(benchmarkPosition(5_000 / 1_000_000, "lev")).toBe("lower quartile to median");
    expect(benchmarkPosition(286_000 / 1_000_000, "lev")).toBe("at or above upper quartile");
    expect(benchmarkPosition(1_000 / 1_000_000, "sv")).toBe("lower quartile to median");
    expect(benchmarkPosition(21_000 / 1_000_000, "sv")).toBe("at or above upper quartile");
  });

  it("reads the same return differently for each kind (a 2% social value return is strong, a 2% total weak)", () => {
    expect(benchmarkPosition(0.02, "total")).toBe("below lower quartile");
    expect(benchmarkPosition(0.02, "lev")).toBe("lower quartile to median");
    expect(benchmarkPosition(0.02, "sv")).toBe("median to upper quartile");
  });

  it("puts a zero or negative return below the lower quartile and an infinite one at the top", () => {
    expect(benchmarkPosition(0)).toBe("below lower quartile");
    expect(benchmarkPosition(-0.1)).toBe("below lower quartile");
    expect(benchmarkPosition(Infinity)).toBe("at or above upper quartile");
  });

  it("throws on NaN, which an adapter must never pass", () => {
    expect(() => benchmarkPosition(NaN)).toThrow(RangeError);
  });
});

describe("parseBenchmarkKind", () => {
  it("reads ids and names trimmed and case-insensitively", () => {
    expect(parseBenchmarkKind(" LEV ")).toBe("lev");
    expect(parseBenchmarkKind("Social  Value")).toBe("sv");
    expect(parseBenchmarkKind("Total")).toBe("total");
    expect(parseBenchmarkKind("local economic value")).toBe("lev");
  });

  it("knows nothing else", () => {
    expect(parseBenchmarkKind("average")).toBeUndefined();
    expect(parseBenchmarkKind("")).toBeUndefined();
  });
});
