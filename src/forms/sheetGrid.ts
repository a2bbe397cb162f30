/**
 * Where a sheet's values sit, checked before ExcelJS places them (issue #17). Excel's grid is
 * 1,048,576 rows by 16,384 columns (A to XFD; Microsoft, "Excel specifications and limits"), each
 * row and each cell saved once, and a cell's address on its own row. ExcelJS trusts whatever the
 * file says, so a file breaking these rules, which Excel itself reports as needing repair, was
 * read wrong without a word or froze the pane:
 * - a second row numbered 2 replaced the first, and a second F2 the first F2 (a quantity changed);
 * - a row numbered 2,000,000,000 made ExcelJS walk two billion empty rows, and a column entry
 *   (`<col max="1000000000">`) made it build a billion columns;
 * - a shared-text cell pointing at entry "1.9" read entry 1 (ExcelJS's parseInt).
 * So each is refused, with the place named.
 */

/** Excel's last row and column (XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** A row, a cell or a column entry: the start tag's name and the text up to its end. */
const START = /<(row|c|col)(?=[\s/>])([^<>]*)(\/?)>/g;
const ATTRIBUTE = (name: string): RegExp => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
const R = ATTRIBUTE("r");
const T = ATTRIBUTE("t");
const MIN = ATTRIBUTE("min");
const MAX = ATTRIBUTE("max");
/** A shared-text cell's `<v>`: the index of its entry in the shared strings. */
const SHARED_INDEX = /^\s*(?:<f(?=[\s/>])[^<]*(?:\/>|>[^<]*<\/f\s*>)\s*)?<v(?:\s[^<>]*)?>([^<]*)<\/v\s*>/;

function attribute(pattern: RegExp, attributes: string): string | undefined {
  const m = pattern.exec(attributes);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** "XFD" → 16384; 0 for anything that is not one to three capital letters. */
function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return 0;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const count = (n: number): string => n.toLocaleString("en-GB");

/**
 * Why a sheet's rows and cells cannot be placed as Excel places them, as a phrase ("has two rows
 * numbered 12"), if they cannot, and the sheet's width: its last column holding a cell or a
 * column entry (ExcelJS makes one column object for every column up to it). One pass over the
 * start tags; the caller has already bounded the part's size and element count. Rows and cells without an address follow the one before (as
 * Excel and ExcelJS place them).
 */
export function sheetGrid(xml: string): { problem?: string; columns: number } {
  let widest = 0;
  const problem = (text: string): { problem: string; columns: number } => ({ problem: text, columns: widest });
  const rows = new Set<number>();
  let row = 0;
  let columns = new Set<number>();
  let column = 0;
  START.lastIndex = 0;
  for (let m = START.exec(xml); m; m = START.exec(xml)) {
    const tag = m[1] as string;
    const attributes = m[2] as string;
    if (tag === "col") {
      const min = Number(attribute(MIN, attributes) ?? "1");
      const max = Number(attribute(MAX, attributes) ?? "1");
      if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || max > EXCEL_COLUMNS) {
        return problem(`sets the width of columns ${attribute(MIN, attributes) ?? "?"} to ${attribute(MAX, attributes) ?? "?"}, beyond Excel's ${count(EXCEL_COLUMNS)} columns`);
      }
      widest = Math.max(widest, max);
      continue;
    }
    const r = attribute(R, attributes);
    if (tag === "row") {
      const number = r === undefined ? row + 1 : /^\d{1,10}$/.test(r.trim()) ? Number(r) : NaN;
      if (!(number >= 1 && number <= EXCEL_ROWS)) return problem(`has a row numbered “${(r ?? "").slice(0, 20)}”, beyond Excel's ${count(EXCEL_ROWS)} rows`);
      if (rows.has(number)) return problem(`has two rows numbered ${count(number)}`);
      rows.add(number);
      row = number;
      columns = new Set();
      column = 0;
      continue;
    }
    // A cell.
    let at = column + 1;
    if (r !== undefined) {
      const address = /^([A-Za-z]{1,4})(\d{1,10})$/.exec(r.trim());
      at = address ? columnNumber(address[1] as string) : 0;
      if (!address || at < 1 || at > EXCEL_COLUMNS) return problem(`has a cell at “${r.slice(0, 20)}”, beyond Excel's columns A to XFD`);
      if (row > 0 && Number(address[2]) !== row) return problem(`has the cell ${r} saved on row ${count(row)}`);
    }
    if (columns.has(at)) return problem(`has two values for one cell (${r ?? `column ${count(at)}`} on row ${count(row)})`);
    columns.add(at);
    column = at;
    widest = Math.max(widest, at);
    if (m[3] !== "/" && attribute(T, attributes) === "s") {
      const index = SHARED_INDEX.exec(xml.slice(START.lastIndex, START.lastIndex + 300))?.[1];
      if (index !== undefined && !/^\s*\d{1,10}\s*$/.test(index)) return problem(`has a cell (${r ?? "no address"}) whose text is missing (it points to “${index.slice(0, 20)}” in the shared text)`);
    }
  }
  return { columns: widest };
}

/** Most cells a workbook name's rectangle may cover before it is cut to its first cell for ExcelJS. */
const NAME_AREA = 10_000;
/** Most references one workbook name may list (comma-separated) before it is cut to its first. */
const NAME_REFERENCES = 1_000;

/** `$A$1:$XFD$1048576`, with or without `$`: a rectangle ExcelJS expands cell by cell. */
const AREA = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})/g;

/** The first of a name's comma-separated references (a comma inside a quoted sheet name does not count). */
function firstReference(body: string): string {
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "'") quoted = !quoted;
    else if (body[i] === "," && !quoted) return body.slice(0, i);
  }
  return body;
}

/**
 * The workbook part with each name's rectangles larger than {@link NAME_AREA} cells cut to their
 * first cell, and a name listing more than {@link NAME_REFERENCES} references cut to its first.
 * ExcelJS builds one object per cell a name covers (defined-names.js): a print area or a list
 * over whole columns (`$A$1:$XFD$1048576`, common in council calculators) took seconds and
 * 500 MB, and a larger one would take billions. A name holds no value, and the readers use only
 * its first cell, so nothing read changes.
 */
export function boundedNames(workbookXml: string): string {
  if (!workbookXml.includes("definedName")) return workbookXml;
  return workbookXml.replace(/(<definedName(?=[\s>])[^<>]*>)([^<]*)(<\/definedName\s*>)/g, (whole, open: string, body: string, close: string) => {
    let cut = false;
    // Counted by their "$" anchors (two to a cell reference), which ExcelJS needs to expand one.
    let references = 0;
    for (let i = body.indexOf("$"); i >= 0 && references <= NAME_REFERENCES * 2; i = body.indexOf("$", i + 1)) references++;
    const listed = references > NAME_REFERENCES * 2 ? firstReference(body) : body;
    if (listed !== body) cut = true;
    const bounded = listed.replace(AREA, (area, d1: string, c1: string, d2: string, r1: string, c2: string, r2: string) => {
      const rows = Math.abs(Number(r2) - Number(r1)) + 1;
      const cols = Math.abs(columnNumber(c2.toUpperCase()) - columnNumber(c1.toUpperCase())) + 1;
      if (rows * cols <= NAME_AREA) return area;
      cut = true;
      return `${d1}${c1}${d2}${r1}`;
    });
    return cut ? `${open}${bounded}${close}` : whole;
  });
}
