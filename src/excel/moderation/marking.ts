/**
 * Marking in the workbook: read the snapshot, let core decide (src/core/moderation/marking.ts),
 * apply its write plan. What the rules are, and why, is said there.
 */
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { orRefuse } from "../shared/refusal";
import { applyWritePlan } from "../shared/applyWritePlan";
import { readModerationSnapshot } from "./readSnapshot";
import { MARKING_READ, markingView, planOpenModeration, planPrepareMarking, planSaveMarks, PREPARE_READ, SAVE_READ, type MarkingView, type MarkInput } from "../../core";

export async function readMarking(run: ExcelRun, options: OperationOptions = {}): Promise<MarkingView> {
  return orRefuse(markingView(await readModerationSnapshot(run, MARKING_READ, options)));
}

/**
 * Adds the missing evaluator × bidder × criterion rows to SV_Marks and the missing bidder ×
 * criterion rows to SV_Consensus; rows that exist are never changed.
 */
export async function prepareMarking(run: ExcelRun, options: OperationOptions = {}, now: () => Date = () => new Date()): Promise<{ added: number }> {
  const wb = await readModerationSnapshot(run, PREPARE_READ, options);
  const { added, plan } = orRefuse(planPrepareMarking(wb, now().toISOString()));
  throwIfCancelled(options.signal);
  await applyWritePlan(run, plan);
  return { added };
}

/** Writes one evaluator's marks into that evaluator's own rows of SV_Marks. */
export async function saveMarks(run: ExcelRun, evaluator: string, inputs: readonly MarkInput[], options: OperationOptions = {}, now: () => Date = () => new Date()): Promise<{ saved: number }> {
  const wb = await readModerationSnapshot(run, SAVE_READ, options);
  const { saved, plan } = orRefuse(planSaveMarks(wb, evaluator, inputs, now().toISOString()));
  throwIfCancelled(options.signal);
  await applyWritePlan(run, plan);
  return { saved };
}

/** Opens moderation: every evaluator's marks become visible and consensus can be recorded. */
export async function openModeration(run: ExcelRun, now: () => Date = () => new Date()): Promise<void> {
  const wb = await readModerationSnapshot(run, { tables: {} });
  await applyWritePlan(run, orRefuse(planOpenModeration(wb, now().toISOString())));
}
