/**
 * A table's header in the grid, as Excel draws it when the table shows its filter buttons: a
 * drop-down button in each header cell (a funnel once its column is filtered, an arrow once it
 * is sorted), and the menu it opens — by a click, or Alt+Down on the header cell — with the
 * column's sorts, "Clear Filter From", and its distinct values to check, then OK or Cancel.
 * What the menu does is in tableSort.ts and tableFilter.ts; this file reads, draws and dispatches.
 */
import { useLayoutEffect, useMemo, useState, type KeyboardEvent, type RefObject } from "react";
import type { ExcelHost } from "../test/excelHost";
import { columnLetters, parseA1, splitSheet } from "../test/excelHost/addresses";
import { qualified } from "../src/core/shared/addresses";
import { displayText, type CellValue } from "./cellDisplay";
import type { ExcelRun } from "../src/excel/shared/excelRun";
import { filterChoices, filterColumn, keptKeys, SELECT_ALL, shownByOthers } from "./tableFilter";
import { sortColumn, sortLabels, type SortTarget } from "./tableSort";
import type { Refusal, UserEdits } from "./userEdits";

/** One header cell that has a drop-down button. */
export interface HeaderCell extends SortTarget {
  column: string;
  /** The header cell on the sheet, 0-based. */
  row: number;
  col: number;
  sorted: "ascending" | "descending" | undefined;
  filtered: boolean;
}

export interface TableHeaders {
  /** The header cell with a button at (row, col), if any. */
  at(row: number, col: number): HeaderCell | undefined;
  /** Rows a filter hides on the sheet, 0-based: the grid skips them, as Excel's row numbers do. */
  hidden: ReadonlySet<number>;
  /** The row `rows` shown rows from `row` (an arrow key steps over hidden rows, as in Excel); never above row 0. */
  step(row: number, rows: number): number;
}

/** The header cells of the sheet's tables that show their filter buttons, and the rows filters hide. */
export function tableHeaders(fake: ExcelHost, sheet: string): TableHeaders {
  const cells = new Map<string, HeaderCell>();
  for (const table of fake.inspect.tables()) {
    if (table.sheet !== sheet) continue;
    const state = fake.inspect.tableHeader(table.name);
    if (!state?.showFilterButton) continue;
    const rect = parseA1(splitSheet(table.address).ref);
    table.headers.forEach((column, index) => {
      const sorted = state.sort?.column === column ? (state.sort.ascending ? "ascending" : "descending") : undefined;
      cells.set(`${rect.row}:${rect.col + index}`, {
        sheet,
        table: table.name,
        column,
        columnIndex: index,
        dataBodyAddress: table.dataBodyAddress,
        row: rect.row,
        col: rect.col + index,
        sorted,
        filtered: column in state.filters,
      });
    });
  }
  const hidden = new Set(fake.inspect.hiddenRows(sheet).map((r) => r - 1));
  const step = (row: number, rows: number): number => {
    let at = row;
    for (let left = Math.abs(rows); left > 0 && at + Math.sign(rows) >= 0; ) {
      at += Math.sign(rows);
      if (!hidden.has(at)) left--;
    }
    return hidden.has(at) ? row : at;
  };
  return { at: (row, col) => cells.get(`${row}:${col}`), hidden, step };
}

/** What the button says of its column, as Excel's tooltip does. */
function describe(header: HeaderCell): string {
  const parts = [header.filtered ? "Filtered" : "(Showing All)"];
  if (header.sorted) parts.push(`Sorted ${header.sorted === "ascending" ? "Ascending" : "Descending"}`);
  return `${header.column}: ${parts.join(", ")}`;
}

/** The drop-down button in a header cell. */
export function FilterButton({ header, onOpen }: { header: HeaderCell; onOpen: (header: HeaderCell) => void }) {
  const state = [header.filtered ? "filtered" : "", header.sorted ? `sorted-${header.sorted}` : ""].filter((s) => s !== "").join(" ") || "plain";
  return (
    <button
      type="button"
      className="filter-button"
      data-state={state}
      aria-label={describe(header)}
      title={describe(header)}
      aria-haspopup="dialog"
      // The cell under the button is not selected by it, as in Excel.
      onMouseDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onClick={(e) => {
        e.stopPropagation();
        onOpen(header);
      }}
    >
      {header.sorted && <span aria-hidden="true">{header.sorted === "ascending" ? "↑" : "↓"}</span>}
      {header.filtered ? (
        <svg aria-hidden="true" width="9" height="9" viewBox="0 0 10 10">
          <path d="M0 0h10L6 5v5L4 8.5V5z" fill="currentColor" />
        </svg>
      ) : (
        <span aria-hidden="true">▾</span>
      )}
    </button>
  );
}

