/**
 * One truth for scores (#16 point 2): a bid with a faulty commitment row (its Check shows an
 * error) is held back, on SV Scores and on the Scores page alike, and every other bid still
 * scores and ranks among the bids not held back. The sheet's formulas are computed by
 * HyperFormula with the TENDER functions registered; the pane reads the same workbook.
 */
import fc from "fast-check";
import { aPlanInput, anEvaluationWorkbook, typeIntoTable } from "../support";
import { aTender } from "../../support/scoringBuilders";
import type { ScoringMethod } from "../../../src/core";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { readScores, type ScoresView } from "../../../src/excel/scores/readScores";
import { createReportActions } from "../../../src/excel/report/reportActions";
import type { ExcelHost } from "../../excelHost";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";

/** SV_Scores as the sheet computes it, one record per bidder. */
function sheetScores(fake: ExcelHost): Record<string, unknown>[] {
  const table = fake.inspect.table(TABLES.scores);
  if (!table) throw new Error("no SV_Scores");
  return fake.inspect.values(table.dataBodyAddress).map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r[i]])));
}

function rowOf(rows: Record<string, unknown>[], bidder: string): Record<string, unknown> {
  const row = rows.find((r) => r.Bidder === bidder);
  if (!row) throw new Error(`no ${bidder} on SV Scores`);
  return row;
}

/** The pane's figure for a bidder, as the sheet would show it: a number, or the held text. */
function paneFigures(view: ScoresView, bidder: string) {
  const b = view.bidders.find((x) => x.bidder === bidder);
  if (!b) throw new Error(`no ${bidder} on the Scores page`);
  return b;
}

/** A workbook listing each bidder on SV Scores, with these commitment rows typed in. */
function aWorkbookWith(rows: unknown[][], method: ScoringMethod = "relative") {
  const bidders = [...new Set(rows.map((r) => String(r[0])))];
  return anEvaluationWorkbook(rows, aPlanInput({ bidders, settings: aTender({ method }) }));
}

const isExcelError = (v: unknown): boolean => typeof v === "string" && v.startsWith("#");

