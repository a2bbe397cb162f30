/**
 * What the Set up page may ask of the workbook: insert the evaluation sheets (refusing any that
 * exist), and bring SV Measures up to a framework while keeping the evaluators' edits.
 */
import type { ExcelRun, OperationOptions } from "../shared/excelRun";
import { buildEvaluationPlan, type PlanInput } from "./evaluationPlan";
import { findConflicts, insertPlan, type Conflict, type WriteResult } from "./writePlan";
import { applyMeasureUpdate, previewMeasureUpdate, type MeasureUpdatePreview } from "./updateMeasures";
import { checkFormulas, updateFormulas, type FormulasUpdated } from "./updateFormulas";
import type { FormulaStatus, MeasureEntry } from "../../core";

export interface SetupActions {
  /** Sheets, tables and names of the evaluation that already exist (nothing is written). */
  findConflicts(input: PlanInput): Promise<Conflict[]>;
  /** Inserts the evaluation workbook; refuses (writing nothing) when any part exists. */
  insertEvaluation(input: PlanInput, options?: OperationOptions): Promise<WriteResult>;
  /** What updating SV Measures to this framework would keep, add and leave alone. */
  previewMeasureUpdate(measures: readonly MeasureEntry[]): Promise<MeasureUpdatePreview>;
  /** Applies a previewed update: evaluator edits (proxies, scope, max) are kept. */
  applyMeasureUpdate(preview: MeasureUpdatePreview, options?: OperationOptions): Promise<void>;
  /** Which calculated columns hold an earlier version's formula, and what the new formulas name that is missing. */
  checkFormulas(): Promise<FormulaStatus>;
  /** Brings them up to date (refused once the record is signed); nothing typed changes. */
  updateFormulas(options?: OperationOptions): Promise<FormulasUpdated>;
}

/** A random id for SV_TenderId: unguessable enough that two tenders never share one. */
function newTenderId(): string {
  return `T-${globalThis.crypto.randomUUID()}`;
}

export function createSetupActions(run: ExcelRun): SetupActions {
  return {
    findConflicts: (input) => findConflicts(run, buildEvaluationPlan(input)),
    insertEvaluation: (input, options) => insertPlan(run, buildEvaluationPlan({ ...input, tenderId: input.tenderId ?? newTenderId() }), options),
    previewMeasureUpdate: (measures) => previewMeasureUpdate(run, measures),
    applyMeasureUpdate: (preview, options) => applyMeasureUpdate(run, preview, options),
    checkFormulas: () => checkFormulas(run),
    updateFormulas: (options) => updateFormulas(run, options),
  };
}
