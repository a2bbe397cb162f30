/**
 * Text written with Excel's apostrophe ("keep this as text", cellSafety.ts) must read back as
 * the text, without the apostrophe, on every Excel. In a General cell Excel always takes the
 * apostrophe as a prefix and stores the text alone. In a cell formatted as Text (`@`), where
 * imports and moderation write refs, names and rationales, no one has shown which way Excel goes:
 * if it keeps the apostrophe, every imported ref reads `'ECC10` and nothing matches its measure.
 *
 * So a write that adds apostrophes notes where it did, and asks Excel, in its last request, for
 * the first such cell of each run of rows in each sheet column (a few cells, no extra request).
 * Where one came back with the apostrophe, that run's Text cells take their input literally
 * (they even kept the apostrophe), so their text is written again without it. Text starting
 * with = + - @ or ' keeps its apostrophe there: written bare, Excel could take it for a formula
 * (a bidder's "=WEBSERVICE(…)"), so it is reported instead. On an Excel that strips the
 * apostrophe, as documented for typed input, this costs the probe cells and nothing else.
 * Limits: the rewrite is one request after the marks' own, unguarded (a co-author who sorts in
 * that instant would get a ref written onto another row); a request that failed at its end
 * (applyWritePlan's names) leaves the probes unread, and the check is skipped.
 */
import { FORMULA_TRIGGERS } from "./cellSafety";
import { COMMAND_BYTES, RequestBudget, jsonBytes } from "./requestBudget";
import { columnLetter, consecutiveRuns } from "../../core";

interface GuardedCell {
  /** 1-based sheet row. */
  row: number;
  /** The text the add-in meant, without the apostrophe. */
  text: string;
}

interface GuardedColumn {
  sheet: string;
  /** 1-based sheet column. */
  column: number;
  cells: GuardedCell[];
  /** One probe per run of consecutive rows: a table's rows and rows it grew over may differ in format. */
  probes: { run: GuardedCell[]; range: Excel.Range }[];
}

export class ApostropheCheck {
  private readonly columns = new Map<string, GuardedColumn>();

  /**
   * Notes the cells of a block about to be written (1-based top-left `row`, `column`) whose
   * written value is text the add-in prefixed with an apostrophe.
   */
  note(sheet: string, row: number, column: number, written: readonly (readonly unknown[])[]): void {
    written.forEach((line, i) =>
      line.forEach((value, j) => {
        if (typeof value !== "string" || !value.startsWith("'")) return;
        const key = `${sheet}\u0000${column + j}`;
        let entry = this.columns.get(key);
        if (entry === undefined) {
          entry = { sheet, column: column + j, cells: [], probes: [] };
          this.columns.set(key, entry);
        }
        entry.cells.push({ row: row + i, text: value.slice(1) });
      })
    );
  }

  /** Queues the probe reads (call after the writes are queued, before the last sync). */
  queueProbes(context: Excel.RequestContext): void {
    for (const c of this.columns.values()) {
      c.probes = consecutive(c.cells).map((run) => ({ run, range: context.workbook.worksheets.getItem(c.sheet).getRangeByIndexes((run[0] as GuardedCell).row - 1, c.column - 1, 1, 1).load("values") }));
    }
  }

  /**
   * After the sync that carried the probes: writes again, without the apostrophe, the columns
   * that kept it. Returns the cells left holding the guarded form ("SV Commitments!B12").
   */
  async settle(context: Excel.RequestContext): Promise<string[]> {
    const kept = [...this.columns.values()].flatMap((c) =>
      c.probes.filter((p) => probeValue(p.range) === `'${(p.run[0] as GuardedCell).text}`).map((p) => ({ column: c, cells: p.run }))
    );
    if (kept.length === 0) return [];
    // Only Text (@) cells keep the apostrophe; a General cell in the same run stored the text
    // alone. One read of the formats says which.
    const runs = kept.map((k) => ({ ...k, formats: context.workbook.worksheets.getItem(k.column.sheet).getRangeByIndexes((k.cells[0] as GuardedCell).row - 1, k.column.column - 1, k.cells.length, 1).load("numberFormat") }));
    await context.sync();
    const budget = new RequestBudget(context);
    const left: string[] = [];
    for (const run of runs) {
      const sheet = context.workbook.worksheets.getItem(run.column.sheet);
      const literal = run.cells.filter((_, i) => run.formats.numberFormat[i]?.[0] === "@");
      // Never bare: text Excel could read as a formula keeps its guard, and is reported.
      const risky = (cell: GuardedCell): boolean => FORMULA_TRIGGERS.has(cell.text[0] as string) || cell.text.startsWith("'");
      for (const cell of literal.filter(risky)) left.push(`${run.column.sheet}!${columnLetter(run.column.column)}${cell.row}`);
      for (const block of consecutive(literal.filter((cell) => !risky(cell)))) {
        const values = block.map((cell) => [cell.text]);
        await budget.room(COMMAND_BYTES.write + jsonBytes(values));
        sheet.getRangeByIndexes((block[0] as GuardedCell).row - 1, run.column.column - 1, block.length, 1).values = values;
      }
    }
    await budget.finish();
    return left;
  }
}

/** A probe's value, or undefined when its request did not return one (it failed after the writes). */
function probeValue(probe: Excel.Range | undefined): unknown {
  try {
    return probe?.values[0]?.[0];
  } catch {
    return undefined;
  }
}

/** Cells in runs of consecutive rows. */
function consecutive(cells: readonly GuardedCell[]): GuardedCell[][] {
  return consecutiveRuns(cells, (cell) => cell.row);
}
