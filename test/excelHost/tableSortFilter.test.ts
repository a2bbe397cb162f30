/**
 * Sorting and filtering a table through Office.js (TableSort, a column's Filter,
 * Table.clearFilters), as the playground's header menu does and as Excel answers: rows move
 * whole, formulas move as Excel's sort moves them, a filter hides rows without changing a value,
 * and a protected sheet refuses unless its protection allows it.
 */
import { createExcelHost, type ExcelHost } from "./index";

const excelRun = (fake: ExcelHost): typeof Excel.run => fake.run as unknown as typeof Excel.run;

/**
 * Bids on Sheet1 A1:D6, a table over them: a calculated column (structured), a plain A1 formula
 * to the same row, and one to a fixed cell. E1 holds a rate the absolute reference uses.
 */
async function bidsTable(): Promise<ExcelHost> {
  const fake = createExcelHost({
    sheets: {
      Sheet1: [
        ["Bidder", "Quantity", "Double", "Rated", 10],
        ["birch", 3],
        ["Acme", "n/a"],
        ["cura", 12],
        ["", 1],
        ["Acme", ""],
      ],
    },
  });
  await excelRun(fake)(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    context.workbook.tables.add(sheet.getRange("A1:D6"), true).name = "Bids";
    await context.sync();
    sheet.getRange("C2:C6").formulas = [["=[@Quantity]*2"], ["=[@Quantity]*2"], ["=[@Quantity]*2"], ["=[@Quantity]*2"], ["=[@Quantity]*2"]];
    sheet.getRange("D2:D6").formulas = [["=B2*$E$1"], ["=B3*$E$1"], ["=B4*$E$1"], ["=B5*$E$1"], ["=B6*$E$1"]];
    sheet.getRange("B2").numberFormat = [["0.0"]];
    await context.sync();
  });
  return fake;
}

const sortBids = (fake: ExcelHost, key: number, ascending: boolean): Promise<void> =>
  excelRun(fake)(async (context) => {
    context.workbook.tables.getItem("Bids").sort.apply([{ key, ascending }]);
    await context.sync();
  });

describe("sorting a table", () => {
  it("puts numbers before text and blanks last, text in any case, and moves whole rows", async () => {
    const fake = await bidsTable();
    await sortBids(fake, 1, true);
    expect(fake.inspect.values("Sheet1!A2:B6")).toEqual([
      ["", 1],
      ["birch", 3],
      ["cura", 12],
      ["Acme", "n/a"],
      ["Acme", ""],
    ]);
    await sortBids(fake, 0, true);
    expect(fake.inspect.values("Sheet1!A2:A6").flat()).toEqual(["Acme", "Acme", "birch", "cura", ""]);
  });

  it("keeps blanks last when descending too", async () => {
    const fake = await bidsTable();
    await sortBids(fake, 0, false);
    expect(fake.inspect.values("Sheet1!A2:A6").flat()).toEqual(["cura", "birch", "Acme", "Acme", ""]);
  });

  it("keeps structured references, moves relative rows with their row, and leaves $ rows alone", async () => {
    const fake = await bidsTable();
    await sortBids(fake, 0, false);
    // cura came from row 4 to row 2.
    expect(fake.inspect.formulas("Sheet1!C2:D2")).toEqual([["=[@Quantity]*2", "=B2*$E$1"]]);
    expect(fake.inspect.values("Sheet1!B2:D2")).toEqual([[12, 24, 120]]);
  });

  it("moves a row's own formats with it, and every row keeps the column's format", async () => {
    const fake = await bidsTable();
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A4").format.font.bold = true;
      await context.sync();
    });
    await sortBids(fake, 1, false);
    // Descending: text before numbers, blanks still last. cura (12, bold) went from row 4 to row 3.
    expect(fake.inspect.values("Sheet1!A2:B6")).toEqual([
      ["Acme", "n/a"],
      ["cura", 12],
      ["birch", 3],
      ["", 1],
      ["Acme", ""],
    ]);
    expect(["A3", "A4"].map((a) => fake.inspect.format(`Sheet1!${a}`).bold)).toEqual([true, false]);
    // The column's format (on its first data row, as the add-in writes it) is on every row.
    expect(["B2", "B3", "B4", "B6"].map((a) => fake.inspect.format(`Sheet1!${a}`).numberFormat)).toEqual(["0.0", "0.0", "0.0", "0.0"]);
  });

  it("reads back the sort it applied, and forgets it on clear", async () => {
    const fake = await bidsTable();
    await sortBids(fake, 1, false);
    const fields = await excelRun(fake)(async (context) => {
      const sort = context.workbook.tables.getItem("Bids").sort.load("fields");
      await context.sync();
      const before = sort.fields;
      sort.clear();
      sort.load("fields");
      await context.sync();
      return [before, sort.fields];
    });
    expect(fields).toEqual([[{ key: 1, ascending: false }], []]);
    expect(fake.inspect.tableHeader("Bids")?.sort).toBeUndefined();
  });

  it("sorts only the rows a filter shows, each among the shown rows' places", async () => {
    const fake = await bidsTable();
    await excelRun(fake)(async (context) => {
      context.workbook.tables.getItem("Bids").columns.getItem("Bidder").filter.applyValuesFilter(["birch", "cura", ""]);
      context.workbook.tables.getItem("Bids").sort.apply([{ key: 0, ascending: false }]);
      await context.sync();
    });
    // Rows 3 and 6 (the two Acme rows) stay hidden where they were.
    expect(fake.inspect.values("Sheet1!A2:A6").flat()).toEqual(["cura", "Acme", "birch", "", "Acme"]);
    expect(fake.inspect.hiddenRows("Sheet1")).toEqual([3, 6]);
  });
});

