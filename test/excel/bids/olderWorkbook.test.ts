/**
 * A workbook inserted before SV Clarifications and SV_Measures' Ceiling column existed (issue #16
 * point 4) keeps working: the commitments' formulas now name both, and Excel refuses a formula
 * naming a table or column that does not exist, so importing forms adds them first.
 */
import { createBidsActions } from "../../../src/excel/bids/bidsActions";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { aFakeWorkbook, aPlanInput } from "../support";
import { anOlderEvaluationWorkbook } from "../setup/olderWorkbook";
import { buildEvaluationPlan, type ColumnPlan } from "../../../src/excel/setup/evaluationPlan";
import { insertPlan } from "../../../src/excel/setup/writePlan";
import type { ReadForm } from "../../../src/forms/types";

const TENDER = "T-OLD";

/** The evaluation as insert wrote it before issue #16: no SV Clarifications, no Ceiling column. */
const anOlderWorkbook = () => anOlderEvaluationWorkbook([], aPlanInput({ tenderId: TENDER }));

const aForm = (quantity: number): ReadForm => ({
  fileName: "acme.xlsx",
  tenderId: TENDER,
  formVersion: 1,
  bidder: "Acme Care",
  commitments: [{ formRow: 5, ref: "ILL9", unit: "hours", quantity, baseline: null, actions: "", verification: "Timesheets" }],
  answers: [],
  offers: [],
  notes: [],
});

describe("an evaluation inserted before SV Clarifications existed", () => {
  it("imports forms: SV Clarifications and the Ceiling column are added first, and the new rows' Check works", async () => {
    const { fake, run } = await anOlderWorkbook();
    const result = await createBidsActions(run).importForms([aForm(999_999_999_999_999)], []);
    expect(result.files.map((f) => f.status)).toEqual(["imported"]);
    expect(fake.inspect.sheetNames()).toContain(SHEETS.clarifications);
    expect(fake.inspect.table(TABLES.measures)?.headers.at(-1)).toBe("Ceiling");
    const t = fake.inspect.table(TABLES.commitments)!;
    const check = fake.inspect.values(t.dataBodyAddress).map((r) => r[t.headers.indexOf("Check")]);
    expect(String(check[0])).toMatch(/^SV123 /);
  });
});

/**
 * The evaluation as insert wrote it before SV Scores had its Held column (issue #16 point 2):
 * its Quantitative, Score and Rank formulas name no Held column.
 */
async function aWorkbookWithoutHeld() {
  const wb = aFakeWorkbook();
  const plan = buildEvaluationPlan(aPlanInput({ tenderId: TENDER, bidders: ["Birch Homes"] }));
  const older = (c: ColumnPlan): ColumnPlan => (c.formula !== undefined && /\[@?Held\]/.test(c.formula) ? { ...c, formula: '="as before"' } : c);
  const sheets = plan.sheets.map((s) => (s.table?.name !== TABLES.scores ? s : { ...s, table: { ...s.table, columns: s.table.columns.filter((c) => c.header !== "Held").map(older) } }));
  const inserted = await insertPlan(wb.run, { ...plan, sheets });
  if (inserted.status !== "written") throw new Error("test set-up: insert refused");
  return wb;
}

describe("an evaluation inserted before SV Scores had its Held column", () => {
  it("imports forms: the Held column is added first, so a new bidder's score formulas work", async () => {
    const { fake, run } = await aWorkbookWithoutHeld();
    const result = await createBidsActions(run).importForms([aForm(100)], []);
    expect(result.files.map((f) => f.status)).toEqual(["imported"]);
    const t = fake.inspect.table(TABLES.scores)!;
    expect(t.headers.at(-1)).toBe("Held");
    const acme = fake.inspect.values(t.dataBodyAddress).find((r) => r[0] === "Acme Care")!;
    expect([acme[t.headers.indexOf("Held")], acme[t.headers.indexOf("Rank")]]).toEqual(["", 1]);
  });
});
