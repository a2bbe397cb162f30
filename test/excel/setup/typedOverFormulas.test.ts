import { clearValidation, FILL, selectCell, validateWorkbook } from "../../../src/excel/validate/validateWorkbook";
import { STATUS_HEADER } from "../../../src/core/shared/layout";
import { CALCULATED_FILL } from "../../../src/core/shared/layout";
import { readEvaluation } from "../../../src/excel/setup/readEvaluation";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { validateCommitments, type MeasureEntry } from "../../../src/core";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import type { ExcelHost } from "../../excelHost";
import { aPlanInput, anEvaluationWorkbook } from "../support";
import { readScores } from "../../../src/excel/scores/readScores";

const ROWS = [
  ["Acme Care", "ILL9", "hours", 120], // row 4
  ["Birch Homes", "ILL9", "hours", 80], // row 5
  ["Cura Ltd", "ILL9", "hours", 40], // row 6
];
const SHEET = `'${SHEETS.commitments}'!`;

function columnOf(fake: ExcelHost, header: string): string {
  const table = fake.inspect.tables().find((t) => t.name === TABLES.commitments)!;
  return String.fromCharCode(65 + table.headers.indexOf(header));
}

/** What a user does in Excel: types (or pastes) over cells of SV Commitments. */
async function typeOver(run: ExcelRun, cells: Record<string, unknown>): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SHEETS.commitments);
    for (const [address, value] of Object.entries(cells)) sheet.getRange(address).values = [[value]];
    await context.sync();
  });
}

async function clearCell(run: ExcelRun, address: string): Promise<void> {
  await run(async (context) => {
    context.workbook.worksheets.getItem(SHEETS.commitments).getRange(address).clear("Contents");
    await context.sync();
  });
}

