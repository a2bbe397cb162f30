/**
 * What the pane learns of the workbook when it opens or a page is shown, through Microsoft's
 * client on the test host: nothing from defaults, everything from the sheets.
 */
import { ILLUSTRATIVE, measureTableFromFramework, SETTING_NAMES } from "../../../src/core";
import { buildEvaluationPlan } from "../../../src/excel/setup/evaluationPlan";
import { readWorkbookState } from "../../../src/excel/setup/readWorkbookState";
import { insertPlan } from "../../../src/excel/setup/writePlan";
import { watchSheets } from "../../../src/excel/shared/workbookEvents";
import { loadSampleTender } from "../../../playground/sampleTender";
import { aFakeWorkbook, anEvaluationWorkbook, aPlanInput, typeCommitments } from "../support";
import { aTender } from "../../support/scoringBuilders";

const ILLUSTRATIVE_MEASURES = measureTableFromFramework(ILLUSTRATIVE);

/** The evaluation as Set up inserts it: a works contract, target scoring, two of the measures in scope. */
function anInsertedTender() {
  const inScope = ILLUSTRATIVE_MEASURES.slice(0, 2).map((m) => m.ref);
  return aPlanInput({
    settings: aTender({
      contractName: "Highways maintenance",
      contractValue: 2_400_000,
      category: "works",
      durationMonths: 36,
      weighting: 0.15,
      maxPoints: 15,
      quantitativeShare: 0.6,
      method: "target",
      targetReturn: 0.2,
      evaluators: ["Ann Lee", "Bo Chen"],
      frameworkId: ILLUSTRATIVE.id,
      measuresInScope: inScope,
      outcomesInScope: ["jobs-local"],
    }),
    measures: ILLUSTRATIVE_MEASURES.map((m) => ({ ...m, inScope: inScope.includes(m.ref) })),
    thresholdReason: "£2,400,000 is above the threshold.",
    bidders: ["Acme Ltd", "Beta Services"],
    tenderId: "T-test",
  });
}

