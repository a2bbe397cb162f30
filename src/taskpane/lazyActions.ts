import type { WorkbookActions } from "../excel/actions";
import type { ExcelRun } from "../excel/shared/excelRun";

type ActionsModule = typeof import("../excel/actions");

/**
 * The workbook actions over `run`, with the Excel layer (and the parts of src/core it brings:
 * validation, scoring, the zod schemas) loaded from its own chunk the first time an action is
 * asked for, not before the pane is interactive. Loading takes one request to the add-in's own
 * server, once; webpackPrefetch asks the browser to fetch it while idle after the pane shows.
 *
 * `describeError` must answer synchronously. Every error it is handed comes from an action, so
 * the layer has loaded by then, unless loading it is what failed: that is said in its own words.
 */
export function lazyWorkbookActions(run: ExcelRun): WorkbookActions {
  let loaded: WorkbookActions | undefined;
  let loading: Promise<WorkbookActions> | undefined;
  const actions = (): Promise<WorkbookActions> => {
    if (loading === undefined) {
      loading = import(/* webpackChunkName: "excel-actions", webpackPrefetch: true */ "../excel/actions").then((module: ActionsModule) => {
        loaded = module.createWorkbookActions(run);
        return loaded;
      });
      // A failed load is not kept: the next action tries again (the connection may be back).
      void loading.catch(() => {
        loading = undefined;
      });
    }
    return loading;
  };
  // Every action but describeError is asynchronous: each waits for the layer, then calls it.
  // A Proxy forwards them all, so an action added to WorkbookActions needs no change here.
  return new Proxy({} as WorkbookActions, {
    get(_target, name: string | symbol) {
      if (name === "describeError") return (error: unknown) => (loaded === undefined ? couldNotLoad(error) : loaded.describeError(error));
      if (typeof name !== "string" || name === "then") return undefined;
      return async (...args: unknown[]) => {
        const layer = (await actions()) as unknown as Record<string, (...a: unknown[]) => unknown>;
        const action = layer[name];
        if (typeof action !== "function") throw new Error(`The workbook has no action "${name}".`);
        return action(...args);
      };
    },
  });
}

function couldNotLoad(error: unknown): string {
  const detail = error instanceof Error ? ` (${error.message})` : "";
  return `The add-in could not load the part that works on the workbook${detail}. Check the connection, then try again or reopen the pane.`;
}
