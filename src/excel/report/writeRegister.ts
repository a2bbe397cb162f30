/**
 * SV Register: the winning bid's commitments for contract monitoring (core register.ts), as
 * the table SV_Register — one header row, no merged cells, one commitment per row — so Power BI
 * or a contract manager's own sheet can read it by name. Beside it, the KPIs councils report
 * (committed vs delivered, as live SUMIFS over the table so they follow what is entered) and
 * the bidder's community offers. To the right of those, the bidder's written answers to the
 * tender's criteria as written (Thurrock: what a bidder undertakes in its answers becomes part
 * of the contract), so the contract manager holds the bidder to its words as well as its numbers.
 *
 * The answers block has columns of its own (V to X) rather than a place below the offers: its
 * text needs a wide column, which the KPI block's narrow Unit and Committed columns are not, and
 * it must not sit below SV_Register, which grows downwards as commitments are added. It is not
 * a named table: the answers are words to hold the bidder to, not figures to monitor, and a
 * table name would be one more name frozen in users' workbooks. Wrapped answers make their rows
 * taller, the register's rows beside them included; Excel stops a row at 409 points and the
 * whole text stays in the cell.
 *
 * A tender scored on answers alone (Southend 2050, the PPN 002 model) may have a winner with no
 * commitments: the register is then its answers, with an SV_Register of no commitment rows
 * (Excel keeps one blank data row in a table; its Status stays blank and the KPIs read 0), ready
 * for any commitment the contract adds. With neither commitments nor answers it is refused.
 *
 * Due date and Delivered are the contract manager's inputs. A rebuild keeps them, matched by
 * bidder and Ref; if any entered value would have nowhere to go (the register is being built
 * for another bidder, or that commitment is gone), the rebuild is refused and nothing is written.
 *
 * Cost: the reads of readReportData (which also reads the old register, and SV_Answers' Bidder
 * and Criterion columns in the same requests, not its answers), then one Excel.run: a request to
 * look for a leftover register; one to read the chosen bidder's answers only, by runs of
 * consecutive rows (none when it has none; one more per 4 MB of answers, or when Excel refuses a
 * response as too large); one to write (more only when the answers pass 2 MB); one to remove the
 * register replaced; and the client's release of the ranges used.
 */
import {
  bidderKey,
  blockAddress,
  columnLetter,
  consecutiveRuns,
  criterionKey,
  FORMATS,
  KPI_LABELS,
  MAX_CELL_CHARS,
  registerAnswers,
  registerEntryKey,
  registerKpis,
  registerRows,
  SETTING_NAMES,
  SHEETS,
  TABLES,
  validateCommitments,
  type RegisterAnswer,
  type RegisterEntry,
  type RegisterKpi,
  type RegisterRow,
} from "../../core";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { keptAsText } from "../shared/cellSafety";
import { COMMAND_BYTES, jsonBytes, MAX_REQUEST_BYTES, RequestBudget, RESPONSE_CELL_BYTES } from "../shared/requestBudget";
import { numberIn, readReportData, records, textIn, type AnswerIndex, type ReportData, type TableRows } from "./readReportData";
import { refuseWhileHeld, reportFigures } from "./reportFigures";
import { assertOurs, builtNote, ReportRefusedError, rowDrafts, SheetDraft } from "./reportSheet";
import { offersByBidder, readOffers } from "./writeReport";

/** SV_Register's columns, in order. KPI names the KPI a row feeds (blank for none), for grouping in Power BI. */
export const REGISTER_COLUMNS = ["Bidder", "Ref", "Measure", "Theme", "Unit", "Committed", "Value £", "Due date", "Delivered", "Evidence", "Status", "KPI"] as const;

/**
 * Status, the rule of core registerStatus: Delivered, then Behind (due date passed), then Not
 * started, else On track; blank on a row with no Ref (the blank row of a register of answers only).
 */
