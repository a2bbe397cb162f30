/**
 * The hostile-file corpus: files a bidder, a broken email client or an attacker could hand the
 * import. Small fixed cases are committed beside this file (see README.md here); the big ones
 * (a 1,000,000-row sheet, zip bombs) and those built on the current form are made at test time
 * into a temporary folder, so the repository never holds megabytes. The committed files are
 * exactly `committedCorpus()`'s output (the corpus test checks it), so this file documents how
 * each was made; to rewrite them after a change, compile this file and write each entry out.
 */
import { deflateRawSync, inflateRawSync } from "zlib";
import { readZipDirectory } from "../../../src/forms/zipPackage";

const enc = new TextEncoder();

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Write the bytes as they are (method 0) rather than deflated. */
  stored?: boolean;
  /** Lie in the headers about the unpacked size. */
  declaredSize?: number;
  /** A different name in the local header than in the central directory (JSZip reads this one). */
  localName?: string;
  /** Extra-field bytes, in both headers. */
  extra?: Uint8Array;
  /** General-purpose flags, in both headers. */
  flags?: number;
  /** Bytes written after this part's data that no directory record lists. */
  hiddenAfter?: Uint8Array;
  /** List this record at the local header of the part named here (two records, one set of bytes). */
  sameBytesAs?: string;
}

export interface ZipOptions {
  /** Bytes before the archive, with every offset left as if they were not there (as JSZip tolerates). */
  prepend?: Uint8Array;
}

/** CRC-32 (IEEE), as zip headers carry it. */
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip package written by hand, so its headers can say whatever a test needs. */
export function zip(parts: readonly ZipPart[], options: ZipOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = options.prepend ? [options.prepend] : [];
  const central: Uint8Array[] = [];
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const part of parts) {
    const name = enc.encode(part.name);
    const localName = enc.encode(part.localName ?? part.name);
    const extra = part.extra ?? new Uint8Array(0);
    const body = part.stored ? part.data : new Uint8Array(deflateRawSync(part.data));
    const size = part.declaredSize ?? part.data.length;
    const crc = part.data.length > 5_000_000 ? 0 : crc32(part.data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, part.flags ?? 0, true);
    local.setUint16(8, part.stored ? 0 : 8, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, localName.length, true);
    local.setUint16(28, extra.length, true);
    const head = new DataView(new ArrayBuffer(46));
    head.setUint32(0, 0x02014b50, true);
    head.setUint16(4, 20, true);
    head.setUint16(6, 20, true);
    head.setUint16(8, part.flags ?? 0, true);
    head.setUint16(10, part.stored ? 0 : 8, true);
    head.setUint32(16, crc, true);
    head.setUint32(20, body.length, true);
    head.setUint32(24, size, true);
    head.setUint16(28, name.length, true);
    head.setUint16(30, extra.length, true);
    const shared = part.sameBytesAs === undefined ? undefined : offsets.get(part.sameBytesAs);
    head.setUint32(42, shared ?? offset, true);
    central.push(new Uint8Array(head.buffer), name, extra);
    if (shared !== undefined) continue;
    offsets.set(part.name, offset);
    chunks.push(new Uint8Array(local.buffer), localName, extra, body, part.hiddenAfter ?? new Uint8Array(0));
    offset += 30 + localName.length + extra.length + body.length + (part.hiddenAfter?.length ?? 0);
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The parts of a zip package we wrote or ExcelJS wrote (deflated or stored). */
export function unzip(bytes: Uint8Array): ZipPart[] {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Error(`not a zip: ${directory.problem}`);
  return directory.entries.filter((e) => !e.name.endsWith("/")).map((e) => {
    const at = e.localHeaderOffset;
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const raw = bytes.subarray(start, start + e.compressedSize);
    return { name: e.name, data: e.method === 0 ? raw.slice() : new Uint8Array(inflateRawSync(raw)) };
  });
}

export const text = (s: string): Uint8Array => enc.encode(s);
export const partText = (parts: readonly ZipPart[], name: string): string => new TextDecoder().decode((parts.find((p) => p.name === name) as ZipPart).data);

/** Replaces (or adds) parts of a package. */
export function withParts(bytes: Uint8Array, changes: Record<string, string | Uint8Array>): Uint8Array {
  const parts = unzip(bytes);
  for (const [name, value] of Object.entries(changes)) {
    const data = typeof value === "string" ? text(value) : value;
    const existing = parts.find((p) => p.name === name);
    if (existing) existing.data = data;
    else parts.push({ name, data });
  }
  return zip(parts);
}

/** An OLE compound file header (MS-CFB) followed by directory names, as Excel writes a password-protected .xlsx. */
export function compoundFile(streamNames: readonly string[]): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const out = new Uint8Array(1536);
  out.set(header, 0);
  let at = 512;
  for (const name of streamNames) {
    for (const ch of name) {
      out[at] = ch.charCodeAt(0);
      at += 2;
    }
    at = Math.ceil((at + 2) / 128) * 128;
  }
  return out;
}

