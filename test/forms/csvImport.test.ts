/**
 * A council's measure table exported as CSV, with one hostile change each: every file is read
 * right or refused with a sentence, and nothing is lost or changed without a note.
 */
import { MAX_TEXT_LENGTH, UNITS, type MeasureEntry } from "../../src/core";
import { MAX_CSV_VALUES } from "../../src/forms/csv";
import { MAX_SHEET_ROWS } from "../../src/forms/fileGuards";
import { applyMapping, MAX_TABLE_COLUMNS, proposeMapping, readTableFile } from "../../src/forms/measureTableImport";
import { readResponseForm } from "../../src/forms/readResponseForm";
import type { Grid } from "../../src/forms/types";
import { aCouncilCsv, concat, councilMeasures, utf16, utf8, windows1252 } from "./csvSupport";

async function imported(fileName: string, bytes: Uint8Array) {
  const read = await readTableFile(fileName, bytes);
  if (!read.ok) throw new Error(read.message);
  const grid = read.grids[0] as Grid;
  const { mapping } = proposeMapping(grid);
  return { grid, fileNotes: read.notes, ...applyMapping(grid, mapping) };
}

const asRead = (measures: readonly MeasureEntry[]) => measures.map((m) => [m.ref, m.description, m.unit, m.proxy]);

describe("quotes that would make rows vanish", () => {
  it("refuses a file with a quote never closed, naming its line, rather than reading every row after it as one cell", async () => {
    const lines = aCouncilCsv().split("\r\n");
    lines[6] = lines[6]!.replace(/^(ILL\d+),/, '$1,"Local ');
    expect(await readTableFile("proxies.csv", utf8(lines.join("\r\n")))).toEqual({
      ok: false,
      message: expect.stringMatching(/^Line 7 of "proxies\.csv" opens a quote .* never closed.*Nothing was imported/),
    });
  });

  it("refuses a quoted value with text after its closing quote, naming its line", async () => {
    const lines = aCouncilCsv(councilMeasures(), { delimiter: ";" }).split("\r\n");
    lines[9] = lines[9]!.replace(/^(ILL\d+);/, '$1;"Local" ');
    expect(await readTableFile("proxies.csv", utf8(lines.join("\r\n")))).toEqual({ ok: false, message: expect.stringMatching(/^Line 10 of "proxies\.csv" has a quoted value followed by more text/) });
  });
});

describe("the delimiter", () => {
  it("is found from the header and rows through the file, whatever the title lines above say", async () => {
    const preamble = Array.from({ length: 12 }, (_, i) => `Note ${i + 1}; licensed values; do not share; see the council's terms; 2026`);
    const { measures, problems } = await imported("proxies.csv", utf8(aCouncilCsv(councilMeasures(), { preamble })));
    expect(problems).toEqual([]);
    expect(asRead(measures)).toEqual(asRead(councilMeasures()));
  });
});

describe("1.500 in a file from where the decimal separator is a comma", () => {
  const integral = () => councilMeasures().filter((m) => m.proxy !== null && Number.isInteger(m.proxy));
  /** As Excel writes a number formatted #,##0 where dots group thousands: 20.000, 5.000, 200. */
  const dotted = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ".");

  it("is 1,500 when another column of the file shows decimal commas", async () => {
    const csv = aCouncilCsv(integral(), { delimiter: ";", proxy: dotted, extra: { "Weighting": (_, i) => `${i % 3},5` } });
    const { measures, problems, notes } = await imported("proxies.csv", utf8(csv));
    expect(problems).toEqual([]);
    expect(asRead(measures)).toEqual(asRead(integral()));
    expect(notes).toEqual([expect.stringMatching(/decimal comma/)]);
  });

  it("is asked about, never read as 1.5, when nothing in the file shows which separator is the decimal one", async () => {
    const source = integral();
    const csv = aCouncilCsv(source, { delimiter: ";", proxy: dotted });
    const { measures, problems, notes } = await imported("proxies.csv", utf8(csv));
    const ambiguous = source.filter((m) => (m.proxy as number) >= 1000);
    expect(ambiguous.length).toBeGreaterThan(0);
    expect(asRead(measures)).toEqual(asRead(source.filter((m) => (m.proxy as number) < 1000)));
    expect(problems).toEqual(ambiguous.map((m) => ({ row: source.indexOf(m) + 2, message: expect.stringContaining(`has the proxy ${dotted(m.proxy as number)}, which could be £${(m.proxy as number).toLocaleString("en-GB")} or £${((m.proxy as number) / 1000).toFixed(2)}`) })));
    expect(notes).toEqual([expect.stringMatching(/semicolons.*1\.500.*was not imported/)]);
  });

  it("is 1,500 when the column itself holds 1.500.000, which only a decimal-comma file writes", async () => {
    const source = integral();
    const csv = aCouncilCsv(source, { delimiter: ";", proxy: (n) => (n === source[0]!.proxy ? dotted(n * 1000) : dotted(n)) });
    const { measures, problems } = await imported("proxies.csv", utf8(csv));
    expect(problems).toEqual([]);
    expect(measures.map((m) => m.proxy)).toEqual(source.map((m, i) => (i === 0 ? (m.proxy as number) * 1000 : m.proxy)));
  });

  it("is 1.5 in a comma-delimited file, as Excel writes where the decimal separator is a point", async () => {
    const source = councilMeasures().slice(0, 3);
    const { measures } = await imported("proxies.csv", utf8(aCouncilCsv(source, { proxy: (n) => (n / 1000).toFixed(3) })));
    expect(measures.map((m) => m.proxy)).toEqual(source.map((m) => (m.proxy as number) / 1000));
  });
});

