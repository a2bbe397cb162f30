/**
 * The steps of an evaluation, in the order the pane shows them. A step whose page is not built
 * yet says so plainly, and what it will do (DESIGN.md, "Who uses it and for what"); its
 * `willDo` goes when its real page arrives, and EvaluationSteps then renders that page.
 */
export interface Step {
  readonly id: string;
  readonly label: string;
  /**
   * Only for a step not built yet: what it will let the evaluator do, completing
   * "When it arrives, this step will let you …".
   */
  readonly willDo?: string;
}

export const STEPS = [
  { id: "setup", label: "Set up" },
  {
    id: "bids",
    label: "Bids",
    willDo:
      "generate the bidder response form to send out with the tender, and import the returned forms into the commitments table as values, never formulas.",
  },
  { id: "validate", label: "Validate" },
  { id: "scores", label: "Scores" },
  {
    id: "moderation",
    label: "Moderation",
    willDo:
      "set the evaluators' independent marks side by side, see where they differ widely, record each consensus score with its rationale, and sign off to freeze the record.",
  },
  {
    id: "report",
    label: "Report",
    willDo: "build the award summary with Excel charts, and the register of the winning bidder's commitments for monitoring the contract.",
  },
] as const satisfies readonly Step[];

export type StepId = (typeof STEPS)[number]["id"];

export function isStepId(value: unknown): value is StepId {
  return STEPS.some((step) => step.id === value);
}

/** The step with this id, typed as that very entry of STEPS, so a switch on `id` narrows it. */
export function stepById(id: StepId): (typeof STEPS)[number] {
  const step = STEPS.find((candidate) => candidate.id === id);
  if (step === undefined) throw new Error(`No evaluation step has the id "${id}"`);
  return step;
}
