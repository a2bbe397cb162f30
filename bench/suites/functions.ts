/**
 * The TENDER functions against the native formulas an expert would write instead, in a real
 * formula engine (HyperFormula, through test/support/tenderFunctionsPlugin.ts). One scores
 * sheet: 50 bidders, 2,000 commitment rows (each bidder commits to each of 40 measures), a
 * measure table with record-only measures (blank proxy), a few blank quantities.
 *
 * - ours:   per bidder =TENDER.SVVALUE(refs, quantities, measure refs, proxies, bidders, A2),
 *           =TENDER.SVRETURN(B2, contract value), =TENDER.SVSCORE(B2, B$2:B$51, max points).
 * - native: per commitment row =IFERROR(INDEX(proxies, MATCH(ref, refs, 0)), 0) * quantity;
 *           per bidder =SUMIFS(row values, bidders, A2), =B2/contract value,
 *           =B2/MAX(B$2:B$51)*max points.
 *
 * Both sheets must give the same numbers (checked before timing). What is timed is what an
 * evaluator waits for: one quantity is changed with setCellContents, which recalculates
 * everything that depends on it (HyperFormula recalculates synchronously inside the call).
 */
import { buildTenderEngine, type SheetsInput } from "../../test/support/tenderFunctionsPlugin";
import { round, type BenchEntry } from "../harness";

const BIDDERS = 50;
const MEASURES = 40;
const ROWS = BIDDERS * MEASURES; // 2,000
const RUNS = { runs: 15, warmup: 3 };

/** Park–Miller LCG: deterministic, so figures compare across runs. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

const UNITS = ["FTE", "weeks", "hours", "£", "tCO2e", "people", "%"] as const;

interface Workbook {
  measures: (string | number | null)[][];
  commitments: (string | number | null)[][];
  bidders: string[];
}

function workbook(): Workbook {
  const next = random(20250101);
  const measures: (string | number | null)[][] = [["Ref", "Measure", "Unit", "Proxy"]];
  for (let i = 1; i <= MEASURES; i++) {
    const unit = UNITS[i % UNITS.length] as string;
    // "%" measures are record-only: blank proxy.
    const proxy = unit === "%" ? null : unit === "£" ? 0.5 : Math.round((5 + next() * 500) * 100) / 100;
    measures.push([`BM${i}`, `Benchmark measure ${i}`, unit, proxy]);
  }
  const bidders = Array.from({ length: BIDDERS }, (_, b) => `Bidder ${String(b + 1).padStart(2, "0")} Ltd`);
  const commitments: (string | number | null)[][] = [["Bidder", "Ref", "Quantity", "Unit"]];
  for (let row = 0; row < ROWS; row++) {
    const bidder = bidders[Math.floor(row / MEASURES)] as string;
    const m = measures[1 + (row % MEASURES)] as (string | number | null)[];
    // About 2% of quantities left blank (a known ref with no quantity adds 0 either way).
    const quantity = next() < 0.02 ? null : Math.round(next() * 5_000) / 10;
    commitments.push([bidder, m[0] as string, quantity, m[2] as string]);
  }
  return { measures, commitments, bidders };
}

const SETUP = [
  ["Contract value", 5_000_000],
  ["Max points", 10],
];

const LAST = ROWS + 1;
const col = (c: string): string => `Commitments!$${c}$2:$${c}$${LAST}`;
const MEASURE_REFS = `Measures!$A$2:$A$${MEASURES + 1}`;
const PROXIES = `Measures!$D$2:$D$${MEASURES + 1}`;
const VALUES = `$B$2:$B$${BIDDERS + 1}`;

function oursSheets(wb: Workbook): SheetsInput {
  const scores = [
    ["Bidder", "Value", "Return", "Score"],
    ...wb.bidders.map((bidder, i) => {
      const row = i + 2;
      return [
        bidder,
        `=TENDER.SVVALUE(${col("B")}, ${col("C")}, ${MEASURE_REFS}, ${PROXIES}, ${col("A")}, A${row})`,
        `=TENDER.SVRETURN(B${row}, Setup!$B$1)`,
        `=TENDER.SVSCORE(B${row}, ${VALUES}, Setup!$B$2)`,
      ];
    }),
  ];
  return { Measures: wb.measures, Commitments: wb.commitments, Setup: SETUP, Scores: scores };
}

function nativeSheets(wb: Workbook): SheetsInput {
  const commitments = wb.commitments.map((row, i) =>
    i === 0 ? [...row, "Value"] : [...row, `=IFERROR(INDEX(${PROXIES}, MATCH(B${i + 1}, ${MEASURE_REFS}, 0)), 0)*C${i + 1}`]
  );
  const scores = [
    ["Bidder", "Value", "Return", "Score"],
    ...wb.bidders.map((bidder, i) => {
      const row = i + 2;
      return [bidder, `=SUMIFS(${col("E")}, ${col("A")}, A${row})`, `=B${row}/Setup!$B$1`, `=B${row}/MAX(${VALUES})*Setup!$B$2`];
    }),
  ];
  return { Measures: wb.measures, Commitments: commitments, Setup: SETUP, Scores: scores };
}

type Engine = ReturnType<typeof buildTenderEngine>;

/** Value, return and score of every bidder. */
function results(hf: Engine): number[][] {
  const sheet = hf.getSheetId("Scores") as number;
  return hf.getRangeValues({ start: { sheet, col: 1, row: 1 }, end: { sheet, col: 3, row: BIDDERS } }) as number[][];
}

