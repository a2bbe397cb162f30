import { regimeOn, statutoryThreshold, valueBothWays } from "../../../src/core/setup/statutoryThresholds";
import { statutoryVerdict, tenderVerdict, thresholdVerdict } from "../../../src/core/setup/thresholds";
import { ESSEX_THRESHOLDS, SOUTHEND_THRESHOLDS } from "../builders";

describe("the regime a procurement is under", () => {
  it("is PCR 2015 for a procurement begun the day before the Procurement Act 2023 began, and the Act from 24 February 2025", () => {
    expect(regimeOn("2025-02-23")).toBe("pcr-2015");
    expect(regimeOn("2025-02-24")).toBe("procurement-act-2023");
  });
});

describe("statutory thresholds by the date the procurement began", () => {
  it("uses the figures in force from 1 January 2026 (VAT included) for a procurement begun that day", () => {
    expect(statutoryThreshold("2026-01-01", "supplies-services", "central")?.amount).toBe(135_018);
    expect(statutoryThreshold("2026-01-01", "supplies-services", "sub-central")?.amount).toBe(207_720);
    expect(statutoryThreshold("2026-01-01", "works", "sub-central")?.amount).toBe(5_193_000);
    expect(statutoryThreshold("2026-01-01", "light-touch", "central")?.amount).toBe(663_540);
  });

  it("keeps the earlier figures for a procurement begun on 31 December 2025, under the Act", () => {
    const t = statutoryThreshold("2025-12-31", "supplies-services", "sub-central");
    expect(t).toMatchObject({ amount: 214_904, regime: "procurement-act-2023", from: "2025-02-24" });
    expect(statutoryThreshold("2025-12-31", "works", "central")?.amount).toBe(5_372_609);
  });

  it("uses PCR 2015's figures before 24 February 2025, and the 2022 ones before 1 January 2024", () => {
    expect(statutoryThreshold("2025-02-23", "supplies-services", "sub-central")).toMatchObject({ amount: 214_904, regime: "pcr-2015", from: "2024-01-01" });
    expect(statutoryThreshold("2023-12-31", "supplies-services", "sub-central")?.amount).toBe(213_477);
    expect(statutoryThreshold("2023-12-31", "supplies-services", "central")?.amount).toBe(138_760);
  });

  it("holds no figures for a procurement begun before 1 January 2022", () => {
    expect(statutoryThreshold("2021-12-31", "works", "sub-central")).toBeUndefined();
  });
});

describe("the contract value on both VAT bases", () => {
  it("adds VAT at the standard 20% to a value typed without it, takes it off one typed with it, and leaves a no-VAT value alone", () => {
    expect(valueBothWays(200_000, "excluding")).toEqual({ excludingVat: 200_000, includingVat: 240_000 });
    expect(valueBothWays(240_000, "including")).toEqual({ excludingVat: 200_000, includingVat: 240_000 });
    expect(valueBothWays(200_000, "none")).toEqual({ excludingVat: 200_000, includingVat: 200_000 });
  });
});

describe("the statutory verdict", () => {
  const council = { category: "supplies-services" as const, buyer: "sub-central" as const };

  it("puts £180,000 excluding VAT above the £207,720 threshold once VAT is added, from 1 January 2026", () => {
    const v = statutoryVerdict({ ...council, contractValue: 180_000, vatBasis: "excluding", procurementStart: "2026-03-02" });
    expect(v.aboveThreshold).toBe(true);
    expect(v.reason).toBe(
      "Procurement Act 2023 (the procurement began on 2 March 2026): £216,000 including VAT (£180,000 plus VAT at 20%) is at or above the £207,720 threshold for a sub-central authority's goods and services (VAT included; in force from 1 January 2026; SI 2025/1200; PPN 023:2026).",
    );
  });

  it("puts the same £180,000 below the threshold when it already includes VAT", () => {
    const v = statutoryVerdict({ ...council, contractValue: 180_000, vatBasis: "including", procurementStart: "2026-03-02" });
    expect(v.aboveThreshold).toBe(false);
    expect(v.reason).toMatch(/£180,000 including VAT is below the £207,720 threshold .* so it is a below-threshold procurement\.$/);
  });

  it("judges £210,000 with VAT differently either side of 1 January 2026", () => {
    const before = statutoryVerdict({ ...council, contractValue: 210_000, vatBasis: "including", procurementStart: "2025-12-31" });
    const after = statutoryVerdict({ ...council, contractValue: 210_000, vatBasis: "including", procurementStart: "2026-01-01" });
    expect(before).toMatchObject({ aboveThreshold: false, regime: "procurement-act-2023" });
    expect(after).toMatchObject({ aboveThreshold: true, regime: "procurement-act-2023" });
  });

  it("names PCR 2015 for a procurement begun before 24 February 2025", () => {
    const v = statutoryVerdict({ ...council, contractValue: 300_000, vatBasis: "none", procurementStart: "2025-02-23" });
    expect(v.reason).toMatch(/^Public Contracts Regulations 2015 \(the procurement began on 23 February 2025\): £300,000 \(no VAT charged\) is at or above the £214,904 threshold/);
  });

  it("uses the central government threshold for a central government buyer", () => {
    const v = statutoryVerdict({ contractValue: 140_000, category: "supplies-services", buyer: "central", vatBasis: "including", procurementStart: "2026-06-01" });
    expect(v).toMatchObject({ aboveThreshold: true, threshold: { amount: 135_018 } });
  });

  it("asks for what it needs rather than assuming it", () => {
    expect(statutoryVerdict({ ...council, contractValue: 300_000, vatBasis: "excluding" }).reason).toMatch(/^Enter when the procurement began/);
    expect(statutoryVerdict({ ...council, contractValue: 300_000, vatBasis: "excluding", procurementStart: "31/02/2026" }).reason).toMatch(/is not a date/);
    const noVat = statutoryVerdict({ ...council, contractValue: 300_000, procurementStart: "2026-03-02" });
    expect(noVat.aboveThreshold).toBeUndefined();
    expect(noVat.reason).toMatch(/Say whether the contract value includes VAT/);
  });
});

