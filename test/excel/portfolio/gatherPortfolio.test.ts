/**
 * The portfolio's gather on Microsoft's Excel client (issue #20): signed evaluation workbooks
 * built through the real journey, saved as .xlsx, gathered into a workbook's PF_ tables; then
 * gathered again after the portfolio's user typed their own figures and added a column; files
 * left out with their sentences; text kept as text; the request budget; a co-author sorting
 * mid-gather; and the main host profiles.
 */
import { buildResponseForm } from "../../../src/forms/buildResponseForm";
import { gatherPortfolio, type PortfolioFile, type PortfolioGathered } from "../../../src/excel/portfolio/gatherPortfolio";
import { TYPE_FORMATS } from "../../../src/excel/portfolio/writePortfolio";
import { DASHBOARD_SHEET } from "../../../src/excel/portfolio/writeDashboard";
import { DASHBOARD_CHARTS } from "../../../src/core/portfolio/dashboard";
import { PORTFOLIO_TABLES, type PortfolioTableKey } from "../../../src/core/portfolio/schema";
import type { Acceptance } from "../../../src/core/portfolio/planGather";
import { TABLES } from "../../../src/core/shared/layout";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import { createExcelHost, type ExcelHost, type ProfileName } from "../../excelHost";
import { aFormTender } from "../../forms/formSupport";
import { aSignedTender, editAfterSignOff, enterOnRegister, serial, xlsxOf, type SignedTender } from "../../forms/signedEvaluationSupport";

const NOW = new Date(Date.UTC(2027, 5, 1, 12, 0));

let careTender: SignedTender;
let care: PortfolioFile;
let lighting: PortfolioFile;
let cleaning: PortfolioFile;
let tampered: PortfolioFile;
let unsigned: PortfolioFile;
let foreign: PortfolioFile;

beforeAll(async () => {
  careTender = await aSignedTender();
  care = { name: "Domiciliary care.xlsx", bytes: await xlsxOf(careTender.fake) };
  lighting = { name: "Street lighting.xlsx", bytes: await xlsxOf((await aSignedTender({ tenderId: "T-2026-0202", contractName: "Street lighting", contractValue: 6_000_000 })).fake) };
  // A contract name Excel would take for a formula if it were written bare.
  cleaning = { name: "Library cleaning.xlsx", bytes: await xlsxOf((await aSignedTender({ tenderId: "T-2026-0303", contractName: "=Library cleaning+1" })).fake) };
  const edited = await aSignedTender({ tenderId: "T-2026-0404", contractName: "Parks maintenance" });
  await editAfterSignOff(edited.run, TABLES.commitments, "Acme Ltd", "ILL1", "Quantity", 60);
  tampered = { name: "Parks maintenance.xlsx", bytes: await xlsxOf(edited.fake) };
  unsigned = { name: "School meals.xlsx", bytes: await xlsxOf((await aSignedTender({ tenderId: "T-2026-0505", contractName: "School meals", sign: false })).fake) };
  foreign = { name: "Acme response.xlsx", bytes: await buildResponseForm(aFormTender()) };
}, 240_000);

function aPortfolio(profile?: ProfileName): { host: ExcelHost; run: ExcelRun } {
  const host = createExcelHost(profile ? { profile } : {});
  return { host, run: host.run as unknown as ExcelRun };
}

async function gather(run: ExcelRun, files: readonly PortfolioFile[], acceptances: readonly Acceptance[] = [], maxBytes?: number): Promise<PortfolioGathered> {
  // With a budget given, the tables' requests are what is measured: the dashboard is left out.
  return run((context) => gatherPortfolio(context, files, acceptances, undefined, { now: NOW, ...(maxBytes ? { maxBytes, dashboard: false } : {}) }));
}

/** A table's body as records by header, read straight from the host. */
function rowsOf(host: ExcelHost, key: PortfolioTableKey): Record<string, unknown>[] {
  const t = host.inspect.table(PORTFOLIO_TABLES[key].name);
  if (!t) throw new Error(`no table ${PORTFOLIO_TABLES[key].name}`);
  return host.inspect.values(t.dataBodyAddress).map((row) => Object.fromEntries(t.headers.map((h, i) => [h, row[i]])));
}

