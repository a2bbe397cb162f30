/**
 * The charts the award report writes are drawn, exported and imported (issue #19): in the
 * playground, load the sample tender, correct its planted unit mistake and build the award
 * report; its two charts (social value by theme, a stacked column; final scores, a clustered bar)
 * are drawn over the grid where the report put them, one bar per bidder and theme, their lengths
 * in proportion to the report's cells, and redrawn when a cell changes. The export holds them as
 * chart parts over the report's ranges; LibreOffice opens the file and keeps two charts; the file
 * imports back into a fresh playground with both charts drawn again. Screenshots, the export and
 * LibreOffice's files go to test-results/e2e/playground-charts/.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import type { Browser, Frame, Locator, Page } from "playwright-core";
import { buildPlayground, launchBrowser, runInWorkbook, screenshotDir, serve, watchErrors, xlsxToCsvs } from "./harness";

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
let pane: Frame;
let errors: string[];
const shots = screenshotDir("playground-charts");
const exported = join(shots, "report.xlsx");
let step = 0;

const REPORT = "SV Report";
const THEMES = "SV_ChartThemes";
const SCORES = "SV_ChartScores";
const SOFFICE = process.env.SV_SOFFICE ?? "soffice";

async function shot(on: Page | Locator, name: string): Promise<void> {
  step += 1;
  const path = join(shots, `${String(step).padStart(2, "0")}-${name}.png`);
  await ("goto" in on ? on.screenshot({ path, fullPage: true }) : on.screenshot({ path }));
}

/** Runs JavaScript as an Excel.run batch on a playground's workbook (harness.ts). */
const inWorkbook = <T>(on: Page, code: string): Promise<T> => runInWorkbook<T>(on, code);

interface ChartSeen {
  type: string | null;
  title: string;
  categories: string[];
  legend: string[];
  bars: { series: number; category: number; value: number; width: number; height: number }[];
}

/** What the page draws for a chart: its SVG's bars, category labels, legend and title. */
async function drawn(on: Page, name: string): Promise<ChartSeen> {
  const figure = on.locator(`figure[data-chart="${name}"]`);
  await figure.locator("svg rect[data-series]").first().waitFor();
  return figure.evaluate((f) => ({
    type: f.getAttribute("data-chart-type"),
    title: f.querySelector('[data-role="title"]')?.textContent ?? "",
    categories: [...f.querySelectorAll('[data-role="category"]')].map((t) => t.textContent ?? ""),
    legend: [...f.querySelectorAll('[data-role="legend"] text')].map((t) => t.textContent ?? ""),
    bars: [...f.querySelectorAll("svg rect[data-series]")].map((r) => ({
      series: Number(r.getAttribute("data-series")),
      category: Number(r.getAttribute("data-category")),
      value: Number(r.getAttribute("data-value")),
      width: Number(r.getAttribute("width")),
      height: Number(r.getAttribute("height")),
    })),
  }));
}

/** A chart's data as the workbook holds it: each series' name, the categories, each series' values, and the A1 ranges (values, categories) of each series. */
interface ChartSource {
  names: string[];
  categories: string[];
  values: unknown[][];
  ranges: string[][];
}

/** Each of the report's two charts' data, read through Office.js: the series' own ranges (getDimensionDataSourceString), then their cells. */
async function sources(on: Page): Promise<Record<string, ChartSource>> {
  return inWorkbook(
    on,
    `const sheet = context.workbook.worksheets.getItem("${REPORT}");
     const names = ["${THEMES}", "${SCORES}"];
     const series = names.map((n) => sheet.charts.getItem(n).series.load("items/name"));
     await context.sync();
     const strings = series.map((s) => s.items.map((i) => ["Values", "Categories"].map((d) => i.getDimensionDataSourceString(d))));
     await context.sync();
     const local = (address) => address.split("!")[1];
     const cells = strings.map((list) => ({
       categories: sheet.getRange(local(list[0][1].value)).load("values"),
       values: list.map(([v]) => sheet.getRange(local(v.value)).load("values")),
     }));
     await context.sync();
     const out = {};
     names.forEach((n, i) => {
       out[n] = {
         names: series[i].items.map((s) => s.name),
         categories: cells[i].categories.values.map((r) => String(r[0])),
         values: cells[i].values.map((r) => r.values.map((v) => v[0])),
         ranges: strings[i].map((pair) => pair.map((r) => r.value)),
       };
     });
     return out;`
  );
}

