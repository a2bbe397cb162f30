import type { WorkbookActions } from "../../excel/actions";
import { useWorkbookState } from "../useWorkbookState";
import { EvaluationInWorkbook } from "./EvaluationInWorkbook";
import { FrameworkMeasures } from "./FrameworkMeasures";
import { InsertEvaluation } from "./InsertEvaluation";
import { SettingsChecks } from "./SettingsChecks";
import { TenderSettingsFields } from "./TenderSettingsFields";
import { useSetupPage } from "./useSetupPage";
import { useSetupPageStyles } from "./SetupPage.styles";

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
      <EvaluationInWorkbook workbook={workbook} />
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
