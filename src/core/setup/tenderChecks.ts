/**
 * Checks on a tender's social value settings against its framework's policy and measure
 * table, run when the tender is set up and whenever the SV Setup sheet changes. Like
 * commitment validation, everything wrong is reported at once (codes SV3xx in findings.ts).
 *
 * Sources of the rules: minimum weighting 10% (PPN 06/20, PPN 002, Southend policy §9.2.2);
 * a framework's own bounds (Essex: up to 20%); Thurrock's framework requires each tender to
 * select at least one outcome (seed 004); three evaluators is typical (DOMAIN.md); Torbay
 * disregards a response that lacks a quantitative or a qualitative part (DOMAIN.md); PPN 002
 * replaced PPN 06/20, mandatory for central government from 1 October 2025 (DOMAIN.md), so a
 * framework's dates bind the buyers its policy names and are a choice for the others.
 */
import { bidderKey } from "../shared/refs";
import type { Commitment } from "../bids/commitments";
import { describeFinding, type TenderFinding } from "../validate/findings";
import { BUILT_IN_FRAMEWORKS, getBuiltInFramework } from "./frameworks/builtins";
import type { Framework, FrameworkPolicy } from "./frameworks/schema";
import { formatIsoDate, formatNumber, formatPercent, quote } from "../shared/format";
import { indexMeasures, nothingCanBeValued, refKey, type MeasureEntry } from "./measureTable";
import type { Buyer, TenderSettings } from "./tender";

/** PPN 06/20 (and PPN 002, Southend policy): social value is at least 10% of the award. */
export const MINIMUM_WEIGHTING = 0.1;

/** DOMAIN.md: three evaluators is typical (three to seven suggested). */
export const TYPICAL_EVALUATORS = 3;

/**
 * What the checks need of the framework: its name for messages, policy, measures and criteria,
 * and the dates it applies between (with its id, to name the version that replaced it).
 */
export interface TenderFramework extends Partial<Pick<Framework, "id" | "appliesFrom" | "appliesUntil" | "supersededBy">> {
  name: string;
  policy?: FrameworkPolicy;
  /** The tender's measure table (SV Measures). */
  measures: readonly MeasureEntry[];
  /** Qualitative criteria evaluators mark; only their number matters here. */
  criteria: readonly unknown[];
}

type Setting = keyof TenderSettings;

function finding(setting: Setting, d: ReturnType<typeof describeFinding>, ref?: string): TenderFinding {
  return ref === undefined ? { ...d, setting } : { ...d, setting, ref };
}