function assertSameNumbers(ours: Engine, native: Engine, when: string): void {
  const a = results(ours);
  const b = results(native);
  a.forEach((row, r) =>
    row.forEach((x, c) => {
      const y = b[r]?.[c];
      if (typeof x !== "number" || typeof y !== "number" || Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(y))) {
        throw new Error(`functions bench (${when}): Scores row ${r + 2} column ${c + 2}: ours ${String(x)}, native ${String(y)}`);
      }
    })
  );
  if (!a.some((row) => (row[0] as number) > 0)) throw new Error("functions bench: every value is 0, the sheets are wrong");
}

/** Quantity cell of commitment row 1,000 (a mid-table bidder). */
function quantityCell(hf: Engine) {
  return { sheet: hf.getSheetId("Commitments") as number, col: 2, row: 1_000 };
}

/**
 * Median ms of a one-quantity change in each engine. The two engines take turns, run by run,
 * so a busy machine (other work on a 2-core box) slows both alike and the ratio holds. The
 * cell alternates between two values, so every run is a real change.
 */
function recalcMedians(engines: readonly Engine[]): number[] {
  const times = engines.map((): number[] => []);
  for (let i = 0; i < RUNS.warmup + RUNS.runs; i++) {
    engines.forEach((hf, e) => {
      const start = process.hrtime.bigint();
      hf.setCellContents(quantityCell(hf), [[i % 2 === 0 ? 17 : 1234.5]]);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (i >= RUNS.warmup) times[e]?.push(ms);
    });
  }
  return times.map((t) => round([...t].sort((a, b) => a - b)[Math.floor(t.length / 2)] ?? NaN));
}

/** Async because the suite interface is (bench/runSuite.ts); nothing here awaits. */
export async function run(): Promise<BenchEntry[]> {
  const wb = workbook();
  const ours = buildTenderEngine(oursSheets(wb));
  const native = buildTenderEngine(nativeSheets(wb));

  assertSameNumbers(ours, native, "as built");
  for (const hf of [ours, native]) hf.setCellContents(quantityCell(hf), [[1234.5]]);
  assertSameNumbers(ours, native, "after a change");

  const [oursMs = NaN, nativeMs = NaN] = recalcMedians([ours, native]);
  assertSameNumbers(ours, native, "after timing");

  const how = `median of ${RUNS.runs} runs after ${RUNS.warmup} warm-ups, taking turns with the other sheet; each run changes one quantity (row 1,000) with setCellContents, which recalculates its dependents synchronously`;
  const sheet = `${BIDDERS} bidders, ${ROWS.toLocaleString("en-GB")} commitment rows, ${MEASURES} measures`;
  return [
    {
      name: "functions/scores-sheet-recalc",
      value: oursMs,
      unit: "ms",
      better: "lower",
      note: `HyperFormula, ${sheet}: per bidder TENDER.SVVALUE (bidder criterion), SVRETURN, SVSCORE; ${how}`,
    },
    {
      name: "functions/native-equivalent-recalc",
      value: nativeMs,
      unit: "ms",
      better: "lower",
      note: `Same sheet and numbers with native formulas (per row IFERROR(INDEX(MATCH))*qty, per bidder SUMIFS, division, value/MAX*points); ${how}`,
    },
    {
      name: "functions/ratio-to-native",
      value: round(oursMs / nativeMs),
      unit: "ratio",
      better: "lower",
      note: "functions/scores-sheet-recalc ÷ functions/native-equivalent-recalc; goal ≤ 1.0",
    },
  ];
}
