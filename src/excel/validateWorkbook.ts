/**
 * Validates the commitments in the workbook and marks the result there, where every
 * co-author sees it: a Status column in SV_Commitments (one line per row: the codes and
 * messages of its findings) and a fill on each faulty input cell. Re-running replaces the
 * previous marks, so the result is the same however often it runs; `clearValidation`
 * removes them. The add-in owns the fills of the commitments table's input columns.
 *
 * Requests: reading (see readEvaluation: 2 plus one per block of rows), then one write —
 * or one per block when the marks of a very large table would exceed Excel's payload limit.
 */
import { chunkRows, literalText, MAX_REQUEST_BYTES } from "./cellSafety";
import { columnLetter } from "./addresses";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "./excelRun";
import { readEvaluation, type EvaluationData } from "./readEvaluation";
import { SHEETS, TABLES } from "./layout";
import { validateCommitments, type Finding, type ValidationResult } from "../core";

export const STATUS_HEADER = "Status";
export const FILL = { error: "#FDE7E9", warning: "#FFF4CE", info: "#EFF6FC" } as const;
const INPUT_HEADERS = ["Bidder", "Ref", "Unit", "Quantity", "Evidence"] as const;
/** Generous bytes per fill command (envelope, address, colour), to stay well under 5 MB. */
const BYTES_PER_FILL_COMMAND = 200;
const FILLS_PER_REQUEST = Math.floor(MAX_REQUEST_BYTES / 2 / BYTES_PER_FILL_COMMAND);

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
    onProgress: (p) => options.onProgress?.({ fraction: p.fraction * 0.6, message: p.message }),
  });
  const contractValue = contractValueOf(data);
  const result = validateCommitments(data.commitments, data.measures, contractValue ? { contractValue } : {});
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
    // Clear the previous run's fills on the input columns, then mark this run's findings.
    for (const h of INPUT_HEADERS) if (headers.includes(h) && rows > 0) sheet.getRange(`${letter(h)}${first}:${letter(h)}${first + rows - 1}`).format.fill.clear();

    const lines = statusLines(data, findings);
    const worst = new Map<string, Finding["severity"]>();
    const rank = { error: 0, warning: 1, info: 2 } as const;
    for (const f of findings) {
      if (!headers.includes(f.column)) continue;
      const address = `${letter(f.column)}${f.row}`;
      const seen = worst.get(address);
      if (seen === undefined || rank[f.severity] < rank[seen]) worst.set(address, f.severity);
    }
    const fills = [...worst.entries()];
    // Status text and fills share the request budget; split only when a huge table needs it.
    const statusChunks = chunkRows(lines, MAX_REQUEST_BYTES / 2);
    // Each fill is its own command; Office.js sends an envelope with each (address, property,
    // value), so budget them by count rather than by the size of the data.
    const fillChunks: (typeof fills)[] = [];
    for (let i = 0; i < fills.length; i += FILLS_PER_REQUEST) fillChunks.push(fills.slice(i, i + FILLS_PER_REQUEST));
    const parts = Math.max(statusChunks.length, fillChunks.length);
    let offset = 0;
    for (let i = 0; i < parts; i++) {
      const status = statusChunks[i] ?? [];
      if (status.length > 0) {
        sheet.getRange(`${statusLetter}${first + offset}:${statusLetter}${first + offset + status.length - 1}`).values = status;
        offset += status.length;
      }
      for (const [address, severity] of fillChunks[i] ?? []) sheet.getRange(address).format.fill.color = FILL[severity];
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
