/**
 * Tables behave as tables in the playground (issue #19): each header cell of a table has Excel's
 * drop-down button; its menu sorts the table's rows (whole rows, formulas with them), undone by
 * Ctrl+Z, and filters them to the values checked (the grid skips the hidden rows' numbers, as
 * Excel does), "Clear Filter From" shows them again, and Alt+Down opens it from the keyboard. The
 * add-in reads the workbook the sort left: Validate finds the same problems, now on the rows
 * they moved to, and Scores give the same figures. A protected sheet refuses with Excel's
 * message; one protected as the add-in signs sheets (AutoFilter allowed) filters but will not
 * sort. Screenshots go to test-results/e2e/playground-tables/.
 */
import { join } from "path";
import type { Browser, Frame, Page } from "playwright-core";
import { buildPlayground, launchBrowser, runInWorkbook, screenshotDir, serve, watchErrors } from "./harness";
import { ILLUSTRATIVE, measureTableFromFramework } from "../../src/core";
import { sampleBids } from "../../playground/sampleBidData";

const PLANTED = sampleBids({ tenderId: "T", measures: measureTableFromFramework(ILLUSTRATIVE), criteria: [] }).mistake;
const SHEET = "SV Commitments";
/** SV_Commitments as the sample tender writes it: its header on row 3, 15 data rows. */
const FIRST = 4;
const LAST = 18;
const PROTECTED =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
let pane: Frame;
let errors: string[];
const shots = screenshotDir("playground-tables");
let step = 0;

async function shot(name: string): Promise<void> {
  step += 1;
  await page.screenshot({ path: join(shots, `${String(step).padStart(2, "0")}-${name}.png`) });
}

/** Runs JavaScript as an Excel.run batch on the playground's workbook (harness.ts). */
const inWorkbook = <T>(code: string): Promise<T> => runInWorkbook<T>(page, code);

interface ShownRow {
  /** The row number the grid shows. */
  row: number;
  bidder: string;
  ref: string;
  quantity: number;
}

/** The table's data rows as the grid draws them now: only the rows it shows, with their numbers. */
async function shownRows(): Promise<ShownRow[]> {
  const rows = await page.evaluate((sheet) => {
    const trs = [...document.querySelectorAll(`table[aria-label="Sheet ${sheet}"] tbody tr`)];
    return trs.map((tr) => {
      const row = Number(tr.querySelector("th")?.textContent);
      const text = (letter: string): string => tr.querySelector(`td[data-address="${letter}${row}"]`)?.textContent ?? "";
      return { row, bidder: text("A"), ref: text("B"), quantity: text("E") };
    });
  }, SHEET);
  return rows.filter((r) => r.row >= FIRST && r.row <= LAST).map((r) => ({ ...r, quantity: Number(r.quantity.replace(/,/g, "")) }));
}

/** Waits until the grid's rows pass `check` (it redraws after each change), then returns them. */
async function rowsWhen(check: (rows: ShownRow[]) => boolean): Promise<ShownRow[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const rows = await shownRows();
    if (check(rows) || Date.now() > deadline) return rows;
    await page.waitForTimeout(100);
  }
}

const grid = () => page.getByRole("table", { name: `Sheet ${SHEET}` });
const headerButton = (column: string) => grid().getByRole("button", { name: new RegExp(`^${column}: `) });
const menu = (column: string) => page.getByRole("dialog", { name: `Sort and filter ${column}` });
const excelMessage = () => page.getByRole("alertdialog", { name: "Microsoft Excel" });
const content = (rows: ShownRow[]): string[] => rows.map((r) => `${r.bidder}|${r.ref}|${r.quantity}`).sort();
const isDescending = (rows: ShownRow[]): boolean => rows.every((r, i) => i === 0 || (rows[i - 1] as ShownRow).quantity >= r.quantity);

/**
 * What Validate reports: its counts, and the row of SV Commitments the planted unit mistake's
 * finding goes to (waiting for the selection to reach `expectedRow` when one is given).
 */
