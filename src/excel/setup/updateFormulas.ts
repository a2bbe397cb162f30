/**
 * Brings the formulas of a workbook made by an earlier version up to this version's (issue #16;
 * core formulaUpdate.ts decides what is out of date and plans the update).
 *
 * Reading costs the moderation snapshot's shape requests (which tables exist, their headers, the
 * signed record) and one more for the first and last data row of each table with calculated
 * columns: a few small requests whatever the number of rows.
 *
 * The update adds what the new formulas name (SV Clarifications and SV_Measures' Ceiling, then
 * SV_Scores' Held, by their own adders), then writes each out-of-date column whole: one command
 * per column, setting the column's data body to one formula (Office.js applies a single value to
 * every cell of a range), so a column of 100,000 rows costs the same few kilobytes as one of ten.
 * Those commands go in one request, with calculation suspended so Excel recalculates once. Cells
 * where someone typed a value over the formula are found first (getSpecialCells "Constants") and
 * written back as they were, so the update loses nothing typed; Validate goes on naming them.
 */
import {
  formulaStatus,
  formulaUpdateLogRow,
  formulaUpdatePlan,
  keptTypedCells,
  TABLES,
  type FormulaCheckInput,
  type FormulaStatus,
  type FormulaTable,
  type TableFormulaRead,
} from "../../core";
import { readModerationSnapshot } from "../moderation/readSnapshot";
import { ensureHeldColumn } from "../scores/heldColumn";
import { keptAsText } from "../shared/cellSafety";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { orRefuse, RefusalError } from "../shared/refusal";
import { RequestBudget, writeBytes } from "../shared/requestBudget";
import { ensureClarificationLayout } from "./clarificationLayout";

const FORMULA_TABLE_KEYS: readonly FormulaTable[] = ["commitments", "scores", "clarifications", "consensus"];

/** What the workbook holds, as core's formula check takes it. */
async function readFormulaCheck(run: ExcelRun, options: OperationOptions): Promise<FormulaCheckInput> {
  const wb = await readModerationSnapshot(run, { tables: { commitments: [], scores: [], clarifications: [], consensus: [], measures: [] } }, options);
  const present = FORMULA_TABLE_KEYS.flatMap((key) => {
    const data = wb.tables[key];
    return data !== undefined ? [{ key, data }] : [];
  });
  const sampled = await run(async (context) => {
    const reads = present.map(({ key, data }) => {
      const rows = data.rows.length;
      const at = (offset: number) => context.workbook.worksheets.getItem(data.sheet).getRangeByIndexes(data.firstRow - 1 + offset, data.firstColumn - 1, 1, data.headers.length).load("formulas");
      return { key, ranges: rows === 0 || data.headers.length === 0 ? [] : rows === 1 ? [at(0)] : [at(0), at(rows - 1)] };
    });
    await context.sync();
    return reads.map((r) => ({ key: r.key, rows: r.ranges.map((range) => range.formulas[0] ?? []) }));
  });
  const tables: Partial<Record<FormulaTable, TableFormulaRead>> = {};
  for (const { key, data } of present) tables[key] = { headers: data.headers, rows: data.rows.length, sampled: sampled.find((s) => s.key === key)?.rows ?? [] };
  return {
    tables,
    measureHeaders: wb.tables.measures?.headers,
    // Signed once SV Record is there, or SV Sign-off shows a fingerprint (SV Record deleted, as Verify reports).
    signed: wb.record !== undefined ? { by: wb.record.signedBy, at: wb.record.signedAt } : wb.signOffFingerprint !== undefined ? { by: "", at: "" } : undefined,
  };
}

/** Which formulas are out of date, and what the pane says about them. */
export async function checkFormulas(run: ExcelRun, options: OperationOptions = {}): Promise<FormulaStatus> {
  return formulaStatus(await readFormulaCheck(run, options));
}

export interface FormulasUpdated {
  /** What was done, as a sentence for the pane. */
  readonly summary: string;
  /** Columns written. */
  readonly columns: number;
  /** Cells with a value typed over the formula, kept as they were. */
  readonly keptTyped: number;
  /** Whether the update was kept in SV_Decisions (only where the log exists). */
  readonly logged: boolean;
}

