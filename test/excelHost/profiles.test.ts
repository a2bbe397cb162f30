/**
 * The host profiles (profiles.ts): each behaves as described, so a test that picks one sees the
 * Excel it names. The product's own fixes for these are other issues; here the harness is proven.
 */
import * as tender from "../../src/functions/functions";
import { createExcelHost, type ExcelHost, type ProfileName } from "./index";
import { excelMemberSets, parseMemberSets } from "./apiSets";

const excelRun = (host: ExcelHost): typeof Excel.run => host.run as unknown as typeof Excel.run;

/** Measures in E1:F3 (ref, unit) and a blank commitment row in A2:C2 checked in G2. */
const CHECK_SHEET = {
  Sheet1: [
    ["Ref", "Quantity", "Unit", null, "ECC1", "hours"],
    [null, null, null, null, "ECC2", "£"],
    [null, null, null, null, "ECC3", "people"],
  ],
};

async function checkOfBlankRow(profile?: ProfileName): Promise<unknown> {
  const host = createExcelHost({ sheets: CHECK_SHEET, ...(profile ? { profile } : {}) });
  await excelRun(host)(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("G2").formulas = [["=TENDER.SVCHECK(A2, B2, C2, E1:E3, F1:F3)"]];
    await context.sync();
  });
  return host.inspect.value("Sheet1!G2");
}

describe("desktop-legacy: a custom function receives an empty cell as 0", () => {
  afterEach(() => jest.restoreAllMocks());

  it("passes null for an empty cell on the web profile, and 0 on desktop-legacy; an omitted argument is null on both", async () => {
    const calls: unknown[][] = [];
    jest.spyOn(tender, "svCheck").mockImplementation((...args: unknown[]) => {
      calls.push(args);
      return "OK";
    });
    await checkOfBlankRow();
    await checkOfBlankRow("desktop-legacy");
    const [web, legacy] = calls;
    expect(web?.slice(0, 3)).toEqual([null, null, null]);
    expect(legacy?.slice(0, 3)).toEqual([0, 0, 0]);
    expect(web?.[5]).toBeNull(); // in_scope, omitted
    expect(legacy?.[5]).toBeNull();
  });

  it("and TENDER.SVCHECK reads the blank row the same under both (a ref or unit of 0 is an empty cell)", async () => {
    expect(await checkOfBlankRow()).toBe("OK");
    expect(await checkOfBlankRow("desktop-legacy")).toBe("OK");
  });
});

describe("calculated-columns-off: Excel fills no calculated column", () => {
  async function grownTable(profile?: ProfileName): Promise<unknown[][]> {
    const host = createExcelHost({ sheets: { Sheet1: [["Qty", "Double"], [2], [3]] }, ...(profile ? { profile } : {}) });
    await excelRun(host)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      context.workbook.tables.add("Sheet1!A1:B3", true).name = "T";
      await context.sync();
      sheet.getRange("B2:B3").formulas = [["=[@Qty]*2"], ["=[@Qty]*2"]];
      await context.sync();
      context.workbook.tables.getItem("T").resize(sheet.getRange("A1:B5"));
      sheet.getRange("A4:A5").values = [[4], [5]];
      await context.sync();
    });
    return host.inspect.formulas("Sheet1!B4:B5");
  }

  it("fills the formula into rows a resize adds on the web profile, and leaves them empty with the option off", async () => {
    expect(await grownTable()).toEqual([["=[@Qty]*2"], ["=[@Qty]*2"]]);
    expect(await grownTable("calculated-columns-off")).toEqual([[""], [""]]);
  });
});

describe("apostrophe-kept: an apostrophe written into an @ cell stays", () => {
  async function readBack(profile?: ProfileName): Promise<unknown[][]> {
    const host = createExcelHost(profile ? { profile } : {});
    return excelRun(host)(async (context) => {
      const cells = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      cells.numberFormat = [["@", "General"]];
      cells.values = [["'ECC10", "'ECC10"]];
      cells.load("values");
      await context.sync();
      return cells.values;
    });
  }

  it("reads 'ECC10 back as ECC10 on the web profile, and as 'ECC10 in the @ cell (only) with the apostrophe kept", async () => {
    expect(await readBack()).toEqual([["ECC10", "ECC10"]]);
    expect(await readBack("apostrophe-kept")).toEqual([["'ECC10", "ECC10"]]);
  });
});

