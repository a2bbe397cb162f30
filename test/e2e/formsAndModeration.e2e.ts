/**
 * Bids, moderation and sign-off in a browser, as a panel would do them in the playground: load
 * the sample tender; build a response form for each of the three bidders and download it; fill
 * the forms as the bidders would (in Excel's place, ExcelJS here, one bidder trying a formula
 * injection); import the three returned forms, replacing the sample rows after confirming;
 * three evaluators mark every bid; open moderation, have a rationale that compares bids
 * refused, record the consensus on every item (one of them flagged); review, sign off, verify;
 * export the signed workbook and check in ExcelJS and LibreOffice that it holds values, not
 * formulas. One bidder commits an implausible number of people: Validate holds the bid until the
 * panel records its clarification outcome, which is signed with the record, and Verify names the
 * outcome once it is changed after sign-off. Screenshots, the forms, the export and LibreOffice's CSVs go to
 * test-results/e2e/forms-and-moderation/.
 */
import { mkdirSync } from "fs";
import { join } from "path";
import type { Browser, Frame, Page } from "playwright-core";
import type { Workbook, Worksheet } from "exceljs";
import { buildPlayground, launchBrowser, screenshotDir, serve, watchErrors, xlsxToCsvs } from "./harness";
import { loadExcelJS } from "../../src/forms/excelJs";
import { BIDDER_CELL, COMMITMENT_COLUMNS, SHEETS as FORM_SHEETS, ANSWER_COLUMNS, OFFER_COLUMNS } from "../../src/forms/formLayout";

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
let pane: Frame;
let errors: string[];
const shots = screenshotDir("forms-and-moderation");
let step = 0;

const BIDDERS = ["Acme Care Ltd", "Birch Homes", "Cura Partnership"] as const;
const EVALUATORS = ["Evaluator A", "Evaluator B", "Evaluator C"] as const;
const CRITERIA = ["ILL-Q1", "ILL-Q2"] as const;
const INJECTION = '=HYPERLINK("http://example.invalid/steal","Click for our plan")';

/** Cura's ILL2 as typed on its form: worth far more than the £1.5m contract, so held until clarified. */
const IMPLAUSIBLE = 999_999_999_999_999;
/** What the panel caps it at after asking Cura, and why. */
const CAPPED_AT = 10;
const CLARIFICATION_REASON = "Cura confirmed by email that it meant 10 long-term unemployed people; the extra digits were a keying error.";

/**
 * What each bidder commits, by measure ref (illustrative set). ILL3 is left out: it cannot be
 * counted with ILL2, and a clean bid is what this journey signs off.
 */
const QUANTITIES: Record<(typeof BIDDERS)[number], Record<string, number>> = {
  "Acme Care Ltd": { ILL1: 4, ILL2: 20, ILL4: 30 },
  "Birch Homes": { ILL1: 2, ILL2: 30, ILL4: 50 },
  "Cura Partnership": { ILL1: 6, ILL2: IMPLAUSIBLE },
};

/**
 * Marks per evaluator, in bidder × criterion order (Acme Q1, Acme Q2, Birch Q1, …). The sample
 * tender's threshold is 2: Acme's Q1 marks 1, 4, 3 differ by 3, so that item is flagged.
 */
const MARKS: Record<(typeof EVALUATORS)[number], number[]> = {
  "Evaluator A": [1, 3, 4, 3, 2, 2],
  "Evaluator B": [4, 3, 4, 4, 3, 2],
  "Evaluator C": [3, 4, 5, 4, 3, 3],
};
const FORMS: Record<string, string> = {};

