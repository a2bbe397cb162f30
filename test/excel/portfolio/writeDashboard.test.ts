/**
 * PF Dashboard on Microsoft's Excel client (issue #20, "Pictures"): the four native charts over
 * the dashboard's blocks, their series read back through the client equal to the portfolio's
 * figures, a rebuild that replaces the add-in's charts and nothing else, a user's own sheet of the
 * name refused, the page set up to print on one landscape page, and the note where Excel lacks
 * ExcelApi 1.9.
 */
import { DASHBOARD_CHARTS, MAX_LISTED, NO_CONTRACTS, type PortfolioRow, type PortfolioRows } from "../../../src/core";
import { DASHBOARD_SHEET, DashboardRefusedError, PAGE_LAYOUT_NOTE, writeDashboard, type DashboardWritten } from "../../../src/excel/portfolio/writeDashboard";
import { createExcelHost, type ExcelHost, type ExcelHostOptions } from "../../excelHost";

const AS_AT = new Date("2026-12-01T12:00:00Z");
const TODAY = 46357;

const contract = (key: string, name: string): PortfolioRow<"contracts"> => ({ TenderKey: key, Contract: name, Supplier: "Acme Ltd", AwardYear: 2026 });
const commitment = (key: string, ref: string, theme: string, committedValue: number, more: PortfolioRow<"commitments"> = {}): PortfolioRow<"commitments"> => ({
  CommitmentKey: `${key}|acme ltd|${ref}|1`,
  TenderKey: key,
  Ref: ref,
  Theme: theme,
  Committed: 10,
  CommittedValue: committedValue,
  DueDate: "",
  Delivered: "",
  DeliveredValue: "",
  InLatestGather: "Yes",
  ...more,
});
const total = (by: string, group: string, committed: number, delivered: number): PortfolioRow<"totals"> => ({ TotalKey: `${by}|${group}`, By: by, Group: group, CommittedValue: committed, DeliveredValue: delivered });

/** Three contracts: one behind, one ahead, one on track; offers to schools and a charity. */
function aPortfolio(): PortfolioRows {
  return {
    sources: [],
    contracts: [contract("T-1", "Grounds maintenance"), contract("T-2", "Street lighting"), contract("T-3", "School meals")],
    commitments: [
      commitment("T-1", "ILL1", "Jobs", 40_000, { DueDate: TODAY - 10, Delivered: 5, DeliveredValue: 20_000 }),
      commitment("T-1", "ILL7", "Growth", 75_000.5),
      commitment("T-2", "ILL1", "Jobs", 12_000, { DueDate: TODAY + 100, Delivered: 4, DeliveredValue: 4_800 }),
      commitment("T-3", "ILL3", "Environment", 9_999.99),
    ],
    offers: [
      { OfferKey: "a", TenderKey: "T-1", RecipientType: "School", Hours: 40, Value: 1_200, InLatestGather: "Yes" },
      { OfferKey: "b", TenderKey: "T-2", RecipientType: "School", Hours: 10, Value: 300, InLatestGather: "Yes" },
      { OfferKey: "c", TenderKey: "T-3", RecipientType: "Charity", Hours: 20, Value: 500, InLatestGather: "Yes" },
    ],
    kpis: [],
    totals: [
      total("Theme", "Environment", 9_999.99, 0),
      total("Theme", "Growth", 75_000.5, 0),
      total("Theme", "Jobs", 52_000, 24_800),
      total("Supplier", "Acme Ltd", 137_000.49, 24_800),
      total("Year", "2025", 12_000, 4_800),
      total("Year", "2026", 125_000.49, 20_000),
    ],
  };
}

const EMPTY: PortfolioRows = { sources: [], contracts: [], commitments: [], offers: [], kpis: [], totals: [] };

function aWorkbook(options: ExcelHostOptions = {}): ExcelHost {
  return createExcelHost({ sheets: { "PF Contracts": [["TenderKey"], ["T-1"]] }, ...options });
}

const build = (host: ExcelHost, rows: PortfolioRows = aPortfolio()): Promise<DashboardWritten> => host.run((context: Excel.RequestContext) => writeDashboard(context, rows, AS_AT));

/** Each chart's series through the client: name, categories and values as Excel gives them (text). */
async function seriesOf(host: ExcelHost): Promise<Record<string, { name: string; categories: string[]; values: string[] }[]>> {
  return host.run(async (context: Excel.RequestContext) => {
    const charts = context.workbook.worksheets.getItem(DASHBOARD_SHEET).charts.load("items/name");
    await context.sync();
    const series = charts.items.map((c) => ({ chart: c.name, list: c.series.load("items/name") }));
    await context.sync();
    const dims = series.map((s) => s.list.items.map((item) => ({ name: item.name, categories: item.getDimensionValues("Categories"), values: item.getDimensionValues("Values") })));
    await context.sync();
    return Object.fromEntries(series.map((s, i) => [s.chart, (dims[i] ?? []).map((d) => ({ name: d.name, categories: d.categories.value, values: d.values.value }))]));
  });
}

