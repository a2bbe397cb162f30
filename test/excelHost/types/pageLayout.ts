/**
 * Worksheet.pageLayout (ExcelApi 1.9): orientation, zoom and the print area (the model and its
 * rules are in ../pageLayout.ts).
 */
import { excelError } from "../errors";
import { HostObject, objectArgument, type HostType } from "../hostTypes";
import { ORIENTATIONS, pageLayoutOf, zoomFrom } from "../pageLayout";
import { RANGE_AREAS, type RangeAreasHost } from "../rangeAreas";
import type { SheetModel } from "../sheetModel";
import { checkedEnum, rangeArgument } from "./range";

/** The areas of a print area given as a Range, a RangeAreas or an address ("A1:U38" or "A1:F9, H1:U38"). */
function printAreaRects(sheet: SheetModel, arg: unknown, env: Parameters<typeof rangeArgument>[1]): RangeAreasHost["rects"] {
  const object = objectArgument(arg);
  if (object?.type === RANGE_AREAS) {
    const areas = object.value as RangeAreasHost | null;
    if (!areas || areas.sheet !== sheet) throw excelError("InvalidArgument", "the print area must be on the sheet");
    return areas.rects.map((r) => ({ ...r }));
  }
  const parts = object ? [arg] : String(arg ?? "").split(",").map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length === 0) throw excelError("InvalidArgument", "setPrintArea: no range");
  return parts.map((part) => {
    const found = rangeArgument(part, env, sheet, "the print area");
    if (found.sheet !== sheet) throw excelError("InvalidArgument", "the print area must be on the sheet");
    return { ...found.rect };
  });
}

export const PAGE_LAYOUT: HostType<SheetModel> = {
  name: "PageLayout",
  gone: (sheet) => sheet.deleted === true,
  scalars: {
    orientation: {
      get: (sheet) => pageLayoutOf(sheet).orientation,
      set: (sheet, value) => void (pageLayoutOf(sheet).orientation = checkedEnum(value, ORIENTATIONS, "PageOrientation") as (typeof ORIENTATIONS)[number]),
    },
    zoom: {
      get: (sheet) => {
        const z = pageLayoutOf(sheet).zoom;
        return z.scale !== null ? { scale: z.scale } : { horizontalFitToPages: z.horizontalFitToPages, verticalFitToPages: z.verticalFitToPages };
      },
      set: (sheet, value) => void (pageLayoutOf(sheet).zoom = zoomFrom(value)),
    },
  },
  methods: {
    setPrintArea: (sheet, [printArea], env) => void (pageLayoutOf(sheet).printArea = printAreaRects(sheet, printArea, env)),
    getPrintArea: (sheet) => {
      const rects = pageLayoutOf(sheet).printArea;
      if (rects.length === 0) throw excelError("ItemNotFound", `${sheet.name} has no print area`);
      return new HostObject(RANGE_AREAS, { sheet, rects: rects.map((r) => ({ ...r })) });
    },
    getPrintAreaOrNullObject: (sheet) => {
      const rects = pageLayoutOf(sheet).printArea;
      return new HostObject(RANGE_AREAS, rects.length ? { sheet, rects: rects.map((r) => ({ ...r })) } : null);
    },
  },
};
