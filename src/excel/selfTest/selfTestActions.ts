/** What the Self-test page may ask of the workbook: one run of the self-test. */
import type { ExcelRun } from "../shared/excelRun";
import type { SelfTestReport } from "./report";
import { runSelfTest, type SelfTestOptions } from "./runSelfTest";

export type { SelfTestOptions } from "./runSelfTest";
export type { OfficeHostInfo } from "./hostInfo";
export type { CheckId, SelfTestCheck, SelfTestFacts, SelfTestReport, Verdict } from "./report";

export interface SelfTestActions {
  /**
   * Runs the checks; those that write do so on a sheet added for the purpose and deleted at the
   * end. Refuses (writing nothing) when the record is signed or a sheet of that name is not its own.
   */
  runSelfTest(options: SelfTestOptions): Promise<SelfTestReport>;
}

export function createSelfTestActions(run: ExcelRun): SelfTestActions {
  return { runSelfTest: (options) => runSelfTest(run, options) };
}
