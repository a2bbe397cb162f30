/**
 * A read refused because Excel had not finished calculating what it read. A custom function
 * shows #BUSY! while it computes, and a whole recalculation can take seconds on the web; a
 * score, a review or a signed record taken then would hold "#BUSY!" in place of a number. Every
 * read whose values the pane uses (scores, the sign-off review, sign-off's freeze, Verify) checks
 * what it read and refuses with this, naming the first cell, so the user waits and tries again.
 */
import { columnLetter, firstNotReady } from "../../core";
import { RefusalError } from "./refusal";

export class NotReadyError extends RefusalError {
  constructor(message: string) {
    super(message);
    this.name = "NotReadyError";
  }
}

/** Where a block of values read sits: its sheet and its top-left cell (1-based). */
export interface ReadBlock {
  readonly sheet: string;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly rows: readonly (readonly unknown[])[];
}

/** The sentence for a cell still calculating; `place` names it ("SV Scores cell H4"). */
export function notReadyMessage(place: string, shows: string): string {
  const advice = shows === "#CALC!" ? " If it keeps showing #CALC!, the formula there has a problem to fix first." : "";
  return `Excel has not finished calculating: ${place} shows ${shows}. Nothing was done. Wait until no cell shows ${shows}, then try again.${advice}`;
}

export function cellPlace(sheet: string, row: number, column: number): string {
  return `${sheet} cell ${columnLetter(column)}${row}`;
}

/** Throws NotReadyError at the first cell of `blocks` still calculating. */
export function refuseIfCalculating(blocks: Iterable<ReadBlock>): void {
  for (const block of blocks) {
    const hit = firstNotReady(block.rows);
    if (hit !== undefined) throw new NotReadyError(notReadyMessage(cellPlace(block.sheet, block.firstRow + hit.row, block.firstColumn + hit.column), hit.shows));
  }
}
