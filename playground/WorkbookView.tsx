/**
 * A browser workbook: sheet tabs, a formula bar and a grid of the sheet's used range, edited as
 * in Excel. Select a cell and type (Enter mode: Enter commits and moves down, Tab right, Escape
 * cancels), F2 or a double click edits in place, Delete clears, arrows move, shift extends the
 * selection, Ctrl+C / Ctrl+V copy and paste, Ctrl+Z undoes the user's own edits. What is typed is
 * written as Excel reads typed input, so "=…" is a formula and TENDER functions compute. A
 * table's header cells have Excel's drop-down (HeaderMenu.tsx: a click or Alt+Down) to sort and
 * filter its rows; rows a filter hides are not drawn, and the row numbers skip them.
 *
 * Reads go straight to the host's inspector; writes and selections go through `run`, like the
 * add-in's own, one after another in the order the user made them.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import type { ExcelHost } from "../test/excelHost";
import { formatA1, parseA1, qualifiedAddress, splitSheet, type Rect } from "../test/excelHost/addresses";
import type { ExcelRun } from "../src/excel/shared/excelRun";
import { columnLetter } from "../src/core/shared/addresses";
import { ChartLayer, chartsExtent } from "./ChartView";
import { editorCommand, gridCommand, type EditMode } from "./gridKeys";
import { columnWidths, shownCells } from "./sheetCells";
import { PROTECTED_MESSAGE, UserEdits, type CopiedRange, type Refusal } from "./userEdits";
import { HeaderButton, HeaderMenu, tableHeaders, type HeaderCell } from "./HeaderMenu";

export interface WorkbookViewProps {
  fake: ExcelHost;
  run: ExcelRun;
  /** Bumped by the playground whenever the workbook changed. */
  version: number;
}

/** 0-based column index → letters, over the Excel layer's 1-based helper. */
const columnLetters = (index: number): string => columnLetter(index + 1);

/** The used range's size, counted from A1. */
function sizeOf(address: string | null | undefined): { rows: number; cols: number } {
  if (!address) return { rows: 0, cols: 0 };
  const rect = parseA1(splitSheet(address).ref);
  return { rows: rect.row + rect.rows, cols: rect.col + rect.cols };
}

/** Rows drawn at most: the grid is for reading and typing, not for 10,000-row workbooks. */
const MAX_ROWS = 400;

interface Cell {
  row: number;
  col: number;
}

/** The selection: the active cell and the opposite corner of the range (the same cell when one is selected). */
interface Selection {
  sheet: string;
  active: Cell;
  corner: Cell;
}

function rectOf({ active, corner }: Selection): Rect {
  const row = Math.min(active.row, corner.row);
  const col = Math.min(active.col, corner.col);
  return { row, col, rows: Math.abs(active.row - corner.row) + 1, cols: Math.abs(active.col - corner.col) + 1 };
}

