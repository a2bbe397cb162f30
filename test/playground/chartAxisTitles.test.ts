/**
 * Axis titles in the playground's charts (playground/chartLayout.ts), as the portfolio
 * dashboard sets them: for columns the category title goes under the plot and the value title
 * turns a quarter at its left; for bars the axes swap sides, and so do their titles. A chart
 * without axis titles is laid out as before.
 */
import { layoutChart, type ChartData, type ChartPicture } from "../../playground/chartLayout";
import type { ChartDetails } from "../excelHost";

const aChart = (chartType: string, titles: Partial<ChartDetails> = {}) => ({ chartType, title: "Committed and delivered by theme (£)", ...titles });

const data: ChartData = {
  categories: ["Environment", "Growth", "Jobs"],
  series: [
    { name: "Committed £", values: [9_999.99, 75_000.5, 52_000] },
    { name: "Delivered £", values: [0, 0, 24_800] },
  ],
  numberFormat: "£#,##0",
};

function bars(p: ReturnType<typeof layoutChart>): ChartPicture {
  if (p.kind !== "bars") throw new Error("expected bars");
  return p;
}

describe("axis titles", () => {
  it("a column chart's category title is under the plot, its value title turned at the left", () => {
    const picture = bars(layoutChart(aChart("ColumnClustered", { categoryAxisTitle: "Theme", valueAxisTitle: "£" }), data, 336, 255));
    const [under, left] = picture.axisTitles;
    expect(under).toMatchObject({ text: "Theme", axis: "category", rotated: false });
    expect(left).toMatchObject({ text: "£", axis: "value", rotated: true });
    expect(under?.y).toBeGreaterThan(picture.plot.top + picture.plot.height + 14);
    expect(left?.x).toBeLessThan(picture.plot.left);
    expect(under?.y).toBeLessThan(Math.min(...picture.legend.map((l) => l.y)));
  });

  it("a bar chart's value title is under the plot and its category title at the left", () => {
    const picture = bars(layoutChart(aChart("BarClustered", { categoryAxisTitle: "Recipient type", valueAxisTitle: "Offers" }), data, 336, 255));
    expect(picture.axisTitles.map((a) => [a.axis, a.text, a.rotated])).toEqual([
      ["value", "Offers", false],
      ["category", "Recipient type", true],
    ]);
  });

  it("make room: the plot is narrower and shorter than without them", () => {
    const plain = bars(layoutChart(aChart("ColumnClustered"), data, 336, 255));
    const titled = bars(layoutChart(aChart("ColumnClustered", { categoryAxisTitle: "Theme", valueAxisTitle: "£" }), data, 336, 255));
    expect(plain.axisTitles).toEqual([]);
    expect(titled.plot.left).toBe(plain.plot.left + 16);
    expect(titled.plot.height).toBe(plain.plot.height - 16);
  });
});
