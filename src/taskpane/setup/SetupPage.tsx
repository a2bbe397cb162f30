import { lazy, Suspense } from "react";
import type { WorkbookActions } from "../../excel/actions";
import { useWorkbookState } from "../useWorkbookState";
import { FrameworkMeasures } from "./FrameworkMeasures";
import { InsertEvaluation } from "./InsertEvaluation";
import { SettingsChecks } from "./SettingsChecks";
import { TenderSettingsFields } from "./TenderSettingsFields";
import { useSetupPage } from "./useSetupPage";
import { useSetupPageStyles } from "./SetupPage.styles";

/**
 * Shown only on a workbook that already holds an evaluation, so it loads in its own chunk and the
 * page is interactive first; until it arrives the form below is already filled from the sheet.
 */
const EvaluationInWorkbook = lazy(() => import(/* webpackChunkName: "workbook-evaluation" */ "./EvaluationInWorkbook").then((m) => ({ default: m.EvaluationInWorkbook })));
/** Only on a workbook that holds an evaluation too, so it shares that chunk. */
const OlderFormulasNotice = lazy(() => import(/* webpackChunkName: "workbook-evaluation" */ "./OlderFormulasNotice").then((m) => ({ default: m.OlderFormulasNotice })));

export interface SetupPageProps {
  readonly actions: WorkbookActions;
}

/**
 * Set up: the framework and measures in scope, the tender's settings with their live checks,
 * then inserting the evaluation sheets. The page's heading (h2) is the tab panel's.
 */
export function SetupPage({ actions }: SetupPageProps) {
  const workbook = useWorkbookState().state;
  const state = useSetupPage(actions, workbook);
  const styles = useSetupPageStyles();
  return (
    <div className={styles.page}>
      {workbook !== undefined && workbook.evaluation !== "none" && (
        <Suspense fallback={null}>
          <OlderFormulasNotice actions={actions} workbook={workbook} />
          <EvaluationInWorkbook workbook={workbook} />
        </Suspense>
      )}
      {/* Only what the picker uses, so typing in a settings field does not redraw the measure tree. */}
      <FrameworkMeasures
        frameworks={state.frameworks}
        framework={state.framework}
        onFrameworkChange={state.onFrameworkChange}
        isMeasureSelected={state.isMeasureSelected}
        onMeasureToggle={state.onMeasureToggle}
        outcomeSelection={state.outcomeSelection}
        onOutcomeToggle={state.onOutcomeToggle}
        measuresInScope={state.measuresInScope}
        outcomesInScope={state.outcomesInScope}
        measureCount={state.measureCount}
      />
      <TenderSettingsFields {...state} />
      <SettingsChecks {...state} />
      <InsertEvaluation {...state} />
    </div>
  );
}