describe("writeDashboard", () => {
  it("draws four titled charts with axis titles, in a 2 × 2 grid right of the blocks", async () => {
    const host = aWorkbook();
    const written = await build(host);
    expect(written).toEqual({ sheet: DASHBOARD_SHEET, charts: [DASHBOARD_CHARTS.themes, DASHBOARD_CHARTS.years, DASHBOARD_CHARTS.status, DASHBOARD_CHARTS.offers], syncs: 3, note: "" });
    const charts = host.inspect.chartDetails(DASHBOARD_SHEET);
    expect(charts.map((c) => [c.name, c.chartType, c.title, c.categoryAxisTitle, c.valueAxisTitle, c.valueAxisNumberFormat, c.position])).toEqual([
      [DASHBOARD_CHARTS.themes, "ColumnClustered", "Committed and delivered by theme (£)", "Theme", "£", "£#,##0", { start: "H4", end: "N20" }],
      [DASHBOARD_CHARTS.years, "ColumnClustered", "Committed and delivered by award year (£)", "Award year", "£", "£#,##0", { start: "O4", end: "U20" }],
      [DASHBOARD_CHARTS.status, "ColumnClustered", "Contracts behind, on track and ahead", "Delivery status", "Contracts", "#,##0", { start: "H22", end: "N38" }],
      [DASHBOARD_CHARTS.offers, "BarClustered", "Community offers by recipient type", "Recipient type", "Offers", "#,##0", { start: "O22", end: "U38" }],
    ]);
  });

  it("each chart's series, read through Excel, are the portfolio's figures", async () => {
    const host = aWorkbook();
    await build(host);
    expect(await seriesOf(host)).toEqual({
      [DASHBOARD_CHARTS.themes]: [
        { name: "Committed £", categories: ["Environment", "Growth", "Jobs"], values: ["9999.99", "75000.5", "52000"] },
        { name: "Delivered £", categories: ["Environment", "Growth", "Jobs"], values: ["0", "0", "24800"] },
      ],
      [DASHBOARD_CHARTS.years]: [
        { name: "Committed £", categories: ["2025", "2026"], values: ["12000", "125000.49"] },
        { name: "Delivered £", categories: ["2025", "2026"], values: ["4800", "20000"] },
      ],
      [DASHBOARD_CHARTS.status]: [{ name: "Contracts", categories: ["Behind", "On track", "Ahead"], values: ["1", "1", "1"] }],
      [DASHBOARD_CHARTS.offers]: [{ name: "Offers", categories: ["School", "Charity"], values: ["2", "1"] }],
    });
  });

  it("lists the contracts behind or ahead and dates the sheet in A2 with the add-in's marker", async () => {
    const host = aWorkbook();
    await build(host);
    const cells = host.inspect.values(`'${DASHBOARD_SHEET}'!A1:F60`).map((r) => r[0]);
    expect(String(cells[1])).toMatch(/^Built by the Social Value add-in on 1 Dec 2026/);
    const at = cells.indexOf("The contracts behind or ahead");
    expect(host.inspect.values(`'${DASHBOARD_SHEET}'!A${at + 3}:C${at + 4}`)).toEqual([
      ["Grounds maintenance", "Behind", 1],
      ["Street lighting", "Ahead", 0],
    ]);
  });

  it("sets the page to print on one landscape page, over the blocks and charts", async () => {
    const host = aWorkbook();
    await build(host);
    expect(host.inspect.pageLayout(DASHBOARD_SHEET)).toEqual({ orientation: "Landscape", scale: null, fitToPages: { wide: 1, tall: 1 }, printArea: "A1:U38" });
  });

  it("rebuilding replaces its own four charts (not eight) and keeps a chart the user added and the other sheets", async () => {
    const host = aWorkbook();
    await build(host);
    await host.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem(DASHBOARD_SHEET);
      sheet.charts.add("Pie", sheet.getRange("A5:B6"), "Columns").name = "Mine";
      await context.sync();
    });
    const again = await build(host);
    expect(again.syncs).toBe(4);
    expect(host.inspect.charts(DASHBOARD_SHEET).map((c) => c.name).sort()).toEqual(["Mine", ...Object.values(DASHBOARD_CHARTS)].sort());
    expect(host.inspect.sheetNames()).toEqual(["PF Contracts", DASHBOARD_SHEET]);
    expect(host.inspect.values("'PF Contracts'!A1:A2")).toEqual([["TenderKey"], ["T-1"]]);
  });

  it("an empty portfolio gets the no-contracts line and no charts, and a rebuild from empty removes the old ones", async () => {
    const host = aWorkbook();
    await build(host);
    const written = await build(host, EMPTY);
    expect(written.charts).toEqual([]);
    expect(host.inspect.charts(DASHBOARD_SHEET)).toEqual([]);
    expect(host.inspect.values(`'${DASHBOARD_SHEET}'!A1:A40`).flat()).toContain(NO_CONTRACTS);
    expect(host.inspect.values(`'${DASHBOARD_SHEET}'!B5:F5`)).toEqual([["Commitments", "Committed £", "Due to date £", "Delivered £", "Delivered %"]]);
  });

  it("refuses a sheet of that name the user made, and writes nothing", async () => {
    const host = createExcelHost({ sheets: { [DASHBOARD_SHEET]: [["My own dashboard"], ["Keep me"]] } });
    await expect(build(host)).rejects.toBeInstanceOf(DashboardRefusedError);
    expect(host.inspect.values(`'${DASHBOARD_SHEET}'!A1:A2`)).toEqual([["My own dashboard"], ["Keep me"]]);
    expect(host.inspect.charts(DASHBOARD_SHEET)).toEqual([]);
  });

  it("where Excel lacks ExcelApi 1.9 the dashboard is still written, with a note that it prints at the default scale", async () => {
    const host = aWorkbook({ profile: "min-api", requirementSets: { ExcelApi: "1.8" } });
    const written = await build(host);
    expect(written.note).toBe(PAGE_LAYOUT_NOTE);
    expect(written.charts).toHaveLength(4);
    expect(host.inspect.charts(DASHBOARD_SHEET)).toHaveLength(4);
    expect(host.inspect.pageLayout(DASHBOARD_SHEET)).toMatchObject({ orientation: "Portrait", scale: 100, printArea: "" });
  });

  it("when Office says ExcelApi 1.9 is missing it does not try, and notes it", async () => {
    const host = aWorkbook();
    const written = await host.run((context: Excel.RequestContext) => writeDashboard(context, aPortfolio(), AS_AT, { isSetSupported: () => false }));
    expect(written).toMatchObject({ note: PAGE_LAYOUT_NOTE, syncs: 2 });
    expect(host.inspect.pageLayout(DASHBOARD_SHEET).orientation).toBe("Portrait");
  });

  it("shows £ to the penny in its cells, as the PF_ tables do, and hours as typed", async () => {
    const host = aWorkbook();
    await build(host);
    const formats = await host.run(async (context: Excel.RequestContext) => {
      const used = context.workbook.worksheets.getItem(DASHBOARD_SHEET).getUsedRange().load("values,numberFormat");
      await context.sync();
      return { values: used.values, formats: used.numberFormat };
    });
    const header = (text: string): [number, number] => {
      const row = formats.values.findIndex((r) => r.includes(text));
      return [row, (formats.values[row] as unknown[]).indexOf(text)];
    };
    const [r, c] = header("Committed £");
    expect(formats.formats[r + 1]?.[c]).toBe("£#,##0.00");
    const [hr, hc] = header("Hours");
    expect(formats.formats[hr + 1]?.[hc]).toBe("General");
  });

  it("costs the same few requests for 300 contracts as for three", async () => {
    const big: PortfolioRows = { ...aPortfolio(), contracts: [], commitments: [] };
    for (let i = 0; i < 300; i++) {
      big.contracts.push(contract(`T-${i}`, `Contract ${i}`));
      big.commitments.push(commitment(`T-${i}`, "ILL1", "Jobs", 1_000, { DueDate: TODAY - 1 }));
    }
    const host = aWorkbook();
    host.resetStats();
    const written = await build(host, big);
    expect(written.syncs).toBe(3);
    expect(host.stats.maxRequestBytes).toBeLessThan(200_000);
    // 300 contracts behind, 15 named: the page stays one legible page, and says how many are left off.
    expect(host.inspect.pageLayout(DASHBOARD_SHEET).printArea).toBe("A1:U48");
    const listed = host.inspect.values(`'${DASHBOARD_SHEET}'!A1:A48`).flat().filter((v) => /^Contract \d+$/.test(String(v)));
    expect(listed).toHaveLength(MAX_LISTED);
    expect(host.inspect.values(`'${DASHBOARD_SHEET}'!A1:A48`).flat()).toContain("And 285 more behind or ahead, left off so the dashboard prints on one page: PF_Commitments' RuleStatus shows every commitment behind.");
  });
});
