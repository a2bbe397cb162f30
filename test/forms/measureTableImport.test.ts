/**
 * Importing a council's measure table: header detection on realistic layouts, the mapping applied
 * and checked as a framework would be, and real .xlsx / .csv files read.
 */
import ExcelJS from "exceljs";
import { applyMapping, proposeMapping, readTableFile } from "../../src/forms/measureTableImport";
import type { Grid } from "../../src/forms/types";
import { saveWorkbook } from "./formSupport";

/** A council calculator: a title, a date, then the table with its own column names and order. */
const councilSheet: Grid = {
  name: "Proxy values",
  rows: [
    ["Anytown Borough Council — social value calculator 2025/26"],
    ["Values licensed to the council; do not share"],
    ["Theme", "TOM ref", "Measure description", "Units", "Proxy value (£)", "Notes"],
    ["Jobs", "NT1", "Local people employed on the contract", "no. people FTE", 28_000.5, "Per year"],
    ["Jobs", "NT4", "Apprenticeship weeks", "weeks", "£220.00", null],
    [null, null, null, null, null, null],
    ["Environment", "NT31", "Carbon saved", "tCO2e", 70, ""],
    ["Growth", "NT18", "% of spend with local SMEs", "%", null, "Record only"],
  ],
};

describe("proposeMapping", () => {
  it("finds the header on row 3 after a title and maps columns by their names, whatever their order", () => {
    const { mapping, headers, notes } = proposeMapping(councilSheet);
    expect(mapping).toEqual({ headerRow: 2, columns: { ref: 1, measure: 2, unit: 3, proxy: 4, theme: 0, guidance: 5 } });
    expect(headers).toEqual(["Theme", "TOM ref", "Measure description", "Units", "Proxy value (£)", "Notes"]);
    expect(notes).toEqual([expect.stringContaining("row 3")]);
  });

  it("takes a 'Proxy value per unit (£)' column as the proxy, not the unit, and 'Measure ref' as the ref", () => {
    const { mapping } = proposeMapping({ name: "S", rows: [["Measure ref", "Measure", "Unit of measure", "Proxy value per unit (£)", "Outcome"]] });
    expect(mapping.columns).toEqual({ ref: 0, measure: 1, unit: 2, proxy: 3, outcome: 4 });
  });

  it("with no recognisable header, maps nothing and says what to choose", () => {
    const { mapping, notes } = proposeMapping({
      name: "Sheet1",
      rows: [
        ["ECC1", "Local people", "FTE", 101],
        ["ECC2", "Apprentices", "weeks", 220],
      ],
    });
    expect(mapping).toEqual({ headerRow: 0, columns: {} });
    expect(notes).toEqual([expect.stringMatching(/No header row was recognised.*Ref, Measure, Unit and Proxy/)]);
  });

  it("says which required column it could not find", () => {
    const { mapping, notes } = proposeMapping({ name: "S", rows: [["Code", "Description", "Theme"]] });
    expect(mapping.columns).toEqual({ ref: 0, measure: 1, theme: 2 });
    expect(notes[1]).toMatch(/No column was recognised for Unit, Proxy.*choose them/);
  });
});

describe("applyMapping", () => {
  it("turns the rows under the header into measures, skipping blank rows", () => {
    const { measures, problems } = applyMapping(councilSheet, proposeMapping(councilSheet).mapping);
    expect(problems).toEqual([]);
    expect(measures.map((m) => [m.ref, m.theme, m.description, m.unit, m.proxy, m.guidance])).toEqual([
      ["NT1", "Jobs", "Local people employed on the contract", "FTE", 28_000.5, "Per year"],
      ["NT4", "Jobs", "Apprenticeship weeks", "weeks", 220, undefined],
      ["NT31", "Environment", "Carbon saved", "tCO2e", 70, undefined],
      ["NT18", "Growth", "% of spend with local SMEs", "percent", null, "Record only"],
    ]);
    expect(measures.every((m) => m.inScope && m.type === "SV")).toBe(true);
  });

  it("reports each faulty row by its sheet row and leaves it out: blank ref, duplicate, unknown unit, negative or text proxy, unknown type", () => {
    const grid: Grid = {
      name: "Bad",
      rows: [
        ["Ref", "Measure", "Unit", "Proxy", "Type"],
        ["A1", "Good", "hours", 10, "LEV"],
        [null, "No ref", "hours", 1, null],
        ["a1 ", "Same ref, other case", "hours", 2, null],
        ["A3", "Odd unit", "furlongs", 3, null],
        ["A4", "Negative", "£", -5, null],
        ["A5", "Text proxy", "kg", "about ten", null],
        ["A6", "Odd type", "kg", 1, "Maybe"],
        ["A7", null, "kg", 1, "record only"],
      ],
    };
    const { measures, problems } = applyMapping(grid, proposeMapping(grid).mapping);
    expect(measures.map((m) => [m.ref, m.type])).toEqual([["A1", "LEV"]]);
    expect(problems).toEqual([
      { row: 3, message: "Row 3 has no ref, so it was not imported." },
      { row: 4, message: expect.stringContaining("repeats the ref of row 2") },
      { row: 5, message: expect.stringContaining("the unit “furlongs”, which the add-in does not know") },
      { row: 6, message: expect.stringContaining("negative proxy (-5)") },
      { row: 7, message: expect.stringContaining("proxy that is not a number (“about ten”)") },
      { row: 8, message: expect.stringContaining("the type “Maybe”; use LEV, SV, Record") },
      { row: 9, message: expect.stringContaining("no measure description") },
    ]);
  });

  it("refuses to import until ref, measure and unit columns are chosen", () => {
    const { measures, problems } = applyMapping(councilSheet, { headerRow: 2, columns: { ref: 1 } });
    expect(measures).toEqual([]);
    expect(problems).toEqual([{ row: 3, message: "Choose the column for Measure, Unit before importing." }]);
  });
});

