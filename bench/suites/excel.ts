/**
 * What the Excel layer costs Excel, measured on the bytes Microsoft's Excel JavaScript client
 * actually sends and receives (the test Excel host, test/excelHost): requests, syncs, and the
 * largest request and response of each operation at the sizes councils reach.
 *
 * The hosts here take any request size, so an operation that would be refused in Excel on the
 * web (5 MB each way) still completes and is measured: such a figure is over its goal, reported
 * as it is, never hidden. Each entry's note gives the syncs, the requests, and the totals sent
 * and received.
 */
import "../../test/excelHost/nodeFiles";
import type { BenchEntry } from "../harness";
import { traffic } from "../harness";
import { createExcelHost, PAYLOAD_LIMIT_BYTES } from "../../test/excelHost";
import { aPlanInput, anEvaluationWorkbook } from "../../test/excel/support";
import { aTender } from "../../test/support/scoringBuilders";
import { buildEvaluationPlan, type WorkbookPlan } from "../../src/excel/setup/evaluationPlan";
import { insertPlan } from "../../src/excel/setup/writePlan";
import { validateWorkbook } from "../../src/excel/validate/validateWorkbook";
import { importForms } from "../../src/excel/bids/importForms";
import { prepareMarking, saveMarks } from "../../src/excel/moderation/marking";
import { signOff } from "../../src/excel/moderation/signOff";
import type { ExcelRun } from "../../src/excel/shared/excelRun";
import type { ReadForm } from "../../src/forms/types";
import { ESSEX, ILLUSTRATIVE, measureTableFromFramework, STANDARD_SCALES, tenderSettingsSchema } from "../../src/core";

/** No limit: the operation runs to the end and its real sizes are reported. */
const UNLIMITED = { requestPayloadBytes: Number.MAX_SAFE_INTEGER, responsePayloadBytes: Number.MAX_SAFE_INTEGER };
const LIMIT = `5 MB (${PAYLOAD_LIMIT_BYTES.toLocaleString("en-GB")})`;

const settings = tenderSettingsSchema.parse({
  contractName: "Bench contract",
  contractValue: 5_000_000,
  category: "supplies-services",
  weighting: 0.1,
  maxPoints: 10,
  quantitativeShare: 0.5,
  method: "relative",
  scale: STANDARD_SCALES[0],
  evaluators: ["A", "B", "C"],
  rollUp: "consensus",
  moderationThreshold: 1,
  frameworkId: "illustrative",
  measuresInScope: [],
  outcomesInScope: [],
  requireBothParts: false,
});

export function plan(frameworkMeasures = measureTableFromFramework(ILLUSTRATIVE)): WorkbookPlan {
  return buildEvaluationPlan({ settings, frameworkName: "Bench", measures: frameworkMeasures, thresholdReason: "bench" });
}

/**
 * The same plan with every calculated column's formula replaced by a trivial one (="").
 * Request sizes of validation depend on the rows and findings only, and 100,000 rows of live
 * TENDER formulas would make the host's formula engine, not the add-in, the thing measured.
 * The columns keep a formula, as in a real workbook: a calculated cell left without one is
 * itself a finding (SV121).
 */
function planWithoutFormulas(p: WorkbookPlan = plan()): WorkbookPlan {
  return {
    ...p,
    sheets: p.sheets.map((s) => (s.table ? { ...s, table: { ...s.table, columns: s.table.columns.map((c) => (c.formula ? { ...c, formula: '=""' } : c)) } } : s)),
  };
}

