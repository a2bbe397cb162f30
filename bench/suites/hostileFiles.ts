/**
 * Reading the project's own hostile files (issue #17): the worst time and the worst memory any
 * one of them costs the response-form reader or the measure-table reader, whether it ends read
 * or refused. Goals: every file under 5,000 ms and 500 MB on the bench machine.
 *
 * The set is made in code by test/forms/hostile/makeCorpus.ts, as the tests make it: the
 * committed small cases, the archive tricks (a guard and a parser reading different parts), the
 * near-limit files (millions of cells, many shared strings, huge styles, deep nesting, several
 * near-limit sheets), markup ExcelJS reads otherwise than Excel (rows and cells placed twice or
 * past the grid, names over whole sheets, a format of millions of characters, CDATA, prefixes), and the older generated cases (a zip bomb, thousands of parts, a
 * 1,000,000-row sheet, a merge over every cell), and near-limit CSV files of each class the CSV
 * reader guards (an unclosed quote, quote storms, one huge value, a vast header, too many rows
 * or values, mixed encodings, UTF-16). Each file is read in a fresh Node process, so
 * its memory is its own: the figure is the peak resident memory of that process above what it
 * held once ExcelJS was loaded and the file was in memory.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { loadExcelJS } from "../../src/forms/excelJs";
import { readTableFile } from "../../src/forms/measureTableImport";
import { readResponseForm } from "../../src/forms/readResponseForm";
import { aFormTender } from "../../test/forms/formSupport";
import { archiveTricks, committedCorpus, costlyFiles, misplacedMarkup, partText, tallSheetXml, unzip, withParts, zip } from "../../test/forms/hostile/makeCorpus";
import { round, type BenchEntry } from "../harness";

const CHILD_FLAG = "--read-one-hostile-file";

/** In the child: read one file with one reader, print the time and the memory growth. */
async function readOne(path: string, reader: "form" | "table"): Promise<void> {
  await loadExcelJS();
  const bytes = new Uint8Array(readFileSync(path));
  const baseline = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const result = reader === "form" ? await readResponseForm("hostile.xlsx", bytes, "T-2026-0042") : await readTableFile("hostile.xlsx", bytes);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // maxRSS is in kilobytes (Node's process.resourceUsage).
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ ms, mb: Math.max(0, peak - baseline) / (1024 * 1024), ok: result.ok }));
}

/** The older generated cases of test/forms/hostileFiles.test.ts, made the same way. */
function olderCases(form: Uint8Array): Record<string, Uint8Array> {
  const parts = unzip(form);
  const sheet = parts.find((p) => p.name === "xl/worksheets/sheet2.xml");
  if (!sheet) throw new Error("bench: no commitments sheet part");
  const bomb = zip(parts.map((p) => (p === sheet ? { ...p, data: new Uint8Array(60_000_000).fill(0x20), declaredSize: 2_000 } : p)));
  const many = withParts(form, Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`xl/media/p${i}.bin`, new Uint8Array(1)])));
  const merged = withParts(form, {
    "xl/worksheets/sheet2.xml": partText(parts, "xl/worksheets/sheet2.xml").replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="J1:XFD1048576"/></mergeCells>'),
  });
  return { "zip-bomb-lying.xlsx": bomb, "thousands-of-parts.xlsx": many, "million-rows.xlsx": withParts(form, { "xl/worksheets/sheet2.xml": tallSheetXml(1_000_000) }), "merge-everything.xlsx": merged };
}

/** Just under the 10 MB file limit, so every CSV below is read rather than refused for its size. */
const CSV_BYTES = 9_900_000;

/** `line` repeated to about `bytes`, after `header`. */
function repeatedCsv(header: string, line: string, bytes: number): Uint8Array {
  return new TextEncoder().encode(header + line.repeat(Math.floor((bytes - header.length) / line.length)));
}

