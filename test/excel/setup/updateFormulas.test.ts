/**
 * A workbook made before issue #16 keeps that version's formulas on its rows, so the sheet and
 * the pane disagree (the sheet still scores a bid the pane holds back). Update formulas brings
 * every calculated column up to date: afterwards SV Scores, computed by HyperFormula with the
 * TENDER functions, gives the pane's figures, and nothing typed in has changed.
 */
import { SHEETS, TABLE_FORMULAS, TABLES } from "../../../src/core";
import { checkFormulas, updateFormulas } from "../../../src/excel/setup/updateFormulas";
import { ensureHeldColumn } from "../../../src/excel/scores/heldColumn";
import { readScores, type ScoresView } from "../../../src/excel/scores/readScores";
import { recordDecision } from "../../../src/excel/report/decisionRecord";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import type { ExcelHost, ExcelHostOptions } from "../../excelHost";
import { FORMULAS_BEFORE_16 } from "../../cases/olderWorkbook";
import { anOlderEvaluationWorkbook } from "./olderWorkbook";
import { aPlanInput, anEvaluationWorkbook } from "../support";
import { allAgreed } from "../moderation/moderationSupport";

// Rows start at sheet row 4. ILL1 counts FTE: "hours" is the wrong unit (SV108), an error that
// holds Birch Homes back in this version; the version before #16 scored the bid regardless.
const BIDS = [
  ["Acme Care", "ILL9", "hours", 100],
  ["Birch Homes", "ILL9", "hours", 300],
  ["Birch Homes", "ILL1", "hours", 2],
  ["Cobalt Services", "ILL9", "hours", 200],
];
const BIDDERS = ["Acme Care", "Birch Homes", "Cobalt Services"];
const INPUTS = ["Bidder", "Ref", "Unit", "Quantity", "Evidence"];

function older(hostOptions: ExcelHostOptions = {}) {
  return anOlderEvaluationWorkbook(BIDS, aPlanInput({ bidders: BIDDERS }), hostOptions);
}

function rowsOf(fake: ExcelHost, table: string): Record<string, unknown>[] {
  const t = fake.inspect.table(table);
  if (!t) throw new Error(`no ${table}`);
  return fake.inspect.values(t.dataBodyAddress).map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

/** Every formula of a table's column, read straight from the workbook. */
function columnFormulasOf(fake: ExcelHost, table: string, header: string): unknown[] {
  const t = fake.inspect.table(table)!;
  const i = t.headers.indexOf(header);
  return fake.inspect.formulas(t.dataBodyAddress).map((r) => r[i]);
}

/** What the sheet shows for a bidder, next to what the pane shows, in the sheet's own words. */
function sheetAndPane(fake: ExcelHost, view: ScoresView, bidder: string) {
  const row = rowsOf(fake, TABLES.scores).find((r) => r.Bidder === bidder)!;
  const pane = view.bidders.find((b) => b.bidder === bidder)!;
  return {
    sheet: [row.Value, row.Quantitative, row.Rank],
    pane: [pane.value, pane.held === undefined ? pane.quantitative : `Held: ${pane.held.text}`, pane.held === undefined ? pane.rank : "Held"],
  };
}

/** SV Scores, as HyperFormula computes it, and the Scores page give the same figures for every bid. */
async function expectSheetToGiveThePanesFigures(fake: ExcelHost, run: ExcelRun): Promise<void> {
  const view = await readScores(run);
  for (const bidder of BIDDERS) {
    const { sheet, pane } = sheetAndPane(fake, view, bidder);
    expect([bidder, ...sheet]).toEqual([bidder, ...pane]);
  }
}

async function typeOver(run: ExcelRun, sheet: string, address: string, value: unknown): Promise<void> {
  await run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await context.sync();
  });
}

