/**
 * The evaluation in a browser, as an evaluator would do it: in the playground, choose the
 * Essex framework, insert the workbook, load the sample bids, validate, go to the unit
 * mistake, fix it in the formula bar, validate again, and score. A screenshot of each step
 * is written to test-results/e2e/evaluation/.
 */
import { join } from "path";
import type { Browser, Frame, Page } from "playwright-core";
import { buildPlayground, launchBrowser, screenshotDir, serve, watchErrors } from "./harness";

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
let pane: Frame;
let errors: string[];
const shots = screenshotDir("evaluation");
let step = 0;

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
  it("sets up an Essex tender and inserts the evaluation sheets", async () => {
    await pane.getByLabel("Framework").selectOption({ label: "Essex County Council (ECC TOMs)" });
    // Every measure in scope: open each theme and tick its outcomes' "Select all".
    const themes = pane.locator('button[aria-expanded="false"]');
    while ((await themes.count()) > 0) await themes.first().click();
    const selectAll = pane.getByRole("checkbox", { name: "Select all" });
    for (let i = 0; i < (await selectAll.count()); i++) await selectAll.nth(i).check();
    await pane.getByLabel(/Contract name/).fill("Home care, Harlow");
    await pane.getByLabel(/Contract value/).fill("2,000,000");
    await shot("setup");
    await pane.getByRole("button", { name: "Insert evaluation sheets" }).click();
    await page.getByRole("button", { name: "SV Measures" }).waitFor();
    await shot("inserted");
    await page.getByRole("button", { name: "SV Measures" }).click();
    await expect(page.getByRole("table", { name: "Sheet SV Measures" }).getByText("ECC39", { exact: true }).count()).resolves.toBe(1);
  });

  it("loads the sample bids into SV Commitments", async () => {
    await page.getByRole("button", { name: "Load sample bids" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toMatch(/Loaded \d+ sample commitments/);
    await expect(page.getByRole("table", { name: "Sheet SV Commitments" }).getByText("Birch Homes").first().isVisible()).resolves.toBe(true);
    await shot("sample-bids");
  });

  it("finds the unit mistake and goes to its cell", async () => {
    await pane.getByRole("tab", { name: "Validate" }).click();
    await pane.getByRole("button", { name: "Validate commitments" }).click();
    const finding = pane.getByRole("button", { name: /SV108/ });
    await finding.first().waitFor();
    await shot("validated");
    await finding.first().click();
    await expect(page.getByLabel("Selected cell").textContent()).resolves.toMatch(/^[A-Z]+\d+$/);
    await shot("went-to-cell");
  });

  it("accepts the fix typed in the formula bar and validates clean", async () => {
    const bar = page.getByLabel("Formula bar");
    await bar.fill("hours");
    await bar.press("Enter");
    await pane.getByRole("button", { name: "Validate again" }).click();
    await pane.getByText(/no (errors|problems)/i).first().waitFor();
    await expect(pane.getByRole("button", { name: /SV108/ }).count()).resolves.toBe(0);
    await shot("fixed");
  });

  it("scores the three bidders", async () => {
    await pane.getByRole("tab", { name: "Scores" }).click();
    await pane.getByRole("button", { name: "Refresh scores" }).click();
    for (const bidder of ["Acme Care Ltd", "Birch Homes", "Cura Partnership"]) {
      await pane.getByRole("cell", { name: bidder }).waitFor();
    }
    await shot("scores");
    expect(errors).toEqual([]);
  });
});
