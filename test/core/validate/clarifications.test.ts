/**
 * Implausible commitments and the panel's clarification outcomes in core (issue #16 point 4):
 * which figures are implausible, what an outcome needs to count, and what each outcome counts.
 */
import type { CommitmentInputRow } from "../../../src/core/bids/commitments";
import { readClarifications, type Clarification, type ClarificationInputRow } from "../../../src/core/validate/clarifications";
import { checkCommitment, validateCommitments, type ValidationContext } from "../../../src/core/validate/validateCommitments";
import { indexMeasures, type MeasureEntry } from "../../../src/core/setup/measureTable";
import { aMeasure, aRow } from "../builders";

const TABLE: readonly MeasureEntry[] = [
  aMeasure({ ref: "HRS", unit: "hours", proxy: 16.93 }),
  aMeasure({ ref: "M1", unit: "FTE", proxy: 100 }),
  aMeasure({ ref: "CEIL", unit: "weeks", proxy: 10, ceiling: 52 }),
  aMeasure({ ref: "SPEND", unit: "GBP", proxy: 1 }),
];
const CONTRACT = 1_000_000;

function validate(rows: CommitmentInputRow[], context: ValidationContext = {}) {
  return validateCommitments(rows, TABLE, { contractValue: CONTRACT, ...context });
}

/** A complete outcome row of SV Clarifications for Acme Ltd's HRS. */
function anOutcomeRow(overrides: Partial<ClarificationInputRow> = {}): ClarificationInputRow {
  return {
    row: 4,
    bidder: "Acme Ltd",
    ref: "HRS",
    issue: "999,999,999,999,999 hours",
    outcome: "Capped",
    cappedAt: 500,
    reason: "The bidder confirmed 500 hours a year.",
    decidedBy: "J Patel",
    decidedAt: 46023,
    ...overrides,
  };
}

function decided(...rows: ClarificationInputRow[]): Clarification[] {
  return readClarifications(rows).decided;
}

describe("implausible commitments are errors that hold the bid", () => {
  it("999,999,999,999,999 hours is an error, not a warning, and the row counts nothing", () => {
    const { findings, commitments } = validate([aRow({ ref: "HRS", quantity: 999_999_999_999_999 })]);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([["SV123", "error"]]);
    expect(findings[0]?.message).toMatch(/^999,999,999,999,999 hours \(worth £16,929,999,999,999,9\d\d[.\d]*\) for HRS is more than the whole contract value \(£1,000,000\)/);
    expect(commitments).toEqual([]);
  });

  it("a quantity above the council's ceiling for the measure is an error, even well under the contract value", () => {
    const { findings } = validate([aRow({ ref: "CEIL", quantity: 53 })]);
    expect(findings.map((f) => [f.code, f.severity, f.column])).toEqual([["SV124", "error", "Quantity"]]);
    expect(findings[0]?.message).toBe("53 is above the ceiling the council set for CEIL (52), which is not credible as offered.");
  });

  it("a quantity at the ceiling is fine", () => {
    expect(validate([aRow({ ref: "CEIL", quantity: 52 })]).findings).toEqual([]);
  });

  it("the Check column's rule says the same: SVCHECK's core reports SV123 and SV124", () => {
    const index = indexMeasures(TABLE);
    expect(checkCommitment("HRS", 999_999_999_999_999, "", index, { contractValue: CONTRACT })).toMatch(/^SV123 /);
    expect(checkCommitment("CEIL", 60, "", index)).toMatch(/^SV124 /);
    expect(checkCommitment("CEIL", 60, "", index, { clarified: { outcome: "Capped", cappedAt: 52 } })).toBe("SV125 The panel clarified this commitment: capped at 52.");
  });
});

describe("clarification outcomes of a commitment", () => {
  const huge = (): CommitmentInputRow => aRow({ row: 7, ref: "HRS", quantity: 999_999_999_999_999 });

  it("Capped: the row counts the cap and says it was clarified", () => {
    const { findings, commitments } = validate([huge()], { clarifications: decided(anOutcomeRow()) });
    expect(findings.map((f) => [f.code, f.severity, f.message])).toEqual([["SV125", "info", "The panel clarified this commitment: capped at 500."]]);
    expect(commitments).toEqual([{ row: 7, bidder: "Acme Ltd", ref: "HRS", quantity: 500 }]);
  });

  it("Excluded: the row counts 0", () => {
    const { commitments } = validate([huge()], { clarifications: decided(anOutcomeRow({ outcome: "Excluded", cappedAt: "" })) });
    expect(commitments.map((c) => c.quantity)).toEqual([0]);
  });

  it("Accepted: the row counts as stated (and the bid's total is then judged on it)", () => {
    const { findings, commitments } = validate([aRow({ ref: "CEIL", quantity: 60 })], { clarifications: decided(anOutcomeRow({ ref: "ceil", outcome: "accepted" })) });
    expect(findings.map((f) => f.code)).toEqual(["SV125"]);
    expect(commitments.map((c) => c.quantity)).toEqual([60]);
  });

  it("a cap never raises a quantity", () => {
    const { commitments } = validate([aRow({ ref: "CEIL", quantity: 60 })], { clarifications: decided(anOutcomeRow({ ref: "CEIL", cappedAt: 80 })) });
    expect(commitments.map((c) => c.quantity)).toEqual([60]);
  });
});

