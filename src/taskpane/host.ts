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
  | { readonly kind: "excel"; readonly officeTheme: OfficeThemeInfo | undefined }
  /** office.js never loaded: the machine is offline or a proxy blocked Microsoft's CDN. */
  | { readonly kind: "no-office" }
  /** office.js loaded but the page is not in Excel: `host` is null in a plain browser, else e.g. "Word". */
  | { readonly kind: "not-excel"; readonly host: string | null };

/**
 * The part of the `Office` namespace that boot uses. The real namespace satisfies it, and tests
 * pass a fake of this shape. Host values are `unknown` because @types/office-js declares
 * `Office.HostType` as a numeric enum while office.js gives strings ("Excel", "Word").
 */
export interface OfficeHostApi {
  onReady(): Promise<{ readonly host: unknown }>;
  readonly HostType: { readonly Excel: unknown };
  /** Absent or partial outside an Office host, so every read of it is guarded. */
  readonly context?: { readonly officeTheme?: OfficeThemeInfo | undefined } | undefined;
}

export async function detectHost(office: OfficeHostApi | undefined): Promise<PaneHost> {
  if (office === undefined) return { kind: "no-office" };
  // In a plain browser office.js still resolves onReady, with host (and platform) null.
  const { host } = await office.onReady();
  if (host !== office.HostType.Excel) return { kind: "not-excel", host: typeof host === "string" ? host : null };
  return { kind: "excel", officeTheme: office.context?.officeTheme };
}