describe("a calculated cell of SV_Commitments that no longer holds its formula (SV121)", () => {
  it("finds nothing in a workbook whose calculated columns are intact", async () => {
    const { run } = await anEvaluationWorkbook(ROWS);
    const { result, data } = await validateWorkbook(run);
    expect(data.typedOverFormulas).toEqual([]);
    expect(result.findings.filter((f) => f.code === "SV121")).toEqual([]);
    expect(result.commitments).toHaveLength(3);
  });

  it("flags a Value typed over with another figure, quoting it, in the pane and in the row's Check alike, and stops counting the row", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    const value = `${columnOf(fake, "Value")}5`;
    expect(fake.inspect.value(`${SHEET}${value}`)).not.toBe(50000);
    await typeOver(run, { [value]: 50000 });
    expect(fake.inspect.value(`${SHEET}${value}`)).toBe(50000);
    // The sheet's own Check sees it, so SV Scores holds the bid as the pane does.
    expect(String(fake.inspect.value(`${SHEET}${columnOf(fake, "Check")}5`))).toMatch(/^SV121 The Value cell .* holds 50000, where its formula gives £8,080,/);

    const { result } = await validateWorkbook(run);
    const found = result.findings.filter((f) => f.code === "SV121");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ row: 5, column: "Value", severity: "error", bidder: "Birch Homes", ref: "ILL9" });
    expect(found[0]!.message).toContain("50000");
    expect(found[0]!.action).toMatch(/copy the Value cell of the row above/);
    expect(result.commitments.map((c) => c.row)).toEqual([4, 6]);
  });

  it("calls a proxy typed over a warning (SV128): the row's Value reads SV Measures, so the row still counts, in the pane and the sheet alike", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    const proxy = `${columnOf(fake, "Proxy")}5`;
    const valueBefore = fake.inspect.value(`${SHEET}${columnOf(fake, "Value")}5`);
    await typeOver(run, { [proxy]: 50000 });
    expect(fake.inspect.value(`${SHEET}${columnOf(fake, "Value")}5`)).toBe(valueBefore);
    expect(fake.inspect.value(`${SHEET}${columnOf(fake, "Check")}5`)).toBe("OK");

    const { result } = await validateWorkbook(run);
    expect(result.findings.filter((f) => f.code === "SV121")).toEqual([]);
    const warned = result.findings.filter((f) => f.code === "SV128");
    expect(warned).toEqual([expect.objectContaining({ row: 5, column: "Proxy", severity: "warning", bidder: "Birch Homes" })]);
    expect(warned[0]!.message).toContain("50000");
    expect(warned[0]!.message).toContain("takes the proxy from SV Measures");
    expect(result.commitments.map((c) => c.row)).toEqual([4, 5, 6]);
  });

  it("calls a Value typed over with the formula's own figure a warning (SV128), and counts the row in both", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    const value = `${columnOf(fake, "Value")}5`;
    const figure = fake.inspect.value(`${SHEET}${value}`) as number;
    // Typed to the penny of what the formula shows (80 hours × the ILL9 proxy).
    await typeOver(run, { [value]: Math.round(figure * 100) / 100 });
    expect(fake.inspect.value(`${SHEET}${columnOf(fake, "Check")}5`)).toBe("OK");
    const { result } = await validateWorkbook(run);
    expect(result.findings.map((f) => [f.row, f.column, f.code])).toEqual([[5, "Value", "SV128"]]);
    expect(result.findings[0]!.message).toContain("the figure the formula gives");
    expect(result.commitments.map((c) => c.row)).toEqual([4, 5, 6]);
  });

  it("flags a Type typed over with another type in both, as SV Scores would split the bid's £ by it", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    await typeOver(run, { [`${columnOf(fake, "Type")}5`]: "LEV" });
    expect(String(fake.inspect.value(`${SHEET}${columnOf(fake, "Check")}5`))).toMatch(/^SV121 The Type cell/);
    const { result } = await validateWorkbook(run);
    expect(result.findings.map((f) => [f.row, f.column, f.code])).toEqual([[5, "Type", "SV121"]]);
  });

  it("a typed Check is the one cell only the pane can see: it holds the row's bid and says why SV Scores differs", async () => {
    const { fake, run } = await anEvaluationWorkbook([...ROWS, ["Birch Homes", "ILL9", "kg", 5]]);
    const check = `${columnOf(fake, "Check")}7`;
    expect(String(fake.inspect.value(`${SHEET}${check}`))).toMatch(/^SV108/);
    // An evaluator "fixes" the error by typing OK over it.
    await typeOver(run, { [check]: "OK" });
    const { result } = await validateWorkbook(run);
    const typed = result.findings.find((f) => f.code === "SV121")!;
    expect(typed).toMatchObject({ row: 7, column: "Check", severity: "error", bidder: "Birch Homes" });
    expect(typed.message).toContain("SV Scores reads this row as the typed Check says");
    // The row's own fault is still found, whatever its Check says.
    expect(result.findings.filter((f) => f.row === 7).map((f) => f.code)).toContain("SV108");
    expect(result.commitments.map((c) => c.row)).toEqual([4, 5, 6]);
  });

  it("marks the cell and the Status column, and takes the user to the cell", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    const proxy = `${columnOf(fake, "Value")}5`;
    await typeOver(run, { [proxy]: 50000 });
    const v = await validateWorkbook(run);
    expect(fake.inspect.format(`${SHEET}${proxy}`).fill).toBe(FILL.error);
    // Unmarked calculated cells keep the template's grey.
    expect(fake.inspect.format(`${SHEET}${columnOf(fake, "Value")}4`).fill).toBe(CALCULATED_FILL);
    expect(String(fake.inspect.value(`${SHEET}${columnOf(fake, STATUS_HEADER)}5`))).toMatch(/^SV121 Value: /);
    expect(fake.inspect.value(`${SHEET}${columnOf(fake, STATUS_HEADER)}4`)).toBe("");

    const finding = v.result.findings.find((f) => f.code === "SV121")!;
    const { sheet, address } = v.cellOf(finding);
    await selectCell(run, sheet, address);
    expect(fake.inspect.selection()).toBe(`${SHEET}${proxy}`);
  });

  it("flags a typed Value and a cleared Check cell, each in its own column", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    const value = `${columnOf(fake, "Value")}4`;
    const check = `${columnOf(fake, "Check")}6`;
    await typeOver(run, { [value]: 1_000_000 });
    await clearCell(run, check);
    const { result } = await validateWorkbook(run);
    const found = result.findings.filter((f) => f.code === "SV121").map((f) => [f.row, f.column]);
    expect(found).toEqual([
      [4, "Value"],
      [6, "Check"],
    ]);
    const cleared = result.findings.find((f) => f.code === "SV121" && f.column === "Check")!;
    expect(cleared.message).toContain("holds nothing");
    expect(fake.inspect.format(`${SHEET}${value}`).fill).toBe(FILL.error);
    expect(fake.inspect.format(`${SHEET}${check}`).fill).toBe(FILL.error);
  });

  it("flags text typed over a formula, and several cells of one row", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    await typeOver(run, { [`${columnOf(fake, "Type")}4`]: "LEV", [`${columnOf(fake, "Measure")}4`]: "Local jobs", [`${columnOf(fake, "Check")}4`]: "OK" });
    const { result } = await validateWorkbook(run);
    expect(result.findings.map((f) => [f.column, f.code])).toEqual([
      ["Measure", "SV128"],
      ["Type", "SV121"],
      ["Check", "SV121"],
    ]);
  });

  it("still flags a typed cell once its row is emptied, and again when the row is reused", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    const proxy = `${columnOf(fake, "Value")}6`;
    await typeOver(run, { [proxy]: 50000 });
    // The bidder withdraws: the row's inputs are emptied, as an import empties a replaced bidder's row.
    const inputs = ["Bidder", "Ref", "Unit", "Quantity"].map((h) => `${columnOf(fake, h)}6`);
    await typeOver(run, Object.fromEntries(inputs.map((a) => [a, ""])));
    let found = (await validateWorkbook(run)).result.findings.filter((f) => f.code === "SV121");
    expect(found.map((f) => [f.row, f.column])).toEqual([[6, "Value"]]);

    // A new bidder's commitment lands in the blank row and inherits the typed proxy.
    await typeOver(run, Object.fromEntries(inputs.map((a, i) => [a, ["Dale & Co", "ILL9", "hours", 10][i]])));
    expect(fake.inspect.value(`${SHEET}${proxy}`)).toBe(50000);
    const v = await validateWorkbook(run);
    found = v.result.findings.filter((f) => f.code === "SV121");
    expect(found).toEqual([expect.objectContaining({ row: 6, column: "Value", bidder: "Dale & Co" })]);
    expect(v.result.commitments.map((c) => c.bidder)).not.toContain("Dale & Co");
  });

  it("clears the mark once the formula is copied back", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    const proxy = (row: number) => `${columnOf(fake, "Value")}${row}`;
    await typeOver(run, { [proxy(5)]: 50000 });
    await validateWorkbook(run);
    expect(fake.inspect.format(`${SHEET}${proxy(5)}`).fill).toBe(FILL.error);

    const formula = fake.inspect.formulas(`${SHEET}${proxy(4)}`)[0]![0];
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.commitments).getRange(proxy(5)).formulas = [[formula]];
      await context.sync();
    });
    const { result } = await validateWorkbook(run);
    expect(result.findings.filter((f) => f.code === "SV121")).toEqual([]);
    expect(fake.inspect.format(`${SHEET}${proxy(5)}`).fill).toBe(CALCULATED_FILL);
    expect(fake.inspect.value(`${SHEET}${columnOf(fake, STATUS_HEADER)}5`)).toBe("");
  });

  it("Clear marks gives the marked calculated cell its grey back", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    const value = `${columnOf(fake, "Value")}4`;
    await typeOver(run, { [value]: 1 });
    await validateWorkbook(run);
    await clearValidation(run);
    expect(fake.inspect.format(`${SHEET}${value}`).fill).toBe(CALCULATED_FILL);
    expect(fake.inspect.value(`${SHEET}${columnOf(fake, STATUS_HEADER)}4`)).toBe("");
  });

  it("reads the calculated cells only when asked, so other operations read as before", async () => {
    const { fake, run } = await anEvaluationWorkbook(ROWS);
    await typeOver(run, { [`${columnOf(fake, "Proxy")}5`]: 50000 });
    expect((await readEvaluation(run)).typedOverFormulas).toEqual([]);
    expect((await readEvaluation(run, { checkCalculatedCells: true })).typedOverFormulas).toEqual([{ row: 5, column: "Proxy", found: 50000 }]);
  });

  it("costs one small extra request for 10,000 rows with typed-over cells, reading each area found", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`Bidder ${i % 50}`, `ILL${1 + (i % 14)}`, "", i % 7]);
    const { fake, run } = await anEvaluationWorkbook(rows);
    const proxy = columnOf(fake, "Proxy");
    await typeOver(run, { [`${proxy}104`]: 50000, [`${proxy}5004`]: 1, [`${proxy}10003`]: 2 });
    await clearCell(run, `${columnOf(fake, "Check")}7000`);
    fake.resetStats();
    const { result } = await validateWorkbook(run);
    expect(result.findings.filter((f) => f.code === "SV121" || f.code === "SV128").map((f) => [f.row, f.column, f.code])).toEqual([
      [104, "Proxy", "SV128"],
      [5004, "Proxy", "SV128"],
      [7000, "Check", "SV121"],
      [10003, "Proxy", "SV128"],
    ]);
    // As many requests as validation needs without the typed-over cells, and one to read where
    // the areas found are (see validateWorkbook.test.ts for the count on this serializer).
    expect(fake.stats.requests).toBeLessThanOrEqual(9);
    expect(fake.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    // Each area's position is read from the area itself, never parsed out of an address string
    // (whose separator is the locale's).
    expect(fake.stats.membersUsed).toContain("RangeAreas.areas");
    expect(fake.stats.membersUsed).not.toContain("RangeAreas.address");
  });
});

