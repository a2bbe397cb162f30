/**
 * Signed evaluation workbooks built through the real journey, for the portfolio's tests: insert
 * the evaluation, type the bids, mark as a panel of three, agree every item with its reasons,
 * sign off, build the winner's register, and save the workbook as .xlsx (the playground's
 * exporter, which writes what the test host holds: tables, names, protection, very hidden sheets).
 */
import { aPlanInput, anEvaluationWorkbook, typeIntoTable } from "../excel/support";
import { BIDDERS, CRITERIA, PANEL_MARKS, RATIONALES } from "../excel/moderation/moderationSupport";
import { aTender } from "../support/scoringBuilders";
import { createModerationActions } from "../../src/excel/moderation/moderationActions";
import { signOff } from "../../src/excel/moderation/signOff";
import { createReportActions } from "../../src/excel/report/reportActions";
import { workbookToXlsx } from "../../playground/exportXlsx";
import { TABLES } from "../../src/core/shared/layout";
import type { ExcelHost } from "../excelHost";
import type { ExcelRun } from "../../src/excel/shared/excelRun";

/** Acme Ltd wins (its marks are 4 and 4, Birch Homes' 2 and 2); its commitments feed three KPIs. */
export const SIGNED_COMMITMENTS = [
  ["Acme Ltd", "ILL1", "FTE", 6, "Payroll postcodes each quarter"],
  ["Acme Ltd", "ILL7", "£", 150000, "Invoices from local suppliers"],
  ["Acme Ltd", "ILL9", "hours", 120, "Mentoring logs"],
  ["Acme Ltd", "ILL12", "tCO2e", 35, "Fuel records against the 2025 baseline"],
  ["Birch Homes", "ILL9", "hours", 80, ""],
];

export const OFFERS = [
  { Bidder: "Acme Ltd", Recipient: "School", Organisation: "Northgate Primary", Offer: "Reading volunteers", Hours: 40, Value: 1200 },
  { Bidder: "Acme Ltd", Recipient: "Charity", Organisation: "Food Bank North", Offer: "Van and driver monthly", Hours: 24, Value: 800 },
  { Bidder: "Birch Homes", Recipient: "College", Organisation: "Town College", Offer: "Site visits", Hours: 10, Value: 300 },
];

/** When the register is built: its Status formula and the build note read this clock. */
export const CLOCK = (): Date => new Date(Date.UTC(2026, 10, 22, 9, 30));

/** When the record is signed off. */
export const SIGNED_AT = new Date(Date.UTC(2026, 2, 31, 10, 15));

export interface SignedTender {
  fake: ExcelHost;
  run: ExcelRun;
  fingerprint: string;
}

export async function aSignedTender(options: { tenderId?: string; contractName?: string; contractValue?: number; register?: boolean; sign?: boolean } = {}): Promise<SignedTender> {
  const wb = await anEvaluationWorkbook(
    SIGNED_COMMITMENTS,
    aPlanInput({
      settings: aTender({ evaluators: ["Ann", "Ben", "Cat"], moderationThreshold: 1, contractName: options.contractName ?? "Domiciliary care, north locality", contractValue: options.contractValue ?? 1_000_000 }),
      criteria: CRITERIA,
      bidders: BIDDERS,
      blindMarking: false,
      tenderSaysAveraged: false,
      tenderId: options.tenderId ?? "T-2026-0101",
    })
  );
  await typeIntoTable(wb.run, TABLES.offers, OFFERS);
  const actions = createModerationActions(wb.run);
  await actions.prepareMarking();
  for (const [evaluator, marks] of Object.entries(PANEL_MARKS)) await actions.saveMarks(evaluator, marks);
  await actions.openModeration();
  const agreed: Record<string, number> = { "Acme Ltd|Q1": 4, "Acme Ltd|Q2": 4, "Birch Homes|Q1": 2, "Birch Homes|Q2": 2 };
  for (const [key, mark] of Object.entries(agreed)) {
    const [bidder, criterion] = key.split("|") as [string, string];
    const result = await actions.recordConsensus({ bidder, criterion, mark, rationale: RATIONALES[key]!, agreedBy: ["Ann", "Ben", "Cat"] });
    if (!result.ok) throw new Error(`test set-up: ${result.issues.map((i) => i.message).join(" ")}`);
  }
  let fingerprint = "";
  if (options.sign !== false) fingerprint = (await signOff(wb.run, "Dee Lead", {}, () => SIGNED_AT)).fingerprint;
  if (options.register !== false) await createReportActions(wb.run, CLOCK).buildRegister();
  return { fake: wb.fake, run: wb.run, fingerprint };
}

/** The workbook as the .xlsx file Excel would save. */
export async function xlsxOf(fake: ExcelHost): Promise<Uint8Array> {
  return new Uint8Array(await workbookToXlsx(fake));
}

/** Excel's serial for a calendar day. */
export const serial = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;

/** The contract manager's entries on SV Register, by Ref: { ILL1: { "Due date": …, Delivered: … } }. */
export async function enterOnRegister(run: ExcelRun, entries: Record<string, Record<string, unknown>>): Promise<void> {
  await run(async (context) => {
    const table = context.workbook.tables.getItem(TABLES.register);
    const body = table.getDataBodyRange().load("values, rowIndex, columnIndex");
    const header = table.getHeaderRowRange().load("values");
    const owner = table.worksheet.load("name");
    await context.sync();
    const sheet = context.workbook.worksheets.getItem(owner.name);
    const headers = (header.values[0] ?? []).map(String);
    body.values.forEach((row, i) => {
      const entry = entries[String(row[headers.indexOf("Ref")])];
      if (!entry) return;
      for (const [column, value] of Object.entries(entry)) {
        const j = headers.indexOf(column);
        if (j < 0) throw new Error(`test set-up: no column ${column}`);
        sheet.getRangeByIndexes(body.rowIndex + i, body.columnIndex + j, 1, 1).values = [[value]];
      }
    });
    await context.sync();
  });
}

/** A user's edit after sign-off: unprotect the sheet and change one cell of a table row (found by its Bidder and Ref). */
export async function editAfterSignOff(run: ExcelRun, tableName: string, bidder: string, ref: string, column: string, value: unknown): Promise<void> {
  await run(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    const body = table.getDataBodyRange().load("values, rowIndex, columnIndex");
    const header = table.getHeaderRowRange().load("values");
    const owner = table.worksheet.load("name");
    await context.sync();
    const sheet = context.workbook.worksheets.getItem(owner.name);
    const headers = (header.values[0] ?? []).map(String);
    const i = body.values.findIndex((r) => r[headers.indexOf("Bidder")] === bidder && r[headers.indexOf("Ref")] === ref);
    if (i < 0) throw new Error("test set-up: no such row");
    sheet.protection.unprotect();
    sheet.getRangeByIndexes(body.rowIndex + i, body.columnIndex + headers.indexOf(column), 1, 1).values = [[value]];
    await context.sync();
  });
}
