/**
 * The chart objects the award report uses (the model and its one rule for source data are in
 * ../charts.ts): ChartCollection, Chart, its title, axes and series.
 */
import { formatA1, quoteSheet, type Rect } from "../addresses";
import { CHART_TYPES, SERIES_BY, chartsOf, newChartId, seriesOf, type ChartModel, type SeriesModel } from "../charts";
import { excelError } from "../errors";
import { HostObject, type HostType } from "../hostTypes";
import type { SheetModel } from "../sheetModel";
import { checkedEnum, rangeArgument } from "./range";

function lookup(sheet: SheetModel, key: unknown): ChartModel | undefined {
  return chartsOf(sheet).find((c) => c.name === key || c.id === key);
}

export const CHARTS: HostType<SheetModel> = {
  name: "ChartCollection",
  gone: (sheet) => sheet.deleted === true,
  items: (sheet) => chartsOf(sheet).map((chart) => new HostObject(CHART, chart)),
  indexer: (sheet, key) => {
    const chart = lookup(sheet, key);
    if (!chart) throw excelError("ItemNotFound", `no chart named "${String(key)}"`);
    return new HostObject(CHART, chart);
  },
  scalars: {
    count: { get: (sheet) => chartsOf(sheet).length },
  },
  methods: {
    /** ChartCollection.add(type, sourceData, seriesBy = "Auto"): a new chart over the source range. */
    add: (sheet, [type, source, seriesBy], env) => {
      const chartType = checkedEnum(type, CHART_TYPES, "ChartType");
      const by = checkedEnum(seriesBy ?? "Auto", SERIES_BY, "ChartSeriesBy") === "Rows" ? "Rows" : "Columns";
      const range = rangeArgument(source, env, sheet, "the source data");
      if (range.sheet !== sheet) throw excelError("InvalidArgument", "the host only charts data on the chart's own sheet");
      const list = chartsOf(sheet);
      const chart: ChartModel = {
        id: newChartId(),
        name: `Chart ${list.length + 1}`,
        chartType,
        sheet,
        source: range.rect,
        seriesBy: by,
        title: "",
        categoryAxisTitle: "",
        valueAxisTitle: "",
        valueAxisNumberFormat: "General",
        series: seriesOf(range.rect, by),
      };
      list.push(chart);
      return new HostObject(CHART, chart);
    },
    getItemOrNullObject: (sheet, [key]) => new HostObject(CHART, lookup(sheet, key) ?? null),
    getCount: (sheet) => chartsOf(sheet).length,
  },
};

export const CHART: HostType<ChartModel> = {
  name: "Chart",
  identity: (chart) => ({ Id: chart.id }),
  gone: (chart) => chart.deleted === true || chart.sheet.deleted === true,
  scalars: {
    id: { get: (c) => c.id },
    name: {
      get: (c) => c.name,
      set: (c, name) => {
        if (chartsOf(c.sheet).some((other) => other !== c && other.name === name)) throw excelError("InvalidArgument", `a chart named "${String(name)}" is already on the sheet`);
        c.name = String(name);
      },
    },
    chartType: { get: (c) => c.chartType, set: (c, type) => void (c.chartType = checkedEnum(type, CHART_TYPES, "ChartType")) },
  },
  navigation: {
    title: (c) => new HostObject(CHART_TITLE, { chart: c, field: "title" }),
    axes: (c) => new HostObject(CHART_AXES, c),
    series: (c) => new HostObject(CHART_SERIES_COLLECTION, c),
  },
  methods: {
    setPosition: (c, [start, end]) => void (c.position = { start: String(start), ...(end === null || end === undefined ? {} : { end: String(end) }) }),
    delete: (c) => {
      const list = chartsOf(c.sheet);
      list.splice(list.indexOf(c), 1);
      c.deleted = true;
    },
  },
};

interface TitleValue {
  chart: ChartModel;
  field: "title" | "categoryAxisTitle" | "valueAxisTitle";
}

const titleScalars: HostType<TitleValue>["scalars"] = {
  text: { get: ({ chart, field }) => chart[field], set: ({ chart, field }, text) => void (chart[field] = String(text)) },
  visible: { get: ({ chart, field }) => chart[field] !== "" },
};

export const CHART_TITLE: HostType<TitleValue> = { name: "ChartTitle", scalars: titleScalars };
export const CHART_AXIS_TITLE: HostType<TitleValue> = { name: "ChartAxisTitle", scalars: titleScalars };

export const CHART_AXES: HostType<ChartModel> = {
  name: "ChartAxes",
  navigation: {
    categoryAxis: (chart) => new HostObject(CHART_AXIS, { chart, which: "category" }),
    valueAxis: (chart) => new HostObject(CHART_AXIS, { chart, which: "value" }),
  },
};

interface AxisValue {
  chart: ChartModel;
  which: "category" | "value";
}

export const CHART_AXIS: HostType<AxisValue> = {
  name: "ChartAxis",
  scalars: {
    numberFormat: {
      get: ({ chart, which }) => (which === "value" ? chart.valueAxisNumberFormat : "General"),
      set: ({ chart, which }, format) => {
        if (which === "value") chart.valueAxisNumberFormat = String(format);
      },
    },
  },
  navigation: {
    title: ({ chart, which }) => new HostObject(CHART_AXIS_TITLE, { chart, field: which === "category" ? "categoryAxisTitle" : "valueAxisTitle" }),
  },
};

export const CHART_SERIES_COLLECTION: HostType<ChartModel> = {
  name: "ChartSeriesCollection",
  items: (chart) => chart.series.map((series) => new HostObject(CHART_SERIES, { chart, series })),
  scalars: {
    count: { get: (chart) => chart.series.length },
  },
  methods: {
    getItemAt: (chart, [index]) => {
      const series = typeof index === "number" ? chart.series[index] : undefined;
      if (!series) throw excelError("ItemNotFound", `the chart has no series ${String(index)}`);
      return new HostObject(CHART_SERIES, { chart, series });
    },
    getCount: (chart) => chart.series.length,
  },
};

interface SeriesValue {
  chart: ChartModel;
  series: SeriesModel;
}

function rectOf(series: SeriesModel, dimension: unknown): Rect {
  if (dimension === "Values") return series.values;
  if (dimension === "Categories") return series.categories;
  throw excelError("InvalidArgument", `"${String(dimension)}" is not a dimension the host knows (Values, Categories)`);
}

export const CHART_SERIES: HostType<SeriesValue> = {
  name: "ChartSeries",
  gone: ({ chart }) => chart.deleted === true || chart.sheet.deleted === true,
  scalars: {
    name: { get: ({ chart, series }, env) => String(env.model.readValues(chart.sheet, series.nameRect)[0]?.[0] ?? "") },
  },
  methods: {
    /** The cells of a dimension as text, e.g. "'SV Report'!$B$5:$B$7" (ExcelApi 1.15). */
    getDimensionDataSourceString: ({ chart, series }, [dimension]) => `${quoteSheet(chart.sheet.name)}!${formatA1(rectOf(series, dimension), true)}`,
    /** The dimension's current values as text, as Excel returns them (ExcelApi 1.12). */
    getDimensionValues: ({ chart, series }, [dimension], env) =>
      env.model
        .readValues(chart.sheet, rectOf(series, dimension))
        .flat()
        .map((v) => String(v ?? "")),
  },
};
