/**
 * The playground's .xlsx export and import, in Node (runs with `npm test`): the export is read
 * back with ExcelJS as a spreadsheet app would read it, and the import goes through the host's
 * `run` like any edit.
 */
import ExcelJS from "exceljs";
import { createExcelHost } from "../excelHost";
import type { ExcelRun } from "../../src/excel/shared/excelRun";
import { fileFormula, workbookToXlsx } from "../../playground/exportXlsx";
import { ImportError, readXlsx, replaceWorkbook, workbookHasContent } from "../../playground/importXlsx";

function aScoredWorkbook() {
  return createExcelHost({
    sheets: {
      Bids: [
        ["Bidder", "Value", "Score"],
        ["Acme Care Ltd", 120000, "=TENDER.SVSCORE(B2,$B$2:$B$3,10)"],
        ["Birch Homes", 60000, "=TENDER.SVSCORE(B3,$B$2:$B$3,10)"],
      ],
      "Bob's notes": [["Checked", true]],
    },
  });
}

async function readBack(buffer: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  return workbook;
}

describe("workbookToXlsx", () => {
  it("writes every sheet, in order, with its values", async () => {
    const book = await readBack(await workbookToXlsx(aScoredWorkbook()));
    expect(book.worksheets.map((w) => w.name)).toEqual(["Bids", "Bob's notes"]);
    const bids = book.getWorksheet("Bids") as ExcelJS.Worksheet;
    expect(bids.getCell("A1").value).toBe("Bidder");
    expect(bids.getCell("A2").value).toBe("Acme Care Ltd");
    expect(bids.getCell("B3").value).toBe(60000);
    expect(book.getWorksheet("Bob's notes")?.getCell("B1").value).toBe(true);
  });

  it("writes a TENDER formula without its = and caches the computed result", async () => {
    const bids = (await readBack(await workbookToXlsx(aScoredWorkbook()))).getWorksheet("Bids") as ExcelJS.Worksheet;
    expect(bids.getCell("C2").value).toEqual({ formula: "TENDER.SVSCORE(B2,$B$2:$B$3,10)", result: 10 });
    expect(bids.getCell("C3").value).toEqual({ formula: "TENDER.SVSCORE(B3,$B$2:$B$3,10)", result: 5 });
  });

  it("writes text that looks like a formula as text, never as a formula", async () => {
    const fake = aScoredWorkbook();
    await fake.run(async (context) => {
      // As the Excel layer writes imported text: a leading apostrophe keeps it text.
      context.workbook.worksheets.getItem("Bids").getRange("D2").values = [["'=HYPERLINK(\"http://example.invalid\",\"Click\")"]];
      await context.sync();
    });
    const bids = (await readBack(await workbookToXlsx(fake))).getWorksheet("Bids") as ExcelJS.Worksheet;
    expect(bids.getCell("D2").value).toBe('=HYPERLINK("http://example.invalid","Click")');
    expect(bids.getCell("D2").formula).toBeUndefined();
  });

  it("writes tables, so their structured references resolve in other apps", async () => {
    const fake = aScoredWorkbook();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Bids");
      sheet.getRange("D1").values = [["Double"]];
      context.workbook.tables.add(sheet.getRange("A1:D3"), true).name = "SV_Bids";
      sheet.getRange("D2:D3").values = [["=[@Value]*2"], ["=[@Value]*0"]];
      await context.sync();
    });
    const bids = (await readBack(await workbookToXlsx(fake))).getWorksheet("Bids") as ExcelJS.Worksheet;
    const table = bids.getTable("SV_Bids") as unknown as { table: { tableRef: string; columns: { name: string }[] } };
    expect(table.table.tableRef).toBe("A1:D3");
    expect(table.table.columns.map((c) => c.name)).toEqual(["Bidder", "Value", "Score", "Double"]);
    expect(bids.getCell("D2").value).toEqual({ formula: "SV_Bids[[#This Row],[Value]]*2", result: 240000 });
    // A result of 0 is still cached (ExcelJS's getter would drop it; the raw model shows it is there).
    expect((bids.getCell("D3") as unknown as { model: { result: unknown } }).model.result).toBe(0);
    expect(bids.getCell("C3").value).toEqual({ formula: "TENDER.SVSCORE(B3,$B$2:$B$3,10)", result: 5 });
  });

  it("keeps a number format and writes an error result as an error", async () => {
    const fake = aScoredWorkbook();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Bids");
      sheet.getRange("B2:B3").numberFormat = [["£#,##0"], ["£#,##0"]];
      sheet.getRange("D2").values = [["=B2/0"]];
      await context.sync();
    });
    const bids = (await readBack(await workbookToXlsx(fake))).getWorksheet("Bids") as ExcelJS.Worksheet;
    expect(bids.getCell("B2").numFmt).toBe("£#,##0");
    expect(bids.getCell("D2").value).toEqual({ formula: "B2/0", result: { error: "#DIV/0!" } });
  });
});

