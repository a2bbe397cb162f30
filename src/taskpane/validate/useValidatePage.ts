import { useCallback, useMemo, useState } from "react";
import type { ValidationView, WorkbookActions } from "../../excel/actions";
import type { Finding, Severity } from "../../core";
import { useOperation, type OperationState } from "../useOperation";
import { implausibleItems, useClarificationForm, type ClarificationFormState, type ImplausibleItem } from "./useClarificationForm";

/** Worst first: the order the groups are shown in. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * Findings shown per group before "Show more": enough to work through at a sitting, few enough
 * that a 100,000-row table with thousands of findings does not stall the pane.
 */
export const PAGE_SIZE = 200;

export interface FindingGroup {
  readonly severity: Severity;
  readonly findings: readonly Finding[];
  /** How many of them are shown. */
  readonly shown: number;
}

export interface Notice {
  readonly intent: "error" | "info" | "success";
  readonly message: string;
}

export interface ValidatePageState {
  readonly operation: OperationState;
  readonly view: ValidationView | undefined;
  readonly groups: readonly FindingGroup[];
  /** The last failure or confirmation, for the page's message bar. */
  readonly notice: Notice | undefined;
  readonly onValidate: () => void;
  readonly onClear: () => void;
  readonly onGoTo: (finding: Finding) => void;
  readonly onShowMore: (severity: Severity) => void;
  /** Implausible commitments and bid totals awaiting the panel's outcome, and the form that records one. */
  readonly implausible: readonly ImplausibleItem[];
  readonly clarification: ClarificationFormState;
}

/** State of the Validate page; the workbook is reached only through `actions`. */
export function useValidatePage(actions: WorkbookActions): ValidatePageState {
  const [view, setView] = useState<ValidationView | undefined>(undefined);
  const [shown, setShown] = useState<Readonly<Record<Severity, number>>>({ error: PAGE_SIZE, warning: PAGE_SIZE, info: PAGE_SIZE });
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const describeError = useCallback((error: unknown) => actions.describeError(error), [actions]);
  const operation = useOperation(describeError);

  const groups = useMemo(() => {
    const findings = view?.findings ?? [];
    return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity), shown: shown[severity] }));
  }, [view, shown]);

  const implausible = useMemo(() => implausibleItems(view?.findings ?? []), [view]);

  const validate = async (after?: Notice): Promise<void> => {
    setNotice(after);
    const done = await operation.run("Validating the commitments", (options) => actions.validate(options));
    if (done === undefined) return;
    if (!done.ok) {
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
      return;
    }
    setView(done.value);
    setShown({ error: PAGE_SIZE, warning: PAGE_SIZE, info: PAGE_SIZE });
  };

  // Once an outcome is recorded the page validates again, so the item shows as clarified.
  const clarification = useClarificationForm(actions, (message) => void validate({ intent: "success", message }));

  const clear = async (): Promise<void> => {
    setNotice(undefined);
    const done = await operation.run("Clearing the marks", () => actions.clearValidation(), { cancellable: false });
    if (done === undefined) return;
    setNotice(
      done.ok
        ? {
            intent: "success",
            message: "The Status column and the cell fills are cleared from SV Commitments. The list here stays until you validate again.",
          }
        : { intent: "error", message: done.message },
    );
  };

  const goTo = async (finding: Finding): Promise<void> => {
    if (view === undefined) return;
    const { sheet, address } = view.locate(finding);
    try {
      await actions.goToCell(sheet, address);
    } catch (error) {
      setNotice({ intent: "error", message: describeError(error) });
    }
  };

  const onShowMore = useCallback((severity: Severity) => {
    setShown((now) => ({ ...now, [severity]: now[severity] + PAGE_SIZE }));
  }, []);

  return {
    operation,
    view,
    groups,
    notice,
    onValidate: () => void validate(),
    onClear: () => void clear(),
    onGoTo: (finding) => void goTo(finding),
    onShowMore,
    implausible,
    clarification,
  };
}
