/**
 * A worksheet's page setup, the part of `Worksheet.pageLayout` (ExcelApi 1.9) the dashboard
 * uses: `orientation` ("Portrait", the default for a new sheet, or "Landscape"), `zoom`
 * (PageLayoutZoomOptions: a percentage `scale` from 10 to 400, or `horizontalFitToPages` /
 * `verticalFitToPages`) and the print area (`setPrintArea`, `getPrintArea`,
 * `getPrintAreaOrNullObject`). Every member is ExcelApi 1.9 in @types/office-js, so the min-api
 * profile refuses them below it, as an Excel build without the set does (apiSets.ts reads the tags).
 *
 * Per the reference: zoom "must be set as a JSON object (use `x.zoom = {...}` instead of
 * `x.zoom.scale = ...`)"; scale "can be null if fit to page tall or wide is specified" and the
 * fit counts "can be null if percentage scale is used" — so setting one clears the other, as the
 * Page Setup dialog's "Adjust to" and "Fit to" radio buttons do. A new sheet prints at 100%.
 * `getPrintArea` fails with ItemNotFound when no print area is set (the OrNullObject form gives a
 * null object). The print area is one or more areas of the sheet, separated by commas.
 *
 * Not modelled: margins, paper size, headers and footers, print titles, the other options; the
 * print area does not move when a co-author inserts or deletes rows (Excel keeps it in the
 * sheet's Print_Area name, which does).
 */
import type { Rect } from "./addresses";
import { excelError } from "./errors";
import type { SheetModel } from "./sheetModel";

export const ORIENTATIONS = ["Portrait", "Landscape"] as const;

export interface ZoomModel {
  scale: number | null;
  horizontalFitToPages: number | null;
  verticalFitToPages: number | null;
}

export interface PageLayoutModel {
  orientation: (typeof ORIENTATIONS)[number];
  zoom: ZoomModel;
  /** The print area's rectangles on the sheet; empty when none is set. */
  printArea: Rect[];
}

/** Each sheet's page setup; a deleted sheet takes it with it. */
const layouts = new WeakMap<SheetModel, PageLayoutModel>();

export function pageLayoutOf(sheet: SheetModel): PageLayoutModel {
  let layout = layouts.get(sheet);
  if (!layout) layouts.set(sheet, (layout = { orientation: "Portrait", zoom: { scale: 100, horizontalFitToPages: null, verticalFitToPages: null }, printArea: [] }));
  return layout;
}

function whole(v: unknown, low: number, high: number, what: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < low || v > high) throw excelError("InvalidArgument", `${what} must be a whole number from ${low} to ${high}, not ${String(v)}`);
  return v;
}

/** The zoom as set from a PageLayoutZoomOptions object: a scale, or fit-to-page counts (either may be given alone). */
export function zoomFrom(input: unknown): ZoomModel {
  if (typeof input !== "object" || input === null) throw excelError("InvalidArgument", "zoom is set as an object: { scale } or { horizontalFitToPages, verticalFitToPages }");
  const { scale, horizontalFitToPages, verticalFitToPages } = input as Record<string, unknown>;
  const given = (v: unknown): boolean => v !== undefined && v !== null;
  const fits = given(horizontalFitToPages) || given(verticalFitToPages);
  if (given(scale) && fits) throw excelError("InvalidArgument", "zoom takes a scale or pages to fit to, not both");
  if (given(scale)) return { scale: whole(scale, 10, 400, "zoom.scale"), horizontalFitToPages: null, verticalFitToPages: null };
  if (!fits) throw excelError("InvalidArgument", "zoom needs a scale or pages to fit to");
  // Excel's "Fit to" takes 0 pages as "automatic" in one direction (blank in the Page Setup dialog).
  return {
    scale: null,
    horizontalFitToPages: given(horizontalFitToPages) ? whole(horizontalFitToPages, 0, 32767, "zoom.horizontalFitToPages") : 0,
    verticalFitToPages: given(verticalFitToPages) ? whole(verticalFitToPages, 0, 32767, "zoom.verticalFitToPages") : 0,
  };
}
