/**
 * The workbook and what hangs off it: application (calculation), worksheets (with protection
 * and frozen panes) and defined names. A new workbook has one visible sheet, "Sheet1", active
 * with A1 selected.
 *
 * Calculation: the formula engine recalculates on every change, so a read always sees current
 * results (except under the busy profile). `suspendApiCalculationUntilNextSync()` is accepted
 * and counted, and `calculationMode` is stored and read back, but neither delays recalculation.
 */
import { MAX_COLUMNS, MAX_ROWS, qualifiedAddress, type Rect } from "../addresses";
import { excelError } from "../errors";
import { WORKSHEET_EVENT_TYPES } from "../events";
import { HostObject, type HostType } from "../hostTypes";
import type { SheetModel } from "../sheetModel";
import type { NameModel, WorkbookModel } from "../workbookModel";
import { CHARTS } from "./charts";
import { PAGE_LAYOUT } from "./pageLayout";
import { RANGE_AREAS } from "../rangeAreas";
import { checkedEnum, rangeArgument, rangeObject } from "./range";
import { TABLES, type TableScope } from "./tables";

const CALCULATION_MODES = ["Automatic", "AutomaticExceptTables", "Manual"];
const CALCULATION_TYPES = ["Recalculate", "Full", "FullRebuild"];
const VISIBILITIES = ["Visible", "Hidden", "VeryHidden"];

export const WORKBOOK: HostType<WorkbookModel> = {
  name: "Workbook",
  navigation: {
    worksheets: (model) => new HostObject(WORKSHEETS, model),
    tables: () => new HostObject<TableScope>(TABLES, {}),
    names: (model) => new HostObject(NAMES, model),
    application: (model) => new HostObject(APPLICATION, model),
  },
  methods: {
    /** The selection as it is when the request runs (Range.select() changes it). */
    getSelectedRange: (model) => rangeObject(model.selection.sheet, model.selection.rect),
    getActiveCell: (model) => rangeObject(model.selection.sheet, { row: model.selection.rect.row, col: model.selection.rect.col, rows: 1, cols: 1 }),
  },
};

export const APPLICATION: HostType<WorkbookModel> = {
  name: "Application",
  scalars: {
    calculationMode: {
      get: (model) => model.calculationMode,
      set: (model, mode) => void (model.calculationMode = checkedEnum(mode, CALCULATION_MODES, "CalculationMode") as WorkbookModel["calculationMode"]),
    },
  },
  methods: {
    suspendApiCalculationUntilNextSync: (_model, _args, env) => void env.stats.calculationSuspensions++,
    calculate: (_model, [type]) => void checkedEnum(type, CALCULATION_TYPES, "CalculationType"),
  },
};

function sheetByKey(model: WorkbookModel, key: unknown): SheetModel | undefined {
  if (typeof key !== "string") throw excelError("InvalidArgument", "a worksheet is found by its name or id");
  return model.sheetByName(key) ?? model.sheets.find((s) => s.id === key);
}

export const WORKSHEETS: HostType<WorkbookModel> = {
  name: "WorksheetCollection",
  items: (model) => model.sheets.map((sheet) => new HostObject(WORKSHEET, sheet)),
  indexer: (model, key) => {
    const sheet = sheetByKey(model, key);
    if (!sheet) throw excelError("ItemNotFound", `no worksheet named "${String(key)}"`);
    return new HostObject(WORKSHEET, sheet);
  },
  methods: {
    /** "The worksheet will be added at the end of existing worksheets." */
    add: (model, [name]) => new HostObject(WORKSHEET, model.addSheet(name === null ? undefined : (name as string))),
    getItemOrNullObject: (model, [key]) => new HostObject(WORKSHEET, sheetByKey(model, key) ?? null),
    getActiveWorksheet: (model) => new HostObject(WORKSHEET, model.activeSheet),
    getCount: (model, [visibleOnly]) => model.sheets.filter((s) => visibleOnly !== true || s.visibility === "Visible").length,
    // What `onAdded.add(handler)` / `.remove(handler)` queue: from the next request on, Excel
    // sends the event for each sheet added or deleted (events.ts).
    _RegisterAddedEvent: (model) => model.events.register(WORKSHEET_EVENT_TYPES.added),
    _UnregisterAddedEvent: (model) => model.events.unregister(WORKSHEET_EVENT_TYPES.added),
    _RegisterDeletedEvent: (model) => model.events.register(WORKSHEET_EVENT_TYPES.deleted),
    _UnregisterDeletedEvent: (model) => model.events.unregister(WORKSHEET_EVENT_TYPES.deleted),
  },
};

