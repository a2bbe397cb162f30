/**
 * The playground's workbook view redraws after anything changes the host's workbook: the pane's
 * actions and the user's own edits both go through `run`, so wrapping it is enough.
 */
import type { ExcelRun } from "../src/excel/shared/excelRun";

export function notifyingRun(run: ExcelRun, changed: () => void): ExcelRun {
  return async (batch) => {
    try {
      return await run(batch);
    } finally {
      changed();
    }
  };
}
