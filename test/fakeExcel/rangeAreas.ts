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
import { ClientCollection, ClientObject } from "./clientObject";
import { excelError } from "./errors";
import { FakeRange, type RangeHost } from "./range";
import type { FakeRequestContext } from "./requestContext";
import { cellKey, type SheetModel } from "./sheetModel";
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
  if (!(CELL_TYPES as readonly string[]).includes(cellType)) throw excelError("NotImplemented", `the fake finds only ${CELL_TYPES.join(", ")} special cells, not "${cellType}"`);
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

export class FakeRangeAreas extends ClientObject<RangeAreasHost> {
  private areasProxy?: FakeRangeCollection;

  constructor(context: FakeRequestContext, locate: () => RangeAreasHost | null) {
    super(context, "RangeAreas", locate);
  }

  protected scalarNames(): readonly string[] {
    return ["address", "addressLocal", "areaCount", "cellCount"];
  }

  protected snapshot({ sheet, rects }: RangeAreasHost, property: string): unknown {
    switch (property) {
      case "address":
      case "addressLocal":
        return rects.map((r) => qualifiedAddress(sheet.name, r)).join(", ");
      case "areaCount":
        return rects.length;
      case "cellCount":
        return rects.reduce((n, r) => n + cellCount(r), 0);
    }
    throw new Error(`RangeAreas.${property} has no snapshot`);
  }

  protected override child(name: string): ClientObject<unknown> | undefined {
    return name === "areas" ? this.areas : undefined;
  }

  get address(): string {
    return this.read("address");
  }
  get addressLocal(): string {
    return this.read("addressLocal");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }

  get areas(): FakeRangeCollection {
    return (this.areasProxy ??= new FakeRangeCollection(this.context, () => this.find()));
  }
}

/** RangeAreas.areas: one Range per rectangle. */
export class FakeRangeCollection extends ClientCollection<RangeAreasHost, FakeRange> {
  constructor(context: FakeRequestContext, locate: () => RangeAreasHost | null) {
    super(context, "RangeCollection", locate);
  }

  protected scalarNames(): readonly string[] {
    return ["count"];
  }

  protected snapshot(host: RangeAreasHost): unknown {
    return host.rects.length;
  }

  protected itemProxies({ sheet, rects }: RangeAreasHost): FakeRange[] {
    return rects.map((rect) => new FakeRange(this.context, (): RangeHost => ({ sheet, rect })));
  }

  get count(): number {
    return this.read("count");
  }
}
