import { useCallback, useRef, useState } from "react";
import type { OperationOptions, Progress } from "../excel/shared/excelRun";

/** A workbook action under way, for the progress bar and its Cancel button. */
export interface RunningOperation {
  /** What is being done, e.g. "Inserting the evaluation sheets". */
  readonly label: string;
  /** The action's latest report; undefined until it sends one (the bar is then indeterminate). */
  readonly progress: Progress | undefined;
  /** The action takes a signal, so Cancel is offered. */
  readonly cancellable: boolean;
  /** Cancel was pressed; the action stops at its next safe point, or finishes if it is past it. */
  readonly cancelling: boolean;
}

export type OperationOutcome<T> =
  | { readonly ok: true; readonly value: T }
  /** `message` is the action's own description of the failure (describeError), never a raw error. */
  | { readonly ok: false; readonly message: string; readonly cancelled: boolean };

export interface OperationState {
  readonly running: RunningOperation | undefined;
  /**
   * Runs one action at a time: never rejects, so a page can `void` it without losing an error.
   * A second call while one is running is refused (the pages disable their buttons anyway).
   */
  run<T>(
    label: string,
    work: (options: OperationOptions) => Promise<T>,
    how?: { cancellable?: boolean },
  ): Promise<OperationOutcome<T> | undefined>;
  cancel(): void;
}

/**
 * The life of one workbook action: its progress, its AbortController, and its failure turned
 * into a sentence by the injected `describeError` (STYLE.md 4: only adapters translate errors).
 */
export function useOperation(describeError: (error: unknown) => string): OperationState {
  const [running, setRunning] = useState<RunningOperation | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);

  const run = useCallback(
    async <T>(
      label: string,
      work: (options: OperationOptions) => Promise<T>,
      how: { cancellable?: boolean } = {},
    ): Promise<OperationOutcome<T> | undefined> => {
      if (controller.current !== undefined) return undefined;
      const abort = new AbortController();
      controller.current = abort;
      const cancellable = how.cancellable ?? true;
      setRunning({ label, progress: undefined, cancellable, cancelling: false });
      const onProgress = (progress: Progress): void => setRunning((now) => (now === undefined ? now : { ...now, progress }));
      try {
        const value = await work(cancellable ? { signal: abort.signal, onProgress } : { onProgress });
        return { ok: true, value };
      } catch (error) {
        // The Excel layer throws its CancelledError once it sees the signal; the pane only imports
        // types from src/excel, so it asks its own signal rather than the error's class.
        return { ok: false, message: describeError(error), cancelled: abort.signal.aborted };
      } finally {
        controller.current = undefined;
        setRunning(undefined);
      }
    },
    [describeError],
  );

  const cancel = useCallback(() => {
    const abort = controller.current;
    if (abort === undefined || abort.signal.aborted) return;
    abort.abort();
    setRunning((now) => (now === undefined ? now : { ...now, cancelling: true }));
  }, []);

  return { running, run, cancel };
}