function checkedRect(rect: Rect): Rect {
  const ok = rect.row >= 0 && rect.col >= 0 && rect.rows > 0 && rect.cols > 0 && rect.row + rect.rows <= MAX_ROWS && rect.col + rect.cols <= MAX_COLUMNS;
  if (!ok) throw excelError("InvalidArgument", `rows ${rect.row}+${rect.rows}, columns ${rect.col}+${rect.cols} is not on the sheet`);
  return rect;
}

export const WORKSHEET: HostType<SheetModel> = {
  name: "Worksheet",
  identity: (sheet) => ({ Id: sheet.id }),
  gone: (sheet) => sheet.deleted === true,
  scalars: {
    id: { get: (sheet) => sheet.id },
    name: { get: (sheet) => sheet.name, set: (sheet, name, env) => env.model.renameSheet(sheet, name as string) },
    position: { get: (sheet, env) => env.model.sheets.indexOf(sheet), set: (sheet, position, env) => env.model.moveSheet(sheet, position as number) },
    visibility: {
      get: (sheet) => sheet.visibility,
      set: (sheet, visibility, env) => env.model.setVisibility(sheet, checkedEnum(visibility, VISIBILITIES, "SheetVisibility") as SheetModel["visibility"]),
    },
  },
  navigation: {
    protection: (sheet) => new HostObject(WORKSHEET_PROTECTION, sheet),
    freezePanes: (sheet) => new HostObject(FREEZE_PANES, sheet),
    tables: (sheet) => new HostObject<TableScope>(TABLES, { sheet }),
    charts: (sheet) => new HostObject(CHARTS, sheet),
    /** ExcelApi 1.9: orientation, zoom and the print area (../pageLayout.ts). */
    pageLayout: (sheet) => new HostObject(PAGE_LAYOUT, sheet),
  },
  methods: {
    /** Worksheet.getRange("A1:B2"); with no address, the whole sheet. */
    getRange: (sheet, [address], env) => {
      if (address === null || address === undefined || address === "") return rangeObject(sheet, { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS });
      const found = env.model.resolveAddress(String(address), sheet);
      return rangeObject(found.sheet, found.rect);
    },
    /**
     * Worksheet.getRanges("A1:B2, D4") (ExcelApi 1.9): a RangeAreas on this sheet. The areas are
     * separated by commas; each may name this sheet. Excel documents no limit on the address's
     * length; the add-in keeps each under 255 characters (as VBA's Range(...) requires) anyway.
     */
    getRanges: (sheet, [address], env) => {
      const rects = String(address ?? "")
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== "")
        .map((part) => {
          const found = env.model.resolveAddress(part, sheet);
          if (found.sheet !== sheet) throw excelError("InvalidArgument", `getRanges: ${part} is not on ${sheet.name}`);
          return found.rect;
        });
      if (rects.length === 0) throw excelError("InvalidArgument", "getRanges: no address");
      return new HostObject(RANGE_AREAS, { sheet, rects });
    },
    getRangeByIndexes: (sheet, [row, col, rows, cols]) => rangeObject(sheet, checkedRect({ row: row as number, col: col as number, rows: rows as number, cols: cols as number })),
    getCell: (sheet, [row, col]) => rangeObject(sheet, checkedRect({ row: row as number, col: col as number, rows: 1, cols: 1 })),
    /** "If the entire worksheet is blank, this function will return the top left cell." */
    getUsedRange: (sheet, [valuesOnly], env) => rangeObject(sheet, env.model.usedRect(sheet, valuesOnly === true) ?? { row: 0, col: 0, rows: 1, cols: 1 }),
    getUsedRangeOrNullObject: (sheet, [valuesOnly], env) => {
      const rect = env.model.usedRect(sheet, valuesOnly === true);
      return rect ? rangeObject(sheet, rect) : new HostObject(rangeObject(sheet, { row: 0, col: 0, rows: 1, cols: 1 }).type, null);
    },
    activate: (sheet, _args, env) => env.model.activate(sheet),
    delete: (sheet, _args, env) => env.model.deleteSheet(sheet),
  },
};

export const WORKSHEET_PROTECTION: HostType<SheetModel> = {
  name: "WorksheetProtection",
  gone: (sheet) => sheet.deleted === true,
  scalars: {
    protected: { get: (sheet) => sheet.protection.protected },
    options: { get: (sheet) => ({ ...sheet.protection.options }) },
  },
  methods: {
    /**
     * From then on writes to locked cells fail with AccessDenied, and so do formatting,
     * validation and table changes unless `options` allows them. The password is kept as given.
     */
    protect: (sheet, [options, password], env) => env.model.protect(sheet, (options ?? undefined) as Record<string, unknown> | undefined, (password ?? undefined) as string | undefined),
    unprotect: (sheet, [password], env) => env.model.unprotect(sheet, (password ?? undefined) as string | undefined),
  },
};

