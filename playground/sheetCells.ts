/**
 * What the grid draws for a block of a sheet, read from the host's inspector: each cell's text
 * through its number format, its alignment, fill, bold, colour and wrap, and each column's width.
 */
import type { ExcelHost } from "../test/excelHost";
import { columnLetters, parseA1, splitSheet } from "../test/excelHost/addresses";
import { qualified } from "../src/core/shared/addresses";
import { alignmentOf, displayText, general, type CellValue } from "./cellDisplay";

export interface ShownCell {
  text: string;
  /** What the formula bar shows: the formula, or the value as General. */
  formula: string;
  align: "left" | "center" | "right" | undefined;
  fill: string | undefined;
  bold: boolean;
  color: string | undefined;
  wrap: boolean;
}

/** Excel's standard column: 48 points, 64 pixels. */
const POINTS_TO_PIXELS = 4 / 3;

/** Each column's width in pixels, as the add-in set it (in points) or Excel's standard. */
export function columnWidths(fake: ExcelHost, sheet: string, cols: number): number[] {
  const set = fake.inspect.sheet(sheet).columnWidths;
  return Array.from({ length: cols }, (_, c) => Math.round((set[columnLetters(c)] ?? 48) * POINTS_TO_PIXELS));
}

/**
 * A table's columns' number formats, by sheet cell, for the table's data rows after its first.
 *
 * Why: in Excel a table keeps a number format per column, and rows the table gains (resize, rows
 * added, AutoExpansion) take it. The add-in formats a table's first data row when it inserts
 * the sheet and lets the table grow; the test host does not carry the format into the grown
 * rows, so without this only the first row showed £ or %. A cell's own format still wins.
 */
function tableColumnFormats(fake: ExcelHost, sheet: string): (row: number, col: number) => string | undefined {
  const bodies = fake.inspect
    .tables()
    .filter((t) => t.sheet === sheet)
    .map((t) => parseA1(splitSheet(t.dataBodyAddress).ref));
  return (row, col) => {
    const body = bodies.find((b) => row > b.row && row < b.row + b.rows && col >= b.col && col < b.col + b.cols);
    return body && (fake.inspect.format(qualified(sheet, `${columnLetters(col)}${body.row + 1}`)).numberFormat ?? undefined);
  };
}

export function shownCells(fake: ExcelHost, sheet: string, rows: number, cols: number): ShownCell[][] {
  const range = qualified(sheet, `A1:${columnLetters(cols - 1)}${rows}`);
  const values = fake.inspect.values(range) as CellValue[][];
  const formulas = fake.inspect.formulas(range) as CellValue[][];
  const columnFormat = tableColumnFormats(fake, sheet);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const format = fake.inspect.format(qualified(sheet, `${columnLetters(c)}${r + 1}`));
      const own = format.numberFormat ?? "General";
      const numberFormat = own === "General" ? (columnFormat(r, c) ?? own) : own;
      const value = values[r]?.[c];
      return {
        text: displayText(value, numberFormat),
        formula: general(formulas[r]?.[c]),
        align: alignmentOf(value, format.horizontalAlignment),
        fill: format.fill ?? undefined,
        bold: format.bold === true,
        color: format.fontColor && format.fontColor !== "#000000" ? format.fontColor : undefined,
        wrap: format.wrapText === true,
      };
    })
  );
}
