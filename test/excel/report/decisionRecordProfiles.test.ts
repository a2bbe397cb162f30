/**
 * The decision log (SV_Decisions, appended by recordDecision) and the decision record's export
 * (SV Decision Record) on each Excel host profile (test/excelHost/profiles.ts), through
 * Microsoft's Excel JS client: each entry lands with its words as written where Excel keeps
 * apostrophes or fills no calculated column, on the minimum API the manifest declares, never with
 * a #BUSY! read as a value, and a record too large for one request still goes within Excel's
 * request limit.
 */
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { createReportActions } from "../../../src/excel/report/reportActions";
import { NotReadyError } from "../../../src/excel/shared/notReady";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import { PAYLOAD_LIMIT_BYTES, type ProfileName } from "../../excelHost";
import { allAgreed, rowsOf } from "../moderation/moderationSupport";
import { typeCommitments } from "../support";
import { BUILT_MARKER } from "../../../src/excel/report/readReportData";

const AT = new Date("2026-11-03T14:00:00.000Z");
const CLOCK = (): Date => AT;

/** Reasons Excel would read as something else if typed into a General cell. */
const REASONS = ["=Above the council's £100,000 threshold", "- weekly site visits show the need", "1.10", "2026-03-31", "40%", "@council policy"];

describe.each(["web", "calculated-columns-off", "apostrophe-kept", "min-api", "desktop-legacy"] as const)("the decision log on the %s profile", (profile: ProfileName) => {
  it("adds SV Decisions, appends each entry with its reason as written, and the export lists them", async () => {
    const { fake, run } = await allAgreed({ hostOptions: { profile } });
    const actions = createReportActions(run, CLOCK);
    // Each decision is logged twice; the record takes the latest of each.
    const decisions = (["threshold", "scope", "weighting"] as const).flatMap((decision, i) => [0, 3].map((k) => ({ decision, by: "=Evan Head", reason: REASONS[i + k]! })));
    for (const d of decisions) await actions.recordDecision(d);

    const rows = rowsOf(fake, TABLES.decisions);
    expect(rows.map((r) => [r.DecidedBy, r.DecidedAt, r.Reason])).toEqual(decisions.map((d) => ["=Evan Head", AT.toISOString(), d.reason]));
    const exported = await actions.exportDecisionRecord();
    const latest = REASONS.slice(3).map((reason) => ["=Evan Head", AT.toISOString(), reason]);
    expect(exported.entries.slice(0, 3).map((e) => [e.by, e.at, e.why])).toEqual(latest);
    // The sheet shows the same words, none of them a formula, a number or a date.
    const used = fake.inspect.sheet(SHEETS.decisionRecord).usedRange!;
    const cells = fake.inspect.values(`'${SHEETS.decisionRecord}'!${used}`);
    expect(cells.slice(5, 8).map((r) => [r[2], r[3], r[4]])).toEqual(latest);
    const formulas = fake.inspect.formulas(`'${SHEETS.decisionRecord}'!${used}`).flat();
    expect(formulas.filter((f) => typeof f === "string" && f.startsWith("=") && !REASONS.includes(f) && f !== "=Evan Head")).toEqual([]);
  });
});