async function validate(first: boolean, expectedRow?: number): Promise<{ counts: string[]; mistakeRow: number }> {
  await pane.getByRole("tab", { name: "Validate" }).click();
  await pane.getByRole("button", { name: first ? "Validate commitments" : "Validate again" }).click();
  const finding = pane.getByRole("button", { name: /SV108/ });
  await finding.first().waitFor();
  // Wait for the run to end (the button is usable again) before reading what it found.
  await pane.waitForFunction(() => [...document.querySelectorAll("button")].some((b) => b.textContent === "Validate again" && !b.disabled));
  const counts = await pane.locator('[role="status"] .fui-Badge').allTextContents();
  await finding.first().click();
  let mistakeRow = 0;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    mistakeRow = Number(/^[A-Z]+(\d+)$/.exec((await page.getByLabel("Selected cell").textContent()) ?? "")?.[1] ?? 0);
    if (mistakeRow >= FIRST && mistakeRow <= LAST && (expectedRow === undefined || mistakeRow === expectedRow)) break;
    await page.waitForTimeout(100);
  }
  return { counts, mistakeRow };
}

/** What Scores shows, a line per bidder in rank order. */
async function scores(): Promise<string[]> {
  await pane.getByRole("tab", { name: "Scores" }).click();
  await pane.getByRole("button", { name: "Refresh scores" }).click();
  const table = pane.getByRole("table", { name: "Scores by bidder, in rank order" });
  await table.waitFor();
  await pane.waitForFunction(() => [...document.querySelectorAll("button")].some((b) => b.textContent === "Refresh scores" && !b.disabled));
  return (await table.getByRole("row").allTextContents()).slice(1);
}

let original: ShownRow[] = [];
let before: { validation: { counts: string[]; mistakeRow: number }; scores: string[] };