/** Types `count` commitment rows; with `faultEvery` 1 every row has a unit no measure uses. */
export async function typeRows(run: ExcelRun, count: number, faultEvery: number, refs = measureTableFromFramework(ILLUSTRATIVE).map((m) => m.ref)): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("SV Commitments");
    const table = context.workbook.tables.getItem("SV_Commitments");
    const header = table.getHeaderRowRange().load("values");
    await context.sync();
    const headers = (header.values[0] ?? []).map(String);
    table.resize(sheet.getRange(`A3:${String.fromCharCode(64 + headers.length)}${3 + count}`));
    const columns: Record<string, (i: number) => unknown> = {
      // 50 bidders across lots of 350 rows: within a lot each bidder commits to each measure
      // at most once, as in a real bid, so duplicates do not swamp the findings.
      Bidder: (i) => `Bidder ${String(i % 50).padStart(2, "0")} Ltd / Lot ${Math.floor(i / 350)}`,
      Ref: (i) => refs[i % refs.length],
      Unit: (i) => (i % faultEvery === 0 ? "parsecs" : ""),
      Quantity: (i) => 1 + (i % 40),
    };
    const block = 20_000;
    for (const [h, f] of Object.entries(columns)) {
      const col = String.fromCharCode(65 + headers.indexOf(h));
      for (let from = 0; from < count; from += block) {
        const n = Math.min(block, count - from);
        sheet.getRange(`${col}${4 + from}:${col}${3 + from + n}`).values = Array.from({ length: n }, (_, i) => [f(from + i)]);
        // One block of one column per request: the set-up is not what is measured.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- set-up data
        await context.sync();
      }
    }
  });
}

const verdict = (bytes: number): string => (bytes > PAYLOAD_LIMIT_BYTES ? `OVER the ${LIMIT} limit: Excel on the web would refuse it` : `under the ${LIMIT} limit`);

async function validateEntry(name: string, rows: number, what: string): Promise<BenchEntry> {
  const host = createExcelHost({ limits: UNLIMITED });
  const run = host.run as unknown as ExcelRun;
  await insertPlan(run, planWithoutFormulas());
  await typeRows(run, rows, 1);
  progress(`typed ${rows} rows`);
  host.resetStats();
  await validateWorkbook(run);
  return {
    name,
    value: host.stats.maxRequestBytes,
    unit: "bytes",
    better: "lower",
    note: `Largest request while validating ${what}, every row carrying a fault, on Microsoft's serializer; ${verdict(host.stats.maxRequestBytes)}. ${traffic(host.stats)}; goal under ${LIMIT}`,
  };
}

const CRITERIA_20 = Array.from({ length: 20 }, (_, i) => ({ id: `Q${i + 1}`, question: `Question ${i + 1}: how will you deliver it?` }));

async function prepareMarkingEntry(): Promise<BenchEntry> {
  const bidders = Array.from({ length: 60 }, (_, i) => `Bidder ${String(i + 1).padStart(2, "0")} Ltd`);
  const evaluators = ["Ann", "Ben", "Cat", "Dev", "Eve"];
  // Trivial formulas, as for validation: 1,200 COUNTIFS over 6,000 marks would measure the
  // host's formula engine, not what Prepare marking sends.
  const host = createExcelHost({ limits: UNLIMITED });
  const run = host.run as unknown as ExcelRun;
  const inserted = await insertPlan(run, planWithoutFormulas(buildEvaluationPlan(aPlanInput({ settings: aTender({ evaluators }), criteria: CRITERIA_20, bidders }))));
  if (inserted.status !== "written") throw new Error("bench set-up: insert refused");
  host.resetStats();
  const { added } = await prepareMarking(run);
  if (added < 6000) throw new Error(`bench: prepared ${added} rows, expected 6,000 marks and 1,200 items`);
  return {
    name: "excel/prepare-marking-6000-rows-max-request-bytes",
    value: host.stats.maxRequestBytes,
    unit: "bytes",
    better: "lower",
    note: `Largest request of Prepare marking: 5 evaluators × 60 bidders × 20 criteria (6,000 mark rows and 1,200 items); ${verdict(host.stats.maxRequestBytes)}. ${traffic(host.stats)}; goal under ${LIMIT}`,
  };
}

/** Progress on stderr (stdout carries the entries): the large cases take minutes. */
const started = Date.now();
const progress = (step: string): void => void process.stderr.write(`bench excel: ${step} (${Math.round((Date.now() - started) / 1000)} s)\n`);

