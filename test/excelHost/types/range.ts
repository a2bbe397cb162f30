/**
 * Excel.Range and what hangs off it: format (fill, font, protection, column width), data
 * validation and conditional formats. A Range is a fixed rectangle on one sheet, found when its
 * path is (a range from `table.getDataBodyRange()` is the data body as it was then; a range the
 * client keeps across requests stays those cells).
 */
import { cellCount, inGrid, isWholeColumns, isWholeRows, qualifiedAddress, type Rect } from "../addresses";
import { excelError, NotModelled } from "../errors";
import { HostObject, objectArgument, type Env, type HostType } from "../hostTypes";
import { normalizeColor, type SheetModel } from "../sheetModel";
import { CONDITIONAL_FORMATS, DATA_VALIDATION } from "./rangeRules";
import { RANGE_AREAS, specialCells } from "../rangeAreas";
import { WORKSHEET } from "./workbook";

export interface RangeValue {
  sheet: SheetModel;
  rect: Rect;
}

export const rangeObject = (sheet: SheetModel, rect: Rect): HostObject<RangeValue> => new HostObject<RangeValue>(RANGE, { sheet, rect });

/** A range argument, or an address string read on `defaultSheet` (or the one it names). */
export function rangeArgument(arg: unknown, env: Env, defaultSheet: SheetModel | undefined, what: string): RangeValue {
  const object = objectArgument(arg);
  if (object) {
    if (object.type !== RANGE || object.isNull) throw excelError("InvalidArgument", `${what} is not a range`);
    return object.value as RangeValue;
  }
  if (typeof arg !== "string" || arg === "") throw excelError("InvalidArgument", `${what} must be a range or an address`);
  return env.model.resolveAddress(arg, /!/.test(arg) ? undefined : defaultSheet);
}

const sameRect = (range: RangeValue, rect: Rect): HostObject<RangeValue> => {
  if (!inGrid(rect)) throw excelError("InvalidArgument", "the range would leave the sheet");
  return rangeObject(range.sheet, rect);
};

const int = (v: unknown, what: string): number => {
  if (typeof v !== "number" || !Number.isInteger(v)) throw excelError("InvalidArgument", `${what} must be a whole number`);
  return v;
};

const gone = (r: RangeValue): boolean => r.sheet.deleted === true;

