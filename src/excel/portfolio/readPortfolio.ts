/**
 * Reads the portfolio workbook's PF_ tables (core portfolio/schema.ts) into the rows planGather
 * takes, by header name: a user may have moved the columns or added their own, and an added
 * column travels with its row (planGather keeps it; the write never touches it).
 *
 * Besides the rows, it keeps what the write needs to change nothing else: where each table is,
 * its headers in the sheet's order, every body row as read (the write compares against them and
 * writes only what differs), how many rows below each table are free for it to grow into, and a
 * total row the user turned on (Table Design > Total Row) as it is, for the write to put back.
 *
 * Cost, whatever the number of rows: (1) which tables and sheets exist; (2) each table's header,
 * size and its sheet's used range; (3) the body values, split into more requests only when a
 * response would pass the request budget (requestBudget.ts), and where something lies below a
 * table, where its first cell is.
 */
import { PORTFOLIO_TABLES, type PortfolioCell, type PortfolioRow, type PortfolioRows, type PortfolioTableKey } from "../../core";
import { throwIfCancelled } from "../shared/excelRun";
import { RefusalError } from "../shared/refusal";
import { MAX_REQUEST_BYTES, RequestBudget, RESPONSE_CELL_BYTES } from "../shared/requestBudget";

/** Thrown when the portfolio's tables are not in a state a gather can write; nothing was written. */
export class PortfolioRefusal extends RefusalError {
  constructor(message: string) {
    super(message);
    this.name = "PortfolioRefusal";
  }
}

export const PORTFOLIO_KEYS = Object.keys(PORTFOLIO_TABLES) as PortfolioTableKey[];

/** One PF_ table as read, or where it will go. */
export interface PortfolioTableState {
  key: PortfolioTableKey;
  /** The table's name (the schema's). */
  name: string;
  /** False when the workbook has no such table: the write creates it. */
  exists: boolean;
  /** The sheet the table is on (the schema's sheet for a new table). */
  sheet: string;
  /** For a new table: whether a sheet of that name exists already (it must be empty). */
  sheetExists: boolean;
  /** 0-based sheet row of the header row, and column of the table's first column. */
  headerRow: number;
  firstColumn: number;
  /** The headers in the sheet's order (the schema's for a new table). */
  headers: string[];
  /** Every body row's values as read (Excel keeps one blank row in an empty table). */
  body: PortfolioCell[][];
  /** Index in `body` of each row given to planGather (the rows that hold anything), in order. */
  rowIndexes: number[];
  /** Blank rows below the table (below its total row, if shown), in its columns, before something of the user's; Infinity when none. */
  roomBelow: number;
  /** The table's total row as read (its formulas and number formats), when the table shows one. */
  totalRow?: { formulas: unknown[][]; numberFormat: unknown[][] };
}

export interface PortfolioRead {
  tables: Record<PortfolioTableKey, PortfolioTableState>;
  /** What planGather takes: each table's rows that hold anything, by header name. */
  rows: PortfolioRows;
  syncs: number;
}

/** A cell as the gather compares it: Excel gives "", numbers, text and booleans. */
function cellOf(v: unknown): PortfolioCell {
  return typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : "";
}

/** The rows a table has below its body: its total row, when shown. */
export const totalRows = (state: PortfolioTableState): number => (state.totalRow ? 1 : 0);

const blankRow = (row: readonly unknown[]): boolean => row.every((v) => v === "" || v === null || v === undefined);

/** The first row of an address list ("'PF Totals'!A9:B9,'PF Totals'!C12"), 1-based. */
function firstRowOf(address: string): number {
  const rows = [...address.matchAll(/![$A-Z]*\$?(\d+)/gi)].map((m) => Number(m[1]));
  return rows.length === 0 ? Infinity : Math.min(...rows);
}

/** The headers that are the schema's columns (any case, spaces trimmed), by schema name. */
export function headerIndex(key: PortfolioTableKey, headers: readonly string[]): Map<string, number> {
  const byName = new Map(headers.map((h, i) => [h.trim().toLowerCase(), i]));
  const out = new Map<string, number>();
  for (const c of PORTFOLIO_TABLES[key].columns) {
    const i = byName.get(c.name.toLowerCase());
    if (i !== undefined) out.set(c.name, i);
  }
  return out;
}

