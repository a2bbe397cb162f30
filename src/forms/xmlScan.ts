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
