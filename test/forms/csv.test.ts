import papaparse from "papaparse";
import { decodeCsvBytes, detectDelimiter, parseCsv, readCsvGrid } from "../../src/forms/csv";
import { aCouncilCsv, concat, councilMeasures, utf8, windows1252 } from "./csvSupport";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks inside", () => {
    expect(parseCsv('Ref,Measure\r\nECC1,"Local people, hired"\r\nECC2,"The ""best"" offer\nline two"\r\n').rows).toEqual([
      ["Ref", "Measure"],
      ["ECC1", "Local people, hired"],
      ["ECC2", 'The "best" offer\nline two'],
    ]);
  });

  it("drops a UTF-8 byte-order mark and accepts LF, CRLF and CR line ends", () => {
    expect(parseCsv("\uFEFFa,b\nc,d\r\ne,f\rg,h").rows).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
  });

  it("detects a semicolon delimiter, as Excel writes where the decimal separator is a comma", () => {
    expect(parseCsv("Ref;Proxy\nECC1;1,5\nECC2;2")).toEqual({
      rows: [
        ["Ref", "Proxy"],
        ["ECC1", "1,5"],
        ["ECC2", "2"],
      ],
      delimiter: ";",
    });
  });

  it("detects tabs", () => {
    expect(parseCsv("Ref\tUnit\nECC9\tweeks\n").rows).toEqual([
      ["Ref", "Unit"],
      ["ECC9", "weeks"],
    ]);
  });

  it("keeps empty fields and blank lines, and does not add a row for the final line break", () => {
    expect(parseCsv("a,,c\n,,\n\nd,e,f\n").rows).toEqual([["a", "", "c"], ["", "", ""], [""], ["d", "e", "f"]]);
    expect(parseCsv("").rows).toEqual([]);
  });

  it("is not fooled by delimiters inside quotes", () => {
    expect(parseCsv('"a;b;c;d",e\n"f;g",h').rows).toEqual([
      ["a;b;c;d", "e"],
      ["f;g", "h"],
    ]);
  });

  it("names the line of a quote that is never closed, instead of reading the rest of the file as one cell", () => {
    const lines = aCouncilCsv().split("\r\n");
    lines[6] = lines[6]!.replace(/^(ILL\d+),/, '$1,"Local ');
    const { quoteProblem } = parseCsv(lines.join("\r\n"));
    expect(quoteProblem).toEqual({ line: 7, kind: "unclosed" });
  });

  it("names the line of a quoted value with text after its closing quote, which would swallow the lines after it", () => {
    const lines = aCouncilCsv().split("\r\n");
    lines[4] = lines[4]!.replace(/^(ILL\d+),/, '$1,"Local" people ');
    expect(parseCsv(lines.join("\r\n")).quoteProblem).toEqual({ line: 5, kind: "text-after-quote" });
  });
});

describe("the limits on a file's size", () => {
  it("counts the rows after a quote in the middle of a value, which does not open a quoted value, and refuses a file over the limit", () => {
    const text = `Measure 12" pipe\n${",,,,,,,,,\n".repeat(400_000)}`;
    expect(readCsvGrid("pipes.csv", utf8(text), 20)).toEqual({
      ok: false,
      message: expect.stringMatching(/^"pipes\.csv" has 400,001 rows \(the limit for one table is 100,000\), far more than any measure table, so it was not read\./),
    });
  });

  it.each([
    ['a quote in the middle of a value', 'Measure 12" pipe,x\n,,\n,,\n'],
    ["a space before a quote", 'a, "b,c"\nd,e\n'],
    ["delimiters and line breaks inside quotes", 'a,"b,c"\nd,"e\nf",g\n'],
    ["doubled quotes", 'a,"say ""hi""",b\nc,"""",d'],
    ["spaces after a closing quote", 'a,"x"  ,b\nc,"y" \nd,e\n'],
    ["text after a closing quote, which leaves the value open", 'a,"Local" people,b\nc,d\n"e",f\ng,h\n'],
    ["a quote never closed", 'a,b\nc,"d\ne,f\n'],
    ["a quoted value ending the file", 'a,b\nc,"d,e"'],
    ["semicolons", 'a;b\n"x;y";12" z;w\n'],
  ])("refuses a file one row or one value over the limit before splitting it, with %s", (_, text) => {
    const { rows } = parseCsv(text);
    const size = { rows: rows.length, values: rows.reduce((n, row) => n + row.length, 0) };
    const split = jest.spyOn(papaparse, "parse");
    try {
      expect(parseCsv(text, { rows: size.rows - 1, values: Infinity }).tooLarge).toEqual(size);
      expect(parseCsv(text, { rows: Infinity, values: size.values - 1 }).tooLarge).toEqual(size);
      expect(split).not.toHaveBeenCalled();
      expect(parseCsv(text, size).rows).toEqual(rows);
    } finally {
      split.mockRestore();
    }
  });
});

