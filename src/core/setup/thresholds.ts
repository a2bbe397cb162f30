/**
 * Whether a contract is above the council's threshold for evaluating social value.
 *
 * Councils publish thresholds by kind of contract (Southend-on-Sea Social Value Policy, Dec
 * 2021, §9.2.1, seed 002: supplies and services £177,897; light-touch services £552,950; works
 * £1M *and* 24 months or longer) or one figure for everything (Essex, Colchester, Bradford:
 * £100,000; seed 000, DOMAIN.md). Council figures exclude VAT unless the threshold says
 * otherwise; the statutory ones include it (statutoryThresholds.ts), so the contract value's VAT
 * basis is a setting and each comparison is made on the threshold's own basis.
 *
 * A threshold for the tender's own category, where the council gives one, is the rule; an
 * "any" threshold applies only to categories without their own (the more specific rule wins).
 */
import type { Framework, Threshold } from "./frameworks/schema";
import { formatGBP, formatIsoDate, formatPercent } from "../shared/format";
import type { Buyer, Category, VatBasis } from "./tenderTerms";
import { isIsoDate, REGIME_NAMES, regimeOn, STANDARD_VAT_RATE, statutoryThreshold, valueBothWays, type Regime, type StatutoryThreshold } from "./statutoryThresholds";

export interface ThresholdVerdict {
  required: boolean;
  /** false when the verdict cannot be reached yet (no value, no duration where one is needed, no threshold for the category). */
  decided?: false;
  /** One plain-English sentence, £ formatted, saying why. */
  reason: string;
  /** The threshold the verdict rests on, when one applies. */
  threshold?: Threshold;
}

export interface ThresholdSettings {
  /** £, on the basis `vatBasis` says (read as typed when it is not set). */
  contractValue: number;
  category: Category;
  durationMonths?: number;
  vatBasis?: VatBasis;
}

const CATEGORY_PHRASE: Readonly<Record<Threshold["category"], string>> = {
  "supplies-services": "supplies and services",
  "light-touch": "light-touch services",
  works: "works",
  any: "all contracts",
};

function months(n: number): string {
  return n === 1 ? "1 month" : `${n} months`;
}

/**
 * Is social value required for this contract? `owner` names whose thresholds they are
 * ("Southend"), for the reason; without it the reason says "the".
 */
export function thresholdVerdict(
  settings: ThresholdSettings,
  thresholds: readonly Threshold[],
  owner?: string
): ThresholdVerdict {
  const whose = owner && owner.trim() ? `${owner.trim()}'s` : "the";
  const value = settings.contractValue;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    return { required: false, decided: false, reason: "The contract value is not set, so the threshold cannot be checked." };
  }
  if (thresholds.length === 0) {
    return {
      required: false,
      decided: false,
      reason: "No social value threshold is configured for this framework, so the add-in cannot say whether one applies; the council's own policy decides.",
    };
  }
  const own = thresholds.filter((t) => t.category === settings.category);
  const applicable = own.length > 0 ? own : thresholds.filter((t) => t.category === "any");
  if (applicable.length === 0) {
    return {
      required: false,
      decided: false,
      reason: `No social value threshold is configured for ${CATEGORY_PHRASE[settings.category]}, so the add-in cannot say whether one applies; the council's own policy decides.`,
    };
  }
  const verdicts = applicable.map((t) => judge(onThresholdBasis(value, settings.vatBasis, t), settings.durationMonths, t, whose));
  return verdicts.find((v) => v.required) ?? verdicts[0]!;
}

/** The contract value on the threshold's VAT basis, and how to say it. */
function onThresholdBasis(value: number, basis: VatBasis | undefined, t: Threshold): { value: number; text: string } {
  if (basis === undefined) return { value, text: formatGBP(value) };
  const both = valueBothWays(value, basis);
  const rate = formatPercent(STANDARD_VAT_RATE);
  if (t.vat === "included") {
    if (basis === "excluding") return { value: both.includingVat, text: `${formatGBP(both.includingVat)} including VAT (${formatGBP(value)} plus VAT at ${rate})` };
    return { value, text: `${formatGBP(value)} including any VAT` };
  }
  if (basis === "including") return { value: both.excludingVat, text: `${formatGBP(both.excludingVat)} excluding VAT (${formatGBP(value)} less VAT at ${rate})` };
  return { value, text: basis === "none" ? `${formatGBP(value)} (no VAT charged)` : `${formatGBP(value)} excluding VAT` };
}

