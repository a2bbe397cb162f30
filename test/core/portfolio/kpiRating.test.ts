import { checkThresholds, DEFAULT_RATING_THRESHOLDS, noticeDraft, rateKpi, type KpiFigures } from "../../../src/core/portfolio/kpiRating";

const kpi = (target: number | null, actual: number | null, anyDue = true): KpiFigures => ({ kpi: "Local employment", unit: "FTE", target, actual, anyDue });

describe("the Act's ratings from target and actual", () => {
  it.each([
    [10, 12, "Good"],
    [10, 10, "Good"],
    [10, 9.99, "Approaching target"],
    [10, 9, "Approaching target"],
    [10, 8.99, "Requires improvement"],
    [10, 7.5, "Requires improvement"],
    [10, 7.49, "Inadequate"],
    [10, 0, "Inadequate"],
  ])("target %p, actual %p is %s by the default thresholds", (target, actual, rating) => {
    expect(rateKpi(kpi(target, actual)).rating).toBe(rating);
  });

  it("rates an Actual that meets a target added up from several commitments as Good, however floating point adds them", () => {
    expect(rateKpi(kpi(1.1 + 2.2, 3.3)).rating).toBe("Good");
    expect(rateKpi({ ...kpi(20_359.91 + 23_503.86, 43_863.77), unit: "£" }).rating).toBe("Good");
  });

  it("says the figures and the thresholds it applied", () => {
    expect(rateKpi(kpi(10, 8))).toEqual({
      achieved: 0.8,
      rating: "Requires improvement",
      basis: "8 of a target of 10 FTE (80%); default thresholds: Good from 100%, Approaching target from 90%, Requires improvement from 75%.",
    });
  });

  it("takes the council's own thresholds when given", () => {
    const strict = { good: 1, approachingTarget: 0.95, requiresImprovement: 0.9 };
    expect(rateKpi(kpi(10, 9.2), strict)).toMatchObject({ rating: "Requires improvement", basis: expect.stringMatching(/; thresholds: Good from 100%, Approaching target from 95%/) });
  });

  it("is Other with no target, with nothing reported, or when nothing is due yet and the target is not met", () => {
    expect(rateKpi(kpi(null, 5))).toMatchObject({ rating: "Other", achieved: null, basis: expect.stringMatching(/^No target/) });
    expect(rateKpi(kpi(0, 5)).rating).toBe("Other");
    expect(rateKpi(kpi(10, null))).toMatchObject({ rating: "Other", basis: expect.stringMatching(/^Nothing reported yet/) });
    expect(rateKpi(kpi(10, 2, false))).toMatchObject({ rating: "Other", achieved: 0.2, basis: expect.stringMatching(/none of its commitments is due yet/) });
    expect(rateKpi(kpi(10, 10, false)).rating).toBe("Good");
  });

  it("checks the thresholds a council sets", () => {
    expect(checkThresholds(DEFAULT_RATING_THRESHOLDS)).toEqual([]);
    expect(checkThresholds({ good: 0.8, approachingTarget: 0.9, requiresImprovement: 0.5 })).toEqual(["The thresholds must not rise from Good to Approaching target to Requires improvement."]);
    expect(checkThresholds({ good: Number.NaN, approachingTarget: 0.9, requiresImprovement: 0.5 })).toHaveLength(1);
  });

  it("drafts the notice's sentence", () => {
    const f = kpi(10, 8);
    expect(noticeDraft("Grounds maintenance", "Acme Ltd", f, rateKpi(f))).toBe("Grounds maintenance, Acme Ltd. KPI: Local employment. Rating: Requires improvement. Performance is below the KPI (8 FTE against a target of 10 FTE).");
  });
});
