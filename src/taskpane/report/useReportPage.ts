import type { Notice } from "../Notice";
import { useCallback, useState } from "react";
import type { WorkbookActions } from "../../excel/actions";
import type { DecisionRecordExport, RegisterResult, ReportResult, SummariesResult } from "../../excel/report/reportActions";
import type { LoggedDecision } from "../../core";
import type { OperationOptions } from "../../excel/shared/excelRun";
import { useOperation, type OperationState } from "../useOperation";

export type ReportSection = "summaries" | "report" | "register" | "decisions";

/** A set-up decision as the form holds it before it is recorded. */
export interface DecisionDraft {
  readonly decision: LoggedDecision;
  readonly by: string;
  readonly reason: string;
}

export type { Notice };

/** The clipboard the pane copies to; injected so tests and hosts without one can say so. */
export interface TextClipboard {
  writeText(text: string): Promise<void>;
}

export interface ReportPageState {
  readonly operation: OperationState;
  /** The section whose action is running, so its progress shows beside the button pressed. */
  readonly runningIn: ReportSection | undefined;
  readonly summaries: SummariesResult | undefined;
  readonly report: ReportResult | undefined;
  readonly register: RegisterResult | undefined;
  /** The bidders the pane knows of (from the summaries), for choosing the register's bidder. */
  readonly bidders: readonly string[];
  /** "" for the winner. */
  readonly registerBidder: string;
  /** The bidder whose summary could not be copied: the pane shows its text to copy by hand. */
  readonly copyFallback: string | undefined;
  readonly notices: Readonly<Partial<Record<ReportSection, Notice>>>;
  readonly onBuildSummaries: () => void;
  readonly onCopy: (bidder: string) => void;
  readonly onBuildReport: () => void;
  readonly onRegisterBidderChange: (bidder: string) => void;
  readonly onBuildRegister: () => void;
  /** The decision record as last exported (Procurement Act 2023 s.98). */
  readonly decisionRecord: DecisionRecordExport | undefined;
  readonly decisionDraft: DecisionDraft;
  /** True when the CSV could not be copied: the pane shows it to copy by hand. */
  readonly csvFallback: boolean;
  readonly onDecisionDraftChange: (change: Partial<DecisionDraft>) => void;
  readonly onRecordDecision: () => void;
  readonly onExportDecisionRecord: () => void;
  readonly onCopyDecisionCsv: () => void;
}

const EMPTY_DECISION: DecisionDraft = { decision: "threshold", by: "", reason: "" };

function browserClipboard(): TextClipboard | undefined {
  // Office on the web and older desktop hosts may not offer the async clipboard at all.
  return typeof navigator !== "undefined" && typeof navigator.clipboard?.writeText === "function" ? navigator.clipboard : undefined;
}

