/**
 * The marking form's rules, kept apart from React so they can be tested over any sequence of
 * actions (test/taskpane/moderation/savedEntries.property.test.ts): what the form shows of SV
 * Marks, what a save sends, and what a re-read keeps of what was typed meanwhile (issue #16).
 */
import type { MarkInput, MarkingView, MarkRow } from "../../excel/moderation/moderationActions";
import { sameEvaluator, taskKey } from "./keys";

/** What the evaluator has entered for one bidder × criterion; mark "" is "not marked". */
export interface MarkDraft {
  readonly mark: string;
  readonly comment: string;
}

export const BLANK: MarkDraft = { mark: "", comment: "" };

/** One evaluator's rows of SV Marks by bidder × criterion. */
export function rowsOf(view: MarkingView, evaluator: string): Map<string, MarkRow> {
  const rows = new Map<string, MarkRow>();
  for (const row of view.marks) {
    const key = taskKey(row.bidder, row.criterion);
    // The first row wins, as the moderation maths reads it (a repeat is reported there).
    if (sameEvaluator(row.evaluator, evaluator) && !rows.has(key)) rows.set(key, row);
  }
  return rows;
}

/** The evaluator's marks and comments as SV Marks holds them in `view`. */
export function draftsOf(view: MarkingView, evaluator: string): Record<string, MarkDraft> {
  const drafts: Record<string, MarkDraft> = {};
  for (const [key, row] of rowsOf(view, evaluator)) drafts[key] = { mark: row.mark === null ? "" : String(row.mark), comment: row.comment };
  return drafts;
}

function differs(a: MarkDraft | undefined, b: MarkDraft | undefined): boolean {
  const x = a ?? BLANK;
  const y = b ?? BLANK;
  return x.mark !== y.mark || x.comment !== y.comment;
}

/**
 * What Save my marks sends: only the tasks whose mark or comment differs from what was read or
 * last saved, so a mark the evaluator did not touch is never written, and a blank goes over a
 * saved mark only where they cleared it (`cleared` counts those, for the confirmation).
 */
export function marksToSave(
  tasks: readonly { key: string; bidder: string; criterion: string }[],
  drafts: Readonly<Record<string, MarkDraft>>,
  saved: Readonly<Record<string, MarkDraft>>,
): { marks: MarkInput[]; cleared: number } {
  const changed = tasks.filter((t) => differs(drafts[t.key], saved[t.key]));
  const cleared = changed.filter((t) => (drafts[t.key] ?? BLANK).mark === "" && (saved[t.key] ?? BLANK).mark !== "").length;
  // Of each, only the part that changed: a comment typed beside a mark never rewrites the mark.
  const marks = changed.map((t): MarkInput => {
    const d = drafts[t.key] ?? BLANK;
    const s = saved[t.key] ?? BLANK;
    return {
      bidder: t.bidder,
      criterion: t.criterion,
      ...(d.mark !== s.mark ? { mark: d.mark === "" ? null : Number(d.mark) } : {}),
      ...(d.comment !== s.comment ? { comment: d.comment } : {}),
    };
  });
  return { marks, cleared };
}

/**
 * SV Marks as read now (`latest`), with whatever the evaluator typed since the form showed
 * `shown` on top: a re-read never loses typing, and never keeps what the pane read before.
 * Part by part: a comment typed meanwhile keeps the mark as read now, not the one shown before.
 */
export function keepTypedSince(
  latest: Readonly<Record<string, MarkDraft>>,
  now: Readonly<Record<string, MarkDraft>>,
  shown: Readonly<Record<string, MarkDraft>>,
): Record<string, MarkDraft> {
  const merged: Record<string, MarkDraft> = { ...latest };
  for (const [key, d] of Object.entries(now)) {
    const before = shown[key] ?? BLANK;
    const read = latest[key] ?? BLANK;
    if (differs(d, before)) merged[key] = { mark: d.mark !== before.mark ? d.mark : read.mark, comment: d.comment !== before.comment ? d.comment : read.comment };
  }
  return merged;
}
