/**
 * Filtering a table from its header, as Excel's AutoFilter menu does: the menu lists the
 * column's distinct values with check boxes ("(Blanks)" last), OK keeps the rows whose value is
 * checked and hides the others, and "Clear Filter From" shows them again. The filter is the
 * workbook's (TableColumn.filter, through `run`), so the rows it hides are hidden for the add-in
 * too, and a protected sheet refuses it unless its protection allows AutoFilter.
 */
import type { ExcelRun } from "../src/excel/shared/excelRun";
import type { CellValue } from "./cellDisplay";
import { isAccessDenied, PROTECTED_MESSAGE, type Refusal } from "./userEdits";

/** One line of the menu's list: what it shows, and the text the filter keeps it by. */
export interface FilterChoice {
  label: string;
  /** The value as a values filter compares it: its text in lower case; "" for blanks. */
  key: string;
}

export const BLANKS = "(Blanks)";
export const SELECT_ALL = "(Select All)";

const isBlank = (value: CellValue): boolean => value === "" || value === null || value === undefined;

/** The text a values filter compares, as the host's filter reads a cell (any case). */
export const filterKey = (value: CellValue): string => (isBlank(value) ? "" : String(value).toLowerCase());

/** Excel's list order: numbers (smallest first), then text A to Z in any case, then TRUE/FALSE. */
function listOrder(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue): number => (typeof v === "number" ? 0 : typeof v === "boolean" ? 2 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en-GB", { sensitivity: "base" });
}

/**
 * The column's distinct values as the menu lists them, each once whatever its case. Like Excel,
 * only rows the other columns' filters show are listed (`shown`), so a second filter narrows
 * the first's result. `label` writes a value as its cell shows it (its number format).
 */
export function filterChoices(values: readonly CellValue[], shown: (row: number) => boolean, label: (value: CellValue) => string): FilterChoice[] {
  const seen = new Map<string, CellValue>();
  let blanks = false;
  values.forEach((value, row) => {
    if (!shown(row)) return;
    if (isBlank(value)) blanks = true;
    else if (!seen.has(filterKey(value))) seen.set(filterKey(value), value);
  });
  const choices = [...seen].sort(([, a], [, b]) => listOrder(a, b)).map(([key, value]) => ({ key, label: label(value) }));
  return blanks ? [...choices, { key: "", label: BLANKS }] : choices;
}

/**
 * Whether a row shows under every filter but the one on `except`: `filters` are the kept keys
 * by column index, `rows` the table's data rows.
 */
export function shownByOthers(rows: readonly (readonly CellValue[])[], filters: ReadonlyMap<number, readonly string[]>, except: number): (row: number) => boolean {
  const others = [...filters].filter(([index]) => index !== except).map(([index, kept]) => ({ index, kept: new Set(kept) }));
  return (row) => others.every(({ index, kept }) => kept.has(filterKey(rows[row]?.[index])));
}

/** What OK does with the boxes checked: undefined (no filter) when every box is, else the keys to keep. */
export function keptKeys(choices: readonly FilterChoice[], checked: ReadonlySet<string>): string[] | undefined {
  const kept = choices.filter((c) => checked.has(c.key)).map((c) => c.key);
  return kept.length === choices.length ? undefined : kept;
}

/** Where a filter acts: a table's column on a sheet. */
export interface FilterTarget {
  sheet: string;
  table: string;
  column: string;
}

/**
 * Filters the column to `keep` (undefined clears its filter). A protected sheet that does not
 * allow AutoFilter refuses, with Excel's message.
 */
export async function filterColumn(run: ExcelRun, { table, column }: FilterTarget, keep: readonly string[] | undefined): Promise<Refusal> {
  try {
    await run(async (context) => {
      const filter = context.workbook.tables.getItem(table).columns.getItem(column).filter;
      if (keep === undefined) filter.clear();
      else filter.applyValuesFilter([...keep]);
      await context.sync();
    });
  } catch (error) {
    if (isAccessDenied(error)) return PROTECTED_MESSAGE;
    throw error;
  }
  return undefined;
}
