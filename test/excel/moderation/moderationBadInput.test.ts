/**
 * Issue #8 with the input real panels produce: marks typed straight into SV Marks (text, off the
 * scale, with no or differently written names), the panel or a bidder renamed after marking, a
 * consensus typed into the sheet, rationales that are blank or too long for a cell, and the
 * signed workbook edited, protected, sheets deleted or renamed, rows inserted or deleted.
 */
import { SETTING_NAMES, SHEETS, TABLES } from "../../../src/core/shared/layout";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import type { ExcelHost } from "../../excelHost";
import { allAgreed, allMarked, aMarkingWorkbook, m, PANEL_MARKS, RATIONALES, rowsOf } from "./moderationSupport";

/** Types a value into one cell of a table row, as a user would (unprotecting the sheet first). */
async function typeInto(run: ExcelRun, fake: ExcelHost, table: string, match: (row: Record<string, unknown>) => boolean, header: string, value: unknown): Promise<number> {
  const t = fake.inspect.table(table)!;
  const index = rowsOf(fake, table).findIndex(match);
  if (index < 0) throw new Error("test set-up: no such row");
  const firstRow = Number(/!\$?[A-Z]+\$?(\d+)/.exec(t.dataBodyAddress)![1]);
  const column = t.headers.indexOf(header);
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(t.sheet);
    sheet.protection.unprotect();
    sheet.getCell(firstRow + index - 1, column).values = [[value]];
    await context.sync();
  });
  return firstRow + index;
}

const annAcmeQ1 = (r: Record<string, unknown>) => r.Evaluator === "Ann" && r.Bidder === "Acme Ltd" && r.Criterion === "Q1";
const item = async (actions: Awaited<ReturnType<typeof allMarked>>["actions"], bidder: string, criterion: string) =>
  (await actions.readModeration()).items.find((i) => i.bidder === bidder && i.criterion === criterion)!;

async function setSetting(run: ExcelRun, name: string, value: unknown): Promise<void> {
  await run(async (context) => {
    context.workbook.names.getItem(name).getRange().values = [[value]];
    await context.sync();
  });
}

