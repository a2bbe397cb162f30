/** Workbooks as insert wrote them before issue #16, for the tests of bringing them up to date. */
import { SHEETS } from "../../../src/core/shared/layout";
import { buildEvaluationPlan, type ColumnPlan } from "../../../src/excel/setup/evaluationPlan";
import type { PlanInput } from "../../../src/excel/setup/evaluationPlan";
import { insertPlan } from "../../../src/excel/setup/writePlan";
import type { ExcelHostOptions } from "../../excelHost";
import { aFakeWorkbook } from "../support";

/**
 * The evaluation without SV Clarifications or SV_Measures' Ceiling column. Formulas naming either
 * stand in as a constant: the older formulas themselves do not matter, only that rows written
 * now get formulas Excel accepts.
 */
export async function aWorkbookBeforeClarifications(input: PlanInput, hostOptions: ExcelHostOptions = {}) {
  const wb = aFakeWorkbook(hostOptions);
  const plan = buildEvaluationPlan(input);
  const older = (c: ColumnPlan): ColumnPlan => (c.formula !== undefined && /SV_Clarifications|\[Ceiling\]/.test(c.formula) ? { ...c, formula: '="as before"' } : c);
  const sheets = plan.sheets
    .filter((s) => s.name !== SHEETS.clarifications)
    .map((s) => (s.table === undefined ? s : { ...s, table: { ...s.table, columns: s.table.columns.filter((c) => c.header !== "Ceiling").map(older) } }));
  const inserted = await insertPlan(wb.run, { ...plan, sheets });
  if (inserted.status !== "written") throw new Error("test set-up: insert refused");
  return wb;
}
