import { useState } from "react";
import type { WorkbookActions } from "../../excel/actions";
import { CLARIFICATION_OUTCOMES, IMPLAUSIBLE_CODES, type ClarificationRequest, type Finding } from "../../core";

/** An implausible commitment or bid total the panel must clarify: the finding that holds the bid. */
export interface ImplausibleItem {
  readonly key: string;
  readonly finding: Finding;
  readonly bidder: string;
  /** undefined: the whole bid. */
  readonly ref: string | undefined;
}

/** The findings that hold a bid until the panel records an outcome, one item each. */
export function implausibleItems(findings: readonly Finding[]): ImplausibleItem[] {
  return findings
    .filter((f) => IMPLAUSIBLE_CODES.includes(f.code) && f.bidder !== undefined)
    .map((f) => {
      const ref = f.code.startsWith("SV2") ? undefined : f.ref;
      return { key: `${f.code}-${f.row}`, finding: f, bidder: f.bidder as string, ref };
    });
}

export interface ClarificationDraft {
  outcome: string;
  cappedAt: string;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** Today as yyyy-mm-dd in the user's own time zone (a date field's value). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export const OUTCOME_CHOICES: readonly { value: string; label: string }[] = CLARIFICATION_OUTCOMES.map((o) => ({
  value: o,
  label: o === "Accepted" ? "Accepted as stated" : o === "Capped" ? "Capped at a figure" : "Excluded (counts 0)",
}));

export interface ClarificationFormState {
  readonly open: ImplausibleItem | undefined;
  readonly draft: ClarificationDraft;
  readonly saving: boolean;
  readonly error: string | undefined;
  readonly onOpen: (item: ImplausibleItem) => void;
  readonly onClose: () => void;
  readonly onChange: (patch: Partial<ClarificationDraft>) => void;
  readonly onRecord: () => void;
}

/**
 * The form that records the panel's outcome for one implausible item. Core refuses an outcome
 * without its figure, reason, who or date (clarificationCells), and its sentence is shown as is;
 * after a save `onRecorded` runs (the page validates again, so the item shows as clarified).
 */
export function useClarificationForm(actions: WorkbookActions, onRecorded: (message: string) => void): ClarificationFormState {
  const [open, setOpen] = useState<ImplausibleItem | undefined>(undefined);
  const [draft, setDraft] = useState<ClarificationDraft>({ outcome: "", cappedAt: "", reason: "", decidedBy: "", decidedAt: today() });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const record = async (): Promise<void> => {
    if (open === undefined) return;
    const capped = draft.cappedAt.trim() === "" ? null : Number(draft.cappedAt.replace(/,/g, ""));
    const request: ClarificationRequest = {
      bidder: open.bidder,
      ...(open.ref !== undefined ? { ref: open.ref } : {}),
      issue: open.finding.message,
      outcome: draft.outcome,
      cappedAt: capped,
      reason: draft.reason,
      decidedBy: draft.decidedBy,
      decidedAt: draft.decidedAt,
    };
    setSaving(true);
    setError(undefined);
    try {
      await actions.recordClarification(request);
      setOpen(undefined);
      onRecorded(`Recorded on SV Clarifications: ${open.bidder}${open.ref ? `, ${open.ref}` : " (whole bid)"}, ${draft.outcome}.`);
    } catch (e) {
      setError(actions.describeError(e));
    } finally {
      setSaving(false);
    }
  };

  return {
    open,
    draft,
    saving,
    error,
    onOpen: (item) => {
      setOpen(item);
      setError(undefined);
      setDraft((d) => ({ ...d, outcome: "", cappedAt: "", reason: "" }));
    },
    onClose: () => setOpen(undefined),
    onChange: (patch) => setDraft((d) => ({ ...d, ...patch })),
    onRecord: () => void record(),
  };
}
