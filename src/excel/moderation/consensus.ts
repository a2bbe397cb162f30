/**
 * Moderation in the workbook: the items with their marks side by side, and the consensus the
 * panel records. Read the snapshot, let core decide (src/core/moderation/consensus.ts), apply
 * its write plan.
 */
import type { ExcelRun, OperationOptions } from "../shared/excelRun";
import { orRefuse } from "../shared/refusal";
import { applyWritePlan } from "../shared/applyWritePlan";
import { readModerationSnapshot } from "./readSnapshot";
import { MODERATION_READ, moderationView, planConsensus, type ConsensusInput, type ConsensusResult, type ModerationView } from "../../core";

export async function readModeration(run: ExcelRun, options: OperationOptions = {}): Promise<ModerationView> {
  return orRefuse(moderationView(await readModerationSnapshot(run, MODERATION_READ, options)));
}

/**
 * Records the panel's consensus for one bidder × criterion. With any error in the rationale
 * nothing is written and the result carries the issues; warnings come back with the result.
 */
export async function recordConsensus(run: ExcelRun, input: ConsensusInput, now: () => Date = () => new Date()): Promise<ConsensusResult> {
  const wb = await readModerationSnapshot(run, MODERATION_READ);
  const { result, plan } = orRefuse(planConsensus(wb, input, now().toISOString()));
  if (result.ok) await applyWritePlan(run, plan);
  return result;
}
