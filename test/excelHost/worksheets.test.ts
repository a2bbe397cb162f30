/**
 * Worksheets: adding, finding, naming, ordering, hiding, deleting; protection (AccessDenied on
 * locked cells); frozen panes; the used range.
 */
import { createExcelHost, type ExcelHost } from "./index";

const excelRun = (fake: ExcelHost): typeof Excel.run => fake.run as unknown as typeof Excel.run;

describe("the worksheet collection", () => {
  it("a new workbook has one sheet, Sheet1, active", () => {
    const fake = createExcelHost();
    expect([fake.inspect.sheetNames(), fake.inspect.activeSheet(), fake.inspect.selection()]).toEqual([["Sheet1"], "Sheet1", "Sheet1!A1"]);
  });

  it("add puts the sheet at the end under the name given, and reports its name and position once loaded", async () => {
    const fake = createExcelHost();
    const seen = await excelRun(fake)(async (context) => {
      const sheet = context.workbook.worksheets.add("SV Setup").load("name, position, visibility");
      await context.sync();
      return [sheet.name, sheet.position, sheet.visibility];
    });
    expect(seen).toEqual(["SV Setup", 1, "Visible"]);
    expect(fake.inspect.sheetNames()).toEqual(["Sheet1", "SV Setup"]);
  });

  it("add without a name takes the next free SheetN", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.add();
      await context.sync();
    });
    expect(fake.inspect.sheetNames()).toEqual(["Sheet1", "Sheet2"]);
  });

  it("a name already used, in any case, is ItemAlreadyExists", async () => {
    const duplicate = excelRun(createExcelHost())(async (context) => {
      context.workbook.worksheets.add("sheet1");
      await context.sync();
    });
    await expect(duplicate).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("a name Excel forbids is InvalidArgument", async () => {
    const invalid = excelRun(createExcelHost())(async (context) => {
      context.workbook.worksheets.add("Scores: Q1/Q2");
      await context.sync();
    });
    await expect(invalid).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("getItem finds a sheet whatever the case of its name", async () => {
    const seen = await excelRun(createExcelHost({ sheets: { "SV Setup": [] } }))(async (context) => {
      const sheet = context.workbook.worksheets.getItem("sv setup").load("name");
      await context.sync();
      return sheet.name;
    });
    expect(seen).toBe("SV Setup");
  });

  it("renaming, moving, hiding and deleting sheets change the workbook at the sync", async () => {
    const fake = createExcelHost({ sheets: { A: [], B: [], C: [] } });
    await excelRun(fake)(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("A").name = "First";
      sheets.getItem("C").position = 0;
      sheets.getItem("B").visibility = "Hidden";
      await context.sync();
    });
    expect(fake.inspect.sheetNames()).toEqual(["C", "First", "B"]);
    expect(fake.inspect.sheet("B").visibility).toBe("Hidden");
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("B").delete();
      await context.sync();
    });
    expect(fake.inspect.sheetNames()).toEqual(["C", "First"]);
  });

  it("renaming a sheet rewrites the formulas that refer to it", async () => {
    const fake = createExcelHost({ sheets: { Setup: [[100]], Sheet2: [["=Setup!A1*2"]] } });
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("Setup").name = "SV Setup";
      await context.sync();
    });
    expect(fake.inspect.formulas("Sheet2!A1")).toEqual([["='SV Setup'!A1*2"]]);
    expect(fake.inspect.value("Sheet2!A1")).toBe(200);
  });

  it("the last visible sheet can be neither hidden nor deleted", async () => {
    const run = excelRun(createExcelHost());
    const hide = run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
      await context.sync();
    });
    const remove = run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").delete();
      await context.sync();
    });
    await expect(hide).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(remove).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("activate makes a sheet active and selects its A1", async () => {
    const fake = createExcelHost({ sheets: { Sheet1: [], "SV Scores": [] } });
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("SV Scores").activate();
      await context.sync();
    });
    expect([fake.inspect.activeSheet(), fake.inspect.selection()]).toEqual(["SV Scores", "'SV Scores'!A1"]);
  });

  it("a formula that names a sheet before it exists computes once the sheet is added", async () => {
    const fake = createExcelHost({ sheets: { Sheet1: [["='SV Setup'!A1+1"]] } });
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.add("SV Setup").getRange("A1").values = [[41]];
      await context.sync();
    });
    expect(fake.inspect.value("Sheet1!A1")).toBe(42);
  });
});

