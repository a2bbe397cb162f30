/**
 * Issue #8: "the roll-up rule (consensus or average) is a tender setting fixed before marking
 * starts". Marking records the roll-up in force in the workbook; a later change of SV_RollUp is
 * shown by the marking and moderation views and blocks sign-off until it is set back.
 */
import { SETTING_NAMES, SHEETS, TABLES } from "../../../src/core/shared/layout";
import { ROLL_UP_FIXED_NAMES } from "../../../src/core/shared/layout";
import { prepareMarking, saveMarks } from "../../../src/excel/moderation/marking";
import { reviewSignOff } from "../../../src/excel/moderation/signOff";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import type { ExcelHost } from "../../excelHost";
import { aMarkingWorkbook, allAgreed, allMarked, m, PANEL_MARKS } from "./moderationSupport";
import { namedCell, typeIntoTable } from "../support";

const MARKING_STARTED = new Date("2026-03-02T09:15:00.000Z");

/** Types a roll-up into SV_RollUp on SV Setup, as a co-author would. */
async function setRollUp(run: ExcelRun, rollUp: string): Promise<void> {
  await run(async (context) => {
    context.workbook.names.getItem(SETTING_NAMES.rollUp).getRange().values = [[rollUp]];
    await context.sync();
  });
}

function fixedNames(fake: ExcelHost): Record<string, string> {
  const wanted = Object.values(ROLL_UP_FIXED_NAMES).map((n) => n.toLowerCase());
  return Object.fromEntries(
    fake.inspect
      .names()
      .filter((n) => wanted.includes(n.name.toLowerCase()))
      .map((n) => [n.name, n.formula]),
  );
}

describe("the roll-up is recorded when marking starts", () => {
  it("is not recorded before marking starts, so the panel may still change it", async () => {
    const { fake, run, actions } = await aMarkingWorkbook();
    await setRollUp(run, "average");
    expect(fixedNames(fake)).toEqual({});
    expect((await actions.readMarking()).rollUpChanged).toBeUndefined();
  });

  it("records the roll-up in force and when, the first time Prepare marking adds rows, and never rewrites it", async () => {
    const { fake, run } = await aMarkingWorkbook();
    await setRollUp(run, "Average ");
    await prepareMarking(run, {}, () => MARKING_STARTED);
    expect(fixedNames(fake)).toEqual({ SV_RollUpFixed: '="average"', SV_RollUpFixedAt: '="2026-03-02T09:15:00.000Z"' });

    await setRollUp(run, "median");
    await saveMarks(run, "Ann", PANEL_MARKS.Ann!, {}, () => new Date("2026-03-03T10:00:00.000Z"));
    await typeIntoTable(run, TABLES.criteria, [{ Id: "Q3", Criterion: "How will you support local community groups?" }]);
    expect((await prepareMarking(run, {}, () => new Date("2026-03-04T10:00:00.000Z"))).added).toBeGreaterThan(0);
    expect(fixedNames(fake)).toEqual({ SV_RollUpFixed: '="average"', SV_RollUpFixedAt: '="2026-03-02T09:15:00.000Z"' });
  });

  it("records it at the first save when the marking rows were typed by hand", async () => {
    const { fake, run } = await aMarkingWorkbook();
    await typeIntoTable(run, TABLES.marks, [{ Evaluator: "Ann", Bidder: "Acme Ltd", Criterion: "Q1" }]);
    expect(fixedNames(fake)).toEqual({});
    await saveMarks(run, "Ann", [m("Acme Ltd", "Q1", 3)], {}, () => MARKING_STARTED);
    expect(fixedNames(fake)).toEqual({ SV_RollUpFixed: '="consensus"', SV_RollUpFixedAt: '="2026-03-02T09:15:00.000Z"' });
  });

  it("refuses to open moderation, recording nothing, when the roll-up on SV Setup is not one it knows", async () => {
    const { fake, run, actions } = await aMarkingWorkbook();
    await typeIntoTable(run, TABLES.marks, [{ Evaluator: "Ann", Bidder: "Acme Ltd", Criterion: "Q1", Mark: 3 }]);
    await setRollUp(run, "mean of marks");
    await expect(actions.openModeration()).rejects.toThrow(/"mean of marks", which is not consensus, average or median/);
    expect(fixedNames(fake)).toEqual({});
    expect(namedCell(fake, SETTING_NAMES.moderationOpen).value).toBe("No");
  });

  it("records it when moderation opens over marks typed straight into SV Marks", async () => {
    const { fake, run, actions } = await aMarkingWorkbook();
    await typeIntoTable(run, TABLES.marks, [{ Evaluator: "Ann", Bidder: "Acme Ltd", Criterion: "Q1", Mark: 3 }]);
    await actions.openModeration();
    expect(fixedNames(fake).SV_RollUpFixed).toBe('="consensus"');
  });

  it("leaves a SV_RollUpFixed name the workbook already has as it is", async () => {
    const { fake, run } = await aMarkingWorkbook();
    await run(async (context) => {
      context.workbook.names.add(ROLL_UP_FIXED_NAMES.rollUp, '="median"');
      await context.sync();
    });
    await prepareMarking(run, {}, () => MARKING_STARTED);
    expect(fixedNames(fake)).toEqual({ SV_RollUpFixed: '="median"' });
    // Without the time, the warning still names both roll-ups.
    const review = await reviewSignOff(run);
    expect(review.open.find((o) => o.kind === "rollUp")?.message).toMatch(/^The roll-up was changed from median to consensus after marking started\. /);
  });

  it("costs Prepare marking no extra request", async () => {
    const { fake, actions } = await aMarkingWorkbook();
    fake.resetStats();
    await actions.prepareMarking();
    // 3 to read (what exists, shapes, values) and 1 to write, as without the record; each of
    // its two Excel.run calls ends with one more request, in which Microsoft's client releases
    // the ranges it kept.
    expect(fake.stats.requests).toBeLessThanOrEqual(6);
    expect(fixedNames(fake).SV_RollUpFixed).toBe('="consensus"');
  });
});

