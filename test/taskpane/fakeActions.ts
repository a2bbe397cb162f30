/**
 * Builders for the pane's component tests: fake workbook actions (every one a jest.fn that
 * succeeds with a small, plausible answer) and the views the actions return.
 */
import type { ValidationView, WorkbookActions } from "../../src/excel/actions";
import type { BidderScore, ScoresView } from "../../src/excel/scores/readScores";
import type { MeasureUpdatePreview } from "../../src/excel/setup/updateMeasures";
import type { Finding, MissingProxy } from "../../src/core";
import { aFakeBidsActions } from "./fakeBidsActions";
import { aFakeModerationActions } from "./fakeModerationActions";
import { aFakeReportActions } from "./fakeReportActions";
import { aFakeSelfTestActions } from "./fakeSelfTestActions";
import { aFakePortfolioActions } from "./fakePortfolioActions";
import { aWorkbookWithoutEvaluation } from "./fakeWorkbookState";

export type FakeActions = jest.Mocked<WorkbookActions>;

type Method = keyof WorkbookActions;

export function resolving<K extends Method>(value: Awaited<ReturnType<WorkbookActions[K]>>): FakeActions[K] {
  return jest.fn().mockResolvedValue(value) as unknown as FakeActions[K];
}

export const INSERTED_SHEETS = ["SV Setup", "SV Measures", "SV Commitments", "SV Scores"];

export function aFakeActions(overrides: Partial<FakeActions> = {}): FakeActions {
  return {
    ...aFakeBidsActions(),
    ...aFakeModerationActions(),
    ...aFakeReportActions(),
    ...aFakeSelfTestActions(),
    ...aFakePortfolioActions(),
    readWorkbookState: resolving<"readWorkbookState">(aWorkbookWithoutEvaluation()),
    watchSheets: resolving<"watchSheets">(undefined),
    findConflicts: resolving<"findConflicts">([]),
    insertEvaluation: resolving<"insertEvaluation">({ status: "written", sheets: INSERTED_SHEETS, syncs: 2 }),
    previewMeasureUpdate: resolving<"previewMeasureUpdate">(aMeasureUpdatePreview()),
    applyMeasureUpdate: resolving<"applyMeasureUpdate">(undefined),
    checkFormulas: resolving<"checkFormulas">({ outOfDate: [], missingColumns: [], missingTables: [], signed: undefined, message: undefined }),
    updateFormulas: resolving<"updateFormulas">({ summary: "Updated 1 formula to this version's: SV Scores (Rank). Nothing typed in was changed.", columns: 1, keptTyped: 0, logged: false }),
    validate: resolving<"validate">(aValidationView()),
    clearValidation: resolving<"clearValidation">(undefined),
    goToCell: resolving<"goToCell">(undefined),
    recordClarification: resolving<"recordClarification">(undefined),
    readScores: resolving<"readScores">(aScoresView()),
    describeError: jest.fn((error: unknown) => `Described: ${error instanceof Error ? error.message : String(error)}`),
    ...overrides,
  };
}

export function aMeasureUpdatePreview(overrides: Partial<MeasureUpdatePreview> = {}): MeasureUpdatePreview {
  return {
    added: ["ECC39"],
    updated: ["ECC1", "ECC10"],
    keptEdits: [{ ref: "ECC10", columns: ["Proxy"] }],
    keptRows: ["OWN1"],
    rows: [],
    ...overrides,
  };
}

export function aFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    code: "SV103",
    severity: "error",
    row: 4,
    column: "Ref",
    message: "XYZ is not a measure in the measure table.",
    action: "Correct the ref.",
    ...overrides,
  };
}

/** ECC1 in scope with no proxy value, and the commitments that count £0 for it (SV205). */
export function aMissingProxy(overrides: Partial<MissingProxy> = {}): MissingProxy {
  return {
    code: "SV205",
    severity: "warning",
    ref: "ECC1",
    measure: "Local people employed on the contract",
    commitments: 2,
    bidders: ["Acme Ltd", "Birch Homes"],
    rows: [4, 6],
    message: "ECC1 (Local people employed on the contract) is in scope but has no proxy value on SV Measures, so the 2 commitments to it (by Acme Ltd and Birch Homes) count £0.",
    action: "Import the council's measure table with its proxy values.",
    ...overrides,
  };
}

const COLUMN_LETTERS: Readonly<Record<string, string>> = { Bidder: "A", Ref: "B", Unit: "D", Quantity: "E", Evidence: "J" };

/** A validation result; `locate` puts each finding on SV Commitments by its column and row. */
export function aValidationView(findings: Finding[] = [], overrides: Partial<ValidationView> = {}): ValidationView {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    findings,
    counts,
    rows: 10,
    measureProblems: [],
    missingProxies: [],
    clarificationProblems: [],
    locate: (f) => ({ sheet: "SV Commitments", address: `${COLUMN_LETTERS[f.column] ?? "A"}${f.row}` }),
    ...overrides,
  };
}

export function aBidderScore(overrides: Partial<BidderScore> = {}): BidderScore {
  return {
    bidder: "Acme Ltd",
    value: 250_000,
    lev: 200_000,
    sv: 50_000,
    returnRatio: 0.25,
    benchmark: "median to upper quartile",
    quantitative: 5,
    qualitative: 4,
    score: 9,
    rank: 1,
    ...overrides,
  };
}

export function aScoresView(overrides: Partial<ScoresView> = {}): ScoresView {
  return {
    bidders: [aBidderScore()],
    contractValue: 1_000_000,
    maxPoints: 10,
    method: "relative",
    quantitativeShare: 0.5,
    rowsWithErrors: 0,
    sensitivityNote:
      "Enter each bid's price and quality points in the PriceQuality column of SV Scores to see how the weighting affects the award.",
    problems: [],
    missingProxies: [],
    ...overrides,
  };
}

/** A promise the test settles when it chooses, to look at the pane while an action is under way. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
