/** The task pane inside the playground's iframe, over the parent page's fake Excel. */
import { createWorkbookActions } from "../src/excel/actions";
import { bootTaskpane } from "../src/taskpane/boot";
import { parentBridge } from "./bridge";

/** What office.js reports inside Excel on the web, for the pane's boot. */
const playgroundOffice = {
  onReady: async () => ({ host: "Excel" as unknown }),
  HostType: { Excel: "Excel" as unknown },
  context: { officeTheme: undefined },
};

const bridge = parentBridge();
void bootTaskpane(document.getElementById("container"), bridge ? playgroundOffice : undefined, bridge ? createWorkbookActions(bridge.run) : undefined);
