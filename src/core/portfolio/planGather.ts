/**
 * A gather, decided (issue #20): given the portfolio's tables as they are and the evaluation
 * workbooks just read, which files go in, which are left out and why, and every portfolio table
 * as it will be written. Pure: the Excel layer reads the portfolio once, calls this, and writes
 * the tables it returns.
 *
 * Left out, each with a sentence, unless the user accepts the file with a reason (recorded in
 * PF_Sources with who and when): a workbook changed since sign-off; one never signed; a
 * duplicate — a second file for a tender already gathered in this batch, or a file whose tender
 * the portfolio already holds from another file. Never accepted, because there is nothing to
 * take: a file the guards refused, and a workbook that is not an evaluation.
 *
 * A file is its name and its contents (the SHA-256 of its bytes, GatheredEvaluation
 * contentHash): the file picker gives no folder, so two "Evaluation.xlsx" from different folders
 * are two files, each with its own PF_Sources row, and both are gathered when they hold
 * different tenders. A PF_Sources row is taken again by the same name and contents, else by the
 * same name and tender (the same file, its register updated since). An acceptance names a file,
 * and may name its fingerprint (contents or signature) to pick one of two of the same name. An
 * acceptance recorded in PF_Sources carries to the next gather of the same file — the same
 * contents, or the same signed record with the same changes found — and is asked for again when
 * the file changed since it was given.
 *
 * A duplicate whose contract name, value or supplier differ from the tender's is most likely a
 * workbook copied to start another tender (the copy keeps SV_TenderId), so its sentence says so
 * with what differs. Accepted, it is not allowed to overwrite the first contract: it is gathered
 * as a contract of its own, keyed by the tender's key, # and the start of its fingerprint; later
 * gathers of that file find that key again by the file's name and contract (as a tender without
 * an SV_TenderId finds the key an earlier gather gave it). An accepted duplicate of the same
 * contract takes the tender over, as before.
 *
 * Gathering a tender again, from the same file, updates it. Rows are matched by stable keys
 * (schema.ts): the tender; the supplier; the measure ref; and which line to that ref the row is
 * (a supplier may commit to one ref twice). What a gather does to each column depends on its
 * owner (schema.ts): gathered columns take the source's value, shared ones (DueDate, Delivered)
 * the source's when it changed since the last gather (their …Gathered columns), portfolio
 * columns keep what was typed, computed columns are worked out again for the whole portfolio. A
 * row the source no longer lists is kept, marked InLatestGather No, and left out of KPIs and
 * totals; a column the user added to a table is kept. PF_Totals' rows are kept by TotalKey like
 * the others (a group with no commitments left stays, at zero), so a column the user added to
 * it stays with its group.
 */
import { readQuantity } from "../shared/cells";
import { clip, formatGBP, formatIsoDate } from "../shared/format";
import { bidderKey, refKey } from "../shared/refs";
import { KPI_LABELS, registerStatus, type KpiId } from "../report/register";
import { ACT_COMMENCEMENT, valueBothWays } from "../setup/statutoryThresholds";
import { UNLESS_ACCEPTED, VERDICT_LABELS, type GatheredEvaluation } from "./gathered";
import { DEFAULT_RATING_THRESHOLDS, noticeDraft, rateKpi, type RatingThresholds } from "./kpiRating";
import { penceOf, poundsOf, shareOfPence } from "./money";
import { PORTFOLIO_TABLES, type PortfolioCell, type PortfolioColumn, type PortfolioRow, type PortfolioRows, type PortfolioTableKey } from "./schema";

/** The user's acceptance of a file the gather would leave out. */
export interface Acceptance {
  fileName: string;
  /** The file's contentHash or signed fingerprint, to pick one of two files of the same name; absent: every file of that name. */
  fingerprint?: string;
  reason: string;
  by: string;
  /** ISO 8601. */
  at: string;
}

export interface GatherOptions {
  /** The time of the gather: GatheredAt, and "today" for the status rule and whether a commitment is due. */
  now: Date;
  /** Minutes the gather's clock is ahead of UTC at `now` (60 in BST); the machine's own zone when absent. */
  utcOffsetMinutes?: number;
  thresholds?: RatingThresholds;
}

export type LeftOutReason = "changed" | "unsigned" | "duplicate" | "not-an-evaluation" | "refused";

export interface GatherMessage {
  fileName: string;
  /** The file's contentHash, when it has one: which of two files of the same name the message is about. */
  contentHash?: string;
  kind: "included" | "accepted" | "left-out" | "note" | "conflict";
  text: string;
}

export interface GatherPlan {
  /** Every portfolio table as it is to be written, whole. */
  tables: PortfolioRows;
  messages: GatherMessage[];
  /** Files whose contents this gather takes. */
  included: string[];
  leftOut: { fileName: string; contentHash?: string; reasons: LeftOutReason[]; message: string }[];
  /** One per distinct file gathered (a file chosen twice is one), in the order chosen. */
  files: FileDecision[];
}

export interface FileDecision {
  fileName: string;
  contentHash?: string;
  /** PF_Sources' Verdict. */
  verdict: string;
  included: boolean;
  /** Included because of an acceptance, given now or recorded at an earlier gather of the same file. */
  accepted: boolean;
}

/** PF_Sources Detail at most: under Excel's 32,767 characters a cell holds, with room to spare. */
const MAX_DETAIL_CHARS = 30_000;

