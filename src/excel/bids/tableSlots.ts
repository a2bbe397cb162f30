/**
 * Where imported rows go in a table that already holds other bidders' rows (pure planning,
 * no Office.js). Excel tables cannot lose rows to an add-in cheaply and safely (deleting
 * cells shifts everything below and, under co-authoring, other people's edits), so a
 * replaced bidder's old rows are reused in place: the new rows fill them first, then any
 * blank rows of the table, then are appended at its end; old rows left over are emptied.
 * Other bidders' rows are never written, so nothing of theirs can be lost or duplicated.
 */
import { bidderKey, isBlank, readText } from "../../core";

export type RowValues = Readonly<Record<string, unknown>>;

export interface SlotPlan {
  /** Body index → the values to write there; an index ≥ the body's length is a new row at the end. */
  writes: { index: number; values: RowValues }[];
  /** Body indices whose written columns are emptied (a replaced bidder's rows not needed any more). */
  clears: number[];
  /** Rows the table grows by. */
  appended: number;
  /** Old rows of the replaced bidders. */
  removed: number;
}

/**
 * `existing` holds, per body row, the columns the import writes (at least "Bidder").
 * `incoming` rows are written in their order; `replaced` are bidder keys whose old rows go.
 * A row is free for reuse only when every one of `columns` is blank: pass every column a
 * person types into, not only those the import writes, or a row whose bidder name was
 * deleted but whose typed points remain would lend those points to the next bidder.
 */
export function planSlots(existing: readonly RowValues[], replaced: ReadonlySet<string>, incoming: readonly RowValues[], columns: readonly string[]): SlotPlan {
  const free: number[] = [];
  const wasReplaced = new Set<number>();
  existing.forEach((row, index) => {
    const bidder = readText(row.Bidder);
    if (bidder !== undefined && replaced.has(bidderKey(bidder))) {
      free.push(index);
      wasReplaced.add(index);
    } else if (columns.every((c) => isBlank(row[c]))) {
      free.push(index);
    }
  });
  const writes: SlotPlan["writes"] = [];
  let next = existing.length;
  incoming.forEach((values, i) => {
    const index = i < free.length ? (free[i] as number) : next++;
    writes.push({ index, values });
  });
  const clears = free.slice(incoming.length).filter((index) => wasReplaced.has(index));
  return { writes, clears, appended: next - existing.length, removed: wasReplaced.size };
}

