import "../support/customFunctions";
import type { MeasureEntry } from "../../src/core/setup/measureTable";
import type { UnitKey } from "../../src/core/setup/units";
import { validateCommitments } from "../../src/core/validate/validateCommitments";
import { svCheck } from "../../src/functions/functions";

/**
 * TENDER.SVCHECK(ref, quantity, unit, measure_refs, measure_units, [in_scope]),
 * DESIGN.md "Custom functions": "OK" or the first problem, as a short message starting with
 * a stable code (the codes the task pane's validator uses).
 */

/** Excel passes null for an omitted optional argument; the TypeScript signature says undefined. */
const OMITTED = null as unknown as undefined;
const BLANKS = [[""], [null]] as const;

/** A one-column range: col("A", "B") is [["A"], ["B"]]. */
const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

/** An Essex-style measure table: ref and unit as the SV Measures sheet holds them. */
const TABLE: ReadonlyArray<readonly [ref: string, unit: string]> = [
  ["ECC01", "FTE"],
  ["ECC03", "people"],
  ["ECC10", "weeks"],
  ["ECC11", "hours"],
  ["ECC18", "£"],
];
const REFS = col(...TABLE.map(([ref]) => ref));
const UNITS = col(...TABLE.map(([, unit]) => unit));

/** =TENDER.SVCHECK([@Ref], [@Quantity], [@Unit], SV_Measures[Ref], SV_Measures[Unit]) */
function check(ref: unknown, quantity: unknown, unit: unknown = "", inScope: unknown[][] | undefined = OMITTED): string {
  return svCheck(ref, quantity, unit, REFS, UNITS, inScope);
}

/** An in_scope column with every measure in scope but `ref`, which gets `flag`. */
function inScopeExcept(ref: string, flag: unknown): unknown[][] {
  return col(...TABLE.map(([r]) => (r === ref ? flag : true)));
}

const CODE = /^SV1\d\d /;

describe("TENDER.SVCHECK accepts good rows", () => {
  it('returns "OK" for a good row', () => {
    expect(check("ECC10", 26, "weeks")).toBe("OK");
  });

  it.each(BLANKS)("a blank unit (%p) means the measure's own unit", (blank) => {
    expect(check("ECC10", 26, blank)).toBe("OK");
  });

  it.each([["ecc10"], [" ECC10 "], ["Ecc10\t"]])("finds ref %p after trimming, case-insensitively", (ref) => {
    expect(check(ref, 26, "weeks")).toBe("OK");
  });

  it.each<[string, string]>([
    ["ECC11", "hrs"],
    ["ECC11", "Hours"],
    ["ECC18", "GBP"],
    ["ECC18", "gbp"],
    ["ECC18", "pounds"],
    ["ECC01", "fte"],
    ["ECC10", "wks"],
    ["ECC03", "persons"],
  ])("accepts %s with the alias %p for its unit", (ref, unit) => {
    expect(check(ref, 12, unit)).toBe("OK");
  });

  it("accepts an alias in the measure table too", () => {
    expect(svCheck("M1", 3, "hours", col("M1"), col("hrs"), OMITTED)).toBe("OK");
  });

  it("accepts a fraction of an FTE", () => {
    expect(check("ECC01", 2.5, "FTE")).toBe("OK");
  });

  it("accepts a quantity of 0", () => {
    expect(check("ECC10", 0)).toBe("OK");
  });

  it.each([
    ["", "", ""],
    [null, null, null],
    ["", null, ""],
  ])("returns OK for a blank row (%p, %p, %p)", (ref, quantity, unit) => {
    expect(check(ref, quantity, unit)).toBe("OK");
  });

  it("accepts one-cell ranges for ref, quantity and unit", () => {
    expect(svCheck([["ECC10"]], [[26]], [["weeks"]], REFS, UNITS, OMITTED)).toBe("OK");
  });
});

