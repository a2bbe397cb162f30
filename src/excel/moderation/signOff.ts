/**
 * Sign-off in the workbook: the final review, then the signed record (issue #8). What is open,
 * and the two sheets' content, are decided in core (src/core/moderation/signOffReview.ts,
 * signedRecord.ts); this module reads and writes.
 *
 * Signing does four things to the workbook, in one Excel.run after reading it (more than one
 * request only when the budget needs it; see requestBudget.ts):
 *
 * 1. Every formula in the signed sheets becomes its value (values read, then written back).
 *    TENDER formulas need the add-in: without it a reader sees #NAME?, so the record must hold
 *    numbers. The other formulas are frozen too: a native formula over an input that is still
 *    editable, or a recalculation in another Excel version, could change a signed number
 *    without anyone touching it, and the signed numbers must be exactly the ones fingerprinted.
 * 2. The signed sheets are protected, without a password. Protection stops accidental edits;
 *    it is not security (anyone can unprotect a sheet, password or not, with freely available
 *    tools), and a password the council loses would lock it out of its own record. What shows
 *    that nothing changed is the fingerprint, which Verify checks.
 * 3. A visible sheet, SV Sign-off, says who signed, when, the fingerprint, the sheets signed
 *    and how to verify.
 * 4. A very hidden sheet, SV Record, keeps the record as signed (its canonical text, in cells
 *    of at most 30,000 characters, under Excel's 32,767 limit), so Verify can say exactly what
 *    changed, and the fingerprint: SHA-256 of that text.
 */
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { orRefuse } from "../shared/refusal";
import { refuseIfCalculating } from "../shared/notReady";
import { chunkRows, COMMAND_BYTES, MAX_REQUEST_BYTES, RequestBudget, RESPONSE_CELL_BYTES, writeBytes } from "../shared/requestBudget";
import { literalText } from "../shared/cellSafety";
import { EVERYTHING, frozenValue, isFormula, RECORD_ROWS, recordSheetRows, sha256Hex, SHEETS, signerName, signOffDecision, signOffReview, signOffSheetRows, type Signature, type SignOffResult, type SignOffReview } from "../../core";
import { readModerationSnapshot } from "./readSnapshot";

export async function reviewSignOff(run: ExcelRun, options: OperationOptions = {}): Promise<SignOffReview> {
  return orRefuse(signOffReview(await readModerationSnapshot(run, EVERYTHING, options)));
}

interface Block {
  name: string;
  row: number;
  col: number;
  range: Excel.Range;
}

/**
 * The signed sheets' formulas and values, read in the same Excel.run as the freeze writes them
 * back, so no edit can fall between the two.
 */
async function readFormulaBlocks(context: Excel.RequestContext, sheets: readonly string[]): Promise<Block[]> {
  const used = sheets.map((name) => ({ name, range: context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject().load("rowIndex, columnIndex, rowCount, columnCount") }));
  await context.sync();
  const budget = new RequestBudget(context);
  const blocks: Block[] = [];
  for (const u of used) {
    if (u.range.isNullObject) continue;
    const cols = u.range.columnCount;
    const blockRows = Math.max(1, Math.floor(MAX_REQUEST_BYTES / (cols * RESPONSE_CELL_BYTES.valueAndFormula)));
    for (let start = 0; start < u.range.rowCount; start += blockRows) {
      const n = Math.min(blockRows, u.range.rowCount - start);
      await budget.room(COMMAND_BYTES.read, n * cols * RESPONSE_CELL_BYTES.valueAndFormula);
      const range = context.workbook.worksheets.getItem(u.name).getRangeByIndexes(u.range.rowIndex + start, u.range.columnIndex, n, cols).load("values, formulas");
      blocks.push({ name: u.name, row: u.range.rowIndex + start, col: u.range.columnIndex, range });
    }
  }
  await budget.finish();
  // A formula frozen while it shows #BUSY! would sign "#BUSY!" in place of its number.
  refuseIfCalculating(blocks.map((b) => ({ sheet: b.name, firstRow: b.row + 1, firstColumn: b.col + 1, rows: b.range.values })));
  return blocks;
}

