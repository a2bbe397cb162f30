/**
 * What the Bids page may ask of the workbook: the tender a response form is built for, and
 * importing returned forms and a council's measure table.
 */
import type { ExcelRun } from "./excelRun";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the forms work
export interface BidsActions {}

export function createBidsActions(run: ExcelRun): BidsActions {
  void run;
  return {};
}