function freezeCount(count: unknown, which: string): number {
  const n = count === null || count === undefined ? 1 : count;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0) throw excelError("InvalidArgument", `${String(count)} is not a number of ${which}`);
  return n;
}

/** Frozen panes are recorded (rows and columns from the top left); nothing scrolls here. */
export const FREEZE_PANES: HostType<SheetModel> = {
  name: "WorksheetFreezePanes",
  gone: (sheet) => sheet.deleted === true,
  methods: {
    freezeRows: (sheet, [count]) => void (sheet.freeze = { ...sheet.freeze, rows: freezeCount(count, "rows") }),
    freezeColumns: (sheet, [count]) => void (sheet.freeze = { ...sheet.freeze, columns: freezeCount(count, "columns") }),
    /** Freezes the rows above and columns left of the range's bottom-right corner, counted from A1. */
    freezeAt: (sheet, [frozen], env) => {
      const { rect } = rangeArgument(frozen, env, sheet, "the frozen range");
      sheet.freeze = { rows: rect.row + rect.rows, columns: rect.col + rect.cols };
    },
    unfreeze: (sheet) => void (sheet.freeze = { rows: 0, columns: 0 }),
    getLocationOrNullObject: (sheet) => {
      const { rows, columns } = sheet.freeze;
      const range = rangeObject(sheet, { row: 0, col: 0, rows: rows || MAX_ROWS, cols: columns || MAX_COLUMNS });
      return rows || columns ? range : new HostObject(range.type, null);
    },
  },
};

function nameByKey(model: WorkbookModel, key: unknown): NameModel | undefined {
  return typeof key === "string" ? model.names.get(key.toLowerCase()) : undefined;
}

/**
 * workbook.names: defined names at workbook scope (sheet-scoped names are not modelled). A name
 * refers to a range (`names.add("SV_ContractValue", range)` stores "='SV Setup'!$B$2") or to a
 * formula (`names.add("SV_Rate", "=0.1")`). Names and table names share one namespace, as in
 * Excel, and both are case-insensitive.
 */
export const NAMES: HostType<WorkbookModel> = {
  name: "NamedItemCollection",
  items: (model) => [...model.names.values()].map((name) => new HostObject(NAMED_ITEM, name)),
  indexer: (model, key) => {
    const found = nameByKey(model, key);
    if (!found) throw excelError("ItemNotFound", `no name "${String(key)}"`);
    return new HostObject(NAMED_ITEM, found);
  },
  methods: {
    add: (model, [name, reference, comment], env) => {
      const formula = typeof reference === "string" ? reference : (() => {
        const target = rangeArgument(reference, env, undefined, "the name's reference");
        return `=${qualifiedAddress(target.sheet.name, target.rect, true)}`;
      })();
      return new HostObject(NAMED_ITEM, model.addName(String(name), formula, (comment ?? "") as string));
    },
    getItemOrNullObject: (model, [key]) => new HostObject(NAMED_ITEM, nameByKey(model, key) ?? null),
    getCount: (model) => model.names.size,
  },
};

export const NAMED_ITEM: HostType<NameModel> = {
  name: "NamedItem",
  // NamedItem has no id property; its name is its key in the collection.
  identity: (name) => ({ _Id: name.name }),
  gone: (name, env) => env.model.names.get(name.name.toLowerCase()) !== name,
  scalars: {
    name: { get: (n) => n.name },
    /** "Range", or what the formula computes: "Double", "String", "Boolean", "Error", "Array". */
    type: { get: (n, env) => env.model.describeName(n).type },
    /** For a range, its address ("'SV Setup'!$B$2"); otherwise the computed value. */
    value: { get: (n, env) => env.model.describeName(n).value },
    formula: { get: (n) => n.formula, set: (n, formula, env) => env.model.setNameFormula(n, String(formula)) },
    comment: { get: (n) => n.comment, set: (n, comment) => void (n.comment = String(comment)) },
    visible: { get: (n) => n.visible, set: (n, visible) => void (n.visible = visible === true) },
  },
  methods: {
    /** "Throws an error if the named item's type isn't a range." */
    getRange: (n, _args, env) => {
      const target = env.model.nameRange(n);
      if (!target) throw excelError("InvalidArgument", "the name does not refer to a range");
      return rangeObject(target.sheet, target.rect);
    },
    getRangeOrNullObject: (n, _args, env) => {
      const target = env.model.nameRange(n);
      const range = rangeObject(target?.sheet ?? env.model.activeSheet, target?.rect ?? { row: 0, col: 0, rows: 1, cols: 1 });
      return target ? range : new HostObject(range.type, null);
    },
    delete: (n, _args, env) => env.model.deleteName(n),
  },
};