describe("TENDER.SVCHECK reports a problem with its code", () => {
  it("an unknown ref is SV103 naming the ref", () => {
    const message = check("ECC99", 1);
    expect(message).toMatch(CODE);
    expect(message).toMatch(/^SV103 .*ECC99.* not a measure/);
  });

  it("a unit that does not match the measure's is SV108 naming both", () => {
    expect(check("ECC10", 26, "hours")).toMatch(/^SV108 .*hours.*ECC10.*weeks/);
  });

  it("people are not FTE: SV108", () => {
    expect(check("ECC01", 5, "people")).toMatch(/^SV108 /);
  });

  it("a unit the add-in does not know is SV107", () => {
    expect(check("ECC10", 26, "fortnights")).toMatch(/^SV107 .*fortnights/);
  });

  it("a negative quantity is SV112", () => {
    expect(check("ECC10", -1, "weeks")).toMatch(/^SV112 .*-1/);
  });

  it.each([[2.5], [0.5]])("%p people is SV113: people are counted in whole numbers", (quantity) => {
    expect(check("ECC03", quantity, "people")).toMatch(/^SV113 .*ECC03.*whole number/);
  });

  it.each(BLANKS)("a quantity with a blank ref (%p) is SV102", (blank) => {
    expect(check(blank, 5)).toMatch(/^SV102 /);
  });

  it.each(BLANKS)("a ref with a blank quantity (%p) is SV110", (blank) => {
    expect(check("ECC10", blank, "weeks")).toMatch(/^SV110 /);
  });

  it.each([["lots"], [true]])("a quantity of %p is SV111", (quantity) => {
    expect(check("ECC10", quantity, "weeks")).toMatch(/^SV111 /);
  });

  it("a number typed as text is SV116, since SVVALUE cannot add it", () => {
    expect(check("ECC10", "12", "weeks")).toMatch(/^SV116 .*12/);
  });

  it("a ref that is not text is SV106", () => {
    expect(check(true, 1)).toMatch(/^SV106 /);
  });
});

describe("TENDER.SVCHECK in_scope column", () => {
  it.each([[false], ["No"], ["n"], ["0"], [" FALSE "]])("a measure marked %p is SV104 naming it", (flag) => {
    expect(check("ECC10", 26, "weeks", inScopeExcept("ECC10", flag))).toMatch(/^SV104 ECC10 .*not in scope/);
  });

  it.each([[true], ["Yes"], ["Y"], [1], [""], [null], [0]])("a measure marked %p is in scope (0 is how older desktop builds pass a blank)", (flag) => {
    expect(check("ECC10", 26, "weeks", inScopeExcept("ECC10", flag))).toBe("OK");
  });

  it("only the measure marked out of scope is flagged", () => {
    expect(check("ECC11", 10, "hours", inScopeExcept("ECC10", false))).toBe("OK");
  });

  it("without the column, every measure is in scope", () => {
    expect(check("ECC10", 26, "weeks", OMITTED)).toBe("OK");
  });

  it("an in_scope column of another size than measure_refs is #VALUE! naming both sizes", () => {
    expect(() => check("ECC10", 26, "weeks", col(true, true))).toThrowExcelError("#VALUE!", /in_scope has 2 cells but measure_refs has 5/);
  });
});

describe("TENDER.SVCHECK returns the first problem", () => {
  it("the ref's problem before the quantity's and the unit's", () => {
    expect(check("ECC99", -1, "fortnights")).toMatch(/^SV103 /);
  });

  it("the quantity's problem before the unit's", () => {
    expect(check("ECC10", -1, "hours")).toMatch(/^SV112 /);
  });

  it("a number typed as text is an error like the unit's, so the quantity's comes first", () => {
    expect(check("ECC10", "12", "hours")).toMatch(/^SV116 /);
  });

  it("an error before information, even information on an earlier argument", () => {
    // ECC10 record-only: an info on the ref (SV118), then an error on the unit (SV108).
    const types = col(...TABLE.map(([ref]) => (ref === "ECC10" ? "Record" : "SV")));
    expect(svCheck("ECC10", 12, "hours", REFS, UNITS, OMITTED, OMITTED, types)).toMatch(/^SV108 /);
  });
});