beforeAll(async () => {
  const dir = await buildPlayground();
  server = await serve(dir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  errors = watchErrors(page);
  await page.goto(`${server.url}/playground.html`);
  await page.frameLocator('iframe[title="Task pane"]').getByRole("tab", { name: "Set up" }).waitFor();
  pane = page.frames().find((f) => f.url().endsWith("playground-pane.html")) as Frame;
  await page.getByRole("button", { name: "Load sample tender" }).click();
  await page.getByRole("status").filter({ hasText: /^Loaded a sample tender/ }).waitFor();
  before = { validation: await validate(true), scores: await scores() };
  await page.getByRole("navigation", { name: "Sheets" }).getByRole("button", { name: SHEET, exact: true }).click();
  original = await rowsWhen((rows) => rows.length === LAST - FIRST + 1);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a table's header", () => {
  it("shows a drop-down button on each header cell, none elsewhere", async () => {
    expect(original).toHaveLength(LAST - FIRST + 1);
    for (const column of ["Bidder", "Ref", "Quantity", "Value"]) await expect(headerButton(column).count()).resolves.toBe(1);
    await expect(headerButton("Bidder").getAttribute("aria-label")).resolves.toBe("Bidder: (Showing All)");
    await expect(page.locator(`table[aria-label="Sheet ${SHEET}"] td[data-address="A${FIRST}"] button`).count()).resolves.toBe(0);
    await shot("header-buttons");
  });
});

describe("sorting from the header", () => {
  it("offers Smallest to Largest for a column of numbers", async () => {
    await headerButton("Quantity").click();
    await menu("Quantity").waitFor();
    await expect(menu("Quantity").getByRole("button").allTextContents()).resolves.toEqual(
      expect.arrayContaining(["Sort Smallest to Largest", "Sort Largest to Smallest", 'Clear Filter From "Quantity"', "OK", "Cancel"])
    );
    await shot("quantity-menu");
  });

  it("sorts the rows largest first, each row whole, and the button shows the direction", async () => {
    await menu("Quantity").getByRole("button", { name: "Sort Largest to Smallest" }).click();
    const sorted = await rowsWhen(isDescending);
    expect(isDescending(sorted)).toBe(true);
    expect(content(sorted)).toEqual(content(original));
    expect(sorted.map((r) => r.row)).toEqual(original.map((r) => r.row));
    await expect(headerButton("Quantity").getAttribute("data-state")).resolves.toBe("sorted-descending");
    await shot("sorted-by-quantity");
  });

  it("leaves the add-in's own reads in the sorted order, calculated columns still structured", async () => {
    const read = await inWorkbook<{ quantities: number[]; value: string }>(`
      const table = context.workbook.tables.getItem("SV_Commitments");
      const quantity = table.columns.getItem("Quantity").getDataBodyRange().load("values");
      const value = table.columns.getItem("Value").getDataBodyRange().load("formulas");
      await context.sync();
      return { quantities: quantity.values.map((r) => r[0]), value: value.formulas[0][0] };
    `);
    expect(read.quantities).toEqual((await shownRows()).map((r) => r.quantity));
    expect(read.value).toContain("[@Quantity]");
  });

  it("is undone by Ctrl+Z, and done again from the menu", async () => {
    await page.keyboard.press("Control+z");
    const order = (rows: ShownRow[]): string => rows.map((r) => `${r.bidder}|${r.ref}|${r.quantity}`).join();
    const undone = await rowsWhen((rows) => order(rows) === order(original));
    expect(order(undone)).toBe(order(original));
    await headerButton("Quantity").click();
    await menu("Quantity").getByRole("button", { name: "Sort Largest to Smallest" }).click();
    expect(isDescending(await rowsWhen(isDescending))).toBe(true);
  });

  it("changes nothing the add-in works out: Validate finds the same problems, on the rows they moved to, and Scores give the same figures", async () => {
    const sorted = await shownRows();
    const moved = sorted.find((r) => r.bidder === PLANTED?.bidder && r.ref === PLANTED?.ref);
    const validation = await validate(false, moved?.row);
    expect(validation.counts).toEqual(before.validation.counts);
    expect(validation.mistakeRow).toBe(moved?.row);
    await shot("validated-after-sort");
    // The same figures and ranks; a bid held for the mistake names the row it is on now.
    const after = await scores();
    const figures = (lines: string[]): string[] => lines.map((line) => line.replace(/row \d+/, "row …"));
    expect(figures(after)).toEqual(figures(before.scores));
    expect(after.filter((line) => /row \d+/.test(line)).map((line) => /row (\d+)/.exec(line)?.[1])).toEqual(
      before.scores.filter((line) => /row \d+/.test(line)).map(() => String(moved?.row))
    );
    await shot("scores-after-sort");
  });
});

describe("filtering from the header", () => {
  let sorted: ShownRow[] = [];

  it("shows only the checked bidder's rows; the row numbers skip the others", async () => {
    await page.getByRole("navigation", { name: "Sheets" }).getByRole("button", { name: SHEET, exact: true }).click();
    sorted = await shownRows();
    await headerButton("Bidder").click();
    const bidderMenu = menu("Bidder");
    await bidderMenu.waitFor();
    await expect(bidderMenu.getByRole("checkbox").evaluateAll((boxes) => boxes.map((b) => b.parentElement?.textContent))).resolves.toEqual([
      "(Select All)",
      "Acme Care Ltd",
      "Birch Homes",
      "Cura Partnership",
    ]);
    await bidderMenu.getByRole("checkbox", { name: "(Select All)" }).uncheck();
    await expect(bidderMenu.getByRole("button", { name: "OK" }).isDisabled()).resolves.toBe(true);
    await bidderMenu.getByRole("checkbox", { name: "Birch Homes" }).check();
    await shot("bidder-menu");
    await bidderMenu.getByRole("button", { name: "OK" }).click();
    const birch = sorted.filter((r) => r.bidder === "Birch Homes");
    const shown = await rowsWhen((rows) => rows.length === birch.length);
    expect(shown).toEqual(birch);
    const numbers = shown.map((r) => r.row);
    // Numbered as on the sheet, with gaps where the hidden rows are.
    expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0) + 1).toBeGreaterThan(numbers.length);
    // An arrow key steps over the hidden rows, as in Excel.
    await grid().locator(`td[data-address="B${numbers[0]}"]`).click();
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction((expected) => document.querySelector('[aria-label="Selected cell"]')?.textContent === expected, `B${numbers[1]}`);
    await expect(headerButton("Bidder").getAttribute("data-state")).resolves.toBe("filtered");
    await expect(headerButton("Bidder").getAttribute("aria-label")).resolves.toBe("Bidder: Filtered");
    await shot("filtered-to-birch");
  });

  it("hides those rows in the workbook, as the add-in reads them", async () => {
    const hidden = await inWorkbook<boolean[]>(`
      const sheet = context.workbook.worksheets.getItem("${SHEET}");
      const rows = [${sorted.map((r) => r.row).join(",")}].map((n) => sheet.getRange("A" + n).load("rowHidden"));
      await context.sync();
      return rows.map((r) => r.rowHidden);
    `);
    expect(hidden).toEqual(sorted.map((r) => r.bidder !== "Birch Homes"));
  });

  it("clears the filter from the keyboard: Alt+Down on the header cell, then Clear Filter From", async () => {
    await grid().locator('td[data-address="A3"]').click({ position: { x: 10, y: 8 } });
    await page.keyboard.press("Alt+ArrowDown");
    await menu("Bidder").waitFor();
    await expect(menu("Bidder").getByRole("checkbox", { name: "Birch Homes" }).isChecked()).resolves.toBe(true);
    await expect(menu("Bidder").getByRole("checkbox", { name: "Acme Care Ltd" }).isChecked()).resolves.toBe(false);
    await shot("alt-down-menu");
    await menu("Bidder").getByRole("button", { name: 'Clear Filter From "Bidder"' }).click();
    const all = await rowsWhen((rows) => rows.length === sorted.length);
    expect(all).toEqual(sorted);
    await expect(headerButton("Bidder").getAttribute("data-state")).resolves.toBe("plain");
    await shot("filter-cleared");
  });

  it("closes the menu with Escape, changing nothing", async () => {
    await page.keyboard.press("Alt+ArrowDown");
    await menu("Bidder").waitFor();
    await page.keyboard.press("Escape");
    await expect(menu("Bidder").count()).resolves.toBe(0);
    await expect(shownRows()).resolves.toEqual(sorted);
  });
});

