/**
 * A workbook as the version before issue #16 made it: the evaluation inserted with that version's
 * formulas (test/cases/olderWorkbook.ts) and without what #16 added: SV_Scores' Held column,
 * SV_Measures' Ceiling column, the SV Clarifications sheet and the SV_TenderSaysAveraged setting.
 * Built on the test Excel host by writing today's plan with those parts taken out and the old
 * formulas put in, so the workbook is what an evaluator would open, not a stored file.
 */
import type { ExcelHostOptions } from "../../excelHost";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { buildEvaluationPlan, type PlanInput, type SheetPlan } from "../../../src/excel/setup/evaluationPlan";
import { insertPlan } from "../../../src/excel/setup/writePlan";
import { FORMULAS_BEFORE_16 } from "../../cases/olderWorkbook";
import { aFakeWorkbook, aPlanInput, typeCommitments } from "../support";

/** Columns #16 added, by table: an earlier version's tables do not have them. */
const ADDED_BY_16: Readonly<Record<string, readonly string[]>> = { [TABLES.scores]: ["Held"], [TABLES.measures]: ["Ceiling"] };

/** A sheet of today's plan as the earlier version wrote it. */
function asBefore16(sheet: SheetPlan): SheetPlan {
  const settings = sheet.settings?.filter((s) => s.key !== "tenderSaysAveraged");
  const table = sheet.table;
  if (table === undefined) return settings ? { ...sheet, settings } : sheet;
  const old = Object.entries(TABLES).find(([, name]) => name === table.name)?.[0] as keyof typeof FORMULAS_BEFORE_16 | undefined;
  const formulas = old !== undefined ? FORMULAS_BEFORE_16[old] : undefined;
  const columns = table.columns
    .filter((c) => !(ADDED_BY_16[table.name] ?? []).includes(c.header))
    .map((c) => (c.formula !== undefined && formulas?.[c.header] !== undefined ? { ...c, formula: formulas[c.header] } : c));
  return { ...sheet, table: { ...table, columns } };
}

/**
 * An evaluation workbook inserted by the version before #16, with these commitment rows typed in
 * (Bidder, Ref, Unit, Quantity, Evidence): the calculated columns fill the new rows with the
 * formulas above, as Excel fills a calculated column.
 */
export async function anOlderEvaluationWorkbook(rows: unknown[][] = [], input: PlanInput = aPlanInput(), hostOptions: ExcelHostOptions = {}) {
  const wb = aFakeWorkbook(hostOptions);
  const plan = buildEvaluationPlan(input);
  const older = { ...plan, sheets: plan.sheets.filter((s) => s.name !== SHEETS.clarifications).map(asBefore16) };
  const result = await insertPlan(wb.run, older);
  if (result.status !== "written") throw new Error("test set-up: insert refused");
  if (rows.length > 0) await typeCommitments(wb.run, rows);
  wb.fake.resetStats();
  return wb;
}
