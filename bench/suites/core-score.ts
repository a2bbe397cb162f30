/**
 * Valuing and scoring a large tender: 100,000 accepted commitments from 50 bidders over 40
 * measures (LEV, SV and record-only, some unpriced), valued with `valueBids` and scored with
 * `scoreBids` (relative method, three qualitative criteria). The input is built
 * deterministically so figures compare across runs; building it is not timed.
 */
import type { Commitment } from "../../src/core/bids/commitments";
import type { MeasureEntry } from "../../src/core/setup/measureTable";
import { scoreBids, type QualitativeMarks } from "../../src/core/scores/scoring";
import { STANDARD_SCALES, type TenderSettings } from "../../src/core/setup/tender";
import { valueBids } from "../../src/core/scores/valuation";
import { medianMs, type BenchEntry } from "../harness";

const ROWS = 100_000;
const BIDDERS = 50;
const MEASURES = 40;

/** Park–Miller LCG: deterministic and fast enough not to matter. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

function measureTable(): MeasureEntry[] {
  const table: MeasureEntry[] = [];
  for (let i = 1; i <= MEASURES; i++) {
    const record = i % 10 === 0;
    table.push({
      ref: `BM${i}`,
      themeId: `T${1 + (i % 5)}`,
      theme: `Theme ${1 + (i % 5)}`,
      outcomeId: `O${1 + (i % 8)}`,
      outcome: `Outcome ${1 + (i % 8)}`,
      description: `Benchmark measure ${i}`,
      unit: record ? "percent" : i % 3 === 0 ? "GBP" : "hours",
      // Record-only measures and one in seven others carry no proxy.
      proxy: record || i % 7 === 0 ? null : i % 3 === 0 ? 1 : 10 + i,
      type: record ? "Record" : i % 2 === 0 ? "LEV" : "SV",
      inScope: true,
      evidenceRequired: false,
      excludes: [],
      firstYearOnly: false,
    });
  }
  return table;
}

function commitments(): Commitment[] {
  const next = random(20240601);
  const rows: Commitment[] = [];
  for (let i = 0; i < ROWS; i++) {
    const bidder = Math.floor(next() * BIDDERS);
    rows.push({
      row: i + 2,
      // Names as bidders type them: the same firm in different case and spacing.
      bidder: i % 11 === 0 ? ` BIDDER ${bidder} ` : `Bidder ${bidder}`,
      ref: `BM${1 + Math.floor(next() * MEASURES)}`,
      quantity: Math.round(next() * 10_000) / 4,
    });
  }
  return rows;
}

function marks(): QualitativeMarks[] {
  const next = random(7);
  return Array.from({ length: BIDDERS }, (_, b) => ({
    bidder: `Bidder ${b}`,
    marks: { Q1: Math.floor(next() * 6), Q2: Math.floor(next() * 6), Q3: Math.floor(next() * 6) },
  }));
}

const settings: TenderSettings = {
  contractName: "Benchmark contract",
  contractValue: 250_000_000,
  category: "works",
  durationMonths: 36,
  weighting: 0.1,
  maxPoints: 10,
  quantitativeShare: 0.5,
  method: "relative",
  targetReturn: 0.25,
  scale: STANDARD_SCALES[0]!,
  evaluators: ["A", "B", "C"],
  rollUp: "consensus",
  moderationThreshold: 1,
  frameworkId: "bench",
  measuresInScope: [],
  outcomesInScope: [],
  requireBothParts: true,
};

export async function run(): Promise<BenchEntry[]> {
  const table = measureTable();
  const rows = commitments();
  const qualitative = marks();
  const valueAndScore = () => {
    const valuations = valueBids(rows, table, settings.contractValue);
    const scores = scoreBids(valuations, qualitative, settings);
    if (!scores.ok || scores.value.length !== BIDDERS) throw new Error("bench: scoring failed");
    return scores;
  };
  const ms = await medianMs(valueAndScore, { runs: 9, warmup: 3 });
  return [
    {
      name: "core/value-and-score-100k-rows",
      value: ms,
      unit: "ms",
      better: "lower",
      note: `median of 9 runs; valueBids + scoreBids over ${ROWS.toLocaleString("en-GB")} commitments, ${BIDDERS} bidders, ${MEASURES} measures, 3 criteria`,
    },
  ];
}
