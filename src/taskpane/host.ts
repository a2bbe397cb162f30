/**
 * What the pane needs to know about where it is running, read once at boot so that no component
 * reaches for the `Office` global (STYLE.md 8).
 */

/**
 * The parts of `Office.OfficeTheme` the pane reads; a narrower type keeps test fakes small.
 * `isDarkTheme` is recent and older hosts omit it, hence optional.
 */
export type OfficeThemeInfo = Pick<Office.OfficeTheme, "bodyBackgroundColor"> &
  Partial<Pick<Office.OfficeTheme, "isDarkTheme">>;

export type PaneHost =
  | {
      readonly kind: "excel";
      readonly officeTheme: OfficeThemeInfo | undefined;
      /** Office itself, for the self-test to ask about this Excel (selfTest/officeHostInfo.ts); absent where the pane is given none (tests, the playground). */
      readonly office?: OfficeHostApi;
    }
  /** office.js never loaded: the machine is offline or a proxy blocked Microsoft's CDN. */
  | { readonly kind: "no-office" }
  /** office.js loaded but the page is not in Excel: `host` is null in a plain browser, else e.g. "Word". */
  | { readonly kind: "not-excel"; readonly host: string | null }
  /** Excel, but one without a requirement set the add-in calls (e.g. "ExcelApi 1.13"). */
  | { readonly kind: "old-excel"; readonly missing: readonly string[] };

/**
 * The requirement sets the add-in calls, as manifest.xml declares them (a test keeps the two
 * the same; test/excel/shared/requirementSets.test.ts measures what the code needs). The
 * manifest keeps the add-in out of an Excel without them; this check says so in the pane if it
 * is loaded there all the same (sideloaded, or an Excel that misreports its sets).
 */
export const REQUIRED_SETS: readonly { readonly name: string; readonly version: string }[] = [
  { name: "ExcelApi", version: "1.13" },
  { name: "SharedRuntime", version: "1.1" },
];

/**
 * The part of the `Office` namespace that boot uses. The real namespace satisfies it, and tests
 * pass a fake of this shape. Host values are `unknown` because @types/office-js declares
 * `Office.HostType` as a numeric enum while office.js gives strings ("Excel", "Word").
 */
export interface OfficeHostApi {
  onReady(): Promise<{ readonly host: unknown }>;
  readonly HostType: { readonly Excel: unknown };
  /** Absent or partial outside an Office host, so every read of it is guarded. */
  readonly context?:
    | {
        readonly officeTheme?: OfficeThemeInfo | undefined;
        readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean } | undefined;
        readonly diagnostics?: { readonly host?: unknown; readonly platform?: unknown; readonly version?: unknown } | undefined;
        readonly displayLanguage?: string | undefined;
      }
    | undefined;
  /** The shared runtime's API (SharedRuntime 1.1); absent outside it. */
  readonly addin?: { getStartupBehavior?(): Promise<unknown> } | undefined;
}

export async function detectHost(office: OfficeHostApi | undefined): Promise<PaneHost> {
  if (office === undefined) return { kind: "no-office" };
  // In a plain browser office.js still resolves onReady, with host (and platform) null.
  const { host } = await office.onReady();
  if (host !== office.HostType.Excel) return { kind: "not-excel", host: typeof host === "string" ? host : null };
  const requirements = office.context?.requirements;
  // Without the check itself (a very old office.js), the manifest's requirements are the guard.
  const missing = requirements ? REQUIRED_SETS.filter((s) => !requirements.isSetSupported(s.name, s.version)).map((s) => `${s.name} ${s.version}`) : [];
  if (missing.length > 0) return { kind: "old-excel", missing };
  return { kind: "excel", officeTheme: office.context?.officeTheme, office };
}

