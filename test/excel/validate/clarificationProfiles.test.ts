/**
 * Recording the panel's clarification outcome (issue #16 point 4) on each Excel host profile
 * (test/excelHost/profiles.ts), through Microsoft's Excel JS client: the outcome row lands with
 * the values the panel gave, its Counts formula is there whether or not Excel fills calculated
 * columns, text stays text where Excel keeps the apostrophe, a blank CappedAt or Ceiling is never
 * a figure, an older workbook gains what it lacks, and a co-author's row is never written over.
 */
import { ILLUSTRATIVE, measureTableFromFramework } from "../../../src/core";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { TABLE_FORMULAS } from "../../../src/core/workbook/tableFormulas";
import { importForms } from "../../../src/excel/bids/importForms";
import { createBidsActions } from "../../../src/excel/bids/bidsActions";
import { implausibleItems } from "../../../src/taskpane/validate/useClarificationForm";
import { recordClarification } from "../../../src/excel/validate/recordClarification";
import { validateWorkbook } from "../../../src/excel/validate/validateWorkbook";
import { buildEvaluationPlan } from "../../../src/excel/setup/evaluationPlan";
import { insertPlan } from "../../../src/excel/setup/writePlan";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import { describeOfficeError } from "../../../src/excel/shared/officeErrors";
import type { ClarificationRequest } from "../../../src/core";
import type { ReadForm } from "../../../src/forms/types";
import type { ExcelHost, ProfileName } from "../../excelHost";
import { aFakeWorkbook, aPlanInput, tableCells } from "../support";
import { anOlderEvaluationWorkbook } from "../setup/olderWorkbook";

const TENDER = "T-CLAR";
const HUGE = 999_999_999_999_999;
const DECIDED_AT = 46023; // 1 January 2026 as an Excel date
/** A ref Excel would read as the number 1.1 in a General cell. */
const REF = "1.10";
const MEASURES = measureTableFromFramework(ILLUSTRATIVE).map((m) => (m.ref === "ILL9" ? { ...m, ref: REF } : m));
const PROXY = MEASURES.find((m) => m.ref === REF)?.proxy as number;

function aForm(bidder: string, quantity: number): ReadForm {
  return {
    fileName: `${bidder}.xlsx`,
    tenderId: TENDER,
    formVersion: 1,
    bidder,
    commitments: [{ formRow: 5, ref: REF, unit: "hours", quantity, baseline: null, actions: "", verification: "Timesheets" }],
    answers: [],
    offers: [],
    notes: [],
  };
}

/** Two bids with an absurd number of hours, imported from their forms as the pane imports them. */
async function twoHugeBids(profile: ProfileName, bidders: readonly string[] = ["Acme Care", "Birch Homes"]) {
  const wb = aFakeWorkbook({ profile });
  const inserted = await insertPlan(wb.run, buildEvaluationPlan(aPlanInput({ tenderId: TENDER, measures: MEASURES, bidders: [...bidders] })));
  if (inserted.status !== "written") throw new Error("test set-up: insert refused");
  const imported = await importForms(wb.run, bidders.map((b) => aForm(b, HUGE)), []);
  if (imported.files.some((f) => f.status !== "imported")) throw new Error("test set-up: import refused");
  return wb;
}

/** The request the Validate page sends for a finding, with the bidder and ref as Validate read them. */
async function requestsFromValidate(run: ExcelRun, capped: number): Promise<ClarificationRequest[]> {
  const { result } = await validateWorkbook(run);
  return implausibleItems(result.findings).map((item) => ({
    bidder: item.bidder,
    ...(item.ref !== undefined ? { ref: item.ref } : {}),
    issue: item.finding.message,
    outcome: "Capped",
    cappedAt: capped,
    reason: "The bidder confirmed a typing error.",
    decidedBy: "J Patel",
    decidedAt: "2026-01-01",
  }));
}

