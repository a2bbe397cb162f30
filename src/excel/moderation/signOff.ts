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
import { ModerationRefusal, orRefuse } from "../shared/refusal";
import { describeOfficeError } from "../shared/officeErrors";
import { refuseIfCalculating } from "../shared/notReady";
import { chunkRows, COMMAND_BYTES, MAX_REQUEST_BYTES, RequestBudget, RESPONSE_CELL_BYTES, writeBytes } from "../shared/requestBudget";
import { keptAsText } from "../shared/cellSafety";
import { EVERYTHING, frozenValue, RECORD_ROWS, verifyRecord, recordSheetRows, sha256Hex, SHEETS, signerName, signOffDecision, signOffReview, signOffSheetRows, type Signature, type SignOffResult, type SignOffReview } from "../../core";
import { readModerationSnapshot } from "./readSnapshot";

export async function reviewSignOff(run: ExcelRun, options: OperationOptions = {}): Promise<SignOffReview> {
  return orRefuse(signOffReview(await readModerationSnapshot(run, EVERYTHING, options)));
}

interface Block {
  name: string;
  /** 0-based sheet row and column of the block's top-left cell. */
  row: number;
  col: number;
  /** Every cell of the block holds a formula: their values, as read. */
  values: unknown[][];
}

/**
 * The signed sheets' formula cells and their values, read in the same Excel.run as the freeze
 * writes them back, so no edit can fall between the two. Only cells that hold a formula are
 * read: Excel is asked where they are (getSpecialCells "Formulas"; each area's position, then
 * its values), so the written answers and comments, which hold no formula and can run to
 * thousands of characters, never travel. Blocks are sized on the cells' count under the
 * response budget.
 */
async function readFormulaBlocks(context: Excel.RequestContext, sheets: readonly string[], afterFirstRequest: () => void): Promise<Block[]> {
  const used = sheets.map((name) => ({ name, range: context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject().load("address") }));
  await context.sync();
  afterFirstRequest();
  const searches = used
    .filter((u) => !u.range.isNullObject)
    .map((u) => ({ name: u.name, found: u.range.getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType).load("areaCount") }));
  await context.sync();
  const areas = searches.filter((f) => !f.found.isNullObject).map((f) => ({ name: f.name, areas: f.found.areas.load("items/rowIndex, items/columnIndex, items/rowCount, items/columnCount") }));
  if (areas.length > 0) await context.sync();
  const budget = new RequestBudget(context);
  const blocks: Block[] = [];
  for (const { name, areas: collection } of areas) {
    for (const area of collection.items) {
      const blockRows = Math.max(1, Math.floor(MAX_REQUEST_BYTES / (area.columnCount * RESPONSE_CELL_BYTES.valueAndFormula)));
      for (let start = 0; start < area.rowCount; start += blockRows) {
        const n = Math.min(blockRows, area.rowCount - start);
        const block: Block = { name, row: area.rowIndex + start, col: area.columnIndex, values: new Array<unknown[]>(n) };
        blocks.push(block);
        // A formula can return long text: read again in halves if the response is too large.
        await budget.read(
          {
            rows: n,
            load: (offset, rows) => context.workbook.worksheets.getItem(name).getRangeByIndexes(block.row + offset, block.col, rows, area.columnCount).load("values"),
            deliver: (offset, values) => values.forEach((row, i) => (block.values[offset + i] = row)),
          },
          n * area.columnCount * RESPONSE_CELL_BYTES.valueAndFormula
        );
      }
    }
  }
  await budget.finish();
  // A formula frozen while it shows #BUSY! would sign "#BUSY!" in place of its number.
  refuseIfCalculating(blocks.map((b) => ({ sheet: b.name, firstRow: b.row + 1, firstColumn: b.col + 1, rows: b.values })));
  return blocks;
}

/** Each block's values, as the cells' frozen contents. */
function freezeWrites(blocks: readonly Block[]): { sheet: string; row: number; col: number; values: unknown[][] }[] {
  return blocks.map((b) => ({ sheet: b.name, row: b.row, col: b.col, values: b.values.map((row) => row.map(frozenValue)) }));
}

