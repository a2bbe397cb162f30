/**
 * Issue #8's proof against the test Excel host: three evaluators mark, items are flagged at the
 * threshold, consensus closes only with an acceptable rationale.
 */
import { SETTING_NAMES, SHEETS, TABLES } from "../../../src/core/shared/layout";
import { ModerationRefusal } from "../../../src/excel/shared/refusal";
import { aMarkingWorkbook, allMarked, BIDDERS, m, PANEL_MARKS, RATIONALES, rowsOf } from "./moderationSupport";

describe("marking", () => {
  it("prepares one row per evaluator × bidder × criterion, and never changes a row that exists", async () => {
    const { fake, actions } = await aMarkingWorkbook();
    expect(await actions.prepareMarking()).toEqual({ added: 12 + 4 });
    const marks = rowsOf(fake, TABLES.marks);
    expect(marks).toHaveLength(12);
    expect(marks.map((r) => `${r.Evaluator}/${r.Bidder}/${r.Criterion}`)).toContain("Cat/Birch Homes/Q2");
    expect(rowsOf(fake, TABLES.consensus).map((r) => `${r.Bidder}/${r.Criterion}`)).toEqual(["Acme Ltd/Q1", "Acme Ltd/Q2", "Birch Homes/Q1", "Birch Homes/Q2"]);
    await actions.saveMarks("Ann", PANEL_MARKS.Ann!);
    const before = rowsOf(fake, TABLES.marks);
    expect(await actions.prepareMarking()).toEqual({ added: 0 });
    expect(rowsOf(fake, TABLES.marks)).toEqual(before);
  });

  it("writes each evaluator's marks into their own rows only, with the time of the change", async () => {
    const { fake, actions } = await aMarkingWorkbook();
    await actions.prepareMarking();
    await actions.saveMarks("ann", PANEL_MARKS.Ann!, {});
    const rows = rowsOf(fake, TABLES.marks);
    expect(rows.filter((r) => r.Evaluator === "Ann").map((r) => r.Mark)).toEqual([3, 4, 2, 2]);
    expect(rows.find((r) => r.Evaluator === "Ann" && r.Bidder === "Acme Ltd" && r.Criterion === "Q1")?.Comment).toBe("Partners named");
    expect(String(rows.find((r) => r.Evaluator === "Ann")?.Updated)).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(rows.filter((r) => r.Evaluator !== "Ann").every((r) => r.Mark === "" && r.Updated === "")).toBe(true);
  });

  it("lets two evaluators save at the same time without overwriting each other", async () => {
    const { fake, actions } = await aMarkingWorkbook();
    await actions.prepareMarking();
    await Promise.all([actions.saveMarks("Ann", PANEL_MARKS.Ann!), actions.saveMarks("Ben", PANEL_MARKS.Ben!)]);
    const rows = rowsOf(fake, TABLES.marks);
    expect(rows.filter((r) => r.Evaluator === "Ann").map((r) => r.Mark)).toEqual([3, 4, 2, 2]);
    expect(rows.filter((r) => r.Evaluator === "Ben").map((r) => r.Mark)).toEqual([5, 3, 2, 3]);
  });

  it("refuses a mark that is not on the scale, or an evaluator not on the panel, writing nothing", async () => {
    const { fake, actions } = await aMarkingWorkbook();
    await actions.prepareMarking();
    const before = rowsOf(fake, TABLES.marks);
    await expect(actions.saveMarks("Ann", [m("Acme Ltd", "Q1", 3), m("Acme Ltd", "Q2", 7)])).rejects.toThrow(/7 is not a mark on the 0–5 scale/);
    await expect(actions.saveMarks("Ann", [m("Acme Ltd", "Q1", 2.5)])).rejects.toBeInstanceOf(ModerationRefusal);
    await expect(actions.saveMarks("Zed", [m("Acme Ltd", "Q1", 3)])).rejects.toThrow(/Zed is not on the panel/);
    expect(rowsOf(fake, TABLES.marks)).toEqual(before);
  });

  it("reads the marking view: panel, bidders, criteria, scale and marks", async () => {
    const { actions } = await aMarkingWorkbook();
    await actions.prepareMarking();
    await actions.saveMarks("Cat", PANEL_MARKS.Cat!);
    const view = await actions.readMarking();
    expect(view).toMatchObject({ evaluators: ["Ann", "Ben", "Cat"], bidders: BIDDERS, scaleMarks: [0, 1, 2, 3, 4, 5], rollUp: "consensus", moderationOpen: false });
    expect(view.criteria.map((c) => c.id)).toEqual(["Q1", "Q2"]);
    expect(view.marks.filter((r) => r.evaluator === "Cat").map((r) => r.mark)).toEqual([4, 4, 2, 2]);
  });

  it("with blind marking hides SV Marks until moderation opens (discretion, not security)", async () => {
    const { fake, actions } = await aMarkingWorkbook({ blindMarking: true });
    await actions.prepareMarking();
    expect(fake.inspect.sheet(SHEETS.marks).visibility).toBe("Hidden");
    expect((await actions.readModeration()).marksHidden).toBe(true);
    await actions.openModeration();
    expect(fake.inspect.sheet(SHEETS.marks).visibility).toBe("Visible");
    expect((await actions.readMarking()).moderationOpen).toBe(true);
  });

  it("keeps the independent marks as given once moderation opens", async () => {
    const { actions } = await aMarkingWorkbook();
    await actions.prepareMarking();
    await actions.openModeration();
    await expect(actions.saveMarks("Ann", [m("Acme Ltd", "Q1", 3)])).rejects.toThrow(/Moderation is open/);
  });
});

