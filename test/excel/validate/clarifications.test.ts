/**
 * Implausible commitments and the panel's clarification outcomes, in the workbook (issue #16
 * point 4): the sheet's formulas, computed by HyperFormula with the TENDER functions registered.
 * The defect: 999,999,999,999,999 hours passed with a warning and took every commitment point.
 */
import { aPlanInput, anEvaluationWorkbook, typeIntoTable } from "../support";
import { ILLUSTRATIVE, measureTableFromFramework } from "../../../src/core";
import { TABLES } from "../../../src/core/shared/layout";
import type { ExcelHost } from "../../excelHost";
import { validateWorkbook } from "../../../src/excel/validate/validateWorkbook";
import { recordClarification } from "../../../src/excel/validate/recordClarification";
import { readScores } from "../../../src/excel/scores/readScores";
import { SHEETS } from "../../../src/core/shared/layout";

const HUGE = 999_999_999_999_999;
/** 1 January 2026 as an Excel date. */
const DECIDED_AT = 46023;

const ILL9_PROXY = measureTableFromFramework(ILLUSTRATIVE).find((m) => m.ref === "ILL9")?.proxy as number;

function tableRows(fake: ExcelHost, name: string): Record<string, unknown>[] {
  const table = fake.inspect.table(name);
  if (!table) throw new Error(`no ${name}`);
  return fake.inspect.values(table.dataBodyAddress).map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r[i]])));
}

function rowOf(rows: Record<string, unknown>[], bidder: string): Record<string, unknown> {
  const row = rows.find((r) => r.Bidder === bidder);
  if (!row) throw new Error(`no row for ${bidder}`);
  return row;
}

/** Acme commits an absurd number of hours, Birch 300 hours, both to ILL9 (contract £1,000,000, 5 points for commitments). */
async function aWorkbookWithTheHugeBid() {
  return anEvaluationWorkbook(
    [
      ["Acme Care", "ILL9", "hours", HUGE],
      ["Birch Homes", "ILL9", "hours", 300],
    ],
    aPlanInput({ bidders: ["Acme Care", "Birch Homes"] }),
  );
}

const anOutcome = (overrides: Record<string, unknown>): Record<string, unknown> => ({
  Bidder: "Acme Care",
  Ref: "ILL9",
  Issue: "999,999,999,999,999 hours",
  Reason: "The bidder confirmed a typing error: 500 hours a year.",
  DecidedBy: "Evaluation panel (chair J Patel)",
  DecidedAt: DECIDED_AT,
  ...overrides,
});

