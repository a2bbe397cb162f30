/**
 * What the Bids page may ask of the workbook: the tender a response form is built for, and
 * importing returned forms and a council's measure table.
 */
import type { ExcelRun, OperationOptions } from "../shared/excelRun";
import { importForms, type FormImportResult } from "./importForms";
import { ensureClarificationLayout } from "../setup/clarificationLayout";
import { ensureHeldColumn } from "../scores/heldColumn";
import { previewFormImport, type FormImportPreview } from "./importPreview";
import { applyMeasureTableImport, previewMeasureTableImport, type MeasureImportMode, type MeasureTableApplyOptions, type MeasureTableImportPreview } from "./importMeasureTable";
import { readFormTender } from "./readFormTender";
import { openWorkbook, readSelectionGrid, type OpenWorkbookResult } from "./selectionGrid";
import type { MeasureEntry } from "../../core";
import type { FormTender, Grid, ReadForm } from "../../forms/types";

export interface BidsActions {
  /** SV Setup, the measures in scope and the criteria; refuses a workbook without SV_TenderId. */
  readFormTender(): Promise<FormTender>;
  /** Per bidder: rows in the workbook and in the form, re-imports, and bidders given by several files. Writes nothing. */
  previewFormImport(forms: readonly ReadForm[]): Promise<FormImportPreview>;
  /**
   * Writes the forms' rows. A bidder who already has rows is refused unless named in
   * `replaceBidders` (the pane confirmed); their old rows are then replaced in the same write.
   */
  importForms(forms: readonly ReadForm[], replaceBidders: readonly string[], options?: OperationOptions): Promise<FormImportResult>;
  /** The selected cells' values, to import a measure table from a sheet. */
  readSelectionGrid(): Promise<Grid>;
  previewMeasureTableImport(measures: readonly MeasureEntry[], mode: MeasureImportMode): Promise<MeasureTableImportPreview>;
  /** Writes a previewed import; a replace that removes refs in use needs `allowRemovingRefsInUse`. */
  applyMeasureTableImport(preview: MeasureTableImportPreview, options?: MeasureTableApplyOptions): Promise<void>;
  /** Opens an .xlsx as a new workbook; "unavailable" where Excel cannot (the pane then downloads it). */
  openWorkbook(bytes: Uint8Array): Promise<OpenWorkbookResult>;
}

export function createBidsActions(run: ExcelRun): BidsActions {
  return {
    readFormTender: () => readFormTender(run),
    previewFormImport: (forms) => previewFormImport(run, forms),
    // A workbook inserted before SV Clarifications or SV_Scores[Held] existed gets them first: the rows' formulas name them.
    importForms: async (forms, replaceBidders, options) => {
      await ensureClarificationLayout(run);
      await ensureHeldColumn(run);
      return importForms(run, forms, replaceBidders, options);
    },
    readSelectionGrid: () => readSelectionGrid(run),
    previewMeasureTableImport: (measures, mode) => previewMeasureTableImport(run, measures, mode),
    applyMeasureTableImport: (preview, options) => applyMeasureTableImport(run, preview, options),
    openWorkbook: (bytes) => openWorkbook(bytes),
  };
}