describe("marks typed straight into SV Marks", () => {
  it("does not count a mark typed as text (“4 ”), which Excel's formulas leave out, and says to retype it", async () => {
    const { run, fake, actions } = await allMarked();
    const row = await typeInto(run, fake, TABLES.marks, annAcmeQ1, "Mark", "4 ");
    await actions.openModeration();
    const i = await item(actions, "Acme Ltd", "Q1");
    // Ben 5 and Cat 4 only, as the sheet's MINIFS and MAXIFS see them.
    expect(i.marks.map((x) => x.mark)).toEqual([5, 4]);
    expect(i).toMatchObject({ min: 4, max: 5, spread: 1 });
    const sheetRow = rowsOf(fake, TABLES.consensus).find((r) => r.Bidder === "Acme Ltd" && r.Criterion === "Q1")!;
    expect([sheetRow.Min, sheetRow.Max]).toEqual([i.min, i.max]);
    const review = await actions.reviewSignOff();
    expect(review.open.find((o) => o.kind === "marks")).toMatchObject({
      sheet: SHEETS.marks,
      address: `D${row}`,
      message: `Ann's mark “4 ” for Acme Ltd on Q1 (SV Marks row ${row}) is text, not a number, so Excel's formulas leave it out; retype it as a number on the 0–5 scale (0, 1, 2, 3, 4, 5).`,
    });
  });

  it("shows the evaluator the text they typed, keeps it when they save other marks, and replaces it when they give a mark", async () => {
    const { run, fake, actions } = await allMarked();
    await typeInto(run, fake, TABLES.marks, annAcmeQ1, "Mark", "four");
    const mine = (await actions.readMarking()).marks.find((r) => r.evaluator === "Ann" && r.bidder === "Acme Ltd" && r.criterion === "Q1")!;
    expect(mine).toMatchObject({ mark: null, typed: "four" });
    await actions.saveMarks("Ann", [m("Acme Ltd", "Q1", null, "Partners named"), m("Acme Ltd", "Q2", 3)]);
    expect(rowsOf(fake, TABLES.marks).find(annAcmeQ1)?.Mark).toBe("four");
    await actions.saveMarks("Ann", [m("Acme Ltd", "Q1", 4, "Partners named")]);
    expect(rowsOf(fake, TABLES.marks).find(annAcmeQ1)?.Mark).toBe(4);
  });

  it("leaves out a mark off the scale (3.5 on 0–5) and names it", async () => {
    const { run, fake, actions } = await allMarked();
    await typeInto(run, fake, TABLES.marks, annAcmeQ1, "Mark", 3.5);
    const i = await item(actions, "Acme Ltd", "Q1");
    expect(i.problems.map((p) => p.code)).toContain("mark-not-on-scale");
    expect((await actions.reviewSignOff()).open.some((o) => o.message.startsWith("Ann's mark 3.5 for Acme Ltd on Q1") && o.message.includes("not on the 0–5 scale"))).toBe(true);
  });

  it("says a mark without an evaluator's name has no name, instead of naming nobody", async () => {
    const { run, fake, actions } = await allMarked();
    await typeInto(run, fake, TABLES.marks, annAcmeQ1, "Evaluator", "   ");
    const messages = (await actions.reviewSignOff()).open.map((o) => o.message);
    expect(messages).toContainEqual(expect.stringMatching(/^A mark for Acme Ltd on Q1 \(SV Marks row \d+\) has no evaluator's name, so it is left out; type the evaluator's name/));
    expect(messages.some((s) => s.startsWith(" marked"))).toBe(false);
  });

  it("counts a name written in another case or with extra spaces as that evaluator's", async () => {
    const { run, fake, actions } = await allMarked();
    await typeInto(run, fake, TABLES.marks, annAcmeQ1, "Evaluator", "  ANN ");
    const i = await item(actions, "Acme Ltd", "Q1");
    expect(i.marks).toContainEqual({ evaluator: "Ann", mark: 3 });
    expect(i.problems).toEqual([]);
  });

  it("after an evaluator is renamed on SV Setup, says whose marks no longer match the panel and how to fix it", async () => {
    const { run, actions } = await allMarked();
    await setSetting(run, SETTING_NAMES.evaluators, "Anne, Ben, Cat");
    const messages = (await actions.reviewSignOff()).open.map((o) => o.message);
    expect(messages).toContainEqual(expect.stringMatching(/^Ann marked Acme Ltd on Q1 \(row \d+\) but is not on the panel; the mark is left out\. If the panel list on SV Setup was changed, correct the name on this row to match it \(the panel is Anne, Ben, Cat\)\.$/));
    expect(messages).toContain("Anne has not marked Acme Ltd on Q1.");
  });

  it("after a bidder is renamed on SV Scores, lists the renamed bid's marks as missing and loses none of the old ones", async () => {
    const { run, fake, actions } = await allMarked();
    await typeInto(run, fake, TABLES.scores, (r) => r.Bidder === "Birch Homes", "Bidder", "Birch Homes Group");
    const before = rowsOf(fake, TABLES.marks).length;
    const review = await actions.reviewSignOff();
    expect(review.ready).toBe(false);
    expect(review.open.map((o) => o.message)).toContain("Ann has not marked Birch Homes Group on Q1.");
    expect(rowsOf(fake, TABLES.marks).filter((r) => r.Bidder === "Birch Homes")).toHaveLength(6);
    expect(rowsOf(fake, TABLES.marks)).toHaveLength(before);
  });
});

