import { tableHeaders } from "../../playground/HeaderMenu";
import { BLANKS, filterChoices, filterColumn, keptKeys, shownByOthers } from "../../playground/tableFilter";
import { PROTECTED_MESSAGE } from "../../playground/userEdits";
import type { ExcelRun } from "../../src/excel/shared/excelRun";
import { createExcelHost, type ExcelHost } from "../excelHost";

const everyRow = (): boolean => true;
const asText = (v: unknown): string => String(v);

describe("the values a header menu lists", () => {
  it("lists each value once whatever its case, numbers first and smallest first, then text A to Z, blanks last", () => {
    const choices = filterChoices(["birch", 12, "Acme", "", 3, "ACME", null, "cura"], everyRow, asText);
    expect(choices.map((c) => c.label)).toEqual(["3", "12", "Acme", "birch", "cura", BLANKS]);
    expect(choices.map((c) => c.key)).toEqual(["3", "12", "acme", "birch", "cura", ""]);
  });

  it("shows each value as its cell shows it", () => {
    expect(filterChoices([1200], everyRow, (v) => `£${String(v)}.00`)).toEqual([{ key: "1200", label: "£1200.00" }]);
  });

  it("lists only the rows the other columns' filters show", () => {
    const rows = [
      ["Acme", "ILL1"],
      ["Birch", "ILL2"],
      ["Acme", "ILL3"],
    ];
    const shown = shownByOthers(rows, new Map([[0, ["acme"]]]), 1);
    expect(filterChoices(rows.map((r) => r[1]), shown, asText).map((c) => c.label)).toEqual(["ILL1", "ILL3"]);
    // A column's own filter does not narrow its own list.
    expect(filterChoices(rows.map((r) => r[0]), shownByOthers(rows, new Map([[0, ["acme"]]]), 0), asText).map((c) => c.label)).toEqual(["Acme", "Birch"]);
  });
});

describe("what OK does with the boxes checked", () => {
  const choices = [
    { key: "acme", label: "Acme" },
    { key: "birch", label: "Birch" },
    { key: "", label: BLANKS },
  ];

  it("keeps the checked values, blanks included", () => {
    expect(keptKeys(choices, new Set(["acme", ""]))).toEqual(["acme", ""]);
  });

  it("filters nothing when every box is checked", () => {
    expect(keptKeys(choices, new Set(["acme", "birch", ""]))).toBeUndefined();
  });
});

describe("filtering a table's column in the workbook", () => {
  async function bids(): Promise<{ fake: ExcelHost; run: ExcelRun }> {
    const fake = createExcelHost({ sheets: { Bids: [["Bidder", "Value"], ["Acme", 1], ["Birch", 2], ["Acme", 3]] } });
    const run = fake.run as unknown as ExcelRun;
    await run(async (context) => {
      context.workbook.tables.add("Bids!A1:B4", true).name = "Bids";
      await context.sync();
    });
    return { fake, run };
  }

  it("hides the rows it does not keep, in the host, and shows them again when cleared", async () => {
    const { fake, run } = await bids();
    const target = { sheet: "Bids", table: "Bids", column: "Bidder" };
    await expect(filterColumn(run, target, ["birch"])).resolves.toBeUndefined();
    expect(fake.inspect.hiddenRows("Bids")).toEqual([2, 4]);
    await filterColumn(run, target, undefined);
    expect(fake.inspect.hiddenRows("Bids")).toEqual([]);
  });

  it("is refused with Excel's message on a protected sheet, and allowed where its protection allows AutoFilter", async () => {
    const { fake, run } = await bids();
    const target = { sheet: "Bids", table: "Bids", column: "Bidder" };
    await run(async (context) => {
      context.workbook.worksheets.getItem("Bids").protection.protect();
      await context.sync();
    });
    await expect(filterColumn(run, target, ["birch"])).resolves.toBe(PROTECTED_MESSAGE);
    expect(fake.inspect.hiddenRows("Bids")).toEqual([]);
    await run(async (context) => {
      const protection = context.workbook.worksheets.getItem("Bids").protection;
      protection.unprotect();
      protection.protect({ allowAutoFilter: true });
      await context.sync();
    });
    await expect(filterColumn(run, target, ["birch"])).resolves.toBeUndefined();
    expect(fake.inspect.hiddenRows("Bids")).toEqual([2, 4]);
  });
});

describe("what the grid draws of a filtered table", () => {
  it("gives each header cell a button saying whether its column is filtered, skips hidden rows, and an arrow steps over them", async () => {
    const fake = createExcelHost({ sheets: { Bids: [["Bidder", "Value"], ["Acme", 1], ["Birch", 2], ["Acme", 3], ["Birch", 4]] } });
    const run = fake.run as unknown as ExcelRun;
    await run(async (context) => {
      context.workbook.tables.add("Bids!A1:B5", true).name = "Bids";
      await context.sync();
    });
    await filterColumn(run, { sheet: "Bids", table: "Bids", column: "Bidder" }, ["birch"]);
    const headers = tableHeaders(fake, "Bids");
    expect([headers.at(0, 0)?.filtered, headers.at(0, 1)?.filtered, headers.at(1, 0)]).toEqual([true, false, undefined]);
    expect([...headers.hidden].sort()).toEqual([1, 3]);
    // From row 3 (index 2) down one shown row is row 5; up one is row 1, the header.
    expect([headers.step(2, 1), headers.step(2, -1), headers.step(0, -1)]).toEqual([4, 0, 0]);
  });
});