/** Each block's formula cells as their values (other cells null: left alone). */
function freezeWrites(blocks: readonly Block[]): { sheet: string; row: number; col: number; values: unknown[][] }[] {
  const writes: { sheet: string; row: number; col: number; values: unknown[][] }[] = [];
  for (const r of blocks) {
    let lo = Infinity;
    let hi = -Infinity;
    r.range.formulas.forEach((row) =>
      row.forEach((f, j) => {
        if (isFormula(f)) {
          lo = Math.min(lo, j);
          hi = Math.max(hi, j);
        }
      })
    );
    if (lo === Infinity) continue;
    const values = r.range.formulas.map((row, i) => row.slice(lo, hi + 1).map((f, j) => (isFormula(f) ? frozenValue(r.range.values[i]?.[lo + j]) : null)));
    writes.push({ sheet: r.name, row: r.row, col: r.col + lo, values });
  }
  return writes;
}

export async function signOff(run: ExcelRun, signedBy: string, options: OperationOptions = {}, now: () => Date = () => new Date()): Promise<SignOffResult> {
  orRefuse(signerName(signedBy));
  const wb = await readModerationSnapshot(run, EVERYTHING, options);
  const { who, text, sheets } = orRefuse(signOffDecision(wb, signedBy));
  const fingerprint = await sha256Hex(text);
  const signature: Signature = { signedBy: who, signedAt: now().toISOString(), fingerprint, sheets };
  throwIfCancelled(options.signal);

  await run(async (context) => {
    const writes = freezeWrites(await readFormulaBlocks(context, sheets));
    const signOffRows = signOffSheetRows(signature).map((row) => row.map(literalText));
    const { head, chunks } = recordSheetRows(signature, text);
    // Everything is queued in as few requests as the budget allows; protection comes last so
    // a failure part-way leaves the sheets editable.
    const budget = new RequestBudget(context);
    await budget.room(COMMAND_BYTES.other);
    context.application.suspendApiCalculationUntilNextSync();
    for (const w of writes) {
      for (const part of chunkRows(w.values, MAX_REQUEST_BYTES / 2)) {
        const offset = w.values.indexOf(part[0] as unknown[]);
        await budget.room(writeBytes(part));
        context.workbook.worksheets.getItem(w.sheet).getRangeByIndexes(w.row + offset, w.col, part.length, (part[0] as unknown[]).length).values = part;
      }
    }
    await budget.room(writeBytes(signOffRows) + 5 * COMMAND_BYTES.other);
    const signOffSheet = context.workbook.worksheets.add(SHEETS.signOff);
    signOffSheet.getRange(`A1:B${signOffRows.length}`).values = signOffRows;
    signOffSheet.getRange("A1").format.font.bold = true;
    signOffSheet.getRange("A:A").format.columnWidth = 140;
    signOffSheet.getRange("B:B").format.columnWidth = 480;
    signOffSheet.getRange(`B1:B${signOffRows.length}`).format.wrapText = true;
    await budget.room(writeBytes(head) + COMMAND_BYTES.other);
    const recordSheet = context.workbook.worksheets.add(SHEETS.record);
    recordSheet.getRange(`A1:B${head.length}`).values = head.map((row) => row.map(literalText));
    let written = 0;
    for (const part of chunkRows(chunks, MAX_REQUEST_BYTES / 2)) {
      await budget.room(writeBytes(part));
      recordSheet.getRange(`A${RECORD_ROWS.firstChunk + written}:B${RECORD_ROWS.firstChunk + written + part.length - 1}`).values = part;
      written += part.length;
    }
    const protect = [...sheets, SHEETS.signOff, SHEETS.record];
    await budget.room((protect.length + 2) * COMMAND_BYTES.other);
    recordSheet.visibility = "VeryHidden" as Excel.SheetVisibility;
    for (const name of protect) {
      context.workbook.worksheets.getItem(name).protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true });
    }
    signOffSheet.activate();
    await budget.finish();
  });
  return { fingerprint, signedBy: who, signedAt: signature.signedAt, sheets };
}
