/**
 * Empty cells read the same on every Excel build. Desktop builds before a 2024 fix pass an
 * empty cell to a custom function as 0 (office-js #4702; the host's desktop-legacy profile),
 * where the web passes null. The evaluation's own formulas must give the same Check, Value and
 * score either way: the template's blank commitments row is OK, blank rows in SV_Measures harm
 * nothing, and a blank quantity is still flagged.
 */
import { aPlanInput, anEvaluationWorkbook } from "../support";
import { TABLES } from "../../../src/core/shared/layout";
import { ILLUSTRATIVE, measureTableFromFramework } from "../../../src/core";
import type { ExcelHost, ProfileName } from "../../excelHost";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";

const PROFILES: readonly ProfileName[] = ["web", "desktop-legacy"];

function tableRows(fake: ExcelHost, name: string): Record<string, unknown>[] {
  const table = fake.inspect.table(name);
  if (!table) throw new Error(`no ${name}`);
  return fake.inspect.values(table.dataBodyAddress).map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r[i]])));
}

/** Grows SV_Measures by `count` empty rows at its foot, as a user inserting rows would. */
async function addBlankMeasureRows(run: ExcelRun, count: number): Promise<void> {
  await run(async (context) => {
    const table = context.workbook.tables.getItem(TABLES.measures);
    const whole = table.getRange().load("address");
    await context.sync();
    table.resize(whole.getResizedRange(count, 0));
    await context.sync();
  });
}

describe.each(PROFILES)("empty cells on the %s profile", (profile) => {
  it("the template's own blank commitments row is OK and worth £0", async () => {
    const { fake } = await anEvaluationWorkbook([], aPlanInput(), { profile });
    const [blank] = tableRows(fake, TABLES.commitments);
    expect(blank).toMatchObject({ Bidder: "", Ref: "", Check: "OK", Value: 0 });
  });

  it("a blank quantity is flagged SV110, and the rows around it are OK", async () => {
    const { fake } = await anEvaluationWorkbook(
      [
        ["Acme Ltd", "ILL4", "weeks", 26],
        ["Acme Ltd", "ILL1", "FTE", ""],
        ["Acme Ltd", "ILL9", "hours", 100],
      ],
      aPlanInput(),
      { profile },
    );
    expect(tableRows(fake, TABLES.commitments).map((r) => String(r.Check).slice(0, 5))).toEqual(["OK", "SV110", "OK"]);
  });

  it("two blank rows in SV_Measures change no Check, Value or score", async () => {
    const bidders = ["Acme Ltd", "Birch Homes"];
    const rows = [
      ["Acme Ltd", "ILL4", "weeks", 26],
      ["Birch Homes", "ILL1", "FTE", 2],
    ];
    const before = await anEvaluationWorkbook(rows, aPlanInput({ bidders }), { profile });
    const after = await anEvaluationWorkbook(rows, aPlanInput({ bidders }), { profile });
    await addBlankMeasureRows(after.run, 2);

    const checks = tableRows(after.fake, TABLES.commitments).map((r) => r.Check);
    expect(checks).toEqual(["OK", "OK"]);
    expect(tableRows(after.fake, TABLES.commitments).map((r) => r.Value)).toEqual([26 * 200, 2 * 20_000]);
    const scores = tableRows(after.fake, TABLES.scores).map((r) => [r.Bidder, r.Value, r.Score, r.Rank]);
    expect(scores).toEqual(tableRows(before.fake, TABLES.scores).map((r) => [r.Bidder, r.Value, r.Score, r.Rank]));
    expect(scores.map((s) => s[1])).toEqual([5_200, 40_000]);
  });

  it("a blank InScope cell leaves the measure in scope", async () => {
    const { fake, run } = await anEvaluationWorkbook([["Acme Ltd", "ILL4", "weeks", 26]], aPlanInput(), { profile });
    await run(async (context) => {
      const column = context.workbook.tables.getItem(TABLES.measures).columns.getItem("InScope").getDataBodyRange();
      column.clear("Contents" as Excel.ClearApplyTo);
      await context.sync();
    });
    expect(tableRows(fake, TABLES.commitments).map((r) => r.Check)).toEqual(["OK"]);
  });
});

describe("refs and names compared as the pane compares them", () => {
  it("a ref with a tab, a no-break space or other case, and a bidder name with a trailing space, all count", async () => {
    const { fake } = await anEvaluationWorkbook(
      [
        ["Acme Ltd ", "ill4\t", "weeks", 26],
        ["Acme Ltd", " ILL9\u00a0", "hours", 10],
      ],
      aPlanInput({ bidders: ["Acme Ltd"] }),
    );
    expect(tableRows(fake, TABLES.commitments).map((r) => [r.Check, r.Value])).toEqual([
      ["OK", 26 * 200],
      ["OK", 10 * 101],
    ]);
    expect(tableRows(fake, TABLES.scores)[0]?.Value).toBe(26 * 200 + 10 * 101);
  });

  it("a wildcard in a ref is a character like any other: ILL1* is no measure, and its bid is held back for it", async () => {
    const { fake } = await anEvaluationWorkbook([["Acme Ltd", "ILL1*", "FTE", 1]], aPlanInput({ bidders: ["Acme Ltd"] }));
    expect(tableRows(fake, TABLES.commitments).map((r) => [String(r.Check).slice(0, 5), r.Value])).toEqual([["SV103", "#N/A"]]);
    const bid = tableRows(fake, TABLES.scores)[0];
    expect([bid?.Value, bid?.Held, bid?.Rank]).toEqual([0, "SV103 on SV Commitments row 4", "Held"]);
  });

  it("a record-only measure adds £0 in the sheet even when its Proxy cell holds a figure, as in the pane", async () => {
    const measures = measureTableFromFramework(ILLUSTRATIVE).map((m) => (m.ref === "ILL6" ? { ...m, proxy: 500 } : m));
    const { fake } = await anEvaluationWorkbook([["Acme Ltd", "ILL6", "%", 40]], aPlanInput({ measures, bidders: ["Acme Ltd"] }));
    expect(tableRows(fake, TABLES.commitments).map((r) => r.Value)).toEqual([0]);
  });
});