export const STATUS_FORMULA =
  '=IF([@Ref]="","",IF(AND(ISNUMBER([@Delivered]),[@Delivered]>=[@Committed]),"Delivered",' +
  'IF(AND(ISNUMBER([@[Due date]]),TODAY()>[@[Due date]]),"Behind",' +
  'IF(OR([@Delivered]="",[@Delivered]=0),"Not started","On track"))))';

export const DATE_FORMAT = "dd/mm/yyyy";
const TABLE_TOP = 4;
/** The KPI block starts in column O, clear of the table so the table can grow downwards. */
const KPI_COLUMN = REGISTER_COLUMNS.length + 3;
/** The answers block starts in column V, clear of the KPI block's six columns (see the module comment). */
const ANSWERS_COLUMN = KPI_COLUMN + 7;
/** Answers written in one request at most: the rest of the register's write has the other half of the budget. */
const ANSWER_PART_BYTES = MAX_REQUEST_BYTES / 2;

export interface RegisterWritten {
  sheet: string;
  bidder: string;
  rows: RegisterRow[];
  kpis: RegisterKpi[];
  offers: number;
  /** Rows whose Due date or Delivered were kept from the previous register. */
  kept: number;
  /** The bidder's written answers, as the register lists them. */
  answers: RegisterAnswer[];
}

