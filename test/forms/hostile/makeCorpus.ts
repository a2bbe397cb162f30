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
export function zip(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = enc.encode(part.name);
    const body = part.stored ? part.data : new Uint8Array(deflateRawSync(part.data));
    const size = part.declaredSize ?? part.data.length;
    const crc = part.data.length > 5_000_000 ? 0 : crc32(part.data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, part.stored ? 0 : 8, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    const head = new DataView(new ArrayBuffer(46));
    head.setUint32(0, 0x02014b50, true);
    head.setUint16(4, 20, true);
    head.setUint16(6, 20, true);
    head.setUint16(10, part.stored ? 0 : 8, true);
    head.setUint32(16, crc, true);
    head.setUint32(20, body.length, true);
    head.setUint32(24, size, true);
    head.setUint16(28, name.length, true);
    head.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, body);
    central.push(new Uint8Array(head.buffer), name);
    offset += 30 + name.length + body.length;
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
  return directory.entries.map((e) => {
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
