/** What the Validate page may ask of the workbook: validate every commitment, clear the marks, go to a cell, record a clarification. */
import type { ExcelRun, OperationOptions } from "../shared/excelRun";
import { clearValidation, selectCell, validateWorkbook } from "./validateWorkbook";
import { recordClarification } from "./recordClarification";
import { measuresWithoutProxy, type ClarificationProblem, type ClarificationRequest, type Finding, type FindingCounts, type MissingProxy } from "../../core";

export interface ValidationView {
  findings: Finding[];
  counts: FindingCounts;
  rows: number;
  /** Rows of SV Measures the add-in could not read. */
  measureProblems: { row: number; message: string }[];
  /** Measures in scope with no proxy value (SV205), each once, with the commitments valued £0 for it. */
  missingProxies: MissingProxy[];
  /** Where each finding is, for "go to cell". */
  locate: (f: Finding) => { sheet: string; address: string };
  /** Rows of SV Clarifications whose outcome does not count yet, and why. */
  clarificationProblems: ClarificationProblem[];
}

export interface ValidateActions {
  validate(options?: OperationOptions): Promise<ValidationView>;
  clearValidation(): Promise<void>;
  goToCell(sheet: string, address: string): Promise<void>;
  /** Writes the panel's outcome for an implausible item on SV Clarifications (adding the sheet if missing). */
  recordClarification(request: ClarificationRequest): Promise<void>;
}

export function createValidateActions(run: ExcelRun): ValidateActions {
  return {
    validate: async (options) => {
      const v = await validateWorkbook(run, options);
      return {
        findings: v.result.findings,
        counts: v.result.counts,
        rows: v.data.commitments.length,
        measureProblems: v.data.measureProblems,
        missingProxies: measuresWithoutProxy(v.data.measures, v.result.commitments),
        locate: v.cellOf,
        clarificationProblems: v.clarificationProblems,
      };
    },
    recordClarification: (request) => recordClarification(run, request),
    clearValidation: () => clearValidation(run),
    goToCell: (sheet, address) => selectCell(run, sheet, address),
  };
}
