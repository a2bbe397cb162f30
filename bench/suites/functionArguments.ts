/**
 * The load the TENDER functions put on Excel's custom-function channel, in the test Excel host
 * with the evaluation's own formulas live (HyperFormula with the functions registered).
 */
import "../../test/excelHost/nodeFiles";
import type { BenchEntry } from "../harness";
import { createExcelHost, PAYLOAD_LIMIT_BYTES } from "../../test/excelHost";
import { insertPlan } from "../../src/excel/setup/writePlan";
import type { ExcelRun } from "../../src/excel/shared/excelRun";
import { ESSEX, measureTableFromFramework, UNITS } from "../../src/core";
import { plan, typeRows } from "./excel";

const MEASURES = 200;
const UNLIMITED = { requestPayloadBytes: Number.MAX_SAFE_INTEGER, responsePayloadBytes: Number.MAX_SAFE_INTEGER };
const LIMIT = `5 MB (${PAYLOAD_LIMIT_BYTES.toLocaleString("en-GB")})`;

/**
 * What one recalculation of a 10,000-row Check column hands the TENDER functions: the bytes of
 * every argument Excel would marshal to the add-in's runtime (their JSON), which Excel batches
 * with a 5 MB payload limit (office-js #4654). The recalculation is the one an evaluator
 * causes by correcting a unit in SV_Measures, on which every row's Check depends. Live
 * formulas, a measure table of 200 measures.
 */
async function checkColumnEntry(): Promise<BenchEntry> {
  // A licensed national TOMs table imported into SV_Measures runs to a couple of hundred
  // measures: Essex's own, and more made from them up to 200.
  const essex = measureTableFromFramework(ESSEX);
  const measures = Array.from({ length: MEASURES }, (_, i) => {
    const base = essex[i % essex.length] as (typeof essex)[number];
    return i < essex.length ? base : { ...base, ref: `${base.ref}-${Math.floor(i / essex.length)}` };
  });
  const host = createExcelHost({ limits: UNLIMITED, countFunctionArguments: true });
  const run = host.run as unknown as ExcelRun;
  await insertPlan(run, plan(measures));
  await typeRows(run, 10_000, 97, measures.map((m) => m.ref));
  host.resetStats();
  await run(async (context) => {
    const unit = context.workbook.tables.getItem("SV_Measures").columns.getItem("Unit").getDataBodyRange().getCell(0, 0);
    unit.values = [["hours"]];
    await context.sync();
  });
  const bytes = host.stats.functionArgumentBytes.SVCHECK ?? 0;
  const calls = host.stats.functionCalls.SVCHECK ?? 0;
  if (calls < 10_000) throw new Error(`bench: ${calls} SVCHECK calls after the change, expected one per row (10,000)`);
  // The formula before #14 passed SV_Measures[Ref], [Unit] and [InScope] whole on every row.
  const columns = ["ref", "unit", "inScope"] as const;
  const wholeColumns = columns.map((c) => JSON.stringify(measures.map((m) => [c === "inScope" ? (m.inScope ? "Yes" : "No") : c === "unit" ? UNITS[m.unit].label : m.ref])).length).reduce((a, b) => a + b, 0);
  return {
    name: "functions/check-column-10k-rows-argument-bytes",
    value: bytes,
    unit: "bytes",
    better: "lower",
    note:
      `Arguments of the ${calls.toLocaleString("en-GB")} TENDER.SVCHECK calls of one recalculation of a 10,000-row Check column (${measures.length} measures), ` +
      `as JSON; each row passes its own cells and its own measure's. Passing the measure columns whole, as before, would be about ${(wholeColumns * 10_000).toLocaleString("en-GB")} bytes; goal under ${LIMIT}`,
  };
}

export async function run(): Promise<BenchEntry[]> {
  return [await checkColumnEntry()];
}
