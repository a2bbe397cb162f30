/**
 * Host profiles: the ways real Excel differs from one install to another, or where no one knows
 * which way Excel goes. A test picks one or more; the product must be right under each.
 *
 * - `web`: Excel on the web as documented; the default.
 * - `desktop-legacy`: a custom function receives an empty cell as 0, not null. Excel desktop
 *   builds before a 2024 fix do this, and Excel 2021 LTSC is frozen on one (office-js #4702).
 *   An omitted optional argument is still null.
 * - `calculated-columns-off`: the user has turned off AutoCorrect's "Fill formulas in tables to
 *   create calculated columns"; the option applies to API writes too, so Table.resize and rows
 *   added below a table fill no calculated column.
 * - `apostrophe-kept`: a string written with a leading apostrophe into a cell formatted `@` keeps
 *   the apostrophe (`'ABC` reads back as `'ABC`). No one knows that Excel strips it there.
 * - `min-api`: members above the requirement sets declared (by default, manifest.xml's) fail
 *   with ApiNotFound, as in an Excel build that lacks them (apiSets.ts).
 * - `busy`: TENDER cells read as `#BUSY!` after a change until the test calls
 *   `host.finishCalculation()`, as Excel shows an async custom function still computing.
 * - `totals-forgotten`: a table's total row turned off and on again (Table.showTotals) comes back
 *   blank. By default it comes back as it was, as Excel's file format keeps each column's total
 *   function, label and formula while the row is hidden; no document says Excel restores them
 *   through the API, nor what becomes of the row's own number formats.
 */
export const PROFILE_NAMES = ["web", "desktop-legacy", "calculated-columns-off", "apostrophe-kept", "min-api", "busy", "totals-forgotten"] as const;

export type ProfileName = (typeof PROFILE_NAMES)[number];

export interface HostProfile {
  readonly names: readonly ProfileName[];
  /** What a custom function receives for an empty cell. */
  readonly blankCellAs: null | 0;
  readonly fillsCalculatedColumns: boolean;
  readonly keepsApostropheInTextCells: boolean;
  /** Under min-api: the highest version of each requirement set the add-in may use. */
  readonly requirementSets: Readonly<Record<string, string>> | undefined;
  readonly showsBusy: boolean;
  readonly restoresTotalRow: boolean;
}

export function profileOf(names: readonly ProfileName[], requirementSets?: Readonly<Record<string, string>>): HostProfile {
  for (const name of names) if (!(PROFILE_NAMES as readonly string[]).includes(name)) throw new Error(`Excel host: no profile "${name}" (there are ${PROFILE_NAMES.join(", ")})`);
  const has = (name: ProfileName): boolean => names.includes(name);
  return {
    names: names.length ? names : ["web"],
    blankCellAs: has("desktop-legacy") ? 0 : null,
    fillsCalculatedColumns: !has("calculated-columns-off"),
    keepsApostropheInTextCells: has("apostrophe-kept"),
    requirementSets: has("min-api") ? (requirementSets ?? {}) : undefined,
    showsBusy: has("busy"),
    restoresTotalRow: !has("totals-forgotten"),
  };
}
