/**
 * Applies a write plan decided by core (src/core/shared/writePlan.ts) in one Excel.run: one
 * request, or a few when the plan would pass the request budget (requestBudget.ts).
 *
 * Guards. Each write carries the key cells of the row it writes, as they were read. In the same
 * request, before the writes, each key is looked for in its row with `Range.find` (whole cell,
 * any case). `find` fails with ItemNotFound when the text is not there, and Excel stops a
 * request at its first failing command (what ran before stays done; nothing after runs:
 * OfficeExtension.Error.traceMessages lists the traces "executed before the error occurred").
 * So a row a co-author moved is refused before anything of that request is written, and a trace
 * queued before each guard says which row it was. `find` on a single cell searches the whole
 * sheet (Range.find reference), so a guard always looks in at least two cells of its row. Keys
 * holding * ? or ~ (which Excel's Find may read as wildcards) or longer than 255 characters
 * (Find's limit) are not checked; a row's other keys still are.
 *
 * Text starting with = + - @ or ' is written with Excel's text prefix (cellSafety.ts literalText), so
 * a name or rationale starting with "=" stays text, as moderation always wrote it.
 */
import { literalText } from "./cellSafety";
import { ApostropheCheck } from "./apostropheCheck";
import type { ExcelRun } from "./excelRun";
import { ChangedSinceReadError } from "./refusal";
import { COMMAND_BYTES, MAX_REQUEST_BYTES, packParts, writeBytes } from "./requestBudget";
import { isEmptyPlan, type CellWrite, type KeyGuard, type WritePlan } from "../../core";

const GUARD_TRACE = "guard ";
const WRITES_TRACE = "writes";
const NAMES_TRACE = "names";

export interface ApplyOptions {
  /** For tests of the splitting. */
  maxBytes?: number;
}

/** The key cells of a guard that can be looked for (see the module comment). */
function checkable(guard: KeyGuard): { column: number; text: string }[] {
  return guard.cells.filter((c) => c.text !== "" && c.text.length <= 255 && !/[*?~]/.test(c.text));
}

function guardId(g: KeyGuard): string {
  return `${g.sheet}\u0000${g.row}\u0000${g.cells.map((c) => `${c.column}:${c.text}`).join("\u0000")}`;
}

function queueGuard(context: Excel.RequestContext, guard: KeyGuard, index: number): void {
  const cells = checkable(guard);
  if (cells.length === 0) return;
  const first = Math.min(...guard.cells.map((c) => c.column));
  const last = Math.max(...guard.cells.map((c) => c.column), first + 1);
  const span = context.workbook.worksheets.getItem(guard.sheet).getRangeByIndexes(guard.row - 1, first - 1, 1, last - first + 1);
  context.trace(`${GUARD_TRACE}${index}`);
  for (const c of cells) span.find(c.text, { completeMatch: true, matchCase: false });
}

function queueWrite(context: Excel.RequestContext, w: CellWrite, apostrophes: ApostropheCheck): void {
  const rows = w.values.length;
  const cols = w.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  const range = context.workbook.worksheets.getItem(w.sheet).getRangeByIndexes(w.row - 1, w.column - 1, rows, cols);
  if (w.formulas) range.formulas = w.values as string[][];
  else {
    const written = w.values.map((r) => r.map(literalText));
    range.values = written;
    apostrophes.note(w.sheet, w.row, w.column, written);
  }
}

/** The guard that stopped a request, from the traces that ran before the failure. */
function failedGuard(error: unknown, guards: readonly KeyGuard[]): KeyGuard | undefined {
  const e = error as { code?: string; traceMessages?: string[] };
  if (e.code !== "ItemNotFound") return undefined;
  const last = e.traceMessages?.[e.traceMessages.length - 1];
  if (last === undefined || !last.startsWith(GUARD_TRACE)) return undefined;
  return guards[Number(last.slice(GUARD_TRACE.length))];
}

/**
 * The plan's writes in units that must travel together: consecutive writes to the same row
 * (same guards), so a row is never half-written across two requests, and its guards are paid
 * for once.
 */
