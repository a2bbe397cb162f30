/**
 * Export and import keep the workbook (issue #19): in the playground, load the sample tender,
 * correct its planted unit mistake, mark, moderate and sign off as a panel would, build the award
 * report (which draws charts), then export the .xlsx. The file is checked as another app reads it
 * — ExcelJS and LibreOffice — for number formats on every row, drop-down lists, conditional
 * formats, names, protection of the signed sheets and SV Record very hidden; then imported back
 * into a fresh playground over a workbook that already has work in it (so the page asks first),
 * where SV Record has no tab and Verify says the record is intact. Screenshots, the export and
 * LibreOffice's CSVs go to test-results/e2e/export-import/.
 */
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import type { Browser, Frame, Page } from "playwright-core";
import type { Workbook, Worksheet } from "exceljs";
import { buildPlayground, launchBrowser, screenshotDir, serve, watchErrors, xlsxToCsvs } from "./harness";
import { loadExcelJS } from "../../src/forms/excelJs";

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
let pane: Frame;
let errors: string[];
const shots = screenshotDir("export-import");
const exported = join(shots, "signed.xlsx");
let step = 0;

const BIDDERS = ["Acme Care Ltd", "Birch Homes", "Cura Partnership"] as const;
const EVALUATORS = ["Evaluator A", "Evaluator B", "Evaluator C"] as const;
const CRITERIA = ["ILL-Q1", "ILL-Q2"] as const;
/** The sheets sign-off freezes and protects, and the two it adds (signOff.ts). */
const SIGNED = ["SV Commitments", "SV Marks", "SV Moderation", "SV Scores", "SV Sign-off", "SV Record"];

/** Each item's own reasons: every evaluator gave 3, so the panel agrees 3 (no item is flagged). */
const RATIONALES: Record<string, string> = {
  "Acme Care Ltd ILL-Q1": "Names a social value lead and sets dated recruitment milestones with the local college, which meets the criterion; there is no contingency if fewer learners are placed.",
  "Acme Care Ltd ILL-Q2": "Quarterly payroll extracts evidence the local jobs, but there is no independent check of where the new staff live, so the measurement part is only adequate.",
  "Birch Homes ILL-Q1": "The delivery plan ties apprenticeship weeks to named sites and start dates; the risk that a site slips is acknowledged in the plan but nothing is offered to mitigate it.",
  "Birch Homes ILL-Q2": "Monthly reporting with supplier invoices for local spend gives a sound basis for monitoring; verification of the jobs figures relies on self-declaration alone.",
  "Cura Partnership ILL-Q1": "A credible route to hire local people through the job centre partnership is described, though no dates are set for the first hires during the first contract year.",
  "Cura Partnership ILL-Q2": "Evidence is promised through an annual report only, which gives a weak basis for checking delivery while the contract is running and for acting on any shortfall.",
};

async function shot(on: Page, name: string): Promise<void> {
  step += 1;
  await on.screenshot({ path: join(shots, `${String(step).padStart(2, "0")}-${name}.png`), fullPage: true });
}

function sheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`the exported workbook has no sheet ${name}`);
  return ws;
}

/** Opens the playground and waits for the pane to boot. */
async function openPlayground(): Promise<{ page: Page; pane: Frame; errors: string[] }> {
  const p = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const e = watchErrors(p);
  await p.goto(`${server.url}/playground.html`);
  await p.frameLocator('iframe[title="Task pane"]').getByRole("tab", { name: "Set up" }).waitFor();
  return { page: p, pane: p.frames().find((f) => f.url().endsWith("playground-pane.html")) as Frame, errors: e };
}

