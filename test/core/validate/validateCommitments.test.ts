import fc from "fast-check";
import { isBlank } from "../../../src/core/shared/cells";
import type { CommitmentInputRow } from "../../../src/core/bids/commitments";
import { findingByCode, type Finding } from "../../../src/core/validate/findings";
import { indexMeasures, type MeasureEntry } from "../../../src/core/setup/measureTable";
import {
  CHECK_COMMITMENT_CODES,
  checkCommitment,
  validateCommitments,
  type ValidationContext,
} from "../../../src/core/validate/validateCommitments";
import { aMeasure, aRow } from "../builders";

const TABLE: readonly MeasureEntry[] = [
  aMeasure({ ref: "M1", unit: "FTE", proxy: 100 }),
  aMeasure({ ref: "HRS", unit: "hours", proxy: 16.93 }),
  aMeasure({ ref: "PPL", unit: "people", proxy: 50 }),
  aMeasure({ ref: "PCT", unit: "percent", proxy: null, type: "Record" }),
  aMeasure({ ref: "SPEND", unit: "GBP", proxy: 1, excludes: ["SME"] }),
  aMeasure({ ref: "SME", unit: "GBP", proxy: 1 }),
  aMeasure({ ref: "CAP", unit: "weeks", proxy: 10, max: 52 }),
  aMeasure({ ref: "EVID", unit: "tonnes", proxy: 5, evidenceRequired: true }),
  aMeasure({ ref: "OUT", unit: "FTE", proxy: 100, inScope: false }),
  aMeasure({ ref: "NOPX", unit: "hours", proxy: null }),
];

function validate(rows: CommitmentInputRow[], context: ValidationContext = {}, table: readonly MeasureEntry[] = TABLE) {
  return validateCommitments(rows, table, context);
}

/** The codes found, in order. */
function codes(rows: CommitmentInputRow[], context: ValidationContext = {}): string[] {
  return validate(rows, context).findings.map((f) => f.code);
}