describe("fileFormula (structured references as .xlsx files store them)", () => {
  it("spells out this-row references, qualified or not", () => {
    expect(fileFormula("[@Quantity]*SV_Measures[@Proxy]+[@[Bid price]]", "SV_Bids")).toBe(
      "SV_Bids[[#This Row],[Quantity]]*SV_Measures[[#This Row],[Proxy]]+SV_Bids[[#This Row],[Bid price]]"
    );
  });

  it("qualifies a whole-column reference inside the table and leaves strings and qualified references alone", () => {
    expect(fileFormula('COUNTIF([Score],">"&[@Score])+LEN("[x]")+SV_Measures[[#Headers],[Ref]]', "SV_Scores")).toBe(
      'COUNTIF(SV_Scores[Score],">"&SV_Scores[[#This Row],[Score]])+LEN("[x]")+SV_Measures[[#Headers],[Ref]]'
    );
  });
});

describe("importing an .xlsx into the playground", () => {
  it("replaces the sheets with the file's values and formulas", async () => {
    const sheets = await readXlsx("evaluation.xlsx", await workbookToXlsx(aScoredWorkbook()));
    const target = createExcelHost({ sheets: { Sheet1: [["old"]] } });
    const run = target.run as unknown as ExcelRun;
    await expect(workbookHasContent(run)).resolves.toBe(true);
    await replaceWorkbook(run, sheets);
    expect(target.inspect.sheetNames()).toEqual(["Bids", "Bob's notes"]);
    expect(target.inspect.values("'Bids'!A1:C3")).toEqual([
      ["Bidder", "Value", "Score"],
      ["Acme Care Ltd", 120000, 10],
      ["Birch Homes", 60000, 5],
    ]);
    expect(target.inspect.formulas("'Bids'!C2")).toEqual([["=TENDER.SVSCORE(B2,$B$2:$B$3,10)"]]);
  });

  it("writes text that looks like a formula or a number as text", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Bid").addRow(["=HYPERLINK(\"http://x\")", "+44 1234", "-5", "@SUM(1)", "0123", "TRUE"]);
    const sheets = await readXlsx("bid.xlsx", (await source.xlsx.writeBuffer()) as ArrayBuffer);
    const target = createExcelHost();
    await replaceWorkbook(target.run as unknown as ExcelRun, sheets);
    expect(target.inspect.values("'Bid'!A1:F1")).toEqual([["=HYPERLINK(\"http://x\")", "+44 1234", "-5", "@SUM(1)", "0123", "TRUE"]]);
    expect(target.inspect.formulas("'Bid'!A1")).toEqual([["=HYPERLINK(\"http://x\")"]]);
  });

  it("keeps a cached formula result of 0, as the file shows it", async () => {
    const fake = createExcelHost({ sheets: { Bids: [["Value", 5], ["Zero", "=B1-5"], ["Shared", "=A1&\"\""]] } });
    const sheets = await readXlsx("zero.xlsx", await workbookToXlsx(fake));
    expect(sheets.sheets[0]?.rows).toEqual([
      ["Value", 5],
      ["Zero", 0],
      ["Shared", "Value"],
    ]);
  });

  it("says an empty workbook has nothing to lose", async () => {
    await expect(workbookHasContent(createExcelHost().run as unknown as ExcelRun)).resolves.toBe(false);
  });

  it("refuses a file that is not .xlsx, by name", async () => {
    await expect(readXlsx("bids.csv", new TextEncoder().encode("a,b").buffer as ArrayBuffer)).rejects.toThrow(new ImportError('"bids.csv" is not an .xlsx file. Choose an Excel workbook saved as .xlsx.'));
  });

  it("refuses a corrupt .xlsx with a message naming the file", async () => {
    await expect(readXlsx("bids.xlsx", new TextEncoder().encode("not a zip").buffer as ArrayBuffer)).rejects.toThrow(/"bids.xlsx" cannot be read: it is not a valid .xlsx workbook/);
    const truncated = (await workbookToXlsx(aScoredWorkbook())).slice(0, 200);
    await expect(readXlsx("bids.xlsx", truncated)).rejects.toThrow(/"bids.xlsx" cannot be read: the .xlsx workbook is damaged/);
  });
});
