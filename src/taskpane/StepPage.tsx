import type { Step } from "./steps";
import { useStepPageStyles } from "./StepPage.styles";

export interface StepPageProps {
  readonly step: Step;
  /** This page's DOM id, the target of its tab's aria-controls. */
  readonly id: string;
  /** The DOM id of the tab that names this page. */
  readonly tabId: string;
}

/** A step's page. No step is built yet, so each says so and what it will do. */
export function StepPage({ step, id, tabId }: StepPageProps) {
  const styles = useStepPageStyles();
  return (
    // tabIndex 0: the page has nothing focusable yet, and keyboard users must be able to reach its text (WAI-ARIA tabs pattern).
    <div role="tabpanel" id={id} aria-labelledby={tabId} tabIndex={0} className={styles.root}>
      <h2 className={styles.heading}>{step.label}</h2>
      <p className={styles.text}>This step is not built yet: it arrives in a coming release.</p>
      <p className={styles.text}>When it arrives, this step will let you {step.willDo}</p>
    </div>
  );
}
