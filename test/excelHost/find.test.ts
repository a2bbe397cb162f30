/**
 * Range.find (ExcelApi 1.9) and the request's traces: what the add-in's write guards rely on.
 * A failed find stops the request (nothing after it runs), and the traces that ran come back
 * in the error's traceMessages, as Excel reports them.
 */
import { createExcelHost, type ExcelHost } from "./index";

const excelRun = (host: ExcelHost): typeof Excel.run => host.run as unknown as typeof Excel.run;
const grid = [
  ["Evaluator", "Bidder", "Criterion"],
  ["Ann", "Acme Ltd", "Q1"],
  ["Ben", "Birch Homes", "Q2"],
];

describe("Range.find", () => {
  it("finds a whole cell in any case within a range, and gives its address", async () => {
    const host = createExcelHost({ sheets: { Sheet1: grid } });
    const address = await excelRun(host)(async (context) => {
      const found = context.workbook.worksheets.getItem("Sheet1").getRange("A2:C2").find("acme ltd", { completeMatch: true, matchCase: false }).load("address");
      await context.sync();
      return found.address;
    });
    expect(address).toBe("Sheet1!B2");
  });

  it("fails with ItemNotFound when the range does not hold the text, though another row does", async () => {
    const host = createExcelHost({ sheets: { Sheet1: grid } });
    await expect(
      excelRun(host)(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2:C2").find("Birch Homes", { completeMatch: true, matchCase: false });
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("on one cell, searches the whole sheet after it (as the reference says), so a guard must look in two cells or more", async () => {
    const host = createExcelHost({ sheets: { Sheet1: grid } });
    const address = await excelRun(host)(async (context) => {
      const found = context.workbook.worksheets.getItem("Sheet1").getRange("A2").find("Birch Homes", { completeMatch: true }).load("address");
      await context.sync();
      return found.address;
    });
    expect(address).toBe("Sheet1!B3");
  });

  it("with completeMatch off, finds a part of a cell; findOrNullObject gives a null object instead of failing", async () => {
    const host = createExcelHost({ sheets: { Sheet1: grid } });
    const out = await excelRun(host)(async (context) => {
      const row = context.workbook.worksheets.getItem("Sheet1").getRange("A3:C3");
      const part = row.find("Birch", { completeMatch: false }).load("address");
      const none = row.findOrNullObject("Acme", { completeMatch: false });
      await context.sync();
      return [part.address, none.isNullObject];
    });
    expect(out).toEqual(["Sheet1!B3", true]);
  });

  it("stops the request: a write queued after a failed find is not made, one before it is", async () => {
    const host = createExcelHost({ sheets: { Sheet1: grid } });
    const error = await excelRun(host)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("E1").values = [["before"]];
      context.trace("guard 0");
      sheet.getRange("A2:C2").find("Zed", { completeMatch: true });
      context.trace("writes");
      sheet.getRange("E2").values = [["after"]];
      await context.sync();
    }).catch((e: unknown) => e as OfficeExtension.Error);
    expect(error).toMatchObject({ code: "ItemNotFound", traceMessages: ["guard 0"] });
    expect(host.inspect.values("Sheet1!E1:E2")).toEqual([["before"], [""]]);
  });
});