export const RANGE: HostType<RangeValue> = {
  name: "Range",
  keepsReference: true,
  gone,
  scalars: {
    address: { get: ({ sheet, rect }) => qualifiedAddress(sheet.name, rect) },
    addressLocal: { get: ({ sheet, rect }) => qualifiedAddress(sheet.name, rect) },
    cellCount: { get: ({ rect }) => cellCount(rect) },
    columnCount: { get: ({ rect }) => rect.cols },
    columnIndex: { get: ({ rect }) => rect.col },
    rowCount: { get: ({ rect }) => rect.rows },
    rowIndex: { get: ({ rect }) => rect.row },
    isEntireColumn: { get: ({ rect }) => isWholeColumns(rect) },
    isEntireRow: { get: ({ rect }) => isWholeRows(rect) },
    values: {
      get: ({ sheet, rect }, env) => env.model.readValues(sheet, rect),
      set: ({ sheet, rect }, input, env) => env.model.write(sheet, rect, input, "values"),
    },
    formulas: {
      get: ({ sheet, rect }, env) => env.model.readFormulas(sheet, rect),
      set: ({ sheet, rect }, input, env) => env.model.write(sheet, rect, input, "formulas"),
    },
    // The host's locale is en-US, where formulasLocal and formulas are the same text.
    formulasLocal: {
      get: ({ sheet, rect }, env) => env.model.readFormulas(sheet, rect),
      set: ({ sheet, rect }, input, env) => env.model.write(sheet, rect, input, "formulasLocal"),
    },
    text: { get: ({ sheet, rect }, env) => env.model.readText(sheet, rect) },
    valueTypes: { get: ({ sheet, rect }, env) => env.model.readValueTypes(sheet, rect) },
    numberFormat: {
      get: ({ sheet, rect }, env) => env.model.readNumberFormats(sheet, rect),
      set: ({ sheet, rect }, input, env) => env.model.setNumberFormat(sheet, rect, input),
    },
    rowHidden: { get: ({ sheet, rect }) => allRowsHidden(sheet, rect) },
  },
  navigation: {
    format: (range) => new HostObject(RANGE_FORMAT, range),
    dataValidation: (range) => new HostObject(DATA_VALIDATION, range),
    conditionalFormats: (range) => new HostObject(CONDITIONAL_FORMATS, range),
    worksheet: (range) => new HostObject(WORKSHEET, range.sheet),
  },
  methods: {
    getCell: (r, [row, column]) => sameRect(r, { row: r.rect.row + int(row, "row"), col: r.rect.col + int(column, "column"), rows: 1, cols: 1 }),
    getOffsetRange: (r, [rows, cols]) => sameRect(r, { ...r.rect, row: r.rect.row + int(rows, "rowOffset"), col: r.rect.col + int(cols, "columnOffset") }),
    getResizedRange: (r, [rows, cols]) => sameRect(r, { ...r.rect, rows: r.rect.rows + int(rows, "deltaRows"), cols: r.rect.cols + int(cols, "deltaColumns") }),
    // A row or column index past the range gives an empty rectangle, which sameRect refuses.
    getRow: (r, [row]) => sameRect(r, { ...r.rect, row: r.rect.row + int(row, "row"), rows: int(row, "row") < r.rect.rows ? 1 : 0 }),
    getColumn: (r, [col]) => sameRect(r, { ...r.rect, col: r.rect.col + int(col, "column"), cols: int(col, "column") < r.rect.cols ? 1 : 0 }),
    getEntireColumn: (r) => sameRect(r, { ...r.rect, row: 0, rows: 1_048_576 }),
    getEntireRow: (r) => sameRect(r, { ...r.rect, col: 0, cols: 16_384 }),
    getLastRow: (r) => sameRect(r, { ...r.rect, row: r.rect.row + r.rect.rows - 1, rows: 1 }),
    getLastColumn: (r) => sameRect(r, { ...r.rect, col: r.rect.col + r.rect.cols - 1, cols: 1 }),
    /** ItemNotFound when no cell matches (rangeAreas.ts). */
    getSpecialCells: ({ sheet, rect }, [cellType, valueType], env) => {
      const rects = specialCells(env.model, sheet, rect, String(cellType), valueType as string | undefined);
      if (rects.length === 0) throw excelError("ItemNotFound", `no ${String(cellType)} cells in the range`);
      return new HostObject(RANGE_AREAS, { sheet, rects });
    },
    getSpecialCellsOrNullObject: ({ sheet, rect }, [cellType, valueType], env) => {
      const rects = specialCells(env.model, sheet, rect, String(cellType), valueType as string | undefined);
      return new HostObject(RANGE_AREAS, rects.length ? { sheet, rects } : null);
    },
    /** The smallest range holding both (the client uses it to write large arrays in blocks of rows). */
    getBoundingRect: (r, [other], env) => {
      const o = rangeArgument(other, env, r.sheet, "the other range");
      if (o.sheet !== r.sheet) throw excelError("InvalidArgument", "the ranges are on different sheets");
      const row = Math.min(r.rect.row, o.rect.row);
      const col = Math.min(r.rect.col, o.rect.col);
      const bottom = Math.max(r.rect.row + r.rect.rows, o.rect.row + o.rect.rows);
      const right = Math.max(r.rect.col + r.rect.cols, o.rect.col + o.rect.cols);
      return rangeObject(r.sheet, { row, col, rows: bottom - row, cols: right - col });
    },
    /**
     * The client's check before it writes a large array in blocks (over 1,500 cells, ExcelApi
     * 1.3): the array's size must be the range's, or the write is refused before any block.
     */
    _ValidateArraySize: ({ rect }, [rows, cols]) => {
      if (rows !== rect.rows || cols !== rect.cols) {
        throw excelError("InvalidArgument", `the number of rows or columns in the input array (${String(rows)}×${String(cols)}) doesn't match the size or dimensions of the range (${rect.rows}×${rect.cols})`);
      }
    },
    /** ItemNotFound when nothing matches: a failed find stops the rest of the request (the add-in's write guards rely on it). */
    find: (r, [text, criteria], env) => {
      const found = findCell(r, text, criteria, env);
      if (found === undefined) throw excelError("ItemNotFound", `"${String(text)}" was not found`);
      return rangeObject(r.sheet, found);
    },
    findOrNullObject: (r, [text, criteria], env) => {
      const found = findCell(r, text, criteria, env);
      return new HostObject(RANGE, found ? { sheet: r.sheet, rect: found } : null);
    },
    select: ({ sheet, rect }, _args, env) => env.model.select(sheet, rect),
    clear: ({ sheet, rect }, [applyTo], env) => env.model.clear(sheet, rect, (applyTo as string | null) ?? "All"),
  },
};

/**
 * Range.find (ExcelApi 1.9): the first cell whose displayed text matches, row by row. A range
 * of one cell searches the whole sheet after it, as the reference says; a larger range, only
 * itself. Whether Excel reads * ? ~ as wildcards here is not documented, so such text is not
 * modelled (the add-in never searches for it).
 */
