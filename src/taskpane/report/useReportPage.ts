import type { Notice } from "../Notice";
import { useCallback, useState } from "react";
import type { WorkbookActions } from "../../excel/actions";
import type { RegisterResult, ReportResult, SummariesResult } from "../../excel/report/reportActions";
import type { OperationOptions } from "../../excel/shared/excelRun";
import { useOperation, type OperationState } from "../useOperation";

export type ReportSection = "summaries" | "report" | "register";

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
}

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

  const copy = async (bidder: string): Promise<void> => {
    const summary = summaries?.summaries.find((s) => s.bidder === bidder);
    if (summary === undefined) return;
    const target = clipboard();
    try {
      if (target === undefined) throw new Error("No clipboard");
      await target.writeText(summary.text);
      setCopyFallback(undefined);
      notify("summaries", { intent: "success", message: `${bidder}'s summary is copied: paste it into the letter.` });
    } catch {
      // Refused (no permission, or no clipboard in this host): the text is shown to copy by hand.
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
  };
}