/** The pane's and SV Scores' view of one bid: held or not, its £ and rank. */
async function bothViews(fake: ExcelHost, run: ExcelRun, bidder: string) {
  const scores = fake.inspect.table(TABLES.scores)!;
  const sheet = fake.inspect.values(scores.dataBodyAddress).map((r) => Object.fromEntries(scores.headers.map((h, i) => [h, r[i]]))).find((r) => r.Bidder === bidder)!;
  const pane = (await readScores(run)).bidders.find((b) => b.bidder === bidder)!;
  return { sheet: { held: sheet.Held, value: sheet.Value, rank: sheet.Rank }, pane: { held: pane.held?.text ?? "", value: pane.value, rank: pane.held ? "Held" : pane.rank } };
}

/** Writes a formula of one's own into a cell of SV Commitments. */
async function writeFormula(run: ExcelRun, address: string, formula: string): Promise<void> {
  await run(async (context) => {
    context.workbook.worksheets.getItem(SHEETS.commitments).getRange(address).formulas = [[formula]];
    await context.sync();
  });
}

/** Writes into SV Measures' `header` cell of measure `ref`, as a user would. */
async function editMeasure(fake: ExcelHost, run: ExcelRun, ref: string, header: string, value: unknown): Promise<void> {
  const table = fake.inspect.table(TABLES.measures)!;
  const rows = fake.inspect.values(table.dataBodyAddress);
  const at = rows.findIndex((r) => r[table.headers.indexOf("Ref")] === ref);
  const top = Number(/!\$?[A-Z]+\$?(\d+)/.exec(table.dataBodyAddress)![1]);
  const left = /!\$?([A-Z]+)/.exec(table.dataBodyAddress)![1]!.charCodeAt(0) - 65;
  await run(async (context) => {
    context.workbook.worksheets.getItem(SHEETS.measures).getRange(`${String.fromCharCode(65 + left + table.headers.indexOf(header))}${top + at}`).values = [[value]];
    await context.sync();
  });
}

