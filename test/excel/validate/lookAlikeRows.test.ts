/**
 * A ref typed into SV Commitments with a character that shows nothing (issue #17 point 3): the
 * add-in reads it as the measure's ref, the sheet's MATCH cannot, so the pane must not count a
 * bid the sheet does not. Both hold the bid back until the ref is retyped. Formulas computed by
 * HyperFormula with the TENDER functions registered; the pane reads the same workbook.
 */
import { aPlanInput, anEvaluationWorkbook } from "../support";
import { TABLES } from "../../../src/core/shared/layout";
import { readScores } from "../../../src/excel/scores/readScores";
import { validateWorkbook } from "../../../src/excel/validate/validateWorkbook";
import type { ExcelHost } from "../../excelHost";
import { fullwidth } from "../../support/lookAlikes";

function sheetRow(fake: ExcelHost, bidder: string): Record<string, unknown> {
  const table = fake.inspect.table(TABLES.scores);
  if (!table) throw new Error("no SV_Scores");
  const rows = fake.inspect.values(table.dataBodyAddress).map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r[i]])));
  const row = rows.find((r) => r.Bidder === bidder);
  if (!row) throw new Error(`no ${bidder} on SV Scores`);
  return row;
}

describe("a typed ref with an invisible or look-alike character", () => {
  it.each([
    ["a zero-width space", "ILL\u200b9"],
    ["fullwidth letters", fullwidth("ILL9")],
  ])("holds the bid back on SV Scores and on the Scores page alike (%s)", async (_, ref) => {
    const rows = [
      ["Acme Care", ref, "hours", 100],
      ["Birch Homes", "ILL9", "hours", 300],
    ];
    const { fake, run } = await anEvaluationWorkbook(rows, aPlanInput({ bidders: ["Acme Care", "Birch Homes"] }));
    expect(sheetRow(fake, "Acme Care").Rank).toBe("Held");
    expect(sheetRow(fake, "Birch Homes").Rank).toBe(1);

    const view = await readScores(run);
    const acme = view.bidders.find((b) => b.bidder === "Acme Care");
    expect(acme?.held?.faults.map((f) => [f.row, f.code])).toEqual([[4, "SV126"]]);
    expect(acme?.held?.faults[0]?.message).toMatch(/is measure ILL9, but it holds characters the sheet's formulas cannot see past/);
    expect(view.bidders.find((b) => b.bidder === "Birch Homes")?.rank).toBe(1);
  });
});

describe("a typed bidder's name in look-alike characters", () => {
  it("is told apart by Validate with the spelling SV Scores uses, which the sheet's formulas match", async () => {
    const rows = [
      [`${fullwidth("ACME")} Care`, "ILL9", "hours", 100],
      ["Acme Care", "ILL10", "hours", 20],
    ];
    const { fake, run } = await anEvaluationWorkbook(rows, aPlanInput({ bidders: ["Acme Care", "Birch Homes"] }));
    const { result } = await validateWorkbook(run);
    const named = result.findings.filter((f) => f.code === "SV127");
    expect(named.map((f) => f.row)).toHaveLength(1);
    expect(named[0]?.action).toBe("Retype the name as “Acme Care”, spelled as on SV Scores.");
    // The Scores page names the bid as SV Scores spells it, whichever spelling came first on SV Commitments.
    const view = await readScores(run);
    expect(view.bidders.map((b) => b.bidder)).toEqual(expect.arrayContaining(["Acme Care"]));
    expect(sheetRow(fake, "Acme Care").Rank).not.toBe("Held");
  });
});
