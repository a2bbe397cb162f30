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

/** Bytes as whole kilobytes, for an entry's note. */
export const kb = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString("en-GB")} KB`;

/** What Microsoft's client sent the test host over an operation: its syncs, requests and totals, for an entry's note. */
export function traffic(stats: { syncCalls: number; requests: number; requestBytes: readonly number[]; responseBytes: readonly number[]; maxRequestBytes: number; maxResponseBytes: number }): string {
  const { syncCalls, requests, requestBytes, responseBytes, maxRequestBytes, maxResponseBytes } = stats;
  const sent = requestBytes.reduce((a, b) => a + b, 0);
  const received = responseBytes.reduce((a, b) => a + b, 0);
  return `${syncCalls} syncs, ${requests} requests; sent ${kb(sent)} (largest ${kb(maxRequestBytes)}), received ${kb(received)} (largest ${kb(maxResponseBytes)})`;
}
