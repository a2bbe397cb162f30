import { useMemo, useRef, useState } from "react";
import type { WorkbookActions } from "../../excel/actions";
import type { ModerationItemView, ModerationView, RationaleIssueView } from "../../excel/moderation/moderationActions";
import type { OperationState } from "../useOperation";
import type { Notice } from "../Notice";
import { useRereadOnShow } from "./useRereadOnShow";
import { formatNumber } from "../../core";
import { itemKey } from "./keys";
import { formatWhen, listNames } from "./wording";
import { changedFields, consensusInput, pendingEdits, recordedDraft, shownDraft, type ConsensusDraft, type ConsensusEdits, type ConsensusField } from "./consensusDraft";

export type { ConsensusDraft } from "./consensusDraft";

/** Problems with the form the pane can see itself, before asking the workbook. */
export interface ConsensusFormErrors {
  readonly mark?: string;
  readonly agreedBy?: string;
}

export interface ConsensusState {
  readonly view: ModerationView | undefined;
  /** The marks of the tender's scale, for the consensus mark (from the moderation view). */
  readonly scaleMarks: readonly number[];
  /** Items in the order shown: flagged and open first, then open, then closed. */
  readonly items: readonly ModerationItemView[];
  readonly openOnly: boolean;
  readonly selected: string | undefined;
  readonly draft: ConsensusDraft;
  /** Why the workbook would not close the item with this rationale. */
  readonly issues: readonly RationaleIssueView[];
  readonly formErrors: ConsensusFormErrors;
  /** Whether the panel typed something for this item that is not recorded yet. */
  readonly unrecorded: (item: ModerationItemView) => boolean;
  readonly readOnly: boolean;
  readonly notice: Notice | undefined;
  readonly onLoad: () => void;
  readonly onOpenModeration: () => void;
  readonly onOpenOnlyChange: (openOnly: boolean) => void;
  readonly onSelect: (item: ModerationItemView) => void;
  readonly onDraftChange: (part: Partial<ConsensusDraft>) => void;
  readonly onToggleAgreed: (evaluator: string, agreed: boolean) => void;
  readonly onRecord: () => void;
  readonly onSigned: (signedAt: string) => void;
}

/** The meeting's agenda order: what most needs discussing first. */
function rank(item: ModerationItemView): number {
  if (item.status === "open") return item.flagged ? 0 : 1;
  return 2;
}

const EMPTY: ConsensusDraft = { mark: "", rationale: "", agreedBy: [] };

const FIELD_WORDS: Record<ConsensusField, string> = { mark: "the mark", rationale: "the rationale", agreedBy: "who agreed" };

/** After a record that changed some fields only: which, and that the rest stayed as the sheet holds them. */
function onlyChanged(fields: readonly ConsensusField[], choosesMark: boolean): string {
  const kept = (Object.keys(FIELD_WORDS) as ConsensusField[]).filter((f) => !fields.includes(f) && (choosesMark || f !== "mark"));
  if (kept.length === 0) return "";
  const rest = listNames(kept.map((f) => FIELD_WORDS[f]));
  return ` Only ${listNames(fields.map((f) => FIELD_WORDS[f]))} changed; ${rest} ${kept.length === 1 ? "is as SV Moderation holds it" : "are as SV Moderation holds them"}.`;
}

/**
 * Moderation: the panel's marks side by side, and the consensus mark and rationale for each
 * bidder × criterion. The workbook checks the rationale (core `checkRationale`) and refuses one
 * the courts would criticise; the pane shows why and keeps what was typed.
 */
