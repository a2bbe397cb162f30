/**
 * Defined names (workbook.names): adding them for ranges and formulas, reading them back, and
 * formulas that use them.
 */
import { createExcelHost, type ExcelHost } from "./index";

const excelRun = (fake: ExcelHost): typeof Excel.run => fake.run as unknown as typeof Excel.run;

/** "SV Setup" with a contract value in B2, named SV_ContractValue. */
async function withContractValue(): Promise<ExcelHost> {
  const fake = createExcelHost({ sheets: { "SV Setup": [["Setting", "Value"], ["Contract value", 1_000_000]] } });
  await excelRun(fake)(async (context) => {
    context.workbook.names.add("SV_ContractValue", context.workbook.worksheets.getItem("SV Setup").getRange("B2"));
    await context.sync();
  });
  return fake;
}

describe("defined names", () => {
  it("a name added for a range refers to its absolute, sheet-qualified address", async () => {
    const fake = await withContractValue();
    expect(fake.inspect.names()).toEqual([{ name: "SV_ContractValue", formula: "='SV Setup'!$B$2", comment: "", visible: true }]);
  });

  it("a formula using a name computes, and keeps the name in its text", async () => {
    const fake = await withContractValue();
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("SV Setup").getRange("C2").formulas = [["=SV_ContractValue*0.1"]];
      await context.sync();
    });
    expect(fake.inspect.value("'SV Setup'!C2")).toBe(100_000);
    expect(fake.inspect.formulas("'SV Setup'!C2")).toEqual([["=SV_ContractValue*0.1"]]);
  });

  it("names are found whatever their case", async () => {
    const fake = await withContractValue();
    await excelRun(fake)(async (context) => {
      context.workbook.worksheets.getItem("SV Setup").getRange("C2").formulas = [["=sv_contractvalue/2"]];
      await context.sync();
    });
    expect(fake.inspect.value("'SV Setup'!C2")).toBe(500_000);
  });

  it("a formula using a name that does not exist yet shows #NAME?, and computes once the name is added", async () => {
    const fake = createExcelHost({ sheets: { Sheet1: [[5, "=SV_Rate*A1"]] } });
    expect(fake.inspect.value("Sheet1!B1")).toBe("#NAME?");
    await excelRun(fake)(async (context) => {
      context.workbook.names.add("SV_Rate", "=0.2");
      await context.sync();
    });
    expect(fake.inspect.value("Sheet1!B1")).toBe(1);
  });

  it("type and value say what a name refers to; getRange returns its range", async () => {
    const fake = await withContractValue();
    const seen = await excelRun(fake)(async (context) => {
      context.workbook.names.add("SV_Weighting", "=0.1");
      const contract = context.workbook.names.getItem("SV_ContractValue").load("type, value");
      const weighting = context.workbook.names.getItem("SV_Weighting").load("type, value, formula");
      const range = context.workbook.names.getItem("SV_ContractValue").getRange().load("address, values");
      await context.sync();
      return [contract.type, contract.value, weighting.type, weighting.value, weighting.formula, range.address, range.values];
    });
    expect(seen).toEqual(["Range", "'SV Setup'!$B$2", "Double", 0.1, "=0.1", "'SV Setup'!B2", [[1_000_000]]]);
  });

  it("a name may refer to a table column, and formulas using it follow the table", async () => {
    const fake = createExcelHost({ sheets: { Sheet1: [["Ref"], ["ECC1"], ["ECC2"]] } });
    await excelRun(fake)(async (context) => {
      context.workbook.tables.add("Sheet1!A1:A3", true).name = "SV_Measures";
      context.workbook.names.add("SV_Refs", "=SV_Measures[Ref]");
      context.workbook.worksheets.getItem("Sheet1").getRange("C1").formulas = [["=COUNTA(SV_Refs)"]];
      await context.sync();
    });
    expect(fake.inspect.value("Sheet1!C1")).toBe(2);
  });

  it("changing a name's formula recalculates the formulas that use it", async () => {
    const fake = await withContractValue();
    await excelRun(fake)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("SV Setup");
      sheet.getRange("B3").values = [[2_000_000]];
      sheet.getRange("C2").formulas = [["=SV_ContractValue"]];
      context.workbook.names.getItem("SV_ContractValue").formula = "='SV Setup'!$B$3";
      await context.sync();
    });
    expect(fake.inspect.value("'SV Setup'!C2")).toBe(2_000_000);
  });

  it("a name used already, by a name or a table, is ItemAlreadyExists", async () => {
    const fake = await withContractValue();
    const run = excelRun(fake);
    const again = run(async (context) => {
      context.workbook.names.add("sv_contractvalue", "=1");
      await context.sync();
    });
    const tableNamedLikeIt = run(async (context) => {
      context.workbook.tables.add("'SV Setup'!A1:B2", true).name = "SV_ContractValue";
      await context.sync();
    });
    await expect(again).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(tableNamedLikeIt).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("a name that looks like a cell reference or has spaces is InvalidArgument", async () => {
    const run = excelRun(createExcelHost());
    const add = (name: string) =>
      run(async (context) => {
        context.workbook.names.add(name, "=1");
        await context.sync();
      });
    await expect(add("SV1")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(add("Contract value")).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("getItemOrNullObject is null for a missing name; a deleted name is gone", async () => {
    const fake = await withContractValue();
    const seen = await excelRun(fake)(async (context) => {
      context.workbook.names.getItem("SV_ContractValue").delete();
      const gone = context.workbook.names.getItemOrNullObject("SV_ContractValue");
      await context.sync();
      return gone.isNullObject;
    });
    expect(seen).toBe(true);
    expect(fake.inspect.names()).toEqual([]);
  });
});
