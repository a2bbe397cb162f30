import { applyMeasureTableImport, previewMeasureTableImport } from "../../../src/excel/bids/importMeasureTable";
import { readSelectionGrid, openWorkbook, toBase64 } from "../../../src/excel/bids/selectionGrid";
import { validateWorkbook } from "../../../src/excel/validate/validateWorkbook";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { ILLUSTRATIVE, measureTableFromFramework, type MeasureEntry } from "../../../src/core";
import type { ExcelHost } from "../../excelHost";
import { aFakeWorkbook, anEvaluationWorkbook } from "../support";

const ill = measureTableFromFramework(ILLUSTRATIVE);

function councilMeasure(ref: string, proxy: number | null, overrides: Partial<MeasureEntry> = {}): MeasureEntry {
  const base = ill.find((m) => m.ref === ref) ?? ill[0]!;
  return { ...base, ref, proxy, ...overrides };
}

function measureRowsOf(fake: ExcelHost): Record<string, unknown>[] {
  const t = fake.inspect.table(TABLES.measures)!;
  return fake.inspect.values(t.dataBodyAddress).map((row) => Object.fromEntries(t.headers.map((h, i) => [h, row[i]])));
}

async function setCell(run: Parameters<typeof readSelectionGrid>[0], sheet: string, address: string, value: unknown) {
  await run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await context.sync();
  });
}

describe("importing a council's measure table: update", () => {
  it("puts the imported proxies in, keeps the evaluator's scope, and lists each proxy changed", async () => {
    const { fake, run } = await anEvaluationWorkbook([["Acme Care", "ILL9", "hours", 100]]);
    const rows = measureRowsOf(fake);
    const ill9 = rows.findIndex((r) => r.Ref === "ILL9");
    const ill10 = rows.findIndex((r) => r.Ref === "ILL10");
    const top = Number(fake.inspect.table(TABLES.measures)!.dataBodyAddress.replace(/^.*![A-Z]+(\d+):.*$/, "$1"));
    await setCell(run, SHEETS.measures, `H${top + ill10}`, "No"); // the evaluator took ILL10 out of scope

    const preview = await previewMeasureTableImport(run, [councilMeasure("ILL9", 31.5), councilMeasure("ILL10", 12), councilMeasure("OWN1", 4, { unit: "hours" })], "update");
    expect(preview.proxyChanges).toEqual([
      { ref: "ILL9", from: rows[ill9]?.Proxy, to: 31.5 },
      { ref: "ILL10", from: rows[ill10]?.Proxy, to: 12 },
    ]);
    expect(preview.added).toEqual(["OWN1"]);
    expect(preview.keptEdits).toEqual([{ ref: "ILL10", columns: ["InScope"] }]);
    await applyMeasureTableImport(run, preview);

    const after = measureRowsOf(fake);
    expect(after.find((r) => r.Ref === "ILL9")?.Proxy).toBe(31.5);
    expect(after.find((r) => r.Ref === "ILL10")).toMatchObject({ Proxy: 12, InScope: "No" });
    expect(after.find((r) => r.Ref === "OWN1")?.Proxy).toBe(4);
    // Refs the council's table lacks stay.
    expect(after.map((r) => r.Ref)).toEqual(expect.arrayContaining(ill.map((m) => m.ref)));
  });

  it("keeps a council's refs and texts exactly as written, even in columns reformatted as General", async () => {
    const { fake, run } = await anEvaluationWorkbook();
    // The add-in formats these columns as text; an evaluator may have reformatted them, and
    // then Excel would read "1.10" as 1.1 and "2026-03-31 …" stays text only by luck.
    await run(async (context) => {
      const range = context.workbook.tables.getItem(TABLES.measures).getRange().load("rowCount, columnCount");
      await context.sync();
      range.numberFormat = Array.from({ length: range.rowCount }, () => Array.from({ length: range.columnCount }, () => "General"));
      await context.sync();
    });
    const preview = await previewMeasureTableImport(run, [councilMeasure("1.10", 7, { ref: "1.10", description: "2026-03-31 target", guidance: "40%" })], "update");
    await applyMeasureTableImport(run, preview);
    expect(measureRowsOf(fake).find((r) => r.Ref === "1.10")).toMatchObject({ Ref: "1.10", Measure: "2026-03-31 target", Guidance: "40%", Proxy: 7 });
  });

  it("refuses a table with a ref twice, changing nothing", async () => {
    const { fake, run } = await anEvaluationWorkbook();
    const before = measureRowsOf(fake);
    const preview = await previewMeasureTableImport(run, [councilMeasure("ILL9", 1), councilMeasure("ill9 ", 2)], "update");
    expect(preview.problems.join(" ")).toMatch(/ILL9/);
    await expect(applyMeasureTableImport(run, preview)).rejects.toThrow(/more than once/);
    expect(measureRowsOf(fake)).toEqual(before);
  });
});

