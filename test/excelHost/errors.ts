/**
 * The errors the host answers a request with. The client (Microsoft's) turns the response's
 * `Error` into the OfficeExtension.Error the add-in catches: `code` from here, `message` from
 * here, `debugInfo.errorLocation` the member that failed ("WorksheetCollection.getItem"), and
 * `debugInfo.statement` the line of the add-in's batch, which the client works out itself.
 *
 * Messages are those of "Error handling with the Excel JavaScript API" (learn.microsoft.com,
 * docs/excel/excel-add-ins-error-handling.md). Where the host knows more (which sheet was
 * missing), it appends it in parentheses, marked "Excel host", so a failing test says why;
 * add-in code must branch on `code`, never on the message, as Microsoft advises.
 */

export const ERROR_MESSAGES = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
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
} as const;

export type HostErrorCode = keyof typeof ERROR_MESSAGES;

/** A command the host refused: the request stops there (see executor.ts). */
export class HostError extends Error {
  override readonly name = "HostError";
  location: string | undefined;

  constructor(
    readonly code: HostErrorCode,
    message: string
  ) {
    super(message);
  }

  /** Records which API member failed, unless already known. */
  at(location: string): this {
    this.location ??= location;
    return this;
  }
}

/** An error with the documented message for `code`, and the host's reason appended when given. */
export function excelError(code: HostErrorCode, reason?: string): HostError {
  const documented = ERROR_MESSAGES[code];
  return new HostError(code, reason ? `${documented} (Excel host: ${reason})` : documented);
}

/**
 * Something the add-in asked for that the host does not model (a member, or a case of one, such
 * as inserting table rows in the middle). Refused with NotImplemented, and recorded so that the
 * test fails even if the add-in catches the error: the host never pretends.
 */
export class NotModelled extends HostError {
  constructor(
    readonly member: string,
    detail?: string
  ) {
    super("NotImplemented", `${ERROR_MESSAGES.NotImplemented} (Excel host: ${detail ?? `${member} is not modelled`}; see test/excelHost/README.md, "Adding a member")`);
    this.at(member);
  }
}
