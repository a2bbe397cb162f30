/**
 * Charts in the .xlsx package, written and read as ECMA-376 lays them out (Part 1, §21.2
 * DrawingML Charts, §20.5 spreadsheet drawings, Part 2 for the package): each chart is a
 * `xl/charts/chartN.xml` part (`c:chartSpace`), placed on its sheet by a two-cell anchor in a
 * `xl/drawings/drawingN.xml` part; the sheet points at its drawing (`<drawing r:id>`, in the
 * place CT_Worksheet's sequence gives it) and the drawing at its charts, through relationships;
 * `[Content_Types].xml` names both part types. ExcelJS writes none of this, so it is added to
 * the package ExcelJS wrote, with JSZip.
 *
 * Written: the bar family (column and bar, clustered, stacked, 100% stacked), each series as
 * formula references to its cells (name, categories, values) with the values cached, so an app
 * that does not recalculate still draws it; the chart's title, axis titles and value-axis number
 * format; the anchor. Not written: formatting beyond each series' fill colour.
 * Read back: the same, from any producer's bar charts on the chart's own sheet; other chart
 * kinds are reported by kind, for the import's notice.
 */
import type JSZipType from "jszip";
import { formatA1, parseA1, quoteSheet, type Rect } from "../test/excelHost/addresses";
import { chartTypeOf, seriesColour, type BarKind, type CellAnchor } from "./chartLayout";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  pr: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
};
const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
  );

/** One series as the file holds it: references to its cells (A1 on the chart's sheet) and their values now. */
export interface ChartSeriesPart {
  name: { ref: string; text: string };
  categories: { ref: string; texts: string[] };
  values: { ref: string; numbers: (number | null)[]; formatCode: string };
}

/** A chart as written to a chart part, and where it sits. */
export interface ChartPart {
  name: string;
  kind: BarKind;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** The value axis's number format; "General" links it to the source cells, as Excel's default does. */
  valueAxisNumberFormat: string;
  series: ChartSeriesPart[];
  anchor: CellAnchor;
}

/** `'SV Report'!$B$5:$B$7`: an A1 range on `sheet`, absolute, as chart formulas hold them. */
export const chartFormula = (sheet: string, a1: string): string => `${quoteSheet(sheet)}!${formatA1(parseA1(a1), true)}`;

/** Rich text (a title) as DrawingML holds it. */
function richText(text: string, size: number): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="0"/></a:pPr><a:r><a:rPr lang="en-GB" sz="${size}" b="0"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

const titleXml = (text: string, size: number): string => `<c:title>${richText(text, size)}<c:overlay val="0"/></c:title>`;

/** A number as a cached value: the shortest text that reads back as the same number. */
const cachedNumber = (n: number): string => String(n);

function seriesXml(sheet: string, s: ChartSeriesPart, index: number): string {
  const names = `<c:tx><c:strRef><c:f>${escapeXml(chartFormula(sheet, s.name.ref))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(s.name.text)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
  const categoryPoints = s.categories.texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`).join("");
  const categories = `<c:cat><c:strRef><c:f>${escapeXml(chartFormula(sheet, s.categories.ref))}</c:f><c:strCache><c:ptCount val="${s.categories.texts.length}"/>${categoryPoints}</c:strCache></c:strRef></c:cat>`;
  // A blank cell has no point in the cache (CT_NumData): the chart shows a gap there.
  const valuePoints = s.values.numbers.map((n, i) => (n === null ? "" : `<c:pt idx="${i}"><c:v>${cachedNumber(n)}</c:v></c:pt>`)).join("");
  const values = `<c:val><c:numRef><c:f>${escapeXml(chartFormula(sheet, s.values.ref))}</c:f><c:numCache><c:formatCode>${escapeXml(s.values.formatCode)}</c:formatCode><c:ptCount val="${s.values.numbers.length}"/>${valuePoints}</c:numCache></c:numRef></c:val>`;
  // CT_BarSer's sequence: idx, order, tx, spPr, invertIfNegative, …, cat, val.
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${names}<c:spPr><a:solidFill><a:srgbClr val="${seriesColour(index).slice(1)}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${categories}${values}</c:ser>`;
}

const CATEGORY_AXIS_ID = 500_100;
const VALUE_AXIS_ID = 500_200;

