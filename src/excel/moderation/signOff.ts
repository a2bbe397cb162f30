/**
 * Sign-off: the final review, then the signed record (issue #8).
 *
 * Signing does four things to the workbook, in one request after reading it:
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
import { columnLetter } from "../shared/addresses";
import { chunkRows, jsonBytes, literalText, MAX_REQUEST_BYTES } from "../shared/cellSafety";
import { analyse, MODERATION_TABLES } from "./consensus";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { SETTING_NAMES, SHEETS, type SettingKey } from "../shared/layout";
import { itemKey, markRows } from "./marking";
import {
  cellOf,
  column,
  ModerationRefusal,
  readModerationWorkbook,
  RECORD_CHUNK_CHARS,
  rollUpChange,
  rollUpChangeMessage,
  RECORD_CHUNK_PREFIX,
  RECORD_ROWS,
  SIGN_OFF_LABELS,
  type ModerationWorkbook,
  type TableKey,
} from "./moderationWorkbook";
import type { OpenItem, SignOffResult, SignOffReview } from "./moderationActions";
import { parseMeasures } from "../setup/readEvaluation";
import { canonicalCell, canonicalRecord, cellError, sha256Hex, validateCommitments, type CommitmentInputRow, type EvaluationRecord, type RecordTable } from "../../core";

/** Every table of the record, in the record's order, with the columns that name a row. */
export const RECORD_TABLES: readonly { key: TableKey; rowKey: string[] }[] = [
  { key: "measures", rowKey: ["Ref"] },
  { key: "criteria", rowKey: ["Id"] },
  { key: "commitments", rowKey: ["Bidder", "Ref"] },
  { key: "answers", rowKey: ["Bidder", "Criterion"] },
  { key: "offers", rowKey: ["Bidder", "Organisation"] },
  { key: "marks", rowKey: ["Evaluator", "Bidder", "Criterion"] },
  { key: "consensus", rowKey: ["Bidder", "Criterion"] },
  { key: "scores", rowKey: ["Bidder"] },
];

/** The sheets signed, in workbook order of the plan. */
export const SIGNED_SHEETS: readonly string[] = [SHEETS.setup, SHEETS.measures, SHEETS.criteria, SHEETS.commitments, SHEETS.answers, SHEETS.offers, SHEETS.marks, SHEETS.moderation, SHEETS.scores];

const MODERATION_TABLES_ALL = Object.fromEntries(Object.keys(MODERATION_TABLES).map((k) => [k, "all"])) as Record<keyof typeof MODERATION_TABLES, "all">;

export const RECORD_READ = { tables: Object.fromEntries(RECORD_TABLES.map((t) => [t.key, "all"])) as Record<TableKey, "all"> };

/** Every table read whole: what review, sign-off and Verify look at. */
export const EVERYTHING = { tables: { ...RECORD_READ.tables, ...MODERATION_TABLES_ALL } };

/** The record as the workbook holds it now: settings and every record table, cell by cell. */
export function buildRecord(wb: ModerationWorkbook): EvaluationRecord {
  const settings = (Object.keys(SETTING_NAMES) as SettingKey[]).flatMap((key) => {
    const cell = wb.settings[key];
    return cell ? [{ name: SETTING_NAMES[key], sheet: cell.sheet, row: cell.row, column: cell.column, value: canonicalCell(cell.value) }] : [];
  });
  const tables: RecordTable[] = [];
  for (const { key, rowKey } of RECORD_TABLES) {
    const t = wb.tables[key];
    if (!t) continue;
    tables.push({ name: t.name, sheet: t.sheet, headers: t.headers, rows: t.rows.map((r) => r.map(canonicalCell)), firstRow: t.firstRow, firstColumn: t.firstColumn, key: rowKey });
  }
  return { format: "sv-record/1", settings, tables };
}

function at(sheet: string, row: number, col: number): { sheet: string; address: string } {
  return { sheet, address: `${columnLetter(col)}${row}` };
}