describe("moderation", () => {
  it("flags a spread above the threshold, not one equal to it", async () => {
    const { actions } = await allMarked();
    const view = await actions.readModeration();
    const item = (b: string, c: string) => view.items.find((i) => i.bidder === b && i.criterion === c)!;
    expect(item("Acme Ltd", "Q1")).toMatchObject({ spread: 2, flagged: true, status: "open" });
    expect(item("Acme Ltd", "Q2")).toMatchObject({ spread: 1, flagged: false });
    expect(view.summary).toMatchObject({ items: 4, open: 4, flagged: 1 });
  });

  it("refuses a consensus before moderation opens", async () => {
    const { actions } = await allMarked();
    const result = await actions.recordConsensus({ bidder: "Acme Ltd", criterion: "Q1", mark: 4, rationale: RATIONALES["Acme Ltd|Q1"]!, agreedBy: ["Ann", "Ben", "Cat"] });
    expect(result).toMatchObject({ ok: false, issues: [{ code: "moderation-closed" }] });
  });

  it("closes an item only with an acceptable rationale, writing nothing on refusal", async () => {
    const { fake, actions } = await allMarked();
    await actions.openModeration();
    await actions.recordConsensus({ bidder: "Birch Homes", criterion: "Q1", mark: 2, rationale: RATIONALES["Birch Homes|Q1"]!, agreedBy: ["Ann", "Ben"] });
    const input = { bidder: "Acme Ltd", criterion: "Q1", mark: 4, agreedBy: ["Ann", "Ben", "Cat"] };
    const refusals: [string, string][] = [
      ["", "empty"],
      ["Agreed", "placeholder"],
      ["As discussed", "placeholder"],
      [RATIONALES["Birch Homes|Q1"]!, "copied"],
      ["Better than bidder B because the training plan names three partners and reports quarterly.", "compares-bids"],
      ["Stronger than Birch Homes: three named partners and a start date for every training place.", "compares-bids"],
    ];
    for (const [rationale, code] of refusals) {
      const result = await actions.recordConsensus({ ...input, rationale });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.code)).toContain(code);
    }
    expect(await actions.recordConsensus({ ...input, mark: 4.5, rationale: RATIONALES["Acme Ltd|Q1"]! })).toMatchObject({ ok: false, issues: [{ code: "mark-not-on-scale" }] });
    expect(rowsOf(fake, TABLES.consensus)[0]).toMatchObject({ Consensus: "", Rationale: "", AgreedBy: "" });

    const ok = await actions.recordConsensus({ ...input, rationale: RATIONALES["Acme Ltd|Q1"]! });
    expect(ok.ok).toBe(true);
    expect(rowsOf(fake, TABLES.consensus)[0]).toMatchObject({ Consensus: 4, Rationale: RATIONALES["Acme Ltd|Q1"], AgreedBy: "Ann, Ben, Cat", Status: "Closed" });
    const item = (await actions.readModeration()).items.find((i) => i.bidder === "Acme Ltd" && i.criterion === "Q1")!;
    expect(item).toMatchObject({ status: "closed", rolledUp: 4, agreedBy: "Ann, Ben, Cat", rationaleIssues: [] });
  });

  it("keeps open an item whose rationale, typed into the sheet, has issues", async () => {
    const { run, actions } = await allMarked();
    await actions.openModeration();
    await run(async (context) => {
      const t = context.workbook.tables.getItem(TABLES.consensus);
      const body = t.getDataBodyRange().load("rowIndex");
      const header = t.getHeaderRowRange().load("values");
      await context.sync();
      const headers = header.values[0]!.map(String);
      const sheet = context.workbook.worksheets.getItem(SHEETS.moderation);
      sheet.getCell(body.rowIndex, headers.indexOf("Consensus")).values = [[4]];
      sheet.getCell(body.rowIndex, headers.indexOf("Rationale")).values = [["See notes"]];
      await context.sync();
    });
    const item = (await actions.readModeration()).items.find((i) => i.bidder === "Acme Ltd" && i.criterion === "Q1")!;
    expect(item.status).toBe("open");
    expect(item.rationaleIssues.map((i) => i.code)).toEqual(["placeholder"]);
  });

  it("refuses to open moderation when the workbook has no setting for it", async () => {
    const { run, actions } = await aMarkingWorkbook();
    await run(async (context) => {
      context.workbook.names.getItem(SETTING_NAMES.moderationOpen).delete();
      await context.sync();
    });
    await expect(actions.openModeration()).rejects.toThrow(/SV_ModerationOpen/);
  });
});