describe("a workbook made before #16", () => {
  it("disagrees with the pane, and the check says which formulas are out of date", async () => {
    const { fake, run } = await older();
    const view = await readScores(run);
    const birch = sheetAndPane(fake, view, "Birch Homes");
    // The defect: the old formulas still score the bid the pane holds back.
    expect(birch.pane[1]).toBe("Held: SV108 on SV Commitments row 6");
    expect(birch.sheet[1]).not.toBe(birch.pane[1]);

    const status = await checkFormulas(run);
    expect(status.outOfDate.map((c) => `${c.table}.${c.header}`).sort()).toEqual(
      Object.entries(FORMULAS_BEFORE_16)
        .flatMap(([table, columns]) => Object.entries(columns).filter(([h, f]) => (TABLE_FORMULAS[table as keyof typeof FORMULAS_BEFORE_16] as Record<string, string>)[h] !== f).map(([h]) => `${table}.${h}`))
        .sort(),
    );
    expect(status.message).toMatch(/^This workbook was made by an earlier version: \d+ formulas on SV Commitments, SV Scores and SV Moderation are out of date, SV Scores lacks its Held column, SV Measures lacks its Ceiling column and the sheet SV Clarifications is missing\./);
  });

  it("after Update formulas, SV Scores gives the pane's figures for every bid, and nothing typed changed", async () => {
    const { fake, run } = await older();
    const typedBefore = rowsOf(fake, TABLES.commitments).map((r) => INPUTS.map((h) => r[h]));

    const done = await updateFormulas(run);
    expect(done.summary).toMatch(/^Updated \d+ formulas to this version's: SV Commitments \(.*Check\), SV Scores \(.*Held\) and SV Moderation \(.*Status\); added Held on SV Scores, Ceiling on SV Measures and the sheet SV Clarifications\. Nothing typed in was changed\.$/);

    await expectSheetToGiveThePanesFigures(fake, run);
    expect(rowsOf(fake, TABLES.scores).find((r) => r.Bidder === "Birch Homes")!.Rank).toBe("Held");
    expect(rowsOf(fake, TABLES.commitments).map((r) => INPUTS.map((h) => r[h]))).toEqual(typedBefore);
    expect(fake.inspect.sheetNames()).toContain(SHEETS.clarifications);
    // Every row of every calculated column holds today's formula, and the check finds nothing more.
    for (const [key, columns] of Object.entries(TABLE_FORMULAS)) {
      const table = TABLES[key as keyof typeof TABLE_FORMULAS];
      for (const [header, formula] of Object.entries(columns)) expect([header, ...new Set(columnFormulasOf(fake, table, header))]).toEqual([header, formula]);
    }
    expect((await checkFormulas(run)).message).toBeUndefined();
  });

  it("writes each column in one command, in one request, however many rows it has", async () => {
    const small = await older();
    await updateFormulas(small.run);
    const many = [...Array.from({ length: 30 }, (_, i) => [`Bidder ${i}`, "ILL9", "hours", i + 1]), ...BIDS];
    const large = await anOlderEvaluationWorkbook(many, aPlanInput({ bidders: BIDDERS }));
    await updateFormulas(large.run);
    // As many requests, and the largest (the writes) the same size, whatever the number of rows.
    expect(large.fake.stats.requests).toBe(small.fake.stats.requests);
    expect(large.fake.stats.maxRequestBytes).toBe(small.fake.stats.maxRequestBytes);
    expect(large.fake.stats.maxRequestBytes).toBeLessThan(100_000);
  });

  it("keeps a value typed over a formula, and says so", async () => {
    const { fake, run } = await older();
    // The Value of Acme's row (H4), whose formula is out of date, typed over by hand.
    await typeOver(run, SHEETS.commitments, "H4", 50000);
    const done = await updateFormulas(run);
    expect(fake.inspect.formulas(`'${SHEETS.commitments}'!H4:H5`)).toEqual([[50000], [TABLE_FORMULAS.commitments.Value]]);
    expect(done.keptTyped).toBe(1);
    expect(done.summary).toMatch(/1 cell in those columns held a value typed over the formula and keeps it/);
  });

  it("keeps the update in SV Decisions when the workbook has that log", async () => {
    const { fake, run } = await older();
    await recordDecision(run, { decision: "weighting", by: "Dee Lead", reason: "Council policy: 15%." });
    const done = await updateFormulas(run, {}, () => new Date("2026-12-07T08:00:00Z"));
    expect(done.logged).toBe(true);
    const last = rowsOf(fake, TABLES.decisions).at(-1)!;
    expect([last.Decision, last.Value, last.DecidedAt]).toEqual(["Formulas updated", done.summary, "2026-12-07T08:00:00.000Z"]);
  });

  it("on a desktop build that passes blank cells as 0, the sheet gives the pane's figures after the update", async () => {
    const { fake, run } = await older({ profile: "desktop-legacy" });
    await updateFormulas(run);
    await expectSheetToGiveThePanesFigures(fake, run);
  });

  it("with calculated columns off, rows typed later without formulas get them too", async () => {
    const { fake, run } = await older({ profile: "calculated-columns-off" });
    // With the option off, the rows typed below the first carry no formula at all.
    expect(columnFormulasOf(fake, TABLES.commitments, "Check").slice(1)).toEqual(["", "", ""]);
    await updateFormulas(run);
    expect(new Set(columnFormulasOf(fake, TABLES.commitments, "Check"))).toEqual(new Set([TABLE_FORMULAS.commitments.Check]));
    await expectSheetToGiveThePanesFigures(fake, run);
  });
});

describe("a workbook of this version", () => {
  it("has nothing out of date, and Update formulas says so and changes nothing", async () => {
    const { fake, run } = await anEvaluationWorkbook(BIDS, aPlanInput({ bidders: BIDDERS }));
    expect(await checkFormulas(run)).toMatchObject({ outOfDate: [], missingColumns: [], missingTables: [], message: undefined });
    fake.resetStats();
    await expect(updateFormulas(run)).rejects.toThrow("Every formula in this workbook is already up to date: nothing was changed.");
  });

  it("with calculated columns off, rows a user typed in lack their formulas: the check says so and the update gives them", async () => {
    const { fake, run } = await anEvaluationWorkbook(BIDS, aPlanInput({ bidders: BIDDERS }), { profile: "calculated-columns-off" });
    expect((await checkFormulas(run)).message).toMatch(/^Rows were added to this workbook without their formulas: 5 formulas on SV Commitments are out of date\./);
    await updateFormulas(run);
    expect(new Set(columnFormulasOf(fake, TABLES.commitments, "Value"))).toEqual(new Set([TABLE_FORMULAS.commitments.Value]));
    await expectSheetToGiveThePanesFigures(fake, run);
  });

  it("once signed, is refused: sign-off froze its formulas into the signed values", async () => {
    const { fake, actions, run } = await allAgreed();
    await actions.signOff("Dee Lead");
    const before = fake.inspect.formulas(fake.inspect.table(TABLES.scores)!.dataBodyAddress);
    await expect(updateFormulas(run)).rejects.toThrow(/^The record was signed off by Dee Lead on .*, so its formulas were not updated\..*Verify would report each one/);
    expect(fake.inspect.formulas(fake.inspect.table(TABLES.scores)!.dataBodyAddress)).toEqual(before);
  });

  it("is refused too when SV Record was deleted but SV Sign-off still shows the fingerprint, and the Held column is not filled", async () => {
    const { fake, actions, run } = await allAgreed();
    await actions.signOff("Dee Lead");
    await run(async (context) => {
      const record = context.workbook.worksheets.getItem(SHEETS.record);
      record.visibility = "Visible";
      record.delete();
      await context.sync();
    });
    const before = fake.inspect.formulas(fake.inspect.table(TABLES.scores)!.dataBodyAddress);
    await expect(updateFormulas(run)).rejects.toThrow(/^The record was signed off \(SV Sign-off shows its fingerprint\), so its formulas were not updated\./);
    // An import's Held-column step leaves a signed SV Scores as it was signed.
    await ensureHeldColumn(run);
    expect(fake.inspect.formulas(fake.inspect.table(TABLES.scores)!.dataBodyAddress)).toEqual(before);
  });
});
