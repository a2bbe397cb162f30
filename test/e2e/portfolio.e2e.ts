/**
 * The council's portfolio in a browser (issue #20): three evaluations built through the real
 * journey and signed off, and a fourth changed after its sign-off, saved as .xlsx; in a blank
 * playground workbook the Council portfolio page gathers the four at once, leaves the changed one
 * out with its reason, includes it when given a reason and a name, and writes the dashboard,
 * whose charts are read back against the portfolio's own tables. Screenshots and the signed
 * workbooks go to test-results/e2e/portfolio/.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import type { Browser, Frame, Page } from "playwright-core";
import { buildPlayground, launchBrowser, screenshotDir, serve, watchErrors } from "./harness";
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

/** Runs JavaScript as an Excel.run batch on the playground's workbook, through the `run` the pane uses. */
async function inWorkbook<T>(code: string): Promise<T> {
  return page.evaluate(async (source) => {
    const bridge = (window as unknown as { __svPlayground: { run: (batch: (context: unknown) => Promise<unknown>) => Promise<unknown> } }).__svPlayground;
    const batch = new Function("context", `return (async () => { ${source} })();`) as (context: unknown) => Promise<unknown>;
    return bridge.run(batch);
  }, code) as Promise<T>;
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
});
