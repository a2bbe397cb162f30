/**
 * The playground's workbook behaves as Excel does for a trainer at the keyboard (issue #19): a
 * value typed straight into a selected cell (Enter moves down, Tab right, Escape cancels), F2
 * edits in place, Delete clears, shift selects a range, Ctrl+C / Ctrl+V copy and paste with
 * relative references moved, Ctrl+Z undoes the user's own edits, a value typed under a table
 * joins it; a protected sheet refuses with Excel's message; each cell shows its number format,
 * width and wrap; very hidden sheets get no tab; many tabs scroll; a long status never moves the
 * toolbar's buttons. Screenshots go to test-results/e2e/playground-editing/.
 */
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { buildPlayground, launchBrowser, runInWorkbook, screenshotDir, serve, watchErrors } from "./harness";

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
let errors: string[];
const shots = screenshotDir("playground-editing");
let step = 0;

async function shot(name: string): Promise<void> {
  step += 1;
  await page.screenshot({ path: join(shots, `${String(step).padStart(2, "0")}-${name}.png`) });
}

/**
 * Runs JavaScript as an Excel.run batch on the playground's workbook, through the same `run` the
 * pane uses (so the grid redraws). `context` is the batch's RequestContext; the code may return.
 */
/** Runs JavaScript as an Excel.run batch on the playground's workbook (harness.ts). */
const inWorkbook = <T>(code: string): Promise<T> => runInWorkbook<T>(page, code);

const cellSelector = (sheet: string, address: string): string => `table[aria-label="Sheet ${sheet}"] td[data-address="${address}"]`;
const cell = (address: string, sheet = "Sheet1") => page.locator(cellSelector(sheet, address));

/** Waits until the cell shows exactly `text` (the grid redraws after each write), then reads it. */
async function shown(address: string, text: string, sheet = "Sheet1"): Promise<string | null> {
  await page.waitForFunction(([selector, expected]) => document.querySelector(selector as string)?.textContent === expected, [cellSelector(sheet, address), text] as const);
  return cell(address, sheet).textContent();
}

async function selectedCell(name: string): Promise<string | null> {
  await page.waitForFunction((expected) => document.querySelector('[aria-label="Selected cell"]')?.textContent === expected, name);
  return page.getByLabel("Selected cell").textContent();
}

const formulaBar = () => page.getByLabel("Formula bar");
const excelMessage = () => page.getByRole("alertdialog", { name: "Microsoft Excel" });
const PROTECTED =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