/** Writes cells of a PF_ table's rows, found by a column's value, as a user typing would. */
async function typeInto(run: ExcelRun, table: string, find: (row: Record<string, unknown>) => boolean, values: Record<string, unknown>): Promise<void> {
  await run(async (context) => {
    const t = context.workbook.tables.getItem(table);
    const header = t.getHeaderRowRange().load("values");
    const body = t.getDataBodyRange().load("values, rowIndex, columnIndex");
    const owner = t.worksheet.load("name");
    await context.sync();
    const headers = (header.values[0] ?? []).map(String);
    const sheet = context.workbook.worksheets.getItem(owner.name);
    body.values.forEach((row, i) => {
      if (!find(Object.fromEntries(headers.map((h, j) => [h, row[j]])))) return;
      for (const [column, value] of Object.entries(values)) sheet.getRangeByIndexes(body.rowIndex + i, body.columnIndex + headers.indexOf(column), 1, 1).values = [[value]];
    });
    await context.sync();
  });
}

describe("gathering three signed evaluations into an empty workbook", () => {
  let host: ExcelHost;
  let result: PortfolioGathered;
  beforeAll(async () => {
    const portfolio = aPortfolio();
    host = portfolio.host;
    result = await gather(portfolio.run, [care, lighting, cleaning]);
  }, 60_000);

  it("creates the six PF_ tables on their own sheets, with the schema's names and columns", () => {
    for (const t of Object.values(PORTFOLIO_TABLES)) {
      const table = host.inspect.table(t.name);
      expect(table).toMatchObject({ name: t.name, sheet: t.sheet, headers: t.columns.map((c) => c.name) });
      expect(table?.address).toMatch(/!A1:/);
    }
  });

  it("formats each column by its type: £ to the penny, %, dates, text and Yes/No General", () => {
    for (const t of Object.values(PORTFOLIO_TABLES)) {
      const table = host.inspect.table(t.name)!;
      const first = /!A(\d+)/.exec(table.dataBodyAddress)![1];
      t.columns.forEach((c, j) => {
        const cell = `'${t.sheet}'!${String.fromCharCode(65 + j)}${first}`;
        expect([t.name, c.name, host.inspect.format(cell).numberFormat]).toEqual([t.name, c.name, TYPE_FORMATS[c.type]]);
      });
    }
    expect(TYPE_FORMATS).toMatchObject({ pounds: "£#,##0.00", percent: "0.0%", date: "dd/mm/yyyy", "yes/no": "General" });
  });

  it("writes the contracts, commitments, offers, KPIs, totals and sources with their figures", () => {
    expect(rowsOf(host, "contracts").map((c) => [c.TenderKey, c.Contract, c.ContractValue, c.Supplier, c.Commitments, c.KpisRequired, c.SourceFile])).toEqual([
      ["T-2026-0101", "Domiciliary care, north locality", 1_000_000, "Acme Ltd", 4, "No", care.name],
      ["T-2026-0202", "Street lighting", 6_000_000, "Acme Ltd", 4, "Yes", lighting.name],
      ["T-2026-0303", "=Library cleaning+1", 1_000_000, "Acme Ltd", 4, "No", cleaning.name],
    ]);
    const commitments = rowsOf(host, "commitments");
    expect(commitments).toHaveLength(12);
    expect(new Set(commitments.map((c) => c.CommitmentKey)).size).toBe(12);
    expect(commitments.slice(0, 4).map((c) => [c.Ref, c.Committed, c.Status, c.InLatestGather])).toEqual([
      ["ILL1", 6, "Not started", "Yes"],
      ["ILL7", 150000, "Not started", "Yes"],
      ["ILL9", 120, "Not started", "Yes"],
      ["ILL12", 35, "Not started", "Yes"],
    ]);
    expect(rowsOf(host, "offers")).toHaveLength(6);
    expect(rowsOf(host, "kpis").length).toBeGreaterThanOrEqual(3);
    expect(rowsOf(host, "totals").some((t) => t.By === "Supplier" && t.Group === "Acme Ltd" && t.Commitments === 12)).toBe(true);
    expect(rowsOf(host, "sources").map((s) => [s.File, s.Verdict, s.Included, s.GatheredAt])).toEqual([
      [care.name, "Signed and intact", "Yes", NOW.toISOString()],
      [lighting.name, "Signed and intact", "Yes", NOW.toISOString()],
      [cleaning.name, "Signed and intact", "Yes", NOW.toISOString()],
    ]);
    expect(result.counts).toMatchObject({ files: 3, included: 3, leftOut: 0, contracts: 3, commitments: 12 });
    expect(result.files.map((f) => f.sentences[0])).toEqual([expect.stringMatching(/is signed and intact/), expect.stringMatching(/is signed and intact/), expect.stringMatching(/is signed and intact/)]);
  });

  it("keeps text starting with = as text, never a formula", () => {
    const contracts = host.inspect.table(PORTFOLIO_TABLES.contracts.name)!;
    const formulas = host.inspect.formulas(contracts.dataBodyAddress).flat();
    expect(formulas.filter((f) => typeof f === "string" && f.startsWith("=") && f !== "=Library cleaning+1")).toEqual([]);
    expect(host.inspect.hasFormula(contracts.dataBodyAddress).flat().some(Boolean)).toBe(false);
    expect(rowsOf(host, "commitments").filter((c) => c.Contract === "=Library cleaning+1")).toHaveLength(4);
  });

  it("draws PF Dashboard after the tables, its four charts over the gathered figures", () => {
    expect(result.dashboard).toEqual({ drawn: true, sheet: DASHBOARD_SHEET, charts: Object.values(DASHBOARD_CHARTS), note: "" });
    expect(host.inspect.sheet(DASHBOARD_SHEET).usedRange).toBeDefined();
  });

  it("writes nothing outside the PF_ sheets and PF Dashboard", () => {
    const pf = new Set<string>([...Object.values(PORTFOLIO_TABLES).map((t) => t.sheet), DASHBOARD_SHEET]);
    for (const name of host.inspect.sheetNames().filter((n) => !pf.has(n))) expect([name, host.inspect.sheet(name).usedRange]).toEqual([name, undefined]);
  });
});

