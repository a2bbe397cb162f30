import { readScores } from "../../../src/excel/scores/readScores";
import { applyMeasureUpdate, mergeMeasures, previewMeasureUpdate } from "../../../src/excel/setup/updateMeasures";
import { buildEvaluationPlan, measureRows } from "../../../src/excel/setup/evaluationPlan";
import { MEASURE_COLUMNS, SHEETS, TABLES } from "../../../src/core/shared/layout";
import { insertPlan } from "../../../src/excel/setup/writePlan";
import { describeOfficeError } from "../../../src/excel/shared/officeErrors";
import { CancelledError } from "../../../src/excel/shared/excelRun";
import { ILLUSTRATIVE, measureTableFromFramework, quantitativeScore } from "../../../src/core";
import { aFakeWorkbook, aPlanInput, anEvaluationWorkbook } from "../support";

const ill = measureTableFromFramework(ILLUSTRATIVE);
const proxy = (ref: string): number => ill.find((m) => m.ref === ref)?.proxy ?? 0;

describe("reading scores back", () => {
  it("values, scores and ranks each bidder from the workbook's commitments", async () => {
    const { run } = await anEvaluationWorkbook([
      ["Acme Care", "ILL9", "hours", 100],
      ["Birch Homes", "ILL9", "hours", 300],
    ]);
    const view = await readScores(run);
    const values = [100 * proxy("ILL9"), 300 * proxy("ILL9")];
    expect(view.bidders.map((b) => [b.bidder, b.value, b.rank])).toEqual([
      ["Acme Care", values[0], 2],
      ["Birch Homes", values[1], 1],
    ]);
    const expected = quantitativeScore(values[0] as number, values, 5, "relative");
    expect(expected.ok && view.bidders[0]?.quantitative).toBeCloseTo(expected.ok ? expected.value : NaN, 12);
  });

  it("leaves rows with errors out and says how many", async () => {
    const { run } = await anEvaluationWorkbook([
      ["Acme Care", "ILL9", "hours", 100],
      ["Acme Care", "ILL99", "hours", 100],
    ]);
    const view = await readScores(run);
    expect(view.rowsWithErrors).toBe(1);
    expect(view.bidders[0]?.value).toBe(100 * proxy("ILL9"));
  });

  it("asks for price and quality points before it can give the sensitivity", async () => {
    const { run } = await anEvaluationWorkbook([["Acme Care", "ILL9", "hours", 100], ["Birch Homes", "ILL9", "hours", 50]]);
    const view = await readScores(run);
    expect(view.sensitivityNote).toMatch(/PriceQuality/);
  });
});

