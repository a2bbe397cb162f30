/**
 * The council's portfolio in a browser (issue #20): three evaluations built through the real
 * journey and signed off, and a fourth changed after its sign-off, saved as .xlsx; in a blank
 * playground workbook the Council portfolio page gathers the four at once, leaves the changed one
 * out with its reason, includes it when given a reason and a name, and writes the dashboard,
 * whose charts are read back against the portfolio's own tables; a figure the contract manager
 * types in the portfolio survives the next gather. Screenshots and the signed workbooks go to
 * test-results/e2e/portfolio/.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import type { Browser, Frame, Page } from "playwright-core";
import { buildPlayground, launchBrowser, runInWorkbook, screenshotDir, serve, watchErrors } from "./harness";
import { aSignedTender, editAfterSignOff, xlsxOf } from "../forms/signedEvaluationSupport";
import { TABLES } from "../../src/core/shared/layout";

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
let pane: Frame;
let errors: string[];
const shots = screenshotDir("portfolio");
let step = 0;

const SIGNED = [
  { file: "Domiciliary care.xlsx", tenderId: "T-2026-0101", contractName: "Domiciliary care, north locality", contractValue: 1_000_000 },
  { file: "Street lighting.xlsx", tenderId: "T-2026-0202", contractName: "Street lighting", contractValue: 6_000_000 },
  { file: "Library cleaning.xlsx", tenderId: "T-2026-0303", contractName: "Library cleaning", contractValue: 400_000 },
] as const;
const CHANGED = "Parks maintenance.xlsx";
const REASON = "Quantity corrected at clarification, minuted by the panel on 2 April";
const files: string[] = [];

async function shot(name: string): Promise<void> {
  step += 1;
  await page.screenshot({ path: join(shots, `${String(step).padStart(2, "0")}-${name}.png`), fullPage: true });
}

/** Runs JavaScript as an Excel.run batch on the playground's workbook (harness.ts). */
const inWorkbook = <T>(code: string): Promise<T> => runInWorkbook<T>(page, code);

interface ChartSeen {
  title: string;
  categories: string[];
  legend: string[];
  bars: { series: number; category: number; value: number }[];
}

/** What the playground draws for a chart: its title, category labels, legend and bars' values. */
async function drawn(name: string): Promise<ChartSeen> {
  const figure = page.locator(`figure[data-chart="${name}"]`);
  // Attached, not visible: a bar of 0 (no contract behind) is drawn with no height.
  await figure.locator("svg rect[data-series]").first().waitFor({ state: "attached" });
  return figure.evaluate((f) => ({
    title: f.querySelector('[data-role="title"]')?.textContent ?? "",
    categories: [...f.querySelectorAll('[data-role="category"]')].map((t) => t.textContent ?? ""),
    legend: [...f.querySelectorAll('[data-role="legend"] text')].map((t) => t.textContent ?? ""),
    bars: [...f.querySelectorAll("svg rect[data-series]")].map((r) => ({
      series: Number(r.getAttribute("data-series")),
      category: Number(r.getAttribute("data-category")),
      value: Number(r.getAttribute("data-value")),
    })),
  }));
}

/** A PF_ table's rows as records by header, read through Office.js in the page. */
async function tableRows(name: string): Promise<Record<string, unknown>[]> {
  return inWorkbook<Record<string, unknown>[]>(
    `const t = context.workbook.tables.getItem("${name}");
     const h = t.getHeaderRowRange().load("values"); const b = t.getDataBodyRange().load("values");
     await context.sync();
     return b.values.map((r) => Object.fromEntries(h.values[0].map((k, i) => [k, r[i]])));`,
  );
}

