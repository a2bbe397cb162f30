import { sortColumn, sortLabels } from "../../playground/tableSort";
import { PROTECTED_MESSAGE, UserEdits } from "../../playground/userEdits";
import type { ExcelRun } from "../../src/excel/shared/excelRun";
import { createExcelHost, type ExcelHost } from "../excelHost";

describe("the header menu's sort words", () => {
  it("says Smallest to Largest for a column of numbers, blanks aside", () => {
    expect(sortLabels([3, "", 1, null])).toEqual({ ascending: "Sort Smallest to Largest", descending: "Sort Largest to Smallest" });
  });

  it("says A to Z for text, or for numbers mixed with text", () => {
    expect(sortLabels(["Acme", "Birch"])).toEqual({ ascending: "Sort A to Z", descending: "Sort Z to A" });
    expect(sortLabels([1, "n/a"]).ascending).toBe("Sort A to Z");
    expect(sortLabels(["", null]).ascending).toBe("Sort A to Z");
  });
});

describe("sorting a table from its header", () => {
  /** Bids A1:C5 as a table whose Double column is calculated (structured references). */
  async function bids(): Promise<{ fake: ExcelHost; run: ExcelRun; edits: UserEdits }> {
    const fake = createExcelHost({ sheets: { Bids: [["Bidder", "Quantity", "Double"], ["birch", 3], ["", 5], ["Acme", 12], ["cura", "n/a"]] } });
    const run = fake.run as unknown as ExcelRun;
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Bids");
      context.workbook.tables.add(sheet.getRange("A1:C5"), true).name = "Bids";
      await context.sync();
      sheet.getRange("C2:C5").formulas = [["=[@Quantity]*2"], ["=[@Quantity]*2"], ["=[@Quantity]*2"], ["=IFERROR([@Quantity]*2,0)"]];
      await context.sync();
    });
    return { fake, run, edits: new UserEdits(fake, run) };
  }
  const byBidder = { sheet: "Bids", table: "Bids", columnIndex: 0, dataBodyAddress: "Bids!A2:C5" };
  const byQuantity = { ...byBidder, columnIndex: 1 };

  it("orders text A to Z in any case with blanks last, moving whole rows with their formulas", async () => {
    const { fake, edits } = await bids();
    await expect(sortColumn(edits, byBidder, true)).resolves.toBeUndefined();
    expect(fake.inspect.values("Bids!A2:C5")).toEqual([
      ["Acme", 12, 24],
      ["birch", 3, 6],
      ["cura", "n/a", 0],
      ["", 5, 10],
    ]);
    expect(fake.inspect.formulas("Bids!C4")).toEqual([["=IFERROR([@Quantity]*2,0)"]]);
    expect(fake.inspect.tableHeader("Bids")?.sort).toEqual({ column: "Bidder", ascending: true });
  });

  it("puts numbers largest first, after the text, when descending", async () => {
    const { fake, edits } = await bids();
    await sortColumn(edits, byQuantity, false);
    expect(fake.inspect.values("Bids!B2:B5").flat()).toEqual(["n/a", 12, 5, 3]);
  });

  it("is undone by Ctrl+Z as the user's own edit", async () => {
    const { fake, edits } = await bids();
    const before = fake.inspect.formulas("Bids!A2:C5");
    await sortColumn(edits, byBidder, false);
    await edits.undo();
    expect(fake.inspect.formulas("Bids!A2:C5")).toEqual(before);
  });

  it("is refused with Excel's message on a protected sheet, and the rows stay", async () => {
    const { fake, run, edits } = await bids();
    await run(async (context) => {
      // As the add-in signs sheets: AutoFilter allowed, sorting not.
      context.workbook.worksheets.getItem("Bids").protection.protect({ allowAutoFilter: true });
      await context.sync();
    });
    const before = fake.inspect.values("Bids!A2:C5");
    await expect(sortColumn(edits, byBidder, true)).resolves.toBe(PROTECTED_MESSAGE);
    expect(fake.inspect.values("Bids!A2:C5")).toEqual(before);
    // Nothing to undo: the refused sort was not remembered.
    await expect(edits.undo()).resolves.toBeUndefined();
  });
});
