/**
 * Checks a chosen file before any spreadsheet library sees it: is it a spreadsheet at all, is it
 * password-protected, damaged, too big, or does it unpack to something absurd? Every answer is a
 * sentence for the evaluator who chose the file. The checks read bytes only — signatures and the
 * zip's table of contents — so a hostile file costs almost nothing to refuse.
 */
import { formatEscapesKept, numbersAsSaved, savedNumbersNote } from "./savedNumbers";
import type { FormRefusal } from "./types";
import { boundedNames, sheetGrid } from "./sheetGrid";
import { elementsNamed, tagEnd, withPlainMarkup, xmlShape } from "./xmlScan";
import { inflateEntry, joinedChunks, readZipDirectory, writeZip, type PartToWrite, type ZipDirectory, type ZipEntry } from "./zipPackage";

/**
 * Largest file accepted: 10 MB. A filled response form of 200 measures is under 100 KB and a
 * council's whole measure table a few hundred KB, so this is far above any genuine file, while
 * keeping what the task pane holds in memory (the file, then ExcelJS's model of it) small on
 * the modest laptops councils issue.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Largest total the package's parts may unpack to: 100 MB. Spreadsheet XML compresses about
 * 10:1, so a genuine 10 MB workbook stays under it; a zip bomb declares gigabytes.
 */
export const MAX_EXPANDED_BYTES = 100 * 1024 * 1024;

/** Most parts a package may hold. A form has about 15; a workbook of 100 sheets about 300. */
export const MAX_ZIP_ENTRIES = 2000;

/**
 * Most rows one sheet may hold: 100,000. A form has one row per measure, a council's measure
 * table a few hundred; the validator is built for 100,000 commitment rows (DESIGN.md). Refusing
 * a 1,000,000-row sheet before ExcelJS builds its model keeps the pane from freezing.
 */
export const MAX_SHEET_ROWS = 100_000;

/**
 * Most unpacked XML read from the parts ExcelJS will parse: 30 MB. A 200-measure form's parts
 * come to about 1 MB; a sheet of 100,000 one-number rows to about 5 MB.
 */
export const MAX_READ_BYTES = 30 * 1024 * 1024;

/**
 * Most XML elements (cells, rows, strings, formats…) in the parts ExcelJS will parse: 250,000.
 * ExcelJS takes about a second and 100 MB per 100,000 elements on a modest laptop (measured
 * for issue #17); a filled 200-measure form has about 15,000, a council's measure table of 500
 * rows about 15,000 too. Past this the pane would freeze for seconds, so the file is refused.
 */
export const MAX_XML_ELEMENTS = 250_000;

/**
 * Deepest XML nesting accepted: 64. SpreadsheetML nests about 8 deep (worksheet, sheetData, row,
 * c, is, r, rPr, …); a part nesting a million deep, 9 KB zipped, kept ExcelJS busy 13 s.
 */
export const MAX_XML_DEPTH = 64;

/**
 * Most columns all the sheets read may span together, each counted to its last used column (or
 * column setting): 300,000, eighteen sheets as wide as Excel allows. ExcelJS makes an object
 * for every column up to a sheet's last one, about 3 µs and 150 bytes each (measured for issue
 * #17 on the bench machine): 900 small sheets each with one value in column XFD took it over
 * 30 s. A form's sheets span about 40 columns; a calculator that hides its unused columns
 * (a setting to XFD) spans 16,384 per sheet, so eighteen such sheets are still read.
 */
export const MAX_SHEET_COLUMNS = 300_000;

/**
 * Most characters all the number formats of a workbook may hold: 100,000. Excel allows a few
 * hundred custom formats of at most 255 characters each (about 64,000 in all); a styles part of
 * millions of format characters (3 MB of escapes) took the rewriting of escapes and ExcelJS 20 s
 * and 2.5 GB (issue #17), so such a file is refused.
 */
export const MAX_FORMAT_CHARS = 100_000;

