import { lazy, useEffect, useMemo } from "react";
import { Tab, TabList } from "@fluentui/react-components";
import type { WorkbookActions } from "../excel/actions";
import { LazyPage } from "./LazyPage";
import { SetupPage } from "./setup/SetupPage";
import { StepNavigationContext, type StepNavigation } from "./stepNavigation";
import { StepPage } from "./StepPage";
import { useWorkbookStateSource, WorkbookStateContext } from "./useWorkbookState";
import { useEvaluationSteps, type EvaluationStep } from "./useEvaluationSteps";
import { useEvaluationStepsStyles } from "./EvaluationSteps.styles";

// Only Set up shows first, so the other working pages (and the Fluent components and core code
// only they use) load from their own chunks when their tab is first selected: the page loads
// less before it is interactive (bench: bundle/taskpane-page-initial-gzip).
const ValidatePage = lazy(() => import(/* webpackChunkName: "validate-page" */ "./validate/ValidatePage").then((m) => ({ default: m.ValidatePage })));
const BidsPage = lazy(() => import(/* webpackChunkName: "bids-page" */ "./bids/BidsPage").then((m) => ({ default: m.BidsPage })));
const ScoresPage = lazy(() => import(/* webpackChunkName: "scores-page" */ "./scores/ScoresPage").then((m) => ({ default: m.ScoresPage })));
const ModerationPage = lazy(() =>
  import(/* webpackChunkName: "moderation-page" */ "./moderation/ModerationPage").then((m) => ({ default: m.ModerationPage })),
);
const ReportPage = lazy(() => import(/* webpackChunkName: "report-page" */ "./report/ReportPage").then((m) => ({ default: m.ReportPage })));

export interface EvaluationStepsProps {
  /** What the pages may ask of the workbook. */
  readonly actions: WorkbookActions;
}

/**
 * The steps of an evaluation as tabs, and their pages. TabList gives the keyboard behaviour:
 * arrow keys move focus between tabs, Enter or Space selects the focused one. A page is mounted
 * when its tab is first selected and then stays mounted, only the selected one shown, so a
 * half-filled Set up form, a validation's findings or an insert under way survive a look at
 * another tab, and a page not yet visited costs nothing at start.
 */
export function EvaluationSteps({ actions }: EvaluationStepsProps) {
  const { steps, selectedStep, visited, onTabSelect, tabId, panelId, openSection, sectionRequest } = useEvaluationSteps();
  const styles = useEvaluationStepsStyles();
  const navigation = useMemo<StepNavigation>(() => ({ openSection, request: sectionRequest }), [openSection, sectionRequest]);
  const workbook = useWorkbookStateSource(actions, selectedStep.id);
  // A different tender (or the evaluation appearing or going) starts every page but Set up
  // afresh: nothing a page showed of the workbook before stays on screen. Set up keeps its
  // page, whose insert just made the tender, and fills its form from the workbook itself.
  const tender = workbook.state === undefined ? "" : `${workbook.state.evaluation}:${workbook.state.settings.tenderId ?? ""}`;
  const { refresh } = workbook;
  // Each page shows what the workbook holds now: read it when the pane opens and whenever a
  // page is shown, whatever a co-author or another add-in did meanwhile.
  useEffect(() => refresh(), [selectedStep.id, refresh]);
  return (
    <StepNavigationContext.Provider value={navigation}>
      <WorkbookStateContext.Provider value={workbook}>
        <TabList aria-label="Evaluation steps" className={styles.tabs} size="small" selectedValue={selectedStep.id} onTabSelect={onTabSelect}>
          {steps.map((step) => (
            <Tab key={step.id} value={step.id} id={tabId(step.id)} aria-controls={panelId(step.id)}>
              {step.label}
            </Tab>
          ))}
        </TabList>
        {steps.map((step) => (
          <StepPage key={step.id === "setup" ? step.id : `${step.id}:${tender}`} step={step} id={panelId(step.id)} tabId={tabId(step.id)} hidden={step.id !== selectedStep.id}>
            {visited.has(step.id) && pageOf(step, actions)}
          </StepPage>
        ))}
      </WorkbookStateContext.Provider>
    </StepNavigationContext.Provider>
  );
}

function pageOf(step: EvaluationStep, actions: WorkbookActions) {
  switch (step.id) {
    case "setup":
      return <SetupPage actions={actions} />;
    case "bids":
      return (
        <LazyPage>
          <BidsPage actions={actions} />
        </LazyPage>
      );
    case "validate":
      return (
        <LazyPage>
          <ValidatePage actions={actions} />
        </LazyPage>
      );
    case "scores":
      return (
        <LazyPage>
          <ScoresPage actions={actions} />
        </LazyPage>
      );
    case "moderation":
      return (
        <LazyPage>
          <ModerationPage actions={actions} />
        </LazyPage>
      );
    case "report":
      return (
        <LazyPage>
          <ReportPage actions={actions} />
        </LazyPage>
      );
  }
}
