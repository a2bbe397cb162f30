/** Shared set-up for the Excel layer's tests: a fake workbook and a plan input. */
import { createExcelHost, type ExcelHost, type ExcelHostOptions } from "../excelHost";
import { ILLUSTRATIVE, measureTableFromFramework } from "../../src/core";
import type { ExcelRun } from "../../src/excel/shared/excelRun";
import type { PlanInput } from "../../src/excel/setup/evaluationPlan";
import { aTender } from "../support/scoringBuilders";
import { insertPlan } from "../../src/excel/setup/writePlan";
import { buildEvaluationPlan } from "../../src/excel/setup/evaluationPlan";
import { SHEETS } from "../../src/core/shared/layout";
import { columnLetter } from "../../src/core/shared/addresses";

export function aFakeWorkbook(options: ExcelHostOptions = {}): { fake: ExcelHost; run: ExcelRun } {
  const fake = createExcelHost(options);
  return { fake, run: fake.run as unknown as ExcelRun };
}

export function aPlanInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    settings: aTender(),
    frameworkName: ILLUSTRATIVE.name,
    measures: measureTableFromFramework(ILLUSTRATIVE),
    thresholdReason: "£1,000,000 is at or above the £100,000 threshold.",
    ...overrides,
  };
}

/** A workbook with the evaluation inserted and the given commitment rows typed in. */
export async function anEvaluationWorkbook(rows: unknown[][] = [], input: PlanInput = aPlanInput(), hostOptions: ExcelHostOptions = {}): Promise<{ fake: ExcelHost; run: ExcelRun }> {
  const wb = aFakeWorkbook(hostOptions);
  const result = await insertPlan(wb.run, buildEvaluationPlan(input));
  if (result.status !== "written") throw new Error("test set-up: insert refused");
  if (rows.length) await typeCommitments(wb.run, rows);
  wb.fake.resetStats();
  return wb;
}

/**
 * Types rows into SV_Commitments as a user would (Bidder, Ref, Unit, Quantity, Evidence),
 * growing the table over the empty rows below it.
 */
export async function typeCommitments(run: ExcelRun, rows: unknown[][]): Promise<void> {
  await run(async (context) => {
    const table = context.workbook.tables.getItem("SV_Commitments");
    const sheet = context.workbook.worksheets.getItem(SHEETS.commitments);
    const header = table.getHeaderRowRange().load("values");
    await context.sync();
    const headers = (header.values[0] ?? []).map(String);
    const last = String.fromCharCode(64 + headers.length);
    table.resize(sheet.getRange(`A3:${last}${3 + rows.length}`));
    const inputs = ["Bidder", "Ref", "Unit", "Quantity", "Evidence"];
    inputs.forEach((h, j) => {
      const col = String.fromCharCode(65 + headers.indexOf(h));
      sheet.getRange(`${col}4:${col}${3 + rows.length}`).values = rows.map((row) => [row[j] ?? ""]);
    });
    // Calculated columns fill the new rows (Excel does this when a table grows).
    await context.sync();
  });
}

/** The value and formula of a named cell, read through the host's own name table. */
export function namedCell(fake: ExcelHost, name: string): { value: unknown; formula: unknown } {
  const entry = fake.inspect.names().find((n) => n.name.toLowerCase() === name.toLowerCase());
  if (!entry) throw new Error(`no workbook name ${name}`);
  const address = entry.formula.replace(/^=/, "");
  return { value: fake.inspect.value(address), formula: fake.inspect.formulas(address)[0]?.[0] };
}

/**
 * Types rows into any evaluation table as a user would: the table grows over the rows below
 * it and each given column is typed; calculated columns fill the new rows.
 */
export async function typeIntoTable(run: ExcelRun, tableName: string, rows: readonly Readonly<Record<string, unknown>>[]): Promise<void> {
  await run(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    const header = table.getHeaderRowRange().load("values, rowIndex, columnIndex");
    const owner = table.worksheet.load("name");
    await context.sync();
    const sheet = context.workbook.worksheets.getItem(owner.name);
    const headers = (header.values[0] ?? []).map(String);
    const top = header.rowIndex + 1;
    const letter = (i: number) => columnLetter(header.columnIndex + i + 1);
    table.resize(sheet.getRange(`${letter(0)}${top}:${letter(headers.length - 1)}${top + rows.length}`));
    const given = new Set(rows.flatMap((r) => Object.keys(r)));
    for (const h of given) {
      const i = headers.indexOf(h);
      if (i < 0) throw new Error(`test set-up: ${tableName} has no column ${h}`);
      sheet.getRange(`${letter(i)}${top + 1}:${letter(i)}${top + rows.length}`).values = rows.map((r) => [r[h] ?? ""]);
    }
    await context.sync();
  });
}

/** Each body row of table `name` as { header: { value, formula } } for the given headers. */
export function tableCells(fake: ExcelHost, name: string, headers: readonly string[]): Record<string, { value: unknown; formula: unknown }>[] {
  const t = fake.inspect.table(name);
  if (!t) throw new Error(`no table ${name}`);
  const values = fake.inspect.values(t.dataBodyAddress);
  const formulas = fake.inspect.formulas(t.dataBodyAddress);
  return values.map((row, r) => Object.fromEntries(headers.map((h) => [h, { value: row[t.headers.indexOf(h)], formula: formulas[r]?.[t.headers.indexOf(h)] }])));
}
