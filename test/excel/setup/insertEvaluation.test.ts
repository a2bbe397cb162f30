import { buildEvaluationPlan } from "../../../src/excel/setup/evaluationPlan";
import { SETTING_NAMES, SHEETS, TABLES } from "../../../src/core/shared/layout";
import { insertPlan } from "../../../src/excel/setup/writePlan";
import { CancelledError } from "../../../src/excel/shared/excelRun";
import { ILLUSTRATIVE, measureTableFromFramework } from "../../../src/core";
import { aFakeWorkbook, aPlanInput, namedCell, typeCommitments } from "../support";
import { aTender } from "../../support/scoringBuilders";

describe("inserting the evaluation workbook", () => {
  it("creates the evaluation's sheets, their tables and the setting names in an empty workbook", async () => {
    const { fake, run } = aFakeWorkbook();
    const result = await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    expect(result.status).toBe("written");
    // The summaries, report, register and sign-off sheets are written by their own actions.
    const atInsert = [SHEETS.setup, SHEETS.measures, SHEETS.criteria, SHEETS.clarifications, SHEETS.commitments, SHEETS.answers, SHEETS.offers, SHEETS.marks, SHEETS.moderation, SHEETS.scores];
    expect(fake.inspect.sheetNames()).toEqual(["Sheet1", ...atInsert]);
    // SV_Register and SV_Decisions are written later by their actions.
    expect(fake.inspect.tables().map((t) => t.name).sort()).toEqual(Object.values(TABLES).filter((t) => t !== TABLES.register && t !== TABLES.decisions).sort());
    expect(namedCell(fake, SETTING_NAMES.contractValue).value).toBe(1_000_000);
  });

  it("records when the procurement began, the VAT basis and the buyer on SV Setup, the date as text Excel cannot turn into a serial", async () => {
    const { fake, run } = aFakeWorkbook();
    const settings = aTender({ procurementStart: "2026-11-02", vatBasis: "including", buyer: "sub-central" });
    await insertPlan(run, buildEvaluationPlan(aPlanInput({ settings })));
    expect(namedCell(fake, SETTING_NAMES.procurementStart).value).toBe("2026-11-02");
    expect(namedCell(fake, SETTING_NAMES.vatBasis).value).toBe("including");
    expect(namedCell(fake, SETTING_NAMES.buyer).value).toBe("sub-central");
  });

  it("leaves the new rows blank for a tender set up without them, so nothing is assumed", async () => {
    const { fake, run } = aFakeWorkbook();
    await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    expect(namedCell(fake, SETTING_NAMES.vatBasis).value).toBe("");
    expect(namedCell(fake, SETTING_NAMES.procurementStart).value).toBe("");
  });

  it("writes the tender id, the blind-marking choice and the criteria for the outcomes in scope", async () => {
    const { fake, run } = aFakeWorkbook();
    const criteria = [
      { id: "Q1", question: "How will you deliver?" },
      { id: "Q2", question: "How will you reduce carbon?", outcomeId: "env-1" },
      { id: "Q3", question: "How will you support local jobs?", outcomeId: "jobs-1" },
    ];
    await insertPlan(run, buildEvaluationPlan(aPlanInput({ tenderId: "T-123", blindMarking: true, criteria, settings: aTender({ outcomesInScope: ["jobs-1"] }) })));
    expect(namedCell(fake, SETTING_NAMES.tenderId).value).toBe("T-123");
    expect(namedCell(fake, SETTING_NAMES.blindMarking).value).toBe("Yes");
    expect(namedCell(fake, SETTING_NAMES.moderationOpen).value).toBe("No");
    expect(namedCell(fake, SETTING_NAMES.panelSize).value).toBe(3);
    const table = fake.inspect.table(TABLES.criteria);
    // Q2's outcome is not in scope: it is left out.
    expect(fake.inspect.values(table?.dataBodyAddress ?? "").map((r) => r[0])).toEqual(["Q1", "Q3"]);
  });

  it("gives the Ref column its drop-down of measures, once the name it lists exists", async () => {
    const { fake, run } = aFakeWorkbook();
    await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    const table = fake.inspect.table(TABLES.commitments)!;
    const ref = String.fromCharCode(65 + table.headers.indexOf("Ref"));
    expect(fake.inspect.validation(`'${SHEETS.commitments}'!${ref}4`).rule).toEqual({ list: { inCellDropDown: true, source: "=SV_MeasureRefs" } });
    expect(fake.inspect.names().map((n) => n.name)).toContain("SV_MeasureRefs");
  });

  it("writes every measure of the framework into SV_Measures", async () => {
    const { fake, run } = aFakeWorkbook();
    await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    const table = fake.inspect.tables().find((t) => t.name === TABLES.measures);
    const refs = fake.inspect.values(table?.dataBodyAddress ?? "").map((r) => r[0]);
    expect(refs).toEqual(measureTableFromFramework(ILLUSTRATIVE).map((m) => m.ref));
  });

  it("costs at most 3 requests, whatever the number of measures", async () => {
    const { fake, run } = aFakeWorkbook();
    const many = Array.from({ length: 800 }, (_, i) => ({ ...measureTableFromFramework(ILLUSTRATIVE)[0]!, ref: `M${i + 1}` }));
    await insertPlan(run, buildEvaluationPlan(aPlanInput({ measures: many })));
    expect(fake.stats.requests).toBeLessThanOrEqual(3);
    expect(fake.stats.tableRowAddCalls).toBe(0);
  });

  it("suspends calculation around the bulk write", async () => {
    const { fake, run } = aFakeWorkbook();
    await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    expect(fake.stats.calculationSuspensions).toBeGreaterThanOrEqual(1);
  });

  it("refuses, writing nothing, when a sheet of the same name already holds the user's data", async () => {
    const { fake, run } = aFakeWorkbook({ sheets: { [SHEETS.measures]: [["My own notes", 42]] } });
    const before = fake.inspect.values(`'${SHEETS.measures}'!A1:B1`);
    const result = await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    expect(result.status).toBe("refused");
    if (result.status === "refused") expect(result.conflicts).toEqual([expect.objectContaining({ kind: "sheet", name: SHEETS.measures })]);
    expect(fake.inspect.values(`'${SHEETS.measures}'!A1:B1`)).toEqual(before);
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.setup);
  });

  it("leaves the user's other sheets untouched", async () => {
    const { fake, run } = aFakeWorkbook({ sheets: { Pricing: [["Bidder", "Price"], ["Acme", 950000]] } });
    await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    expect(fake.inspect.values("Pricing!A1:B2")).toEqual([["Bidder", "Price"], ["Acme", 950000]]);
  });

  it("refuses a second insert into a workbook that already has the evaluation", async () => {
    const { run } = aFakeWorkbook();
    await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    const again = await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    expect(again.status).toBe("refused");
  });

  it("writes nothing when cancelled before it starts", async () => {
    const { fake, run } = aFakeWorkbook();
    const controller = new AbortController();
    controller.abort();
    await expect(insertPlan(run, buildEvaluationPlan(aPlanInput()), { signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.setup);
  });

  it("keeps text that looks like a formula as text", async () => {
    const { fake, run } = aFakeWorkbook();
    await insertPlan(run, buildEvaluationPlan(aPlanInput({ settings: { ...aPlanInput().settings, contractName: "=HYPERLINK(\"http://x\")" } })));
    // Stored as text: the formula read-back is the same text, and nothing was evaluated.
    expect(namedCell(fake, SETTING_NAMES.contractName)).toEqual({ value: '=HYPERLINK("http://x")', formula: '=HYPERLINK("http://x")' });
  });

  it("computes scores through its TENDER formulas once bids are typed in", async () => {
    const { fake, run } = aFakeWorkbook();
    const input = aPlanInput({ bidders: ["Acme Care", "Birch Homes"] });
    await insertPlan(run, buildEvaluationPlan(input));
    // ILL9 and ILL10 are priced per hour in the illustrative set; quantities are hours.
    const [m9, m10] = ["ILL9", "ILL10"].map((r) => measureTableFromFramework(ILLUSTRATIVE).find((m) => m.ref === r)!);
    await typeCommitments(run, [
      ["Acme Care", "ILL9", "hours", 100],
      ["Birch Homes", "ILL10", "hours", 50],
    ]);
    const scores = fake.inspect.tables().find((t) => t.name === TABLES.scores)!;
    const body = fake.inspect.values(scores.dataBodyAddress);
    const acmeValue = 100 * (m9!.proxy ?? 0);
    const birchValue = 50 * (m10!.proxy ?? 0);
    expect(body[0]?.slice(0, 2)).toEqual(["Acme Care", acmeValue]);
    expect(body[1]?.slice(0, 2)).toEqual(["Birch Homes", birchValue]);
    // Return = value / £1m; Quantitative = 5 points × value / best.
    expect(body[0]?.[4]).toBeCloseTo(acmeValue / 1_000_000, 12);
    const best = Math.max(acmeValue, birchValue);
    expect(body[0]?.[6]).toBeCloseTo((5 * acmeValue) / best, 12);
    expect(body[1]?.[6]).toBeCloseTo((5 * birchValue) / best, 12);
  });

  it("makes formula columns refuse typing, and leaves input columns open", async () => {
    const { fake, run } = aFakeWorkbook();
    await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    const table = fake.inspect.tables().find((t) => t.name === TABLES.commitments)!;
    const cell = (h: string): string => `'${SHEETS.commitments}'!${String.fromCharCode(65 + table.headers.indexOf(h))}4`;
    expect(fake.inspect.validation(cell("Value"))).toMatchObject({ type: "Custom", rule: { custom: { formula: "=FALSE" } } });
    expect(fake.inspect.format(cell("Value")).locked).not.toBe(false);
    expect(fake.inspect.format(cell("Quantity")).locked).toBe(false);
    expect(fake.inspect.validation(cell("Quantity"))).toMatchObject({ rule: { decimal: { formula1: 0 } } });
  });

  it("shows the live Check column: OK for a good row, a coded message for a unit mistake", async () => {
    const { fake, run } = aFakeWorkbook();
    await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    await typeCommitments(run, [
      ["Acme Care", "ILL9", "hrs", 10],
      ["Acme Care", "ILL10", "tonnes", 10],
    ]);
    const table = fake.inspect.tables().find((t) => t.name === TABLES.commitments)!;
    const checkCol = table.headers.indexOf("Check");
    const body = fake.inspect.values(table.dataBodyAddress);
    expect(body[0]?.[checkCol]).toBe("OK");
    expect(String(body[1]?.[checkCol])).toMatch(/^SV108 /);
  });
});
