/**
 * @jest-environment jsdom
 *
 * Charts in the .xlsx package (playground/chartXml.ts): the chart part is well-formed
 * DrawingML with the series as references to the sheet's cells, the drawing anchors it to
 * cells, the sheet's <drawing> goes where CT_Worksheet's sequence puts it, and what is written
 * reads back. The XML is checked with the browser's own parser (jsdom), not the module's reader.
 */
import { chartSource, chartSpaceXml, drawingXml, parseChartFormula, readChartSpace, resolveTarget, withDrawing, withOverrides, withRelationship, type ChartPart } from "../../playground/chartXml";

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

function parsed(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed: ${error.textContent ?? ""}`);
  return doc;
}

const inC = (node: Document | Element, local: string): Element[] => [...node.getElementsByTagNameNS(C, local)];
const val = (node: Document | Element, local: string): string | null | undefined => inC(node, local)[0]?.getAttribute("val");

function aChartPart(overrides: Partial<ChartPart> = {}): ChartPart {
  return {
    name: "SV_ChartThemes",
    kind: { direction: "col", grouping: "stacked" },
    title: "Social value by theme per bidder (£)",
    categoryAxisTitle: "",
    valueAxisTitle: "",
    valueAxisNumberFormat: "£#,##0",
    anchor: { from: { row: 3, col: 9 }, to: { row: 20, col: 17 } },
    series: [
      { name: { ref: "B12", text: "Jobs" }, categories: { ref: "A13:A15", texts: ["Birch Homes", "Acme & Co", "Cura"] }, values: { ref: "B13:B15", numbers: [185_600, 142_000, null], formatCode: "£#,##0" } },
      { name: { ref: "C12", text: "Growth" }, categories: { ref: "A13:A15", texts: ["Birch Homes", "Acme & Co", "Cura"] }, values: { ref: "C13:C15", numbers: [39_000, 33_000, 21_000], formatCode: "£#,##0" } },
    ],
    ...overrides,
  };
}

describe("a chart part", () => {
  const doc = parsed(chartSpaceXml("SV Report", aChartPart()));

  it("is a chartSpace holding one stacked column bar chart, fully overlapped", () => {
    expect(doc.documentElement.localName).toBe("chartSpace");
    expect(doc.documentElement.namespaceURI).toBe(C);
    expect(inC(doc, "barChart")).toHaveLength(1);
    expect([val(doc, "barDir"), val(doc, "grouping"), val(doc, "overlap")]).toEqual(["col", "stacked", "100"]);
  });

  it("refers each series to the sheet's cells, quoted sheet and absolute, and caches their values", () => {
    const series = inC(doc, "ser").map((s) => ({
      name: inC(inC(s, "tx")[0] as Element, "f")[0]?.textContent,
      categories: inC(inC(s, "cat")[0] as Element, "f")[0]?.textContent,
      values: inC(inC(s, "val")[0] as Element, "f")[0]?.textContent,
      cached: inC(inC(s, "val")[0] as Element, "pt").map((p) => [p.getAttribute("idx"), p.textContent]),
    }));
    expect(series).toEqual([
      { name: "'SV Report'!$B$12", categories: "'SV Report'!$A$13:$A$15", values: "'SV Report'!$B$13:$B$15", cached: [["0", "185600"], ["1", "142000"]] },
      { name: "'SV Report'!$C$12", categories: "'SV Report'!$A$13:$A$15", values: "'SV Report'!$C$13:$C$15", cached: [["0", "39000"], ["1", "33000"], ["2", "21000"]] },
    ]);
    expect(inC(inC(doc, "cat")[0] as Element, "v").map((v) => v.textContent)).toEqual(["Birch Homes", "Acme & Co", "Cura"]);
  });

  it("has the title, a legend for its two series, and the value axis in the chart's number format", () => {
    expect(inC(doc, "title")[0]?.textContent).toBe("Social value by theme per bidder (£)");
    expect(val(doc, "legendPos")).toBe("b");
    const numFmt = inC(inC(doc, "valAx")[0] as Element, "numFmt")[0];
    expect([numFmt?.getAttribute("formatCode"), numFmt?.getAttribute("sourceLinked")]).toEqual(["£#,##0", "0"]);
    // The axes cross each other.
    const [cat, value] = [inC(doc, "catAx")[0], inC(doc, "valAx")[0]] as Element[];
    expect(val(cat as Element, "crossAx")).toBe(val(value as Element, "axId"));
    expect(val(value as Element, "crossAx")).toBe(val(cat as Element, "axId"));
  });

  it("writes a clustered bar chart with bars along the left axis, no overlap and no legend for one series", () => {
    const bar = parsed(chartSpaceXml("SV Report", aChartPart({ kind: { direction: "bar", grouping: "clustered" }, series: aChartPart().series.slice(0, 1) })));
    expect([val(bar, "barDir"), val(bar, "grouping"), inC(bar, "overlap").length, inC(bar, "legend").length]).toEqual(["bar", "clustered", 0, 0]);
    expect(val(inC(bar, "catAx")[0] as Element, "axPos")).toBe("l");
  });

  it("reads back as written", () => {
    const read = readChartSpace(chartSpaceXml("SV Report", aChartPart({ valueAxisTitle: "£", categoryAxisTitle: "Bidder" })));
    expect(read).toEqual({
      kind: { direction: "col", grouping: "stacked" },
      title: "Social value by theme per bidder (£)",
      categoryAxisTitle: "Bidder",
      valueAxisTitle: "£",
      valueAxisNumberFormat: "£#,##0",
      series: [
        { name: { row: 11, col: 1, rows: 1, cols: 1 }, categories: { row: 12, col: 0, rows: 3, cols: 1 }, values: { row: 12, col: 1, rows: 3, cols: 1 }, sheet: "SV Report" },
        { name: { row: 11, col: 2, rows: 1, cols: 1 }, categories: { row: 12, col: 0, rows: 3, cols: 1 }, values: { row: 12, col: 2, rows: 3, cols: 1 }, sheet: "SV Report" },
      ],
    });
  });

  it("reads a value axis linked to its source as General", () => {
    expect((readChartSpace(chartSpaceXml("S", aChartPart({ valueAxisNumberFormat: "General" }))) as { valueAxisNumberFormat: string }).valueAxisNumberFormat).toBe("General");
  });

  it("reads another kind of chart as that kind, for the import's notice", () => {
    const line = chartSpaceXml("S", aChartPart()).replace(/<c:barChart>[\s\S]*<\/c:barChart>/, '<c:lineChart><c:grouping val="standard"/></c:lineChart>');
    expect(readChartSpace(line)).toEqual({ kind: "lineChart" });
  });
});

describe("a drawing part", () => {
  it("anchors each chart to its cells and points at it by relationship", () => {
    const doc = parsed(drawingXml([{ name: "SV_ChartThemes", anchor: { from: { row: 3, col: 9 }, to: { row: 20, col: 17 } }, relId: "rId1" }]));
    const anchor = doc.getElementsByTagNameNS(XDR, "twoCellAnchor")[0] as Element;
    const cell = (tag: string) => ["col", "row"].map((k) => (anchor.getElementsByTagNameNS(XDR, tag)[0] as Element).getElementsByTagNameNS(XDR, k)[0]?.textContent);
    expect([cell("from"), cell("to")]).toEqual([["9", "3"], ["17", "20"]]);
    expect(anchor.getElementsByTagNameNS(XDR, "cNvPr")[0]?.getAttribute("name")).toBe("SV_ChartThemes");
    expect(anchor.getElementsByTagNameNS(C, "chart")[0]?.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id")).toBe("rId1");
  });
});

describe("the sheet's <drawing> element", () => {
  const sheet = (tail: string): string =>
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData><row r="1"/></sheetData><pageMargins left="0.7"/>${tail}</worksheet>`;

  it("goes after the page setup and before the table parts", () => {
    const xml = withDrawing(sheet('<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'), "rId2");
    expect(xml).toContain('<pageMargins left="0.7"/><drawing r:id="rId2"/><tableParts');
    parsed(xml);
  });

  it("goes before the sheet's own extLst, not one inside a rule", () => {
    const rule = '<conditionalFormatting sqref="A1"><cfRule type="expression"><formula>1</formula><extLst><ext/></extLst></cfRule></conditionalFormatting>';
    const xml = withDrawing(sheet(`${rule}<extLst><ext uri="x"/></extLst>`).replace('<pageMargins left="0.7"/>', `${rule}<pageMargins left="0.7"/>`), "rId9");
    expect(xml).toMatch(/<pageMargins left="0\.7"\/><conditionalFormatting[\s\S]*<\/conditionalFormatting><drawing r:id="rId9"\/><extLst><ext uri="x"\/><\/extLst><\/worksheet>$/);
    expect(xml.match(/<drawing /g)).toHaveLength(1);
  });

  it("goes last when nothing follows it, declaring the relationships namespace if the sheet had not", () => {
    const xml = withDrawing('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>', "rId1");
    expect(xml).toBe('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><drawing r:id="rId1"/></worksheet>');
    parsed(xml);
  });
});

