/**
 * Loaded just before functions.ts in the functions bundle. Inside Excel, Office.js
 * provides the `CustomFunctions` global and this file does nothing. When taskpane.html is
 * opened in a plain browser (where the pane explains that it must run inside Excel), the
 * global is missing, and the `CustomFunctions.associate(...)` calls the metadata plugin
 * appends to functions.ts would throw; this stand-in lets the page load cleanly. It is
 * never installed when Excel's own runtime is present.
 */
interface CustomFunctionsStandIn {
  associate: (id: string, fn: unknown) => void;
  Error: new (code: string, message?: string) => Error;
  ErrorCode: Record<string, string>;
}

const host = globalThis as unknown as { CustomFunctions?: CustomFunctionsStandIn };

if (typeof host.CustomFunctions === "undefined") {
  class StandInError extends Error {
    constructor(
      public code: string,
      message?: string
    ) {
      super(message ?? code);
    }
  }
  host.CustomFunctions = {
    associate: () => undefined,
    Error: StandInError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
}

export {};
