/**
 * Loaded just before functions.ts in the functions bundle. Inside Excel, Office.js
 * provides the `CustomFunctions` global and this file does nothing. When taskpane.html is
 * opened in a plain browser (where the pane explains that it must run inside Excel), the
 * global is missing, and the `CustomFunctions.associate(...)` calls the metadata plugin
 * appends to functions.ts would throw; this stand-in lets the page load cleanly. It never
 * replaces anything Excel's own runtime provides.
 */
interface CustomFunctionsStandIn {
  associate: (id: string, fn: unknown) => void;
  Error: new (code: string, message?: string) => Error;
  ErrorCode: Record<string, string>;
}

const host = globalThis as unknown as { CustomFunctions?: Partial<CustomFunctionsStandIn> };

class StandInError extends Error {
  constructor(
    public code: string,
    message?: string
  ) {
    super(message ?? code);
  }
}

const STAND_IN: CustomFunctionsStandIn = {
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

// Excel's client library without its custom-functions runtime (a page that loaded office.js's
// Excel script only, as the playground does) defines CustomFunctions.Error but no associate:
// only what is missing is filled in, so Excel's own members always win.
const existing = host.CustomFunctions;
if (existing === undefined) host.CustomFunctions = { ...STAND_IN };
else {
  existing.associate ??= STAND_IN.associate;
  existing.Error ??= STAND_IN.Error;
  existing.ErrorCode ??= STAND_IN.ErrorCode;
}

export {};
