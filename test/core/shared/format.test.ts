import fc from "fast-check";
import { formatGBP, formatNumber, formatPercent, quote } from "../../../src/core/shared/format";

describe("formatGBP", () => {
  it.each([
    [177_897, "£177,897"],
    [1_000_000, "£1,000,000"],
    [1200.5, "£1,200.50"],
    [0.05, "£0.05"],
    [0, "£0"],
    [-5, "-£5"],
    [999.999, "£1,000"],
    [Infinity, "more than £1,000,000,000,000,000,000,000"],
    [-Infinity, "less than -£1,000,000,000,000,000,000,000"],
    [1e21, "more than £1,000,000,000,000,000,000,000"],
    [NaN, "an amount that could not be worked out"],
    // An implausible commitment's worth, as Validate's SV123 message quotes it: no pence of noise.
    [999_999_999_999_999 * 5000, "£4,999,999,999,999,995,000"],
    [-(2 ** 60), "-£1,152,921,504,606,847,000"],
    [90_000_000_000_000.25, "£90,000,000,000,000.25"],
  ])("formats %p as %p", (n, text) => {
    expect(formatGBP(n)).toBe(text);
  });
});

describe("formatNumber", () => {
  it.each([
    [1234.5, "1,234.5"],
    [12, "12"],
    [0.125, "0.13"],
    [-0.001, "0"],
    [-1234, "-1,234"],
    [NaN, "a figure that could not be worked out"],
    [Infinity, "more than 1,000,000,000,000,000,000,000"],
    [-1e300, "less than -1,000,000,000,000,000,000,000"],
  ])("formats %p as %p", (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});

describe("formatPercent", () => {
  it("shows a ratio as a percentage with at most one decimal", () => {
    expect(formatPercent(0.366)).toBe("36.6%");
    expect(formatPercent(0.1)).toBe("10%");
    expect(formatPercent(0.8)).toBe("80%");
  });

  it("says a percentage of nothing, or of an endless figure, in words", () => {
    expect(formatPercent(0 / 0)).toBe("a percentage that could not be worked out");
    expect(formatPercent(1 / 0)).toBe("more than 1,000,000,000,000,000,000,000%");
  });
});

describe("quote", () => {
  it("quotes and shortens user text", () => {
    expect(quote("ECC1")).toBe("\u201cECC1\u201d");
    expect(quote("a".repeat(100))).toHaveLength(42);
  });
});

describe("no figure is printed as JavaScript prints what is not one", () => {
  // Evaluators read messages: "£Infinity", "NaN" or "1e+21" tell them nothing (issue #17).
  const unreadable = /NaN|Infinity|\de[+-]?\d/;

  it("formatNumber, formatGBP and formatPercent never print NaN, Infinity or exponents, whatever the double", () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 0, max: 6 }), (n, decimals) =>
        [formatNumber(n, decimals), formatGBP(n), formatPercent(n, decimals)].every((text) => !unreadable.test(text)),
      ),
      { numRuns: 2000 },
    );
  });

  it("prints every finite figure below the limit in digits, with its sign", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e20, max: 1e20, noNaN: true }), (n) => /^-?[\d,]+(\.\d+)?$/.test(formatNumber(n)) && /^-?£[\d,]+(\.\d\d)?$/.test(formatGBP(n))),
      { numRuns: 2000 },
    );
  });
});
