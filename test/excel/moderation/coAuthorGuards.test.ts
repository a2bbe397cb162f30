/**
 * A co-author between the add-in's read and its write (issue #13: moderation as read → decide →
 * guarded write). Saving marks and recording a consensus read the rows, then write to those
 * rows in another Excel.run; another user sorting the table in between moves someone else's row
 * under the address. The write's guards, checked in the same request, refuse it: nothing lands
 * on the wrong row, and the evaluator is told why.
 */
import { ChangedSinceReadError } from "../../../src/excel/shared/refusal";
import { createModerationActions } from "../../../src/excel/moderation/moderationActions";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import type { ExcelHost } from "../../excelHost";
import type { CoAuthor } from "../../excelHost/coauthor";
import { aMarkingWorkbook, allMarked, m, RATIONALES, rowsOf } from "./moderationSupport";

/** A run whose `n`th Excel.run lets the co-author act first: n = 2 is the write after the read. */
function runWithCoAuthor(host: ExcelHost, run: ExcelRun, n: number, edit: (co: CoAuthor) => void): ExcelRun {
  let calls = 0;
  return (batch) => {
    if (++calls === n) host.coauthor.beforeNextRequest(edit);
    return run(batch);
  };
}

describe("Save my marks with a co-author at work", () => {
  it("refuses when SV_Marks was sorted between the read and the write, and writes no mark anywhere", async () => {
    const wb = await aMarkingWorkbook();
    await wb.actions.prepareMarking();
    const actions = createModerationActions(runWithCoAuthor(wb.fake, wb.run, 2, (co) => co.sortTable("SV_Marks", "Criterion")));
    await expect(actions.saveMarks("Ann", [m("Acme Ltd", "Q2", 4, "Clear KPIs")])).rejects.toThrow(ChangedSinceReadError);
    const rows = rowsOf(wb.fake, "SV_Marks");
    expect(rows.filter((r) => r.Mark !== "" && r.Mark !== null)).toEqual([]);
    expect(rows.filter((r) => r.Comment !== "" && r.Comment !== null)).toEqual([]);
    expect(wb.fake.coauthor.log).toEqual(["sorted SV_Marks by Criterion"]);
  });

  it("says which row moved, and that nothing was written", async () => {
    const wb = await aMarkingWorkbook();
    await wb.actions.prepareMarking();
    const actions = createModerationActions(runWithCoAuthor(wb.fake, wb.run, 2, (co) => co.sortTable("SV_Marks", "Criterion")));
    await expect(actions.saveMarks("Ann", [m("Acme Ltd", "Q2", 4)])).rejects.toThrow(/SV Marks changed while the add-in was working: row \d+ no longer holds Ann's mark for Acme Ltd on Q2.*Nothing was written/);
  });

  it("saves as usual when the co-author only typed elsewhere, and the marks land on Ann's rows", async () => {
    const wb = await aMarkingWorkbook();
    await wb.actions.prepareMarking();
    const actions = createModerationActions(runWithCoAuthor(wb.fake, wb.run, 2, (co) => co.type("'SV Setup'!E1", "a note")));
    await expect(actions.saveMarks("Ann", [m("Acme Ltd", "Q2", 4, "Clear KPIs")])).resolves.toEqual({ saved: 1 });
    const saved = rowsOf(wb.fake, "SV_Marks").filter((r) => r.Mark === 4);
    expect(saved).toEqual([expect.objectContaining({ Evaluator: "Ann", Bidder: "Acme Ltd", Criterion: "Q2", Comment: "Clear KPIs" })]);
  });

  it("still refuses when the moved row's names appear elsewhere in the sheet (a guard looks only in its own row)", async () => {
    const wb = await aMarkingWorkbook();
    await wb.actions.prepareMarking();
    // Sorting by Bidder keeps Ann's Acme rows at the top but moves her Birch Homes rows.
    const actions = createModerationActions(runWithCoAuthor(wb.fake, wb.run, 2, (co) => co.sortTable("SV_Marks", "Bidder")));
    await expect(actions.saveMarks("Ann", [m("Birch Homes", "Q2", 2)])).rejects.toThrow(ChangedSinceReadError);
    expect(rowsOf(wb.fake, "SV_Marks").some((r) => r.Mark === 2)).toBe(false);
  });
});

describe("two evaluators saving their first marks at once", () => {
  it("keeps the second evaluator's marks when the first has just recorded the roll-up", async () => {
    const wb = await aMarkingWorkbook();
    await wb.actions.prepareMarking();
    // Marking started by hand on a copy without the record: the names are not there yet.
    await wb.run(async (context) => {
      context.workbook.names.getItem("SV_RollUpFixed").delete();
      context.workbook.names.getItem("SV_RollUpFixedAt").delete();
      await context.sync();
    });
    // Ben's first save lands between Ann's read and Ann's write, recording the roll-up first.
    const actions = createModerationActions(runWithCoAuthor(wb.fake, wb.run, 2, (co) => co.addName("SV_RollUpFixed", '="consensus"')));
    await expect(actions.saveMarks("Ann", [m("Acme Ltd", "Q1", 4, "Named partners")])).resolves.toEqual({ saved: 1 });
    expect(rowsOf(wb.fake, "SV_Marks").filter((r) => r.Mark === 4)).toEqual([expect.objectContaining({ Evaluator: "Ann", Bidder: "Acme Ltd", Criterion: "Q1" })]);
  });
});

describe("Record consensus with a co-author at work", () => {
  it("refuses when SV_Consensus was sorted between the read and the write, and records nothing", async () => {
    const wb = await allMarked();
    await wb.actions.openModeration();
    const actions = createModerationActions(runWithCoAuthor(wb.fake, wb.run, 2, (co) => co.sortTable("SV_Consensus", "Criterion")));
    await expect(actions.recordConsensus({ bidder: "Acme Ltd", criterion: "Q2", mark: 4, rationale: RATIONALES["Acme Ltd|Q2"] as string, agreedBy: ["Ann", "Ben", "Cat"] })).rejects.toThrow(
      /SV Moderation changed while the add-in was working: row \d+ no longer holds the row for Acme Ltd on Q2/
    );
    const recorded = rowsOf(wb.fake, "SV_Consensus").filter((r) => r.Consensus !== "" && r.Consensus !== null);
    expect(recorded).toEqual([]);
  });

  it("keeps a rationale a co-author typed since the pane's read when the panel changes only the mark (issue #16)", async () => {
    const wb = await allMarked();
    await wb.actions.openModeration();
    await wb.actions.recordConsensus({ bidder: "Acme Ltd", criterion: "Q2", mark: 4, rationale: RATIONALES["Acme Ltd|Q2"] as string, agreedBy: ["Ann", "Ben", "Cat"] });
    // A co-author rewrites the rationale on SV Moderation; the pane, which read before that, sends the new mark alone.
    const theirs = "Quarterly KPI reports backed by payroll evidence and an annual independent audit show delivery will be verified.";
    const row = rowsOf(wb.fake, "SV_Consensus").findIndex((r) => r.Bidder === "Acme Ltd" && r.Criterion === "Q2");
    const t = wb.fake.inspect.table("SV_Consensus")!;
    const [, first, top] = /!([A-Z])(\d+):/.exec(t.dataBodyAddress)!;
    const column = String.fromCharCode(first!.charCodeAt(0) + t.headers.indexOf("Rationale"));
    wb.fake.coauthor.type(`'SV Moderation'!${column}${Number(top) + row}`, theirs);

    const result = await wb.actions.recordConsensus({ bidder: "Acme Ltd", criterion: "Q2", mark: 5 });
    expect(result.ok).toBe(true);
    expect(rowsOf(wb.fake, "SV_Consensus")[row]).toMatchObject({ Consensus: 5, Rationale: theirs, AgreedBy: "Ann, Ben, Cat" });
  });
});
