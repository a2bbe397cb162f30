/**
 * The TENDER custom functions inside HyperFormula, so the formulas evaluators write are checked
 * in a real formula engine (DESIGN.md, "Quality bars"). HyperFormula is GPLv3: this file serves
 * the tests and the bench only and is never imported from src/.
 *
 * The plugin is an adapter that does between a cell and `src/functions/functions.ts` what Excel
 * does, no more, so a sheet that works here works for the reasons it would in Excel:
 *
 * - Names. HyperFormula accepts a dotted id, as for its own NORM.DIST. A function is found
 *   through the language's name table, so each id is also registered in enGB under its own
 *   name (`registerFunctionPlugin`'s second argument); without that a formula is #NAME?.
 *   Names are case-insensitive, as in Excel.
 * - Arguments follow functions.json (`TENDER_SIGNATURES`, which a test holds equal to what
 *   custom-functions-metadata generates). A "matrix" parameter gets a 2-D array: a range as
 *   its rows, one cell or a literal as [[v]]. Any other parameter gets one value. An empty
 *   cell is `null` (0 under the test host's desktop-legacy profile, as older desktop builds
 *   pass it), and an omitted optional argument or an empty one (`f(a,,c)`) is always `null`;
 *   every parameter is passed, so the function always gets as many arguments as it declares.
 *   Numbers HyperFormula types (currency, percent, dates) arrive as plain numbers.
 * - Error values in the inputs: our metadata does not set `allowErrorForDataTypeAny`, so
 *   Excel does not call the function when an argument is or contains an error; the cell
 *   shows that error. Here the first error in argument order, then reading order, wins
 *   (which one Excel picks among several is not documented).
 * - A thrown `CustomFunctions.Error` becomes the matching `CellError`: #VALUE!, #N/A, #NUM!,
 *   #DIV/0!. Excel shows a message only with #VALUE! and #N/A, so only those keep theirs.
 *   Anything else thrown is a bug in our code: it is rethrown (Excel would show #VALUE!),
 *   so a test fails loudly instead of asserting on a disguised error.
 * - Results: a 1×1 array is its value; a larger one spills. HyperFormula must know a spill's
 *   size before evaluating, so every function whose result is a matrix returns the shape of
 *   its first argument (true of all of them: SVRETURN, SVSCORE, SVBENCHMARK, SVPRICESCORE,
 *   SVMARKPOINTS); the size is predicted from that argument's range or array, as
 *   HyperFormula's TRANSPOSE does, and a result that breaks the rule throws. `null` inside a
 *   returned array shows as 0, as Excel shows it.
 *
 * Not modelled: a multi-cell range given to a one-cell parameter (Excel 365 may lift the
 * function over it) gives #VALUE! saying so; a wrong number of arguments gives #N/A here,
 * where Excel refuses the formula as it is typed. HyperFormula's own behaviour also differs
 * in one visible way: a spilling formula that returns an error fills its whole predicted
 * area with the error, where Excel shows it in the formula's cell only.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type ImplementedFunctions,
  type RawCellContent,
} from "hyperformula";
// The functions need a CustomFunctions global when they fail. Jest tests import the fake
// from ./customFunctions (which needs jest's `expect`); elsewhere (the bench) the product's
// own stand-in is installed. Both carry Excel's codes ("#VALUE!", …), which is all we read.
import "../../src/functions/runtimeGuard";
import * as tender from "../../src/functions/functions";

export const NAMESPACE = "TENDER";

export interface TenderParameter {
  name: string;
  /** Metadata dimensionality "matrix": Excel passes a 2-D array. */
  matrix: boolean;
  optional: boolean;
}

export interface TenderSignature {
  /** The id in functions.json, without the namespace. */
  id: string;
  /** The export of src/functions/functions.ts that implements it. */
  functionName: keyof typeof tender;
  parameters: readonly TenderParameter[];
  /** Metadata result dimensionality "matrix": the result may spill. */
  matrixResult: boolean;
}

const m = (name: string, optional = false): TenderParameter => ({ name, matrix: true, optional });
const s = (name: string, optional = false): TenderParameter => ({ name, matrix: false, optional });

