/** Public surface of src/forms: the bidder response form and the measure-table import (no Office.js). */
export * from "./types";
export { buildResponseForm, quantityValidation } from "./buildResponseForm";
export { readResponseForm, type ReadFormOptions } from "./readResponseForm";
export { MAX_FILE_BYTES, MAX_EXPANDED_BYTES, MAX_SHEET_ROWS, MAX_ZIP_ENTRIES, checkSpreadsheetFile, checkPackageContents, type FileCheck, type PackageCheck } from "./fileGuards";
export { readTableFile, proposeMapping, applyMapping, MAX_TABLE_COLUMNS, type TableFileResult } from "./measureTableImport";
export { parseCsv, detectDelimiter, decodeCsvBytes } from "./csv";
export { MAX_ANSWER_LENGTH, RECIPIENTS } from "./formLayout";