describe("a protected sheet", () => {
  const protect = (options: string): Promise<void> =>
    inWorkbook(`
      const protection = context.workbook.worksheets.getItem("${SHEET}").protection;
      protection.unprotect();
      protection.protect(${options});
      await context.sync();
    `);

  afterAll(async () => {
    await inWorkbook(`context.workbook.worksheets.getItem("${SHEET}").protection.unprotect(); await context.sync();`);
  });

  it("refuses a sort with Excel's message, and the rows stay", async () => {
    await protect("{}");
    const rows = await shownRows();
    await headerButton("Bidder").click();
    await menu("Bidder").getByRole("button", { name: "Sort A to Z" }).click();
    await excelMessage().waitFor();
    await expect(excelMessage().textContent()).resolves.toContain(PROTECTED);
    await shot("protected-refuses-sort");
    await excelMessage().getByRole("button", { name: "OK" }).click();
    await expect(shownRows()).resolves.toEqual(rows);
  });

  it("refuses a filter there too", async () => {
    const rows = await shownRows();
    await headerButton("Bidder").click();
    await menu("Bidder").getByRole("checkbox", { name: "Acme Care Ltd" }).uncheck();
    await menu("Bidder").getByRole("button", { name: "OK" }).click();
    await excelMessage().waitFor();
    await expect(excelMessage().textContent()).resolves.toContain(PROTECTED);
    await excelMessage().getByRole("button", { name: "OK" }).click();
    await expect(shownRows()).resolves.toEqual(rows);
  });

  it("protected as the add-in signs sheets (AutoFilter allowed): filters, but refuses to sort", async () => {
    await protect("{ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true }");
    const rows = await shownRows();
    await headerButton("Bidder").click();
    await menu("Bidder").getByRole("checkbox", { name: "Acme Care Ltd" }).uncheck();
    await menu("Bidder").getByRole("button", { name: "OK" }).click();
    const left = rows.filter((r) => r.bidder !== "Acme Care Ltd");
    await expect(rowsWhen((now) => now.length === left.length)).resolves.toEqual(left);
    await headerButton("Quantity").click();
    await menu("Quantity").getByRole("button", { name: "Sort Smallest to Largest" }).click();
    await excelMessage().waitFor();
    await expect(excelMessage().textContent()).resolves.toContain(PROTECTED);
    await shot("signed-filters-not-sorts");
    await excelMessage().getByRole("button", { name: "OK" }).click();
    await expect(shownRows()).resolves.toEqual(left);
  });
});

describe("the whole session", () => {
  it("raised no page error and used nothing the Excel host lacks", () => {
    expect(errors).toEqual([]);
  });
});
