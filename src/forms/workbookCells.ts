/**
 * The cells of a package the file guards have checked and rebuilt (fileGuards.ts
 * checkPackageContents: only the parts they read, stored, in plain markup, numbers as saved),
 * read straight from its XML as Excel's `Range.values` gives them: a number as saved (a date is
 * its serial number, as Excel gives it), a shared or inline string as its text (rich text as its
 * runs' text), a boolean, an error as its text, a formula as its saved result, a blank as "".
 *
 * Why not ExcelJS here: the portfolio reads hundreds of signed workbooks at once and needs only
 * values, visibility, protection and names; ExcelJS builds a whole object model (styles, rows of
 * cell objects, Date conversions undone afterwards) and took most of each file's time. Nothing is
 * evaluated. The guards have already bounded every part's size, depth and element count.
 */
import { elementsNamed, tagEnd, xmlUnescape } from "./xmlScan";
import { inflateEntry, readZipDirectory, resolvePartPath, type ZipEntry } from "./zipPackage";

export type CellContent = string | number | boolean;

export interface SheetCells {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** The number of the last row the sheet's XML lists (as ExcelJS counts `rowCount`). */
  rowCount: number;
  /** 1-based row and column; "" when blank. */
  cell(row: number, column: number): CellContent;
}

export interface WorkbookCells {
  sheets: SheetCells[];
  /** Workbook-level defined names, lower case, to their formula text ("'SV Setup'!$B$4"). */
  names: Map<string, string>;
}

/** Text as the XML parser gives it: line ends normalised (XML 1.0 §2.11), references replaced. */
const textOf = (raw: string): string => (raw.includes("&") || raw.includes("\r") ? xmlUnescape(raw.replace(/\r\n?/g, "\n")) : raw);

/**
 * A cell's text with the file format's character escapes undone (ECMA-376 Part 1, 22.9.2.19
 * ST_Xstring): Excel saves a character XML cannot hold, such as a carriage return, as `_x000D_`,
 * and a literal "_x" sequence as `_x005F_x…`. Range.values gives the characters, so Verify's
 * fingerprint is over them; read literally, a signed text holding one would look changed.
 */
const unescapeXstring = (text: string): string => (text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

/** The text of a string item (`<si>` or `<is>`): its `<t>`, or its runs' `<t>`, phonetic runs left out. */
function stringItem(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += textOf(m[1] ?? "");
  return unescapeXstring(out);
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si(?:\s[^>]*)?>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) => stringItem(m[1] ?? ""));
}

/** "BC12" → [12, 55]. */
function decodeCell(ref: string): [number, number] | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1] as string) column = column * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), column];
}

const ATTRIBUTES = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(tag);
  return m ? textOf(m[1] ?? m[2] ?? "") : undefined;
}

function cellContent(type: string | undefined, body: string, strings: readonly string[]): CellContent {
  if (type === "inlineStr") {
    const is = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/.exec(body);
    return is ? stringItem(is[1] ?? "") : "";
  }
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body);
  if (!v) return "";
  const raw = textOf(v[1] ?? "");
  switch (type) {
    case "s":
      return strings[Number(raw)] ?? "";
    case "str":
      return unescapeXstring(raw);
    case "e":
      return raw;
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    default: {
      const n = Number(raw);
      return raw.trim() !== "" && Number.isFinite(n) ? n : raw;
    }
  }
}

