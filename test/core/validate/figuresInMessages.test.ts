/**
 * Validate's messages never print a figure as JavaScript prints what is not one ("NaN",
 * "£Infinity", "1e+21") whatever the numbers in the sheet, the measure table or the settings:
 * huge, endless or not numbers at all (issue #17, point 4). The cells' own text is left out of the
 * inputs, so anything of the kind in a message would be ours.
 */
import fc from "fast-check";
import type { MeasureEntry } from "../../../src/core/setup/measureTable";
import { validateCommitments } from "../../../src/core/validate/validateCommitments";
import { aMeasure } from "../builders";

const UNREADABLE = /NaN|Infinity|\de[+-]?\d/;

const figure = fc.oneof(
  fc.double(),
  fc.constantFrom(0, 1, 40, 100, 150, 1e15, 999_999_999_999_999, 1e21, 1e300, Number.MAX_VALUE, -5, NaN, Infinity, -Infinity),
);
const ref = fc.constantFrom("A", "B", "C", "D");
const measure = fc.record({
  ref,
  unit: fc.constantFrom("FTE", "people", "count", "weeks", "hours", "GBP", "percent", "tCO2e"),
  proxy: fc.option(figure, { nil: null }),
  type: fc.constantFrom("LEV", "SV", "Record"),
  max: fc.option(figure, { nil: undefined }),
  ceiling: fc.option(figure, { nil: undefined }),
  excludes: fc.array(ref, { maxLength: 2 }),
});
const row = fc.record({
  bidder: fc.constantFrom("Acme", "Birch"),
  ref,
  quantity: fc.oneof(figure, fc.constantFrom("1,200", "£5,000", "40%", "")),
  unit: fc.constantFrom("", "FTE", "hours", "£", "%", "people"),
  evidence: fc.constantFrom("", "Payroll"),
});

describe("Validate's messages, whatever the figures", () => {
  it("never say NaN, Infinity or a figure in exponent notation", () => {
    fc.assert(
      fc.property(fc.array(measure, { minLength: 1, maxLength: 4 }), fc.array(row, { maxLength: 10 }), figure, figure, (partials, rawRows, contractValue, deliverabilityReturn) => {
        const table = partials.map((m) => aMeasure(m as Partial<MeasureEntry>));
        const rows = rawRows.map((r, i) => ({ row: i + 2, ...r }));
        const { findings } = validateCommitments(rows, table, { contractValue, deliverabilityReturn });
        const said = findings.map((f) => `${f.message} ${f.action}`).find((text) => UNREADABLE.test(text));
        if (said !== undefined) throw new Error(said);
        return true;
      }),
      { numRuns: 1500 },
    );
  });
});