describe("an implausible commitment in the workbook", () => {
  it("no longer takes every commitment point: its Check is an error and the other bid scores in full", async () => {
    const { fake } = await aWorkbookWithTheHugeBid();
    const scores = tableRows(fake, TABLES.scores);
    expect(rowOf(scores, "Acme Care").Quantitative).not.toBe(5);
    expect(rowOf(scores, "Birch Homes").Quantitative).toBe(5);
    const acme = rowOf(tableRows(fake, TABLES.commitments), "Acme Care");
    expect(String(acme.Check)).toMatch(/^SV123 /);
  });

  it("a quantity above the council's ceiling for the measure is an error too", async () => {
    const measures = measureTableFromFramework(ILLUSTRATIVE).map((m) => (m.ref === "ILL9" ? { ...m, ceiling: 1_000 } : m));
    const { fake } = await anEvaluationWorkbook([["Acme Care", "ILL9", "hours", 1_500]], aPlanInput({ measures, bidders: ["Acme Care"] }));
    expect(String(rowOf(tableRows(fake, TABLES.commitments), "Acme Care").Check)).toMatch(/^SV124 1,500 is above the ceiling/);
  });

  it("capped by the panel: the Check says so, Value counts the cap, and both bids score on it", async () => {
    const { fake, run } = await aWorkbookWithTheHugeBid();
    await typeIntoTable(run, TABLES.clarifications, [anOutcome({ Outcome: "Capped", CappedAt: 500 })]);
    const acme = rowOf(tableRows(fake, TABLES.commitments), "Acme Care");
    expect(acme.Check).toBe("SV125 The panel clarified this commitment: capped at 500.");
    expect(acme.Value).toBeCloseTo(500 * ILL9_PROXY, 6);
    const scores = tableRows(fake, TABLES.scores);
    expect(rowOf(scores, "Acme Care").Quantitative).toBeCloseTo(5, 9);
    expect(rowOf(scores, "Birch Homes").Quantitative).toBeCloseTo(5 * (300 / 500), 9);
  });

  it("excluded by the panel: the commitment counts £0", async () => {
    const { fake, run } = await aWorkbookWithTheHugeBid();
    await typeIntoTable(run, TABLES.clarifications, [anOutcome({ Outcome: "Excluded" })]);
    const acme = rowOf(tableRows(fake, TABLES.commitments), "Acme Care");
    expect(acme.Check).toBe("SV125 The panel clarified this commitment: excluded (counts 0).");
    expect(acme.Value).toBe(0);
    const scores = tableRows(fake, TABLES.scores);
    expect(rowOf(scores, "Acme Care").Quantitative).toBe(0);
    expect(rowOf(scores, "Birch Homes").Quantitative).toBe(5);
  });

  it("accepted as stated: the commitment counts in full", async () => {
    const { fake, run } = await anEvaluationWorkbook([["Acme Care", "ILL9", "hours", 100_000]], aPlanInput({ bidders: ["Acme Care"] }));
    expect(String(rowOf(tableRows(fake, TABLES.commitments), "Acme Care").Check)).toMatch(/^SV123 /);
    await typeIntoTable(run, TABLES.clarifications, [anOutcome({ Outcome: "Accepted" })]);
    const acme = rowOf(tableRows(fake, TABLES.commitments), "Acme Care");
    expect(acme.Check).toBe("SV125 The panel clarified this commitment: accepted as stated.");
    expect(acme.Value).toBeCloseTo(100_000 * ILL9_PROXY, 4);
  });

  it.each([
    ["no reason", { Reason: "" }],
    ["no one named as deciding", { DecidedBy: "" }],
    ["a date typed as text", { DecidedAt: "someday" }],
    ["Capped without a figure", { CappedAt: "" }],
  ])("an outcome with %s is not an outcome: the Check stays an error and the cap is not applied", async (_, gap) => {
    const { fake, run } = await aWorkbookWithTheHugeBid();
    await typeIntoTable(run, TABLES.clarifications, [anOutcome({ Outcome: "Capped", CappedAt: 500, ...gap })]);
    const acme = rowOf(tableRows(fake, TABLES.commitments), "Acme Care");
    expect(String(acme.Check)).toMatch(/^SV123 /);
    expect(acme.Value).toBeCloseTo(HUGE * ILL9_PROXY, -6);
    // The outcome row says it does not count: blank, never an error such as #NAME?.
    expect(rowOf(tableRows(fake, TABLES.clarifications), "Acme Care").Counts).toBe("");
  });

  it("an outcome for another bidder or measure changes nothing here", async () => {
    const { fake, run } = await aWorkbookWithTheHugeBid();
    await typeIntoTable(run, TABLES.clarifications, [anOutcome({ Bidder: "Birch Homes", Outcome: "Excluded" }), anOutcome({ Ref: "ILL1", Outcome: "Excluded" })]);
    const rows = tableRows(fake, TABLES.commitments);
    expect(String(rowOf(rows, "Acme Care").Check)).toMatch(/^SV123 /);
    // Birch's 300 hours were plausible, but the panel's outcome for them is applied all the same, as core does.
    expect(rowOf(rows, "Birch Homes").Value).toBe(0);
  });
});

describe("Validate reads the panel's outcomes", () => {
  it("lists the implausible commitment as an error, then as clarified once the outcome is recorded", async () => {
    const { run } = await aWorkbookWithTheHugeBid();
    const before = await validateWorkbook(run);
    expect(before.result.findings.filter((f) => f.bidder === "Acme Care").map((f) => [f.code, f.severity])).toEqual([["SV123", "error"]]);
    await typeIntoTable(run, TABLES.clarifications, [anOutcome({ Outcome: "Capped", CappedAt: 500 })]);
    const after = await validateWorkbook(run);
    expect(after.result.findings.filter((f) => f.bidder === "Acme Care").map((f) => [f.code, f.message])).toEqual([["SV125", "The panel clarified this commitment: capped at 500."]]);
    expect(after.result.commitments.find((c) => c.bidder === "Acme Care")?.quantity).toBe(500);
    expect(after.clarificationProblems).toEqual([]);
  });

  it("says which outcome row does not count yet, and why", async () => {
    const { run } = await aWorkbookWithTheHugeBid();
    await typeIntoTable(run, TABLES.clarifications, [anOutcome({ Outcome: "Excluded", DecidedBy: "" })]);
    const { clarificationProblems, result } = await validateWorkbook(run);
    expect(clarificationProblems.map((p) => p.message)).toEqual([
      "Row 4 of SV Clarifications (Acme Care, ILL9): the outcome Excluded is not recorded yet, because it lacks who decided (DecidedBy). Until it has them the bid stays held.",
    ]);
    expect(result.findings.find((f) => f.bidder === "Acme Care")?.code).toBe("SV123");
  });

  it("works in a workbook made before SV Clarifications existed", async () => {
    const { run } = await aWorkbookWithTheHugeBid();
    await run(async (context) => {
      context.workbook.tables.getItem(TABLES.clarifications).delete();
      await context.sync();
    });
    const { result, clarificationProblems } = await validateWorkbook(run);
    expect(result.findings.find((f) => f.bidder === "Acme Care")?.code).toBe("SV123");
    expect(clarificationProblems).toEqual([]);
  });
});

