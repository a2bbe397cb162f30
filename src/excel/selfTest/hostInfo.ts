/**
 * What Office tells the add-in about the Excel it runs in, passed to the self-test rather than
 * read from the `Office` global (STYLE.md 8): the pane reads it once at boot, tests give each
 * host profile its own, and the playground (no Office) gives none.
 */
export interface OfficeHostInfo {
  /** Office.context.requirements.isSetSupported; absent where Office gives no way to ask. */
  readonly isSetSupported?: (name: string, minVersion?: string) => boolean;
  /** Office.context.diagnostics, as strings ("Excel", "PC", "16.0.17928.20114"). */
  readonly diagnostics?: { readonly host?: string; readonly platform?: string; readonly version?: string };
  /** Office.context.displayLanguage ("en-GB"). */
  readonly displayLanguage?: string;
  /**
   * Office.addin.getStartupBehavior (SharedRuntime 1.1): a read only the shared runtime answers,
   * so an answer shows the pane runs in it. Absent outside a shared runtime.
   */
  readonly getStartupBehavior?: () => Promise<unknown>;
}
