/**
 * A co-author acting between two of the add-in's requests (coauthor.ts): the add-in's next
 * request must find the workbook as the co-author left it, as in a shared workbook in Excel.
 */
import { createExcelHost, type ExcelHost } from "./index";

const excelRun = (host: ExcelHost): typeof Excel.run => host.run as unknown as typeof Excel.run;

/** A "Marks" table on Sheet1 at A1:B4 (Evaluator, Mark), and a total in D1 that reads B2:B4. */
async function marksWorkbook(): Promise<ExcelHost> {
  const host = createExcelHost({ sheets: { Sheet1: [["Evaluator", "Mark", null, "=SUM(B2:B4)"], ["Cho", 3], ["Ade", 5], ["Bea", 1]] } });
  await excelRun(host)(async (context) => {
    context.workbook.tables.add("Sheet1!A1:B4", true).name = "Marks";
    context.workbook.names.add("FirstMark", context.workbook.worksheets.getItem("Sheet1").getRange("B2"));
    await context.sync();
  });
  host.resetStats();
  return host;
}

describe("a co-author between two syncs of one Excel.run", () => {
  it("sorts the table between the add-in's read and its write: the write lands on whoever is there now", async () => {
    const host = await marksWorkbook();
    const seen = await excelRun(host)(async (context) => {
      const body = context.workbook.tables.getItem("Marks").getDataBodyRange().load("values");
      await context.sync();
      const row = body.values.findIndex((r) => r[0] === "Cho");
      host.coauthor.beforeNextRequest((co) => co.sortTable("Marks", "Evaluator"));
      // The add-in writes Cho's new mark where Cho was when it read: the co-author's sort has moved him.
      context.workbook.tables.getItem("Marks").getDataBodyRange().getCell(row, 1).values = [[4]];
      const after = context.workbook.tables.getItem("Marks").getDataBodyRange().load("values");
      await context.sync();
      return after.values;
    });
    expect(seen).toEqual([
      ["Ade", 4],
      ["Bea", 1],
      ["Cho", 3],
    ]);
    expect(host.coauthor.log).toEqual(["sorted Marks by Evaluator"]);
  });

  it("types into a cell: the add-in's next load sees it", async () => {
    const host = await marksWorkbook();
    const total = await excelRun(host)(async (context) => {
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("D1").load("values");
      await context.sync();
      const before = cell.values[0]?.[0];
      host.coauthor.beforeNextRequest((co) => co.type("Sheet1!B3", "2"));
      cell.load("values");
      await context.sync();
      return [before, cell.values[0]?.[0]];
    });
    expect(total).toEqual([9, 6]);
  });
});

describe("a co-author between two Excel.run calls", () => {
  it("inserts a row above the table: the table, formulas and names move down with their cells", async () => {
    const host = await marksWorkbook();
    host.coauthor.beforeNextRequest((co) => co.insertRows("Sheet1", 1, 2));
    const seen = await excelRun(host)(async (context) => {
      const table = context.workbook.tables.getItem("Marks").getRange().load("address");
      const name = context.workbook.names.getItem("FirstMark").load("formula");
      const total = context.workbook.worksheets.getItem("Sheet1").getRange("D3").load("formulas, values");
      await context.sync();
      return { table: table.address, name: name.formula, total: [total.formulas[0]?.[0], total.values[0]?.[0]] };
    });
    expect(seen).toEqual({ table: "Sheet1!A3:B6", name: "=Sheet1!$B$4", total: ["=SUM(B4:B6)", 9] });
  });

  it("deletes a row of the table: it shrinks, and a range the add-in kept loses the row too", async () => {
    const host = await marksWorkbook();
    const seen = await excelRun(host)(async (context) => {
      const body = context.workbook.tables.getItem("Marks").getDataBodyRange().load("address");
      await context.sync();
      host.coauthor.beforeNextRequest((co) => co.deleteRows("Sheet1", 3));
      body.load("address, values");
      const table = context.workbook.tables.getItem("Marks").getRange().load("address");
      await context.sync();
      return { kept: body.address, values: body.values, table: table.address };
    });
    expect(seen).toEqual({ kept: "Sheet1!A2:B3", values: [["Cho", 3], ["Bea", 1]], table: "Sheet1!A1:B3" });
  });

  it("adds a name the add-in then tries to add: the add-in's request fails with ItemAlreadyExists", async () => {
    const host = await marksWorkbook();
    host.coauthor.beforeNextRequest((co) => co.addName("SV_Chair", '="Dee"'));
    const adding = excelRun(host)(async (context) => {
      context.workbook.names.add("SV_Chair", '="Eve"');
      await context.sync();
    });
    await expect(adding).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(host.inspect.names().find((n) => n.name === "SV_Chair")?.formula).toBe('="Dee"');
  });

  it("filters the table: rows are hidden, no value changes", async () => {
    const host = await marksWorkbook();
    host.coauthor.beforeNextRequest((co) => co.filterTable("Marks", "Evaluator", ["Ade"]));
    const seen = await excelRun(host)(async (context) => {
      const rows = [2, 3, 4].map((r) => context.workbook.worksheets.getItem("Sheet1").getRange(`A${r}`).load("rowHidden, values"));
      await context.sync();
      return rows.map((r) => [r.values[0]?.[0], r.rowHidden]);
    });
    expect(seen).toEqual([
      ["Cho", true],
      ["Ade", false],
      ["Bea", true],
    ]);
  });

  it("acts before the request it was scheduled for, and not before", async () => {
    const host = await marksWorkbook();
    host.coauthor.beforeRequest(2, (co) => co.type("Sheet1!B2", 0));
    const seen = await excelRun(host)(async (context) => {
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("B2");
      cell.load("values");
      await context.sync();
      const first = cell.values[0]?.[0];
      cell.load("values");
      await context.sync();
      return [first, cell.values[0]?.[0]];
    });
    expect(seen).toEqual([3, 0]);
  });
});
