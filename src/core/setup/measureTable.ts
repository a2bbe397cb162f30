/**
 * The measure table of one tender: a framework's measures flattened to rows, with the
 * tender's choices applied (which measures are in scope, the council's own proxies).
 * It is what the SV Measures sheet holds, and what validation and valuation read.
 */
import { allMeasures } from "./frameworks/measures";
import type { Framework, MeasureType } from "./frameworks/schema";
import { refKey } from "../shared/refs";
import { parseUnit, type UnitKey } from "./units";
import { headerIndex, readQuantity, readText } from "../shared/cells";

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
  /** The Type cell of SV Measures as written (" lev" stays " lev"; blank is ""), where the measure was read from the sheet: what a row's Type formula copies. */
  typeAsWritten?: string;
  inScope: boolean;
  /** Largest credible quantity, where the council sets one. */
  max?: number;
  /**
   * The council's ceiling (SV Measures' optional Ceiling column): a commitment above it is
   * implausible and holds the bid until the panel clarifies it (SV124). Max above it only warns.
   */
  ceiling?: number;
  evidenceRequired: boolean;
  /** Refs that cannot count the same thing as this one. */
  excludes: readonly string[];
  firstYearOnly: boolean;
  guidance?: string;
}

/** A Type cell as Excel's `&""` turns it into text: blank is "", text as it is, a number as its digits. */
function typeAsWritten(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "string" ? cell : String(cell);
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

/**
 * Whether no measure of the table can ever carry £: it has none, or every one is record-only.
 * A measure of another type without a proxy can still be priced (the council enters or imports
 * its value), so it counts as one that can. Such a framework (Southend, Colchester, Thurrock,
 * the UK Government model) is scored on its answers alone.
 */
export function nothingCanBeValued(measures: readonly Pick<MeasureEntry, "type">[]): boolean {
  return measures.every((m) => m.type === "Record");
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

const TYPES: readonly MeasureType[] = ["LEV", "SV", "Record"];

/** The SV Measures table (headers, body values, sheet row of the first body row) as measure entries; rows that cannot be read are reported, not dropped silently. */
export function parseMeasures(headers: string[], body: unknown[][], firstRow: number): { measures: MeasureEntry[]; problems: { row: number; message: string }[] } {
  const col = headerIndex(headers);
  const at = (row: unknown[], name: string): unknown => (col(name) >= 0 ? row[col(name)] : undefined);
  const measures: MeasureEntry[] = [];
  const problems: { row: number; message: string }[] = [];
  body.forEach((row, i) => {
    const sheetRow = firstRow + i;
    const ref = readText(at(row, "Ref"));
    if (ref === undefined) {
      if (row.some((c) => c !== "" && c !== null)) problems.push({ row: sheetRow, message: `Row ${sheetRow} of SV Measures has no Ref; it is ignored.` });
      return;
    }
    const unitText = readText(at(row, "Unit")) ?? "";
    const unit = parseUnit(unitText);
    if (!unit) {
      problems.push({ row: sheetRow, message: `Measure ${ref} (row ${sheetRow}): the unit "${unitText}" is not one the add-in knows.` });
      return;
    }
    const proxyCell = readQuantity(at(row, "Proxy"));
    const maxCell = readQuantity(at(row, "Max"));
    // Absent in workbooks inserted before the column existed: no ceiling, as when left blank.
    const ceilingCell = readQuantity(at(row, "Ceiling"));
    const typeText = (readText(at(row, "Type")) ?? "SV").toUpperCase();
    const type = TYPES.find((t) => t.toUpperCase() === typeText) ?? "SV";
    const inScopeText = (readText(at(row, "InScope")) ?? "Yes").toLowerCase();
    measures.push({
      ref,
      themeId: readText(at(row, "Theme")) ?? "",
      theme: readText(at(row, "Theme")) ?? "",
      outcomeId: readText(at(row, "Outcome")) ?? "",
      outcome: readText(at(row, "Outcome")) ?? "",
      description: readText(at(row, "Measure")) ?? "",
      unit,
      proxy: proxyCell.kind === "number" ? proxyCell.value : null,
      type,
      typeAsWritten: typeAsWritten(at(row, "Type")),
      inScope: !["no", "n", "false", "0"].includes(inScopeText),
      ...(maxCell.kind === "number" ? { max: maxCell.value } : {}),
      ...(ceilingCell.kind === "number" && ceilingCell.value >= 0 ? { ceiling: ceilingCell.value } : {}),
      evidenceRequired: (readText(at(row, "Evidence")) ?? "").toLowerCase().startsWith("req"),
      excludes: (readText(at(row, "Excludes")) ?? "")
        .split(/[,;]/)
        .map((r) => r.trim())
        .filter((r) => r !== ""),
      firstYearOnly: false,
    });
  });
  return { measures, problems };
}
