/**
 * The TENDER custom functions: the product's public formula API (DESIGN.md, "Custom
 * functions"). Each is a thin adapter: coerce what Excel passes, call src/core, translate
 * a domain error to CustomFunctions.Error. The JSDoc below generates functions.json; ids
 * are frozen once shipped because they are stored in users' workbooks.
 */
import { asMatrix, describeShape, fail, isBlankCell, sameShape } from "./excelArgs";

/**
 * Social value return: social value £ divided by the contract value (0.25 means 25p of social value per £1).
 * Works element-wise on ranges of the same shape, e.g. =TENDER.SVRETURN(C2:C4, B2:B4).
 * @customfunction SVRETURN
 * @param value Social value in £ (a cell or a range; blank counts as 0).
 * @param contract_value Contract value in £, excluding VAT (one cell, or a range the same shape as value).
 * @returns The return as a ratio; format the cell as % to read it as pence per £1.
 */
export function svReturn(value: unknown[][], contract_value: unknown[][]): number[][] {
  const values = asMatrix(value);
  const contracts = asMatrix(contract_value);
  const single = contracts.length === 1 && contracts[0]?.length === 1;
  if (!single && !sameShape(values, contracts)) {
    fail(
      CustomFunctions.ErrorCode.invalidValue,
      `value is ${describeShape(values)} but contract_value is ${describeShape(contracts)}: give one contract value or a range of the same shape.`
    );
  }
  const contractAt = (r: number, c: number): unknown => (single ? contracts[0]?.[0] : contracts[r]?.[c]);

  // Precedence (DESIGN.md): any wrong kind of input (#VALUE!), then a zero or blank divisor
  // (#DIV/0!), then a negative value (#NUM!); within each, argument order then row by row.
  values.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isBlankCell(cell) && typeof cell !== "number")
        fail(CustomFunctions.ErrorCode.invalidValue, `value in row ${r + 1}, column ${c + 1} is not a number: ${JSON.stringify(cell)}.`);
    })
  );
  (single ? [[contractAt(0, 0)]] : contracts).forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isBlankCell(cell) && typeof cell !== "number")
        fail(CustomFunctions.ErrorCode.invalidValue, `contract_value in row ${r + 1}, column ${c + 1} is not a number: ${JSON.stringify(cell)}.`);
    })
  );
  (single ? [[contractAt(0, 0)]] : contracts).forEach((row) =>
    row.forEach((cell) => {
      if (isBlankCell(cell) || (cell as number) <= 0) fail(CustomFunctions.ErrorCode.divisionByZero);
    })
  );
  values.forEach((row) =>
    row.forEach((cell) => {
      if (typeof cell === "number" && cell < 0) fail(CustomFunctions.ErrorCode.invalidNumber);
    })
  );
  return values.map((row, r) => row.map((cell, c) => (isBlankCell(cell) ? 0 : (cell as number)) / (contractAt(r, c) as number)));
}
