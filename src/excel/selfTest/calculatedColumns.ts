/**
 * Whether a row added to a table gets the table's formulas. Excel fills them only while the
 * AutoCorrect option "Fill formulas in tables to create calculated columns" is on, and the option
 * applies to rows added through the API too. The table grows as the add-in grows its own
 * (Table.resize, then the typed columns written), on a two-column table of its own.
 */
import type { ExcelRun } from "../shared/excelRun";
import type { Finding } from "./report";
import type { ScratchSheet } from "./scratchSheet";

export async function probeCalculatedColumns(run: ExcelRun, scratch: ScratchSheet): Promise<Finding> {
  const added = await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(scratch.id);
    sheet.getRange("A7:B8").values = [["Quantity", "Doubled"], [2, ""]];
    // Unnamed: Excel gives it a free name, so no table of the workbook can clash with it.
    const table = sheet.tables.add(sheet.getRange("A7:B8"), true);
    // A structured reference is valid only once the table exists.
    table.columns.getItem("Doubled").getDataBodyRange().formulas = [["=[@Quantity]*2"]];
    table.resize(sheet.getRange("A7:B9"));
    sheet.getRange("A9").values = [[3]];
    const newRow = sheet.getRange("B9").load("values, formulas");
    await context.sync();
    return { formula: newRow.formulas[0]?.[0], value: newRow.values[0]?.[0] };
  });
  const filled = typeof added.formula === "string" && added.formula.startsWith("=");
  if (filled && added.value === 6) {
    return { verdict: "pass", detail: "A row added to a table gets the table's formulas, so rows you type below the evaluation's tables get their Value and Check formulas." };
  }
  if (!filled && (added.formula === "" || added.formula === null)) {
    return {
      verdict: "differs",
      detail:
        "New table rows get no formulas here: Excel's option \"Fill formulas in tables to create calculated columns\" is off (File > Options > Proofing > AutoCorrect Options > AutoFormat As You Type). The add-in writes its formulas itself when it adds rows, so imports are right; rows you type in yourself are left with empty Value and Check cells until you turn the option on, and Set up offers to fill them (Update formulas).",
    };
  }
  return { verdict: "fail", detail: `A row added to a table held ${JSON.stringify(added.formula)} (value ${JSON.stringify(added.value)}) where the table's formula was expected, so the evaluation's tables may not calculate new rows correctly here. Send this report.` };
}