export function useConsensus(
  actions: WorkbookActions,
  operation: OperationState,
  onOpened: () => void,
): ConsensusState {
  const [view, setView] = useState<ModerationView | undefined>(undefined);
  const [openOnly, setOpenOnly] = useState(false);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  // What the panel typed per item and has not recorded: kept while other items are looked at,
  // and laid over SV_Consensus as each read finds it, so a re-read never loses it.
  const [edits, setEdits] = useState<Readonly<Record<string, ConsensusEdits>>>({});
  const [issues, setIssues] = useState<readonly RationaleIssueView[]>([]);
  const [formErrors, setFormErrors] = useState<ConsensusFormErrors>({});
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const selectedNow = useRef(selected);
  selectedNow.current = selected;

  const items = useMemo(() => {
    const all = (view?.items ?? []).map((item, index) => ({ item, index }));
    return all
      .filter(({ item }) => !openOnly || item.status === "open")
      .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
      .map(({ item }) => item);
  }, [view, openOnly]);

  const panel = view?.evaluators ?? [];
  const selectedItem = view?.items.find((i) => itemKey(i) === selected);
  const draft = selectedItem === undefined ? EMPTY : shownDraft(selectedItem, panel, edits[itemKey(selectedItem)]);

  const read = (options: Parameters<WorkbookActions["readModeration"]>[0]) => actions.readModeration(options);

  /**
   * quiet: a read the pane made itself (an item chosen, the page shown), which leaves the last
   * notice up. Answers whether it read: not while another action of the page runs.
   */
  const load = async (quiet = false): Promise<boolean> => {
    if (!quiet) setNotice(undefined);
    const done = await operation.run("Reading the moderation", read);
    if (done === undefined) return false;
    if (!done.ok) {
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
      return true;
    }
    setView(done.value);
    // The chosen item's issues as recorded now, unless they are about a rationale typed here.
    const chosen = done.value.items.find((i) => itemKey(i) === selectedNow.current);
    if (chosen !== undefined && edits[itemKey(chosen)]?.rationale === undefined) setIssues(chosen.rationaleIssues);
    return true;
  };

  // Shown again, the page reads SV_Consensus again: what was typed is kept, laid over it.
  useRereadOnShow("moderation", operation.running !== undefined, async () => (view === undefined ? true : load(true)));

  const openModeration = async (): Promise<void> => {
    setNotice(undefined);
    const done = await operation.run(
      "Opening moderation",
      async (options) => {
        await actions.openModeration();
        return read(options);
      },
      { cancellable: false },
    );
    if (done === undefined) return;
    if (!done.ok) {
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
      return;
    }
    setView(done.value);
    onOpened();
    setNotice({
      intent: "success",
      message: "Moderation is open: every evaluator's marks are visible, and the panel can record consensus.",
    });
  };

  /** Opens (or closes) an item's form, and reads SV_Consensus again so it shows what is recorded now. */
  const select = (item: ModerationItemView): void => {
    const key = itemKey(item);
    setIssues(item.rationaleIssues);
    setFormErrors({});
    if (selected === key) {
      setSelected(undefined);
      return;
    }
    setSelected(key);
    void load(true);
  };

  const edit = (change: (shown: ConsensusDraft) => ConsensusEdits): void => {
    if (selectedItem === undefined) return;
    const key = itemKey(selectedItem);
    const part = change(draft);
    setEdits((now) => ({ ...now, [key]: { ...now[key], ...part } }));
  };

  const record = async (): Promise<void> => {
    const item = selectedItem;
    if (item === undefined) return;
    setNotice(undefined);
    const key = itemKey(item);
    const shown = draft;
    // Under average or median the mark is the evaluators' marks rolled up: the panel confirms it.
    const choosesMark = view?.rollUp === "consensus";
    const errors: ConsensusFormErrors = {
      ...(choosesMark && shown.mark === ""
        ? { mark: item.consensus === null ? "Choose the mark the panel agreed." : `The recorded mark (${item.consensus}) cannot be cleared here: choose the mark the panel agreed.` }
        : {}),
      ...(shown.agreedBy.length === 0 ? { agreedBy: "Tick at least one evaluator who agreed." } : {}),
    };
    setFormErrors(errors);
    if (errors.mark !== undefined || errors.agreedBy !== undefined) return;
    // Only the fields that differ from SV_Consensus are sent: the others stay as the sheet holds them.
    const fields = changedFields(item, panel, shown).filter((f) => choosesMark || f !== "mark");
    const input = consensusInput(item, shown, fields, choosesMark);
    if (fields.length === 0 || input === undefined) {
      setNotice({ intent: "info", message: "Nothing to record: the agreed mark, the rationale and who agreed are as SV Moderation holds them." });
      return;
    }
    const done = await operation.run(
      "Recording the consensus",
      async (options) => {
        const result = await actions.recordConsensus(input);
        return { result, view: result.ok ? await actions.readModeration(options) : undefined };
      },
      { cancellable: false },
    );
    if (done === undefined) return;
    if (!done.ok) {
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
      return;
    }
    const { result } = done.value;
    if (!result.ok) {
      // Refused, nothing written: the form keeps the mark and the rationale as typed.
      setIssues(result.issues);
      return;
    }
    setIssues([]);
    setSelected(undefined);
    setEdits((now) => Object.fromEntries(Object.entries(now).filter(([k]) => k !== key)));
    if (done.value.view !== undefined) setView(done.value.view);
    // The confirmation says what SV_Consensus holds now, as read back after the write.
    const now = done.value.view?.items.find((i) => itemKey(i) === key);
    const held = now === undefined ? shown : recordedDraft(now, done.value.view?.evaluators ?? panel);
    const rolledUp = (now ?? item).rolledUp;
    const markWords = choosesMark ? `mark ${held.mark}` : `the ${view?.rollUp ?? "rolled-up"} mark${rolledUp === null ? "" : ` ${formatNumber(rolledUp)}`} confirmed`;
    setNotice({
      intent: "success",
      message: [
        `Consensus recorded for ${item.bidder} on ${item.criterion}: ${markWords}, agreed by ${listNames(held.agreedBy)} on ${formatWhen(result.agreedAt)}.${onlyChanged(fields, choosesMark)}`,
        ...(result.warnings ?? []).map((w) => `Note: ${w.message}`),
      ].join(" "),
    });
  };

  return {
    view,
    scaleMarks: view?.scaleMarks ?? [],
    items,
    openOnly,
    selected,
    draft,
    issues,
    formErrors,
    unrecorded: (item) => pendingEdits(item, panel, edits[itemKey(item)]) !== undefined,
    readOnly: view?.signedAt !== undefined,
    notice,
    onLoad: () => void load(),
    onOpenModeration: () => void openModeration(),
    onOpenOnlyChange: setOpenOnly,
    onSelect: select,
    onDraftChange: (part) => edit(() => part),
    onToggleAgreed: (evaluator, agreed) =>
      edit((shown) => ({
        agreedBy: agreed ? panel.filter((e) => e === evaluator || shown.agreedBy.includes(e)) : shown.agreedBy.filter((e) => e !== evaluator),
      })),
    onRecord: () => void record(),
    onSigned: (signedAt) => {
      setSelected(undefined);
      setView((now) => (now === undefined ? now : { ...now, signedAt }));
    },
  };
}
