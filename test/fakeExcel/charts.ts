/**
 * Charts, the small part of the Excel chart API the award report uses (ExcelApi 1.1 unless
 * noted): `worksheet.charts.add(type, sourceData, seriesBy)`, the collection's `getItem`,
 * `getItemOrNullObject`, `getCount`, `count`, `items`; a chart's `id`, `name`, `chartType`,
 * `title.text`, `axes.categoryAxis|valueAxis` (`title.text`, `numberFormat`), `series`
 * (`count`, `items`, `getItemAt`; a series' `name`, `getDimensionValues` (1.12) and
 * `getDimensionDataSourceString` (1.15)), `setPosition(start, end?)` and `delete()`.
 *
 * How the fake reads the source data (Excel guesses from the data; the fake keeps one rule):
 * the first row and the first column are labels. By "Columns" (and "Auto", which Excel on the
 * web treats as columns, per the ChartSeriesBy reference) each further column is a series named
 * by its header cell, with the first column as categories; by "Rows" each further row is one.
 * Series stay linked to their cells: names and values are read when loaded.
 * Not modelled: chart formatting, legends, data labels, events, images, pivot charts.
 */
import { formatA1, quoteSheet, type Rect } from "./addresses";
import { ClientCollection, ClientObject, type FakeClientResult } from "./clientObject";
import { excelError } from "./errors";
import type { FakeRange, RangeHost } from "./range";
import type { FakeRequestContext } from "./requestContext";
import type { SheetModel } from "./sheetModel";
import type { WorkbookModel } from "./workbookModel";

/** Excel.ChartType values the fake accepts (a subset of the enum; anything else is InvalidArgument). */
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

export function chartsOf(sheet: SheetModel): ChartModel[] {
  let list = chartsBySheet.get(sheet);
  if (!list) chartsBySheet.set(sheet, (list = []));
  return list;
}

function seriesOf(source: Rect, by: "Columns" | "Rows"): SeriesModel[] {
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

export class FakeChartCollection extends ClientCollection<SheetModel, FakeChart> {
  constructor(context: FakeRequestContext, locate: () => SheetModel | null) {
    super(context, "ChartCollection", locate);
  }

  protected scalarNames(): readonly string[] {
    return ["count"];
  }

  protected snapshot(sheet: SheetModel): unknown {
    return chartsOf(sheet).length;
  }

  protected itemProxies(sheet: SheetModel): FakeChart[] {
    return chartsOf(sheet).map((chart) => new FakeChart(this.context, () => chart));
  }

  get count(): number {
    return this.read("count");
  }

  /** ChartCollection.add(type, sourceData, seriesBy = "Auto"): a new chart over the source range. */
  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChart {
    const range = this.sameContext(sourceData);
    let created: ChartModel | undefined;
    this.invoke("add", [type, "(range)", seriesBy], (sheet) => {
      if (!(CHART_TYPES as readonly string[]).includes(type)) throw excelError("InvalidArgument", `"${type}" is not a chart type the fake knows`);
      if (!(SERIES_BY as readonly string[]).includes(seriesBy)) throw excelError("InvalidArgument", `"${seriesBy}" is not a ChartSeriesBy value`);
      const host = range.find() as RangeHost | null;
      if (!host) throw excelError("InvalidArgument", "the source data is a null range");
      if (host.sheet !== sheet) throw excelError("InvalidArgument", "the fake only charts data on the chart's own sheet");
      const by = seriesBy === "Rows" ? "Rows" : "Columns";
      const list = chartsOf(sheet);
      created = {
        id: `{chart-${nextChartId++}}`,
        name: `Chart ${list.length + 1}`,
        chartType: type,
        sheet,
        source: host.rect,
        seriesBy: by,
        title: "",
        categoryAxisTitle: "",
        valueAxisTitle: "",
        valueAxisNumberFormat: "General",
        series: seriesOf(host.rect, by),
      };
      list.push(created);
    });
    return new FakeChart(this.context, () => created ?? null);
  }

  private lookup(sheet: SheetModel, key: string): ChartModel | undefined {
    return chartsOf(sheet).find((c) => c.name === key || c.id === key);
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this.context, () => {
      const chart = this.lookup(this.host(), name);
      if (!chart) throw excelError("ItemNotFound", `no chart named "${name}"`).at("ChartCollection.getItem");
      return chart;
    });
  }

  getItemOrNullObject(name: string): FakeChart {
    return this.lookedUpAtSync(new FakeChart(this.context, () => this.lookup(this.host(), name) ?? null), "getItemOrNullObject", [name]);
  }

  getCount(): FakeClientResult<number> {
    return this.invokeForResult("getCount", [], (sheet) => chartsOf(sheet).length);
  }
}

