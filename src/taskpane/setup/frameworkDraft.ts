/**
 * The Set up form's fields a framework decides (core `frameworkDefaults`), as the form's text:
 * chosen on Set up, Southend starts with 0% for commitments, Essex with its 25p target. With no
 * framework the form's own starting text (INITIAL_DRAFT) stands. Pure.
 */
import { frameworkDefaults, type Framework } from "../../core";
import { INITIAL_DRAFT, type SetupDraft } from "./setupForm";

export type FrameworkDraftField = "weighting" | "maxPoints" | "quantitativeShare" | "method" | "targetReturn";

/** A share (0.25) as the form's percent or pence field takes it ("25"), without binary noise. */
const hundredths = (share: number): string => String(Math.round(share * 10_000) / 100);

export function frameworkDraft(framework: Framework | undefined): Pick<SetupDraft, FrameworkDraftField> {
  if (framework === undefined) {
    const { weighting, maxPoints, quantitativeShare, method, targetReturn } = INITIAL_DRAFT;
    return { weighting, maxPoints, quantitativeShare, method, targetReturn };
  }
  const d = frameworkDefaults(framework);
  return {
    weighting: hundredths(d.weighting),
    maxPoints: String(d.maxPoints),
    quantitativeShare: hundredths(d.quantitativeShare),
    method: d.method,
    // Pence per £1 is the same number as a percentage: 0.25 is "25".
    targetReturn: d.targetReturn === undefined ? "" : hundredths(d.targetReturn),
  };
}

/**
 * The form after switching framework: each field the framework decides moves to the new
 * framework's starting value only while it still holds the previous one's (or the form's own
 * start), so a weighting, share or target the user typed is never replaced behind their back.
 */
export function switchFrameworkDraft(draft: SetupDraft, from: Framework | undefined, to: Framework | undefined): SetupDraft {
  const before = frameworkDraft(from);
  const after = frameworkDraft(to);
  const next = { ...draft };
  for (const field of Object.keys(after) as FrameworkDraftField[]) {
    if (draft[field] === before[field]) (next as Record<FrameworkDraftField, string>)[field] = after[field];
  }
  return next;
}
