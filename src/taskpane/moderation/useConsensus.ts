import { useMemo, useState } from "react";
import type { WorkbookActions } from "../../excel/actions";
import type { ModerationItemView, ModerationView, RationaleIssueView } from "../../excel/moderation/moderationActions";
import type { OperationState } from "../useOperation";
import type { Notice } from "../Notice";
import { itemKey, sameEvaluator } from "./keys";
import { formatWhen, listNames } from "./wording";

/** The consensus form of the selected item: mark "" until one is chosen. */
export interface ConsensusDraft {
  readonly mark: string;
  readonly rationale: string;
  readonly agreedBy: readonly string[];
}

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
  const [draft, setDraft] = useState<ConsensusDraft>(EMPTY);
  const [issues, setIssues] = useState<readonly RationaleIssueView[]>([]);
  const [formErrors, setFormErrors] = useState<ConsensusFormErrors>({});
  const [notice, setNotice] = useState<Notice | undefined>(undefined);

  const items = useMemo(() => {
    const all = (view?.items ?? []).map((item, index) => ({ item, index }));
    return all
      .filter(({ item }) => !openOnly || item.status === "open")
      .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
      .map(({ item }) => item);
  }, [view, openOnly]);

  const read = (options: Parameters<WorkbookActions["readModeration"]>[0]) => actions.readModeration(options);

  const load = async (): Promise<void> => {
    setNotice(undefined);
    const done = await operation.run("Reading the moderation", read);
    if (done === undefined) return;
    if (!done.ok) {
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
      return;
    }
    setView(done.value);
  };

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

  const select = (item: ModerationItemView): void => {
    const key = itemKey(item);
    setIssues(item.rationaleIssues);
    setFormErrors({});
    if (selected === key) {
      setSelected(undefined);
      return;
    }
    setSelected(key);
    const panel = view?.evaluators ?? [];
    const named = item.agreedBy
      .split(/[,;]| and /)
      .filter((n) => n.trim() !== "");
    const agreed = named.length === 0 ? panel : panel.filter((e) => named.some((n) => sameEvaluator(n, e)));
    setDraft({ mark: item.consensus === null ? "" : String(item.consensus), rationale: item.rationale ?? "", agreedBy: agreed });
  };

  const record = async (): Promise<void> => {
    const item = view?.items.find((i) => itemKey(i) === selected);
    if (item === undefined) return;
    setNotice(undefined);
    const errors: ConsensusFormErrors = {
      ...(draft.mark === "" ? { mark: "Choose the mark the panel agreed." } : {}),
      ...(draft.agreedBy.length === 0 ? { agreedBy: "Tick at least one evaluator who agreed." } : {}),
    };
    setFormErrors(errors);
    if (errors.mark !== undefined || errors.agreedBy !== undefined) return;
    const input = {
      bidder: item.bidder,
      criterion: item.criterion,
      mark: Number(draft.mark),
      rationale: draft.rationale,
      agreedBy: [...draft.agreedBy],
    };
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
    if (done.value.view !== undefined) setView(done.value.view);
    setNotice({
      intent: "success",
      message: [
        `Consensus recorded for ${item.bidder} on ${item.criterion}: mark ${input.mark}, agreed by ${listNames(input.agreedBy)} on ${formatWhen(result.agreedAt)}.`,
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
    readOnly: view?.signedAt !== undefined,
    notice,
    onLoad: () => void load(),
    onOpenModeration: () => void openModeration(),
    onOpenOnlyChange: setOpenOnly,
    onSelect: select,
    onDraftChange: (part) => setDraft((now) => ({ ...now, ...part })),
    onToggleAgreed: (evaluator, agreed) =>
      setDraft((now) => ({
        ...now,
        agreedBy: agreed
          ? (view?.evaluators ?? []).filter((e) => e === evaluator || now.agreedBy.includes(e))
          : now.agreedBy.filter((e) => e !== evaluator),
      })),
    onRecord: () => void record(),
    onSigned: (signedAt) => {
      setSelected(undefined);
      setView((now) => (now === undefined ? now : { ...now, signedAt }));
    },
  };
}
