import { useEffect, useRef, useState } from "react";
import { useWorkbookState } from "../useWorkbookState";

/**
 * Reads a section's view again each time its page is shown again: a co-author may have changed
 * SV Marks or SV Moderation meanwhile in ways the workbook's summary does not tell (a mark or a
 * rationale changed, not added). `reread` answers whether it ran: the page's sections share one
 * operation, so a section whose read was refused because another's was running reads once that
 * one is done.
 */
export function useRereadOnShow(step: string, busy: boolean, reread: () => Promise<boolean>): void {
  const { shownStep } = useWorkbookState();
  const before = useRef(shownStep);
  const [due, setDue] = useState(false);
  const rereadRef = useRef(reread);
  rereadRef.current = reread;
  useEffect(() => {
    const was = before.current;
    before.current = shownStep;
    if (shownStep === step && was !== undefined && was !== step) setDue(true);
  }, [shownStep, step]);
  useEffect(() => {
    if (!due || busy) return;
    setDue(false);
    void rereadRef.current().then((ran) => {
      if (!ran) setDue(true);
    });
  }, [due, busy]);
}
