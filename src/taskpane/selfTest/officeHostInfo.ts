/**
 * What Office says about this Excel, as the self-test asks it: read from the Office object the
 * pane was given at boot (host.ts), in the self-test's own chunk, so the pane's first load does
 * not carry it.
 */
import type { OfficeHostInfo } from "../../excel/actions";
import type { OfficeHostApi } from "../host";

/**
 * What Office says about this Excel. Functions are bound here, so
 * the self-test calls them later without touching the `Office` global. Diagnostics are strings
 * at run time ("Excel", "PC") although @types/office-js declares numeric enums.
 */
export function officeHostInfo(office: OfficeHostApi): OfficeHostInfo {
  const context = office.context;
  const requirements = context?.requirements;
  const diagnostics = context?.diagnostics;
  const addin = office.addin;
  const text = (value: unknown): string | undefined => (typeof value === "string" || typeof value === "number" ? String(value) : undefined);
  return {
    isSetSupported: requirements === undefined ? undefined : (name, version) => requirements.isSetSupported(name, version),
    diagnostics: diagnostics === undefined ? undefined : { host: text(diagnostics.host), platform: text(diagnostics.platform), version: text(diagnostics.version) },
    displayLanguage: context?.displayLanguage,
    // Called as a method, keeping Office's `this`.
    getStartupBehavior: typeof addin?.getStartupBehavior === "function" ? () => Promise.resolve(addin.getStartupBehavior?.()) : undefined,
  };
}
