/**
 * The self-test: checks in this Excel what the test suite can only simulate (test/excelHost's
 * host profiles), and reports each as a verdict with a sentence for a support email.
 *
 * It writes nothing to the evaluation: the checks that must write do so on a scratch sheet
 * (scratchSheet.ts), added after the user agreed to it and deleted at the end whatever a check
 * did, and also when the run is cancelled. Each check runs in its own Excel.run, so one that fails (or one Excel refuses)
 * leaves the others and the clean-up unaffected, and becomes a "fail" verdict with Excel's own
 * message rather than stopping the test.
 */
import { ADDIN_VERSION } from "../../core";
import { CancelledError, throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { describeOfficeError } from "../shared/officeErrors";
import { RefusalError } from "../shared/refusal";
import { probeApostrophe } from "./apostropheInTextCell";
import { probeBlankCells } from "./blankCells";
import { probeCalculatedColumns } from "./calculatedColumns";
import type { OfficeHostInfo } from "./hostInfo";
import { probeLargeRequest } from "./largeRequest";
import type { CheckId, Finding, SelfTestCheck, SelfTestReport } from "./report";
import { checkRequirementSets } from "./requirementSets";
import { checkSharedRuntime, errorText, ribbonCheck } from "./runtimeChecks";
import { addScratchSheet, removeScratchSheet, type ScratchSheet } from "./scratchSheet";

export interface SelfTestOptions extends OperationOptions {
  /** What Office says about this Excel (the pane reads it at boot; tests give a profile's). */
  readonly host: OfficeHostInfo;
  /** Waited between reads while TENDER cells still show #BUSY!; half a second unless given. */
  readonly waitForCalculation?: () => Promise<void>;
  /** The clock, for the report's date. */
  readonly now?: () => Date;
}

interface WorkbookCheck {
  readonly id: CheckId;
  readonly title: string;
  /** Said in the progress bar while it runs. */
  readonly doing: string;
  probe(run: ExcelRun, scratch: ScratchSheet, options: SelfTestOptions): Promise<Finding>;
}

const halfASecond = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 500));

const WORKBOOK_CHECKS: readonly WorkbookCheck[] = [
  { id: "blank-cells", title: "Empty cells in TENDER functions", doing: "Checking how empty cells reach the TENDER functions", probe: (run, scratch, o) => probeBlankCells(run, scratch, o.waitForCalculation ?? halfASecond) },
  { id: "apostrophe", title: "Apostrophe in Text cells", doing: "Checking text written into Text cells", probe: (run, scratch) => probeApostrophe(run, scratch) },
  { id: "calculated-columns", title: "Formulas in new table rows", doing: "Checking formulas in new table rows", probe: (run, scratch) => probeCalculatedColumns(run, scratch) },
  { id: "large-request", title: "Large requests", doing: "Sending one large request", probe: (run, scratch) => probeLargeRequest(run, scratch) },
];

/** Fractions of the progress bar: the checks, then the clean-up. */
const STEPS = WORKBOOK_CHECKS.length + 2;

export async function runSelfTest(run: ExcelRun, options: SelfTestOptions): Promise<SelfTestReport> {
  const { host, signal, onProgress } = options;
  const progress = (step: number, message: string): void => onProgress?.({ fraction: step / STEPS, message });
  const ranAt = (options.now ?? (() => new Date()))().toISOString();

  progress(0, "Asking Office about this Excel");
  const sets = checkRequirementSets(host);
  const checks: SelfTestCheck[] = [sets.check, await checkSharedRuntime(host), ribbonCheck()];

  throwIfCancelled(signal);
  progress(1, "Adding the self-test sheet");
  // Refusals (a signed record, someone else's sheet of that name) reach the pane as they are.
  const scratch = await addScratchSheet(run);
  try {
    for (const [i, check] of WORKBOOK_CHECKS.entries()) {
      throwIfCancelled(signal);
      progress(2 + i, check.doing);
      checks.push({ id: check.id, title: check.title, ...(await findingOf(() => check.probe(run, scratch, options))) });
    }
  } catch (error) {
    // A check's own failure is its verdict (findingOf), so what arrives here is a cancel or the
    // pane's own error. The sheet goes all the same, and if it cannot, the user must hear of it.
    const removal = await removeScratchSheet(run, scratch);
    if (removal.verdict === "fail") throw new RefusalError(`${error instanceof CancelledError ? "Cancelled." : describeOfficeError(error)} ${removal.detail}`);
    throw error;
  }
  progress(STEPS - 1, "Deleting the self-test sheet");
  checks.push(await removeScratchSheet(run, scratch));
  progress(STEPS, "Done");

  return {
    facts: {
      addInVersion: ADDIN_VERSION,
      host: host.diagnostics?.host,
      platform: host.diagnostics?.platform,
      officeVersion: host.diagnostics?.version,
      language: host.displayLanguage,
      requirementSets: sets.found,
      calculationMode: scratch.calculationMode,
      ranAt,
    },
    checks,
  };
}

/** A check's finding, or "fail" with Excel's message when it could not run to its end. */
async function findingOf(probe: () => Promise<Finding>): Promise<Finding> {
  try {
    return await probe();
  } catch (error) {
    return { verdict: "fail", detail: `The check could not run to its end: ${errorText(error)}. Send this report.` };
  }
}