/**
 * Excel's serial of the calendar day `date` falls on where the gather runs, as TODAY() gives it:
 * the local day, not the UTC one (at 00:30 BST on 1 April it is 1 April, while UTC still says 31
 * March). `utcOffsetMinutes` is how far that clock is ahead of UTC; the machine's own by default.
 */
export function excelDay(date: Date, utcOffsetMinutes: number = -date.getTimezoneOffset()): number {
  return Math.floor((date.getTime() + utcOffsetMinutes * 60_000) / 86_400_000) + 25_569;
}

/** An Excel date serial as a person writes the day ("31 March 2027"). */
function dateText(serial: number): string {
  return formatIsoDate(new Date(Math.round((serial - 25_569) * 86_400_000)).toISOString().slice(0, 10));
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function numberIn(v: unknown): number | null {
  const q = readQuantity(v);
  return q.kind === "number" ? q.value : null;
}

const textIn = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "");
const yesNo = (b: boolean): string => (b ? "Yes" : "No");
const cellOfNumber = (n: number | null): PortfolioCell => (n === null ? "" : n);
const cellOfPence = (pence: number | null): PortfolioCell => (pence === null ? "" : poundsOf(pence));
const fileKey = (name: string): string => name.trim().toLowerCase();
/** Whether two cells hold the same value: numbers as numbers (a date serial read back from Excel), the rest as trimmed text. */
function sameCell(a: unknown, b: unknown): boolean {
  const x = numberIn(a);
  const y = numberIn(b);
  return x !== null && y !== null ? x === y : textIn(a).trim() === textIn(b).trim();
}

export const commitmentKey = (tenderKey: string, supplier: string, ref: string, line: number): string => `${tenderKey}|${bidderKey(supplier)}|${refKey(ref)}|${line}`;
export const offerKey = (tenderKey: string, supplier: string, organisation: string, line: number): string => `${tenderKey}|${bidderKey(supplier)}|${bidderKey(organisation)}|${line}`;
export const kpiKey = (tenderKey: string, kpi: string): string => `${tenderKey}|${kpi}`;

type AnyRow = Record<string, PortfolioCell | undefined>;

const COLUMNS = new Map<PortfolioTableKey, Map<string, PortfolioColumn>>();

/** The columns of a table by name (worked out once per table). */
function columnsOf(key: PortfolioTableKey): Map<string, PortfolioColumn> {
  let byColumn = COLUMNS.get(key);
  if (!byColumn) COLUMNS.set(key, (byColumn = new Map(PORTFOLIO_TABLES[key].columns.map((c) => [c.name, c]))));
  return byColumn;
}

/** A value for a message: a date column's serial as a date, the rest as held. */
function shown(column: PortfolioColumn, v: unknown): string {
  const n = numberIn(v);
  return column.type === "date" && n !== null ? dateText(n) : textIn(v);
}

/**
 * One row after a gather: the existing row's values (columns the user added included), the
 * source's gathered columns, the shared ones by the rule of the module comment, and the
 * portfolio's own kept. `defaults` fill a blank portfolio column.
 */
function mergeRow(table: PortfolioTableKey, existing: AnyRow | undefined, source: AnyRow, label: string, conflicts: string[], defaults: AnyRow = {}): AnyRow {
  const out: AnyRow = { ...(existing ?? {}) };
  for (const [column, { owner }] of columnsOf(table)) {
    const before = existing?.[column];
    const now = source[column];
    if (owner === "gathered") out[column] = now ?? "";
    else if (owner === "shared") {
      // What the source gave at the last gather (schema.ts: shared). Undefined for a row from
      // before that column existed: then any value held that differs is taken as typed.
      const last = existing?.[`${column}Gathered`];
      const keep = isBlank(now) || (existing !== undefined && last !== undefined && sameCell(now, last));
      if (keep) out[column] = isBlank(before) ? "" : before;
      else {
        // The source changed since the last gather. The portfolio's value is lost without a word
        // only when it was the last gathered (a routine update) or is the new one already.
        const typed = !isBlank(before) && !sameCell(before, now) && (last === undefined || !sameCell(before, last));
        const c = columnsOf(table).get(column) as PortfolioColumn;
        if (typed) conflicts.push(`${label}: ${column} was ${shown(c, before)} in the portfolio and is ${shown(c, now)} in the workbook now; the workbook's was taken.`);
        out[column] = now;
      }
    } else if (owner === "portfolio") out[column] = isBlank(before) ? (defaults[column] ?? "") : before;
    else if (now !== undefined) out[column] = now; // computed, when the gather gives it (InLatestGather); the rest after the merge
  }
  return out;
}

/** One included file's rows of a table, for its tender. */
interface Batch {
  tenderKey: string;
  source: readonly AnyRow[];
}

/**
 * Every included file's rows of one table merged into the existing rows, in one pass (a gather
 * of 200 files over 20,000 rows would otherwise pass over the table once per file): a row whose
 * key a file gives is merged with it; a row of a gathered tender that its file no longer lists is
 * kept, marked InLatestGather No; every other row is kept as it is. New rows follow, file by
 * file. Each included file gathers a tender of its own (planGather), so this is the same as
 * merging the files one after the other. Conflicts and rows gone are counted per file.
 */