function judge(typed: { value: number; text: string }, duration: number | undefined, t: Threshold, whose: string): ThresholdVerdict {
  const { value, text: amount } = typed;
  const named = `${whose} ${formatGBP(t.minValue)} threshold for ${CATEGORY_PHRASE[t.category]}`;
  const valueMet = value >= t.minValue;
  if (t.minMonths === undefined) {
    return valueMet
      ? { required: true, reason: `${amount} is at or above ${named}, so social value must be evaluated.`, threshold: t }
      : { required: false, reason: `${amount} is below ${named}, so social value is not required (the council may still include it).`, threshold: t };
  }

  // Both the value and the length are needed (Southend works: £1M and 24 months or more).
  const need = `${t.minMonths} months or longer`;
  const hasDuration = typeof duration === "number" && Number.isFinite(duration) && duration > 0;
  const lengthMet = hasDuration && duration >= t.minMonths;
  if (valueMet && lengthMet) {
    return {
      required: true,
      reason: `${amount} is at or above ${named}, and the contract runs ${months(duration)} (${need} needed), so social value must be evaluated.`,
      threshold: t,
    };
  }
  if (valueMet && !hasDuration) {
    return {
      required: false,
      decided: false,
      reason: `${amount} is at or above ${named}, but the threshold also needs a contract of ${need} and the length is not set: enter the duration to decide.`,
      threshold: t,
    };
  }
  if (valueMet) {
    return {
      required: false,
      reason: `${amount} is at or above ${named}, but the contract runs only ${months(duration!)} and the threshold also needs ${need}, so social value is not required.`,
      threshold: t,
    };
  }
  const lengthNote = !hasDuration
    ? ""
    : lengthMet
      ? ` (its ${months(duration)} does meet the ${need} also needed)`
      : ` and its ${months(duration)} is short of the ${need} also needed`;
  return {
    required: false,
    reason: `${amount} is below ${named}${lengthNote}, so social value is not required (the council may still include it).`,
    threshold: t,
  };
}

/** The statutory side of the verdict: the regime of the procurement's start date and its threshold. */
export interface StatutoryVerdict {
  /** Undefined while the start date is not set. */
  regime?: Regime;
  threshold?: StatutoryThreshold;
  /** Undefined when it cannot be decided (no date, no VAT basis, no value, no figures held). */
  aboveThreshold?: boolean;
  /** One plain-English sentence naming the regime, the threshold and its source. */
  reason: string;
}

export interface TenderVerdictSettings extends ThresholdSettings {
  /** ISO date the procurement began. */
  procurementStart?: string;
  buyer?: Buyer;
}

/** Whose thresholds a framework's are, and where they are written. */
export interface PolicyThresholds {
  thresholds: readonly Threshold[];
  /** "Essex County Council"; the reason says "the" without it. */
  owner?: string;
  /** The document the thresholds come from, unless a threshold names its own. */
  source?: string;
}

export interface TenderVerdict {
  /** Social value must be evaluated: by the council's own threshold where it has one, else by the statutory one. */
  required: boolean;
  /** required / not-required, or undecided while something the verdict needs is missing or it is the council's call. */
  decision: "required" | "not-required" | "undecided";
  statutory: StatutoryVerdict;
  /** The council's own threshold, when the framework has any. */
  policy?: ThresholdVerdict & { source?: string };
  /** Both sentences, as SV Setup's "Threshold verdict" cell holds them. */
  reason: string;
}

