/**
 * Numbers as the file saved them, before ExcelJS parses the package. Two of ExcelJS's readings
 * would change a figure without a word (exceljs 4.4, lib/xlsx/xform):
 *
 * - A cell saved as a number is read with `parseFloat`, which takes "12abc" as 12 and "1,5" as 1,
 *   reads "INF" or "NaN" as NaN and "1E+999" as Infinity, and a cell saved as a date (t="d") as
 *   its year; text in CDATA is skipped, so the cell reads as blank. Such a cell is rewritten as a
 *   text cell holding what was saved, so the reader and Validate see — and report — that text.
 * - A number format's `\x` (a character shown as written, as Excel saves `0"%"`) loses its `\`,
 *   so `0\%` (40 shown as "40%") would read as `0%` (40 shown as "4000%"). The escapes are
 *   rewritten in quotes, which ExcelJS keeps.
 */
import { quote } from "../core";
import { xmlUnescape } from "./xmlScan";

// Every pattern below stops at the next "<" (no attribute value or text may hold one raw in
// XML), so a malformed or hostile part costs one pass, never a scan to its end per element.

/** A cell start tag at the given place (a quoted value may hold ">" or "/"); group 2 is "/" when self-closing. */
const CELL_START = /<c(?=[\s/>])((?:[^<>"'/]|"[^<"]*"|'[^<']*'|\/(?!>))*)(\/?)>/y;
const CELL_END = /<\/c\s*>/g;
/** What a sheet must hold for a value to be misread (each tested apart: one alternation is several times slower). */
const MAY_MISREAD = [
  /<!\[CDATA\[/,
  /<(?:is|t)[\s>]/,
  /\st\s*=\s*["']d["']/,
  // A value that is not a plain number, or whose three-digit exponent or 309 digits may overflow.
  /<v(?=[\s>])[^<>]*>(?:(?![-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?<\/v>)|[^<]*(?:[eE][-+]?\d{3}|\d{309}))/,
];

/** A cell's content that is one plain number (for any type but a date, read as that number). */
const PLAIN_VALUE = /<v>-?\d{1,20}(?:\.\d{1,20})?(?:[eE][-+]?\d{1,2})?<\/v><\/c>/y;
const TYPE_ATTRIBUTE = /(^|\s)t\s*=\s*(?:"([^"]*)"|'([^']*)')/;
/** The formula of a cell, which ExcelJS keeps apart from its value. */
const FORMULA = /<f(?=[\s/>])(?:[^<>"']|"[^<"]*"|'[^<']*')*(?:\/>|>[^<]*<\/f\s*>)/g;
/** The text of `<v>` and `<t>` elements (rich text runs' included), as Excel reads it. */
const VALUE_TEXT = /<(v|t)(?=[\s>])(?:[^<>"'/]|"[^<"]*"|'[^<']*')*>([^<]*)<\/\1\s*>/g;
/** An xsd:double without INF and NaN (ECMA-376 stores cell numbers in that form). */
const SAVED_NUMBER = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** Cell types ExcelJS does not read as a number (cell-xform `parseClose`). */
const TEXT_TYPES = new Set(["s", "str", "inlineStr", "b", "e"]);
/** With a formula, only these hold a result that is not a number. */
const FORMULA_TEXT_TYPES = new Set(["str", "b", "e"]);

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * A cell's content as an XML parser hands it on: CDATA sections written out as escaped text
 * (ExcelJS skips them), comments and processing instructions dropped (the parser gives the text
 * either side as two pieces, which ExcelJS joins: `1<!-- -->2abc` is "12abc"). One pass over
 * the "<"s; markup never closed ends the pass, as it ends the parse.
 */
function withoutMarkup(content: string): string {
  let out = "";
  let at = 0;
  for (let i = content.indexOf("<"); i >= 0; i = content.indexOf("<", i + 1)) {
    const marker = content.startsWith("<![CDATA[", i) ? "]]>" : content.startsWith("<!--", i) ? "-->" : content.startsWith("<?", i) ? "?>" : undefined;
    if (marker === undefined) continue;
    const from = i + (marker === "]]>" ? 9 : marker === "-->" ? 4 : 2);
    const close = content.indexOf(marker, from);
    if (close < 0) break;
    out += content.slice(at, i) + (marker === "]]>" ? escapeXml(content.slice(from, close)) : "");
    at = close + marker.length;
    i = at - 1;
  }
  return at === 0 ? content : out + content.slice(at);
}

/** What Excel reads from a cell's value elements: their text, entities and CDATA resolved. */
function savedText(content: string): string {
  let text = "";
  for (const m of withoutMarkup(content).replace(FORMULA, "").matchAll(VALUE_TEXT)) text += xmlUnescape(m[2] as string);
  return text;
}

export interface SavedNumbers {
  /** The sheet with each such cell made a text cell; the same text when none was found. */
  xml: string;
  /** Each cell rewritten, with what it held: "F12 (“12abc”)". */
  cells: { address: string; saved: string }[];
}

/**
 * Cells saved as numbers (or dates) whose saved text is not a finite number, made text cells
 * holding that text. A number in CDATA is written out plainly, so it is read, not lost.
 */
export function numbersAsSaved(xml: string): SavedNumbers {
  const cells: SavedNumbers["cells"] = [];
  // Nearly every sheet holds only plain numbers, shared-string indices and formula text: skip
  // the walk when no value could be misread.
  if (!MAY_MISREAD.some((pattern) => pattern.test(xml))) return { xml, cells };
  let out = "";
  let copied = 0;
  for (let at = xml.indexOf("<c"); at >= 0; at = xml.indexOf("<c", at + 2)) {
    CELL_START.lastIndex = at;
    const m = CELL_START.exec(xml);
    if (!m || m[2] === "/") continue;
    const open = m[0];
    const attributes = m[1] as string;
    const typed = TYPE_ATTRIBUTE.exec(attributes);
    const type = typed ? (typed[2] ?? typed[3] ?? "") : undefined;
    // Text, booleans and errors are read as such with or without a formula; nothing to check.
    if (type !== undefined && FORMULA_TEXT_TYPES.has(type)) continue;
    // The commonest cell by far, a plain number, is passed over without copying it; not a date
    // cell's, which ExcelJS reads as a date whatever it holds.
    PLAIN_VALUE.lastIndex = at + open.length;
    if (type !== "d" && PLAIN_VALUE.test(xml)) {
      at = PLAIN_VALUE.lastIndex - 2;
      continue;
    }
    CELL_END.lastIndex = at + open.length;
    const end = CELL_END.exec(xml);
    if (!end) break;
    const content = xml.slice(at + open.length, end.index);
    at = end.index;
    const formula = /<f[\s/>]/.test(content);
    if (type !== undefined && (formula ? FORMULA_TEXT_TYPES : TEXT_TYPES).has(type)) continue;
    const saved = savedText(content);
    if (saved.trim() === "") continue;
    const number = SAVED_NUMBER.test(saved) && Number.isFinite(Number(saved));
    const plain = number && !/<!\[CDATA\[|<is[\s>]|<t[\s>]/.test(content) && type !== "d";
    if (plain) continue;
    const keptFormula = (content.match(FORMULA) ?? []).join("");
    let rewritten: string;
    if (number && type !== "d") {
      rewritten = `<c${attributes}>${keptFormula}<v>${saved.trim()}</v></c>`;
    } else {
      // ExcelJS decodes a text cell's value once more after the XML parser (utils.xmlDecode), hence twice escaped.
      const withType = typed ? attributes.replace(TYPE_ATTRIBUTE, '$1t="str"') : `${attributes} t="str"`;
      rewritten = `<c${withType}>${keptFormula}<v>${escapeXml(escapeXml(saved))}</v></c>`;
      const address = /(?:^|\s)r\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1] ?? "";
      cells.push({ address, saved });
    }
    out += xml.slice(copied, m.index) + rewritten;
    copied = end.index + end[0].length;
  }
  return copied === 0 ? { xml, cells } : { xml: out + xml.slice(copied), cells };
}

/**
 * A format code with each `\x` written as `"x"`: the same format, in a form ExcelJS keeps. Quoted
 * text is passed over whole (a quote never closed runs to the end), and `\"` is left as it is.
 * One regular-expression pass: built a character at a time, a styles part holding a format of
 * millions of escapes took 11 s and 1.8 GB (issue #17).
 */
function quotedEscapes(code: string): string {
  return code.replace(/"[^"]*"?|\\([^"])/g, (whole, escaped: string | undefined) => (escaped === undefined ? whole : `"${escaped}"`));
}

/** The styles part with every number format's `\x` escapes written in quotes. */
export function formatEscapesKept(stylesXml: string): string {
  if (!stylesXml.includes("\\")) return stylesXml;
  return stylesXml.replace(/(\sformatCode\s*=\s*)(?:"([^"]*)"|'([^']*)')/g, (whole, before: string, double: string | undefined, single: string | undefined) => {
    const value = double ?? single ?? "";
    const delimiter = double === undefined ? "'" : '"';
    if (!value.includes("\\")) return whole;
    const code = quotedEscapes(xmlUnescape(value));
    return `${before}${delimiter}${escapeXml(code)}${delimiter}`;
  });
}

/** The note for cells {@link numbersAsSaved} made text, each named with what it held. */
export function savedNumbersNote(cells: readonly { sheet: string; address: string; saved: string }[]): string | undefined {
  if (cells.length === 0) return undefined;
  const shown = cells.slice(0, 5).map((c) => `${c.sheet}!${c.address}: ${quote(c.saved, 20)}`);
  const more = cells.length > 5 ? ` and ${(cells.length - 5).toLocaleString("en-GB")} more` : "";
  const one = cells.length === 1;
  return `${one ? "1 cell was" : `${cells.length.toLocaleString("en-GB")} cells were`} saved as a number but ${one ? "holds" : "hold"} something else (${shown.join("; ")}${more}): read as the text saved, which Validate reports, never as a number taken from part of it. Ask the bidder to retype the figure.`;
}