/** Near-limit CSV files of each class the CSV reader guards (src/forms/csv.ts), made here. */
function costlyCsvFiles(): Record<string, Uint8Array> {
  const header = "Ref,Measure,Unit,Proxy value\n";
  const latin = new Uint8Array(CSV_BYTES);
  // Rows of about 120 bytes, so the file stays under the 100,000-row limit and is decoded both ways.
  const guidance = "Evidence: payroll records with postcodes, checked each quarter against the plan";
  const half = repeatedCsv(header, `NT1,Café staff,FTE,£28.50,${guidance}\n`, CSV_BYTES / 2);
  latin.set(half);
  // The second half in Windows-1252 (0xE9 for é, 0xA3 for £), as a file appended to in another program.
  const row1252 = [...`NT2,Caf\xe9 staff,FTE,\xa328.50,${guidance}\n`].map((c) => c.charCodeAt(0));
  let end = half.length;
  for (; end + row1252.length <= CSV_BYTES; end += row1252.length) latin.set(row1252, end);
  const utf16 = new Uint8Array(CSV_BYTES);
  utf16.set([0xff, 0xfe]);
  const unit16 = [..."NT1\tStaff\tFTE\t28.5\r\n"].flatMap((c) => [c.charCodeAt(0), 0]);
  let end16 = 2;
  for (; end16 + unit16.length <= CSV_BYTES; end16 += unit16.length) utf16.set(unit16, end16);
  return {
    "unclosed-quote.csv": repeatedCsv(header + 'NT0,"Staff,FTE,1\n', "NT1,Local staff,FTE,28000\n", CSV_BYTES),
    "quote-storm.csv": repeatedCsv(header, '"""",', CSV_BYTES),
    "one-huge-value.csv": new TextEncoder().encode(`${header}NT1,"${"x".repeat(CSV_BYTES - 40)}",FTE,1\n`),
    "vast-header.csv": repeatedCsv("Ref", ",Ref", CSV_BYTES),
    "too-many-rows.csv": repeatedCsv(header, "N,M,F,1\n", CSV_BYTES),
    "too-many-values.csv": repeatedCsv(header, "1,".repeat(199) + "1\n", CSV_BYTES),
    "mixed-encoding.csv": latin.subarray(0, end),
    "unicode-text-utf16.csv": utf16.subarray(0, end16),
  };
}

export async function run(): Promise<BenchEntry[]> {
  const form = await buildResponseForm(aFormTender());
  const files: Record<string, Uint8Array> = {
    ...committedCorpus(),
    ...archiveTricks(form),
    ...Object.fromEntries(Object.entries(costlyFiles(form)).map(([name, f]) => [name, f.bytes])),
    ...Object.fromEntries(Object.entries(misplacedMarkup(form)).map(([name, f]) => [name, f.bytes])),
    ...olderCases(form),
    ...costlyCsvFiles(),
  };
  const dir = mkdtempSync(join(tmpdir(), "bench-hostile-"));
  let worstMs = { value: 0, file: "" };
  let worstMb = { value: 0, file: "" };
  try {
    for (const [name, bytes] of Object.entries(files)) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      for (const reader of ["form", "table"] as const) {
        const out = execFileSync(process.execPath, [__filename, CHILD_FLAG, path, reader], { stdio: ["ignore", "pipe", "inherit"], timeout: 120_000 });
        const { ms, mb } = JSON.parse(out.toString("utf8")) as { ms: number; mb: number };
        if (ms > worstMs.value) worstMs = { value: ms, file: `${name} (${reader})` };
        if (mb > worstMb.value) worstMb = { value: mb, file: `${name} (${reader})` };
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const count = Object.keys(files).length;
  return [
    {
      name: "forms/hostile-worst-read-ms",
      value: round(worstMs.value),
      unit: "ms",
      better: "lower",
      note: `slowest of ${count} hostile files (test/forms/hostile/makeCorpus.ts and this suite's CSV files) read or refused by the form reader and the measure-table reader, each in a fresh process: ${worstMs.file}; goal < 5,000 ms`,
    },
    {
      name: "forms/hostile-worst-read-mb",
      value: round(worstMb.value),
      unit: "MB",
      better: "lower",
      note: `largest peak resident memory growth over the same reads (above the process with ExcelJS loaded and the file in memory): ${worstMb.file}; goal < 500 MB`,
    },
  ];
}

if (process.argv[2] === CHILD_FLAG) {
  readOne(process.argv[3] as string, process.argv[4] as "form" | "table").catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
