/**
 * The award report's charts go out to .xlsx and come back (issue #19), in Node: the sample
 * tender's report is exported with its two charts as chart parts, the file imports into a new
 * host with the same charts at the same cells, and a chart the playground cannot write or
 * rebuild is named in the notice.
 */
import JSZip from "jszip";
import { createExcelHost } from "../excelHost";
import type { ExcelRun } from "../../src/excel/shared/excelRun";
import { buildReport } from "../../src/excel/report/writeReport";
import { loadSampleTender } from "../../playground/sampleTender";
import { exportNotice, exportWorkbook } from "../../playground/exportXlsx";
import { readXlsx, replaceWorkbook } from "../../playground/importXlsx";

type Host = ReturnType<typeof createExcelHost>;
const runOf = (host: Host): ExcelRun => host.run as unknown as ExcelRun;
const REPORT = "SV Report";

/** The sample tender with its planted unit mistake corrected (so no bid is held), and its award report built. */
async function aReportedTender(): Promise<Host> {
  const host = createExcelHost();
  const run = runOf(host);
  await loadSampleTender(run);
  await run(async (context) => {
    const column = (table: string, name: string) => context.workbook.tables.getItem(table).columns.getItem(name).getDataBodyRange().load("values");
    const measureRefs = column("SV_Measures", "Ref");
    const measureUnits = column("SV_Measures", "Unit");
    const refs = column("SV_Commitments", "Ref");
    const units = column("SV_Commitments", "Unit");
    await context.sync();
    const unitOf = new Map(measureRefs.values.map((r, i) => [String(r[0]), measureUnits.values[i]?.[0]]));
    units.values = refs.values.map((r, i) => [unitOf.get(String(r[0])) ?? units.values[i]?.[0]]);
    await context.sync();
  });
  await buildReport(run);
  return host;
}

describe("the award report's charts in an exported workbook", () => {
  let source: Host;
  let bytes: ArrayBuffer;
  let notes: Awaited<ReturnType<typeof exportWorkbook>>["notes"];
  beforeAll(async () => {
    source = await aReportedTender();
    ({ bytes, notes } = await exportWorkbook(source));
  });

  it("are written, and the notice leaves nothing out", () => {
    expect(notes).toEqual({ charts: 2, chartsLeftOut: [] });
    expect(exportNotice(notes)).toBe("");
  });

  it("are two chart parts on one drawing of the report's sheet", async () => {
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file(/^xl\/charts\/chart\d+\.xml$/).map((f) => f.name).sort()).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    expect(zip.file(/^xl\/drawings\/drawing\d+\.xml$/)).toHaveLength(1);
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
  });

  it("come back on import with the same type, title, cells and position", async () => {
    const book = await readXlsx("report.xlsx", bytes);
    expect(book.notes).toEqual([]);
    expect(book.charts).toHaveLength(2);
    const target = createExcelHost({ sheets: { Sheet1: [["work in progress"]] } });
    await replaceWorkbook(runOf(target), book);
    expect(target.inspect.chartDetails(REPORT)).toEqual(source.inspect.chartDetails(REPORT));
  });
});

describe("a chart the playground does not write", () => {
  it("is named in the export's notice, and the other charts are written", async () => {
    const host = createExcelHost({ sheets: { Data: [["Bidder", "Jobs"], ["Acme", 3], ["Birch", 5]] } });
    await runOf(host)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.charts.add("Line", sheet.getRange("A1:B3"), "Columns").name = "Trend";
      sheet.charts.add("ColumnClustered", sheet.getRange("A1:B3"), "Columns").name = "Jobs";
      await context.sync();
    });
    const { bytes, notes } = await exportWorkbook(host);
    expect(notes).toEqual({ charts: 1, chartsLeftOut: [{ sheet: "Data", name: "Trend", chartType: "Line" }] });
    expect(exportNotice(notes)).toMatch(/^ One chart is not in the file, Trend \(Line\) on Data: /);
    const back = await readXlsx("data.xlsx", bytes);
    expect(back.charts.map((c) => [c.name, c.chartType, c.source, c.position])).toEqual([["Jobs", "ColumnClustered", "A1:B3", { start: "D1", end: "K14" }]]);
  });
});

describe("a chart the import cannot rebuild", () => {
  it("is named in the import's notice, by sheet and kind, and the workbook is imported without it", async () => {
    const host = createExcelHost({ sheets: { Data: [["Bidder", "Jobs"], ["Acme", 3], ["Birch", 5]] } });
    await runOf(host)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.charts.add("ColumnClustered", sheet.getRange("A1:B3"), "Columns").name = "Jobs";
      await context.sync();
    });
    const zip = await JSZip.loadAsync((await exportWorkbook(host)).bytes);
    // As if another app had saved a line chart there.
    const part = (await zip.file("xl/charts/chart1.xml")?.async("string")) ?? "";
    zip.file("xl/charts/chart1.xml", part.replace(/<c:barChart>[\s\S]*<\/c:barChart>/, '<c:lineChart><c:grouping val="standard"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>'));
    const book = await readXlsx("data.xlsx", await zip.generateAsync({ type: "arraybuffer" }));
    expect(book.charts).toEqual([]);
    expect(book.notes).toEqual(['Chart "Jobs" on Data was left out: it is a line chart, and the playground rebuilds column and bar charts only.']);
  });
});
