import { decodeCsvBytes, parseCsv } from "../../src/forms/csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks inside", () => {
    expect(parseCsv('Ref,Measure\r\nECC1,"Local people, hired"\r\nECC2,"The ""best"" offer\nline two"\r\n')).toEqual([
      ["Ref", "Measure"],
      ["ECC1", "Local people, hired"],
      ["ECC2", 'The "best" offer\nline two'],
    ]);
  });

  it("drops a UTF-8 byte-order mark and accepts LF, CRLF and CR line ends", () => {
    expect(parseCsv("\uFEFFa,b\nc,d\r\ne,f\rg,h")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
  });

  it("detects a semicolon delimiter, as Excel writes where the decimal separator is a comma", () => {
    expect(parseCsv("Ref;Proxy\nECC1;1,5\nECC2;2")).toEqual([
      ["Ref", "Proxy"],
      ["ECC1", "1,5"],
      ["ECC2", "2"],
    ]);
  });

  it("detects tabs", () => {
    expect(parseCsv("Ref\tUnit\nECC9\tweeks\n")).toEqual([
      ["Ref", "Unit"],
      ["ECC9", "weeks"],
    ]);
  });

  it("keeps empty fields and does not add a row for the final line break", () => {
    expect(parseCsv("a,,c\n,,\n")).toEqual([
      ["a", "", "c"],
      ["", "", ""],
    ]);
    expect(parseCsv("")).toEqual([]);
  });

  it("is not fooled by delimiters inside quotes", () => {
    expect(parseCsv('"a;b;c;d",e\n"f;g",h')).toEqual([
      ["a;b;c;d", "e"],
      ["f;g", "h"],
    ]);
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8, and falls back to Windows-1252 for older Excel exports", () => {
    expect(decodeCsvBytes(new TextEncoder().encode("£101"))).toBe("£101");
    expect(decodeCsvBytes(new Uint8Array([0xa3, 0x31, 0x30, 0x31]))).toBe("£101");
  });
});
