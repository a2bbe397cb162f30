/**
 * A problem found in a framework file, located so the person fixing the file can find it.
 * Paths read like `themes[0].outcomes[1].measures[2].unit`; the whole file is the empty path.
 */

export interface FrameworkProblem {
  /** Where the problem is, e.g. `themes[0].outcomes[1].measures[2].unit`; "" for the whole file. */
  path: string;
  /** Written for a council procurement officer, naming the measure ref where known. */
  message: string;
  /** Errors stop the framework loading; warnings let it load but should be shown. */
  severity: "error" | "warning";
}

export type PathKey = string | number;

/** `["themes", 0, "outcomes"]` → `themes[0].outcomes`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
