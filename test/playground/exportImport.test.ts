/**
 * The playground's export and import keep the workbook (issue #19), in Node: the sample tender
 * goes out to .xlsx and comes back into a new host as it was; the pure mappings between Office.js
 * and the file are checked both ways; and an import the host refuses part-way leaves the
 * workbook as it was.
 */
import ExcelJS from "exceljs";
import { createExcelHost } from "../excelHost";
import type { ExcelRun } from "../../src/excel/shared/excelRun";
import { loadSampleTender } from "../../playground/sampleTender";
import { exportNotice, exportWorkbook } from "../../playground/exportXlsx";
import { ImportError, readXlsx, replaceWorkbook } from "../../playground/importXlsx";
import { fileConditionalRule, fileProtection, fileStyle, fileValidation, hostConditionalFormat, hostProtection, hostStyle, hostValidation, inheritUnset, rectanglesOf, typedFormula, DEFAULT_STYLE } from "../../playground/xlsxMapping";
import { namesInWorkbookXml, withNames } from "../../playground/xlsxNames";

type Host = ReturnType<typeof createExcelHost>;
const runOf = (host: Host): ExcelRun => host.run as unknown as ExcelRun;

async function aSampleTender(): Promise<Host> {
  const host = createExcelHost();
  await loadSampleTender(runOf(host));
  return host;
}

async function roundTrip(source: Host): Promise<Host> {
  const { bytes } = await exportWorkbook(source);
  const target = createExcelHost({ sheets: { Sheet1: [["work in progress"]] } });
  await replaceWorkbook(runOf(target), await readXlsx("evaluation.xlsx", bytes));
  return target;
}

describe("a workbook exported and imported back", () => {
  let source: Host;
  let target: Host;
  beforeAll(async () => {
    source = await aSampleTender();
    target = await roundTrip(source);
  });

  it("has the same sheets, tables, names and sheet settings", () => {
    expect(target.inspect.sheetNames()).toEqual(source.inspect.sheetNames());
    expect(target.inspect.tables()).toEqual(source.inspect.tables());
    expect(target.inspect.names()).toEqual(source.inspect.names());
    for (const name of source.inspect.sheetNames()) expect(target.inspect.sheet(name)).toEqual(source.inspect.sheet(name));
  });

  it("has the same values and formulas, structured references in their short form", () => {
    for (const name of source.inspect.sheetNames()) {
      const used = source.inspect.sheet(name).usedRange;
      if (!used) continue;
      const range = `'${name}'!${used}`;
      expect({ name, values: target.inspect.values(range) }).toEqual({ name, values: source.inspect.values(range) });
      expect({ name, formulas: target.inspect.formulas(range) }).toEqual({ name, formulas: source.inspect.formulas(range) });
    }
  });

  it("has the conditional formats", () => {
    for (const name of source.inspect.sheetNames()) expect(target.inspect.conditionalFormats(name)).toEqual(source.inspect.conditionalFormats(name));
  });

  it("gives every row of a table column its first row's format and drop-down list, as Excel extends them", () => {
    const commitments = target.inspect.table("SV_Commitments");
    const body = (commitments?.dataBodyAddress ?? "").split("!")[1] as string;
    const [, first, last] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(body) ?? [];
    const rows = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => Number(first) + i);
    expect(rows.length).toBeGreaterThan(10);
    const valueColumn = "H"; // Value, £ (SV Commitments layout)
    expect(rows.map((r) => target.inspect.format(`'SV Commitments'!${valueColumn}${r}`).numberFormat)).toEqual(rows.map(() => "£#,##0.00"));
    expect(target.inspect.validation(`'SV Commitments'!B${first}:B${last}`).rule).toEqual({ list: { inCellDropDown: true, source: "=SV_MeasureRefs" } });
  });

  it("keeps a very hidden, protected sheet so", async () => {
    const host = createExcelHost({ sheets: { Open: [["a"]], Record: [["kept"]] } });
    await host.run(async (context) => {
      const record = context.workbook.worksheets.getItem("Record");
      record.protection.protect({ allowFormatColumns: true, allowAutoFilter: true });
      record.visibility = "VeryHidden" as Excel.SheetVisibility;
      await context.sync();
    });
    const back = await roundTrip(host);
    expect(back.inspect.sheet("Record")).toMatchObject({ visibility: "VeryHidden", protected: true, protectionOptions: { allowFormatColumns: true, allowAutoFilter: true } });
    expect(back.inspect.value("'Record'!A1")).toBe("kept");
  });

  it("names only the charts of a type the export does not write", () => {
    expect(exportNotice({ charts: 2, chartsLeftOut: [] })).toBe("");
    expect(exportNotice({ charts: 2, chartsLeftOut: [{ sheet: "Report", name: "Trend", chartType: "Line" }] })).toMatch(/One chart is not in the file, Trend \(Line\) on Report: .* column and bar charts only/);
  });
});

