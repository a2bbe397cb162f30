/**
 * Cell contents: what a write makes of its input (as Excel reads typed input), what values,
 * formulas, text and valueTypes read back, and recalculation through the formula engine.
 */
import { createExcelHost, type ExcelHost } from "./index";

const excelRun = (fake: ExcelHost): typeof Excel.run => fake.run as unknown as typeof Excel.run;

/** Writes `values` to A1 of Sheet1 (through Range.values) and returns the host. */
async function written(values: unknown[][], property: "values" | "formulas" = "values"): Promise<ExcelHost> {
  const fake = createExcelHost();
  await excelRun(fake)(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").getResizedRange(values.length - 1, (values[0]?.length ?? 1) - 1);
    range[property] = values;
    await context.sync();
  });
  return fake;
}

describe("values and formulas", () => {
  it("a formula reads back as its result in values and as its text in formulas", async () => {
    const fake = await written([[2, 3, "=A1*B1"]]);
    expect(fake.inspect.values("Sheet1!A1:C1")).toEqual([[2, 3, 6]]);
    expect(fake.inspect.formulas("Sheet1!A1:C1")).toEqual([[2, 3, "=A1*B1"]]);
  });

  it("an empty cell reads as an empty string, and a formula over empty cells as 0", async () => {
    const fake = await written([[null, "=A1"]]);
    expect(fake.inspect.values("Sheet1!A1:B1")).toEqual([["", 0]]);
  });

  it("a formula recalculates when a cell it reads changes", async () => {
    const fake = createExcelHost({ sheets: { Sheet1: [[10, "=A1*2"]] } });
    const run = excelRun(fake);
    const result = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [[21]];
      const b1 = sheet.getRange("B1").load("values");
      await context.sync();
      return b1.values;
    });
    expect(result).toEqual([[42]]);
  });

  it("formulas across sheets, quoted sheet names included, compute", async () => {
    const fake = createExcelHost({ sheets: { "SV Setup": [[1_000_000]], Summary: [["='SV Setup'!A1/4"]] } });
    expect(fake.inspect.value("Summary!A1")).toBe(250_000);
  });

  it("an error result reads as its error text", async () => {
    const fake = await written([["=1/0", "=NOSUCHFUNCTION(1)"]]);
    expect(fake.inspect.values("Sheet1!A1:B1")).toEqual([["#DIV/0!", "#NAME?"]]);
  });

  it("a formula Excel cannot parse is refused with InvalidArgument and nothing in the range is written", async () => {
    const fake = createExcelHost();
    const bad = excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").formulas = [["=1+1", "=SUM(1,"]];
      await context.sync();
    });
    await expect(bad).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.inspect.values("Sheet1!A1:B1")).toEqual([["", ""]]);
  });

  it("an array that is not the size of the range is refused with InvalidArgument", async () => {
    const wrongShape = excelRun(createExcelHost())(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
      await context.sync();
    });
    await expect(wrongShape).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("a single value (not an array) goes to every cell of the range", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      (context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2") as unknown as { values: unknown }).values = "x";
      await context.sync();
    });
    expect(fake.inspect.values("Sheet1!A1:B2")).toEqual([["x", "x"], ["x", "x"]]);
  });

  it("null in the array leaves that cell as it was, and an empty string clears it", async () => {
    const fake = createExcelHost({ sheets: { Sheet1: [["keep", "clear"]] } });
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, ""]];
      await context.sync();
    });
    expect(fake.inspect.values("Sheet1!A1:B1")).toEqual([["keep", ""]]);
  });

  it("text, valueTypes and numberFormat read back cell by cell", async () => {
    const fake = createExcelHost({ sheets: { Sheet1: [[0.1, "a", true, "=1/0", null]] } });
    const seen = await excelRun(fake)(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1").load("text, valueTypes, numberFormat");
      await context.sync();
      return { text: range.text, types: range.valueTypes, formats: range.numberFormat };
    });
    expect(seen).toEqual({
      text: [["0.1", "a", "TRUE", "#DIV/0!", ""]],
      types: [["Double", "String", "Boolean", "Error", "Empty"]],
      formats: [["General", "General", "General", "General", "General"]],
    });
  });
});

