/**
 * Formats, data validation, conditional formats and the selection: what the add-in sets is
 * kept and reads back as Excel reports it.
 */
import { createExcelHost, type ExcelHost } from "./index";

const excelRun = (fake: ExcelHost): typeof Excel.run => fake.run as unknown as typeof Excel.run;

describe("range formats", () => {
  it("fill, font and number format read back for the range, colours as #RRGGBB", async () => {
    const fake = createExcelHost();
    const seen = await excelRun(fake)(async (context) => {
      const header = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      header.format.fill.color = "#1f4e78";
      header.format.font.bold = true;
      header.format.font.color = "white";
      header.numberFormat = [["@", "0.00", "0%"]];
      header.load("numberFormat, format/fill/color, format/font/bold, format/font/color");
      await context.sync();
      return [header.format.fill.color, header.format.font.bold, header.format.font.color, header.numberFormat];
    });
    expect(seen).toEqual(["#1F4E78", true, "#FFFFFF", [["@", "0.00", "0%"]]]);
  });

  it("a property that differs across the range reads as null; an unfilled range as white", async () => {
    const fake = createExcelHost();
    const seen = await excelRun(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").format.fill.color = "#FF0000";
      const mixed = sheet.getRange("A1:B1").format.fill.load("color");
      const blank = sheet.getRange("C1:D1").format.fill.load("color");
      await context.sync();
      return [mixed.color, blank.color];
    });
    expect(seen).toEqual([null, "#FFFFFF"]);
  });

  it("fill.clear removes the fill", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      cell.format.fill.color = "#FF0000";
      cell.format.fill.clear();
      await context.sync();
    });
    expect(fake.inspect.format("Sheet1!A1").fill).toBeNull();
  });

  it("an unknown colour is InvalidArgument", async () => {
    const bad = excelRun(createExcelHost())(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "sort of teal";
      await context.sync();
    });
    await expect(bad).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("formatting whole columns applies to every cell in them", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B:B").format.font.bold = true;
      await context.sync();
    });
    expect([fake.inspect.format("Sheet1!B1048576").bold, fake.inspect.format("Sheet1!C1").bold]).toEqual([true, false]);
  });

  it("columnWidth is set per column and autofitColumns widens a column to its longest text", async () => {
    const fake = createExcelHost({ sheets: { Sheet1: [["Ref", "How the bidder will deliver and evidence this commitment"]] } });
    await excelRun(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A:A").format.columnWidth = 60;
      sheet.getRange("B1").format.autofitColumns();
      await context.sync();
    });
    const widths = fake.inspect.sheet("Sheet1").columnWidths;
    expect(widths.A).toBe(60);
    expect(widths.B).toBeGreaterThan(200);
  });

  it("clear with Formats resets formats and keeps values; with Contents the reverse", async () => {
    const fake = createExcelHost({ sheets: { Sheet1: [[1, 2]] } });
    await excelRun(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").format.font.bold = true;
      sheet.getRange("A1").clear("Formats");
      sheet.getRange("B1").clear("Contents");
      await context.sync();
    });
    expect(fake.inspect.values("Sheet1!A1:B1")).toEqual([[1, ""]]);
    expect([fake.inspect.format("Sheet1!A1").bold, fake.inspect.format("Sheet1!B1").bold]).toEqual([false, true]);
  });
});

describe("data validation", () => {
  it("a list rule whose source is a range is kept with the range's absolute address", async () => {
    const fake = createExcelHost({ sheets: { Lists: [["Yes"], ["No"]], Sheet1: [] } });
    await excelRun(fake)(async (context) => {
      const source = context.workbook.worksheets.getItem("Lists").getRange("A1:A2");
      context.workbook.worksheets.getItem("Sheet1").getRange("B2:B100").dataValidation.rule = { list: { inCellDropDown: true, source } };
      await context.sync();
    });
    expect(fake.inspect.validation("Sheet1!B2:B100")).toMatchObject({ type: "List", rule: { list: { inCellDropDown: true, source: "=Lists!$A$1:$A$2" } } });
  });

  it("number rules keep their operator and bounds, and load back through the range", async () => {
    const fake = createExcelHost();
    const seen = await excelRun(fake)(async (context) => {
      const marks = context.workbook.worksheets.getItem("Sheet1").getRange("C2:C10");
      marks.dataValidation.rule = { wholeNumber: { formula1: 0, formula2: 5, operator: "Between" } };
      marks.load("dataValidation/type, dataValidation/rule");
      await context.sync();
      return [marks.dataValidation.type, marks.dataValidation.rule];
    });
    expect(seen).toEqual(["WholeNumber", { wholeNumber: { formula1: 0, formula2: 5, operator: "Between" } }]);
  });

  it("a rule without what its type needs is InvalidArgument", async () => {
    const bad = excelRun(createExcelHost())(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = { decimal: { formula1: 0, operator: "Between" } };
      await context.sync();
    });
    await expect(bad).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("clear removes the rule; writes through the API are never checked against a rule", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      cell.dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      cell.values = [[-3]];
      await context.sync();
    });
    expect(fake.inspect.value("Sheet1!A1")).toBe(-3);
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.clear();
      await context.sync();
    });
    expect(fake.inspect.validation("Sheet1!A1").type).toBe("None");
  });
});

describe("conditional formats", () => {
  it("a custom rule keeps its formula and format", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      const spread = context.workbook.worksheets.getItem("Sheet1").getRange("F2:F20");
      const cf = spread.conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=$F2>=2";
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.color = "#9C0006";
      await context.sync();
    });
    expect(fake.inspect.conditionalFormats("Sheet1")).toEqual([
      { address: "F2:F20", type: "Custom", rule: { formula: "=$F2>=2" }, format: { fillColor: "#FFC7CE", fontColor: "#9C0006" } },
    ]);
  });

  it("a cell-value rule keeps its operator and formulas", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      const cf = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").conditionalFormats.add("CellValue");
      cf.cellValue.rule = { formula1: "0", operator: "LessThan" };
      cf.cellValue.format.font.bold = true;
      await context.sync();
    });
    expect(fake.inspect.conditionalFormats("Sheet1")[0]).toMatchObject({ type: "CellValue", rule: { formula1: "0", operator: "LessThan" }, format: { fontBold: true } });
  });

  it("clearAll removes the conditional formats over the range", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5");
      range.conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
      range.conditionalFormats.clearAll();
      await context.sync();
    });
    expect(fake.inspect.conditionalFormats("Sheet1")).toEqual([]);
  });
});

describe("selection", () => {
  it("Range.select selects the range and activates its sheet; getSelectedRange returns it", async () => {
    const fake = createExcelHost({ sheets: { Sheet1: [], "SV Commitments": [] } });
    const address = await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("SV Commitments").getRange("E7").select();
      const selected = context.workbook.getSelectedRange().load("address");
      await context.sync();
      return selected.address;
    });
    expect(address).toBe("'SV Commitments'!E7");
    expect(fake.inspect.activeSheet()).toBe("SV Commitments");
  });
});

describe("calculation", () => {
  it("calculationMode is kept, and suspending calculation is counted", async () => {
    const fake = createExcelHost();
    const mode = await excelRun(fake)(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.application.calculationMode = "Manual";
      context.application.load("calculationMode");
      await context.sync();
      return context.application.calculationMode;
    });
    expect(mode).toBe("Manual");
    expect(fake.stats.calculationSuspensions).toBe(1);
  });
});
