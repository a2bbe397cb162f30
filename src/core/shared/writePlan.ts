/**
 * A write plan: everything one operation will write to the workbook, decided before anything is
 * written, as plain data. Core decides it from a snapshot of the workbook; the Excel layer applies
 * it (src/excel/shared/applyWritePlan.ts). Each write carries guards: the key cells it expects to
 * find in the row it writes, as they were read. A co-author who sorts, inserts or deletes
 * rows between the read and the write moves other rows under those addresses; the guards are
 * checked in the same request as the write, before it, so the write is refused, not misplaced.
 */

/** A row's key cells, as read: e.g. Evaluator, Bidder and Criterion of an SV Marks row. */
export interface KeyGuard {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** 1-based columns and the text each held when read ("" or absent: not checked). */
  cells: { column: number; text: string }[];
  /** The row in an evaluator's words, for the refusal: "Alice's mark for Acme Ltd on SV1". */
  describes: string;
}

/** Values for a block of cells (1-based row and column of its top-left cell). */
export interface CellWrite {
  sheet: string;
  row: number;
  column: number;
  values: unknown[][];
  /** Checked in the same request, before this write. */
  guards: KeyGuard[];
  /**
   * The values are formulas, written as formulas: a calculated column's formula in the rows a
   * plan adds (tableFormulas.ts). Otherwise every value is written as a value, text kept as text.
   */
  formulas?: true;
}

/** A table grown to a new range (A1 address on its sheet), over rows checked to be empty. */
export interface TableResize {
  table: string;
  sheet: string;
  address: string;
}

export interface WritePlan {
  /** Calculation waits until the plan is written (one recalculation, not one per cell). */
  suspendCalculation: boolean;
  resizes: TableResize[];
  writes: CellWrite[];
  /** A defined name's single cell given a value (SV_ModerationOpen := "Yes"). */
  namedValues: { name: string; value: unknown }[];
  sheetVisibility: { sheet: string; visibility: "Visible" | "Hidden" | "VeryHidden" }[];
  /** Workbook names added, last (each name is added once: a second add fails). */
  namesAdded: { name: string; formula: string; comment: string }[];
}

export function emptyWritePlan(): WritePlan {
  return { suspendCalculation: false, resizes: [], writes: [], namedValues: [], sheetVisibility: [], namesAdded: [] };
}

export function isEmptyPlan(plan: WritePlan): boolean {
  return plan.resizes.length + plan.writes.length + plan.namedValues.length + plan.sheetVisibility.length + plan.namesAdded.length === 0;
}
