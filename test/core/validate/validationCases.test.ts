/**
 * Golden cases for commitment validation: test/cases/validation/<scenario>/input.json is run
 * through `validateCommitments` and compared with expected.json (see the README there).
 */
import { join } from "path";
import type { CommitmentInputRow } from "../../../src/core/bids/commitments";
import type { MeasureEntry } from "../../../src/core/setup/measureTable";
import { validateCommitments, type ValidationContext } from "../../../src/core/validate/validateCommitments";
import { expectGolden, loadGoldenCases } from "../../support/goldenCases";
import { aMeasure } from "../builders";

interface ValidationInput {
  description: string;
  context: ValidationContext;
  /** Only what differs from `aMeasure()`'s defaults. */
  measures: Partial<MeasureEntry>[];
  rows: (Omit<CommitmentInputRow, "row"> & { row: number })[];
}

/**
 * Cell values JSON cannot hold, written as one-key objects: {"$date": "2024-03-01"},
 * {"$number": "NaN" | "Infinity" | "-Infinity"}, {"$undefined": true},
 * {"$repeat": ["text", 100000]} (a huge string).
 */
function decodeCell(cell: unknown): unknown {
  if (cell === null || typeof cell !== "object" || Array.isArray(cell)) return cell;
  const o = cell as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length !== 1 || !keys[0]!.startsWith("$")) return cell;
  const v = o[keys[0]!];
  switch (keys[0]) {
    case "$date":
      return new Date(String(v));
    case "$number":
      return Number(v);
    case "$undefined":
      return undefined;
    case "$repeat": {
      const [text, times] = v as [string, number];
      return text.repeat(times);
    }
    default:
      throw new Error(`unknown cell encoding ${keys[0]}`);
  }
}

function decodeRow(r: ValidationInput["rows"][number]): CommitmentInputRow {
  return {
    row: r.row,
    bidder: decodeCell(r.bidder),
    ref: decodeCell(r.ref),
    quantity: decodeCell(r.quantity),
    unit: decodeCell(r.unit),
    evidence: decodeCell(r.evidence),
  };
}

const cases = loadGoldenCases<ValidationInput>(join(__dirname, "..", "..", "cases", "validation"));

describe("validation golden cases", () => {
  it("has the scenarios the rules need", () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, golden) => {
    const { rows, measures, context } = golden.input;
    const result = validateCommitments(rows.map(decodeRow), measures.map(aMeasure), context);
    expectGolden(golden, { counts: result.counts, findings: result.findings, commitments: result.commitments });
  });
});
