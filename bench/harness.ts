/** Shared pieces of the benchmark suites run by `npm run bench` (bench/run.mjs). */

export interface BenchEntry {
  /** Stable name, e.g. "core/validate-100k-rows"; issues and the README refer to it. */
  name: string;
  value: number;
  unit: string;
  better: "lower" | "higher";
  /** What was measured, on what input, and the goal where one is set. */
  note: string;
}

/** Median wall time in ms of `runs` calls after `warmup` unmeasured ones. */
export async function medianMs(fn: () => unknown, { runs = 7, warmup = 2 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)] ?? NaN);
}

/**
 * Heap growth in MB while `fn` runs and its result is still held, measured after forced
 * collections (the suite runs under `node --expose-gc`).
 */
export function heapGrowthMb(fn: () => unknown): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("heapGrowthMb needs node --expose-gc (bench/run.mjs passes it)");
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = fn();
  gc();
  const after = process.memoryUsage().heapUsed;
  void kept;
  return round((after - before) / (1024 * 1024));
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
