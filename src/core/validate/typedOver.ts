/**
 * A value typed (or pasted) over a calculated cell of SV Commitments, judged by what it does to
 * the figures (issue #16 point 2: the pane and SV Scores hold the same bids).
 *
 * Of the five calculated columns, SV Scores reads two: Value (the bid's £) and Type (its LEV and
 * SV parts). A typed Value or Type that the sheet reads differently from what the formula gives
 * is SV121, an error: the Check column compares them (TENDER.SVCHECK receives the row's own Value
 * and Type) and the pane compares them alike on every row it reads, so a value or a formula of
 * one's own written over either holds the bid on both. A typed Value that is exactly the
 * formula's figure, a typed Type that reads the same, and any typed Measure or Proxy (Value looks the proxy up in SV Measures, not in the row),
 * changes no figure today: SV128, a warning, and the row counts on both. A typed Check is the one
 * cell the sheet cannot judge (no formula can check the cell that does the checking without
 * Excel functions whose recalculation is not documented): the pane holds the bid and says so.
 */
import type { CalculatedColumn } from "./rowFindings";
import { cellError } from "../shared/cells";
import { formatGBP } from "../shared/format";

/** What the row's Value and Type formulas give, for a row with no error. */
export interface RowFormulaResults {
  /** £: the counted quantity × the measure's proxy; 0 for a record-only or unpriced measure. */
  value: number;
  /** The measure's Type as SV Measures holds it ("" when blank). */
  type: string;
}

/** The Value formula's figure: counted quantity × proxy, £0 for a record-only measure or one with no proxy. */
export function formulaValue(counted: number, proxy: number | null | undefined, type: string | undefined): number {
  if (type?.trim().toUpperCase() === "RECORD" || typeof proxy !== "number" || !Number.isFinite(proxy)) return 0;
  return counted * proxy;
}

/**
 * A Value cell as the Check formula hands it to SVCHECK, `IFERROR(N([@Value]),"#")`: a number
 * as itself, text or blank as 0 (as SV Scores' SUM reads them), TRUE as 1; undefined for an
 * Excel error, which SV_Scores[Held] names itself.
 */
export function valueAsSummed(cell: unknown): number | undefined {
  if (cell === undefined || cellError(cell) !== undefined) return undefined;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  return 0;
}

/**
 * Whether a Value cell holds the formula's very figure. Exactly, not to the penny: SV Scores
 * sums the cell, the pane its own figure, and two bids a hair apart would rank apart on one
 * and tie on the other.
 */
export function sameValue(found: unknown, expected: number): boolean {
  return valueAsSummed(found) === expected;
}

/**
 * Whether SV Scores' LEV and SV columns read a typed Type as the measure's own: they compare it
 * trimmed and, as Excel's = does, in any case. A blank measure Type shows in the row as 0 (INDEX
 * of a blank cell), so "0" and blank are the same there.
 */
export function sameType(found: unknown, expected: string): boolean {
  const text = (v: unknown): string => {
    const s = v === null || v === undefined ? "" : String(v).trim();
    return (s === "0" ? "" : s).toUpperCase();
  };
  return text(found) === text(expected);
}

/**
 * Why a typed calculated cell leaves every figure as it is, or undefined when it does not (SV121).
 * `formulas` is what the row's formulas give, known only for a row with no error; without it a
 * typed Value or Type is taken to change the figures, as the row is faulty anyway.
 */
export function noFigureRelies(column: CalculatedColumn, found: unknown, formulas: RowFormulaResults | undefined): string | undefined {
  switch (column) {
    case "Measure":
      return "The Measure column only names the measure; no figure reads it";
    case "Proxy":
      return "The Value column takes the proxy from SV Measures, not from this cell";
    case "Value":
      return formulas !== undefined && sameValue(found, formulas.value) ? `It is exactly the figure the formula gives (${formatGBP(formulas.value)})` : undefined;
    case "Type":
      return formulas !== undefined && sameType(found, formulas.type) ? "It is the measure's own type" : undefined;
    case "Check":
      return undefined;
  }
}
