/**
 * Brings SV_Scores of a workbook inserted before issue #16 point 2 up to the layout its formulas
 * now name: the Held column (why a bid is held back, core heldBids.ts). Excel refuses a formula
 * naming a column that does not exist, so an action that writes score formulas into new rows
 * (the form import) calls this first. The column is added at the table's end with its formula in
 * every row, so nothing a user typed moves or changes; a workbook that has it costs one request.
 * Rows written before keep the Quantitative, Score and Rank formulas they had.
 *
 * The formula goes to the column's whole body as one value, which Excel gives every cell of the
 * range as it stands when the command runs: an array sized from an earlier read was refused when a
 * co-author added a bidder row in between, leaving the column without its formula, so no bid
 * was ever held. A Held column wholly empty (such an attempt, or a user who added the header
 * alone) is filled the same way; one with anything in it is left as it is.
 */
import { TABLE_FORMULAS, TABLES } from "../../core";
import type { ExcelRun } from "../shared/excelRun";

export async function ensureHeldColumn(run: ExcelRun): Promise<void> {
  await run(async (context) => {
    const scores = context.workbook.tables.getItemOrNullObject(TABLES.scores);
    await context.sync();
    if (scores.isNullObject) return;
    // One row per bidder: the whole body is a small read.
    const header = scores.getHeaderRowRange().load("values");
    const body = scores.getDataBodyRange().load("formulas");
    await context.sync();
    const at = (header.values[0] ?? []).findIndex((h) => String(h).trim().toLowerCase() === "held");
    if (at >= 0 && body.formulas.some((r) => r[at] !== "" && r[at] !== null)) return;
    const held = at >= 0 ? scores.columns.getItemAt(at) : scores.columns.add(undefined, undefined, "Held");
    (held.getDataBodyRange() as unknown as { formulas: string }).formulas = TABLE_FORMULAS.scores.Held;
    await context.sync();
  });
}