describe("package plumbing", () => {
  it("adds a relationship under a fresh id, making the part if there was none", () => {
    const first = withRelationship(undefined, "T", "../drawings/drawing1.xml");
    expect(first.id).toBe("rId1");
    const second = withRelationship('<Relationships xmlns="x"><Relationship Id="rId3" Type="t" Target="a"/></Relationships>', "T", "b");
    expect(second).toEqual({ id: "rId4", xml: '<Relationships xmlns="x"><Relationship Id="rId3" Type="t" Target="a"/><Relationship Id="rId4" Type="T" Target="b"/></Relationships>' });
    parsed(first.xml);
  });

  it("names each new part's content type once", () => {
    const xml = withOverrides('<Types><Override PartName="/xl/charts/chart1.xml" ContentType="c"/></Types>', [
      { part: "/xl/charts/chart1.xml", type: "c" },
      { part: "/xl/drawings/drawing1.xml", type: "d" },
    ]);
    expect(xml).toBe('<Types><Override PartName="/xl/charts/chart1.xml" ContentType="c"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="d"/></Types>');
  });

  it("resolves relationship targets against the part that holds them", () => {
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet2.xml")).toBe("xl/worksheets/sheet2.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet3.xml")).toBe("xl/worksheets/sheet3.xml");
  });

  it("reads a chart formula's sheet and cells, quotes doubled inside", () => {
    expect(parseChartFormula("'Bob''s sheet'!$B$2:$B$4")).toEqual({ sheet: "Bob's sheet", rect: { row: 1, col: 1, rows: 3, cols: 1 } });
    expect(parseChartFormula("Report!$A$1")).toEqual({ sheet: "Report", rect: { row: 0, col: 0, rows: 1, cols: 1 } });
    expect(parseChartFormula("(Report!$A$1,Report!$C$1)")).toBeUndefined();
  });
});

describe("the source block a chart's series come from", () => {
  const r = (row: number, col: number, rows = 1, cols = 1) => ({ row, col, rows, cols });

  it("is the label row and column and the value columns, by columns", () => {
    expect(chartSource([{ name: r(4, 1), categories: r(5, 0, 3), values: r(5, 1, 3) }])).toEqual({ source: r(4, 0, 4, 2), seriesBy: "Columns" });
  });

  it("is found by rows when each series is a row", () => {
    expect(
      chartSource([
        { name: r(1, 0), categories: r(0, 1, 1, 2), values: r(1, 1, 1, 2) },
        { name: r(2, 0), categories: r(0, 1, 1, 2), values: r(2, 1, 1, 2) },
      ])
    ).toEqual({ source: r(0, 0, 3, 3), seriesBy: "Rows" });
  });

  it("is none for series over scattered cells, or a series without a name cell", () => {
    expect(chartSource([{ name: r(0, 1), categories: r(1, 0, 3), values: r(1, 3, 3) }])).toBeUndefined();
    expect(chartSource([{ categories: r(1, 0, 3), values: r(1, 1, 3) }])).toBeUndefined();
  });
});