export async function buildRegister(run: ExcelRun, bidder?: string, options: OperationOptions = {}, now: Date = new Date()): Promise<RegisterWritten> {
  const data = await readReportData(run, SHEETS.register, options, [TABLES.register], true);
  assertOurs(data.target, SHEETS.register);
  const contractValue = numberIn(data.settings.contractValue) ?? 0;
  const who = chooseBidder(data, bidder);

  const validation = validateCommitments(data.commitments, data.measures, contractValue > 0 ? { contractValue } : {});
  const evidenceByRow = new Map(data.commitments.map((c) => [c.row, textIn(c.evidence)]));
  const commitments = validation.commitments.map((c) => ({ ...c, evidence: evidenceByRow.get(c.row) ?? "" }));
  const kept = keptEntries(data, who, entryKeys(registerRows(who, commitments, data.measures)));
  const rows = registerRows(who, commitments, data.measures, kept);
  const nothing = `${who} has no commitments on ${SHEETS.commitments} and no written answers on ${SHEETS.answers}, so there is nothing to register.`;
  if (rows.length === 0) {
    const any = data.commitments.some((c) => bidderKey(textIn(c.bidder)) === bidderKey(who));
    if (any) throw new ReportRefusedError(`${who} has no commitments that pass validation, so there is nothing to register. Run Validate to see why.`);
    if (answerRowsOf(data.answerIndex, who).length === 0) throw new ReportRefusedError(nothing);
  }
  const criteria = records(data.criteria).map((r) => ({ id: textIn(r("Id")), question: textIn(r("Criterion")) }));
  const kpis = registerKpis(rows, contractValue);
  const offers = offersByBidder(readOffers(data.offers), [who]).find((g) => bidderKey(g.bidder) === bidderKey(who))?.offers ?? [];

  const body = rows.map((r) => [r.bidder, r.ref, r.measure, r.theme, r.unit, r.committed, r.value, r.dueDate, r.delivered, r.evidence, "", r.kpi ? KPI_LABELS[r.kpi] : ""]);
  const draft = new SheetDraft();
  draft.put(1, 1, [[`Commitments register: ${who}`]], { bold: true });
  draft.put(2, 1, [[`${builtNote(now)} Enter Due date and Delivered as the contract runs; a rebuild keeps them.`]], { italic: true });
  draft.put(TABLE_TOP, 1, [[...REGISTER_COLUMNS]], { bold: true });
  draft.put(TABLE_TOP + 1, 1, body, {
    numberFormat: ["General", "General", "General", "General", "General", FORMATS.number, FORMATS.gbp, DATE_FORMAT, FORMATS.number, "General", "General", "General"],
  });
  [140, 60, 260, 120, 70, 80, 90, 80, 80, 200, 80, 130].forEach((w, i) => draft.width(i + 1, w));
  // The KPI formulas name SV_Register, so they are written once the table exists.
  const kpiDraft = new SheetDraft();
  kpiBlock(kpiDraft, kpis, offers);

  throwIfCancelled(options.signal);
  const answers = await run(async (context) => {
    // The register in use is set aside, not deleted, in the request that builds the new one, and
    // its entries are read there: if someone entered a Due date or a Delivered figure since they
    // were read above, the new register would lack it, so the old one is put back instead.
    const leftover = context.workbook.worksheets.getItemOrNullObject(ASIDE.sheet);
    await context.sync();
    if (!leftover.isNullObject) {
      throw new ReportRefusedError(
        `The workbook still has "${ASIDE.sheet}", a register an earlier rebuild set aside and could not put back. It may hold the only copy of Due date and Delivered entries: copy them to ${SHEETS.register} (or rename that sheet back), delete it, then build again.`
      );
    }
    // Nothing is written until the answers are read, so a register that would hold nothing is refused untouched.
    const answers = registerAnswers(await readBidderAnswers(context, data.answerIndex, who, options.signal), criteria);
    if (rows.length === 0 && answers.length === 0) throw new ReportRefusedError(nothing);
    const parts = answerDrafts(answersBlock(kpiDraft, who, answers));
    if (answers.length > 0) {
      const where = `columns ${columnLetter(ANSWERS_COLUMN)} to ${columnLetter(ANSWERS_COLUMN + 2)}`;
      draft.put(TABLE_TOP - 1, 1, [[`What ${who} undertook in its written answers is part of the contract too: see ${where}.`]], { italic: true });
    }

    const budget = new RequestBudget(context);
    await budget.room(COMMAND_BYTES.other * 40 + 2 * jsonBytes(body) + (parts[0]?.bytes ?? 0));
    const previous = data.target.exists ? setAside(context, data.extra[TABLES.register] !== undefined) : undefined;
    const sheet = context.workbook.worksheets.add(SHEETS.register);
    draft.apply(sheet);
    // With no commitments the table is a header and the one blank data row Excel gives it.
    const tableRows = Math.max(1, rows.length);
    const table = sheet.tables.add(blockAddress(TABLE_TOP, 1, tableRows + 1, REGISTER_COLUMNS.length), true);
    table.name = TABLES.register;
    const status = columnLetter(REGISTER_COLUMNS.indexOf("Status") + 1);
    sheet.getRange(`${status}${TABLE_TOP + 1}:${status}${TABLE_TOP + tableRows}`).formulas = Array.from({ length: tableRows }, () => [STATUS_FORMULA]);
    kpiDraft.apply(sheet);
    parts[0]?.draft.apply(sheet);
    try {
      for (const part of parts.slice(1)) {
        await budget.room(part.bytes);
        part.draft.apply(sheet);
      }
      await budget.finish();
    } catch (error) {
      // Excel stops at the failing command, keeping what ran before: put the register in use back.
      if (previous !== undefined) await putBack(context);
      throw error;
    }
    if (previous === undefined) return answers;
    if (previous.entries !== undefined && !sameEntries(previous.entries.values, data.extra[TABLES.register])) {
      sheet.delete();
      previous.sheet.name = SHEETS.register;
      previous.table?.set({ name: TABLES.register });
      await context.sync();
      throw new ReportRefusedError(
        `Someone entered or changed a Due date or Delivered figure on ${SHEETS.register} while it was being rebuilt, so the register was left as it was. Build it again to include that entry.`
      );
    }
    previous.sheet.delete();
    await context.sync();
    return answers;
  });
  return { sheet: SHEETS.register, bidder: who, rows, kpis, offers: offers.length, kept: rows.filter((r) => r.dueDate !== "" || r.delivered !== "").length, answers };
}

/** The data rows of SV_Answers (0-based, in table order) whose Bidder is `bidder`. */
function answerRowsOf(index: AnswerIndex | undefined, bidder: string): number[] {
  if (index === undefined) return [];
  return index.keys.flatMap((k, i) => (bidderKey(textIn(k.bidder)) === bidderKey(bidder) ? [i] : []));
}

