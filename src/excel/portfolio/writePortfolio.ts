/**
 * Writes a gather's plan (core planGather) into the PF_ tables, changing nothing else.
 *
 * - A missing table gets its sheet (the schema's name; an empty sheet of that name is used) and
 *   the table at A1, named as the schema says, with each column's number format from its type
 *   (£ to the penny, %, dd/mm/yyyy; text, timestamps and Yes/No General) and a width.
 * - An existing table is written where it is, column by header name (a user may have moved
 *   them). Only the cells whose value the plan changes are written: every other cell of the
 *   write is `null`, which Excel leaves as it is. So a column the user added, and what they typed
 *   in the portfolio's own columns (Status, EvidenceNotes, Target…), are never written at all,
 *   and an edit a co-author makes to them while the gather runs is not undone. New rows grow the
 *   table over blank rows below it (readPortfolio counts them; if something of the user's is in
 *   the way, nothing is written), with the schema's formats; a table never shrinks. A table
 *   with a Total Row grows over the blank rows below that row, which ends up below the new
 *   rows holding what it held (see the grows branch of writePortfolio).
 * - Text is written as text (cellSafety.ts keptAsText: the cells are General, so "=…" or
 *   "2026-03-31" stays what it says, and Excel stores it without the apostrophe).
 *
 * Co-authors. Each request first looks for the keys of a sample of the rows it relies on (the
 * first, the last, and one in every GUARD_EVERY; the last is looked for in the table's last row,
 * so a row a co-author added at the end is noticed too): `Range.find`, which fails when the key
 * is not there, and Excel stops the request before any of its writes. The gather then reads the
 * portfolio again and plans again (gatherPortfolio.ts). Known limit: rows between two sampled
 * keys that a co-author swapped within that gap are not noticed.
 *
 * Cost: the writes in requests under the budget (one for a few thousand rows; about one more per
 * 4 MB of changed cells), each with its guards, and calculation suspended in each.
 */
import { blockAddress, columnLetter, FORMATS, PORTFOLIO_TABLES, type ColumnType, type GatherPlan, type PortfolioCell, type PortfolioTableKey } from "../../core";
import { keptAsText } from "../shared/cellSafety";
import { ChangedSinceReadError } from "../shared/refusal";
import { COMMAND_BYTES, jsonBytes, MAX_REQUEST_BYTES } from "../shared/requestBudget";
import { headerIndex, PORTFOLIO_KEYS, PortfolioRefusal, totalRows, type PortfolioRead, type PortfolioTableState } from "./readPortfolio";

/** One row in this many is guarded (besides the first and the last). */
export const GUARD_EVERY = 500;
const GUARD_TRACE = "guard ";

/** The number format of each column type. */
export const TYPE_FORMATS: Record<ColumnType, string> = {
  text: FORMATS.general,
  number: FORMATS.number,
  pounds: FORMATS.gbp,
  percent: FORMATS.percent,
  date: FORMATS.date,
  timestamp: FORMATS.general,
  "yes/no": FORMATS.general,
};

/** Column widths in points for a new table: free text wide, figures narrow. */
const WIDE = new Set(["Detail", "Measure", "Evidence", "EvidenceNotes", "RatingBasis", "NoticeDraft", "Notes", "Offer", "AcceptedReason", "CommitmentKey"]);
const widthOf = (name: string, type: ColumnType): number => (WIDE.has(name) ? 240 : type === "text" || type === "timestamp" ? 120 : 85);

export interface PortfolioWritten {
  syncs: number;
  /** Per table: rows the table has after the write, rows added, and cells written. */
  tables: Record<PortfolioTableKey, { rows: number; added: number; cellsWritten: number; created: boolean }>;
}

interface Guard {
  sheet: string;
  /** 0-based sheet row, first column and width of the row's span. */
  row: number;
  column: number;
  columns: number;
  key: string;
  table: string;
  /** Look in the table's last body row (it notices a row added at the end). */
  lastRow: boolean;
}

/** A command to queue, with what it costs in the request. */
interface Command {
  bytes: number;
  queue: (context: Excel.RequestContext) => void;
}

const same = (a: unknown, b: unknown): boolean => (a ?? "") === (b ?? "");
const written = (v: PortfolioCell | undefined): unknown => keptAsText(v ?? "");