/** functions.json as the plugin reads it; test/functions/inSheet.test.ts holds it equal to the generated metadata. */
export const TENDER_SIGNATURES: readonly TenderSignature[] = [
  {
    id: "SVVALUE",
    functionName: "svValue",
    parameters: [m("refs"), m("quantities"), m("measure_refs"), m("proxies"), m("criteria_range", true), s("criterion", true)],
    matrixResult: false,
  },
  { id: "SVRETURN", functionName: "svReturn", parameters: [m("value"), m("contract_value")], matrixResult: true },
  {
    id: "SVSCORE",
    functionName: "svScore",
    parameters: [m("value"), m("values"), s("max_points"), s("method", true), s("target", true)],
    matrixResult: true,
  },
  {
    id: "SVCHECK",
    functionName: "svCheck",
    parameters: [s("ref"), s("quantity"), s("unit"), m("measure_refs"), m("measure_units"), m("in_scope", true), m("proxies", true), m("types", true), m("ceilings", true), s("contract_value", true), s("clarified", true), s("value", true), s("type", true)],
    matrixResult: false,
  },
  { id: "SVBENCHMARK", functionName: "svBenchmark", parameters: [m("return_ratio"), s("kind", true)], matrixResult: true },
  { id: "SVPRICESCORE", functionName: "svPriceScore", parameters: [m("price"), m("prices"), s("max_points")], matrixResult: true },
  { id: "SVMARKPOINTS", functionName: "svMarkPoints", parameters: [m("mark"), m("scale_marks"), s("max_points")], matrixResult: true },
  { id: "SVSPREAD", functionName: "svSpread", parameters: [m("marks")], matrixResult: false },
];

interface GeneratedMetadata {
  functions: { id: string; parameters: { name: string; dimensionality?: string; optional?: boolean }[]; result?: { dimensionality?: string } }[];
}

/**
 * The signatures as `generateCustomFunctionsMetadata` describes them (its `metadataJson` and
 * `associate`), in the shape of `TENDER_SIGNATURES`, so a test can hold the two equal.
 */
export function signaturesFromMetadata(metadataJson: string, associate: readonly { id: string; functionName: string }[]): TenderSignature[] {
  const metadata = JSON.parse(metadataJson) as GeneratedMetadata;
  return metadata.functions.map((f) => ({
    id: f.id,
    functionName: associate.find((a) => a.id === f.id)?.functionName as keyof typeof tender,
    parameters: f.parameters.map((p) => ({ name: p.name, matrix: p.dimensionality === "matrix", optional: p.optional === true })),
    matrixResult: f.result?.dimensionality === "matrix",
  }));
}

// HyperFormula does not export its AST and interpreter-state types; they are read off the
// plugin base class instead.
type Ast = Parameters<FunctionPlugin["evaluateAst"]>[0];
type InterpreterState = Parameters<FunctionPlugin["evaluateAst"]>[1];
type InterpreterValue = ReturnType<FunctionPlugin["evaluateAst"]>;
type FunctionCall = Extract<Ast, { procedureName: string }>;
type CellScalar = SimpleRangeValue["data"][number][number];

const BY_QUALIFIED_ID = new Map(TENDER_SIGNATURES.map((sig) => [`${NAMESPACE}.${sig.id}`, sig]));

function signatureOf(call: FunctionCall): TenderSignature {
  const sig = BY_QUALIFIED_ID.get(call.procedureName.toUpperCase());
  if (!sig) throw new Error(`tenderFunctionsPlugin: ${call.procedureName} is not a TENDER function`);
  return sig;
}

/** Excel's error codes (the values of CustomFunctions.ErrorCode) as HyperFormula's error types. */
const ERROR_TYPES: Readonly<Record<string, { type: ErrorType; keepsMessage: boolean }>> = {
  "#VALUE!": { type: ErrorType.VALUE, keepsMessage: true },
  "#N/A": { type: ErrorType.NA, keepsMessage: true },
  "#NUM!": { type: ErrorType.NUM, keepsMessage: false },
  "#DIV/0!": { type: ErrorType.DIV_BY_ZERO, keepsMessage: false },
};