describe("updating the measures to a framework", () => {
  const headers = [...MEASURE_COLUMNS];
  const sheetRows = measureRows(ill).map((r) => headers.map((h) => r[h] ?? ""));

  it("keeps the evaluator's proxy and scope for measures the framework still has", () => {
    const edited = sheetRows.map((r) => [...r]);
    edited[0]![headers.indexOf("Proxy")] = 123.45;
    edited[1]![headers.indexOf("InScope")] = "No";
    const preview = mergeMeasures(headers, edited, ill);
    expect(preview.keptEdits).toEqual([
      { ref: ill[0]!.ref, columns: ["Proxy"] },
      { ref: ill[1]!.ref, columns: ["InScope"] },
    ]);
    expect(preview.rows[0]?.[headers.indexOf("Proxy")]).toBe(123.45);
  });

  it("adds the framework's new measures and keeps the council's own rows", () => {
    const councilRow = headers.map((h) => (h === "Ref" ? "OWN1" : h === "Unit" ? "hours" : ""));
    const preview = mergeMeasures(headers, [...sheetRows.slice(1), councilRow], ill);
    expect(preview.added).toEqual([ill[0]!.ref]);
    expect(preview.keptRows).toEqual(["OWN1"]);
    expect(preview.rows).toHaveLength(ill.length + 1);
  });

  it("keeps the council's Ceiling for a measure the framework still has (issue #16 point 4)", () => {
    const edited = sheetRows.map((r) => [...r]);
    edited[0]![headers.indexOf("Ceiling")] = 2_000;
    const preview = mergeMeasures(headers, edited, ill);
    expect(preview.rows[0]?.[headers.indexOf("Ceiling")]).toBe(2_000);
  });

  it("merges into a table made before the Ceiling column existed, keeping its width", () => {
    const older = headers.filter((h) => h !== "Ceiling");
    const preview = mergeMeasures(older, sheetRows.map((r) => r.slice(0, older.length)), ill);
    expect(preview.unexpectedHeaders).toBeUndefined();
    expect(preview.rows.every((r) => r.length === older.length)).toBe(true);
  });

  it("refuses to merge into a table whose columns were changed", () => {
    expect(mergeMeasures(["Ref", "Name"], [], ill).unexpectedHeaders).toEqual(["Ref", "Name"]);
  });

  it("writes the merged table without touching the commitments", async () => {
    const { fake, run } = await anEvaluationWorkbook([["Acme Care", "ILL9", "hours", 100]]);
    const commitments = () => fake.inspect.values(fake.inspect.tables().find((t) => t.name === TABLES.commitments)!.dataBodyAddress);
    const before = commitments();
    await run(async (context) => {
      const body = context.workbook.tables.getItem(TABLES.measures).getDataBodyRange();
      body.getCell(0, MEASURE_COLUMNS.indexOf("Proxy")).values = [[999]];
      await context.sync();
    });
    const extra = [...ill, { ...ill[0]!, ref: "NEW1" }];
    const preview = await previewMeasureUpdate(run, extra);
    expect(preview.added).toEqual(["NEW1"]);
    await applyMeasureUpdate(run, preview);
    const measures = fake.inspect.values(fake.inspect.tables().find((t) => t.name === TABLES.measures)!.dataBodyAddress);
    expect(measures.map((r) => r[0])).toEqual([...ill.map((m) => m.ref), "NEW1"]);
    expect(measures[0]?.[MEASURE_COLUMNS.indexOf("Proxy")]).toBe(999);
    expect(commitments()).toEqual(before);
  });

  it("refuses to grow the table over the user's content below it", async () => {
    const { fake, run } = aFakeWorkbook();
    await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    const below = `A${4 + ill.length + 1}`;
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.measures).getRange(below).values = [["my note"]];
      await context.sync();
    });
    const preview = await previewMeasureUpdate(run, [...ill, { ...ill[0]!, ref: "NEW1" }, { ...ill[0]!, ref: "NEW2" }]);
    await expect(applyMeasureUpdate(run, preview)).rejects.toThrow(/not empty.*nothing was changed/);
    expect(fake.inspect.value(`'${SHEETS.measures}'!${below}`)).toBe("my note");
  });
});

describe("errors from Excel", () => {
  it.each([
    ["AccessDenied", /protected/],
    ["InvalidOperationInCellEditMode", /editing a cell/],
    ["ApiNotFound", /does not support/],
  ])("%s becomes a sentence the evaluator can act on", (code, pattern) => {
    expect(describeOfficeError({ code, message: "raw" })).toMatch(pattern);
  });

  it("keeps the message of an error it does not know", () => {
    expect(describeOfficeError(new Error("disk full"))).toBe("Something went wrong: disk full");
  });

  it("says that nothing changed when the user cancelled", () => {
    expect(describeOfficeError(new CancelledError())).toMatch(/nothing was changed/);
  });
});

describe("a refused measure update", () => {
  it("reaches the pane in its own words", async () => {
    const { fake, run } = await anEvaluationWorkbook();
    const table = fake.inspect.table("SV_Measures");
    // Something of the user's right below the table: a longer table would overwrite it.
    const lastRow = Number(table?.address.replace(/^.*:[A-Z]+(\d+)$/, "$1"));
    await run(async (context) => {
      context.workbook.worksheets.getItem("SV Measures").getRange(`A${lastRow + 1}`).values = [["my notes"]];
      await context.sync();
    });
    const more = [...measureTableFromFramework(ILLUSTRATIVE), { ...measureTableFromFramework(ILLUSTRATIVE)[0]!, ref: "OWN9" }];
    const preview = await previewMeasureUpdate(run, more);
    const refused = await applyMeasureUpdate(run, preview).catch((e: unknown) => e);
    expect(describeOfficeError(refused)).toMatch(/^SV Measures needs 1 more rows, but .* is not empty\. Move that content and try again; nothing was changed\.$/);
  });
});