/** Everything that stops sign-off, read from one look at the workbook. */
export function reviewOf(wb: ModerationWorkbook): SignOffReview {
  const open: OpenItem[] = [];
  if (wb.record) {
    open.push({ kind: "signed", message: `The record was already signed off by ${wb.record.signedBy} on ${wb.record.signedAt}. Use Verify to check it.` });
    return { open, ready: false, alreadySigned: { signedBy: wb.record.signedBy, signedAt: wb.record.signedAt, fingerprint: wb.record.fingerprint } };
  }
  if (wb.sheets.has(SHEETS.signOff)) open.push({ kind: "signed", message: `A sheet named ${SHEETS.signOff} exists but no signed record goes with it. Rename or delete that sheet, then sign off.`, sheet: SHEETS.signOff });
  for (const name of SIGNED_SHEETS) {
    if (wb.sheets.get(name)?.protected) open.push({ kind: "protection", message: `${name} is protected. Unprotect it (Review > Unprotect Sheet) so sign-off can freeze its values; sign-off protects it again.`, sheet: name });
  }

  const a = analyse(wb);
  // The roll-up decides every qualitative score, and the panel fixed it before marking: a
  // change afterwards must be undone before the record is signed (issue #8).
  const changed = rollUpChange(wb, a.panel.rollUp);
  if (changed) {
    const cell = wb.settings.rollUp;
    open.push({ kind: "rollUp", message: rollUpChangeMessage(changed), ...(cell ? at(cell.sheet, cell.row, cell.column) : { sheet: SHEETS.setup }) });
  }
  if (a.bidders.length === 0) open.push({ kind: "moderation", message: "There are no bids to sign off: no bidder is listed on SV Scores or SV Commitments." });
  if (a.criteria.length === 0) open.push({ kind: "moderation", message: "SV Criteria lists no criteria, so nothing was marked." });
  const marks = wb.tables.marks;
  const markRowOf = new Map(marks ? markRows(marks).map((m) => [itemKey(m.evaluator, m.bidder, m.criterion), m.row]) : []);
  const consensus = wb.tables.consensus;
  const consensusCol = consensus ? consensus.firstColumn + Math.max(0, column(consensus, "Consensus")) : 1;
  const markCol = marks ? marks.firstColumn + Math.max(0, column(marks, "Mark")) : 1;

  for (const item of a.items) {
    const where = item.row !== undefined ? at(SHEETS.moderation, item.row, consensusCol) : {};
    const name = `${item.bidder}, ${item.criterion}`;
    const blocking = item.rationaleIssues.filter((i) => i.severity !== "warning");
    if (item.status === "open") {
      const why =
        blocking.length > 0
          ? `the rationale cannot close it: ${blocking[0]?.message}`
          : item.consensus === null && a.panel.rollUp === "consensus"
            ? "no consensus mark is recorded yet."
            : "not every evaluator has given a mark on the scale yet.";
      open.push({ kind: "moderation", message: `${name}: ${why}`, ...where });
    } else if (item.flagged && item.consensus === null) {
      open.push({ kind: "moderation", message: `${name}: the marks are more than ${a.panel.moderationThreshold} apart and the panel has not recorded a consensus and rationale for it.`, ...where });
    } else if (blocking.length > 0) {
      open.push({ kind: "moderation", message: `${name}: ${blocking[0]?.message}`, ...where });
    } else if (item.consensus !== null && item.agreedBy.trim() === "") {
      // A consensus typed straight into the sheet: the record must say who agreed it.
      const agreedCol = consensus ? consensus.firstColumn + Math.max(0, column(consensus, "AgreedBy")) : 1;
      open.push({
        kind: "moderation",
        message: `${name}: the consensus mark has no record of who agreed it. Record it from the Moderation page, or type the panel members' names in AgreedBy.`,
        ...(item.row !== undefined ? at(SHEETS.moderation, item.row, agreedCol) : {}),
      });
    }
    for (const p of item.problems) {
      if (p.code === "consensus-without-rationale") continue; // said above
      const row = p.evaluator !== undefined ? markRowOf.get(itemKey(p.evaluator, item.bidder, item.criterion)) : p.row;
      const sheet = p.code.startsWith("consensus") || p.code === "repeated-consensus" ? SHEETS.moderation : SHEETS.marks;
      open.push({ kind: "marks", message: `${p.message.charAt(0).toUpperCase()}${p.message.slice(1)}.`, ...(row !== undefined ? at(sheet, row, sheet === SHEETS.marks ? markCol : consensusCol) : { sheet }) });
    }
  }

  // Commitments: validation errors must be resolved before the record is signed.
  const measures = wb.tables.measures;
  const commitments = wb.tables.commitments;
  if (measures && commitments) {
    const { measures: entries } = parseMeasures(measures.headers, measures.rows, measures.firstRow);
    const rows: CommitmentInputRow[] = commitments.rows.map((row, i) => ({
      row: commitments.firstRow + i,
      bidder: cellOf(commitments, row, "Bidder"),
      ref: cellOf(commitments, row, "Ref"),
      unit: cellOf(commitments, row, "Unit"),
      quantity: cellOf(commitments, row, "Quantity"),
      evidence: cellOf(commitments, row, "Evidence"),
    }));
    const cv = wb.settings.contractValue?.value;
    const result = validateCommitments(rows, entries, typeof cv === "number" && cv > 0 ? { contractValue: cv } : {});
    for (const f of result.findings) {
      if (f.severity !== "error") continue;
      const c = column(commitments, f.column);
      open.push({ kind: "validation", message: `${f.code} row ${f.row}: ${f.message}`, ...at(SHEETS.commitments, f.row, commitments.firstColumn + Math.max(0, c)) });
    }
  }

  // Scores: an error in a score cell means a number the record would not hold.
  const scores = wb.tables.scores;
  if (scores) {
    scores.rows.forEach((row, i) => {
      row.forEach((cell, c) => {
        const error = cellError(cell);
        if (error !== undefined) open.push({ kind: "scores", message: `SV Scores row ${scores.firstRow + i}, ${scores.headers[c]}: the cell shows ${error}. Fix what it depends on before signing.`, ...at(SHEETS.scores, scores.firstRow + i, scores.firstColumn + c) });
      });
    });
  }
  return { open, ready: open.length === 0 };
}

