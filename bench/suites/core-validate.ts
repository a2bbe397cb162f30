/**
 * Validating a large commitments table (DESIGN.md: "The validator must handle 100,000 rows
 * quickly"). The rows are built deterministically so figures compare across runs: 50
 * bidders (each in 50 lots), 40 measures in the units the frameworks use, values as Excel hands them (numbers,
 * some text, blank units), and about 3% faulty rows of the kinds evaluators meet (unknown
 * refs, wrong units, numbers as text, negative and missing quantities, Excel errors,
 * duplicated measures).
 */
import type { CommitmentInputRow } from "../../src/core/bids/commitments";
import type { MeasureEntry } from "../../src/core/setup/measureTable";
import type { UnitKey } from "../../src/core/setup/units";
import { validateCommitments } from "../../src/core/validate/validateCommitments";
import { heapGrowthMb, medianMs, type BenchEntry } from "../harness";

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

const UNIT_CYCLE: readonly { unit: UnitKey; typed: string }[] = [
  { unit: "FTE", typed: "no. people FTE" },
  { unit: "weeks", typed: "weeks" },
  { unit: "hours", typed: "hrs" },
  { unit: "attendee-hours", typed: "no. hrs × no. attendees" },
  { unit: "GBP", typed: "£" },
  { unit: "tCO2e", typed: "tCO2e" },
  { unit: "tonnes", typed: "tonnes" },
  { unit: "people", typed: "people" },
  { unit: "percent", typed: "%" },
];

function measureTable(): MeasureEntry[] {
  const table: MeasureEntry[] = [];
  for (let i = 1; i <= MEASURES; i++) {
    const { unit } = UNIT_CYCLE[i % UNIT_CYCLE.length]!;
    table.push({
      ref: `BM${i}`,
      themeId: `T${1 + (i % 4)}`,
      theme: `Theme ${1 + (i % 4)}`,
      outcomeId: `O${1 + (i % 8)}`,
      outcome: `Outcome ${1 + (i % 8)}`,
      description: `Benchmark measure ${i}`,
      unit,
      proxy: unit === "percent" ? null : unit === "GBP" ? 1 : 10 + i,
      type: unit === "percent" ? "Record" : i % 2 === 0 ? "LEV" : "SV",
      inScope: i !== MEASURES,
      evidenceRequired: i % 5 === 0,
      excludes: i === 5 ? ["BM14"] : [],
      firstYearOnly: false,
    });
  }
  return table;
}

/**
 * 100,000 rows cannot be 50 bidders × 40 measures without each pair repeating 50 times, which
 * would make nearly every row a double count. So each bidder bids for 50 lots, the Bidder
 * cell naming both ("Bidder 07 Ltd / Lot 12"): 2,500 distinct bids of 40 commitments each.
 */
function commitmentRows(table: readonly MeasureEntry[]): CommitmentInputRow[] {
  const next = random(20240601);
  const rows: CommitmentInputRow[] = [];
  for (let i = 0; i < ROWS; i++) {
    const bid = Math.floor(i / table.length);
    const bidder = `Bidder ${String((bid % BIDDERS) + 1).padStart(2, "0")} Ltd / Lot ${Math.floor(bid / BIDDERS) + 1}`;
    const m = table[i % table.length]!;
    const typedUnit = UNIT_CYCLE.find((u) => u.unit === m.unit)!.typed;
    let quantity: unknown = m.unit === "people" ? 1 + Math.floor(next() * 20) : Math.round(next() * 5000) / 10;
    if (m.unit === "percent") quantity = Math.round(next() * 100);
    let ref: unknown = m.ref;
    let unit: unknown = next() < 0.3 ? "" : typedUnit;
    const fault = next();
    if (fault < 0.005) ref = "BM99";
    else if (fault < 0.01) unit = "days";
    else if (fault < 0.015) quantity = `${String(quantity)} `;
    else if (fault < 0.02) quantity = -1;
    else if (fault < 0.025) quantity = "";
    else if (fault < 0.028) quantity = { error: "#N/A" };
    else if (fault < 0.03) ref = ` ${m.ref.toLowerCase()} `;
    else if (fault < 0.033 && i % table.length > 0) ref = table[(i % table.length) - 1]!.ref; // double count
    rows.push({
      row: i + 2,
      bidder: fault > 0.995 ? bidder.toUpperCase() : bidder,
      ref,
      quantity,
      unit,
      evidence: i % 3 ? "Delivery plan p.4" : "",
    });
  }
  return rows;
}

export async function run(): Promise<BenchEntry[]> {
  const table = measureTable();
  const rows = commitmentRows(table);
  // Large enough that the deliverability checks run but do not fire for every bidder.
  const context = { contractValue: 250_000_000 };
  const ms = await medianMs(() => validateCommitments(rows, table, context), { runs: 9, warmup: 3 });
  const heap = heapGrowthMb(() => validateCommitments(rows, table, context));
  const sample = validateCommitments(rows, table, context);
  const note = `${ROWS.toLocaleString("en-GB")} rows, ${BIDDERS} bidders × 50 lots, ${MEASURES} measures, ${sample.counts.error} errors / ${sample.counts.warning} warnings / ${sample.counts.info} infos`;
  return [
    { name: "core/validate-100k-rows", value: ms, unit: "ms", better: "lower", note: `median of 9 runs; ${note}; goal ≤ 150 ms` },
    {
      name: "core/validate-100k-rows-heap-mb",
      value: heap,
      unit: "MB",
      better: "lower",
      note: `heap growth while validating and holding the result; ${note}; goal ≤ 100`,
    },
  ];
}