function mergeBatches(
  table: PortfolioTableKey,
  existing: readonly AnyRow[],
  batches: readonly Batch[],
  label: (row: AnyRow) => string,
  defaults: (row: AnyRow) => AnyRow = () => ({}),
): { rows: AnyRow[]; gone: number[]; conflicts: string[][] } {
  const key = PORTFOLIO_TABLES[table].key;
  const marksGone = PORTFOLIO_TABLES[table].columns.some((c) => c.name === "InLatestGather");
  const byKey = new Map<string, { row: AnyRow; batch: number }>();
  batches.forEach((b, i) => b.source.forEach((r) => byKey.has(textIn(r[key])) || byKey.set(textIn(r[key]), { row: r, batch: i })));
  const byTender = new Map(batches.map((b, i) => [b.tenderKey, i]));
  const gone = batches.map(() => 0);
  const conflicts = batches.map((): string[] => []);
  const used = new Set<string>();
  const rows = existing.map((e) => {
    const k = textIn(e[key]);
    const s = byKey.get(k);
    if (s === undefined || used.has(k)) {
      const batch = byTender.get(textIn(e.TenderKey));
      if (batch !== undefined && k !== "" && marksGone) {
        gone[batch] = (gone[batch] ?? 0) + 1;
        return { ...e, InLatestGather: "No" };
      }
      return e;
    }
    used.add(k);
    return mergeRow(table, e, s.row, label(s.row), conflicts[s.batch] as string[], defaults(s.row));
  });
  batches.forEach((b, i) => {
    for (const s of b.source) {
      const k = textIn(s[key]);
      if (used.has(k)) continue;
      used.add(k);
      rows.push(mergeRow(table, undefined, s, label(s), conflicts[i] as string[], defaults(s)));
    }
  });
  return { rows, gone, conflicts };
}

function contractSource(g: GatheredEvaluation): AnyRow {
  const t = g.tender!;
  return {
    TenderKey: t.tenderKey,
    SourceFile: g.fileName,
    Contract: t.contract,
    Framework: t.framework,
    Category: t.category,
    ContractValue: cellOfPence(t.contractValuePence),
    VatBasis: t.vatBasis,
    ProcurementStart: t.procurementStart,
    DurationMonths: cellOfNumber(t.durationMonths),
    Supplier: g.supplier,
    SocialValue: cellOfPence(g.socialValuePence),
    SignedBy: g.signature?.signedBy ?? "",
    SignedAt: g.signature?.signedAt ?? "",
  };
}

function commitmentSources(g: GatheredEvaluation): AnyRow[] {
  const t = g.tender!;
  return g.commitments.map((c) => ({
    CommitmentKey: commitmentKey(t.tenderKey, c.supplier, c.ref, c.line),
    TenderKey: t.tenderKey,
    Contract: t.contract,
    Supplier: c.supplier,
    Ref: c.ref,
    Measure: c.measure,
    Theme: c.theme,
    Unit: c.unit,
    Committed: c.committed,
    CommittedValue: poundsOf(c.committedPence),
    KPI: c.kpi,
    Evidence: c.evidence,
    DueDate: cellOfNumber(c.dueDate),
    Delivered: cellOfNumber(c.delivered),
    InLatestGather: "Yes",
    DueDateGathered: cellOfNumber(c.dueDate),
    DeliveredGathered: cellOfNumber(c.delivered),
  }));
}

function offerSources(g: GatheredEvaluation): AnyRow[] {
  const t = g.tender!;
  return g.offers.map((o) => ({
    OfferKey: offerKey(t.tenderKey, o.supplier, o.organisation, o.line),
    TenderKey: t.tenderKey,
    Contract: t.contract,
    Supplier: o.supplier,
    RecipientType: o.recipientType,
    Organisation: o.organisation,
    Offer: o.offer,
    Hours: cellOfNumber(o.hours),
    Value: cellOfPence(o.valuePence),
    InLatestGather: "Yes",
  }));
}

// ---------------------------------------------------------------------------------------------
// Computed columns, for the whole portfolio

/** A commitment row's status by the register's rule (blank for a row without a ref). */
function ruleStatus(r: AnyRow, today: number): string {
  return textIn(r.Ref) === "" ? "" : registerStatus(numberIn(r.Committed) ?? 0, numberIn(r.Delivered), numberIn(r.DueDate), today);
}

/** DeliveredValue and RuleStatus of a commitment row. */
function computeCommitment(r: AnyRow, today: number): AnyRow {
  const committed = numberIn(r.Committed) ?? 0;
  const delivered = numberIn(r.Delivered);
  const valuePence = penceOf(numberIn(r.CommittedValue) ?? 0);
  return {
    ...r,
    DeliveredValue: delivered === null ? "" : poundsOf(shareOfPence(valuePence, delivered, committed)),
    RuleStatus: textIn(r.Ref) === "" ? "" : registerStatus(committed, delivered, numberIn(r.DueDate), today),
  };
}

const KPI_UNITS: Record<KpiId, string> = { "local-spend": "£", "local-employment": "FTE", "local-employment-share": "%", carbon: "tCO2e" };
const KPI_BY_LABEL = new Map((Object.entries(KPI_LABELS) as [KpiId, string][]).map(([id, label]) => [label.toLowerCase(), id]));