describe("readTableFile", () => {
  it("reads every sheet of an .xlsx as values: formulas give their saved results", async () => {
    const book = new ExcelJS.Workbook();
    const a = book.addWorksheet("Measures");
    a.addRows([["Title"], [], ["Ref", "Proxy"], ["X1", { formula: "100*1.01", result: 101 }]]);
    book.addWorksheet("Notes").getCell("B2").value = "see above";
    const result = await readTableFile("calc.xlsx", await saveWorkbook(book));
    expect(result).toEqual({
      ok: true,
      grids: [
        { name: "Measures", rows: [["Title"], [], ["Ref", "Proxy"], ["X1", 101]] },
        { name: "Notes", rows: [[], [null, "see above"]] },
      ],
      notes: [expect.stringContaining("1 cell held a formula")],
    });
  });

  it("reads a .csv, and a CSV named .xlsx, as the CSV it is", async () => {
    const bytes = new TextEncoder().encode("Ref,Unit\r\nECC1,FTE\r\n");
    const expected = { ok: true, grids: [{ name: "proxies", rows: [["Ref", "Unit"], ["ECC1", "FTE"]], delimiter: "," }], notes: [] };
    expect(await readTableFile("proxies.csv", bytes)).toEqual(expected);
    expect(await readTableFile("proxies.xlsx", bytes.buffer)).toEqual(expected);
  });

  it("refuses a file that is not a spreadsheet with a sentence", async () => {
    expect(await readTableFile("scan.xlsx", new TextEncoder().encode("%PDF-1.7\n%\u00e2\u00e3"))).toEqual({ ok: false, message: expect.stringContaining("is a PDF document") });
  });
});