export async function run(): Promise<BenchEntry[]> {
  const entries: BenchEntry[] = [];

  const insert = createExcelHost();
  await insertPlan(insert.run as unknown as ExcelRun, plan(measureTableFromFramework(ESSEX)));
  entries.push({
    name: "excel/insert-template-syncs",
    value: insert.stats.syncCalls,
    unit: "syncs",
    better: "lower",
    note: `Insert the Essex evaluation workbook into an empty workbook; ${traffic(insert.stats)}; goal ≤ 3 syncs, independent of size`,
  });

  const tenK = createExcelHost({ limits: UNLIMITED });
  const runTenK = tenK.run as unknown as ExcelRun;
  await insertPlan(runTenK, planWithoutFormulas());
  await typeRows(runTenK, 10_000, 97);
  tenK.resetStats();
  await validateWorkbook(runTenK);
  entries.push({
    name: "excel/validate-10k-rows-syncs",
    value: tenK.stats.syncCalls,
    unit: "syncs",
    better: "lower",
    note: `Read, validate and mark 10,000 commitment rows (about 1 in 90 faulty); ${traffic(tenK.stats)}; goal ≤ 3 syncs, independent of size`,
  });

  progress("validate 10k");
  entries.push(await validateEntry("excel/validate-12k-faulty-rows-max-request-bytes", 12_000, "12,000 rows"));
  progress("validate 12k");
  entries.push(await prepareMarkingEntry());
  progress("prepare marking");
  entries.push(await importFormsEntry());
  progress("import forms");
  entries.push(await signOffEntry());
  progress("sign-off");
  entries.push(await validateEntry("excel/validate-100k-rows-max-request-bytes", 100_000, "100,000 rows"));
  progress("validate 100k");
  return entries;
}

function aForm(bidder: string, commitments: number, answers: { criterion: string; answer: string }[] = []): ReadForm {
  return {
    fileName: `${bidder}.xlsx`,
    tenderId: "T-bench",
    formVersion: 1,
    bidder,
    commitments: Array.from({ length: commitments }, (_, j) => ({
      formRow: 5 + j,
      ref: j % 2 ? "ILL9" : "ILL10",
      unit: "hours",
      quantity: j + 1,
      baseline: j % 5,
      actions: `Recruit through the local jobs fair and the college partnership, quarter ${1 + (j % 4)}.`,
      verification: "Quarterly report with payroll extracts, checked by the contract manager.",
    })),
    answers,
    offers: [{ recipient: "School", organisation: "Hillside Primary", offer: "Careers talks in two local secondary schools", hours: 12, value: null }],
    notes: [],
  };
}

async function importFormsEntry(): Promise<BenchEntry> {
  const { fake: host, run } = await anEvaluationWorkbook([], aPlanInput({ tenderId: "T-bench" }), { limits: UNLIMITED });
  host.resetStats();
  const forms = Array.from({ length: 20 }, (_, i) => aForm(`Bidder ${i + 1}`, 50, [{ criterion: "Q1", answer: "A named social value lead, a delivery plan with dates, and monthly reporting." }]));
  await importForms(run, forms, []);
  return {
    name: "excel/import-20-forms-max-request-bytes",
    value: host.stats.maxRequestBytes,
    unit: "bytes",
    better: "lower",
    note: `Largest request while importing 20 read response forms of 50 commitments each (with actions and verification text), an answer and an offer; ${verdict(host.stats.maxRequestBytes)}. ${traffic(host.stats)}; goal under ${LIMIT}`,
  };
}