describe("clarification outcomes of a whole bid (Ref blank)", () => {
  // 8,000 FTE × £100 = £800,000: 80% of the contract, over twice the 36.6% upper quartile.
  const rows = (): CommitmentInputRow[] => [aRow({ row: 3, ref: "M1", quantity: 6_000 }), aRow({ row: 4, ref: "SPEND", unit: "£", quantity: 200_000 })];

  it("is held until decided", () => {
    expect(validate(rows()).findings.map((f) => [f.code, f.severity, f.row])).toEqual([["SV207", "error", 3]]);
  });

  it("Capped at £400,000: each row is scaled so the bid's £ is the cap", () => {
    const { findings, commitments } = validate(rows(), { clarifications: decided(anOutcomeRow({ ref: "", cappedAt: 400_000 })) });
    expect(findings.map((f) => [f.code, f.message])).toEqual([["SV208", "The panel clarified Acme Ltd's total: capped at 400,000."]]);
    expect(commitments.map((c) => c.quantity)).toEqual([3_000, 100_000]);
  });

  it("Excluded: the bid's commitments count £0", () => {
    const { commitments } = validate(rows(), { clarifications: decided(anOutcomeRow({ ref: "", outcome: "Excluded" })) });
    expect(commitments.map((c) => c.quantity)).toEqual([0, 0]);
  });

  it("Accepted: counted as stated, no longer an error", () => {
    const { findings, commitments } = validate(rows(), { clarifications: decided(anOutcomeRow({ ref: "", outcome: "Accepted" })) });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([["SV208", "info"]]);
    expect(commitments.map((c) => c.quantity)).toEqual([6_000, 200_000]);
  });

  it("a bid worth more than the contract value is held the same way (SV206)", () => {
    const { findings } = validate([aRow({ ref: "M1", quantity: 6_000 }), aRow({ ref: "SPEND", unit: "£", quantity: 500_000 })]);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([["SV206", "error"]]);
  });
});

describe("what an outcome needs to count", () => {
  it("a complete row is decided", () => {
    const { decided: d, problems } = readClarifications([anOutcomeRow()]);
    expect(problems).toEqual([]);
    expect(d).toEqual([
      { row: 4, bidder: "Acme Ltd", ref: "HRS", issue: "999,999,999,999,999 hours", outcome: "Capped", cappedAt: 500, reason: "The bidder confirmed 500 hours a year.", decidedBy: "J Patel", decidedAt: 46023 },
    ]);
  });

  it("a blank outcome is an item not yet decided, not a problem", () => {
    expect(readClarifications([anOutcomeRow({ outcome: "", reason: "", decidedBy: "", decidedAt: "" })])).toEqual({ decided: [], problems: [] });
  });

  it("an outcome without its reason, who or date is not an outcome, and says what it lacks", () => {
    const { decided: d, problems } = readClarifications([anOutcomeRow({ reason: " ", decidedBy: "", decidedAt: "07/12/2026", cappedAt: "lots" })]);
    expect(d).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      "Row 4 of SV Clarifications (Acme Ltd, HRS): the outcome Capped is not recorded yet, because it lacks the figure it is capped at (CappedAt, a number), the reason, who decided (DecidedBy) and the date decided (DecidedAt, a date). Until it has them the bid stays held.",
    ]);
  });

  it("an outcome that is not one of the three is refused by name", () => {
    const { problems } = readClarifications([anOutcomeRow({ outcome: "Approved" })]);
    expect(problems.map((p) => p.message)).toEqual(["Row 4 of SV Clarifications (Acme Ltd, HRS): “Approved” is not an outcome. Choose Accepted, Capped or Excluded."]);
  });

  it("the first decided row for an item counts; a later one is named as ignored", () => {
    const { decided: d, problems } = readClarifications([anOutcomeRow(), anOutcomeRow({ row: 5, outcome: "Excluded" })]);
    expect(d.map((c) => c.row)).toEqual([4]);
    expect(problems.map((p) => p.row)).toEqual([5]);
  });

  it("never throws on any cell content", () => {
    const junk = [null, undefined, true, { error: "#N/A" }, "#REF!", Number.NaN, -1, "  "];
    for (const cell of junk) {
      expect(() => readClarifications([anOutcomeRow({ outcome: cell, cappedAt: cell, reason: cell, decidedBy: cell, decidedAt: cell, bidder: cell, ref: cell })])).not.toThrow();
    }
  });
});
