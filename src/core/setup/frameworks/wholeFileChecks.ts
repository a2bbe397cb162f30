/**
 * Checks that span the whole framework file, which the schema cannot see one field at a
 * time: duplicate refs and ids, exclusions and criteria pointing at nothing, proxies on
 * record-only measures, weightings the wrong way round, fields nobody reads.
 *
 * They run on the raw input, not the parsed framework, so a file with schema errors still
 * gets every cross-check in the same pass (STYLE.md 5: report everything, with locations).
 */
import { formatPath, type FrameworkProblem, type PathKey } from "./frameworkProblem";
import { asList, asRecord, asText, field, type LooseRecord } from "./looseData";
import { refKey } from "../../shared/refs";
import {
  criterionSchema,
  frameworkSchema,
  measureSchema,
  outcomeSchema,
  policySchema,
  sourceSchema,
  themeSchema,
  thresholdSchema,
} from "./schema";

interface Located {
  path: PathKey[];
  record: LooseRecord;
}

interface Collected {
  themes: Located[];
  outcomes: Located[];
  measures: Located[];
  criteria: Located[];
}

function located(list: unknown, basePath: PathKey[]): Located[] {
  const out: Located[] = [];
  asList(list).forEach((item, index) => {
    const record = asRecord(item);
    if (record) out.push({ path: [...basePath, index], record });
  });
  return out;
}

function collect(root: LooseRecord): Collected {
  const themes = located(field(root, "themes"), ["themes"]);
  const outcomes = themes.flatMap((theme) => located(field(theme.record, "outcomes"), [...theme.path, "outcomes"]));
  const measures = outcomes.flatMap((outcome) => located(field(outcome.record, "measures"), [...outcome.path, "measures"]));
  const criteria = located(field(root, "criteria"), ["criteria"]);
  return { themes, outcomes, measures, criteria };
}

function error(path: PathKey[], message: string): FrameworkProblem {
  return { path: formatPath(path), message, severity: "error" };
}

function warning(path: PathKey[], message: string): FrameworkProblem {
  return { path: formatPath(path), message, severity: "warning" };
}

/**
 * The first place each key was seen; every later holder of the same key (trimmed,
 * case-insensitive) is reported, pointing back at the first.
 */
function duplicates(
  items: readonly Located[],
  key: string,
  describe: (text: string, first: { text: string; path: string }) => string,
): FrameworkProblem[] {
  const seen = new Map<string, { text: string; path: string }>();
  const problems: FrameworkProblem[] = [];
  for (const item of items) {
    const text = asText(field(item.record, key));
    if (text === undefined) continue;
    const normalised = refKey(text);
    const first = seen.get(normalised);
    if (first === undefined) seen.set(normalised, { text, path: formatPath(item.path) });
    else problems.push(error([...item.path, key], describe(text, first)));
  }
  return problems;
}

/** Capitals and spaces do not make two refs or ids different (DESIGN.md: refs match trimmed, case-insensitively). */
const SAME_REGARDLESS = "capitals and spaces do not make them different";

function measureName(measure: Located, fallback = "This measure"): string {
  const ref = asText(field(measure.record, "ref"));
  return ref ? `Measure ${ref}` : fallback;
}

function checkExclusions(measures: readonly Located[]): FrameworkProblem[] {
  const known = new Set<string>();
  for (const measure of measures) {
    const ref = asText(field(measure.record, "ref"));
    if (ref) known.add(refKey(ref));
  }
  const problems: FrameworkProblem[] = [];
  for (const measure of measures) {
    const own = asText(field(measure.record, "ref"));
    asList(field(measure.record, "excludes")).forEach((entry, index) => {
      const excluded = asText(entry);
      if (excluded === undefined) return; // blank or not text: the schema reports it
      const path = [...measure.path, "excludes", index];
      if (own !== undefined && refKey(excluded) === refKey(own)) {
        problems.push(error(path, `Measure ${own} lists itself among the measures it cannot be counted with; remove ${excluded} from its exclusions.`));
      } else if (!known.has(refKey(excluded))) {
        problems.push(error(path, `${measureName(measure)} excludes ${excluded}, which is not in this framework.`));
      }
    });
  }
  return problems;
}

function checkProxies(measures: readonly Located[]): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  for (const measure of measures) {
    const proxy = field(measure.record, "proxy");
    // Only a usable figure: a negative, infinite or non-numeric proxy is already a schema error.
    if (typeof proxy !== "number" || !Number.isFinite(proxy) || proxy < 0) continue;
    const name = measureName(measure);
    if (field(measure.record, "type") === "Record") {
      problems.push(
        error(
          [...measure.path, "proxy"],
          `${name} is record-only, so it is reported but never valued; its proxy value (${proxy}) must be empty (null).`,
        ),
      );
    } else if (asText(field(measure.record, "proxySource")) === undefined) {
      problems.push(
        warning(
          [...measure.path, "proxySource"],
          `${name} has a proxy value of £${proxy} per unit but does not say where the figure comes from; add its source so evaluators can check it.`,
        ),
      );
    }
  }
  return problems;
}

