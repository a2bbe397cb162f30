/**
 * A small stand-in for Excel's `CustomFunctions` global, so the functions in
 * src/functions run unchanged in Node (DESIGN.md), and one matcher for our error type
 * (STYLE.md 7): `expect(() => f()).toThrowExcelError("#VALUE!", /row 3/)`.
 */
export class FakeCustomFunctionsError extends Error {
  constructor(
    public readonly code: string,
    message?: string
  ) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function installCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode,
    associate: () => undefined,
  };
}

installCustomFunctions();

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- jest's documented way to type a custom matcher
  namespace jest {
    interface Matchers<R> {
      toThrowExcelError(code: string, message?: RegExp): R;
    }
  }
}

expect.extend({
  toThrowExcelError(received: () => unknown, code: string, message?: RegExp) {
    let thrown: unknown;
    try {
      received();
    } catch (e) {
      thrown = e;
    }
    if (!(thrown instanceof FakeCustomFunctionsError)) {
      return { pass: false, message: () => `expected a CustomFunctions.Error ${code}, but ${thrown === undefined ? "nothing was thrown" : `got ${String(thrown)}`}` };
    }
    const codeOk = thrown.code === code;
    const messageOk = message === undefined || message.test(thrown.message);
    return {
      pass: codeOk && messageOk,
      message: () =>
        `expected ${code}${message ? ` with a message matching ${message}` : ""}, got ${thrown.code}: "${thrown.message}"`,
    };
  },
});
