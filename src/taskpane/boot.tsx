import { StrictMode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { App } from "./App";
import { detectHost, type OfficeHostApi } from "./host";

/**
 * Starts the pane: waits for Office to be ready, then renders the app into `container`, or the
 * "open it in Excel" message when the page is not running in Excel.
 *
 * `office` is the `Office` namespace, or undefined when office.js did not load; tests pass a fake
 * of it or nothing. The returned root lets a caller (a test) unmount the pane.
 */
export async function bootTaskpane(container: HTMLElement | null, office: OfficeHostApi | undefined): Promise<Root> {
  if (container === null) throw new Error("taskpane.html has no #container element to render the pane into");
  const host = await detectHost(office);
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
  return root;
}