function units(writes: readonly CellWrite[]): { from: number; to: number; bytes: number }[] {
  const out: { from: number; to: number; bytes: number; key: string }[] = [];
  writes.forEach((w, i) => {
    const key = w.guards.map(guardId).join("\u0001");
    const last = out[out.length - 1];
    if (last && last.key === key && key !== "") {
      last.to = i + 1;
      last.bytes += writeBytes(w.values);
    } else {
      const guardBytes = w.guards.reduce((n, g) => n + checkable(g).length * COMMAND_BYTES.find, 0);
      out.push({ from: i, to: i + 1, bytes: writeBytes(w.values) + guardBytes, key });
    }
  });
  return out;
}

/** The request failed only at its last step, adding a name someone else added meanwhile: the writes are done. */
function namesAlreadyAdded(error: unknown): boolean {
  const e = error as { code?: string; traceMessages?: string[] };
  return e.code === "ItemAlreadyExists" && e.traceMessages?.[e.traceMessages.length - 1] === NAMES_TRACE;
}

export async function applyWritePlan(run: ExcelRun, plan: WritePlan, options: ApplyOptions = {}): Promise<{ syncs: number }> {
  if (isEmptyPlan(plan)) return { syncs: 0 };
  const rows = units(plan.writes);
  const parts = packParts(rows.length, (i) => (rows[i] as (typeof rows)[number]).bytes, options.maxBytes ?? MAX_REQUEST_BYTES).map(([a, b]) => [rows[a]?.from ?? 0, rows[b - 1]?.to ?? 0] as const);
  return run(async (context) => {
    let syncs = 0;
    const apostrophes = new ApostropheCheck();
    for (const [p, [from, to]] of parts.entries()) {
      const writes = plan.writes.slice(from, to);
      // Guards first: nothing of this request is done unless every row is still where it was.
      const guards = [...new Map(writes.flatMap((w) => w.guards).map((g) => [guardId(g), g])).values()];
      guards.forEach((g, i) => queueGuard(context, g, i));
      context.trace(WRITES_TRACE);
      if (p === 0) {
        if (plan.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
        for (const r of plan.resizes) context.workbook.tables.getItem(r.table).resize(context.workbook.worksheets.getItem(r.sheet).getRange(r.address));
      }
      for (const w of writes) queueWrite(context, w, apostrophes);
      if (p === parts.length - 1) {
        apostrophes.queueProbes(context);
        for (const n of plan.namedValues) context.workbook.names.getItem(n.name).getRange().values = [[literalText(n.value)]];
        for (const v of plan.sheetVisibility) context.workbook.worksheets.getItem(v.sheet).visibility = v.visibility as Excel.SheetVisibility;
        // Names last, after the writes: two evaluators saving their first marks at once both
        // record the same roll-up, and the one who comes second must not lose their marks over a
        // name that is already there (see the catch below).
        if (plan.namesAdded.length > 0) context.trace(NAMES_TRACE);
        for (const n of plan.namesAdded) context.workbook.names.add(n.name, n.formula, n.comment);
      }
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per part keeps each under Excel's 5 MB limit
        await context.sync();
      } catch (error) {
        if (namesAlreadyAdded(error)) {
          syncs++;
          continue;
        }
        const guard = failedGuard(error, guards);
        if (guard === undefined) throw error;
        const done = p === 0 ? "Nothing was written" : "Part of the change was written before this was noticed; read the sheet again and check it";
        throw new ChangedSinceReadError(
          `${guard.sheet} changed while the add-in was working: row ${guard.row} no longer holds ${guard.describes} (someone may have sorted, inserted or deleted rows). ${done}. Try again.`
        );
      }
      syncs++;
    }
    // Where Excel kept the apostrophe of text starting with = + - @ or ', the text is written
    // again without it (apostropheCheck.ts); a cell it cannot fix keeps the guarded text.
    await apostrophes.settle(context);
    return { syncs };
  });
}