function checkCriteria(criteria: readonly Located[], outcomes: readonly Located[]): FrameworkProblem[] {
  const outcomeIds = new Set<string>();
  for (const outcome of outcomes) {
    const id = asText(field(outcome.record, "id"));
    if (id) outcomeIds.add(refKey(id));
  }
  const problems: FrameworkProblem[] = [];
  for (const criterion of criteria) {
    const outcomeId = asText(field(criterion.record, "outcomeId"));
    if (outcomeId === undefined || outcomeIds.has(refKey(outcomeId))) continue;
    const id = asText(field(criterion.record, "id"));
    const name = id ? `Criterion "${id}"` : "This criterion";
    problems.push(error([...criterion.path, "outcomeId"], `${name} is about outcome "${outcomeId}", which is not in this framework.`));
  }
  return problems;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function checkWeighting(root: LooseRecord): FrameworkProblem[] {
  const policy = asRecord(field(root, "policy"));
  const min = field(policy, "minWeighting");
  const max = field(policy, "maxWeighting");
  if (typeof min !== "number" || typeof max !== "number" || !(min > max)) return [];
  return [
    error(
      ["policy", "minWeighting"],
      `The policy's minimum weighting (${percent(min)}) is higher than its maximum (${percent(max)}); no tender could meet both.`,
    ),
  ];
}

/** Keys the schema strips silently: a misspelt optional field ("excldues") would be lost. */
function checkUnknownFields(root: LooseRecord, found: Collected): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const check = (record: LooseRecord, path: PathKey[], known: readonly string[], owner: string) => {
    for (const key of Object.keys(record)) {
      if (known.includes(key)) continue;
      problems.push(warning([...path, key], `${owner} has a field "${key}" that this product does not use; it will be ignored. Check its spelling.`));
    }
  };
  const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);
  check(root, [], keysOf(frameworkSchema), "The framework");
  const source = asRecord(field(root, "source"));
  if (source) check(source, ["source"], keysOf(sourceSchema), "The framework's source");
  const policy = asRecord(field(root, "policy"));
  if (policy) {
    check(policy, ["policy"], keysOf(policySchema), "The policy");
    for (const threshold of located(field(policy, "thresholds"), ["policy", "thresholds"])) {
      check(threshold.record, threshold.path, keysOf(thresholdSchema), `Threshold ${Number(threshold.path[2]) + 1} of the policy`);
    }
  }
  for (const theme of found.themes) check(theme.record, theme.path, keysOf(themeSchema), idName("Theme", theme));
  for (const outcome of found.outcomes) check(outcome.record, outcome.path, keysOf(outcomeSchema), idName("Outcome", outcome));
  for (const measure of found.measures) check(measure.record, measure.path, keysOf(measureSchema), measureName(measure, "A measure"));
  for (const criterion of found.criteria) check(criterion.record, criterion.path, keysOf(criterionSchema), idName("Criterion", criterion));
  return problems;
}

function idName(kind: string, item: Located): string {
  const id = asText(field(item.record, "id"));
  return id ? `${kind} "${id}"` : `A ${kind.toLowerCase()}`;
}

/** Every whole-file problem in `data`; [] when `data` is not even an object (the schema says so). */
export function wholeFileProblems(data: unknown): FrameworkProblem[] {
  const root = asRecord(data);
  if (!root) return [];
  const found = collect(root);
  return [
    ...duplicates(
      found.measures,
      "ref",
      (ref, first) =>
        `Measure reference ${ref} is already used by measure ${first.text} (${first.path}); each measure needs its own reference, and ${SAME_REGARDLESS}.`,
    ),
    ...duplicates(
      found.themes,
      "id",
      (id, first) => `Theme id "${id}" is already used by another theme (${first.path}); each theme needs its own id.`,
    ),
    ...duplicates(
      found.outcomes,
      "id",
      (id, first) =>
        `Outcome id "${id}" is already used by another outcome (${first.path}); each outcome needs its own id, even under a different theme.`,
    ),
    ...duplicates(
      found.criteria,
      "id",
      (id, first) => `Criterion id "${id}" is already used by another criterion (${first.path}); each criterion needs its own id.`,
    ),
    ...checkExclusions(found.measures),
    ...checkProxies(found.measures),
    ...checkCriteria(found.criteria, found.outcomes),
    ...checkWeighting(root),
    ...checkUnknownFields(root, found),
  ];
}