describe("a faulty commitment row holds back its own bid only", () => {
  // Rows start at sheet row 4 (SV Commitments' header is on row 3).
  const BIDS = [
    ["Acme Care", "ILL9", "hours", 100],
    ["Birch Homes", "ILL9", "hours", 300],
    // ILL9 counts hours: FTE is the wrong unit (SV108, an error), yet the sheet valued it.
    ["Birch Homes", "ILL1", "hours", 2],
    ["Cobalt Services", "ILL9", "hours", 200],
  ];

  it("the Scores page and SV Scores give the same figures for every bid", async () => {
    const { fake, run } = await aWorkbookWith(BIDS);
    const sheet = sheetScores(fake);
    const view = await readScores(run);
    for (const name of ["Acme Care", "Birch Homes", "Cobalt Services"]) {
      const row = rowOf(sheet, name);
      const pane = paneFigures(view, name);
      expect([name, pane.value]).toEqual([name, row.Value]);
      expect([name, pane.held === undefined ? pane.quantitative : `Held: ${pane.held.text}`]).toEqual([name, row.Quantitative]);
      expect([name, pane.held === undefined ? pane.rank : "Held"]).toEqual([name, row.Rank]);
    }
  });

  it("holds back the bid with the faulty row, saying which code and row, and ranks the others among themselves", async () => {
    const { fake, run } = await aWorkbookWith(BIDS);
    const sheet = sheetScores(fake);
    const birch = rowOf(sheet, "Birch Homes");
    expect(birch.Quantitative).toBe("Held: SV108 on SV Commitments row 6");
    expect(birch.Score).toBe("Held: SV108 on SV Commitments row 6");
    expect(birch.Rank).toBe("Held");
    // Cobalt offers the most among the bids not held back: every quantitative point, rank 1.
    expect(rowOf(sheet, "Cobalt Services").Quantitative).toBe(5);
    expect([rowOf(sheet, "Cobalt Services").Rank, rowOf(sheet, "Acme Care").Rank]).toEqual([1, 2]);

    const view = await readScores(run);
    const held = paneFigures(view, "Birch Homes").held;
    expect(held?.faults.map((f) => [f.row, f.code])).toEqual([[6, "SV108"]]);
    expect(held?.faults[0]?.message).toMatch(/does not match ILL1/);
  });

  it("the award report and the winner's register wait until no bid is held back, saying which and why", async () => {
    const { run } = await aWorkbookWith(BIDS);
    const report = createReportActions(run);
    await expect(report.buildReport()).rejects.toThrow(/Birch Homes is held back on SV Scores \(SV108 on SV Commitments row 6\)/);
    await expect(report.buildRegister()).rejects.toThrow(/Birch Homes is held back/);
  });

  it("a bid whose total is implausible is held back in both until the panel clarifies the whole bid", async () => {
    // 30 FTE (£600,000) and 4,000 hours (£404,000): each row plausible, the total above the £1,000,000 contract (SV206).
    const { fake, run } = await aWorkbookWith([
      ["Acme Care", "ILL1", "FTE", 30],
      ["Acme Care", "ILL9", "hours", 4000],
      ["Birch Homes", "ILL9", "hours", 100],
    ]);
    expect(rowOf(sheetScores(fake), "Acme Care").Held).toBe("SV206 on SV Commitments row 4");
    expect(rowOf(sheetScores(fake), "Birch Homes").Rank).toBe(1);
    expect(paneFigures(await readScores(run), "Acme Care").held?.text).toBe("SV206 on SV Commitments row 4");

    await typeIntoTable(run, TABLES.clarifications, [
      { Bidder: "Acme Care", Ref: "", Outcome: "Accepted", Reason: "Payroll plan and timesheets seen at clarification.", DecidedBy: "Panel", DecidedAt: 46000 },
    ]);
    const after = sheetScores(fake);
    const view = await readScores(run);
    expect([rowOf(after, "Acme Care").Held, rowOf(after, "Acme Care").Rank]).toEqual(["", 1]);
    expect([paneFigures(view, "Acme Care").held, paneFigures(view, "Acme Care").rank]).toEqual([undefined, 1]);
  });

  it("a bid the panel capped as a whole counts the cap in both, and the others are scored against it", async () => {
    const { fake, run } = await aWorkbookWith([
      ["Acme Care", "ILL1", "FTE", 30],
      ["Acme Care", "ILL9", "hours", 4000],
      ["Birch Homes", "ILL9", "hours", 1000],
    ]);
    await typeIntoTable(run, TABLES.clarifications, [
      { Bidder: "Acme Care", Ref: "", Outcome: "Capped", CappedAt: 505_000, Reason: "Only the apprenticeships are evidenced.", DecidedBy: "Panel", DecidedAt: 46000 },
    ]);
    const sheet = sheetScores(fake);
    const view = await readScores(run);
    // Birch's £101,000 against Acme's capped £505,000: a fifth of the 5 points.
    expect([rowOf(sheet, "Acme Care").Value, rowOf(sheet, "Birch Homes").Quantitative]).toEqual([505_000, 1]);
    for (const name of ["Acme Care", "Birch Homes"]) {
      const row = rowOf(sheet, name);
      const pane = paneFigures(view, name);
      expect(pane.value).toBeCloseTo(row.Value as number, 6);
      expect(pane.lev + pane.sv).toBeCloseTo((row.LEV as number) + (row.SV as number), 6);
      expect(pane.quantitative).toBeCloseTo(row.Quantitative as number, 9);
      expect(pane.rank).toBe(row.Rank);
    }
  });

  it("one text quantity leaves every other bid's Score and Rank a number", async () => {
    const { fake, run } = await aWorkbookWith([
      ["Acme Care", "ILL9", "hours", 100],
      ["Birch Homes", "ILL9", "hours", "three hundred"],
      ["Cobalt Services", "ILL9", "hours", 200],
    ]);
    const sheet = sheetScores(fake);
    for (const name of ["Acme Care", "Cobalt Services"]) {
      const row = rowOf(sheet, name);
      expect([name, typeof row.Quantitative, typeof row.Score, typeof row.Rank]).toEqual([name, "number", "number", "number"]);
    }
    expect(sheet.some((r) => Object.values(r).some(isExcelError))).toBe(false);
    expect(rowOf(sheet, "Birch Homes").Score).toBe("Held: SV111 on SV Commitments row 5");
    const view = await readScores(run);
    expect(paneFigures(view, "Cobalt Services").rank).toBe(1);
    expect(paneFigures(view, "Birch Homes").held?.faults[0]?.code).toBe("SV111");
  });

  it("a number typed as text holds the bid in both, as the sheet's formulas cannot count it", async () => {
    const { fake, run } = await aWorkbookWith([
      ["Acme Care", "ILL9", "hours", 100],
      // Typed with a leading apostrophe, as Excel keeps a number as text.
      ["Birch Homes", "ILL9", "hours", "'300"],
    ]);
    const sheet = sheetScores(fake);
    expect(rowOf(sheet, "Birch Homes").Rank).toBe("Held");
    expect(rowOf(sheet, "Acme Care").Rank).toBe(1);
    const view = await readScores(run);
    expect(paneFigures(view, "Birch Homes").held?.faults[0]?.code).toBe("SV116");
    expect(paneFigures(view, "Acme Care").rank).toBe(1);
  });

  it("the same measure on two rows (SV201) holds the bid in both, and both count its rows' £ alike", async () => {
    const { fake, run } = await aWorkbookWith([
      ["Acme Care", "ILL9", "hours", 100],
      ["Birch Homes", "ILL9", "hours", 300],
      ["Cobalt Services", "ILL9", "hours", 200],
      // Birch claims ILL9 again, in lower case: one measure, counted twice.
      ["Birch Homes", " ill9", "hours", 50],
    ]);
    const sheet = sheetScores(fake);
    const birch = rowOf(sheet, "Birch Homes");
    expect([birch.Held, birch.Rank]).toEqual(["SV201 on SV Commitments", "Held"]);
    expect([rowOf(sheet, "Cobalt Services").Rank, rowOf(sheet, "Acme Care").Rank]).toEqual([1, 2]);
    const view = await readScores(run);
    const pane = paneFigures(view, "Birch Homes");
    expect(pane.held?.text).toBe(birch.Held);
    expect(pane.held?.faults.map((f) => [f.row, f.code])).toEqual([[7, "SV201"]]);
    expect(pane.value).toBeCloseTo(birch.Value as number, 6);
    expect(paneFigures(view, "Cobalt Services").rank).toBe(1);
  });

  it("a bid with a faulty row and a measure twice is held for the faulty row in both", async () => {
    const { fake, run } = await aWorkbookWith([
      ["Acme Care", "ILL9", "hours", 100],
      ["Birch Homes", "ILL9", "hours", 300],
      ["Birch Homes", "ILL9", "hours", 30],
      ["Birch Homes", "ILL1", "hours", 2],
    ]);
    const birch = rowOf(sheetScores(fake), "Birch Homes");
    expect(birch.Held).toBe("SV108 on SV Commitments row 7");
    const pane = paneFigures(await readScores(run), "Birch Homes");
    expect(pane.held?.text).toBe(birch.Held);
    expect(pane.held?.faults.map((f) => [f.row, f.code])).toEqual([[6, "SV201"], [7, "SV108"]]);
  });
});

