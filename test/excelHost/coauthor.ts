/**
 * Another person in the shared workbook: in a moderation meeting, three evaluators and a chair
 * have it open at once, and Excel lets any of them change it between two of the add-in's
 * requests, even between two syncs of one Excel.run. A test schedules what the co-author does
 * and when; the add-in's next request finds the workbook as the co-author left it.
 *
 *   host.coauthor.beforeNextRequest((co) => co.sortTable("SV_Marks", "Mark", false));
 *   host.coauthor.beforeRequest(2, (co) => co.insertRows("SV Commitments", 3));
 *   host.coauthor.now((co) => co.addSheet("SV Setup"));   // while the pane is idle
 *
 * Edits go straight to the workbook, as typing does (no protection check: a co-author may have
 * unprotected the sheet). Rows inserted or deleted also move the ranges the add-in's client
 * keeps across requests, as Excel moves a tracked range (rowEdits.ts says what else moves).
 */
import { parseA1, splitSheet } from "./addresses";
import { interpretInput } from "./cellInput";
import { HostObject } from "./hostTypes";
import { shiftRect, type RowEdit } from "./referenceShift";
import { editRows, filterTable, sortTable } from "./rowEdits";
import type { SheetModel } from "./sheetModel";
import type { TableModel } from "./tableModel";
import type { CellValue, WorkbookModel } from "./workbookModel";

type Edit = (co: CoAuthor) => void;

export class CoAuthor {
  private readonly scheduled: { countdown: number; edit: Edit }[] = [];
  /** What the co-author did, in order ("sorted SV_Marks by Mark"), for a failing test's message. */
  readonly log: string[] = [];

  constructor(
    private readonly model: WorkbookModel,
    private readonly references: Map<string, HostObject>,
    /** Called after each edit: the workbook recalculates for the co-author too (the busy profile). */
    private readonly afterEdit: () => void = () => undefined,
    /** Called after an edit made while the add-in is idle: the host sends its events then. */
    private readonly afterIdleEdit: () => void = () => undefined
  ) {}

  /** Acts just before the next request reaches Excel. */
  beforeNextRequest(edit: Edit): void {
    this.beforeRequest(1, edit);
  }

  /** Acts just before the `n`th request from now (1 = the next one). */
  beforeRequest(n: number, edit: Edit): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`co-author: request ${n} is not 1 or later`);
    this.scheduled.push({ countdown: n, edit });
  }

  /** Called by the host as each request arrives. */
  actBeforeRequest(): void {
    const due = this.scheduled.filter((s) => --s.countdown === 0);
    for (const s of due) this.scheduled.splice(this.scheduled.indexOf(s), 1);
    if (due.length) this.act(() => due.forEach((s) => s.edit(this)));
  }

  /**
   * Acts now, while the add-in sends nothing (its pane open and idle): only the events the
   * add-in registered for tell it what happened.
   */
  now(edit: Edit): void {
    this.act(() => edit(this));
    this.afterIdleEdit();
  }

  private act(edits: () => void): void {
    // Excel tells an add-in that a change came from someone else in the workbook.
    this.model.events.source = "Remote";
    try {
      edits();
    } finally {
      this.model.events.source = "Local";
    }
    this.model.calculate();
    this.afterEdit();
  }

  /** Sorts a table's data rows by a column, as from the header's menu. */
  sortTable(table: string, column: string, ascending = true): void {
    sortTable(this.model, this.table(table), column, ascending);
    this.log.push(`sorted ${table} by ${column}${ascending ? "" : " descending"}`);
  }

  /** Filters a table to the rows whose `column` is one of `keep`. */
  filterTable(table: string, column: string, keep: readonly CellValue[]): void {
    filterTable(this.model, this.table(table), column, keep);
    this.log.push(`filtered ${table} on ${column}`);
  }

  /** Inserts `count` sheet rows above `row` (1-based, as the row header shows). */
  insertRows(sheet: string, row: number, count = 1): void {
    this.moveReferences(editRows(this.model, this.sheet(sheet), row - 1, count));
    this.log.push(`inserted ${count} row(s) at ${sheet}!${row}`);
  }

  /** Deletes `count` sheet rows from `row` (1-based). */
  deleteRows(sheet: string, row: number, count = 1): void {
    this.moveReferences(editRows(this.model, this.sheet(sheet), row - 1, -count));
    this.log.push(`deleted ${count} row(s) at ${sheet}!${row}`);
  }

  /** Types into a cell (or each cell of a range) as a user does: "=…" is a formula, "12" a number. */
  type(address: string, value: unknown): void {
    const { sheet, ref } = splitSheet(address);
    const target = sheet === undefined ? this.model.activeSheet : this.sheet(sheet);
    const rect = parseA1(ref);
    const inputs = Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => interpretInput(value, target.formats.at(rect.row + r, rect.col + c).numberFormat === "@"))
    );
    this.model.writeCellInputs(target, rect, inputs);
    this.log.push(`typed ${JSON.stringify(value)} into ${address}`);
  }

  /** Adds a sheet with a value in A1, as someone inserting a sheet and typing would. */
  addSheet(name: string, a1: unknown = ""): void {
    const sheet = this.model.addSheet(name);
    if (a1 !== "") this.model.writeCellInputs(sheet, { row: 0, col: 0, rows: 1, cols: 1 }, [[interpretInput(a1, false)]]);
    this.log.push(`added the sheet ${name}`);
  }

  /** Protects a sheet, as Review > Protect Sheet does (with a password if given). */
  protectSheet(name: string, password?: string): void {
    this.model.protect(this.sheet(name), {}, password);
    this.log.push(`protected ${name}`);
  }

  /** Adds a workbook name, as Formulas > Define Name does. */
  addName(name: string, formula: string): void {
    this.model.addName(name, formula);
    this.log.push(`added the name ${name}`);
  }

  private table(name: string): TableModel {
    const table = this.model.tableByName(name);
    if (!table) throw new Error(`co-author: no table ${name}`);
    return table;
  }

  private sheet(name: string): SheetModel {
    const sheet = this.model.sheetByName(name);
    if (!sheet) throw new Error(`co-author: no sheet ${name}`);
    return sheet;
  }

  /** Kept ranges move with their cells; one whose rows were all deleted keeps its last place. */
  private moveReferences(edit: RowEdit): void {
    for (const [id, object] of this.references) {
      const value = object.value as { sheet?: SheetModel; rect?: { row: number; col: number; rows: number; cols: number }; rects?: unknown } | null;
      if (!value?.sheet || !value.rect || value.sheet.name !== edit.sheet) continue;
      const rect = shiftRect(value.rect, edit);
      if (rect) this.references.set(id, new HostObject(object.type, { ...value, rect }));
    }
  }
}