/** The button of the header cell at (row, col), or nothing when it has none. */
export function HeaderButton({ headers, row, col, onOpen }: { headers: TableHeaders | undefined; row: number; col: number; onOpen: (header: HeaderCell) => void }) {
  const header = headers?.at(row, col);
  return header ? <FilterButton header={header} onOpen={onOpen} /> : null;
}

export interface HeaderMenuProps {
  header: HeaderCell;
  fake: ExcelHost;
  /** The grid, to place the menu under the header cell. */
  grid: RefObject<HTMLElement | null>;
  /** The user's edits, for a sort that Ctrl+Z undoes; `run` for a filter. */
  edits: UserEdits;
  run: ExcelRun;
  /** Runs a change after the user's earlier ones, showing its refusal (a protected sheet) in Excel's message box. */
  enqueue: (job: () => Promise<Refusal>) => void;
  onClose: () => void;
}

/** The column's menu: sorts, Clear Filter From, its values with check boxes, OK and Cancel. */
export function HeaderMenu({ header, fake, grid, edits, run, enqueue, onClose }: HeaderMenuProps) {
  const onSort = (ascending: boolean): void => {
    onClose();
    enqueue(() => sortColumn(edits, header, ascending));
  };
  /** `keep`: the keys to keep, or undefined to clear the column's filter. */
  const onFilter = (keep: string[] | undefined): void => {
    onClose();
    enqueue(() => filterColumn(run, header, keep));
  };
  const { choices, labels, kept } = useMemo(() => {
    const rows = fake.inspect.values(header.dataBodyAddress) as CellValue[][];
    const column = rows.map((r) => r[header.columnIndex]);
    const body = parseA1(splitSheet(header.dataBodyAddress).ref);
    const numberFormat = fake.inspect.format(qualified(header.sheet, `${columnLetters(header.col)}${body.row + 1}`)).numberFormat;
    const state = fake.inspect.tableHeader(header.table);
    const filters = new Map<number, string[]>();
    const names = fake.inspect.table(header.table)?.headers ?? [];
    for (const [name, keys] of Object.entries(state?.filters ?? {})) filters.set(names.indexOf(name), keys);
    const list = filterChoices(column, shownByOthers(rows, filters, header.columnIndex), (v) => displayText(v, numberFormat));
    return { choices: list, labels: sortLabels(column), kept: filters.get(header.columnIndex) };
  }, [fake, header]);
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(choices.map((c) => c.key).filter((key) => kept === undefined || kept.includes(key))));
  const all = checked.size === choices.length;

  // Under the header cell, inside the workbook, as Excel drops its menu from the button.
  const [place, setPlace] = useState<{ top: number; left: number }>({ top: 0, left: 0 });
  useLayoutEffect(() => {
    const td = grid.current?.querySelector(`td[data-address="${columnLetters(header.col)}${header.row + 1}"]`);
    const frame = grid.current?.closest("section");
    if (!td || !frame) return;
    const cell = td.getBoundingClientRect();
    const box = frame.getBoundingClientRect();
    setPlace({ top: cell.bottom - box.top, left: Math.max(0, Math.min(cell.left - box.left, box.width - 260)) });
  }, [grid, header]);

  const toggle = (key: string): void =>
    setChecked((now) => {
      const next = new Set(now);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== "Escape") return;
    e.stopPropagation();
    onClose();
  };

  return (
    <>
      <div className="header-menu-backdrop" onMouseDown={onClose} />
      <div role="dialog" aria-label={`Sort and filter ${header.column}`} className="header-menu" style={place} onKeyDown={onKey}>
        <button type="button" autoFocus onClick={() => onSort(true)}>
          {labels.ascending}
        </button>
        <button type="button" onClick={() => onSort(false)}>
          {labels.descending}
        </button>
        <hr />
        <button type="button" disabled={kept === undefined} onClick={() => onFilter(undefined)}>
          Clear Filter From &quot;{header.column}&quot;
        </button>
        <hr />
        <div role="group" aria-label="Values" className="header-menu-values">
          <label>
            <input
              type="checkbox"
              checked={all}
              ref={(box) => void (box && (box.indeterminate = !all && checked.size > 0))}
              onChange={() => setChecked(all ? new Set() : new Set(choices.map((c) => c.key)))}
            />
            {SELECT_ALL}
          </label>
          {choices.map((choice) => (
            <label key={choice.key}>
              <input type="checkbox" checked={checked.has(choice.key)} onChange={() => toggle(choice.key)} />
              {choice.label}
            </label>
          ))}
        </div>
        <div className="header-menu-actions">
          {/* Excel's OK is unavailable with nothing checked: a filter that hides every row is not offered. */}
          <button type="button" disabled={checked.size === 0} onClick={() => onFilter(keptKeys(choices, checked))}>
            OK
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </>
  );
}
