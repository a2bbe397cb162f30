/**
 * Which requirement sets this Excel has, asked of Office (no workbook needed). The add-in needs
 * those manifest.xml declares (ExcelApi 1.13, SharedRuntime 1.1) and the custom functions'
 * runtime; the highest version of each is reported, since support questions turn on it.
 */
import type { OfficeHostInfo } from "./hostInfo";
import type { SelfTestCheck } from "./report";

/** The sets the add-in relies on, with the version it needs and what needs it. */
const NEEDED = [
  { name: "ExcelApi", version: "1.13", use: "reading and writing the evaluation sheets" },
  { name: "SharedRuntime", version: "1.1", use: "the pane and the TENDER functions running together" },
  { name: "CustomFunctionsRuntime", version: "1.1", use: "the TENDER functions" },
] as const;

/**
 * Minor versions asked about, highest first. ExcelApi stood at 1.20 in 2025; asking up to 1.40
 * keeps the report right for years, at forty calls that cost nothing.
 */
const HIGHEST_MINOR = 40;

export interface RequirementSetsFound {
  readonly check: SelfTestCheck;
  /** "ExcelApi 1.17", one per set found; empty when Office gave no way to ask. */
  readonly found: readonly string[];
}

export function checkRequirementSets(host: OfficeHostInfo): RequirementSetsFound {
  const title = "Requirement sets";
  const ask = host.isSetSupported;
  if (ask === undefined) {
    return {
      found: [],
      check: { id: "requirement-sets", title, verdict: "not run", detail: "Office gave the add-in no way to ask which requirement sets this Excel has (it is not running inside Office), so this could not be checked." },
    };
  }
  const highest = (name: string): string | undefined => {
    for (let minor = HIGHEST_MINOR; minor >= 1; minor--) if (ask(name, `1.${minor}`)) return `1.${minor}`;
    return undefined;
  };
  const found: string[] = [];
  const missing: string[] = [];
  for (const set of NEEDED) {
    const version = highest(set.name);
    if (version !== undefined) found.push(`${set.name} ${version}`);
    if (!ask(set.name, set.version)) missing.push(`${set.name} ${set.version} (${set.use})`);
  }
  const list = found.length > 0 ? found.join(", ") : "none of them";
  const check: SelfTestCheck =
    missing.length === 0
      ? { id: "requirement-sets", title, verdict: "pass", detail: `This Excel has every requirement set the add-in needs (found: ${list}).` }
      : {
          id: "requirement-sets",
          title,
          verdict: "fail",
          detail: `This Excel lacks ${inWords(missing)}, so parts of the evaluation will not work here (found: ${list}). Update Excel (File > Account > Update Options), or use Excel on the web or Microsoft 365.`,
        };
  return { check, found };
}

/** "A", "A and B", "A, B and C". */
function inWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] as string}`;
}
