/**
 * Rules over a range: Range.dataValidation and Range.conditionalFormats.
 *
 * Data validation rules are kept as set: { list: { inCellDropDown, source } },
 * { wholeNumber | decimal | textLength | date | time: { formula1, formula2?, operator } },
 * { custom: { formula } }. A list source given as a Range is stored as its absolute address
 * ("='SV Measures'!$A$2:$A$9"); a source naming a defined name that does not exist is refused.
 * Writes through the API are not checked against the rule, as in
 * Excel (validation applies to what a user types).
 *
 * Conditional formats: `add(type)` keeps the rule and format the add-in then sets:
 * `custom.rule.formula`, `custom.format.fill.color` / `font.color` / `font.bold`,
 * `cellValue.rule = { formula1, formula2?, operator }` and `cellValue.format…`. Other types are
 * recorded with their type only. Nothing is rendered.
 */
import { qualifiedAddress } from "../addresses";
import { excelError } from "../errors";
import { HostObject, objectArgument, type HostType } from "../hostTypes";
import { normalizeColor, type ConditionalFormatModel, type DataValidationRule } from "../sheetModel";
import { RANGE, type RangeValue } from "./range";

const gone = (r: RangeValue): boolean => r.sheet.deleted === true;

/** A bare defined name as a list source: "=SV_MeasureRefs" (no sheet, no address, no function). */
const NAME_SOURCE = /^=\s*([A-Za-z_\\][A-Za-z0-9_.]*)\s*$/;

/**
 * A list rule's source given as a range becomes its absolute address, as Excel stores it. A
 * source naming a defined name that does not exist (yet) is refused, as Excel refuses a list
 * whose source evaluates to an error: a name added later in the same batch is too late.
 */
function resolvedRule(rule: unknown, names: ReadonlyMap<string, unknown>): DataValidationRule {
  const input = (rule ?? {}) as DataValidationRule;
  const list = input.list as { source?: unknown } | undefined;
  if (typeof list?.source === "string") {
    const name = NAME_SOURCE.exec(list.source)?.[1];
    if (name !== undefined && !/^[A-Z]{1,3}\d+$/i.test(name) && !names.has(name.toLowerCase())) {
      throw excelError("InvalidArgument", `the list source ${list.source} names no defined name in this workbook`);
    }
  }
  const source = objectArgument(list?.source);
  if (!source) return input;
  if (source.type !== RANGE || source.isNull) throw excelError("InvalidArgument", "the list source is not a range");
  const target = source.value as RangeValue;
  return { ...input, list: { ...list, source: `=${qualifiedAddress(target.sheet.name, target.rect, true)}` } };
}

export const DATA_VALIDATION: HostType<RangeValue> = {
  name: "DataValidation",
  gone,
  scalars: {
    rule: {
      get: ({ sheet, rect }, env) => env.model.readValidation(sheet, rect).rule,
      set: ({ sheet, rect }, rule, env) => env.model.setValidation(sheet, rect, resolvedRule(rule, env.model.names)),
    },
    type: { get: ({ sheet, rect }, env) => env.model.readValidation(sheet, rect).type },
    errorAlert: {
      get: ({ sheet, rect }, env) => env.model.readValidation(sheet, rect).entry?.errorAlert ?? null,
      set: ({ sheet, rect }, alert, env) => env.model.setValidationDetail(sheet, rect, "errorAlert", alert),
    },
    prompt: {
      get: ({ sheet, rect }, env) => env.model.readValidation(sheet, rect).entry?.prompt ?? null,
      set: ({ sheet, rect }, prompt, env) => env.model.setValidationDetail(sheet, rect, "prompt", prompt),
    },
    ignoreBlanks: {
      get: ({ sheet, rect }, env) => env.model.readValidation(sheet, rect).entry?.ignoreBlanks ?? null,
      set: ({ sheet, rect }, ignore, env) => env.model.setValidationDetail(sheet, rect, "ignoreBlanks", ignore),
    },
  },
  methods: {
    clear: ({ sheet, rect }, _args, env) => env.model.clearValidation(sheet, rect),
  },
};

