/**
 * An Excel table as the host holds it: a rectangle on one sheet whose first row is the header
 * (the host's tables always show headers) and, when the table shows a total row
 * (Table.showTotals), whose last row is that total row; and its columns in order.
 * A table always has at least one data row: creating one over a header row alone adds a blank
 * data row below, as Excel does.
 */
import { formatA1, type Rect } from "./addresses";
import type { CellInput } from "./cellInput";
import type { TableShape } from "./formulaTranslation";
import type { SheetModel } from "./sheetModel";

export interface TableColumnModel {
  id: number;
  name: string;
}

/** A sort as a table remembers it (TableSort.fields): which column, which way. */
export interface TableSortField {
  columnId: number;
  ascending: boolean;
}

export class TableModel {
  deleted = false;
  style = "TableStyleMedium2";
  /** The header's drop-down buttons (Table.showFilterButton): on for a new table, as in Excel. */
  showFilterButton = true;
  /** The last sort applied to the table, until cleared; empty when none. */
  sortFields: TableSortField[] = [];
  /**
   * Each filtered column's values filter, by column id: the values kept, as text in lower case
   * ("" keeps blanks). A data row shows only when every filtered column keeps its value.
   */
  readonly filters = new Map<number, string[]>();
  /** Table Design > Total Row: the rectangle's last row is the total row. */
  showTotals = false;
  /** The total row's cells as they were when it was last turned off, by column id (Excel keeps each column's total). */
  hiddenTotals = new Map<number, CellInput>();

  constructor(
    readonly id: string,
    public name: string,
    public sheet: SheetModel,
    public rect: Rect,
    public columns: TableColumnModel[]
  ) {}

  get dataRows(): number {
    return this.rect.rows - 1 - (this.showTotals ? 1 : 0);
  }

  /** The total row (the rectangle's last row); only when the table shows one. */
  totalRect(): Rect {
    return { ...this.rect, row: this.rect.row + this.rect.rows - 1, rows: 1 };
  }

  headerRect(): Rect {
    return { ...this.rect, rows: 1 };
  }

  dataRect(): Rect {
    return { ...this.rect, row: this.rect.row + 1, rows: this.dataRows };
  }

  /** One column's cells: its data body, or with `withHeader` the header too. */
  columnRect(index: number, withHeader: boolean): Rect {
    const rows = withHeader ? this.rect.rows : this.dataRows;
    return { row: withHeader ? this.rect.row : this.rect.row + 1, col: this.rect.col + index, rows, cols: 1 };
  }

  columnIndex(nameOrId: string | number): number {
    return this.columns.findIndex((c) =>
      typeof nameOrId === "number" ? c.id === nameOrId : c.name.toLowerCase() === nameOrId.toLowerCase() || String(c.id) === nameOrId
    );
  }

  shape(): TableShape {
    return {
      name: this.name,
      sheet: this.sheet.name,
      headerRow: this.rect.row,
      firstCol: this.rect.col,
      dataRows: this.dataRows,
      totalsRow: this.showTotals,
      columns: this.columns.map((c) => c.name),
    };
  }

  describe(): string {
    return `${this.name} (${this.sheet.name}!${formatA1(this.rect)})`;
  }
}
