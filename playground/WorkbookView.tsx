/**
 * A browser workbook: sheet tabs, a formula bar and a grid of the sheet's used range. Click a
 * cell to see its formula; type in the formula bar and press Enter to write it as if typed in
 * Excel (so "=…" is a formula and TENDER functions compute). Reads go straight to the fake's
 * inspector; writes go through `run`, like the add-in's own.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { ExcelHost } from "../test/excelHost";
import type { ExcelRun } from "../src/excel/shared/excelRun";
import { columnLetter, qualified } from "../src/core/shared/addresses";

export interface WorkbookViewProps {
  fake: ExcelHost;
  run: ExcelRun;
  /** Bumped by the playground whenever the workbook changed. */
  version: number;
}

/** 0-based column index → letters, over the Excel layer's 1-based helper. */
const columnLetters = (index: number): string => columnLetter(index + 1);

/** "A1:K12" (optionally sheet-qualified) → its size. */
function sizeOf(address: string | null | undefined): { rows: number; cols: number } {
  if (!address) return { rows: 0, cols: 0 };
  const a1 = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a1);
  if (!m) return { rows: 0, cols: 0 };
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { rows: Number(m[4] ?? m[2]), cols: col(m[3] ?? m[1] ?? "A") };
}

const MAX_ROWS = 400;

/** The selected cell when it is a single cell on `sheet` ("'SV Setup'!B4"). */
function selectedCell(selection: string, sheet: string): { row: number; col: number } | null {
  const bang = selection.lastIndexOf("!");
  const name = selection.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(selection.slice(bang + 1));
  if (name !== sheet || !m) return null;
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  return String(value);
}

export function WorkbookView({ fake, run, version }: WorkbookViewProps) {
  // As in Excel, hidden and very hidden sheets get no tab (SV Record, SV Marks under blind marking).
  const sheets = fake.inspect.sheetNames().filter((name) => fake.inspect.sheet(name).visibility === "Visible");
  const [sheet, setSheet] = useState(sheets[0] ?? "");
  const [draft, setDraft] = useState("");
  const active = sheets.includes(sheet) ? sheet : (sheets[0] ?? "");
  // The selection lives in the workbook, as in Excel: "go to cell" in the pane moves it too.
  const cell = selectedCell(fake.inspect.selection(), active);

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

  // A click on a tab activates the sheet in the workbook, as in Excel, so the add-in sees the
  // sheet the user is on and a later action's activate() is what moves the view.
  const chooseSheet = (name: string): void => {
    setSheet(name);
    void run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    }).catch(() => undefined);
  };

  const used = active ? sizeOf(fake.inspect.sheet(active).usedRange) : { rows: 0, cols: 0 };
  const rows = Math.min(Math.max(used.rows, 20), MAX_ROWS);
  const cols = Math.max(used.cols, 8);
  const range = qualified(active, `A1:${columnLetters(cols - 1)}${rows}`);
  const values = active ? fake.inspect.values(range) : [];
  const formulas = active ? fake.inspect.formulas(range) : [];
  const address = cell ? `${columnLetters(cell.col)}${cell.row + 1}` : "";

  // Whenever the selected cell changes (a click here or "go to cell" in the pane), the formula
  // bar shows what it holds.
  const selectedKey = cell ? `${active}!${cell.row}:${cell.col}` : "";
  useEffect(() => {
    setDraft(cell ? show(formulas[cell.row]?.[cell.col]) : "");
  }, [selectedKey]); // runs when the selection moves

  const select = (row: number, col: number): void => {
    void run(async (context) => {
      const target = context.workbook.worksheets.getItem(active);
      target.activate();
      target.getRange(`${columnLetters(col)}${row + 1}`).select();
      await context.sync();
    });
  };

  const commit = async (): Promise<void> => {
    if (!cell || !active) return;
    await run(async (context) => {
      context.workbook.worksheets.getItem(active).getRange(address).values = [[draft]];
      await context.sync();
    });
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === "Enter") void commit();
  };

  return (
    <section className="workbook" aria-label="Workbook">
      <div className="formula-bar">
        <span className="cell-name" aria-label="Selected cell">{address || "—"}</span>
        <input aria-label="Formula bar" value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} disabled={!cell} />
      </div>
      <div className="grid-scroll">
        <table className="grid" aria-label={`Sheet ${active}`}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col">{columnLetters(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const selected = cell?.row === r && cell.col === c;
                  const fill = fake.inspect.format(qualified(active, `${columnLetters(c)}${r + 1}`)).fill;
                  return (
                    <td
                      key={c}
                      data-address={`${columnLetters(c)}${r + 1}`}
                      className={selected ? "selected" : undefined}
                      style={fill ? { background: fill } : undefined}
                      onClick={() => select(r, c)}
                    >
                      {show(values[r]?.[c])}
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
    </section>
  );
}