describe("recording an outcome from the pane", () => {
  const request = { bidder: "Acme Care", ref: "ILL9", issue: "999,999,999,999,999 hours", outcome: "Capped", cappedAt: 500, reason: "Typing error confirmed by the bidder.", decidedBy: "J Patel", decidedAt: "2026-01-01" };

  it("writes the outcome, which the sheet then counts; recording again updates the same row", async () => {
    const { fake, run } = await aWorkbookWithTheHugeBid();
    await recordClarification(run, request);
    expect(tableRows(fake, TABLES.clarifications)).toEqual([
      { Bidder: "Acme Care", Ref: "ILL9", Issue: "999,999,999,999,999 hours", Outcome: "Capped", CappedAt: 500, Reason: "Typing error confirmed by the bidder.", DecidedBy: "J Patel", DecidedAt: DECIDED_AT, Counts: "Capped 500" },
    ]);
    expect(rowOf(tableRows(fake, TABLES.commitments), "Acme Care").Value).toBeCloseTo(500 * ILL9_PROXY, 6);
    await recordClarification(run, { ...request, outcome: "Excluded", cappedAt: null, reason: "=not credible" });
    const rows = tableRows(fake, TABLES.clarifications);
    expect(rows.map((r) => [r.Outcome, r.CappedAt, r.Reason])).toEqual([["Excluded", "", "=not credible"]]);
    expect(rowOf(tableRows(fake, TABLES.commitments), "Acme Care").Value).toBe(0);
  });

  it("refuses an outcome without its reason, writing nothing", async () => {
    const { fake, run } = await aWorkbookWithTheHugeBid();
    await expect(recordClarification(run, { ...request, reason: "  " })).rejects.toThrow("Give the panel's reason: the outcome is part of the signed record and must say why.");
    expect(tableRows(fake, TABLES.clarifications)[0]?.Outcome).toBe("");
  });

  it("adds SV Clarifications to a workbook made before it existed", async () => {
    const { fake, run } = await aWorkbookWithTheHugeBid();
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.clarifications).delete();
      await context.sync();
    });
    await recordClarification(run, request);
    expect(fake.inspect.sheetNames()).toContain(SHEETS.clarifications);
    expect(tableRows(fake, TABLES.clarifications).map((r) => r.Counts)).toEqual(["Capped 500"]);
  });
});

describe("a whole bid clarified (Ref blank), in the sheet and the pane alike", () => {
  // Hours worth 80% of the £1,000,000 contract: a return over twice the 36.6% upper quartile (SV207).
  const hours = Math.round(800_000 / ILL9_PROXY);
  const aWorkbookWithAHighReturn = () =>
    anEvaluationWorkbook(
      [
        ["Acme Care", "ILL9", "hours", hours],
        ["Birch Homes", "ILL9", "hours", 300],
      ],
      aPlanInput({ bidders: ["Acme Care", "Birch Homes"] }),
    );

  it("is held until clarified, then counts the cap on SV Scores and on the Scores page", async () => {
    const { fake, run } = await aWorkbookWithAHighReturn();
    expect(String(rowOf(tableRows(fake, TABLES.scores), "Acme Care").Held)).toMatch(/^SV207 on SV Commitments row 4/);
    await recordClarification(run, { bidder: "Acme Care", issue: "Return of 80%", outcome: "Capped", cappedAt: 200_000, reason: "Only the hours with named partners are credible.", decidedBy: "J Patel", decidedAt: "2026-01-01" });
    const acme = rowOf(tableRows(fake, TABLES.scores), "Acme Care");
    expect(acme.Held).toBe("");
    expect(acme.Value).toBeCloseTo(200_000, 6);
    const pane = await readScores(run);
    expect(pane.bidders.find((b) => b.bidder === "Acme Care")?.value).toBeCloseTo(200_000, 6);
    expect(pane.bidders.find((b) => b.bidder === "Acme Care")?.quantitative).toBeCloseTo(acme.Quantitative as number, 9);
  });
});