describe("a chosen file that can no longer be read", () => {
  it("is refused with a sentence naming it, and the other files are gathered", async () => {
    const { host, run } = aPortfolio();
    const gone: PortfolioFile = { name: "Moved away.xlsx", bytes: () => Promise.reject(new Error("The requested file could not be read")) };
    const result = await gather(run, [care, gone]);
    expect(rowsOf(host, "contracts")).toHaveLength(1);
    expect(result.files.find((f) => f.fileName === "Moved away.xlsx")).toEqual({
      fileName: "Moved away.xlsx",
      verdict: "Refused",
      included: false,
      accepted: false,
      sentences: ['"Moved away.xlsx" could not be read (The requested file could not be read): it may have been moved, renamed or deleted since it was chosen, or not yet downloaded from OneDrive or SharePoint. Choose it again.'],
    });
  }, 60_000);
});

describe("a sheet of the user's own called PF Dashboard", () => {
  it("is left as it is, the tables gathered all the same, and the outcome says why there is no dashboard", async () => {
    const { host, run } = aPortfolio();
    await run(async (context) => {
      context.workbook.worksheets.add(DASHBOARD_SHEET).getRange("A1:B2").values = [["Our own board", ""], ["Q1", 12]];
      await context.sync();
    });
    const result = await gather(run, [care]);
    expect(rowsOf(host, "contracts")).toHaveLength(1);
    expect(result.dashboard.drawn).toBe(false);
    expect(result.dashboard.note).toBe(
      `The portfolio's tables were gathered, but the sheet ${DASHBOARD_SHEET} was not drawn: This workbook already has a sheet called "${DASHBOARD_SHEET}" that the add-in did not build, so it was left as it is and no dashboard was drawn. Rename or move that sheet, then gather again to draw it.`,
    );
    expect(host.inspect.values(`'${DASHBOARD_SHEET}'!A1:B2`)).toEqual([["Our own board", ""], ["Q1", 12]]);
  }, 60_000);
});