/** The KPI rows: one per contract and KPI fed by a current commitment, plus any the portfolio already had. */
function computeKpis(existing: readonly AnyRow[], commitments: readonly AnyRow[], contracts: ReadonlyMap<string, AnyRow>, today: number, thresholds: RatingThresholds): AnyRow[] {
  const groups = new Map<string, { tenderKey: string; id: KpiId; rows: AnyRow[] }>();
  for (const c of commitments) {
    if (c.InLatestGather === "No") continue;
    const id = KPI_BY_LABEL.get(textIn(c.KPI).trim().toLowerCase());
    if (!id) continue;
    const key = kpiKey(textIn(c.TenderKey), KPI_LABELS[id]);
    const g = groups.get(key) ?? { tenderKey: textIn(c.TenderKey), id, rows: [] };
    g.rows.push(c);
    groups.set(key, g);
  }
  const rowFor = (key: string, e: AnyRow | undefined): AnyRow => {
    const g = groups.get(key);
    const tenderKey = g?.tenderKey ?? textIn(e?.TenderKey);
    const id = g?.id ?? KPI_BY_LABEL.get(textIn(e?.KPI).trim().toLowerCase());
    const contract = contracts.get(tenderKey);
    // A share of the workforce does not add up across commitments: the highest is taken (register.ts registerKpis).
    const combine = id === "local-employment-share" ? Math.max : (a: number, b: number) => a + b;
    const rows = g?.rows ?? [];
    const committed = rows.reduce((s, r) => combine(s, numberIn(r.Committed) ?? 0), 0);
    const reported = rows.map((r) => numberIn(r.Delivered)).filter((d): d is number => d !== null);
    const delivered = reported.length === 0 ? null : reported.reduce((s, d) => combine(s, d), 0);
    const target = numberIn(e?.Target) ?? (rows.length > 0 ? committed : null);
    const actual = numberIn(e?.Actual) ?? delivered;
    const unit = id ? KPI_UNITS[id] : textIn(e?.Unit);
    const kpi = id ? KPI_LABELS[id] : textIn(e?.KPI);
    const anyDue = rows.length === 0 || rows.some((r) => {
      const due = numberIn(r.DueDate);
      return due === null || due <= today;
    });
    const figures = { kpi, unit, target, actual, anyDue };
    const rated = rateKpi(figures, thresholds);
    const contractName = textIn(contract?.Contract ?? e?.Contract);
    const supplier = textIn(contract?.Supplier ?? e?.Supplier);
    return {
      ...(e ?? {}),
      KpiKey: key,
      TenderKey: tenderKey,
      Contract: contractName,
      Supplier: supplier,
      KPI: kpi,
      Unit: unit,
      Committed: committed,
      Delivered: cellOfNumber(delivered),
      Target: e?.Target ?? "",
      Actual: e?.Actual ?? "",
      Achieved: cellOfNumber(rated.achieved),
      Rating: rated.rating,
      RatingBasis: rated.basis,
      NoticeDraft: noticeDraft(contractName, supplier, figures, rated),
    };
  };
  const out: AnyRow[] = [];
  const done = new Set<string>();
  for (const e of existing) {
    const key = textIn(e.KpiKey);
    if (key === "" || done.has(key)) {
      out.push(e);
      continue;
    }
    done.add(key);
    out.push(rowFor(key, e));
  }
  for (const key of groups.keys()) if (!done.has(key)) out.push(rowFor(key, undefined));
  return out;
}

/** Procurement Act 2023 s.52(1): KPIs for a contract of "more than £5 million" (DOMAIN.md), in pence. */
const KPI_VALUE_PENCE = 500_000_000;

/**
 * Whether s.52 asks for KPIs: the Act governs the procurement (begun on or after 24 February
 * 2025, or its start not recorded) and the value, with VAT as the Act counts it (the statutory
 * thresholds' basis, statutoryThresholds.ts valueBothWays), is over £5 million. Exemptions
 * (frameworks, concessions, light-touch contracts, performance KPIs cannot assess) are the
 * council's judgement, so "Yes" means the duty applies unless one of them does.
 */
function kpisRequired(r: AnyRow): PortfolioCell {
  const value = numberIn(r.ContractValue);
  if (value === null) return "";
  const start = /^\d{4}-\d{2}-\d{2}/.exec(textIn(r.ProcurementStart).trim())?.[0];
  if (start !== undefined && start < ACT_COMMENCEMENT) return "No";
  const basis = textIn(r.VatBasis).trim().toLowerCase();
  const withVat = basis === "excluding" || basis === "including" || basis === "none" ? valueBothWays(value, basis).includingVat : value;
  return yesNo(penceOf(withVat) > KPI_VALUE_PENCE);
}

/** Return, Commitments, AwardYear and KpisRequired of each contract row. */
function computeContracts(contracts: readonly AnyRow[], commitments: readonly AnyRow[]): AnyRow[] {
  const counts = new Map<string, number>();
  for (const c of commitments) if (c.InLatestGather !== "No") counts.set(textIn(c.TenderKey), (counts.get(textIn(c.TenderKey)) ?? 0) + 1);
  return contracts.map((r) => {
    const value = numberIn(r.ContractValue);
    const sv = numberIn(r.SocialValue);
    const year = /^(\d{4})-/.exec(textIn(r.SignedAt))?.[1];
    return {
      ...r,
      Return: value !== null && value > 0 && sv !== null ? penceOf(sv) / penceOf(value) : "",
      Commitments: counts.get(textIn(r.TenderKey)) ?? 0,
      AwardYear: year === undefined ? "" : Number(year),
      KpisRequired: kpisRequired(r),
    };
  });
}