/** State of the Report page; the workbook is reached only through `actions`. */
export function useReportPage(actions: WorkbookActions, clipboard: () => TextClipboard | undefined = browserClipboard): ReportPageState {
  const describeError = useCallback((error: unknown) => actions.describeError(error), [actions]);
  const operation = useOperation(describeError);
  const [runningIn, setRunningIn] = useState<ReportSection | undefined>(undefined);
  const [summaries, setSummaries] = useState<SummariesResult | undefined>(undefined);
  const [report, setReport] = useState<ReportResult | undefined>(undefined);
  const [register, setRegister] = useState<RegisterResult | undefined>(undefined);
  const [registerBidder, setRegisterBidder] = useState("");
  const [copyFallback, setCopyFallback] = useState<string | undefined>(undefined);
  const [notices, setNotices] = useState<Readonly<Partial<Record<ReportSection, Notice>>>>({});
  const [decisionRecord, setDecisionRecord] = useState<DecisionRecordExport | undefined>(undefined);
  const [decisionDraft, setDecisionDraft] = useState<DecisionDraft>(EMPTY_DECISION);
  const [csvFallback, setCsvFallback] = useState(false);

  const notify = (section: ReportSection, notice: Notice | undefined): void => setNotices((now) => ({ ...now, [section]: notice }));

  /** Runs one section's action; undefined when it failed (its notice then says why) or another was running. */
  const runIn = async <T>(
    section: ReportSection,
    label: string,
    work: (options: OperationOptions) => Promise<T>,
  ): Promise<T | undefined> => {
    if (operation.running !== undefined) return undefined;
    notify(section, undefined);
    setRunningIn(section);
    const done = await operation.run(label, work);
    if (done === undefined) return undefined;
    if (!done.ok) {
      notify(section, { intent: done.cancelled ? "info" : "error", message: done.message });
      return undefined;
    }
    return done.value;
  };

  const buildSummaries = async (): Promise<void> => {
    const result = await runIn("summaries", "Writing the assessment summaries", (options) => actions.buildSummaries(options));
    if (result === undefined) return;
    setSummaries(result);
    setCopyFallback(undefined);
    const n = result.summaries.length;
    notify("summaries", {
      intent: "success",
      message: `${n === 1 ? "1 summary is" : `${n} summaries are`} on ${result.sheet}, ready to print, and below to copy.`,
    });
  };

  /** Copies text; false when this host has no clipboard or it refused (no permission). */
  const copyText = async (text: string): Promise<boolean> => {
    const target = clipboard();
    if (target === undefined) return false;
    try {
      await target.writeText(text);
      return true;
    } catch {
      return false;
    }
  };

  const copy = async (bidder: string): Promise<void> => {
    const summary = summaries?.summaries.find((s) => s.bidder === bidder);
    if (summary === undefined) return;
    if (await copyText(summary.text)) {
      setCopyFallback(undefined);
      notify("summaries", { intent: "success", message: `${bidder}'s summary is copied: paste it into the letter.` });
    } else {
      // The text is shown to copy by hand.
      setCopyFallback(bidder);
      notify("summaries", {
        intent: "warning",
        message: `The pane could not copy ${bidder}'s summary here. Select the text shown under it and copy it with Ctrl+C (Cmd+C on a Mac), or copy it from the ${summaries?.sheet ?? "summaries"} sheet.`,
      });
    }
  };

  const buildReport = async (): Promise<void> => {
    const result = await runIn("report", "Writing the award report", (options) => actions.buildReport(options));
    if (result === undefined) return;
    setReport(result);
  };

  const buildRegister = async (): Promise<void> => {
    const bidder = registerBidder === "" ? undefined : registerBidder;
    const result = await runIn("register", "Writing the commitments register", (options) => actions.buildRegister(bidder, options));
    if (result === undefined) return;
    setRegister(result);
  };

  const recordDecision = async (): Promise<void> => {
    const draft = decisionDraft;
    const result = await runIn("decisions", "Recording the decision", (options) => actions.recordDecision(draft, options));
    if (result === undefined) return;
    // The name stays for the next decision; the reason belongs to this one.
    setDecisionDraft((now) => ({ ...now, reason: "" }));
    notify("decisions", { intent: "success", message: `Recorded on ${result.sheet}: ${result.row[0] ?? "the decision"} (${result.row[1] ?? ""}), decided by ${result.row[2] ?? ""}. Export the decision record to see it with the others.` });
  };

  const exportDecisionRecord = async (): Promise<void> => {
    const result = await runIn("decisions", "Writing the decision record", (options) => actions.exportDecisionRecord(options));
    if (result === undefined) return;
    setDecisionRecord(result);
    setCsvFallback(false);
    const n = result.entries.length;
    notify("decisions", {
      intent: result.incomplete > 0 ? "warning" : "success",
      message:
        result.incomplete > 0
          ? `${n} decisions are on ${result.sheet}; ${result.incomplete} of them lack who, when or why (listed below). Record what is missing, then export again.`
          : `${n} decisions are on ${result.sheet}, each with who, when and why. Save a copy with the tender file.`,
    });
  };

  const copyDecisionCsv = async (): Promise<void> => {
    if (decisionRecord === undefined) return;
    if (await copyText(decisionRecord.csv)) {
      setCsvFallback(false);
      notify("decisions", { intent: "success", message: "The decision record is copied as CSV: paste it into a text file saved as .csv, or into a spreadsheet." });
    } else {
      setCsvFallback(true);
      notify("decisions", { intent: "warning", message: `The pane could not copy the CSV here. Select the text shown below and copy it with Ctrl+C (Cmd+C on a Mac), or save the ${decisionRecord.sheet} sheet as CSV.` });
    }
  };

  const bidders = summaries?.summaries.map((s) => s.bidder) ?? [];

  return {
    operation,
    runningIn: operation.running === undefined ? undefined : runningIn,
    summaries,
    report,
    register,
    bidders,
    registerBidder,
    copyFallback,
    notices,
    onBuildSummaries: () => void buildSummaries(),
    onCopy: (bidder) => void copy(bidder),
    onBuildReport: () => void buildReport(),
    onRegisterBidderChange: setRegisterBidder,
    onBuildRegister: () => void buildRegister(),
    decisionRecord,
    decisionDraft,
    csvFallback,
    onDecisionDraftChange: (change) => setDecisionDraft((now) => ({ ...now, ...change })),
    onRecordDecision: () => void recordDecision(),
    onExportDecisionRecord: () => void exportDecisionRecord(),
    onCopyDecisionCsv: () => void copyDecisionCsv(),
  };
}