describe("the council's own threshold beside the statutory one", () => {
  it("converts a value typed with VAT to the council's VAT-exclusive basis", () => {
    const v = thresholdVerdict({ contractValue: 115_000, category: "works", vatBasis: "including" }, ESSEX_THRESHOLDS, "Essex");
    // £115,000 with VAT is £95,833.33 without: below Essex's £100,000.
    expect(v.required).toBe(false);
    expect(v.reason).toMatch(/^£95,833.33 excluding VAT \(£115,000 less VAT at 20%\) is below Essex's £100,000 threshold/);
  });

  it("gives both verdicts, each with its source; the council's decides whether social value is required", () => {
    const v = tenderVerdict(
      { contractValue: 150_000, category: "supplies-services", vatBasis: "excluding", procurementStart: "2026-11-02", buyer: "sub-central" },
      { thresholds: SOUTHEND_THRESHOLDS, owner: "Southend", source: "Social Value Policy (v2.0), December 2021" },
    );
    // £180,000 with VAT is below the statutory £207,720, and £150,000 is below Southend's £177,897.
    expect(v.statutory.aboveThreshold).toBe(false);
    expect(v.required).toBe(false);
    expect(v.reason).toContain("£180,000 including VAT (£150,000 plus VAT at 20%) is below the £207,720 threshold");
    expect(v.reason).toContain("£150,000 excluding VAT is below Southend's £177,897 threshold for supplies and services");
    expect(v.reason).toMatch(/\(Social Value Policy \(v2\.0\), December 2021\)\.$/);
  });

  it("without thresholds of the framework's own, requires social value of a central government buyer above the statutory threshold only", () => {
    const base = { category: "supplies-services" as const, vatBasis: "including" as const, procurementStart: "2026-11-02" };
    const above = tenderVerdict({ ...base, contractValue: 300_000, buyer: "central" }, { thresholds: [] });
    expect(above).toMatchObject({ required: true, decision: "required" });
    expect(above.reason).toMatch(/covered by the government's social value policy \(PPN 002, and PPN 06\/20 before it\): social value must be evaluated\.$/);
    expect(tenderVerdict({ ...base, contractValue: 100_000, buyer: "central" }, { thresholds: [] })).toMatchObject({ required: false, decision: "not-required" });
    // A council using the UK model: its own policy decides; the add-in claims no legal duty.
    const council = tenderVerdict({ ...base, contractValue: 6_000_000, category: "works", buyer: "sub-central" }, { thresholds: [] });
    expect(council).toMatchObject({ required: false, decision: "undecided" });
    expect(council.reason).toMatch(/the council's own policy decides whether social value must be evaluated\.$/);
  });

  it("is undecided, not 'not required', while the start date or VAT basis is missing, or Southend's works length", () => {
    expect(tenderVerdict({ contractValue: 300_000, category: "supplies-services", buyer: "central" }, { thresholds: [] }).decision).toBe("undecided");
    const works = tenderVerdict({ contractValue: 2_000_000, category: "works", vatBasis: "excluding", procurementStart: "2026-11-02" }, { thresholds: SOUTHEND_THRESHOLDS, owner: "Southend" });
    expect(works.decision).toBe("undecided");
    expect(works.reason).toContain("enter the duration to decide");
  });

  it("says a value with no VAT charged is compared as it is with the council's threshold, in the same words as the law's", () => {
    const v = tenderVerdict({ contractValue: 180_000, category: "supplies-services", vatBasis: "none", procurementStart: "2026-11-02" }, { thresholds: SOUTHEND_THRESHOLDS, owner: "Southend" });
    expect(v.reason).toContain("£180,000 (no VAT charged) is below the £207,720 threshold");
    expect(v.reason).toContain("£180,000 (no VAT charged) is at or above Southend's £177,897 threshold");
    expect(v.decision).toBe("required");
  });

  it("keeps the old reading of a workbook that never said its VAT basis", () => {
    expect(thresholdVerdict({ contractValue: 177_897, category: "supplies-services" }, SOUTHEND_THRESHOLDS).required).toBe(true);
  });
});