/** A sheet with `rows` rows of one number each, as SpreadsheetML. */
export function tallSheetXml(rows: number): Uint8Array {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  parts.push("</sheetData></worksheet>");
  return text(parts.join(""));
}

/** The small fixed cases, committed as files in test/forms/hostile/. */
export function committedCorpus(): Record<string, Uint8Array> {
  // Stored, not deflated, so the committed bytes do not depend on the zlib version.
  const docx = zip([
    { name: "[Content_Types].xml", data: text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), stored: true },
    { name: "word/document.xml", data: text('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'), stored: true },
  ]);
  const ods = zip([
    { name: "mimetype", data: text("application/vnd.oasis.opendocument.spreadsheet"), stored: true },
    { name: "content.xml", data: text('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'), stored: true },
  ]);
  // Declares 4 GB for one part: refused on the table of contents alone.
  const declaredBomb = zip([
    { name: "[Content_Types].xml", data: text("<Types/>"), stored: true },
    { name: "xl/workbook.xml", data: text("<workbook/>"), stored: true },
    { name: "xl/worksheets/sheet1.xml", data: text("<worksheet/>"), stored: true, declaredSize: 4_000_000_000 },
  ]);
  return {
    "empty.xlsx": new Uint8Array(0),
    "scan-renamed.xlsx": text("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    "letter-renamed.xlsx": docx,
    "spreadsheet-renamed.xlsx": ods,
    "encrypted.xlsx": compoundFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
    "old-format.xlsx": compoundFile(["Root Entry", "Workbook", "\u0005SummaryInformation"]),
    "proxies-renamed.xlsx": text("Ref,Measure,Unit,Proxy\r\nECC1,Local people employed,FTE,101\r\n"),
    "zip-bomb-declared.xlsx": declaredBomb,
  };
}

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A sheet of `rows` rows by `columns` cells of numbers (columns A.. up to ZZ), built by repetition so it costs little to make. */
export function wideSheetXml(rows: number, columns: number): Uint8Array {
  const letters = Array.from({ length: columns }, (_, c) => (c < 26 ? "" : String.fromCharCode(64 + Math.floor(c / 26))) + String.fromCharCode(65 + (c % 26)));
  const out: string[] = [`${SHEET_HEAD}<sheetData>`];
  for (let r = 1; r <= rows; r++) out.push(`<row r="${r}">${letters.map((l) => `<c r="${l}${r}"><v>${r}</v></c>`).join("")}</row>`);
  out.push("</sheetData></worksheet>");
  return text(out.join(""));
}