/** Sentences a panel might write about an answer; each item's reasons take three of them, in a combination no other item has. */
const REASONS = [
  "The plan names a social value lead accountable for delivery.",
  "Recruitment milestones are dated by quarter across the first year.",
  "Local college placements are confirmed in a signed letter.",
  "Mentoring hours are counted per apprentice, not per cohort.",
  "Reporting is quarterly with payroll extracts as evidence.",
  "No contingency is given if placements fall short.",
  "Supplier spend is tracked through purchase orders by postcode.",
  "The answer sets no baseline to measure progress from.",
  "Volunteering days are tied to named community partners.",
  "Targets are phased by year, which makes slippage visible.",
  "Risks to delivery are listed with owners and mitigations.",
  "Verification relies on self-declaration alone.",
  "Training outcomes are measured by qualifications achieved.",
  "The offer repeats group policy rather than this contract.",
  "Carbon savings are estimated with a stated method.",
  "Jobs for care leavers are ring-fenced with a referral route.",
  "Monitoring meetings with the council are monthly.",
  "The answer quantifies hours but not the people reached.",
  "An independent audit of the figures is promised annually.",
  "Community benefits are mapped to the ward profile.",
];

/** Every choice of three of the twenty sentences (1,140): no two items share all three, so none reads as a copy. */
const THREE_OF_TWENTY: number[][] = [];
for (let a = 0; a < 20; a++) for (let b = a + 1; b < 20; b++) for (let c = b + 1; c < 20; c++) THREE_OF_TWENTY.push([a, b, c]);

/** The panel confirms every rolled-up mark with its own reasons and names, as sign-off requires under average (Bromcom). */
async function confirmEveryAverage(run: ExcelRun, evaluators: readonly string[]): Promise<void> {
  await run(async (context) => {
    const table = context.workbook.tables.getItem("SV_Consensus");
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("values, rowCount");
    await context.sync();
    const headers = (header.values[0] ?? []).map(String);
    const rows = body.values;
    const at = (name: string): number => headers.indexOf(name);
    const confirmations = rows.map((row, i) => {
      const reasons = (THREE_OF_TWENTY[i % THREE_OF_TWENTY.length] ?? []).map((k) => REASONS[k]).join(" ");
      return [`Average 3 confirmed on ${String(row[at("Criterion")])}. ${reasons}`, evaluators.join(", "), "2026-12-01T10:00:00Z"];
    });
    const first = at("Rationale");
    if (first < 0 || at("AgreedAt") !== first + 2) throw new Error("bench: SV_Consensus columns moved");
    body.getColumn(first).getResizedRange(0, 2).values = confirmations;
    await context.sync();
  });
}

async function signOffEntry(): Promise<BenchEntry> {
  const criteria = CRITERIA_20.slice(0, 10);
  const bidders = Array.from({ length: 50 }, (_, i) => `Bidder ${String(i + 1).padStart(2, "0")} Ltd`);
  const evaluators = ["Ann", "Ben", "Cat"];
  const { fake: host, run } = await anEvaluationWorkbook(
    [],
    aPlanInput({ settings: aTender({ evaluators, rollUp: "average" }), criteria, bidders, tenderId: "T-bench" }),
    { limits: UNLIMITED }
  );
  // 500 written answers of 5,000 characters: 50 bidders × 10 criteria.
  const answer = (bidder: string, criterion: string): string => `${bidder} on ${criterion}: `.padEnd(5_000, "We will recruit locally, train, mentor and report quarterly. ");
  const forms = bidders.map((b) => aForm(b, 2, criteria.map((c) => ({ criterion: c.id, answer: answer(b, c.id) }))));
  await importForms(run, forms, []);
  await prepareMarking(run);
  for (const evaluator of evaluators) await saveMarks(run, evaluator, bidders.flatMap((bidder) => criteria.map((c) => ({ bidder, criterion: c.id, mark: 3, comment: "" }))));
  await confirmEveryAverage(run, evaluators);
  host.resetStats();
  const result = await signOff(run, "Dee Lead");
  if (!result.fingerprint) throw new Error("bench: sign-off gave no fingerprint");
  return {
    name: "excel/sign-off-max-response-bytes",
    value: host.stats.maxResponseBytes,
    unit: "bytes",
    better: "lower",
    note: `Largest response while signing off 50 bidders × 10 criteria × 3 evaluators with 500 written answers of 5,000 characters; ${verdict(host.stats.maxResponseBytes)}. ${traffic(host.stats)}; goal under ${LIMIT}`,
  };
}