describe("TENDER.SVCHECK measure table", () => {
  it("measure_refs and measure_units of different sizes are #VALUE! naming both sizes", () => {
    expect(() => svCheck("ECC10", 1, "", REFS, col("FTE", "people"), OMITTED)).toThrowExcelError(
      "#VALUE!",
      /measure_refs has 5 cells but measure_units has 2/
    );
  });

  it("a unit the add-in does not know in the measure table is #VALUE! naming its row and measure", () => {
    expect(() => svCheck("ECC10", 1, "", col("ECC10", "ECC11"), col("weeks", "parsecs"), OMITTED)).toThrowExcelError(
      "#VALUE!",
      /measure_units row 2: "parsecs" is not a unit .*ECC11/
    );
  });

  it("a duplicated measure ref is #VALUE! naming it", () => {
    expect(() => svCheck("ECC10", 1, "", col("ECC10", " ecc10"), col("weeks", "weeks"), OMITTED)).toThrowExcelError("#VALUE!", /"ecc10" twice \(measure_refs row 2\)/);
  });

  it.each(BLANKS)("skips a blank row (%p) of the measure table", (blank) => {
    expect(svCheck("ECC10", 1, "", col("ECC10", blank), col("weeks", blank), OMITTED)).toBe("OK");
  });

  it("a ref range of more than one cell is #VALUE! naming it", () => {
    expect(() => svCheck([["ECC10"], ["ECC11"]], 1, "", REFS, UNITS, OMITTED)).toThrowExcelError("#VALUE!", /ref must be one cell/);
  });
});

describe("TENDER.SVCHECK uses the task pane validator's codes", () => {
  const measures: MeasureEntry[] = TABLE.map(([ref, unit]) => ({
    ref,
    themeId: "t",
    theme: "Theme",
    outcomeId: "o",
    outcome: "Outcome",
    description: ref,
    unit: ({ FTE: "FTE", people: "people", weeks: "weeks", hours: "hours", "£": "GBP" } as Record<string, UnitKey>)[unit] as UnitKey,
    proxy: 10,
    type: "LEV",
    inScope: true,
    evidenceRequired: false,
    excludes: [],
    firstYearOnly: false,
  }));

  it.each([
    ["ECC99", 1, ""],
    ["ECC10", 26, "hours"],
    ["ECC10", 26, "fortnights"],
    ["ECC10", -3, ""],
    ["ECC03", 1.5, ""],
    ["ECC10", "lots", ""],
    ["ECC10", "", ""],
    ["", 4, ""],
    ["ECC18", 12_000, "GBP"],
  ])("row (%p, %p, %p) gets the code validateCommitments gives it", (ref, quantity, unit) => {
    const { findings } = validateCommitments([{ row: 2, bidder: "Acme Ltd", ref, quantity, unit }], measures);
    const expected = findings.find((f) => f.severity === "error")?.code;
    const result = check(ref, quantity, unit);
    expect(result === "OK" ? undefined : result.slice(0, 5)).toBe(expected);
  });
});

describe("TENDER.SVCHECK where an older desktop build passes empty cells as 0 (office-js #4702)", () => {
  it("a row of empty cells is OK, as it is with null", () => {
    expect(check(0, 0, 0)).toBe("OK");
    expect(check(null, null, null)).toBe("OK");
  });

  it("empty rows in the measure table (0 for ref and unit) are skipped, not a measure \"0\" twice", () => {
    const refs = col(...TABLE.map(([ref]) => ref), 0, 0);
    const units = col(...TABLE.map(([, unit]) => unit), 0, 0);
    expect(svCheck("ECC10", 26, "weeks", refs, units, OMITTED)).toBe("OK");
  });

  it("a quantity with no ref is still SV102, whichever way the ref's empty cell arrives", () => {
    expect(check(0, 5, "hours")).toMatch(/^SV102 /);
    expect(check(null, 5, "hours")).toMatch(/^SV102 /);
  });
});