/** The characters of every number format code in a styles part. */
function formatCodesLength(stylesXml: string): number {
  let total = 0;
  for (const m of stylesXml.matchAll(/\sformatCode\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) total += (m[1] ?? m[2] ?? "").length;
  return total;
}

export type FileCheck = { ok: true; kind: "xlsx" | "csv" } | { ok: false; refusal: FormRefusal; message: string };

/**
 * What the file was chosen as, for the words of a refusal: a returned response form or a measure
 * table (the default), or a signed evaluation workbook gathered into the portfolio.
 */
export type ChosenAs = "form" | "evaluation";

interface Words {
  /** "far more than …" */
  any: string;
  a: string;
  /** "which … does" */
  genuine: string;
  /** After a file over the size limit. */
  smaller: string;
  /** After a sheet over the row limit. */
  shorter: string;
  /** After a sheet or part over the read limits. */
  trim: string;
  /**
   * What the sheets left out are not, for a note; none for a reader that reads its own sheets by
   * name, where every other sheet is the user's own and noting it on each file would be noise.
   */
  notRead?: string;
}

const TRIM_ADVICE = "Delete unused sheets, rows and columns (or copy what is needed into a new workbook), save, and retry.";

/**
 * A signed evaluation is never to be trimmed: any change to its SV sheets breaks the record its
 * fingerprint seals, so the advice is to check the file instead.
 */
const WORDS: Record<ChosenAs, Words> = {
  form: {
    any: "any form or measure table",
    a: "a form or measure table",
    genuine: "no genuine form or measure table",
    smaller: "Response forms and measure tables are far smaller: check it is the right file.",
    shorter: "Forms and measure tables are far shorter: delete the unused rows, save, and retry.",
    trim: TRIM_ADVICE,
    notRead: "not part of the form",
  },
  evaluation: {
    any: "any evaluation workbook",
    a: "an evaluation workbook",
    genuine: "no genuine evaluation workbook",
    smaller: "Evaluation workbooks are far smaller: check it is the right file.",
    shorter: "An evaluation workbook's SV sheets are far shorter: check it is the right file.",
    trim: "Check it is the right evaluation workbook.",
  },
};

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((ch) => ch.charCodeAt(0));
}