describe("the decision record's export while Excel still calculates (busy profile)", () => {
  it("says to wait rather than record #BUSY!, then exports once Excel has finished", async () => {
    const { fake, run } = await allAgreed({ hostOptions: { profile: "busy" } });
    fake.finishCalculation();
    await typeCommitments(run, [["Acme Ltd", "ILL9", "hours", 150]]);
    const actions = createReportActions(run, CLOCK);
    const first = await actions.exportDecisionRecord().then(
      () => "exported",
      (e: unknown) => e
    );
    if (first === "exported") {
      // Nothing it exported may be a #BUSY! read as a value.
      const used = fake.inspect.sheet(SHEETS.decisionRecord).usedRange!;
      expect(fake.inspect.values(`'${SHEETS.decisionRecord}'!${used}`).flat()).not.toContain("#BUSY!");
    } else {
      expect(first).toBeInstanceOf(NotReadyError);
      expect(String((first as Error).message)).toMatch(/#BUSY!.*Wait until no cell shows #BUSY!, then try again/);
    }
    fake.finishCalculation();
    const exported = await actions.exportDecisionRecord();
    expect(JSON.stringify(exported.entries)).not.toContain("#BUSY!");
  });
});

/** Outcome rows typed straight onto SV Clarifications in blocks, as many users would over time. */
async function typeManyOutcomes(run: ExcelRun, count: number, reason: (i: number) => string): Promise<void> {
  await run(async (context) => {
    const table = context.workbook.tables.getItem(TABLES.clarifications);
    const header = table.getHeaderRowRange().load("values, rowIndex");
    await context.sync();
    const headers = (header.values[0] ?? []).map(String);
    const top = header.rowIndex + 2;
    const sheet = context.workbook.worksheets.getItem(SHEETS.clarifications);
    table.resize(sheet.getRangeByIndexes(header.rowIndex, 0, count + 1, headers.length));
    const block = 1_000;
    for (let from = 0; from < count; from += block) {
      const rows = Array.from({ length: Math.min(block, count - from) }, (_, k) => {
        const i = from + k;
        return [`Bidder ${i}`, "ILL9", "Implausible hours", "Excluded", "", reason(i), "J Patel", 46023];
      });
      sheet.getRange(`A${top + from}:H${top + from + rows.length - 1}`).values = rows;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- test set-up: one block per request, under the host's limit
      await context.sync();
    }
  });
}

describe("a decision record too large for one request", () => {
  it("is exported in requests each under Excel's 5 MB limit, every entry on the sheet", async () => {
    const { fake, run } = await allAgreed();
    const count = 2_000;
    // 3,000 characters of reasons per outcome: about 6 MB of record in all.
    await typeManyOutcomes(run, count, (i) => `Outcome ${i}: ${"the bidder's evidence did not support the figure it gave; ".repeat(50)}`);
    fake.resetStats();
    const exported = await createReportActions(run, CLOCK).exportDecisionRecord();
    expect(exported.entries.filter((e) => e.kind === "clarification")).toHaveLength(count);
    expect(fake.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    const used = fake.inspect.sheet(SHEETS.decisionRecord).usedRange!;
    const firstColumn = fake.inspect.values(`'${SHEETS.decisionRecord}'!${used}`).map((r) => r[0]);
    expect(firstColumn.filter((v) => String(v).startsWith("Clarification: "))).toHaveLength(count);
  }, 120_000);
});

describe("an export that stopped part way", () => {
  it("is built under another name, so the last whole record stays until the new one is whole, and a half-built sheet left over is replaced", async () => {
    const { fake, run } = await allAgreed();
    const actions = createReportActions(run, CLOCK);
    await actions.exportDecisionRecord();
    // What a connection lost part way through the next export leaves: the half-built sheet beside the last record.
    const halfBuilt = `${SHEETS.decisionRecord} (building)`;
    await run(async (context) => {
      const sheet = context.workbook.worksheets.add(halfBuilt);
      sheet.getRange("A1:A2").values = [["Decision record: social value evaluation (Procurement Act 2023 s.98)"], [`${BUILT_MARKER} 3 Nov 2026 at 14:00`]];
      await context.sync();
    });
    const again = await actions.exportDecisionRecord();
    expect(again.entries.length).toBeGreaterThan(0);
    expect(fake.inspect.sheetNames().filter((n) => n.startsWith(SHEETS.decisionRecord))).toEqual([SHEETS.decisionRecord]);
  });

  it("refuses, writing nothing, when a sheet of the building name is the user's own", async () => {
    const { fake, run } = await allAgreed();
    await run(async (context) => {
      context.workbook.worksheets.add(`${SHEETS.decisionRecord} (building)`).getRange("A1").values = [["my notes"]];
      await context.sync();
    });
    await expect(createReportActions(run, CLOCK).exportDecisionRecord()).rejects.toThrow(/did not build/);
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.decisionRecord);
  });
});