/**
 * Measures of the illustrative set a bid may commit to, with a valid quantity for each: each row
 * within the £1,000,000 contract value, while a bid's total may pass it or twice the benchmark
 * upper quartile (SV206, SV207: implausible totals that hold the bid, #16 point 4).
 */
const MEASURES = [
  { ref: "ILL1", unit: "FTE", quantity: fc.integer({ min: 0, max: 40 }) },
  { ref: "ILL4", unit: "weeks", quantity: fc.integer({ min: 0, max: 50 }) },
  { ref: "ILL9", unit: "hours", quantity: fc.integer({ min: 0, max: 5000 }) },
  { ref: "ILL11", unit: "count", quantity: fc.integer({ min: 0, max: 20 }) },
  { ref: "ILL12", unit: "tCO2e", quantity: fc.integer({ min: 0, max: 100 }) },
] as const;

/**
 * What can be wrong with a row: an error in validation and in the Check column; or a calculated
 * cell typed over, which holds the bid in both when SV Scores would read it differently (another
 * Value or Type) and in neither when it would not (the same Value, a typed Proxy or Measure).
 */
const FAULTS = [
  "none",
  "none",
  "none",
  "wrong unit",
  "words",
  "number as text",
  "negative",
  "unknown ref",
  "no quantity",
  "bidder only",
  "typed other Value",
  "typed same Value",
  "typed other Type",
  "typed Proxy",
  "typed Measure",
] as const;
type Fault = (typeof FAULTS)[number];

/** A calculated cell a user types over once the rows are in: what to type, given what the cell shows. */
interface TypedOver {
  column: "Value" | "Type" | "Proxy" | "Measure";
  typed: (shown: unknown) => unknown;
}
const TYPED_OVER: Partial<Record<Fault, TypedOver>> = {
  "typed other Value": { column: "Value", typed: (shown) => Number(shown) + 1000 },
  "typed same Value": { column: "Value", typed: (shown) => shown },
  "typed other Type": { column: "Type", typed: (shown) => (shown === "LEV" ? "SV" : "LEV") },
  "typed Proxy": { column: "Proxy", typed: (shown) => Number(shown) * 3 },
  "typed Measure": { column: "Measure", typed: () => "Local jobs" },
};

