/**
 * Updating SV Measures to a (new version of a) framework without losing the evaluators'
 * work. The evaluator's own edits win: a proxy, scope, maximum or evidence setting typed in
 * the sheet is kept for every ref the framework still has; new refs are added; rows the
 * framework no longer has are kept and listed (they may hold the council's own measures).
 * The pane shows this preview and asks before anything is written.
 */
import { measureRows } from "./evaluationPlan";
import { blockAddress, MEASURE_COLUMNS, refKey, TABLES, type MeasureEntry } from "../../core";
import { keptAsText } from "../shared/cellSafety";
import { ApostropheCheck } from "../shared/apostropheCheck";
import { RefusalError } from "../shared/refusal";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";

/** Columns whose sheet value is the evaluator's decision, kept over the framework's. */
const EVALUATOR_COLUMNS = ["Proxy", "InScope", "Max", "Evidence", "Ceiling"] as const;

export interface MeasureUpdatePreview {
  /** Refs added from the framework. */
  added: string[];
  /** Refs updated from the framework, with the evaluator's edits kept. */
  updated: string[];
  /** Ref → columns where the evaluator's value was kept over the framework's. */
  keptEdits: { ref: string; columns: string[] }[];
  /** Rows in the sheet that the framework does not have: kept as they are. */
  keptRows: string[];
  /** The table body to write, in MEASURE_COLUMNS order. */
  rows: unknown[][];
  /** The sheet's headers when they differ from the layout (the update is then refused). */
  unexpectedHeaders?: string[];
}

/**
 * The layout a sheet's SV_Measures headers follow: today's MEASURE_COLUMNS, or the same without
 * Ceiling (workbooks inserted before that column was added keep working, written as they are);
 * undefined for any other headers.
 */
export function measureLayoutOf(headers: readonly string[]): readonly string[] | undefined {
  const layouts: readonly (readonly string[])[] = [MEASURE_COLUMNS, MEASURE_COLUMNS.filter((c) => c !== "Ceiling")];
  return layouts.find((expected) => headers.length === expected.length && headers.every((h, i) => h === expected[i]));
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" || typeof b === "number") return Number(a) === Number(b);
  return String(a ?? "").trim().toLowerCase() === String(b ?? "").trim().toLowerCase();
}

/** Pure: merges the sheet's table with the framework's rows. */
export function mergeMeasures(headers: readonly string[], sheetRows: readonly unknown[][], measures: readonly MeasureEntry[]): MeasureUpdatePreview {
  const expected = measureLayoutOf(headers);
  if (expected === undefined) {
    return { added: [], updated: [], keptEdits: [], keptRows: [], rows: [], unexpectedHeaders: [...headers] };
  }
  const col = (name: string): number => expected.indexOf(name);
  const existing = new Map<string, unknown[]>();
  for (const row of sheetRows) {
    const ref = String(row[col("Ref")] ?? "").trim();
    if (ref) existing.set(refKey(ref), row);
  }
  const fresh = measureRows(measures).map((r) => expected.map((h) => r[h] ?? ""));
  const added: string[] = [];
  const updated: string[] = [];
  const keptEdits: { ref: string; columns: string[] }[] = [];
  const rows: unknown[][] = [];
  const seen = new Set<string>();
  for (const row of fresh) {
    const ref = String(row[col("Ref")]);
    const old = existing.get(refKey(ref));
    seen.add(refKey(ref));
    if (!old) {
      added.push(ref);
      rows.push(row);
      continue;
    }
    updated.push(ref);
    const merged: unknown[] = [...row];
    const kept: string[] = [];
    for (const c of EVALUATOR_COLUMNS) {
      const i = col(c);
      if (!same(old[i], row[i])) {
        merged[i] = old[i];
        kept.push(c);
      }
    }
    if (kept.length) keptEdits.push({ ref, columns: kept });
    rows.push(merged);
  }
  const keptRows: string[] = [];
  for (const row of sheetRows) {
    const ref = String(row[col("Ref")] ?? "").trim();
    if (ref && !seen.has(refKey(ref))) {
      keptRows.push(ref);
      rows.push([...row]);
    } else if (!ref && row.some((c) => c !== "" && c !== null)) {
      rows.push([...row]);
    }
  }
  return { added, updated, keptEdits, keptRows, rows };
}

export async function previewMeasureUpdate(run: ExcelRun, measures: readonly MeasureEntry[]): Promise<MeasureUpdatePreview> {
  return run(async (context) => {
    const found = context.workbook.tables.getItemOrNullObject(TABLES.measures);
    await context.sync();
    if (found.isNullObject) throw new RefusalError(`${TABLES.measures} is not in this workbook: insert the evaluation first.`);
    const range = context.workbook.tables.getItem(TABLES.measures).getRange().load("values");
    await context.sync();
    const [header = [], ...body] = range.values;
    return mergeMeasures(header.map(String), body, measures);
  });
}

/** Writes a previewed update in one request: the table is resized to the merged rows. */
export async function applyMeasureUpdate(run: ExcelRun, preview: MeasureUpdatePreview, options: OperationOptions = {}): Promise<void> {
  if (preview.unexpectedHeaders) {
    throw new RefusalError(`SV Measures has columns ${preview.unexpectedHeaders.join(", ")}, not the add-in's ${MEASURE_COLUMNS.join(", ")}; nothing was changed.`);
  }
  throwIfCancelled(options.signal);
  await run(async (context) => {
    const table = context.workbook.tables.getItem(TABLES.measures);
    const sheet = table.worksheet.load("name");
    const body = table.getDataBodyRange().load("rowCount");
    // Where the table really is: a user may have inserted rows or columns above or before it.
    const whole = table.getRange().load("rowIndex, columnIndex");
    await context.sync();
    const top = whole.rowIndex + 1;
    const left = whole.columnIndex + 1;
    // As wide as the sheet's table (a table without Ceiling stays without it).
    const cols = preview.rows[0]?.length ?? MEASURE_COLUMNS.length;
    const rows = preview.rows.length ? preview.rows : [Array.from({ length: cols }, () => "")];
    if (rows.length > body.rowCount) {
      // A longer table takes the rows below it: they must be empty, or we refuse.
      const below = sheet.getRange(blockAddress(top + 1 + body.rowCount, left, rows.length - body.rowCount, cols)).load("values, address");
      await context.sync();
      if (below.values.some((r) => r.some((c) => c !== "" && c !== null))) {
        throw new RefusalError(`SV Measures needs ${rows.length - body.rowCount} more rows, but ${below.address} below the table is not empty. Move that content and try again; nothing was changed.`);
      }
    }
    context.application.suspendApiCalculationUntilNextSync();
    table.resize(sheet.getRange(blockAddress(top, left, 1 + rows.length, cols)));
    // Every text kept as text: a council's ref such as "1.10" must not become the number 1.1.
    const written = rows.map((r) => r.map(keptAsText));
    sheet.getRange(blockAddress(top + 1, left, rows.length, cols)).values = written;
    const apostrophes = new ApostropheCheck();
    apostrophes.note(sheet.name, top + 1, left, written);
    if (body.rowCount > rows.length) {
      sheet.getRange(blockAddress(top + 1 + rows.length, left, body.rowCount - rows.length, cols)).clear("Contents");
    }
    apostrophes.queueProbes(context);
    await context.sync();
    // Where this Excel kept the apostrophe in the Text columns, the refs are written again without it.
    await apostrophes.settle(context);
  });
}
