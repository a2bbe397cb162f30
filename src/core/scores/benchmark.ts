/**
 * Published benchmark returns, and where a bid's return sits among them.
 *
 * Source: Southend-on-Sea City Council, Social Value Policy (December 2021), section 5.3,
 * quoting the Social Value Portal's figures for returns on contract spend (seed 002 in
 * `shared/seeds/`, DOMAIN.md "Weighting, thresholds, targets, benchmarks"):
 *
 * | kind  | what it counts                              | 25th pct | median | 75th pct | average |
 * | ----- | ------------------------------------------- | -------- | ------ | -------- | ------- |
 * | total | social and local economic value added       | 3.8%     | 15.7%  | 36.6%    | 23.7%   |
 * | lev   | local economic value added                  | 0.5%     | 8.4%   | 28.6%    | 22.3%   |
 * | sv    | social value added                          | 0.1%     | 0.6%   | 2.1%     | 4%      |
 *
 * The averages sit well above the medians (a few very large returns pull them up), which is
 * why positions are given against the quartiles; the averages are kept for reference only.
 * Note the policy's averages do not add up (4% + 22.3% ≠ 23.7%): they are averages over
 * different sets of contracts, so they are reproduced as published, not derived.
 *
 * `benchmarkPosition` is what `TENDER.SVBENCHMARK` returns, so the band labels below are part
 * of the formula API: once shipped they are stored in users' workbooks and must not change.
 */

export const BENCHMARK_KINDS = ["total", "lev", "sv"] as const;
/** total: social and local economic value; lev: local economic value; sv: social value. */
export type BenchmarkKind = (typeof BENCHMARK_KINDS)[number];

/** Returns as ratios of contract value: 0.157 means 15.7p per £1. */
export interface BenchmarkReturns {
  lowerQuartile: number;
  median: number;
  upperQuartile: number;
  /** For reference only; no band is defined by it. */
  average: number;
}

export interface BenchmarkSource {
  title: string;
  publisher: string;
  /** Where the publisher took the figures from. */
  via: string;
  date: string;
}

export const BENCHMARK_SOURCE: Readonly<BenchmarkSource> = {
  title: "Social Value Policy, section 5.3",
  publisher: "Southend-on-Sea City Council",
  via: "Social Value Portal",
  date: "December 2021",
};

/**
 * The Southend policy's figures (see the table above). Written as the decimal literals of the
 * published percentages, so that a return computed by one division (value / contract value)
 * whose exact ratio is a quartile compares equal to it: the division and the literal both
 * round the same rational number to the nearest double.
 */
export const BENCHMARK_RETURNS: Readonly<Record<BenchmarkKind, Readonly<BenchmarkReturns>>> = {
  total: { lowerQuartile: 0.038, median: 0.157, upperQuartile: 0.366, average: 0.237 },
  lev: { lowerQuartile: 0.005, median: 0.084, upperQuartile: 0.286, average: 0.223 },
  sv: { lowerQuartile: 0.001, median: 0.006, upperQuartile: 0.021, average: 0.04 },
};

/**
 * The four bands, lowest first. Each band includes its lower edge and excludes its upper
 * edge: a return exactly at the median is "median to upper quartile", one exactly at the
 * upper quartile is "at or above upper quartile". Public and frozen (see the file comment).
 */
export const BENCHMARK_BANDS = [
  "below lower quartile",
  "lower quartile to median",
  "median to upper quartile",
  "at or above upper quartile",
] as const;
export type BenchmarkBand = (typeof BENCHMARK_BANDS)[number];

/**
 * The band a return (0.094 = 9.4p per £1) falls in for one kind of benchmark.
 *
 * Defined for every number that is not NaN: a negative return is "below lower quartile" and
 * +Infinity "at or above upper quartile". Whether a negative or blank return is an error is
 * the caller's rule (SVRETURN makes it #NUM!), so the adapter checks before calling. NaN is
 * programmer misuse (it would otherwise fall silently into the lowest band) and throws.
 */
export function benchmarkPosition(returnRatio: number, kind: BenchmarkKind = "total"): BenchmarkBand {
  if (Number.isNaN(returnRatio)) throw new RangeError("benchmarkPosition: the return is NaN");
  const q = BENCHMARK_RETURNS[kind];
  if (q === undefined) throw new RangeError(`benchmarkPosition: unknown benchmark kind ${String(kind)}`);
  if (returnRatio >= q.upperQuartile) return "at or above upper quartile";
  if (returnRatio >= q.median) return "median to upper quartile";
  if (returnRatio >= q.lowerQuartile) return "lower quartile to median";
  return "below lower quartile";
}

/**
 * Reads the `kind` argument of SVBENCHMARK: trimmed, case-insensitive; besides the ids it
 * accepts the names evaluators use for them. Undefined for anything else (the adapter's
 * #VALUE!).
 */
export function parseBenchmarkKind(text: string): BenchmarkKind | undefined {
  return KIND_NAMES.get(text.trim().toLowerCase().replace(/\s+/g, " "));
}

const KIND_NAMES: ReadonlyMap<string, BenchmarkKind> = new Map<string, BenchmarkKind>([
  ["total", "total"],
  ["social and local economic value", "total"],
  ["lev", "lev"],
  ["local economic value", "lev"],
  ["sv", "sv"],
  ["social value", "sv"],
]);