/** Every bar's length (height for columns, width for bars) over its value is the same: lengths are in proportion. */
function expectProportional(bars: ChartSeen["bars"], along: "height" | "width"): void {
  const measured = bars.filter((b) => b.value !== 0);
  expect(measured.length).toBeGreaterThan(0);
  const ratio = (measured[0]?.[along] ?? 0) / (measured[0]?.value ?? 1);
  expect(ratio).toBeGreaterThan(0);
  for (const b of measured) expect({ ...b, ratio: b[along] / b.value }).toEqual({ ...b, ratio: expect.closeTo(ratio, 6) });
  for (const b of bars.filter((bar) => bar.value === 0)) expect(b[along]).toBe(0);
}

/** The theme chart draws, for each bidder (a category) and theme (a series), a bar of that cell's value. */
function expectThemeChart(seen: ChartSeen, data: ChartSource): void {
  expect(seen.type).toBe("ColumnStacked");
  expect(seen.title).toBe("Social value by theme per bidder (£)");
  expect(seen.categories).toEqual(data.categories);
  expect(seen.legend).toEqual(data.names);
  expect(seen.bars).toHaveLength(data.categories.length * data.names.length);
  for (const b of seen.bars) expect({ bar: [b.series, b.category], value: b.value }).toEqual({ bar: [b.series, b.category], value: data.values[b.series]?.[b.category] });
  expectProportional(seen.bars, "height");
}

function expectScoreChart(seen: ChartSeen, data: ChartSource): void {
  expect(seen.type).toBe("BarClustered");
  expect(seen.title).toBe("Final social value scores (points)");
  expect(seen.categories).toEqual(data.categories);
  expect(seen.bars.map((b) => [b.category, b.value])).toEqual((data.values[0] ?? []).map((v, i) => [i, v]));
  expectProportional(seen.bars, "width");
}

/** Opens the playground and waits for the pane to boot. */
async function openPlayground(): Promise<{ page: Page; pane: Frame; errors: string[] }> {
  const p = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const e = watchErrors(p);
  await p.goto(`${server.url}/playground.html`);
  await p.frameLocator('iframe[title="Task pane"]').getByRole("tab", { name: "Set up" }).waitFor();
  return { page: p, pane: p.frames().find((f) => f.url().endsWith("playground-pane.html")) as Frame, errors: e };
}