/** Where each of the plan's rows goes: existing rows where they were read, new ones after the last row that held anything. */
function positions(state: PortfolioTableState, planned: number): number[] {
  const out = state.rowIndexes.slice(0, planned);
  let next = state.rowIndexes.length > 0 ? (state.rowIndexes[state.rowIndexes.length - 1] as number) + 1 : 0;
  while (out.length < planned) out.push(next++);
  return out;
}

/**
 * The cells to write, as a grid of the table's rows (`null`: leave as it is) from `firstRow`,
 * and the rows the table then needs. Every table's plan keeps the rows read, in order, PF_Totals'
 * included (planGather keeps its rows by TotalKey), so no row is ever cleared.
 */
function gridOf(state: PortfolioTableState, rows: readonly Record<string, PortfolioCell | undefined>[]): { grid: (unknown | null)[][]; firstRow: number; height: number; cells: number } {
  const where = positions(state, rows.length);
  const height = Math.max(state.body.length, where.length > 0 ? (where[where.length - 1] as number) + 1 : 0, 1);
  const width = state.headers.length;
  const grid: (unknown | null)[][] = Array.from({ length: height }, () => Array<unknown | null>(width).fill(null));
  const names = state.headers.map((h) => PORTFOLIO_TABLES[state.key].columns.find((c) => c.name.toLowerCase() === h.trim().toLowerCase())?.name);
  let cells = 0;
  rows.forEach((row, i) => {
    const r = where[i] as number;
    const before = state.body[r];
    // The plan's first rows are the rows read, in order (planGather keeps them and adds after).
    const isNew = i >= state.rowIndexes.length;
    state.headers.forEach((h, j) => {
      const name = names[j];
      // A column the user added is theirs: never written on a row that was there.
      if (name === undefined && !isNew) return;
      const value = name === undefined ? row[h] : row[name];
      if (!isNew && same(before?.[j], value)) return;
      if (isNew && (value ?? "") === "" && (before?.[j] ?? "") === "") return;
      (grid[r] as unknown[])[j] = written(value);
      cells++;
    });
  });
  // Rows with nothing to write are trimmed from both ends.
  let first = 0;
  while (first < height && (grid[first] as unknown[]).every((v) => v === null)) first++;
  let last = height - 1;
  while (last >= first && (grid[last] as unknown[]).every((v) => v === null)) last--;
  return { grid: grid.slice(first, last + 1), firstRow: first, height, cells };
}

/** The keys of the rows a write relies on, sampled (module comment). */
function guardsOf(state: PortfolioTableState): Guard[] {
  if (!state.exists || state.rowIndexes.length === 0) return [];
  const keyColumn = headerIndex(state.key, state.headers).get(PORTFOLIO_TABLES[state.key].key);
  if (keyColumn === undefined) return [];
  const picks = new Set<number>([state.rowIndexes[0] as number]);
  state.rowIndexes.forEach((r, i) => i % GUARD_EVERY === 0 && picks.add(r));
  const last = state.rowIndexes[state.rowIndexes.length - 1] as number;
  const out: Guard[] = [];
  for (const r of [...picks, last]) {
    const key = String(state.body[r]?.[keyColumn] ?? "");
    // Find's limits (applyWritePlan.ts): wildcard characters and more than 255 characters are not looked for.
    if (key === "" || key.length > 255 || /[*?~]/.test(key)) continue;
    const guard = { sheet: state.sheet, row: state.headerRow + 1 + r, column: state.firstColumn, columns: Math.max(2, state.headers.length), key, table: state.name, lastRow: false };
    // Every sampled row is looked for where it was read: a row a co-author inserted or deleted
    // above it moves it, and the write would land on its neighbour.
    out.push(guard);
    // The table's last row is also looked for as the table's last row (first request only): a row
    // a co-author added at the end would leave every position in place.
    if (r === last && r === state.body.length - 1) out.push({ ...guard, lastRow: true });
  }
  return out;
}

/** In the first request only, the last row is looked for in the table's last row: later requests come after the table grew. */
function queueGuard(context: Excel.RequestContext, g: Guard, i: number, firstRequest: boolean): void {
  context.trace(`${GUARD_TRACE}${i}`);
  const span = g.lastRow && firstRequest
    ? context.workbook.tables.getItem(g.table).getDataBodyRange().getLastRow()
    : context.workbook.worksheets.getItem(g.sheet).getRangeByIndexes(g.row, g.column, 1, g.columns);
  span.find(g.key, { completeMatch: true, matchCase: false });
}

