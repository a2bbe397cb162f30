/**
 * The host is strict: what it does not implement fails with the member's name (and fails the
 * test even if the add-in catches the error), and a wrong argument or enum value fails with
 * Excel's error code. It never succeeds silently.
 */
import { createExcelHost, type ExcelHost } from "./index";
import { takeUnimplemented } from "./strictness";

const excelRun = (host: ExcelHost): typeof Excel.run => host.run as unknown as typeof Excel.run;

describe("a member the host does not implement", () => {
  it("fails the sync with NotImplemented naming the member, and is noted for the test to fail", async () => {
    const host = createExcelHost();
    const merging = excelRun(host)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").merge(false);
      await context.sync();
    });
    await expect(merging).rejects.toMatchObject({ code: "NotImplemented", debugInfo: { errorLocation: "Range.merge" } });
    expect(host.unimplemented).toEqual(["Range.merge"]);
    // jest's setup would now fail this test by name; taking the note is this test's point.
    expect(takeUnimplemented()).toEqual(["Range.merge"]);
  });

  it("is noted even when the add-in catches Excel's error and carries on", async () => {
    const host = createExcelHost();
    await excelRun(host)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").hyperlink = { address: "https://example.invalid" };
      await context.sync().catch(() => undefined);
    });
    expect(takeUnimplemented()).toEqual(["Range.hyperlink (set)"]);
  });
});

describe("a wrong argument", () => {
  it.each([
    ["a ClearApplyTo value", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Sheet1").getRange("A1").clear("Everything" as Excel.ClearApplyTo)],
    ["a sheet visibility", (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem("Sheet1").visibility = "Invisible" as Excel.SheetVisibility)],
    ["a horizontal alignment", (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem("Sheet1").getRange("A1").format.horizontalAlignment = "Middle" as Excel.HorizontalAlignment)],
    ["a chart type", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Sheet1").charts.add("Bars" as Excel.ChartType, c.workbook.worksheets.getItem("Sheet1").getRange("A1:B3"))],
    ["an array the wrong size", (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]])],
    ["a colour", (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "reddish")],
  ])("fails with InvalidArgument: %s", async (_what, act) => {
    const host = createExcelHost({ sheets: { Sheet1: [["Bidder", "£"], ["Acme", 1], ["Birch", 2]] } });
    const failing = excelRun(host)(async (context) => {
      act(context);
      await context.sync();
    });
    await expect(failing).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