describe("TENDER.SVCHECK and a measure with no proxy value (SV122)", () => {
  /** Essex as shipped: ECC11 (expert hours) priced at £101 in this table, the others blank, ECC18 record-only. */
  const PROXIES = col("", "", "", "101", "");
  const TYPES = col("LEV", "SV", "SV", "SV", "Record");
  const withProxies = (ref: string, quantity: unknown, proxies: unknown[][] = PROXIES, types: unknown[][] | undefined = TYPES): string =>
    svCheck(ref, quantity, "", REFS, UNITS, OMITTED, proxies, types ?? OMITTED);

  it("says a commitment to a measure with a blank proxy counts £0, rather than OK", () => {
    expect(withProxies("ECC10", 26)).toMatch(/^SV122 ECC10 has no proxy value on SV Measures, so this commitment counts £0/);
  });

  it("is OK once the measure has a proxy", () => {
    expect(withProxies("ECC11", 40)).toBe("OK");
    expect(withProxies("ECC10", 26, col("", "", "16.93", "101", ""))).toBe("OK");
  });

  it("a proxy of 0 is the council's own figure, not a missing one", () => {
    expect(withProxies("ECC10", 26, col(0, 0, 0, 0, 0))).toBe("OK");
  });

  it("says SV118 for a record-only measure, whose £0 is by design", () => {
    expect(withProxies("ECC18", 12)).toMatch(/^SV118 /);
  });

  it("an error on the row still comes first", () => {
    expect(withProxies("ECC10", -3)).toMatch(/^SV112 /);
  });

  it("judges nothing about proxies when none are passed (formulas written before the argument existed)", () => {
    expect(check("ECC10", 26)).toBe("OK");
  });

  it("refuses proxies or types of another size than measure_refs, with a message", () => {
    expect(() => withProxies("ECC10", 26, col("", ""))).toThrow(/proxies has 2 cells but measure_refs has 5/);
    expect(() => withProxies("ECC10", 26, PROXIES, col("SV"))).toThrow(/types has 1 cells but measure_refs has 5/);
  });
});

describe("SVCHECK: implausible figures and the panel's outcome (issue #16 point 4)", () => {
  // As the template passes them: proxies and ceilings as text, blank where there is none.
  const PROXIES = col("28000", "", "500", "16.93", "1");
  const TYPES = col("LEV", "SV", "SV", "SV", "LEV");
  const CEILINGS = col("", "", "52", "", "");
  const implausible = (ref: string, quantity: unknown, clarified: unknown = "", contractValue: unknown = 1_000_000): string =>
    svCheck(ref, quantity, "", REFS, UNITS, OMITTED, PROXIES, TYPES, CEILINGS, contractValue, clarified);

  it("a commitment worth more than the contract value is SV123, an error", () => {
    expect(implausible("ECC11", 999_999_999_999_999)).toMatch(/^SV123 999,999,999,999,999 hours \(worth £/);
  });

  it("a £ quantity above the contract value is SV123 whatever its proxy", () => {
    expect(implausible("ECC18", 1_500_000)).toBe(
      "SV123 £1,500,000 for ECC18 is more than the whole contract value (£1,000,000), which is not credible as offered.",
    );
  });

  it("a quantity above the measure's ceiling is SV124", () => {
    expect(implausible("ECC10", 53)).toBe("SV124 53 is above the ceiling the council set for ECC10 (52), which is not credible as offered.");
  });

  it("with the panel's outcome either reads SV125, naming a cap", () => {
    expect(implausible("ECC10", 53, "Capped 52")).toBe("SV125 The panel clarified this commitment: capped at 52.");
    expect(implausible("ECC11", 999_999_999_999_999, "accepted")).toBe("SV125 The panel clarified this commitment: accepted as stated.");
  });

  it("no contract value (blank, or 0 as older desktop builds pass a blank) means no SV123", () => {
    expect(implausible("ECC11", 999_999_999_999_999, "", "")).toBe("OK");
    expect(implausible("ECC11", 999_999_999_999_999, "", 0)).toBe("OK");
  });

  it("ceilings of another size than measure_refs are #VALUE!", () => {
    expect(() => svCheck("ECC10", 1, "", REFS, UNITS, OMITTED, PROXIES, TYPES, col("", ""), OMITTED, OMITTED)).toThrowExcelError("#VALUE!", /ceilings has 2 cells but measure_refs has 5/);
  });
});
