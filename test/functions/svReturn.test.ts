import "../support/customFunctions";
import { svReturn } from "../../src/functions/functions";

describe("TENDER.SVRETURN", () => {
  it("divides social value by the contract value", () => {
    expect(svReturn([[250_000]], [[1_000_000]])).toEqual([[0.25]]);
  });

  it("reproduces Essex's programme: £42m committed on £447m is about 9.4p per £1", () => {
    const [[ratio]] = svReturn([[42_000_000]], [[447_000_000]]) as [[number]];
    expect(ratio).toBeCloseTo(0.094, 3);
  });

  it("works element-wise on ranges of the same shape", () => {
    expect(svReturn([[100], [300]], [[1000], [1500]])).toEqual([[0.1], [0.2]]);
  });

  it("uses one contract value for every value in a range", () => {
    expect(svReturn([[100], [200]], [[1000]])).toEqual([[0.1], [0.2]]);
  });

  it.each([[""], [null]])("counts a blank value (%p) as 0", (blank) => {
    expect(svReturn([[blank]], [[1000]])).toEqual([[0]]);
  });

  it("accepts a scalar where a one-cell range is given", () => {
    expect(svReturn(500 as unknown as unknown[][], 1000 as unknown as unknown[][])).toEqual([[0.5]]);
  });

  it("text in value is #VALUE! naming where", () => {
    expect(() => svReturn([[1], ["lots"]], [[1000]])).toThrowExcelError("#VALUE!", /row 2/);
  });

  it("a boolean contract value is #VALUE!", () => {
    expect(() => svReturn([[1]], [[true]])).toThrowExcelError("#VALUE!", /contract_value/);
  });

  it.each([[0], [-5], [""], [null]])("a contract value of %p is #DIV/0!", (contract) => {
    expect(() => svReturn([[1]], [[contract]])).toThrowExcelError("#DIV/0!");
  });

  it("a negative value is #NUM!", () => {
    expect(() => svReturn([[-1]], [[1000]])).toThrowExcelError("#NUM!");
  });

  it("reports #VALUE! before #DIV/0! before #NUM!", () => {
    expect(() => svReturn([[-1], ["x"]], [[0]])).toThrowExcelError("#VALUE!");
    expect(() => svReturn([[-1]], [[0]])).toThrowExcelError("#DIV/0!");
  });

  it("a boolean value is #VALUE! naming where", () => {
    expect(() => svReturn([[1], [false]], [[1000]])).toThrowExcelError("#VALUE!", /value row 2 is false, not a number/);
  });

  it("text in contract_value is #VALUE! naming where", () => {
    expect(() => svReturn([[1], [2]], [[1000], ["£1m"]])).toThrowExcelError("#VALUE!", /contract_value row 2 is "£1m", not a number/);
  });

  it("names row and column in a multi-column range", () => {
    expect(() => svReturn([[1, "x"]], [[1000]])).toThrowExcelError("#VALUE!", /value row 1, column 2/);
  });

  it("a zero contract value anywhere in a range is #DIV/0!", () => {
    expect(() => svReturn([[1], [2]], [[1000], [0]])).toThrowExcelError("#DIV/0!");
  });

  it.each([[""], [null]])("a blank value (%p) over a blank contract value is #DIV/0!", (blank) => {
    expect(() => svReturn([[blank]], [[blank]])).toThrowExcelError("#DIV/0!");
  });

  it("reports #VALUE! in contract_value before #DIV/0! in an earlier cell", () => {
    expect(() => svReturn([[1], [2]], [[0], ["x"]])).toThrowExcelError("#VALUE!", /contract_value row 2/);
  });

  it("reports #VALUE! in value before #VALUE! in contract_value", () => {
    expect(() => svReturn([[1], ["x"]], [["y"], [1]])).toThrowExcelError("#VALUE!", /^value row 2/);
  });

  it("ranges of different shapes are #VALUE!", () => {
    expect(() => svReturn([[1], [2], [3]], [[1], [2]])).toThrowExcelError("#VALUE!", /3×1.*2×1/);
  });
});
