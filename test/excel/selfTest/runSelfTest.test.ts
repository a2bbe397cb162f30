/**
 * The self-test over the test host's profiles: each Excel the profiles stand for gets its own
 * verdicts, the scratch sheet is gone afterwards whatever happened, and the evaluation's sheets
 * are exactly as they were.
 */
import { runSelfTest, type SelfTestOptions } from "../../../src/excel/selfTest/runSelfTest";
import type { OfficeHostInfo } from "../../../src/excel/selfTest/hostInfo";
import type { CheckId, SelfTestReport, Verdict } from "../../../src/excel/selfTest/report";
import { SCRATCH_MARK, SCRATCH_SHEET } from "../../../src/excel/selfTest/scratchSheet";
import { MAX_REQUEST_BYTES } from "../../../src/excel/shared/requestBudget";
import { CancelledError } from "../../../src/excel/shared/excelRun";
import { RefusalError } from "../../../src/excel/shared/refusal";
import { ADDIN_VERSION } from "../../../src/core";
import { PAYLOAD_LIMIT_BYTES, type ExcelHost, type ExcelHostOptions } from "../../excelHost";
import { aFakeWorkbook, anEvaluationWorkbook } from "../support";

/** What Office says in an Excel whose highest version of each set is `sets` (a set left out is missing). */
function anOffice(sets: Readonly<Record<string, string>> = { ExcelApi: "1.17", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.4" }, overrides: Partial<OfficeHostInfo> = {}): OfficeHostInfo {
  const minor = (version: string): number => Number(version.split(".")[1] ?? 0);
  return {
    isSetSupported: (name, version = "1.1") => sets[name] !== undefined && minor(version) <= minor(sets[name] as string),
    diagnostics: { host: "Excel", platform: "PC", version: "16.0.14332.20000" },
    displayLanguage: "en-GB",
    getStartupBehavior: () => Promise.resolve("none"),
    ...overrides,
  };
}

function optionsFor(fake: ExcelHost, overrides: Partial<SelfTestOptions> = {}): SelfTestOptions {
  return {
    host: anOffice(),
    // The busy profile shows #BUSY! until the test lets calculation finish: the wait does that.
    waitForCalculation: async () => fake.finishCalculation(),
    now: () => new Date("2026-03-02T10:15:00Z"),
    ...overrides,
  };
}

async function selfTestOn(hostOptions: ExcelHostOptions = {}, overrides: Partial<SelfTestOptions> = {}): Promise<{ report: SelfTestReport; fake: ExcelHost }> {
  const { fake, run } = aFakeWorkbook(hostOptions);
  const report = await runSelfTest(run, optionsFor(fake, overrides));
  return { report, fake };
}

function verdicts(report: SelfTestReport): Record<string, Verdict> {
  return Object.fromEntries(report.checks.map((c) => [c.id, c.verdict]));
}

function check(report: SelfTestReport, id: CheckId) {
  const found = report.checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`the report has no check ${id}`);
  return found;
}

/** Everything a user could see of the workbook: sheets, cells, formulas, formats, tables, names, selection. */
function snapshot(fake: ExcelHost) {
  const sheets = fake.inspect.sheetNames().map((name) => {
    const summary = fake.inspect.sheet(name);
    const used = summary.usedRange === undefined ? undefined : `'${name}'!${summary.usedRange}`;
    return {
      summary,
      values: used && fake.inspect.values(used),
      formulas: used && fake.inspect.formulas(used),
      format: used && fake.inspect.format(used),
      conditionalFormats: fake.inspect.conditionalFormats(name),
    };
  });
  return { sheets, tables: fake.inspect.tables(), names: fake.inspect.names(), active: fake.inspect.activeSheet(), selection: fake.inspect.selection() };
}

const ALL_PASS: Record<string, Verdict> = {
  "requirement-sets": "pass",
  "shared-runtime": "pass",
  ribbon: "not run",
  "blank-cells": "pass",
  apostrophe: "pass",
  "calculated-columns": "pass",
  "large-request": "pass",
  "scratch-sheet": "pass",
};

