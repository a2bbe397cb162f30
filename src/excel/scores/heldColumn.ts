/**
 * Brings SV_Scores of a workbook inserted before issue #16 point 2 up to the layout its formulas
 * now name: the Held column (why a bid is held back, core heldBids.ts). Excel refuses a formula
 * naming a column that does not exist, so an action that writes score formulas into new rows
 * (the form import) calls this first. The column is added at the table's end with its formula in
 * every row, so nothing a user typed moves or changes; a workbook that has it costs one request.
 * Rows written before keep the Quantitative, Score and Rank formulas they had.
 */
import { TABLE_FORMULAS, TABLES } from "../../core";
import type { ExcelRun } from "../shared/excelRun";

export async function ensureHeldColumn(run: ExcelRun): Promise<void> {
  await run(async (context) => {
    const scores = context.workbook.tables.getItemOrNullObject(TABLES.scores);
    await context.sync();
    if (scores.isNullObject) return;
    const header = scores.getHeaderRowRange().load("values");
    const body = scores.getDataBodyRange().load("rowCount");
    await context.sync();
    if ((header.values[0] ?? []).some((h) => String(h).trim().toLowerCase() === "held")) return;
    const held = scores.columns.add(undefined, undefined, "Held");
    held.getDataBodyRange().formulas = Array.from({ length: body.rowCount }, () => [TABLE_FORMULAS.scores.Held]);
    await context.sync();
  });
}
