import { useCallback, useMemo, useState } from "react";
import { SHEETS } from "../../core";
import type { WorkbookActions } from "../../excel/actions";
import type { BidderScore, ScoresView } from "../../excel/scores/readScores";
import { useOperation, type OperationState } from "../useOperation";
import { useRereadWhenWorkbookChanges } from "../useWorkbookState";

export interface ScoresPageState {
  readonly operation: OperationState;
  readonly view: ScoresView | undefined;
  /** The view's bidders, best first (ties by name, so the order is stable). */
  readonly ranked: readonly BidderScore[];
  readonly failure: { readonly message: string; readonly cancelled: boolean } | undefined;
  readonly onRefresh: () => void;
  /** Selects a faulty row of a held bid on SV Commitments, to fix it there. */
  readonly onGoToRow: (row: number) => void;
}

/** State of the Scores page; the workbook is reached only through `actions`. */
export function useScoresPage(actions: WorkbookActions): ScoresPageState {
  const [view, setView] = useState<ScoresView | undefined>(undefined);
  const [failure, setFailure] = useState<ScoresPageState["failure"]>(undefined);
  const describeError = useCallback((error: unknown) => actions.describeError(error), [actions]);
  const operation = useOperation(describeError);

  const ranked = useMemo(
    // Bids held back have no rank: they come after the ranked ones.
    () => [...(view?.bidders ?? [])].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.bidder.localeCompare(b.bidder, "en-GB")),
    [view],
  );

  const refresh = async (): Promise<void> => {
    setFailure(undefined);
    const done = await operation.run("Reading the scores", (options) => actions.readScores(options));
    if (done === undefined) return;
    if (done.ok) {
      setView(done.value);
      readNow();
    } else setFailure({ message: done.message, cancelled: done.cancelled });
  };
  // Scores shown are the workbook's now: bids or settings changed since are read again.
  const readNow = useRereadWhenWorkbookChanges("scores", view !== undefined, operation.running !== undefined, () => void refresh());

  const goToRow = async (row: number): Promise<void> => {
    try {
      // SV_Commitments starts in column A (evaluationPlan.ts): the row's first cell, its Bidder.
      await actions.goToCell(SHEETS.commitments, `A${row}`);
    } catch (error) {
      setFailure({ message: describeError(error), cancelled: false });
    }
  };

  return { operation, view, ranked, failure, onRefresh: () => void refresh(), onGoToRow: (row) => void goToRow(row) };
}