export async function reviewSignOff(run: ExcelRun, options: OperationOptions = {}): Promise<SignOffReview> {
  const wb = await readModerationWorkbook(run, EVERYTHING, options);
  return reviewOf(wb);
}

/** A value written back over its formula: text always as text (a leading apostrophe), so "12" or "=x" stay what they were. */
function frozen(value: unknown): unknown {
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return "";
}

function isFormula(cell: unknown): boolean {
  return typeof cell === "string" && cell.startsWith("=");
}

/** Bytes per cell read with both values and formulas, to size read blocks. */
const BYTES_PER_FORMULA_CELL = 120;

export async function signOff(run: ExcelRun, signedBy: string, options: OperationOptions = {}, now: () => Date = () => new Date()): Promise<SignOffResult> {
  const who = String(signedBy ?? "").trim();
  if (who === "") throw new ModerationRefusal("Say who signs the record off: their name is written on SV Sign-off.");
  const wb = await readModerationWorkbook(run, EVERYTHING, options);
  const review = reviewOf(wb);
  if (!review.ready) {
    const first = review.open.slice(0, 3).map((o) => o.message);
    throw new ModerationRefusal(`The record cannot be signed yet: ${review.open.length} thing${review.open.length === 1 ? " is" : "s are"} still open. ${first.join(" ")}${review.open.length > 3 ? " See the final review for the rest." : ""}`);
  }
  const text = canonicalRecord(buildRecord(wb));
  const fingerprint = await sha256Hex(text);
  const signedAt = now().toISOString();
  const sheets = SIGNED_SHEETS.filter((s) => wb.sheets.has(s));
  throwIfCancelled(options.signal);

  await run(async (context) => {
    // The signed sheets' used ranges, then their formulas and values in blocks.
    const used = sheets.map((name) => ({ name, range: context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject().load("rowIndex, columnIndex, rowCount, columnCount") }));
    await context.sync();
    const reads: { name: string; row: number; col: number; range: Excel.Range }[] = [];
    const groups: (typeof reads)[] = [[]];
    let bytes = 0;
    for (const u of used) {
      if (u.range.isNullObject) continue;
      const cols = u.range.columnCount;
      const blockRows = Math.max(1, Math.floor(MAX_REQUEST_BYTES / (cols * BYTES_PER_FORMULA_CELL)));
      for (let start = 0; start < u.range.rowCount; start += blockRows) {
        const n = Math.min(blockRows, u.range.rowCount - start);
        const cost = n * cols * BYTES_PER_FORMULA_CELL;
        if (bytes > 0 && bytes + cost > MAX_REQUEST_BYTES) {
          groups.push([]);
          bytes = 0;
        }
        bytes += cost;
        (groups[groups.length - 1] as typeof reads).push({ name: u.name, row: u.range.rowIndex + start, col: u.range.columnIndex, range: context.workbook.worksheets.getItem(u.name).getRangeByIndexes(u.range.rowIndex + start, u.range.columnIndex, n, cols) });
      }
    }
    for (const group of groups) {
      for (const r of group) r.range.load("values, formulas");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per group keeps each response under Excel's 5 MB limit
      if (group.length > 0) await context.sync();
      reads.push(...group);
    }

    // Writes: each block's formula cells become their values (other cells: null, left alone).
    const writes: { sheet: string; row: number; col: number; values: unknown[][] }[] = [];
    for (const r of reads) {
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
      const values = r.range.formulas.map((row, i) => row.slice(lo, hi + 1).map((f, j) => (isFormula(f) ? frozen(r.range.values[i]?.[lo + j]) : null)));
      writes.push({ sheet: r.name, row: r.row, col: r.col + lo, values });
    }
    const signOffRows: unknown[][] = [
      ["Social value evaluation: signed record", ""],
      ["", ""],
      [SIGN_OFF_LABELS.signedBy, literalText(who)],
      [SIGN_OFF_LABELS.signedAt, signedAt],
      [SIGN_OFF_LABELS.fingerprint, fingerprint],
      [SIGN_OFF_LABELS.sheets, sheets.join(", ")],
      [
        SIGN_OFF_LABELS.verify,
        "In the Social Value pane, Moderation > Verify recomputes the fingerprint from the signed sheets and lists every change since sign-off. Copy the fingerprint above into the tender file now: one kept only in this workbook can be re-made by anyone who can edit it.",
      ],
      [
        "Protection",
        "The signed sheets are protected without a password to prevent accidental edits. Protection is not security: the fingerprint is what shows the record is unchanged.",
      ],
    ];
    const chunks = chunkText(text, RECORD_CHUNK_CHARS).map((c, i) => [i + 1, `${RECORD_CHUNK_PREFIX}${c}`]);
    const head: unknown[][] = [
      ["Fingerprint", fingerprint],
      ["SignedBy", literalText(who)],
      ["SignedAt", signedAt],
      ["Sheets", sheets.join(", ")],
      ["Chunks", chunks.length],
    ];

    // Everything is queued in as few requests as the payload allows; protection comes last so
    // a failure part-way leaves the sheets editable.
    let queued = 0;
    const flush = async (cost: number): Promise<void> => {
      if (queued > 0 && queued + cost > MAX_REQUEST_BYTES) {
        await context.sync();
        queued = 0;
      }
      queued += cost;
    };
    context.application.suspendApiCalculationUntilNextSync();
    for (const w of writes) {
      for (const part of chunkRows(w.values, MAX_REQUEST_BYTES / 2)) {
        const offset = w.values.indexOf(part[0] as unknown[]);
        await flush(jsonBytes(part) + 64);
        context.workbook.worksheets.getItem(w.sheet).getRangeByIndexes(w.row + offset, w.col, part.length, (part[0] as unknown[]).length).values = part;
      }
    }
    await flush(jsonBytes(signOffRows) + 512);
    const signOffSheet = context.workbook.worksheets.add(SHEETS.signOff);
    signOffSheet.getRange(`A1:B${signOffRows.length}`).values = signOffRows;
    signOffSheet.getRange("A1").format.font.bold = true;
    signOffSheet.getRange("A:A").format.columnWidth = 140;
    signOffSheet.getRange("B:B").format.columnWidth = 480;
    signOffSheet.getRange(`B1:B${signOffRows.length}`).format.wrapText = true;
    const recordSheet = context.workbook.worksheets.add(SHEETS.record);
    recordSheet.getRange(`A1:B${head.length}`).values = head;
    let written = 0;
    for (const part of chunkRows(chunks, MAX_REQUEST_BYTES / 2)) {
      await flush(jsonBytes(part) + 64);
      recordSheet.getRange(`A${RECORD_ROWS.firstChunk + written}:B${RECORD_ROWS.firstChunk + written + part.length - 1}`).values = part;
      written += part.length;
    }
    recordSheet.visibility = "VeryHidden" as Excel.SheetVisibility;
    for (const name of [...sheets, SHEETS.signOff, SHEETS.record]) {
      context.workbook.worksheets.getItem(name).protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true });
    }
    signOffSheet.activate();
    await context.sync();
  });
  return { fingerprint, signedBy: who, signedAt, sheets };
}

/** Splits text into pieces of at most `size` UTF-16 units, never inside a surrogate pair. */
export function chunkText(text: string, size: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out.length > 0 ? out : [""];
}
