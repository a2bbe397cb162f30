/** The inspector's listings of a sheet's data validation rules and charts (used by the playground's export). */
import { createExcelHost } from "./index";

describe("inspect.validations", () => {
  it("lists every rule set on a sheet, oldest first, with its alert, and a clear as a null rule", async () => {
    const host = createExcelHost({ sheets: { Bids: [["Ref"], ["A"]] } });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Bids");
      const refs = sheet.getRange("A2:A500").dataValidation; // eslint-disable-line office-addins/load-object-before-read -- written, never read
      refs.rule = { list: { inCellDropDown: true, source: "A,B" } };
      refs.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: "Ref", message: "Pick a ref." };
      sheet.getRange("A400:A500").dataValidation.clear();
      await context.sync();
    });
    expect(host.inspect.validations("Bids")).toEqual([
      { address: "A2:A500", rule: { list: { inCellDropDown: true, source: "A,B" } }, errorAlert: { showAlert: true, style: "Stop", title: "Ref", message: "Pick a ref." } },
      { address: "A400:A500", rule: null },
    ]);
  });

  it("lists nothing for a sheet without rules", () => {
    expect(createExcelHost().inspect.validations("Sheet1")).toEqual([]);
  });
});

describe("inspect.charts", () => {
  it("lists a sheet's charts with their type, title and source, and forgets a deleted one", async () => {
    const host = createExcelHost({ sheets: { Report: [["Bidder", "Score"], ["Acme", 7], ["Birch", 5]] } });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const kept = sheet.charts.add("ColumnClustered" as Excel.ChartType, sheet.getRange("A1:B3"), "Columns" as Excel.ChartSeriesBy);
      kept.title.text = "Scores";
      sheet.charts.add("Pie" as Excel.ChartType, sheet.getRange("A1:B3"), "Columns" as Excel.ChartSeriesBy).delete();
      await context.sync();
    });
    expect(host.inspect.charts("Report")).toEqual([{ name: expect.any(String), chartType: "ColumnClustered", title: "Scores", source: "A1:B3" }]);
  });
});
