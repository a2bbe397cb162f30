/**
 * Checks a chosen file before any spreadsheet library sees it: is it a spreadsheet at all, is it
 * password-protected, damaged, too big, or does it unpack to something absurd? Every answer is a
 * sentence for the evaluator who chose the file. The checks read bytes only — signatures and the
 * zip's table of contents — so a hostile file costs almost nothing to refuse.
 */
import type { FormRefusal } from "./types";
import { entryData, inflateEntry, readZipDirectory, writeZip, type PartToWrite, type ZipEntry } from "./zipPackage";

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

export type FileCheck = { ok: true; kind: "xlsx" | "csv" } | { ok: false; refusal: FormRefusal; message: string };

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
export function checkSpreadsheetFile(fileName: string, bytes: Uint8Array): FileCheck {
  const name = `"${fileName}"`;
  if (bytes.length === 0) return refuse("not-a-spreadsheet", `${name} is empty (0 bytes). Choose the saved workbook again; if it was sent by email, save the attachment first.`);
  if (bytes.length > MAX_FILE_BYTES) {
    return refuse("too-large", `${name} is ${megabytes(bytes.length)}, over the ${megabytes(MAX_FILE_BYTES)} limit for one file. Response forms and measure tables are far smaller: check it is the right file.`);
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
  if (startsWith(bytes, ascii("PK"))) return checkPackage(name, bytes);
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

function checkPackage(name: string, bytes: Uint8Array): FileCheck {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) {
    if (directory.problem === "zip64") return refuse("too-expanded", `${name} unpacks to more than 4 GB or holds over 65,535 parts, which no genuine workbook of this size does, so it was not opened.`);
    return refuse("corrupt", `${name} is damaged or incomplete (it may have been cut short while downloading). Save or download it again and retry.`);
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
  if (entries.some((e) => e.flags & 1)) return refuse("encrypted", `${name} has password-protected contents, so it cannot be read. Ask the sender for a copy without a password.`);
  if (entries.length > MAX_ZIP_ENTRIES) return refuse("too-expanded", `${name} holds ${entries.length.toLocaleString("en-GB")} parts (the limit is ${MAX_ZIP_ENTRIES.toLocaleString("en-GB")}), far more than any form or measure table, so it was not opened.`);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_EXPANDED_BYTES) {
    return refuse("too-expanded", `${name} would unpack to ${megabytes(declared)} (the limit is ${megabytes(MAX_EXPANDED_BYTES)}), which no genuine form or measure table does, so it was not opened.`);
  }
  return { ok: true, kind: "xlsx" };
}

export type PackageCheck = { ok: true; notes: string[]; bytes: Uint8Array } | { ok: false; refusal: FormRefusal; message: string };
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

const isWorksheet = (entry: ZipEntry): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);

/** Concatenated chunks. */
function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const STRIPPED_ELEMENTS = ["dataValidations", "mergeCells"] as const;
const utf8 = new TextEncoder();

/**
 * A sheet's XML without its data validation and merged-cell lists. ExcelJS expands both into one
 * object per cell: a validation on whole columns (common in council calculators) or a merge over
 * the whole sheet (a hostile file of a few hundred bytes) would freeze the pane building billions
 * of them. Neither holds a value, and only values are imported.
 */
function withoutCellLists(xml: Uint8Array): Uint8Array | undefined {
  const text = new TextDecoder().decode(xml);
  if (!STRIPPED_ELEMENTS.some((tag) => text.includes(tag))) return undefined;
  let out = text;
  for (const tag of STRIPPED_ELEMENTS) {
    const prefix = "(?:[A-Za-z_][\\w.-]*:)?";
    out = out.replace(new RegExp(`<${prefix}${tag}\\b[^>]*/>|<${prefix}${tag}\\b[\\s\\S]*?</${prefix}${tag}>`, "g"), "");
  }
  return out === text ? undefined : utf8.encode(out);
}

/**
 * The deep check of an .xlsx that passed {@link checkSpreadsheetFile}: unpacks every part with a
 * cap at its declared size (so a package that lies about its sizes is caught before ExcelJS
 * inflates it whole), counts each sheet's rows against {@link MAX_SHEET_ROWS}, and notes content
 * that will be ignored: macros, links to other workbooks, embedded objects. Returns the bytes to
 * hand to ExcelJS: the file itself, or a copy whose sheets lost their validation and merge lists
 * (see {@link withoutCellLists}).
 */
export async function checkPackageContents(fileName: string, bytes: Uint8Array): Promise<PackageCheck> {
  const name = `"${fileName}"`;
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return { ok: false, refusal: "corrupt", message: `${name} is damaged or incomplete. Save or download it again and retry.` };
  const parts: PartToWrite[] = [];
  let changed = false;
  for (const entry of directory.entries) {
    const sheet = isWorksheet(entry);
    const count = rowCounter();
    const chunks: Uint8Array[] = [];
    let rows = 0;
    const result = await inflateEntry(bytes, entry, (chunk) => {
      if (!sheet) return true;
      chunks.push(chunk);
      rows = count(chunk);
      return rows <= MAX_SHEET_ROWS;
    });
    if (!result.ok) {
      if (result.problem === "larger-than-declared") {
        return { ok: false, refusal: "too-expanded", message: `${name} unpacks to more than it declares (part ${entry.name}), as a "zip bomb" does, so it was not opened.` };
      }
      if (result.problem === "unsupported") return { ok: false, refusal: "corrupt", message: `${name} cannot be unpacked here (${result.detail ?? "unknown compression"}). Open it in Excel and save it again as .xlsx.` };
      return { ok: false, refusal: "corrupt", message: `${name} is damaged or incomplete (part ${entry.name} cannot be unpacked). Save or download it again and retry.` };
    }
    if (rows > MAX_SHEET_ROWS) {
      return {
        ok: false,
        refusal: "too-large",
        message: `${name} has a sheet with more than ${MAX_SHEET_ROWS.toLocaleString("en-GB")} rows (the limit for one sheet). Forms and measure tables are far shorter: delete the unused rows, save, and retry.`,
      };
    }
    const stripped = sheet ? withoutCellLists(joined(chunks)) : undefined;
    if (stripped) {
      changed = true;
      parts.push({ name: entry.name, stored: stripped });
    } else {
      parts.push({ entry, raw: entryData(bytes, entry) as Uint8Array });
    }
  }
  const notes: string[] = [];
  const names = directory.entries.map((e) => e.name.toLowerCase());
  if (names.some((n) => n.endsWith("vbaproject.bin"))) notes.push("The file contains macros; they were ignored and never run.");
  if (names.some((n) => n.startsWith("xl/externallinks/"))) notes.push("The file links to other workbooks; the links were ignored and nothing was fetched.");
  if (names.some((n) => n.startsWith("xl/embeddings/") || n.startsWith("xl/activex/"))) notes.push("The file contains embedded objects; they were ignored.");
  return { ok: true, notes, bytes: changed ? writeZip(parts) : bytes };
}
