/**
 * Workbook names in the .xlsx file (xl/workbook.xml, `<definedNames>`), read and written
 * directly. ExcelJS keeps only names that are plain ranges: on reading it drops any other name,
 * and on writing it cannot hold one, but the add-in's names include formulas such as
 * `SV_MeasureRefs` = `=SV_Measures[Ref]`, which the Ref column's drop-down list uses. The
 * package is opened with JSZip, the zip library ExcelJS itself is built on.
 */
import type JSZipType from "jszip";
import { readChartParts, type FileChart } from "./chartXml";

export interface FileName {
  name: string;
  /** As Excel shows it: with a leading "=". */
  formula: string;
  comment: string;
  visible: boolean;
  /** Set for a name that belongs to one sheet (localSheetId): the host does not model those. */
  sheetIndex?: number;
}

const WORKBOOK = "xl/workbook.xml";

export async function loadJSZip(): Promise<typeof JSZipType> {
  const mod = (await import(/* webpackChunkName: "jszip" */ "jszip")) as typeof JSZipType & { default?: typeof JSZipType };
  return typeof mod.loadAsync === "function" ? mod : (mod.default as typeof JSZipType);
}

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
  );

/** The `<definedName>` elements of a workbook.xml. */
export function namesInWorkbookXml(xml: string): FileName[] {
  const out: FileName[] = [];
  for (const m of xml.matchAll(/<definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/definedName>)/g)) {
    const attributes = new Map([...(m[1] ?? "").matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1] as string, unescapeXml(a[2] as string)]));
    const name = attributes.get("name");
    if (!name) continue;
    const sheet = attributes.get("localSheetId");
    out.push({
      name,
      formula: `=${unescapeXml(m[2] ?? "")}`,
      comment: attributes.get("comment") ?? "",
      visible: attributes.get("hidden") !== "1" && attributes.get("hidden") !== "true",
      ...(sheet !== undefined ? { sheetIndex: Number(sheet) } : {}),
    });
  }
  return out;
}

/** workbook.xml with `names` added to its `<definedNames>` (made after `<sheets>` if absent, as the schema orders them). */
export function withNames(xml: string, names: readonly FileName[]): string {
  if (names.length === 0) return xml;
  const elements = names
    .map((n) => `<definedName name="${escapeXml(n.name)}"${n.comment ? ` comment="${escapeXml(n.comment)}"` : ""}${n.visible ? "" : ' hidden="1"'}>${escapeXml(n.formula.replace(/^=/, ""))}</definedName>`)
    .join("");
  if (xml.includes("</definedNames>")) return xml.replace("</definedNames>", `${elements}</definedNames>`);
  if (/<definedNames\s*\/>/.test(xml)) return xml.replace(/<definedNames\s*\/>/, `<definedNames>${elements}</definedNames>`);
  if (!xml.includes("</sheets>")) throw new Error("workbook.xml has no <sheets> element");
  return xml.replace("</sheets>", `</sheets><definedNames>${elements}</definedNames>`);
}

/** The names of an .xlsx package, and its charts (ExcelJS reads none; chartXml.ts does). */
export async function readPackage(bytes: ArrayBuffer): Promise<{ names: FileName[]; charts: FileChart[] }> {
  const JSZip = await loadJSZip();
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(WORKBOOK)?.async("string");
  return { names: xml === undefined ? [] : namesInWorkbookXml(xml), charts: await readChartParts(zip) };
}

/** The package with `names` written into its workbook.xml. */
export async function writeFileNames(bytes: ArrayBuffer, names: readonly FileName[]): Promise<ArrayBuffer> {
  if (names.length === 0) return bytes;
  const JSZip = await loadJSZip();
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(WORKBOOK)?.async("string");
  if (xml === undefined) throw new Error(`the package has no ${WORKBOOK}`);
  zip.file(WORKBOOK, withNames(xml, names));
  return zip.generateAsync({ type: "arraybuffer", compression: "DEFLATE" });
}
