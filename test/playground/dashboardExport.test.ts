/**
 * PF Dashboard (issue #20) in the playground: its four charts (clustered columns and bars) are
 * drawn as bars, not placeholders, and go out to .xlsx as chart parts; the sheet's page setup
 * goes out as Excel writes it (landscape, fit to one page by one, the print area).
 */
import JSZip from "jszip";
import type { PortfolioRows } from "../../src/core";
import { writeDashboard, DASHBOARD_SHEET } from "../../src/excel/portfolio/writeDashboard";
import { layoutChart, sheetCharts } from "../../playground/chartLayout";
import { exportWorkbook } from "../../playground/exportXlsx";
import { readXlsx, replaceWorkbook } from "../../playground/importXlsx";
import type { ExcelRun } from "../../src/excel/shared/excelRun";
import { createExcelHost } from "../excelHost";

const ROWS: PortfolioRows = {
  sources: [],
  contracts: [{ TenderKey: "T-1", Contract: "Grounds maintenance", Supplier: "Acme Ltd" }],
  commitments: [{ TenderKey: "T-1", Ref: "ILL1", Theme: "Jobs", Committed: 10, CommittedValue: 40_000, DueDate: 46_000, Delivered: 5, DeliveredValue: 20_000, InLatestGather: "Yes" }],
  offers: [{ TenderKey: "T-1", RecipientType: "School", Hours: 40, Value: 1_200, InLatestGather: "Yes" }],
  kpis: [],
  totals: [
    { By: "Theme", Group: "Jobs", CommittedValue: 40_000, DeliveredValue: 20_000 },
    { By: "Year", Group: "2026", CommittedValue: 40_000, DeliveredValue: 20_000 },
  ],
};

async function aDashboard(): Promise<ReturnType<typeof createExcelHost>> {
  const host = createExcelHost();
  await host.run((context: Excel.RequestContext) => writeDashboard(context, ROWS, new Date("2026-12-01T12:00:00Z")));
  return host;
}

describe("the portfolio dashboard in the playground", () => {
  it("draws each of its four charts as bars: clustered columns and clustered bars", async () => {
    const host = await aDashboard();
    const pictures = sheetCharts(host, DASHBOARD_SHEET).map(({ chart, data }) => layoutChart(chart, data, 336, 340));
    expect(pictures.map((p) => (p.kind === "bars" ? [p.direction, p.bars.length] : p.kind))).toEqual([
      ["col", 2],
      ["col", 2],
      ["col", 3],
      ["bar", 1],
    ]);
  });

  it("exports the four charts and the page setup: landscape, one page by one, the print area", async () => {
    const host = await aDashboard();
    const { bytes, notes } = await exportWorkbook(host);
    expect(notes).toEqual({ charts: 4, chartsLeftOut: [] });
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = (await zip.file("xl/worksheets/sheet2.xml")?.async("string")) ?? "";
    expect(sheetXml).toMatch(/<sheetPr>\s*<pageSetUpPr fitToPage="1"\/>\s*<\/sheetPr>/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*fitToHeight="1"/);
    // ECMA-376 CT_Worksheet: sheetPr first; pageMargins, then pageSetup, then drawing.
    const at = (tag: string): number => sheetXml.indexOf(`<${tag}`);
    expect(at("sheetPr")).toBeLessThan(at("dimension"));
    expect(at("pageMargins")).toBeLessThan(at("pageSetup"));
    if (at("drawing") >= 0) expect(at("pageSetup")).toBeLessThan(at("drawing"));
    const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    expect(workbookXml).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;PF Dashboard&apos;!\$A\$1:\$U\$38<\/definedName>/);
  });

  it("the exported file imports back with the dashboard's four charts and its page setup", async () => {
    const { bytes } = await exportWorkbook(await aDashboard());
    const book = await readXlsx("dashboard.xlsx", bytes);
    expect(book.charts.filter((c) => c.sheet === DASHBOARD_SHEET).map((c) => c.chartType)).toEqual(["ColumnClustered", "ColumnClustered", "ColumnClustered", "BarClustered"]);
    expect(book.notes).toEqual([]);
    const back = createExcelHost();
    await replaceWorkbook(back.run as unknown as ExcelRun, book);
    expect(back.inspect.pageLayout(DASHBOARD_SHEET)).toEqual({ orientation: "Landscape", scale: null, fitToPages: { wide: 1, tall: 1 }, printArea: "A1:U38" });
    expect(back.inspect.pageLayout("Sheet1")).toEqual({ orientation: "Portrait", scale: 100, fitToPages: null, printArea: "" });
  });
});
