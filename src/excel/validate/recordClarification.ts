/**
 * Records the panel's clarification outcome for an implausible commitment or bid total on SV
 * Clarifications (issue #16 point 4). Core decides the cells (clarificationCells: an outcome
 * without its reason, who or date is refused, never written); this writes them:
 * - in a workbook made before SV Clarifications existed, the sheet and its table (and SV_Measures'
 *   Ceiling column) are added first (ensureClarificationLayout);
 * - the item's existing row (same bidder and ref, decided or not) is updated in place, else the
 *   table's blank row is used, else the table grows by one row over an empty row below it.
 * Typed text is written as text (a reason starting with "=" stays words; see queueCell). A
 * co-author may sort the table or type into the chosen row between the read and the write: the
 * write's own request reads the row first, and if it no longer held what was read, what it held
 * is written back and nothing is recorded. Requests: one or two to check the layout (more to add
 * what is missing), one to read the table, one to write (one more to put a co-author's row back).
 */
import { bidderKey, blockAddress, clarificationCells, columnFormulas, headerIndex, refKey, SHEETS, TABLES, type ClarificationRequest } from "../../core";
import { keptAsText } from "../shared/cellSafety";
import { ChangedSinceReadError, RefusalError } from "../shared/refusal";
import type { ExcelRun } from "../shared/excelRun";
import { ensureClarificationLayout } from "../setup/clarificationLayout";
import { CLARIFICATION_TABLE_COLUMNS } from "../setup/evaluationPlan";

/** The number format insert gives a column of SV_Clarifications (General for a column the add-in did not make). */
function formatOf(header: string): string {
  return CLARIFICATION_TABLE_COLUMNS.find((c) => c.header.toLowerCase() === header.trim().toLowerCase())?.numberFormat ?? "General";
}

/** Two cell values alike, a blank as "" whatever the read gave. */
function same(a: unknown, b: unknown): boolean {
  return (a ?? "") === (b ?? "");
}

/**
 * One input cell. Text is written into the cell formatted General, with Excel's apostrophe
 * prefix (keptAsText), then the column's format is put back: in a General cell Excel always
 * takes the apostrophe as a prefix and stores the text alone, on every build, where in a Text
 * cell some Excel builds may keep it (the host's apostrophe-kept profile). So a bidder's name
 * reads back exactly as Validate read it from SV Commitments, and the commitment's formulas
 * find the outcome; "1.10" stays the ref, not the number 1.1; "=…" stays words.
 */
function queueCell(sheet: Excel.Worksheet, row: number, column: number, value: unknown, format: string): void {
  const cell = sheet.getRange(blockAddress(row, column, 1, 1));
  if (typeof value !== "string" || value === "") {
    cell.values = [[value ?? ""]];
    return;
  }
  cell.numberFormat = [["General"]];
  cell.values = [[keptAsText(value)]];
  cell.numberFormat = [[format]];
}

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
    const grows = index < 0;
    if (grows) {
      // A new row below the table: it must be empty, or nothing is written.
      const below = sheet.getRange(blockAddress(top + whole.rowCount, left, 1, whole.columnCount)).load("values");
      await context.sync();
      if (below.values.some((r) => r.some((c) => c !== "" && c !== null))) {
        throw new RefusalError(`The row below the table on ${SHEETS.clarifications} is not empty, so the outcome was not recorded. Move what is there, then record the outcome again.`);
      }
      index = body.length;
    }
    const row = top + 1 + index;
    // Read in the same request, before any write (the table growing over the row included): what
    // the row held at the moment of writing, so a co-author's entry is put back as it was.
    const before = sheet.getRange(blockAddress(row, left, 1, whole.columnCount)).load("values");
    if (grows) {
      table.resize(sheet.getRange(blockAddress(top, left, whole.rowCount + 1, whole.columnCount)));
      // The new row takes the table's formats first: Excel need not carry them into a row the
      // table grows over, and in a General cell a ref "1.10" would become the number 1.1 (and
      // match no commitment) and a reason "40% too high" the number 0.4.
      sheet.getRange(blockAddress(top + 1 + index, left, 1, whole.columnCount)).numberFormat = [headers.map(formatOf)];
      // Excel fills calculated columns into new rows only while the user's AutoCorrect option is on.
      for (const f of columnFormulas(TABLES.clarifications, headers)) sheet.getRange(blockAddress(top + 1 + index, left + f.index, 1, 1)).formulas = [[f.formula]];
    }
    const expected = index < body.length ? inputColumns.map((h) => body[index]?.[col(h)] ?? "") : inputColumns.map(() => "");
    const write = (values: readonly unknown[]): void => inputColumns.forEach((h, i) => queueCell(sheet, row, left + col(h), values[i], formatOf(h)));
    write(inputColumns.map((h) => cells[h as keyof typeof cells]));
    await context.sync();
    const held = inputColumns.map((h) => before.values[0]?.[col(h)] ?? "");
    if (held.every((v, i) => same(v, expected[i]))) return;
    // A co-author sorted the table or typed into this row since it was read: put back what they
    // had (one more request, in the instant after) and record nothing.
    write(held);
    await context.sync();
    throw new ChangedSinceReadError(
      `Someone changed ${SHEETS.clarifications} while the outcome was being recorded (row ${row} no longer held what was read), so this outcome was not recorded and their entry was kept. Look at ${SHEETS.clarifications}, then record the outcome again if it is still needed.`
    );
  });
}
