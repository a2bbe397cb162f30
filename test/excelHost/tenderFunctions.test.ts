/**
 * The TENDER functions compute inside the host's workbook (the default engine registers them),
 * over tables and names the way an inserted evaluation workbook uses them.
 * Figures: Acme commits 2 FTE of ECC1 (£30,000 each) and 10 weeks of ECC10 (£400 each):
 * £64,000, which is 6.4p per £1 of a £1,000,000 contract.
 */
import { HyperFormula } from "hyperformula";
import { createExcelHost, type ExcelHost } from "./index";

const excelRun = (fake: ExcelHost): typeof Excel.run => fake.run as unknown as typeof Excel.run;

async function evaluationWorkbook(): Promise<ExcelHost> {
  const fake = createExcelHost({
    sheets: {
      "SV Setup": [["Contract value", 1_000_000]],
      "SV Measures": [
        ["Ref", "Unit", "Proxy"],
        ["ECC1", "FTE", 30_000],
        ["ECC10", "weeks", 400],
      ],
      "SV Commitments": [
        ["Bidder", "Ref", "Quantity"],
        ["Acme", "ECC1", 2],
        ["Acme", "ECC10", 10],
        ["Bravo", "ECC10", 5],
      ],
      "SV Scores": [["Bidder", "Value", "Return"], ["Acme"], ["Bravo"]],
    },
  });
  await excelRun(fake)(async (context) => {
    const { tables, names, worksheets } = context.workbook;
    tables.add("'SV Measures'!A1:C3", true).name = "SV_Measures";
    tables.add("'SV Commitments'!A1:C4", true).name = "SV_Commitments";
    names.add("SV_ContractValue", worksheets.getItem("SV Setup").getRange("B1"));
    const scores = tables.add("'SV Scores'!A1:C3", true);
    scores.name = "SV_Scores";
    scores.getDataBodyRange().getColumn(1).formulas = [
      ["=TENDER.SVVALUE(SV_Commitments[Ref],SV_Commitments[Quantity],SV_Measures[Ref],SV_Measures[Proxy],SV_Commitments[Bidder],[@Bidder])"],
      ["=TENDER.SVVALUE(SV_Commitments[Ref],SV_Commitments[Quantity],SV_Measures[Ref],SV_Measures[Proxy],SV_Commitments[Bidder],[@Bidder])"],
    ];
    scores.getDataBodyRange().getColumn(2).formulas = [["=TENDER.SVRETURN([@Value],SV_ContractValue)"], ["=TENDER.SVRETURN([@Value],SV_ContractValue)"]];
    await context.sync();
  });
  return fake;
}

describe("TENDER functions in the host's workbook", () => {
  it("SVVALUE and SVRETURN compute over tables and a named cell", async () => {
    const fake = await evaluationWorkbook();
    expect(fake.inspect.values("'SV Scores'!A2:C3")).toEqual([
      ["Acme", 64_000, 0.064],
      ["Bravo", 2_000, 0.002],
    ]);
  });

  it("a changed commitment recalculates the scores that depend on it", async () => {
    const fake = await evaluationWorkbook();
    const values = await excelRun(fake)(async (context) => {
      context.workbook.tables.getItem("SV_Commitments").columns.getItem("Quantity").getDataBodyRange().getRow(2).values = [[50]];
      const scores = context.workbook.tables.getItem("SV_Scores").getDataBodyRange().load("values");
      await context.sync();
      return scores.values;
    });
    expect(values).toEqual([
      ["Acme", 64_000, 0.064],
      ["Bravo", 20_000, 0.02],
    ]);
  });

  it("a TENDER error shows in the cell as Excel's error value", async () => {
    const fake = await evaluationWorkbook();
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("SV Commitments").getRange("B4").values = [["ECC99"]];
      await context.sync();
    });
    expect(fake.inspect.value("'SV Scores'!B3")).toBe("#N/A");
  });

  it("an injected engine factory builds the engine, asked for Excel's grid and dynamic arrays", () => {
    const configs: object[] = [];
    const fake = createExcelHost({
      createEngine: (config) => {
        configs.push(config);
        return HyperFormula.buildEmpty({ licenseKey: "gpl-v3", ...config });
      },
      sheets: { Sheet1: [[1, 2, "=A1:B1*10"]] },
    });
    expect(configs).toEqual([expect.objectContaining({ maxRows: 1_048_576, maxColumns: 16_384, useArrayArithmetic: true })]);
    expect(fake.inspect.values("Sheet1!C1:D1")).toEqual([[10, 20]]);
  });
});
