/**
 * The steps of an evaluation, in the order the pane shows them, and everything each page says.
 * No step's capability is built yet, so each page states that plainly and what the step will do
 * (DESIGN.md, "Who uses it and for what"); a page's `willDo` goes when its real page arrives.
 */
export interface Step {
  readonly id: string;
  readonly label: string;
  /** What the step will let the evaluator do, completing "When it arrives, this step will let you …". */
  readonly willDo: string;
}

export const STEPS = [
  {
    id: "setup",
    label: "Set up",
    willDo:
      "choose a framework (built in or your council's own) and the measures in scope, enter the contract value, weighting, scoring method, target return and evaluators, and insert the evaluation sheets into this workbook without overwriting anything already in it.",
  },
  {
    id: "bids",
    label: "Bids",
    willDo:
      "generate the bidder response form to send out with the tender, and import the returned forms into the commitments table as values, never formulas.",
  },
  {
    id: "validate",
    label: "Validate",
    willDo:
      "check every commitment row against the measure definitions and go straight to the cell behind each problem found.",
  },
  {
    id: "scores",
    label: "Scores",
    willDo:
      "score every bid in the workbook with TENDER formulas, so the panel can inspect how each number is worked out.",
  },
  {
    id: "moderation",
    label: "Moderation",
    willDo:
      "set the evaluators' independent marks side by side, see where they differ widely, record each consensus score with its rationale, and sign off to freeze the record.",
  },
  {
    id: "report",
    label: "Report",
    willDo:
      "build the award summary with Excel charts, and the register of the winning bidder's commitments for monitoring the contract.",
  },
] as const satisfies readonly Step[];

export type StepId = (typeof STEPS)[number]["id"];

export function isStepId(value: unknown): value is StepId {
  return STEPS.some((step) => step.id === value);
}

export function stepById(id: StepId): Step {
  const step = STEPS.find((candidate) => candidate.id === id);
  if (step === undefined) throw new Error(`No evaluation step has the id "${id}"`);
  return step;
}