describe("min-api: a member above the declared requirement sets fails with ApiNotFound", () => {
  const resize = (host: ExcelHost): Promise<void> =>
    excelRun(host)(async (context) => {
      context.workbook.tables.add("Sheet1!A1:B3", true).name = "T";
      await context.sync();
      context.workbook.tables.getItem("T").resize("Sheet1!A1:B5");
      await context.sync();
    });

  it("refuses Table.resize (ExcelApi 1.13) when the add-in declares less", async () => {
    await expect(resize(createExcelHost({ profile: "min-api", requirementSets: { ExcelApi: "1.12" } }))).rejects.toMatchObject({ code: "ApiNotFound", debugInfo: { errorLocation: "Table.resize" } });
  });

  it("allows it once ExcelApi 1.13 is declared (as manifest.xml does), and allows everything on the web profile", async () => {
    await expect(resize(createExcelHost({ profile: "min-api" }))).resolves.toBeUndefined();
    await expect(resize(createExcelHost({ profile: "min-api", requirementSets: { ExcelApi: "1.13" } }))).resolves.toBeUndefined();
    await expect(resize(createExcelHost())).resolves.toBeUndefined();
  });

  it("checks what a load reads too: Range.isEntireColumn is ExcelApi 1.7", async () => {
    const host = createExcelHost({ profile: "min-api", requirementSets: { ExcelApi: "1.6" } });
    const load = excelRun(host)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A:A").load("isEntireColumn");
      await context.sync();
    });
    await expect(load).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("takes each member's set from the [Api set] tags of @types/office-js, not from a hand-typed list", () => {
    const sets = excelMemberSets();
    expect(sets.get("Table.resize")).toEqual({ set: "ExcelApi", version: "1.13" });
    expect(sets.get("Range.getSpecialCells")).toEqual({ set: "ExcelApi", version: "1.9" });
    expect(sets.get("Range.values")).toEqual({ set: "ExcelApi", version: "1.1" });
    expect(sets.size).toBeGreaterThan(2000);
    const parsed = parseMemberSets(
      [
        "declare namespace Excel {",
        "    /**",
        "     * [Api set: ExcelApi 1.2]",
        "     */",
        "    class Widget extends OfficeExtension.ClientObject {",
        "        /**",
        "         * [Api set: ExcelApi 1.5, ExcelApiOnline 1.1]",
        "         */",
        "        spin(times: number): void;",
        "        readonly size: number;",
        "    }",
        "}",
      ].join("\n")
    );
    expect([...parsed]).toEqual([
      ["Widget.spin", { set: "ExcelApi", version: "1.5" }],
      ["Widget.size", { set: "ExcelApi", version: "1.2" }],
    ]);
  });
});

describe("busy: TENDER cells read #BUSY! until calculation finishes", () => {
  it("shows #BUSY! after a change, and the value once the test lets calculation finish", async () => {
    const host = createExcelHost({ profile: "busy", sheets: { Sheet1: [[250_000, 1_000_000]] } });
    const read = (): Promise<unknown[][]> =>
      excelRun(host)(async (context) => {
        const cells = context.workbook.worksheets.getItem("Sheet1").getRange("C1:D1").load("values");
        await context.sync();
        return cells.values;
      });
    await excelRun(host)(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1:D1").formulas = [["=TENDER.SVRETURN(A1, B1)", "=A1/B1"]];
      await context.sync();
    });
    expect(await read()).toEqual([["#BUSY!", 0.25]]);
    host.finishCalculation();
    expect(await read()).toEqual([[0.25, 0.25]]);
  });

  it("never shows #BUSY! on the web profile", async () => {
    const host = createExcelHost({ sheets: { Sheet1: [[250_000, 1_000_000, "=TENDER.SVRETURN(A1, B1)"]] } });
    expect(host.inspect.values("Sheet1!C1")).toEqual([[0.25]]);
  });
});

describe("profiles combine and are named", () => {
  it("takes several profiles at once, and refuses one it does not know", () => {
    const host = createExcelHost({ profile: ["desktop-legacy", "calculated-columns-off"] });
    expect(host.profile).toMatchObject({ blankCellAs: 0, fillsCalculatedColumns: false, keepsApostropheInTextCells: false });
    expect(() => createExcelHost({ profile: "desktop-2016" as ProfileName })).toThrow(/no profile "desktop-2016"/);
  });
});