describe("consensus and rationales", () => {
  it("keeps open a consensus typed into the sheet without who agreed it, until someone is named", async () => {
    const { run, fake, actions } = await allMarked();
    await actions.openModeration();
    const match = (r: Record<string, unknown>) => r.Bidder === "Acme Ltd" && r.Criterion === "Q2";
    await typeInto(run, fake, TABLES.consensus, match, "Consensus", 4);
    const row = await typeInto(run, fake, TABLES.consensus, match, "Rationale", RATIONALES["Acme Ltd|Q2"]);
    const open = (await actions.reviewSignOff()).open.find((o) => o.message.startsWith("Acme Ltd, Q2"));
    expect(open).toMatchObject({ message: expect.stringContaining("no record of who agreed it"), sheet: SHEETS.moderation, address: `J${row}` });
    await typeInto(run, fake, TABLES.consensus, match, "AgreedBy", "Ann, Ben, Cat");
    expect((await actions.reviewSignOff()).open.find((o) => o.message.startsWith("Acme Ltd, Q2"))).toBeUndefined();
  });

  it("says a consensus typed as a word is not a mark on the scale", async () => {
    const { run, fake, actions } = await allMarked();
    await actions.openModeration();
    await typeInto(run, fake, TABLES.consensus, (r) => r.Bidder === "Acme Ltd" && r.Criterion === "Q2", "Consensus", "four");
    const i = await item(actions, "Acme Ltd", "Q2");
    expect(i.problems.find((p) => p.code === "consensus-not-on-scale")?.message).toMatch(/^the consensus “four” for Acme Ltd on Q2 \(SV Moderation row \d+\) is not a mark on the 0–5 scale/);
  });

  it("refuses a rationale of spaces and line breaks as empty, writing nothing", async () => {
    const { fake, actions } = await allMarked();
    await actions.openModeration();
    const result = await actions.recordConsensus({ bidder: "Acme Ltd", criterion: "Q1", mark: 4, rationale: "  \n\n\t  \r\n ", agreedBy: ["Ann"] });
    expect(result).toMatchObject({ ok: false, issues: [{ code: "empty" }] });
    expect(rowsOf(fake, TABLES.consensus)[0]).toMatchObject({ Consensus: "", Rationale: "" });
  });

  it("refuses a rationale longer than an Excel cell holds, with a clear message, writing nothing", async () => {
    const { fake, actions } = await allMarked();
    await actions.openModeration();
    const rationale = `${RATIONALES["Acme Ltd|Q1"]} ${"The panel discussed the training partners in detail. ".repeat(700)}`;
    expect(rationale.length).toBeGreaterThan(32_767);
    const result = await actions.recordConsensus({ bidder: "Acme Ltd", criterion: "Q1", mark: 4, rationale, agreedBy: ["Ann"] });
    expect(result).toMatchObject({ ok: false, issues: [{ code: "rationale-too-long", message: expect.stringContaining("at most 32,767") }] });
    expect(rowsOf(fake, TABLES.consensus)[0]).toMatchObject({ Consensus: "", Rationale: "" });
  });

  it("refuses a comment longer than an Excel cell holds, saving none of the marks", async () => {
    const { fake, actions } = await allMarked();
    const before = rowsOf(fake, TABLES.marks);
    await expect(actions.saveMarks("Ann", [m("Acme Ltd", "Q2", 5), m("Acme Ltd", "Q1", 3, "x".repeat(40_000))])).rejects.toThrow(/comment has 40,000 characters; an Excel cell holds at most 32,767/);
    expect(rowsOf(fake, TABLES.marks)).toEqual(before);
  });

  it("records who agreed with the panel's spelling, and refuses a name not on the panel", async () => {
    const { fake, actions } = await allMarked();
    await actions.openModeration();
    const input = { bidder: "Acme Ltd", criterion: "Q1", mark: 4, rationale: RATIONALES["Acme Ltd|Q1"]! };
    expect(await actions.recordConsensus({ ...input, agreedBy: ["Ann", "Zed"] })).toMatchObject({ ok: false, issues: [{ code: "agreed-by-not-on-panel", message: expect.stringContaining("Zed is not on the panel") }] });
    expect((await actions.recordConsensus({ ...input, agreedBy: [" ann", "BEN", "ann"] })).ok).toBe(true);
    expect(rowsOf(fake, TABLES.consensus)[0]).toMatchObject({ AgreedBy: "Ann, Ben" });
  });

  it("closes an item whose rationale uses a one-word bidder name as an ordinary word", async () => {
    const { actions } = await aMarkingWorkbook({ commitments: [["Acme Ltd", "ILL9", "hours", 120], ["Care", "ILL9", "hours", 80]] });
    await actions.prepareMarking();
    for (const [evaluator, marks] of Object.entries(PANEL_MARKS)) await actions.saveMarks(evaluator, marks.filter((x) => x.bidder === "Acme Ltd"));
    await actions.openModeration();
    // Section 2 points to the bid: the panel settled on Cat's 4 over Ann's 3 and Ben's 5 (Braceurself).
    const rationale = "Care leavers get ten of the training places (section 2), with three named local partners and quarterly reports on progress against the criterion.";
    const result = await actions.recordConsensus({ bidder: "Acme Ltd", criterion: "Q1", mark: 4, rationale, agreedBy: ["Ann", "Ben", "Cat"] });
    expect(result).toMatchObject({ ok: true, warnings: [{ code: "names-bidder" }] });
    expect((await item(actions, "Acme Ltd", "Q1")).status).toBe("closed");
  });
});