describe("a roll-up changed after marking started", () => {
  it("is reported by the marking and moderation views, with the roll-up the marks were given under", async () => {
    const { run, actions } = await allMarked();
    expect((await actions.readModeration()).rollUpChanged).toBeUndefined();
    await setRollUp(run, "average");

    const marking = await actions.readMarking();
    expect(marking.rollUp).toBe("average");
    expect(marking.rollUpChanged).toMatchObject({ fixed: "consensus", now: "average", fixedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect((await actions.readModeration()).rollUpChanged).toMatchObject({ fixed: "consensus", now: "average" });
  });

  it("blocks sign-off, pointing at SV_RollUp, until it is set back", async () => {
    const { fake, run, actions } = await allAgreed();
    expect((await actions.reviewSignOff()).ready).toBe(true);
    await setRollUp(run, "average");

    const review = await actions.reviewSignOff();
    expect(review.ready).toBe(false);
    const item = review.open.find((o) => o.kind === "rollUp");
    expect(item?.message).toMatch(/The roll-up was changed from consensus to average after marking started on \d{1,2} \w+ \d{4}\..*set SV_RollUp on SV Setup back to consensus/);
    expect(item).toMatchObject({ sheet: SHEETS.setup });
    const setting = fake.inspect.names().find((n) => n.name === SETTING_NAMES.rollUp)!;
    expect(setting.formula.replace(/\$/g, "")).toMatch(new RegExp(`!${item!.address}$`));
    await expect(actions.signOff("Dee Lead")).rejects.toThrow(/The roll-up was changed from consensus to average/);
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.signOff);

    await setRollUp(run, "Consensus");
    expect((await actions.readModeration()).rollUpChanged).toBeUndefined();
    expect((await actions.reviewSignOff()).ready).toBe(true);
    await actions.signOff("Dee Lead");
    expect(namedCell(fake, SETTING_NAMES.rollUp).value).toBe("Consensus");
  });

  it("says when marking started, as the recorded day", async () => {
    const { run, actions } = await aMarkingWorkbook();
    await prepareMarking(run, {}, () => MARKING_STARTED);
    await setRollUp(run, "median");
    const review = await actions.reviewSignOff();
    expect(review.open.find((o) => o.kind === "rollUp")?.message).toContain("from consensus to median after marking started on 2 March 2026.");
  });
});