/** The chart part (`c:chartSpace`) of one chart on `sheet`. */
export function chartSpaceXml(sheet: string, chart: ChartPart): string {
  const { kind } = chart;
  const columns = kind.direction === "col";
  // A chart of one series without a title of its own is titled by the series' name in Excel; with more, it has none.
  const title = chart.title ? `${titleXml(chart.title, 1400)}<c:autoTitleDeleted val="0"/>` : `<c:autoTitleDeleted val="${chart.series.length === 1 ? 0 : 1}"/>`;
  // Stacked bars must overlap fully, or each series would stand beside the others (§21.2.2.131).
  const overlap = kind.grouping === "clustered" ? "" : '<c:overlap val="100"/>';
  const bar = `<c:barChart><c:barDir val="${kind.direction}"/><c:grouping val="${kind.grouping}"/><c:varyColors val="0"/>${chart.series.map((s, i) => seriesXml(sheet, s, i)).join("")}<c:gapWidth val="150"/>${overlap}<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/></c:barChart>`;
  const linked = chart.valueAxisNumberFormat === "General" || chart.valueAxisNumberFormat === "";
  const valueFormat = kind.grouping === "percentStacked" ? "0%" : linked ? (chart.series[0]?.values.formatCode ?? "General") : chart.valueAxisNumberFormat;
  const categoryAxis =
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${columns ? "b" : "l"}"/>` +
    `${chart.categoryAxisTitle ? titleXml(chart.categoryAxisTitle, 1000) : ""}<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${columns ? "l" : "b"}"/><c:majorGridlines/>` +
    `${chart.valueAxisTitle ? titleXml(chart.valueAxisTitle, 1000) : ""}<c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="${linked ? 1 : 0}"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "";
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:plotArea><c:layout/>${bar}${categoryAxis}${valueAxis}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

const marker = (tag: "from" | "to", cell: { row: number; col: number }): string =>
  `<xdr:${tag}><xdr:col>${cell.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${cell.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/** A sheet's drawing part: one two-cell anchor per chart, each pointing at its chart through `relIds[i]`. */
export function drawingXml(charts: readonly { name: string; anchor: CellAnchor; relId: string }[]): string {
  const anchors = charts.map(
    (c, i) =>
      `<xdr:twoCellAnchor>${marker("from", c.anchor.from)}${marker("to", c.anchor.to)}<xdr:graphicFrame macro="">` +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(c.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${c.relId}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`;
}

/** A relationships part with `rel` added under a fresh id (`rId` + one more than the highest); the part made if there was none. */
export function withRelationship(xml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const base = xml ?? `${XML_HEAD}<Relationships xmlns="${NS.pr}"></Relationships>`;
  const used = [...base.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]));
  const id = `rId${Math.max(0, ...used) + 1}`;
  const element = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const out = /<Relationships\b[^>]*\/>/.test(base) ? base.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${element}</Relationships>`) : base.replace("</Relationships>", `${element}</Relationships>`);
  return { xml: out, id };
}

/**
 * CT_Worksheet's children that come after `drawing` (ECMA-376 Part 1, §18.3.1.99): the
 * `<drawing>` element goes before the first of these the sheet has, or last.
 */
const AFTER_DRAWING = new Set(["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

/** The worksheet XML with `<drawing r:id="…"/>` where the schema's sequence puts it. */
export function withDrawing(sheetXml: string, relId: string): string {
  let xml = sheetXml;
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (!root) throw new Error("the sheet part has no <worksheet> element");
  if (!/\sxmlns:r="/.test(root[0])) xml = xml.replace(root[0], root[0].replace(/>$/, ` xmlns:r="${NS.r}">`));
  const element = `<drawing r:id="${relId}"/>`;
  // The worksheet's own children only: an extLst can also sit deeper, inside a rule.
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)\b[^>]*?(\/?)>/g)) {
    const [whole, closing, name] = m;
    if (closing) {
      depth--;
      if (depth === 0) return xml.slice(0, m.index) + element + xml.slice(m.index);
      continue;
    }
    if (depth === 1 && AFTER_DRAWING.has((name as string).replace(/^\w+:/, ""))) return xml.slice(0, m.index) + element + xml.slice(m.index);
    if (!whole.endsWith("/>")) depth++;
  }
  throw new Error("the sheet part's <worksheet> element is not closed");
}

/** [Content_Types].xml with an Override for each part not already named. */
export function withOverrides(xml: string, overrides: readonly { part: string; type: string }[]): string {
  const missing = overrides.filter((o) => !xml.includes(`PartName="${o.part}"`));
  return xml.replace("</Types>", `${missing.map((o) => `<Override PartName="${o.part}" ContentType="${o.type}"/>`).join("")}</Types>`);
}

/** A relationship target, resolved against the folder of the part that holds it (`xl/worksheets/sheet1.xml` + `../drawings/d.xml`). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

const relsPathOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
};

/** The target of each relationship of a part, by id, and each one's type. */
function relationships(xml: string | undefined): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of (xml ?? "").matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attributes = new Map([...(m[1] ?? "").matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1] as string, unescapeXml(a[2] as string)]));
    const id = attributes.get("Id");
    if (id) out.set(id, { type: attributes.get("Type") ?? "", target: attributes.get("Target") ?? "" });
  }
  return out;
}