describe("importing a council's measure table: replace", () => {
  it("refuses to remove refs that commitments use unless confirmed, and lists them", async () => {
    const { fake, run } = await anEvaluationWorkbook([
      ["Acme Care", "ILL9", "hours", 100],
      ["Acme Care", "ILL10", "hours", 5],
      ["Birch Homes", "ILL10", "hours", 5],
    ]);
    const before = measureRowsOf(fake);
    const preview = await previewMeasureTableImport(run, [councilMeasure("ILL9", 30)], "replace");
    expect(preview.refsInUse).toEqual([{ ref: "ILL10", rows: 2 }]);
    expect(preview.removed).toContain("ILL10");
    await expect(applyMeasureTableImport(run, preview)).rejects.toThrow(/ILL10/);
    expect(measureRowsOf(fake)).toEqual(before);

    await applyMeasureTableImport(run, preview, { allowRemovingRefsInUse: true });
    expect(measureRowsOf(fake).map((r) => [r.Ref, r.Proxy])).toEqual([["ILL9", 30]]);
  });

  it("replaces without asking when no commitment uses a removed ref", async () => {
    const { fake, run } = await anEvaluationWorkbook([["Acme Care", "ILL9", "hours", 100]]);
    const preview = await previewMeasureTableImport(run, [councilMeasure("ILL9", 30), councilMeasure("OWN2", 2, { unit: "hours" })], "replace");
    expect(preview.refsInUse).toEqual([]);
    await applyMeasureTableImport(run, preview);
    expect(measureRowsOf(fake).map((r) => r.Ref)).toEqual(["ILL9", "OWN2"]);
  });
});

describe("importing a council's ceilings (issue #16 point 4)", () => {
  it("update: the council's ceiling replaces the sheet's, each change listed; a measure the file gives none keeps the panel's", async () => {
    const { fake, run } = await anEvaluationWorkbook([["Acme Care", "ILL9", "hours", 100]]);
    const rows = measureRowsOf(fake);
    const top = Number(fake.inspect.table(TABLES.measures)!.dataBodyAddress.replace(/^.*![A-Z]+(\d+):.*$/, "$1"));
    const ceilingColumn = String.fromCharCode(65 + fake.inspect.table(TABLES.measures)!.headers.indexOf("Ceiling"));
    // The panel had set ceilings on ILL9 and ILL10 by hand.
    await setCell(run, SHEETS.measures, `${ceilingColumn}${top + rows.findIndex((r) => r.Ref === "ILL9")}`, 5_000);
    await setCell(run, SHEETS.measures, `${ceilingColumn}${top + rows.findIndex((r) => r.Ref === "ILL10")}`, 800);

    const preview = await previewMeasureTableImport(run, [councilMeasure("ILL9", 31.5, { ceiling: 2_000 }), councilMeasure("ILL10", 12)], "update");
    expect(preview.ceilingChanges).toEqual([{ ref: "ILL9", from: 5_000, to: 2_000 }]);
    expect(preview.keptEdits.find((k) => k.ref === "ILL9")?.columns ?? []).not.toContain("Ceiling");
    await applyMeasureTableImport(run, preview);
    const after = measureRowsOf(fake);
    expect(after.find((r) => r.Ref === "ILL9")).toMatchObject({ Proxy: 31.5, Ceiling: 2_000 });
    expect(after.find((r) => r.Ref === "ILL10")).toMatchObject({ Proxy: 12, Ceiling: 800 });
  });

  it("replace: SV Measures holds the file's ceilings, blank where it gives none", async () => {
    const { fake, run } = await anEvaluationWorkbook([["Acme Care", "ILL9", "hours", 100]]);
    const preview = await previewMeasureTableImport(run, [councilMeasure("ILL9", 30, { ceiling: 1_500 }), councilMeasure("OWN2", 2, { unit: "hours" })], "replace");
    await applyMeasureTableImport(run, preview);
    expect(measureRowsOf(fake).map((r) => [r.Ref, r.Ceiling])).toEqual([
      ["ILL9", 1_500],
      ["OWN2", ""],
    ]);
  });

  it("a commitment above the imported ceiling is then held back as SV124", async () => {
    const { run } = await anEvaluationWorkbook([["Acme Care", "ILL9", "hours", 2_500]]);
    await applyMeasureTableImport(run, await previewMeasureTableImport(run, [councilMeasure("ILL9", 30, { ceiling: 2_000 })], "update"));
    const { result } = await validateWorkbook(run);
    expect(result.findings.map((f) => f.code)).toContain("SV124");
  });
});