export function statutoryVerdict(settings: TenderVerdictSettings): StatutoryVerdict {
  const start = settings.procurementStart;
  if (start === undefined || start.trim() === "") {
    return { reason: "Enter when the procurement began: the regime (PCR 2015 or the Procurement Act 2023) and the statutory threshold depend on it." };
  }
  if (!isIsoDate(start)) return { reason: `The procurement start date "${start}" is not a date: enter it as day, month and year.` };
  const regime = regimeOn(start);
  const began = `${REGIME_NAMES[regime]} (the procurement began on ${formatIsoDate(start)})`;
  const threshold = statutoryThreshold(start, settings.category, settings.buyer ?? "sub-central");
  if (threshold === undefined) {
    return { regime, reason: `${began}. The add-in holds the statutory thresholds from 1 January 2022 only: check the threshold in force when it began.` };
  }
  const named = `the ${formatGBP(threshold.amount)} threshold for ${threshold.appliesTo} (VAT included; in force from ${formatIsoDate(threshold.from)}; ${threshold.source})`;
  const value = settings.contractValue;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    return { regime, threshold, reason: `${began}: ${named}. The contract value is not set, so it cannot be compared.` };
  }
  if (settings.vatBasis === undefined) {
    return { regime, threshold, reason: `${began}: ${named}. Say whether the contract value includes VAT before it is compared.` };
  }
  const both = valueBothWays(value, settings.vatBasis);
  const amount =
    settings.vatBasis === "excluding"
      ? `${formatGBP(both.includingVat)} including VAT (${formatGBP(value)} plus VAT at ${formatPercent(STANDARD_VAT_RATE)})`
      : settings.vatBasis === "none"
        ? `${formatGBP(value)} (no VAT charged)`
        : `${formatGBP(value)} including VAT`;
  const above = both.includingVat >= threshold.amount;
  return {
    regime,
    threshold,
    aboveThreshold: above,
    reason: above ? `${began}: ${amount} is at or above ${named}.` : `${began}: ${amount} is below ${named}, so it is a below-threshold procurement.`,
  };
}


/**
 * The whole verdict: the statutory regime and threshold, and beside it the council's own
 * threshold with its source. Where the council has thresholds they decide whether social value
 * must be evaluated; otherwise a procurement above the statutory threshold must.
 */
export function tenderVerdict(settings: TenderVerdictSettings, policy: PolicyThresholds): TenderVerdict {
  const statutory = statutoryVerdict(settings);
  if (policy.thresholds.length === 0) {
    // The UK models bind central government in procurements covered by the rules (above the
    // threshold, PPN 06/20 and PPN 002); for a council without a threshold of its own in the
    // framework, its own policy decides: the add-in does not claim a legal duty it cannot see.
    if (statutory.aboveThreshold === undefined) return { required: false, decision: "undecided", statutory, reason: statutory.reason };
    if (settings.buyer === "central") {
      return statutory.aboveThreshold
        ? { required: true, decision: "required", statutory, reason: `${statutory.reason} A central government procurement above the threshold is covered by the government's social value policy (PPN 002, and PPN 06/20 before it): social value must be evaluated.` }
        : { required: false, decision: "not-required", statutory, reason: `${statutory.reason} Below the threshold the government's social value policy does not require it (the buyer may still include it).` };
    }
    return {
      required: false,
      decision: "undecided",
      statutory,
      reason: `${statutory.reason} The framework sets no threshold of its own: the council's own policy decides whether social value must be evaluated.`,
    };
  }
  const council = thresholdVerdict(settings, policy.thresholds, policy.owner);
  const source = council.threshold?.source ?? policy.source;
  const councilReason = source ? `${council.reason.replace(/\.$/, "")} (${source}).` : council.reason;
  const decision = council.decided === false ? "undecided" : council.required ? "required" : "not-required";
  return { required: council.required, decision, statutory, policy: { ...council, ...(source ? { source } : {}) }, reason: `${statutory.reason} ${councilReason}` };
}

/** A framework's own thresholds, named for the verdict: whose they are and the document they come from. */
export function frameworkThresholds(framework: Pick<Framework, "policy" | "source" | "illustrative">): PolicyThresholds {
  const { title, date } = framework.source;
  return {
    thresholds: framework.policy?.thresholds ?? [],
    owner: framework.illustrative ? "the illustrative set" : framework.source.publisher,
    source: date ? `${title}, ${date}` : title,
  };
}
