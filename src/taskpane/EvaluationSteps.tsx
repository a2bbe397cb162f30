import { Tab, TabList } from "@fluentui/react-components";
import type { WorkbookActions } from "../excel/actions";
import { ScoresPage } from "./scores/ScoresPage";
import { SetupPage } from "./setup/SetupPage";
import { NotBuiltYet, StepPage } from "./StepPage";
import { ValidatePage } from "./validate/ValidatePage";
import { useEvaluationSteps, type EvaluationStep } from "./useEvaluationSteps";
import { useEvaluationStepsStyles } from "./EvaluationSteps.styles";

export interface EvaluationStepsProps {
  /** What the pages may ask of the workbook. */
  readonly actions: WorkbookActions;
}

/**
 * The steps of an evaluation as tabs, and their pages. TabList gives the keyboard behaviour:
 * arrow keys move focus between tabs, Enter or Space selects the focused one. Every page stays
 * mounted and only the selected one is shown, so a half-filled Set up form, a validation's
 * findings or an insert under way survive a look at another tab.
 */
export function EvaluationSteps({ actions }: EvaluationStepsProps) {
  const { steps, selectedStep, onTabSelect, tabId, panelId } = useEvaluationSteps();
  const styles = useEvaluationStepsStyles();
  return (
    <>
      <TabList aria-label="Evaluation steps" className={styles.tabs} size="small" selectedValue={selectedStep.id} onTabSelect={onTabSelect}>
        {steps.map((step) => (
          <Tab key={step.id} value={step.id} id={tabId(step.id)} aria-controls={panelId(step.id)}>
            {step.label}
          </Tab>
        ))}
      </TabList>
      {steps.map((step) => (
        <StepPage key={step.id} step={step} id={panelId(step.id)} tabId={tabId(step.id)} hidden={step.id !== selectedStep.id}>
          {pageOf(step, actions)}
        </StepPage>
      ))}
    </>
  );
}

function pageOf(step: EvaluationStep, actions: WorkbookActions) {
  switch (step.id) {
    case "setup":
      return <SetupPage actions={actions} />;
    case "validate":
      return <ValidatePage actions={actions} />;
    case "scores":
      return <ScoresPage actions={actions} />;
    default:
      return <NotBuiltYet willDo={step.willDo} />;
  }
}
