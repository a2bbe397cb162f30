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
import { COMMAND_BYTES, jsonBytes, packParts } from "../shared/requestBudget";
import { CALCULATED_COLUMNS, CALCULATED_FILL, columnLetter, SHEETS, STATUS_HEADER, TABLES, validateCommitments, type Finding, type ValidationContext, type ValidationResult } from "../../core";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { readEvaluation, type EvaluationData } from "../setup/readEvaluation";

export const FILL = { error: "#FDE7E9", warning: "#FFF4CE", info: "#EFF6FC" } as const;
const INPUT_HEADERS = ["Bidder", "Ref", "Unit", "Quantity", "Evidence"] as const;

export interface WorkbookValidation {
  result: ValidationResult;
  data: EvaluationData;
  /** Sheet and address of each finding's cell, for "go to cell". */
  cellOf: (f: Finding) => { sheet: string; address: string };
  syncs: number;
}

function contractValueOf(data: EvaluationData): number | undefined {
  const v = data.settings.contractValue;
  return typeof v === "number" && v > 0 ? v : undefined;
}

export async function validateWorkbook(run: ExcelRun, options: OperationOptions = {}): Promise<WorkbookValidation> {
  const data = await readEvaluation(run, {
    ...options,
    checkCalculatedCells: true,
    onProgress: (p) => options.onProgress?.({ fraction: p.fraction * 0.6, message: p.message }),
  });
  const contractValue = contractValueOf(data);
  const context: ValidationContext = { typedOverFormulas: data.typedOverFormulas, ...(contractValue ? { contractValue } : {}) };
  const result = validateCommitments(data.commitments, data.measures, context);
  throwIfCancelled(options.signal);
  options.onProgress?.({ fraction: 0.7, message: "Marking the findings in the workbook…" });
  const writeSyncs = await writeMarks(run, data, result.findings);
  options.onProgress?.({ fraction: 1, message: "Done." });
  return { result, data, cellOf: cellLocator(data), syncs: data.syncs + writeSyncs };
}

function cellLocator(data: EvaluationData): (f: Finding) => { sheet: string; address: string } {
  return (f) => {
    const index = data.commitmentHeaders.findIndex((h) => h.toLowerCase() === f.column.toLowerCase());
    return { sheet: SHEETS.commitments, address: `${columnLetter(Math.max(0, index) + 1)}${f.row}` };
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
    const letter = (h: string): string => columnLetter(headers.indexOf(h) + 1);
    const statusLetter = letter(STATUS_HEADER);
    context.application.suspendApiCalculationUntilNextSync();
    // Clear the previous run's fills on the input columns (calculated ones back to grey), then mark this run's findings.
    for (const h of INPUT_HEADERS) if (headers.includes(h) && rows > 0) sheet.getRange(`${letter(h)}${first}:${letter(h)}${first + rows - 1}`).format.fill.clear();
    for (const h of CALCULATED_COLUMNS) if (headers.includes(h) && rows > 0) sheet.getRange(`${letter(h)}${first}:${letter(h)}${first + rows - 1}`).format.fill.color = CALCULATED_FILL;

    const lines = statusLines(data, findings);
    const rank = { error: 0, warning: 1, info: 2 } as const;
    // Worst severity per faulty cell, grouped by row so rows and their fills travel together.
    const fillsByRow = new Map<number, Map<string, Finding["severity"]>>();
    for (const f of findings) {
      if (!headers.includes(f.column)) continue;
      const cells = fillsByRow.get(f.row) ?? new Map<string, Finding["severity"]>();
      const address = `${letter(f.column)}${f.row}`;
      const seen = cells.get(address);
      if (seen === undefined || rank[f.severity] < rank[seen]) cells.set(address, f.severity);
      fillsByRow.set(f.row, cells);
    }
    // Pack consecutive rows into requests under the budget: each row brings its status text
    // and one command per faulty cell. One request unless the table is very large.
    const parts = packParts(lines.length, (i) => jsonBytes(lines[i]) + 1 + (fillsByRow.get(data.commitments[i]?.row ?? 0)?.size ?? 0) * COMMAND_BYTES.fill).map(([from, to]) => ({ from, to }));
    for (const part of parts) {
      if (part.to > part.from) {
        sheet.getRange(`${statusLetter}${first + part.from}:${statusLetter}${first + part.to - 1}`).values = lines.slice(part.from, part.to);
      }
      for (let i = part.from; i < part.to; i++) {
        for (const [address, severity] of fillsByRow.get(data.commitments[i]?.row ?? 0) ?? []) sheet.getRange(address).format.fill.color = FILL[severity];
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per part keeps each under Excel's 5 MB payload limit
      await context.sync();
      syncs++;
    }
    return syncs;
  });
}

/** Removes the Status text and the fills validation wrote. */
export async function clearValidation(run: ExcelRun): Promise<void> {
  await run(async (context) => {
    const found = context.workbook.tables.getItemOrNullObject(TABLES.commitments);
    await context.sync();
    if (found.isNullObject) return;
    const table = context.workbook.tables.getItem(TABLES.commitments);
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("rowCount, rowIndex");
    await context.sync();
    const headers = (header.values[0] ?? []).map(String);
    const sheet = context.workbook.worksheets.getItem(SHEETS.commitments);
    const first = body.rowIndex + 1;
    const last = first + body.rowCount - 1;
    for (const h of INPUT_HEADERS) {
      const i = headers.indexOf(h);
      if (i >= 0) sheet.getRange(`${columnLetter(i + 1)}${first}:${columnLetter(i + 1)}${last}`).format.fill.clear();
    }
    for (const h of CALCULATED_COLUMNS) {
      const i = headers.indexOf(h);
      if (i >= 0) sheet.getRange(`${columnLetter(i + 1)}${first}:${columnLetter(i + 1)}${last}`).format.fill.color = CALCULATED_FILL;
    }
    const s = headers.indexOf(STATUS_HEADER);
    if (s >= 0) sheet.getRange(`${columnLetter(s + 1)}${first}:${columnLetter(s + 1)}${last}`).values = Array.from({ length: body.rowCount }, () => [""]);
    await context.sync();
  });
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