describe("the pane and the sheet's Check read a calculated cell alike", () => {
  /** These rows, with each bidder listed on SV Scores. */
  const withBidders = (rows: unknown[][]) => anEvaluationWorkbook(rows, aPlanInput({ bidders: [...new Set(rows.map((r) => String(r[0])))] }));
  // Acme on row 4: 10 hours of ILL10 (£16.93 an hour in the illustrative set); Birch on row 5.
  const BIDS = [
    ["Acme Care", "ILL10", "hours", 10],
    ["Birch Homes", "ILL9", "hours", 100],
  ];

  it("a formula of one's own over Value or Type holds the bid on both, and Validate names the cell", async () => {
    for (const [header, formula] of [["Value", "=50000"], ["Type", '="LEV"']] as const) {
      const { fake, run } = await withBidders(BIDS);
      await writeFormula(run, `${columnOf(fake, header)}4`, formula);
      const views = await bothViews(fake, run, "Acme Care");
      expect([header, views.sheet.held, views.pane.held]).toEqual([header, "SV121 on SV Commitments row 4", "SV121 on SV Commitments row 4"]);
      const { result } = await validateWorkbook(run);
      expect(result.findings.filter((f) => f.code === "SV121").map((f) => [f.row, f.column])).toEqual([[4, header]]);
    }
  });

  it("text typed over Value, even \"#\", is read as SV Scores' SUM reads it (0), and holds the bid on both", async () => {
    const { fake, run } = await withBidders(BIDS);
    await typeOver(run, { [`${columnOf(fake, "Value")}4`]: "#" });
    const views = await bothViews(fake, run, "Acme Care");
    expect([views.sheet.held, views.pane.held]).toEqual(["SV121 on SV Commitments row 4", "SV121 on SV Commitments row 4"]);
  });

  it("a Value typed to exactly the formula's figure counts on both; a penny off, or what a £ cell rounds to, holds it on both", async () => {
    const TIE = [
      ["Acme Care", "ILL10", "hours", 0.5],
      ["Birch Homes", "ILL10", "hours", 0.5],
    ];
    const exact = 0.5 * 16.93;
    for (const [typed, held] of [[exact, ""], [8.46, "SV121 on SV Commitments row 4"], [8.47, "SV121 on SV Commitments row 4"]] as const) {
      const { fake, run } = await withBidders(TIE);
      await typeOver(run, { [`${columnOf(fake, "Value")}4`]: typed });
      const acme = await bothViews(fake, run, "Acme Care");
      const birch = await bothViews(fake, run, "Birch Homes");
      expect([typed, acme.sheet.held, acme.pane.held]).toEqual([typed, held, held]);
      // The same £ and ranks on both, so a tie stays a tie.
      expect([acme.pane.value, acme.pane.rank, birch.pane.rank]).toEqual([acme.sheet.value, acme.sheet.rank, birch.sheet.rank]);
    }
  });

  it("a measure Type written with spaces or in another case reads as the same type on both, untouched or retyped", async () => {
    const { fake, run } = await withBidders(BIDS);
    await editMeasure(fake, run, "ILL10", "Type", "LEV ");
    expect(fake.inspect.value(`${SHEET}${columnOf(fake, "Check")}4`)).toBe("OK");
    await typeOver(run, { [`${columnOf(fake, "Type")}4`]: "lev" });
    expect(fake.inspect.value(`${SHEET}${columnOf(fake, "Check")}4`)).toBe("OK");
    const { result } = await validateWorkbook(run);
    expect(result.findings.filter((f) => f.code.startsWith("SV12")).map((f) => [f.row, f.column, f.code])).toEqual([[4, "Type", "SV128"]]);
    const views = await bothViews(fake, run, "Acme Care");
    expect([views.sheet.held, views.pane.held, views.pane.value]).toEqual(["", "", views.sheet.value]);
  });

  it("a record-only measure whose Type has a trailing space is worth £0 on both, with no SV121 on its untouched row", async () => {
    const { fake, run } = await withBidders(BIDS);
    await editMeasure(fake, run, "ILL10", "Type", "Record ");
    expect(String(fake.inspect.value(`${SHEET}${columnOf(fake, "Check")}4`))).toMatch(/^SV118 /);
    expect(fake.inspect.value(`${SHEET}${columnOf(fake, "Value")}4`)).toBe(0);
    const { result } = await validateWorkbook(run);
    expect(result.findings.filter((f) => f.code === "SV121")).toEqual([]);
    const views = await bothViews(fake, run, "Acme Care");
    expect([views.pane.value, views.sheet.held, views.pane.held]).toEqual([views.sheet.value, "", ""]);
  });
});

