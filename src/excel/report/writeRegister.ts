/**
 * SV Register: the winning bid's commitments for contract monitoring (core register.ts), as
 * the table SV_Register — one header row, no merged cells, one commitment per row — so Power BI
 * or a contract manager's own sheet can read it by name. Beside it, the KPIs councils report
 * (committed vs delivered, as live SUMIFS over the table so they follow what is entered) and
 * the bidder's community offers.
 *
 * Due date and Delivered are the contract manager's inputs. A rebuild keeps them, matched by
 * bidder and Ref; if any entered value would have nowhere to go (the register is being built
 * for another bidder, or that commitment is gone), the rebuild is refused and nothing is written.
 *
 * Cost: the reads of readReportData (which also reads the old register) and one request to write.
 */
import { bidderKey, blockAddress, columnLetter, FORMATS, KPI_LABELS, refKey, registerEntryKey, registerKpis, registerRows, SETTING_NAMES, SHEETS, TABLES, validateCommitments, type RegisterEntry, type RegisterKpi, type RegisterRow } from "../../core";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { keptAsText } from "../shared/cellSafety";
import { numberIn, readReportData, records, textIn, type ReportData, type TableRows } from "./readReportData";
import { reportFigures } from "./reportFigures";
import { assertOurs, builtNote, ReportRefusedError, SheetDraft } from "./reportSheet";
import { offersByBidder, readOffers } from "./writeReport";

/** SV_Register's columns, in order. KPI names the KPI a row feeds (blank for none), for grouping in Power BI. */
export const REGISTER_COLUMNS = ["Bidder", "Ref", "Measure", "Theme", "Unit", "Committed", "Value £", "Due date", "Delivered", "Evidence", "Status", "KPI"] as const;

/** Status, the rule of core registerStatus: Delivered, then Behind (due date passed), then Not started, else On track. */
export const STATUS_FORMULA =
  '=IF(AND(ISNUMBER([@Delivered]),[@Delivered]>=[@Committed]),"Delivered",' +
  'IF(AND(ISNUMBER([@[Due date]]),TODAY()>[@[Due date]]),"Behind",' +
  'IF(OR([@Delivered]="",[@Delivered]=0),"Not started","On track")))';

export const DATE_FORMAT = "dd/mm/yyyy";
const TABLE_TOP = 4;
/** The KPI block starts in column O, clear of the table so the table can grow downwards. */
const KPI_COLUMN = REGISTER_COLUMNS.length + 3;

export interface RegisterWritten {
  sheet: string;
  bidder: string;
  rows: RegisterRow[];
  kpis: RegisterKpi[];
  offers: number;
  /** Rows whose Due date or Delivered were kept from the previous register. */
  kept: number;
}

export async function buildRegister(run: ExcelRun, bidder?: string, options: OperationOptions = {}, now: Date = new Date()): Promise<RegisterWritten> {
  const data = await readReportData(run, SHEETS.register, options, [TABLES.register]);
  assertOurs(data.target, SHEETS.register);
  const contractValue = numberIn(data.settings.contractValue) ?? 0;
  const who = chooseBidder(data, bidder);

  const validation = validateCommitments(data.commitments, data.measures, contractValue > 0 ? { contractValue } : {});
  const evidenceByRow = new Map(data.commitments.map((c) => [c.row, textIn(c.evidence)]));
  const commitments = validation.commitments.map((c) => ({ ...c, evidence: evidenceByRow.get(c.row) ?? "" }));
  const kept = keptEntries(data, who, new Set(commitments.filter((c) => bidderKey(c.bidder) === bidderKey(who)).map((c) => refKey(c.ref))));
  const rows = registerRows(who, commitments, data.measures, kept);
  if (rows.length === 0) {
    const any = data.commitments.some((c) => bidderKey(textIn(c.bidder)) === bidderKey(who));
    if (!any) throw new ReportRefusedError(`${who} has no commitments on ${SHEETS.commitments}, so there is nothing to register.`);
    throw new ReportRefusedError(`${who} has no commitments that pass validation, so there is nothing to register. Run Validate to see why.`);
  }
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
  await run(async (context) => {
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
    const previous = data.target.exists ? setAside(context, data.extra[TABLES.register] !== undefined) : undefined;
    const sheet = context.workbook.worksheets.add(SHEETS.register);
    draft.apply(sheet);
    const table = sheet.tables.add(blockAddress(TABLE_TOP, 1, rows.length + 1, REGISTER_COLUMNS.length), true);
    table.name = TABLES.register;
    const status = columnLetter(REGISTER_COLUMNS.indexOf("Status") + 1);
    sheet.getRange(`${status}${TABLE_TOP + 1}:${status}${TABLE_TOP + rows.length}`).formulas = rows.map(() => [STATUS_FORMULA]);
    kpiDraft.apply(sheet);
    try {
      await context.sync();
    } catch (error) {
      // Excel stops at the failing command, keeping what ran before: put the register in use back.
      if (previous !== undefined) await putBack(context);
      throw error;
    }
    if (previous === undefined) return;
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
  });
  return { sheet: SHEETS.register, bidder: who, rows, kpis, offers: offers.length, kept: rows.filter((r) => r.dueDate !== "" || r.delivered !== "").length };
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
  const first = reportFigures(data).bidders.filter((b) => b.rank === 1);
  if (first.length !== 1) {
    throw new ReportRefusedError(`${first.map((b) => b.bidder).join(" and ")} share rank 1 on ${SHEETS.scores}: choose the bidder the register is for.`);
  }
  return (first[0] as { bidder: string }).bidder;
}

/**
 * Due date and Delivered typed in the current register, by Ref, for the bidder being built.
 * Refuses when an entered value belongs to another bidder or to a commitment that is gone.
 */
function keptEntries(data: ReportData, bidder: string, refs: ReadonlySet<string>): Map<string, RegisterEntry> {
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
    if (!sameBidder || !refs.has(refKey(ref))) lost.push(`${rowBidder} ${ref}`);
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