describe("text encodings", () => {
  it("reads a file that turns from UTF-8 to Windows-1252 part-way, and says which lines to check", async () => {
    const source = councilMeasures();
    const lines = aCouncilCsv(source.map((m, i) => (i === 10 ? { ...m, description: `${m.description} – café and crèche` } : m))).split("\r\n");
    const bytes = concat(utf8(lines.slice(0, 6).join("\r\n") + "\r\n"), windows1252(lines.slice(6).join("\r\n")));
    const { measures, fileNotes } = await imported("proxies.csv", bytes);
    expect(measures[10]?.description).toBe(`${source[10]?.description} – café and crèche`);
    expect(measures.filter((m) => m.unit === "GBP").length).toBeGreaterThan(0);
    expect(fileNotes).toEqual([expect.stringMatching(/mixes two text encodings.*Windows-1252/)]);
  });

  it.each([
    ["little-endian with its mark, as Excel saves it", utf16(aCouncilCsv(councilMeasures(), { delimiter: "\t" }), "le")],
    ["big-endian with its mark", utf16(aCouncilCsv(councilMeasures(), { delimiter: "\t" }), "be")],
    ["little-endian without a mark", utf16(aCouncilCsv(councilMeasures(), { delimiter: "\t" }), "le", false)],
    ["big-endian without a mark", utf16(aCouncilCsv(councilMeasures(), { delimiter: "\t" }), "be", false)],
  ])("names a Unicode Text (UTF-16) export, %s, and says how to save it as CSV", async (_, bytes) => {
    const expected = expect.stringMatching(/"proxies\.txt" is a Unicode Text file \(UTF-16\).*CSV UTF-8 \(Comma delimited\)/);
    expect(await readTableFile("proxies.txt", bytes)).toEqual({ ok: false, message: expected });
    expect(await readResponseForm("proxies.txt", bytes)).toMatchObject({ ok: false, message: expected });
  });
});

describe("files far larger than a measure table", () => {
  it("refuses more rows than one table may hold, counting them before splitting anything", async () => {
    const csv = aCouncilCsv();
    const row = csv.split("\r\n")[1] as string;
    const bytes = utf8(csv + `${row}\r\n`.repeat(MAX_SHEET_ROWS));
    expect(await readTableFile("proxies.csv", bytes)).toEqual({ ok: false, message: expect.stringMatching(/^"proxies\.csv" has 100,01\d rows \(the limit for one table is 100,000\)/) });
  });

  it("refuses millions of values, such as a row of delimiters as long as the file allows", async () => {
    const bytes = utf8(aCouncilCsv() + ",".repeat(MAX_CSV_VALUES));
    expect(await readTableFile("proxies.csv", bytes)).toEqual({ ok: false, message: expect.stringMatching(/holds 2,000,0\d\d values \(the limit is 2,000,000\)/) });
  });
});

describe("values cut short", () => {
  it("notes text cut to the cell limit, naming the first row", async () => {
    const long = "Local people employed. ".repeat(200);
    const csv = aCouncilCsv(councilMeasures(), { description: (m, i) => (i === 4 ? long : m.description) });
    const { measures, fileNotes } = await imported("proxies.csv", utf8(csv));
    expect(measures[4]?.description).toBe(long.trim().slice(0, MAX_TEXT_LENGTH));
    expect(fileNotes).toEqual([expect.stringMatching(new RegExp(`1 value was longer than ${MAX_TEXT_LENGTH.toLocaleString("en-GB")} characters.*row 6`))]);
  });

  it("notes values beyond the widest table read", async () => {
    const csv = aCouncilCsv(councilMeasures(), { extra: { ...Object.fromEntries(Array.from({ length: MAX_TABLE_COLUMNS }, (_, i) => [`Year ${i + 1}`, () => ""])), Total: () => "1" } });
    const { measures, fileNotes } = await imported("proxies.csv", utf8(csv));
    expect(measures.map((m) => UNITS[m.unit].label)).toEqual(councilMeasures().map((m) => UNITS[m.unit].label));
    expect(fileNotes).toEqual([expect.stringContaining(`beyond the first ${MAX_TABLE_COLUMNS} columns`)]);
  });
});
