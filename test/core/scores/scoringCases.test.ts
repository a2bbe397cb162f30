/**
 * Golden cases for scoring: each folder under test/cases/scoring holds a small tender
 * (settings over aTender(), a measure table, commitments, rolled-up marks) and the expected
 * valuations and scores, worked out by hand in the case's description.
 */
import { join } from "path";
import type { Commitment } from "../../../src/core/bids/commitments";
import type { MeasureEntry } from "../../../src/core/setup/measureTable";
import { scoreBids, type QualitativeCriterion, type QualitativeMarks } from "../../../src/core/scores/scoring";
import type { TenderSettings } from "../../../src/core/setup/tender";
import { valueBids } from "../../../src/core/scores/valuation";
import { expectGolden, loadGoldenCases } from "../../support/goldenCases";
import { aMeasure, aTender } from "../../support/scoringBuilders";

interface ScoringCaseInput {
  description: string;
  /** Over aTender(); null removes an optional setting. */
  settings?: { [K in keyof TenderSettings]?: TenderSettings[K] | null };
  measures: (Partial<MeasureEntry> & { ref: string })[];
  commitments: Omit<Commitment, "row">[];
  criteria?: QualitativeCriterion[];
  marks?: QualitativeMarks[];
}

function settingsOf(input: ScoringCaseInput): TenderSettings {
  const overrides = Object.fromEntries(
    Object.entries(input.settings ?? {}).map(([k, v]) => [k, v === null ? undefined : v]),
  ) as Partial<TenderSettings>;
  return aTender(overrides);
}

const cases = loadGoldenCases<ScoringCaseInput>(join(__dirname, "..", "..", "cases", "scoring"));

describe("scoring golden cases", () => {
  it("has cases to run", () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases.map((c) => [c.name, c]))("%s", (_name, golden) => {
    const input = golden.input;
    const settings = settingsOf(input);
    const commitments = input.commitments.map((c, i) => ({ ...c, row: i + 2 }));
    const valuations = valueBids(commitments, input.measures.map(aMeasure), settings.contractValue);
    const scores = scoreBids(valuations, input.marks ?? [], settings, input.criteria ? { criteria: input.criteria } : {});
    expectGolden(golden, {
      valuations: valuations.map((v) => ({
        bidder: v.bidder,
        total: v.total,
        returnRatio: v.returnRatio,
        benchmark: v.benchmark.total,
      })),
      scores,
    });
  });
});
