/**
 * The README's first evaluation in a browser, as a newcomer would do it: in the playground,
 * choose the illustrative measure set (the one framework whose every measure carries a proxy,
 * so the £ mean something without a council's licensed table), insert the workbook, load the
 * sample bids, validate, go to the unit mistake, type the unit the finding names, validate
 * again, score, and export the workbook to .xlsx, which LibreOffice must open with the same
 * numbers. The expected £ and ranks are worked out here from the sample bids and the
 * framework's proxies. A screenshot of each step, the .xlsx and LibreOffice's CSVs are written
 * to test-results/e2e/evaluation/.
 */
import { mkdirSync } from "fs";
import { join } from "path";
import type { Browser, Frame, Page } from "playwright-core";
import { buildPlayground, launchBrowser, screenshotDir, serve, watchErrors, xlsxToCsvs } from "./harness";
import { formatGBP, ILLUSTRATIVE, measureTableFromFramework } from "../../src/core";
import { SAMPLE_BIDDERS, sampleBids } from "../../playground/sampleBidData";

/** What the sample bids are worth at the illustrative proxies, worked out here, bidder → £. */
const EXPECTED_VALUE = (() => {
  const measures = measureTableFromFramework(ILLUSTRATIVE);
  const proxy = new Map(measures.map((m) => [m.ref, m.proxy ?? 0]));
  const { forms } = sampleBids({ tenderId: "T", measures, criteria: [] });
  return new Map(forms.map((f) => [f.bidder, f.commitments.reduce((sum, c) => sum + Number(c.quantity) * (proxy.get(c.ref) ?? 0), 0)]));
})();
const PLANTED = sampleBids({ tenderId: "T", measures: measureTableFromFramework(ILLUSTRATIVE), criteria: [] }).mistake;

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
let pane: Frame;
let errors: string[];
const shots = screenshotDir("evaluation");
let step = 0;
/** What the pane's score table showed, bidder → its "Social value" cell ("£12,345.60"). */
const shownValues = new Map<string, string>();
let sampleRows = 0;
/** The unit the SV108 finding names. */
let named = "";
/** Every script the page fetched, to show ExcelJS is loaded only when export is clicked. */
const scripts: string[] = [];

async function shot(name: string): Promise<void> {
  step += 1;
  await page.screenshot({ path: join(shots, `${String(step).padStart(2, "0")}-${name}.png`) });
}