/** A block of cells holding typed values, to write back after the column's formula. */
interface TypedBlock {
  sheet: string;
  row: number;
  column: number;
  values: unknown[][];
}

export async function updateFormulas(run: ExcelRun, options: OperationOptions = {}, now: () => Date = () => new Date()): Promise<FormulasUpdated> {
  const status = formulaStatus(await readFormulaCheck(run, options));
  const plan = orRefuse(formulaUpdatePlan(status), RefusalError);
  throwIfCancelled(options.signal);

  // The adders that import and the clarification form already use: each refuses a clashing sheet.
  if (plan.addTables.length > 0 || plan.addColumns.some((c) => c.table === TABLES.measures)) await ensureClarificationLayout(run);
  if (plan.addColumns.some((c) => c.table === TABLES.scores && c.header.toLowerCase() === "held")) await ensureHeldColumn(run);
  const otherColumns = plan.addColumns.filter((c) => c.table !== TABLES.measures && !(c.table === TABLES.scores && c.header.toLowerCase() === "held"));

  return run(async (context) => {
    const wb = context.workbook;
    // Any other calculated column an earlier version lacked: at the table's end, so nothing typed moves.
    for (const c of otherColumns) wb.tables.getItem(c.table).columns.add(undefined, undefined, c.header);
    const columns = plan.writes.map((w) => {
      const body = wb.tables.getItem(TABLES[w.table]).columns.getItem(w.header).getDataBodyRange();
      return {
        write: w,
        body: body.load("rowIndex, columnIndex, rowCount"),
        sheet: body.worksheet.load("name"),
        typed: body.getSpecialCellsOrNullObject("Constants" as Excel.SpecialCellType).load("areaCount"),
      };
    });
    const log = wb.tables.getItemOrNullObject(TABLES.decisions);
    await context.sync();

    // Typed values, read in one more request only when a column holds any (rare).
    const found = columns.filter((c) => !c.typed.isNullObject);
    const areas = found.map((c) => ({ c, areas: c.typed.areas.load("items/rowIndex, items/columnIndex, items/rowCount, items/columnCount, items/values") }));
    if (found.length > 0) await context.sync();
    const typed: TypedBlock[] = [];
    for (const { c, areas: a } of areas) {
      for (const area of a.items) {
        // Excel's SpecialCells may widen a one-cell search to the sheet: keep to the column's body.
        const top = Math.max(area.rowIndex, c.body.rowIndex);
        const bottom = Math.min(area.rowIndex + area.rowCount, c.body.rowIndex + c.body.rowCount);
        const inColumn = c.body.columnIndex >= area.columnIndex && c.body.columnIndex < area.columnIndex + area.columnCount;
        if (!inColumn || bottom <= top) continue;
        const values = area.values.slice(top - area.rowIndex, bottom - area.rowIndex).map((r) => [keptAsText(r[c.body.columnIndex - area.columnIndex])]);
        typed.push({ sheet: c.sheet.name, row: top, column: c.body.columnIndex, values });
      }
    }

    const budget = new RequestBudget(context);
    context.application.suspendApiCalculationUntilNextSync();
    for (const { write, body } of columns) {
      await budget.room(writeBytes(write.formula));
      // A single value goes to every cell of the range: the whole column in one command.
      (body as unknown as { formulas: string }).formulas = write.formula;
    }
    for (const block of typed) {
      await budget.room(writeBytes(block.values));
      wb.worksheets.getItem(block.sheet).getRangeByIndexes(block.row, block.column, block.values.length, 1).values = block.values;
    }
    const keptTyped = typed.reduce((n, b) => n + b.values.length, 0);
    const summary = plan.summary + keptTypedCells(keptTyped);
    const logged = !log.isNullObject;
    if (logged) {
      const row = formulaUpdateLogRow({ ...plan, summary }, now().toISOString());
      await budget.room(writeBytes(row));
      log.rows.add(undefined, [row.map((v) => String(keptAsText(v)))]);
    }
    await budget.finish();
    return { summary, columns: plan.writes.length, keptTyped, logged };
  });
}
