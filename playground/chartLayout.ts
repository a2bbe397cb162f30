/**
 * Where a chart sits on the grid and what it draws, worked out without the DOM so it can be
 * tested in Node: the cells a chart covers (as Excel anchors a chart to cells), the series read
 * from the live cells, a value axis with round tick values, and the bars, labels and legend of
 * the bar family (clustered, stacked and 100% stacked, as columns or bars). ChartView.tsx draws
 * the result as SVG; exportXlsx's chart parts (chartXml.ts) use the same anchor and chart kinds
 * (both read the host through `sheetCharts`), so the file puts a chart where the playground
 * shows it.
 */
import type { ChartDetails, ExcelHost } from "../test/excelHost";
import { formatA1, parseA1 } from "../test/excelHost/addresses";
import { qualified } from "../src/core/shared/addresses";
import { displayText, general, type CellValue } from "./cellDisplay";
import { columnWidths } from "./sheetCells";

/** A cell, 0-based. */
export interface GridCell {
  row: number;
  col: number;
}

/**
 * The cells a chart covers: its top-left corner is `from`'s top-left, its bottom-right corner is
 * `to`'s top-left (the cell after the last one covered), as a DrawingML two-cell anchor counts.
 */
export interface CellAnchor {
  from: GridCell;
  to: GridCell;
}

/** The bar family, the chart types drawn and written to .xlsx: barDir and grouping as DrawingML names them. */
export interface BarKind {
  direction: "col" | "bar";
  grouping: "clustered" | "stacked" | "percentStacked";
}

const BAR_KINDS: Record<string, BarKind> = {
  ColumnClustered: { direction: "col", grouping: "clustered" },
  ColumnStacked: { direction: "col", grouping: "stacked" },
  ColumnStacked100: { direction: "col", grouping: "percentStacked" },
  BarClustered: { direction: "bar", grouping: "clustered" },
  BarStacked: { direction: "bar", grouping: "stacked" },
  BarStacked100: { direction: "bar", grouping: "percentStacked" },
};

/** The bar kind of an Excel.ChartType, or undefined for a type the playground neither draws nor writes. */
export function barKind(chartType: string): BarKind | undefined {
  return BAR_KINDS[chartType];
}

/** The Excel.ChartType of a bar kind (the inverse of barKind), for the import. */
export function chartTypeOf(kind: BarKind): string | undefined {
  return Object.entries(BAR_KINDS).find(([, k]) => k.direction === kind.direction && k.grouping === kind.grouping)?.[0];
}

/**
 * A new chart's size: 5 × 3 inches (480 × 288 pixels), Excel's default for an inserted chart.
 * Rows are counted at the standard 20 pixels (15 points), columns at their widths.
 */
export const DEFAULT_CHART_SIZE = { width: 480, height: 288 };
const STANDARD_ROW_PIXELS = 20;

/** Cells needed from `start` to cover `pixels`, whole cells, at least one. */
function cellsCovering(start: number, pixels: number, sizeOf: (index: number) => number): number {
  let covered = 0;
  let n = 0;
  // The nearest whole number of cells: stop once the next cell would overshoot by more than it undershoots.
  while (n === 0 || covered + sizeOf(start + n) / 2 <= pixels) covered += sizeOf(start + n++);
  return n;
}

/**
 * The cells a chart covers. setPosition(start, end) covers start to end, both included. With a
 * start only, Excel keeps the chart's size there. A chart never positioned is where Excel's web
 * and desktop apps put a new one, the middle of the window; the playground has no window to go
 * by, so it goes beside its data: one column right of the source, level with its top row.
 * `columnWidth` gives a column's width in pixels, for the default size.
 */
