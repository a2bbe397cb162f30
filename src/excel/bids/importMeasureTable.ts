/**
 * A council's own measure table (with its licensed proxy values) into SV Measures, always
 * previewed and confirmed in the pane first.
 *
 * - Update: merges as updating to a framework does (updateMeasures.ts): new refs are added,
 *   refs the import lacks are kept, and the evaluator's scope, maximum and evidence choices are
 *   kept. One difference: the imported proxies win. Importing the council's values is the very
 *   reason for this import, so a proxy the import gives replaces the sheet's, and the preview
 *   lists each change (old → new). A measure the import gives no proxy for keeps the sheet's.
 *   The council's ceilings (issue #16 point 4) are taken the same way, where the file has them
 *   and SV Measures has a Ceiling column.
 * - Replace: the table becomes exactly the imported rows. Refs that would disappear while
 *   commitments still use them are listed, and applying refuses unless the user confirmed.
 */
import { measureRows } from "../setup/evaluationPlan";
import { ImportRefusedError } from "./importPlan";
import { MEASURE_COLUMNS, readText, refKey, TABLES, type MeasureEntry } from "../../core";
import { applyMeasureUpdate, measureLayoutOf, mergeMeasures, type MeasureUpdatePreview } from "../setup/updateMeasures";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { WorkbookNotSetUpError } from "../setup/readEvaluation";

export type MeasureImportMode = "update" | "replace";

export interface MeasureTableImportPreview extends MeasureUpdatePreview {
  mode: MeasureImportMode;
  /** Proxies the import changes (update), as the sheet had them and as imported. */
  proxyChanges: { ref: string; from: unknown; to: number }[];
  /** Ceilings the import changes (update), as the sheet had them and as imported. */
  ceilingChanges: { ref: string; from: unknown; to: number }[];
  /** Replace: refs in the sheet that the imported table lacks. */
  removed: string[];
  /** Replace: removed refs that commitments still use, with how many rows use each. */
  refsInUse: { ref: string; rows: number }[];
  /** Problems with the imported table itself; applying is refused while there are any. */
  problems: string[];
}

export interface MeasureTableApplyOptions extends OperationOptions {
  /** Replace even though commitments use refs that go (the user confirmed the list). */
  allowRemovingRefsInUse?: boolean;
}

function same(a: unknown, b: unknown): boolean {
  return typeof a === "number" && typeof b === "number" ? a === b : String(a ?? "").trim() === String(b ?? "").trim();
}

/** What is wrong with the imported table as a measure table (pure). */
export function measureTableProblems(measures: readonly MeasureEntry[]): string[] {
  const problems: string[] = [];
  if (measures.length === 0) problems.push("The imported table has no measures.");
  const seen = new Map<string, number>();
  for (const m of measures) seen.set(refKey(m.ref), (seen.get(refKey(m.ref)) ?? 0) + 1);
  const repeated = [...seen].filter(([, n]) => n > 1).map(([ref]) => ref);
  if (repeated.length) problems.push(`These refs appear more than once: ${repeated.join(", ")}. Each measure needs its own ref; correct the table and import it again.`);
  const negative = measures.filter((m) => m.proxy !== null && !(m.proxy >= 0)).map((m) => m.ref);
  if (negative.length) problems.push(`These proxies are not numbers of £0 or more: ${negative.join(", ")}.`);
  return problems;
}