/** Converts `file` with LibreOffice headless to .xlsx in `outDir`, with a private profile, and returns the new package. */
async function libreOfficeResave(file: string, outDir: string): Promise<JSZip> {
  const profile = mkdtempSync(join(tmpdir(), "sv-soffice-"));
  try {
    const result = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, file], { encoding: "utf8", timeout: 120_000 });
    if (result.error || result.status !== 0) throw new Error(`LibreOffice (${SOFFICE}) could not convert ${file}: ${result.error?.message ?? ""}${result.stderr}${result.stdout}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return JSZip.loadAsync(readFileSync(join(outDir, "report.xlsx")));
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

describe("the award report's charts", () => {
  let charts: Record<string, ChartSource>;
  const themes = (): ChartSource => charts[THEMES] as ChartSource;
  const scores = (): ChartSource => charts[SCORES] as ChartSource;

  it("builds the award report on the sample tender", async () => {
    await page.getByRole("button", { name: "Load sample tender" }).click();
    await page.getByText(/Loaded a sample tender/).waitFor();
    // The correction a panel would make (the sample's planted unit mistake holds a bid back): each commitment's unit as its measure counts it.
    await inWorkbook(
      page,
      `const column = (table, name) => context.workbook.tables.getItem(table).columns.getItem(name).getDataBodyRange().load("values");
       const measureRefs = column("SV_Measures", "Ref");
       const measureUnits = column("SV_Measures", "Unit");
       const refs = column("SV_Commitments", "Ref");
       const units = column("SV_Commitments", "Unit");
       await context.sync();
       const unitOf = new Map(measureRefs.values.map((r, i) => [String(r[0]), measureUnits.values[i][0]]));
       units.values = refs.values.map((r, i) => [unitOf.get(String(r[0])) ?? units.values[i][0]]);
       await context.sync();`
    );
    await pane.getByRole("tab", { name: "Report" }).click();
    const report = pane.getByRole("tabpanel", { name: "Report" });
    await report.getByRole("button", { name: "Build award report" }).click();
    await report.getByText(/Written to SV Report\. Highest score:/).waitFor();
    await page.getByRole("button", { name: REPORT }).click();
    await page.locator(`table[aria-label="Sheet ${REPORT}"]`).waitFor();
    charts = await sources(page);
    expect(themes().categories.length).toBeGreaterThan(1);
    expect(themes().names.length).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });

  it("draws the stacked column of social value by theme: a bar per bidder and theme, heights in proportion to the cells", async () => {
    const seen = await drawn(page, THEMES);
    expectThemeChart(seen, themes());
    // The charts float to the right of the report's tables: scroll the grid to them, as a user would.
    await page.locator(`figure[data-chart="${THEMES}"]`).scrollIntoViewIfNeeded();
    await shot(page, "report-with-charts");
    await shot(page.locator(`figure[data-chart="${THEMES}"]`), "themes-chart");
  });

  it("draws the clustered bar of final scores: a bar per bidder, lengths in proportion to the scores", async () => {
    expectScoreChart(await drawn(page, SCORES), scores());
    await page.locator(`figure[data-chart="${SCORES}"]`).scrollIntoViewIfNeeded();
    await shot(page.locator(`figure[data-chart="${SCORES}"]`), "scores-chart");
  });

  it("sits where the report put it, over cells J4 to Q20 and J22 to Q36", async () => {
    const box = async (selector: string) => (await page.locator(selector).boundingBox()) ?? { x: NaN, y: NaN, width: NaN, height: NaN };
    const cell = (address: string) => `table[aria-label="Sheet ${REPORT}"] td[data-address="${address}"]`;
    const chart = await box(`figure[data-chart="${THEMES}"]`);
    const [j4, q20] = [await box(cell("J4")), await box(cell("Q20"))];
    expect(chart.x).toBeCloseTo(j4.x, 0);
    expect(chart.y).toBeCloseTo(j4.y, 0);
    expect(chart.x + chart.width).toBeCloseTo(q20.x + q20.width, 0);
    expect(chart.y + chart.height).toBeCloseTo(q20.y + q20.height, 0);
  });

  it("is redrawn when a source cell changes", async () => {
    const before = await drawn(page, THEMES);
    const original = Number(themes().values[0]?.[0]);
    const doubled = original * 2;
    const address = themes().ranges[0]?.[0]?.split("!")[1]?.split(":")[0]?.replace(/\$/g, "") as string;
    await inWorkbook(page, `context.workbook.worksheets.getItem("${REPORT}").getRange("${address}").values = [[${doubled}]]; await context.sync();`);
    await page.waitForFunction((value) => document.querySelector(`figure[data-chart="SV_ChartThemes"] rect[data-series="0"][data-category="0"]`)?.getAttribute("data-value") === String(value), doubled);
    const after = await drawn(page, THEMES);
    expectProportional(after.bars, "height");
    const bar = (seen: ChartSeen) => seen.bars.find((b) => b.series === 0 && b.category === 0);
    expect(bar(after)?.value).toBe(doubled);
    // Against the next bidder's bar of the same theme, the changed bar is now twice as tall as it was.
    const relative = (seen: ChartSeen) => (bar(seen)?.height ?? NaN) / (seen.bars.find((b) => b.series === 0 && b.category === 1)?.height ?? NaN);
    expect(relative(after)).toBeCloseTo(2 * relative(before), 6);
    await shot(page.locator(`figure[data-chart="${THEMES}"]`), "themes-chart-first-cell-doubled");
    // Back as the report wrote it, for the export.
    await inWorkbook(page, `context.workbook.worksheets.getItem("${REPORT}").getRange("${address}").values = [[${original}]]; await context.sync();`);
    await page.waitForFunction((value) => document.querySelector(`figure[data-chart="SV_ChartThemes"] rect[data-series="0"][data-category="0"]`)?.getAttribute("data-value") === String(value), original);
    expect(errors).toEqual([]);
  });

  it("exports both charts as chart parts over the report's ranges, and the notice leaves nothing out", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export .xlsx" }).click()]);
    await download.saveAs(exported);
    const status = page.getByRole("status").getByText(/^Exported the workbook as evaluation\.xlsx\./);
    await status.waitFor();
    expect(await status.textContent()).not.toMatch(/not in the file/);

    const zip = await JSZip.loadAsync(readFileSync(exported));
    const parts = zip.file(/^xl\/charts\/chart\d+\.xml$/);
    expect(parts).toHaveLength(2);
    const charts = await Promise.all(parts.map(async (p) => (await p.async("string")) ?? ""));
    const formulas = (xml: string, within: "val" | "cat") => [...xml.matchAll(new RegExp(`<c:${within}>[\\s\\S]*?<c:f>([^<]*)</c:f>`, "g"))].map((m) => (m[1] ?? "").replace(/&apos;/g, "'"));
    const themePart = charts.find((x) => x.includes('<c:barDir val="col"/>')) ?? "";
    const scorePart = charts.find((x) => x.includes('<c:barDir val="bar"/>')) ?? "";
    expect(themePart).toContain('<c:grouping val="stacked"/>');
    expect(scorePart).toContain('<c:grouping val="clustered"/>');
    expect(formulas(themePart, "val")).toEqual(themes().ranges.map(([values]) => values));
    expect(formulas(themePart, "cat")).toEqual(themes().ranges.map(([, categories]) => categories));
    expect(formulas(scorePart, "val")).toEqual(scores().ranges.map(([values]) => values));

    // The report's sheet points at a drawing that anchors both charts, by name.
    const drawing = (await zip.file(/^xl\/drawings\/drawing\d+\.xml$/)[0]?.async("string")) ?? "";
    expect([...drawing.matchAll(/<xdr:cNvPr id="\d+" name="([^"]+)"/g)].map((m) => m[1])).toEqual([THEMES, SCORES]);
    const sheets = await Promise.all(zip.file(/^xl\/worksheets\/sheet\d+\.xml$/).map((f) => f.async("string")));
    expect(sheets.filter((s) => s.includes("<drawing r:id="))).toHaveLength(1);
    await shot(page, "exported");
  });

  it("opens cleanly in LibreOffice, which keeps both charts over the same ranges", async () => {
    const csvDir = join(shots, "csv");
    mkdirSync(csvDir, { recursive: true });
    const csvs = xlsxToCsvs(exported, csvDir);
    const report = csvs[REPORT] as string[][];
    for (const bidder of themes().categories) expect(report.some((r) => r[0] === bidder)).toBe(true);
    expect(report.flat().filter((cell) => /^(#|Err:)/.test(cell))).toEqual([]);

    const resaved = await libreOfficeResave(exported, mkdtempSync(join(shots, "libreoffice-")));
    const charts = await Promise.all(resaved.file(/^xl\/charts\/chart\d+\.xml$/).map((f) => f.async("string")));
    expect(charts).toHaveLength(2);
    const all = charts.join("").replace(/&apos;/g, "'");
    for (const [values, categories] of [...themes().ranges, ...scores().ranges]) {
      expect(all).toContain(`<c:f>${values}</c:f>`);
      expect(all).toContain(`<c:f>${categories}</c:f>`);
    }
    expect(charts.some((c) => /<c:barDir val="col"\/>[\s\S]*<c:grouping val="stacked"\/>/.test(c))).toBe(true);
    expect(charts.some((c) => /<c:barDir val="bar"\/>[\s\S]*<c:grouping val="clustered"\/>/.test(c))).toBe(true);
  });

  it("imports back into a fresh playground with both charts drawn again", async () => {
    const fresh = await openPlayground();
    await fresh.page.getByLabel("Import .xlsx file").setInputFiles(exported);
    const status = fresh.page.getByRole("status").getByText(/^Imported \d+ sheet\(s\) from "report\.xlsx"/);
    await status.waitFor();
    expect(await status.textContent()).toMatch(/and 2 chart\(s\)\./);
    expect(await status.textContent()).not.toMatch(/Not kept/);
    await fresh.page.getByRole("button", { name: REPORT }).click();
    await expect(fresh.page.locator("figure[data-chart]").count()).resolves.toBe(2);
    expect(await sources(fresh.page)).toEqual(charts);
    expectThemeChart(await drawn(fresh.page, THEMES), themes());
    expectScoreChart(await drawn(fresh.page, SCORES), scores());
    await fresh.page.locator(`figure[data-chart="${THEMES}"]`).scrollIntoViewIfNeeded();
    await shot(fresh.page, "imported-with-charts");
    await shot(fresh.page.locator(`figure[data-chart="${THEMES}"]`), "imported-themes-chart");
    expect(fresh.errors).toEqual([]);
  });
});