/**
 * PF_Totals: by theme, supplier and award year, in pence, from the current commitments. The rows
 * the table has are kept in their order by TotalKey, with any column the user added (a row
 * rewritten by position would carry the user's note to another group); a group with no current
 * commitment left keeps its row, at zero; new groups follow, in the order below.
 */
function computeTotals(existing: readonly AnyRow[], commitments: readonly AnyRow[], contracts: ReadonlyMap<string, AnyRow>): AnyRow[] {
  type Total = { by: string; group: string; contracts: Set<string>; commitments: number; committed: number; delivered: number };
  const totals = new Map<string, Total>();
  const add = (by: string, group: string, r: AnyRow): void => {
    const key = `${by}|${group}`;
    const t = totals.get(key) ?? { by, group, contracts: new Set<string>(), commitments: 0, committed: 0, delivered: 0 };
    t.contracts.add(textIn(r.TenderKey));
    t.commitments++;
    t.committed += penceOf(numberIn(r.CommittedValue) ?? 0);
    t.delivered += penceOf(numberIn(r.DeliveredValue) ?? 0);
    totals.set(key, t);
  };
  for (const r of commitments) {
    if (r.InLatestGather === "No") continue;
    add("Theme", textIn(r.Theme).trim() || "(no theme)", r);
    add("Supplier", textIn(r.Supplier).trim() || "(no supplier)", r);
    add("Year", textIn(contracts.get(textIn(r.TenderKey))?.AwardYear) || "(not signed)", r);
  }
  const order = ["Theme", "Supplier", "Year"];
  const figures = (t: Total): AnyRow => ({
    TotalKey: `${t.by}|${t.group}`,
    By: t.by,
    Group: t.group,
    Contracts: t.contracts.size,
    Commitments: t.commitments,
    CommittedValue: poundsOf(t.committed),
    DeliveredValue: poundsOf(t.delivered),
    DeliveredShare: t.committed > 0 ? t.delivered / t.committed : "",
  });
  const done = new Set<string>();
  const out = existing.map((e) => {
    const key = textIn(e.TotalKey);
    if (key === "" || done.has(key)) return e;
    done.add(key);
    const t = totals.get(key);
    if (t) return { ...e, ...figures(t) };
    return { ...e, Contracts: 0, Commitments: 0, CommittedValue: 0, DeliveredValue: 0, DeliveredShare: "" };
  });
  const fresh = [...totals.entries()].filter(([key]) => !done.has(key)).map(([, t]) => t);
  fresh.sort((a, b) => order.indexOf(a.by) - order.indexOf(b.by) || a.group.localeCompare(b.group, "en-GB"));
  return [...out, ...fresh.map(figures)];
}

// ---------------------------------------------------------------------------------------------

const CANNOT_ACCEPT: Partial<Record<GatheredEvaluation["verdict"], string>> = {
  refused: "It cannot be accepted: nothing could be read from it.",
  "not-an-evaluation": "It cannot be accepted: it holds no evaluation to gather.",
};

/** What a contract is, to tell a copied workbook from the same tender. */
interface ContractIdentity {
  contract: string;
  valuePence: number | null;
  supplier: string;
}

const identityOf = (g: GatheredEvaluation): ContractIdentity => ({ contract: g.tender?.contract ?? "", valuePence: g.tender?.contractValuePence ?? null, supplier: g.supplier });

function heldIdentity(row: AnyRow): ContractIdentity {
  const value = numberIn(row.ContractValue);
  return { contract: textIn(row.Contract), valuePence: value === null ? null : penceOf(value), supplier: textIn(row.Supplier) };
}

/** What differs between a file's contract and the one held for its tender, as phrases; a blank on either side is not a difference. */
function differences(mine: ContractIdentity, theirs: ContractIdentity): string[] {
  const out: string[] = [];
  if (mine.contract.trim() !== "" && theirs.contract.trim() !== "" && bidderKey(mine.contract) !== bidderKey(theirs.contract)) out.push(`its contract is ${mine.contract}, not ${theirs.contract}`);
  if (mine.valuePence !== null && theirs.valuePence !== null && mine.valuePence !== theirs.valuePence) out.push(`its value is ${formatGBP(mine.valuePence / 100)}, not ${formatGBP(theirs.valuePence / 100)}`);
  if (mine.supplier.trim() !== "" && theirs.supplier.trim() !== "" && bidderKey(mine.supplier) !== bidderKey(theirs.supplier)) out.push(`its supplier is ${mine.supplier}, not ${theirs.supplier}`);
  return out;
}

/** The key a copy accepted as a contract of its own is gathered under: the tender's, # and the start of its fingerprint. */
function ownKey(g: GatheredEvaluation): string {
  const mark = (g.signature?.fingerprint || g.contentHash || bidderKey(g.fileName)).slice(0, 8);
  return `${g.tender?.tenderKey ?? ""}#${mark}`;
}

/**
 * The key an earlier gather gave this file's tender. First, this very file gathered before (its
 * PF_Sources row by name and contents, or name and sign-off fingerprint): the key recorded there,
 * so of two same-named files each keeps its own contract whatever the order they are chosen in.
 * Else a contract row from a file of the same name and contract under the tender's own key or a
 * copy's (T-1#…), or, for a tender without an SV_TenderId, under an earlier version's FP- key.
 * A NAME- key is matched exactly: its procurement start tells a re-tender from the contract it
 * replaces, so "Grounds.xlsx" of 2027 never takes over the 2024 contract. Else the file's own.
 */
