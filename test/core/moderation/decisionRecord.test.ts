/**
 * The decision record (Procurement Act 2023 s.98): each material decision with who, when and why,
 * read from one snapshot of the workbook; covered by the signed record's fingerprint.
 */
import { SHEETS, TABLES, DECISION_COLUMNS } from "../../../src/core/shared/layout";
import { decisionLogRow, decisionRecord, decisionRecordCsv, decisionValue, type DecisionEntry } from "../../../src/core/moderation/decisionRecord";
import { buildRecord } from "../../../src/core/moderation/signOffReview";
import { canonicalRecord, sha256Hex } from "../../../src/core/moderation/fingerprint";
import { verifyRecord } from "../../../src/core/moderation/verifyRecord";
import type { ModerationSnapshot, TableData, TableKey } from "../../../src/core/moderation/snapshot";
import { aSnapshot, aTable, CONSENSUS_HEADERS } from "./snapshotBuilders";

const SETTINGS = {
  threshold: "Social value must be evaluated: £1,200,000 is above the council's £100,000 threshold.",
  outcomesInScope: "jobs-1, growth-1",
  weighting: 0.1,
  maxPoints: 20,
  quantitativeShare: 0.5,
  method: "relative",
  rollUp: "consensus",
};

function onSheet(key: TableKey, sheet: string, headers: readonly string[], rows: unknown[][]): TableData {
  return { ...aTable(key, [...headers], rows), sheet };
}

const measures = () =>
  onSheet("measures", SHEETS.measures, ["Ref", "Theme", "InScope"], [
    ["ILL1", "Jobs", "Yes"],
    ["ILL2", "Jobs", "No"],
    ["ILL7", "Growth", "Yes"],
  ]);

const consensus = () =>
  aTable("consensus", CONSENSUS_HEADERS, [
    ["Acme Ltd", "Q1", "", "", "", "", "", 4, "Named college partner and a timetable for each intake.", "Ann, Ben", "2026-12-03T10:00:00.000Z", 4, 4, "Closed"],
    ["Birch Homes", "Q1", "", "", "", "", "", 3, "", "Ann, Ben", "2026-12-03T10:05:00.000Z", 3, 3, "Closed"],
    ["Castle Care", "Q1", "", "", "", "", "", "", "", "", "", "", "", "Open"],
  ]);

const clarifications = () =>
  onSheet("clarifications", SHEETS.clarifications, ["Bidder", "Ref", "Issue", "Outcome", "CappedAt", "Reason", "DecidedBy", "DecidedAt"], [
    ["Acme Ltd", "ILL10", "Over the ceiling of 5,000 hours", "Capped", 5000, "Acme confirmed 5,000 hours in writing on 2 December.", "Ann", 46358],
    ["Birch Homes", "", "Total over the contract value", "", "", "", "", ""],
  ]);

function aDecisionWorkbook(logRows: unknown[][] = [], extra: Partial<Record<TableKey, TableData>> = {}): ModerationSnapshot {
  const wb = aSnapshot({ settings: SETTINGS, tables: { measures: measures(), consensus: consensus(), clarifications: clarifications(), ...extra } });
  if (logRows.length > 0) wb.tables.decisions = onSheet("decisions", SHEETS.decisions, DECISION_COLUMNS, logRows);
  return wb;
}

/** The log rows that record the three set-up decisions as the workbook now holds them. */
function loggedNow(wb: ModerationSnapshot): unknown[][] {
  return [
    ["Threshold verdict", decisionValue(wb, "threshold"), "Dee Procurement", "2026-11-02T09:00:00.000Z", "Above the council's policy threshold of £100,000."],
    ["Scope", decisionValue(wb, "scope"), "Dee Procurement", "2026-11-02T09:10:00.000Z", "Local jobs and local spend are the outcomes the service can affect."],
    ["Weighting", decisionValue(wb, "weighting"), "Evan Head of Service", "2026-11-03T14:00:00.000Z", "10% as the council's social value policy sets for services."],
  ];
}

const byDecision = (entries: DecisionEntry[], decision: string) => entries.find((e) => e.decision === decision);

