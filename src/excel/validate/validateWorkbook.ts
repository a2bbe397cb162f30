/**
 * Validates the commitments in the workbook and marks the result there, where every
 * co-author sees it: a Status column in SV_Commitments (one line per row: the codes and
 * messages of its findings) and a fill on each faulty input cell. Re-running replaces the
 * previous marks, so the result is the same however often it runs; `clearValidation`
 * removes them. The add-in owns the fills of the commitments table's input columns, and of
 * its calculated columns, which go back to the template's grey unless a cell is marked (a
 * value typed over a formula, SV121).
 *
 * Requests: reading (see readEvaluation: 2 plus one per block of rows), then one write —
 * or one per block when the marks of a very large table would exceed Excel's payload limit.
 */
import { literalText } from "../shared/cellSafety";
import { COMMAND_BYTES, jsonBytes, MAX_REQUEST_BYTES, packParts, RequestBudget, RESPONSE_CELL_BYTES } from "../shared/requestBudget";
import { ChangedSinceReadError } from "../shared/refusal";
import { CALCULATED_COLUMNS, CALCULATED_FILL, columnLetter, runsOf, SHEETS, STATUS_HEADER, TABLES, validateCommitments, type ClarificationProblem, type Finding, type ValidationResult } from "../../core";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { commitmentContext, readEvaluation, type EvaluationData } from "../setup/readEvaluation";

export const FILL = { error: "#FDE7E9", warning: "#FFF4CE", info: "#EFF6FC" } as const;
const INPUT_HEADERS = ["Bidder", "Ref", "Unit", "Quantity", "Evidence"] as const;

export interface WorkbookValidation {
  result: ValidationResult;
  data: EvaluationData;
  /** Rows of SV Clarifications that record no outcome yet, and why. */
  clarificationProblems: ClarificationProblem[];
  /** Sheet and address of each finding's cell, for "go to cell". */
  cellOf: (f: Finding) => { sheet: string; address: string };
  syncs: number;
}

export async function validateWorkbook(run: ExcelRun, options: OperationOptions = {}): Promise<WorkbookValidation> {
  const data = await readEvaluation(run, {
    ...options,
    checkCalculatedCells: true,
    onProgress: (p) => options.onProgress?.({ fraction: p.fraction * 0.6, message: p.message }),
  });
  const { context, clarifications } = commitmentContext(data);
  const result = validateCommitments(data.commitments, data.measures, context);
  throwIfCancelled(options.signal);
  options.onProgress?.({ fraction: 0.7, message: "Marking the findings in the workbook…" });
  const writeSyncs = await writeMarks(run, data, result.findings);
  options.onProgress?.({ fraction: 1, message: "Done." });
  return { result, data, clarificationProblems: clarifications.problems, cellOf: cellLocator(data), syncs: data.syncs + writeSyncs };
}

function cellLocator(data: EvaluationData): (f: Finding) => { sheet: string; address: string } {
  return (f) => {
    const index = data.commitmentHeaders.findIndex((h) => h.toLowerCase() === f.column.toLowerCase());
    return { sheet: SHEETS.commitments, address: `${columnLetter(data.commitmentsFirstColumn + Math.max(0, index))}${f.row}` };
  };
}

function statusLines(data: EvaluationData, findings: readonly Finding[]): string[][] {
  const byRow = new Map<number, string[]>();
  for (const f of findings) {
    const lines = byRow.get(f.row) ?? [];
    lines.push(`${f.code} ${f.column}: ${f.message}`);
    byRow.set(f.row, lines);
  }
  return data.commitments.map((c) => [literalText((byRow.get(c.row) ?? []).join("\n")) as string]);
}