describe("what a written string becomes (Excel reads it as typed input)", () => {
  it("text starting with = is a formula", async () => {
    const fake = await written([["=2+3"]]);
    expect(fake.inspect.formulas("Sheet1!A1")).toEqual([["=2+3"]]);
    expect(fake.inspect.value("Sheet1!A1")).toBe(5);
  });

  it("text starting with + or - that is not a number is a formula too, as the Range.values reference warns", async () => {
    const fake = createExcelHost({ sheets: { Sheet1: [[4, "+A1", "-A1", "-5", "+5"]] } });
    expect(fake.inspect.formulas("Sheet1!B1:E1")).toEqual([["=+A1", "=-A1", -5, 5]]);
    expect(fake.inspect.values("Sheet1!B1:C1")).toEqual([[4, -4]]);
  });

  it("a leading apostrophe keeps the rest as text, and both values and formulas read it back without the apostrophe", async () => {
    const fake = await written([["'=HYPERLINK(\"http://evil\")", "'00123"]]);
    expect(fake.inspect.values("Sheet1!A1:B1")).toEqual([['=HYPERLINK("http://evil")', "00123"]]);
    expect(fake.inspect.formulas("Sheet1!A1:B1")).toEqual([['=HYPERLINK("http://evil")', "00123"]]);
  });

  it("in a cell formatted as Text (@), any string stays text, = included", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.numberFormat = [["@", "@"]];
      range.values = [["=1+1", "007"]];
      await context.sync();
    });
    expect(fake.inspect.values("Sheet1!A1:B1")).toEqual([["=1+1", "007"]]);
  });

  it("strings that look like numbers, percentages or booleans become them; other text stays text", async () => {
    const fake = await written([["12", "1.5e3", "25%", "true", "ECC10", "@SUM(A1)"]]);
    expect(fake.inspect.values("Sheet1!A1:F1")).toEqual([[12, 1500, 0.25, true, "ECC10", "@SUM(A1)"]]);
  });

  it("writing through formulas follows the same rules as values", async () => {
    const fake = await written([["12", "'=1", "=6*7"]], "formulas");
    expect(fake.inspect.values("Sheet1!A1:C1")).toEqual([[12, "=1", 42]]);
  });
});

describe("ranges from ranges", () => {
  it("getCell, getOffsetRange, getResizedRange, getRow, getColumn, getEntireColumn and getLastRow address the cells Excel would", async () => {
    const fake = createExcelHost();
    const addresses = await excelRun(fake)(async (context) => {
      const base = context.workbook.worksheets.getItem("Sheet1").getRange("B2:D5");
      const ranges = [
        base.getCell(1, 2),
        base.getOffsetRange(1, -1),
        base.getResizedRange(-2, 1),
        base.getRow(3),
        base.getColumn(0),
        base.getEntireColumn(),
        base.getLastRow(),
      ].map((r) => r.load("address"));
      await context.sync();
      return ranges.map((r) => r.address);
    });
    expect(addresses).toEqual(["Sheet1!D3", "Sheet1!A3:C6", "Sheet1!B2:E3", "Sheet1!B5:D5", "Sheet1!B2:B5", "Sheet1!B:D", "Sheet1!B5:D5"]);
  });

  it("a range that would leave the sheet is InvalidArgument, located at the method that made it", async () => {
    const offGrid = excelRun(createExcelHost())(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").getOffsetRange(-1, 0).values = [[1]];
      await context.sync();
    });
    await expect(offGrid).rejects.toMatchObject({ code: "InvalidArgument", debugInfo: { errorLocation: "Range.getOffsetRange" } });
  });

  it("an address that is not A1 is InvalidArgument", async () => {
    const bad = excelRun(createExcelHost())(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("R1C1").load("values");
      await context.sync();
    });
    await expect(bad).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