beforeAll(async () => {
  // The signed workbooks, built in Node through the journey the unit tests use (sign-off included).
  for (const s of SIGNED) {
    const path = join(shots, s.file);
    writeFileSync(path, await xlsxOf((await aSignedTender({ tenderId: s.tenderId, contractName: s.contractName, contractValue: s.contractValue })).fake));
    files.push(path);
  }
  const edited = await aSignedTender({ tenderId: "T-2026-0404", contractName: "Parks maintenance" });
  await editAfterSignOff(edited.run, TABLES.commitments, "Acme Ltd", "ILL1", "Quantity", 60);
  writeFileSync(join(shots, CHANGED), await xlsxOf(edited.fake));
  files.push(join(shots, CHANGED));

  const dir = await buildPlayground();
  server = await serve(dir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  errors = watchErrors(page);
  await page.goto(`${server.url}/playground.html`);
  await page.frameLocator('iframe[title="Task pane"]').getByRole("tab", { name: "Set up" }).waitFor();
  pane = page.frames().find((f) => f.url().endsWith("playground-pane.html")) as Frame;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the council's portfolio in the playground", () => {
  it("gathers three signed evaluations at once and leaves out the one changed after sign-off, saying why", async () => {
    await pane.getByRole("button", { name: "Council portfolio" }).click();
    await pane.getByRole("heading", { name: "Council portfolio" }).waitFor();
    await pane.getByLabel("Signed evaluation workbooks (.xlsx)").setInputFiles(files);
    await pane.getByText(/Gathered 3 of 4 files; 1 file left out/).waitFor({ timeout: 60_000 });
    const list = pane.getByRole("list", { name: "What became of each file" });
    for (const s of SIGNED) await list.getByText(`${s.file}: gathered (Signed and intact)`).waitFor();
    await list.getByText(`${CHANGED}: left out (Changed since sign-off)`).waitFor();
    await list.getByText(/Quantity was 6, now 60/).waitFor();
    await shot("gathered-three");

    const contracts = await tableRows("PF_Contracts");
    expect(contracts.map((c) => [c.TenderKey, c.Contract, c.ContractValue]).sort()).toEqual(SIGNED.map((s) => [s.tenderId, s.contractName, s.contractValue]).sort());
  });

  it("includes the changed one only with a reason and a name, recorded in PF_Sources", async () => {
    await pane.getByRole("button", { name: "Include with a reason…" }).click();
    const form = pane.getByRole("form", { name: `Include ${CHANGED}` });
    await form.getByRole("button", { name: "Include and gather it" }).click();
    await form.getByText("Give the reason: a file is included only with one.").waitFor();
    await form.getByRole("textbox", { name: /Why include it/ }).fill(REASON);
    await form.getByRole("textbox", { name: /Your name/ }).fill("Dee Lead");
    await shot("include-with-reason");
    await form.getByRole("button", { name: "Include and gather it" }).click();
    await pane.getByText(`Included "${CHANGED}" with your reason, recorded in PF Sources with your name and the time.`).waitFor({ timeout: 60_000 });
    const sources = await tableRows("PF_Sources");
    expect(sources.find((s) => s.File === CHANGED)).toMatchObject({ Included: "Yes", AcceptedReason: REASON, AcceptedBy: "Dee Lead" });
    expect(await tableRows("PF_Contracts")).toHaveLength(4);
    expect(errors).toEqual([]);
  });

  it("draws the dashboard: committed and delivered by theme equal to PF_Totals, and four charts on one printed page", async () => {
    await page.getByRole("navigation", { name: "Sheets" }).getByRole("button", { name: "PF Dashboard" }).click();
    await page.locator('table[aria-label="Sheet PF Dashboard"]').waitFor();
    const themes = await drawn("PF_ChartThemes");
    expect(themes.title).toBe("Committed and delivered by theme (£)");
    expect(themes.legend).toEqual(["Committed £", "Delivered £"]);
    const totals = (await tableRows("PF_Totals")).filter((t) => t.By === "Theme" && Number(t.CommittedValue) > 0);
    expect([...themes.categories].sort()).toEqual(totals.map((t) => String(t.Group)).sort());
    for (const t of totals) {
      const category = themes.categories.indexOf(String(t.Group));
      expect(themes.bars.find((b) => b.series === 0 && b.category === category)?.value).toBeCloseTo(Number(t.CommittedValue), 2);
    }
    expect((await drawn("PF_ChartYears")).bars.length).toBeGreaterThan(0);
    // Every contract is behind, on track or ahead: the status bars add up to the contracts.
    const status = await drawn("PF_ChartStatus");
    expect(status.categories).toEqual(["Behind", "On track", "Ahead"]);
    expect(status.bars.reduce((sum, b) => sum + b.value, 0)).toBe((await tableRows("PF_Contracts")).length);
    const offers = await drawn("PF_ChartOffers");
    const offerRows = await tableRows("PF_Offers");
    expect(offers.bars.reduce((sum, b) => sum + b.value, 0)).toBe(offerRows.filter((o) => o.InLatestGather !== "No").length);
    const layout = await inWorkbook<{ orientation: string; zoom: { horizontalFitToPages?: number; verticalFitToPages?: number } }>(
      `const l = context.workbook.worksheets.getItem("PF Dashboard").pageLayout.load("orientation,zoom"); await context.sync(); return { orientation: l.orientation, zoom: l.zoom };`,
    );
    expect(layout).toEqual({ orientation: "Landscape", zoom: expect.objectContaining({ horizontalFitToPages: 1, verticalFitToPages: 1 }) });
    // Wide enough to show the blocks and all four charts beside the pane.
    await page.setViewportSize({ width: 2200, height: 1100 });
    await shot("dashboard");
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it("keeps a delivered figure typed in the portfolio when the same files are gathered again, duplicating nothing", async () => {
    const before = await tableRows("PF_Commitments");
    const target = before.find((c) => c.Ref === "ILL9" && c.Supplier === "Acme Ltd" && String(c.TenderKey) === SIGNED[1].tenderId)!;
    await inWorkbook(
      `const t = context.workbook.tables.getItem("PF_Commitments");
       const h = t.getHeaderRowRange().load("values"); const b = t.getDataBodyRange().load("values"); await context.sync();
       const col = h.values[0].indexOf("Delivered"); const key = h.values[0].indexOf("CommitmentKey");
       const row = b.values.findIndex((r) => r[key] === ${JSON.stringify(target.CommitmentKey)});
       t.getDataBodyRange().getCell(row, col).values = [[77]]; await context.sync();`,
    );
    await pane.getByLabel("Signed evaluation workbooks (.xlsx)").setInputFiles(files.slice(0, 3));
    await pane.getByText(/Gathered 3 of 3 files\./).waitFor({ timeout: 60_000 });
    const after = await tableRows("PF_Commitments");
    expect(after).toHaveLength(before.length);
    expect(after.find((c) => c.CommitmentKey === target.CommitmentKey)?.Delivered).toBe(77);
    expect(errors).toEqual([]);
  });
});
