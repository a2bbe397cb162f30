/**
 * What the Moderation page shows and sends: the views the decisions of this folder build from a
 * snapshot, and the inputs they take. The pane receives them through the Excel layer's
 * moderation actions (src/excel/moderation/moderationActions.ts).
 */
import type { RollUp } from "../setup/tenderTerms";
import type { ModerationItem, ModerationSummary } from "./moderation";
import type { RollUpChange } from "./panel";

export type { RollUpChange };

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

/**
 * One evaluator's mark and comment for a bidder × criterion. A part left out stays as SV Marks
 * holds it: the pane sends only what the evaluator changed, so a save never writes a mark (or a
 * blank) the evaluator did not touch. null is a mark cleared on purpose.
 */
export interface MarkInput {
  bidder: string;
  criterion: string;
  mark?: number | null;
  comment?: string;
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

/**
 * A consensus to record. A field left out stays as SV_Consensus holds it: the pane sends only
 * what the panel changed, so a co-author's entry made since the pane read it is not overwritten.
 */
export interface ConsensusInput {
  bidder: string;
  criterion: string;
  mark?: number;
  rationale?: string;
  /** Who agreed: the panel members present. */
  agreedBy?: string[];
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
  /**
   * What Verify, run straight after, finds changed since the record was read for signing: an
   * edit a co-author made while sign-off was writing. Empty when the record is intact.
   */
  changedDuringSignOff: RecordChange[];
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
