/**
 * Sorting a table from its header, as Excel's AutoFilter menu does: "Sort A to Z" / "Sort Z to A"
 * for text, "Sort Smallest to Largest" / "Sort Largest to Smallest" for numbers. The sort is the
 * workbook's own (Table.sort.apply, through `run`): the host moves whole rows, numbers before
 * text, blanks last either way, text in any case, formulas as Excel's sort moves them
 * (test/excelHost/rowEdits.ts), so the add-in reads the order a user's sort leaves in Excel.
 * A protected sheet refuses, with Excel's message; Ctrl+Z puts the rows back (userEdits.ts).
 */
import { parseA1, splitSheet } from "../test/excelHost/addresses";
import type { CellValue } from "./cellDisplay";
import type { Refusal, UserEdits } from "./userEdits";

export interface SortLabels {
  ascending: string;
  descending: string;
}

/** The menu's words for a column: numbers when every value in it that is not blank is a number, as Excel words it. */
export function sortLabels(values: readonly CellValue[]): SortLabels {
  const filled = values.filter((v) => v !== "" && v !== null && v !== undefined);
  return filled.length > 0 && filled.every((v) => typeof v === "number")
    ? { ascending: "Sort Smallest to Largest", descending: "Sort Largest to Smallest" }
    : { ascending: "Sort A to Z", descending: "Sort Z to A" };
}

/** Where a sort acts: a table's column, by its index in the table, and the table's data body ("'SV Commitments'!A4:L18"). */
export interface SortTarget {
  sheet: string;
  table: string;
  columnIndex: number;
  dataBodyAddress: string;
}

/** Sorts the table's rows by the column; undone by Ctrl+Z as the user's own edit. */
export async function sortColumn(edits: UserEdits, { sheet, table, columnIndex, dataBodyAddress }: SortTarget, ascending: boolean): Promise<Refusal> {
  return edits.rearrange(sheet, parseA1(splitSheet(dataBodyAddress).ref), async (context) => {
    context.workbook.tables.getItem(table).sort.apply([{ key: columnIndex, ascending }]);
    await context.sync();
  });
}
