/**
 * PF Dashboard (issue #20, "Pictures"): the portfolio on one printed page. On the left, the
 * blocks of core buildDashboard as small tables of values; on the right, four native charts over
 * them in a 2 × 2 grid (committed vs delivered by theme and by award year, contracts behind / on
 * track / ahead, community offers by recipient type). Values, not formulas: like the award
 * report, the dashboard is a snapshot, dated in A2, and is rebuilt after each gather.
 *
 * The sheet is the add-in's when A2 carries BUILT_MARKER (as the report sheets): a rebuild clears
 * its cells, deletes its own charts by name (a chart the user added stays) and writes again, on
 * the same sheet in the same place. A sheet of that name without the marker is the user's: it
 * is refused with a sentence and nothing is written (Excel cannot undo add-in writes).
 *
 * Printing: landscape, one page wide by one tall, print area over the blocks and charts
 * (Worksheet.pageLayout, ExcelApi 1.9). Where Excel lacks 1.9 the dashboard is still written and
 * the result carries a note that it prints at the default scale. The manifest asks for ExcelApi
 * 1.13, so this is a guard for a host that misreports, not a path users are expected to take.
 *
 * Cost: four requests whatever the portfolio's size (two reads: the sheet, then its A2 and
 * charts; one write; the page layout), each small: a block is one range write, not one per cell.
 */
import { blockAddress, buildDashboard, DASHBOARD_CHARTS, FORMATS, type DashboardBlock, type DashboardBlockKey, type DashboardFormat, type PortfolioRows } from "../../core";
import { RefusalError } from "../shared/refusal";
import { BUILT_MARKER } from "../report/readReportData";
import { builtNote, SheetDraft, whenText } from "../report/reportSheet";

export const DASHBOARD_SHEET = "PF Dashboard";

/** Thrown when a sheet named PF Dashboard is the user's own: nothing was written. */
export class DashboardRefusedError extends RefusalError {
  constructor(message: string) {
    super(message);
    this.name = "DashboardRefusedError";
  }
}

export interface DashboardWritten {
  sheet: string;
  /** The charts drawn, by name (none for a block without rows, e.g. an empty portfolio). */
  charts: string[];
  /** Requests sent (constant: 4, or 3 when Excel says it lacks ExcelApi 1.9). */
  syncs: number;
  /** "" when the page layout was set; otherwise why the sheet prints at Excel's default scale. */
  note: string;
}

export interface DashboardOptions {
  /**
   * Office.context.requirements.isSetSupported, when Office gives it; injected for tests. Absent
   * (outside Office, in the test host), the page layout is tried and an ApiNotFound gives the note.
   */
  isSetSupported?: (name: string, minVersion?: string) => boolean;
}

export const PAGE_LAYOUT_NOTE =
  "Excel did not take the dashboard's page layout from the add-in, so it prints at Excel's default scale: choose Landscape and Fit Sheet on One Page in Page Setup to print it on one page.";

/** The blocks' cells: £ to the penny, as the PF_ tables show the same figures. */
const NUMBER_FORMATS: Record<DashboardFormat, string> = { text: FORMATS.general, pounds: FORMATS.gbp, percent: FORMATS.percent, count: "#,##0", number: FORMATS.general };
/** A chart's value axis: whole pounds, as axis labels are read at a glance. */
const AXIS_FORMATS: Record<DashboardFormat, string> = { ...NUMBER_FORMATS, pounds: FORMATS.gbpWhole };

/** Where each chart goes: four slots of 7 × 17 cells, two by two, right of the blocks. */
const CHART_SLOTS: Partial<Record<DashboardBlockKey, [string, string]>> = {
  themes: ["H4", "N20"],
  years: ["O4", "U20"],
  status: ["H22", "N38"],
  offers: ["O22", "U38"],
};
const LAST_CHART_ROW = 38;
const LAST_COLUMN = "U";

/** Widths in points: the blocks' six columns, a gap, then fourteen standard columns under the charts (so a chart's size does not depend on the user's default width). */
const WIDTHS = [150, 80, 80, 80, 80, 80, 12, ...Array<number>(14).fill(48)];

export interface DashboardLayout {
  draft: SheetDraft;
  charts: { block: DashboardBlock; source: string; at: [string, string] }[];
  printArea: string;
}