function heldKey(g: GatheredEvaluation, contracts: readonly AnyRow[], sources: readonly AnyRow[]): string {
  const t = g.tender;
  if (!t) return "";
  const natural = t.tenderKey;
  const held = new Set(contracts.map((c) => textIn(c.TenderKey)));
  const same = sources.find((s) => {
    if (fileKey(textIn(s.File)) !== fileKey(g.fileName) || !held.has(textIn(s.TenderKey))) return false;
    const byContents = g.contentHash !== undefined && g.contentHash !== "" && textIn(s.FileHash) === g.contentHash;
    // The same signed record edited since (other bytes): trusted for the tender it names only.
    const key = textIn(s.TenderKey);
    const ofThisTender = key === natural || key.startsWith(`${natural}#`);
    const bySignature = ofThisTender && g.signature !== undefined && g.signature.fingerprint !== "" && textIn(s.Fingerprint) === g.signature.fingerprint;
    return byContents || bySignature;
  });
  if (same) return textIn(same.TenderKey);
  const row = contracts.find((c) => {
    const k = textIn(c.TenderKey);
    if (fileKey(textIn(c.SourceFile)) !== fileKey(g.fileName) || bidderKey(textIn(c.Contract)) !== bidderKey(t.contract)) return false;
    return k === natural || k.startsWith(`${natural}#`) || (t.tenderId === "" && k.startsWith("FP-"));
  });
  return row ? textIn(row.TenderKey) : natural;
}

const withKey = (g: GatheredEvaluation, tenderKey: string): GatheredEvaluation => (g.tender === undefined || g.tender.tenderKey === tenderKey ? g : { ...g, tender: { ...g.tender, tenderKey } });

/**
 * The PF_Sources row a file's gather takes (module comment): the same name and contents, else
 * the same name and tender among rows no file of this gather has taken; -1 for a new row.
 */
function sourceIndex(rows: readonly AnyRow[], fileName: string, contentHash: string, tenderKey: string, taken: ReadonlySet<number>): number {
  const name = fileKey(fileName);
  const byContents = contentHash === "" ? -1 : rows.findIndex((r) => fileKey(textIn(r.File)) === name && textIn(r.FileHash) === contentHash);
  if (byContents >= 0) return byContents;
  return rows.findIndex((r, i) => !taken.has(i) && fileKey(textIn(r.File)) === name && textIn(r.TenderKey) === tenderKey);
}

/**
 * The acceptance PF_Sources records for this file: `carried` when the file is the one accepted
 * (the same contents, or the same signed record with the same verdict and changed sheets: the
 * register, edited after sign-off, changes the bytes but not what was accepted); `stale` when it
 * has changed since.
 */
function recordedAcceptance(row: AnyRow | undefined, g: GatheredEvaluation): { carried?: Acceptance; stale?: Acceptance } {
  if (row === undefined || isBlank(row.AcceptedReason) || isBlank(row.AcceptedBy)) return {};
  const acceptance: Acceptance = { fileName: g.fileName, reason: textIn(row.AcceptedReason), by: textIn(row.AcceptedBy), at: textIn(row.AcceptedAt) };
  const sameContents = g.contentHash !== undefined && g.contentHash !== "" && textIn(row.FileHash) === g.contentHash;
  const sameRecord =
    g.signature !== undefined && textIn(row.Fingerprint) === g.signature.fingerprint && textIn(row.Verdict) === VERDICT_LABELS[g.verdict] && textIn(row.ChangedSheets) === g.changedSheets.join(", ");
  return sameContents || sameRecord ? { carried: acceptance } : { stale: acceptance };
}

interface Decision {
  reasons: LeftOutReason[];
  message: string;
  /** The acceptance that lets the file in. */
  acceptance?: Acceptance;
  /**
   * An earlier acceptance of this same file, kept in PF_Sources though the file no longer needs
   * one (a copy accepted as a contract of its own is, at the next gather, that contract's file).
   */
  kept?: Acceptance;
}