async function writeMarks(run: ExcelRun, data: EvaluationData, findings: readonly Finding[]): Promise<number> {
  return run(async (context) => {
    let syncs = 0;
    const table = context.workbook.tables.getItem(TABLES.commitments);
    const sheet = context.workbook.worksheets.getItem(SHEETS.commitments);
    const rows = data.commitments.length;
    const first = data.commitmentsFirstRow;
    let headers = data.commitmentHeaders;
    if (!headers.some((h) => h === STATUS_HEADER)) {
      table.columns.add(undefined, undefined, STATUS_HEADER);
      headers = [...headers, STATUS_HEADER];
    }
    // The table may not start in column A (a column inserted before it).
    const letter = (h: string): string => columnLetter(data.commitmentsFirstColumn + headers.indexOf(h));
    const statusLetter = letter(STATUS_HEADER);
    context.application.suspendApiCalculationUntilNextSync();
    // Clear the previous run's fills on the input columns (calculated ones back to grey), then mark this run's findings.
    for (const h of INPUT_HEADERS) if (headers.includes(h) && rows > 0) sheet.getRange(`${letter(h)}${first}:${letter(h)}${first + rows - 1}`).format.fill.clear();
    for (const h of CALCULATED_COLUMNS) if (headers.includes(h) && rows > 0) sheet.getRange(`${letter(h)}${first}:${letter(h)}${first + rows - 1}`).format.fill.color = CALCULATED_FILL;

    const lines = statusLines(data, findings);
    const rank = { error: 0, warning: 1, info: 2 } as const;
    // Worst severity per faulty cell.
    const worst = new Map<string, { column: string; row: number; severity: Finding["severity"] }>();
    for (const f of findings) {
      if (!headers.includes(f.column)) continue;
      const key = `${f.column}\u0000${f.row}`;
      const seen = worst.get(key);
      if (seen === undefined || rank[f.severity] < rank[seen.severity]) worst.set(key, { column: letter(f.column), row: f.row, severity: f.severity });
    }
    const budget = new RequestBudget(context);
    // The Status text in blocks of rows, each well under the request limit.
    const parts = packParts(lines.length, (i) => jsonBytes(lines[i]) + 1, MAX_REQUEST_BYTES / 2);
    for (const [from, to] of parts) {
      if (to <= from) continue;
      await budget.room(COMMAND_BYTES.write + jsonBytes(lines.slice(from, to)));
      sheet.getRange(`${statusLetter}${first + from}:${statusLetter}${first + to - 1}`).values = lines.slice(from, to);
    }
    // The fills: one multi-area range per colour and address list, not one command per cell
    // (which cost 560-800 bytes each, and left Excel a range object per cell to release).
    for (const severity of ["info", "warning", "error"] as const) {
      const cells = [...worst.values()].filter((c) => c.severity === severity);
      for (const address of areaLists(cells)) {
        await budget.room(COMMAND_BYTES.fill + address.length);
        sheet.getRanges(address).format.fill.color = FILL[severity];
      }
    }
    // In the last request, after the marks: the rows' keys as they are now, and where the table
    // ends. If a co-author sorted, inserted, deleted or edited rows since they were read (or
    // added one at the foot), the marks went onto other rows.
    const now: Record<string, unknown[]> = {};
    for (const h of ["Bidder", "Ref", "Quantity"] as const) {
      if (!headers.includes(h) || rows === 0) continue;
      const column = new Array<unknown>(rows);
      now[h] = column;
      await budget.read(
        {
          rows,
          load: (offset, n) => sheet.getRange(`${letter(h)}${first + offset}:${letter(h)}${first + offset + n - 1}`).load("values"),
          deliver: (offset, values) => values.forEach((r, i) => (column[offset + i] = r[0])),
        },
        rows * RESPONSE_CELL_BYTES.short
      );
    }
    // Read as a block too, so that it survives a re-read in halves of the blocks above.
    let lastRow: Excel.Range | undefined;
    let lastRowIndex = -1;
    await budget.read({ rows: 1, load: () => (lastRow = table.getDataBodyRange().getLastRow().load("values, rowIndex")), deliver: () => (lastRowIndex = lastRow?.rowIndex ?? -1) }, 2_000);
    await budget.finish();
    syncs += budget.syncs;
    const moved =
      lastRowIndex !== first - 1 + Math.max(rows, 1) - 1 ||
      data.commitments.some((c, i) => !same(now.Bidder?.[i], c.bidder) || !same(now.Ref?.[i], c.ref) || !same(now.Quantity?.[i], c.quantity));
    if (moved) {
      // Take the misplaced marks off again, and say so.
      await clearMarks(context);
      throw new ChangedSinceReadError(
        `${SHEETS.commitments} changed while Validate was marking it (someone sorted, inserted, deleted or edited rows), so its marks could have landed on the wrong rows and were taken off. Run Validate again.`
      );
    }
    return syncs;
  });
}

