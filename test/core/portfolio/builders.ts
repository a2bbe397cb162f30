/** Small builders for the portfolio's tests: one evaluation workbook as the reader gives it. */
import type { GatheredCommitment, GatheredEvaluation, GatheredOffer } from "../../../src/core/portfolio/gathered";

export function aCommitment(overrides: Partial<GatheredCommitment> & { ref: string }): GatheredCommitment {
  return { supplier: "Acme Ltd", measure: `Measure ${overrides.ref}`, theme: "Jobs", unit: "FTE", committed: 10, committedPence: 100_000_00, kpi: "", evidence: "", dueDate: null, delivered: null, line: 1, ...overrides };
}

export function anOffer(overrides: Partial<GatheredOffer> = {}): GatheredOffer {
  return { supplier: "Acme Ltd", recipientType: "School", organisation: "Northgate Primary", offer: "Reading volunteers", hours: 40, valuePence: 120_000, line: 1, ...overrides };
}

/** An intact, signed evaluation of tender `tenderKey` won by Acme Ltd. */
export function aGathered(overrides: Partial<GatheredEvaluation> & { tenderKey?: string; contract?: string; contractValuePence?: number; signedAt?: string } = {}): GatheredEvaluation {
  const { tenderKey = "T-1", contract = "Grounds maintenance", contractValuePence = 1_000_000_00, signedAt = "2026-03-31T10:15:00.000Z", ...rest } = overrides;
  return {
    fileName: `${tenderKey}.xlsx`,
    verdict: "intact",
    message: `"${tenderKey}.xlsx" is signed and intact.`,
    changedSheets: [],
    changes: [],
    signature: { fingerprint: "ab".repeat(32), signedBy: "Dee Lead", signedAt },
    tender: { tenderKey, tenderId: tenderKey, contract, framework: "Essex", category: "works", contractValuePence, vatBasis: "excluding", procurementStart: "2025-06-01", durationMonths: 36 },
    supplier: "Acme Ltd",
    socialValuePence: 250_000_00,
    commitments: [aCommitment({ ref: "ILL1", kpi: "Local employment" }), aCommitment({ ref: "ILL7", unit: "£", theme: "Growth", committed: 150_000, committedPence: 75_000_00, kpi: "Local spend" })],
    offers: [anOffer()],
    notes: [],
    ...rest,
  };
}