/** Decides a gather: see the module comment. */
export function planGather(existing: Partial<PortfolioRows>, gathered: readonly GatheredEvaluation[], acceptances: readonly Acceptance[], options: GatherOptions): GatherPlan {
  const now = options.now.toISOString();
  const today = excelDay(options.now, options.utcOffsetMinutes);
  const thresholds = options.thresholds ?? DEFAULT_RATING_THRESHOLDS;
  const messages: GatherMessage[] = [];
  const say = (g: GatheredEvaluation, kind: GatherMessage["kind"], text: string): void => void messages.push({ fileName: g.fileName, ...(g.contentHash !== undefined ? { contentHash: g.contentHash } : {}), kind, text });
  const usable: Acceptance[] = [];
  for (const a of acceptances) {
    if (a.reason.trim() === "" || a.by.trim() === "") {
      messages.push({ fileName: a.fileName, kind: "note", text: `The acceptance of "${a.fileName}" was not used: it needs a reason and the name of who accepts it.` });
    } else usable.push(a);
  }
  // The latest acceptance naming the file: one naming its fingerprint first, else one naming the file only.
  const acceptanceOf = (g: GatheredEvaluation): Acceptance | undefined => {
    const named = usable.filter((a) => fileKey(a.fileName) === fileKey(g.fileName)).reverse();
    return named.find((a) => a.fingerprint !== undefined && a.fingerprint !== "" && (a.fingerprint === g.contentHash || a.fingerprint === g.signature?.fingerprint)) ?? named.find((a) => (a.fingerprint ?? "") === "");
  };

  let sources = [...((existing.sources ?? []) as AnyRow[])];
  let contracts = [...((existing.contracts ?? []) as AnyRow[])];
  let commitments = [...((existing.commitments ?? []) as AnyRow[])];
  let offers = [...((existing.offers ?? []) as AnyRow[])];
  const heldBy = new Map(contracts.map((c) => [textIn(c.TenderKey), c]));

  // A file chosen twice (the same name and contents) is one file: gathered once, said once.
  const seen = new Set<string>();
  const files = gathered
    .filter((g) => {
      const id = `${fileKey(g.fileName)}\n${g.contentHash ?? ""}`;
      if (!seen.has(id)) return seen.add(id);
      say(g, "note", `"${g.fileName}" was chosen twice; it was gathered once.`);
      return false;
    })
    .map((g) => withKey(g, heldKey(g, contracts, sources)));

  // Which file each tender is taken from in this batch: the first that may be, unless a later one is accepted.
  const claimed = new Map<string, number>();
  const decided: Decision[] = [];
  files.forEach((original, i) => {
    let g = original;
    const given = acceptanceOf(g);
    const recorded = given ? {} : recordedAcceptance(sources[sourceIndex(sources, g.fileName, g.contentHash ?? "", g.tender?.tenderKey ?? "", new Set())], g);
    if (g.verdict === "refused" || g.verdict === "not-an-evaluation") {
      decided[i] = { reasons: [g.verdict], message: given ? `${g.message} ${CANNOT_ACCEPT[g.verdict] ?? ""}` : g.message };
      return;
    }
    const reasons: LeftOutReason[] = [];
    const why: string[] = [];
    if (g.verdict === "changed" || g.verdict === "unsigned") {
      reasons.push(g.verdict);
      why.push(g.message);
    }
    const key = g.tender?.tenderKey ?? "";
    const earlierIndex = claimed.get(key);
    const earlier = earlierIndex === undefined ? undefined : files[earlierIndex];
    const held = heldBy.get(key);
    const heldFile = textIn(held?.SourceFile);
    const named = (name: string): string => (fileKey(name) === fileKey(g.fileName) ? `another file also named "${name}"` : `"${name}"`);
    const duplicate = earlier !== undefined || (heldFile !== "" && fileKey(heldFile) !== fileKey(g.fileName));
    // An acceptance recorded at an earlier gather covers what it was given for (a change, no
    // signature), never a duplicate found now: taking over another file's tender needs asking.
    const acceptance = given ?? (duplicate ? undefined : recorded.carried);
    let own: string | undefined;
    if (duplicate) {
      reasons.push("duplicate");
      const other = earlier ? earlier.fileName : heldFile;
      const differ = differences(identityOf(g), earlier !== undefined ? identityOf(earlier) : heldIdentity(held as AnyRow));
      // Named by its key when the contracts differ: either name would mislead.
      const tender = differ.length > 0 ? key : g.tender?.contract || key;
      const holds = earlier ? `holds the same tender (${tender}) as ${named(other)}, gathered in this batch` : `holds a tender (${tender}) the portfolio already has from ${named(other)}`;
      if (differ.length > 0) {
        own = ownKey(g);
        const then = acceptance ? `It is gathered as a contract of its own, ${own}.` : `It was left out unless you accept it with a reason (it is then gathered as a contract of its own, ${own}).`;
        why.push(`"${g.fileName}" ${holds}, but it looks like a different contract copied from ${named(other)}: ${differ.join("; ")}. ${then}`);
      } else {
        const then = acceptance ? "" : earlier ? " unless you accept it with a reason (it then replaces that file)" : " unless you accept it with a reason (it then updates that tender)";
        why.push(`"${g.fileName}" ${holds}, so it was left out${then}.`);
      }
    }
    if (reasons.length > 0 && !acceptance) {
      if (recorded.stale && !duplicate) why.push(`${recorded.stale.by} accepted an earlier version of the file; accept it again to include it.`);
      decided[i] = { reasons, message: why.join(" ") };
      return;
    }
    if (own !== undefined) {
      // A different contract under a copied tender id: a contract of its own, the first left as it is.
      g = withKey(g, own);
      files[i] = g;
    } else if (earlierIndex !== undefined && earlier) {
      decided[earlierIndex] = { reasons: ["duplicate"], message: `"${earlier.fileName}" was replaced by "${g.fileName}", accepted for the same tender.` };
    }
    claimed.set(g.tender?.tenderKey ?? "", i);
    decided[i] = { reasons: [], message: g.message, ...(reasons.length > 0 && acceptance ? { acceptance } : recorded.carried ? { kept: recorded.carried } : {}) };
    if (reasons.length > 0 && acceptance) {
      const when = given ? "" : " at an earlier gather";
      // Said as what happened: the verdict's "left out unless you accept it" no longer holds.
      const said = why.map((w) => w.replace(UNLESS_ACCEPTED, "")).join(" ");
      say(g, "accepted", `${said} Accepted by ${acceptance.by.trim()}${when}: ${acceptance.reason.trim()}`);
    }
  });

  // Every included file's rows, merged table by table in one pass each.
  const takenIndexes = files.flatMap((_, i) => ((decided[i] as Decision).reasons.length === 0 ? [i] : []));
  const takenAt = new Map(takenIndexes.map((fileIndex, batch) => [fileIndex, batch]));
  const batches = (rowsOf: (g: GatheredEvaluation) => AnyRow[]): Batch[] => takenIndexes.map((i) => ({ tenderKey: (files[i] as GatheredEvaluation).tender!.tenderKey, source: rowsOf(files[i] as GatheredEvaluation) }));
  const mergedContracts = mergeBatches("contracts", contracts, batches((g) => [contractSource(g)]), (r) => textIn(r.Contract));
  const merged = mergeBatches("commitments", commitments, batches(commitmentSources), (r) => `${textIn(r.Contract)}, ${textIn(r.Ref)}`, (r) => ({ Status: ruleStatus(r, today) }));
  const mergedOffers = mergeBatches("offers", offers, batches(offerSources), (r) => `${textIn(r.Contract)}, ${textIn(r.Organisation)}`);
  contracts = mergedContracts.rows;
  commitments = merged.rows;
  offers = mergedOffers.rows;

  const included: string[] = [];
  const leftOut: GatherPlan["leftOut"] = [];
  const decisions: FileDecision[] = [];
  const sourcesTaken = new Set<number>();
  files.forEach((g, fileIndex) => {
    const d = decided[fileIndex] as Decision;
    const takes = d.reasons.length === 0;
    const hash = g.contentHash !== undefined ? { contentHash: g.contentHash } : {};
    let conflicts: string[] = [];
    if (!takes) {
      leftOut.push({ fileName: g.fileName, ...hash, reasons: d.reasons, message: d.message });
      say(g, "left-out", d.message);
    } else {
      included.push(g.fileName);
      if (!d.acceptance) say(g, "included", g.message);
      const i = takenAt.get(fileIndex) as number;
      conflicts = [...(mergedContracts.conflicts[i] ?? []), ...(merged.conflicts[i] ?? []), ...(mergedOffers.conflicts[i] ?? [])];
      for (const text of conflicts) say(g, "conflict", text);
      const goneCommitments = merged.gone[i] ?? 0;
      const goneOffers = mergedOffers.gone[i] ?? 0;
      if (goneCommitments + goneOffers > 0) {
        say(
          g,
          "note",
          `${goneCommitments + goneOffers} row${goneCommitments + goneOffers === 1 ? " is" : "s are"} no longer in "${g.fileName}" (${goneCommitments} commitment${goneCommitments === 1 ? "" : "s"}, ${goneOffers} offer${goneOffers === 1 ? "" : "s"}); kept in the portfolio with InLatestGather No, and left out of the KPIs and totals.`
        );
      }
    }
    for (const note of g.notes) say(g, "note", note);
    const verdict = d.reasons.includes("duplicate") && g.verdict === "intact" ? VERDICT_LABELS.duplicate : VERDICT_LABELS[g.verdict];
    decisions.push({ fileName: g.fileName, ...hash, verdict, included: takes, accepted: takes && d.acceptance !== undefined });
    const accepted = d.acceptance ?? d.kept;
    const row: AnyRow = {
      File: g.fileName,
      TenderKey: g.tender?.tenderKey ?? "",
      Contract: g.tender?.contract ?? "",
      Verdict: verdict,
      // Each typed figure the register's replaced is recorded with the file, not only shown in the
      // pane: Excel cannot undo an add-in's write, so the value typed must be findable afterwards.
      Detail: clip([d.message, ...conflicts].join(" "), MAX_DETAIL_CHARS),
      ChangedSheets: g.changedSheets.join(", "),
      Fingerprint: g.signature?.fingerprint ?? "",
      SignedBy: g.signature?.signedBy ?? "",
      SignedAt: g.signature?.signedAt ?? "",
      Included: yesNo(takes),
      AcceptedReason: accepted?.reason.trim() ?? "",
      AcceptedBy: accepted?.by.trim() ?? "",
      AcceptedAt: accepted?.at ?? "",
      GatheredAt: now,
      FileHash: g.contentHash ?? "",
    };
    // The file's row replaced (columns the user added kept), or a new one.
    const at = sourceIndex(sources, g.fileName, g.contentHash ?? "", textIn(row.TenderKey), sourcesTaken);
    if (at < 0) {
      sources = [...sources, row];
      sourcesTaken.add(sources.length - 1);
    } else {
      sources = sources.map((r, j) => (j === at ? { ...r, ...row } : r));
      sourcesTaken.add(at);
    }
  });

  commitments = commitments.map((r) => (textIn(r.CommitmentKey) === "" ? r : computeCommitment(r, today)));
  contracts = computeContracts(contracts, commitments);
  const byTender = new Map(contracts.map((c) => [textIn(c.TenderKey), c]));
  const kpis = computeKpis((existing.kpis ?? []) as AnyRow[], commitments, byTender, today, thresholds);
  const totals = computeTotals((existing.totals ?? []) as AnyRow[], commitments, byTender);
  return {
    tables: {
      sources: sources as PortfolioRow<"sources">[],
      contracts: contracts as PortfolioRow<"contracts">[],
      commitments: commitments as PortfolioRow<"commitments">[],
      offers: offers as PortfolioRow<"offers">[],
      kpis: kpis as PortfolioRow<"kpis">[],
      totals: totals as PortfolioRow<"totals">[],
    },
    messages,
    included,
    leftOut,
    files: decisions,
  };
}
