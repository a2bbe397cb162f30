/**
 * Fake Report actions for the pane's component tests (see fakeActions.ts): each a jest.fn that
 * succeeds with a small, plausible answer, plus builders for the results they return.
 */
import type { AssessmentSummaryView, DecisionRecordExport, RegisterResult, ReportActions, ReportResult, SummariesResult } from "../../src/excel/report/reportActions";

export function anAssessmentSummary(overrides: Partial<AssessmentSummaryView> = {}): AssessmentSummaryView {
  return {
    bidder: "Acme Ltd",
    rank: 1,
    total: 16.5,
    maxTotal: 20,
    quantitative: { value: 250_000, returnRatio: 0.25, points: 10, available: 10 },
    criteria: [
      {
        id: "SV1",
        question: "How will you deliver your social value commitments?",
        mark: 4,
        points: 4,
        available: 5,
        reasons: "A named college partner and a timetable for each apprenticeship intake.",
      },
      {
        id: "SV2",
        question: "How will your commitments be measured and verified?",
        mark: 3,
        points: 2.5,
        available: 5,
        reasons: "Quarterly reports are offered, but no independent check of the figures.",
      },
    ],
    text: "Acme Ltd: 16.5 of 20 points (rank 1).\nSV1: 4 of 5. A named college partner and a timetable for each apprenticeship intake.",
    ...overrides,
  };
}

export function aSummariesResult(overrides: Partial<SummariesResult> = {}): SummariesResult {
  return {
    sheet: "SV Summaries",
    summaries: [
      anAssessmentSummary(),
      anAssessmentSummary({
        bidder: "Brightside CIC",
        rank: 2,
        total: 11,
        quantitative: { value: 120_000, returnRatio: 0.12, points: 4.8, available: 10 },
        text: "Brightside CIC: 11 of 20 points (rank 2).",
      }),
    ],
    openItems: 0,
    ...overrides,
  };
}

export function aReportResult(overrides: Partial<ReportResult> = {}): ReportResult {
  return {
    sheet: "SV Report",
    winner: "Acme Ltd",
    charts: ["Social value by theme", "Final scores"],
    sensitivityNote: "Acme Ltd stays first whatever the social value weighting between 10% and 20%.",
    ...overrides,
  };
}

export function aRegisterResult(overrides: Partial<RegisterResult> = {}): RegisterResult {
  return {
    sheet: "SV Register",
    bidder: "Acme Ltd",
    rows: 12,
    kpis: [
      { kpi: "Local spend", committed: 32, unit: "% of contract value" },
      { kpi: "Local employment", committed: 14.5, unit: "FTE" },
      { kpi: "Carbon saved", committed: 85, unit: "tCO2e" },
    ],
    offers: 3,
    ...overrides,
  };
}

export function aDecisionRecordExport(overrides: Partial<DecisionRecordExport> = {}): DecisionRecordExport {
  return {
    sheet: "SV Decision Record",
    entries: [
      { kind: "weighting", decision: "Weighting", value: "Weighting 10%", by: "Evan", at: "2026-11-03T14:00:00.000Z", why: "Council policy", where: "SV Decisions row 4" },
      { kind: "consensus", decision: "Consensus: Acme Ltd, SV1", value: "Consensus mark 4", by: "Ann, Ben", at: "2026-12-03", why: "", where: "SV Moderation row 4", missing: "Not recorded: why." },
    ],
    incomplete: 1,
    csv: '"Decision"\r\n"Weighting"\r\n',
    ...overrides,
  };
}

export function aFakeReportActions(): jest.Mocked<ReportActions> {
  return {
    buildSummaries: jest.fn().mockResolvedValue(aSummariesResult()),
    buildReport: jest.fn().mockResolvedValue(aReportResult()),
    buildRegister: jest.fn((bidder?: string) => Promise.resolve(aRegisterResult(bidder === undefined ? {} : { bidder }))),
    recordDecision: jest.fn().mockResolvedValue({ sheet: "SV Decisions", row: ["Weighting", "Weighting 10%", "Evan", "2026-11-03T14:00:00.000Z", "Council policy"] }),
    exportDecisionRecord: jest.fn().mockResolvedValue(aDecisionRecordExport()),
  };
}