describe("an import the workbook refuses part-way", () => {
  it("puts the old sheets, tables and names back and says nothing was changed", async () => {
    const host = await aSampleTender();
    const before = { sheets: host.inspect.sheetNames(), tables: host.inspect.tables(), names: host.inspect.names(), setup: host.inspect.values("'SV Setup'!A1:C30") };
    const book = await readXlsx("evaluation.xlsx", (await exportWorkbook(host)).bytes);
    // Two tables over the same cells: Excel refuses the second, after the sheets are written.
    const measures = book.sheets.find((s) => s.name === "SV Measures");
    measures?.tables.push({ name: "SV_Clash", address: measures.tables[0]?.address ?? "A1", style: "" });
    const failure: unknown = await replaceWorkbook(runOf(host), book, '"evaluation.xlsx"').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as ImportError).message).toMatch(/^"evaluation.xlsx" could not be imported: .*Nothing was changed\.$/);
    expect({ sheets: host.inspect.sheetNames(), tables: host.inspect.tables(), names: host.inspect.names(), setup: host.inspect.values("'SV Setup'!A1:C30") }).toEqual(before);
  });
});

describe("reading what the import keeps", () => {
  it("says which file features it leaves out", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bids");
    ws.getCell("A1").value = 1;
    ws.addConditionalFormatting({ ref: "A1:A3", rules: [{ type: "top10", priority: 1, rank: 3, style: {} } as unknown as ExcelJS.ConditionalFormattingRule] });
    const book = await readXlsx("bars.xlsx", (await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(book.notes).toEqual([expect.stringMatching(/^1 conditional format on Bids .* left out/)]);
  });

  it("refuses a workbook whose every sheet is hidden", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Only", { state: "hidden" }).getCell("A1").value = 1;
    await expect(readXlsx("hidden.xlsx", (await wb.xlsx.writeBuffer()) as ArrayBuffer)).rejects.toThrow(/has no visible worksheet/);
  });
});