export class FakeChart extends ClientObject<ChartModel> {
  readonly title: FakeChartTitle;
  readonly axes: FakeChartAxes;
  private seriesProxy?: FakeChartSeriesCollection;

  constructor(context: FakeRequestContext, locate: () => ChartModel | null) {
    super(context, "Chart", locate);
    this.title = new FakeChartTitle(context, () => this.find(), "title");
    this.axes = new FakeChartAxes(context, () => this.find());
  }

  protected scalarNames(): readonly string[] {
    return ["id", "name", "chartType"];
  }

  protected snapshot(chart: ChartModel, property: string): unknown {
    return chart[property as "id" | "name" | "chartType"];
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === "title" ? this.title : name === "axes" ? this.axes : name === "series" ? this.series : undefined;
  }

  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.assign("name", name, (chart) => {
      if (chartsOf(chart.sheet).some((c) => c !== chart && c.name === name)) throw excelError("InvalidArgument", `a chart named "${name}" already exists on the sheet`);
      chart.name = name;
    });
  }
  get chartType(): string {
    return this.read("chartType");
  }
  set chartType(type: string) {
    this.assign("chartType", type, (chart) => {
      if (!(CHART_TYPES as readonly string[]).includes(type)) throw excelError("InvalidArgument", `"${type}" is not a chart type the fake knows`);
      chart.chartType = type;
    });
  }

  get series(): FakeChartSeriesCollection {
    return (this.seriesProxy ??= new FakeChartSeriesCollection(this.context, () => this.find()));
  }

  /** Chart.setPosition(startCell, endCell?): addresses on the chart's sheet. */
  setPosition(startCell: string, endCell?: string): void {
    this.invoke("setPosition", [startCell, endCell], (chart) => {
      const model = this.context.session.model as WorkbookModel;
      model.resolveAddress(startCell, chart.sheet);
      if (endCell !== undefined) model.resolveAddress(endCell, chart.sheet);
      chart.position = endCell === undefined ? { start: startCell } : { start: startCell, end: endCell };
    });
  }

  delete(): void {
    this.invoke("delete", [], (chart) => {
      const list = chartsOf(chart.sheet);
      list.splice(list.indexOf(chart), 1);
      chart.deleted = true;
    });
  }
}

/** Chart and axis titles: `text` (settable) and `visible`. */
export class FakeChartTitle extends ClientObject<ChartModel> {
  constructor(
    context: FakeRequestContext,
    locate: () => ChartModel | null,
    private readonly field: "title" | "categoryAxisTitle" | "valueAxisTitle"
  ) {
    super(context, "ChartTitle", locate);
  }

  protected scalarNames(): readonly string[] {
    return ["text", "visible"];
  }

  protected snapshot(chart: ChartModel, property: string): unknown {
    return property === "visible" ? chart[this.field] !== "" : chart[this.field];
  }

  get text(): string {
    return this.read("text");
  }
  set text(text: string) {
    this.assign("text", text, (chart) => void (chart[this.field] = text));
  }
  get visible(): boolean {
    return this.read("visible");
  }
}

export class FakeChartAxes extends ClientObject<ChartModel> {
  readonly categoryAxis: FakeChartAxis;
  readonly valueAxis: FakeChartAxis;

  constructor(context: FakeRequestContext, locate: () => ChartModel | null) {
    super(context, "ChartAxes", locate);
    this.categoryAxis = new FakeChartAxis(context, () => this.find(), "category");
    this.valueAxis = new FakeChartAxis(context, () => this.find(), "value");
  }

