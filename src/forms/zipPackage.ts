/**
 * Reading a zip package's table of contents without unpacking it, and unpacking one entry with
 * a hard cap. An .xlsx is a zip (ECMA-376 Part 2, Open Packaging Conventions); the zip layout
 * followed here is PKWARE's APPNOTE.TXT (sections 4.3.7 local header, 4.3.12 central directory
 * header, 4.3.16 end of central directory record).
 *
 * Why by hand: ExcelJS hands the whole package to JSZip, which inflates every part into memory
 * before anything can be checked. A 50 KB "zip bomb" can declare — or hide — gigabytes. Reading
 * the central directory first lets us refuse on the declared sizes and entry count, and inflating
 * worksheet parts ourselves, stopping at the declared size, catches a file that lies about them.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else we cannot read. */
  method: number;
  /** Bit 0: the entry is encrypted (zip-level password). */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; problem: "not-a-zip" | "truncated" | "zip64" };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const EOCD_SEARCH = 22 + 0xffff;

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0;
}

export function startsWithZipSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === LOCAL_SIGNATURE;
}

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");

/**
 * The package's entries as its central directory declares them. "truncated" when the end
 * record or a directory entry lies outside the file (a download cut short); "zip64" when the
 * file uses the 64-bit extension, which only packages over 4 GB or 65,535 parts need — never a
 * response form, so the caller refuses it as over-expanded.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  if (!startsWithZipSignature(bytes)) return { ok: false, problem: "not-a-zip" };
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - EOCD_SEARCH); at--) {
    if (u32(bytes, at) === EOCD_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) return { ok: false, problem: "truncated" };
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return { ok: false, problem: "zip64" };
  if (offset + size > end) return { ok: false, problem: "truncated" };
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL_SIGNATURE) return { ok: false, problem: "truncated" };
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > end) return { ok: false, problem: "truncated" };
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise code page 437, read as Latin-1 (part names are ASCII).
    const name = (flags & 0x800 ? utf8 : latin1).decode(rawName);
    const compressedSize = u32(bytes, at + 20);
    const uncompressedSize = u32(bytes, at + 24);
    const localHeaderOffset = u32(bytes, at + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) return { ok: false, problem: "zip64" };
    entries.push({ name, method: u16(bytes, at + 10), flags, crc32: u32(bytes, at + 16), compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** An entry's compressed bytes, or undefined when its local header is missing or cut short. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) return undefined;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const stop = start + entry.compressedSize;
  return stop <= bytes.length ? bytes.subarray(start, stop) : undefined;
}

export type Inflated =
  | { ok: true }
  | { ok: false; problem: "truncated" | "corrupt" | "larger-than-declared" | "unsupported"; detail?: string };

/**
 * Unpacks one entry chunk by chunk into `sink`, stopping as soon as it yields more than the
 * entry declares (a lying header: the rest is never inflated) or `sink` returns false (the caller
 * has seen enough). Uses the platform's DecompressionStream ("deflate-raw": Node 20.12+, Chromium
 * 103+, the engine of Excel's task pane on Windows and the web, Safari 16.4+).
 */
export async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, sink: (chunk: Uint8Array) => boolean): Promise<Inflated> {
  const data = entryData(bytes, entry);
  if (!data) return { ok: false, problem: "truncated" };
  if (entry.method === 0) {
    if (data.length > entry.uncompressedSize) return { ok: false, problem: "larger-than-declared" };
    sink(data);
    return { ok: true };
  }
  if (entry.method !== 8) return { ok: false, problem: "unsupported", detail: `compression method ${entry.method}` };
  if (typeof DecompressionStream !== "function") return { ok: false, problem: "unsupported", detail: "this browser cannot unpack zip data" };
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  // The write settles only once the data is read; its failure is reported by the reader below.
  writer.write(data.slice()).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { ok: true };
      total += value.length;
      if (total > entry.uncompressedSize) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, problem: "larger-than-declared" };
      }
      if (!sink(value)) {
        await reader.cancel().catch(() => undefined);
        return { ok: true };
      }
    }
  } catch (error) {
    return { ok: false, problem: "corrupt", detail: error instanceof Error ? error.message : String(error) };
  }
}

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (the IEEE polynomial zip uses). */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = (CRC_TABLE[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** One part to write: either an original entry's compressed bytes as they were, or new bytes stored uncompressed. */
export type PartToWrite = { entry: ZipEntry; raw: Uint8Array } | { name: string; stored: Uint8Array };

/**
 * A zip package of these parts, without data descriptors or extra fields. Original entries keep
 * their compressed bytes (nothing is inflated again); replaced parts are stored uncompressed,
 * which ExcelJS reads as readily.
 */
export function writeZip(parts: readonly PartToWrite[]): Uint8Array {
  const encoder = new TextEncoder();
  const rows = parts.map((part) => {
    if ("entry" in part) {
      const e = part.entry;
      return { name: encoder.encode(e.name), method: e.method, crc: e.crc32, size: e.uncompressedSize, data: part.raw };
    }
    return { name: encoder.encode(part.name), method: 0, crc: crc32(part.stored), size: part.stored.length, data: part.stored };
  });
  const localSize = rows.reduce((n, r) => n + 30 + r.name.length + r.data.length, 0);
  const centralSize = rows.reduce((n, r) => n + 46 + r.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const r of rows) {
    offsets.push(at);
    view.setUint32(at, LOCAL_SIGNATURE, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 0x800, true); // names are UTF-8
    view.setUint16(at + 8, r.method, true);
    view.setUint32(at + 14, r.crc, true);
    view.setUint32(at + 18, r.data.length, true);
    view.setUint32(at + 22, r.size, true);
    view.setUint16(at + 26, r.name.length, true);
    out.set(r.name, at + 30);
    out.set(r.data, at + 30 + r.name.length);
    at += 30 + r.name.length + r.data.length;
  }
  const centralStart = at;
  rows.forEach((r, i) => {
    view.setUint32(at, CENTRAL_SIGNATURE, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x800, true);
    view.setUint16(at + 10, r.method, true);
    view.setUint32(at + 16, r.crc, true);
    view.setUint32(at + 20, r.data.length, true);
    view.setUint32(at + 24, r.size, true);
    view.setUint16(at + 28, r.name.length, true);
    view.setUint32(at + 42, offsets[i] as number, true);
    out.set(r.name, at + 46);
    at += 46 + r.name.length;
  });
  view.setUint32(at, EOCD_SIGNATURE, true);
  view.setUint16(at + 8, rows.length, true);
  view.setUint16(at + 10, rows.length, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
