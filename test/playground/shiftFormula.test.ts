import { shiftFormula } from "../../playground/shiftFormula";

describe("a copied formula pasted elsewhere", () => {
  it("moves relative references by the distance pasted", () => {
    expect(shiftFormula("=A1+B2", 2, 1)).toBe("=B3+C4");
    expect(shiftFormula("=SUM(A1:A3)", 1, 0)).toBe("=SUM(A2:A4)");
  });

  it("keeps the $-anchored parts", () => {
    expect(shiftFormula("=$A$1*A$1+$A1", 3, 2)).toBe("=$A$1*C$1+$A4");
  });

  it("moves references to other sheets too, and leaves text, names, functions and structured references alone", () => {
    expect(shiftFormula("='SV Setup'!B2&\"A1\"", 1, 0)).toBe("='SV Setup'!B3&\"A1\"");
    expect(shiftFormula("=LOG10(A1)+SV_Total+[@Value]", 1, 0)).toBe("=LOG10(A2)+SV_Total+[@Value]");
  });

  it("makes a reference moved off the sheet #REF!", () => {
    expect(shiftFormula("=A1", -1, 0)).toBe("=#REF!");
  });

  it("leaves a value that is not a formula as it is", () => {
    expect(shiftFormula("A1", 1, 1)).toBe("A1");
  });
});
