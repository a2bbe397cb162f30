/**
 * What a decision of core gives back: its outcome, or a refusal in an evaluator's words (STYLE.md
 * 4: what a user can cause is a value, not an exception). Inside a decision, helpers may stop with
 * `refuse(…)`; `decide` turns that into the value at the boundary, so a chain of helpers need not
 * pass refusals by hand. Anything else thrown is a bug and goes on up.
 */
export type Decision<T> = { ok: true; value: T } | { ok: false; refusal: string };

class Refusal extends Error {}

/** Stops the decision being made with a sentence the user can act on. */
export function refuse(message: string): never {
  throw new Refusal(message);
}

export function decide<T>(make: () => T): Decision<T> {
  try {
    return { ok: true, value: make() };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, refusal: e.message };
    throw e;
  }
}

/** The value of a decision taken inside another (a refusal goes on as the outer one's). */
export function valueOf<T>(decision: Decision<T>): T {
  if (!decision.ok) refuse(decision.refusal);
  return decision.value;
}
