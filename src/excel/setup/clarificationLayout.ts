/**
 * Brings a workbook inserted before issue #16 point 4 up to the layout the commitments' formulas
 * now name: the SV Clarifications sheet and table, and SV_Measures' Ceiling column. Excel refuses
 * a formula naming a table or column that does not exist, so every action that writes commitment
 * or score formulas into new rows (the form import) or writes an outcome calls this first.
 * Both additions are empty, so nothing a user typed changes; a workbook that has them costs one
 * request. Rows written before the update keep the formulas they had (docs/user-guide.md).
 */
import { SHEETS, TABLES } from "../../core";
import { RefusalError } from "../shared/refusal";
import type { ExcelRun } from "../shared/excelRun";
import { CLARIFICATIONS_SHEET } from "./evaluationPlan";
import { insertPlan } from "./writePlan";

export async function ensureClarificationLayout(run: ExcelRun): Promise<void> {
  const missing = await run(async (context) => {
    const clarifications = context.workbook.tables.getItemOrNullObject(TABLES.clarifications);
    const measures = context.workbook.tables.getItemOrNullObject(TABLES.measures);
    await context.sync();
    let ceiling = false;
    if (!measures.isNullObject) {
      const header = measures.getHeaderRowRange().load("values");
      await context.sync();
      ceiling = !(header.values[0] ?? []).some((h) => String(h).trim().toLowerCase() === "ceiling");
      // An empty column at the table's end: old rows read as "no ceiling", as when left blank.
      if (ceiling) {
        measures.columns.add(undefined, undefined, "Ceiling");
        await context.sync();
      }
    }
    return { table: clarifications.isNullObject, ceiling };
  });
  if (!missing.table) return;
  const added = await insertPlan(run, { sheets: [CLARIFICATIONS_SHEET], names: [] });
  if (added.status !== "written") {
    throw new RefusalError(`This workbook has a sheet named ${SHEETS.clarifications} that the add-in did not make, so nothing was written. Rename that sheet, then try again.`);
  }
}
