import { createContext, useContext, useEffect, type RefObject } from "react";
import type { StepId } from "./steps";

/**
 * Places inside a page that a message elsewhere in the pane can take the user to in one click:
 * which step's page holds it. A section marks its heading with `useSectionTarget`.
 */
export const SECTIONS = {
  /** Bids: Import a measure table (the council's own measures and licensed proxies). */
  measureTableImport: { step: "bids" },
} as const satisfies Readonly<Record<string, { readonly step: StepId }>>;

export type SectionId = keyof typeof SECTIONS;

export interface SectionRequest {
  readonly section: SectionId;
  /** Counts the requests, so asking for the same section again brings it into view again. */
  readonly seq: number;
}

export interface StepNavigation {
  /** Opens the page that holds `section` and brings the section into view, its heading focused. */
  readonly openSection: (section: SectionId) => void;
  /** The last section asked for. */
  readonly request: SectionRequest | undefined;
}

/** Given by EvaluationSteps; absent where a page is shown on its own (then there is nowhere to go). */
export const StepNavigationContext = createContext<StepNavigation | undefined>(undefined);

export function useStepNavigation(): StepNavigation | undefined {
  return useContext(StepNavigationContext);
}

/**
 * Brings the element into view and focuses it whenever its section is asked for, including
 * when the page is first loaded by that request (its chunk loads after the click). The element
 * needs tabIndex -1 to take focus; focus moves there so a keyboard or screen reader user lands
 * where a sighted user is taken.
 */
export function useSectionTarget(section: SectionId, target: RefObject<HTMLElement | null>): void {
  const request = useStepNavigation()?.request;
  useEffect(() => {
    if (request?.section !== section) return;
    const element = target.current;
    if (element === null) return;
    // jsdom has no scrollIntoView.
    element.scrollIntoView?.({ block: "start" });
    element.focus();
  }, [request, section, target]);
}