function findCell(r: RangeValue, text: unknown, criteria: unknown, env: Env): Rect | undefined {
  if (typeof text !== "string" || text === "") throw excelError("InvalidArgument", "the text to find must be a non-empty string");
  if (/[*?~]/.test(text)) throw new NotModelled(`Range.find of text holding * ? or ~ ("${text}")`);
  const c = (criteria ?? {}) as { completeMatch?: boolean; matchCase?: boolean; searchDirection?: string };
  if (c.searchDirection !== undefined && c.searchDirection !== "Forward") throw new NotModelled(`Range.find searching ${c.searchDirection}`);
  const single = r.rect.rows === 1 && r.rect.cols === 1;
  const area = single ? env.model.usedRect(r.sheet, true) : r.rect;
  if (area === undefined) return undefined;
  const texts = env.model.readText(r.sheet, area);
  const fold = (t: string): string => (c.matchCase === true ? t : t.toLowerCase());
  const wanted = fold(text);
  const cells: Rect[] = [];
  texts.forEach((row, i) =>
    row.forEach((t, j) => {
      const shown = fold(t);
      if (c.completeMatch === true ? shown === wanted : shown.includes(wanted)) cells.push({ row: area.row + i, col: area.col + j, rows: 1, cols: 1 });
    })
  );
  if (!single) return cells[0];
  // After the start cell, wrapping round to the top.
  const after = cells.find((x) => x.row > r.rect.row || (x.row === r.rect.row && x.col > r.rect.col));
  return after ?? cells[0];
}

function allRowsHidden(sheet: SheetModel, rect: Rect): boolean {
  for (let r = rect.row; r < rect.row + rect.rows; r++) if (!sheet.hiddenRows.has(r)) return false;
  return true;
}

/** Every cell of the range has no fill: Excel reports that as white. */
function allUnfilled(sheet: SheetModel, rect: Rect): boolean {
  for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) if (sheet.formats.at(r, c).fillColor !== null) return false;
  return true;
}

export const RANGE_FORMAT: HostType<RangeValue> = {
  name: "RangeFormat",
  gone,
  scalars: {
    columnWidth: {
      get: ({ sheet, rect }, env) => env.model.readColumnWidth(sheet, rect),
      set: ({ sheet, rect }, width, env) => env.model.setColumnWidth(sheet, rect, width),
    },
    wrapText: {
      get: ({ sheet, rect }, env) => env.model.readFormat(sheet, rect, "wrapText"),
      set: ({ sheet, rect }, wrap, env) => env.model.applyFormat(sheet, rect, { wrapText: wrap === true }),
    },
    horizontalAlignment: {
      get: ({ sheet, rect }, env) => env.model.readFormat(sheet, rect, "horizontalAlignment"),
      set: ({ sheet, rect }, alignment, env) => env.model.applyFormat(sheet, rect, { horizontalAlignment: checkedEnum(alignment, HORIZONTAL_ALIGNMENTS, "HorizontalAlignment") }),
    },
  },
  navigation: {
    fill: (range) => new HostObject(RANGE_FILL, range),
    font: (range) => new HostObject(RANGE_FONT, range),
    protection: (range) => new HostObject(FORMAT_PROTECTION, range),
  },
  methods: {
    autofitColumns: ({ sheet, rect }, _args, env) => env.model.autofitColumns(sheet, rect),
    // Row heights are not modelled.
    autofitRows: () => undefined,
  },
};

const HORIZONTAL_ALIGNMENTS = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];

export function checkedEnum(value: unknown, allowed: readonly string[], enumName: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) throw excelError("InvalidArgument", `${JSON.stringify(value)} is not an Excel.${enumName} value`);
  return value;
}

export const RANGE_FILL: HostType<RangeValue> = {
  name: "RangeFill",
  gone,
  scalars: {
    /** The colour every cell shares; "#FFFFFF" when none is filled (as Excel reports it); null when they differ. */
    color: {
      get: ({ sheet, rect }, env) => env.model.readFormat(sheet, rect, "fillColor") ?? (allUnfilled(sheet, rect) ? "#FFFFFF" : null),
      set: ({ sheet, rect }, color, env) => env.model.applyFormat(sheet, rect, { fillColor: normalizeColor(color) }),
    },
  },
  methods: {
    clear: ({ sheet, rect }, _args, env) => env.model.applyFormat(sheet, rect, { fillColor: null }),
  },
};

export const RANGE_FONT: HostType<RangeValue> = {
  name: "RangeFont",
  gone,
  scalars: {
    bold: {
      get: ({ sheet, rect }, env) => env.model.readFormat(sheet, rect, "fontBold"),
      set: ({ sheet, rect }, bold, env) => env.model.applyFormat(sheet, rect, { fontBold: bold === true }),
    },
    italic: {
      get: ({ sheet, rect }, env) => env.model.readFormat(sheet, rect, "fontItalic"),
      set: ({ sheet, rect }, italic, env) => env.model.applyFormat(sheet, rect, { fontItalic: italic === true }),
    },
    color: {
      get: ({ sheet, rect }, env) => env.model.readFormat(sheet, rect, "fontColor"),
      set: ({ sheet, rect }, color, env) => env.model.applyFormat(sheet, rect, { fontColor: normalizeColor(color) }),
    },
  },
};

/** Range.format.protection.locked: whether a cell refuses edits once its sheet is protected. */
export const FORMAT_PROTECTION: HostType<RangeValue> = {
  name: "FormatProtection",
  gone,
  scalars: {
    locked: {
      get: ({ sheet, rect }, env) => env.model.readFormat(sheet, rect, "locked"),
      set: ({ sheet, rect }, locked, env) => env.model.applyFormat(sheet, rect, { locked: locked !== false }),
    },
  },
};