describe("a council's CSV as exported by Excel in different places", () => {
  /** Windows-1252 bytes, as older Excel saves "CSV (Comma delimited)": £ is one byte, 0xA3. */
  const windows1252 = (text: string): Uint8Array => Uint8Array.from([...text].map((ch) => (ch === "£" ? 0xa3 : ch.charCodeAt(0))));

  async function measuresOf(fileName: string, bytes: Uint8Array) {
    const read = await readTableFile(fileName, bytes);
    if (!read.ok) throw new Error(read.message);
    const grid = read.grids[0] as Grid;
    const { mapping } = proposeMapping(grid);
    return { mapping, ...applyMapping(grid, mapping) };
  }

  it("reads Windows-1252 with £ proxies, semicolons, a header on row 5, blank lines and a repeated ref", async () => {
    const csv = [
      "Anytown Council;;;",
      "Social value proxies 2025/26;;;",
      "Licensed values;;;",
      ";;;",
      "Ref;Measure;Unit;Proxy (£)",
      "NT1;Local FTE;FTE;£28,000.50",
      "",
      "NT8;Volunteering;hours;£16.93",
      "NT8;Volunteering again;hours;£17.00",
      "NT12;Local spend;£;£0.65",
      "",
    ].join("\r\n");
    const { mapping, measures, problems, notes } = await measuresOf("proxies.csv", windows1252(csv));
    expect(mapping.headerRow).toBe(4);
    expect(measures.map((m) => [m.ref, m.unit, m.proxy])).toEqual([
      ["NT1", "FTE", 28_000.5],
      ["NT8", "hours", 16.93],
      ["NT12", "GBP", 0.65],
    ]);
    expect(problems).toEqual([{ row: 9, message: expect.stringMatching(/^Measure NT8 \(row 9\) repeats the ref of row 8/) }]);
    expect(notes).toEqual([]);
  });

  it("reads proxies written with decimal commas as such, and says so, rather than as thousands", async () => {
    const csv = "Ref;Measure;Unit;Proxy\nNT1;Local FTE;FTE;28.000,50\nNT8;Volunteering;hours;16,93\nNT9;Expert hours;hours;101,00\nNT10;Training;weeks;1,234\n";
    const { measures, problems, notes } = await measuresOf("proxies.csv", new TextEncoder().encode(csv));
    expect(problems).toEqual([]);
    // 1,234 alone could be either; in a column written with decimal commas it is 1.234.
    expect(measures.map((m) => [m.ref, m.proxy])).toEqual([
      ["NT1", 28_000.5],
      ["NT8", 16.93],
      ["NT9", 101],
      ["NT10", 1.234],
    ]);
    expect(notes).toEqual([expect.stringMatching(/decimal comma.*16,93 as £16\.93/)]);
  });

  it("reads a UK-style column's thousands commas as thousands", async () => {
    const csv = "Ref,Measure,Unit,Proxy\nNT1,Local FTE,FTE,\"28,000.50\"\nNT10,Training,weeks,\"1,234\"\n";
    const { measures, notes } = await measuresOf("proxies.csv", new TextEncoder().encode(csv));
    expect(measures.map((m) => [m.ref, m.proxy])).toEqual([
      ["NT1", 28_000.5],
      ["NT10", 1234],
    ]);
    expect(notes).toEqual([]);
  });

  it("refuses to guess in a column that mixes decimal commas and points", async () => {
    const csv = "Ref;Measure;Unit;Proxy\nNT1;Local FTE;FTE;16,93\nNT8;Volunteering;hours;16.93\nNT9;Expert;hours;101\n";
    const { measures, problems, notes } = await measuresOf("proxies.csv", new TextEncoder().encode(csv));
    expect(measures.map((m) => [m.ref, m.proxy])).toEqual([["NT9", 101]]);
    expect(problems.map((p) => p.row)).toEqual([2, 3]);
    expect(notes).toEqual([expect.stringMatching(/mixes decimal commas .* and decimal points/)]);
  });
});

describe("a council's ceilings (issue #16 point 4)", () => {
  const withCeilings: Grid = {
    name: "Proxy values",
    rows: [
      ["Ref", "Measure", "Unit", "Proxy value (£)", "Ceiling (most a bid can plausibly commit)"],
      ["NT1", "Local people employed on the contract", "FTE", 28_000.5, 50],
      ["NT8", "Volunteering hours", "hours", 16.93, "2,000"],
      ["NT9", "Expert hours", "hours", 101, null],
      ["NT10", "Training weeks", "weeks", 220, -5],
      ["NT11", "Apprentices", "people", 3_000, "lots"],
    ],
  };

  it("maps a Ceiling column, even one headed with £, as the ceiling, not the proxy", () => {
    expect(proposeMapping(withCeilings).mapping.columns).toEqual({ ref: 0, measure: 1, unit: 2, proxy: 3, ceiling: 4 });
    expect(proposeMapping({ name: "S", rows: [["Ref", "Measure", "Unit", "Proxy", "Ceiling (£)"]] }).mapping.columns).toMatchObject({ proxy: 3, ceiling: 4 });
  });

  it("reads each ceiling as a quantity, a blank as none, and lists a negative or unreadable one, leaving that row out", () => {
    const { measures, problems } = applyMapping(withCeilings, proposeMapping(withCeilings).mapping);
    expect(measures.map((m) => [m.ref, m.ceiling])).toEqual([
      ["NT1", 50],
      ["NT8", 2_000],
      ["NT9", undefined],
    ]);
    expect(problems).toEqual([
      { row: 5, message: expect.stringMatching(/^Measure NT10 \(row 5\) has a negative ceiling \(-5\)/) },
      { row: 6, message: expect.stringMatching(/^Measure NT11 \(row 6\) has a ceiling that is not a number \(“lots”\)/) },
    ]);
  });

  it("asks about a ceiling such as 1.500 in a semicolon file that shows no decimal style, never reading it as 1.5", async () => {
    const read = await readTableFile("ceilings.csv", new TextEncoder().encode("Ref;Measure;Unit;Proxy;Ceiling\nNT1;Local FTE;FTE;28000;1.500\nNT9;Expert hours;hours;101;40\n"));
    if (!read.ok) throw new Error(read.message);
    const grid = read.grids[0] as Grid;
    const { measures, problems } = applyMapping(grid, proposeMapping(grid).mapping);
    expect(measures.map((m) => [m.ref, m.ceiling])).toEqual([["NT9", 40]]);
    expect(problems).toEqual([{ row: 2, message: expect.stringContaining("has the ceiling 1.500, which could be 1,500 or 1.5: write it in the file as 1500, or as 1,5") }]);
  });
});