/**
 * The Answer cells of the bidder's rows, by runs of consecutive rows, with their Bidder and
 * Criterion read again beside them: a co-author who sorted or inserted rows since the index was
 * read would otherwise put another bidder's words in this register. Each answer is counted at
 * its longest (a bidder answers a handful of criteria, so this costs no extra request in
 * practice); text longer in JSON than that is read again in halves (RequestBudget.read).
 */
async function readBidderAnswers(context: Excel.RequestContext, index: AnswerIndex | undefined, bidder: string, signal?: AbortSignal): Promise<{ criterion: string; answer: unknown }[]> {
  const mine = answerRowsOf(index, bidder);
  if (index === undefined || index.columns.answer === undefined || mine.length === 0) return [];
  const sheet = context.workbook.worksheets.getItem(index.sheet);
  const read = new Map<number, { bidder: unknown; criterion: unknown; answer: unknown }>(mine.map((i) => [i, { bidder: "", criterion: "", answer: "" }]));
  const columns = [
    { field: "bidder", column: index.columns.bidder, bytes: RESPONSE_CELL_BYTES.text },
    { field: "criterion", column: index.columns.criterion, bytes: RESPONSE_CELL_BYTES.short },
    { field: "answer", column: index.columns.answer, bytes: MAX_CELL_CHARS * 1.2 },
  ] as const;
  const budget = new RequestBudget(context, signal ? { signal } : {});
  for (const block of consecutiveRuns(mine, (i) => i)) {
    const first = block[0] as number;
    for (const { field, column, bytes } of columns) {
      if (column === undefined) continue;
      await budget.read(
        {
          rows: block.length,
          load: (offset, n) => sheet.getRangeByIndexes(index.firstRow + first + offset, column, n, 1).load("values"),
          deliver: (offset, values) => values.forEach((row, j) => {
            const cell = read.get(first + offset + j);
            if (cell) cell[field] = row[0];
          }),
        },
        block.length * bytes
      );
    }
  }
  await budget.finish();
  const moved = mine.some((i) => {
    const now = read.get(i);
    const before = index.keys[i];
    return !now || !before || bidderKey(textIn(now.bidder)) !== bidderKey(bidder) || criterionKey(textIn(now.criterion)) !== criterionKey(textIn(before.criterion));
  });
  if (moved) {
    throw new ReportRefusedError(`${SHEETS.answers} changed while the register was being built (someone else is editing it?), so nothing was written. Build the register again.`);
  }
  return mine.map((i) => ({ criterion: textIn(index.keys[i]?.criterion), answer: read.get(i)?.answer }));
}

/**
 * The heading of the answers block on `draft`; returns the answer rows to write below it, each
 * [criterion, question, answer] as text (an answer starting with "=" is never a formula).
 */
function answersBlock(draft: SheetDraft, bidder: string, answers: readonly RegisterAnswer[]): { row: number; values: unknown[][] } {
  const col = ANSWERS_COLUMN;
  draft.put(TABLE_TOP - 1, col, [[`What ${bidder} undertook in its answers — part of the contract`]], { bold: true });
  draft.put(TABLE_TOP, col, [["Criterion", "Question", "Answer, as written"]], { bold: true, fill: "#E7E6E6" });
  [70, 220, 480].forEach((w, i) => draft.width(col + i, w));
  if (answers.length === 0) draft.put(TABLE_TOP + 1, col, [[`No written answers from ${bidder} on ${SHEETS.answers}.`]], { italic: true });
  return { row: TABLE_TOP + 1, values: answers.map((a) => [a.criterion, a.question, a.answer]) };
}

/** The answer rows as drafts of at most ANSWER_PART_BYTES each, one request's worth apiece. */
function answerDrafts(block: { row: number; values: unknown[][] }): { draft: SheetDraft; bytes: number }[] {
  return rowDrafts(block.row, ANSWERS_COLUMN, block.values, { wrap: true }, ANSWER_PART_BYTES);
}

/** Names the register in use takes while the new one is built (sheet names are at most 31 characters). */
const ASIDE = { sheet: "SV Register (rebuilding)", table: "SV_Register_rebuilding" } as const;