/** Each consensus explains its own mark against the criterion (a copied rationale is refused). */
const RATIONALES: Record<string, string> = {
  "Acme Care Ltd ILL-Q1": 'The answer says it "will appoint a social value lead and report monthly". Names a social value lead and dated recruitment milestones with the local college, which meets the criterion; no contingency if the college places fewer learners.',
  "Acme Care Ltd ILL-Q2": 'The answer says it "will evidence delivery with payroll and supplier invoices". Quarterly payroll extracts evidence the local jobs, but the answer gives no independent check of residence, so the measurement part is only adequate.',
  "Birch Homes ILL-Q1": 'The answer says it "will appoint a social value lead and report monthly". The delivery plan ties apprenticeship weeks to named sites and start dates; the risk that sites slip is acknowledged but not mitigated.',
  "Birch Homes ILL-Q2": 'The answer says it "will evidence delivery with payroll and supplier invoices". Reporting is monthly with supplier invoices for spend, a sound basis; verification of the jobs figures relies on self-declaration alone.',
  "Cura Partnership ILL-Q1": 'The answer says it "will appoint a social value lead and report monthly". A credible route to hire local people through the job centre partnership, though the answer sets no dates for the first hires.',
  "Cura Partnership ILL-Q2": 'The answer says it "will evidence delivery with payroll and supplier invoices". Evidence is promised through an annual report only, which is a weak basis for checking delivery during the contract year.',
};

async function shot(name: string): Promise<void> {
  step += 1;
  await page.screenshot({ path: join(shots, `${String(step).padStart(2, "0")}-${name}.png`), fullPage: true });
}

function sheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`the workbook has no sheet ${name}`);
  return ws;
}

