/**
 * What the task pane can ask of the workbook: one module of actions per evaluation step, each
 * in its step's folder. The pane receives these actions as props (STYLE.md 8: host actions are
 * injected, never called directly), so component tests pass fakes and the playground passes
 * the same actions over the test Excel host.
 */
import type { ExcelRun } from "./shared/excelRun";
import { describeOfficeError } from "./shared/officeErrors";
import { createSetupActions, type SetupActions } from "./setup/setupActions";
import { createBidsActions, type BidsActions } from "./bids/bidsActions";
import { createValidateActions, type ValidateActions } from "./validate/validateActions";
import { createScoresActions, type ScoresActions } from "./scores/scoresActions";
import { createModerationActions, type ModerationActions } from "./moderation/moderationActions";
import { createReportActions, type ReportActions } from "./report/reportActions";
import { createSelfTestActions, type SelfTestActions } from "./selfTest/selfTestActions";
import type { PortfolioActions } from "./portfolio/gatherPortfolio";
import { readWorkbookState, type WorkbookState } from "./setup/readWorkbookState";
import { watchSheets, type SheetWatch } from "./shared/workbookEvents";

export type { ValidationView } from "./validate/validateActions";
export type { WorkbookState } from "./setup/readWorkbookState";
export type { SheetWatch } from "./shared/workbookEvents";
export type { FileOutcome, PortfolioFile, PortfolioGathered } from "./portfolio/gatherPortfolio";
export type { CheckId, OfficeHostInfo, SelfTestCheck, SelfTestFacts, SelfTestOptions, SelfTestReport, Verdict } from "./selfTest/selfTestActions";

/** What every page may ask: what the workbook holds now, and word when its sheets change. */
export interface WorkbookStateActions {
  /** The evaluation as the workbook holds it (a few small requests). */
  readWorkbookState(): Promise<WorkbookState>;
  /** Calls `onChange` when sheets are added or deleted; undefined where Excel sends no such events. */
  watchSheets(onChange: () => void): Promise<SheetWatch | undefined>;
}

/** Everything the pane may ask. */
export type WorkbookActions = WorkbookStateActions & SetupActions & BidsActions & ValidateActions & ScoresActions & ModerationActions & ReportActions & SelfTestActions & PortfolioActions & {
  /** Turns anything an action threw into a sentence for the pane. */
  describeError(error: unknown): string;
};

/**
 * The portfolio's actions, loaded from their own chunk when first asked for: the council's
 * portfolio is gathered a few times a year, in a workbook of its own, so the planning, writing and
 * dashboard code (a third of this layer's size) does not ride along with every evaluation's
 * first action.
 */
function lazyPortfolioActions(run: ExcelRun): PortfolioActions {
  return {
    gatherPortfolio: async (files, acceptances, options) => {
      const { createPortfolioActions } = await import(/* webpackChunkName: "portfolio-actions" */ "./portfolio/gatherPortfolio");
      return createPortfolioActions(run).gatherPortfolio(files, acceptances, options);
    },
  };
}

export function createWorkbookActions(run: ExcelRun): WorkbookActions {
  return {
    readWorkbookState: () => readWorkbookState(run),
    watchSheets: (onChange) => watchSheets(run, onChange),
    ...createSetupActions(run),
    ...createBidsActions(run),
    ...createValidateActions(run),
    ...createScoresActions(run),
    ...createModerationActions(run),
    ...createReportActions(run),
    ...createSelfTestActions(run),
    ...lazyPortfolioActions(run),
    describeError: describeOfficeError,
  };
}
