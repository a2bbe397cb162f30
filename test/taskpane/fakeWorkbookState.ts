/** What a fake readWorkbookState answers: a workbook without the evaluation, or one holding it. */
import type { WorkbookState } from "../../src/excel/actions";
import { allMeasures, ILLUSTRATIVE, type SheetSettings } from "../../src/core";

export function aWorkbookWithoutEvaluation(): WorkbookState {
  return withStamp({
    evaluation: "none",
    missing: [],
    settings: { evaluators: [], outcomesInScope: [] },
    problems: [],
    frameworkId: undefined,
    measures: { total: 0, inScope: [] },
    bidders: [],
    marks: { rows: 0, given: 0 },
    moderationOpen: false,
    signed: undefined,
  });
}

/** An evaluation as an insert leaves it, over the illustrative framework, with three bidders listed. */
export function aWorkbookWithEvaluation(overrides: Partial<Omit<WorkbookState, "stamp" | "settings">> & { settings?: Partial<SheetSettings> } = {}): WorkbookState {
  const { settings, ...rest } = overrides;
  return withStamp({
    evaluation: "complete",
    missing: [],
    settings: {
      contractName: "Sample: community support services (illustrative)",
      contractValue: 1_500_000,
      category: "supplies-services",
      weighting: 0.1,
      maxPoints: 10,
      quantitativeShare: 0.5,
      method: "relative",
      targetReturn: 0.25,
      target: 375_000,
      scale: { id: "0-5", label: "0–5", marks: [0, 1, 2, 3, 4, 5] },
      evaluators: ["Evaluator A", "Evaluator B", "Evaluator C"],
      rollUp: "consensus",
      moderationThreshold: 2,
      requireBothParts: false,
      frameworkName: ILLUSTRATIVE.name,
      outcomesInScope: ["jobs-local"],
      thresholdVerdict: "Above the threshold: social value must be evaluated.",
      tenderId: "T-1",
      blindMarking: false,
      moderationOpen: false,
      ...settings,
    },
    problems: [],
    frameworkId: ILLUSTRATIVE.id,
    measures: { total: allMeasures(ILLUSTRATIVE).length, inScope: ["ILL1", "ILL2"] },
    bidders: ["Acme Ltd", "Beta Services", "Civic Care"],
    marks: { rows: 0, given: 0 },
    moderationOpen: false,
    signed: undefined,
    ...rest,
  });
}

function withStamp(state: Omit<WorkbookState, "stamp">): WorkbookState {
  return { ...state, stamp: JSON.stringify(state) };
}
