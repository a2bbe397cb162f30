/**
 * Ribbon commands. The Home tab's "Evaluation" button runs `showEvaluationPane` in the
 * shared runtime (manifest.xml: ExecuteFunction), which shows the pane whose page that
 * runtime already loaded — so the pane opens with whatever state it had, and the custom
 * functions keep running when it closes.
 */
export interface CommandHost {
  showAsTaskpane: () => Promise<void>;
}

export async function showEvaluationPane(host: CommandHost, event: { completed: () => void }): Promise<void> {
  try {
    await host.showAsTaskpane();
  } finally {
    // Office waits for completed() before it accepts another click on the button.
    event.completed();
  }
}

/** Registers the commands with Office once the runtime is ready; a no-op outside Office. */
export function registerCommands(office: typeof Office | undefined): void {
  if (!office?.actions) return;
  office.actions.associate("showEvaluationPane", (event: Office.AddinCommands.Event) => {
    void showEvaluationPane({ showAsTaskpane: () => office.addin.showAsTaskpane() }, event);
  });
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => registerCommands(Office));
}
