import { useMemo, useRef, useState } from "react";
import type { WorkbookActions } from "../../excel/actions";
import type { MarkingView } from "../../excel/moderation/moderationActions";
import type { OperationState } from "../useOperation";
import type { Notice } from "../Notice";
import { evaluatorKey } from "../../core";
import { sameEvaluator, taskKey } from "./keys";
import { useRereadWhenWorkbookChanges } from "../useWorkbookState";
import { useRereadOnShow } from "./useRereadOnShow";
import { BLANK, draftsOf, keepTypedSince, marksToSave, rowsOf, type MarkDraft } from "./markDrafts";

export type { MarkDraft } from "./markDrafts";

/** One bidder × criterion to mark, with what the pane may show beside it. */
export interface MarkingTask {
  readonly key: string;
  readonly bidder: string;
  readonly criterion: string;
  readonly question: string;
  readonly guidance: string | undefined;
  readonly answer: string | undefined;
  /** Text typed into this evaluator's Mark cell on SV Marks instead of a number, if any. */
  readonly typed?: string;
  /** Other evaluators' marks; empty while they are hidden. */
  readonly others: readonly { evaluator: string; mark: number | null }[];
}

export interface MarkingState {
  readonly view: MarkingView | undefined;
  readonly evaluator: string;
  readonly tasks: readonly MarkingTask[];
  readonly drafts: Readonly<Record<string, MarkDraft>>;
  /** Rows SV Marks lacks for the panel × bidders × criteria. */
  readonly missingRows: number;
  /** Blind marking before moderation opens: other evaluators' marks stay out of sight. */
  readonly othersHidden: boolean;
  /** Signed: nothing can be changed. */
  readonly readOnly: boolean;
  readonly unsaved: boolean;
  readonly notice: Notice | undefined;
  readonly onLoad: () => void;
  readonly onPrepare: () => void;
  readonly onChooseEvaluator: (evaluator: string) => void;
  readonly onMarkChange: (key: string, mark: string) => void;
  readonly onCommentChange: (key: string, comment: string) => void;
  readonly onSave: () => void;
  /** Other sections changed the record: moderation opened, or the record was signed. */
  readonly onModerationOpened: () => void;
  readonly onSigned: (signedAt: string) => void;
}

/**
 * Marking: one evaluator's marks and comments, entered here and written only to that
 * evaluator's own rows of SV Marks (co-authors never share a cell). The workbook is reached
 * only through `actions`, one action at a time through the page's `operation`.
 */
