/**
 * The errors a sync rejects with, shaped as Office.js shapes them: `code` from Excel.ErrorCodes,
 * `message` the documented message for that code, `debugInfo.errorLocation` the API member that
 * failed (e.g. "WorksheetCollection.getItem"). The documented class name is
 * OfficeExtension.Error; the shipped runtime names its errors "RichApi.Error", which is what an
 * add-in sees in `error.name`, so the fake does the same.
 *
 * Messages are those of "Error handling with the Excel JavaScript API" (learn.microsoft.com,
 * docs/excel/excel-add-ins-error-handling.md). Where the fake knows more (which sheet was
 * missing), it appends it in parentheses, marked "fake Excel", so a failing test says why;
 * add-in code must branch on `code`, never on the message, as Microsoft advises.
 */

export const ERROR_MESSAGES = {
  AccessDenied: "You cannot perform the requested operation.",
  BadPassword: "The password you supplied is incorrect.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference is not valid for the current operation.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  NotImplemented: "The requested feature isn't implemented.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
} as const;

export type FakeErrorCode = keyof typeof ERROR_MESSAGES | "PropertyNotLoaded" | "ValueNotLoaded";

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: FakeDebugInfo;
  /** OfficeExtension.Error has this; the fake has no context.trace(), so it stays empty. */
  readonly traceMessages: string[] = [];

  constructor(
    readonly code: FakeErrorCode,
    message: string,
    errorLocation?: string
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  /** Records which API member failed, unless already known (the sync that ran it calls this). */
  at(errorLocation: string): this {
    this.debugInfo.errorLocation ??= errorLocation;
    return this;
  }
}

/** An error with the documented message for `code`, and the fake's reason appended when given. */
export function excelError(code: keyof typeof ERROR_MESSAGES, reason?: string): FakeOfficeError {
  const documented = ERROR_MESSAGES[code];
  return new FakeOfficeError(code, reason ? `${documented} (fake Excel: ${reason})` : documented);
}

/** What reading a property that was not loaded throws, word for word as Office.js throws it. */
export function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}
