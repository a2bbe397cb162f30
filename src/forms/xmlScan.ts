/**
 * A cheap look at an XML part before ExcelJS parses it: how many elements it opens and how deep
 * they nest, and the attributes of a few simple elements (a workbook's sheet list, a
 * relationships part). ExcelJS's parse costs about a second per 100,000 elements on a modest
 * laptop, and an 9 KB part nesting an unknown element a million deep kept it busy for 13 s and
 * 470 MB (measured on this project's bench machine, issue #17), so both are counted first.
 */

export interface XmlShape {
  /** Start tags (self-closing ones included). */
  elements: number;
  /** Deepest nesting of open elements. */
  depth: number;
  /** A document type declaration: never in Office Open XML, and the way entity bombs are declared. */
  doctype: boolean;
}

/**
 * Counts elements and nesting depth in one pass. Comments, CDATA and processing instructions are
 * skipped as the XML grammar ends them, and quotes are honoured inside tags, so a ">" in an
 * attribute or a comment cannot hide elements from the count. Stops early once `maxDepth` is passed.
 */
export function xmlShape(text: string, maxDepth = Infinity): XmlShape {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let doctype = false;
  let i = text.indexOf("<");
  while (i >= 0 && i < text.length) {
    const next = text[i + 1];
    let end: number;
    if (text.startsWith("<!--", i)) end = endOf(text, "-->", i + 4);
    else if (text.startsWith("<![CDATA[", i)) end = endOf(text, "]]>", i + 9);
    else if (next === "?") end = endOf(text, "?>", i + 2);
    else if (next === "!") {
      doctype = true;
      end = endOf(text, ">", i + 2);
    } else if (next === "/") {
      depth--;
      end = endOf(text, ">", i + 2);
    } else {
      const tag = tagEnd(text, i + 1);
      elements++;
      if (text[tag - 1] !== "/") {
        depth++;
        if (depth > deepest) deepest = depth;
        if (deepest > maxDepth) break;
      }
      end = tag + 1;
    }
    i = text.indexOf("<", end);
  }
  return { elements, depth: deepest, doctype };
}

function endOf(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? text.length : at + marker.length;
}

/**
 * The index of the ">" closing a start tag, outside quoted attribute values; a tag never closed
 * ends at the next "<" (XML allows none raw inside a tag, quoted or not), so a part of thousands
 * of unclosed tags costs one pass, not one scan to its end per tag.
 */
export function tagEnd(text: string, from: number): number {
  let quote = "";
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === "<") return i;
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i;
  }
  return text.length;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Text with XML's predefined and numeric character references replaced. */
export function xmlUnescape(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (!ref.startsWith("#")) return ENTITIES[ref] ?? whole;
    const code = ref.startsWith("#x") ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The attributes of every `<tag …>` element (with any namespace prefix), values unescaped.
 * Attribute names keep their prefix ("r:id"), as ExcelJS reads them.
 */
export function elementsNamed(text: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const start = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}(?=[\\s/>])`, "g");
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const close = tagEnd(text, m.index + 1);
    const attrs: Record<string, string> = {};
    const body = text.slice(m.index + m[0].length, close);
    for (const a of body.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1] as string] = xmlUnescape(a[2] ?? a[3] ?? "");
    out.push(attrs);
  }
  return out;
}

/** SpreadsheetML's main namespace (ECMA-376 Part 1, §18): the one ExcelJS reads, by bare element names. */
const MAIN_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The part as ExcelJS must be given it to read what Excel reads (issue #17), or why not. ExcelJS
 * listens to its XML parser's text events only and matches elements by their bare names, so:
 * - CDATA sections are written out as escaped text: ExcelJS drops them, so a shared string
 *   `<t><![CDATA[40]]></t>` read as blank and `<t>4<![CDATA[0]]></t>` as 4.
 * - A prefix bound to the main namespace (`<x:c>`, as the Open XML SDK writes) is removed:
 *   ExcelJS does not know `x:c`, and one such cell lost every row of its sheet without a word.
 *   A prefix bound twice (to the main namespace and to another) is refused ("prefix"): which
 *   elements are SpreadsheetML would then depend on scope, which this does not follow.
 * One pass over the CDATA markers and one over the prefixed tags; text only grows by its escapes.
 */
export function withPlainMarkup(text: string): { text: string } | { problem: "prefix" } {
  let out = text;
  if (out.includes("<![CDATA[")) {
    let built = "";
    let at = 0;
    for (let i = out.indexOf("<!"); i >= 0; i = out.indexOf("<!", i + 1)) {
      // Comments are skipped whole: a CDATA marker inside one is not a section.
      if (out.startsWith("<!--", i)) {
        const close = out.indexOf("-->", i + 4);
        if (close < 0) break;
        i = close + 2;
        continue;
      }
      if (!out.startsWith("<![CDATA[", i)) continue;
      const close = out.indexOf("]]>", i + 9);
      // Never closed: left as it is, and the parse fails (the file is refused, never read in part).
      if (close < 0) break;
      built += out.slice(at, i) + escapeText(out.slice(i + 9, close));
      at = close + 3;
      i = at - 1;
    }
    out = built + out.slice(at);
  }
  const bound = new Map<string, Set<string>>();
  for (const m of out.matchAll(/\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const prefix = m[1] as string;
    const uris = bound.get(prefix) ?? new Set<string>();
    uris.add(m[2] ?? m[3] ?? "");
    bound.set(prefix, uris);
  }
  const main = new Set<string>();
  for (const [prefix, uris] of bound) {
    if (!uris.has(MAIN_NAMESPACE)) continue;
    if (uris.size > 1) return { problem: "prefix" };
    main.add(prefix);
  }
  // One pass for all such prefixes: a part may declare thousands.
  if (main.size > 0) out = out.replace(/<(\/?)([A-Za-z_][\w.-]*):(?=[A-Za-z_])/g, (whole, slash: string, prefix: string) => (main.has(prefix) ? `<${slash}` : whole));
  return { text: out };
}
