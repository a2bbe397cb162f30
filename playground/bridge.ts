/**
 * The pane runs in an iframe, as it does in Excel (its own viewport, so its layout responds
 * to the pane's width, not the page's). The parent page owns the host's workbook and hands the
 * pane its `run` through this bridge on the same origin.
 */
import type { ExcelRun } from "../src/excel/shared/excelRun";

export interface PlaygroundBridge {
  run: ExcelRun;
}

const KEY = "__svPlayground";

export function publishBridge(bridge: PlaygroundBridge): void {
  (window as unknown as Record<string, unknown>)[KEY] = bridge;
}

export function parentBridge(): PlaygroundBridge | undefined {
  try {
    return (window.parent as unknown as Record<string, PlaygroundBridge | undefined>)[KEY];
  } catch {
    return undefined;
  }
}
