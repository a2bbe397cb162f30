import { StrictMode } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { WorkbookActions } from "../excel/actions";
import { App, type AppProps } from "./App";
import { detectHost, type OfficeHostApi, type PaneHost } from "./host";
import { lazyWorkbookActions } from "./lazyActions";

/**
 * Starts the pane: waits for Office to be ready, then renders the app into `container`, or the
 * "open it in Excel" message when the page is not running in Excel.
 *
 * `office` is the `Office` namespace, or undefined when office.js did not load; tests pass a fake
 * of it or nothing. `actions` are what the pages ask of the workbook: tests and the browser
 * playground pass their own (over the test Excel host); without them, in Excel, they are made over the
 * real `Excel.run`, the Excel layer loading on first use (lazyActions.ts). The returned root lets a caller (a test) unmount the pane.
 */
export async function bootTaskpane(
  container: HTMLElement | null,
  office: OfficeHostApi | undefined,
  actions?: WorkbookActions,
): Promise<Root> {
  if (container === null) throw new Error("taskpane.html has no #container element to render the pane into");
  const props = appProps(await detectHost(office), actions);
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <App {...props} />
    </StrictMode>,
  );
  return root;
}

function appProps(host: PaneHost, injected: WorkbookActions | undefined): AppProps {
  if (host.kind !== "excel") return { host };
  const actions = injected ?? excelActions();
  // Office says Excel but the Excel API is missing: office.js loaded only in part, and the
  // pane can do nothing, so it says what it says when office.js did not load at all.
  return actions === undefined ? { host: { kind: "no-office" } } : { host, actions };
}

function excelActions(): WorkbookActions | undefined {
  // `Excel` is a global only where office.js loaded its Excel API.
  if (typeof Excel === "undefined") return undefined;
  return lazyWorkbookActions((batch) => Excel.run(batch));
}
