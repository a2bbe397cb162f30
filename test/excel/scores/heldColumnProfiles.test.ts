/**
 * SV_Scores' Held column added to a workbook made before issue #16 (ensureHeldColumn, on a form
 * import), on each Excel host profile (test/excelHost/profiles.ts) through Microsoft's Excel JS
 * client: every row, old and new, gets the Held formula whether or not Excel fills calculated
 * columns, a faulty or blank commitment holds its own bid (never read as 0), and a co-author who
 * adds a bidder row meanwhile does not leave the column without its formula.
 */
import { TABLE_FORMULAS, TABLES } from "../../../src/core";
import { createBidsActions } from "../../../src/excel/bids/bidsActions";
import { ensureHeldColumn } from "../../../src/excel/scores/heldColumn";
import { ensureClarificationLayout } from "../../../src/excel/setup/clarificationLayout";
import { SHEETS } from "../../../src/core/shared/layout";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import type { ReadForm } from "../../../src/forms/types";
import type { ExcelHost, ProfileName } from "../../excelHost";
import { anOlderEvaluationWorkbook } from "../setup/olderWorkbook";
import { aPlanInput, tableCells } from "../support";

const TENDER = "T-HELD";

function aForm(bidder: string, commitments: ReadForm["commitments"]): ReadForm {
  return { fileName: `${bidder}.xlsx`, tenderId: TENDER, formVersion: 1, bidder, commitments, answers: [], offers: [], notes: [] };
}

const hours = (formRow: number, quantity: number | null, unit = "hours") => ({ formRow, ref: "ILL9", unit, quantity, baseline: null, actions: "", verification: "Timesheets" });

/** An older workbook with Acme's 100 hours typed in before the update. */
const anOlderWorkbook = (profile: ProfileName) =>
  anOlderEvaluationWorkbook([["Acme Care", "ILL9", "hours", 100]], aPlanInput({ tenderId: TENDER, bidders: ["Acme Care"] }), { profile });

function scores(fake: ExcelHost) {
  return tableCells(fake, TABLES.scores, ["Bidder", "Held", "Rank"]);
}

describe.each(["web", "calculated-columns-off", "desktop-legacy", "min-api"] as const)("the Held column added on the %s profile", (profile) => {
  it("every bid's row carries the Held formula; a wrong unit and a blank quantity hold their own bids, the sound bid ranks", async () => {
    const { fake, run } = await anOlderWorkbook(profile);
    const result = await createBidsActions(run).importForms(
      [aForm("Birch Homes", [hours(5, 300, "FTE")]), aForm("Cobalt Services", [hours(5, null)]), aForm("Dove Care", [hours(5, 200)])],
      []
    );
    expect(result.files.map((f) => f.status)).toEqual(["imported", "imported", "imported"]);
    const rows = scores(fake);
    for (const r of rows) expect(r.Held?.formula).toBe(TABLE_FORMULAS.scores.Held);
    const held = Object.fromEntries(rows.map((r) => [r.Bidder?.value, [String(r.Held?.value).slice(0, 5), r.Rank?.value]]));
    expect(held).toEqual({
      "Acme Care": ["", 2],
      "Birch Homes": ["SV108", "Held"],
      // A blank quantity is not a committed 0 on any build: SV110 holds the bid.
      "Cobalt Services": ["SV110", "Held"],
      "Dove Care": ["", 1],
    });
  });
});

describe("the Held column added while a co-author adds a bidder row", () => {
  it("gives the co-author's row the formula too, and leaves no row of the column without it", async () => {
    const { fake, run } = await anOlderWorkbook("web");
    // The Held formula names SV Clarifications: the import adds it first.
    await ensureClarificationLayout(run);
    const table = fake.inspect.table(TABLES.scores)!;
    const firstRow = Number(/!\$?[A-Z]+\$?(\d+)/.exec(table.dataBodyAddress)![1]);
    // Between ensureHeldColumn's read of SV_Scores (request 2) and its write (request 3), a
    // co-author inserts a row inside the table and types a bidder into it.
    let calls = 0;
    const coRun: ExcelRun = (batch) => {
      if (++calls === 1) {
        fake.coauthor.beforeRequest(3, (co) => {
          co.insertRows(SHEETS.scores, firstRow, 1);
          co.type(`'${SHEETS.scores}'!A${firstRow}`, "Elm Trust");
        });
      }
      return run(batch);
    };
    await ensureHeldColumn(coRun).catch(() => undefined);
    expect(fake.coauthor.log).toHaveLength(2);
    // Whatever the first attempt did, the next action that needs the column finds it whole.
    await ensureHeldColumn(run);
    const rows = scores(fake);
    expect(rows.map((r) => r.Bidder?.value)).toEqual(["Elm Trust", "Acme Care"]);
    for (const r of rows) expect(r.Held?.formula).toBe(TABLE_FORMULAS.scores.Held);
  });
});