/** Every problem with the settings, in the order of the SV Setup sheet's fields. */
export function checkTender(settings: TenderSettings, framework: TenderFramework): TenderFinding[] {
  const out: TenderFinding[] = [];
  const policy = framework.policy ?? {};
  const name = framework.name.trim() || "The framework";

  const dated = frameworkDateFinding(settings, framework, name);
  if (dated !== undefined) out.push(dated);

  // Weighting: the framework's own minimum when it has one, else the general 10%.
  const w = settings.weighting;
  if (policy.minWeighting !== undefined && w < policy.minWeighting) {
    out.push(
      finding(
        "weighting",
        describeFinding("weightingBelowFramework", { weighting: formatPercent(w), framework: name, min: formatPercent(policy.minWeighting) })
      )
    );
  } else if (w < MINIMUM_WEIGHTING) {
    out.push(finding("weighting", describeFinding("weightingBelowMinimum", { weighting: formatPercent(w) })));
  }
  if (policy.maxWeighting !== undefined && w > policy.maxWeighting) {
    out.push(
      finding(
        "weighting",
        describeFinding("weightingAboveFramework", { weighting: formatPercent(w), framework: name, max: formatPercent(policy.maxWeighting) })
      )
    );
  }

  // What there is to evaluate.
  const index = indexMeasures(framework.measures);
  const inScope: MeasureEntry[] = [];
  const seen = new Set<string>();
  for (const ref of settings.measuresInScope) {
    const key = refKey(ref);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    const m = index.get(key);
    if (m === undefined) out.push(finding("measuresInScope", describeFinding("measureNotInTable", { ref: quote(ref.trim()) }), ref.trim()));
    else inScope.push(m);
  }
  const hasMeasures = inScope.length > 0;
  const hasCriteria = framework.criteria.length > 0;
  if (!hasMeasures && !hasCriteria) {
    out.push(finding("measuresInScope", describeFinding("nothingToEvaluate")));
  } else {
    const q = settings.quantitativeShare;
    if (!hasMeasures && q > 0) {
      // A framework that values nothing cannot be fixed by putting measures in scope: say so.
      out.push(
        nothingCanBeValued(framework.measures)
          ? finding("quantitativeShare", describeFinding("qualitativeFrameworkShare", { framework: name, share: formatPercent(q) }))
          : finding("quantitativeShare", describeFinding("quantitativeWithoutMeasures", { share: formatPercent(q) }))
      );
    }
    if (hasMeasures && q > 0 && nothingCanBeValued(inScope)) {
      const refs = inScope.map((m) => m.ref);
      const listed = refs.length > 5 ? `${refs.slice(0, 5).join(", ")} and ${refs.length - 5} more` : refs.join(", ");
      out.push(finding("quantitativeShare", describeFinding("recordOnlyShare", { refs: listed, share: formatPercent(q) })));
    }
    if (!hasCriteria && q < 1) {
      out.push(finding("quantitativeShare", describeFinding("qualitativeWithoutCriteria", { share: formatPercent(1 - q) })));
    }
  }
  for (const m of inScope) {
    if (m.type !== "Record" && m.proxy === null) {
      out.push(finding("measuresInScope", describeFinding("measureWithoutProxy", { ref: m.ref }), m.ref));
    }
  }

  if (policy.requiresOutcomeSelection && settings.outcomesInScope.every((id) => id.trim() === "")) {
    out.push(finding("outcomesInScope", describeFinding("outcomeRequired", { framework: name })));
  }

  if (settings.method === "target" && !(typeof settings.targetReturn === "number" && settings.targetReturn > 0)) {
    out.push(finding("targetReturn", describeFinding("targetMissing")));
  }

  const marks = settings.scale.marks;
  if (settings.passMark !== undefined && !marks.includes(settings.passMark)) {
    out.push(
      finding(
        "passMark",
        describeFinding("passMarkNotOnScale", {
          passMark: formatNumber(settings.passMark),
          scale: settings.scale.label,
          marks: marks.map((m) => formatNumber(m)).join(", "),
        })
      )
    );
  }

  const evaluators = new Set(settings.evaluators.map((e) => e.trim().toUpperCase()).filter((e) => e !== "")).size;
  if (evaluators < TYPICAL_EVALUATORS) {
    const count = evaluators === 0 ? "no evaluators" : evaluators === 1 ? "one evaluator" : `${evaluators} evaluators`;
    out.push(finding("evaluators", describeFinding("fewEvaluators", { count })));
  }

  // A return is £ per £1 of the contract value as typed; a value with VAT lowers every return alike.
  if (settings.vatBasis === "including" && settings.quantitativeShare > 0) {
    out.push(finding("vatBasis", describeFinding("returnsIncludeVat")));
  }

  if (settings.requireBothParts) {
    out.push(finding("requireBothParts", describeFinding("bothPartsRequired")));
    const missing = !hasMeasures
      ? !hasCriteria
        ? "no measure is in scope and the framework has no criteria"
        : "no measure is in scope"
      : !hasCriteria
        ? "the framework has no qualitative criteria"
        : undefined;
    if (missing !== undefined) out.push(finding("requireBothParts", describeFinding("bothPartsImpossible", { missing })));
  } else if (policy.requiresBothParts) {
    out.push(finding("requireBothParts", describeFinding("bothPartsNotRequired", { framework: name })));
  }

  return out;
}

