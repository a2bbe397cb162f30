/**
 * Excel.RangeAreas as `Range.getSpecialCells` and `getSpecialCellsOrNullObject` return it: the
 * cells of a range that match a SpecialCellType, as rectangles on one sheet.
 *
 * Office.js reference (ExcelApi 1.9): `SpecialCellType` "Constants" (cells containing
 * constants), "Formulas" (cells containing formulas), "Blanks" (cells with no content); a
 * `SpecialCellValueType` narrows Constants and Formulas to errors, logical, numbers and text.
 * `getSpecialCells` fails with ItemNotFound when no cell matches; the OrNullObject form gives a
 * null object instead. `RangeAreas.address` lists each rectangle sheet-qualified, separated by
 * ", " ("Sheet1!A1:B4, Sheet1!D1:D4"). The other SpecialCellTypes are NotImplemented here.
 *
 * Rectangles are found row by row (runs of matching cells in a row, stacked while the runs of
 * consecutive rows are the same), which is how Excel reports a typed-over column: one area.
 */
import { cellCount, qualifiedAddress, type Rect } from "./addresses";
import { NotModelled, excelError } from "./errors";
import { HostObject, type HostType } from "./hostTypes";
import { cellKey, normalizeColor, type SheetModel } from "./sheetModel";
import { rangeObject } from "./types/range";
import type { WorkbookModel } from "./workbookModel";

export interface RangeAreasHost {
  sheet: SheetModel;
  rects: Rect[];
}

const CELL_TYPES = ["Blanks", "Constants", "Formulas"] as const;
/** The value types a SpecialCellValueType name combines ("ErrorsLogicalNumber", "NumbersText"…), by the value type Range.valueTypes reports. */
const VALUE_KINDS: readonly (readonly [string, string])[] = [
  ["Errors", "Error"],
  ["Logical", "Boolean"],
  ["Number", "Double"],
  ["Text", "String"],
];

/** The value types a SpecialCellValueType keeps; undefined for all of them. */
function valueTypesOf(cellValueType: string | undefined): Set<string> | undefined {
  if (cellValueType === undefined || cellValueType === null || cellValueType === "All") return undefined;
  const kept = new Set(VALUE_KINDS.filter(([name]) => cellValueType.includes(name)).map(([, type]) => type));
  if (kept.size === 0) throw excelError("InvalidArgument", `"${cellValueType}" is not a SpecialCellValueType`);
  return kept;
}

/** The rectangles of `rect` whose cells match; [] when none do. */
export function specialCells(model: WorkbookModel, sheet: SheetModel, rect: Rect, cellType: string, cellValueType?: string): Rect[] {
  if (!(CELL_TYPES as readonly string[]).includes(cellType)) throw new NotModelled("Range.getSpecialCells", `the host finds only ${CELL_TYPES.join(", ")} special cells, not "${cellType}"`);
  const kept = cellType === "Blanks" ? undefined : valueTypesOf(cellValueType);
  const types = model.readValueTypes(sheet, rect);
  const matches = (r: number, c: number): boolean => {
    const hasFormula = sheet.formulas.has(cellKey(rect.row + r, rect.col + c));
    const type = types[r]?.[c] ?? "Empty";
    if (cellType === "Formulas") return hasFormula && (kept === undefined || kept.has(type));
    if (hasFormula) return false;
    if (cellType === "Blanks") return type === "Empty";
    return type !== "Empty" && (kept === undefined || kept.has(type));
  };
  const areas: Rect[] = [];
  let open: Rect[] = []; // areas that reached the previous row, still growing downwards
  for (let r = 0; r < rect.rows; r++) {
    const runs: { col: number; cols: number }[] = [];
    for (let c = 0; c < rect.cols; c++) {
      if (!matches(r, c)) continue;
      const last = runs[runs.length - 1];
      if (last && last.col + last.cols === rect.col + c) last.cols++;
      else runs.push({ col: rect.col + c, cols: 1 });
    }
    const next: Rect[] = [];
    for (const run of runs) {
      const above = open.find((a) => a.col === run.col && a.cols === run.cols);
      if (above) {
        above.rows++;
        next.push(above);
      } else {
        const area = { row: rect.row + r, col: run.col, rows: 1, cols: run.cols };
        areas.push(area);
        next.push(area);
      }
    }
    open = next;
  }
  return areas.sort((a, b) => a.row - b.row || a.col - b.col);
}

export const RANGE_AREAS: HostType<RangeAreasHost> = {
  name: "RangeAreas",
  keepsReference: true,
  gone: ({ sheet }) => sheet.deleted === true,
  scalars: {
    address: { get: ({ sheet, rects }) => rects.map((r) => qualifiedAddress(sheet.name, r)).join(", ") },
    addressLocal: { get: ({ sheet, rects }) => rects.map((r) => qualifiedAddress(sheet.name, r)).join(", ") },
    areaCount: { get: ({ rects }) => rects.length },
    cellCount: { get: ({ rects }) => rects.reduce((n, r) => n + cellCount(r), 0) },
  },
  navigation: {
    areas: (host) => new HostObject(RANGE_COLLECTION, host),
    format: (host) => new HostObject(RANGE_AREAS_FORMAT, host),
  },
};

/** RangeAreas.format: only the fill is modelled (what the add-in sets over many areas at once). */
export const RANGE_AREAS_FORMAT: HostType<RangeAreasHost> = {
  name: "RangeFormat",
  navigation: {
    fill: (host) => new HostObject(RANGE_AREAS_FILL, host),
  },
};

export const RANGE_AREAS_FILL: HostType<RangeAreasHost> = {
  name: "RangeFill",
  scalars: {
    color: {
      get: ({ sheet, rects }, env) => {
        const colors = new Set(rects.map((r) => env.model.readFormat(sheet, r, "fillColor") ?? "#FFFFFF"));
        return colors.size === 1 ? [...colors][0] : null;
      },
      set: ({ sheet, rects }, color, env) => rects.forEach((r) => env.model.applyFormat(sheet, r, { fillColor: normalizeColor(color) })),
    },
  },
  methods: {
    clear: ({ sheet, rects }, _args, env) => rects.forEach((r) => env.model.applyFormat(sheet, r, { fillColor: null })),
  },
};

/** RangeAreas.areas: one Range per rectangle. */
export const RANGE_COLLECTION: HostType<RangeAreasHost> = {
  name: "RangeCollection",
  items: ({ sheet, rects }) => rects.map((rect) => rangeObject(sheet, rect)),
  scalars: {
    count: { get: ({ rects }) => rects.length },
  },
};
