/**
 * Whether a contract is above the council's threshold for evaluating social value.
 *
 * Councils publish thresholds by kind of contract (Southend-on-Sea Social Value Policy, Dec
 * 2021, §9.2.1, seed 002: supplies and services £177,897; light-touch services £552,950; works
 * £1M *and* 24 months or longer) or one figure for everything (Essex, Colchester, Bradford:
 * £100,000; seed 000, DOMAIN.md). Values exclude VAT, as the contract value does.
 *
 * A threshold for the tender's own category, where the council gives one, is the rule; an
 * "any" threshold applies only to categories without their own (the more specific rule wins).
 */
import type { Threshold } from "./frameworks/schema";
import { formatGBP } from "../shared/format";
import type { Category } from "./tender";

export interface ThresholdVerdict {
  required: boolean;
  /** One plain-English sentence, £ formatted, saying why. */
  reason: string;
  /** The threshold the verdict rests on, when one applies. */
  threshold?: Threshold;
}

export interface ThresholdSettings {
  /** £ excluding VAT. */
  contractValue: number;
  category: Category;
  durationMonths?: number;
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
    return { required: false, reason: "The contract value is not set, so the threshold cannot be checked." };
  }
  if (thresholds.length === 0) {
    return {
      required: false,
      reason: "No social value threshold is configured for this framework, so the add-in cannot say whether one applies; the council's own policy decides.",
    };
  }
  const own = thresholds.filter((t) => t.category === settings.category);
  const applicable = own.length > 0 ? own : thresholds.filter((t) => t.category === "any");
  if (applicable.length === 0) {
    return {
      required: false,
      reason: `No social value threshold is configured for ${CATEGORY_PHRASE[settings.category]}, so the add-in cannot say whether one applies; the council's own policy decides.`,
    };
  }
  const verdicts = applicable.map((t) => judge(value, settings.durationMonths, t, whose));
  return verdicts.find((v) => v.required) ?? verdicts[0]!;
}

function judge(value: number, duration: number | undefined, t: Threshold, whose: string): ThresholdVerdict {
  const amount = formatGBP(value);
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
