/**
 * Turns the schema's findings into sentences a procurement officer can act on: which theme,
 * outcome or measure (by ref where it has one), which field, what is wrong and what would do.
 */
import type { z } from "zod";
import { parseUnit, UNIT_KEYS } from "../units";
import { formatPath, type FrameworkProblem } from "./frameworkProblem";
import { asRecord, asText, field, valueAt } from "./looseData";
import { MEASURE_TYPES } from "./schema";

type Issue = z.core.$ZodIssue;

interface FieldWords {
  /** How the field is named in a sentence: "the unit". */
  label: string;
  /** What a correct value looks like: "a number of £ per unit, or null …". */
  expects: string;
}

const FIELDS: Readonly<Record<string, FieldWords>> = {
  id: { label: "the id", expects: "a short piece of text" },
  name: { label: "the name", expects: "text" },
  version: { label: "the version", expects: "text, such as 2024.1" },
  source: { label: "the source", expects: "the title and publisher of the document the framework comes from" },
  title: { label: "the title", expects: "text" },
  publisher: { label: "the publisher", expects: "text" },
  url: { label: "the web address", expects: "text" },
  date: { label: "the date", expects: "text, such as December 2021" },
  illustrative: { label: "the illustrative flag", expects: "true or false" },
  policy: { label: "the policy", expects: "thresholds, weightings and a target" },
  themes: { label: "the list of themes", expects: "a list of themes" },
  criteria: { label: "the list of criteria", expects: "a list of qualitative criteria (it may be empty)" },
  outcomes: { label: "the list of outcomes", expects: "a list of outcomes" },
  measures: { label: "the list of measures", expects: "a list of measures (it may be empty)" },
  ref: { label: "the reference", expects: "text, such as ECC10" },
  description: { label: "the description", expects: "text" },
  unit: { label: "the unit", expects: `one of ${UNIT_KEYS.join(", ")}` },
  unitLabel: { label: "the unit as printed", expects: "text" },
  proxy: { label: "the proxy value", expects: "a number of £ per unit, or null where the framework gives none" },
  proxySource: { label: "the proxy source", expects: "text saying where the figure comes from" },
  type: { label: "the type", expects: MEASURE_TYPES.join(", ") },
  guidance: { label: "the guidance", expects: "text" },
  evidenceRequired: { label: "the evidence-required flag", expects: "true or false" },
  excludes: { label: "the list of measures it cannot be counted with", expects: "a list of measure references" },
  firstYearOnly: { label: "the first-year-only flag", expects: "true or false" },
  question: { label: "the question", expects: "text" },
  outcomeId: { label: "the outcome it is about", expects: "an outcome id from this framework" },
  thresholds: { label: "the list of thresholds", expects: "a list of thresholds" },
  category: { label: "the category", expects: "supplies-services, light-touch, works or any" },
  minValue: { label: "the minimum contract value", expects: "a number of £, excluding VAT" },
  minMonths: { label: "the minimum contract length", expects: "a whole number of months" },
  minWeighting: { label: "the minimum weighting", expects: "a share between 0 and 1 (0.1 means 10%)" },
  maxWeighting: { label: "the maximum weighting", expects: "a share between 0 and 1 (0.2 means 20%)" },
  targetReturn: { label: "the target return", expects: "£ of social value per £1 of contract value (0.25 means 25p)" },
  requiresOutcomeSelection: { label: "the outcome-selection rule", expects: "true or false" },
  requiresBothParts: { label: "the both-parts rule", expects: "true or false" },
  requiresSmartCommitment: { label: "the specific-commitment rule", expects: "true or false" },
  scoringMethod: { label: "the scoring method", expects: "relative, target or range" },
  mandatoryFor: { label: "the buyers it binds", expects: "a list of buyer kinds: central, sub-central" },
  note: { label: "the note", expects: "text" },
};

/** What the thing at the end of a path is, when the path ends at a whole theme, measure … */
const ENTITY_EXPECTS = {
  framework: "a group of fields (id, name, version, source, themes and criteria)",
  source: FIELDS.source?.expects ?? "",
  policy: "a policy (thresholds, weightings, target)",
  threshold: "a threshold with a category and a minimum contract value",
  theme: "a theme with an id, a name and a list of outcomes",
  outcome: "an outcome with an id, a name and a list of measures",
  measure: "a measure with a reference, description, unit, proxy value and type",
  criterion: "a criterion with an id and a question",
} as const;

type EntityKind = keyof typeof ENTITY_EXPECTS;

interface Owner {
  kind: EntityKind;
  /** "Measure ECC11", "Theme 2", "The policy". */
  subject: string;
  /** The part of the path inside the owner: [] for the owner itself, ["unit"], ["excludes", 1]. */
  rest: readonly PropertyKey[];
}

function quoted(id: string): string {
  return `"${id}"`;
}

