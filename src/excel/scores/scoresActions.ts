/** What the Scores page may ask of the workbook: SV Scores read back, with each bid's figures. */
import type { ExcelRun, OperationOptions } from "../shared/excelRun";
import { readScores, type ScoresView } from "./readScores";

export interface ScoresActions {
  readScores(options?: OperationOptions): Promise<ScoresView>;
}

export function createScoresActions(run: ExcelRun): ScoresActions {
  return { readScores: (options) => readScores(run, options) };
}
