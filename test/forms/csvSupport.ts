/**
 * A council's measure table saved from Excel as CSV, built in code from a built-in framework's
 * measures, so each hostile CSV in the tests is a genuine table with one thing changed.
 */
import { ILLUSTRATIVE, measureTableFromFramework, UNITS, type MeasureEntry } from "../../src/core";

export type Delimiter = "," | ";" | "\t";

export interface CouncilCsvOptions {
  delimiter?: Delimiter;
  /** How a proxy is written; by default as Excel writes a General number (decimal point). */
  proxy?: (value: number) => string;
  /** Lines above the header (a title, a licence line), written as they are. */
  preamble?: readonly string[];
  /** Extra columns after Type: heading → the cell for each measure. */
  extra?: Readonly<Record<string, (m: MeasureEntry, index: number) => string>>;
  /** The description written for each measure; by default the framework's. */
  description?: (m: MeasureEntry, index: number) => string;
  lineEnd?: string;
}

/** The measures of the illustrative framework: refs, descriptions (some with commas), units and proxies. */
export const councilMeasures = (): MeasureEntry[] => measureTableFromFramework(ILLUSTRATIVE);

/** A field as Excel writes it: quoted when it holds the delimiter, a quote or a line break. */
function field(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV text: Ref, Measure, Unit, Proxy (£), Type, then any extra columns. */
export function aCouncilCsv(measures: readonly MeasureEntry[] = councilMeasures(), options: CouncilCsvOptions = {}): string {
  const d = options.delimiter ?? ",";
  const proxy = options.proxy ?? String;
  const extra = Object.entries(options.extra ?? {});
  const header = ["Ref", "Measure", "Unit", "Proxy (£)", "Type", ...extra.map(([h]) => h)];
  const rows = measures.map((m, i) => [
    m.ref,
    options.description ? options.description(m, i) : m.description,
    UNITS[m.unit].label,
    m.proxy === null ? "" : proxy(m.proxy),
    m.type,
    ...extra.map(([, cell]) => cell(m, i)),
  ]);
  const lines = [...(options.preamble ?? []), ...[header, ...rows].map((r) => r.map((f) => field(f, d)).join(d))];
  const end = options.lineEnd ?? "\r\n";
  return lines.join(end) + end;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Windows-1252 bytes of text in its repertoire (older Excel's "CSV (Comma delimited)"). */
export function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { "€": 0x80, "’": 0x92, "–": 0x96 };
  return Uint8Array.from([...text].map((ch) => {
    const code = special[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`${ch} is not in Windows-1252`);
    return code;
  }));
}

/** UTF-16 bytes as Excel's "Unicode Text" writes them (little-endian with a byte-order mark). */
export function utf16(text: string, order: "le" | "be" = "le", mark = true): Uint8Array {
  const units = [...(mark ? "\uFEFF" : ""), ...text].flatMap((ch) => Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i)));
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[i * 2 + (order === "le" ? 0 : 1)] = u & 0xff;
    out[i * 2 + (order === "le" ? 1 : 0)] = u >> 8;
  });
  return out;
}

export const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));