describe.each(["calculated-columns-off", "apostrophe-kept", "desktop-legacy", "min-api"] as const)("importing a council's ceilings on the %s profile", (profile) => {
  it("takes the file's ceilings and proxies, and a commitment above the ceiling is SV124", async () => {
    const { fake, run } = await anEvaluationWorkbook([["Acme Care", "ILL9", "hours", 2_500]], undefined, { profile });
    const preview = await previewMeasureTableImport(run, [councilMeasure("ILL9", 31.5, { ceiling: 2_000 })], "update");
    expect(preview.ceilingChanges).toEqual([{ ref: "ILL9", from: "", to: 2_000 }]);
    await applyMeasureTableImport(run, preview);
    expect(measureRowsOf(fake).find((r) => r.Ref === "ILL9")).toMatchObject({ Proxy: 31.5, Ceiling: 2_000 });
    const { result } = await validateWorkbook(run);
    expect(result.findings.map((f) => f.code)).toContain("SV124");
  });
});

describe("the selection as a grid", () => {
  it("reads the selected cells' values in two requests", async () => {
    const { fake, run } = aFakeWorkbook({ sheets: { Calc: [["Ref", "Proxy"], ["NT1", 12.5]] } });
    await run(async (context) => {
      context.workbook.worksheets.getItem("Calc").getRange("A1:B2").select();
      await context.sync();
    });
    fake.resetStats();
    const grid = await readSelectionGrid(run);
    expect(grid.rows).toEqual([["Ref", "Proxy"], ["NT1", 12.5]]);
    expect(fake.stats.syncCalls).toBeLessThanOrEqual(2);
  });

  it("refuses a selection far larger than a measure table", async () => {
    const { run } = aFakeWorkbook({ sheets: { Calc: [["Ref"]] } });
    await run(async (context) => {
      context.workbook.worksheets.getItem("Calc").getRange("A:C").select();
      await context.sync();
    });
    await expect(readSelectionGrid(run)).rejects.toThrow(/Select just the table/);
  });
});

describe("opening a form as a new workbook", () => {
  it("hands Excel the file as base64 where it can create workbooks", async () => {
    const createWorkbook = jest.fn().mockResolvedValue(undefined);
    const bytes = new Uint8Array([80, 75, 3, 4, 255]);
    await expect(openWorkbook(bytes, { createWorkbook })).resolves.toBe("opened");
    expect(Buffer.from(createWorkbook.mock.calls[0][0], "base64")).toEqual(Buffer.from(bytes));
  });

  it("says it is unavailable where Excel cannot (so the pane downloads instead)", async () => {
    await expect(openWorkbook(new Uint8Array([1]), {})).resolves.toBe("unavailable");
    // Outside Office there is no Excel global. (Microsoft's client, which the test host loads
    // into this realm, defines one; it is set aside here.)
    const host = globalThis as { Excel?: unknown };
    const loaded = host.Excel;
    delete host.Excel;
    try {
      await expect(openWorkbook(new Uint8Array([1]), undefined)).resolves.toBe("unavailable");
    } finally {
      host.Excel = loaded;
    }
  });

  it("encodes large files", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(Buffer.from(toBase64(bytes), "base64")).toEqual(Buffer.from(bytes));
  });
});