const inside = (rect: Rect, row: number, col: number): boolean => row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function WorkbookView({ fake, run, version }: WorkbookViewProps) {
  // As in Excel, hidden and very hidden sheets get no tab (SV Record, SV Marks under blind marking).
  const sheets = fake.inspect.sheetNames().filter((name) => fake.inspect.sheet(name).visibility === "Visible");
  const [sheet, setSheet] = useState(sheets[0] ?? "");
  const active = sheets.includes(sheet) ? sheet : (sheets[0] ?? "");
  const edits = useMemo(() => new UserEdits(fake, run), [fake, run]);
  const gridRef = useRef<HTMLDivElement>(null);

  const [selection, setSelection] = useState<Selection>({ sheet: "", active: { row: 0, col: 0 }, corner: { row: 0, col: 0 } });
  const [editing, setEditing] = useState<EditMode | "bar" | null>(null);
  const [draft, setDraft] = useState("");
  const [copied, setCopied] = useState<CopiedRange | undefined>(undefined);
  /** Excel's message box: a refusal (a protected sheet) or an error the write met. */
  const [alert, setAlert] = useState<string | undefined>(undefined);

  // The user's writes and selections run one after another, in order: a key pressed while the
  // last write is still in flight must not overtake it.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const [drained, setDrained] = useState(0);
  const enqueue = (job: () => Promise<Refusal | void>): void => {
    pending.current += 1;
    queue.current = queue.current
      .then(job)
      .then((refusal) => void (refusal && setAlert(refusal)))
      .catch((error: unknown) => setAlert(messageOf(error)))
      .finally(() => {
        pending.current -= 1;
        if (pending.current === 0) setDrained((n) => n + 1);
      });
  };

  // The selection lives in the workbook, as in Excel: the add-in reads it, and "go to cell" in the
  // pane moves it. The view keeps its own copy so keys answer at once; it takes the workbook's
  // when that changed other than by the view (once the view's own selects have all run).
  const pushed = useRef("");
  useEffect(() => {
    if (pending.current > 0) return;
    const now = fake.inspect.selection();
    if (now === pushed.current) return;
    pushed.current = now;
    const { sheet: on = "", ref } = splitSheet(now);
    const rect = parseA1(ref);
    setSelection({ sheet: on, active: { row: rect.row, col: rect.col }, corner: { row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1 } });
  }, [version, drained, fake]);

  // Follow the workbook's active sheet when an action switches it (e.g. "go to cell"), and only
  // then: a request that merely reads (the pane re-reading the workbook) must not take the user
  // off the sheet they chose, as Excel would not.
  const lastActive = useRef<string | undefined>(undefined);
  useEffect(() => {
    const now = fake.inspect.activeSheet();
    if (now === lastActive.current) return;
    lastActive.current = now;
    if (now && sheets.includes(now)) setSheet(now);
  }, [version, fake]); // runs when the workbook changed

  const used = active ? sizeOf(fake.inspect.sheet(active).usedRange) : { rows: 0, cols: 0 };
  const onSheet = selection.sheet === active;
  const selected = onSheet ? rectOf(selection) : undefined;
  const cell = onSheet ? selection.active : undefined;
  // A row beyond the used range too, so the row under a table can be typed into; and wherever the selection went, and under every chart.
  const charted = active ? chartsExtent(fake, active) : { rows: 0, cols: 0 };
  const rows = Math.min(Math.max(used.rows + 1, 20, (selected ? selected.row + selected.rows : 0) + 1, charted.rows), MAX_ROWS);
  const cols = Math.max(used.cols, 8, selected ? selected.col + selected.cols : 0, charted.cols);
  const shown = useMemo(() => (active ? shownCells(fake, active, rows, cols) : []), [fake, active, rows, cols, version]);
  const widths = useMemo(() => (active ? columnWidths(fake, active, cols) : []), [fake, active, cols, version]);
  // Tables' header buttons and the rows their filters hide (HeaderMenu.tsx); the header menu open, if any.
  const headers = useMemo(() => (active ? tableHeaders(fake, active) : undefined), [fake, active, version]);
  const [menu, setMenu] = useState<HeaderCell | undefined>(undefined);
  const address = cell ? `${columnLetters(cell.col)}${cell.row + 1}` : "";
  const current = cell ? (shown[cell.row]?.[cell.col]?.formula ?? "") : "";

  const focusGrid = (): void => gridRef.current?.focus({ preventScroll: true });

  const select = (next: Selection): void => {
    setSelection(next);
    const target = qualifiedAddress(next.sheet, rectOf(next));
    pushed.current = target;
    enqueue(async () => {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(next.sheet);
        ws.activate();
        ws.getRange(formatA1(rectOf(next))).select();
        await context.sync();
      });
    });
  };

  // A click on a tab activates the sheet in the workbook, as in Excel, so the add-in sees the
  // sheet the user is on and a later action's activate() is what moves the view.
  const chooseSheet = (name: string): void => {
    setSheet(name);
    setEditing(null);
    enqueue(async () => {
      await run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
    });
  };

  const move = (rows: number, cols: number, extend: boolean): void => {
    if (!cell) return;
    const clamp = (c: Cell): Cell => ({ row: Math.max(0, headers ? headers.step(c.row, rows) : c.row + rows), col: Math.max(0, c.col + cols) });
    select(extend ? { ...selection, corner: clamp(selection.corner) } : { sheet: active, active: clamp(cell), corner: clamp(cell) });
  };

  /** Writes the draft into the active cell, as typed, then moves the active cell. */
  const commit = (rows: number, cols: number): void => {
    setEditing(null);
    if (!cell) return;
    const text = draft;
    const at = cell;
    enqueue(() => edits.type(active, at.row, at.col, text));
    move(rows, cols, false);
    focusGrid();
  };

  const cancel = (): void => {
    setEditing(null);
    focusGrid();
  };

  /** Excel refuses to start editing a locked cell of a protected sheet, with its message. */
  const startEditing = (mode: EditMode, text: string): void => {
    if (!cell) return;
    if (edits.isLocked(active, { row: cell.row, col: cell.col, rows: 1, cols: 1 })) {
      setAlert(PROTECTED_MESSAGE);
      return;
    }
    setDraft(text);
    setEditing(mode);
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (!cell || !selected || editing) return;
    const command = gridCommand(e);
    if (!command) return;
    e.preventDefault();
    switch (command.kind) {
      case "move":
        return move(command.rows, command.cols, command.extend);
      case "type":
        return startEditing("enter", command.text);
      case "editInPlace":
        return startEditing("edit", current);
      case "clear":
        return enqueue(() => edits.clear(active, selected));
      case "copy": {
        const range: CopiedRange = { sheet: active, rect: selected, contents: edits.contents(active, selected) };
        setCopied(range);
        // Best effort, for pasting outside the page: the page may not be allowed the system clipboard.
        void navigator.clipboard?.writeText(range.contents.map((line) => line.map((v) => String(v ?? "")).join("\t")).join("\n")).catch(() => undefined);
        return;
      }
      case "paste": {
        if (!copied) return;
        const pasted = copied;
        enqueue(() => edits.paste(active, selected.row, selected.col, pasted));
        // Excel selects what it pasted.
        return select({ sheet: active, active: { row: selected.row, col: selected.col }, corner: { row: selected.row + pasted.rect.rows - 1, col: selected.col + pasted.rect.cols - 1 } });
      }
      case "undo":
        return enqueue(async () => {
          const undone = await edits.undo();
          if (!undone) return;
          if (undone.refusal) return undone.refusal;
          const { rect } = undone;
          setSheet(undone.sheet);
          select({ sheet: undone.sheet, active: { row: rect.row, col: rect.col }, corner: { row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1 } });
        });
      case "cancelCopy":
        return setCopied(undefined);
      case "openDropDown":
        return setMenu(headers?.at(cell.row, cell.col));
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    // The grid's own keys must not also act on a key meant for the editor.
    e.stopPropagation();
    const command = editorCommand(e, editing === "edit" ? "edit" : "enter");
    if (!command) return;
    e.preventDefault();
    if (command.kind === "cancel") cancel();
    else commit(command.rows, command.cols);
  };

  const onBarKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    const command = editorCommand(e, "edit");
    if (!command) return;
    e.preventDefault();
    if (command.kind === "cancel") cancel();
    else commit(command.rows, command.cols);
  };

  const onCellDown = (e: MouseEvent, row: number, col: number): void => {
    if ((e.target as HTMLElement).closest(".cell-editor")) return;
    e.preventDefault();
    // Excel enters what was being typed when another cell is clicked.
    if (editing === "enter" || editing === "edit") {
      const text = draft;
      const at = cell;
      setEditing(null);
      if (at) enqueue(() => edits.type(active, at.row, at.col, text));
    }
    // An unfinished entry in the formula bar is dropped (Excel would insert a reference; not modelled).
    if (editing === "bar") setEditing(null);
    const at = { row, col };
    select(e.shiftKey && cell ? { ...selection, corner: at } : { sheet: active, active: at, corner: at });
    focusGrid();
  };

  // Keyboard moves keep the active corner in sight, as Excel scrolls to it.
  useEffect(() => {
    if (!onSheet) return;
    const moved = selection.corner;
    gridRef.current?.querySelector(`td[data-address="${columnLetters(moved.col)}${moved.row + 1}"]`)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [selection, onSheet]);

  const copiedHere = copied && copied.sheet === active ? copied.rect : undefined;
  const inCell = editing === "enter" || editing === "edit";

  return (
    <section className="workbook" aria-label="Workbook">
      <div className="formula-bar">
        <span className="cell-name" aria-label="Selected cell">
          {selected && (selected.rows > 1 || selected.cols > 1) ? formatA1(selected) : address || "—"}
        </span>
        <input
          aria-label="Formula bar"
          value={editing ? draft : current}
          onChange={(e) => {
            setDraft(e.target.value);
            if (!editing) setEditing("bar");
          }}
          onKeyDown={onBarKey}
          disabled={!cell}
        />
      </div>
      <div className="grid-scroll" ref={gridRef} tabIndex={0} onKeyDown={onGridKey}>
        <ChartLayer fake={fake} sheet={active} version={version} />
        <table className="grid" aria-label={`Sheet ${active}`} style={{ width: 40 + widths.reduce((a, b) => a + b, 0) }}>
          <colgroup>
            <col style={{ width: 40 }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col">{columnLetters(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => headers?.hidden.has(r) ? null : (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const shownCell = shown[r]?.[c];
                  const isActive = cell?.row === r && cell.col === c;
                  const classes = [
                    isActive ? "active" : "",
                    selected && inside(selected, r, c) ? "selected" : "",
                    copiedHere && inside(copiedHere, r, c) ? "copied" : "",
                    shownCell?.wrap ? "wrap" : "",
                  ].filter((k) => k !== "");
                  return (
                    <td
                      key={c}
                      data-address={`${columnLetters(c)}${r + 1}`}
                      className={classes.length > 0 ? classes.join(" ") : undefined}
                      aria-selected={selected ? inside(selected, r, c) : false}
                      style={{
                        background: shownCell?.fill,
                        textAlign: shownCell?.align,
                        fontWeight: shownCell?.bold ? 600 : undefined,
                        color: shownCell?.color,
                      }}
                      onMouseDown={(e) => onCellDown(e, r, c)}
                      onDoubleClick={() => startEditing("edit", shownCell?.formula ?? "")}
                    >
                      {isActive && inCell ? (
                        <input
                          className="cell-editor"
                          aria-label="Cell editor"
                          value={draft}
                          autoFocus
                          // The caret starts after what the cell holds, as Excel's F2 puts it.
                          onFocus={(e) => e.currentTarget.setSelectionRange(draft.length, draft.length)}
                          onChange={(e) => setDraft(e.target.value)}
                          onKeyDown={onEditorKey}
                        />
                      ) : (
                        <>
                          {shownCell?.text}
                          <HeaderButton headers={headers} row={r} col={c} onOpen={setMenu} />
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="sheet-tabs" aria-label="Sheets">
        {sheets.map((name) => (
          <button key={name} type="button" aria-pressed={name === active} onClick={() => chooseSheet(name)}>
            {name}
          </button>
        ))}
      </nav>
      {menu && <HeaderMenu header={menu} fake={fake} grid={gridRef} edits={edits} run={run} enqueue={enqueue} onClose={() => (setMenu(undefined), focusGrid())} />}
      {alert !== undefined && <ExcelMessage message={alert} onClose={() => (setAlert(undefined), focusGrid())} />}
    </section>
  );
}

/** Excel's message box: modal, one OK, Enter or Escape closes it. */
function ExcelMessage({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <div className="excel-message-backdrop">
      <div role="alertdialog" aria-modal="true" aria-label="Microsoft Excel" aria-describedby="excel-message-text" className="excel-message">
        <p id="excel-message-text">{message}</p>
        <button type="button" autoFocus onClick={onClose} onKeyDown={(e) => (e.key === "Escape" ? onClose() : undefined)}>
          OK
        </button>
      </div>
    </div>
  );
}
