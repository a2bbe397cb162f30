/**
 * Range.getSpecialCells / getSpecialCellsOrNullObject and the RangeAreas they return:
 * constants, formulas and blanks as Office.js finds them, in as few areas as the cells allow.
 */
import { takeUnimplemented } from "./strictness";
import { createExcelHost, type ExcelHost } from "./index";

const excelRun = (fake: ExcelHost): typeof Excel.run => fake.run as unknown as typeof Excel.run;

// Column A: formulas with a number typed over A3 and A5 cleared; B: text, a number, TRUE, an error formula.
const SHEET = {
  Data: [
    [1, "=A1+1", "x"],
    [2, "=A2+1", 5],
    [3, 99, true],
    [4, "=A4+1", "=1/0"],
    [5, null, null],
  ],
};

async function special(range: string, cellType: string, valueType?: string): Promise<{ isNull: boolean; address?: string; areaCount?: number; cellCount?: number }> {
  const fake = createExcelHost({ sheets: SHEET });
  return excelRun(fake)(async (context) => {
    const found = context.workbook.worksheets
      .getItem("Data")
      .getRange(range)
      .getSpecialCellsOrNullObject(cellType as Excel.SpecialCellType, valueType as Excel.SpecialCellValueType | undefined)
      .load("address, areaCount, cellCount");
    await context.sync();
    return found.isNullObject ? { isNull: true } : { isNull: false, address: found.address, areaCount: found.areaCount, cellCount: found.cellCount };
  });
}

describe("special cells", () => {
  it("finds a value typed over a column of formulas, and a cleared cell as a blank, not a constant", async () => {
    expect(await special("B1:B5", "Constants")).toMatchObject({ address: "Data!B3", areaCount: 1, cellCount: 1 });
    expect(await special("B1:B5", "Blanks")).toMatchObject({ address: "Data!B5", cellCount: 1 });
    expect(await special("B1:B5", "Formulas")).toMatchObject({ address: "Data!B1:B2, Data!B4", areaCount: 2, cellCount: 3 });
  });

  it("joins matching cells into rectangles, row by row", async () => {
    expect(await special("A1:C5", "Constants")).toMatchObject({ address: "Data!A1:A2, Data!C1:C2, Data!A3:C3, Data!A4:A5", areaCount: 4, cellCount: 9 });
  });

  it("narrows constants and formulas by the type of their value", async () => {
    expect(await special("A1:C5", "Constants", "Text")).toMatchObject({ address: "Data!C1" });
    expect(await special("A1:C5", "Constants", "Logical")).toMatchObject({ address: "Data!C3" });
    expect(await special("A1:C5", "Formulas", "Errors")).toMatchObject({ address: "Data!C4" });
    expect(await special("C1:C5", "Constants", "LogicalNumbers")).toMatchObject({ address: "Data!C2:C3" });
  });

  it("gives a null object when no cell matches, and getSpecialCells fails the sync with ItemNotFound", async () => {
    expect(await special("B1:B2", "Constants")).toEqual({ isNull: true });
    const fake = createExcelHost({ sheets: SHEET });
    await expect(
      excelRun(fake)(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("B1:B2").getSpecialCells("Constants" as Excel.SpecialCellType).load("address");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("lists its areas as ranges", async () => {
    const fake = createExcelHost({ sheets: SHEET });
    const addresses = await excelRun(fake)(async (context) => {
      const areas = context.workbook.worksheets.getItem("Data").getRange("B1:B5").getSpecialCells("Formulas" as Excel.SpecialCellType).areas.load("items/address, items/values");
      await context.sync();
      return areas.items.map((r) => [r.address, r.values]);
    });
    expect(addresses).toEqual([
      ["Data!B1:B2", [[2], [3]]],
      ["Data!B4", [[5]]],
    ]);
  });

  it("says NotImplemented for the special cell types the host does not model, and notes it so a test of the add-in fails", async () => {
    await expect(special("A1:C5", "Visible")).rejects.toMatchObject({ code: "NotImplemented" });
    expect(takeUnimplemented()).toEqual(["Range.getSpecialCells"]);
  });
});