/** Columns of sentences (the gather's own words, the bid's): a hundred or so characters a cell. */
const LONG_TEXT = new Set(["Detail", "Measure", "Evidence", "EvidenceNotes", "RatingBasis", "NoticeDraft", "Notes", "Offer", "AcceptedReason"]);

/**
 * Response bytes of one cell of a column, as JSON: figures short, names and keys longer,
 * sentences longest. An estimate, not a bound: a block Excel refuses as too large is read again
 * in halves, so it is set for the usual portfolio rather than the longest text a cell can hold.
 */
function responseBytesOf(key: PortfolioTableKey, header: string): number {
  const column = PORTFOLIO_TABLES[key].columns.find((c) => c.name.toLowerCase() === header.trim().toLowerCase());
  if (column === undefined || LONG_TEXT.has(column.name)) return 2 * RESPONSE_CELL_BYTES.short;
  return column.type === "text" || column.type === "timestamp" ? RESPONSE_CELL_BYTES.short : RESPONSE_CELL_BYTES.short / 2;
}

/** The sentence for a table that lacks some of the schema's columns. */
function missingColumns(state: PortfolioTableState): string | undefined {
  const index = headerIndex(state.key, state.headers);
  const missing = PORTFOLIO_TABLES[state.key].columns.map((c) => c.name).filter((n) => !index.has(n));
  if (missing.length === 0) return undefined;
  return `${state.name} on "${state.sheet}" has no column ${missing.join(", ")} (renamed or deleted?). The gather writes every one of the table's columns by name, so nothing was written: put ${missing.length === 1 ? "it" : "them"} back, then gather again.`;
}

/**
 * Reads the PF_ tables: see the module comment. Refuses (PortfolioRefusal) a table without a
 * header row or missing one of the schema's columns, and a sheet of a missing table's name that
 * holds something, so that a gather never writes over what it did not make.
 */