describe("the decision record", () => {
  it("lists each kind of material decision with who, when and why: threshold verdict, scope, weighting, each consensus, each clarification, sign-off", () => {
    const wb = aDecisionWorkbook();
    wb.tables.decisions = onSheet("decisions", SHEETS.decisions, DECISION_COLUMNS, loggedNow(wb));
    const entries = decisionRecord(wb);
    expect(entries.map((e) => e.kind)).toEqual(["threshold", "scope", "weighting", "consensus", "consensus", "clarification", "clarification", "signOff"]);
    expect(byDecision(entries, "Threshold verdict")).toMatchObject({ value: SETTINGS.threshold, by: "Dee Procurement", at: "2026-11-02T09:00:00.000Z", why: "Above the council's policy threshold of £100,000." });
    expect(byDecision(entries, "Threshold verdict")?.missing).toBeUndefined();
    expect(byDecision(entries, "Scope")?.value).toBe("Outcomes: jobs-1, growth-1. Measures in scope: ILL1, ILL7.");
    expect(byDecision(entries, "Weighting")).toMatchObject({ value: "Weighting 10%, 20 points, 50% for commitments, method relative, roll-up consensus.", by: "Evan Head of Service" });
    expect(byDecision(entries, "Consensus: Acme Ltd, Q1")).toMatchObject({ value: "Consensus mark 4", by: "Ann, Ben", at: "2026-12-03T10:00:00.000Z", why: "Named college partner and a timetable for each intake.", where: "SV Moderation row 4" });
    expect(byDecision(entries, "Consensus: Acme Ltd, Q1")?.missing).toBeUndefined();
    // An Excel date in DecidedAt (46358 is 2 December 2026) reads as a date.
    expect(byDecision(entries, "Clarification: Acme Ltd, ILL10")).toMatchObject({ value: "Capped at 5000 (Over the ceiling of 5,000 hours)", by: "Ann", at: "2026-12-02", why: "Acme confirmed 5,000 hours in writing on 2 December." });
    expect(byDecision(entries, "Sign-off")).toMatchObject({ value: "Not signed off yet", missing: expect.stringMatching(/not signed off yet/) });
  });

  it("says what is not recorded: a set-up decision nobody logged, a consensus without reasons, a clarification not decided", () => {
    const entries = decisionRecord(aDecisionWorkbook());
    expect(byDecision(entries, "Weighting")?.missing).toBe("Not recorded: who, when, why. Record this decision on the Report page (Decision record).");
    expect(byDecision(entries, "Consensus: Birch Homes, Q1")?.missing).toBe("Not recorded: why.");
    expect(byDecision(entries, "Clarification: Birch Homes, whole bid")).toMatchObject({ value: "Not decided yet (Total over the contract value)", missing: "The panel has not recorded an outcome yet." });
    // An item with no agreed mark is no decision yet.
    expect(entries.some((e) => e.decision === "Consensus: Castle Care, Q1")).toBe(false);
  });

  it("says a set-up decision changed since it was recorded, and takes the newest entry when it was recorded again", () => {
    const wb = aDecisionWorkbook();
    const log = loggedNow(wb);
    wb.settings.weighting = { ...(wb.settings.weighting as NonNullable<ModerationSnapshot["settings"]["weighting"]>), value: 0.2 };
    wb.tables.decisions = onSheet("decisions", SHEETS.decisions, DECISION_COLUMNS, log);
    const stale = byDecision(decisionRecord(wb), "Weighting");
    expect(stale?.missing).toMatch(/^Changed since Evan Head of Service recorded it on 2026-11-03T14:00:00.000Z \(then: Weighting 10%,.*\)\. Record the decision again, with its reason\.$/);
    expect(stale?.value).toMatch(/^Weighting 20%/);

    wb.tables.decisions = onSheet("decisions", SHEETS.decisions, DECISION_COLUMNS, [...log, ["Weighting", decisionValue(wb, "weighting"), "Evan Head of Service", "2026-11-20T09:00:00.000Z", "Raised to 20% after the cabinet decision."]]);
    expect(byDecision(decisionRecord(wb), "Weighting")).toMatchObject({ by: "Evan Head of Service", why: "Raised to 20% after the cabinet decision.", where: "SV Decisions row 7" });
  });

  it("names who signed off and when, once signed", () => {
    const wb = aDecisionWorkbook();
    wb.record = { fingerprint: "ab12", signedBy: "Dee Procurement", signedAt: "2026-12-05T16:00:00.000Z", sheets: [SHEETS.moderation], text: "" };
    expect(byDecision(decisionRecord(wb), "Sign-off")).toMatchObject({ by: "Dee Procurement", at: "2026-12-05T16:00:00.000Z", value: "Signed; fingerprint ab12", why: expect.stringMatching(/^The final review found nothing open/) });
  });
});