describe("the self-test's verdicts, one Excel at a time", () => {
  it.each([
    ["web", {}],
    ["desktop-legacy", { "blank-cells": "differs" }],
    ["apostrophe-kept", { apostrophe: "differs" }],
    ["calculated-columns-off", { "calculated-columns": "differs" }],
    ["min-api", {}],
    ["busy", {}],
  ] as const)("on %s, gives the verdicts of that Excel", async (profile, differences) => {
    const { report } = await selfTestOn({ profile });
    expect(verdicts(report)).toEqual({ ...ALL_PASS, ...differences });
  });

  it("on an Excel with several differences, reports each of them", async () => {
    const { report } = await selfTestOn({ profile: ["desktop-legacy", "apostrophe-kept", "calculated-columns-off"] });
    expect(verdicts(report)).toEqual({ ...ALL_PASS, "blank-cells": "differs", apostrophe: "differs", "calculated-columns": "differs" });
  });

  it("says on desktop-legacy that empty cells arrive as 0, and what to do in a formula of one's own", async () => {
    const { report } = await selfTestOn({ profile: "desktop-legacy" });
    expect(check(report, "blank-cells").detail).toMatch(/as 0 whether it is one cell or part of a range/);
    expect(check(report, "blank-cells").detail).toMatch(/IF\(ISBLANK\(E5\),"",E5\)/);
  });

  it("says where the apostrophe is kept that the add-in writes such text again", async () => {
    const { report } = await selfTestOn({ profile: "apostrophe-kept" });
    expect(check(report, "apostrophe").detail).toMatch(/'ECC10 stays 'ECC10\)\. The add-in checks for this after every import/);
  });

  it("names the AutoCorrect option where new table rows get no formulas, and what the add-in does about it", async () => {
    const { report } = await selfTestOn({ profile: "calculated-columns-off" });
    expect(check(report, "calculated-columns").detail).toMatch(/"Fill formulas in tables to create calculated columns" is off/);
    expect(check(report, "calculated-columns").detail).toMatch(/The add-in writes its formulas itself/);
  });

  it("reports what Office says about the requirement sets: the highest of each, and a missing one as a failure", async () => {
    const { report } = await selfTestOn({ profile: "min-api" }, { host: anOffice({ ExcelApi: "1.12", CustomFunctionsRuntime: "1.1" }) });
    expect(report.facts.requirementSets).toEqual(["ExcelApi 1.12", "CustomFunctionsRuntime 1.1"]);
    expect(check(report, "requirement-sets")).toMatchObject({ verdict: "fail" });
    expect(check(report, "requirement-sets").detail).toMatch(/lacks ExcelApi 1\.13 \(reading and writing the evaluation sheets\) and SharedRuntime 1\.1 /);
  });

  it("on an Excel really without ExcelApi 1.13, fails the check that needs it with Excel's message, and still cleans up", async () => {
    const { report, fake } = await selfTestOn({ profile: "min-api", requirementSets: { ExcelApi: "1.12" } }, { host: anOffice({ ExcelApi: "1.12", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" }) });
    expect(check(report, "calculated-columns")).toMatchObject({ verdict: "fail", detail: expect.stringMatching(/ApiNotFound/) });
    expect(check(report, "apostrophe").verdict).toBe("pass");
    expect(check(report, "scratch-sheet").verdict).toBe("pass");
    expect(fake.inspect.sheetNames()).toEqual(["Sheet1"]);
  });

  it("says the requirement sets and the shared runtime were not checked where Office gives no way to ask (outside Office)", async () => {
    const { report } = await selfTestOn({}, { host: {} });
    expect(check(report, "requirement-sets").verdict).toBe("not run");
    expect(check(report, "shared-runtime").verdict).toBe("not run");
    expect(report.facts).toMatchObject({ host: undefined, platform: undefined, officeVersion: undefined, requirementSets: [] });
    expect(check(report, "blank-cells").verdict).toBe("pass");
  });

  it("fails the shared runtime when it does not answer, with Office's message", async () => {
    const { report } = await selfTestOn({}, { host: anOffice(undefined, { getStartupBehavior: () => Promise.reject(Object.assign(new Error("The runtime is not ready."), { code: "GenericError" })) }) });
    expect(check(report, "shared-runtime")).toMatchObject({ verdict: "fail", detail: expect.stringMatching(/GenericError: The runtime is not ready\./) });
  });

  it("says the empty-cell check was not run when the TENDER functions are still calculating after the wait", async () => {
    const { report } = await selfTestOn({ profile: "busy" }, { waitForCalculation: async () => undefined });
    expect(check(report, "blank-cells")).toMatchObject({ verdict: "not run", detail: expect.stringMatching(/still calculating/) });
  });

  it("gives the add-in's version, this Excel and when it ran", async () => {
    const { report } = await selfTestOn();
    expect(report.facts).toEqual({
      addInVersion: ADDIN_VERSION,
      host: "Excel",
      platform: "PC",
      officeVersion: "16.0.14332.20000",
      language: "en-GB",
      requirementSets: ["ExcelApi 1.17", "SharedRuntime 1.1", "CustomFunctionsRuntime 1.4"],
      calculationMode: "Automatic",
      ranAt: "2026-03-02T10:15:00.000Z",
    });
  });
});

describe("the large request", () => {
  it("sends one request and reads back one response at the add-in's own ceiling, under Excel's 5 MB", async () => {
    const { report, fake } = await selfTestOn();
    expect(check(report, "large-request").detail).toMatch(/one request of 4\.2 MB/);
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(MAX_REQUEST_BYTES);
    expect(fake.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(fake.stats.maxResponseBytes).toBeGreaterThan(MAX_REQUEST_BYTES);
    expect(fake.stats.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  it("fails with Excel's message where Excel refuses a request that large, and the other checks still run", async () => {
    const { report, fake } = await selfTestOn({ limits: { requestPayloadBytes: 2 * 1024 * 1024 } });
    expect(check(report, "large-request")).toMatchObject({ verdict: "fail", detail: expect.stringMatching(/^Excel refused one request of 4\.2 MB \(.*RequestPayloadSizeLimitExceeded/) });
    expect(verdicts(report)).toEqual({ ...ALL_PASS, "large-request": "fail" });
    expect(fake.inspect.sheetNames()).toEqual(["Sheet1"]);
  });

  it("fails when Excel takes the request but refuses to send it back", async () => {
    const { report } = await selfTestOn({ limits: { responsePayloadBytes: 2 * 1024 * 1024 } });
    expect(check(report, "large-request")).toMatchObject({ verdict: "fail", detail: expect.stringMatching(/^Excel wrote 4\.2 MB but refused to send it back/) });
  });
});

describe("writing nothing to the evaluation", () => {
  it("leaves every sheet, cell, table and name of an evaluation workbook as it was, and deletes its own sheet", async () => {
    const { fake, run } = await anEvaluationWorkbook([["Acme Ltd", "ILL1", "FTE", 2, "Payroll"]]);
    const before = snapshot(fake);
    const report = await runSelfTest(run, optionsFor(fake));
    expect(verdicts(report)).toEqual(ALL_PASS);
    expect(snapshot(fake)).toEqual(before);
    expect(fake.inspect.sheetNames()).not.toContain(SCRATCH_SHEET);
  });

  it("deletes its sheet when cancelled between checks, and says nothing was changed", async () => {
    const { fake, run } = aFakeWorkbook();
    const abort = new AbortController();
    const onProgress = jest.fn((p: { message: string }) => {
      if (/Text cells/.test(p.message)) abort.abort();
    });
    await expect(runSelfTest(run, optionsFor(fake, { signal: abort.signal, onProgress }))).rejects.toBeInstanceOf(CancelledError);
    expect(fake.inspect.sheetNames()).toEqual(["Sheet1"]);
  });

  it("says where its sheet could not be deleted, and what to do", async () => {
    const { fake, run } = aFakeWorkbook();
    // Excel.run calls: the sheet added, the four checks, then the deletion, which fails here.
    let runs = 0;
    const lastRunFails: typeof run = (batch) => (++runs === 6 ? Promise.reject(Object.assign(new Error("The workbook is busy."), { code: "GeneralException" })) : run(batch));
    const report = await runSelfTest(lastRunFails, optionsFor(fake));
    expect(check(report, "scratch-sheet")).toMatchObject({ verdict: "fail", detail: expect.stringMatching(/could not be deleted \(GeneralException: The workbook is busy\.\)\. Delete it yourself/) });
    expect(fake.inspect.sheetNames()).toEqual(["Sheet1", SCRATCH_SHEET]);
  });

  it("refuses a signed-off evaluation, adding nothing", async () => {
    const { fake, run } = aFakeWorkbook({ sheets: { Sheet1: [["data"]], "SV Sign-off": [["Signed by", "Dana Lead"]] } });
    const before = snapshot(fake);
    const running = runSelfTest(run, optionsFor(fake));
    await expect(running).rejects.toBeInstanceOf(RefusalError);
    await expect(running).rejects.toThrow(/signed off, so the self-test adds nothing to it\. Run the self-test in a new blank workbook/);
    expect(snapshot(fake)).toEqual(before);
  });

  it("refuses when a sheet of its name is someone else's, leaving that sheet alone", async () => {
    const { fake, run } = aFakeWorkbook({ sheets: { Sheet1: [], [SCRATCH_SHEET]: [["My notes"], ["keep these"]] } });
    const before = snapshot(fake);
    await expect(runSelfTest(run, optionsFor(fake))).rejects.toThrow(`This workbook already has a sheet named "${SCRATCH_SHEET}" that the self-test did not make`);
    expect(snapshot(fake)).toEqual(before);
  });

  it("replaces a sheet an interrupted self-test left behind, then deletes it", async () => {
    const { fake, run } = aFakeWorkbook({ sheets: { Sheet1: [["data"]], [SCRATCH_SHEET]: [[SCRATCH_MARK]] } });
    const report = await runSelfTest(run, optionsFor(fake));
    expect(verdicts(report)).toEqual(ALL_PASS);
    expect(fake.inspect.sheetNames()).toEqual(["Sheet1"]);
    expect(fake.inspect.values("Sheet1!A1")).toEqual([["data"]]);
  });
});