describe("gathering again", () => {
  it("updates due dates without duplicating a row or losing what was typed in the portfolio", async () => {
    const { host, run } = aPortfolio();
    await gather(run, [care, lighting, cleaning]);
    // The portfolio's user types their own figures and adds a column of their own.
    const careIll = (ref: string) => (r: Record<string, unknown>) => r.TenderKey === "T-2026-0101" && r.Ref === ref;
    await typeInto(run, "PF_Commitments", careIll("ILL1"), { Delivered: 3, Status: "Evidence chased", EvidenceNotes: "Q1 payroll seen" });
    await typeInto(run, "PF_Commitments", careIll("ILL7"), { Status: "Disputed: see the contract file" });
    await typeInto(run, "PF_KPIs", (r) => r.TenderKey === "T-2026-0202" && r.KPI === "Local employment", { Target: 5 });
    await run(async (context) => {
      context.workbook.tables.getItem("PF_Commitments").columns.add(undefined, undefined, "Officer");
      await context.sync();
    });
    await typeInto(run, "PF_Commitments", careIll("ILL9"), { Officer: "R. Shah" });
    // The contract manager sets due dates on the evaluation's register (after sign-off).
    await enterOnRegister(careTender.run, { ILL1: { "Due date": serial(2027, 3, 31) }, ILL7: { "Due date": serial(2028, 3, 31) } });
    const again = { ...care, bytes: await xlsxOf(careTender.fake) };

    const result = await gather(run, [again, lighting, cleaning]);

    const commitments = rowsOf(host, "commitments");
    expect(commitments).toHaveLength(12);
    expect(new Set(commitments.map((c) => c.CommitmentKey)).size).toBe(12);
    expect(commitments.filter((c) => c.TenderKey === "T-2026-0101").map((r) => [r.Ref, r.DueDate, r.Delivered, r.Status, r.EvidenceNotes, r.Officer, r.RuleStatus])).toEqual([
      ["ILL1", serial(2027, 3, 31), 3, "Evidence chased", "Q1 payroll seen", "", "Behind"],
      ["ILL7", serial(2028, 3, 31), "", "Disputed: see the contract file", "", "", "Not started"],
      ["ILL9", "", "", "Not started", "", "R. Shah", "Not started"],
      ["ILL12", "", "", "Not started", "", "", "Not started"],
    ]);
    expect(host.inspect.format(`'PF Commitments'!${String.fromCharCode(65 + PORTFOLIO_TABLES.commitments.columns.findIndex((c) => c.name === "DueDate"))}2`).numberFormat).toBe("dd/mm/yyyy");
    expect(rowsOf(host, "kpis").find((k) => k.TenderKey === "T-2026-0202" && k.KPI === "Local employment")).toMatchObject({ Target: 5, Committed: 6 });
    expect(rowsOf(host, "contracts")).toHaveLength(3);
    expect(rowsOf(host, "sources")).toHaveLength(3);
    expect(host.inspect.table("PF_Commitments")?.headers.slice(-1)).toEqual(["Officer"]);
    // The user's own column was never written: only cells whose value changed were.
    expect(result.written.commitments.cellsWritten).toBeLessThan(12 * 4);
    expect(result.written.commitments.added).toBe(0);
  }, 60_000);

  it("reads and plans again when a co-author sorts a table between the read and the write", async () => {
    const { host, run } = aPortfolio();
    await gather(run, [care, lighting]);
    await typeInto(run, "PF_Commitments", (r) => r.Ref === "ILL1" && r.TenderKey === "T-2026-0202", { EvidenceNotes: "Seen on site" });
    // The portfolio's read takes three requests (what exists, shapes, values); the sort lands just before the write.
    host.coauthor.beforeRequest(4, (co) => co.sortTable("PF_Commitments", "Ref", false));
    const result = await gather(run, [care, lighting, cleaning]);
    const commitments = rowsOf(host, "commitments");
    expect(commitments).toHaveLength(12);
    expect(new Set(commitments.map((c) => c.CommitmentKey)).size).toBe(12);
    expect(commitments.filter((c) => c.EvidenceNotes === "Seen on site").map((c) => [c.TenderKey, c.Ref])).toEqual([["T-2026-0202", "ILL1"]]);
    expect(host.coauthor.log).toHaveLength(1);
    expect(result.attempts).toBe(2);
  }, 60_000);
  it.each([
    ["inserts a row", (co: { insertRows(sheet: string, row: number): void }) => co.insertRows("PF Commitments", 4)],
    ["deletes a row", (co: { deleteRows(sheet: string, row: number): void }) => co.deleteRows("PF Commitments", 4)],
  ])("never writes a row's figures onto its neighbour when a co-author %s in the middle of a table between the read and the write", async (_, edit) => {
    const { host, run } = aPortfolio();
    await gather(run, [care, lighting]);
    host.coauthor.beforeRequest(4, (co) => edit(co as never));
    await enterOnRegister(careTender.run, { ILL9: { Delivered: 2 } });
    const result = await gather(run, [{ ...care, bytes: await xlsxOf(careTender.fake) }, lighting]);
    expect(host.coauthor.log).toHaveLength(1);
    expect(result.attempts).toBe(2);
    const commitments = rowsOf(host, "commitments").filter((c) => c.CommitmentKey !== "");
    // Each Delivered figure sits on its own commitment's row: only the care tender's ILL9 has one.
    expect(commitments.filter((c) => c.Delivered !== "").map((c) => [c.TenderKey, c.Ref, c.Delivered])).toEqual([["T-2026-0101", "ILL9", 2]]);
  }, 60_000);

  it("keeps what a co-author types in the portfolio's own columns between the read and the write", async () => {
    const { host, run } = aPortfolio();
    await gather(run, [care]);
    const column = (name: string): string => String.fromCharCode(65 + PORTFOLIO_TABLES.commitments.columns.findIndex((c) => c.name === name));
    // Row 4 is the third commitment (ILL9); the co-author types just before the write's request.
    host.coauthor.beforeRequest(4, (co) => {
      co.type(`'PF Commitments'!${column("Status")}4`, "Chased by phone");
      co.type(`'PF Commitments'!${column("EvidenceNotes")}4`, "Logs promised for Friday");
    });
    const result = await gather(run, [care, lighting]);
    expect(result.attempts).toBe(1);
    expect(rowsOf(host, "commitments").find((c) => c.TenderKey === "T-2026-0101" && c.Ref === "ILL9")).toMatchObject({ Status: "Chased by phone", EvidenceNotes: "Logs promised for Friday" });
    expect(rowsOf(host, "commitments")).toHaveLength(8);
  }, 60_000);
});