export function chartAnchor(chart: Pick<ChartDetails, "position" | "source">, columnWidth: (col: number) => number): CellAnchor {
  const source = parseA1(chart.source);
  const start = chart.position ? parseA1(chart.position.start) : { row: source.row, col: source.col + source.cols + 1, rows: 1, cols: 1 };
  const from = { row: start.row, col: start.col };
  if (chart.position?.end) {
    const end = parseA1(chart.position.end);
    return { from, to: { row: end.row + end.rows, col: end.col + end.cols } };
  }
  const cols = cellsCovering(from.col, DEFAULT_CHART_SIZE.width, columnWidth);
  const rows = cellsCovering(from.row, DEFAULT_CHART_SIZE.height, () => STANDARD_ROW_PIXELS);
  return { from, to: { row: from.row + rows, col: from.col + cols } };
}

/** The grid's cell edges in pixels: `columnLefts[c]` is column c's left edge, `rowTops[r]` row r's top; one more than the cells drawn. */
export interface GridGeometry {
  columnLefts: number[];
  rowTops: number[];
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** An edge beyond those drawn: the last one drawn plus standard cells (64 × 20 pixels). */
function edge(edges: readonly number[], index: number, standard: number): number {
  if (index < edges.length) return edges[index] as number;
  const last = edges.length - 1;
  return (last >= 0 ? (edges[last] as number) : 0) + (index - Math.max(last, 0)) * standard;
}

/** The pixel box a chart covers on the drawn grid. */
export function chartBox(anchor: CellAnchor, grid: GridGeometry): Box {
  const left = edge(grid.columnLefts, anchor.from.col, 64);
  const top = edge(grid.rowTops, anchor.from.row, STANDARD_ROW_PIXELS);
  return { left, top, width: edge(grid.columnLefts, anchor.to.col, 64) - left, height: edge(grid.rowTops, anchor.to.row, STANDARD_ROW_PIXELS) - top };
}

export interface SeriesData {
  name: string;
  /** A blank or text cell is a gap (null), as Excel plots it. */
  values: (number | null)[];
}

export interface ChartData {
  categories: string[];
  series: SeriesData[];
  /** The value axis's number format: the chart's own, or the first value cell's when the axis is linked to its source (General). */
  numberFormat: string;
}

/** What the chart reads from the sheet: an A1 range's values, and the number format of a cell. */
export interface CellReader {
  values(address: string): CellValue[][];
  numberFormat(address: string): string;
}

/** The i-th cell of a one-row or one-column range, as A1. */
function nthCell(range: string, i: number): string {
  const rect = parseA1(range);
  return formatA1(rect.rows > 1 ? { row: rect.row + i, col: rect.col, rows: 1, cols: 1 } : { row: rect.row, col: rect.col + i, rows: 1, cols: 1 });
}

/** The chart's series as its cells hold them now (so a recalculation redraws it). Categories show as their cells do. */
export function chartData(chart: Pick<ChartDetails, "series" | "valueAxisNumberFormat">, cells: CellReader): ChartData {
  const first = chart.series[0];
  const categories = first ? cells.values(first.categories).flat() : [];
  const linked = chart.valueAxisNumberFormat === "General" || chart.valueAxisNumberFormat === "";
  return {
    categories: categories.map((v, i) => displayText(v, first ? cells.numberFormat(nthCell(first.categories, i)) : "General")),
    series: chart.series.map((s) => ({
      name: general(cells.values(s.name)[0]?.[0]),
      values: cells.values(s.values).flat().map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null)),
    })),
    numberFormat: linked ? (first ? cells.numberFormat(nthCell(first.values, 0)) : "General") : chart.valueAxisNumberFormat,
  };
}

/** Columns whose widths a default-sized chart's anchor may need; past these, standard ones. */
const WIDTHS_READ = 256;

/**
 * Each chart of a sheet as the host holds it now, with the cells it covers and its data: what
 * the grid draws and the export writes. Read straight from the host's inspector.
 */