describe("detectDelimiter", () => {
  it("is not misled by title lines full of semicolons above a comma table", () => {
    const preamble = Array.from({ length: 12 }, (_, i) => `Note ${i + 1}; licensed values; do not share; see the council's terms; 2026`);
    expect(detectDelimiter(aCouncilCsv(councilMeasures(), { preamble }))).toBe(",");
  });

  it("is not misled when the first rows' descriptions are full of commas in a semicolon table", () => {
    const text = aCouncilCsv(councilMeasures(), { delimiter: ";", description: (m, i) => (i < 10 ? `${m.description}, local, new, paid, full-time, permanent` : m.description) });
    expect(detectDelimiter(text)).toBe(";");
  });

  it("samples rows through the whole file, not only the first", () => {
    // A tab table whose first 30 rows hold one measure, quoted with commas inside.
    const measures = councilMeasures();
    const many = Array.from({ length: 300 }, (_, i) => ({ ...(measures[i % measures.length] as (typeof measures)[number]), ref: `R${i + 1}` }));
    const text = aCouncilCsv(many, { delimiter: "\t", description: (m, i) => (i < 30 ? `${m.description}, a, b, c, d, e, f` : m.description) });
    expect(detectDelimiter(text)).toBe("\t");
  });

  it("is a comma for a one-column file", () => {
    expect(detectDelimiter("Ref\nECC1\nECC2\n")).toBe(",");
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8, and falls back to Windows-1252 for older Excel exports, without a note", () => {
    expect(decodeCsvBytes(utf8("£101"))).toEqual({ text: "£101", notes: [] });
    expect(decodeCsvBytes(windows1252("£101"))).toEqual({ text: "£101", notes: [] });
  });

  it("reads a file that changes from UTF-8 to Windows-1252 part-way, both halves right, and names the lines", () => {
    const lines = aCouncilCsv().split("\r\n");
    const first = `${lines.slice(0, 3).join("\r\n")}\r\n`.replace("Proxy (£)", "Proxy (£ – UTF-8)");
    const rest = `ILL99,Café vouchers for volunteers,£,0.5,LEV\r\n${lines.slice(3).join("\r\n")}`;
    const { text, notes } = decodeCsvBytes(concat(utf8(first), windows1252(rest)));
    expect(text).toBe(first + rest);
    // Every line of the second part holding a £ or an accent, numbered in the whole file.
    const foreign = rest.split("\r\n").flatMap((l, i) => (/[^\x20-\x7e]/.test(l) ? [i + 4] : []));
    expect(foreign[0]).toBe(4);
    const named = `${foreign.slice(0, -1).join(", ")} and ${foreign[foreign.length - 1]}`;
    expect(notes).toEqual([expect.stringMatching(new RegExp(`two text encodings: it is UTF-8, but lines ${named} were saved as Windows-1252.*"CSV UTF-8`))]);
  });

  it("notes the lines when a UTF-8 file with its byte-order mark has Windows-1252 lines appended", () => {
    const genuine = `\uFEFF${aCouncilCsv()}`;
    const appended = "ILL98,Apprentices’ weeks,weeks,200,SV\r\n";
    const { text, notes } = decodeCsvBytes(concat(utf8(genuine), windows1252(appended)));
    expect(text).toBe(genuine.slice(1) + appended);
    expect(notes).toEqual([expect.stringContaining(`line ${genuine.split("\r\n").length}`)]);
  });
});