/** Each sheet's part in the package, by sheet name, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZipType): Promise<Map<string, string>> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = relationships(await zip.file("xl/_rels/workbook.xml.rels")?.async("string"));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1] ?? "")?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[1] ?? "")?.[1];
    const rel = id ? rels.get(id) : undefined;
    if (name !== undefined && rel) out.set(unescapeXml(name), resolveTarget("xl/workbook.xml", rel.target));
  }
  return out;
}

const nextFree = (zip: JSZipType, folder: string, stem: string): ((n: number) => number) => {
  return (from: number) => {
    let n = from;
    while (zip.file(`${folder}/${stem}${n}.xml`)) n++;
    return n;
  };
};

/** Adds each sheet's charts to the package `zip` (a package ExcelJS wrote): chart parts, one drawing per sheet, relationships, content types. */
export async function addChartParts(zip: JSZipType, charts: ReadonlyMap<string, readonly ChartPart[]>): Promise<number> {
  const parts = await sheetParts(zip);
  const overrides: { part: string; type: string }[] = [];
  const freeDrawing = nextFree(zip, "xl/drawings", "drawing");
  const freeChart = nextFree(zip, "xl/charts", "chart");
  let drawingNo = 0;
  let chartNo = 0;
  let written = 0;
  for (const [sheet, list] of charts) {
    if (list.length === 0) continue;
    const sheetPart = parts.get(sheet);
    if (!sheetPart) throw new Error(`the package has no part for sheet ${sheet}`);
    drawingNo = freeDrawing(drawingNo + 1);
    const drawingPart = `xl/drawings/drawing${drawingNo}.xml`;
    let drawingRels: string | undefined;
    const placed: { name: string; anchor: CellAnchor; relId: string }[] = [];
    for (const chart of list) {
      chartNo = freeChart(chartNo + 1);
      const chartPart = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPart, chartSpaceXml(sheet, chart));
      overrides.push({ part: `/${chartPart}`, type: CONTENT_TYPE.chart });
      const rel = withRelationship(drawingRels, REL.chart, `../charts/chart${chartNo}.xml`);
      drawingRels = rel.xml;
      placed.push({ name: chart.name, anchor: chart.anchor, relId: rel.id });
      written++;
    }
    zip.file(drawingPart, drawingXml(placed));
    zip.file(relsPathOf(drawingPart), drawingRels as string);
    overrides.push({ part: `/${drawingPart}`, type: CONTENT_TYPE.drawing });
    const sheetRelsPath = relsPathOf(sheetPart);
    const sheetRel = withRelationship(await zip.file(sheetRelsPath)?.async("string"), REL.drawing, `../drawings/drawing${drawingNo}.xml`);
    zip.file(sheetRelsPath, sheetRel.xml);
    zip.file(sheetPart, withDrawing((await zip.file(sheetPart)?.async("string")) ?? "", sheetRel.id));
  }
  if (overrides.length > 0) zip.file("[Content_Types].xml", withOverrides((await zip.file("[Content_Types].xml")?.async("string")) ?? "", overrides));
  return written;
}

/** A chart read back from a file: what the import can rebuild, or the kind it cannot. */
export type FileChart =
  | {
      rebuildable: true;
      sheet: string;
      name: string;
      chartType: string;
      kind: BarKind;
      title: string;
      categoryAxisTitle: string;
      valueAxisTitle: string;
      /** "General" when linked to the source, as the host's default. */
      valueAxisNumberFormat: string;
      series: { name?: Rect; categories?: Rect; values?: Rect; sheet?: string }[];
      anchor: CellAnchor;
    }
  | { rebuildable: false; sheet: string; name: string; /** Why it cannot be rebuilt, for the notice: "it is a line chart". */ reason: string };

/** The text of every `a:t` run inside `xml`. */
const runsText = (xml: string): string => [...xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)].map((m) => unescapeXml(m[1] ?? "")).join("");