// Not calculated-columns-off: rows typed below the table there get no formulas at all (Validate
// names each missing one, SV121); rows the add-in writes carry their own (the import's profile tests).
describe.each(["desktop-legacy", "apostrophe-kept", "busy"] as const)("on the %s host profile", (profile) => {
  const BIDS = [
    ["Acme Care", "ILL10", "hours", 10],
    ["Birch Homes", "ILL9", "hours", 100],
  ];

  it("an untouched row is OK on both, and a figure typed over its Value holds the bid on both", async () => {
    const { fake, run } = await anEvaluationWorkbook(BIDS, aPlanInput({ bidders: ["Acme Care", "Birch Homes"] }), { profile });
    fake.finishCalculation();
    expect([fake.inspect.value(`${SHEET}${columnOf(fake, "Check")}4`), fake.inspect.value(`${SHEET}${columnOf(fake, "Check")}5`)]).toEqual(["OK", "OK"]);
    expect((await validateWorkbook(run)).result.findings.filter((f) => f.code === "SV121" || f.code === "SV128")).toEqual([]);
    await typeOver(run, { [`${columnOf(fake, "Value")}4`]: 50000 });
    fake.finishCalculation();
    const scores = fake.inspect.table(TABLES.scores)!;
    const acme = fake.inspect.values(scores.dataBodyAddress).find((r) => r[0] === "Acme Care")!;
    const pane = (await readScores(run)).bidders.find((b) => b.bidder === "Acme Care")!;
    expect([acme[scores.headers.indexOf("Held")], pane.held?.text]).toEqual(["SV121 on SV Commitments row 4", "SV121 on SV Commitments row 4"]);
  });
});

