/**
 * Loads a framework from untrusted data (a built-in file, a council's JSON, an imported
 * measure table) and reports every problem at once, each with its location, so the person
 * fixing the file does it in one pass (STYLE.md 5). Never throws: bad input is the user's
 * problem to fix, returned as data. Input that cannot even be read (an object whose getters
 * throw) comes back as a single problem too; plain data never takes that path (tested).
 */
import type { z } from "zod";
import { formatPath, type FrameworkProblem } from "./frameworkProblem";
import {
  criterionSchema,
  frameworkSchema,
  measureSchema,
  outcomeSchema,
  policySchema,
  sourceSchema,
  themeSchema,
  thresholdSchema,
  type Framework,
} from "./schema";
import { problemFromIssue } from "./schemaMessages";
import { wholeFileProblems } from "./wholeFileChecks";

export type { FrameworkProblem } from "./frameworkProblem";
export { allMeasures, findMeasure, type FrameworkMeasure } from "./measures";

export type LoadFrameworkResult =
  | { ok: true; framework: Framework; warnings: FrameworkProblem[] }
  | { ok: false; problems: FrameworkProblem[] };

/** Start of the message for input that could not even be read; exported for tests. */
export const UNREADABLE = "This framework could not be read";

export function loadFramework(data: unknown): LoadFrameworkResult {
  let problems: FrameworkProblem[];
  let parsed: ReturnType<typeof frameworkSchema.safeParse>;
  try {
    parsed = frameworkSchema.safeParse(data);
    const issues = parsed.success ? [] : withoutFollowOns(parsed.error.issues);
    problems = [...issues.map((issue) => problemFromIssue(data, issue)), ...wholeFileProblems(data)];
  } catch (thrown) {
    // Plain data (JSON, a sheet read into objects) cannot get here; an object whose
    // property getters throw can. Say so rather than break the caller's import flow.
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, problems: [{ path: "", message: `${UNREADABLE} (${reason}).`, severity: "error" }] };
  }
  const sorted = inReadingOrder(problems);
  if (!parsed.success || sorted.some((problem) => problem.severity === "error")) return { ok: false, problems: sorted };
  return { ok: true, framework: parsed.data, warnings: sorted };
}

/**
 * Zod keeps running a string's checks on a value of the wrong type (a list given as a name
 * is "not text" and also "too short"); once a value is the wrong type, only that is worth saying.
 */
function withoutFollowOns(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const wrongType = new Set(issues.filter((issue) => issue.code === "invalid_type").map((issue) => formatPath(issue.path)));
  return issues.filter((issue) => issue.code === "invalid_type" || !wrongType.has(formatPath(issue.path)));
}

/** Field names in the order the schema declares them, so problems list as the file reads. */
const FIELD_ORDER: readonly string[] = [
  ...new Set(
    [frameworkSchema, sourceSchema, policySchema, thresholdSchema, themeSchema, outcomeSchema, measureSchema, criterionSchema].flatMap(
      (schema) => Object.keys(schema.shape),
    ),
  ),
];

function pathSegments(path: string): (string | number)[] {
  return (path.match(/\[\d+\]|[^.[\]]+/g) ?? []).map((segment) =>
    segment.startsWith("[") ? Number(segment.slice(1, -1)) : segment,
  );
}

function rank(segment: string | number): number {
  if (typeof segment === "number") return segment;
  const index = FIELD_ORDER.indexOf(segment);
  return index === -1 ? FIELD_ORDER.length : index;
}

function compareSegments(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    const byRank = rank(x) - rank(y);
    if (byRank !== 0) return byRank;
    if (x !== y) return String(x) < String(y) ? -1 : 1; // two unknown field names
  }
  return a.length - b.length;
}

/** Stable: problems at the same place keep the order they were found in. */
function inReadingOrder(problems: readonly FrameworkProblem[]): FrameworkProblem[] {
  return problems
    .map((problem, index) => ({ problem, index, segments: pathSegments(problem.path) }))
    .sort((a, b) => compareSegments(a.segments, b.segments) || a.index - b.index)
    .map((entry) => entry.problem);
}
