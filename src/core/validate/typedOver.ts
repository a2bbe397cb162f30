/**
 * A value typed (or pasted) over a calculated cell of SV Commitments, judged by what it does to
 * the figures (issue #16 point 2: the pane and SV Scores hold the same bids).
 *
 * Of the five calculated columns, SV Scores reads two: Value (the bid's £) and Type (its LEV and
 * SV parts). A typed Value or Type that the sheet reads differently from what the formula gives
 * is SV121, an error: the Check column compares them (TENDER.SVCHECK receives the row's own Value
 * and Type), so the sheet holds the bid as the pane does. A typed Value or Type that reads the
 * same, and any typed Measure or Proxy (Value looks the proxy up in SV Measures, not in the row),
 * changes no figure today: SV128, a warning, and the row counts on both. A typed Check is the one
 * cell the sheet cannot judge (no formula can check the cell that does the checking without
 * Excel functions whose recalculation is not documented): the pane holds the bid and says so.
 */
import type { CalculatedColumn } from "./rowFindings";
import { formatGBP } from "../shared/format";

/** Half a penny: a typed Value within this of the formula's figure is that figure to the penny, as a £ cell shows it. */
export const SAME_FIGURE_TOLERANCE = 0.005;

/** What the row's Value and Type formulas give, for a row with no error. */
export interface RowFormulaResults {
  /** £: the counted quantity × the measure's proxy; 0 for a record-only or unpriced measure. */
  value: number;
  /** The measure's Type as SV Measures holds it ("" when blank). */
  type: string;
}

/** The Value formula's figure: counted quantity × proxy, £0 for a record-only measure or one with no proxy. */
export function formulaValue(counted: number, proxy: number | null | undefined, type: string | undefined): number {
  if (type?.toUpperCase() === "RECORD" || typeof proxy !== "number" || !Number.isFinite(proxy)) return 0;
  return counted * proxy;
}

/**
 * Whether SV Scores reads a typed Value as the formula's figure: a number within half a penny,
 * or a blank cell (which SUM reads as 0) where the figure is £0. Text, even "16.93", is not:
 * SUM skips it.
 */
export function sameValue(found: unknown, expected: number): boolean {
  if (found === null || found === undefined || found === "") return Math.abs(expected) <= SAME_FIGURE_TOLERANCE;
  return typeof found === "number" && Number.isFinite(found) && Math.abs(found - expected) <= SAME_FIGURE_TOLERANCE;
}

/**
 * Whether SV Scores' LEV and SV columns read a typed Type as the measure's own: Excel's = ignores
 * case, and nothing else. A blank measure Type shows in the row as 0 (INDEX of a blank cell), so
 * "0" and blank are the same there.
 */
export function sameType(found: unknown, expected: string): boolean {
  const text = (v: unknown): string => {
    const s = v === null || v === undefined ? "" : String(v);
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
      return formulas !== undefined && sameValue(found, formulas.value) ? `It is the figure the formula gives (${formatGBP(formulas.value)})` : undefined;
    case "Type":
      return formulas !== undefined && sameType(found, formulas.type) ? "It is the measure's own type" : undefined;
    case "Check":
      return undefined;
  }
}