describe("recording a set-up decision", () => {
  const NOW = "2026-11-02T09:00:00.000Z";

  it("is a row of SV_Decisions with the settings as they stand, who, when and why", () => {
    const wb = aDecisionWorkbook();
    const d = decisionLogRow(wb, { decision: "scope", by: " Dee Procurement ", reason: "Local jobs and spend." }, NOW);
    expect(d).toEqual({ ok: true, value: ["Scope", "Outcomes: jobs-1, growth-1. Measures in scope: ILL1, ILL7.", "Dee Procurement", NOW, "Local jobs and spend."] });
  });

  it("refuses without a name or a reason, and once the record is signed", () => {
    const wb = aDecisionWorkbook();
    expect(decisionLogRow(wb, { decision: "weighting", by: "", reason: "Policy" }, NOW)).toEqual({ ok: false, refusal: "Say who made the decision: their name goes in the decision record." });
    expect(decisionLogRow(wb, { decision: "weighting", by: "Evan", reason: "  " }, NOW)).toEqual({ ok: false, refusal: expect.stringMatching(/^Say why the weighting was decided this way/) });
    wb.record = { fingerprint: "ab12", signedBy: "Dee", signedAt: "2026-12-05", sheets: [], text: "" };
    expect(decisionLogRow(wb, { decision: "weighting", by: "Evan", reason: "Policy" }, NOW)).toEqual({ ok: false, refusal: expect.stringMatching(/signed off by Dee .* Nothing was recorded\.$/) });
  });
});

describe("the decision record in the signed record", () => {
  async function signed(wb: ModerationSnapshot): Promise<ModerationSnapshot> {
    const text = canonicalRecord(buildRecord(wb));
    return { ...wb, record: { fingerprint: await sha256Hex(text), signedBy: "Dee", signedAt: "2026-12-05T16:00:00.000Z", sheets: [], text } };
  }

  it("holds SV_Decisions, so a reason changed after sign-off is reported by Verify with its sheet and row", async () => {
    const wb = aDecisionWorkbook();
    wb.tables.decisions = onSheet("decisions", SHEETS.decisions, DECISION_COLUMNS, loggedNow(wb));
    const atSignOff = await signed(wb);
    expect(buildRecord(atSignOff).tables.map((t) => t.name)).toContain(TABLES.decisions);
    expect((await verifyRecord(atSignOff)).status).toBe("intact");

    const log = atSignOff.tables.decisions as TableData;
    const edited = { ...atSignOff, tables: { ...atSignOff.tables, decisions: { ...log, rows: log.rows.map((r, i) => (i === 2 ? [...r.slice(0, 4), "Because we said so."] : r)) } } };
    const result = await verifyRecord(edited);
    expect(result.status).toBe("changed");
    expect(result.changes.map((c) => c.message)).toEqual([
      "SV Decisions, row 6 (Weighting, 2026-11-03T14:00:00.000Z): Reason was “10% as the council's social value policy sets for services.”, now “Because we said so.”.",
    ]);
  });

  it("reports a threshold verdict and a consensus's who changed after sign-off", async () => {
    const atSignOff = await signed(aDecisionWorkbook());
    const t = atSignOff.tables.consensus as TableData;
    const edited: ModerationSnapshot = {
      ...atSignOff,
      settings: { ...atSignOff.settings, threshold: { ...(atSignOff.settings.threshold as NonNullable<ModerationSnapshot["settings"]["threshold"]>), value: "Not required." } },
      tables: { ...atSignOff.tables, consensus: { ...t, rows: t.rows.map((r, i) => (i === 0 ? r.map((c, j) => (j === 9 ? "Ann" : c)) : r)) } },
    };
    const messages = (await verifyRecord(edited)).changes.map((c) => c.message);
    expect(messages).toEqual([expect.stringMatching(/^SV Setup: Threshold was “Social value must be evaluated/), "SV Moderation, row 4 (Acme Ltd, Q1): AgreedBy was “Ann, Ben”, now “Ann”."]);
  });
});

describe("the decision record exported as CSV", () => {
  it("has a header and one row per decision, every field quoted, quotes doubled, and nothing a spreadsheet would run as a formula", () => {
    const entries: DecisionEntry[] = [
      { kind: "weighting", decision: "Weighting", value: "Weighting 10%", by: "Evan", at: "2026-11-03", why: 'Policy says "at least 10%"', where: "SV Decisions row 4" },
      { kind: "consensus", decision: "Consensus: Acme Ltd, Q1", value: "Consensus mark 4", by: '=HYPERLINK("x")', at: "2026-12-03", why: "-2 hours short; otherwise clear", where: "SV Moderation row 5", missing: "" },
    ];
    const csv = decisionRecordCsv(entries);
    expect(csv.split("\r\n")).toEqual([
      '"Decision","What was decided","Decided by","When","Why","Where recorded","Missing"',
      '"Weighting","Weighting 10%","Evan","2026-11-03","Policy says ""at least 10%""","SV Decisions row 4",""',
      '"Consensus: Acme Ltd, Q1","Consensus mark 4","\'=HYPERLINK(""x"")","2026-12-03","\'-2 hours short; otherwise clear","SV Moderation row 5",""',
      "",
    ]);
  });
});
