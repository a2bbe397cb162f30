/**
 * Reading a zip package's table of contents without unpacking it, and unpacking one entry with
 * a hard cap. An .xlsx is a zip (ECMA-376 Part 2, Open Packaging Conventions); the zip layout
 * followed here is PKWARE's APPNOTE.TXT (sections 4.3.7 local header, 4.3.12 central directory
 * header, 4.3.16 end of central directory record).
 *
 * Why by hand: ExcelJS hands the whole package to JSZip, which inflates every part into memory
 * before anything can be checked. A 50 KB "zip bomb" can declare — or hide — gigabytes. Reading
 * the central directory first lets us refuse on the declared sizes and entry count, and inflating
 * parts ourselves, stopping at the declared size, catches a file that lies about them. JSZip
 * also reads names from the local headers (and from Unicode Path extra fields), shifts offsets
 * when bytes precede the archive, and keeps the last of two parts with one name: so this reading
 * is strict, and ExcelJS is only ever given a package written anew by {@link writeZip} from the
 * parts read here (see fileGuards' checkPackageContents).
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else we cannot read. */
  method: number;
  /** Bit 0: the entry is encrypted (zip-level password); bit 3: sizes follow the data. */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's data starts, past its local header (checked against the central directory). */
  dataOffset: number;
  /** A directory entry (name ending in "/"): holds nothing. */
  directory: boolean;
}

/**
 * Why a package cannot be read. "ambiguous": the package could be read in two ways (two parts
 * with one name, a name that differs between the two tables, hidden bytes), so what a check
 * sees might not be what a parser sees; `detail` says which, as a phrase for the evaluator.
 */
export type ZipProblem = "not-a-zip" | "truncated" | "zip64" | "ambiguous";
export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem; detail?: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
/** Extra field ids (APPNOTE 4.5.3 zip64, 4.6.9 Info-ZIP Unicode Path). */
const ZIP64_EXTRA = 0x0001;
const UNICODE_PATH_EXTRA = 0x7075;
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

type Bad = { ok: false; problem: ZipProblem; detail?: string };
const ambiguous = (detail: string): Bad => ({ ok: false, problem: "ambiguous", detail });

/** The ids of an extra-field block, or undefined when its lengths run past it. */
function extraIds(bytes: Uint8Array, start: number, length: number): number[] | undefined {
  const ids: number[] = [];
  let at = start;
  while (at < start + length) {
    if (at + 4 > start + length) return undefined;
    ids.push(u16(bytes, at));
    at += 4 + u16(bytes, at + 2);
  }
  return at === start + length ? ids : undefined;
}

function extraProblem(ids: number[] | undefined): Bad | undefined {
  if (!ids) return { ok: false, problem: "truncated" };
  if (ids.includes(ZIP64_EXTRA)) return { ok: false, problem: "zip64" };
  // JSZip takes a part's name from this field when present: a second name a check would not see.
  if (ids.includes(UNICODE_PATH_EXTRA)) return ambiguous("a part carries a second, hidden name");
  return undefined;
}

/**
 * Why a part name is not in the one plain form Excel writes (ECMA-376 Part 2, 6.2.2: segments
 * joined by "/", no empty, "." or ".." segment), or undefined. Readers differ on such names:
 * JSZip drops "." and "..", ExcelJS drops a leading "/", so they could reach a part a check
 * looked for under another name.
 */
function nameProblem(name: string): string | undefined {
  const shown = `“${name.slice(0, 80)}”`;
  if (name === "") return "a part has no name";
  if ([...name].some((ch) => ch < " " || ch === "\u007f" || ch === "\\")) return `a part name (${shown}) has a backslash or a control character`;
  const segments = (name.endsWith("/") ? name.slice(0, -1) : name).split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return `a part name (${shown}) has an empty, "." or ".." folder`;
  return undefined;
}

/** The name two readers could take for the same part: case and Unicode forms folded (OPC compares names without case). */
const nameKey = (name: string): string => name.replace(/\/$/, "").normalize("NFKC").toLowerCase();

/** The first problem with the names: one name twice, or a name that is both a file and a folder. */
function namesProblem(entries: readonly ZipEntry[]): Bad | undefined {
  const files = new Map<string, string>();
  const folders = new Set<string>();
  for (const e of entries) {
    const problem = nameProblem(e.name);
    if (problem) return ambiguous(problem);
    const key = nameKey(e.name);
    if (e.directory ? folders.has(key) : files.has(key)) return ambiguous(`two parts are named “${e.name}”${files.get(key) === e.name ? "" : ` (or differ only in case)`}`);
    if (e.directory ? files.has(key) : folders.has(key)) return ambiguous(`“${e.name.replace(/\/$/, "")}” is both a part and a folder`);
    if (e.directory) folders.add(key);
    else files.set(key, e.name);
  }
  for (const [key, shown] of files) {
    const parts = key.split("/");
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join("/");
      if (files.has(folder)) return ambiguous(`“${files.get(folder) ?? folder}” is both a part and the folder of “${shown}”`);
    }
  }
  return undefined;
}

/**
 * Checks an entry's local header against its central directory record: the same name, method
 * and encryption flag, and the same sizes unless they follow the data (flag bit 3). JSZip names
 * a part by its local header, while a check reads the central directory: they must agree.
 * Returns where the data starts, or a problem.
 */
