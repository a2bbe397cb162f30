/**
 * A fake of the part of the Excel JavaScript API an evaluation workbook needs, for tests in Node
 * and the browser playground. No Excel exists on our machines; this follows the documented
 * semantics of Office.js (proxy objects, queued commands, load/sync, PropertyNotLoaded, null
 * objects, errors that stop a batch, the 5 MB payload limit of Excel on the web) over a real
 * formula engine (HyperFormula with the TENDER functions), and counts what the add-in costs
 * (syncs, request bytes, TableRowCollection.add calls). README.md lists the subset.
 *
 * Never import this from src/: the add-in's Excel layer takes `run` injected.
 *
 *   const fake = createFakeExcel();
 *   await insertTemplate(fake.run as unknown as typeof Excel.run);
 *   expect(fake.inspect.values("'SV Setup'!B2")).toEqual([[250000]]);
 *   expect(fake.stats.requests).toBeLessThanOrEqual(3);
 */
import { buildTenderEngine } from "../support/tenderFunctionsPlugin";
import { MAX_COLUMNS, MAX_ROWS } from "./addresses";
import { FakeClientResult } from "./clientObject";
import { ERROR_MESSAGES, FakeOfficeError } from "./errors";
import { WorkbookInspector } from "./inspect";
import { FakeRequestContext, PAYLOAD_LIMIT_BYTES, emptyStats, type FakeExcelLimits, type FakeExcelStats, type Session } from "./requestContext";
import { CONDITIONAL_FORMAT_TYPES, WorkbookModel, type EngineFactory } from "./workbookModel";

export type { FakeExcelLimits, FakeExcelStats } from "./requestContext";
export { FakeOfficeError } from "./errors";
export { FakeRequestContext } from "./requestContext";
export type { EngineFactory } from "./workbookModel";

export type Batch<T> = (context: FakeRequestContext) => Promise<T>;

export interface FakeExcelRun {
  <T>(batch: Batch<T>): Promise<T>;
  <T>(options: object | undefined, batch: Batch<T>): Promise<T>;
}

export interface FakeExcelOptions {
  /**
   * Worksheets to start with, in order, each filled from A1 as if the add-in had written the
   * rows to `Range.values` (so "=…" is a formula). Default: one empty sheet, "Sheet1".
   */
  sheets?: Record<string, unknown[][]>;
  /**
   * Builds the formula engine from the configuration the fake needs (Excel's grid, dynamic
   * arrays). Default: HyperFormula with the TENDER functions (test/support/tenderFunctionsPlugin.ts).
   * HyperFormula registers function plugins for the whole module, so once any engine has the
   * TENDER functions, every engine built in that module (jest test file) has them.
   */
  createEngine?: EngineFactory;
  /** Request and response payload limits in bytes; default 5 MB each, as Excel on the web. */
  limits?: Partial<FakeExcelLimits>;
}

export interface FakeExcel {
  /** Excel.run: `run(async (context) => …)`. Cast to `typeof Excel.run` where the add-in expects it. */
  run: FakeExcelRun;
  /** Stand-ins for the `Excel` and `OfficeExtension` globals, for code that reads them (installGlobals sets them). */
  Excel: typeof EXCEL_NAMESPACE & { run: FakeExcelRun };
  OfficeExtension: typeof OFFICE_EXTENSION;
  /** Sets globalThis.Excel and globalThis.OfficeExtension to the fake; returns a function that restores them. */
  installGlobals(): () => void;
  /** Counters since creation or the last resetStats(). */
  readonly stats: FakeExcelStats;
  resetStats(): void;
  /** Reads the workbook directly (no sync, not counted). */
  inspect: WorkbookInspector;
}

/** The Excel engine configured as Excel: its grid size, dynamic arrays, no rounding of results. */
const ENGINE_CONFIG = { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS, useArrayArithmetic: true, smartRounding: false };

