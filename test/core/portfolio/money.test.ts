import { penceOf, poundsOf, shareOfPence } from "../../../src/core/portfolio/money";

describe("pence", () => {
  it("rounds pounds to the nearest penny once, halves away from zero", () => {
    expect(penceOf(1.005)).toBe(101);
    expect(penceOf(0.125)).toBe(13);
    expect(penceOf(-0.125)).toBe(-13);
    expect(penceOf(120000)).toBe(12_000_000);
    expect(penceOf(Number.NaN)).toBe(0);
  });

  it("adds exactly where pounds in doubles drift", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(poundsOf(penceOf(0.1) + penceOf(0.2))).toBe(0.3);
  });

  it("takes a share of a sum to the nearest penny", () => {
    expect(shareOfPence(7_500_000, 50_000, 150_000)).toBe(2_500_000);
    expect(shareOfPence(100, 1, 3)).toBe(33);
    expect(shareOfPence(100, 2, 3)).toBe(67);
    expect(shareOfPence(100, 5, 0)).toBe(0);
  });
});