/** Whether `needle` occurs in the first `limit` bytes. */
function contains(bytes: Uint8Array, needle: readonly number[], limit = bytes.length): boolean {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function utf16le(text: string): number[] {
  return [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
}

function refuse(refusal: FormRefusal, message: string): FileCheck {
  return { ok: false, refusal, message };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** A file's size as a person would say it: "12 KB", "3.4 MB". */
function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : megabytes(bytes);
}

const RESAVE = "Open it in Excel, save it as an Excel Workbook (.xlsx) and retry; if Excel cannot open it, ask the sender for a copy saved by Excel.";

/** The sentence for a package whose table of contents cannot be read safely. */
function directoryRefusal(name: string, size: number, directory: Exclude<ZipDirectory, { ok: true }>): { refusal: FormRefusal; message: string } {
  if (directory.problem === "zip64") {
    // Said as it is: the file is small, so it does not unpack to gigabytes; it only uses the
    // form (zip64) that archives need past 4 GB or 65,535 parts, which Excel never writes for it.
    return { refusal: "corrupt", message: `${name} is ${fileSize(size)} but is packed in the format meant for archives over 4 GB (zip64), which Excel never uses for a workbook this size; it may have been altered or made by another program, so it was not opened. ${RESAVE}` };
  }
  if (directory.problem === "ambiguous") {
    return { refusal: "corrupt", message: `${name} is packed in an unusual way that could hide or disguise content (${directory.detail ?? "its table of contents does not match its parts"}), so it was not opened. ${RESAVE}` };
  }
  return { refusal: "corrupt", message: `${name} is damaged or incomplete (it may have been cut short while downloading). Save or download it again and retry.` };
}

/** Text (a CSV or similar): no NUL byte and readable as UTF-8, or as Windows-1252 without control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64 * 1024);
  if (head.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return head.every((b) => b >= 32 || b === 9 || b === 10 || b === 13);
  }
}

/**
 * Whether the bytes are UTF-16 text, as Excel's "Unicode Text" (File > Save As) writes: a
 * byte-order mark (FF FE, or FE FF big-endian), or, without one, a zero byte beside nearly every
 * character of mostly-Latin text. The text must then hold no control characters but tab and line
 * breaks, so a binary file that happens to begin FF FE is not named as text.
 */
function isUtf16Text(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  let littleEndian: boolean;
  let start = 2;
  if (startsWith(head, [0xff, 0xfe])) littleEndian = true;
  else if (startsWith(head, [0xfe, 0xff])) littleEndian = false;
  else {
    const pairs = head.length / 2;
    let zeroHigh = 0;
    let zeroLow = 0;
    for (let i = 0; i < head.length; i += 2) {
      if (head[i] === 0) zeroLow++;
      if (head[i + 1] === 0) zeroHigh++;
    }
    if (pairs < 2) return false;
    if (zeroHigh >= pairs * 0.9 && zeroLow === 0) littleEndian = true;
    else if (zeroLow >= pairs * 0.9 && zeroHigh === 0) littleEndian = false;
    else return false;
    start = 0;
  }
  const text = new TextDecoder(littleEndian ? "utf-16le" : "utf-16be").decode(head.subarray(start));
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

const OLD_OFFICE = "It is an older Office file (such as an Excel 97–2003 .xls workbook), which cannot be read here: open it in Excel and save it as an Excel Workbook (.xlsx).";

/**
 * What kind of spreadsheet the bytes hold, or why they cannot be read. Decided by content, not
 * by the file name: a CSV named .xlsx is read as the CSV it is, and a PDF named .xlsx is refused.
 */
export function checkSpreadsheetFile(fileName: string, bytes: Uint8Array, chosenAs: ChosenAs = "form"): FileCheck {
  const name = `"${fileName}"`;
  const words = WORDS[chosenAs];
  if (bytes.length === 0) return refuse("not-a-spreadsheet", `${name} is empty (0 bytes). Choose the saved workbook again; if it was sent by email, save the attachment first.`);
  if (bytes.length > MAX_FILE_BYTES) {
    return refuse("too-large", `${name} is ${megabytes(bytes.length)}, over the ${megabytes(MAX_FILE_BYTES)} limit for one file. ${words.smaller}`);
  }
  if (startsWith(bytes, CFB_SIGNATURE)) {
    // Excel saves a password-protected .xlsx as an OLE compound file holding these two streams
    // (MS-OFFCRYPTO 2.3.4); their names are stored in UTF-16LE in the file's directory.
    if (contains(bytes, utf16le("EncryptedPackage")) || contains(bytes, utf16le("EncryptionInfo"))) {
      return refuse("encrypted", `${name} is protected with a password to open, so it cannot be read. Ask the sender to remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and send it again.`);
    }
    return refuse("not-a-spreadsheet", `${name} is not an .xlsx workbook. ${OLD_OFFICE}`);
  }
  if (startsWith(bytes, ascii("%PDF"))) return refuse("not-a-spreadsheet", `${name} is a PDF document, not a spreadsheet. Ask for the Excel workbook (.xlsx) instead.`);
  if (startsWith(bytes, ascii("{\\rtf"))) return refuse("not-a-spreadsheet", `${name} is a Word (RTF) document, not a spreadsheet.`);
  if (startsWith(bytes, ascii("PK"))) return checkPackage(name, bytes, words);
  if (isUtf16Text(bytes)) {
    return refuse(
      "not-a-spreadsheet",
      `${name} is a Unicode Text file (UTF-16), as Excel saves with File > Save As > "Unicode Text", which cannot be read here. Open it in Excel and save it with File > Save As as "CSV UTF-8 (Comma delimited) (*.csv)", or as an Excel Workbook (.xlsx), and choose that file.`,
    );
  }
  if (looksLikeText(bytes)) {
    const start = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
    if (start.startsWith("<")) {
      return refuse("not-a-spreadsheet", `${name} is a web page or XML file, not a spreadsheet. Open it in Excel and save it as an Excel Workbook (.xlsx).`);
    }
    return { ok: true, kind: "csv" };
  }
  return refuse("not-a-spreadsheet", `${name} is not a spreadsheet Excel can save (.xlsx) or a CSV file. Check it is the right file.`);
}

function checkPackage(name: string, bytes: Uint8Array, words: Words): FileCheck {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) {
    const { refusal, message } = directoryRefusal(name, bytes.length, directory);
    return refuse(refusal, message);
  }
  const entries = directory.entries;
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (!names.has("xl/workbook.xml")) {
    if (names.has("word/document.xml")) return refuse("not-a-spreadsheet", `${name} is a Word document, not a spreadsheet. Ask for the Excel workbook (.xlsx) instead.`);
    if (names.has("ppt/presentation.xml")) return refuse("not-a-spreadsheet", `${name} is a PowerPoint presentation, not a spreadsheet.`);
    if (names.has("xl/workbook.bin")) return refuse("not-a-spreadsheet", `${name} is an Excel Binary Workbook (.xlsb), which cannot be read here: open it in Excel and save it as an Excel Workbook (.xlsx).`);
    if (names.has("content.xml") && names.has("mimetype")) {
      return refuse("not-a-spreadsheet", `${name} is an OpenDocument file (such as a LibreOffice .ods spreadsheet): open it and save it as an Excel Workbook (.xlsx).`);
    }
    return refuse("not-a-spreadsheet", `${name} is a zip archive but not an Excel workbook. Check it is the right file.`);
  }
  // Bit 0: encrypted; bit 6: strong encryption (APPNOTE 4.4.4).
  if (entries.some((e) => e.flags & 0x41)) return refuse("encrypted", `${name} has password-protected contents, so it cannot be read. Ask the sender for a copy without a password.`);
  if (entries.length > MAX_ZIP_ENTRIES) return refuse("too-expanded", `${name} holds ${entries.length.toLocaleString("en-GB")} parts (the limit is ${MAX_ZIP_ENTRIES.toLocaleString("en-GB")}), far more than ${words.any}, so it was not opened.`);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_EXPANDED_BYTES) {
    return refuse("too-expanded", `${name} declares that its contents unpack to ${megabytes(declared)} (the limit is ${megabytes(MAX_EXPANDED_BYTES)}), which ${words.genuine} does, so it was not opened.`);
  }
  return { ok: true, kind: "xlsx" };
}

export type PackageCheck =
  | {
      ok: true;
      notes: string[];
      /** The package ExcelJS will parse: exactly the parts below, stored. */
      bytes: Uint8Array;
      /**
       * The same parts' text, by part name as written into `bytes`, for a reader that takes the
       * checked text straight (the signed-evaluation reader) rather than unpack the package again.
       */
      parts: ReadonlyMap<string, string>;
    }
  | { ok: false; refusal: FormRefusal; message: string };

export interface PackageOptions {
  /**
   * The sheets the reader needs, by name (a response form's). The others are left out of what
   * is read, with a note, and the limits on what is read (rows, content, cells, columns) apply
   * to these only; the limits on the whole package (its size, parts and what it unpacks to)
   * apply to every part whatever this says. When one of these is missing (renamed by the
   * bidder), every sheet is kept so the reader can find it by its headings, within the same
   * limits, unless `onlyThese`.
   */
  sheets?: readonly string[];
  /**
   * Keep only those of `sheets` the workbook has, never every sheet: for a reader that finds its
   * sheets by name alone (a signed evaluation's SV sheets, some of which exist only once used).
   */
  onlyThese?: boolean;
  /** What the file was chosen as, for the refusals' words ({@link ChosenAs}). */
  chosenAs?: ChosenAs;
  /**
   * false when the caller reads `parts` only: the package for ExcelJS is then not built (`bytes`
   * is empty), which spares a gather of 200 workbooks packing and unpacking each again.
   */
  buildPackage?: boolean;
}

type Refused = { ok: false; refusal: FormRefusal; message: string };

const utf8 = new TextEncoder();

/** `<row` or `<x:row` followed by a space or `>`: one sheet row in SpreadsheetML. */
function rowCounter(): (chunk: Uint8Array) => number {
  let rows = 0;
  // Kept across chunks, so a tag split between two chunks still counts.
  let state = 0; // 0 nothing, 1 "<" or ":", 2 "r", 3 "o", 4 "w"
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (state === 4) {
        if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) rows++;
        state = 0;
      }
      if (b === 0x3c || b === 0x3a) state = 1;
      else if (state === 1 && b === 0x72) state = 2;
      else if (state === 2 && b === 0x6f) state = 3;
      else if (state === 3 && b === 0x77) state = 4;
      else state = 0;
    }
    return rows;
  };
}

