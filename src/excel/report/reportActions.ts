/**
 * What the Report page may ask of the workbook: assessment summaries, the award report with
 * native charts, the commitments register and the community offers.
 */
import type { ExcelRun, OperationOptions } from "../shared/excelRun";
import type { SummaryGap } from "../../core";
import { buildSummaries } from "./writeSummaries";
import { buildReport } from "./writeReport";
import { buildRegister } from "./writeRegister";
import { exportDecisionRecord, recordDecision, type DecisionRecordExport, type DecisionRecorded } from "./decisionRecord";
import type { DecisionLogInput } from "../../core";

export type { DecisionRecordExport, DecisionRecorded };

export interface SummaryCriterion {
  id: string;
  question: string;
  /** The mark that scores (consensus, average or median); null while open. */
  mark: number | null;
  points: number;
  available: number;
  /** Drawn from the consensus rationale. */
  reasons: string;
  /** False while the panel has not agreed a mark ("not yet agreed"). */
  agreed?: boolean;
}

export interface ThemeShareView {
  theme: string;
  value: number;
  /** Share of the bid's £, 0..1. */
  share: number;
}

export interface AssessmentSummaryView {
  bidder: string;
  rank: number;
  /** Social value points: quantitative + qualitative. */
  total: number;
  maxTotal: number;
  quantitative: {
    value: number;
    returnRatio: number;
    points: number;
    available: number;
    /** The £ broken down by theme (a sub-criterion each). */
    themes?: ThemeShareView[];
    /** How the scoring method turned the £ into points. */
    reason?: string;
  };
  criteria: SummaryCriterion[];
  /** What the summary lacks before it can be sent (Procurement Regulations 2024 reg 31); empty when ready. */
  gaps?: SummaryGap[];
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
  /** Community offers listed on the report, all bidders. */
  offers?: number;
}

export interface KpiView {
  kpi: string;
  committed: number;
  unit: string;
  /** Delivered so far (the register's Delivered entries). */
  delivered?: number;
  /** Local spend only: committed £ as a share of the contract value, 0..1. */
  shareOfContract?: number;
}

export interface RegisterResult {
  sheet: string;
  bidder: string;
  rows: number;
  kpis: KpiView[];
  offers: number;
  /** Rows whose Due date or Delivered were kept from the previous register. */
  kept?: number;
  /** The bidder's written answers listed beside the commitments. */
  answers?: number;
}

export interface ReportActions {
  /** Writes SV Summaries (one block per bidder) and returns them for the pane to show or copy. */
  buildSummaries(options?: OperationOptions): Promise<SummariesResult>;
  /** Writes SV Report: final scores, social value by theme per bidder, two native charts, the sensitivity note. */
  buildReport(options?: OperationOptions): Promise<ReportResult>;
  /** Writes SV Register for the winner (or the bidder named): commitments to monitor, KPIs, community offers. */
  buildRegister(bidder?: string, options?: OperationOptions): Promise<RegisterResult>;
  /** Appends who decided the threshold verdict, scope or weighting, when and why, to SV_Decisions (Procurement Act 2023 s.98). */
  recordDecision(input: DecisionLogInput, options?: OperationOptions): Promise<DecisionRecorded>;
  /** Writes SV Decision Record (every material decision with who, when and why) and returns it, with its CSV text. */
  exportDecisionRecord(options?: OperationOptions): Promise<DecisionRecordExport>;
}

/**
 * `now` dates the "built on" note of each sheet (tests pass a fixed clock). Anything that would
 * overwrite the user's work is refused with a ReportRefusedError whose message says what to do.
 */
export function createReportActions(run: ExcelRun, now: () => Date = () => new Date()): ReportActions {
  return {
    buildSummaries: async (options) => {
      const r = await buildSummaries(run, options, now());
      return {
        sheet: r.sheet,
        openItems: r.openItems,
        summaries: r.summaries.map((s) => ({
          bidder: s.bidder,
          rank: s.rank,
          total: s.total,
          maxTotal: s.maxTotal,
          quantitative: { ...s.quantitative, themes: s.quantitative.themes.map((t) => ({ ...t })) },
          criteria: s.criteria.map((c) => ({ id: c.id, question: c.question, mark: c.mark, points: c.points, available: c.available, reasons: c.reasons, agreed: c.agreed })),
          gaps: s.gaps.map((g) => ({ ...g })),
          text: s.text,
        })),
      };
    },
    buildReport: (options) => buildReport(run, options, now()),
    recordDecision: (input, options) => recordDecision(run, input, options, now),
    exportDecisionRecord: (options) => exportDecisionRecord(run, options, now()),
    buildRegister: async (bidder, options) => {
      const r = await buildRegister(run, bidder, options, now());
      return {
        sheet: r.sheet,
        bidder: r.bidder,
        rows: r.rows.length,
        kpis: r.kpis.map((k) => ({ kpi: k.kpi, unit: k.unit, committed: k.committed, delivered: k.delivered, ...(k.shareOfContract !== undefined ? { shareOfContract: k.shareOfContract } : {}) })),
        offers: r.offers,
        kept: r.kept,
        answers: r.answers.length,
      };
    },
  };
}