export function useMarking(actions: WorkbookActions, operation: OperationState): MarkingState {
  const [view, setView] = useState<MarkingView | undefined>(undefined);
  const [evaluator, setEvaluator] = useState("");
  const [drafts, setDrafts] = useState<Readonly<Record<string, MarkDraft>>>({});
  const [saved, setSaved] = useState<Readonly<Record<string, MarkDraft>>>({});
  const [notice, setNotice] = useState<Notice | undefined>(undefined);

  const othersHidden = view !== undefined && view.blindMarking && !view.moderationOpen;

  const tasks = useMemo((): MarkingTask[] => {
    if (view === undefined) return [];
    const list: MarkingTask[] = [];
    for (const bidder of view.bidders)
      for (const c of view.criteria) {
        const key = taskKey(bidder, c.id);
        const answer = view.answers.find((a) => taskKey(a.bidder, a.criterion) === key)?.answer;
        const others = othersHidden
          ? []
          : view.evaluators
              .filter((e) => !sameEvaluator(e, evaluator))
              .map((e) => ({ evaluator: e, mark: rowsOf(view, e).get(key)?.mark ?? null }));
        const typed = rowsOf(view, evaluator).get(key)?.typed;
        list.push({ key, bidder, criterion: c.id, question: c.question, guidance: c.guidance, answer, others, ...(typed !== undefined ? { typed } : {}) });
      }
    return list;
  }, [view, evaluator, othersHidden]);

  const missingRows = useMemo(() => {
    if (view === undefined) return 0;
    const present = new Set(view.marks.map((r) => `${evaluatorKey(r.evaluator)}\u0000${taskKey(r.bidder, r.criterion)}`));
    let missing = 0;
    for (const e of view.evaluators)
      for (const b of view.bidders)
        for (const c of view.criteria) if (!present.has(`${evaluatorKey(e)}\u0000${taskKey(b, c.id)}`)) missing++;
    return missing;
  }, [view]);

  const unsaved = Object.entries(drafts).some(([key, d]) => {
    const s = saved[key] ?? BLANK;
    return s.mark !== d.mark || s.comment !== d.comment;
  });

  /** quiet: a read the pane made because the workbook changed, which leaves the last notice up. */
  const load = async (quiet = false): Promise<void> => {
    if (!quiet) setNotice(undefined);
    const done = await operation.run("Reading the marks", (options) => actions.readMarking(options));
    if (done === undefined) return;
    if (!done.ok) {
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
      return;
    }
    setView(done.value);
    readNow();
    const still = done.value.evaluators.find((e) => e === evaluator);
    if (still === undefined) {
      setEvaluator("");
      setDrafts({});
      setSaved({});
    } else {
      // Reading again shows the sheet as it is now: what others typed there wins over a draft here.
      const fresh = draftsOf(done.value, still);
      setDrafts(fresh);
      setSaved(fresh);
    }
  };

  // The evaluators, bidders and criteria shown are the workbook's now: read again when it
  // changed, unless this evaluator has typed marks not yet saved (those stay theirs).
  const readNow = useRereadWhenWorkbookChanges("moderation", view !== undefined, operation.running !== undefined, () => void load(true), !unsaved);

  const prepare = async (): Promise<void> => {
    setNotice(undefined);
    const done = await operation.run("Preparing the marking sheet", async (options) => {
      const prepared = await actions.prepareMarking(options);
      return { ...prepared, view: await actions.readMarking(options) };
    });
    if (done === undefined) return;
    if (!done.ok) {
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
      return;
    }
    setView(done.value.view);
    if (evaluator !== "") {
      // New rows are blank; what the evaluator has typed but not saved stays.
      const fresh = draftsOf(done.value.view, evaluator);
      setSaved(fresh);
      setDrafts((now) => ({ ...fresh, ...now }));
    }
    const added = done.value.added;
    setNotice({
      intent: "success",
      message:
        added === 0
          ? "SV Marks already had a row for every evaluator, bidder and criterion."
          : `${added === 1 ? "1 row was" : `${added} rows were`} added to SV Marks, one for each evaluator, bidder and criterion that had none. Rows that were there are unchanged.`,
    });
  };

  /**
   * Shows the chosen evaluator's marks as SV Marks holds them now: read again on every switch,
   * since the pane's last read may predate a save (theirs from this pane, or a co-author's).
   */
  const chooseEvaluator = (name: string): void => {
    setNotice(undefined);
    setEvaluator(name);
    const fresh = view === undefined || name === "" ? {} : draftsOf(view, name);
    setDrafts(fresh);
    setSaved(fresh);
    shownAtSwitch.current = { evaluator: name, drafts: fresh };
    if (view !== undefined && name !== "") void refresh();
  };

  /** What the switch showed, so the re-read keeps anything typed meanwhile. */
  const shownAtSwitch = useRef<{ evaluator: string; drafts: Record<string, MarkDraft> } | undefined>(undefined);
  /** Answers whether it read: not while another action of the page runs. */
  const refresh = async (): Promise<boolean> => {
    const done = await operation.run("Reading the marks", (options) => actions.readMarking(options));
    // One read runs at a time, so a switch made while it ran started none: this read, newer than
    // what the switch showed, serves whoever is chosen now.
    const shown = shownAtSwitch.current;
    if (done === undefined) return false;
    if (shown === undefined) return true;
    if (!done.ok) {
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
      return true;
    }
    setView(done.value);
    readNow();
    if (shown.evaluator === "") return true;
    const latest = draftsOf(done.value, shown.evaluator);
    setSaved(latest);
    // SV Marks as it is now, with whatever the evaluator typed since the switch on top.
    setDrafts((now) => keepTypedSince(latest, now, shown.drafts));
    return true;
  };

  // Shown again, the page reads SV Marks again, keeping what was typed and not saved.
  useRereadOnShow("moderation", operation.running !== undefined, async () => {
    if (view === undefined || evaluator === "") return true;
    shownAtSwitch.current = { evaluator, drafts: saved };
    return refresh();
  });

  const change = (key: string, part: Partial<MarkDraft>): void =>
    setDrafts((now) => ({ ...now, [key]: { ...(now[key] ?? BLANK), ...part } }));

  const save = async (): Promise<void> => {
    if (view === undefined || evaluator === "") return;
    setNotice(undefined);
    // Only what the evaluator changed is written: a mark they did not touch is never sent, so a
    // stale or partial view can never blank a saved mark. A blank goes over a saved mark only when
    // they cleared it, and the confirmation says so.
    const { marks, cleared } = marksToSave(tasks, drafts, saved);
    if (marks.length === 0) {
      setNotice({ intent: "info", message: "Nothing to save: no mark or comment has changed since the marks were read or last saved." });
      return;
    }
    const who = evaluator;
    const sent = drafts;
    const done = await operation.run(`Saving ${who}'s marks`, (options) => actions.saveMarks(who, marks, options));
    if (done === undefined) return;
    if (!done.ok) {
      // Nothing typed is lost: the drafts stay for another try.
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
      return;
    }
    setSaved(sent);
    const given = tasks.filter((t) => (sent[t.key] ?? BLANK).mark !== "").length;
    const n = done.value.saved;
    const clearedNote = cleared === 0 ? "" : ` ${cleared === 1 ? "1 mark was" : `${cleared} marks were`} cleared, as you chose.`;
    setNotice({
      intent: "success",
      message: `Saved ${n === 1 ? "1 changed row" : `${n} changed rows`} of ${who}'s marks on SV Marks (${given} of ${tasks.length} marked).${clearedNote} Other evaluators' rows and ${who}'s unchanged rows are untouched.`,
    });
  };

  return {
    view,
    evaluator,
    tasks,
    drafts,
    missingRows,
    othersHidden,
    readOnly: view?.signedAt !== undefined,
    unsaved,
    notice,
    onLoad: () => void load(),
    onPrepare: () => void prepare(),
    onChooseEvaluator: chooseEvaluator,
    onMarkChange: (key, mark) => change(key, { mark }),
    onCommentChange: (key, comment) => change(key, { comment }),
    onSave: () => void save(),
    onModerationOpened: () => setView((now) => (now === undefined ? now : { ...now, moderationOpen: true })),
    onSigned: (signedAt) => setView((now) => (now === undefined ? now : { ...now, signedAt })),
  };
}
