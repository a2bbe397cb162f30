/**
 * The result of a formula-level computation: a value, or one of Excel's error kinds with a
 * message for the evaluator. Core never throws for what a user or a formula can cause
 * (STYLE.md 4); the custom-function adapters translate a failure to CustomFunctions.Error
 * and the pane shows the message.
 *
 * VALUE → #VALUE! (wrong kind of input), NUM → #NUM! (number out of range),
 * DIV0 → #DIV/0! (zero divisor), NA → #N/A (a reference not found). DESIGN.md.
 */
export type FormulaErrorCode = "VALUE" | "NUM" | "DIV0" | "NA";

export interface FormulaError {
  ok: false;
  code: FormulaErrorCode;
  message: string;
}

export type FormulaResult<T> = { ok: true; value: T } | FormulaError;

export function formulaOk<T>(value: T): FormulaResult<T> {
  return { ok: true, value };
}

export function formulaError(code: FormulaErrorCode, message: string): FormulaError {
  return { ok: false, code, message };
}