describe("the SV121 rule in validation", () => {
  const measures: MeasureEntry[] = [
    {
      ref: "ILL9",
      themeId: "",
      theme: "",
      outcomeId: "",
      outcome: "",
      description: "Volunteering",
      unit: "hours",
      proxy: 17,
      type: "SV",
      inScope: true,
      evidenceRequired: false,
      excludes: [],
      firstYearOnly: false,
    },
  ];
  const row = (r: number, bidder: unknown = "Acme", ref: unknown = "ILL9", quantity: unknown = 10) => ({ row: r, bidder, ref, quantity, unit: "" });

  it("reports a cell on a listed row, a blank row and a row the input does not list, in sheet order", () => {
    const result = validateCommitments([row(4), row(5, "", "", "")], measures, {
      typedOverFormulas: [
        { row: 9, column: "Value", found: 3 },
        { row: 5, column: "Check", found: "" },
        { row: 4, column: "Proxy", found: 50000 },
      ],
    });
    expect(result.findings.map((f) => [f.row, f.column, f.code])).toEqual([
      [4, "Proxy", "SV128"],
      [5, "Check", "SV121"],
      [9, "Value", "SV121"],
    ]);
    // A typed proxy changes no figure (the Value formula reads SV Measures): the row counts.
    expect(result.commitments.map((c) => c.row)).toEqual([4]);
    expect(result.counts.error).toBe(2);
  });

  it("ignores entries that are not calculated columns, and reports a cell once", () => {
    const result = validateCommitments([row(4)], measures, {
      typedOverFormulas: [
        { row: 4, column: "Bidder" as never, found: 1 },
        { row: 4, column: "Type", found: "SV" },
        { row: 4, column: "Type", found: "SV" },
      ],
    });
    expect(result.findings.map((f) => f.column)).toEqual(["Type"]);
  });
});