/**
 * Sheet elements removed before ExcelJS parses a sheet. Validation and merge lists: ExcelJS
 * expands both into one object per cell, so a validation on whole columns (common in council
 * calculators) or a merge over the whole sheet (a hostile file of a few hundred bytes) would
 * freeze the pane building billions of them. Drawings, notes' drawings, tables, background
 * pictures, embedded objects and controls: their parts are not handed to ExcelJS (they hold no
 * cell value), and ExcelJS fails on a reference to a part it does not have. None holds a value,
 * and only values are imported.
 */
const STRIPPED_ELEMENTS = ["dataValidations", "mergeCells", "drawing", "legacyDrawing", "legacyDrawingHF", "tableParts", "picture", "oleObjects", "controls"] as const;

const PREFIX = "(?:[A-Za-z_][\\w.-]*:)?";

/**
 * Each `<tag …/>` or `<tag …>…</tag>` element, by a callback's choice, left out of the text. One
 * pass: each start tag's end is found by tagEnd (which stops at the next "<"), and each close
 * tag is searched for once from where the element starts; an element with no end stops the pass
 * and the rest of the text is dropped, so a part of thousands of unclosed elements costs one
 * scan, and what ExcelJS is handed then fails to parse (the file is refused, never read in part).
 */
function dropElements(text: string, tag: string, drop: (element: string) => boolean): string {
  const start = new RegExp(`<${PREFIX}${tag}(?=[\\s/>])`, "g");
  const close = new RegExp(`</${PREFIX}${tag}\\s*>`, "g");
  let out = "";
  let at = 0;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const end = tagEnd(text, m.index + 1);
    let stop: number;
    if (text[end] !== ">") return out + text.slice(at, m.index);
    if (text[end - 1] === "/") stop = end + 1;
    else {
      close.lastIndex = end + 1;
      const found = close.exec(text);
      if (!found) return out + text.slice(at, m.index);
      stop = found.index + found[0].length;
    }
    if (drop(text.slice(m.index, stop))) {
      out += text.slice(at, m.index);
      at = stop;
    }
    start.lastIndex = stop;
  }
  return out + text.slice(at);
}