/** The first element named `local` (any prefix) in `xml`, whole; nested ones of the same name included. */
function element(xml: string, local: string, from = 0): { text: string; start: number } | undefined {
  const open = new RegExp(`<((?:\\w+:)?${local})(?=[\\s/>])[^>]*?(/?)>`, "g");
  open.lastIndex = from;
  const first = open.exec(xml);
  if (!first) return undefined;
  if (first[2] === "/") return { text: first[0], start: first.index };
  const tag = first[1] as string;
  const any = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*?(/?)>`, "g");
  any.lastIndex = first.index + first[0].length;
  let depth = 1;
  for (let m = any.exec(xml); m; m = any.exec(xml)) {
    if (m[1]) depth--;
    else if (!m[2]) depth++;
    if (depth === 0) return { text: xml.slice(first.index, m.index + m[0].length), start: first.index };
  }
  return undefined;
}

const valAttr = (xml: string, local: string): string | undefined => new RegExp(`<(?:\\w+:)?${local}\\b[^>]*?\\bval="([^"]*)"`).exec(xml)?.[1];

/** A chart formula's single range: `'SV Report'!$B$5:$B$7` → sheet and rectangle, or undefined for anything else. */
export function parseChartFormula(formula: string): { sheet: string; rect: Rect } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(formula.trim());
  if (!m) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string), rect: parseA1((m[3] as string).replace(/\$/g, "")) };
}

/** The formula inside a series' child (`c:tx`, `c:cat`, `c:val`). */
const formulaIn = (xml: string | undefined): string | undefined => (xml ? /<(?:\w+:)?f>([^<]*)</.exec(xml)?.[1] : undefined);

/** One chart part's chart, as far as the import needs it. */
export function readChartSpace(xml: string): Omit<Extract<FileChart, { rebuildable: true }>, "sheet" | "name" | "anchor" | "rebuildable" | "chartType"> | { kind: string } {
  const chart = element(xml, "chart")?.text ?? "";
  const plotArea = element(chart, "plotArea");
  const plotStart = plotArea?.start ?? chart.length;
  const plot = plotArea?.text ?? "";
  // The chart's own title comes before its plot area; axis titles are inside the axes.
  const title = element(chart.slice(0, plotStart), "title");
  const kinds = [...plot.matchAll(/<(?:\w+:)?(\w+Chart)[\s>]/g)].map((m) => m[1] as string);
  const bar = element(plot, "barChart");
  if (!bar || kinds.length !== 1) return { kind: kinds.length === 0 ? "unknown" : kinds.join(" and ") };
  const direction = valAttr(bar.text, "barDir") === "bar" ? "bar" : "col";
  const grouping = valAttr(bar.text, "grouping");
  const kind: BarKind = { direction, grouping: grouping === "stacked" ? "stacked" : grouping === "percentStacked" ? "percentStacked" : "clustered" };
  const series: { name?: Rect; categories?: Rect; values?: Rect; sheet?: string }[] = [];
  for (let at = element(bar.text, "ser"); at; at = element(bar.text, "ser", at.start + at.text.length)) {
    const parsed = (local: string) => {
      const f = formulaIn(element(at?.text ?? "", local)?.text);
      return f === undefined ? undefined : parseChartFormula(unescapeXml(f));
    };
    const name = parsed("tx");
    const categories = parsed("cat");
    const values = parsed("val");
    const sheets = new Set([name?.sheet, categories?.sheet, values?.sheet].filter((s) => s !== undefined));
    series.push({ name: name?.rect, categories: categories?.rect, values: values?.rect, ...(sheets.size === 1 ? { sheet: [...sheets][0] as string } : {}) });
  }
  const axisTitle = (local: string): string => {
    const axis = element(plot, local)?.text;
    const t = axis ? element(axis, "title")?.text : undefined;
    return t ? runsText(t) : "";
  };
  const valueFormat = /<(?:\w+:)?numFmt\b[^>]*>/.exec(element(plot, "valAx")?.text ?? "")?.[0] ?? "";
  const code = /\bformatCode="([^"]*)"/.exec(valueFormat)?.[1];
  const linked = /\bsourceLinked="(1|true)"/.test(valueFormat);
  // Linked to the source, or a 100% axis (always 0%), is the host's default "General".
  const valueAxisNumberFormat = code !== undefined && !linked && kind.grouping !== "percentStacked" ? unescapeXml(code) : "General";
  return { kind, title: title ? runsText(title.text) : "", categoryAxisTitle: axisTitle("catAx"), valueAxisTitle: axisTitle("valAx"), valueAxisNumberFormat, series };
}