describe("filtering a table", () => {
  it("hides the rows a values filter does not keep, any case, blanks by \"\", and changes no value", async () => {
    const fake = await bidsTable();
    const before = fake.inspect.values("Sheet1!A1:D6");
    const hidden = await excelRun(fake)(async (context) => {
      context.workbook.tables.getItem("Bids").columns.getItem("Bidder").filter.applyValuesFilter(["ACME", ""]);
      const rows = [2, 3, 4, 5, 6].map((r) => context.workbook.worksheets.getItem("Sheet1").getRange(`A${r}`).load("rowHidden"));
      await context.sync();
      return rows.map((r) => r.rowHidden);
    });
    expect(hidden).toEqual([true, false, true, false, false]);
    expect(fake.inspect.values("Sheet1!A1:D6")).toEqual(before);
    expect(fake.inspect.tableHeader("Bids")?.filters).toEqual({ Bidder: ["acme", ""] });
  });

  it("shows a row only when every filtered column keeps it; clearing one column's filter leaves the other", async () => {
    const fake = await bidsTable();
    await excelRun(fake)(async (context) => {
      const columns = context.workbook.tables.getItem("Bids").columns;
      columns.getItem("Bidder").filter.apply({ filterOn: "Values", values: ["Acme", "birch"] });
      columns.getItem("Quantity").filter.applyValuesFilter(["3", "12"]);
      await context.sync();
    });
    expect(fake.inspect.hiddenRows("Sheet1")).toEqual([3, 4, 5, 6]);
    const criteria = await excelRun(fake)(async (context) => {
      const columns = context.workbook.tables.getItem("Bids").columns;
      columns.getItem("Quantity").filter.clear();
      const bidder = columns.getItem("Bidder").filter.load("criteria");
      const quantity = columns.getItem("Quantity").filter.load("criteria");
      await context.sync();
      return [bidder.criteria, quantity.criteria];
    });
    expect(criteria).toEqual([{ filterOn: "Values", values: ["acme", "birch"] }, null]);
    expect(fake.inspect.hiddenRows("Sheet1")).toEqual([4, 5]);
  });

  it("shows every row again on clearFilters", async () => {
    const fake = await bidsTable();
    await excelRun(fake)(async (context) => {
      const table = context.workbook.tables.getItem("Bids");
      table.columns.getItem("Bidder").filter.applyValuesFilter(["cura"]);
      await context.sync();
      table.clearFilters();
      await context.sync();
    });
    expect(fake.inspect.hiddenRows("Sheet1")).toEqual([]);
    expect(fake.inspect.tableHeader("Bids")?.filters).toEqual({});
  });

  it("reads and sets whether the header shows its filter buttons", async () => {
    const fake = await bidsTable();
    const shown = await excelRun(fake)(async (context) => {
      const table = context.workbook.tables.getItem("Bids").load("showFilterButton");
      await context.sync();
      const before = table.showFilterButton;
      table.showFilterButton = false;
      await context.sync();
      return before;
    });
    expect([shown, fake.inspect.tableHeader("Bids")?.showFilterButton]).toEqual([true, false]);
  });
});

describe("a protected sheet", () => {
  const protect = (fake: ExcelHost, options: Excel.WorksheetProtectionOptions): Promise<void> =>
    excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").protection.protect(options);
      await context.sync();
    });

  it("refuses a sort and a filter with AccessDenied, changing nothing", async () => {
    const fake = await bidsTable();
    await protect(fake, {});
    const before = fake.inspect.values("Sheet1!A1:D6");
    await expect(sortBids(fake, 0, true)).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      excelRun(fake)(async (context) => {
        context.workbook.tables.getItem("Bids").columns.getItem("Bidder").filter.applyValuesFilter(["cura"]);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.inspect.values("Sheet1!A1:D6")).toEqual(before);
    expect(fake.inspect.hiddenRows("Sheet1")).toEqual([]);
  });

  it("filters when its protection allows AutoFilter, as the add-in's signed sheets do, but still refuses to sort locked cells", async () => {
    const fake = await bidsTable();
    await protect(fake, { allowAutoFilter: true, allowSort: true });
    await excelRun(fake)(async (context) => {
      context.workbook.tables.getItem("Bids").columns.getItem("Bidder").filter.applyValuesFilter(["cura"]);
      await context.sync();
    });
    expect(fake.inspect.hiddenRows("Sheet1")).toEqual([2, 3, 5, 6]);
    await expect(sortBids(fake, 0, true)).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("sorts when its protection allows sorting and the table's cells are unlocked", async () => {
    const fake = await bidsTable();
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A2:D6").format.protection.locked = false;
      await context.sync();
    });
    await protect(fake, { allowSort: true });
    await sortBids(fake, 0, true);
    expect(fake.inspect.values("Sheet1!A2:A6").flat()).toEqual(["Acme", "Acme", "birch", "cura", ""]);
  });
});
