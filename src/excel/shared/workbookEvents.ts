/**
 * Tells the pane when sheets are added to or deleted from the workbook (WorksheetCollection
 * onAdded / onDeleted, ExcelApi 1.7), by anyone: a co-author inserting the evaluation, another
 * add-in, the playground's sample tender. Excel does not deliver events in every host and
 * session, so this is a hint to read again sooner, never the only way the pane learns: the
 * pages also read the workbook whenever they are shown.
 */
import type { ExcelRun } from "./excelRun";

export interface SheetWatch {
  /** Stops listening. Safe to call twice; a handler Excel could not remove is silenced anyway. */
  stop(): Promise<void>;
}

/**
 * Starts listening; `onChange` is called after each sheet added or deleted. Resolves to
 * undefined when this Excel cannot deliver the events (the pane then relies on reading again).
 */
export async function watchSheets(run: ExcelRun, onChange: () => void): Promise<SheetWatch | undefined> {
  let stopped = false;
  const heard = async (): Promise<void> => {
    if (!stopped) onChange();
  };
  let handlers: OfficeExtension.EventHandlerResult<unknown>[];
  try {
    handlers = await run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = [sheets.onAdded.add(heard), sheets.onDeleted.add(heard)];
      await context.sync();
      return added;
    });
  } catch {
    // An Excel without these events (or without event delivery at all): reading on each page's
    // show is then what keeps the pane right, as it is everywhere.
    return undefined;
  }
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      const [first] = handlers;
      if (first === undefined) return;
      for (const h of handlers) h.remove();
      try {
        await first.context.sync();
      } catch {
        // The pane is closing or Excel is gone: `stopped` already silences the handlers.
      }
    },
  };
}
