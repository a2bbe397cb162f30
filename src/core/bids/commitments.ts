/**
 * Commitment rows: one bidder's commitment to one measure. Raw rows come straight from a
 * sheet or an imported form, so every field is whatever a cell can hold; `Commitment` is a
 * row that validation has accepted.
 */

/** What a cell can hand us: Excel values, values read by ExcelJS, or anything at all. */
export type CellValue = unknown;

export interface CommitmentInputRow {
  /** 1-based row number as the user sees it in the sheet (for messages and navigation). */
  row: number;
  bidder: CellValue;
  ref: CellValue;
  quantity: CellValue;
  unit: CellValue;
  evidence?: CellValue;
  /** The row's Value and Type cells, where the reader read them, to judge them as the Check column does (SV121). */
  calculated?: { value: CellValue; type: CellValue };
}

/** The columns of a commitment row, named as findings report them. */
export const COMMITMENT_COLUMNS = ["Bidder", "Ref", "Quantity", "Unit", "Evidence"] as const;
export type CommitmentColumn = (typeof COMMITMENT_COLUMNS)[number];

export interface Commitment {
  row: number;
  bidder: string;
  /** The measure's ref as the measure table spells it. */
  ref: string;
  quantity: number;
}
