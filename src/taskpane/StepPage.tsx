import { useRef, type ReactNode } from "react";
import { mergeClasses } from "@fluentui/react-components";
import type { Step } from "./steps";
import { useStepPageStyles } from "./StepPage.styles";
import { useRevealResults } from "./useRevealResults";

export interface StepPageProps {
  readonly step: Step;
  /** This page's DOM id, the target of its tab's aria-controls. */
  readonly id: string;
  /** The DOM id of the tab that names this page. */
  readonly tabId: string;
  /** Not the selected step: the page stays mounted (its form and any action under way survive a tab change) but is hidden. */
  readonly hidden: boolean;
  readonly children: ReactNode;
}

/** A step's tab panel: the step's name as its heading, then its page. */
export function StepPage({ step, id, tabId, hidden, children }: StepPageProps) {
  const styles = useStepPageStyles();
  const page = useRef<HTMLDivElement>(null);
  useRevealResults(page, hidden);
  return (
    // tabIndex 0: keyboard users reach the page's heading and text from the tabs (WAI-ARIA tabs pattern).
    <div
      ref={page}
      role="tabpanel"
      id={id}
      aria-labelledby={tabId}
      tabIndex={0}
      hidden={hidden}
      className={mergeClasses(styles.root, hidden && styles.hidden)}
    >
      <h2 className={styles.heading}>{step.label}</h2>
      {children}
    </div>
  );
}
