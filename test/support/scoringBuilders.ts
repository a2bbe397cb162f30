/**
 * Small builders for valuation, scoring, moderation and sensitivity tests: each gives a
 * valid default and takes only what a test cares about.
 */
import type { Commitment } from "../../src/core/bids/commitments";
import type { MeasureEntry } from "../../src/core/setup/measureTable";
import { STANDARD_SCALES, tenderSettingsSchema, type Scale, type TenderSettings } from "../../src/core/setup/tender";

export const SCALE_0_5 = STANDARD_SCALES[0] as Scale;
export const SCALE_QUARTILES = STANDARD_SCALES[3] as Scale;

/**
 * A £1m supplies contract, social value 10 points (10%), half quantitative, scored relative
 * to the best bid, 0–5 scale, three evaluators, consensus roll-up, threshold 1.
 * Checked against the schema, so a builder typo fails loudly.
 */
export function aTender(overrides: Partial<TenderSettings> = {}): TenderSettings {
  return tenderSettingsSchema.parse({
    contractName: "Domiciliary care, north locality",
    contractValue: 1_000_000,
    category: "supplies-services",
    weighting: 0.1,
    maxPoints: 10,
    quantitativeShare: 0.5,
    method: "relative",
    targetReturn: 0.25,
    scale: SCALE_0_5,
    evaluators: ["Ann", "Ben", "Cat"],
    rollUp: "consensus",
    moderationThreshold: 1,
    frameworkId: "test",
    measuresInScope: [],
    outcomesInScope: [],
    requireBothParts: false,
    ...overrides,
  });
}

/** A priced LEV measure in theme "jobs" unless told otherwise. */
export function aMeasure(overrides: Partial<MeasureEntry> & { ref: string }): MeasureEntry {
  return {
    themeId: "jobs",
    theme: "Jobs",
    outcomeId: "jobs-1",
    outcome: "More local people in work",
    description: `Measure ${overrides.ref}`,
    unit: "GBP",
    proxy: 1,
    type: "LEV",
    inScope: true,
    evidenceRequired: false,
    excludes: [],
    firstYearOnly: false,
    ...overrides,
  };
}

let nextRow = 2;

/** A validated commitment; rows number themselves from 2 (row 1 is the header). */
export function aCommitment(overrides: Partial<Commitment> = {}): Commitment {
  return { row: nextRow++, bidder: "Acme Care", ref: "M1", quantity: 1, ...overrides };
}
