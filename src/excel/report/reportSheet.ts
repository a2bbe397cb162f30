/**
 * What the three report sheets (SV Summaries, SV Report, SV Register) share: they are the
 * add-in's own output, rebuilt from the workbook each time. A rebuild replaces the sheet only
 * when A2 carries the add-in's note (BUILT_MARKER); a sheet of that name the user made is
 * never touched (Excel cannot undo add-in writes).
 *
 * A draft collects the cells, formats and widths of a sheet, then queues them as a handful
 * of range writes — one per block, not per cell — so the whole sheet goes in one request.
 */
import { RefusalError } from "../shared/refusal";
import { blockAddress, columnLetter } from "../../core";
import { keptAsText } from "../shared/cellSafety";
import { COMMAND_BYTES, jsonBytes, MAX_REQUEST_BYTES, packParts } from "../shared/requestBudget";
import { BUILT_MARKER, type ExistingSheet } from "./readReportData";

/** Thrown when building would overwrite something of the user's; nothing was written. */
export class ReportRefusedError extends RefusalError {
  constructor(message: string) {
    super(message);
    this.name = "ReportRefusedError";
  }
}

export function assertOurs(target: ExistingSheet, sheetName: string): void {
  if (target.exists && !target.ours) {
    throw new ReportRefusedError(
      `This workbook already has a sheet called "${sheetName}" that the add-in did not build, so it was left as it is and nothing was written. Rename or move that sheet, then build again.`
    );
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "22 Nov 2026 at 04:50", in the machine's local time, written by hand so every host prints the same. */
export function whenText(now: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${now.getDate()} ${MONTHS[now.getMonth()]} ${now.getFullYear()} at ${two(now.getHours())}:${two(now.getMinutes())}`;
}

export function builtNote(now: Date): string {
  return `${BUILT_MARKER} on ${whenText(now)} from the figures in this workbook. It is rebuilt (replaced) each time; build it again after any change.`;
}

export interface BlockStyle {
  /** One format for every cell, or one per column. */
  numberFormat?: string | readonly string[];
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  fill?: string;
}

interface Block {
  row: number;
  col: number;
  values: unknown[][];
  style: BlockStyle;
}

/**
 * Cells of one sheet, 1-based rows and columns. Every text is written as text (keptAsText): the
 * report's cells are General, where Excel would read a ref "1.10" as 1.1, "3/4" as a date and
 * "=…" as a formula.
 */
export class SheetDraft {
  private readonly blocks: Block[] = [];
  private readonly widths = new Map<number, number>();

  /** Writes a rectangle of values; `formulas` marks strings that are formulas on purpose. */
  put(row: number, col: number, values: unknown[][], style: BlockStyle = {}, formulas = false): void {
    if (values.length === 0 || (values[0]?.length ?? 0) === 0) return;
    const width = Math.max(...values.map((r) => r.length));
    const padded = values.map((r) => [...r, ...Array<unknown>(width - r.length).fill("")].map((v) => (v === null || v === undefined ? "" : formulas ? v : keptAsText(v))));
    this.blocks.push({ row, col, values: padded, style });
  }

  width(col: number, points: number): void {
    this.widths.set(col, points);
  }

  /** Queues every write on the sheet (no sync). */
  apply(sheet: Excel.Worksheet): void {
    for (const b of this.blocks) {
      const rows = b.values.length;
      const cols = (b.values[0] ?? []).length;
      const range = sheet.getRange(blockAddress(b.row, b.col, rows, cols));
      // The format first: Excel reads what is written in the light of the cell's format.
      const fmt = b.style.numberFormat;
      if (fmt !== undefined) range.numberFormat = b.values.map(() => Array.from({ length: cols }, (_, j) => (typeof fmt === "string" ? fmt : (fmt[j] ?? "General"))));
      range.values = b.values;
      if (b.style.bold) range.format.font.bold = true;
      if (b.style.italic) range.format.font.italic = true;
      if (b.style.wrap) range.format.wrapText = true;
      if (b.style.fill) range.format.fill.color = b.style.fill;
    }
    for (const [col, points] of this.widths) {
      const letter = columnLetter(col);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = points;
    }
  }
}

/** What one part of a long block may take of a request: half of it, leaving room for the sheet's other commands. */
export const DRAFT_PART_BYTES = MAX_REQUEST_BYTES / 2;

/**
 * Rows written from (`row`, `col`) as drafts of at most `maxBytes` each, one request's worth
 * apiece (queue each after RequestBudget.room(bytes)): thousands of long rows would pass Excel's
 * 5 MB request limit as one block.
 */
export function rowDrafts(row: number, col: number, values: readonly unknown[][], style: BlockStyle, maxBytes: number = DRAFT_PART_BYTES): { draft: SheetDraft; bytes: number }[] {
  if (values.length === 0) return [];
  const bytesOf = (i: number): number => jsonBytes(values[i]) + 1;
  return packParts(values.length, bytesOf, maxBytes).map(([from, to]) => {
    const draft = new SheetDraft();
    draft.put(row + from, col, values.slice(from, to), style);
    let bytes = COMMAND_BYTES.write + COMMAND_BYTES.other;
    for (let i = from; i < to; i++) bytes += bytesOf(i);
    return { draft, bytes };
  });
}

/** Replaces the add-in's sheet (or adds it): queued, no sync. */
export function freshSheet(context: Excel.RequestContext, name: string, exists: boolean): Excel.Worksheet {
  if (exists) context.workbook.worksheets.getItem(name).delete();
  return context.workbook.worksheets.add(name);
}
