/**
 * Moderation decided without Excel (issue #13): from a snapshot of the workbook, core plans what
 * to write, with the guards that keep each write on the row it was read from.
 */
import { TABLE_FORMULAS } from "../../../src/core/workbook/tableFormulas";
import { planOpenModeration, planPrepareMarking, planSaveMarks } from "../../../src/core/moderation/marking";
import { planConsensus } from "../../../src/core/moderation/consensus";
import { signOffDecision } from "../../../src/core/moderation/signOffReview";
import { aSnapshot, aTable, CONSENSUS_HEADERS, MARK_HEADERS } from "./snapshotBuilders";

const AT = "2026-12-06T10:00:00.000Z";

const preparedMarks = () =>
  aTable("marks", MARK_HEADERS, [
    ["Ann", "Acme Ltd", "Q1", "", "", ""],
    ["Ann", "Birch Homes", "Q1", 3, "Generic offer", "2026-12-02"],
    ["Ben", "Acme Ltd", "Q1", "", "", ""],
    ["Ben", "Birch Homes", "Q1", "", "", ""],
  ]);

describe("planSaveMarks", () => {
  it("writes Mark, Comment and Updated of the changed row only, each guarded by the row's Evaluator, Bidder and Criterion", () => {
    const wb = aSnapshot({ tables: { marks: preparedMarks() } });
    const d = planSaveMarks(wb, "ann", [
      { bidder: "Acme Ltd", criterion: "Q1", mark: 4, comment: "Named partners" },
      { bidder: "Birch Homes", criterion: "Q1", mark: 3, comment: "Generic offer" },
    ], AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.saved).toBe(1);
    expect(d.value.plan.writes.map((w) => [w.row, w.column, w.values])).toEqual([
      [4, 4, [[4]]],
      [4, 5, [["Named partners"]]],
      [4, 6, [[AT]]],
    ]);
    const guard = { sheet: "SV Marks", row: 4, cells: [{ column: 1, text: "Ann" }, { column: 2, text: "Acme Ltd" }, { column: 3, text: "Q1" }], describes: "Ann's mark for Acme Ltd on Q1" };
    for (const w of d.value.plan.writes) expect(w.guards).toEqual([guard]);
  });

  it("writes only the part given: a comment alone leaves the Mark cell as SV Marks holds it (issue #16)", () => {
    // The pane read Ann's Birch Homes mark as 3; since then it became 4 on the sheet.
    const marks = preparedMarks();
    marks.rows[1]![3] = 4;
    const d = planSaveMarks(aSnapshot({ tables: { marks } }), "Ann", [{ bidder: "Birch Homes", criterion: "Q1", comment: "Generic offer, no dates" }], AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.plan.writes.map((w) => [w.row, w.column, w.values])).toEqual([
      [5, 5, [["Generic offer, no dates"]]],
      [5, 6, [[AT]]],
    ]);
  });

  it("refuses, planning nothing, for someone not on the panel", () => {
    const d = planSaveMarks(aSnapshot({ tables: { marks: preparedMarks() } }), "Zed", [{ bidder: "Acme Ltd", criterion: "Q1", mark: 4, comment: "" }], AT);
    expect(d).toEqual({ ok: false, refusal: expect.stringMatching(/^Zed is not on the panel listed on SV Setup \(Ann, Ben\)/) });
  });

  it("refuses a mark off the scale, naming it", () => {
    const d = planSaveMarks(aSnapshot({ tables: { marks: preparedMarks() } }), "Ann", [{ bidder: "Acme Ltd", criterion: "Q1", mark: 3.5, comment: "" }], AT);
    expect(d.ok ? "" : d.refusal).toMatch(/No marks were saved\. Acme Ltd, Q1: 3\.5 is not a mark on the 0–5 scale/);
  });

  it("records the roll-up in force with the first save when marking started by hand", () => {
    const d = planSaveMarks(aSnapshot({ tables: { marks: preparedMarks() }, rollUpFixed: {} }), "Ann", [{ bidder: "Acme Ltd", criterion: "Q1", mark: 4, comment: "" }], AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.plan.namesAdded.map((n) => [n.name, n.formula])).toEqual([
      ["SV_RollUpFixed", '="consensus"'],
      ["SV_RollUpFixedAt", `="${AT}"`],
    ]);
  });
});