/** Types over the calculated cells `typed` names, by index of the rows as given (the first on sheet row 4). */
async function typeOverCells(fake: ExcelHost, run: ExcelRun, typed: readonly (TypedOver | undefined)[]): Promise<void> {
  const table = fake.inspect.table(TABLES.commitments)!;
  const column = (header: string) => String.fromCharCode(65 + table.headers.indexOf(header));
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SHEETS.commitments);
    typed.forEach((t, i) => {
      if (t === undefined) return;
      const address = `${column(t.column)}${4 + i}`;
      sheet.getRange(address).values = [[t.typed(fake.inspect.value(`'${SHEETS.commitments}'!${address}`))]];
    });
    await context.sync();
  });
}

function rowFor(bidder: string, m: (typeof MEASURES)[number], quantity: number, fault: Fault): unknown[] {
  if (TYPED_OVER[fault] !== undefined) return [bidder, m.ref, m.unit, quantity];
  switch (fault) {
    case "none":
      return [bidder, m.ref, m.unit, quantity];
    case "wrong unit":
      // No measure above counts kg, so kg is always another measure's unit (SV108).
      return [bidder, m.ref, "kg", quantity];
    case "words":
      return [bidder, m.ref, m.unit, "about a dozen"];
    case "number as text":
      return [bidder, m.ref, m.unit, `'${quantity}`];
    case "negative":
      return [bidder, m.ref, m.unit, -1 - quantity];
    case "unknown ref":
      return [bidder, `${m.ref}X`, m.unit, quantity];
    case "no quantity":
      return [bidder, m.ref, m.unit, ""];
    case "bidder only":
      // A name and nothing else: no commitment (SV102), which holds the bid in both.
      return [bidder, "", "", ""];
  }
  throw new Error(`test set-up: no row for ${fault}`);
}

/** One bid: up to three rows, sometimes on the same measure twice (SV201, which SV_Scores[Held] finds). */
const aBid = (bidder: string) =>
  fc
    .array(fc.integer({ min: 0, max: MEASURES.length - 1 }), { minLength: 1, maxLength: 3 })
    .chain((picks) =>
      fc.tuple(...picks.map((i) => fc.tuple(MEASURES[i]!.quantity, fc.constantFrom(...FAULTS)).map(([q, f]) => ({ cells: rowFor(bidder, MEASURES[i]!, q, f), typed: TYPED_OVER[f] })))),
    );

const aTenderOfBids = fc.record({
  bids: fc
    .integer({ min: 2, max: 4 })
    .chain((n) => fc.tuple(...["Acme Care", "Birch Homes", "Cobalt Services", "Dale Ltd"].slice(0, n).map(aBid))),
  method: fc.constantFrom<ScoringMethod>("relative", "range"),
});

describe("the Scores page and SV Scores over workbooks with faulty rows", () => {
  it("give the same £, points, score and rank for every bid, or hold back the same bids for the same row", async () => {
    await fc.assert(
      fc.asyncProperty(aTenderOfBids, async ({ bids, method }) => {
        const rows = bids.flat();
        const { fake, run } = await aWorkbookWith(rows.map((r) => r.cells), method);
        await typeOverCells(fake, run, rows.map((r) => r.typed));
        const sheet = sheetScores(fake);
        const view = await readScores(run);
        expect(sheet.some((r) => Object.values(r).some(isExcelError))).toBe(false);
        for (const row of sheet) {
          const pane = paneFigures(view, String(row.Bidder));
          expect(pane.value).toBeCloseTo(row.Value as number, 6);
          if (pane.held === undefined) {
            expect([row.Bidder, row.Held, row.Rank]).toEqual([pane.bidder, "", pane.rank]);
            expect(pane.quantitative).toBeCloseTo(row.Quantitative as number, 9);
            expect(pane.score).toBeCloseTo(row.Score as number, 9);
          } else {
            expect([row.Bidder, row.Quantitative, row.Score, row.Rank]).toEqual([pane.bidder, `Held: ${pane.held.text}`, `Held: ${pane.held.text}`, "Held"]);
          }
        }
      }),
      { numRuns: 20 },
    );
  });
});