describe("sheet protection", () => {
  it("a write to a locked cell of a protected sheet fails with AccessDenied", async () => {
    const fake = createExcelHost();
    const run = excelRun(fake);
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").protection.protect();
      await context.sync();
    });
    const write = run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      await context.sync();
    });
    await expect(write).rejects.toMatchObject({ code: "AccessDenied", message: expect.stringMatching(/^You cannot perform the requested operation\./) });
    expect(fake.inspect.value("Sheet1!A1")).toBe("");
  });

  it("cells unlocked before protecting stay editable", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B2:B10").format.protection.locked = false;
      sheet.protection.protect();
      sheet.getRange("B5").values = [[12]];
      await context.sync();
    });
    expect(fake.inspect.value("Sheet1!B5")).toBe(12);
    expect(fake.inspect.format("Sheet1!B2:B10").locked).toBe(false);
  });

  it("formatting a protected sheet fails unless the protection options allow it", async () => {
    const fake = createExcelHost({ sheets: { Locked: [], Formattable: [] } });
    const run = excelRun(fake);
    await run(async (context) => {
      context.workbook.worksheets.getItem("Locked").protection.protect();
      context.workbook.worksheets.getItem("Formattable").protection.protect({ allowFormatCells: true });
      await context.sync();
    });
    const fill = (sheet: string) =>
      run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange("A1").format.fill.color = "#FFFF00";
        await context.sync();
      });
    await expect(fill("Locked")).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(fill("Formattable")).resolves.toBeUndefined();
  });

  it("protected reads back true after protect and false after unprotect with the right password", async () => {
    const seen = await excelRun(createExcelHost())(async (context) => {
      const protection = context.workbook.worksheets.getItem("Sheet1").protection;
      protection.protect({ allowFormatColumns: true }, "s3cret");
      const during = protection.load("protected, options");
      await context.sync();
      const state = [during.protected, during.options.allowFormatColumns];
      protection.unprotect("s3cret");
      protection.load("protected");
      await context.sync();
      return [...state, protection.protected];
    });
    expect(seen).toEqual([true, true, false]);
  });

  it("protecting an already protected sheet fails, and so does unprotecting with a wrong password", async () => {
    const run = excelRun(createExcelHost());
    const twice = run(async (context) => {
      const protection = context.workbook.worksheets.getItem("Sheet1").protection;
      protection.protect(undefined, "right");
      protection.protect();
      await context.sync();
    });
    await expect(twice).rejects.toMatchObject({ code: "InvalidOperation" });
    const wrong = run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").protection.unprotect("wrong");
      await context.sync();
    });
    await expect(wrong).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("frozen panes and the used range", () => {
  it("freezeRows and freezeColumns are recorded on the sheet", async () => {
    const fake = createExcelHost();
    await excelRun(fake)(async (context) => {
      const panes = context.workbook.worksheets.getItem("Sheet1").freezePanes;
      panes.freezeRows(1);
      panes.freezeColumns(2);
      await context.sync();
    });
    expect(fake.inspect.sheet("Sheet1")).toMatchObject({ freezeRows: 1, freezeColumns: 2 });
  });

  it("getUsedRangeOrNullObject is null on an empty sheet and spans every value otherwise", async () => {
    const fake = createExcelHost({ sheets: { Empty: [], Used: [[null, null], [null, "x", null, 4]] } });
    const seen = await excelRun(fake)(async (context) => {
      const empty = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
      const used = context.workbook.worksheets.getItem("Used").getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      return { empty: empty.isNullObject, used: used.address };
    });
    expect(seen).toEqual({ empty: true, used: "Used!B2:D2" });
  });
});
