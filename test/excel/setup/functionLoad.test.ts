/**
 * What the evaluation's formulas hand the TENDER functions. Excel marshals every argument of a
 * custom function to the add-in's runtime, batched under a 5 MB payload limit (office-js
 * #4654), so a row's formula must pass what the row needs and no more: its own cells and its
 * own measure's, whatever the size of the measure table or of the bids.
 */
import { aPlanInput, anEvaluationWorkbook, typeCommitments } from "../support";
import { ILLUSTRATIVE, measureTableFromFramework } from "../../../src/core";
import { TABLES } from "../../../src/core/shared/layout";

/** The illustrative measures, repeated with new refs up to `count`. */
function measures(count: number) {
  const base = measureTableFromFramework(ILLUSTRATIVE);
  return Array.from({ length: count }, (_, i) => {
    const m = base[i % base.length] as (typeof base)[number];
    return i < base.length ? m : { ...m, ref: `${m.ref}-${Math.floor(i / base.length)}` };
  });
}

/** The largest call's argument bytes, per TENDER function, TENDER function when a unit and a proxy in SV_Measures are corrected: every row depends on them. */
async function argumentBytesPerCall(measureCount: number, rows: number) {
  const table = measures(measureCount);
  const bidders = ["Acme Ltd", "Birch Homes", "Cobalt Services"];
  const commitments = Array.from({ length: rows }, (_, i) => [bidders[i % 3], table[i % 12]?.ref, "", 1 + i]);
  const { fake, run } = await anEvaluationWorkbook([], aPlanInput({ measures: table, bidders }), { countFunctionArguments: true });
  await typeCommitments(run, commitments);
  fake.resetStats();
  await run(async (context) => {
    context.workbook.tables.getItem(TABLES.measures).columns.getItem("Proxy").getDataBodyRange().getCell(0, 0).values = [[21_000]];
    context.workbook.tables.getItem(TABLES.measures).columns.getItem("Unit").getDataBodyRange().getCell(0, 0).values = [["hours"]];
    await context.sync();
  });
  const { functionMaxArgumentBytes: largest, functionCalls: calls } = fake.stats;
  return Object.fromEntries(Object.keys(calls).map((id) => [id, { calls: calls[id] as number, perCall: largest[id] as number }]));
}

describe("the TENDER functions' arguments", () => {
  it("a Check and a Value cell pass the same few bytes with 30 measures or 600", async () => {
    const small = await argumentBytesPerCall(30, 60);
    const large = await argumentBytesPerCall(600, 60);
    for (const id of ["SVCHECK", "SVVALUE"]) {
      expect(small[id]?.calls).toBeGreaterThanOrEqual(60);
      expect(large[id]?.perCall).toBeLessThan(200);
      expect(large[id]?.perCall).toBeLessThanOrEqual((small[id]?.perCall ?? 0) * 1.2);
    }
  });

  it("no function is handed the commitments table: SV Scores sums the rows' Values natively", async () => {
    const few = await argumentBytesPerCall(30, 30);
    const many = await argumentBytesPerCall(30, 600);
    for (const id of Object.keys(many)) expect(many[id]?.perCall).toBeLessThanOrEqual((few[id]?.perCall ?? Infinity) * 1.2);
  });
});