/** Renames the register in use out of the way and queues the read of its entries (no sync). */
function setAside(context: Excel.RequestContext, hasTable: boolean): { sheet: Excel.Worksheet; table?: Excel.Table; entries?: Excel.Range } {
  const sheet = context.workbook.worksheets.getItem(SHEETS.register);
  sheet.name = ASIDE.sheet;
  if (!hasTable) return { sheet };
  const table = context.workbook.tables.getItem(TABLES.register);
  table.name = ASIDE.table;
  return { sheet, table, entries: table.getRange().load("values") };
}

/** After a failed rebuild: the half-built register goes and the one set aside takes its names back. Best effort. */
async function putBack(context: Excel.RequestContext): Promise<void> {
  try {
    const built = context.workbook.worksheets.getItemOrNullObject(SHEETS.register);
    const aside = context.workbook.worksheets.getItemOrNullObject(ASIDE.sheet);
    const asideTable = context.workbook.tables.getItemOrNullObject(ASIDE.table);
    await context.sync();
    if (!built.isNullObject && !aside.isNullObject) built.delete();
    if (!aside.isNullObject) aside.name = SHEETS.register;
    if (!asideTable.isNullObject) asideTable.name = TABLES.register;
    await context.sync();
  } catch {
    // The leftover is found and named on the next build.
  }
}

/** The register's Bidder, Ref, Due date and Delivered, row by row, as read before and now. */
function sameEntries(now: unknown[][], before: TableRows | undefined): boolean {
  const [headerNow = [], ...rowsNow] = now;
  const columns = ["Bidder", "Ref", "Due date", "Delivered"];
  const pick = (headers: readonly unknown[], rows: readonly unknown[][]): string =>
    JSON.stringify(rows.map((r) => columns.map((c) => r[headers.findIndex((h) => String(h).toLowerCase() === c.toLowerCase())] ?? "")));
  return before !== undefined && pick(headerNow, rowsNow) === pick(before.headers, before.rows);
}

/** The bidder named (as SV Scores or the commitments spell it), or the one ranked first on SV Scores. */
function chooseBidder(data: ReportData, bidder: string | undefined): string {
  if (bidder !== undefined && bidder.trim() !== "") {
    const known = [...records(data.scores).map((r) => textIn(r("Bidder"))), ...data.commitments.map((c) => textIn(c.bidder))];
    const match = known.find((b) => b !== "" && bidderKey(b) === bidderKey(bidder));
    if (!match) throw new ReportRefusedError(`No bidder called "${bidder.trim()}" is on ${SHEETS.scores} or ${SHEETS.commitments}.`);
    return match;
  }
  const figures = reportFigures(data);
  refuseWhileHeld(figures, "the winner's register");
  const first = figures.bidders.filter((b) => b.rank === 1);
  if (first.length !== 1) {
    throw new ReportRefusedError(`${first.map((b) => b.bidder).join(" and ")} share rank 1 on ${SHEETS.scores}: choose the bidder the register is for.`);
  }
  return (first[0] as { bidder: string }).bidder;
}

/** The entry key of each row the register will have (a ref's n-th row is its n-th commitment). */
function entryKeys(rows: readonly RegisterRow[]): Set<string> {
  const seen = new Map<string, number>();
  return new Set(rows.map((r) => registerEntryKey(r.ref, seen)));
}

/** "ILL1", or "ILL1 (its 2nd line)" for a ref's later line. */
function lineOf(ref: string, key: string): string {
  const n = Number(key.slice(key.lastIndexOf("#") + 1)) + 1;
  if (!(n > 1)) return ref;
  const suffix = n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : n % 10 === 1 && n % 100 !== 11 ? "st" : "th";
  return `${ref} (its ${n}${suffix} line)`;
}

/**
 * Due date and Delivered typed in the current register, by Ref, for the bidder being built.
 * Refuses when an entered value would have no row in the rebuilt register (`planned`): it
 * belongs to another bidder, to a commitment that is gone, or to a line added by hand beyond
 * the bidder's commitments to that ref. A rebuild never drops an entry.
 */