function withoutElements(text: string, tags: readonly string[]): string {
  let out = text;
  for (const tag of tags) if (out.includes(tag)) out = dropElements(out, tag, () => true);
  return out;
}

/** A sheet's relationships without those to parts left out: only hyperlinks' targets are read (as notes). */
function hyperlinkRelsOnly(text: string): string {
  return dropElements(text, "Relationship", (element) => !/\bType\s*=\s*["'][^"'<]*\/hyperlink["']/.test(element));
}

/** Parts ExcelJS parses by these exact names (its xlsx.js `load`), whatever the rest of the package says. */
const WORKBOOK_PARTS = ["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"] as const;

/** The only worksheet names ExcelJS parses as sheets (its pattern, anchored). */
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** What has been read so far, against the limits on what ExcelJS is given. */
class ReadBudget {
  constructor(readonly words: Words) {}
  bytes = 0;
  elements = 0;
  /** Each sheet's width (its last used column), summed: see {@link MAX_SHEET_COLUMNS}. */
  columns = 0;
}

function tooManyRows(name: string, words: Words): Refused {
  return {
    ok: false,
    refusal: "too-large",
    message: `${name} has a sheet with more than ${MAX_SHEET_ROWS.toLocaleString("en-GB")} rows (the limit for one sheet). ${words.shorter}`,
  };
}

/** Whether the part's bytes are UTF-8 (no UTF-16 byte-order mark): then its rows were counted as it was unpacked. */
function startsUtf8(chunks: readonly Uint8Array[]): boolean {
  const first = chunks.find((c) => c.length > 0);
  return !first || !((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff));
}

/** Sheet rows in decoded text, counted as {@link rowCounter} counts them in bytes. */
const rowsIn = (text: string): number => (text.match(/[<:]row[\s/>]/g) ?? []).length;

/**
 * A part's text, decoded as XML says (XML 1.0, 4.3.3 and appendix F): UTF-16 when it starts with
 * that byte-order mark, else UTF-8, which is what Excel writes. Decoded strictly: a part in
 * another encoding, or declaring one (`encoding="ISO-8859-1"`), was read as UTF-8 with its
 * accents garbled, and a UTF-16 part as UTF-8 was refused as "nested more than 64 levels deep",
 * which was not true. Such a part is refused, saying so.
 */
