import { useCallback, useMemo, useRef, useState, type RefObject } from "react";
import type { OfficeHostInfo, SelfTestReport, WorkbookActions } from "../../excel/actions";
import { reportText } from "../../excel/selfTest/report";
import type { Notice } from "../Notice";
import type { TextClipboard } from "../report/useReportPage";
import { useOperation, type OperationState } from "../useOperation";

/** idle: the explanation and the Run button; confirm: the question about the sheet; done: the report. */
export type SelfTestStage = "idle" | "confirm" | "done";

export interface SelfTestPageState {
  readonly operation: OperationState;
  readonly stage: SelfTestStage;
  readonly report: SelfTestReport | undefined;
  /** The report as the user copies it. */
  readonly text: string;
  readonly notice: Notice | undefined;
  /** The report's text box, selected for the user to copy when the clipboard is out of reach. */
  readonly textRef: RefObject<HTMLTextAreaElement>;
  readonly onRun: () => void;
  readonly onConfirm: () => void;
  readonly onNotNow: () => void;
  readonly onCopy: () => void;
}

function browserClipboard(): TextClipboard | undefined {
  // Office on the web and older desktop hosts may not offer the async clipboard at all.
  return typeof navigator !== "undefined" && typeof navigator.clipboard?.writeText === "function" ? navigator.clipboard : undefined;
}

/** State of the Self-test page; the workbook is reached only through `actions`, Office only through `office`. */
export function useSelfTestPage(
  actions: Pick<WorkbookActions, "runSelfTest" | "describeError">,
  office: OfficeHostInfo | undefined,
  clipboard: () => TextClipboard | undefined = browserClipboard,
): SelfTestPageState {
  const describeError = useCallback((error: unknown) => actions.describeError(error), [actions]);
  const operation = useOperation(describeError);
  const [stage, setStage] = useState<SelfTestStage>("idle");
  const [report, setReport] = useState<SelfTestReport | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const text = useMemo(() => (report === undefined ? "" : reportText(report)), [report]);

  const run = async (): Promise<void> => {
    setNotice(undefined);
    // Outside Office (the playground) there is nothing to ask: the checks that need Office say so.
    const done = await operation.run("Running the self-test", (options) => actions.runSelfTest({ ...options, host: office ?? {} }));
    if (done === undefined) return;
    if (!done.ok) {
      setStage(report === undefined ? "idle" : "done");
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
      return;
    }
    setReport(done.value);
    setStage("done");
  };

  const copy = async (): Promise<void> => {
    const target = clipboard();
    let copied = false;
    if (target !== undefined) {
      try {
        await target.writeText(text);
        copied = true;
      } catch {
        // No permission (Excel on the web may refuse it): the text is selected instead, below.
      }
    }
    if (copied) {
      setNotice({ intent: "success", message: "The report is copied: paste it into your email to support." });
      return;
    }
    textRef.current?.focus();
    textRef.current?.select();
    setNotice({ intent: "info", message: "The add-in cannot reach the clipboard here. The report's text is selected: press Ctrl+C (Cmd+C on a Mac) to copy it." });
  };

  return {
    operation,
    stage,
    report,
    text,
    notice,
    textRef,
    onRun: () => {
      setNotice(undefined);
      setStage("confirm");
    },
    onConfirm: () => void run(),
    onNotNow: () => setStage(report === undefined ? "idle" : "done"),
    onCopy: () => void copy(),
  };
}