function keptEntries(data: ReportData, bidder: string, planned: ReadonlySet<string>): Map<string, RegisterEntry> {
  const kept = new Map<string, RegisterEntry>();
  const lost: string[] = [];
  const seen = new Map<string, number>();
  for (const r of records(data.extra[TABLES.register])) {
    const due = r("Due date");
    const delivered = r("Delivered");
    const entered = (v: unknown): boolean => v !== "" && v !== null && v !== undefined;
    const rowBidder = textIn(r("Bidder"));
    const ref = textIn(r("Ref"));
    // Counted for every row of the bidder, entered or not, so the n-th row to a ref matches the
    // n-th commitment to it (registerRows counts the same way).
    const sameBidder = bidderKey(rowBidder) === bidderKey(bidder);
    const key = sameBidder ? registerEntryKey(ref, seen) : "";
    if (!entered(due) && !entered(delivered)) continue;
    if (!sameBidder || !planned.has(key)) lost.push(`${rowBidder} ${sameBidder ? lineOf(ref, key) : ref}`);
    else kept.set(key, { dueDate: entered(due) ? due : "", delivered: entered(delivered) ? delivered : "" });
  }
  if (lost.length > 0) {
    throw new ReportRefusedError(
      `${SHEETS.register} holds a Due date or Delivered figure for ${lost.join(", ")}, which the register for ${bidder} would not include, so nothing was rebuilt. Copy those figures elsewhere and clear them, then build again.`
    );
  }
  return kept;
}

/** KPIs (live formulas over SV_Register, so Delivered entries update them) and the bidder's community offers. */
function kpiBlock(draft: SheetDraft, kpis: readonly RegisterKpi[], offers: ReturnType<typeof readOffers>): void {
  const col = KPI_COLUMN;
  const letter = (offset: number): string => columnLetter(col + offset);
  draft.put(TABLE_TOP - 1, col, [["Key performance indicators (committed vs delivered)"]], { bold: true });
  draft.put(TABLE_TOP, col, [["KPI", "Unit", "Committed", "Delivered", "% of contract value", "Refs"]], { bold: true, fill: "#E7E6E6" });
  const rows = kpis.map((k, i) => {
    const r = TABLE_TOP + 1 + i;
    const label = `"${KPI_LABELS[k.id]}"`;
    const agg = k.id === "local-employment-share" ? "MAXIFS" : "SUMIFS";
    return [
      keptAsText(k.kpi),
      keptAsText(k.unit),
      `=${agg}(${TABLES.register}[Committed],${TABLES.register}[KPI],${label})`,
      `=${agg}(${TABLES.register}[Delivered],${TABLES.register}[KPI],${label})`,
      k.id === "local-spend" ? `=IF(N(${SETTING_NAMES.contractValue})>0,${letter(2)}${r}/${SETTING_NAMES.contractValue},"")` : "",
      keptAsText(k.refs.join(", ")),
    ];
  });
  draft.put(TABLE_TOP + 1, col, rows, { numberFormat: ["General", "General", FORMATS.number, FORMATS.number, FORMATS.percent, "General"] }, true);
  [170, 50, 90, 90, 90, 120].forEach((w, i) => draft.width(col + i, w));

  let row = TABLE_TOP + kpis.length + 3;
  draft.put(row, col, [["Community offers"]], { bold: true });
  row += 1;
  if (offers.length === 0) {
    draft.put(row, col, [[`None recorded on ${SHEETS.offers}.`]], { italic: true });
    return;
  }
  draft.put(row, col, [["Recipient", "Organisation", "Offer", "Hours", "Value"]], { bold: true, fill: "#E7E6E6" });
  draft.put(
    row + 1,
    col,
    offers.map((o) => [o.recipient, o.organisation, o.offer, o.hours, o.value]),
    { numberFormat: ["General", "General", "General", FORMATS.number, FORMATS.gbpWhole], wrap: true }
  );
}