describe("the file mappings", () => {
  it("groups cells into rectangles: runs down columns, side by side merged", () => {
    expect(rectanglesOf(["B4", "B5", "B6", "C4", "C5", "C6", "E2"])).toEqual([
      { row: 3, col: 1, rows: 3, cols: 2 },
      { row: 1, col: 4, rows: 1, cols: 1 },
    ]);
    expect(rectanglesOf(["A1", "A3"])).toEqual([
      { row: 0, col: 0, rows: 1, cols: 1 },
      { row: 2, col: 0, rows: 1, cols: 1 },
    ]);
  });

  it("keeps a cell format both ways, writing only what differs from the default", () => {
    const style = { ...DEFAULT_STYLE, numberFormat: "£#,##0.00", fill: "#F3F2F1", bold: true, horizontalAlignment: "Center", locked: false };
    expect(fileStyle(DEFAULT_STYLE)).toEqual({});
    expect(hostStyle(fileStyle(style))).toEqual(style);
  });

  it("keeps a drop-down list over a name, a literal list, a number rule and a formula rule both ways", () => {
    const rules = [
      { rule: { list: { inCellDropDown: true, source: "=SV_MeasureRefs" } }, ignoreBlanks: true },
      { rule: { list: { inCellDropDown: true, source: "Yes,No" } }, ignoreBlanks: true },
      { rule: { decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } }, ignoreBlanks: true, errorAlert: { showAlert: true, style: "Stop", title: "Not a valid number", message: "Enter a number of 0 or more." } },
      { rule: { custom: { formula: "=FALSE" } }, ignoreBlanks: false, prompt: { showPrompt: true, title: "Calculated", message: "Worked out by formulas." } },
    ];
    for (const v of rules) expect(hostValidation(fileValidation(v) as NonNullable<ReturnType<typeof fileValidation>>)).toEqual(v);
    expect(fileValidation(rules[0] as (typeof rules)[number])?.formulae).toEqual(["SV_MeasureRefs"]);
    expect(fileValidation(rules[1] as (typeof rules)[number])?.formulae).toEqual(['"Yes,No"']);
  });

  it("keeps cell-value and formula conditional formats both ways", () => {
    const formats = [
      { address: "I4:I18", type: "CellValue", rule: { formula1: '="OK"', operator: "NotEqualTo" }, format: { fillColor: "#FDE7E9" } },
      { address: "A4:A18", type: "Custom", rule: { formula: "=$B4>10" }, format: { fontColor: "#A80000", fontBold: true } },
    ];
    for (const cf of formats) expect(hostConditionalFormat(cf.address, fileConditionalRule(cf, 1) as NonNullable<ReturnType<typeof fileConditionalRule>>)).toEqual(cf);
    expect(hostConditionalFormat("A1", { type: "dataBar" })).toBeUndefined();
  });

  it("gives a cell, from its column's first row, only the format properties it never had set", () => {
    const first = { ...DEFAULT_STYLE, numberFormat: "£#,##0.00", fill: "#F3F2F1", locked: false };
    expect(inheritUnset({ ...DEFAULT_STYLE, numberFormat: "@", bold: true }, first)).toEqual({ ...first, numberFormat: "@", bold: true });
  });

  it("keeps protection options both ways", () => {
    const options = { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, selectionMode: "Unlocked" };
    expect(hostProtection({ sheet: true, ...fileProtection(options) })).toEqual(options);
  });

  it("reads a file's formula as typed: no _xlfn. markers, short structured references", () => {
    expect(typedFormula('_xlfn.XLOOKUP(A1,B:B,C:C)&"_xlfn.kept"')).toBe('=XLOOKUP(A1,B:B,C:C)&"_xlfn.kept"');
    expect(typedFormula("SV_Scores[[#This Row],[Score]]+SV_Measures[[#This Row],[Bid price]]+COUNT(SV_Scores[Score])", "SV_Scores")).toBe(
      "=[@Score]+SV_Measures[@[Bid price]]+COUNT([Score])"
    );
    expect(typedFormula("SV_Measures[[#Headers],[Ref]]", "SV_Scores")).toBe("=SV_Measures[[#Headers],[Ref]]");
  });

  it("writes and reads names as workbook.xml holds them, formulas and escapes included", () => {
    const xml = '<workbook><sheets><sheet name="A" sheetId="1"/></sheets><calcPr/></workbook>';
    const names = [
      { name: "SV_MeasureRefs", formula: "=SV_Measures[Ref]", comment: "", visible: true },
      { name: "SV_Note", formula: '="a<b & \'c\'"', comment: "why", visible: false },
    ];
    const written = withNames(xml, names);
    expect(written).toContain('</sheets><definedNames><definedName name="SV_MeasureRefs">SV_Measures[Ref]</definedName>');
    expect(namesInWorkbookXml(written)).toEqual(names);
    expect(namesInWorkbookXml('<definedName name="Local" localSheetId="0">A!$A$1</definedName>')).toEqual([{ name: "Local", formula: "=A!$A$1", comment: "", visible: true, sheetIndex: 0 }]);
  });
});