export async function signOff(run: ExcelRun, signedBy: string, options: OperationOptions = {}, now: () => Date = () => new Date()): Promise<SignOffResult> {
  orRefuse(signerName(signedBy));
  const wb = await readModerationSnapshot(run, EVERYTHING, options);
  const { who, text, sheets } = orRefuse(signOffDecision(wb, signedBy));
  const fingerprint = await sha256Hex(text);
  const signature: Signature = { signedBy: who, signedAt: now().toISOString(), fingerprint, sheets };
  throwIfCancelled(options.signal);

  await run(async (context) => {
    // Someone else may have signed since the review read the workbook: their sheets must not be
    // written over, nor taken away by an undo below.
    const already = [SHEETS.signOff, SHEETS.record].map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    const notSignedMeanwhile = (): void => {
      if (already.some((sheet) => !sheet.isNullObject)) {
        throw new ModerationRefusal(`${SHEETS.signOff} appeared while sign-off was starting: someone else may just have signed. Nothing was changed. Run Verify to see the record.`);
      }
    };
    const writes = freezeWrites(await readFormulaBlocks(context, sheets, notSignedMeanwhile));
    // New sheets' cells are General: every text as text, so a name or a chunk of the record
    // such as "1.10" or "3/4" is not read as a number or a date.
    const signOffRows = signOffSheetRows(signature).map((row) => row.map(keptAsText));
    const { head, chunks } = recordSheetRows(signature, text);
    // Everything is queued in as few requests as the budget allows; protection comes last so
    // a failure part-way leaves the sheets editable.
    try {
      await writeSignedRecord(context, { writes, signOffRows, head, chunks, sheets });
    } catch (error) {
      const left = await undoPartialSignOff(context, sheets);
      const undone =
        left.length === 0
          ? "Nothing was signed: the sheets sign-off added were removed and none is left protected by it."
          : `Nothing was signed, but this could not be undone: ${left.join("; ")}. Put that right by hand.`;
      throw new ModerationRefusal(
        `Sign-off stopped part-way (${describeOfficeError(error)}). ${undone} Some formulas may already show their values instead (the same values: no figure changed). ` +
          "Put right what stopped it, then run Sign off again to finish."
      );
    }
  });
  // The freeze reads the formulas' values in its own request, after the snapshot that was
  // fingerprinted: an edit in between would sign one thing and freeze another. Verify, at once,
  // says whether that happened (the sheets are protected now, so nothing more slips in).
  const check = await verifyRecord(await readModerationSnapshot(run, EVERYTHING, options));
  return { fingerprint, signedBy: who, signedAt: signature.signedAt, sheets, changedDuringSignOff: check.status === "changed" ? check.changes : [] };
}

/**
 * After a failure part-way: the workbook back to a state Sign off can start from again. The
 * frozen formulas stay frozen (their values, as fingerprinted); the sheets this sign-off added
 * go (none existed when it started: checked above), and the signed sheets lose the protection it
 * may have given them (the review refuses a sheet protected before). Returns what is left undone,
 * in the user's words; a sheet someone else protected with a password stays protected.
 */
async function undoPartialSignOff(context: Excel.RequestContext, sheets: readonly string[]): Promise<string[]> {
  const left: string[] = [];
  for (const name of [SHEETS.signOff, SHEETS.record]) {
    try {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name).load("visibility");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sheet per request: one failure stops only itself
      await context.sync();
      if (sheet.isNullObject) continue;
      sheet.protection.unprotect();
      // A very hidden sheet cannot be deleted as it is.
      if (sheet.visibility !== "Visible") sheet.visibility = "Visible" as Excel.SheetVisibility;
      sheet.delete();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- as above
      await context.sync();
    } catch {
      left.push(`${name} is still in the workbook`);
    }
  }
  for (const name of sheets) {
    try {
      const protection = context.workbook.worksheets.getItem(name).protection.load("protected");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- as above
      await context.sync();
      if (!protection.protected) continue;
      protection.unprotect();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- as above
      await context.sync();
    } catch {
      left.push(`${name} is still protected (with a password someone else set?)`);
    }
  }
  return left;
}

interface RecordWrites {
  writes: ReturnType<typeof freezeWrites>;
  signOffRows: unknown[][];
  head: unknown[][];
  chunks: unknown[][];
  sheets: readonly string[];
}

async function writeSignedRecord(context: Excel.RequestContext, { writes, signOffRows, head, chunks, sheets }: RecordWrites): Promise<void> {
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
  recordSheet.getRange(`A1:B${head.length}`).values = head.map((row) => row.map(keptAsText));
  let written = 0;
  for (const part of chunkRows(chunks, MAX_REQUEST_BYTES / 2)) {
    await budget.room(writeBytes(part) + part.length * 2);
    recordSheet.getRange(`A${RECORD_ROWS.firstChunk + written}:B${RECORD_ROWS.firstChunk + written + part.length - 1}`).values = part.map((row) => row.map(keptAsText));
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
}