export async function readPortfolio(context: Excel.RequestContext, signal?: AbortSignal): Promise<PortfolioRead> {
  throwIfCancelled(signal);
  const wb = context.workbook;
  let syncs = 0;
  // 1: what exists.
  const probes = PORTFOLIO_KEYS.map((key) => ({
    key,
    table: wb.tables.getItemOrNullObject(PORTFOLIO_TABLES[key].name).load("name, showHeaders, showTotals"),
    sheet: wb.worksheets.getItemOrNullObject(PORTFOLIO_TABLES[key].sheet).load("name"),
  }));
  await context.sync();
  syncs++;

  // 2: each table's shape, or whether a missing table's sheet is empty.
  const shapes = probes.map((p) => {
    if (p.table.isNullObject) {
      const used = p.sheet.isNullObject ? undefined : p.sheet.getUsedRangeOrNullObject(true).load("address");
      return { ...p, used };
    }
    const header = p.table.getHeaderRowRange().load("values, rowIndex, columnIndex, columnCount");
    const body = p.table.getDataBodyRange().load("rowCount");
    const owner = p.table.worksheet.load("name");
    const used = p.table.worksheet.getUsedRangeOrNullObject(true).load("rowIndex, rowCount");
    const totalRow = p.table.showTotals ? p.table.getTotalRowRange().load("formulas, numberFormat") : undefined;
    return { ...p, header, body, owner, used, totalRow };
  });
  await context.sync();
  syncs++;

  const refusals: string[] = [];
  const tables = {} as Record<PortfolioTableKey, PortfolioTableState>;
  for (const s of shapes) {
    const schema = PORTFOLIO_TABLES[s.key];
    if (!("header" in s) || s.header === undefined) {
      const used = s.used as Excel.Range | undefined;
      if (used !== undefined && !used.isNullObject) {
        refusals.push(`The workbook has a sheet "${schema.sheet}" with no table ${schema.name} on it, and the sheet is not empty. The gather puts ${schema.name} on that sheet, so nothing was written: rename the sheet (or put the table back), then gather again.`);
      }
      tables[s.key] = {
        key: s.key,
        name: schema.name,
        exists: false,
        sheet: schema.sheet,
        sheetExists: !s.sheet.isNullObject,
        headerRow: 0,
        firstColumn: 0,
        headers: schema.columns.map((c) => c.name),
        body: [],
        rowIndexes: [],
        roomBelow: Infinity,
      };
      continue;
    }
    if (!s.table.showHeaders) {
      refusals.push(`${schema.name} on "${s.owner.name}" has its header row turned off, so its columns cannot be told apart. Turn the header row on (Table Design > Header Row), then gather again.`);
    }
    tables[s.key] = {
      key: s.key,
      name: schema.name,
      exists: true,
      sheet: s.owner.name,
      sheetExists: true,
      headerRow: s.header.rowIndex,
      firstColumn: s.header.columnIndex,
      headers: (s.header.values[0] ?? []).map((h) => String(h)),
      body: [],
      rowIndexes: [],
      roomBelow: Infinity,
      ...(s.totalRow ? { totalRow: { formulas: s.totalRow.formulas, numberFormat: s.totalRow.numberFormat } } : {}),
    };
    const missing = missingColumns(tables[s.key]);
    if (missing !== undefined && s.table.showHeaders) refusals.push(missing);
  }
  if (refusals.length > 0) throw new PortfolioRefusal(refusals.join(" "));

  // 3: the body values, and what lies below each table.
  const budget = new RequestBudget(context, signal ? { signal } : {});
  const below: { key: PortfolioTableKey; constants: Excel.RangeAreas; formulas: Excel.RangeAreas }[] = [];
  for (const s of shapes) {
    if (!("body" in s) || s.body === undefined) continue;
    const state = tables[s.key];
    const rows = s.body.rowCount;
    const columns = state.headers.length;
    const sheet = wb.worksheets.getItem(state.sheet);
    state.body = Array.from({ length: rows }, () => []);
    // Blocks of rows whose response stays under the budget, sized by what each column holds; a
    // block Excel still finds too large is read again in halves (RequestBudget.read).
    const rowBytes = state.headers.reduce((n, h) => n + responseBytesOf(s.key, h), 0);
    const perBlock = Math.max(1, Math.floor(MAX_REQUEST_BYTES / rowBytes));
    for (let from = 0; from < rows; from += perBlock) {
      const count = Math.min(perBlock, rows - from);
      await budget.read(
        {
          rows: count,
          load: (offset, n) => sheet.getRangeByIndexes(state.headerRow + 1 + from + offset, state.firstColumn, n, columns).load("values"),
          deliver: (offset, values) => values.forEach((row, j) => (state.body[from + offset + j] = row.map(cellOf))),
        },
        count * rowBytes
      );
    }
    const used = s.used as Excel.Range;
    const tableBottom = state.headerRow + rows + totalRows(state); // 0-based row of the table's last row
    const usedBottom = used.isNullObject ? -1 : used.rowIndex + used.rowCount - 1;
    if (usedBottom > tableBottom) {
      await budget.room(2 * 600);
      const area = sheet.getRangeByIndexes(tableBottom + 1, state.firstColumn, usedBottom - tableBottom, columns);
      below.push({
        key: s.key,
        constants: area.getSpecialCellsOrNullObject("Constants" as Excel.SpecialCellType).load("address"),
        formulas: area.getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType).load("address"),
      });
    }
  }
  await budget.finish();
  syncs += budget.syncs;
  for (const b of below) {
    const state = tables[b.key];
    const first = Math.min(b.constants.isNullObject ? Infinity : firstRowOf(b.constants.address), b.formulas.isNullObject ? Infinity : firstRowOf(b.formulas.address));
    // `first` is a 1-based sheet row; the table's last row is 0-based headerRow + body.length (+ its total row).
    if (Number.isFinite(first)) state.roomBelow = first - 1 - (state.headerRow + state.body.length + totalRows(state) + 1);
  }

  const rows = {} as PortfolioRows;
  for (const key of PORTFOLIO_KEYS) {
    const state = tables[key];
    state.rowIndexes = state.body.flatMap((row, i) => (blankRow(row) ? [] : [i]));
    (rows as Record<PortfolioTableKey, PortfolioRow[]>)[key] = state.rowIndexes.map((i) => {
      const row = state.body[i] as PortfolioCell[];
      const out: Record<string, PortfolioCell> = {};
      state.headers.forEach((h, j) => {
        // By the schema's spelling for the schema's columns, as the user wrote it for their own.
        const schemaName = PORTFOLIO_TABLES[key].columns.find((c) => c.name.toLowerCase() === h.trim().toLowerCase())?.name;
        out[schemaName ?? h] = row[j] ?? "";
      });
      return out as PortfolioRow;
    });
  }
  return { tables, rows, syncs };
}