describe("planPrepareMarking", () => {
  it("fills blank rows first, then grows the table, writing consecutive new rows as one block", () => {
    const marks = aTable("marks", MARK_HEADERS, [["Ann", "Acme Ltd", "Q1", 4, "", AT], ["", "", "", "", "", ""]]);
    const consensus = aTable("consensus", CONSENSUS_HEADERS, [["Acme Ltd", "Q1", ...new Array<unknown>(12).fill("")]]);
    const d = planPrepareMarking(aSnapshot({ tables: { marks, consensus } }), AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.added).toBe(4);
    expect(d.value.plan.resizes).toEqual([{ table: "SV_Marks", sheet: "SV Marks", address: "A3:F7" }, { table: "SV_Consensus", sheet: "SV Moderation", address: "A3:N5" }]);
    const values = d.value.plan.writes.filter((w) => !w.formulas);
    expect(values.map((w) => [w.sheet, w.row, w.column, w.values])).toEqual([
      ["SV Marks", 5, 1, [["Ann", "Birch Homes", "Q1"], ["Ben", "Acme Ltd", "Q1"], ["Ben", "Birch Homes", "Q1"]]],
      ["SV Moderation", 5, 1, [["Birch Homes", "Q1"]]],
    ]);
  });

  it("writes SV_Consensus's column formulas into its new row itself (Excel may not fill them)", () => {
    const marks = aTable("marks", MARK_HEADERS, [["Ann", "Acme Ltd", "Q1", 4, "", AT]]);
    const consensus = aTable("consensus", CONSENSUS_HEADERS, [["Acme Ltd", "Q1", ...new Array<unknown>(12).fill("")]]);
    const d = planPrepareMarking(aSnapshot({ tables: { marks, consensus } }), AT);
    if (!d.ok) throw new Error(d.refusal);
    const formulas = d.value.plan.writes.filter((w) => w.formulas);
    // Marks … Flag (C:G), then Mark, Points, Status (L:N): two runs of adjacent columns, SV_Marks has none.
    expect(formulas.map((w) => [w.sheet, w.row, w.column, w.values[0]?.length])).toEqual([
      ["SV Moderation", 5, 3, 5],
      ["SV Moderation", 5, 12, 3],
    ]);
    expect(formulas[1]?.values[0]?.[2]).toBe(TABLE_FORMULAS.consensus.Status);
  });

  it("refuses when something is typed below a table that must grow", () => {
    const marks = aTable("marks", MARK_HEADERS, [], 20);
    const consensus = aTable("consensus", CONSENSUS_HEADERS, []);
    const d = planPrepareMarking(aSnapshot({ tables: { marks, consensus } }), AT);
    expect(d.ok ? "" : d.refusal).toMatch(/Something is typed below the SV_Marks table on SV Marks \(row 20\), where 4 new rows must go/);
  });
});

describe("planOpenModeration", () => {
  it("sets SV_ModerationOpen to Yes and shows a hidden SV Marks", () => {
    const wb = aSnapshot({ tables: { marks: preparedMarks() } });
    wb.sheets.set("SV Marks", { visibility: "Hidden", protected: false });
    const d = planOpenModeration(wb, AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.namedValues).toEqual([{ name: "SV_ModerationOpen", value: "Yes" }]);
    expect(d.value.sheetVisibility).toEqual([{ sheet: "SV Marks", visibility: "Visible" }]);
  });
});

