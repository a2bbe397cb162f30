/**
 * How formulas reach the engine: defined names and structured references become absolute A1
 * references; everything else (strings, functions, sheet-qualified references) passes through.
 */
import { FormulaReferenceError, renameSheetInFormula, renameTableInFormula, translateFormula, type FormulaScope, type TableShape } from "./formulaTranslation";

/** SV_Measures on 'SV Measures'!A1:C4: header in row 1, data rows 2–4. */
const measures: TableShape = { name: "SV_Measures", sheet: "SV Measures", headerRow: 0, firstCol: 0, dataRows: 3, columns: ["Ref", "Unit", "Proxy £"] };

const scope: FormulaScope = {
  table: (name) => (name.toLowerCase() === "sv_measures" ? measures : undefined),
  tableAt: (sheet, row, col) => (sheet === "SV Measures" && row <= 3 && col <= 2 ? measures : undefined),
  name: (name) => ({ sv_contractvalue: "='SV Setup'!$B$2", sv_rate: "=0.1+0", sv_refs: "=SV_Measures[Ref]" })[name.toLowerCase()],
};

const outside = { sheet: "SV Scores", row: 9, col: 9 };
const inRow3 = { sheet: "SV Measures", row: 2, col: 1 };
const translate = (formula: string, cell = outside): string => translateFormula(formula, cell, scope);

describe("structured references", () => {
  it.each([
    ["=SUM(SV_Measures[Ref])", "=SUM('SV Measures'!$A$2:$A$4)"],
    ["=SUM(SV_Measures[[Ref]])", "=SUM('SV Measures'!$A$2:$A$4)"],
    ["=ROWS(SV_Measures)", "=ROWS('SV Measures'!$A$2:$C$4)"],
    ["=ROWS(SV_Measures[])", "=ROWS('SV Measures'!$A$2:$C$4)"],
    ["=ROWS(SV_Measures[#All])", "=ROWS('SV Measures'!$A$1:$C$4)"],
    ["=ROWS(SV_Measures[#Data])", "=ROWS('SV Measures'!$A$2:$C$4)"],
    ["=COUNTA(SV_Measures[#Headers])", "=COUNTA('SV Measures'!$A$1:$C$1)"],
    ["=SV_Measures[[#Headers],[Unit]]", "='SV Measures'!$B$1"],
    ["=COUNTA(SV_Measures[[#Headers],[#Data],[Unit]])", "=COUNTA('SV Measures'!$B$1:$B$4)"],
    ["=COUNTA(SV_Measures[[Ref]:[Unit]])", "=COUNTA('SV Measures'!$A$2:$B$4)"],
    ["=SUM(sv_measures[proxy £])", "=SUM('SV Measures'!$C$2:$C$4)"],
  ])("%s reads %s", (formula, expected) => {
    expect(translate(formula)).toBe(expected);
  });

  it.each([
    ["=[@Ref]", "='SV Measures'!$A$3"],
    ["=[@[Proxy £]]*2", "='SV Measures'!$C$3*2"],
    ["=SV_Measures[@Unit]", "='SV Measures'!$B$3"],
    ["=SV_Measures[[#This Row],[Unit]]", "='SV Measures'!$B$3"],
    ["=COUNTA(SV_Measures[@])", "=COUNTA('SV Measures'!$A$3:$C$3)"],
    ["=SUM([Proxy £])", "=SUM('SV Measures'!$C$2:$C$4)"],
  ])("this row: %s in row 3 of the table reads %s", (formula, expected) => {
    expect(translate(formula, inRow3)).toBe(expected);
  });

  it("a this-row reference from outside the table's data rows is #VALUE!", () => {
    expect(translate("=SV_Measures[@Ref]", { sheet: "SV Scores", row: 20, col: 0 })).toBe("=#VALUE!");
  });

  it("an unknown table or column throws, or becomes #REF! when asked", () => {
    expect(() => translate("=SUM(SV_Scores[Score])")).toThrow(FormulaReferenceError);
    expect(() => translate("=SUM(SV_Measures[Quantity])")).toThrow(FormulaReferenceError);
    expect(() => translate("=[@Ref]")).toThrow(FormulaReferenceError);
    expect(translateFormula("=SUM(SV_Scores[Score])+1", outside, scope, { brokenAsRef: true })).toBe("=SUM(#REF!)+1");
  });

  it("an escaped bracket in a column name is read as part of the name", () => {
    const odd: TableShape = { ...measures, name: "T", columns: ["Ref", "Max [pts]", "Proxy"] };
    const s: FormulaScope = { ...scope, table: (n) => (n === "T" ? odd : undefined) };
    expect(translateFormula("=SUM(T[Max '[pts']])", outside, s)).toBe("=SUM('SV Measures'!$B$2:$B$4)");
  });
});

describe("defined names", () => {
  it("a name for a range becomes that range, whatever its case", () => {
    expect(translate("=sv_contractvalue*0.25")).toBe("='SV Setup'!$B$2*0.25");
  });

  it("a name for a formula is inlined in parentheses", () => {
    expect(translate("=100*SV_Rate")).toBe("=100*(0.1+0)");
  });

  it("a name over a structured reference resolves through the table", () => {
    expect(translate("=COUNTA(SV_Refs)")).toBe("=COUNTA('SV Measures'!$A$2:$A$4)");
  });

  it("an unknown name is left for the engine to show #NAME?", () => {
    expect(translate("=SV_Nothing+1")).toBe("=SV_Nothing+1");
  });
});

describe("what passes through untouched", () => {
  it.each([
    ['="SV_ContractValue and SV_Measures[Ref]"'],
    ["=TENDER.SVSCORE(A1,A1:A9,10)"],
    ["='SV Setup'!B2+Sheet2!$C$3"],
    ["=SUM(A:A)+SUM(1:1)+A1+$B$2+XFD1048576"],
    ["=1.5E3+TRUE"],
  ])("%s", (formula) => {
    expect(translate(formula)).toBe(formula);
  });
});

describe("renames", () => {
  it("renaming a sheet rewrites its qualified references, quoting the new name when needed", () => {
    expect(renameSheetInFormula("=Setup!B2+'Setup'!C3+Other!A1", "setup", "SV Setup")).toBe("='SV Setup'!B2+'SV Setup'!C3+Other!A1");
  });

  it("renaming a table rewrites its structured references", () => {
    expect(renameTableInFormula("=SUM(SV_Measures[Proxy])+[@Ref]", "sv_measures", "Measures")).toBe("=SUM(Measures[Proxy])+[@Ref]");
  });
});