/** A cell read now is the cell read before (an empty cell reads as "" or null). */
function same(a: unknown, b: unknown): boolean {
  const blank = (v: unknown): boolean => v === "" || v === null || v === undefined;
  return a === b || (blank(a) && blank(b));
}

/**
 * The longest address list given to one `getRanges`: Excel documents no limit, and VBA's
 * Range(...) refuses more than 255 characters, so each list stays under that.
 */
const MAX_ADDRESS_CHARS = 255;

/**
 * Cells as A1 areas ("C4:C9", "E12"), consecutive rows of a column joined into one, in lists of
 * at most MAX_ADDRESS_CHARS characters for `Worksheet.getRanges`.
 */
export function areaLists(cells: readonly { column: string; row: number }[]): string[] {
  const byColumn = new Map<string, number[]>();
  for (const c of cells) {
    const rows = byColumn.get(c.column);
    if (rows) rows.push(c.row);
    else byColumn.set(c.column, [c.row]);
  }
  const areas: string[] = [];
  for (const [column, rows] of byColumn) {
    for (const [start, end] of runsOf([...new Set(rows)])) areas.push(end === start ? `${column}${start}` : `${column}${start}:${column}${end}`);
  }
  const lists: string[] = [];
  let current = "";
  for (const area of areas) {
    if (current !== "" && current.length + 1 + area.length > MAX_ADDRESS_CHARS) {
      lists.push(current);
      current = "";
    }
    current = current === "" ? area : `${current},${area}`;
  }
  if (current !== "") lists.push(current);
  return lists;
}

/** Removes the Status text and the fills validation wrote. */
export async function clearValidation(run: ExcelRun): Promise<void> {
  await run(async (context) => {
    const found = context.workbook.tables.getItemOrNullObject(TABLES.commitments);
    await context.sync();
    if (found.isNullObject) return;
    await clearMarks(context);
  });
}

/** The Status text and the fills of SV_Commitments back to none (calculated columns to grey). */
async function clearMarks(context: Excel.RequestContext): Promise<void> {
  const table = context.workbook.tables.getItem(TABLES.commitments);
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("rowCount, rowIndex, columnIndex");
  await context.sync();
  const headers = (header.values[0] ?? []).map(String);
  const sheet = context.workbook.worksheets.getItem(SHEETS.commitments);
  const first = body.rowIndex + 1;
  const last = first + body.rowCount - 1;
  /** The sheet column of the table's i-th column (1-based). */
  const column = (i: number): string => columnLetter(body.columnIndex + i);
  for (const h of INPUT_HEADERS) {
    const i = headers.indexOf(h);
    if (i >= 0) sheet.getRange(`${column(i + 1)}${first}:${column(i + 1)}${last}`).format.fill.clear();
  }
  for (const h of CALCULATED_COLUMNS) {
    const i = headers.indexOf(h);
    if (i >= 0) sheet.getRange(`${column(i + 1)}${first}:${column(i + 1)}${last}`).format.fill.color = CALCULATED_FILL;
  }
  const s = headers.indexOf(STATUS_HEADER);
  if (s >= 0) sheet.getRange(`${column(s + 1)}${first}:${column(s + 1)}${last}`).values = Array.from({ length: body.rowCount }, () => [""]);
  await context.sync();
}

/** Takes the user to a cell: activates its sheet and selects it. */
export async function selectCell(run: ExcelRun, sheetName: string, address: string): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
  });
}