const defaultEngine: EngineFactory = (config) => buildTenderEngine({}, config);

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const model = new WorkbookModel((options.createEngine ?? defaultEngine)(ENGINE_CONFIG));
  const seed = options.sheets ?? { Sheet1: [] };
  for (const [name, rows] of Object.entries(seed)) {
    const sheet = model.addSheet(name);
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length && width) {
      const padded = rows.map((r) => [...r, ...Array<unknown>(width - r.length).fill(null)]);
      model.write(sheet, { row: 0, col: 0, rows: rows.length, cols: width }, padded, "values");
    }
  }
  if (model.sheets.length === 0) model.addSheet("Sheet1");

  const session: Session = {
    model,
    limits: { requestPayloadBytes: PAYLOAD_LIMIT_BYTES, responsePayloadBytes: PAYLOAD_LIMIT_BYTES, ...options.limits },
    stats: emptyStats(),
  };

  const run = (async <T>(first: Batch<T> | object | undefined, second?: Batch<T>): Promise<T> => {
    const batch = typeof first === "function" ? first : second;
    if (typeof batch !== "function") throw new FakeOfficeError("InvalidArgument", ERROR_MESSAGES.InvalidArgument);
    session.stats.runs++;
    const context = new FakeRequestContext(session);
    const pending = batch(context);
    if (!pending || typeof (pending as Promise<T>).then !== "function") {
      throw new FakeOfficeError("InvalidArgument", 'The batch function passed to the ".run" method didn\'t return a promise.');
    }
    const result = await pending;
    await context.send(); // Excel.run ends with context.sync() of whatever is still queued
    return result;
  }) as FakeExcelRun;

  const Excel = { ...EXCEL_NAMESPACE, run };
  return {
    run,
    Excel,
    OfficeExtension: OFFICE_EXTENSION,
    installGlobals() {
      const host = globalThis as Record<string, unknown>;
      const before = { Excel: host.Excel, OfficeExtension: host.OfficeExtension };
      host.Excel = Excel;
      host.OfficeExtension = OFFICE_EXTENSION;
      return () => {
        host.Excel = before.Excel;
        host.OfficeExtension = before.OfficeExtension;
      };
    },
    get stats() {
      return session.stats;
    },
    resetStats() {
      Object.assign(session.stats, emptyStats());
    },
    inspect: new WorkbookInspector(model),
  };
}

const camel = (s: string): string => s[0]?.toLowerCase() + s.slice(1);
const enumOf = (values: readonly string[]): Record<string, string> => Object.fromEntries(values.map((v) => [camel(v), v]));

/** The enums of the `Excel` namespace the add-in may read at run time (string enums, as in Office.js). */
const EXCEL_NAMESPACE = {
  ErrorCodes: enumOf([...Object.keys(ERROR_MESSAGES), "PropertyNotLoaded"]),
  ConditionalFormatType: enumOf(CONDITIONAL_FORMAT_TYPES),
  ConditionalCellValueOperator: enumOf(["Invalid", "Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"]),
  DataValidationOperator: enumOf(["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"]),
  DataValidationType: enumOf(["None", "WholeNumber", "Decimal", "List", "Date", "Time", "TextLength", "Custom", "Inconsistent", "MixedCriteria"]),
  ClearApplyTo: enumOf(["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"]),
  SpecialCellType: enumOf(["ConditionalFormats", "DataValidations", "Blanks", "Constants", "Formulas", "SameConditionalFormat", "SameDataValidation", "Visible"]),
  SpecialCellValueType: enumOf(["All", "Errors", "ErrorsLogical", "ErrorsNumbers", "ErrorsText", "ErrorsLogicalNumber", "ErrorsLogicalText", "ErrorsNumberText", "Logical", "LogicalNumbers", "LogicalText", "LogicalNumbersText", "Numbers", "NumbersText", "Text"]),
  SheetVisibility: enumOf(["Visible", "Hidden", "VeryHidden"]),
  CalculationMode: enumOf(["Automatic", "AutomaticExceptTables", "Manual"]),
  CalculationType: enumOf(["Recalculate", "Full", "FullRebuild"]),
  HorizontalAlignment: enumOf(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]),
};

const OFFICE_EXTENSION = { Error: FakeOfficeError, ClientResult: FakeClientResult };