const BUYER_WORDS: Readonly<Record<Buyer, string>> = {
  central: "central government",
  "sub-central": "councils and other sub-central authorities",
};

/**
 * A framework chosen for a procurement begun outside its dates (only when the start date is
 * known): a warning where the dates bind this buyer, information where they are a choice
 * (PPN 002 and PPN 06/20 bind central government; a council may use either).
 */
function frameworkDateFinding(settings: TenderSettings, framework: TenderFramework, name: string): TenderFinding | undefined {
  const start = settings.procurementStart;
  if (start === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(start)) return undefined;
  const { appliesFrom: from, appliesUntil: until } = framework;
  // ISO dates compare as text.
  const tooEarly = from !== undefined && start < from;
  const tooLate = until !== undefined && start > until;
  if (!tooEarly && !tooLate) return undefined;

  const range =
    from !== undefined && until !== undefined
      ? `from ${formatIsoDate(from)} to ${formatIsoDate(until)}`
      : from !== undefined
        ? `from ${formatIsoDate(from)}`
        : `up to ${formatIsoDate(until ?? "")}`;
  const successor = tooLate && framework.supersededBy !== undefined ? getBuiltInFramework(framework.supersededBy) : undefined;
  const predecessor =
    tooEarly && framework.id !== undefined ? BUILT_IN_FRAMEWORKS.find((f) => f.supersededBy !== undefined && f.supersededBy === framework.id) : undefined;
  const choice =
    successor !== undefined
      ? `${successor.name}, which replaced it for procurements begun after ${formatIsoDate(until ?? "")}`
      : predecessor !== undefined
        ? predecessor.name
        : `the version in force on ${formatIsoDate(start)}`;
  const params = { framework: name, range, start: formatIsoDate(start), choice };

  const bound = framework.policy?.mandatoryFor;
  const buyer: Buyer = settings.buyer ?? "sub-central";
  if (bound === undefined || bound.length === 0 || bound.includes(buyer)) {
    return finding("frameworkId", describeFinding("frameworkOutOfDate", params));
  }
  const who = bound.map((b) => BUYER_WORDS[b]).join(" and ");
  return finding("frameworkId", describeFinding("frameworkOutOfDateByChoice", { ...params, bound: who }));
}

export interface ResponseParts {
  /** The bid commits to at least one measure (a positive quantity). */
  quantitative: boolean;
  /** The bid answers at least one qualitative criterion. */
  qualitative: boolean;
}

export type ResponseVerdict =
  | { counts: true }
  | { counts: false; missing: "quantitative" | "qualitative" | "both"; reason: string };

/**
 * Does a bid's social value response count? Always, unless the tender requires both parts
 * (Torbay) and the response lacks one: then the whole response is disregarded and scores 0.
 */
export function bidResponseCounts(parts: ResponseParts, requireBothParts: boolean): ResponseVerdict {
  if (!requireBothParts || (parts.quantitative && parts.qualitative)) return { counts: true };
  if (!parts.quantitative && !parts.qualitative) {
    return { counts: false, missing: "both", reason: "The response has neither commitments nor qualitative answers, so it is disregarded." };
  }
  return parts.quantitative
    ? { counts: false, missing: "qualitative", reason: "The response has commitments but no qualitative answer; both parts are required, so it is disregarded." }
    : { counts: false, missing: "quantitative", reason: "The response has qualitative answers but no commitments; both parts are required, so it is disregarded." };
}

/** Whether a bidder has a quantitative part: an accepted commitment with a quantity above 0. */
export function hasQuantitativePart(bidder: string, commitments: readonly Commitment[]): boolean {
  const key = bidderKey(bidder);
  return commitments.some((c) => c.quantity > 0 && bidderKey(c.bidder) === key);
}