/** Fills a downloaded form as the bidder's Excel would save it. */
async function fillForm(file: string, bidder: (typeof BIDDERS)[number]): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(sheet(wb, FORM_SHEETS.instructions).getCell(BIDDER_CELL).value).toBe(bidder);
  const commitments = sheet(wb, FORM_SHEETS.commitments);
  const wanted = QUANTITIES[bidder];
  let filled = 0;
  commitments.eachRow((row, n) => {
    const quantity = wanted[String(row.getCell(COMMITMENT_COLUMNS.ref).value)];
    if (n === 1 || quantity === undefined) return;
    row.getCell(COMMITMENT_COLUMNS.quantity).value = quantity;
    row.getCell(COMMITMENT_COLUMNS.actions).value = filled === 0 && bidder === "Birch Homes" ? INJECTION : `Recruit locally through the jobs fair (${bidder}).`;
    row.getCell(COMMITMENT_COLUMNS.verification).value = "Quarterly payroll extracts checked by the contract manager.";
    filled++;
  });
  expect(filled).toBe(Object.keys(wanted).length);
  const answers = sheet(wb, FORM_SHEETS.answers);
  answers.getRow(2).getCell(ANSWER_COLUMNS.answer).value = `${bidder} will appoint a social value lead and report monthly.`;
  answers.getRow(3).getCell(ANSWER_COLUMNS.answer).value = `${bidder} will evidence delivery with payroll and supplier invoices.`;
  const offers = sheet(wb, FORM_SHEETS.offers);
  offers.getRow(2).getCell(OFFER_COLUMNS.recipient).value = "School";
  offers.getRow(2).getCell(OFFER_COLUMNS.organisation).value = "Harlow Academy";
  offers.getRow(2).getCell(OFFER_COLUMNS.offer).value = `Careers talks by ${bidder} staff`;
  offers.getRow(2).getCell(OFFER_COLUMNS.hours).value = 12;
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  const dir = await buildPlayground();
  server = await serve(dir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  errors = watchErrors(page);
  await page.goto(`${server.url}/playground.html`);
  const frame = page.frameLocator('iframe[title="Task pane"]');
  await frame.getByRole("tab", { name: "Set up" }).waitFor();
  pane = page.frames().find((f) => f.url().endsWith("playground-pane.html")) as Frame;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("bids, moderation and sign-off in the playground", () => {
  it("loads the sample tender", async () => {
    await page.getByRole("button", { name: "Load sample tender" }).click();
    await page.getByText(/Loaded a sample tender/).waitFor();
  });

  it("builds and downloads a response form for each of the three bidders", async () => {
    await pane.getByRole("tab", { name: "Bids" }).click();
    for (const bidder of BIDDERS) {
      await pane.getByLabel(/Bidder's name/).fill(bidder);
      await pane.getByRole("button", { name: "Build form" }).click();
      const [download] = await Promise.all([page.waitForEvent("download"), pane.getByRole("button", { name: "Download" }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = join(shots, `form-${bidder.replace(/\W+/g, "-")}.xlsx`);
      await download.saveAs(file);
      FORMS[bidder] = file;
    }
    await shot("forms-built");
  });

  it("imports the three returned forms, replacing the sample rows only after confirming", async () => {
    for (const bidder of BIDDERS) await fillForm(FORMS[bidder] as string, bidder);
    await pane.getByLabel("Returned forms (.xlsx)").setInputFiles(BIDDERS.map((b) => FORMS[b] as string));
    await pane.getByRole("heading", { name: "Replace these bidders' rows?" }).waitFor();
    for (const bidder of BIDDERS) await expect(pane.getByText(new RegExp(`^${bidder}:`)).count()).resolves.toBe(1);
    await shot("confirm-replace");
    await pane.getByRole("button", { name: "Replace and import" }).click();
    const report = pane.getByRole("list", { name: "Import report, one entry per file" });
    await report.waitFor();
    for (const bidder of BIDDERS) await expect(report.getByText(bidder).first().isVisible()).resolves.toBe(true);
    await shot("imported");

    // The workbook holds exactly the forms' rows: the injected text is shown as text.
    await page.getByRole("button", { name: "SV Commitments" }).click();
    const grid = page.getByRole("table", { name: "Sheet SV Commitments" });
    await expect(grid.getByText(INJECTION, { exact: true }).count()).resolves.toBe(1);
  });

  it("holds Cura's implausible commitment until the panel records its clarification, then validates clean", async () => {
    await pane.getByRole("tab", { name: "Validate" }).click();
    const validate = pane.getByRole("tabpanel", { name: "Validate" });
    await validate.getByRole("button", { name: "Validate commitments" }).click();
    await validate.getByRole("heading", { name: /^Implausible commitments to clarify/ }).waitFor();
    await expect(validate.getByText(/Cura Partnership, ILL2/).count()).resolves.toBeGreaterThan(0);
    await shot("implausible");

    // Scores holds Cura's bid, not ranking it on a figure nobody believes.
    await pane.getByRole("tab", { name: "Scores" }).click();
    await pane.getByRole("button", { name: "Refresh scores" }).click();
    await pane.getByText(/provisional until clarified/i).first().waitFor();
    await expect(pane.getByText(/Cura Partnership.*provisional until clarified|provisional until clarified.*Cura Partnership/i).count()).resolves.toBeGreaterThan(0);
    await shot("held-until-clarified");

    await pane.getByRole("tab", { name: "Validate" }).click();
    const item = validate.getByRole("listitem").filter({ hasText: "Cura Partnership, ILL2" });
    await item.getByRole("button", { name: "Record the panel's outcome" }).click();
    const outcome = validate.getByRole("form", { name: "Outcome for Cura Partnership, ILL2" });
    await outcome.getByLabel("Outcome").selectOption("Capped");
    await outcome.getByLabel(/^Capped at/).fill(String(CAPPED_AT));
    await outcome.getByLabel("Reason").fill(CLARIFICATION_REASON);
    await outcome.getByLabel("Decided by").fill("Pat Chair");
    await outcome.getByLabel("Decided on").fill("2026-12-01");
    await outcome.getByRole("button", { name: "Record outcome" }).click();
    await pane.getByText("Recorded on SV Clarifications: Cura Partnership, ILL2, Capped.").waitFor();
    // Validated again: the commitment is no longer an error (SV123) but a clarified note (SV125).
    await validate.getByRole("heading", { name: /^Implausible commitments to clarify/ }).waitFor({ state: "detached" });
    await validate.getByText("1 note", { exact: true }).waitFor();
    await shot("clarified");
    await expect(validate.getByText(/^[1-9]\d* errors?$/).count()).resolves.toBe(0);
    await validate.getByRole("button", { name: "Notes (1)" }).click();
    await validate.getByText(/SV125/).first().waitFor();
    await expect(validate.getByText(/SV123|SV206|SV207/).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "SV Clarifications" }).count()).resolves.toBe(1);
  });

  it("takes each evaluator's independent marks", async () => {
    await pane.getByRole("tab", { name: "Moderation" }).click();
    await pane.getByRole("button", { name: "Load the marking sheet" }).click();
    await pane.getByRole("button", { name: "Prepare the marking sheet" }).click();
    await pane.getByLabel("Who is marking").waitFor();
    for (const evaluator of EVALUATORS) {
      await pane.getByLabel("Who is marking").selectOption(evaluator);
      let i = 0;
      for (const bidder of BIDDERS) {
        for (const criterion of CRITERIA) {
          const task = pane.getByRole("group", { name: new RegExp(`^${bidder} ${criterion}:`) });
          await task.getByLabel("Mark").selectOption(String(MARKS[evaluator][i]));
          await task.getByLabel("Comment").fill(`${evaluator}: mark ${MARKS[evaluator][i]} for ${criterion}.`);
          i++;
        }
      }
      await pane.getByRole("button", { name: "Save my marks" }).click();
      await pane.getByText(new RegExp(`Saved 6 changed rows of ${evaluator}'s marks`)).waitFor();
    }
    await shot("marked");
  });

  it("opens moderation, refuses a rationale that compares bids, and records a consensus on every item", async () => {
    await pane.getByRole("button", { name: "Load moderation" }).click();
    await pane.getByRole("button", { name: "Open moderation" }).click();
    await pane.getByText("1 flagged and open").waitFor();
    await shot("moderation-open");

    const item = (bidder: string, criterion: string) => pane.getByRole("button", { name: new RegExp(`^${bidder} · ${criterion}`) });
    const form = (bidder: string, criterion: string) => pane.getByRole("group", { name: `Consensus for ${bidder} on ${criterion}` });

    // The flagged item first, with a rationale the courts criticised.
    await item("Acme Care Ltd", "ILL-Q1").click();
    await expect(item("Acme Care Ltd", "ILL-Q1").textContent()).resolves.toMatch(/Flagged/);
    const flagged = form("Acme Care Ltd", "ILL-Q1");
    await flagged.getByLabel("Agreed mark").selectOption("3");
    const refused = "Acme's plan is better than Birch Homes and stronger than the other bids on delivery.";
    await flagged.getByLabel("Rationale").fill(refused);
    await flagged.getByRole("button", { name: "Record consensus" }).click();
    await flagged.getByText(/other bid|another bidder|compar/i).first().waitFor();
    await expect(flagged.getByLabel("Rationale").inputValue()).resolves.toBe(refused);
    await shot("rationale-refused");

    let n = 0;
    for (const bidder of BIDDERS) {
      for (const criterion of CRITERIA) {
        n++;
        if (!(bidder === "Acme Care Ltd" && criterion === "ILL-Q1")) await item(bidder, criterion).click();
        const f = form(bidder, criterion);
        await f.getByLabel("Agreed mark").selectOption("3");
        await f.getByLabel("Rationale").fill(RATIONALES[`${bidder} ${criterion}`] as string);
        await f.getByRole("button", { name: "Record consensus" }).click();
        await pane.getByText(new RegExp(`^${6 - n} open$`)).first().waitFor();
      }
    }
    await pane.getByText("0 flagged and open").waitFor();
    await shot("moderated");
  });

  it("signs off the record and verifies it intact", async () => {
    await pane.getByRole("button", { name: "Review for sign-off" }).click();
    await pane.getByLabel("Name of the person signing").fill("Pat Chair");
    await pane.getByRole("button", { name: "Sign off the record" }).click();
    await pane.getByRole("button", { name: "Sign off now" }).click();
    await pane.getByText(/[0-9a-f]{64}/).first().waitFor();
    // The record as signed is kept on a very hidden sheet: no tab, as in Excel.
    await expect(page.getByRole("button", { name: "SV Sign-off" }).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "SV Record" }).count()).resolves.toBe(0);
    await shot("signed");
    await pane.getByRole("button", { name: "Verify the record" }).click();
    await pane.getByText(/intact/i).first().waitFor();
    await shot("verified");
    expect(errors).toEqual([]);
  });

  it("builds the assessment summaries, the award report with its charts, and the winner's register", async () => {
    await pane.getByRole("tab", { name: "Report" }).click();
    const report = pane.getByRole("tabpanel", { name: "Report" });
    await report.getByRole("button", { name: "Build assessment summaries" }).click();
    for (const bidder of BIDDERS) await report.getByRole("button", { name: `Copy ${bidder}'s summary` }).waitFor();
    await report.getByRole("button", { name: "Build award report" }).click();
    await report.getByText(/Written to SV Report\. Highest score:/).waitFor();
    await report.getByRole("button", { name: "Build commitments register" }).click();
    await report.getByText(/SV Register/).first().waitFor();
    await shot("report");
    await expect(page.getByRole("button", { name: "SV Report" }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it("exports the signed workbook with values, not formulas, which LibreOffice reads", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export .xlsx" }).click()]);
    const file = join(shots, "signed.xlsx");
    await download.saveAs(file);

    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const signed = ["SV Commitments", "SV Marks", "SV Moderation", "SV Scores"];
    for (const name of signed) {
      const formulas: string[] = [];
      sheet(wb, name).eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) formulas.push(`${cell.address}: ${cell.formula}`);
        }),
      );
      expect({ sheet: name, formulas }).toEqual({ sheet: name, formulas: [] });
    }

    for (const name of ["SV Sign-off", "SV Summaries", "SV Report", "SV Register"]) expect(wb.getWorksheet(name)).toBeDefined();
    const csvDir = join(shots, "csv");
    mkdirSync(csvDir, { recursive: true });
    const sheets = xlsxToCsvs(file, csvDir);
    const scores = sheets["SV Scores"] as string[][];
    const header = scores.findIndex((r) => r[0] === "Bidder");
    const cols = scores[header] ?? [];
    for (const bidder of BIDDERS) {
      const row = scores.slice(header + 1).find((r) => r[0] === bidder) ?? [];
      expect(row.filter((cell) => /^(#|Err:)/.test(cell))).toEqual([]);
      // Every item was agreed at 3 of 5: qualitative points 3/5 × 5 = 3 for each bidder.
      expect({ bidder, qualitative: Number(row[cols.indexOf("Qualitative")]) }).toEqual({ bidder, qualitative: 3 });
      expect(Number(row[cols.indexOf("Score")])).toBeGreaterThan(3);
    }
    const commitments = sheets["SV Commitments"] as string[][];
    expect(commitments.some((r) => r.includes(INJECTION))).toBe(true);
    // The clarification outcome is part of what was signed and exported.
    const clarifications = sheets["SV Clarifications"] as string[][];
    expect(clarifications.some((r) => r.includes("Capped") && r.includes(String(CAPPED_AT)) && r.includes(CLARIFICATION_REASON))).toBe(true);
    expect(errors).toEqual([]);
  });

  it("Verify names the clarification outcome when it is changed after sign-off", async () => {
    await page.getByRole("button", { name: "SV Clarifications" }).click();
    await page.getByRole("table", { name: "Sheet SV Clarifications" }).getByText(CLARIFICATION_REASON, { exact: true }).click();
    const bar = page.getByLabel("Formula bar");
    await bar.fill("Cura later said 12 people.");
    await bar.press("Enter");
    await pane.getByRole("tab", { name: "Moderation" }).click();
    await pane.getByRole("button", { name: "Verify the record" }).click();
    await pane.getByText("Changed since sign-off").waitFor();
    await expect(pane.getByRole("listitem").filter({ hasText: /^SV Clarifications:/ }).count()).resolves.toBe(1);
    await shot("verify-names-changed-clarification");
    expect(errors).toEqual([]);
  });
});
