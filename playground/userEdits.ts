/**
 * The user's own edits in the playground's grid (typing, clearing, pasting, sorting a table) and their undo.
 * Writes go through `run`, as the add-in's do, so Excel's rules apply to them (a locked cell on
 * a protected sheet refuses); reads of what a cell held go straight to the host's inspector.
 *
 * Undo covers these edits only, not the add-in's operations: each edit keeps what its cells held
 * (formulas or values) and Ctrl+Z writes that back. Excel clears its undo list when an add-in
 * changes the workbook; here the list is kept, so an undo after an add-in's change to the same
 * cells overwrites that change (a trainer can show it, it never happens silently to anyone else).
 */
import type { ExcelHost } from "../test/excelHost";
import { formatA1, parseA1, splitSheet, type Rect } from "../test/excelHost/addresses";
import type { ExcelRun } from "../src/excel/shared/excelRun";
import { qualified } from "../src/core/shared/addresses";
import type { CellValue } from "./cellDisplay";
import { shiftFormula } from "./shiftFormula";

/** Excel's own words when a locked cell of a protected sheet is typed into, cleared or pasted over. */
export const PROTECTED_MESSAGE =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

interface UndoEntry {
  sheet: string;
  rect: Rect;
  /** What the cells held before: a formula's text, or the value. */
  before: CellValue[][];
  /** A table that grew to take the typed row (AutoExpansion), and its address before. */
  table?: { name: string; address: string };
}

/** A copied range: what its cells hold, and where it was, so a pasted formula's references move. */
export interface CopiedRange {
  sheet: string;
  rect: Rect;
  contents: CellValue[][];
}

/** Why an edit was refused, in Excel's words; undefined when it was made. */
export type Refusal = string | undefined;

export function isAccessDenied(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "AccessDenied";
}

export class UserEdits {
  private readonly undoList: UndoEntry[] = [];

  constructor(
    private readonly fake: ExcelHost,
    private readonly run: ExcelRun
  ) {}

  /** Whether Excel would refuse to change the range: a protected sheet, and a cell in it still locked. */
  isLocked(sheet: string, rect: Rect): boolean {
    if (!this.fake.inspect.sheet(sheet).protected) return false;
    // null: the cells differ, so at least one is locked.
    return this.fake.inspect.format(qualified(sheet, formatA1(rect))).locked !== false;
  }

  /** The cells' contents as typed: a formula's text, or the value. */
  contents(sheet: string, rect: Rect): CellValue[][] {
    return this.fake.inspect.formulas(qualified(sheet, formatA1(rect))) as CellValue[][];
  }

  /** What a user types into one cell, read as Excel reads typed input ("=…" a formula, "25%" 0.25). */
  async type(sheet: string, row: number, col: number, text: string): Promise<Refusal> {
    const cell: Rect = { row, col, rows: 1, cols: 1 };
    if (this.isLocked(sheet, cell)) return PROTECTED_MESSAGE;
    const grow = text === "" ? undefined : this.tableAbove(sheet, row, col);
    const rect = grow ? { row, col: grow.rect.col, rows: 1, cols: grow.rect.cols } : cell;
    const entry: UndoEntry = { sheet, rect, before: this.contents(sheet, rect) };
    if (grow) entry.table = { name: grow.name, address: formatA1(grow.rect) };
    return this.write(entry, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      // AutoExpansion: the table takes the row first, so its calculated columns fill it.
      if (grow) context.workbook.tables.getItem(grow.name).resize(ws.getRange(formatA1({ ...grow.rect, rows: grow.rect.rows + 1 })));
      ws.getRange(formatA1(cell)).values = [[text]];
      await context.sync();
    });
  }

  /** Delete: the contents go, formats stay. */
  async clear(sheet: string, rect: Rect): Promise<Refusal> {
    if (this.isLocked(sheet, rect)) return PROTECTED_MESSAGE;
    return this.write({ sheet, rect, before: this.contents(sheet, rect) }, async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(formatA1(rect)).clear("Contents");
      await context.sync();
    });
  }

  /** Pastes a copied range with its top left at (row, col), as typed input; formulas' relative references move. */
  async paste(sheet: string, row: number, col: number, copied: CopiedRange): Promise<Refusal> {
    const rect: Rect = { row, col, rows: copied.rect.rows, cols: copied.rect.cols };
    if (this.isLocked(sheet, rect)) return PROTECTED_MESSAGE;
    const moved = copied.contents.map((line) => line.map((v) => (typeof v === "string" ? shiftFormula(v, row - copied.rect.row, col - copied.rect.col) : (v ?? ""))));
    return this.write({ sheet, rect, before: this.contents(sheet, rect) }, async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(formatA1(rect)).values = moved;
      await context.sync();
    });
  }

  /**
   * A change that rearranges cells by other means (a sort from a table's header, tableSort.ts):
   * `batch` makes it, and Ctrl+Z puts back what `rect` held before, formulas as they were.
   */
  async rearrange(sheet: string, rect: Rect, batch: Parameters<ExcelRun>[0]): Promise<Refusal> {
    return this.write({ sheet, rect, before: this.contents(sheet, rect) }, batch);
  }

  /** Ctrl+Z: puts back what the last edit replaced; the range it restored, or undefined when there is nothing to undo. */
  async undo(): Promise<{ sheet: string; rect: Rect; refusal: Refusal } | undefined> {
    const entry = this.undoList.pop();
    if (!entry) return undefined;
    const { sheet, rect, before, table } = entry;
    if (this.isLocked(sheet, rect)) return { sheet, rect, refusal: PROTECTED_MESSAGE };
    const refusal = await this.write(undefined, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      if (table) context.workbook.tables.getItem(table.name).resize(ws.getRange(table.address));
      ws.getRange(formatA1(rect)).values = before.map((line) => line.map((v) => v ?? ""));
      await context.sync();
    });
    return { sheet, rect, refusal };
  }

  /** Runs the write; an edit that went through is remembered for undo. */
  private async write(entry: UndoEntry | undefined, batch: Parameters<ExcelRun>[0]): Promise<Refusal> {
    try {
      await this.run(batch);
    } catch (error) {
      // The sheet was protected between the check and the write (by the add-in's sign-off).
      if (isAccessDenied(error)) return PROTECTED_MESSAGE;
      throw error;
    }
    if (entry) this.undoList.push(entry);
    return undefined;
  }

  /**
   * The table whose last row is directly above (row, col) when the row typed into is empty
   * across the table's columns: Excel's AutoExpansion then makes that row the table's.
   */
  private tableAbove(sheet: string, row: number, col: number): { name: string; rect: Rect } | undefined {
    for (const table of this.fake.inspect.tables()) {
      if (table.sheet !== sheet) continue;
      const rect = parseA1(splitSheet(table.address).ref);
      if (row !== rect.row + rect.rows || col < rect.col || col >= rect.col + rect.cols) continue;
      const below: Rect = { row, col: rect.col, rows: 1, cols: rect.cols };
      const empty = this.contents(sheet, below).every((line) => line.every((v) => v === "" || v === null || v === undefined));
      return empty ? { name: table.name, rect } : undefined;
    }
    return undefined;
  }
}
