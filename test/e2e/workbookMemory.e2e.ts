/**
 * The workbook is the pane's memory, in a browser: the pane is open on Set up, empty, when
 * "Load sample tender" inserts the evaluation from outside the pane (as a co-author would).
 * Without reopening anything, Set up shows the tender the workbook now holds (the illustrative
 * framework, the sample contract, its settings) and its form is filled from SV Setup, instead
 * of "Choose a framework…". Screenshots go to test-results/e2e/workbook-memory/.
 */
import { join } from "path";
import type { Browser, Frame, Page } from "playwright-core";
import { buildPlayground, launchBrowser, screenshotDir, serve, watchErrors } from "./harness";
import { ILLUSTRATIVE } from "../../src/core";
import { SAMPLE_SETTINGS } from "../../playground/sampleTender";

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
let pane: Frame;
let errors: string[];
const shots = screenshotDir("workbook-memory");

beforeAll(async () => {
  const dir = await buildPlayground();
  server = await serve(dir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  errors = watchErrors(page);
  await page.goto(`${server.url}/playground.html`);
  await page.frameLocator('iframe[title="Task pane"]').getByRole("tab", { name: "Set up" }).waitFor();
  pane = page.frames().find((f) => f.url().endsWith("playground-pane.html")) as Frame;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the pane after Load sample tender", () => {
  it("starts on an empty Set up: no evaluation in the workbook yet", async () => {
    await expect(pane.getByLabel("Framework").inputValue()).resolves.toBe("");
    await expect(pane.getByText("This workbook's evaluation").count()).resolves.toBe(0);
    await page.screenshot({ path: join(shots, "01-before.png") });
  });

  it("shows the sample tender on Set up, without reopening the pane or changing tab", async () => {
    await page.getByRole("button", { name: "Load sample tender" }).click();
    await page.getByRole("status").filter({ hasText: /^Loaded a sample tender/ }).waitFor();
    // Excel's "sheets added" event, or the next read, brings the workbook's tender in.
    const settings = pane.getByLabel("Settings on SV Setup");
    await settings.waitFor({ timeout: 15_000 });
    await expect(settings.getByText(ILLUSTRATIVE.name, { exact: true }).count()).resolves.toBe(1);
    await expect(settings.getByText(SAMPLE_SETTINGS.contractName, { exact: true }).count()).resolves.toBe(1);
    await expect(settings.getByText("£1,500,000").count()).resolves.toBeGreaterThan(0);
    await expect(settings.getByText(SAMPLE_SETTINGS.evaluators.join(", "), { exact: true }).count()).resolves.toBe(1);
    // The form is the workbook's too: the framework chosen, the contract named.
    await expect(pane.getByLabel("Framework").inputValue()).resolves.toBe(ILLUSTRATIVE.id);
    await expect(pane.getByLabel(/Contract name/).inputValue()).resolves.toBe(SAMPLE_SETTINGS.contractName);
    await page.screenshot({ path: join(shots, "02-after-sample-tender.png") });
  });

  it("raised no page error and used nothing the Excel host lacks", () => {
    expect(errors).toEqual([]);
  });
});
