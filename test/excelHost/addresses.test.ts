/**
 * A1 addresses as Range.address writes them and as the add-in passes them to getRange.
 */
import { AddressError, formatA1, parseA1, qualifiedAddress, quoteSheet, splitSheet } from "./addresses";

describe("A1 addresses", () => {
  it.each([
    ["A1", { row: 0, col: 0, rows: 1, cols: 1 }],
    ["$B$2:$D$5", { row: 1, col: 1, rows: 4, cols: 3 }],
    ["d5:b2", { row: 1, col: 1, rows: 4, cols: 3 }],
    ["AA10", { row: 9, col: 26, rows: 1, cols: 1 }],
    ["XFD1048576", { row: 1_048_575, col: 16_383, rows: 1, cols: 1 }],
    ["C:E", { row: 0, col: 2, rows: 1_048_576, cols: 3 }],
    ["3:4", { row: 2, col: 0, rows: 2, cols: 16_384 }],
  ])("%s is %o", (text, rect) => {
    expect(parseA1(text)).toEqual(rect);
  });

  it.each(["", "A", "A0", "1A", "A1:B2:C3", "XFE1", "A1048577"])("%s is not an address", (text) => {
    expect(() => parseA1(text)).toThrow(AddressError);
  });

  it("formats back as Excel writes it, whole columns and rows included", () => {
    expect([
      formatA1({ row: 0, col: 0, rows: 1, cols: 1 }),
      formatA1({ row: 1, col: 1, rows: 4, cols: 3 }, true),
      formatA1({ row: 0, col: 2, rows: 1_048_576, cols: 1 }),
      formatA1({ row: 2, col: 0, rows: 2, cols: 16_384 }),
    ]).toEqual(["A1", "$B$2:$D$5", "C:C", "3:4"]);
  });
});

describe("sheet names in addresses", () => {
  it("quotes a sheet name unless it is a plain identifier that is not a cell reference", () => {
    expect(["Sheet1", "SV Setup", "Bob's", "A1", "Q1-Q2", "_x"].map(quoteSheet)).toEqual(["Sheet1", "'SV Setup'", "'Bob''s'", "'A1'", "'Q1-Q2'", "_x"]);
  });

  it("splits a qualified address into the sheet name and the reference", () => {
    expect([splitSheet("'SV Setup'!A1:B2"), splitSheet("'Bob''s'!C3"), splitSheet("Sheet1!A1"), splitSheet("B2")]).toEqual([
      { sheet: "SV Setup", ref: "A1:B2" },
      { sheet: "Bob's", ref: "C3" },
      { sheet: "Sheet1", ref: "A1" },
      { ref: "B2" },
    ]);
  });

  it("qualifies an address with its sheet as Range.address does", () => {
    expect(qualifiedAddress("SV Setup", { row: 1, col: 1, rows: 1, cols: 1 })).toBe("'SV Setup'!B2");
  });
});
