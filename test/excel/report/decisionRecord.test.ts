/**
 * The decision record through the workbook (Procurement Act 2023 s.98): set-up decisions logged on
 * SV Decisions, the record exported to SV Decision Record with its CSV, and the log signed with
 * the rest, so an entry changed after sign-off is reported by Verify.
 */
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { createReportActions } from "../../../src/excel/report/reportActions";
import { BUILT_MARKER } from "../../../src/excel/report/readReportData";
import { allAgreed, rowsOf } from "../moderation/moderationSupport";

const AT = new Date("2026-11-03T14:00:00.000Z");
const CLOCK = (): Date => AT;

describe("recording a set-up decision", () => {
  it("adds SV Decisions with the first entry and appends the next, text kept as text", async () => {
    const { fake, run } = await allAgreed();
    const actions = createReportActions(run, CLOCK);
    await actions.recordDecision({ decision: "weighting", by: "Evan Head of Service", reason: "10% as the council's social value policy sets for services." });
    await actions.recordDecision({ decision: "threshold", by: "Dee Procurement", reason: "=Above the council's £100,000 threshold" });
    expect(fake.inspect.sheetNames()).toContain(SHEETS.decisions);
    const rows = rowsOf(fake, TABLES.decisions);
    expect(rows.map((r) => [r.Decision, r.DecidedBy, r.DecidedAt, r.Reason])).toEqual([
      ["Weighting", "Evan Head of Service", "2026-11-03T14:00:00.000Z", "10% as the council's social value policy sets for services."],
      ["Threshold verdict", "Dee Procurement", "2026-11-03T14:00:00.000Z", "=Above the council's £100,000 threshold"],
    ]);
    expect(String(rows[0]?.Value)).toMatch(/^Weighting 10%, 10 points, 50% for commitments, method relative/);
    expect(fake.inspect.hasFormula(`'${SHEETS.decisions}'!E5`)).toEqual([[false]]);
  });

  it("refuses without a reason, writing nothing", async () => {
    const { fake, run } = await allAgreed();
    await expect(createReportActions(run, CLOCK).recordDecision({ decision: "scope", by: "Dee", reason: "" })).rejects.toThrow(/^Say why the scope was decided this way/);
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.decisions);
  });
});

describe("exporting the decision record", () => {
  it("writes every material decision with who, when and why to SV Decision Record, and returns the same as CSV", async () => {
    const { fake, run, actions: moderation } = await allAgreed();
    const actions = createReportActions(run, CLOCK);
    await actions.recordDecision({ decision: "weighting", by: "Evan Head of Service", reason: "Council policy for services." });
    await moderation.signOff("Dee Lead");
    const exported = await actions.exportDecisionRecord();

    expect(exported.entries.map((e) => e.decision)).toEqual([
      "Threshold verdict",
      "Scope",
      "Weighting",
      "Consensus: Acme Ltd, Q1",
      "Consensus: Acme Ltd, Q2",
      "Consensus: Birch Homes, Q1",
      "Consensus: Birch Homes, Q2",
      "Sign-off",
    ]);
    const weighting = exported.entries[2];
    expect(weighting).toMatchObject({ by: "Evan Head of Service", at: "2026-11-03T14:00:00.000Z", why: "Council policy for services." });
    expect(weighting?.missing).toBeUndefined();
    expect(exported.entries[3]).toMatchObject({ value: "Consensus mark 4", by: "Ann, Ben, Cat", why: expect.stringMatching(/^Three named local training partners/) });
    expect(exported.entries[7]).toMatchObject({ by: "Dee Lead", value: expect.stringMatching(/^Signed; fingerprint [0-9a-f]{64}$/) });
    // Threshold verdict and scope were never recorded: the record says so.
    expect(exported.incomplete).toBe(2);

    const sheet = fake.inspect.values(`'${SHEETS.decisionRecord}'!A1:G13`);
    expect(String(sheet[1]?.[0])).toMatch(new RegExp(`^${BUILT_MARKER}`));
    expect(String(sheet[2]?.[0])).toContain("Keep until 3 years after the contract is entered into");
    expect(sheet[4]).toEqual(["Decision", "What was decided", "Decided by", "When", "Why", "Where recorded", "Missing"]);
    expect(sheet.slice(5, 13).map((r) => r[0])).toEqual(exported.entries.map((e) => e.decision));
    expect(sheet[7]?.slice(2, 5)).toEqual(["Evan Head of Service", "2026-11-03T14:00:00.000Z", "Council policy for services."]);

    const csv = exported.csv.split("\r\n");
    expect(csv[0]).toBe('"Decision","What was decided","Decided by","When","Why","Where recorded","Missing"');
    expect(csv[3]).toMatch(/^"Weighting","Weighting 10%.*","Evan Head of Service","2026-11-03T14:00:00.000Z","Council policy for services.","SV Decisions row 4",""$/);
    expect(csv).toHaveLength(exported.entries.length + 2);
  });

  it("refuses to write over a sheet of that name that is the user's own", async () => {
    const { fake, run } = await allAgreed();
    await run(async (context) => {
      context.workbook.worksheets.add(SHEETS.decisionRecord).getRange("A1:A2").values = [["My notes"], ["Keep"]];
      await context.sync();
    });
    await expect(createReportActions(run, CLOCK).exportDecisionRecord()).rejects.toThrow(/already has a sheet called "SV Decision Record" that the add-in did not build/);
    expect(fake.inspect.values(`'${SHEETS.decisionRecord}'!A1:A2`)).toEqual([["My notes"], ["Keep"]]);
  });
});

describe("the decision log in the signed record", () => {
  it("is signed and protected with the other sheets, and Verify reports a reason changed after sign-off", async () => {
    const { fake, run, actions: moderation } = await allAgreed();
    await createReportActions(run, CLOCK).recordDecision({ decision: "scope", by: "Dee Procurement", reason: "Local jobs and spend are what the service can affect." });
    const signed = await moderation.signOff("Dee Lead");
    expect(signed.sheets).toContain(SHEETS.decisions);
    expect(fake.inspect.sheet(SHEETS.decisions).protected).toBe(true);
    await expect(createReportActions(run, CLOCK).recordDecision({ decision: "weighting", by: "Evan", reason: "Policy" })).rejects.toThrow(/signed off by Dee Lead/);

    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEETS.decisions);
      sheet.protection.unprotect();
      sheet.getRange("E4").values = [["Because we said so."]];
      await context.sync();
    });
    const result = await moderation.verify();
    expect(result.status).toBe("changed");
    expect(result.changes).toEqual([
      expect.objectContaining({ sheet: SHEETS.decisions, address: "E4", message: "SV Decisions, row 4 (Scope, 2026-11-03T14:00:00.000Z): Reason was “Local jobs and spend are what the service can affect.”, now “Because we said so.”." }),
    ]);
  });
});
