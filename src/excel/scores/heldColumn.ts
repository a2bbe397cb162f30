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
 * alone) is filled the same way; one with anything in it is left as it is. Never in a signed
 * workbook (SV Sign-off or SV Record present): its SV Scores holds the values that were signed.
 */
import { SHEETS, TABLE_FORMULAS, TABLES } from "../../core";
import type { ExcelRun } from "../shared/excelRun";

export async function ensureHeldColumn(run: ExcelRun): Promise<void> {
  await run(async (context) => {
    const scores = context.workbook.tables.getItemOrNullObject(TABLES.scores);
    // A signed workbook's SV Scores holds the signed values (an empty Held is what sign-off froze
    // when no bid was held): nothing is added or filled there, whatever the sheet's protection.
    const signed = [SHEETS.signOff, SHEETS.record].map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    await context.sync();
    if (scores.isNullObject || signed.some((sheet) => !sheet.isNullObject)) return;
    const header = scores.getHeaderRowRange().load("values");
    await context.sync();
    const at = (header.values[0] ?? []).findIndex((h) => String(h).trim().toLowerCase() === "held");
    if (at >= 0) {
      // The Held column's formulas alone: the other columns' are long, about 10 KB a bidder.
      const column = scores.columns.getItemAt(at).getDataBodyRange().load("formulas");
      await context.sync();
      if (column.formulas.some((r) => r[0] !== "" && r[0] !== null)) return;
    }
    const held = at >= 0 ? scores.columns.getItemAt(at) : scores.columns.add(undefined, undefined, "Held");
    (held.getDataBodyRange() as unknown as { formulas: string }).formulas = TABLE_FORMULAS.scores.Held;
    await context.sync();
  });
}