export const CONDITIONAL_FORMATS: HostType<RangeValue> = {
  name: "ConditionalFormatCollection",
  gone,
  items: ({ sheet, rect }) => sheet.conditionalFormatsOver(rect).map((cf) => new HostObject(CONDITIONAL_FORMAT, cf)),
  indexer: ({ sheet, rect }, id) => {
    const cf = sheet.conditionalFormatsOver(rect).find((c) => c.id === id);
    if (!cf) throw excelError("ItemNotFound", `no conditional format ${String(id)}`);
    return new HostObject(CONDITIONAL_FORMAT, cf);
  },
  methods: {
    add: ({ sheet, rect }, [type], env) => new HostObject(CONDITIONAL_FORMAT, env.model.addConditionalFormat(sheet, rect, String(type))),
    clearAll: ({ sheet, rect }, _args, env) => env.model.clearConditionalFormats(sheet, rect),
    getCount: ({ sheet, rect }) => sheet.conditionalFormatsOver(rect).length,
  },
};

export const CONDITIONAL_FORMAT: HostType<ConditionalFormatModel> = {
  name: "ConditionalFormat",
  identity: (cf) => ({ Id: cf.id }),
  gone: (cf) => cf.removed === true,
  scalars: {
    id: { get: (cf) => cf.id },
    type: { get: (cf) => cf.type },
    stopIfTrue: { get: (cf) => cf.stopIfTrue, set: (cf, stop) => void (cf.stopIfTrue = stop === true) },
  },
  navigation: {
    custom: (cf) => new HostObject(CUSTOM_CONDITIONAL_FORMAT, partOf(cf, "Custom")),
    cellValue: (cf) => new HostObject(CELL_VALUE_CONDITIONAL_FORMAT, partOf(cf, "CellValue")),
  },
  methods: {
    delete: (cf, _args, env) => env.model.deleteConditionalFormat(cf),
  },
};

function partOf(cf: ConditionalFormatModel, kind: "Custom" | "CellValue"): ConditionalFormatModel {
  if (cf.type !== kind) throw excelError("InvalidOperation", `a ${cf.type} conditional format has no ${kind === "Custom" ? "custom" : "cellValue"} part`);
  return cf;
}

export const CUSTOM_CONDITIONAL_FORMAT: HostType<ConditionalFormatModel> = {
  name: "CustomConditionalFormat",
  navigation: {
    rule: (cf) => new HostObject(CONDITIONAL_FORMAT_RULE, cf),
    format: (cf) => new HostObject(CONDITIONAL_RANGE_FORMAT, cf),
  },
};

export const CELL_VALUE_CONDITIONAL_FORMAT: HostType<ConditionalFormatModel> = {
  name: "CellValueConditionalFormat",
  scalars: {
    /** A plain { formula1, formula2, operator }. */
    rule: { get: (cf) => structuredClone(cf.rule), set: (cf, rule) => void (cf.rule = structuredClone((rule ?? {}) as Record<string, unknown>)) },
  },
  navigation: {
    format: (cf) => new HostObject(CONDITIONAL_RANGE_FORMAT, cf),
  },
};

export const CONDITIONAL_FORMAT_RULE: HostType<ConditionalFormatModel> = {
  name: "ConditionalFormatRule",
  scalars: {
    formula: { get: (cf) => cf.rule.formula ?? null, set: (cf, formula) => void (cf.rule = { ...cf.rule, formula }) },
  },
};

export const CONDITIONAL_RANGE_FORMAT: HostType<ConditionalFormatModel> = {
  name: "ConditionalRangeFormat",
  navigation: {
    fill: (cf) => new HostObject(CONDITIONAL_RANGE_FILL, cf),
    font: (cf) => new HostObject(CONDITIONAL_RANGE_FONT, cf),
  },
};

export const CONDITIONAL_RANGE_FILL: HostType<ConditionalFormatModel> = {
  name: "ConditionalRangeFill",
  scalars: {
    color: { get: (cf) => cf.format.fillColor ?? null, set: (cf, color) => void (cf.format.fillColor = normalizeColor(color)) },
  },
};

export const CONDITIONAL_RANGE_FONT: HostType<ConditionalFormatModel> = {
  name: "ConditionalRangeFont",
  scalars: {
    color: { get: (cf) => cf.format.fontColor ?? null, set: (cf, color) => void (cf.format.fontColor = normalizeColor(color)) },
    bold: { get: (cf) => cf.format.fontBold ?? null, set: (cf, bold) => void (cf.format.fontBold = bold === true) },
  },
};
