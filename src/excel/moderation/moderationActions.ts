/**
 * What the Moderation page may ask of the workbook: marking, moderation, sign-off and Verify.
 * The interface is the contract between the pane and the Excel layer; the factory at the end
 * builds it over an ExcelRun. Refusals (nothing written) are thrown as `ModerationRefusal`
 * (src/excel/shared/refusal.ts), whose message is meant for the pane as it is; recordConsensus
 * returns its refusals as issues instead, so the pane can show them beside the rationale.
 */
import type { ExcelRun, OperationOptions } from "../shared/excelRun";
import type {
  ConsensusInput,
  ConsensusResult,
  MarkInput,
  MarkingView,
  ModerationView,
  SignOffResult,
  SignOffReview,
  VerifyResult,
} from "../../core";
import { openModeration, prepareMarking, readMarking, saveMarks } from "./marking";
import { readModeration, recordConsensus } from "./consensus";
import { reviewSignOff, signOff } from "./signOff";
import { verify } from "./verify";

// The views and inputs are core's (src/core/moderation/views.ts); the pane takes them from here.
export type * from "../../core";

export interface ModerationActions {
  readMarking(options?: OperationOptions): Promise<MarkingView>;
  /** Adds the missing evaluator × bidder × criterion rows to SV Marks; never changes a row that exists. */
  prepareMarking(options?: OperationOptions): Promise<{ added: number }>;
  /** Writes one evaluator's marks into that evaluator's own rows only. */
  saveMarks(evaluator: string, marks: readonly MarkInput[], options?: OperationOptions): Promise<{ saved: number }>;
  /** Opens moderation: every evaluator's marks become visible and consensus can be recorded. */
  openModeration(): Promise<void>;
  readModeration(options?: OperationOptions): Promise<ModerationView>;
  /** Records a consensus mark and rationale; refuses (writing nothing) when the rationale has issues. */
  recordConsensus(input: ConsensusInput): Promise<ConsensusResult>;
  /** The final review: everything still open before the record can be signed. */
  reviewSignOff(options?: OperationOptions): Promise<SignOffReview>;
  /** Freezes the record: formulas to values, sheets protected, fingerprint stored. */
  signOff(signedBy: string, options?: OperationOptions): Promise<SignOffResult>;
  /** Compares the workbook with the record as signed. */
  verify(options?: OperationOptions): Promise<VerifyResult>;
}

export function createModerationActions(run: ExcelRun): ModerationActions {
  return {
    readMarking: (options) => readMarking(run, options),
    prepareMarking: (options) => prepareMarking(run, options),
    saveMarks: (evaluator, marks, options) => saveMarks(run, evaluator, marks, options),
    openModeration: () => openModeration(run),
    readModeration: (options) => readModeration(run, options),
    recordConsensus: (input) => recordConsensus(run, input),
    reviewSignOff: (options) => reviewSignOff(run, options),
    signOff: (signedBy, options) => signOff(run, signedBy, options),
    verify: (options) => verify(run, options),
  };
}
