import {
  BUILT_IN_FRAMEWORKS,
  checkTender,
  COLCHESTER,
  ESSEX,
  frameworkDefaults,
  ILLUSTRATIVE,
  measureTableFromFramework,
  PPN002,
  SOCIAL_VALUE_MODEL,
  SOUTHEND,
  THURROCK,
  type Framework,
} from "../../../src/core";
import { aTender } from "../builders";

describe("frameworkDefaults", () => {
  it.each([SOUTHEND, COLCHESTER, THURROCK, PPN002, SOCIAL_VALUE_MODEL].map((f) => [f.name, f] as const))(
    "%s values nothing in £, so commitments start with 0% of the points",
    (_name, framework) => {
      expect(frameworkDefaults(framework)).toEqual({ weighting: 0.1, maxPoints: 10, quantitativeShare: 0, method: "relative" });
    }
  );

  it("Essex scores against its published target of 25p per £1, half the points on commitments, 10% of the award (within its 20%)", () => {
    expect(frameworkDefaults(ESSEX)).toEqual({ weighting: 0.1, maxPoints: 10, quantitativeShare: 0.5, method: "target", targetReturn: 0.25 });
  });

  it("the illustrative set keeps the general starting settings: relative scoring, half on commitments", () => {
    expect(frameworkDefaults(ILLUSTRATIVE)).toEqual({ weighting: 0.1, maxPoints: 10, quantitativeShare: 0.5, method: "relative" });
  });

  it("starts at a framework's own minimum weighting, kept within its maximum", () => {
    const strict: Framework = { ...ILLUSTRATIVE, policy: { minWeighting: 0.15 } };
    const capped: Framework = { ...ILLUSTRATIVE, policy: { maxWeighting: 0.05 } };
    expect([frameworkDefaults(strict).weighting, frameworkDefaults(strict).maxPoints]).toEqual([0.15, 15]);
    expect(frameworkDefaults(capped).weighting).toBe(0.05);
  });

  it.each(BUILT_IN_FRAMEWORKS.map((f) => [f.name, f] as const))("%s: its starting settings raise no warning about the share or method", (_name, framework) => {
    const d = frameworkDefaults(framework);
    const settings = aTender({
      weighting: d.weighting,
      maxPoints: d.maxPoints,
      quantitativeShare: d.quantitativeShare,
      method: d.method,
      ...(d.targetReturn !== undefined ? { targetReturn: d.targetReturn } : {}),
      measuresInScope: [],
      outcomesInScope: framework.themes.flatMap((t) => t.outcomes.map((o) => o.id)).slice(0, 1),
    });
    const findings = checkTender(settings, { name: framework.name, policy: framework.policy, measures: measureTableFromFramework(framework, []), criteria: framework.criteria });
    const aboutDefaults = findings.filter((f) => ["weighting", "quantitativeShare", "method", "targetReturn"].includes(f.setting));
    // Essex and the illustrative set can value commitments, so with nothing in scope they still ask for measures (SV306).
    expect(aboutDefaults.map((f) => f.code)).toEqual(d.quantitativeShare > 0 ? ["SV306"] : []);
  });
});