/** A form with more sheets added (each listed in the workbook and its relationships), as a bidder's workbook could hold. */
export function withExtraSheets(form: Uint8Array, sheets: readonly { name: string; xml: Uint8Array }[]): Uint8Array {
  const parts = unzip(form);
  let workbook = partText(parts, "xl/workbook.xml");
  let rels = partText(parts, "xl/_rels/workbook.xml.rels");
  const changes: Record<string, Uint8Array | string> = {};
  sheets.forEach((sheet, i) => {
    const n = 100 + i;
    workbook = workbook.replace("</sheets>", `<sheet name="${sheet.name}" sheetId="${n}" r:id="rIdExtra${n}"/></sheets>`);
    rels = rels.replace("</Relationships>", `<Relationship Id="rIdExtra${n}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${n}.xml"/></Relationships>`);
    changes[`xl/worksheets/sheet${n}.xml`] = sheet.xml;
  });
  return withParts(form, { ...changes, "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels });
}

/** Replaces parts' data in place (keeping their order and options), for archive-level tricks. */
function edited(form: Uint8Array, change: (parts: ZipPart[]) => ZipPart[], options?: ZipOptions): Uint8Array {
  return zip(change(unzip(form)), options);
}

const COMMITMENTS_PART = "xl/worksheets/sheet2.xml";

/** A huge, highly compressible sheet: 30 MB of rows that would take ExcelJS tens of seconds. */
const hugeSheet = (): Uint8Array => wideSheetXml(60_000, 20);

/**
 * Packages that read differently depending on which of their two tables, names or offsets a
 * reader trusts: each hides a huge sheet where a guard reading by listed names would not look,
 * but JSZip and ExcelJS would. All must be refused, each with a sentence.
 */
export function archiveTricks(form: Uint8Array): Record<string, Uint8Array> {
  const huge = hugeSheet();
  const unicodePath = (name: string): Uint8Array => {
    const value = text(name);
    const field = new Uint8Array(4 + 5 + value.length);
    const view = new DataView(field.buffer);
    view.setUint16(0, 0x7075, true);
    view.setUint16(2, 5 + value.length, true);
    field[4] = 1;
    view.setUint32(5, crc32(text("docProps/custom.xml")), true);
    field.set(value, 9);
    return field;
  };
  const zip64Field = (): Uint8Array => {
    const field = new Uint8Array(4 + 16);
    const view = new DataView(field.buffer);
    view.setUint16(0, 0x0001, true);
    view.setUint16(2, 16, true);
    return field;
  };
  return {
    // Two parts with one name: JSZip keeps the last.
    "duplicate-part.xlsx": edited(form, (parts) => [...parts, { name: COMMITMENTS_PART, data: huge }]),
    // The same name in another case: one part to Excel, two to JSZip.
    "case-twin.xlsx": edited(form, (parts) => [...parts, { name: COMMITMENTS_PART.toUpperCase(), data: huge }]),
    // The directory says an innocent name; the local header, which JSZip reads, says the sheet.
    "local-name-differs.xlsx": edited(form, (parts) => [...parts.filter((p) => p.name !== COMMITMENTS_PART), { name: "docProps/custom.xml", localName: COMMITMENTS_PART, data: huge }]),
    // A second name in a Unicode Path extra field, which JSZip prefers to the listed one.
    "unicode-path.xlsx": edited(form, (parts) => [...parts.filter((p) => p.name !== COMMITMENTS_PART), { name: "docProps/custom.xml", extra: unicodePath(COMMITMENTS_PART), data: huge }]),
    // Bytes before the archive, with offsets that only work if a reader shifts them (JSZip does).
    "prepended.xlsx": edited(form, (parts) => parts, { prepend: zip([{ name: COMMITMENTS_PART, data: huge }]).subarray(0, 2000) }),
    // A local entry no directory record lists, hidden between two listed ones.
    "hidden-entry.xlsx": edited(form, (parts) => parts.map((p, i) => (i === 0 ? { ...p, hiddenAfter: zip([{ name: COMMITMENTS_PART, data: huge }]).subarray(0, 4000) } : p))),
    // Two directory records for one set of bytes (the way a quine-like bomb multiplies one part).
    "overlap.xlsx": edited(form, (parts) => [...parts, { ...(parts.find((p) => p.name === COMMITMENTS_PART) as ZipPart), sameBytesAs: COMMITMENTS_PART }]),
    // A part that is also a folder.
    "folder-and-file.xlsx": edited(form, (parts) => [...parts, { name: `${COMMITMENTS_PART}/`, data: new Uint8Array(0), stored: true }]),
    // A "." folder, which JSZip drops, so "xl/./worksheets/sheet2.xml" is the commitments sheet to it.
    "dot-folder.xlsx": edited(form, (parts) => [...parts.filter((p) => p.name !== COMMITMENTS_PART), { name: "xl/./worksheets/sheet2.xml", data: huge }]),
    // Zip-level password flag on one part.
    "zip-password.xlsx": edited(form, (parts) => parts.map((p) => (p.name === COMMITMENTS_PART ? { ...p, flags: 1 } : p))),
    // A small file using the 64-bit extension's field: it does not unpack to gigabytes.
    "zip64-small.xlsx": edited(form, (parts) => parts.map((p) => (p.name === COMMITMENTS_PART ? { ...p, extra: zip64Field() } : p))),
  };
}

/**
 * Files within the size limits that would cost ExcelJS seconds and hundreds of MB, and what
 * each should come to: `form` and `table` say whether the form reader and the measure-table
 * reader should read it ("read") or refuse it (a pattern of the sentence).
 */
export function costlyFiles(form: Uint8Array): Record<string, { bytes: Uint8Array; form: "read" | RegExp; table: "read" | RegExp }> {
  const many = /more than 250,000 cells, rows, strings and formats/;
  const nearLimit = wideSheetXml(99_000, 1);
  const sheets = Array.from({ length: 4 }, (_, i) => ({ name: `Workings ${i + 1}`, xml: nearLimit }));
  const sst = ['<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'];
  for (let i = 0; i < 1_000_000; i++) sst.push("<si><t>x</t></si>");
  sst.push("</sst>");
  const styles = ['<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>'];
  for (let i = 0; i < 300_000; i++) styles.push('<xf numFmtId="0" fontId="0"/>');
  styles.push("</cellXfs></styleSheet>");
  const sheet = partText(unzip(form), COMMITMENTS_PART);
  const deep = sheet.replace("</worksheet>", `<extLst>${"<x>".repeat(100_000)}${"</x>".repeat(100_000)}</extLst></worksheet>`);
  const laughs = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>';
  return {
    "several-near-limit-sheets.xlsx": { bytes: withExtraSheets(form, sheets), form: "read", table: many },
    "millions-of-cells.xlsx": { bytes: withParts(form, { [COMMITMENTS_PART]: wideSheetXml(99_000, 30) }), form: /more than 30 MB of sheet content/, table: /more than 30 MB of sheet content/ },
    "many-shared-strings.xlsx": { bytes: withParts(form, { "xl/sharedStrings.xml": sst.join("") }), form: many, table: many },
    "huge-styles.xlsx": { bytes: withParts(form, { "xl/styles.xml": styles.join("") }), form: many, table: many },
    "deeply-nested.xlsx": { bytes: withParts(form, { [COMMITMENTS_PART]: deep }), form: /nested more than 64 levels deep/, table: /nested more than 64 levels deep/ },
    "entity-expansion.xlsx": { bytes: withParts(form, { "xl/sharedStrings.xml": laughs }), form: /document type declaration/, table: /document type declaration/ },
    ...unclosedMarkup(form),
  };
}

/**
 * Small files (about 15 KB) of markup that never closes, where each tag scanned to the end of
 * its part would make reading quadratic (tens of seconds): start tags with no ">", elements the
 * reader strips with no end tag, and a run of 60,000 digits a number pattern could split many
 * ways. Each must be read or refused in one pass.
 */
function unclosedMarkup(form: Uint8Array): Record<string, { bytes: Uint8Array; form: "read" | RegExp; table: "read" | RegExp }> {
  const parts = unzip(form);
  const workbook = partText(parts, "xl/workbook.xml");
  const sheet = partText(parts, COMMITMENTS_PART);
  const deep = /nested more than 64 levels deep/;
  const damaged = /damaged and cannot be opened/;
  const digits = sheet.replace(/(<row [^>]*>)/, `$1<c r="Z1"><v>${"1".repeat(60_000)}x</v></c>`);
  return {
    "unclosed-sheet-tags.xlsx": { bytes: withParts(form, { "xl/workbook.xml": workbook.replace("</sheets>", `${"<sheet ".repeat(40_000)}</sheets>`) }), form: deep, table: deep },
    "unclosed-merge-cells.xlsx": { bytes: withParts(form, { [COMMITMENTS_PART]: sheet.replace("</sheetData>", `</sheetData>${"<mergeCells></x>".repeat(60_000)}`) }), form: damaged, table: damaged },
    "unclosed-relationships.xlsx": { bytes: withParts(form, { "xl/worksheets/_rels/sheet2.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${"<Relationship></x>".repeat(60_000)}</Relationships>` }), form: "read", table: "read" },
    "long-digit-run.xlsx": { bytes: withParts(form, { [COMMITMENTS_PART]: digits }), form: "read", table: "read" },
  };
}

/**
 * Files whose markup ExcelJS reads otherwise than Excel (issue #17, found after the first
 * corpus): rows and cells placed twice or past Excel's grid, a column entry a billion wide,
 * workbook names over whole sheets (ExcelJS expands each cell), a number format of millions of
 * characters, and text in CDATA, under a namespace prefix or in UTF-16, which ExcelJS dropped.
 * Each must be read right or refused with a sentence, within the same time and memory.
 */
export function misplacedMarkup(form: Uint8Array): Record<string, { bytes: Uint8Array; form: "read" | RegExp; table: "read" | RegExp }> {
  const parts = unzip(form);
  const sheet = partText(parts, COMMITMENTS_PART);
  const workbook = partText(parts, "xl/workbook.xml");
  const styles = partText(parts, "xl/styles.xml");
  const strings = partText(parts, "xl/sharedStrings.xml");
  const firstRow = /<row r="2"[^>]*>.*?<\/row>/.exec(sheet)?.[0] ?? "";
  const damaged = (what: RegExp): { form: RegExp; table: RegExp } => ({ form: what, table: what });
  const name = (body: string): string => workbook.replace("</definedNames>", `<definedName name="Everything">${body}</definedName></definedNames>`);
  const xfs = Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1] ?? "0");
  const numFmt = `<numFmt numFmtId="390" formatCode="0${",".repeat(3_000_000)}%"/>`;
  const longFormat = (styles.includes("<numFmts") ? styles.replace(/<numFmts count="(\d+)">/, (_, n: string) => `<numFmts count="${Number(n) + 1}">${numFmt}`) : styles.replace("<fonts", `<numFmts count="1">${numFmt}</numFmts><fonts`))
    .replace(/<cellXfs count="\d+">(.*?)<\/cellXfs>/, (_, xf: string) => `<cellXfs count="${xfs + 1}">${xf}<xf numFmtId="390" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>`);
  const utf16 = (textPart: string): Uint8Array => {
    const out = new Uint8Array(2 + textPart.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < textPart.length; i++) {
      out[2 + i * 2] = textPart.charCodeAt(i) & 0xff;
      out[3 + i * 2] = textPart.charCodeAt(i) >> 8;
    }
    return out;
  };
  return {
    "duplicate-row.xlsx": { bytes: withParts(form, { [COMMITMENTS_PART]: sheet.replace("</sheetData>", '<row r="2"><c r="G2"><v>999</v></c></row></sheetData>') }), ...damaged(/has two rows numbered 2/) },
    "duplicate-cell.xlsx": { bytes: withParts(form, { [COMMITMENTS_PART]: sheet.replace(firstRow, firstRow.replace("</row>", '<c r="A2"><v>7</v></c></row>')) }), ...damaged(/has two values for one cell \(A2 on row 2\)/) },
    "row-past-the-grid.xlsx": { bytes: withParts(form, { [COMMITMENTS_PART]: sheet.replace("</sheetData>", '<row r="2000000000"><c r="F2000000000"><v>7</v></c></row></sheetData>') }), ...damaged(/beyond Excel's 1,048,576 rows/) },
    "column-entry-a-billion-wide.xlsx": { bytes: withParts(form, { [COMMITMENTS_PART]: sheet.replace("<cols>", '<cols><col min="10" max="1000000000" width="9"/>') }), ...damaged(/beyond Excel's 16,384 columns/) },
    "name-over-whole-sheet.xlsx": { bytes: withParts(form, { "xl/workbook.xml": name("Commitments!$A$1:$XFD$1048576,Commitments!$A$1:$Z$400000") }), form: "read", table: "read" },
    "name-of-many-cells.xlsx": { bytes: withParts(form, { "xl/workbook.xml": name(Array.from({ length: 500_000 }, (_, i) => `Commitments!$A$${i + 1}`).join(",")) }), form: "read", table: "read" },
    "format-of-millions.xlsx": { bytes: withParts(form, { "xl/styles.xml": longFormat, [COMMITMENTS_PART]: sheet.replace(/<c r="F2"[^>]*?(\/>|>.*?<\/c>)/, `<c r="F2" s="${xfs}"><v>0.4</v></c>`) }), ...damaged(/number formats more than 100,000 characters long in all/) },
    // 2.5 million escapes in formats (5 MB): rewriting each for ExcelJS took 20 s.
    "format-of-escapes.xlsx": { bytes: withParts(form, { "xl/styles.xml": longFormat.replace(/formatCode="0,+%"/, `formatCode="0${"\\%".repeat(2_500_000)}"`) }), ...damaged(/number formats more than 100,000 characters long in all/) },
    // 300 small sheets each with one value in column XFD: ExcelJS makes 16,384 column objects for each (over 15 s).
    "many-sheets-to-xfd.xlsx": {
      bytes: withExtraSheets(form, Array.from({ length: 300 }, (_, i) => ({ name: `Wide ${i + 1}`, xml: text(`${SHEET_HEAD}<sheetData><row r="1"><c r="XFD1"><v>1</v></c></row></sheetData></worksheet>`) }))),
      form: "read",
      table: /sheets reaching far to the right \(more than 300,000 columns in all/,
    },
    "cdata-strings.xlsx": { bytes: withParts(form, { "xl/sharedStrings.xml": strings.replace(/<t>([^<]*)<\/t>/g, "<t><![CDATA[$1]]></t>") }), form: "read", table: "read" },
    "prefixed-sheet.xlsx": {
      bytes: withParts(form, { [COMMITMENTS_PART]: sheet.replace(/<(\/?)([A-Za-z])/g, "<$1x:$2").replace("<x:worksheet ", '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ') }),
      form: "read",
      table: "read",
    },
    "utf16-strings.xlsx": { bytes: withParts(form, { "xl/sharedStrings.xml": utf16(strings.replace('encoding="UTF-8"', 'encoding="UTF-16"')) }), form: "read", table: "read" },
    "latin1-strings.xlsx": { bytes: withParts(form, { "xl/sharedStrings.xml": strings.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"') }), ...damaged(/written in the character encoding “ISO-8859-1”/) },
  };
}
