/** Small builders for core tests: a valid default, overridden where the test cares. */
import type { CommitmentInputRow } from "../../src/core/bids/commitments";
import type { Threshold } from "../../src/core/setup/frameworks/schema";
import type { MeasureEntry } from "../../src/core/setup/measureTable";
import { STANDARD_SCALES, type TenderSettings } from "../../src/core/setup/tender";

/** An in-scope FTE measure worth £100 a unit, nothing required, nothing excluded. */
export function aMeasure(overrides: Partial<MeasureEntry> = {}): MeasureEntry {
  return {
    ref: "M1",
    themeId: "jobs",
    theme: "Jobs",
    outcomeId: "local-jobs",
    outcome: "More local people in work",
    description: "Local people employed on the contract",
    unit: "FTE",
    proxy: 100,
    type: "LEV",
    inScope: true,
    evidenceRequired: false,
    excludes: [],
    firstYearOnly: false,
    ...overrides,
  };
}

let nextRow = 2;

/** A valid commitment of 10 to M1 by Acme Ltd (unit blank: the measure's own), on the next sheet row unless given one. */
export function aRow(overrides: Partial<CommitmentInputRow> = {}): CommitmentInputRow {
  return { row: nextRow++, bidder: "Acme Ltd", ref: "M1", quantity: 10, unit: "", evidence: "", ...overrides };
}

/** A 0–5 scale, 10% weighting, relative scoring, three evaluators, one measure in scope. */
export function aTender(overrides: Partial<TenderSettings> = {}): TenderSettings {
  return {
    contractName: "Highways maintenance 2025",
    contractValue: 1_000_000,
    category: "supplies-services",
    weighting: 0.1,
    maxPoints: 10,
    quantitativeShare: 0.5,
    method: "relative",
    scale: STANDARD_SCALES[0]!,
    evaluators: ["A. Evaluator", "B. Evaluator", "C. Evaluator"],
    rollUp: "consensus",
    moderationThreshold: 2,
    frameworkId: "test",
    measuresInScope: ["M1"],
    outcomesInScope: [],
    requireBothParts: false,
    ...overrides,
  };
}

/** Southend-on-Sea Social Value Policy (Dec 2021) §9.2.1, seed 002. */
export const SOUTHEND_THRESHOLDS: readonly Threshold[] = [
  { category: "supplies-services", minValue: 177_897 },
  { category: "light-touch", minValue: 552_950 },
  { category: "works", minValue: 1_000_000, minMonths: 24 },
];

/** Essex, Colchester: £100k whatever the category (seed 000, DOMAIN.md). */
export const ESSEX_THRESHOLDS: readonly Threshold[] = [{ category: "any", minValue: 100_000 }];
