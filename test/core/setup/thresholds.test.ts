import { thresholdVerdict } from "../../../src/core/setup/thresholds";
import { ESSEX_THRESHOLDS, SOUTHEND_THRESHOLDS } from "../builders";

describe("thresholdVerdict", () => {
  it("requires social value at or above Southend's supplies and services threshold", () => {
    const v = thresholdVerdict({ contractValue: 250_000, category: "supplies-services" }, SOUTHEND_THRESHOLDS, "Southend");
    expect(v.required).toBe(true);
    expect(v.reason).toBe("£250,000 is at or above Southend's £177,897 threshold for supplies and services, so social value must be evaluated.");
    expect(v.threshold).toEqual({ category: "supplies-services", minValue: 177_897 });
  });

  it("counts a value exactly at the threshold as meeting it", () => {
    expect(thresholdVerdict({ contractValue: 177_897, category: "supplies-services" }, SOUTHEND_THRESHOLDS).required).toBe(true);
  });

  it("does not require it just below the threshold, and says so", () => {
    const v = thresholdVerdict({ contractValue: 177_896.5, category: "supplies-services" }, SOUTHEND_THRESHOLDS, "Southend");
    expect(v.required).toBe(false);
    expect(v.reason).toBe(
      "£177,896.50 is below Southend's £177,897 threshold for supplies and services, so social value is not required (the council may still include it)."
    );
  });

  it("uses the light-touch threshold for light-touch services", () => {
    expect(thresholdVerdict({ contractValue: 500_000, category: "light-touch" }, SOUTHEND_THRESHOLDS).required).toBe(false);
    expect(thresholdVerdict({ contractValue: 552_950, category: "light-touch" }, SOUTHEND_THRESHOLDS).required).toBe(true);
  });

  it("needs both £1M and 24 months for works", () => {
    const both = thresholdVerdict({ contractValue: 1_500_000, category: "works", durationMonths: 36 }, SOUTHEND_THRESHOLDS, "Southend");
    expect(both.required).toBe(true);
    expect(both.reason).toBe(
      "£1,500,000 is at or above Southend's £1,000,000 threshold for works, and the contract runs 36 months (24 months or longer needed), so social value must be evaluated."
    );
  });

  it("says the length is missing when a works contract meets the value but runs too short", () => {
    const v = thresholdVerdict({ contractValue: 2_000_000, category: "works", durationMonths: 12 }, SOUTHEND_THRESHOLDS, "Southend");
    expect(v.required).toBe(false);
    expect(v.reason).toBe(
      "£2,000,000 is at or above Southend's £1,000,000 threshold for works, but the contract runs only 12 months and the threshold also needs 24 months or longer, so social value is not required."
    );
  });

  it("says the value is missing when a long works contract is under £1M", () => {
    const v = thresholdVerdict({ contractValue: 800_000, category: "works", durationMonths: 36 }, SOUTHEND_THRESHOLDS, "Southend");
    expect(v.required).toBe(false);
    expect(v.reason).toBe(
      "£800,000 is below Southend's £1,000,000 threshold for works (its 36 months does meet the 24 months or longer also needed), so social value is not required (the council may still include it)."
    );
  });

  it("says both are missing when neither is met", () => {
    const v = thresholdVerdict({ contractValue: 800_000, category: "works", durationMonths: 6 }, SOUTHEND_THRESHOLDS);
    expect(v.reason).toBe(
      "£800,000 is below the £1,000,000 threshold for works and its 6 months is short of the 24 months or longer also needed, so social value is not required (the council may still include it)."
    );
  });

  it("asks for the duration of a works contract that meets the value", () => {
    const v = thresholdVerdict({ contractValue: 1_000_000, category: "works" }, SOUTHEND_THRESHOLDS, "Southend");
    expect(v.required).toBe(false);
    expect(v.reason).toMatch(/length is not set: enter the duration/);
  });

  it("applies Essex's £100k threshold to every category", () => {
    for (const category of ["supplies-services", "light-touch", "works"] as const) {
      const v = thresholdVerdict({ contractValue: 100_000, category }, ESSEX_THRESHOLDS, "Essex");
      expect(v.required).toBe(true);
      expect(v.reason).toBe("£100,000 is at or above Essex's £100,000 threshold for all contracts, so social value must be evaluated.");
    }
    expect(thresholdVerdict({ contractValue: 99_999, category: "works" }, ESSEX_THRESHOLDS).required).toBe(false);
  });

  it("prefers a threshold for the tender's category to one for all contracts", () => {
    const v = thresholdVerdict(
      { contractValue: 150_000, category: "supplies-services" },
      [{ category: "any", minValue: 100_000 }, { category: "supplies-services", minValue: 200_000 }]
    );
    expect(v.required).toBe(false);
    expect(v.threshold?.category).toBe("supplies-services");
  });

  it("says no threshold is configured when there are none", () => {
    const v = thresholdVerdict({ contractValue: 5_000_000, category: "works", durationMonths: 48 }, []);
    expect(v.required).toBe(false);
    expect(v.reason).toMatch(/^No social value threshold is configured for this framework/);
  });

  it("says no threshold is configured for a category the council gives none for", () => {
    const v = thresholdVerdict({ contractValue: 5_000_000, category: "works" }, [{ category: "supplies-services", minValue: 177_897 }]);
    expect(v.reason).toMatch(/^No social value threshold is configured for works/);
  });

  it("cannot judge without a contract value", () => {
    expect(thresholdVerdict({ contractValue: NaN, category: "works" }, SOUTHEND_THRESHOLDS)).toEqual({
      required: false,
      decided: false,
      reason: "The contract value is not set, so the threshold cannot be checked.",
    });
  });
});