function only(rows: CommitmentInputRow[], context: ValidationContext = {}): Finding {
  const { findings } = validate(rows, context);
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe("validateCommitments: a clean row", () => {
  it("accepts a valid commitment with no findings", () => {
    const result = validate([aRow({ row: 5, bidder: " Acme Ltd ", ref: "m1 ", quantity: 12.5, unit: "FTE" })]);
    expect(result.findings).toEqual([]);
    expect(result.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(result.commitments).toEqual([{ row: 5, bidder: "Acme Ltd", ref: "M1", quantity: 12.5 }]);
  });

  it("ignores blank rows", () => {
    const result = validate([aRow({ bidder: "", ref: null, quantity: undefined, unit: "  ", evidence: "" })]);
    expect(result.findings).toEqual([]);
    expect(result.commitments).toEqual([]);
  });

  it("reads a blank unit as the measure's own unit, without a finding", () => {
    expect(codes([aRow({ unit: "" })])).toEqual([]);
  });
});

describe("validateCommitments: bidder and ref", () => {
  it("a row with no bidder is an error", () => {
    const f = only([aRow({ row: 7, bidder: "  " })]);
    expect(f).toMatchObject({ code: "SV101", severity: "error", row: 7, column: "Bidder", ref: "M1" });
  });

  it("a row with no ref is an error", () => {
    expect(only([aRow({ ref: "" })])).toMatchObject({ code: "SV102", column: "Ref", bidder: "Acme Ltd" });
  });

  it("an unknown ref is an error that quotes the ref", () => {
    const f = only([aRow({ ref: "ECC99" })]);
    expect(f).toMatchObject({ code: "SV103", column: "Ref", ref: "ECC99" });
    expect(f.message).toBe("\u201cECC99\u201d is not a measure in this tender's measure table.");
  });

  it("a measure not in scope is an error", () => {
    expect(only([aRow({ ref: "OUT" })])).toMatchObject({ code: "SV104", severity: "error", column: "Ref" });
  });

  it("an Excel error in a cell is reported as such, in its column", () => {
    const { findings } = validate([aRow({ bidder: { error: "#REF!" }, ref: "#N/A" })]);
    expect(findings.map((f) => [f.code, f.column, f.message])).toEqual([
      ["SV105", "Bidder", "The Bidder cell shows the Excel error #REF!."],
      ["SV105", "Ref", "The Ref cell shows the Excel error #N/A."],
    ]);
  });

  it("a bidder that is not text is an error", () => {
    expect(only([aRow({ bidder: true })])).toMatchObject({ code: "SV106", column: "Bidder", message: "The Bidder cell holds TRUE, not text." });
  });

  it("a ref typed as a number matches a measure whose ref is that number", () => {
    const table = [aMeasure({ ref: "1.2" })];
    expect(validate([aRow({ ref: 1.2 })], {}, table).commitments).toHaveLength(1);
  });
});

describe("validateCommitments: units", () => {
  it.each([
    ["hrs", "HRS"],
    ["Hours", "HRS"],
    ["no. people FTE", "M1"],
    ["full-time equivalent", "M1"],
    ["GBP", "SPEND"],
    ["£", "SPEND"],
  ])("%p is accepted for %p", (unit, ref) => {
    expect(codes([aRow({ ref, unit, quantity: 10 })])).toEqual([]);
  });

  it("hrs is accepted for hours", () => {
    expect(validate([aRow({ ref: "HRS", unit: "hrs", quantity: 40 })]).commitments).toHaveLength(1);
  });

  it("a unit of another measure is an error naming the expected unit", () => {
    const f = only([aRow({ ref: "M1", unit: "people", quantity: 5 })]);
    expect(f).toMatchObject({ code: "SV108", column: "Unit" });
    expect(f.message).toBe("The unit \u201cpeople\u201d does not match M1, which is counted in FTE.");
    expect(f.action).toBe("Convert the quantity to FTE and correct the unit.");
  });

  it("an unrecognised unit is its own error", () => {
    expect(only([aRow({ ref: "HRS", unit: "days", quantity: 3 })])).toMatchObject({ code: "SV107", column: "Unit" });
  });

  it("skips whole-number checks when the unit is wrong, since the figure is in another unit", () => {
    expect(codes([aRow({ ref: "PPL", unit: "FTE", quantity: 2.5 })])).toEqual(["SV108"]);
  });
});

describe("validateCommitments: quantities", () => {
  it("a missing quantity is an error", () => {
    expect(only([aRow({ quantity: "" })])).toMatchObject({ code: "SV110", column: "Quantity" });
  });

  it("a quantity that is not a number is an error saying what it is", () => {
    expect(only([aRow({ quantity: "about 20" })]).message).toBe("The quantity is not a number: \u201cabout 20\u201d.");
    expect(only([aRow({ quantity: false })]).message).toBe("The quantity is not a number: FALSE.");
    expect(only([aRow({ quantity: new Date(2024, 1, 1) })]).message).toBe("The quantity is not a number: a date.");
    expect(only([aRow({ quantity: NaN })]).code).toBe("SV111");
  });

  it("a negative quantity is an error", () => {
    expect(only([aRow({ quantity: -3 })])).toMatchObject({ code: "SV112", severity: "error", message: "The quantity -3 is negative." });
  });

  it("a fraction of a person is an error where the unit counts people", () => {
    expect(only([aRow({ ref: "PPL", unit: "people", quantity: 2.5 })])).toMatchObject({ code: "SV113" });
  });

  it("a fraction of an FTE is fine", () => {
    expect(codes([aRow({ ref: "M1", quantity: 0.5 })])).toEqual([]);
  });

  it("a percentage over 100 is an error", () => {
    expect(codes([aRow({ ref: "PCT", unit: "%", quantity: 120 })])).toEqual(["SV118", "SV114"]);
  });

  it("a percentage below 1 may be a fraction and gets an info", () => {
    const f = validate([aRow({ ref: "PCT", unit: "%", quantity: 0.4 })]).findings.find((x) => x.code === "SV117");
    expect(f?.message).toBe("0.4 is read as 0.4%; if 40% was meant, enter 40.");
  });

  it("a quantity above the measure's maximum is a warning and still counts", () => {
    const result = validate([aRow({ ref: "CAP", unit: "weeks", quantity: 60 })]);
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([["SV115", "warning"]]);
    expect(result.commitments).toHaveLength(1);
  });

  it("a number typed as text is an error saying how it reads, and is not counted, as the sheet cannot count it", () => {
    const result = validate([aRow({ ref: "SPEND", unit: "£", quantity: "£1,200.50" })]);
    expect(result.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ["SV116", "error", "The quantity \u201c£1,200.50\u201d is typed as text, so the sheet's formulas cannot count it (it reads as 1,200.5)."],
    ]);
    expect(result.commitments).toEqual([]);
  });

  it("a record-only measure gets an info and is kept", () => {
    const result = validate([aRow({ ref: "PCT", unit: "%", quantity: 40 })]);
    expect(result.findings.map((f) => [f.code, f.severity, f.column])).toEqual([["SV118", "info", "Ref"]]);
    expect(result.commitments).toHaveLength(1);
  });
});

describe("validateCommitments: a measure with no proxy value", () => {
  it("says on the row's Proxy cell that the commitment counts £0, and still counts the row", () => {
    const result = validate([aRow({ row: 7, ref: "NOPX", unit: "hours", quantity: 40 })]);
    expect(result.findings.map((f) => [f.code, f.severity, f.column, f.row])).toEqual([["SV122", "warning", "Proxy", 7]]);
    expect(result.findings[0]?.message).toMatch(/NOPX has no proxy value.*counts £0/);
    expect(result.commitments).toEqual([expect.objectContaining({ ref: "NOPX", quantity: 40 })]);
  });

  it("raises nothing for a record-only measure (SV118 says it) or a proxy of £0, which the council chose", () => {
    const table = [...TABLE, aMeasure({ ref: "ZERO", proxy: 0 })];
    expect(validate([aRow({ ref: "PCT", unit: "%", quantity: 40 }), aRow({ ref: "ZERO" })], {}, table).findings.map((f) => f.code)).toEqual(["SV118"]);
  });

  it("leaves it to SV104 when the measure is out of scope", () => {
    const table = [aMeasure({ ref: "NOPX", unit: "hours", proxy: null, inScope: false })];
    expect(validate([aRow({ ref: "NOPX", unit: "hours" })], {}, table).findings.map((f) => f.code)).toEqual(["SV104"]);
  });

  it("is what SVCHECK shows for the row when it is given the measure's proxy, and OK once the proxy is there", () => {
    expect(checkCommitment("NOPX", 40, "hours", indexMeasures(TABLE))).toMatch(/^SV122 NOPX has no proxy value/);
    expect(checkCommitment("NOPX", 40, "hours", indexMeasures([aMeasure({ ref: "NOPX", unit: "hours", proxy: 101 })]))).toBe("OK");
  });
});

describe("validateCommitments: evidence", () => {
  it("missing evidence where the measure requires it is a warning", () => {
    expect(only([aRow({ ref: "EVID", unit: "tonnes", quantity: 3, evidence: "" })])).toMatchObject({
      code: "SV119",
      severity: "warning",
      column: "Evidence",
    });
  });

  it("evidence that says there is none counts as missing", () => {
    expect(codes([aRow({ ref: "EVID", unit: "tonnes", quantity: 3, evidence: "N/A" })])).toEqual(["SV119"]);
  });

  it("evidence text or a ticked box satisfies the requirement", () => {
    expect(codes([aRow({ ref: "EVID", quantity: 3, unit: "", evidence: "Waste partner letter" })])).toEqual([]);
    expect(codes([aRow({ ref: "EVID", quantity: 3, unit: "", evidence: true })])).toEqual([]);
  });
});

describe("validateCommitments: double counting and exclusive measures", () => {
  it("the same bidder and measure twice is an error on the second row naming the first", () => {
    const { findings, commitments } = validate([
      aRow({ row: 3, bidder: "Acme Ltd", ref: "M1" }),
      aRow({ row: 9, bidder: "ACME LTD ", ref: " m1" }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "SV201", row: 9, otherRow: 3, bidder: "Acme Ltd", ref: "M1" });
    expect(findings[0]?.message).toBe("Acme Ltd already commits to M1 in row 3; counting both would count it twice.");
    // Both rows still count, as SV Scores sums them; the bid is held back instead (heldBids).
    expect(commitments.map((c) => c.row)).toEqual([3, 9]);
  });

  it("two bidders may commit to the same measure", () => {
    expect(codes([aRow({ bidder: "Acme Ltd" }), aRow({ bidder: "Beta plc" })])).toEqual([]);
  });

  it("mutually exclusive measures claimed by one bidder are a warning naming both rows, whichever side declares it", () => {
    const forwards = validate([aRow({ row: 2, ref: "SPEND", unit: "£", quantity: 10 }), aRow({ row: 3, ref: "SME", unit: "£", quantity: 10 })]);
    const backwards = validate([aRow({ row: 2, ref: "SME", unit: "£", quantity: 10 }), aRow({ row: 3, ref: "SPEND", unit: "£", quantity: 10 })]);
    expect(forwards.findings.map((f) => [f.code, f.severity, f.row, f.otherRow])).toEqual([["SV202", "warning", 3, 2]]);
    expect(backwards.findings.map((f) => [f.code, f.row, f.otherRow])).toEqual([["SV202", 3, 2]]);
    expect(forwards.findings[0]?.message).toBe(
      "Acme Ltd commits to SME here and to SPEND in row 2; the two cannot count the same thing."
    );
    expect(forwards.commitments).toHaveLength(2);
  });
});

describe("validateCommitments: £ and deliverability", () => {
  it("a £ commitment larger than the contract value is an implausible error, and the row is not counted", () => {
    const { findings, commitments } = validate([aRow({ ref: "SPEND", unit: "£", quantity: 2_000_000 })], { contractValue: 1_000_000 });
    const f = findings.find((x) => x.code === "SV123");
    expect(f).toMatchObject({ severity: "error", column: "Quantity" });
    expect(f?.message).toBe("£2,000,000 for SPEND is more than the whole contract value (£1,000,000), which is not credible as offered.");
    expect(commitments).toEqual([]);
  });

  it("a bid worth more than the contract value is an implausible error on the bidder's first row", () => {
    const { findings } = validate(
      [aRow({ row: 4, ref: "SPEND", unit: "£", quantity: 600_000 }), aRow({ row: 5, ref: "M1", quantity: 5_000 })],
      { contractValue: 1_000_000 }
    );
    expect(findings.map((f) => [f.code, f.severity, f.row, f.column])).toEqual([["SV206", "error", 4, "Bidder"]]);
    expect(findings[0]?.message).toBe("Acme Ltd's commitments are worth £1,100,000, more than the contract value (£1,000,000), which is not credible as offered.");
  });

  it("a return above twice the benchmark upper quartile is an implausible error", () => {
    // 80% of the contract value: under the value, over 2 × 36.6%.
    const { findings } = validate([aRow({ ref: "M1", quantity: 8_000 })], { contractValue: 1_000_000 });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([["SV207", "error"]]);
    expect(findings[0]?.message).toBe(
      "Acme Ltd's commitments return 80% of the contract value, more than twice the benchmark upper quartile (36.6%), which is not credible as offered."
    );
  });

  it("a return just under twice the quartile raises nothing", () => {
    expect(codes([aRow({ ref: "M1", quantity: 7_300 })], { contractValue: 1_000_000 })).toEqual([]);
  });

  it("uses the benchmark quartile it is given", () => {
    expect(codes([aRow({ ref: "M1", quantity: 3_000 })], { contractValue: 1_000_000, deliverabilityReturn: 0.1 })).toEqual(["SV207"]);
  });

  it("counts only accepted rows, and nothing for record-only measures, in a bid's total", () => {
    const { findings } = validate(
      [
        aRow({ ref: "M1", quantity: 5_000 }), // £500,000
        aRow({ ref: "HRS", quantity: -100_000 }), // rejected
        aRow({ ref: "PCT", unit: "%", quantity: 100 }), // record only
      ],
      { contractValue: 1_000_000 }
    );
    expect(findings.map((f) => f.code)).toEqual(["SV112", "SV118"]);
  });

  it("skips the £ checks without a contract value", () => {
    expect(codes([aRow({ ref: "SPEND", unit: "£", quantity: 1e12 })])).toEqual([]);
  });
});

describe("validateCommitments: report", () => {
  it("reports every problem of a row, sorted by row then column", () => {
    const { findings, counts } = validate([
      aRow({ row: 10, bidder: "", ref: "PPL", unit: "hrs", quantity: -1 }),
      aRow({ row: 2, bidder: "Acme Ltd", ref: "nope", quantity: "x" }),
    ]);
    expect(findings.map((f) => [f.row, f.column, f.code])).toEqual([
      [2, "Ref", "SV103"],
      [2, "Quantity", "SV111"],
      [10, "Bidder", "SV101"],
      [10, "Quantity", "SV112"],
      [10, "Unit", "SV108"],
    ]);
    expect(counts).toEqual({ error: 5, warning: 0, info: 0 });
  });

  it("names the bidder as first spelled on every finding and commitment", () => {
    const { commitments } = validate([aRow({ bidder: "Acme Ltd", ref: "M1" }), aRow({ bidder: "ACME ltd", ref: "HRS", quantity: 1 })]);
    expect(commitments.map((c) => c.bidder)).toEqual(["Acme Ltd", "Acme Ltd"]);
  });

  it("counts each finding once by severity", () => {
    const { findings, counts } = validate([aRow({ ref: "PCT", quantity: "150" }), aRow({ ref: "CAP", quantity: 99 })]);
    expect(counts).toEqual({
      error: findings.filter((f) => f.severity === "error").length,
      warning: findings.filter((f) => f.severity === "warning").length,
      info: findings.filter((f) => f.severity === "info").length,
    });
  });
});

describe("validateCommitments: any cell content", () => {
  const cell = fc.anything({ withDate: true, withBigInt: true, withNullPrototype: true, withMap: true, withSet: true });
  const cellOrRealistic = fc.oneof(cell, fc.constantFrom("M1", "m1 ", "SPEND", "PPL", "hrs", "£", "1,200", "Acme", "", null));
  const rowsArb = fc
    .array(fc.record({ bidder: cellOrRealistic, ref: cellOrRealistic, quantity: cellOrRealistic, unit: cellOrRealistic, evidence: cellOrRealistic }), {
      maxLength: 30,
    })
    .map((rows) => rows.map((r, i) => ({ row: i + 2, ...r })));
  const contextArb = fc.record(
    { contractValue: fc.oneof(fc.double(), fc.constant(1_000_000)), deliverabilityReturn: fc.double() },
    { requiredKeys: [] }
  );

  it("never throws, and every finding has a catalogue code, its severity, and a row that exists", () => {
    fc.assert(
      fc.property(rowsArb, contextArb, (rows, context) => {
        const result = validateCommitments(rows, TABLE, context);
        const rowNumbers = new Set(rows.map((r) => r.row));
        for (const f of result.findings) {
          const entry = findingByCode(f.code);
          if (entry === undefined || entry.severity !== f.severity || !rowNumbers.has(f.row)) return false;
          // Every placeholder filled (user text may hold braces, but not these names).
          const placeholders = (entry.message + entry.action).match(/\{\w+\}/g) ?? [];
          if (placeholders.some((p) => f.message.includes(p) || f.action.includes(p))) return false;
        }
        const errorRows = new Set(result.findings.filter((f) => f.severity === "error").map((f) => f.row));
        return result.commitments.every((c) => !errorRows.has(c.row) && Number.isFinite(c.quantity) && c.quantity >= 0);
      }),
      { numRuns: 300 }
    );
  });
});

describe("validateCommitments: any measure table", () => {
  const refArb = fc.constantFrom("A", "a ", "B", "C", " ", "");
  const measureArb = fc.record({
    ref: refArb,
    unit: fc.constantFrom("FTE", "people", "count", "weeks", "hours", "GBP", "percent"),
    proxy: fc.option(fc.double({ min: 0, noNaN: true }), { nil: null }),
    type: fc.constantFrom("LEV", "SV", "Record"),
    inScope: fc.boolean(),
    max: fc.option(fc.double(), { nil: undefined }),
    evidenceRequired: fc.boolean(),
    excludes: fc.array(refArb, { maxLength: 3 }),
  });
  const rowArb = fc.record({ bidder: fc.constantFrom("X", "x ", "Y", ""), ref: refArb, quantity: fc.anything(), unit: fc.anything(), evidence: fc.anything() });

  it("never throws on odd tables: duplicated refs, self-exclusion, negative maximums", () => {
    fc.assert(
      fc.property(fc.array(measureArb, { maxLength: 6 }), fc.array(rowArb, { maxLength: 12 }), (partials, rawRows) => {
        const table = partials.map((m) => aMeasure(m as Partial<MeasureEntry>));
        const rows = rawRows.map((r, i) => ({ row: i + 2, ...r }));
        const result = validateCommitments(rows, table, { contractValue: 1000 });
        return result.findings.every((f) => findingByCode(f.code) !== undefined);
      }),
      { numRuns: 300 }
    );
  });
});

describe("checkCommitment", () => {
  const index = indexMeasures(TABLE);

  it("says OK for a valid row", () => {
    expect(checkCommitment("m1", 3, "fte", index)).toBe("OK");
  });

  it("says OK for a blank row", () => {
    expect(checkCommitment("", null, "", index)).toBe("OK");
  });

  it("starts its message with the code the validator uses", () => {
    expect(checkCommitment("ECC99", 3, "", index)).toBe("SV103 \u201cECC99\u201d is not a measure in this tender's measure table.");
  });

  it("reports the first error in argument order before any warning or info", () => {
    expect(checkCommitment("PCT", -5, "days", index)).toMatch(/^SV112 /);
    expect(checkCommitment("PCT", 40, "", index)).toMatch(/^SV118 /);
  });

  it("reports a number typed as text, which breaks the sheet's value formula", () => {
    expect(checkCommitment("M1", "1,200", "", index)).toMatch(/^SV116 /);
  });

  it("works with the bare refs and units a custom function has", () => {
    const bare = new Map([["HRS", { ref: "HRS", unit: "hours" as const }]]);
    expect(checkCommitment("hrs", 2, "hrs", bare)).toBe("OK");
    expect(checkCommitment("hrs", 2, "weeks", bare)).toMatch(/^SV108 /);
  });

  it("agrees with the validator: its answer is one of the validator's findings for the same row", () => {
    const cellArb = fc.oneof(fc.anything(), fc.constantFrom("M1", "PCT", "PPL", "CAP", "OUT", "NOPX", "nope", "", 3, -1, 2.5, 150, "1,200", "hrs", "%", "people"));
    fc.assert(
      fc.property(cellArb, cellArb, cellArb, (ref, quantity, unit) => {
        // SVCHECK sees no bidder: a row blank in its three cells is "OK" there, even if a bidder is typed.
        fc.pre(!(isBlank(ref) && isBlank(quantity) && isBlank(unit)));
        const answer = checkCommitment(ref, quantity, unit, index);
        const rowCodes = validateCommitments([{ row: 2, bidder: "X", ref, quantity, unit, evidence: "yes" }], TABLE).findings.map(
          (f) => f.code
        );
        const own = rowCodes.filter((c) => (CHECK_COMMITMENT_CODES as readonly string[]).includes(c));
        return answer === "OK" ? own.length === 0 : own.includes(answer.slice(0, 5) as (typeof own)[number]);
      }),
      { numRuns: 500 }
    );
  });

  it("never throws, and answers OK or a code it is documented to return", () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withBigInt: true }), fc.anything(), fc.anything(), (ref, quantity, unit) => {
        const answer = checkCommitment(ref, quantity, unit, index);
        return answer === "OK" || CHECK_COMMITMENT_CODES.some((code) => answer.startsWith(code + " "));
      }),
      { numRuns: 500 }
    );
  });
});