/** A two-cell anchor's cells; a `to` with offsets covers that cell in part, so it counts as covered. */
function anchorOf(xml: string): CellAnchor | undefined {
  const cell = (local: string): { row: number; col: number; offset: boolean } | undefined => {
    const at = element(xml, local)?.text;
    if (!at) return undefined;
    const num = (name: string): number => Number(new RegExp(`<(?:\\w+:)?${name}>(-?\\d+)<`).exec(at)?.[1] ?? 0);
    return { row: num("row"), col: num("col"), offset: num("rowOff") > 0 || num("colOff") > 0 };
  };
  const from = cell("from");
  const to = cell("to");
  if (!from || !to) return undefined;
  return { from: { row: from.row, col: from.col }, to: to.offset ? { row: to.row + 1, col: to.col + 1 } : { row: to.row, col: to.col } };
}

/** Every chart of every sheet of the package, with what the import needs to put it back. */
export async function readChartParts(zip: JSZipType): Promise<FileChart[]> {
  const out: FileChart[] = [];
  for (const [sheet, sheetPart] of await sheetParts(zip)) {
    const rels = relationships(await zip.file(relsPathOf(sheetPart))?.async("string"));
    for (const rel of rels.values()) {
      if (rel.type !== REL.drawing) continue;
      const drawingPart = resolveTarget(sheetPart, rel.target);
      const drawing = (await zip.file(drawingPart)?.async("string")) ?? "";
      const drawingRels = relationships(await zip.file(relsPathOf(drawingPart))?.async("string"));
      for (const m of drawing.matchAll(/<(?:\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/(?:\w+:)?\1>/g)) {
        const chartRef = /<(?:\w+:)?chart\b[^>]*?r:id="([^"]*)"/.exec(m[0])?.[1];
        if (!chartRef) continue;
        const name = unescapeXml(/<(?:\w+:)?cNvPr\b[^>]*?\bname="([^"]*)"/.exec(m[0])?.[1] ?? "");
        const target = drawingRels.get(chartRef);
        const chartXml = target ? await zip.file(resolveTarget(drawingPart, target.target))?.async("string") : undefined;
        const read = chartXml === undefined ? { kind: "missing" } : readChartSpace(chartXml);
        const anchor = m[1] === "twoCellAnchor" ? anchorOf(m[0]) : undefined;
        if (!("series" in read)) {
          out.push({ rebuildable: false, sheet, name, reason: read.kind === "missing" ? "its chart part is missing" : `it is a ${read.kind.replace(/Chart\b/g, "")} chart` });
          continue;
        }
        const chartType = chartTypeOf(read.kind);
        if (!anchor || !chartType) {
          out.push({ rebuildable: false, sheet, name, reason: anchor ? "its kind of bar chart is not one the playground has" : "it is not anchored to cells" });
          continue;
        }
        out.push({ rebuildable: true, sheet, name, chartType, anchor, ...read });
      }
    }
  }
  return out;
}

const sameRect = (a: Rect | undefined, b: Rect): boolean => a !== undefined && a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;

/**
 * The source range and series direction that give exactly these series under the host's rule
 * (test/excelHost/charts.ts: the first row and column are labels, each further column, or row,
 * a series), or undefined when no one block of cells does, and so the chart cannot be re-added
 * with ChartCollection.add.
 */
export function chartSource(series: readonly { name?: Rect; categories?: Rect; values?: Rect }[]): { source: Rect; seriesBy: "Columns" | "Rows" } | undefined {
  const first = series[0];
  if (!first?.name || !first.categories) return undefined;
  const n = series.length;
  const byColumns = { row: first.name.row, col: first.categories.col, rows: first.categories.rows + 1, cols: n + 1 };
  const fitsColumns = series.every(
    (s, i) =>
      sameRect(s.name, { row: byColumns.row, col: byColumns.col + 1 + i, rows: 1, cols: 1 }) &&
      sameRect(s.categories, { row: byColumns.row + 1, col: byColumns.col, rows: byColumns.rows - 1, cols: 1 }) &&
      sameRect(s.values, { row: byColumns.row + 1, col: byColumns.col + 1 + i, rows: byColumns.rows - 1, cols: 1 })
  );
  if (fitsColumns && byColumns.rows >= 2) return { source: byColumns, seriesBy: "Columns" };
  const byRows = { row: first.categories.row, col: first.name.col, rows: n + 1, cols: first.categories.cols + 1 };
  const fitsRows = series.every(
    (s, i) =>
      sameRect(s.name, { row: byRows.row + 1 + i, col: byRows.col, rows: 1, cols: 1 }) &&
      sameRect(s.categories, { row: byRows.row, col: byRows.col + 1, rows: 1, cols: byRows.cols - 1 }) &&
      sameRect(s.values, { row: byRows.row + 1 + i, col: byRows.col + 1, rows: 1, cols: byRows.cols - 1 })
  );
  return fitsRows && byRows.cols >= 2 ? { source: byRows, seriesBy: "Rows" } : undefined;
}
