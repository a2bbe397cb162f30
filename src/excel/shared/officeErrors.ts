/**
 * Errors from Excel as sentences an evaluator can act on. Office.js rejects a request with
 * an OfficeExtension.Error whose `code` names the cause (documented error codes of the
 * Excel JavaScript API); anything else is shown with its own message, never swallowed.
 */
import { RefusalError } from "./refusal";

const MESSAGES: Readonly<Record<string, string>> = {
  AccessDenied: "Excel refused the change: the sheet or workbook is protected. Unprotect it (Review > Unprotect Sheet) and try again.",
  InvalidOperationInCellEditMode: "Excel is busy editing a cell. Press Enter or Esc to leave the cell, then try again.",
  ApiNotFound: "This version of Excel does not support something the add-in needs. Update Excel or use Excel on the web.",
  NotImplemented: "This version of Excel does not support something the add-in needs. Update Excel or use Excel on the web.",
  ItemAlreadyExists: "A sheet, table or name the add-in wanted to create already exists. Nothing was overwritten.",
  ItemNotFound: "A sheet or table of the evaluation is missing (renamed or deleted?). Use Set up to insert it again.",
  RequestPayloadSizeLimitExceeded: "The change was too large for one request to Excel. Please report this: the add-in should have split it.",
  PayloadTooLarge: "The change was too large for one request to Excel. Please report this: the add-in should have split it.",
  Conflict: "Someone else changed the same cells at the same time. Wait a moment and try again.",
  EditModeCellEditMode: "Excel is busy editing a cell. Press Enter or Esc to leave the cell, then try again.",
  GeneralException: "Excel could not complete the request. Try again; if it keeps failing, save and reopen the workbook.",
  InvalidArgument: "Excel rejected a value the add-in sent. Please report this with what you were doing.",
  InsertDeleteConflict: "Excel could not insert or delete cells there because of a table or merged cells in the way.",
};

export function describeOfficeError(error: unknown): string {
  // Refusals (and a cancelled operation) are already written for the evaluator.
  if (error instanceof RefusalError) return error.message;
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : undefined;
  if (code && MESSAGES[code]) return MESSAGES[code] as string;
  const message = typeof e?.message === "string" && e.message.trim() ? e.message.trim() : String(error);
  return code ? `Excel reported ${code}: ${message}` : `Something went wrong: ${message}`;
}
