/**
 * Runs of consecutive rows or columns: what can travel to Excel as one range. One rule for every
 * place that groups cells so (import blocks, moderation reads, write plans, fills, formula
 * columns): items sorted by key, a new run wherever a key is not the previous one plus one.
 */

/** `items` in runs of consecutive keys, each run in key order. */
export function consecutiveRuns<T>(items: readonly T[], key: (item: T) => number): T[][] {
  const runs: T[][] = [];
  for (const item of [...items].sort((a, b) => key(a) - key(b))) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && key(item) === key(last) + 1) run.push(item);
    else runs.push([item]);
  }
  return runs;
}

/** Numbers as [first, last] runs of consecutive ones. */
export function runsOf(numbers: readonly number[]): [number, number][] {
  return consecutiveRuns(numbers, (n) => n).map((run) => [run[0] as number, run[run.length - 1] as number]);
}