/** The CellError Excel would show for a CustomFunctions.Error; codes Excel does not return (#NAME?, #REF!) or HyperFormula lacks (#NULL!) throw. */
export function cellErrorFor(code: string, message?: string): CellError {
  const mapped = ERROR_TYPES[code];
  if (!mapped) throw new Error(`tenderFunctionsPlugin: a custom function returned ${code}, which the plugin cannot show`);
  return new CellError(mapped.type, mapped.keepsMessage && message !== code ? message : undefined);
}

function isCustomFunctionsError(e: unknown): e is CustomFunctions.Error {
  return e instanceof CustomFunctions.Error;
}

/**
 * What an empty cell reaches a function as: null in Excel on the web and current desktop
 * builds; 0 in desktop builds before a 2024 fix (office-js #4702), which the test host's
 * desktop-legacy profile sets through the engine's `context` ({ blankCellAs: 0 }).
 */
type BlankCell = null | 0;

function blankCellOf(context: unknown): BlankCell {
  return (context as { blankCellAs?: unknown } | undefined)?.blankCellAs === 0 ? 0 : null;
}

/** An observer of every call with the arguments as Excel would marshal them (the test host counts their bytes). */
type TenderCallObserver = (id: string, args: readonly unknown[]) => void;

function onTenderCallOf(context: unknown): TenderCallObserver | undefined {
  const observer = (context as { onTenderCall?: unknown } | undefined)?.onTenderCall;
  return typeof observer === "function" ? (observer as TenderCallObserver) : undefined;
}

/** A cell value as Excel hands it to a custom function. */
function excelCell(value: CellScalar, blank: BlankCell): unknown {
  if (value === EmptyValue) return blank;
  // HyperFormula keeps typed numbers (currency, percent, date) as objects holding the number.
  if (typeof value === "object" && !(value instanceof CellError)) return (value as unknown as { val: number }).val;
  return value;
}

/** An argument as Excel passes it for `parameter`, or the error value that stops the call. */
function excelArgument(value: InterpreterValue, parameter: TenderParameter, fn: string, blank: BlankCell): unknown {
  if (value instanceof SimpleRangeValue) {
    const rows = value.data;
    const out: unknown[][] = new Array<unknown[]>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as CellScalar[];
      const outRow = new Array<unknown>(row.length);
      for (let c = 0; c < row.length; c++) {
        const cell = row[c] as CellScalar;
        if (cell instanceof CellError) return cell;
        outRow[c] = excelCell(cell, blank);
      }
      out[r] = outRow;
    }
    if (parameter.matrix) return out;
    if (rows.length === 1 && rows[0]?.length === 1) return out[0]?.[0];
    return new CellError(
      ErrorType.VALUE,
      `${fn}: ${parameter.name} is given a ${rows.length}×${rows[0]?.length ?? 0} range; this harness does not model how Excel lifts a function over a range in a one-cell argument.`
    );
  }
  if (value instanceof CellError) return value;
  const cell = excelCell(value as CellScalar, blank);
  return parameter.matrix ? [[cell]] : cell;
}

/** One value of a result as a cell shows it. */
function cellValue(value: unknown, fn: string): CellScalar {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return Number.isFinite(value) ? value : new CellError(ErrorType.NUM);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (isCustomFunctionsError(value)) return cellErrorFor(value.code, value.message);
  throw new Error(`tenderFunctionsPlugin: ${fn} returned ${String(value)}, which is not a cell value`);
}