describe("a portfolio the user arranged", () => {
  it("writes each column by its header wherever the table is and whatever the columns' order", async () => {
    const { host, run } = aPortfolio();
    const headers = ["Owner", ...PORTFOLIO_TABLES.contracts.columns.map((c) => c.name).reverse()];
    await run(async (context) => {
      const sheet = context.workbook.worksheets.add("Our contracts");
      sheet.getRange("B2").values = [["Contracts we manage"]];
      sheet.getRangeByIndexes(3, 2, 1, headers.length).values = [headers];
      const table = sheet.tables.add(sheet.getRangeByIndexes(3, 2, 2, headers.length), true);
      table.name = "PF_Contracts";
      await context.sync();
    });
    await gather(run, [care, lighting]);
    expect(host.inspect.table("PF_Contracts")).toMatchObject({ sheet: "Our contracts", headers });
    expect(rowsOf(host, "contracts").map((c) => [c.Owner, c.TenderKey, c.Contract, c.ContractValue])).toEqual([
      ["", "T-2026-0101", "Domiciliary care, north locality", 1_000_000],
      ["", "T-2026-0202", "Street lighting", 6_000_000],
    ]);
    expect(host.inspect.value("'Our contracts'!B2")).toBe("Contracts we manage");
    expect(host.inspect.sheetNames()).not.toContain("PF Contracts");
  }, 60_000);
});

