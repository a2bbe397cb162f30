/**
 * What a bidder response form is built from, read from the evaluation workbook in one
 * request: the tender id, contract and framework (SV Setup's named cells), the measures in
 * scope (SV Measures) and the qualitative criteria (SV Criteria).
 */
import { RefusalError } from "../shared/refusal";
import type { ExcelRun } from "../shared/excelRun";
import { parseMeasures, readQuantity, readText, SETTING_NAMES, TABLES } from "../../core";
import { WorkbookNotSetUpError } from "../setup/readEvaluation";
import type { FormTender } from "../../forms/types";

/** A workbook inserted before response forms existed has no tender id to put on a form. */
export class NoTenderIdError extends RefusalError {
  constructor() {
    super(
      "This evaluation was inserted by an earlier version of the add-in, so it has no tender id (the named cell SV_TenderId) for response forms to carry. " +
        "Either insert the evaluation into a new workbook with Set up, or add a cell on SV Setup holding the tender's reference (any text that no other tender uses) and name it SV_TenderId (Formulas > Define Name)."
    );
    this.name = "NoTenderIdError";
  }
}

const FORM_SETTINGS = ["tenderId", "contractName", "contractValue", "framework"] as const;

export async function readFormTender(run: ExcelRun): Promise<FormTender> {
  return run(async (context) => {
    const measuresTable = context.workbook.tables.getItemOrNullObject(TABLES.measures);
    const criteriaTable = context.workbook.tables.getItemOrNullObject(TABLES.criteria);
    const settings = FORM_SETTINGS.map((key) => ({ key, range: context.workbook.names.getItemOrNullObject(SETTING_NAMES[key]).getRangeOrNullObject().load("values") }));
    await context.sync();
    if (measuresTable.isNullObject) throw new WorkbookNotSetUpError([TABLES.measures]);
    const measureRange = measuresTable.getRange().load("values, rowIndex");
    const criteriaRange = criteriaTable.isNullObject ? undefined : criteriaTable.getRange().load("values");
    await context.sync();

    const value = (key: (typeof FORM_SETTINGS)[number]): unknown => {
      const found = settings.find((s) => s.key === key)?.range;
      return found === undefined || found.isNullObject ? undefined : found.values[0]?.[0];
    };
    const tenderId = readText(value("tenderId"));
    if (tenderId === undefined) throw new NoTenderIdError();

    const [measureHeader = [], ...measureBody] = measureRange.values;
    const { measures } = parseMeasures(measureHeader.map(String), measureBody, measureRange.rowIndex + 2);
    const contractValue = readQuantity(value("contractValue"));
    return {
      tenderId,
      contractName: readText(value("contractName")) ?? "",
      contractValue: contractValue.kind === "number" ? contractValue.value : 0,
      frameworkName: readText(value("framework")) ?? "",
      measures: measures.filter((m) => m.inScope),
      criteria: criteriaRange ? criteriaOf(criteriaRange.values) : [],
    };
  });
}

/** SV_Criteria's rows (Id, Criterion, Guidance, Weight) as the form's questions; blank rows skipped. */
export function criteriaOf(values: unknown[][]): FormTender["criteria"] {
  const [header = [], ...body] = values;
  const lower = header.map((h) => String(h).trim().toLowerCase());
  const at = (row: unknown[], name: string): string | undefined => {
    const i = lower.indexOf(name);
    return i >= 0 ? readText(row[i]) : undefined;
  };
  const criteria: { id: string; question: string; guidance?: string }[] = [];
  for (const row of body) {
    const id = at(row, "id");
    const question = at(row, "criterion");
    if (id === undefined && question === undefined) continue;
    const guidance = at(row, "guidance");
    criteria.push({ id: id ?? question ?? "", question: question ?? id ?? "", ...(guidance !== undefined ? { guidance } : {}) });
  }
  return criteria;
}