/** Pure: the preview from the sheet's table, the commitments' refs and the imported measures. */
export function planMeasureTableImport(headers: readonly string[], sheetRows: readonly unknown[][], commitmentRefs: readonly unknown[], measures: readonly MeasureEntry[], mode: MeasureImportMode): MeasureTableImportPreview {
  const problems = measureTableProblems(measures);
  const base = { mode, proxyChanges: [], ceilingChanges: [], removed: [], refsInUse: [], problems };
  if (mode === "update") {
    const merged = mergeMeasures(headers, sheetRows, measures);
    if (merged.unexpectedHeaders) return { ...merged, ...base };
    // The merged rows are laid out as the sheet's table (with or without Ceiling).
    const layout = measureLayoutOf(headers) ?? MEASURE_COLUMNS;
    const ref = layout.indexOf("Ref");
    const imported = new Map(measures.map((m) => [refKey(m.ref), m]));
    const old = new Map(sheetRows.map((r) => [refKey(String(r[ref] ?? "")), r]));
    const proxyChanges: MeasureTableImportPreview["proxyChanges"] = [];
    const ceilingChanges: MeasureTableImportPreview["ceilingChanges"] = [];
    // What the council's file gives wins over the sheet's, each change listed (old → new); a
    // column the sheet's table lacks (an older table without Ceiling) is left alone.
    const taken = [
      { column: "Proxy", at: layout.indexOf("Proxy"), of: (m: MeasureEntry) => m.proxy, changes: proxyChanges },
      { column: "Ceiling", at: layout.indexOf("Ceiling"), of: (m: MeasureEntry) => m.ceiling, changes: ceilingChanges },
    ].filter((t) => t.at >= 0);
    /** "ref, column" of each sheet value the import replaced: no longer an edit the sheet keeps. */
    const replaced = new Set<string>();
    const rows = merged.rows.map((row) => {
      const m = imported.get(refKey(String(row[ref] ?? "")));
      if (!m) return row;
      const next = [...row];
      for (const { column, at, of, changes } of taken) {
        const value = of(m);
        if (value === null || value === undefined) continue;
        const was = old.get(refKey(m.ref))?.[at];
        if (was !== undefined && !same(was, value)) {
          changes.push({ ref: m.ref, from: was, to: value });
          replaced.add(`${refKey(m.ref)}\u0000${column}`);
        }
        next[at] = value;
      }
      return next;
    });
    const keptEdits = merged.keptEdits
      .map((k) => ({ ref: k.ref, columns: k.columns.filter((c) => !replaced.has(`${refKey(k.ref)}\u0000${c}`)) }))
      .filter((k) => k.columns.length > 0);
    return { ...merged, ...base, rows, keptEdits, proxyChanges, ceilingChanges };
  }
  const expected = measureLayoutOf(headers);
  if (expected === undefined) {
    return { added: [], updated: [], keptEdits: [], keptRows: [], rows: [], unexpectedHeaders: [...headers], ...base };
  }
  const refIndex = expected.indexOf("Ref");
  const incoming = new Set(measures.map((m) => refKey(m.ref)));
  const sheetRefs = sheetRows.map((r) => readText(r[refIndex])).filter((r): r is string => r !== undefined);
  const sheetKeys = new Set(sheetRefs.map(refKey));
  const removed = sheetRefs.filter((r) => !incoming.has(refKey(r)));
  const used = new Map<string, number>();
  for (const r of commitmentRefs) {
    const text = readText(r);
    if (text !== undefined) used.set(refKey(text), (used.get(refKey(text)) ?? 0) + 1);
  }
  return {
    ...base,
    added: measures.filter((m) => !sheetKeys.has(refKey(m.ref))).map((m) => m.ref),
    updated: measures.filter((m) => sheetKeys.has(refKey(m.ref))).map((m) => m.ref),
    keptEdits: [],
    keptRows: [],
    removed,
    refsInUse: removed.filter((r) => used.has(refKey(r))).map((r) => ({ ref: r, rows: used.get(refKey(r)) ?? 0 })),
    rows: measureRows(measures).map((r) => expected.map((h) => r[h] ?? "")),
  };
}

/** Two requests: whether the tables exist, then SV Measures and the commitments' refs. */
export async function previewMeasureTableImport(run: ExcelRun, measures: readonly MeasureEntry[], mode: MeasureImportMode): Promise<MeasureTableImportPreview> {
  return run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(TABLES.measures);
    const commitments = context.workbook.tables.getItemOrNullObject(TABLES.commitments);
    await context.sync();
    if (table.isNullObject) throw new WorkbookNotSetUpError([TABLES.measures]);
    const range = table.getRange().load("values");
    const refs = commitments.isNullObject ? undefined : commitments.columns.getItem("Ref").getDataBodyRange().load("values");
    await context.sync();
    const [header = [], ...body] = range.values;
    return planMeasureTableImport(header.map(String), body, (refs?.values ?? []).map((r) => r[0]), measures, mode);
  });
}

export async function applyMeasureTableImport(run: ExcelRun, preview: MeasureTableImportPreview, options: MeasureTableApplyOptions = {}): Promise<void> {
  if (preview.problems.length > 0) throw new ImportRefusedError(`The imported table was not written: ${preview.problems.join(" ")}`);
  if (preview.mode === "replace" && preview.refsInUse.length > 0 && !options.allowRemovingRefsInUse) {
    throw new ImportRefusedError(
      `Replacing SV Measures would remove ${preview.refsInUse.map((r) => r.ref).join(", ")}, which commitments still use. Nothing was changed: confirm removing them, or choose Update.`
    );
  }
  throwIfCancelled(options.signal);
  await applyMeasureUpdate(run, preview, options);
}
