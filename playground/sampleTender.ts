/**
 * "Load sample tender": in one click, an evaluation over the illustrative measure set (a £1.5m
 * supplies contract, 10% social value, relative scoring) inserted as the pane's Set up would,
 * then the sample bids — three bidders' commitments (one with a unit mistake) and answers. For demos and training; the
 * figures are illustrative and say so.
 */
import { frameworkThresholds, ILLUSTRATIVE, measureTableFromFramework, STANDARD_SCALES, tenderVerdict, type TenderSettings } from "../src/core";
import { buildEvaluationPlan } from "../src/excel/setup/evaluationPlan";
import type { ExcelRun } from "../src/excel/shared/excelRun";
import { insertPlan } from "../src/excel/setup/writePlan";
import { loadSampleBids, type SampleBidsLoaded } from "./sampleBids";

export const SAMPLE_SETTINGS: TenderSettings = {
  contractName: "Sample: community support services (illustrative)",
  contractValue: 1_500_000,
  vatBasis: "excluding",
  procurementStart: "2026-11-02",
  buyer: "sub-central",
  category: "supplies-services",
  weighting: 0.1,
  maxPoints: 10,
  quantitativeShare: 0.5,
  method: "relative",
  targetReturn: 0.25,
  scale: STANDARD_SCALES[0] as TenderSettings["scale"],
  evaluators: ["Evaluator A", "Evaluator B", "Evaluator C"],
  rollUp: "consensus",
  moderationThreshold: 2,
  frameworkId: ILLUSTRATIVE.id,
  measuresInScope: [],
  outcomesInScope: [],
  requireBothParts: false,
};

export async function loadSampleTender(run: ExcelRun): Promise<{ status: "loaded"; loaded: SampleBidsLoaded } | { status: "refused"; reason: string }> {
  const measures = measureTableFromFramework(ILLUSTRATIVE);
  const settings = { ...SAMPLE_SETTINGS, measuresInScope: measures.map((m) => m.ref), outcomesInScope: [...new Set(measures.map((m) => m.outcomeId))] };
  const verdict = tenderVerdict(settings, frameworkThresholds(ILLUSTRATIVE));
  const result = await insertPlan(
    run,
    buildEvaluationPlan({
      settings,
      frameworkName: ILLUSTRATIVE.name,
      measures,
      thresholdReason: verdict.reason,
      criteria: ILLUSTRATIVE.criteria,
      tenderId: `T-${globalThis.crypto.randomUUID()}`,
    }),
  );
  if (result.status === "refused") {
    return { status: "refused", reason: `This workbook already has ${result.conflicts.map((c) => c.name).join(", ")}: nothing was changed. Use "Load sample bids" to add bids to it.` };
  }
  return { status: "loaded", loaded: await loadSampleBids(run) };
}
