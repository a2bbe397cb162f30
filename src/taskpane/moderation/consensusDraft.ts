/**
 * The consensus form's rules, kept apart from React so they can be tested over any sequence of
 * actions (test/taskpane/moderation/savedEntries.property.test.ts). The form shows what
 * SV_Consensus holds with what the panel typed here on top; recording sends only the fields
 * the panel changed, so an entry a co-author made since the pane's read is never overwritten
 * with what the pane read before it (issue #16).
 */
import type { ConsensusInput, ModerationItemView } from "../../excel/moderation/moderationActions";
import { sameEvaluator } from "./keys";

/** The consensus form of one item: mark "" until one is chosen. */
export interface ConsensusDraft {
  readonly mark: string;
  readonly rationale: string;
  readonly agreedBy: readonly string[];
}

/** What the panel typed for one item and has not recorded yet: only the fields it touched. */
export type ConsensusEdits = Partial<ConsensusDraft>;

/** The item as SV_Consensus holds it: who agreed in the panel's order (none when blank). */
export function recordedDraft(item: ModerationItemView, panel: readonly string[]): ConsensusDraft {
  const named = item.agreedBy.split(/[,;]| and /).filter((n) => n.trim() !== "");
  // Under average or median the mark is the evaluators' marks rolled up: the panel confirms it
  // with its reason rather than choosing one, so it is never a change to send.
  const mark = item.rollUp === "consensus" ? item.consensus : item.rolledUp;
  return {
    mark: mark === null ? "" : String(mark),
    rationale: item.rationale ?? "",
    agreedBy: panel.filter((e) => named.some((n) => sameEvaluator(n, e))),
  };
}

/**
 * What the form shows: SV_Consensus as last read, with the panel's edits on top. With no one
 * recorded as agreeing yet, the whole panel is proposed (ticked), to untick who was absent.
 */
export function shownDraft(item: ModerationItemView, panel: readonly string[], edits: ConsensusEdits | undefined): ConsensusDraft {
  const recorded = recordedDraft(item, panel);
  const proposed = recorded.agreedBy.length === 0 ? { ...recorded, agreedBy: panel } : recorded;
  return { ...proposed, ...edits };
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n) => b.some((m) => sameEvaluator(n, m)));
}

export type ConsensusField = "mark" | "rationale" | "agreedBy";

/** The fields the form shows differently from what SV_Consensus holds. */
export function changedFields(item: ModerationItemView, panel: readonly string[], shown: ConsensusDraft): ConsensusField[] {
  const recorded = recordedDraft(item, panel);
  return [
    ...(shown.mark !== recorded.mark ? (["mark"] as const) : []),
    ...(shown.rationale.trim() !== recorded.rationale.trim() ? (["rationale"] as const) : []),
    ...(!sameNames(shown.agreedBy, recorded.agreedBy) ? (["agreedBy"] as const) : []),
  ];
}

/**
 * What to send to record the form: only the changed fields. Undefined when the panel chooses
 * the mark (the consensus roll-up) and the shown mark is blank: a blank never goes over a
 * recorded one. Under average or median the mark is the formula's and is never sent.
 */
export function consensusInput(item: ModerationItemView, shown: ConsensusDraft, fields: readonly ConsensusField[], panelChoosesMark = true): ConsensusInput | undefined {
  if (panelChoosesMark && shown.mark === "") return undefined;
  return {
    bidder: item.bidder,
    criterion: item.criterion,
    ...(panelChoosesMark && fields.includes("mark") ? { mark: Number(shown.mark) } : {}),
    ...(fields.includes("rationale") ? { rationale: shown.rationale } : {}),
    ...(fields.includes("agreedBy") ? { agreedBy: [...shown.agreedBy] } : {}),
  };
}

/** Edits that still differ from SV_Consensus: a field now as the sheet holds it is no longer an edit. */
export function pendingEdits(item: ModerationItemView, panel: readonly string[], edits: ConsensusEdits | undefined): ConsensusEdits | undefined {
  if (edits === undefined) return undefined;
  const recorded = recordedDraft(item, panel);
  const left: { -readonly [K in keyof ConsensusDraft]?: ConsensusDraft[K] } = {};
  if (edits.mark !== undefined && edits.mark !== recorded.mark) left.mark = edits.mark;
  if (edits.rationale !== undefined && edits.rationale.trim() !== recorded.rationale.trim()) left.rationale = edits.rationale;
  if (edits.agreedBy !== undefined && !sameNames(edits.agreedBy, recorded.agreedBy)) left.agreedBy = edits.agreedBy;
  return Object.keys(left).length === 0 ? undefined : left;
}