beforeAll(async () => {
  const dir = await buildPlayground();
  server = await serve(dir);
  browser = await launchBrowser();
  ({ page, pane, errors } = await openPlayground());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("export and import keep the workbook", () => {
  it("loads the sample tender and corrects its planted unit mistake", async () => {
    await page.getByRole("button", { name: "Load sample tender" }).click();
    await page.getByText(/Loaded a sample tender/).waitFor();
    // The correction a panel would type: each commitment's unit as its measure counts it. Done
    // through the playground's bridge (the same `run` the pane uses), as one edit.
    await page.evaluate(async () => {
      const bridge = (window as unknown as { __svPlayground: { run: (batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void> } }).__svPlayground;
      await bridge.run(async (context) => {
        const column = (table: string, name: string) => context.workbook.tables.getItem(table).columns.getItem(name).getDataBodyRange().load("values");
        const measureRefs = column("SV_Measures", "Ref");
        const measureUnits = column("SV_Measures", "Unit");
        const refs = column("SV_Commitments", "Ref");
        const units = column("SV_Commitments", "Unit");
        await context.sync();
        const unitOf = new Map(measureRefs.values.map((r, i) => [String(r[0]), measureUnits.values[i]?.[0]]));
        units.values = refs.values.map((r, i) => [unitOf.get(String(r[0])) ?? units.values[i]?.[0]]);
        await context.sync();
      });
    });
    await pane.getByRole("tab", { name: "Validate" }).click();
    const validate = pane.getByRole("tabpanel", { name: "Validate" });
    await validate.getByRole("button", { name: "Validate commitments" }).click();
    await validate.getByText(/no problems found|^0 errors$/).first().waitFor();
    await expect(validate.getByText(/^[1-9]\d* errors?$/).count()).resolves.toBe(0);
    await shot(page, "unit-corrected");
  });

  it("marks, moderates and signs off, and Verify says the record is intact", async () => {
    await pane.getByRole("tab", { name: "Moderation" }).click();
    await pane.getByRole("button", { name: "Load the marking sheet" }).click();
    await pane.getByRole("button", { name: "Prepare the marking sheet" }).click();
    await pane.getByLabel("Who is marking").waitFor();
    for (const evaluator of EVALUATORS) {
      await pane.getByLabel("Who is marking").selectOption(evaluator);
      for (const bidder of BIDDERS) {
        for (const criterion of CRITERIA) {
          const task = pane.getByRole("group", { name: new RegExp(`^${bidder} ${criterion}:`) });
          await task.getByLabel("Mark").selectOption("3");
          await task.getByLabel("Comment").fill(`${evaluator}: a sound answer on ${criterion}.`);
        }
      }
      await pane.getByRole("button", { name: "Save my marks" }).click();
      await pane.getByText(new RegExp(`Saved 6 changed rows of ${evaluator}'s marks`)).waitFor();
    }
    await pane.getByRole("button", { name: "Load moderation" }).click();
    await pane.getByRole("button", { name: "Open moderation" }).click();
    let n = 0;
    for (const bidder of BIDDERS) {
      for (const criterion of CRITERIA) {
        n++;
        await pane.getByRole("button", { name: new RegExp(`^${bidder} · ${criterion}`) }).click();
        const form = pane.getByRole("group", { name: `Consensus for ${bidder} on ${criterion}` });
        await form.getByLabel("Agreed mark").selectOption("3");
        await form.getByLabel("Rationale").fill(RATIONALES[`${bidder} ${criterion}`] as string);
        await form.getByRole("button", { name: "Record consensus" }).click();
        await pane.getByText(new RegExp(`^${6 - n} open$`)).first().waitFor();
      }
    }
    await pane.getByRole("button", { name: "Review for sign-off" }).click();
    await pane.getByLabel("Name of the person signing").fill("Pat Chair");
    await pane.getByRole("button", { name: "Sign off the record" }).click();
    await pane.getByRole("button", { name: "Sign off now" }).click();
    await pane.getByText(/[0-9a-f]{64}/).first().waitFor();
    await expect(page.getByRole("button", { name: "SV Record" }).count()).resolves.toBe(0);
    await pane.getByRole("button", { name: "Verify the record" }).click();
    await pane.getByText(/intact/i).first().waitFor();
    await shot(page, "signed-and-verified");
    expect(errors).toEqual([]);
  });

  it("builds the award report and exports it with its charts", async () => {
    await pane.getByRole("tab", { name: "Report" }).click();
    const report = pane.getByRole("tabpanel", { name: "Report" });
    await report.getByRole("button", { name: "Build award report" }).click();
    await report.getByText(/Written to SV Report\. Highest score:/).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export .xlsx" }).click()]);
    await download.saveAs(exported);
    // The report's two charts are column and bar charts, which the export writes: the notice names no chart left out.
    await page.getByRole("status").getByText(/^Exported the workbook as evaluation\.xlsx\.$/).waitFor();
    await shot(page, "exported");
    expect(errors).toEqual([]);
  });

  it("exports number formats on every row, drop-down lists, conditional formats, names, protection and a very hidden SV Record", async () => {
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);

    // Every data row of each £ column of SV Commitments carries the £ format, not just the first.
    const commitments = sheet(wb, "SV Commitments");
    const lastRow = commitments.actualRowCount;
    expect(lastRow).toBeGreaterThan(10);
    const poundColumns = [...Array(commitments.columnCount).keys()].map((i) => i + 1).filter((c) => String(commitments.getCell(4, c).numFmt ?? "").includes("£"));
    expect(poundColumns.length).toBeGreaterThan(0);
    for (const c of poundColumns) {
      const rows = Array.from({ length: lastRow - 3 }, (_, i) => ({ row: i + 4, numFmt: commitments.getCell(i + 4, c).numFmt }));
      expect(rows.filter((r) => !String(r.numFmt ?? "").includes("£"))).toEqual([]);
    }

    // The Ref column's drop-down list of the measures' refs, on every data row.
    const header = commitments.getRow(3).values as unknown[];
    const refColumn = header.indexOf("Ref");
    expect(refColumn).toBeGreaterThan(0);
    const validations = (commitments as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] } | undefined> } }).dataValidations.model;
    for (let r = 4; r <= lastRow; r++) {
      const address = commitments.getCell(r, refColumn).address;
      expect({ address, rule: validations[address] }).toEqual({ address, rule: expect.objectContaining({ type: "list", formulae: ["SV_MeasureRefs"] }) });
    }

    const conditional = (commitments as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(conditional.length).toBeGreaterThan(0);

    // Names as the file holds them, formulas included (ExcelJS itself shows only plain ranges).
    const workbookXml = (await (await JSZip.loadAsync(readFileSync(exported))).file("xl/workbook.xml")?.async("string")) ?? "";
    const names = [...workbookXml.matchAll(/<definedName name="([^"]+)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(names).toEqual(expect.arrayContaining([["SV_ContractValue", "'SV Setup'!$B$4"], ["SV_MeasureRefs", "SV_Measures[Ref]"]]));

    for (const name of SIGNED) expect({ name, protected: (sheet(wb, name) as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet }).toEqual({ name, protected: true });
    expect(sheet(wb, "SV Record").state).toBe("veryHidden");
    expect(sheet(wb, "SV Sign-off").state).toBe("visible");

    // LibreOffice opens it and reads the signed scores.
    const csvDir = join(shots, "csv");
    mkdirSync(csvDir, { recursive: true });
    const csvs = xlsxToCsvs(exported, csvDir);
    const scores = csvs["SV Scores"] as string[][];
    const scoreHeader = scores.findIndex((r) => r[0] === "Bidder");
    for (const bidder of BIDDERS) {
      const row = scores.slice(scoreHeader + 1).find((r) => r[0] === bidder) ?? [];
      expect({ bidder, errors: row.filter((cell) => /^(#|Err:)/.test(cell)) }).toEqual({ bidder, errors: [] });
    }
    expect((csvs["SV Commitments"] as string[][]).some((r) => r.includes("Acme Care Ltd"))).toBe(true);
  });

  it("imports the exported file into a fresh playground, after asking, with SV Record very hidden and the record intact", async () => {
    const fresh = await openPlayground();
    await fresh.page.getByRole("button", { name: "Load sample tender" }).click();
    await fresh.page.getByText(/Loaded a sample tender/).waitFor();
    const asked: string[] = [];
    fresh.page.on("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await fresh.page.getByLabel("Import .xlsx file").setInputFiles(exported);
    await fresh.page.getByRole("status").getByText(/^Imported \d+ sheet\(s\) from "signed\.xlsx"/).waitFor();
    expect(asked).toEqual([expect.stringMatching(/^Replace every sheet of this workbook/)]);
    await expect(fresh.page.getByRole("button", { name: "SV Sign-off" }).count()).resolves.toBe(1);
    await expect(fresh.page.getByRole("button", { name: "SV Record" }).count()).resolves.toBe(0);
    await shot(fresh.page, "imported");

    await fresh.pane.getByRole("tab", { name: "Moderation" }).click();
    await fresh.pane.getByRole("button", { name: "Verify the record" }).click();
    await fresh.pane.getByText(/intact/i).first().waitFor();
    await expect(fresh.pane.getByText("Changed since sign-off").count()).resolves.toBe(0);
    await shot(fresh.page, "imported-verified");
    expect(fresh.errors).toEqual([]);
  });

  it("refuses a damaged file with a message and leaves the workbook as it was", async () => {
    const before = await page.getByRole("button").allTextContents();
    await page.getByLabel("Import .xlsx file").setInputFiles({ name: "damaged.xlsx", mimeType: "application/octet-stream", buffer: readFileSync(exported).subarray(0, 400) });
    await page.getByRole("status").getByText(/"damaged\.xlsx" cannot be read/).waitFor();
    await expect(page.getByRole("button").allTextContents()).resolves.toEqual(before);
    await pane.getByRole("tab", { name: "Moderation" }).click();
    await pane.getByRole("button", { name: "Verify the record" }).click();
    await pane.getByText(/intact/i).first().waitFor();
    await shot(page, "damaged-file-refused");
    expect(errors).toEqual([]);
  });
});
