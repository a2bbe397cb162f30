import { createExcelHost } from "./index";

const data = [
  ["Bidder", "Jobs", "Growth"],
  ["Acme", 100, 50],
  ["Birch", 80, 90],
];

function aWorkbook() {
  const fake = createExcelHost({ sheets: { Report: data } });
  return fake;
}

describe("Excel host charts", () => {
  it("adds a chart whose series are the source's columns, named by the header row, with the first column as categories", async () => {
    const fake = aWorkbook();
    const seen = await fake.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const chart = sheet.charts.add("ColumnStacked", sheet.getRange("A1:C3"), "Columns");
      chart.name = "Themes";
      chart.title.text = "Social value by theme";
      chart.setPosition("E2", "L18");
      await context.sync();
      const loaded = sheet.charts.getItem("Themes").load("name, chartType");
      const title = loaded.title.load("text");
      const series = loaded.series.load("items/name");
      await context.sync();
      const sources = series.items.map((s) => [s.getDimensionDataSourceString("Values"), s.getDimensionDataSourceString("Categories"), s.getDimensionValues("Values")] as const);
      await context.sync();
      return {
        name: loaded.name,
        type: loaded.chartType,
        title: title.text,
        series: series.items.map((s, i) => [s.name, sources[i]?.[0].value, sources[i]?.[1].value, sources[i]?.[2].value]),
      };
    });
    expect(seen).toEqual({
      name: "Themes",
      type: "ColumnStacked",
      title: "Social value by theme",
      series: [
        ["Jobs", "Report!$B$2:$B$3", "Report!$A$2:$A$3", ["100", "80"]],
        ["Growth", "Report!$C$2:$C$3", "Report!$A$2:$A$3", ["50", "90"]],
      ],
    });
  });

  it("by rows, each row after the first is a series", async () => {
    const fake = aWorkbook();
    const names = await fake.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const chart = sheet.charts.add("BarClustered", sheet.getRange("A1:C3"), "Rows");
      const series = chart.series.load("items/name");
      await context.sync();
      return series.items.map((s) => s.name);
    });
    expect(names).toEqual(["Acme", "Birch"]);
  });

  it("refuses a chart type it does not know, and the batch stops there", async () => {
    const fake = aWorkbook();
    const attempt = fake.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      sheet.charts.add("Column3DWobbly" as Excel.ChartType, sheet.getRange("A1:C3"));
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "InvalidArgument" });
    const count = await fake.run(async (context: Excel.RequestContext) => {
      const charts = context.workbook.worksheets.getItem("Report").charts.load("count");
      await context.sync();
      return charts.count;
    });
    expect(count).toBe(0);
  });

  it("a chart goes with its sheet, and getItemOrNullObject finds only charts that exist", async () => {
    const fake = createExcelHost({ sheets: { Keep: [], Report: data } });
    await fake.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      sheet.charts.add("Line", sheet.getRange("A1:C3")).name = "Trend";
      await context.sync();
      sheet.delete();
      const again = context.workbook.worksheets.add("Report");
      again.getRange("A1:C3").values = data;
      await context.sync();
    });
    const found = await fake.run(async (context: Excel.RequestContext) => {
      const chart = context.workbook.worksheets.getItem("Report").charts.getItemOrNullObject("Trend");
      await context.sync();
      return chart.isNullObject;
    });
    expect(found).toBe(true);
  });

  it("reading a chart's name before load throws PropertyNotLoaded, as Office.js does", async () => {
    const fake = aWorkbook();
    await fake.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      const chart = sheet.charts.add("Pie", sheet.getRange("A1:B3"));
      await context.sync();
      expect(() => chart.chartType).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });
});
