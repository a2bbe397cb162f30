/**
 * Golden cases: each folder under a root holds `input.json` and `expected.json`. The runner
 * computes the actual result from the input; on a mismatch it writes `actual.json` beside
 * the case so the difference can be read (and, once checked by hand, copied over expected).
 * A passing run removes any stale `actual.json`.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";

export interface GoldenCase<I> {
  name: string;
  dir: string;
  input: I;
  expected: unknown;
}

export function loadGoldenCases<I>(root: string): GoldenCase<I>[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(root, d.name);
      return {
        name: d.name,
        dir,
        input: JSON.parse(readFileSync(join(dir, "input.json"), "utf8")) as I,
        expected: JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as unknown,
      };
    });
}

/** Call inside an `it`: asserts actual equals expected, writing actual.json when not. */
export function expectGolden(golden: GoldenCase<unknown>, actual: unknown): void {
  const actualFile = join(golden.dir, "actual.json");
  // Round-trip through JSON so undefined fields and -0 compare as the files do.
  const normalised = JSON.parse(JSON.stringify(actual)) as unknown;
  const same = JSON.stringify(normalised) === JSON.stringify(golden.expected);
  if (same) {
    if (existsSync(actualFile)) rmSync(actualFile);
  } else {
    writeFileSync(actualFile, JSON.stringify(normalised, null, 2) + "\n");
  }
  expect(normalised).toEqual(golden.expected);
}