export class TenderFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    TENDER_SIGNATURES.map((sig) => [
      `${NAMESPACE}.${sig.id}`,
      {
        method: "callTenderFunction",
        sizeOfResultArrayMethod: "tenderResultSize",
        // ANY: HyperFormula hands ranges and values over untouched; excelArgument shapes them.
        parameters: sig.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
      },
    ])
  );

  callTenderFunction(call: FunctionCall, state: InterpreterState): InterpreterValue {
    const sig = signatureOf(call);
    const fn = `${NAMESPACE}.${sig.id}`;
    const required = sig.parameters.filter((p) => !p.optional).length;
    if (call.args.length < required || call.args.length > sig.parameters.length) {
      const expected = required === sig.parameters.length ? `${required}` : `${required} to ${sig.parameters.length}`;
      return new CellError(ErrorType.NA, `${fn} takes ${expected} arguments, not ${call.args.length}.`);
    }

    const args: unknown[] = [];
    const blank = blankCellOf(this.config.context);
    for (let i = 0; i < sig.parameters.length; i++) {
      const parameter = sig.parameters[i] as TenderParameter;
      const ast = call.args[i];
      // An omitted argument, or an empty one (f(a,,c)), is null: Excel passes null for an
      // omitted optional argument on every build.
      const omitted = ast === undefined || String(ast.type) === "EMPTY"; // HyperFormula's AstNodeType.EMPTY, not exported
      const arg = omitted ? null : excelArgument(this.evaluateAst(ast, state), parameter, fn, blank);
      if (arg instanceof CellError) return arg;
      args.push(arg);
    }

    onTenderCallOf(this.config.context)?.(sig.id, args);
    let result: unknown;
    try {
      result = (tender[sig.functionName] as (...a: unknown[]) => unknown)(...args);
    } catch (e) {
      if (isCustomFunctionsError(e)) return cellErrorFor(e.code, e.message);
      throw e;
    }

    if (!Array.isArray(result)) return cellValue(result, fn);
    const rows = result as unknown[];
    if (!rows.every((row) => Array.isArray(row) && row.length === (rows[0] as unknown[]).length)) {
      throw new Error(`tenderFunctionsPlugin: ${fn} returned an array that is not a rectangular 2-D array`);
    }
    const matrix = rows as unknown[][];
    if (matrix.length === 1 && matrix[0]?.length === 1) return cellValue(matrix[0][0], fn);
    const predicted = this.tenderResultSize(call, state);
    const width = matrix[0]?.length ?? 0;
    if (matrix.length > predicted.height || width > predicted.width) {
      throw new Error(
        `tenderFunctionsPlugin: ${fn} returned ${matrix.length}×${width}, but its spill was sized ${predicted.height}×${predicted.width} from its first argument`
      );
    }
    return SimpleRangeValue.onlyValues(matrix.map((row) => row.map((v) => cellValue(v, fn))));
  }

  /** The spill size: one cell, or for a matrix result the size of the first argument. */
  tenderResultSize(call: FunctionCall, state: InterpreterState): ArraySize {
    const sig = signatureOf(call);
    const first = call.args[0];
    if (!sig.matrixResult || first === undefined) return ArraySize.scalar();
    const size = this.arraySizeForAst(first, state);
    if (!Number.isFinite(size.width) || !Number.isFinite(size.height)) return ArraySize.error();
    // A reference's size is marked isRef, which HyperFormula reads as "one cell": copy the numbers only.
    return size.width === 1 && size.height === 1 ? ArraySize.scalar() : new ArraySize(size.width, size.height);
  }
}

/** Each id under its own name in enGB, the engine's default language. */
const TRANSLATIONS = { enGB: Object.fromEntries(TENDER_SIGNATURES.map((sig) => [`${NAMESPACE}.${sig.id}`, `${NAMESPACE}.${sig.id}`])) };

/**
 * Registers the plugin with HyperFormula unless it already is. Registration is global to the
 * HyperFormula module (one per jest test file), so this is safe to call before every build and
 * after `unregisterTenderFunctions` or `HyperFormula.unregisterAllFunctions`.
 */
export function registerTenderFunctions(): void {
  if (HyperFormula.getFunctionPlugin(`${NAMESPACE}.${TENDER_SIGNATURES[0]?.id}`) !== TenderFunctionsPlugin) {
    HyperFormula.registerFunctionPlugin(TenderFunctionsPlugin, TRANSLATIONS);
  }
}

export function unregisterTenderFunctions(): void {
  HyperFormula.unregisterFunctionPlugin(TenderFunctionsPlugin);
}

export type SheetsInput = Record<string, RawCellContent[][]>;

/**
 * A HyperFormula engine over `sheets` with the TENDER functions registered, configured as a
 * workbook in Excel 365: array arithmetic on (dynamic arrays), and no rounding of stored
 * numbers (HyperFormula's smartRounding would round what a cell returns to 14 digits, so a
 * cell could not be compared exactly with a direct call). `config` overrides either.
 */
export function buildTenderEngine(sheets: SheetsInput, config: Partial<ConfigParams> = {}): HyperFormula {
  registerTenderFunctions();
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false, ...config });
}
