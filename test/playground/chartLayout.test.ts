/**
 * Where the playground draws a chart and what it draws (playground/chartLayout.ts): the cells a
 * chart covers, a value axis with round ticks, and bars whose lengths follow the cells' values.
 */
import { chartAnchor, chartBox, chartData, layoutChart, niceScale, sheetCharts, type ChartData, type ChartPicture } from "../../playground/chartLayout";
import { createExcelHost, type ChartDetails } from "../excelHost";

const standard = (): number => 64;

function aChart(overrides: Partial<ChartDetails> = {}): ChartDetails {
  return {
    name: "Themes",
    chartType: "ColumnStacked",
    title: "",
    source: "A1:C4",
    seriesBy: "Columns",
    categoryAxisTitle: "",
    valueAxisTitle: "",
    valueAxisNumberFormat: "General",
    series: [
      { name: "B1", categories: "A2:A4", values: "B2:B4" },
      { name: "C1", categories: "A2:A4", values: "C2:C4" },
    ],
    ...overrides,
  };
}

const someData = (overrides: Partial<ChartData> = {}): ChartData => ({
  categories: ["Acme", "Birch", "Cura"],
  series: [
    { name: "Jobs", values: [100, 50, 0] },
    { name: "Growth", values: [20, 30, 40] },
  ],
  numberFormat: "General",
  ...overrides,
});

/** The bar of one series in one category; fails the test when there is none. */
function barAt(picture: ChartPicture, series: number, category: number): ChartPicture["bars"][number] {
  const found = picture.bars.find((b) => b.series === series && b.category === category);
  if (!found) throw new Error(`no bar for series ${series} in category ${category}`);
  return found;
}

function bars(picture: ReturnType<typeof layoutChart>): ChartPicture {
  if (picture.kind !== "bars") throw new Error(`expected bars, got a placeholder: ${picture.text}`);
  return picture;
}

describe("the cells a chart covers", () => {
  it("runs from setPosition's start cell to the end of its end cell", () => {
    expect(chartAnchor(aChart({ position: { start: "J4", end: "Q20" } }), standard)).toEqual({ from: { row: 3, col: 9 }, to: { row: 20, col: 17 } });
  });

  it("keeps Excel's default 480 × 288 pixels from a start cell given alone", () => {
    // 480 / 64 = 7.5 columns rounds to 8; 288 / 20 = 14.4 rows to 14.
    expect(chartAnchor(aChart({ position: { start: "B2" } }), standard)).toEqual({ from: { row: 1, col: 1 }, to: { row: 15, col: 9 } });
  });

  it("counts the default size in the sheet's own column widths", () => {
    const wide = (c: number): number => (c === 4 ? 200 : 64);
    expect(chartAnchor(aChart({ position: { start: "E1" } }), wide).to.col).toBe(4 + 5);
  });

  it("puts a chart never positioned beside its data, one column to the right", () => {
    expect(chartAnchor(aChart(), standard).from).toEqual({ row: 0, col: 4 });
  });

  it("becomes a pixel box on the drawn grid, and extends past the cells drawn at the standard size", () => {
    const grid = { columnLefts: [0, 64, 128, 228], rowTops: [0, 20, 40, 70] };
    expect(chartBox({ from: { row: 1, col: 1 }, to: { row: 3, col: 3 } }, grid)).toEqual({ left: 64, top: 20, width: 164, height: 50 });
    expect(chartBox({ from: { row: 2, col: 2 }, to: { row: 5, col: 5 } }, grid)).toEqual({ left: 128, top: 40, width: 100 + 128, height: 30 + 40 });
  });
});