function checkLocal(bytes: Uint8Array, entry: Omit<ZipEntry, "dataOffset">, rawName: Uint8Array): number | Bad {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) return { ok: false, problem: "truncated" };
  const flags = u16(bytes, at + 6);
  const nameLength = u16(bytes, at + 26);
  const extraLength = u16(bytes, at + 28);
  const start = at + 30 + nameLength + extraLength;
  if (start > bytes.length) return { ok: false, problem: "truncated" };
  const localName = bytes.subarray(at + 30, at + 30 + nameLength);
  const sameName = localName.length === rawName.length && localName.every((b, i) => b === rawName[i]);
  if (!sameName || (flags & 0x801) !== (entry.flags & 0x801)) return ambiguous(`the part “${entry.name.slice(0, 80)}” has another name or flags in its own header`);
  if (u16(bytes, at + 8) !== entry.method) return ambiguous(`the part “${entry.name.slice(0, 80)}” has another compression method in its own header`);
  const sizes = [u32(bytes, at + 14), u32(bytes, at + 18), u32(bytes, at + 22)];
  const declared = [entry.crc32, entry.compressedSize, entry.uncompressedSize];
  const agree = sizes.every((v, i) => v === declared[i]) || ((flags & 0x8) !== 0 && sizes.every((v) => v === 0));
  if (sizes.some((v) => v === 0xffffffff)) return { ok: false, problem: "zip64" };
  if (!agree) return ambiguous(`the part “${entry.name.slice(0, 80)}” declares other sizes in its own header`);
  const problem = extraProblem(extraIds(bytes, at + 30 + nameLength, extraLength));
  return problem ?? start;
}

/**
 * Bytes between one entry's data and the next header: none, or the data descriptor that
 * flag bit 3 announces (crc and sizes, with or without its signature; APPNOTE 4.3.9).
 */
function isDescriptorGap(bytes: Uint8Array, entry: ZipEntry, gap: number): boolean {
  if (gap === 0) return true;
  if ((entry.flags & 0x8) === 0) return false;
  const at = entry.dataOffset + entry.compressedSize;
  return gap === 12 || (gap === 16 && u32(bytes, at) === DESCRIPTOR_SIGNATURE);
}

/**
 * The package's entries as its central directory declares them, read strictly: the one end
 * record at the very end, the central directory right before it, every local header agreeing
 * with its central record, the parts laid end to end from the first byte with nothing hidden
 * between or overlapping, and every name in one plain form, none twice. "truncated" when a
 * record lies outside the file (a download cut short); "zip64" when the file uses the 64-bit
 * extension (or its size markers), which only packages over 4 GB or 65,535 parts need;
 * "ambiguous" for anything two readers could read differently.
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
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || (end >= 20 && u32(bytes, end - 20) === ZIP64_LOCATOR_SIGNATURE)) return { ok: false, problem: "zip64" };
  if (offset + size > end) return { ok: false, problem: "truncated" };
  if (end + 22 + u16(bytes, end + 20) !== bytes.length) return ambiguous("there are bytes after the end of the archive");
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0 || u16(bytes, end + 8) !== count) return ambiguous("it claims to be one part of a split archive");
  // JSZip shifts every offset when the directory ends before this record (data prepended to the archive).
  if (offset + size !== end) return ambiguous("there are bytes between the archive's table of contents and its end");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL_SIGNATURE) return { ok: false, problem: "truncated" };
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength + extraLength + commentLength > end) return { ok: false, problem: "truncated" };
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8. Otherwise code page 437, which JSZip would read as UTF-8: only
    // plain ASCII reads the same both ways.
    if (!(flags & 0x800) && rawName.some((b) => b >= 0x80)) return ambiguous("a part name is in an unknown character encoding");
    const name = (flags & 0x800 ? utf8 : latin1).decode(rawName);
    const compressedSize = u32(bytes, at + 20);
    const uncompressedSize = u32(bytes, at + 24);
    const localHeaderOffset = u32(bytes, at + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) return { ok: false, problem: "zip64" };
    const extra = extraProblem(extraIds(bytes, at + 46 + nameLength, extraLength));
    if (extra) return extra;
    const record = { name, method: u16(bytes, at + 10), flags, crc32: u32(bytes, at + 16), compressedSize, uncompressedSize, localHeaderOffset, directory: name.endsWith("/") };
    if (record.directory && uncompressedSize !== 0) return ambiguous(`the folder “${name.slice(0, 80)}” holds data`);
    const dataOffset = checkLocal(bytes, record, rawName);
    if (typeof dataOffset !== "number") return dataOffset;
    entries.push({ ...record, dataOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (at !== end) return ambiguous("its table of contents lists fewer parts than it holds");
  const laidOut = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let expected = 0;
  let previous: ZipEntry | undefined;
  for (const e of laidOut) {
    if (e.localHeaderOffset < expected) return ambiguous(`parts overlap (“${e.name.slice(0, 80)}” starts inside another part)`);
    if (e.localHeaderOffset > expected && !(previous && isDescriptorGap(bytes, previous, e.localHeaderOffset - expected))) {
      return ambiguous(previous ? `there are hidden bytes before the part “${e.name.slice(0, 80)}”` : "there are bytes before its first part");
    }
    expected = e.dataOffset + e.compressedSize;
    if (expected > offset) return { ok: false, problem: "truncated" };
    previous = e;
  }
  if (expected < offset && !(previous && isDescriptorGap(bytes, previous, offset - expected))) return ambiguous("there are hidden bytes after its last part");
  return namesProblem(entries) ?? { ok: true, entries };
}

/** An entry's compressed bytes, or undefined when its local header is missing or cut short. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const start = entry.dataOffset;
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

/** Chunks (as inflateEntry hands them over) as one array of bytes. */
export function joinedChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A package path resolved from the folder of the part that names it ("../tables/table1.xml" from xl/worksheets). */
export function resolvePartPath(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").filter((p) => p !== "");
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== "." && step !== "") parts.push(step);
  }
  return parts.join("/");
}

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
