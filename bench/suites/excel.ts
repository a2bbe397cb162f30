/**
 * Requests the Excel layer costs, counted by the fake Excel: inserting the workbook and
 * validating 10,000 rows must take a small constant number of requests, and validating
 * 100,000 rows must keep every request under Excel's 5 MB payload limit.
 */
import type { BenchEntry } from "../harness";
import { createExcelHost } from "../../test/excelHost";
import { buildEvaluationPlan, type WorkbookPlan } from "../../src/excel/evaluationPlan";
import { insertPlan } from "../../src/excel/writePlan";
import { validateWorkbook } from "../../src/excel/validateWorkbook";
import type { ExcelRun } from "../../src/excel/excelRun";
import { ESSEX, ILLUSTRATIVE, measureTableFromFramework, STANDARD_SCALES, tenderSettingsSchema } from "../../src/core";

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

function plan(frameworkMeasures = measureTableFromFramework(ILLUSTRATIVE)): WorkbookPlan {
  return buildEvaluationPlan({ settings, frameworkName: "Bench", measures: frameworkMeasures, thresholdReason: "bench" });
}

/**
 * The same plan with every calculated column's formula replaced by a trivial one (="").
 * Request sizes of validation depend on the rows and findings only, and 100,000 rows of live
 * TENDER formulas would make the fake's formula engine, not the add-in, the thing measured.
 * The columns keep a formula, as in a real workbook: a calculated cell left without one is
 * itself a finding (SV121).
 */
function planWithoutFormulas(): WorkbookPlan {
  const p = plan();
  return {
    ...p,
    sheets: p.sheets.map((s) => (s.table ? { ...s, table: { ...s.table, columns: s.table.columns.map((c) => (c.formula ? { ...c, formula: '=""' } : c)) } } : s)),
  };
}

async function typeRows(run: ExcelRun, count: number): Promise<void> {
  const refs = measureTableFromFramework(ILLUSTRATIVE).map((m) => m.ref);
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
      Unit: (i) => (i % 97 === 0 ? "parsecs" : ""),
      Quantity: (i) => (i % 89 === 0 ? -1 : 1 + (i % 40)),
    };
    for (const [h, f] of Object.entries(columns)) {
      const col = String.fromCharCode(65 + headers.indexOf(h));
      sheet.getRange(`${col}4:${col}${3 + count}`).values = Array.from({ length: count }, (_, i) => [f(i)]);
      // One column per request: the set-up must respect the payload limit too.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- set-up data, one request per column
      await context.sync();
    }
  });
}

export async function run(): Promise<BenchEntry[]> {
  const entries: BenchEntry[] = [];

  const insert = createExcelHost();
  await insertPlan(insert.run as unknown as ExcelRun, plan(measureTableFromFramework(ESSEX)));
  entries.push({ name: "excel/insert-template-syncs", value: insert.stats.requests, unit: "requests", better: "lower", note: "Insert the Essex evaluation workbook into an empty workbook (fake Excel); goal ≤ 3, independent of size" });

  const tenK = createExcelHost();
  const runTenK = tenK.run as unknown as ExcelRun;
  await insertPlan(runTenK, planWithoutFormulas());
  await typeRows(runTenK, 10_000);
  tenK.resetStats();
  await validateWorkbook(runTenK);
  entries.push({ name: "excel/validate-10k-rows-syncs", value: tenK.stats.requests, unit: "requests", better: "lower", note: "Read, validate and mark 10,000 commitment rows (fake Excel); goal ≤ 3, independent of size" });

  const hundredK = createExcelHost();
  const runHundredK = hundredK.run as unknown as ExcelRun;
  await insertPlan(runHundredK, planWithoutFormulas());
  await typeRows(runHundredK, 100_000);
  hundredK.resetStats();
  await validateWorkbook(runHundredK);
  entries.push({
    name: "excel/validate-100k-rows-max-request-bytes",
    value: hundredK.stats.maxRequestBytes,
    unit: "bytes",
    better: "lower",
    note: `Largest request while validating 100,000 rows (${hundredK.stats.requests} requests; largest response ${hundredK.stats.maxResponseBytes} bytes); goal under 5 MB (5,242,880)`,
  });
  return entries;
}