describe("PF_Totals arranged by the user", () => {
  it("keeps a note in a column the user added to PF_Totals on its group, after the user sorted the table", async () => {
    const { host, run } = aPortfolio();
    await gather(run, [care, lighting]);
    await run(async (context) => {
      context.workbook.tables.getItem("PF_Totals").columns.add(undefined, undefined, "Comment");
      await context.sync();
    });
    await typeInto(run, "PF_Totals", (r) => r.TotalKey === "Supplier|Acme Ltd", { Comment: "Check with procurement" });
    // Largest first: the supplier and year rows move above the themes.
    await run(async (context) => {
      context.workbook.tables.getItem("PF_Totals").sort.apply([{ key: PORTFOLIO_TABLES.totals.columns.findIndex((c) => c.name === "CommittedValue"), ascending: false }]);
      await context.sync();
    });
    const before = rowsOf(host, "totals").map((t) => t.TotalKey);

    await gather(run, [care, lighting, cleaning]);

    const totals = rowsOf(host, "totals");
    expect(totals.filter((t) => t.Comment !== "").map((t) => [t.TotalKey, t.Comment, t.Commitments])).toEqual([["Supplier|Acme Ltd", "Check with procurement", 12]]);
    expect(totals.map((t) => t.TotalKey).slice(0, before.length)).toEqual(before);
    expect(new Set(totals.map((t) => t.TotalKey)).size).toBe(totals.length);
  }, 60_000);

  it("reads and plans again when a co-author sorts PF_Totals between the read and the write, so a note stays on its group", async () => {
    const { host, run } = aPortfolio();
    await gather(run, [care, lighting]);
    await run(async (context) => {
      context.workbook.tables.getItem("PF_Totals").columns.add(undefined, undefined, "Comment");
      await context.sync();
    });
    await typeInto(run, "PF_Totals", (r) => r.TotalKey === "Supplier|Acme Ltd", { Comment: "Check with procurement" });
    host.coauthor.beforeRequest(4, (co) => co.sortTable("PF_Totals", "CommittedValue", false));
    const result = await gather(run, [care, lighting, cleaning]);
    expect(host.coauthor.log).toHaveLength(1);
    expect(result.attempts).toBe(2);
    expect(rowsOf(host, "totals").filter((t) => t.Comment !== "").map((t) => [t.TotalKey, t.Comment, t.Commitments])).toEqual([["Supplier|Acme Ltd", "Check with procurement", 12]]);
  }, 60_000);
});

describe("two files of the same name from different folders", () => {
  it("gathers both when they hold different tenders, each with its own outcome and PF_Sources row", async () => {
    const { host, run } = aPortfolio();
    const result = await gather(run, [
      { name: "Evaluation.xlsx", bytes: care.bytes },
      { name: "Evaluation.xlsx", bytes: lighting.bytes },
    ]);
    expect(result.files.map((f) => [f.fileName, f.verdict, f.included, f.sentences[0]])).toEqual([
      ["Evaluation.xlsx", "Signed and intact", true, expect.stringMatching(/is signed and intact/)],
      ["Evaluation.xlsx", "Signed and intact", true, expect.stringMatching(/is signed and intact/)],
    ]);
    expect(rowsOf(host, "contracts").map((c) => c.TenderKey)).toEqual(["T-2026-0101", "T-2026-0202"]);
    expect(rowsOf(host, "sources").map((s) => [s.File, s.TenderKey, String(s.FileHash).length])).toEqual([
      ["Evaluation.xlsx", "T-2026-0101", 64],
      ["Evaluation.xlsx", "T-2026-0202", 64],
    ]);
  }, 60_000);
});