beforeAll(async () => {
  const dir = await buildPlayground();
  server = await serve(dir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  errors = watchErrors(page);
  await page.goto(`${server.url}/playground.html`);
  await page.frameLocator('iframe[title="Task pane"]').getByRole("tab", { name: "Set up" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the toolbar", () => {
  it("keeps its height and its buttons in place under a long status, whose whole text is its title", async () => {
    const bar = page.locator("header.bar");
    const buttons = page.locator("header.bar button");
    const before = { bar: await bar.boundingBox(), buttons: await Promise.all((await buttons.all()).map((b) => b.boundingBox())) };
    // On an empty workbook, "Load sample bids" answers with a sentence longer than the room left.
    await page.getByRole("button", { name: "Load sample bids" }).click();
    const status = page.getByRole("status").filter({ hasText: /^This workbook has no evaluation yet/ });
    await status.waitFor();
    await shot("long-status");
    expect(await bar.boundingBox()).toEqual(before.bar);
    expect(await Promise.all((await buttons.all()).map((b) => b.boundingBox()))).toEqual(before.buttons);
    const text = await status.textContent();
    await expect(status.getAttribute("title")).resolves.toBe(text);
    // Truncated on its one line, with an ellipsis, rather than wrapped under the buttons.
    const fit = await status.evaluate((s) => ({ overflows: s.scrollWidth > s.clientWidth, ellipsis: getComputedStyle(s).textOverflow }));
    expect(fit).toEqual({ overflows: true, ellipsis: "ellipsis" });
  });
});

describe("typing in the grid, as in Excel", () => {
  it("opens the cell's editor with the character typed; Enter writes it and moves down", async () => {
    await cell("A1").click();
    await page.keyboard.type("12");
    await expect(page.getByLabel("Cell editor").inputValue()).resolves.toBe("12");
    // The formula bar shows what is being typed, as Excel's does.
    await expect(formulaBar().inputValue()).resolves.toBe("12");
    await shot("typing-in-a-cell");
    await page.keyboard.press("Enter");
    await expect(shown("A1", "12")).resolves.toBe("12");
    await expect(selectedCell("A2")).resolves.toBe("A2");
  });

  it("reads a typed formula as a formula; Tab writes it and moves right", async () => {
    await page.keyboard.type("=A1*2");
    await page.keyboard.press("Tab");
    await expect(shown("A2", "24")).resolves.toBe("24");
    await expect(selectedCell("B2")).resolves.toBe("B2");
  });

  it("leaves the cell as it was when Escape cancels the entry", async () => {
    await page.keyboard.type("nothing");
    await page.keyboard.press("Escape");
    await expect(page.getByLabel("Cell editor").count()).resolves.toBe(0);
    await expect(shown("B2", "")).resolves.toBe("");
    await expect(selectedCell("B2")).resolves.toBe("B2");
  });

  it("edits in place with F2, starting from the cell's formula", async () => {
    await page.keyboard.press("ArrowLeft");
    await selectedCell("A2");
    await page.keyboard.press("F2");
    const editor = page.getByLabel("Cell editor");
    await expect(editor.inputValue()).resolves.toBe("=A1*2");
    // In Edit mode the arrows move the caret; typing goes where the caret is, at the end.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type("+1");
    await page.keyboard.press("Enter");
    await expect(shown("A2", "25")).resolves.toBe("25");
    await cell("A2").click();
    await expect(formulaBar().inputValue()).resolves.toBe("=A1*2+1");
  });

  it("still writes what is typed in the formula bar, and moves down on Enter", async () => {
    await cell("D1").click();
    await formulaBar().fill("typed in the bar");
    await formulaBar().press("Enter");
    await expect(shown("D1", "typed in the bar")).resolves.toBe("typed in the bar");
    await expect(selectedCell("D2")).resolves.toBe("D2");
  });

  it("selects a range with shift+click and shift+arrows", async () => {
    await cell("A1").click();
    await cell("B1").click({ modifiers: ["Shift"] });
    await expect(selectedCell("A1:B1")).resolves.toBe("A1:B1");
    await page.keyboard.press("Shift+ArrowDown");
    await expect(selectedCell("A1:B2")).resolves.toBe("A1:B2");
    await expect(page.locator('td[aria-selected="true"]').count()).resolves.toBe(4);
  });

  it("clears the selected cells with Delete, and Ctrl+Z puts back their values and formulas", async () => {
    await page.keyboard.press("Delete");
    await expect(shown("A1", "")).resolves.toBe("");
    await expect(shown("A2", "")).resolves.toBe("");
    await shot("cleared");
    await page.keyboard.press("Control+z");
    await expect(shown("A1", "12")).resolves.toBe("12");
    await expect(shown("A2", "25")).resolves.toBe("25");
    await cell("A2").click();
    await expect(formulaBar().inputValue()).resolves.toBe("=A1*2+1");
  });

  it("clears one cell with Backspace when nothing is being edited", async () => {
    await cell("D1").click();
    await page.keyboard.press("Backspace");
    await expect(shown("D1", "")).resolves.toBe("");
    await page.keyboard.press("Control+z");
    await expect(shown("D1", "typed in the bar")).resolves.toBe("typed in the bar");
  });

  it("copies a range and pastes it elsewhere, its formulas' relative references moved", async () => {
    await cell("A1").click();
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Control+c");
    await cell("C3").click();
    await page.keyboard.press("Control+v");
    await expect(shown("C3", "12")).resolves.toBe("12");
    // =A1*2+1 copied from A2 to C4 is =C3*2+1, as Excel pastes it.
    await expect(shown("C4", "25")).resolves.toBe("25");
    await expect(selectedCell("C3:C4")).resolves.toBe("C3:C4");
    await shot("pasted");
    await cell("C4").click();
    await expect(formulaBar().inputValue()).resolves.toBe("=C3*2+1");
  });

  it("undoes the paste with Ctrl+Z", async () => {
    await page.keyboard.press("Control+z");
    await expect(shown("C3", "")).resolves.toBe("");
    await expect(shown("C4", "")).resolves.toBe("");
    await expect(shown("A2", "25")).resolves.toBe("25");
  });

  it("moves the selection with the arrow keys", async () => {
    await cell("B2").click();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowUp");
    await expect(selectedCell("D2")).resolves.toBe("D2");
  });
});

describe("a table, as Excel's AutoExpansion grows it", () => {
  it("takes a value typed in the row under it, and its calculated column fills the new row", async () => {
    await inWorkbook(`
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("F1:G2").values = [["Qty", "Double"], [2, ""]];
      context.workbook.tables.add(sheet.getRange("F1:G2"), true).name = "Doubles";
      await context.sync();
      // A structured reference once the table exists: a calculated column, as the add-in writes them.
      sheet.getRange("G2").formulas = [["=[@Qty]*2"]];
      await context.sync();
    `);
    await expect(shown("G2", "4")).resolves.toBe("4");
    await cell("F3").click();
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    await expect(shown("G3", "10")).resolves.toBe("10");
    const address = await inWorkbook<string>(`
      const range = context.workbook.tables.getItem("Doubles").getRange().load("address");
      await context.sync();
      return range.address;
    `);
    expect(address).toBe("Sheet1!F1:G3");
    await shot("table-grew");
  });

  it("gives the row back when the entry is undone", async () => {
    await page.keyboard.press("Control+z");
    await expect(shown("F3", "")).resolves.toBe("");
    await expect(shown("G3", "")).resolves.toBe("");
    const address = await inWorkbook<string>(`
      const range = context.workbook.tables.getItem("Doubles").getRange().load("address");
      await context.sync();
      return range.address;
    `);
    expect(address).toBe("Sheet1!F1:G2");
  });
});

describe("a protected sheet", () => {
  beforeAll(async () => {
    // C6 unlocked first, as a form's input cells are: Excel lets those be typed in.
    await inWorkbook(`
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C6").format.protection.locked = false;
      sheet.protection.protect();
      await context.sync();
    `);
  });

  afterAll(async () => {
    await inWorkbook(`context.workbook.worksheets.getItem("Sheet1").protection.unprotect(); await context.sync();`);
  });

  it("refuses typing in a locked cell with Excel's message, and the cell keeps its value", async () => {
    await cell("A1").click();
    await page.keyboard.type("9");
    await excelMessage().waitFor();
    await expect(excelMessage().textContent()).resolves.toContain(PROTECTED);
    await expect(page.getByLabel("Cell editor").count()).resolves.toBe(0);
    await shot("protected-refuses");
    await excelMessage().getByRole("button", { name: "OK" }).click();
    await expect(excelMessage().count()).resolves.toBe(0);
    await expect(shown("A1", "12")).resolves.toBe("12");
  });

  it("refuses Delete there too", async () => {
    await page.keyboard.press("Delete");
    await excelMessage().waitFor();
    await expect(excelMessage().textContent()).resolves.toContain(PROTECTED);
    await page.keyboard.press("Enter");
    await expect(excelMessage().count()).resolves.toBe(0);
    await expect(shown("A1", "12")).resolves.toBe("12");
  });

  it("lets an unlocked cell be typed in", async () => {
    await cell("C6").click();
    await page.keyboard.type("open");
    await page.keyboard.press("Enter");
    await expect(shown("C6", "open")).resolves.toBe("open");
    await expect(excelMessage().count()).resolves.toBe(0);
  });
});

describe("what the sheet shows", () => {
  it("wraps a cell set to wrap, and shows a column at the width the add-in set", async () => {
    await inWorkbook(`
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B8").values = [["A sentence long enough to need more than one line in its column."]];
      sheet.getRange("B8").format.wrapText = true;
      sheet.getRange("E:E").format.columnWidth = 150;
      await context.sync();
    `);
    await shown("B8", "A sentence long enough to need more than one line in its column.");
    const wrapped = await cell("B8").evaluate((td) => ({ whiteSpace: getComputedStyle(td).whiteSpace, height: td.getBoundingClientRect().height }));
    expect(wrapped.whiteSpace).toBe("normal");
    expect(wrapped.height).toBeGreaterThan(30);
    // 150 points are 200 pixels, as Excel draws them.
    expect(Math.round((await cell("E1").boundingBox())?.width ?? 0)).toBeGreaterThanOrEqual(199);
    expect(Math.round((await cell("E1").boundingBox())?.width ?? 0)).toBeLessThanOrEqual(201);
  });

  it("gives no tab to a very hidden sheet, nor to a hidden one", async () => {
    await inWorkbook(`
      context.workbook.worksheets.add("Secret").visibility = "VeryHidden";
      context.workbook.worksheets.add("Tucked away").visibility = "Hidden";
      context.workbook.worksheets.add("In sight");
      await context.sync();
    `);
    const tabs = page.getByRole("navigation", { name: "Sheets" });
    await tabs.getByRole("button", { name: "In sight" }).waitFor();
    await expect(tabs.getByRole("button", { name: "Secret" }).count()).resolves.toBe(0);
    await expect(tabs.getByRole("button", { name: "Tucked away" }).count()).resolves.toBe(0);
  });

  it("shows every row of a table column in its number format: £ on each commitment's Value, % on each bid's Return", async () => {
    await page.getByRole("button", { name: "Load sample tender" }).click();
    await page.getByRole("status").filter({ hasText: /^Loaded a sample tender/ }).waitFor();
    const column = async (table: string, header: string): Promise<string> =>
      inWorkbook<string>(`
        const range = context.workbook.tables.getItem("${table}").columns.getItem("${header}").getDataBodyRange().load("address");
        await context.sync();
        return range.address;
      `);
    const texts = async (sheet: string, address: string): Promise<string[]> => {
      await page.getByRole("navigation", { name: "Sheets" }).getByRole("button", { name: sheet, exact: true }).click();
      const [, a1 = ""] = address.split("!");
      const [first = "", last = ""] = a1.split(":");
      const letters = first.replace(/\d+/g, "");
      const from = Number(first.replace(/[A-Z]+/g, ""));
      const to = Number((last || first).replace(/[A-Z]+/g, ""));
      await cell(`${letters}${to}`, sheet).waitFor();
      return Promise.all(Array.from({ length: to - from + 1 }, (_, i) => cell(`${letters}${from + i}`, sheet).textContent().then((t) => t ?? "")));
    };
    const values = await texts("SV Commitments", await column("SV_Commitments", "Value"));
    expect(values.length).toBeGreaterThan(3);
    expect(values.filter((v) => !/^-?£[\d,]+\.\d\d$/.test(v))).toEqual([]);
    await shot("commitments-in-pounds");
    const returns = await texts("SV Scores", await column("SV_Scores", "Return"));
    expect(returns.length).toBe(3);
    expect(returns.filter((v) => !/^-?[\d,]+\.\d%$/.test(v))).toEqual([]);
    await shot("scores-formats");
  });

  it("scrolls many sheet tabs sideways on one line, without widening the workbook", async () => {
    const pane = await page.locator("iframe.pane").boundingBox();
    await inWorkbook(`
      for (let i = 1; i <= 14; i++) context.workbook.worksheets.add("Extra sheet " + i);
      await context.sync();
    `);
    const tabs = page.getByRole("navigation", { name: "Sheets" });
    await tabs.getByRole("button", { name: "Extra sheet 14" }).waitFor();
    const layout = await tabs.evaluate((nav) => ({
      overflowX: getComputedStyle(nav).overflowX,
      scrolls: nav.scrollWidth > nav.clientWidth,
      rows: new Set([...nav.querySelectorAll("button")].map((b) => b.getBoundingClientRect().top)).size,
    }));
    expect(layout).toEqual({ overflowX: "auto", scrolls: true, rows: 1 });
    await expect(page.locator("iframe.pane").boundingBox()).resolves.toEqual(pane);
    await shot("many-tabs");
  });
});

describe("the whole session", () => {
  it("raised no page error and used nothing the Excel host lacks", () => {
    expect(errors).toEqual([]);
  });
});
