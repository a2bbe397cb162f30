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
