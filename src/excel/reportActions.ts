/**
 * What the Report page may ask of the workbook: assessment summaries, the award report with
 * native charts, the commitments register and the community offers.
 */
import type { ExcelRun, OperationOptions } from "./excelRun";

export interface SummaryCriterion {
  id: string;
  question: string;
  /** The mark that scores (consensus, average or median); null while open. */
  mark: number | null;
  points: number;
  available: number;
  /** Drawn from the consensus rationale. */
  reasons: string;
}

export interface AssessmentSummaryView {
  bidder: string;
  rank: number;
  /** Social value points: quantitative + qualitative. */
  total: number;
  maxTotal: number;
  quantitative: { value: number; returnRatio: number; points: number; available: number };
  criteria: SummaryCriterion[];
  /** The whole summary as plain text, ready to paste into a letter. */
  text: string;
}

export interface SummariesResult {
  sheet: string;
  summaries: AssessmentSummaryView[];
  /** Items still open, which the summaries show as "not yet agreed". */
  openItems: number;
}

export interface ReportResult {
  sheet: string;
  winner: string;
  charts: string[];
  sensitivityNote: string;
}

export interface KpiView {
  kpi: string;
  committed: number;
  unit: string;
}

export interface RegisterResult {
  sheet: string;
  bidder: string;
  rows: number;
  kpis: KpiView[];
  offers: number;
}

export interface ReportActions {
  /** Writes SV Summaries (one block per bidder) and returns them for the pane to show or copy. */
  buildSummaries(options?: OperationOptions): Promise<SummariesResult>;
  /** Writes SV Report: final scores, social value by theme per bidder, two native charts, the sensitivity note. */
  buildReport(options?: OperationOptions): Promise<ReportResult>;
  /** Writes SV Register for the winner (or the bidder named): commitments to monitor, KPIs, community offers. */
  buildRegister(bidder?: string, options?: OperationOptions): Promise<RegisterResult>;
}

export function createReportActions(run: ExcelRun): ReportActions {
  const notYet = (): never => {
    throw new Error("Reporting is not built yet.");
  };
  void run;
  return {
    buildSummaries: async () => notYet(),
    buildReport: async () => notYet(),
    buildRegister: async () => notYet(),
  };
}
