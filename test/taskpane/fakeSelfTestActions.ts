/** Builders for the Self-test page's tests: a report as runSelfTest returns it. */
import type { SelfTestCheck, SelfTestFacts, SelfTestReport } from "../../src/excel/actions";
import type { SelfTestActions } from "../../src/excel/selfTest/selfTestActions";

export function someFacts(overrides: Partial<SelfTestFacts> = {}): SelfTestFacts {
  return {
    addInVersion: "0.1.0",
    host: "Excel",
    platform: "OfficeOnline",
    officeVersion: "16.0.18000.10000",
    language: "en-GB",
    requirementSets: ["ExcelApi 1.17", "SharedRuntime 1.1", "CustomFunctionsRuntime 1.4"],
    calculationMode: "Automatic",
    ranAt: "2026-03-02T10:15:00.000Z",
    ...overrides,
  };
}

export function aCheck(overrides: Partial<SelfTestCheck> = {}): SelfTestCheck {
  return { id: "apostrophe", title: "Apostrophe in Text cells", verdict: "pass", detail: "Text written with Excel's apostrophe reads back without it.", ...overrides };
}

export function aSelfTestReport(checks: SelfTestCheck[] = [aCheck()], facts: Partial<SelfTestFacts> = {}): SelfTestReport {
  return { facts: someFacts(facts), checks };
}

export function aFakeSelfTestActions(): jest.Mocked<SelfTestActions> {
  return { runSelfTest: jest.fn().mockResolvedValue(aSelfTestReport()) };
}
