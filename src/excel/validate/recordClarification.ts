/**
 * Records the panel's clarification outcome for an implausible commitment or bid total on SV
 * Clarifications (issue #16 point 4). Core decides the cells (clarificationCells: an outcome
 * without its reason, who or date is refused, never written); this writes them:
 * - in a workbook made before SV Clarifications existed, the sheet and its table (and SV_Measures'
 *   Ceiling column) are added first (ensureClarificationLayout);
 * - the item's existing row (same bidder and ref, decided or not) is updated in place, else the
 *   table's blank row is used, else the table grows by one row over an empty row below it.
 * Typed text is written as text (a reason starting with "=" stays words). Requests: one or two to
 * check the layout (more to add what is missing), one to read the table, one to write.
 */
import { bidderKey, blockAddress, clarificationCells, columnFormulas, headerIndex, refKey, SHEETS, TABLES, type ClarificationRequest } from "../../core";
import { literalText } from "../shared/cellSafety";
import { RefusalError } from "../shared/refusal";
import type { ExcelRun } from "../shared/excelRun";
import { ensureClarificationLayout } from "../setup/clarificationLayout";

function keyOf(bidder: unknown, ref: unknown): string {
  return `${bidderKey(String(bidder ?? ""))}\u0000${refKey(String(ref ?? ""))}`;
}

export async function recordClarification(run: ExcelRun, request: ClarificationRequest): Promise<void> {
  const decided = clarificationCells(request);
  if (!decided.ok) throw new RefusalError(decided.refusal);
  const cells = decided.value;

  await ensureClarificationLayout(run);

  await run(async (context) => {
    const table = context.workbook.tables.getItem(TABLES.clarifications);
    const whole = table.getRange().load("values, rowIndex, columnIndex, rowCount, columnCount");
    const owner = table.worksheet.load("name");
    await context.sync();
    const sheet = context.workbook.worksheets.getItem(owner.name);
    const [headerRow = [], ...body] = whole.values;
    const headers = headerRow.map(String);
    const col = headerIndex(headers);
    const top = whole.rowIndex + 1;
    const left = whole.columnIndex + 1;
    const wanted = keyOf(cells.Bidder, cells.Ref);
    const inputColumns = Object.keys(cells).filter((h) => col(h) >= 0);
    let index = body.findIndex((row) => keyOf(row[col("Bidder")], row[col("Ref")]) === wanted);
    if (index < 0) index = body.findIndex((row) => inputColumns.every((h) => row[col(h)] === "" || row[col(h)] === null));
    if (index < 0) {
      // A new row below the table: it must be empty, or nothing is written.
      const below = sheet.getRange(blockAddress(top + whole.rowCount, left, 1, whole.columnCount)).load("values");
      await context.sync();
      if (below.values.some((r) => r.some((c) => c !== "" && c !== null))) {
        throw new RefusalError(`The row below the table on ${SHEETS.clarifications} is not empty, so the outcome was not recorded. Move what is there, then record the outcome again.`);
      }
      table.resize(sheet.getRange(blockAddress(top, left, whole.rowCount + 1, whole.columnCount)));
      index = body.length;
      // Excel fills calculated columns into new rows only while the user's AutoCorrect option is on.
      for (const f of columnFormulas(TABLES.clarifications, headers)) sheet.getRange(blockAddress(top + 1 + index, left + f.index, 1, 1)).formulas = [[f.formula]];
    }
    const row = top + 1 + index;
    for (const header of inputColumns) {
      sheet.getRange(blockAddress(row, left + col(header), 1, 1)).values = [[literalText(cells[header as keyof typeof cells])]];
    }
    await context.sync();
  });
}
