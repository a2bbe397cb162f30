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

  it("ranges of different shapes are #VALUE!", () => {
    expect(() => svReturn([[1], [2], [3]], [[1], [2]])).toThrowExcelError("#VALUE!", /3×1.*2×1/);
  });
});
