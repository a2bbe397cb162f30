import { Tab, TabList } from "@fluentui/react-components";
import { StepPage } from "./StepPage";
import { useEvaluationSteps } from "./useEvaluationSteps";
import { useEvaluationStepsStyles } from "./EvaluationSteps.styles";

/**
 * The steps of an evaluation as tabs, and the selected step's page. TabList gives the keyboard
 * behaviour: arrow keys move focus between tabs, Enter or Space selects the focused one.
 */
export function EvaluationSteps() {
  const { steps, selectedStep, onTabSelect, tabId, panelId } = useEvaluationSteps();
  const styles = useEvaluationStepsStyles();
  return (
    <>
      <TabList
        aria-label="Evaluation steps"
        className={styles.tabs}
        size="small"
        selectedValue={selectedStep.id}
        onTabSelect={onTabSelect}
      >
        {steps.map((step) => (
          <Tab
            key={step.id}
            value={step.id}
            id={tabId(step.id)}
            // Only the selected step's page is in the DOM, so only its tab may point at it.
            aria-controls={step.id === selectedStep.id ? panelId(step.id) : undefined}
          >
            {step.label}
          </Tab>
        ))}
      </TabList>
      <StepPage step={selectedStep} id={panelId(selectedStep.id)} tabId={tabId(selectedStep.id)} />
    </>
  );
}
