/**
 * An error whose message is written for the evaluator: what was refused, why, and what to do.
 * The pane shows its message as it is (describeOfficeError passes it through), so every layer
 * that refuses an operation throws one of these rather than a plain Error.
 */
export class RefusalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusalError";
  }
}

/** A refusal of a moderation action (marking, consensus, sign-off): nothing was written. */
export class ModerationRefusal extends RefusalError {
  constructor(message: string) {
    super(message);
    this.name = "ModerationRefusal";
  }
}

/**
 * A write refused because the rows it was meant for moved after they were read (a co-author
 * sorted, inserted or deleted rows): see src/excel/shared/applyWritePlan.ts.
 */
export class ChangedSinceReadError extends RefusalError {
  constructor(message: string) {
    super(message);
    this.name = "ChangedSinceReadError";
  }
}

/** The value of a core decision, or its refusal thrown as `Refused` (ModerationRefusal by default). */
export function orRefuse<T>(decision: { ok: true; value: T } | { ok: false; refusal: string }, Refused: new (message: string) => RefusalError = ModerationRefusal): T {
  if (!decision.ok) throw new Refused(decision.refusal);
  return decision.value;
}
