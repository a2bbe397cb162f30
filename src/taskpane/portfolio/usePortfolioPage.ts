import { useCallback, useEffect, useRef, useState } from "react";
import type { Acceptance } from "../../core/portfolio/planGather";
import type { FileOutcome, PortfolioFile, PortfolioGathered, WorkbookActions } from "../../excel/actions";
import type { Notice } from "../Notice";
import { useOperation, type OperationState } from "../useOperation";
import { plural } from "../wording";

export type PortfolioPageActions = Pick<WorkbookActions, "gatherPortfolio" | "readWorkbookState" | "describeError">;

/**
 * Verdicts the user may overrule with a reason (PF_Sources' Verdict, core/portfolio/gathered.ts):
 * the file was read and holds a register, but it changed after sign-off, was never signed, or
 * its tender is already gathered. A refused file or one that is no evaluation has nothing to take.
 */
const ACCEPTABLE = new Set(["Changed since sign-off", "Not signed", "Duplicate"]);

export function canInclude(file: FileOutcome): boolean {
  return !file.included && ACCEPTABLE.has(file.verdict);
}

/**
 * Which chosen file an outcome is: its name and the SHA-256 of its bytes, since two files of the
 * same name (from two folders) are two files.
 */
export function fileIdentity(file: Pick<FileOutcome, "fileName" | "contentHash">): string {
  return `${file.fileName}|${file.contentHash ?? ""}`;
}

/** The reason form of one left-out file, while it is open. */
export interface IncludeDraft {
  readonly fileName: string;
  readonly contentHash: string | undefined;
  readonly reason: string;
  readonly by: string;
  /** Set when Include was pressed with a field empty. */
  readonly missing: readonly ("reason" | "by")[];
}

export interface PortfolioPageState {
  readonly operation: OperationState;
  readonly notice: Notice | undefined;
  /** This workbook holds (part of) an evaluation: the page asks before gathering into it. */
  readonly evaluationHere: boolean;
  /** The user agreed to gather into a workbook that holds an evaluation. */
  readonly useAnyway: boolean;
  setUseAnyway(value: boolean): void;
  /** The last gather's outcome, with each file's latest entry (an inclusion replaces its file's). */
  readonly gathered: PortfolioGathered | undefined;
  /** Changes on each gather, so the file input empties itself (the same files may be chosen again). */
  readonly inputKey: number;
  onFiles(files: readonly File[]): void;
  readonly draft: IncludeDraft | undefined;
  openInclude(file: FileOutcome): void;
  editDraft(change: Partial<Pick<IncludeDraft, "reason" | "by">>): void;
  cancelInclude(): void;
  confirmInclude(): void;
}

/** A file the user chose, read when the gather comes to it (a browser File can be read again). */
function portfolioFile(file: File): PortfolioFile {
  return { name: file.name, bytes: () => file.arrayBuffer() };
}

/** The sentence under the progress bar once a gather is done. */
export function summary(g: PortfolioGathered): string {
  const left = g.counts.leftOut > 0 ? `; ${plural(g.counts.leftOut, "file")} left out (below, each with its reason)` : "";
  const dashboard = g.dashboard.drawn ? `The charts are on the sheet ${g.dashboard.sheet}.${g.dashboard.note ? ` ${g.dashboard.note}` : ""}` : g.dashboard.note;
  return (
    `Gathered ${g.counts.included} of ${plural(g.counts.files, "file")}${left}. ` +
    `The portfolio now holds ${plural(g.counts.contracts, "contract")}, ${plural(g.counts.commitments, "commitment")}, ` +
    `${plural(g.counts.offers, "community offer")} and ${plural(g.counts.kpis, "KPI")}. ${dashboard}`
  );
}

/** The files of `later` replace the same files of `earlier`; the rest keep their place. */
function mergeOutcomes(earlier: PortfolioGathered, later: PortfolioGathered): PortfolioGathered {
  const byFile = new Map(later.files.map((f) => [fileIdentity(f), f]));
  const files = earlier.files.map((f) => byFile.get(fileIdentity(f)) ?? f);
  const seen = new Set(earlier.files.map(fileIdentity));
  for (const f of later.files) if (!seen.has(fileIdentity(f))) files.push(f);
  const included = files.filter((f) => f.included).length;
  return {
    ...later,
    files,
    counts: { ...later.counts, files: files.length, included, leftOut: files.length - included, accepted: files.filter((f) => f.accepted).length },
  };
}

/**
 * The Portfolio page's state: the files chosen, the gather and its outcome, and the reason form
 * through which a left-out file is included. Including gathers that one file again with the
 * user's reason, name and the time, which PF_Sources records.
 */