function commitmentValue(fake: ExcelHost, bidder: string): unknown {
  const rows = tableCells(fake, TABLES.commitments, ["Bidder", "Value", "Check"]);
  const row = rows.find((r) => String(r.Bidder?.value).replace(/^'/, "") === bidder);
  if (!row) throw new Error(`no commitment row for ${bidder}`);
  return row.Value?.value;
}

const WRITE_PROFILES: readonly ProfileName[] = ["web", "calculated-columns-off", "apostrophe-kept", "desktop-legacy", "min-api"];

describe.each(WRITE_PROFILES)("recording outcomes on the %s profile", (profile) => {
  it("the first outcome takes the table's blank row, the second a new row; both carry Counts and both caps count", async () => {
    const { fake, run } = await twoHugeBids(profile);
    const requests = await requestsFromValidate(run, 500);
    expect(requests.map((r) => [r.bidder, r.ref])).toEqual([
      ["Acme Care", REF],
      ["Birch Homes", REF],
    ]);
    await recordClarification(run, requests[0]!);
    await recordClarification(run, { ...requests[1]!, cappedAt: 250 });

    const rows = tableCells(fake, TABLES.clarifications, ["Bidder", "Ref", "Outcome", "CappedAt", "DecidedAt", "Counts"]);
    expect(rows.map((r) => [r.Bidder?.value, r.Ref?.value, r.Outcome?.value, r.CappedAt?.value, r.DecidedAt?.value, r.Counts?.value])).toEqual([
      ["Acme Care", REF, "Capped", 500, DECIDED_AT, "Capped 500"],
      ["Birch Homes", REF, "Capped", 250, DECIDED_AT, "Capped 250"],
    ]);
    for (const r of rows) expect(r.Counts?.formula).toBe(TABLE_FORMULAS.clarifications.Counts);
    expect(commitmentValue(fake, "Acme Care")).toBeCloseTo(500 * PROXY, 6);
    expect(commitmentValue(fake, "Birch Homes")).toBeCloseTo(250 * PROXY, 6);
    // Validate agrees: both commitments are clarified, none still held.
    const after = await validateWorkbook(run);
    expect(after.result.findings.filter((f) => f.code === "SV123")).toEqual([]);
    expect(after.clarificationProblems).toEqual([]);
  });

  it("an outcome that is not a cap leaves CappedAt blank, and a blank CappedAt is never a cap of 0", async () => {
    const { fake, run } = await twoHugeBids(profile);
    const [acme] = await requestsFromValidate(run, 500);
    await recordClarification(run, { ...acme!, outcome: "Accepted", cappedAt: null });
    const [row] = tableCells(fake, TABLES.clarifications, ["CappedAt", "Counts"]);
    expect([row?.CappedAt?.value, row?.Counts?.value]).toEqual(["", "Accepted"]);
    expect(commitmentValue(fake, "Acme Care")).toBeCloseTo(HUGE * PROXY, -6);
  });
});

describe.each(["web", "apostrophe-kept"] as const)("a bidder whose name starts with = or - on the %s profile", (profile) => {
  it("gets the outcome recorded for its own commitment, read back as Validate named it", async () => {
    const bidders = ["=Acme Care", "- Birch Homes"];
    const { fake, run } = await twoHugeBids(profile, bidders);
    const requests = await requestsFromValidate(run, 500);
    expect(requests).toHaveLength(2);
    for (const request of requests) await recordClarification(run, request);
    const counts = tableCells(fake, TABLES.clarifications, ["Counts"]).map((r) => r.Counts?.value);
    expect(counts).toEqual(["Capped 500", "Capped 500"]);
    for (const bidder of bidders) expect(commitmentValue(fake, bidder)).toBeCloseTo(500 * PROXY, 6);
    // Nothing the panel wrote became a formula.
    const rows = tableCells(fake, TABLES.clarifications, ["Bidder", "Reason"]);
    for (const r of rows) for (const h of ["Bidder", "Reason"]) expect(String(r[h]?.formula)).toBe(String(r[h]?.value));
    expect((await validateWorkbook(run)).result.findings.filter((f) => f.code === "SV123")).toEqual([]);
  });
});

/** The evaluation as insert wrote it before issue #16: no SV Clarifications, no Ceiling column on SV_Measures. */
const anOlderWorkbook = (profile: ProfileName) =>
  anOlderEvaluationWorkbook([], aPlanInput({ tenderId: TENDER, measures: MEASURES, bidders: ["Acme Care", "Birch Homes"] }), { profile });

describe.each(["calculated-columns-off", "desktop-legacy", "min-api"] as const)("a workbook made before SV Clarifications, on the %s profile", (profile) => {
  it("imports forms: the new Ceiling column is blank, not a ceiling of 0, and plausible rows stay OK", async () => {
    const { fake, run } = await anOlderWorkbook(profile);
    const result = await createBidsActions(run).importForms([aForm("Acme Care", 120), aForm("Birch Homes", HUGE)], []);
    expect(result.files.map((f) => f.status)).toEqual(["imported", "imported"]);
    expect(fake.inspect.table(TABLES.measures)?.headers.at(-1)).toBe("Ceiling");
    const checks = tableCells(fake, TABLES.commitments, ["Bidder", "Check"]).map((r) => [r.Bidder?.value, String(r.Check?.value).slice(0, 5)]);
    expect(checks).toEqual([
      ["Acme Care", "OK"],
      ["Birch Homes", "SV123"],
    ]);
  });

  it("records an outcome: SV Clarifications is added with its Counts formula, and the cap counts", async () => {
    const { fake, run } = await anOlderWorkbook(profile);
    await createBidsActions(run).importForms([aForm("Acme Care", HUGE)], []);
    await recordClarification(run, { bidder: "Acme Care", ref: REF, issue: "Implausible hours", outcome: "Capped", cappedAt: 500, reason: "Typing error.", decidedBy: "J Patel", decidedAt: "2026-01-01" });
    const [row] = tableCells(fake, TABLES.clarifications, ["Bidder", "Counts"]);
    expect([row?.Bidder?.value, row?.Counts?.value, row?.Counts?.formula]).toEqual(["Acme Care", "Capped 500", TABLE_FORMULAS.clarifications.Counts]);
    expect(commitmentValue(fake, "Acme Care")).toBeCloseTo(500 * PROXY, 6);
  });
});

describe("recording an outcome on an Excel older than the add-in's requirement sets", () => {
  it("refuses with a sentence saying to update Excel, and writes nothing", async () => {
    // An Excel offering ExcelApi 1.12: Table.resize (1.13), which a second outcome needs to grow the table, is missing.
    const { fake, run } = aFakeWorkbook({ profile: "min-api", requirementSets: { ExcelApi: "1.12" } });
    const inserted = await insertPlan(run, buildEvaluationPlan(aPlanInput({ tenderId: TENDER, measures: MEASURES })));
    expect(inserted.status).toBe("written");
    const outcome = (bidder: string): ClarificationRequest => ({ bidder, ref: REF, issue: "Implausible hours", outcome: "Excluded", reason: "Not credible.", decidedBy: "J Patel", decidedAt: "2026-01-01" });
    await recordClarification(run, outcome("Acme Care"));
    const error = await recordClarification(run, outcome("Birch Homes")).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(describeOfficeError(error)).toBe("This version of Excel does not support something the add-in needs. Update Excel or use Excel on the web.");
    expect(tableCells(fake, TABLES.clarifications, ["Bidder"]).map((r) => r.Bidder?.value)).toEqual(["Acme Care"]);
  });
});

/** A run whose `n`th Excel.run lets the co-author act before its request number `request` (1-based). */
function runWithCoAuthor(host: ExcelHost, run: ExcelRun, n: number, request: number, edit: Parameters<ExcelHost["coauthor"]["beforeNextRequest"]>[0]): ExcelRun {
  let calls = 0;
  return (batch) => {
    if (++calls === n) host.coauthor.beforeRequest(request, edit);
    return run(batch);
  };
}

describe("recording an outcome with a co-author at work", () => {
  const outcome = (bidder: string): ClarificationRequest => ({ bidder, ref: REF, issue: "Implausible hours", outcome: "Excluded", reason: "Not credible.", decidedBy: "J Patel", decidedAt: "2026-01-01" });

  it("never writes over the outcome a co-author typed into the blank row meanwhile", async () => {
    const { fake, run } = await twoHugeBids("web");
    const t = fake.inspect.table(TABLES.clarifications)!;
    const firstRow = Number(/!\$?[A-Z]+\$?(\d+)/.exec(t.dataBodyAddress)![1]);
    const col = (h: string) => String.fromCharCode(65 + t.headers.indexOf(h));
    // ensureClarificationLayout is the first Excel.run; recordClarification's own is the second:
    // the co-author types between its read (request 1) and its write (request 2).
    const coRun = runWithCoAuthor(fake, run, 2, 2, (co) => {
      co.type(`'${SHEETS.clarifications}'!${col("Bidder")}${firstRow}`, "Birch Homes");
      co.type(`'${SHEETS.clarifications}'!${col("Ref")}${firstRow}`, REF);
      co.type(`'${SHEETS.clarifications}'!${col("Outcome")}${firstRow}`, "Accepted");
    });
    await expect(recordClarification(coRun, outcome("Acme Care"))).rejects.toThrow(
      /^Someone changed SV Clarifications while the outcome was being recorded \(row \d+ no longer held what was read\), so this outcome was not recorded and their entry was kept\./
    );
    const rows = tableCells(fake, TABLES.clarifications, ["Bidder", "Ref", "Outcome", "Reason"]).map((r) => [r.Bidder?.value, r.Ref?.value, r.Outcome?.value, r.Reason?.value]);
    expect(rows).toEqual([["Birch Homes", REF, "Accepted", ""]]);
    // Recorded again, it takes a row of its own.
    await recordClarification(run, outcome("Acme Care"));
    expect(tableCells(fake, TABLES.clarifications, ["Bidder", "Outcome"]).map((r) => [r.Bidder?.value, r.Outcome?.value])).toEqual([
      ["Birch Homes", "Accepted"],
      ["Acme Care", "Excluded"],
    ]);
  });

  it("never writes one bidder's outcome over another's row when a co-author sorted the table meanwhile", async () => {
    const { fake, run } = await twoHugeBids("web");
    await recordClarification(run, outcome("Birch Homes"));
    await recordClarification(run, outcome("Acme Care"));
    const coRun = runWithCoAuthor(fake, run, 2, 2, (co) => co.sortTable(TABLES.clarifications, "Bidder"));
    await expect(recordClarification(coRun, { ...outcome("Birch Homes"), outcome: "Capped", cappedAt: 10 })).rejects.toThrow(/^Someone changed SV Clarifications/);
    expect(fake.coauthor.log).toEqual([`sorted ${TABLES.clarifications} by Bidder`]);
    const rows = tableCells(fake, TABLES.clarifications, ["Bidder", "Ref", "Outcome", "CappedAt", "Reason", "DecidedAt"]).map((r) => Object.values(r).map((c) => c.value));
    expect(rows).toEqual([
      ["Acme Care", REF, "Excluded", "", "Not credible.", DECIDED_AT],
      ["Birch Homes", REF, "Excluded", "", "Not credible.", DECIDED_AT],
    ]);
  });
});
