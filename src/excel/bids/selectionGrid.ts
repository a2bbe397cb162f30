/**
 * The current selection's values, for importing a measure table the council pasted into a
 * sheet, and opening a built response form as a new workbook.
 */
import type { ExcelRun } from "../shared/excelRun";
import { ImportRefusedError } from "./importPlan";
import type { Grid } from "../../forms/types";

/**
 * Largest selection read: a measure table has tens or hundreds of rows; a whole-column
 * selection has millions of cells, which Excel refuses to send (5 million cells at most).
 */
export const MAX_SELECTION_CELLS = 200_000;

export async function readSelectionGrid(run: ExcelRun): Promise<Grid> {
  return run(async (context) => {
    const selection = context.workbook.getSelectedRange().load("address, cellCount");
    await context.sync();
    if (selection.cellCount > MAX_SELECTION_CELLS) {
      throw new ImportRefusedError(
        `The selection (${selection.address}) has ${selection.cellCount.toLocaleString("en-GB")} cells, more than a measure table needs. Select just the table, headers included, and try again.`
      );
    }
    const values = context.workbook.getSelectedRange().load("values");
    await context.sync();
    return { name: selection.address, rows: values.values };
  });
}

export type OpenWorkbookResult = "opened" | "unavailable";

interface ExcelWithCreateWorkbook {
  createWorkbook?: (base64?: string) => Promise<void>;
}

/**
 * Opens bytes of an .xlsx as a new workbook in Excel (`Excel.createWorkbook`, ExcelApi 1.8).
 * Where Excel lacks it (an older Excel, or the playground) it says so, and the pane
 * offers a download instead.
 */
export async function openWorkbook(bytes: Uint8Array, host: ExcelWithCreateWorkbook | undefined = hostExcel()): Promise<OpenWorkbookResult> {
  if (typeof host?.createWorkbook !== "function" || !apiSupported()) return "unavailable";
  await host.createWorkbook(toBase64(bytes));
  return "opened";
}

function hostExcel(): ExcelWithCreateWorkbook | undefined {
  return (globalThis as { Excel?: ExcelWithCreateWorkbook }).Excel;
}

function apiSupported(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (set: string, version: string) => boolean } } } }).Office;
  const check = office?.context?.requirements?.isSetSupported;
  return typeof check === "function" ? check.call(office?.context?.requirements, "ExcelApi", "1.8") : true;
}

/** Base64 in slices, so a large file does not overflow the argument list of fromCharCode. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}
