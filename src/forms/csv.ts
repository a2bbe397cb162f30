/**
 * CSV as councils' systems and Excel write it (RFC 4180: quoted fields, doubled quotes, line
 * breaks inside quotes), with what Excel adds in practice: a UTF-8 byte-order mark, CRLF line
 * ends, and a semicolon delimiter where the computer's list separator is one (Excel in
 * locales with a decimal comma) or a tab for "Text (Tab delimited)". The fields are split by
 * papaparse; what is ours is the choice of delimiter, the text encoding, and refusing a file
 * whose quotes would make rows vanish.
 */
import { parse } from "papaparse";
import { MAX_TEXT_LENGTH } from "../core";
import { MAX_SHEET_ROWS } from "./fileGuards";
import type { Grid } from "./types";

const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Lines read whole to choose the delimiter: the header is among them (the header search looks as far). */
const HEAD_LINES = 20;
/** Further lines sampled evenly through the rest of the file. */
const SAMPLE_LINES = 200;

/** How often `delimiter` occurs outside quotes on one line (quotes are assumed to close on the line). */
function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) n++;
  }
  return n;
}

/** Longest stretch of one line looked at when choosing the delimiter. */
const SAMPLE_LINE_CHARS = 64 * 1024;

/** The line of `text` (line ends LF only) that starts at `start`, cut to {@link SAMPLE_LINE_CHARS}. */
function lineAt(text: string, start: number): string {
  const end = text.indexOf("\n", start);
  return text.slice(start, Math.min(end === -1 ? text.length : end, start + SAMPLE_LINE_CHARS));
}

/**
 * The first lines and lines starting at points spread evenly through the rest, blank lines left
 * out. Found by position, not by splitting the file, so a file of millions of lines costs no more.
 */
function sampleLines(text: string): string[] {
  const lines: string[] = [];
  let at = 0;
  for (let n = 0; n < HEAD_LINES && at < text.length; n++) {
    lines.push(lineAt(text, at));
    const end = text.indexOf("\n", at);
    at = end === -1 ? text.length : end + 1;
  }
  const rest = text.length - at;
  for (let k = 0; k < SAMPLE_LINES && rest > 0; k++) {
    const from = at + Math.floor((rest * k) / SAMPLE_LINES);
    const start = k === 0 ? from : text.indexOf("\n", from) + 1;
    if (start > 0 && start < text.length) lines.push(lineAt(text, start));
  }
  return lines.filter((line) => line.trim() !== "");
}

/** One kind of line end (LF), so a file whose lines end in a mix of CRLF, LF and CR splits on all. */
const oneLineEnd = (text: string): string => (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);

/**
 * The delimiter that splits the most sampled lines into the same number of fields: the header
 * and rows sampled through the whole file, so a title full of semicolons, or a run of
 * descriptions full of commas at the top, does not decide alone. Ties go to the delimiter giving
 * more fields. A comma when none appears (a one-column file).
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = sampleLines(oneLineEnd(text));
  let best: { delimiter: Delimiter; agree: number; fields: number } = { delimiter: ",", agree: 0, fields: 0 };
  for (const delimiter of DELIMITERS) {
    const tally = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, delimiter);
      if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1);
    }
    for (const [fields, agree] of tally) {
      if (agree > best.agree || (agree === best.agree && fields > best.fields)) best = { delimiter, agree, fields };
    }
  }
  return best.delimiter;
}

/**
 * Most values one CSV may hold: 2,000,000. A council's measure table has a few thousand (a few
 * hundred rows of a dozen columns); a 10 MB file of nothing but delimiters holds ten million,
 * which papaparse takes seconds and hundreds of MB to split.
 */
export const MAX_CSV_VALUES = 2_000_000;

/**
 * Rows and values counted in one pass before papaparse splits anything, so an oversized file is
 * refused cheaply. Quotes are followed as papaparse reads them, or the count would not be of the
 * rows it makes: a quote opens a quoted value only at the start of a field (`12" pipe` is plain
 * text), and closes it only when followed by a delimiter, a line break or the end of the text,
 * spaces allowed before them; a doubled quote inside is one quote, and any other quote is text.
 */
function countCsv(text: string, delimiter: Delimiter): { rows: number; values: number } {
  const d = delimiter.charCodeAt(0);
  let rows = 0;
  let values = 0;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== 0x22) continue;
      if (text.charCodeAt(i + 1) === 0x22) {
        i++;
        continue;
      }
      if (i === text.length - 1) {
        quoted = false;
        continue;
      }
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== d && text.charCodeAt(j) !== 0x0a && /\s/.test(text[j] as string)) j++;
      const next = text.charCodeAt(j);
      if (next === d || next === 0x0a) {
        quoted = false;
        i = j - 1;
      }
    } else if (c === d || c === 0x0a) {
      values++;
      if (c === 0x0a) rows++;
      fieldStart = true;
    } else {
      quoted = c === 0x22 && fieldStart;
      fieldStart = false;
    }
  }
  // A last line without a line break, or a quote left open (papaparse reads on to the end).
  if (text.length > 0 && (quoted || !text.endsWith("\n"))) {
    rows++;
    values++;
  }
  return { rows, values };
}

