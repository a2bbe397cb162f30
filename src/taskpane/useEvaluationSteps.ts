import { useCallback, useState } from "react";
import { useId, type SelectTabData, type SelectTabEvent } from "@fluentui/react-components";
import { isStepId, STEPS, stepById, type StepId } from "./steps";
import { SECTIONS, type SectionId, type SectionRequest } from "./stepNavigation";

/** One entry of STEPS, typed as such so a switch on its id narrows it. */
export type EvaluationStep = (typeof STEPS)[number];

export interface EvaluationStepsState {
  readonly steps: readonly EvaluationStep[];
  readonly selectedStep: EvaluationStep;
  /** The steps selected at least once: their pages are mounted, and stay so. */
  readonly visited: ReadonlySet<StepId>;
  readonly onTabSelect: (event: SelectTabEvent, data: SelectTabData) => void;
  /** DOM ids tie each tab to its page (aria-controls / aria-labelledby), unique per pane instance. */
  readonly tabId: (id: string) => string;
  readonly panelId: (id: string) => string;
  /** Opens the step that holds a section and asks the section to come into view (a message's one-click path). */
  readonly openSection: (section: SectionId) => void;
  readonly sectionRequest: SectionRequest | undefined;
}

export function useEvaluationSteps(initialStep: StepId = "setup"): EvaluationStepsState {
  const [selectedId, setSelectedId] = useState<StepId>(initialStep);
  const [visited, setVisited] = useState<ReadonlySet<StepId>>(() => new Set([initialStep]));
  const idPrefix = useId("evaluation-step-");

  const [sectionRequest, setSectionRequest] = useState<SectionRequest | undefined>(undefined);

  const select = useCallback((id: StepId) => {
    setSelectedId(id);
    setVisited((seen) => (seen.has(id) ? seen : new Set([...seen, id])));
  }, []);

  const onTabSelect = useCallback(
    (_event: SelectTabEvent, data: SelectTabData) => {
      // Every Tab's value is a step id; the guard only narrows TabList's `unknown` value.
      if (isStepId(data.value)) select(data.value);
    },
    [select],
  );

  const openSection = useCallback(
    (section: SectionId) => {
      select(SECTIONS[section].step);
      setSectionRequest((last) => ({ section, seq: (last?.seq ?? 0) + 1 }));
    },
    [select],
  );

  return {
    steps: STEPS,
    selectedStep: stepById(selectedId),
    visited,
    onTabSelect,
    tabId: (id) => `${idPrefix}tab-${id}`,
    panelId: (id) => `${idPrefix}panel-${id}`,
    openSection,
    sectionRequest,
  };
}