  protected scalarNames(): readonly string[] {
    return [];
  }
  protected snapshot(): unknown {
    return undefined;
  }
  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === "categoryAxis" ? this.categoryAxis : name === "valueAxis" ? this.valueAxis : undefined;
  }
}

export class FakeChartAxis extends ClientObject<ChartModel> {
  readonly title: FakeChartTitle;

  constructor(
    context: FakeRequestContext,
    locate: () => ChartModel | null,
    private readonly which: "category" | "value"
  ) {
    super(context, "ChartAxis", locate);
    this.title = new FakeChartTitle(context, () => this.find(), which === "category" ? "categoryAxisTitle" : "valueAxisTitle");
  }

  protected scalarNames(): readonly string[] {
    return ["numberFormat"];
  }
  protected snapshot(chart: ChartModel): unknown {
    return this.which === "value" ? chart.valueAxisNumberFormat : "General";
  }
  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === "title" ? this.title : undefined;
  }
  get numberFormat(): string {
    return this.read("numberFormat");
  }
  set numberFormat(format: string) {
    this.assign("numberFormat", format, (chart) => {
      if (this.which === "value") chart.valueAxisNumberFormat = format;
    });
  }
}

export class FakeChartSeriesCollection extends ClientCollection<ChartModel, FakeChartSeries> {
  constructor(context: FakeRequestContext, locate: () => ChartModel | null) {
    super(context, "ChartSeriesCollection", locate);
  }
  protected scalarNames(): readonly string[] {
    return ["count"];
  }
  protected snapshot(chart: ChartModel): unknown {
    return chart.series.length;
  }
  protected itemProxies(chart: ChartModel): FakeChartSeries[] {
    return chart.series.map((s) => new FakeChartSeries(this.context, () => ({ chart, series: s })));
  }
  get count(): number {
    return this.read("count");
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => {
      const chart = this.host();
      const series = chart.series[index];
      if (!series) throw excelError("ItemNotFound", `the chart has no series ${index}`).at("ChartSeriesCollection.getItemAt");
      return { chart, series };
    });
  }
}

interface SeriesHost {
  chart: ChartModel;
  series: SeriesModel;
}

export class FakeChartSeries extends ClientObject<SeriesHost> {
  constructor(context: FakeRequestContext, locate: () => SeriesHost | null) {
    super(context, "ChartSeries", locate);
  }
  private get model(): WorkbookModel {
    return this.context.session.model as WorkbookModel;
  }
  protected override isGone(host: SeriesHost): boolean {
    return host.chart.deleted === true || host.chart.sheet.deleted === true;
  }
  protected scalarNames(): readonly string[] {
    return ["name"];
  }
  protected snapshot({ chart, series }: SeriesHost): unknown {
    return String(this.model.readValues(chart.sheet, series.nameRect)[0]?.[0] ?? "");
  }
  get name(): string {
    return this.read("name");
  }

  private rectOf(series: SeriesModel, dimension: string): Rect {
    if (dimension === "Values") return series.values;
    if (dimension === "Categories") return series.categories;
    throw excelError("InvalidArgument", `"${dimension}" is not a dimension the fake knows (Values, Categories)`);
  }

  /** The cells of a dimension as text, e.g. "'SV Report'!$B$5:$B$7" (ExcelApi 1.15). */
  getDimensionDataSourceString(dimension: string): FakeClientResult<string> {
    return this.invokeForResult("getDimensionDataSourceString", [dimension], ({ chart, series }) => `${quoteSheet(chart.sheet.name)}!${formatA1(this.rectOf(series, dimension), true)}`);
  }

  /** The dimension's current values as text, as Excel returns them (ExcelApi 1.12). */
  getDimensionValues(dimension: string): FakeClientResult<string[]> {
    return this.invokeForResult("getDimensionValues", [dimension], ({ chart, series }) =>
      this.model
        .readValues(chart.sheet, this.rectOf(series, dimension))
        .flat()
        .map((v) => String(v ?? ""))
    );
  }
}