describe("a value axis", () => {
  it("has round ticks from zero to at least 5% past the largest value", () => {
    expect(niceScale(0, 224_600)).toEqual({ min: 0, max: 250_000, step: 50_000, ticks: [0, 50_000, 100_000, 150_000, 200_000, 250_000] });
    expect(niceScale(0, 5).ticks).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(niceScale(0, 0.3).ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });

  it("ends exactly at the largest value when not padded, as a 100% axis does", () => {
    expect(niceScale(0, 1, 5, false).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("keeps zero on the axis when every value is negative, and gives an empty chart an axis", () => {
    expect(niceScale(-37, -5).ticks).toEqual([-40, -30, -20, -10, 0]);
    expect(niceScale(0, 0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe("the series a chart reads", () => {
  it("reads names, categories as their cells show them, values, and a gap for a blank or text cell", () => {
    const cells: Record<string, unknown[][]> = {
      B1: [["Jobs"]],
      C1: [["Growth"]],
      "A2:A4": [["Acme"], [2026], ["Cura"]],
      "B2:B4": [[100], [""], [3]],
      "C2:C4": [[1], [2], ["n/a"]],
    };
    const data = chartData(aChart(), {
      values: (a) => (cells[a] ?? [[]]) as never,
      numberFormat: (a) => (a === "A3" ? '"Year "0' : a === "B2" ? "£#,##0" : "General"),
    });
    expect(data).toEqual({
      categories: ["Acme", "Year 2026", "Cura"],
      series: [
        { name: "Jobs", values: [100, null, 3] },
        { name: "Growth", values: [1, 2, null] },
      ],
      numberFormat: "£#,##0",
    });
  });

  it("takes the axis's own number format when it has one", () => {
    const data = chartData(aChart({ valueAxisNumberFormat: "0.0" }), { values: () => [[1]], numberFormat: () => "£#,##0" });
    expect(data.numberFormat).toBe("0.0");
  });
});

describe("a stacked column chart", () => {
  const picture = bars(layoutChart(aChart({ title: "Social value by theme" }), someData(), 480, 300));
  const bar = (series: number, category: number) => picture.bars.find((b) => b.series === series && b.category === category);

  it("stacks each category's series on one column, heights in proportion to the values", () => {
    const jobs = bar(0, 0);
    const growth = bar(1, 0);
    if (!jobs || !growth) throw new Error("missing bars");
    expect(jobs.height / growth.height).toBeCloseTo(100 / 20);
    // Growth sits on top of Jobs, in the same column.
    expect(growth.y + growth.height).toBeCloseTo(jobs.y);
    expect(growth.x).toBe(jobs.x);
    expect(bar(0, 1)?.height).toBeCloseTo((jobs.height * 50) / 100);
  });

  it("puts the categories left to right and stands the columns on the zero line", () => {
    const xs = [0, 1, 2].map((c) => bar(1, c)?.x ?? NaN);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect((bar(0, 0)?.y ?? 0) + (bar(0, 0)?.height ?? 0)).toBeCloseTo(picture.zeroAt);
  });

  it("has its title, a legend of both series, and value ticks up to a round number past the tallest stack", () => {
    expect(picture.title?.text).toBe("Social value by theme");
    expect(picture.legend.map((l) => l.name)).toEqual(["Jobs", "Growth"]);
    expect(picture.valueTicks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100, 125, 150]);
    expect(picture.categoryLabels.map((c) => c.text)).toEqual(["Acme", "Birch", "Cura"]);
  });

  it("draws a zero as a bar of no height", () => {
    expect(bar(0, 2)?.height).toBe(0);
  });

  it("labels the axis in the values' number format", () => {
    const money = bars(layoutChart(aChart(), someData({ numberFormat: "£#,##0", series: [{ name: "Jobs", values: [185_600, 142_000, 89_200] }, { name: "Growth", values: [39_000, 33_000, 21_000] }] }), 480, 300));
    expect(money.valueTicks.map((t) => t.label)).toEqual(["£0", "£50,000", "£100,000", "£150,000", "£200,000", "£250,000"]);
  });
});

describe("a clustered bar chart", () => {
  const scores = someData({ series: [{ name: "Score", values: [5, 3.9, 2.45] }] });
  const picture = bars(layoutChart(aChart({ chartType: "BarClustered", series: [{ name: "B1", categories: "A2:A4", values: "B2:B4" }] }), scores, 480, 300));

  it("draws horizontal bars, lengths in proportion to the values, the first category at the bottom as Excel does", () => {
    const [first, second, third] = [0, 1, 2].map((c) => barAt(picture, 0, c));
    if (!first || !second || !third) throw new Error("missing bars");
    expect(first.width / second.width).toBeCloseTo(5 / 3.9);
    expect(third.width / first.width).toBeCloseTo(2.45 / 5);
    expect(first.y).toBeGreaterThan(second.y);
    expect(second.y).toBeGreaterThan(third.y);
    expect(first.x).toBeCloseTo(picture.zeroAt);
  });

  it("is titled by its one series when it has no title of its own, and has no legend", () => {
    expect(picture.title?.text).toBe("Score");
    expect(picture.legend).toEqual([]);
  });

  it("puts clustered series side by side in each category", () => {
    const two = bars(layoutChart(aChart({ chartType: "ColumnClustered" }), someData(), 480, 300));
    const [a, b] = [0, 1].map((s) => barAt(two, s, 0));
    if (!a || !b) throw new Error("missing bars");
    expect(b.x).toBeCloseTo(a.x + a.width);
    expect(a.y + a.height).toBeCloseTo(b.y + b.height);
  });
});

describe("a 100% stacked column chart", () => {
  it("fills each column to the top of a 0%–100% axis, each series its share", () => {
    const picture = bars(layoutChart(aChart({ chartType: "ColumnStacked100" }), someData(), 480, 300));
    expect(picture.valueTicks.map((t) => t.label)).toEqual(["0%", "20%", "40%", "60%", "80%", "100%"]);
    const column = picture.bars.filter((b) => b.category === 1);
    const full = (picture.valueTicks[0]?.at ?? 0) - (picture.valueTicks[5]?.at ?? 0);
    expect(column.reduce((sum, b) => sum + b.height, 0)).toBeCloseTo(full);
    expect((column[0]?.height ?? 0) / full).toBeCloseTo(50 / 80);
  });
});

describe("a chart type the playground does not draw", () => {
  it("gets a placeholder that names its type and title", () => {
    expect(layoutChart(aChart({ chartType: "Line", title: "Trend" }), someData(), 300, 200)).toEqual({ kind: "placeholder", width: 300, height: 200, text: expect.stringMatching(/^Line chart: Trend \(the playground draws column and bar charts only\)$/) });
  });
});

describe("a sheet's charts read from the host", () => {
  it("come with the cells they cover and their data as the cells hold it now", async () => {
    const host = createExcelHost({ sheets: { Report: [["Bidder", "Jobs", "Growth"], ["Acme", 100, 50], ["Birch", 80, 90]] } });
    await host.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      sheet.charts.add("ColumnStacked", sheet.getRange("A1:C3"), "Columns").setPosition("E2", "L18");
      // A change after the chart was added: the chart reads it.
      sheet.getRange("B2").values = [[120]];
      await context.sync();
    });
    expect(sheetCharts(host, "Report").map(({ chart, anchor, data }) => ({ type: chart.chartType, anchor, data }))).toEqual([
      {
        type: "ColumnStacked",
        anchor: { from: { row: 1, col: 4 }, to: { row: 18, col: 12 } },
        data: { categories: ["Acme", "Birch"], series: [{ name: "Jobs", values: [120, 80] }, { name: "Growth", values: [50, 90] }], numberFormat: "General" },
      },
    ]);
  });
});