/** Rows and values papaparse made, counted as {@link countCsv} counts them. */
function sizeOf(rows: readonly string[][]): { rows: number; values: number } {
  let values = 0;
  for (const row of rows) values += row.length;
  return { rows: rows.length, values };
}

const over = (size: { rows: number; values: number }, limits: { rows: number; values: number }): boolean => size.rows > limits.rows || size.values > limits.values;

export interface QuoteProblem {
  /** 1-based line of the file where the faulty quoted value starts. */
  line: number;
  /** A quote never closed, or a quoted value with more text after its closing quote. */
  kind: "unclosed" | "text-after-quote";
}

export interface ParsedCsv {
  rows: string[][];
  delimiter: Delimiter;
  /** Set when quotes make the rows after a line impossible to tell apart. */
  quoteProblem?: QuoteProblem;
  /** Set, with no rows read, when the file holds more rows or values than the limits given. */
  tooLarge?: { rows: number; values: number };
}

/**
 * The rows of a CSV text; a blank line is a row of one empty field, a final line break adds no
 * row. With `limits`, a file over them is counted but not split.
 */
export function parseCsv(text: string, limits?: { rows: number; values: number }): ParsedCsv {
  // Inside quotes this turns CRLF into LF, as Excel keeps line breaks in cells.
  const source = oneLineEnd(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const delimiter = detectDelimiter(source);
  if (source === "") return { rows: [], delimiter };
  if (limits) {
    const size = countCsv(source, delimiter);
    if (over(size, limits)) return { rows: [], delimiter, tooLarge: size };
  }
  const result = parse<string[]>(source, { delimiter, newline: "\n", quoteChar: '"', escapeChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false });
  const rows = result.data;
  const last = rows[rows.length - 1];
  if (source.endsWith("\n") && last && last.length === 1 && last[0] === "") rows.pop();
  // Should the count above ever differ from papaparse's splitting, the limits still hold.
  if (limits) {
    const size = sizeOf(rows);
    if (over(size, limits)) return { rows: [], delimiter, tooLarge: size };
  }
  const error = result.errors.find((e) => e.type === "Quotes");
  if (!error) return { rows, delimiter };
  // papaparse gives the position just after the opening quote.
  const at = Math.max(0, (error.index ?? 0) - 1);
  let line = 1;
  for (let i = source.indexOf("\n"); i !== -1 && i < at; i = source.indexOf("\n", i + 1)) line++;
  return { rows, delimiter, quoteProblem: { line, kind: error.code === "MissingQuotes" ? "unclosed" : "text-after-quote" } };
}

/** Whether the byte at `i` lies in lo..hi (a UTF-8 continuation byte by default). */
function continues(bytes: Uint8Array, i: number, lo = 0x80, hi = 0xbf): boolean {
  const c = bytes[i];
  return c !== undefined && c >= lo && c <= hi;
}

/**
 * Length of the well-formed multi-byte UTF-8 sequence starting at `i` (RFC 3629 table 3-7: no
 * overlong forms, no surrogates, nothing above U+10FFFF); 0 when the byte there starts none.
 */
function utf8Length(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b >= 0xc2 && b <= 0xdf) return continues(bytes, i + 1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const ok = b === 0xe0 ? continues(bytes, i + 1, 0xa0) : b === 0xed ? continues(bytes, i + 1, 0x80, 0x9f) : continues(bytes, i + 1);
    return ok && continues(bytes, i + 2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const ok = b === 0xf0 ? continues(bytes, i + 1, 0x90) : b === 0xf4 ? continues(bytes, i + 1, 0x80, 0x8f) : continues(bytes, i + 1);
    return ok && continues(bytes, i + 2) && continues(bytes, i + 3) ? 4 : 0;
  }
  return 0;
}

/** Lines listed by number in a note at most. */
const LINES_NAMED = 5;

function linesList(lines: readonly number[]): string {
  const named = lines.slice(0, LINES_NAMED);
  const list = named.length === 1 ? `${named[0]}` : `${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}`;
  return lines.length > LINES_NAMED ? `${named.join(", ")} and ${(lines.length - LINES_NAMED).toLocaleString("en-GB")} more` : list;
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (WHATWG Encoding, index-windows-1252); every other
 * byte is the Unicode character of the same number. Our own table, as Node's TextDecoder reads
 * these bytes as Latin-1 control characters where browsers give ’, – and €.
 */
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

export interface DecodedCsv {
  text: string;
  /** Said when the bytes were not one encoding throughout. */
  notes: string[];
}

/**
 * The text of a CSV file: UTF-8 (with or without its mark), else Windows-1252 as older Excel saves
 * it. A file that is both — UTF-8 with lines in Windows-1252, as when an older export is pasted
 * onto a newer one — has each byte read in the encoding it is valid in (every byte that is not
 * part of a UTF-8 character is Windows-1252), and the note names the lines, so a £ or an accent
 * is never silently turned into something else.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), notes: [] };
  } catch {
    // Not UTF-8 throughout: rewritten below as UTF-8, each byte that starts no UTF-8 character
    // taken as Windows-1252, then decoded once.
  }
  const encoder = new TextEncoder();
  const asUtf8 = Array.from({ length: 256 }, (_, b) => encoder.encode(b >= 0x80 && b <= 0x9f ? (CP1252_80_9F[b - 0x80] as string) : String.fromCharCode(b)));
  const out = new Uint8Array(bytes.length * 3);
  let size = 0;
  let multibyte = 0;
  let line = 1;
  const lines: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      out[size++] = b;
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    const n = utf8Length(bytes, i);
    if (n > 0) {
      out.set(bytes.subarray(i, i + n), size);
      size += n;
      multibyte++;
      i += n;
      continue;
    }
    const replacement = asUtf8[b] as Uint8Array;
    out.set(replacement, size);
    size += replacement.length;
    if (lines[lines.length - 1] !== line) lines.push(line);
    i++;
  }
  const text = new TextDecoder("utf-8").decode(out.subarray(0, size));
  if (multibyte === 0) return { text, notes: [] };
  const one = lines.length === 1;
  return {
    text,
    notes: [
      `The file mixes two text encodings: it is UTF-8, but ${one ? "line" : "lines"} ${linesList(lines)} ${one ? "was" : "were"} saved as Windows-1252 (as older versions of Excel save CSV), as when two files are joined. Both were read; check the £ signs and accented letters on ${one ? "that line" : "those lines"}, or save the table again in Excel as "CSV UTF-8 (Comma delimited)" and import that file.`,
    ],
  };
}

export type CsvGridResult = { ok: true; grid: Grid; notes: string[] } | { ok: false; message: string };

/**
 * A CSV file as one grid named after the file, for the measure-table import. Refused when a
 * quote would make the rows after it vanish into one cell (papaparse, like Excel, would read on
 * to the end of the file). Each field is kept to {@link MAX_TEXT_LENGTH} characters, as cells
 * of an .xlsx are (cellValues.ts), and rows to `maxColumns` fields; both are noted.
 */
export function readCsvGrid(fileName: string, bytes: Uint8Array, maxColumns: number): CsvGridResult {
  const decoded = decodeCsvBytes(bytes);
  const { rows, delimiter, quoteProblem, tooLarge } = parseCsv(decoded.text, { rows: MAX_SHEET_ROWS, values: MAX_CSV_VALUES });
  if (tooLarge) {
    const count = (n: number): string => n.toLocaleString("en-GB");
    const what =
      tooLarge.rows > MAX_SHEET_ROWS
        ? `has ${count(tooLarge.rows)} rows (the limit for one table is ${count(MAX_SHEET_ROWS)})`
        : `holds ${count(tooLarge.values)} values (the limit is ${count(MAX_CSV_VALUES)})`;
    return { ok: false, message: `"${fileName}" ${what}, far more than any measure table, so it was not read. Check it is the right file, or save just the measure table as CSV and import that.` };
  }
  if (quoteProblem) {
    const what =
      quoteProblem.kind === "unclosed"
        ? `opens a quote (") that is never closed, so every line after it would be read as one cell`
        : `has a quoted value followed by more text after its closing quote ("), so the lines after it cannot be told apart`;
    return {
      ok: false,
      message: `Line ${quoteProblem.line.toLocaleString("en-GB")} of "${fileName}" ${what}. Nothing was imported. Correct the quotes on that line in a text editor (such as Notepad), or save the table again from Excel as "CSV UTF-8 (Comma delimited)", and import it again.`,
    };
  }
  const notes = [...decoded.notes];
  let cut = 0;
  let firstCut = 0;
  let wide = false;
  rows.forEach((row, r) => {
    if (row.length > maxColumns) {
      for (let c = maxColumns; c < row.length && !wide; c++) wide = (row[c] as string).trim() !== "";
      row.length = maxColumns;
    }
    row.forEach((field, c) => {
      if (field.length <= MAX_TEXT_LENGTH) return;
      const text = field.trim();
      if (text.length <= MAX_TEXT_LENGTH) return;
      row[c] = text.slice(0, MAX_TEXT_LENGTH);
      if (cut++ === 0) firstCut = r + 1;
    });
  });
  if (wide) notes.push(`Some rows have values beyond the first ${maxColumns} columns; only those were read.`);
  if (cut > 0) {
    const limit = MAX_TEXT_LENGTH.toLocaleString("en-GB");
    notes.push(
      `${cut === 1 ? "1 value was" : `${cut.toLocaleString("en-GB")} values were`} longer than ${limit} characters, the most kept from one cell, and cut to ${limit} (the first on row ${firstCut.toLocaleString("en-GB")}). Check the measure descriptions and guidance in the preview.`,
    );
  }
  return { ok: true, grid: { name: fileName.replace(/\.[^.]*$/, "") || fileName, rows, delimiter }, notes };
}