describe("planConsensus", () => {
  const open = () => {
    const marks = aTable("marks", MARK_HEADERS, [
      ["Ann", "Acme Ltd", "Q1", 4, "", AT],
      ["Ben", "Acme Ltd", "Q1", 4, "", AT],
    ]);
    const consensus = aTable("consensus", CONSENSUS_HEADERS, [["Acme Ltd", "Q1", ...new Array<unknown>(12).fill("")]]);
    return aSnapshot({ settings: { moderationOpen: "Yes" }, tables: { marks, consensus, scores: aTable("scores", ["Bidder"], [["Acme Ltd"]]) } });
  };
  const rationale = "Three named local training partners and 120 committed hours of mentoring meet the training criterion well.";

  it("plans Consensus, Rationale, AgreedBy and AgreedAt on the item's row, guarded by Bidder and Criterion", () => {
    const d = planConsensus(open(), { bidder: "acme ltd", criterion: "q1", mark: 4, rationale, agreedBy: ["ann", "Ben"] }, AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.result).toEqual({ ok: true, agreedAt: AT });
    expect(d.value.plan.writes.map((w) => [w.column, w.values[0]?.[0]])).toEqual([
      [8, 4],
      [9, rationale],
      [10, "Ann, Ben"],
      [11, AT],
    ]);
    expect(d.value.plan.writes[0]?.guards).toEqual([{ sheet: "SV Moderation", row: 4, cells: [{ column: 1, text: "Acme Ltd" }, { column: 2, text: "Q1" }], describes: "the row for Acme Ltd on Q1" }]);
  });

  /** The result of agreeing 4 with a rationale that names no dated figure, on a tender whose SV_Framework names this framework. */
  const agreeVaguelyOn = (framework: string) => {
    const wb = open();
    wb.settings.framework = { value: framework, sheet: "SV Setup", row: 30, column: 2 };
    const vague = "Three named local training partners and a mentoring scheme meet the training criterion well.";
    const d = planConsensus(wb, { bidder: "Acme Ltd", criterion: "Q1", mark: 4, rationale: vague, agreedBy: ["Ann", "Ben"] }, AT);
    if (!d.ok) throw new Error(d.refusal);
    return d.value;
  };

  it("records a mark under PPN 002 whose rationale names no dated figure, with a warning citing PPN 002", () => {
    const { result, plan } = agreeVaguelyOn("UK Government Social Value Model (PPN 002)");
    expect(result).toEqual({ ok: true, agreedAt: AT, warnings: [expect.objectContaining({ code: "no-commitment", message: expect.stringMatching(/^Under PPN 002/) })] });
    expect(plan.writes).toHaveLength(4);
  });

  it("gives no such warning on a framework without the rule (PPN 06/20)", () => {
    expect(agreeVaguelyOn("UK Government Social Value Model (PPN 06/20)").result).toEqual({ ok: true, agreedAt: AT });
  });

  /** Acme Ltd on Q1 as SV_Consensus holds it after the panel recorded 4, agreed by Ann and Ben. */
  const recorded = () => {
    const wb = open();
    const table = wb.tables.consensus!;
    table.rows[0] = ["Acme Ltd", "Q1", "", "", "", "", "", 4, rationale, "Ann, Ben", "2026-12-05T09:00:00.000Z", "", "", ""];
    return wb;
  };

  it("writes only the fields the panel changed: a new mark keeps the rationale and who agreed as SV_Consensus holds them (issue #16)", () => {
    const d = planConsensus(recorded(), { bidder: "Acme Ltd", criterion: "Q1", mark: 5 }, AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.result).toEqual({ ok: true, agreedAt: AT });
    // Consensus and AgreedAt only: the Rationale and AgreedBy cells are not written at all.
    expect(d.value.plan.writes.map((w) => [w.column, w.values[0]?.[0]])).toEqual([
      [8, 5],
      [11, AT],
    ]);
  });

  it("checks the rationale SV_Consensus holds against a new mark given alone", () => {
    const wb = recorded();
    wb.tables.consensus!.rows[0]![8] = "Agreed";
    const d = planConsensus(wb, { bidder: "Acme Ltd", criterion: "Q1", mark: 5 }, AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.result).toEqual({ ok: false, issues: [expect.objectContaining({ code: "placeholder" })] });
    expect(d.value.plan.writes).toEqual([]);
  });

  it("never writes a blank over a recorded rationale or mark: a cleared rationale is refused, and an item with no mark needs one", () => {
    const cleared = planConsensus(recorded(), { bidder: "Acme Ltd", criterion: "Q1", rationale: "" }, AT);
    if (!cleared.ok) throw new Error(cleared.refusal);
    expect(cleared.value.result).toEqual({ ok: false, issues: [expect.objectContaining({ code: "empty" })] });
    expect(cleared.value.plan.writes).toEqual([]);
    const noMark = planConsensus(open(), { bidder: "Acme Ltd", criterion: "Q1", rationale }, AT);
    if (!noMark.ok) throw new Error(noMark.refusal);
    expect(noMark.value.result).toEqual({ ok: false, issues: [{ code: "no-mark", message: expect.stringMatching(/^Choose the mark the panel agreed for Acme Ltd on Q1/) }] });
    expect(noMark.value.plan.writes).toEqual([]);
  });

  it("refuses, writing nothing, when nothing was given to change", () => {
    const d = planConsensus(recorded(), { bidder: "Acme Ltd", criterion: "Q1" }, AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.result).toEqual({ ok: false, issues: [expect.objectContaining({ code: "nothing-to-record" })] });
    expect(d.value.plan.writes).toEqual([]);
  });

  it("returns the refusal as the result and plans no write when someone off the panel agreed", () => {
    const d = planConsensus(open(), { bidder: "Acme Ltd", criterion: "Q1", mark: 4, rationale, agreedBy: ["Zed"] }, AT);
    if (!d.ok) throw new Error(d.refusal);
    expect(d.value.result).toEqual({ ok: false, issues: [expect.objectContaining({ code: "agreed-by-not-on-panel" })] });
    expect(d.value.plan.writes).toEqual([]);
  });
});

describe("signOffDecision", () => {
  it("refuses without the signer's name", () => {
    expect(signOffDecision(aSnapshot(), "  ")).toEqual({ ok: false, refusal: "Say who signs the record off: their name is written on SV Sign-off." });
  });
});