export function sheetCharts(fake: ExcelHost, sheet: string): { chart: ChartDetails; anchor: CellAnchor; data: ChartData }[] {
  const charts = fake.inspect.chartDetails(sheet);
  if (charts.length === 0) return [];
  const widths = columnWidths(fake, sheet, WIDTHS_READ);
  const cells: CellReader = {
    values: (address) => fake.inspect.values(qualified(sheet, address)),
    numberFormat: (address) => fake.inspect.format(qualified(sheet, address)).numberFormat ?? "General",
  };
  return charts.map((chart) => ({ chart, anchor: chartAnchor(chart, (c) => widths[c] ?? 64), data: chartData(chart, cells) }));
}

export interface Scale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/**
 * A value axis over [low, high] with round ticks (steps of 1, 2, 2.5 or 5 times a power of ten),
 * the finest step that gives at most `target` + 1 intervals, zero always on it as Excel's bar charts
 * have. The axis runs past the data by at least 5% of its span, so the longest bar does not touch
 * the edge, unless `pad` is false (a 100% axis ends at 100%). Excel does not document how it
 * picks automatic bounds and major units; this is the behaviour commonly observed of it (a 5%
 * headroom, round units), and gives the same kind of axis (0, 50,000, 100,000 …).
 */
export function niceScale(low: number, high: number, target = 5, pad = true): Scale {
  let lo = Math.min(0, low);
  let hi = Math.max(0, high);
  if (lo === hi) {
    hi = lo + 1;
    pad = false;
  }
  if (pad) {
    const margin = (hi - lo) * 0.05;
    if (hi > 0) hi += margin;
    if (lo < 0) lo -= margin;
  }
  const intervals = (step: number): number => Math.ceil(hi / step - 1e-9) - Math.floor(lo / step + 1e-9);
  let magnitude = 10 ** Math.floor(Math.log10((hi - lo) / (target + 1)));
  let step = magnitude;
  for (let found = false; !found; magnitude *= 10) {
    for (const m of [1, 2, 2.5, 5]) {
      step = m * magnitude;
      if (intervals(step) <= target + 1) {
        found = true;
        break;
      }
    }
  }
  const first = Math.floor(lo / step + 1e-9);
  const count = intervals(step);
  // Rounded to the step's precision: 0.1 + 0.2 must read 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number(((first + i) * step).toFixed(digits)));
  return { min: ticks[0] as number, max: ticks[ticks.length - 1] as number, step, ticks };
}

/** Office's theme accents, the colours Excel gives series 1–6 in its default chart style. */
export const SERIES_COLOURS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];
export const seriesColour = (index: number): string => SERIES_COLOURS[index % SERIES_COLOURS.length] as string;

export interface DrawnBar {
  series: number;
  category: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
}

export interface ChartPicture {
  kind: "bars";
  direction: "col" | "bar";
  width: number;
  height: number;
  title?: { text: string; x: number; y: number };
  plot: Box;
  bars: DrawnBar[];
  /** Value-axis ticks: the gridline's position (x for bars, y for columns) and its label. */
  valueTicks: { value: number; label: string; at: number }[];
  /** Category labels: the middle of each category's band (x for columns, y for bars). */
  categoryLabels: { text: string; at: number }[];
  /** Where the value axis crosses zero, for the category axis line. */
  zeroAt: number;
  /** Axis titles where the chart has them: one under the plot, one left of it turned a quarter (as Excel places them). */
  axisTitles: { text: string; x: number; y: number; rotated: boolean; axis: "category" | "value" }[];
  legend: { name: string; colour: string; x: number; y: number }[];
}

export interface ChartPlaceholder {
  kind: "placeholder";
  width: number;
  height: number;
  text: string;
}

/** Excel's default gap between categories: 150% of a bar's width. */
const GAP_WIDTH = 1.5;
const FONT_PX = 11;
/** A rough width of a character of an 11 px sans-serif label, to leave room for the labels. */
const CHAR_PX = 6.2;
const PAD = 8;