describe("files the gather leaves out", () => {
  let host: ExcelHost;
  let result: PortfolioGathered;
  const acceptance: Acceptance = { fileName: unsignedName(), reason: "Signed on paper; the scan is on the contract file.", by: "Sam Patel", at: "2027-06-01T11:00:00.000Z" };
  function unsignedName(): string {
    return "School meals.xlsx";
  }
  beforeAll(async () => {
    const portfolio = aPortfolio();
    host = portfolio.host;
    result = await gather(portfolio.run, [care, tampered, { name: "Domiciliary care - Copy.xlsx", bytes: care.bytes }, foreign, unsigned], [acceptance]);
  }, 60_000);

  it("leaves out a tampered, a duplicate and a foreign file, each with its sentence", () => {
    const byName = new Map(result.files.map((f) => [f.fileName, f]));
    expect(byName.get(tampered.name)).toMatchObject({ verdict: "Changed since sign-off", included: false, sentences: expect.arrayContaining([expect.stringMatching(/was changed after it was signed off .*unless you accept it with a reason/)]) });
    expect(byName.get(tampered.name)?.sentences[0]).toMatch(/^"Parks maintenance.xlsx" was changed after it was signed off by Dee Lead/);
    expect(byName.get("Domiciliary care - Copy.xlsx")).toMatchObject({ verdict: "Duplicate", included: false, sentences: [expect.stringMatching(/holds the same tender .* as "Domiciliary care.xlsx"/)] });
    expect(byName.get(foreign.name)).toMatchObject({ verdict: "Not an evaluation", included: false, sentences: [expect.stringMatching(/is not a social value evaluation workbook.*response form/)] });
    expect(rowsOf(host, "contracts").map((c) => c.TenderKey)).toEqual(["T-2026-0101", "T-2026-0505"]);
    expect(result.counts).toMatchObject({ files: 5, included: 2, leftOut: 3, accepted: 1 });
  });

  it("takes an unsigned file accepted with a reason, and records who accepted it, when and why in PF_Sources", () => {
    expect(result.files.find((f) => f.fileName === unsigned.name)).toMatchObject({ verdict: "Not signed", included: true, accepted: true });
    expect(rowsOf(host, "sources").map((s) => [s.File, s.Verdict, s.Included, s.AcceptedReason, s.AcceptedBy, s.AcceptedAt])).toEqual([
      [care.name, "Signed and intact", "Yes", "", "", ""],
      [tampered.name, "Changed since sign-off", "No", "", "", ""],
      ["Domiciliary care - Copy.xlsx", "Duplicate", "No", "", "", ""],
      [foreign.name, "Not an evaluation", "No", "", "", ""],
      [unsigned.name, "Not signed", "Yes", acceptance.reason, "Sam Patel", acceptance.at],
    ]);
  });
});

describe("the request budget", () => {
  it("splits the write into requests under the budget it is given, as Microsoft's client counts them", async () => {
    const { host, run } = aPortfolio();
    const maxBytes = 24 * 1024;
    const result = await gather(run, [care, lighting, cleaning], [], maxBytes);
    expect(host.stats.maxRequestBytes).toBeLessThan(maxBytes);
    expect(result.syncs).toBeGreaterThan(4);
    expect(rowsOf(host, "commitments")).toHaveLength(12);
    expect(rowsOf(host, "kpis").every((k) => k.KpiKey !== "")).toBe(true);
  }, 60_000);

  it("refuses, writing nothing, when the user's cells below a table leave it no room to grow", async () => {
    const { host, run } = aPortfolio();
    await gather(run, [care]);
    await run(async (context) => {
      context.workbook.worksheets.getItem("PF Commitments").getRange("B9").values = [["my note"]];
      await context.sync();
    });
    const before = rowsOf(host, "contracts");
    await expect(gather(run, [care, lighting])).rejects.toThrow(/"PF Commitments" has something in row 9 below PF_Commitments, and the gather needs 4 more rows/);
    expect(rowsOf(host, "contracts")).toEqual(before);
    expect(host.inspect.value("'PF Commitments'!B9")).toBe("my note");
  }, 60_000);
});

describe.each(["desktop-legacy", "apostrophe-kept", "calculated-columns-off", "min-api", "busy"] as const)("the gather on the %s profile", (profile) => {
  it("writes the same tables, text kept as text", async () => {
    const { host, run } = aPortfolio(profile);
    await gather(run, [care, cleaning]);
    await gather(run, [care, cleaning]);
    expect(rowsOf(host, "contracts").map((c) => [c.TenderKey, c.Contract, c.ContractValue])).toEqual([
      ["T-2026-0101", "Domiciliary care, north locality", 1_000_000],
      ["T-2026-0303", "=Library cleaning+1", 1_000_000],
    ]);
    expect(rowsOf(host, "commitments")).toHaveLength(8);
    expect(rowsOf(host, "sources").map((s) => s.File)).toEqual([care.name, cleaning.name]);
  }, 60_000);
});
