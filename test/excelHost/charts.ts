/**
 * Charts, the small part of the Excel chart API the award report uses (ExcelApi 1.1 unless
 * noted): `worksheet.charts.add(type, sourceData, seriesBy)`, the collection's `getItem`,
 * `getItemOrNullObject`, `getCount`, `count`, `items`; a chart's `id`, `name`, `chartType`,
 * `title.text`, `axes.categoryAxis|valueAxis` (`title.text`, `numberFormat`), `series`
 * (`count`, `items`, `getItemAt`; a series' `name`, `getDimensionValues` (1.12) and
 * `getDimensionDataSourceString` (1.15)), `setPosition(start, end?)` and `delete()`.
 *
 * How the host reads the source data (Excel guesses from the data; the host keeps one rule):
 * the first row and the first column are labels. By "Columns" (and "Auto", which Excel on the
 * web treats as columns, per the ChartSeriesBy reference) each further column is a series named
 * by its header cell, with the first column as categories; by "Rows" each further row is one.
 * Series stay linked to their cells: names and values are read when loaded.
 * Not modelled: chart formatting, legends, data labels, events, images, pivot charts.
 */
import type { Rect } from "./addresses";
import { excelError } from "./errors";
import type { SheetModel } from "./sheetModel";

/** Excel.ChartType values the host accepts (a subset of the enum; anything else is InvalidArgument). */
export const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "LineMarkers",
  "Pie",
  "Doughnut",
  "Area",
  "AreaStacked",
  "XYScatter",
] as const;

export const SERIES_BY = ["Auto", "Columns", "Rows"] as const;

export interface SeriesModel {
  /** Cell holding the series name. */
  nameRect: Rect;
  categories: Rect;
  values: Rect;
}

export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  sheet: SheetModel;
  source: Rect;
  seriesBy: "Columns" | "Rows";
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  valueAxisNumberFormat: string;
  /** A1 addresses of the top-left and bottom-right cells the chart covers, once positioned. */
  position?: { start: string; end?: string };
  series: SeriesModel[];
  deleted?: boolean;
}

/** The charts of each sheet; a deleted sheet takes its charts with it. */
const chartsBySheet = new WeakMap<SheetModel, ChartModel[]>();
let nextChartId = 1;

export const newChartId = (): string => `{chart-${nextChartId++}}`;

export function chartsOf(sheet: SheetModel): ChartModel[] {
  let list = chartsBySheet.get(sheet);
  if (!list) chartsBySheet.set(sheet, (list = []));
  return list;
}

export function seriesOf(source: Rect, by: "Columns" | "Rows"): SeriesModel[] {
  if (source.rows < 2 || source.cols < 2) throw excelError("InvalidArgument", "a chart's source data needs a row and a column of labels and at least one value");
  const out: SeriesModel[] = [];
  if (by === "Columns") {
    for (let c = source.col + 1; c < source.col + source.cols; c++) {
      out.push({
        nameRect: { row: source.row, col: c, rows: 1, cols: 1 },
        categories: { row: source.row + 1, col: source.col, rows: source.rows - 1, cols: 1 },
        values: { row: source.row + 1, col: c, rows: source.rows - 1, cols: 1 },
      });
    }
  } else {
    for (let r = source.row + 1; r < source.row + source.rows; r++) {
      out.push({
        nameRect: { row: r, col: source.col, rows: 1, cols: 1 },
        categories: { row: source.row, col: source.col + 1, rows: 1, cols: source.cols - 1 },
        values: { row: r, col: source.col + 1, rows: 1, cols: source.cols - 1 },
      });
    }
  }
  return out;
}

