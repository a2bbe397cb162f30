/**
 * With the user's AutoCorrect option "Fill formulas in tables to create calculated columns"
 * off, Excel fills no formula into rows a table gains, from an add-in as from a user (the
 * host's calculated-columns-off profile). Every operation that adds rows writes its tables'
 * column formulas itself, so the rows it adds compute exactly as on an Excel with the option on.
 */
import { importForms } from "../../../src/excel/bids/importForms";
import { TABLE_FORMULAS } from "../../../src/core/workbook/tableFormulas";
import { TABLES } from "../../../src/core/shared/layout";
import type { ReadForm } from "../../../src/forms/types";
import type { ProfileName } from "../../excelHost";
import { aPlanInput, anEvaluationWorkbook, tableCells } from "../support";
import { allMarked } from "../moderation/moderationSupport";

const PROFILES: readonly ProfileName[] = ["web", "calculated-columns-off"];

function aForm(bidder: string, hours: number): ReadForm {
  return {
    fileName: `${bidder}.xlsx`,
    tenderId: "T-1",
    formVersion: 1,
    bidder,
    commitments: [
      { formRow: 5, ref: "ILL9", unit: "hours", quantity: hours, baseline: null, actions: "", verification: "Timesheets" },
      { formRow: 6, ref: "ILL4", unit: "weeks", quantity: 26, baseline: null, actions: "", verification: "Payroll" },
    ],
    answers: [],
    offers: [],
    notes: [],
  };
}


describe.each(PROFILES)("rows the add-in adds on the %s profile", (profile) => {
  it("imported commitments carry their Measure, Proxy, Type, Value and Check formulas, and SV Scores rows theirs", async () => {
    const { fake, run } = await anEvaluationWorkbook([], aPlanInput({ tenderId: "T-1" }), { profile });
    await importForms(run, [aForm("Acme Care", 100), aForm("Birch Homes", 300)], []);

    const calculated = Object.keys(TABLE_FORMULAS.commitments);
    const rows = tableCells(fake, TABLES.commitments, ["Bidder", ...calculated]);
    expect(rows).toHaveLength(4);
    for (const row of rows) for (const h of calculated) expect(row[h]?.formula).toBe((TABLE_FORMULAS.commitments as Record<string, string>)[h]);
    expect(rows.map((r) => [r.Bidder?.value, r.Check?.value, r.Value?.value])).toEqual([
      ["Acme Care", "OK", 100 * 101],
      ["Acme Care", "OK", 26 * 200],
      ["Birch Homes", "OK", 300 * 101],
      ["Birch Homes", "OK", 26 * 200],
    ]);

    const scores = tableCells(fake, TABLES.scores, ["Bidder", "Value", "Score", "Rank"]);
    expect(scores.map((s) => [s.Bidder?.value, s.Value?.value, s.Rank?.value])).toEqual([
      ["Acme Care", 10_100 + 5_200, 2],
      ["Birch Homes", 30_300 + 5_200, 1],
    ]);
    for (const s of scores) expect(s.Score?.formula).toBe(TABLE_FORMULAS.scores.Score);
  });

  it("Prepare marking's new SV Moderation rows carry their formulas: spreads and flags show", async () => {
    const { fake } = await allMarked({ hostOptions: { profile } });
    const calculated = Object.keys(TABLE_FORMULAS.consensus);
    const rows = tableCells(fake, TABLES.consensus, ["Bidder", "Criterion", ...calculated]);
    expect(rows).toHaveLength(4);
    for (const row of rows) for (const h of calculated) expect(row[h]?.formula).toBe((TABLE_FORMULAS.consensus as Record<string, string>)[h]);
    // Ann 3, Ben 5, Cat 4 on Acme Q1: spread 2 over a threshold of 1.
    expect(rows.map((r) => [r.Bidder?.value, r.Criterion?.value, r.Spread?.value, r.Flag?.value])).toEqual([
      ["Acme Ltd", "Q1", 2, "Discuss"],
      ["Acme Ltd", "Q2", 1, ""],
      ["Birch Homes", "Q1", 0, ""],
      ["Birch Homes", "Q2", 1, ""],
    ]);
  });
});
