/**
 * What the Moderation page may ask of the workbook: marking, moderation, sign-off and Verify.
 * The interface is the contract between the pane and the Excel layer; the factory at the end
 * builds it over an ExcelRun. Refusals (nothing written) are thrown as `ModerationRefusal`
 * (moderationWorkbook.ts), whose message is meant for the pane as it is; recordConsensus
 * returns its refusals as issues instead, so the pane can show them beside the rationale.
 */
import type { ExcelRun, OperationOptions } from "../shared/excelRun";
import type { ModerationItem, ModerationSummary, RollUp } from "../../core";
import { openModeration, prepareMarking, readMarking, saveMarks } from "./marking";
import { readModeration, recordConsensus } from "./consensus";
import { reviewSignOff, signOff } from "./signOff";
import { verify } from "./verify";

export interface CriterionView {
  id: string;
  question: string;
  guidance?: string;
  weight: number;
}

export interface MarkRow {
  evaluator: string;
  bidder: string;
  criterion: string;
  /** null: not marked yet, or the cell holds text (see `typed`). */
  mark: number | null;
  /**
   * The Mark cell's text, when it holds text instead of a number ("4 ", "four"): Excel's
   * formulas leave such a mark out, so it counts as not given until retyped as a number.
   */
  typed?: string;
  comment: string;
  /** ISO time of the evaluator's last change, "" when never saved. */
  updated: string;
  /** Sheet row on SV Marks. */
  row: number;
}

/**
 * SV_RollUp no longer says what it said when marking started (the roll-up is fixed before
 * marking, issue #8). fixedAt: when marking started (ISO), when the workbook recorded it.
 */
export interface RollUpChange {
  fixed: RollUp;
  now: RollUp;
  fixedAt?: string;
}

export interface MarkingView {
  evaluators: string[];
  bidders: string[];
  criteria: CriterionView[];
  scaleMarks: number[];
  scaleLabel: string;
  rollUp: RollUp;
  moderationThreshold: number;
  blindMarking: boolean;
  moderationOpen: boolean;
  marks: MarkRow[];
  /** Bidders' written answers, to read while marking. */
  answers: { bidder: string; criterion: string; answer: string }[];
  /** Set when the record has been signed: marking is closed. */
  signedAt?: string;
  /** Set when SV_RollUp was changed after marking started: the pane warns, sign-off is blocked. */
  rollUpChanged?: RollUpChange;
}

export interface MarkInput {
  bidder: string;
  criterion: string;
  mark: number | null;
  comment: string;
}

/** Why a rationale cannot close an item (see core `checkRationale`). */
export interface RationaleIssueView {
  code: string;
  message: string;
  /** error: the item cannot close; warning: advice only (absent means error). */
  severity?: "error" | "warning";
}

export interface ModerationItemView extends ModerationItem {
  agreedBy: string;
  agreedAt: string;
  /** Problems with the recorded rationale; an item with any is not closed. */
  rationaleIssues: RationaleIssueView[];
  /** Sheet row on SV Moderation, when the item has one. */
  row?: number;
}

export interface ModerationView {
  items: ModerationItemView[];
  summary: ModerationSummary;
  bidders: string[];
  criteria: CriterionView[];
  evaluators: string[];
  /** The marks of the tender's scale (SV_Scale), lowest first: the consensus must be one of them. */
  scaleMarks: number[];
  rollUp: RollUp;
  moderationThreshold: number;
  /** SV_BlindMarking: evaluators do not see each other's marks until moderation opens. */
  blindMarking: boolean;
  moderationOpen: boolean;
  signedAt?: string;
  /** Blind marking and moderation not open: the items carry no marks (min, max, spread blank). */
  marksHidden?: boolean;
  /** Set when SV_RollUp was changed after marking started: the pane warns, sign-off is blocked. */
  rollUpChanged?: RollUpChange;
}

export interface ConsensusInput {
  bidder: string;
  criterion: string;
  mark: number;
  rationale: string;
  /** Who agreed: the panel members present. */
  agreedBy: string[];
}

/** warnings: advice about a rationale that was accepted (e.g. it uses none of the question's words). */
export type ConsensusResult = { ok: true; agreedAt: string; warnings?: RationaleIssueView[] } | { ok: false; issues: RationaleIssueView[] };

export interface OpenItem {
  /** e.g. "moderation", "marks", "validation", "scores", "rollUp". */
  kind: string;
  message: string;
  sheet?: string;
  address?: string;
}

export interface SignOffReview {
  open: OpenItem[];
  ready: boolean;
  alreadySigned?: { signedBy: string; signedAt: string; fingerprint: string };
}

export interface SignOffResult {
  fingerprint: string;
  signedBy: string;
  signedAt: string;
  /** Sheets whose formulas became values and which are now protected. */
  sheets: string[];
}

export interface RecordChange {
  sheet: string;
  /** A1 address of the cell, when the change is in one cell. */
  address?: string;
  /** A sentence an evaluator understands, e.g. "SV Marks row 7 (Alice, Acme Ltd, SV1): Mark was 3, now 4." */
  message: string;
  before?: unknown;
  after?: unknown;
}

export interface VerifyResult {
  status: "unsigned" | "intact" | "changed";
  signedBy?: string;
  signedAt?: string;
  fingerprint?: string;
  currentFingerprint?: string;
  changes: RecordChange[];
  /** Things worth knowing that are not changes to the record, e.g. a signed sheet no longer protected. */
  notes?: string[];
}

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
