/**
 * The measure table of one tender: a framework's measures flattened to rows, with the
 * tender's choices applied (which measures are in scope, the council's own proxies).
 * It is what the SV Measures sheet holds, and what validation and valuation read.
 */
import { allMeasures } from "./frameworks/measures";
import type { Framework, MeasureType } from "./frameworks/schema";
import { refKey } from "../shared/refs";
import type { UnitKey } from "./units";

export interface MeasureEntry {
  ref: string;
  themeId: string;
  theme: string;
  outcomeId: string;
  outcome: string;
  description: string;
  unit: UnitKey;
  /** £ per unit; null for a record-only measure or one the council has not priced. */
  proxy: number | null;
  type: MeasureType;
  inScope: boolean;
  /** Largest credible quantity, where the council sets one. */
  max?: number;
  evidenceRequired: boolean;
  /** Refs that cannot count the same thing as this one. */
  excludes: readonly string[];
  firstYearOnly: boolean;
  guidance?: string;
}

export { refKey };

/**
 * Flatten a framework. With `inScopeRefs`, only those measures are in scope; without it,
 * every measure is.
 */
export function measureTableFromFramework(framework: Framework, inScopeRefs?: readonly string[]): MeasureEntry[] {
  const scope = inScopeRefs ? new Set(inScopeRefs.map(refKey)) : undefined;
  return allMeasures(framework).map((m) => ({
    ref: m.ref.trim(),
    themeId: m.themeId,
    theme: m.themeName,
    outcomeId: m.outcomeId,
    outcome: m.outcomeName,
    description: m.description,
    unit: m.unit,
    proxy: m.proxy,
    type: m.type,
    inScope: scope ? scope.has(refKey(m.ref)) : true,
    evidenceRequired: m.evidenceRequired ?? false,
    excludes: m.excludes ?? [],
    firstYearOnly: m.firstYearOnly ?? false,
    ...(m.guidance !== undefined ? { guidance: m.guidance } : {}),
  }));
}

/** Index a measure table by ref key; the first of any duplicated ref wins. */
export function indexMeasures(table: readonly MeasureEntry[]): ReadonlyMap<string, MeasureEntry> {
  const map = new Map<string, MeasureEntry>();
  for (const m of table) {
    const key = refKey(m.ref);
    if (!map.has(key)) map.set(key, m);
  }
  return map;
}