beforeAll(async () => {
  const dir = await buildPlayground();
  server = await serve(dir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  errors = watchErrors(page);
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto(`${server.url}/playground.html`);
  const frame = page.frameLocator('iframe[title="Task pane"]');
  await frame.getByRole("tab", { name: "Set up" }).waitFor();
  pane = page.frames().find((f) => f.url().endsWith("playground-pane.html")) as Frame;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("an evaluation in the playground", () => {
  it("sets up a tender on the illustrative measures and inserts the evaluation sheets", async () => {
    await pane.getByLabel("Framework").selectOption({ label: ILLUSTRATIVE.name });
    // Every measure in scope: open each theme and tick its outcomes' "Select all".
    const themes = pane.locator('button[aria-expanded="false"]');
    // The framework's themes render after the choice: counting them before then found none and
    // left every measure out of scope (an intermittent failure two steps later).
    await themes.first().waitFor();
    while ((await themes.count()) > 0) await themes.first().click();
    const selectAll = pane.getByRole("checkbox", { name: "Select all" });
    for (let i = 0; i < (await selectAll.count()); i++) await selectAll.nth(i).check();
    await pane.getByLabel(/Contract name/).fill("Home care, Harlow");
    await pane.getByLabel(/Contract value/).fill("2,000,000");
    await pane.getByLabel("VAT in the contract value").selectOption({ label: "Excluding VAT" });
    await pane.getByLabel("Procurement began").fill("2026-03-02");
    await shot("setup");
    await pane.getByRole("button", { name: "Insert evaluation sheets" }).click();
    await page.getByRole("button", { name: "SV Measures" }).waitFor();
    // The sheet tabs appear as the first sheet is added; the pane's outcome line waits for the whole insert.
    await pane.getByText("Evaluation sheets inserted", { exact: true }).waitFor();
    await shot("inserted");
    await page.getByRole("button", { name: "SV Measures" }).click();
    const ill1 = page.getByRole("table", { name: "Sheet SV Measures" }).getByText("ILL1", { exact: true });
    // The grid draws the sheet after its tab is chosen.
    await ill1.first().waitFor();
    await expect(ill1.count()).resolves.toBe(1);
  });

  it("loads the sample bids into SV Commitments", async () => {
    await page.getByRole("button", { name: "Load sample bids" }).click();
    const status = (await page.getByRole("status").textContent()) ?? "";
    expect(status).toMatch(/^Loaded \d+ commitments and \d+ written answers from three sample bidders\. One commitment has a unit mistake/);
    sampleRows = Number(/Loaded (\d+)/.exec(status)?.[1]);
    await expect(page.getByRole("table", { name: "Sheet SV Commitments" }).getByText("Birch Homes").first().isVisible()).resolves.toBe(true);
    await shot("sample-bids");
  });

  it("finds the unit mistake and goes to its cell", async () => {
    await pane.getByRole("tab", { name: "Validate" }).click();
    await pane.getByRole("button", { name: "Validate commitments" }).click();
    const finding = pane.getByRole("button", { name: /SV108/ });
    await finding.first().waitFor();
    await expect(finding.count()).resolves.toBe(1);
    // The README's fix: type the unit the finding names.
    named = /which is counted in ([^.]+)\./.exec((await finding.first().textContent()) ?? "")?.[1] ?? "";
    expect(named).toBe(PLANTED?.expected);
    await shot("validated");
    await finding.first().click();
    await expect(page.getByLabel("Selected cell").textContent()).resolves.toMatch(/^[A-Z]+\d+$/);
    await shot("went-to-cell");
  });

  it("accepts the fix typed in the formula bar and validates clean", async () => {
    const bar = page.getByLabel("Formula bar");
    await bar.fill(named);
    await bar.press("Enter");
    await pane.getByRole("button", { name: "Validate again" }).click();
    await pane.getByText(/no (errors|problems)/i).first().waitFor();
    await expect(pane.getByRole("button", { name: /SV108/ }).count()).resolves.toBe(0);
    await shot("fixed");
  });

  it("scores the three bidders", async () => {
    await pane.getByRole("tab", { name: "Scores" }).click();
    await pane.getByRole("button", { name: "Refresh scores" }).click();
    for (const bidder of SAMPLE_BIDDERS) {
      await pane.getByRole("cell", { name: bidder }).waitFor();
    }
    for (const bidder of SAMPLE_BIDDERS) {
      const row = pane.getByRole("row").filter({ has: pane.getByRole("cell", { name: bidder, exact: true }) });
      shownValues.set(bidder, (await row.getByRole("cell").nth(2).textContent()) ?? "");
    }
    expect([...shownValues.values()].every((v) => /^£[\d,]+(\.\d\d)?$/.test(v))).toBe(true);
    // What a newcomer can believe: each bid's £ is its quantities × the proxies, no two bids tie,
    // and the ranks follow the £ (relative scoring: the highest bid takes the commitments' points).
    for (const [bidder, value] of EXPECTED_VALUE) {
      expect({ bidder, shown: shownValues.get(bidder) }).toEqual({ bidder, shown: formatGBP(value) });
    }
    expect(new Set(EXPECTED_VALUE.values()).size).toBe(SAMPLE_BIDDERS.length);
    const byValue = [...EXPECTED_VALUE].sort((a, b) => b[1] - a[1]).map(([bidder]) => bidder);
    const rows = pane.getByRole("table", { name: "Scores by bidder, in rank order" }).getByRole("row");
    const shownOrder = (await rows.allTextContents()).slice(1).map((text) => SAMPLE_BIDDERS.find((b) => text.includes(b)));
    expect(shownOrder).toEqual(byValue);
    await shot("scores");
    expect(errors).toEqual([]);
  });

  it("exports an .xlsx that LibreOffice opens with the scores the pane showed", async () => {
    expect(scripts.filter((url) => /exceljs/.test(url))).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export .xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("evaluation.xlsx");
    const file = join(shots, "evaluation.xlsx");
    await download.saveAs(file);
    await page.getByRole("status").filter({ hasText: "Exported the workbook as evaluation.xlsx." }).waitFor();
    expect(scripts.filter((url) => /exceljs/.test(url))).toHaveLength(1);
    const csvDir = join(shots, "csv");
    mkdirSync(csvDir, { recursive: true });
    const sheets = xlsxToCsvs(file, csvDir);
    expect(Object.keys(sheets)).toEqual(expect.arrayContaining(["SV Setup", "SV Measures", "SV Commitments", "SV Scores"]));

    // SV Scores: each bidder's row has the social value the pane showed, from the cached formula result.
    const scores = sheets["SV Scores"] as string[][];
    const scoresHeader = scores.findIndex((r) => r[0] === "Bidder");
    const valueColumn = (scores[scoresHeader] ?? []).indexOf("Value");
    expect(valueColumn).toBeGreaterThan(0);
    for (const [bidder, shown] of shownValues) {
      const row = scores.slice(scoresHeader + 1).find((r) => r[0] === bidder);
      // LibreOffice shows an error (#NAME?, Err:507) where it could not use a formula's cached result.
      expect((row ?? []).filter((cell) => /^(#|Err:)/.test(cell))).toEqual([]);
      const value = Number(row?.[valueColumn]);
      expect({ bidder, value: `£${value.toLocaleString("en-GB", { maximumFractionDigits: 2, minimumFractionDigits: Number.isInteger(value) ? 0 : 2 })}` }).toEqual({ bidder, value: shown });
    }

    // SV Commitments: every sample commitment, with the unit fixed in the formula bar and a computed value.
    const commitments = sheets["SV Commitments"] as string[][];
    const header = commitments.findIndex((r) => r[0] === "Bidder");
    const cols = commitments[header] ?? [];
    const rows = commitments.slice(header + 1).filter((r) => (r[0] ?? "") !== "");
    expect(rows).toHaveLength(sampleRows);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["Acme Care Ltd", "Birch Homes", "Cura Partnership"]));
    // The planted mistake is fixed with the unit the finding named.
    const fixed = rows.find((r) => r[0] === PLANTED?.bidder && r[cols.indexOf("Ref")] === PLANTED?.ref);
    expect(fixed?.[cols.indexOf("Unit")]).toBe(named);
    for (const r of rows) expect(Number(r[cols.indexOf("Quantity")])).toBeGreaterThan(0);
    expect(rows.flat().filter((cell) => /^(#|Err:)/.test(cell))).toEqual([]);
    expect(rows.some((r) => Number(r[cols.indexOf("Value")]) > 0)).toBe(true);
    expect(errors).toEqual([]);
  });

  it("imports the exported .xlsx back, formulas and formats with it, after asking", async () => {
    const input = page.getByLabel("Import .xlsx file");
    await input.setInputFiles({ name: "bids.csv", mimeType: "text/csv", buffer: Buffer.from("Bidder,Value\n") });
    await page.getByRole("status").filter({ hasText: '"bids.csv" is not an .xlsx file. Choose an Excel workbook saved as .xlsx.' }).waitFor();
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await input.setInputFiles(join(shots, "evaluation.xlsx"));
    await page.getByRole("status").filter({ hasText: /^Imported 11 sheet\(s\) from "evaluation.xlsx": \d+ values, \d+ formulas, with tables/ }).waitFor();
    expect(asked).toEqual([expect.stringMatching(/^Replace every sheet of this workbook/)]);
    await page.getByRole("button", { name: "SV Scores" }).click();
    const grid = page.getByRole("table", { name: "Sheet SV Scores" });
    await expect(grid.locator('td[data-address="A4"]').textContent()).resolves.toBe("Acme Care Ltd");
    // The £ format came back with the value: the grid shows the pane's figure, in pounds and pence.
    const pounds = (text: string | null | undefined) => Number((text ?? "").replace(/[£,]/g, ""));
    const shown = await grid.locator('td[data-address="B4"]').textContent();
    expect(shown).toMatch(/^£[\d,]+\.\d\d$/);
    expect(pounds(shown)).toBe(pounds(shownValues.get("Acme Care Ltd")));
    await shot("imported");
    expect(errors).toEqual([]);
  });
});