/** The sheet's cells and where its charts go: pure, so the layout is tested without Excel. */
export function dashboardLayout(rows: PortfolioRows, asAt: Date): DashboardLayout {
  const d = buildDashboard(rows, asAt);
  const draft = new SheetDraft();
  draft.put(1, 1, [[`Social value portfolio dashboard, as at ${whenText(asAt)}`]], { bold: true });
  draft.put(2, 1, [[builtNote(asAt)]], { italic: true });

  const charts: DashboardLayout["charts"] = [];
  let row = 4;
  for (const block of [d.blocks.headline, d.blocks.themes, d.blocks.years, d.blocks.status, d.blocks.offers, d.blocks.contracts]) {
    draft.put(row, 1, [[block.title]], { bold: true });
    draft.put(row + 1, 1, [block.header], { bold: true, fill: "#E7E6E6", wrap: true });
    if (block.rows.length === 0) {
      draft.put(row + 2, 1, [[block.empty]], { italic: true });
      row += 3;
    } else {
      draft.put(row + 2, 1, block.rows, { numberFormat: block.formats.map((f) => NUMBER_FORMATS[f]) });
      const at = CHART_SLOTS[block.key];
      if (block.chart && at) charts.push({ block, source: blockAddress(row + 1, 1, block.rows.length + 1, block.chart.columns), at });
      row += 2 + block.rows.length;
    }
    if (block.note) {
      draft.put(row, 1, [[block.note]], { italic: true });
      row += 1;
    }
    row += 1;
  }
  WIDTHS.forEach((w, i) => draft.width(i + 1, w));
  const lastRow = Math.max(LAST_CHART_ROW, row - 2);
  return { draft, charts, printArea: `A1:${LAST_COLUMN}${lastRow}` };
}

const ownChart = new Set<string>(Object.values(DASHBOARD_CHARTS));

/**
 * Writes (or rewrites) PF Dashboard from the portfolio's rows: after a gather,
 * `writeDashboard(context, plan.tables, now)`; on its own, `writeDashboard(context, (await readPortfolio(context)).rows, new Date())`.
 * Never touches another sheet.
 */
export async function writeDashboard(context: Excel.RequestContext, rows: PortfolioRows, asAt: Date, options: DashboardOptions = { isSetSupported: officeRequirements() }): Promise<DashboardWritten> {
  const layout = dashboardLayout(rows, asAt);
  let syncs = 0;

  const found = context.workbook.worksheets.getItemOrNullObject(DASHBOARD_SHEET);
  await context.sync();
  syncs++;
  let existing: { charts: Excel.ChartCollection; marker: Excel.Range } | undefined;
  if (!found.isNullObject) {
    existing = { charts: found.charts.load("items/name"), marker: found.getRange("A2").load("values") };
    await context.sync();
    syncs++;
    const a2 = String(existing.marker.values[0]?.[0] ?? "");
    if (!a2.startsWith(BUILT_MARKER)) {
      throw new DashboardRefusedError(
        `This workbook already has a sheet called "${DASHBOARD_SHEET}" that the add-in did not build, so it was left as it is and no dashboard was drawn. Rename or move that sheet, then gather again to draw it.`
      );
    }
  }

  const sheet = existing ? found : context.workbook.worksheets.add(DASHBOARD_SHEET);
  if (existing) {
    for (const chart of existing.charts.items) if (ownChart.has(chart.name)) chart.delete();
    sheet.getRange().clear("All");
  }
  layout.draft.apply(sheet);
  for (const { block, source, at } of layout.charts) {
    const spec = block.chart;
    if (!spec) continue;
    const chart = sheet.charts.add(spec.type, sheet.getRange(source), "Columns");
    chart.name = spec.name;
    chart.title.text = spec.title;
    chart.axes.categoryAxis.title.text = spec.categoryAxisTitle;
    chart.axes.valueAxis.title.text = spec.valueAxisTitle;
    chart.axes.valueAxis.numberFormat = AXIS_FORMATS[spec.valueFormat];
    chart.setPosition(at[0], at[1]);
  }
  await context.sync();
  syncs++;

  let note = "";
  if (options.isSetSupported?.("ExcelApi", "1.9") === false) {
    note = PAGE_LAYOUT_NOTE;
  } else {
    try {
      const page = sheet.pageLayout;
      page.orientation = "Landscape";
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      page.setPrintArea(layout.printArea);
      await context.sync();
      syncs++;
    } catch {
      // The cells and charts are written by now: whatever Excel refused of the page layout
      // (a set it lacks, or a print setting it will not take), the dashboard stands and says so.
      syncs++;
      note = PAGE_LAYOUT_NOTE;
    }
  }
  return { sheet: DASHBOARD_SHEET, charts: layout.charts.map((c) => c.block.chart?.name ?? ""), syncs, note };
}

/** Office's own isSetSupported when the add-in runs in Office; undefined elsewhere. */
export function officeRequirements(): DashboardOptions["isSetSupported"] {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (set: string, version?: string) => boolean } } } }).Office;
  const requirements = office?.context?.requirements;
  const check = requirements?.isSetSupported;
  return typeof check === "function" ? (name, version) => check.call(requirements, name, version) : undefined;
}