describe("the moderation view", () => {
  it("carries the scale and the blind-marking setting, so the pane needs no second read", async () => {
    const { actions } = await aMarkingWorkbook({ blindMarking: true });
    await actions.prepareMarking();
    expect(await actions.readModeration()).toMatchObject({ scaleMarks: [0, 1, 2, 3, 4, 5], blindMarking: true, moderationOpen: false, marksHidden: true });
    const { actions: open } = await aMarkingWorkbook();
    expect(await open.readModeration()).toMatchObject({ scaleMarks: [0, 1, 2, 3, 4, 5], blindMarking: false });
  });
});

describe("sign-off and Verify on a workbook people have handled", () => {
  it("lists a signed sheet the user protected as open, and signs once it is unprotected", async () => {
    const { run, actions } = await allAgreed();
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.marks).protection.protect();
      await context.sync();
    });
    const review = await actions.reviewSignOff();
    expect(review.open).toEqual([{ kind: "protection", sheet: SHEETS.marks, message: expect.stringContaining("Unprotect it (Review > Unprotect Sheet)") }]);
    await expect(actions.signOff("Dee Lead")).rejects.toThrow(/SV Marks is protected/);
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.marks).protection.unprotect();
      await context.sync();
    });
    expect((await actions.signOff("Dee Lead")).sheets).toContain(SHEETS.marks);
  });

  it("refuses to sign a second time, leaving the first record intact", async () => {
    const { actions } = await allAgreed();
    const first = await actions.signOff("Dee Lead");
    await expect(actions.signOff("Someone Else")).rejects.toThrow(/already signed off by Dee Lead/);
    expect(await actions.verify()).toMatchObject({ status: "intact", fingerprint: first.fingerprint, signedBy: "Dee Lead" });
  });

  it("gives the same fingerprint when the signed record is read twice", async () => {
    const { actions } = await allAgreed();
    const signed = await actions.signOff("Dee Lead");
    const a = await actions.verify();
    const b = await actions.verify();
    expect([a.currentFingerprint, b.currentFingerprint]).toEqual([signed.fingerprint, signed.fingerprint]);
  });

  it("reports a deleted signed sheet as a change, naming it", async () => {
    const { run, actions } = await allAgreed();
    await actions.signOff("Dee Lead");
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.offers).delete();
      await context.sync();
    });
    const result = await actions.verify();
    expect(result.status).toBe("changed");
    expect(result.changes.map((c) => c.message)).toContainEqual(expect.stringContaining(`the table ${TABLES.offers} is missing`));
    expect(result.notes).toContain(`${SHEETS.offers} is missing (deleted or renamed).`);
  });

  it("reports a renamed signed sheet as a change, naming the old and new names", async () => {
    const { run, actions } = await allAgreed();
    await actions.signOff("Dee Lead");
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.marks).name = "Marks (old)";
      await context.sync();
    });
    const result = await actions.verify();
    expect(result.status).toBe("changed");
    expect(result.changes.map((c) => c.message)).toContainEqual(`Marks (old): the table ${TABLES.marks} was on the sheet “${SHEETS.marks}” when signed; that sheet was renamed, or the table moved.`);
    expect(result.notes).toContain(`${SHEETS.marks} is missing (deleted or renamed).`);
  });

  it("reports a deleted record sheet instead of calling the workbook unsigned", async () => {
    const { run, actions } = await allAgreed();
    const signed = await actions.signOff("Dee Lead");
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.record).delete();
      await context.sync();
    });
    const result = await actions.verify();
    expect(result).toMatchObject({ status: "changed", fingerprint: signed.fingerprint, currentFingerprint: signed.fingerprint });
    expect(result.changes[0]?.message).toMatch(/SV Record that keeps it is missing .* still matches the fingerprint shown/);
  });

  it("reports a row deleted from a signed table, naming the row", async () => {
    const { run, fake, actions } = await allAgreed();
    await actions.signOff("Dee Lead");
    // A co-author unprotects SV Marks and deletes the table's first data row (a sheet row).
    const first = await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.marks).protection.unprotect();
      const body = context.workbook.tables.getItem(TABLES.marks).getDataBodyRange().load("rowIndex");
      await context.sync();
      return body.rowIndex + 1;
    });
    fake.coauthor.deleteRows(SHEETS.marks, first);
    const messages = (await actions.verify()).changes.map((c) => c.message);
    expect(messages).toContainEqual(expect.stringMatching(/^SV Marks: the row \(Ann, Acme Ltd, Q1\) that was row \d+ when signed is gone\.$/));
    expect(rowsOf(fake, TABLES.marks)).toHaveLength(11);
  });
});
