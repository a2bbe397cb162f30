import { useEffect, useRef, useState } from "react";
import { getBuiltInFramework } from "../../core";
import type { WorkbookState } from "../../excel/actions";
import { INITIAL_DRAFT, type SetupDraft } from "./setupForm";

/**
 * The reading of SV Setup into the form is needed only on a workbook that holds an evaluation, so
 * it comes from its own chunk, requested as the pane's code runs; the form is filled the moment
 * it arrives (milliseconds, from the add-in's own server), and never half-filled before.
 */
let reader: typeof import("./draftFromWorkbook") | undefined;
const readerArrival: Promise<unknown> = import(/* webpackChunkName: "workbook-form" */ "./draftFromWorkbook").then(
  (module) => (reader = module),
  () => undefined,
);

/** The parts of the Set up page's state the workbook fills. */
export interface SetupFormState {
  readonly frameworkId: string;
  readonly draft: SetupDraft;
  readonly selected: ReadonlySet<string>;
  readonly chosenOutcomes: ReadonlySet<string>;
  readonly setFrameworkId: (id: string) => void;
  readonly setDraft: (draft: SetupDraft) => void;
  readonly setSelected: (refs: ReadonlySet<string>) => void;
  readonly setChosenOutcomes: (ids: ReadonlySet<string>) => void;
}

interface Filled {
  readonly stamp: string;
  readonly frameworkId: string;
  readonly draft: SetupDraft;
  readonly selected: ReadonlySet<string>;
  readonly chosenOutcomes: ReadonlySet<string>;
}

/**
 * Fills the Set up form from the evaluation the workbook holds, and again whenever the workbook
 * changes, as long as the user has not edited the form since: what they typed is theirs and is
 * never overwritten. The framework is set directly, not through the picker's change, so the
 * framework's starting values never replace the sheet's.
 */
export function useFormFromWorkbook(workbook: WorkbookState | undefined, form: SetupFormState): void {
  const filled = useRef<Filled | undefined>(undefined);
  const [readerReady, setReaderReady] = useState(reader !== undefined);
  useEffect(() => {
    if (readerReady) return;
    let mounted = true;
    void readerArrival.then(() => {
      if (mounted && reader !== undefined) setReaderReady(true);
    });
    return () => {
      mounted = false;
    };
  }, [readerReady]);
  const { frameworkId, draft, selected, chosenOutcomes, setFrameworkId, setDraft, setSelected, setChosenOutcomes } = form;
  useEffect(() => {
    if (workbook === undefined || workbook.evaluation === "none" || reader === undefined) return;
    const { draftFromSheet, scopeFromWorkbook } = reader;
    const last = filled.current;
    if (last?.stamp === workbook.stamp) return;
    const untouched =
      last === undefined
        ? frameworkId === "" && draft === INITIAL_DRAFT && selected.size === 0 && chosenOutcomes.size === 0
        : frameworkId === last.frameworkId && draft === last.draft && selected === last.selected && chosenOutcomes === last.chosenOutcomes;
    if (!untouched) return;
    const framework = workbook.frameworkId === undefined ? undefined : getBuiltInFramework(workbook.frameworkId);
    const scope = framework === undefined ? { measures: new Set<string>(), outcomes: new Set<string>() } : scopeFromWorkbook(workbook, framework);
    const next: Filled = {
      stamp: workbook.stamp,
      frameworkId: framework?.id ?? "",
      draft: { ...draft, ...draftFromSheet(workbook.settings) },
      selected: scope.measures,
      chosenOutcomes: scope.outcomes,
    };
    filled.current = next;
    setFrameworkId(next.frameworkId);
    setDraft(next.draft);
    setSelected(next.selected);
    setChosenOutcomes(next.chosenOutcomes);
  }, [workbook, frameworkId, draft, selected, chosenOutcomes, setFrameworkId, setDraft, setSelected, setChosenOutcomes, readerReady]);
}