export function usePortfolioPage(actions: PortfolioPageActions, clock: () => Date = () => new Date()): PortfolioPageState {
  const operation = useOperation(actions.describeError);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [evaluationHere, setEvaluationHere] = useState(false);
  const [useAnyway, setUseAnyway] = useState(false);
  const [gathered, setGathered] = useState<PortfolioGathered | undefined>(undefined);
  const [inputKey, setInputKey] = useState(0);
  const [draft, setDraft] = useState<IncludeDraft | undefined>(undefined);
  // The files of the last choice: including one reads it again from here.
  const chosen = useRef<readonly File[]>([]);
  // Who included a file last, offered again so a reviewer including several types it once.
  const lastBy = useRef("");

  useEffect(() => {
    let live = true;
    actions.readWorkbookState().then(
      (state) => live && setEvaluationHere(state.evaluation !== "none"),
      () => undefined, // Not knowing is no reason to stop a gather: the page simply does not warn.
    );
    return () => {
      live = false;
    };
  }, [actions]);

  const gather = useCallback(
    async (files: readonly File[], acceptances: readonly Acceptance[]): Promise<PortfolioGathered | undefined> => {
      setNotice(undefined);
      const outcome = await operation.run(`Gathering ${plural(files.length, "file")} into the portfolio`, (options) =>
        actions.gatherPortfolio(files.map(portfolioFile), acceptances, options),
      );
      setInputKey((k) => k + 1);
      if (outcome === undefined) return undefined;
      if (!outcome.ok) {
        // The action's own words either way: a cancel before the write says nothing was changed,
        // while a failure that came after Cancel was pressed says what it was.
        setNotice({ intent: outcome.cancelled ? "info" : "error", message: outcome.message });
        return undefined;
      }
      return outcome.value;
    },
    [actions, operation],
  );

  const onFiles = useCallback(
    (files: readonly File[]) => {
      if (evaluationHere && !useAnyway) {
        setNotice({ intent: "warning", message: "This workbook holds an evaluation. Open the portfolio workbook (or a new blank one) and gather there, or tick the box above to gather into this one." });
        setInputKey((k) => k + 1);
        return;
      }
      chosen.current = files;
      setDraft(undefined);
      void gather(files, []).then((g) => {
        if (g === undefined) return;
        setGathered(g);
        // Anything to look at (a file left out, no dashboard) is a warning, not a success.
        setNotice({ intent: g.counts.leftOut > 0 || !g.dashboard.drawn ? "warning" : "success", message: summary(g) });
      });
    },
    [evaluationHere, useAnyway, gather],
  );

  const openInclude = useCallback((file: FileOutcome) => setDraft({ fileName: file.fileName, contentHash: file.contentHash, reason: "", by: lastBy.current, missing: [] }), []);
  const editDraft = useCallback((change: Partial<Pick<IncludeDraft, "reason" | "by">>) => setDraft((d) => (d === undefined ? d : { ...d, ...change, missing: [] })), []);
  const cancelInclude = useCallback(() => setDraft(undefined), []);

  const confirmInclude = useCallback(() => {
    if (draft === undefined) return;
    const reason = draft.reason.trim();
    const by = draft.by.trim();
    const missing = [...(reason === "" ? ["reason" as const] : []), ...(by === "" ? ["by" as const] : [])];
    if (missing.length > 0) {
      setDraft({ ...draft, missing });
      return;
    }
    // Every chosen file of that name is read again (a browser File has no other identity); the
    // acceptance names this one by its hash, so only it is taken with the reason.
    const files = chosen.current.filter((f) => f.name === draft.fileName);
    if (files.length === 0) {
      setNotice({ intent: "error", message: `"${draft.fileName}" is no longer to hand: choose it again, then include it.` });
      return;
    }
    lastBy.current = by;
    const acceptance: Acceptance = { fileName: draft.fileName, ...(draft.contentHash !== undefined ? { fingerprint: draft.contentHash } : {}), reason, by, at: clock().toISOString() };
    const wanted = fileIdentity(draft);
    void gather(files, [acceptance]).then((g) => {
      if (g === undefined) return;
      const mine = g.files.find((f) => fileIdentity(f) === wanted);
      setDraft(undefined);
      setGathered((earlier) => (earlier === undefined ? g : mergeOutcomes(earlier, g)));
      setNotice(
        mine?.included
          ? { intent: "success", message: `Included "${draft.fileName}" with your reason, recorded in PF Sources with your name and the time.` }
          : { intent: "warning", message: `"${draft.fileName}" is still left out: ${mine?.sentences[0] ?? "see below"}` },
      );
    });
  }, [draft, gather, clock]);

  return { operation, notice, evaluationHere, useAnyway, setUseAnyway, gathered, inputKey, onFiles, draft, openInclude, editDraft, cancelInclude, confirmInclude };
}