/** Text cut to fit `pixels`, with an ellipsis when cut. */
export function fitText(text: string, pixels: number): string {
  const max = Math.max(1, Math.floor(pixels / CHAR_PX));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * The picture of a chart in a box of `width` × `height` pixels: title on top (the chart's own;
 * a chart of one series without one is titled by the series' name, as Excel does), legend at
 * the bottom when there are two series or more, the value axis and category labels, the bars,
 * and the axes' titles where set (for columns the category title under the plot and the value
 * title at its left; for bars the other way round, since the axes swap sides).
 * A type outside the bar family gets a placeholder naming it.
 */
export function layoutChart(
  chart: Pick<ChartDetails, "chartType" | "title"> & Partial<Pick<ChartDetails, "categoryAxisTitle" | "valueAxisTitle">>,
  data: ChartData,
  width: number,
  height: number
): ChartPicture | ChartPlaceholder {
  const kind = barKind(chart.chartType);
  if (!kind) return { kind: "placeholder", width, height, text: `${chart.chartType} chart${chart.title ? `: ${chart.title}` : ""} (the playground draws column and bar charts only)` };
  const percent = kind.grouping === "percentStacked";
  const stacked = kind.grouping !== "clustered";
  const nCat = data.categories.length;
  const nSer = data.series.length;
  const valueAt = (s: number, c: number): number => data.series[s]?.values[c] ?? 0;
  const totals = Array.from({ length: nCat }, (_, c) => data.series.reduce((sum, _s, s) => sum + Math.abs(valueAt(s, c)), 0));
  // What is plotted: a share of the category's total for 100% stacked.
  const plotted = (s: number, c: number): number => (percent ? (totals[c] ? valueAt(s, c) / (totals[c] as number) : 0) : valueAt(s, c));

  let low = 0;
  let high = 0;
  for (let c = 0; c < nCat; c++) {
    let up = 0;
    let down = 0;
    for (let s = 0; s < nSer; s++) {
      const v = plotted(s, c);
      if (stacked) {
        if (v >= 0) up += v;
        else down += v;
      } else {
        up = Math.max(up, v);
        down = Math.min(down, v);
      }
    }
    high = Math.max(high, up);
    low = Math.min(low, down);
  }
  const scale = percent ? niceScale(low < 0 ? -1 : 0, high > 0 ? 1 : 0, 5, false) : niceScale(low, high, 5);
  const tickFormat = percent ? "0%" : data.numberFormat;
  const tickLabels = scale.ticks.map((t) => displayText(t, tickFormat));

  const titleText = chart.title || (nSer === 1 ? (data.series[0]?.name ?? "") : "");
  const titleHeight = titleText ? 24 : 0;
  const legendHeight = nSer > 1 ? 22 : 0;
  const categoryTitle = chart.categoryAxisTitle ?? "";
  const valueTitle = chart.valueAxisTitle ?? "";
  const bottomTitle = kind.direction === "col" ? categoryTitle : valueTitle;
  const leftTitle = kind.direction === "col" ? valueTitle : categoryTitle;
  const AXIS_TITLE = 16;
  const longest = (texts: readonly string[]): number => Math.max(0, ...texts.map((t) => t.length)) * CHAR_PX;
  const top = PAD + titleHeight;
  const bottom = height - PAD - legendHeight - (bottomTitle ? AXIS_TITLE : 0);
  // Room for the labels on the left and at the bottom: value labels for columns, category labels for bars.
  const leftLabels = kind.direction === "col" ? longest(tickLabels) : Math.min(longest(data.categories), width * 0.35);
  const plot: Box = { left: PAD + (leftTitle ? AXIS_TITLE : 0) + leftLabels + 6, top: top + 4, width: 0, height: 0 };
  // A bar chart's value labels sit under the ticks: the last one, centred on the plot's right edge, needs half its width there.
  const rightLabel = kind.direction === "bar" ? ((tickLabels[tickLabels.length - 1] ?? "").length * CHAR_PX) / 2 : 0;
  plot.width = Math.max(10, width - Math.max(PAD + 6, rightLabel + 4) - plot.left);
  plot.height = Math.max(10, bottom - FONT_PX - 8 - plot.top);

  const along = kind.direction === "col" ? plot.width : plot.height;
  const across = kind.direction === "col" ? plot.height : plot.width;
  // Value → distance from the axis's minimum end, in pixels.
  const toPixels = (v: number): number => ((v - scale.min) / (scale.max - scale.min)) * across;
  const band = nCat > 0 ? along / nCat : along;
  const group = band / (1 + GAP_WIDTH);
  const barWidth = stacked ? group : group / Math.max(1, nSer);
  // Excel draws a bar chart's first category nearest the origin: at the bottom for bars.
  const bandStart = (c: number): number => (kind.direction === "col" ? c * band : along - (c + 1) * band);

  const bars: DrawnBar[] = [];
  for (let c = 0; c < nCat; c++) {
    let up = 0;
    let down = 0;
    for (let s = 0; s < nSer; s++) {
      const raw = data.series[s]?.values[c];
      if (raw === null || raw === undefined) continue;
      const v = plotted(s, c);
      let from = 0;
      if (stacked) {
        from = v >= 0 ? up : down;
        if (v >= 0) up += v;
        else down += v;
      }
      const a = toPixels(from);
      const b = toPixels(from + v);
      // Clustered: series side by side, the first series first from the origin (left, or bottom for bars).
      const slot = stacked ? 0 : kind.direction === "col" ? s : nSer - 1 - s;
      const offset = bandStart(c) + (band - group) / 2 + slot * barWidth;
      const lowEnd = Math.min(a, b);
      const length = Math.abs(b - a);
      const bar =
        kind.direction === "col"
          ? { x: plot.left + offset, y: plot.top + plot.height - lowEnd - length, width: barWidth, height: length }
          : { x: plot.left + lowEnd, y: plot.top + offset, width: length, height: barWidth };
      bars.push({ series: s, category: c, value: raw, ...bar, colour: seriesColour(s) });
    }
  }

  const valueTicks = scale.ticks.map((value, i) => ({
    value,
    label: tickLabels[i] as string,
    at: kind.direction === "col" ? plot.top + plot.height - toPixels(value) : plot.left + toPixels(value),
  }));
  const categoryLabels = data.categories.map((text, c) => ({
    text: fitText(text, kind.direction === "col" ? band - 4 : leftLabels),
    at: (kind.direction === "col" ? plot.left : plot.top) + bandStart(c) + band / 2,
  }));
  const zeroAt = kind.direction === "col" ? plot.top + plot.height - toPixels(0) : plot.left + toPixels(0);

  // The legend's entries side by side, centred under the plot.
  const entryWidths = data.series.map((s) => 16 + Math.min(s.name.length * CHAR_PX, 160) + 12);
  const legendWidth = entryWidths.reduce((a, b) => a + b, 0);
  let x = Math.max(PAD, (width - legendWidth) / 2);
  const legend =
    nSer > 1
      ? data.series.map((s, i) => {
          const entry = { name: fitText(s.name, 160), colour: seriesColour(i), x, y: height - PAD - legendHeight / 2 };
          x += entryWidths[i] as number;
          return entry;
        })
      : [];

  const axisTitles: ChartPicture["axisTitles"] = [];
  if (bottomTitle) axisTitles.push({ text: fitText(bottomTitle, plot.width), x: plot.left + plot.width / 2, y: bottom + 13, rotated: false, axis: kind.direction === "col" ? "category" : "value" });
  if (leftTitle) axisTitles.push({ text: fitText(leftTitle, plot.height), x: PAD + AXIS_TITLE / 2 + 4, y: plot.top + plot.height / 2, rotated: true, axis: kind.direction === "col" ? "value" : "category" });

  return {
    kind: "bars",
    direction: kind.direction,
    width,
    height,
    ...(titleText ? { title: { text: fitText(titleText, width - 2 * PAD), x: width / 2, y: PAD + 14 } } : {}),
    plot,
    bars,
    valueTicks,
    categoryLabels,
    zeroAt,
    legend,
    axisTitles,
  };
}
