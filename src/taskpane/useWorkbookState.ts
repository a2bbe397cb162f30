import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { WorkbookActions, WorkbookState } from "../excel/actions";

/**
 * The workbook is the pane's memory (DESIGN.md, "The workbook is the source of truth"): what
 * the evaluation holds is read from the sheets, never kept from an earlier look. It is read
 * when the pane opens, each time a page is shown, when the pane gets the focus back (the user
 * was working in the sheet), and when Excel says sheets were added or deleted (a co-author
 * inserting the evaluation, the playground's sample tender). Excel does not send events in
 * every host, so the reads on show and focus are what make each page right; the events only
 * make it sooner.
 */
export interface WorkbookStateView {
  /** The step whose page is shown, so a page reads again only while it is seen. */
  readonly shownStep: string | undefined;
  /** undefined until the first read has answered. */
  readonly state: WorkbookState | undefined;
  /** Why the last read failed, in plain words; undefined when it succeeded. */
  readonly failure: string | undefined;
  /** Reads again (a page was shown, the user asked). */
  readonly refresh: () => void;
}

const NOTHING_READ: WorkbookStateView = { shownStep: undefined, state: undefined, failure: undefined, refresh: () => undefined };

export const WorkbookStateContext = createContext<WorkbookStateView>(NOTHING_READ);

/** What the workbook holds, as the pane last read it: for the pages. */
export function useWorkbookState(): WorkbookStateView {
  return useContext(WorkbookStateContext);
}

/**
 * Sheets arrive one request at a time when someone inserts the evaluation: one read after the
 * last event of a burst sees the whole of it, not the first sheet alone.
 */
const SETTLE_MS = 400;

/** Reads and re-reads the workbook's state: for EvaluationSteps, which shares it with the pages. */
export function useWorkbookStateSource(actions: WorkbookActions, shownStep: string): WorkbookStateView {
  const [state, setState] = useState<WorkbookState | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  // Only the latest read may answer: an older one finishing late must not bring back what was.
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const ticket = ++latest.current;
    actions.readWorkbookState().then(
      (read) => {
        if (ticket !== latest.current) return;
        setFailure(undefined);
        // Same stamp, same object: pages that compare it do not redraw for nothing.
        setState((now) => (now !== undefined && now.stamp === read.stamp ? now : read));
      },
      (error: unknown) => {
        if (ticket === latest.current) setFailure(actions.describeError(error));
      },
    );
  }, [actions]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(refresh, SETTLE_MS);
    };
    let stopped = false;
    let stop: (() => Promise<void>) | undefined;
    actions.watchSheets(soon).then(
      (watch) => {
        if (watch === undefined) return;
        if (stopped) void watch.stop();
        else stop = () => watch.stop();
      },
      () => undefined, // No events here: the reads on show and focus keep the pane right.
    );
    const onFocus = (): void => refresh();
    const onVisible = (): void => {
      if (document.visibilityState === "visible") refresh();
    };
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onVisible);
      void stop?.();
    };
  }, [actions, refresh]);

  return useMemo(() => ({ shownStep, state, failure, refresh }), [shownStep, state, failure, refresh]);
}

/**
 * For a page that shows a view read from the workbook (scores, the marking sheet): reads it
 * again when the workbook has changed since, once the page is shown and idle, so what it shows
 * is never an earlier state. `canReread` false holds it (unsaved typing the read would replace).
 * Returns the function to call after each successful read.
 */
export function useRereadWhenWorkbookChanges(step: string, hasView: boolean, busy: boolean, reread: () => void, canReread = true): () => void {
  const { state, shownStep } = useWorkbookState();
  const readAt = useRef<string | undefined>(undefined);
  const stamp = state?.stamp;
  const current = useRef(stamp);
  current.current = stamp;
  const rereadRef = useRef(reread);
  rereadRef.current = reread;
  useEffect(() => {
    if (!hasView || busy || !canReread || shownStep !== step) return;
    if (stamp === undefined || readAt.current === undefined || readAt.current === stamp) return;
    readAt.current = stamp;
    rereadRef.current();
  }, [step, hasView, busy, canReread, shownStep, stamp]);
  return useCallback(() => {
    readAt.current = current.current;
  }, []);
}