/** One sheet's cells by row and column, and the last row it lists. */
function sheetCells(xml: string, strings: readonly string[]): { rows: Map<number, Map<number, CellContent>>; rowCount: number; protected: boolean } {
  const rows = new Map<number, Map<number, CellContent>>();
  let rowCount = 0;
  let row = 0;
  let column = 0;
  const data = /<sheetData\b/.exec(xml);
  const pattern = /<(row|c)(?=[\s/>])/g;
  pattern.lastIndex = data?.index ?? 0;
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
    const close = tagEnd(xml, m.index + 1);
    const tag = xml.slice(m.index, close);
    if (m[1] === "row") {
      row = Number(attribute(tag, "r") ?? row + 1);
      rowCount = Math.max(rowCount, row);
      column = 0;
      continue;
    }
    const at = decodeCell(attribute(tag, "r") ?? "");
    column = at ? at[1] : column + 1;
    const cellRow = at ? at[0] : row;
    const selfClosing = xml[close - 1] === "/";
    let body = "";
    if (!selfClosing) {
      const end = xml.indexOf("</c>", close);
      body = end < 0 ? "" : xml.slice(close + 1, end);
      pattern.lastIndex = end < 0 ? close : end + 4;
    }
    const value = cellContent(attribute(tag, "t"), body, strings);
    if (value === "") continue;
    let cells = rows.get(cellRow);
    if (!cells) rows.set(cellRow, (cells = new Map()));
    cells.set(column, value);
  }
  const protection = elementsNamed(xml, "sheetProtection")[0];
  const on = protection?.sheet;
  return { rows, rowCount, protected: on === "1" || on === "true" };
}

async function partText(bytes: Uint8Array, entry: ZipEntry | undefined): Promise<string> {
  if (!entry) return "";
  const chunks: Uint8Array[] = [];
  await inflateEntry(bytes, entry, (chunk) => {
    chunks.push(chunk);
    return true;
  });
  const decoder = new TextDecoder();
  return chunks.map((c, i) => decoder.decode(c, { stream: i < chunks.length - 1 })).join("");
}

/** Each part's text by its path, from the guarded package or straight from the guards' checked parts. */
function partsOf(checked: Uint8Array | ReadonlyMap<string, string>): (path: string) => Promise<string> {
  if (!(checked instanceof Uint8Array)) {
    const byName = new Map([...checked].map(([path, text]) => [path.toLowerCase(), text]));
    return async (path) => byName.get(path.toLowerCase()) ?? "";
  }
  const directory = readZipDirectory(checked);
  if (!directory.ok) throw new Error(`the checked package could not be read (${directory.problem})`);
  const byName = new Map(directory.entries.filter((e) => !e.directory).map((e) => [e.name.toLowerCase(), e]));
  return (path) => partText(checked, byName.get(path.toLowerCase()));
}

/**
 * The sheets (in workbook order), their cells and the workbook's names, from a guarded package
 * or from the parts the guards checked (checkPackageContents' `parts`), which are the same text.
 */
export async function readWorkbookCells(checked: Uint8Array | ReadonlyMap<string, string>): Promise<WorkbookCells> {
  const part = partsOf(checked);
  const workbook = await part("xl/workbook.xml");
  const rels = new Map(elementsNamed(await part("xl/_rels/workbook.xml.rels"), "Relationship").map((r) => [r.Id ?? "", r.Target ?? ""]));
  const strings = sharedStrings(await part("xl/sharedStrings.xml"));

  const names = new Map<string, string>();
  for (const m of workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const tag = m[1] ?? "";
    const name = attribute(tag, "name");
    if (name === undefined || attribute(tag, "localSheetId") !== undefined) continue;
    if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), textOf(m[2] ?? ""));
  }

  const sheets: SheetCells[] = [];
  for (const s of elementsNamed(workbook, "sheet")) {
    const target = rels.get(s["r:id"] ?? "");
    const xml = target ? await part(resolvePartPath("xl", target)) : "";
    if (xml === "") continue;
    const read = sheetCells(xml, strings);
    const state = s.state ?? "";
    sheets.push({
      name: s.name ?? "",
      visibility: state === "veryHidden" ? "VeryHidden" : state === "hidden" ? "Hidden" : "Visible",
      protected: read.protected,
      rowCount: read.rowCount,
      cell: (row, column) => read.rows.get(row)?.get(column) ?? "",
    });
  }
  return { sheets, names };
}