/** The innermost theme, outcome, measure, criterion … that a path points into. */
function ownerOf(data: unknown, path: readonly PropertyKey[]): Owner {
  const [p0, p1, p2, p3, p4, p5] = path;
  if (p0 === "source") return { kind: "source", subject: "The framework's source", rest: path.slice(1) };
  if (p0 === "policy") {
    if (p1 === "thresholds" && typeof p2 === "number") {
      return { kind: "threshold", subject: `Threshold ${p2 + 1} of the policy`, rest: path.slice(3) };
    }
    return { kind: "policy", subject: "The policy", rest: path.slice(1) };
  }
  if (p0 === "criteria" && typeof p1 === "number") {
    const id = asText(field(asRecord(valueAt(data, path.slice(0, 2))), "id"));
    return { kind: "criterion", subject: id ? `Criterion ${quoted(id)}` : `Criterion ${p1 + 1}`, rest: path.slice(2) };
  }
  if (p0 === "themes" && typeof p1 === "number") {
    const themeId = asText(field(asRecord(valueAt(data, path.slice(0, 2))), "id"));
    const theme = themeId ? `theme ${quoted(themeId)}` : `theme ${p1 + 1}`;
    if (p2 === "outcomes" && typeof p3 === "number") {
      const outcomeId = asText(field(asRecord(valueAt(data, path.slice(0, 4))), "id"));
      const outcome = outcomeId ? `outcome ${quoted(outcomeId)}` : `outcome ${p3 + 1} of ${theme}`;
      if (p4 === "measures" && typeof p5 === "number") {
        const ref = asText(field(asRecord(valueAt(data, path.slice(0, 6))), "ref"));
        const subject = ref ? `Measure ${ref}` : `Measure ${p5 + 1} under ${outcome}`;
        return { kind: "measure", subject, rest: path.slice(6) };
      }
      return { kind: "outcome", subject: capitalise(outcome), rest: path.slice(4) };
    }
    return { kind: "theme", subject: capitalise(theme), rest: path.slice(2) };
  }
  return { kind: "framework", subject: "The framework", rest: path };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A raw value as an officer would recognise it in the file. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "empty (null)";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return value.trim() === "" ? "blank text" : `the text "${shown}"`;
  }
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "not a number (NaN)";
    if (!Number.isFinite(value)) return "infinite";
    return `the number ${value}`;
  }
  if (typeof value === "boolean") return `the value ${value}`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of fields";
  return `a value of kind ${typeof value}`;
}

interface Target {
  /** "the unit", "entry 2 of the list of measures it cannot be counted with", or the subject. */
  label: string;
  expects: string;
  /** The key the issue is about ("unit"), for value-specific advice. */
  key: string | undefined;
}

function targetOf(owner: Owner): Target {
  const [key, index] = owner.rest;
  if (key === undefined) return { label: owner.subject, expects: ENTITY_EXPECTS[owner.kind], key: undefined };
  const words = typeof key === "string" ? FIELDS[key] : undefined;
  const label = words?.label ?? `the field "${String(key)}"`;
  const expects = words?.expects ?? "a different value";
  if (typeof index === "number" && key === "excludes") {
    return { label: `entry ${index + 1} of ${label}`, expects: "a measure reference", key: "excludes[]" };
  }
  return { label, expects, key: typeof key === "string" ? key : undefined };
}

function sentence(owner: Owner, target: Target, predicate: string): string {
  if (owner.rest.length === 0) {
    // The input is not a framework at all: say that first, not "The framework should be a framework".
    if (owner.kind === "framework") return `This is not a framework: it ${predicate}.`;
    return `${owner.subject} ${predicate}.`; // "Theme 2 is missing."
  }
  if (owner.kind === "framework") return `The framework's ${target.label.replace(/^the /, "")} ${predicate}.`;
  return `${owner.subject}: ${target.label} ${predicate}.`; // "Measure ECC3: the unit is missing."
}

function enumAdvice(key: string | undefined, raw: unknown, allowed: readonly unknown[]): string {
  if (raw === undefined) return `is missing; use one of ${allowed.join(", ")}`;
  const given = typeof raw === "string" ? raw : undefined;
  if (key === "unit" && given !== undefined) {
    const known = parseUnit(given);
    if (known) return `is written "${given}"; write "${known}" instead`;
    return `"${given}" is not a unit this product recognises; use one of ${allowed.join(", ")}`;
  }
  const exact = allowed.find((option) => typeof option === "string" && given !== undefined && option.toLowerCase() === given.trim().toLowerCase());
  if (exact !== undefined) return `is written "${given}"; write "${String(exact)}" instead`;
  return `must be one of ${allowed.join(", ")}, but it is ${describeValue(raw)}`;
}

function predicateFor(issue: Issue, target: Target, raw: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      if (raw === undefined) return "is missing";
      return `should be ${target.expects}, but it is ${describeValue(raw)}`;
    case "too_small":
      if (issue.origin === "string") return "is blank";
      if (issue.origin === "array") return Number(issue.minimum) === 1 ? "is empty; it needs at least one entry" : `needs at least ${String(issue.minimum)} entries`;
      if (Number(issue.minimum) === 0) return `cannot be negative, but it is ${describeValue(raw)}`;
      return `must be at least ${String(issue.minimum)}, but it is ${describeValue(raw)}`;
    case "too_big":
      if (issue.origin === "array" || issue.origin === "string") return `is too long (at most ${String(issue.maximum)})`;
      return `cannot be more than ${String(issue.maximum)}, but it is ${describeValue(raw)} (expected ${target.expects})`;
    case "invalid_value":
      return enumAdvice(target.key, raw, issue.values);
    default:
      // Shapes the schema does not currently produce; keep zod's own words rather than lose the finding.
      return `is not valid (${issue.message})`;
  }
}

/** One schema issue as a located, readable problem. */
export function problemFromIssue(data: unknown, issue: Issue): FrameworkProblem {
  const owner = ownerOf(data, issue.path);
  const target = targetOf(owner);
  const raw = valueAt(data, issue.path);
  return { path: formatPath(issue.path), message: sentence(owner, target, predicateFor(issue, target, raw)), severity: "error" };
}
