/**
 * What the task pane can ask of the workbook. The pane receives these actions as props
 * (STYLE.md 8: host actions are injected, never called directly), so component tests pass
 * fakes and the playground passes the same actions over the test Excel host.
 */
import { describeOfficeError } from "./shared/officeErrors";
import { buildEvaluationPlan, type PlanInput } from "./setup/evaluationPlan";
import type { ExcelRun, OperationOptions } from "./shared/excelRun";
import { readScores, type ScoresView } from "./scores/readScores";
import { previewMeasureUpdate, applyMeasureUpdate, type MeasureUpdatePreview } from "./setup/updateMeasures";
import { clearValidation, selectCell, validateWorkbook } from "./validate/validateWorkbook";
import { findConflicts, insertPlan, type Conflict, type WriteResult } from "./setup/writePlan";
import { createBidsActions, type BidsActions } from "./bids/bidsActions";
import { createModerationActions, type ModerationActions } from "./moderation/moderationActions";
import { createReportActions, type ReportActions } from "./report/reportActions";
import type { Finding, FindingCounts, MeasureEntry } from "../core";

export interface ValidationView {
  findings: Finding[];
  counts: FindingCounts;
  rows: number;
  /** Rows of SV Measures the add-in could not read. */
  measureProblems: { row: number; message: string }[];
  /** Where each finding is, for "go to cell". */
  locate: (f: Finding) => { sheet: string; address: string };
}

/** Everything the pane may ask: each step's actions live in a module of their own. */
export type WorkbookActions = EvaluationActions & BidsActions & ModerationActions & ReportActions;

/** Set up, Validate and Scores. */
export interface EvaluationActions {
  /** Sheets, tables and names of the evaluation that already exist (nothing is written). */
  findConflicts(input: PlanInput): Promise<Conflict[]>;
  /** Inserts the evaluation workbook; refuses (writing nothing) when any part exists. */
  insertEvaluation(input: PlanInput, options?: OperationOptions): Promise<WriteResult>;
  /** What updating SV Measures to this framework would keep, add and leave alone. */
  previewMeasureUpdate(measures: readonly MeasureEntry[]): Promise<MeasureUpdatePreview>;
  /** Applies a previewed update: evaluator edits (proxies, scope, max) are kept. */
  applyMeasureUpdate(preview: MeasureUpdatePreview, options?: OperationOptions): Promise<void>;
  validate(options?: OperationOptions): Promise<ValidationView>;
  clearValidation(): Promise<void>;
  goToCell(sheet: string, address: string): Promise<void>;
  readScores(options?: OperationOptions): Promise<ScoresView>;
  /** Turns anything an action threw into a sentence for the pane. */
  describeError(error: unknown): string;
}

/** A random id for SV_TenderId: unguessable enough that two tenders never share one. */
function newTenderId(): string {
  return `T-${globalThis.crypto.randomUUID()}`;
}

export function createWorkbookActions(run: ExcelRun): WorkbookActions {
  return {
    ...createBidsActions(run),
    ...createModerationActions(run),
    ...createReportActions(run),
    findConflicts: (input) => findConflicts(run, buildEvaluationPlan(input)),
    insertEvaluation: (input, options) => insertPlan(run, buildEvaluationPlan({ ...input, tenderId: input.tenderId ?? newTenderId() }), options),
    previewMeasureUpdate: (measures) => previewMeasureUpdate(run, measures),
    applyMeasureUpdate: (preview, options) => applyMeasureUpdate(run, preview, options),
    validate: async (options) => {
      const v = await validateWorkbook(run, options);
      return { findings: v.result.findings, counts: v.result.counts, rows: v.data.commitments.length, measureProblems: v.data.measureProblems, locate: v.cellOf };
    },
    clearValidation: () => clearValidation(run),
    goToCell: (sheet, address) => selectCell(run, sheet, address),
    readScores: (options) => readScores(run, options),
    describeError: describeOfficeError,
  };
}