function failedGuard(error: unknown, guards: readonly Guard[]): Guard | undefined {
  const e = error as { code?: string; traceMessages?: string[] };
  if (e.code !== "ItemNotFound") return undefined;
  const last = e.traceMessages?.[e.traceMessages.length - 1];
  return last?.startsWith(GUARD_TRACE) ? guards[Number(last.slice(GUARD_TRACE.length))] : undefined;
}

/** A write the gather refused, or a guard that failed, before anything of this request was written. */
export class PortfolioChangedError extends ChangedSinceReadError {
  constructor(
    message: string,
    /** Whether an earlier request of the write had already written part of it. */
    readonly partlyWritten: boolean
  ) {
    super(message);
    this.name = "PortfolioChangedError";
  }
}

/**
 * Writes the plan's tables: see the module comment. `read` is what the plan was made from
 * (readPortfolio), in the same workbook; `maxBytes` is for tests of the splitting.
 */
export async function writePortfolio(context: Excel.RequestContext, plan: GatherPlan, read: PortfolioRead, maxBytes: number = MAX_REQUEST_BYTES): Promise<PortfolioWritten> {
  // Every table's shape (sheets, tables, sizes, formats) first, then the cells: a table is made
  // before a large write fills another sheet, not after it.
  const commands: Command[] = [];
  const cellWrites: Command[] = [];
  const guards: Guard[] = [];
  const created: string[] = [];
  const result = {} as PortfolioWritten["tables"];
  const tooFull: string[] = [];

  for (const key of PORTFOLIO_KEYS) {
    const state = read.tables[key];
    const schema = PORTFOLIO_TABLES[key];
    const rows = plan.tables[key] as unknown as Record<string, PortfolioCell | undefined>[];
    const { grid, firstRow, height, cells } = gridOf(state, rows);
    const grows = height - Math.max(state.body.length, state.exists ? 1 : 0);
    result[key] = { rows: rows.length, added: Math.max(0, rows.length - state.rowIndexes.length), cellsWritten: cells, created: !state.exists };
    const top = state.headerRow + 1; // 0-based sheet row of the first body row
    const left = state.firstColumn;
    const width = state.headers.length;
    const index = headerIndex(key, state.headers);
    // A new table's cells are General already: only its other columns need a format. Rows an
    // existing table grows over get every column's, whatever the user left on them.
    const formatNewRows = (from: number, count: number): void => {
      for (const c of schema.columns) {
        if (!state.exists && !state.sheetExists && TYPE_FORMATS[c.type] === FORMATS.general) continue;
        const j = index.get(c.name) as number;
        commands.push({
          bytes: COMMAND_BYTES.other,
          // A single format goes to every cell of the range (Range.numberFormat).
          queue: (ctx) => void ((ctx.workbook.worksheets.getItem(state.sheet).getRangeByIndexes(top + from, left + j, count, 1) as unknown as { numberFormat: string }).numberFormat = TYPE_FORMATS[c.type]),
        });
      }
    };

    if (!state.exists) {
      if (!state.sheetExists) created.push(state.sheet);
      const headers = state.headers.map((h) => keptAsText(h));
      commands.push({
        bytes: 3 * COMMAND_BYTES.other + COMMAND_BYTES.write + jsonBytes(headers),
        queue: (ctx) => {
          const sheet = state.sheetExists ? ctx.workbook.worksheets.getItem(state.sheet) : ctx.workbook.worksheets.add(state.sheet);
          sheet.getRangeByIndexes(0, 0, 1, width).values = [headers];
          const table = sheet.tables.add(blockAddress(1, 1, height + 1, width), true);
          table.name = state.name;
        },
      });
      formatNewRows(0, height);
      schema.columns.forEach((c, j) =>
        commands.push({ bytes: COMMAND_BYTES.other, queue: (ctx) => void (ctx.workbook.worksheets.getItem(state.sheet).getRange(`${columnLetter(j + 1)}:${columnLetter(j + 1)}`).format.columnWidth = widthOf(c.name, c.type)) })
      );
    } else if (grows > 0) {
      if (grows > state.roomBelow) {
        const firstUsed = top + state.body.length + totalRows(state) + state.roomBelow + 1;
        tooFull.push(`"${state.sheet}" has something in row ${firstUsed} below ${state.name}, and the gather needs ${grows} more row${grows === 1 ? "" : "s"} for the table to grow into`);
      }
      const bodyRows = state.body.length;
      const totalRow = state.totalRow;
      commands.push({
        bytes: COMMAND_BYTES.other * 2 + (totalRow ? 4 * COMMAND_BYTES.other + 2 * COMMAND_BYTES.write + jsonBytes(totalRow.formulas) + jsonBytes(totalRow.numberFormat) : 0),
        queue: (ctx) => {
          const sheet = ctx.workbook.worksheets.getItem(state.sheet);
          const table = ctx.workbook.tables.getItem(state.name);
          // A table with a Total Row grows with the row off, then has it back, as read, below the
          // new rows. Excel's documentation says neither whether Table.resize's range holds the
          // total row nor whether the row's cells move with it (a wrong guess writes a new row
          // over the totals, or leaves a SUBTOTAL in a data row), nor whether the row turned back
          // on keeps its formulas and formats: so the row's cells are emptied after it is turned
          // off, and its formulas and formats written back after it is turned on.
          if (totalRow) {
            table.showTotals = false;
            sheet.getRangeByIndexes(top + bodyRows, left, 1, width).clear("Contents" as Excel.ClearApplyTo);
          }
          table.resize(sheet.getRange(blockAddress(state.headerRow + 1, left + 1, height + 1, width)));
          if (totalRow) {
            table.showTotals = true;
            const row = table.getTotalRowRange();
            row.formulas = totalRow.formulas;
            row.numberFormat = totalRow.numberFormat;
          }
        },
      });
      formatNewRows(bodyRows, grows);
    }
    guards.push(...guardsOf(state));

    // The cells, in blocks of rows under a quarter of the budget each (the rest: guards, formats, the client's own).
    const rowBytes = grid.map((row) => jsonBytes(row) + 1);
    let from = 0;
    while (from < grid.length) {
      let to = from;
      let bytes = COMMAND_BYTES.write;
      while (to < grid.length && (to === from || bytes + (rowBytes[to] as number) <= maxBytes / 4)) bytes += rowBytes[to++] as number;
      const block = grid.slice(from, to);
      const at = from;
      cellWrites.push({ bytes, queue: (ctx) => void (ctx.workbook.worksheets.getItem(state.sheet).getRangeByIndexes(top + firstRow + at, left, block.length, width).values = block as unknown[][]) });
      from = to;
    }
  }
  commands.push(...cellWrites);
  if (tooFull.length > 0) throw new PortfolioRefusal(`Nothing was written: ${tooFull.join("; ")}. Move what is below the table further down or to another sheet, then gather again.`);

  // Guards travel with every request: each request's writes rely on the rows being where they were read.
  const guardBytes = guards.length * COMMAND_BYTES.find;
  const parts: Command[][] = [];
  let part: Command[] = [];
  let bytes = guardBytes;
  for (const c of commands) {
    if (part.length > 0 && bytes + c.bytes > maxBytes) {
      parts.push(part);
      part = [];
      bytes = guardBytes;
    }
    part.push(c);
    bytes += c.bytes;
  }
  if (part.length > 0) parts.push(part);

  let syncs = 0;
  for (const [p, commandsOfPart] of parts.entries()) {
    guards.forEach((g, i) => queueGuard(context, g, i, p === 0));
    context.trace("writes");
    context.application.suspendApiCalculationUntilNextSync();
    for (const c of commandsOfPart) c.queue(context);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per part keeps each under Excel's 5 MB limit
      await context.sync();
      syncs++;
    } catch (error) {
      const guard = failedGuard(error, guards);
      if (p > 0) await removeCreated(context, created);
      if (guard === undefined) throw error;
      const done = p === 0 ? "Nothing was written" : "Part of the gather was written before this was noticed";
      throw new PortfolioChangedError(`${guard.table} changed while the gather was writing: ${guard.key} is no longer where it was read (someone may have sorted, added or deleted rows). ${done}; gather again.`, p > 0);
    }
  }
  return { syncs, tables: result };
}

/** After a write that failed part-way: the sheets it created go, so a second gather starts clean. Best effort. */
async function removeCreated(context: Excel.RequestContext, sheets: readonly string[]): Promise<void> {
  if (sheets.length === 0) return;
  try {
    const found = sheets.map((s) => context.workbook.worksheets.getItemOrNullObject(s).load("name"));
    await context.sync();
    for (const f of found) if (!f.isNullObject) f.delete();
    await context.sync();
  } catch {
    // What is left is found by the next gather's read.
  }
}