describe("reading what the workbook holds", () => {
  it.each(["desktop-legacy", "busy", "apostrophe-kept"] as const)("on %s Excel an inserted evaluation reads back the same, its blank settings blank (not 0) and no problems", async (profile) => {
    const { run } = await anEvaluationWorkbook([], anInsertedTender(), { profile });
    const state = await readWorkbookState(run);
    expect(state.evaluation).toBe("complete");
    expect(state.problems).toEqual([]);
    expect(state.settings).toMatchObject({ contractName: "Highways maintenance", contractValue: 2_400_000, evaluators: ["Ann Lee", "Bo Chen"] });
    expect(state.settings.procurementStart).toBeUndefined();
    expect(state.settings.vatBasis).toBeUndefined();
    expect(state.bidders).toEqual(["Acme Ltd", "Beta Services"]);
  });

  it("on an Excel without worksheet events (min-api) the pane still reads the workbook, and watching sheets quietly does nothing", async () => {
    const { run } = await anEvaluationWorkbook([], anInsertedTender(), { profile: "min-api" });
    expect((await readWorkbookState(run)).evaluation).toBe("complete");
    // Resolves (with a watch, or undefined where events are missing) rather than throwing.
    const watch = await watchSheets(run, jest.fn());
    await watch?.stop();
  });

  it("a workbook without the evaluation holds none of it", async () => {
    const { run } = aFakeWorkbook();
    const state = await readWorkbookState(run);
    expect(state.evaluation).toBe("none");
    expect(state.bidders).toEqual([]);
    expect(state.settings.frameworkName).toBeUndefined();
  });

  it("an inserted evaluation reads back with its framework, settings, measures in scope and bidders", async () => {
    const { run } = await anEvaluationWorkbook([], anInsertedTender());
    const state = await readWorkbookState(run);
    expect(state.evaluation).toBe("complete");
    expect(state.problems).toEqual([]);
    expect(state.frameworkId).toBe(ILLUSTRATIVE.id);
    expect(state.settings).toMatchObject({
      contractName: "Highways maintenance",
      contractValue: 2_400_000,
      category: "works",
      durationMonths: 36,
      weighting: 0.15,
      maxPoints: 15,
      quantitativeShare: 0.6,
      method: "target",
      targetReturn: 0.2,
      target: 480_000,
      evaluators: ["Ann Lee", "Bo Chen"],
      frameworkName: ILLUSTRATIVE.name,
      outcomesInScope: ["jobs-local"],
      thresholdVerdict: "£2,400,000 is above the threshold.",
    });
    expect(state.measures).toEqual({ total: ILLUSTRATIVE_MEASURES.length, inScope: ILLUSTRATIVE_MEASURES.slice(0, 2).map((m) => m.ref) });
    expect(state.bidders).toEqual(["Acme Ltd", "Beta Services"]);
    expect(state.moderationOpen).toBe(false);
    expect(state.signed).toBeUndefined();
  });

  it("the playground's sample tender reads back as the illustrative framework and the sample contract", async () => {
    const { run } = aFakeWorkbook();
    await loadSampleTender(run);
    const state = await readWorkbookState(run);
    expect(state.evaluation).toBe("complete");
    expect([state.frameworkId, state.settings.contractName]).toEqual([ILLUSTRATIVE.id, "Sample: community support services (illustrative)"]);
    expect(state.bidders.length).toBeGreaterThanOrEqual(3);
  });

  it("a hand-edited SV Setup gives a message naming each cell it cannot read, and the rest still reads", async () => {
    const { fake, run } = await anEvaluationWorkbook([], anInsertedTender());
    const cellOf = (name: string): string => (fake.inspect.names().find((n) => n.name === name)?.formula ?? "").replace(/^=/, "").split("!")[1]?.replace(/\$/g, "") ?? "";
    fake.coauthor.now((co) => {
      co.type(`'SV Setup'!${cellOf(SETTING_NAMES.contractValue)}`, "about two million");
      co.type(`'SV Setup'!${cellOf(SETTING_NAMES.method)}`, "best bid wins");
    });
    const state = await readWorkbookState(run);
    expect(state.problems.map((p) => p.name)).toEqual([SETTING_NAMES.contractValue, SETTING_NAMES.method]);
    expect(state.problems[0]?.message).toContain(`'SV Setup'!${cellOf(SETTING_NAMES.contractValue)}`);
    expect(state.problems[0]?.message).toContain("about two million");
    expect(state.settings.contractValue).toBeUndefined();
    expect(state.settings.contractName).toBe("Highways maintenance");
    expect(state.frameworkId).toBe(ILLUSTRATIVE.id);
  });

  it("an older workbook without the VAT basis, start date and buyer rows reads without a problem", async () => {
    const { fake, run } = await anEvaluationWorkbook([], anInsertedTender());
    const newer = [SETTING_NAMES.vatBasis, SETTING_NAMES.procurementStart, SETTING_NAMES.buyer];
    await run(async (context) => {
      for (const name of newer) context.workbook.names.getItem(name).delete();
      await context.sync();
    });
    expect(fake.inspect.names().map((n) => n.name)).not.toContain(SETTING_NAMES.vatBasis);
    const state = await readWorkbookState(run);
    expect(state.problems).toEqual([]);
    expect(state.settings.vatBasis).toBeUndefined();
    expect(state.settings.contractValue).toBe(2_400_000);
  });

  it("costs the same few requests however many commitments there are", async () => {
    const small = await anEvaluationWorkbook([], anInsertedTender());
    await readWorkbookState(small.run);
    const rows = Array.from({ length: 600 }, (_, i) => [`Bidder ${i % 40}`, ILLUSTRATIVE_MEASURES[0]?.ref, "FTE", i % 7, ""]);
    const large = await anEvaluationWorkbook([], anInsertedTender());
    await typeCommitments(large.run, rows);
    large.fake.resetStats();
    await readWorkbookState(large.run);
    expect(large.fake.stats.requests).toBe(small.fake.stats.requests);
    expect(large.fake.stats.maxResponseBytes).toBeLessThan(small.fake.stats.maxResponseBytes * 1.5);
  });

  it("a partly inserted evaluation says which parts are missing", async () => {
    const { run } = aFakeWorkbook();
    const plan = buildEvaluationPlan(anInsertedTender());
    await insertPlan(run, { ...plan, sheets: plan.sheets.filter((s) => s.name === "SV Setup" || s.name === "SV Measures") });
    const state = await readWorkbookState(run);
    expect(state.evaluation).toBe("partial");
    expect(state.missing).toEqual(["SV_Commitments", "SV_Scores", "SV_Marks"]);
    expect(state.settings.contractName).toBe("Highways maintenance");
  });
});

describe("hearing that sheets came or went", () => {
  const heard = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

  it("calls back when a co-author inserts the evaluation while the pane is idle, and not after it stops", async () => {
    const { fake, run } = aFakeWorkbook();
    const changes = jest.fn();
    const watch = await watchSheets(run, changes);
    expect(watch).toBeDefined();
    fake.coauthor.now((co) => co.addSheet("SV Setup"));
    await heard();
    expect(changes).toHaveBeenCalledTimes(1);
    await watch?.stop();
    fake.coauthor.now((co) => co.addSheet("SV Measures"));
    await heard();
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it("calls back when the evaluation is inserted through the same Excel (the sample tender)", async () => {
    const { run } = aFakeWorkbook();
    const changes = jest.fn();
    const watch = await watchSheets(run, changes);
    await insertPlan(run, buildEvaluationPlan(aPlanInput()));
    await heard();
    expect(changes).toHaveBeenCalled();
    await watch?.stop();
  });

  it("answers undefined, without throwing, where Excel cannot deliver the events", async () => {
    const failing = (async () => {
      throw Object.assign(new Error("events are not available"), { code: "ApiNotFound" });
    }) as unknown as Parameters<typeof watchSheets>[0];
    await expect(watchSheets(failing, jest.fn())).resolves.toBeUndefined();
  });
});

