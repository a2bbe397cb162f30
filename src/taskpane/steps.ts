/** The steps of an evaluation, in the order the pane shows them (DESIGN.md, "Who uses it and for what"). */
export interface Step {
  readonly id: string;
  readonly label: string;
}

export const STEPS = [
  { id: "setup", label: "Set up" },
  { id: "bids", label: "Bids" },
  { id: "validate", label: "Validate" },
  { id: "scores", label: "Scores" },
  { id: "moderation", label: "Moderation" },
  { id: "report", label: "Report" },
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
