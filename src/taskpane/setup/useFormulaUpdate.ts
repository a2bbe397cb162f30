import { useCallback, useEffect, useRef, useState } from "react";
import type { FormulaStatus } from "../../core";
import type { WorkbookActions, WorkbookState } from "../../excel/actions";
import type { Notice } from "../Notice";

export interface FormulaUpdateState {
  /** What the last check found; undefined before it answers. */
  readonly status: FormulaStatus | undefined;
  readonly updating: boolean;
  /** The update's confirmation, or why the check or the update failed. */
  readonly notice: Notice | undefined;
  readonly update: () => void;
}

/**
 * Checks the workbook's formulas against this version's whenever the pane reads a new state of
 * the workbook (it opened, a page was shown, sheets came or went), and updates them on request.
 * Only the latest check may answer, so an older one finishing late cannot bring back a notice.
 */
export function useFormulaUpdate(actions: Pick<WorkbookActions, "checkFormulas" | "updateFormulas" | "describeError">, workbook: WorkbookState | undefined): FormulaUpdateState {
  const [status, setStatus] = useState<FormulaStatus | undefined>(undefined);
  const [updating, setUpdating] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const latest = useRef(0);
  const hasEvaluation = workbook !== undefined && workbook.evaluation !== "none";

  const check = useCallback(() => {
    const ticket = ++latest.current;
    actions.checkFormulas().then(
      (found) => {
        if (ticket === latest.current) setStatus(found);
      },
      (error: unknown) => {
        if (ticket === latest.current) setNotice({ intent: "error", message: `The formulas could not be checked: ${actions.describeError(error)}` });
      },
    );
  }, [actions]);

  useEffect(() => {
    if (hasEvaluation) check();
  }, [check, hasEvaluation, workbook?.stamp]);

  const update = useCallback(() => {
    setUpdating(true);
    setNotice(undefined);
    actions.updateFormulas().then(
      (done) => {
        setUpdating(false);
        setNotice({ intent: "success", message: done.summary });
        check();
      },
      (error: unknown) => {
        setUpdating(false);
        setNotice({ intent: "error", message: actions.describeError(error) });
      },
    );
  }, [actions, check]);

  return { status: hasEvaluation ? status : undefined, updating, notice, update };
}