function partText(bytes: Uint8Array): string | { encoding: string; declared: boolean } {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : undefined;
  // The declaration is ASCII, so it reads the same in any encoding but UTF-16's.
  const head = new TextDecoder(utf16 ?? "latin1").decode(bytes.subarray(0, 400));
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/.exec(head)?.[1];
  if (declared !== undefined && !/^(?:utf-?(?:8|16(?:le|be)?)|us-ascii|ascii)$/i.test(declared.trim())) return { encoding: declared.slice(0, 40), declared: true };
  try {
    return new TextDecoder(utf16 ?? "utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { encoding: utf16 ? "UTF-16" : "UTF-8", declared: false };
  }
}

/**
 * One part unpacked (never past its declared size nor the read budget) and looked at: rows
 * counted on a sheet, elements and nesting counted. The part's text, or why the file is refused.
 */
async function readPart(name: string, bytes: Uint8Array, entry: ZipEntry, budget: ReadBudget, sheet: boolean): Promise<string | Refused> {
  const count = rowCounter();
  const chunks: Uint8Array[] = [];
  let rows = 0;
  let over = false;
  const result = await inflateEntry(bytes, entry, (chunk) => {
    chunks.push(chunk);
    budget.bytes += chunk.length;
    if (sheet) rows = count(chunk);
    over = budget.bytes > MAX_READ_BYTES;
    return rows <= MAX_SHEET_ROWS && !over;
  });
  if (!result.ok) {
    if (result.problem === "larger-than-declared") {
      return { ok: false, refusal: "too-expanded", message: `${name} unpacks to more than it declares (part ${entry.name}), as a "zip bomb" does, so it was not opened.` };
    }
    if (result.problem === "unsupported") return { ok: false, refusal: "corrupt", message: `${name} cannot be unpacked here (${result.detail ?? "unknown compression"}). Open it in Excel and save it again as .xlsx.` };
    return { ok: false, refusal: "corrupt", message: `${name} is damaged or incomplete (part ${entry.name} cannot be unpacked). Save or download it again and retry.` };
  }
  if (rows > MAX_SHEET_ROWS) return tooManyRows(name, budget.words);
  if (over) {
    return { ok: false, refusal: "too-large", message: `${name} holds more than ${megabytes(MAX_READ_BYTES)} of sheet content to read, far more than ${budget.words.a}, so it was not opened. ${budget.words.trim}` };
  }
  const decoded = partText(joinedChunks(chunks));
  if (typeof decoded !== "string") {
    const what = decoded.declared ? `is written in the character encoding “${decoded.encoding}”, which Excel never uses for a workbook` : `is not valid ${decoded.encoding} text`;
    return { ok: false, refusal: "corrupt", message: `${name} has a part (${entry.name}) that ${what}, so it was not opened. ${RESAVE}` };
  }
  // A UTF-16 part's rows were not seen in its bytes as it was unpacked: counted here.
  if (sheet && !startsUtf8(chunks)) rows = rowsIn(decoded);
  if (rows > MAX_SHEET_ROWS) return tooManyRows(name, budget.words);
  const shape = xmlShape(decoded, MAX_XML_DEPTH);
  if (shape.doctype) {
    return { ok: false, refusal: "corrupt", message: `${name} has a part (${entry.name}) with a document type declaration, which Excel never writes and which can make a reader expand it without end, so it was not opened. ${RESAVE}` };
  }
  if (shape.depth > MAX_XML_DEPTH) {
    return { ok: false, refusal: "corrupt", message: `${name} has a part (${entry.name}) nested more than ${MAX_XML_DEPTH} levels deep, which Excel never writes; it would freeze the reader, so it was not opened. ${RESAVE}` };
  }
  budget.elements += shape.elements;
  if (budget.elements > MAX_XML_ELEMENTS) {
    return {
      ok: false,
      refusal: "too-large",
      message: `${name} has more than ${MAX_XML_ELEMENTS.toLocaleString("en-GB")} cells, rows, strings and formats to read, far more than ${budget.words.a}, so it was not opened (reading it would freeze the add-in). ${budget.words.trim}`,
    };
  }
  // After the counts (which read CDATA and prefixes as they are), so an oversized part is refused before it is rewritten.
  const plain = withPlainMarkup(decoded);
  if ("problem" in plain) {
    return { ok: false, refusal: "corrupt", message: `${name} has a part (${entry.name}) that binds one namespace prefix to two meanings, which Excel never writes, so what it holds cannot be told for certain and it was not opened. ${RESAVE}` };
  }
  return plain.text;
}

interface SheetPart {
  name: string;
  /** The part name ExcelJS will look the sheet up by. */
  path: string;
  entry: ZipEntry;
}

/**
 * The workbook's sheets and their parts, resolved as ExcelJS resolves them (workbook-xform's
 * `reconcile`: "xl/" + the relationship's target without a leading "/xl/"), or why not: a sheet
 * ExcelJS would silently skip (its part missing or under another name) would lose its values
 * without a word, so it is refused instead. Chart and dialog sheets hold no cells and are skipped.
 */
function sheetParts(name: string, workbookXml: string, relsXml: string, byName: ReadonlyMap<string, ZipEntry>): SheetPart[] | Refused {
  const rels = new Map(elementsNamed(relsXml, "Relationship").map((r) => [r.Id ?? "", r]));
  const damaged = (what: string): Refused => ({ ok: false, refusal: "corrupt", message: `${name} is damaged: ${what}, so it was not opened. ${RESAVE}` });
  const sheets: SheetPart[] = [];
  const names = new Set<string>();
  const paths = new Set<string>();
  for (const sheet of elementsNamed(workbookXml, "sheet")) {
    const sheetName = sheet.name ?? "";
    const rel = rels.get(sheet["r:id"] ?? "");
    if (!rel) return damaged(`it lists a sheet (“${sheetName}”) whose contents are missing`);
    if (!/\/worksheet$/.test(rel.Type ?? "")) continue;
    const path = `xl/${(rel.Target ?? "").replace(/^(\s|\/xl\/)+/, "")}`;
    const entry = byName.get(path.toLowerCase());
    if (!WORKSHEET_PART.test(path) || !entry) return damaged(`the sheet “${sheetName}” is stored ${entry ? "under an unusual name" : "nowhere in the file"}`);
    if (names.has(sheetName.toLowerCase())) return damaged(`it has two sheets named “${sheetName}”`);
    if (paths.has(path.toLowerCase())) return damaged(`two of its sheets share one set of contents (“${sheetName}” is one)`);
    names.add(sheetName.toLowerCase());
    paths.add(path.toLowerCase());
    sheets.push({ name: sheetName, path, entry });
  }
  return sheets;
}

const isRefused = (value: unknown): value is Refused => typeof value === "object" && value !== null && (value as Refused).ok === false;

/**
 * The deep check of an .xlsx that passed {@link checkSpreadsheetFile}, and the package ExcelJS
 * will parse. One reading of the archive serves both: the strict directory read, then only the
 * parts ExcelJS would parse (the workbook, its relationships, shared strings, styles, and the
 * sheets the reader needs with their relationships) unpacked by us, each capped at its declared
 * size, rows counted against {@link MAX_SHEET_ROWS}, and all together held to
 * {@link MAX_READ_BYTES}, {@link MAX_XML_ELEMENTS} and {@link MAX_XML_DEPTH}. ExcelJS then gets a
 * new package of exactly those parts, as we read them (stored, under the names ExcelJS looks
 * for), so nothing this check did not see reaches JSZip. Notes say what will be ignored:
 * macros, links to other workbooks, embedded objects, and sheets left out.
 */
export async function checkPackageContents(fileName: string, bytes: Uint8Array, options: PackageOptions = {}): Promise<PackageCheck> {
  const name = `"${fileName}"`;
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return { ok: false, ...directoryRefusal(name, bytes.length, directory) };
  const byName = new Map(directory.entries.filter((e) => !e.directory).map((e) => [e.name.toLowerCase(), e]));
  const budget = new ReadBudget(WORDS[options.chosenAs ?? "form"]);
  const texts = new Map<string, string>();
  for (const part of WORKBOOK_PARTS) {
    const entry = byName.get(part.toLowerCase());
    if (!entry) continue;
    const text = await readPart(name, bytes, entry, budget, false);
    if (isRefused(text)) return text;
    if (part === "xl/styles.xml" && formatCodesLength(text) > MAX_FORMAT_CHARS) {
      return {
        ok: false,
        refusal: "corrupt",
        message: `${name} has number formats more than ${MAX_FORMAT_CHARS.toLocaleString("en-GB")} characters long in all, far longer than Excel writes (at most 255 characters for one format), so it was not opened. ${RESAVE}`,
      };
    }
    texts.set(part, text);
  }
  const sheets = sheetParts(name, texts.get("xl/workbook.xml") ?? "", texts.get("xl/_rels/workbook.xml.rels") ?? "", byName);
  if (isRefused(sheets)) return sheets;
  const wanted = options.sheets;
  const keepOnlyWanted = wanted !== undefined && (options.onlyThese === true || wanted.every((w) => sheets.some((s) => s.name === w)));
  const kept = keepOnlyWanted ? sheets.filter((s) => wanted.includes(s.name)) : sheets;
  // Number formats' escapes kept, so 0\% (40 shown as "40%") does not reach ExcelJS as 0% (savedNumbers.ts);
  // workbook names cut to a size ExcelJS can expand (sheetGrid.ts).
  const forExcelJs: Record<string, (text: string) => string> = { "xl/styles.xml": formatEscapesKept, "xl/workbook.xml": boundedNames };
  const checked = new Map<string, string>();
  for (const [part, text] of texts) checked.set(part, forExcelJs[part]?.(text) ?? text);
  const misread: { sheet: string; address: string; saved: string }[] = [];
  for (const sheet of kept) {
    const text = await readPart(name, bytes, sheet.entry, budget, true);
    if (isRefused(text)) return text;
    const grid = sheetGrid(text);
    if (grid.problem) {
      return { ok: false, refusal: "corrupt", message: `${name} is damaged: its sheet “${sheet.name}” ${grid.problem}, which Excel itself would have to repair, so it was not opened (a value could be read in the wrong place or lost). ${RESAVE}` };
    }
    budget.columns += grid.columns;
    if (budget.columns > MAX_SHEET_COLUMNS) {
      return {
        ok: false,
        refusal: "too-large",
        message: `${name} has sheets reaching far to the right (more than ${MAX_SHEET_COLUMNS.toLocaleString("en-GB")} columns in all, counting each sheet up to its last used or formatted column), far more than ${budget.words.a}, so it was not opened (reading it would freeze the add-in). ${budget.words.trim}`,
      };
    }
    // Cells saved as numbers that hold something else become text cells, so nothing reads "12abc" as 12 (savedNumbers.ts).
    const saved = numbersAsSaved(withoutElements(text, STRIPPED_ELEMENTS));
    misread.push(...saved.cells.map((c) => ({ sheet: sheet.name, ...c })));
    checked.set(sheet.path, saved.xml);
    const relsPath = sheet.path.replace(/^xl\/worksheets\/(.*)$/, "xl/worksheets/_rels/$1.rels");
    const relsEntry = byName.get(relsPath.toLowerCase());
    if (!relsEntry) continue;
    const rels = await readPart(name, bytes, relsEntry, budget, false);
    if (isRefused(rels)) return rels;
    checked.set(relsPath, hyperlinkRelsOnly(rels));
  }
  const notes: string[] = [];
  const misreadNote = savedNumbersNote(misread);
  if (misreadNote) notes.push(misreadNote);
  const names = directory.entries.map((e) => e.name.toLowerCase());
  if (names.some((n) => n.endsWith("vbaproject.bin"))) notes.push("The file contains macros; they were ignored and never run.");
  if (names.some((n) => n.startsWith("xl/externallinks/"))) notes.push("The file links to other workbooks; the links were ignored and nothing was fetched.");
  if (names.some((n) => n.startsWith("xl/embeddings/") || n.startsWith("xl/activex/"))) notes.push("The file contains embedded objects; they were ignored.");
  const left = sheets.filter((s) => !kept.includes(s)).map((s) => `“${s.name}”`);
  if (left.length > 0 && budget.words.notRead !== undefined) notes.push(`The file has ${left.length === 1 ? "another sheet" : `${left.length} other sheets`} (${left.slice(0, 5).join(", ")}${left.length > 5 ? ", …" : ""}), ${budget.words.notRead}; ${left.length === 1 ? "it was" : "they were"} not read.`);
  const parts: PartToWrite[] = options.buildPackage === false ? [] : [...checked].map(([part, text]) => ({ name: part, stored: utf8.encode(text) }));
  return { ok: true, notes, bytes: options.buildPackage === false ? new Uint8Array(0) : writeZip(parts), parts: checked };
}
