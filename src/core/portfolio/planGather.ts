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
 * Gathering a tender again, from the same file, updates it. Rows are matched by stable keys
 * (schema.ts): the tender; the supplier; the measure ref; and which line to that ref the row is
 * (a supplier may commit to one ref twice). What a gather does to each column depends on its
 * owner (schema.ts): gathered columns take the source's value, shared ones (DueDate, Delivered)
 * the source's when it has one, portfolio columns keep what was typed, computed columns are
 * worked out again for the whole portfolio. A row the source no longer lists is kept, marked
 * InLatestGather No, and left out of KPIs and totals; a column the user added to a table is kept.
 */
import { readQuantity } from "../shared/cells";
import { bidderKey, refKey } from "../shared/refs";
import { KPI_LABELS, registerStatus, type KpiId } from "../report/register";
import { ACT_COMMENCEMENT, valueBothWays } from "../setup/statutoryThresholds";
import { VERDICT_LABELS, type GatheredEvaluation } from "./gathered";
import { DEFAULT_RATING_THRESHOLDS, noticeDraft, rateKpi, type RatingThresholds } from "./kpiRating";
import { penceOf, poundsOf, shareOfPence } from "./money";
import { PORTFOLIO_TABLES, type PortfolioCell, type PortfolioRow, type PortfolioRows, type PortfolioTableKey } from "./schema";

/** The user's acceptance of a file the gather would leave out. */
export interface Acceptance {
  fileName: string;
  reason: string;
  by: string;
  /** ISO 8601. */
  at: string;
}

export interface GatherOptions {
  /** The time of the gather: GatheredAt, and "today" for the status rule and whether a commitment is due. */
  now: Date;
  thresholds?: RatingThresholds;
}

export type LeftOutReason = "changed" | "unsigned" | "duplicate" | "not-an-evaluation" | "refused";

export interface GatherMessage {
  fileName: string;
  kind: "included" | "accepted" | "left-out" | "note" | "conflict";
  text: string;
}

export interface GatherPlan {
  /** Every portfolio table as it is to be written, whole. */
  tables: PortfolioRows;
  messages: GatherMessage[];
  /** Files whose contents this gather takes. */
  included: string[];
  leftOut: { fileName: string; reasons: LeftOutReason[]; message: string }[];
}

/** Excel's serial of the day `date` falls on (UTC), as TODAY() gives it. */
export function excelDay(date: Date): number {
  return Math.floor(date.getTime() / 86_400_000) + 25_569;
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

export const commitmentKey = (tenderKey: string, supplier: string, ref: string, line: number): string => `${tenderKey}|${bidderKey(supplier)}|${refKey(ref)}|${line}`;
export const offerKey = (tenderKey: string, supplier: string, organisation: string, line: number): string => `${tenderKey}|${bidderKey(supplier)}|${bidderKey(organisation)}|${line}`;
export const kpiKey = (tenderKey: string, kpi: string): string => `${tenderKey}|${kpi}`;

type AnyRow = Record<string, PortfolioCell | undefined>;

const OWNERS = new Map<PortfolioTableKey, Map<string, string>>();

/** The columns of a table by owner (worked out once per table). */
function owners(key: PortfolioTableKey): Map<string, string> {
  let byColumn = OWNERS.get(key);
  if (!byColumn) OWNERS.set(key, (byColumn = new Map(PORTFOLIO_TABLES[key].columns.map((c) => [c.name, c.owner]))));
  return byColumn;
}

/**
 * One row after a gather: the existing row's values (columns the user added included), the
 * source's gathered columns, the shared ones by the rule of the module comment, and the
 * portfolio's own kept. `defaults` fill a blank portfolio column.
 */
function mergeRow(table: PortfolioTableKey, existing: AnyRow | undefined, source: AnyRow, label: string, conflicts: string[], defaults: AnyRow = {}): AnyRow {
  const out: AnyRow = { ...(existing ?? {}) };
  for (const [column, owner] of owners(table)) {
    const before = existing?.[column];
    const now = source[column];
    if (owner === "gathered") out[column] = now ?? "";
    else if (owner === "shared") {
      if (!isBlank(now)) {
        if (!isBlank(before) && before !== now) conflicts.push(`${label}: ${column} was ${textIn(before)} in the portfolio and is ${textIn(now)} in the workbook now; the workbook's was taken.`);
        out[column] = now;
      } else out[column] = isBlank(before) ? "" : before;
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

/** PF_Totals: by theme, supplier and award year, in pence, from the current commitments. */
function computeTotals(commitments: readonly AnyRow[], contracts: ReadonlyMap<string, AnyRow>): AnyRow[] {
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
  return [...totals.values()]
    .sort((a, b) => order.indexOf(a.by) - order.indexOf(b.by) || a.group.localeCompare(b.group, "en-GB"))
    .map((t) => ({
      TotalKey: `${t.by}|${t.group}`,
      By: t.by,
      Group: t.group,
      Contracts: t.contracts.size,
      Commitments: t.commitments,
      CommittedValue: poundsOf(t.committed),
      DeliveredValue: poundsOf(t.delivered),
      DeliveredShare: t.committed > 0 ? t.delivered / t.committed : "",
    }));
}

// ---------------------------------------------------------------------------------------------

const CANNOT_ACCEPT: Partial<Record<GatheredEvaluation["verdict"], string>> = {
  refused: "It cannot be accepted: nothing could be read from it.",
  "not-an-evaluation": "It cannot be accepted: it holds no evaluation to gather.",
};

/** Decides a gather: see the module comment. */
export function planGather(existing: Partial<PortfolioRows>, gathered: readonly GatheredEvaluation[], acceptances: readonly Acceptance[], options: GatherOptions): GatherPlan {
  const now = options.now.toISOString();
  const today = excelDay(options.now);
  const thresholds = options.thresholds ?? DEFAULT_RATING_THRESHOLDS;
  const accepted = new Map<string, Acceptance>();
  const messages: GatherMessage[] = [];
  for (const a of acceptances) {
    if (a.reason.trim() === "" || a.by.trim() === "") {
      messages.push({ fileName: a.fileName, kind: "note", text: `The acceptance of "${a.fileName}" was not used: it needs a reason and the name of who accepts it.` });
    } else accepted.set(fileKey(a.fileName), a);
  }

  let sources = [...((existing.sources ?? []) as AnyRow[])];
  let contracts = [...((existing.contracts ?? []) as AnyRow[])];
  let commitments = [...((existing.commitments ?? []) as AnyRow[])];
  let offers = [...((existing.offers ?? []) as AnyRow[])];
  const heldFrom = new Map(contracts.map((c) => [textIn(c.TenderKey), textIn(c.SourceFile)]));

  // A file chosen twice (the same name) is one file: gathered once, said once.
  const names = new Set<string>();
  const files = gathered.filter((g) => {
    if (!names.has(fileKey(g.fileName))) return names.add(fileKey(g.fileName));
    messages.push({ fileName: g.fileName, kind: "note", text: `"${g.fileName}" was chosen twice; it was gathered once.` });
    return false;
  });

  // Which file each tender is taken from in this batch: the first that may be, unless a later one is accepted.
  const claimed = new Map<string, GatheredEvaluation>();
  const decided = new Map<GatheredEvaluation, { reasons: LeftOutReason[]; message: string; acceptance?: Acceptance }>();
  for (const g of files) {
    const acceptance = accepted.get(fileKey(g.fileName));
    if (g.verdict === "refused" || g.verdict === "not-an-evaluation") {
      decided.set(g, { reasons: [g.verdict], message: acceptance ? `${g.message} ${CANNOT_ACCEPT[g.verdict] ?? ""}` : g.message });
      continue;
    }
    const reasons: LeftOutReason[] = [];
    const why: string[] = [];
    if (g.verdict === "changed" || g.verdict === "unsigned") {
      reasons.push(g.verdict);
      why.push(g.message);
    }
    const key = g.tender?.tenderKey ?? "";
    const earlier = claimed.get(key);
    const held = heldFrom.get(key);
    if (earlier) {
      reasons.push("duplicate");
      why.push(`"${g.fileName}" holds the same tender (${g.tender?.contract || key}) as "${earlier.fileName}", gathered in this batch, so it was left out${acceptance ? "" : " unless you accept it with a reason (it then replaces that file)"}.`);
    } else if (held !== undefined && held !== "" && fileKey(held) !== fileKey(g.fileName)) {
      reasons.push("duplicate");
      why.push(`"${g.fileName}" holds a tender (${g.tender?.contract || key}) the portfolio already has from "${held}", so it was left out${acceptance ? "" : " unless you accept it with a reason (it then updates that tender)"}.`);
    }
    if (reasons.length > 0 && !acceptance) {
      decided.set(g, { reasons, message: why.join(" ") });
      continue;
    }
    if (earlier) decided.set(earlier, { reasons: ["duplicate"], message: `"${earlier.fileName}" was replaced by "${g.fileName}", accepted for the same tender.` });
    claimed.set(key, g);
    decided.set(g, { reasons: [], message: g.message, ...(reasons.length > 0 && acceptance ? { acceptance } : {}) });
    if (reasons.length > 0 && acceptance) messages.push({ fileName: g.fileName, kind: "accepted", text: `${why.join(" ")} Accepted by ${acceptance.by}: ${acceptance.reason.trim()}` });
  }

  // Every included file's rows, merged table by table in one pass each.
  const taken = files.filter((g) => decided.get(g)!.reasons.length === 0);
  const takenIndex = new Map(taken.map((g, i) => [g, i]));
  const batches = (rowsOf: (g: GatheredEvaluation) => AnyRow[]): Batch[] => taken.map((g) => ({ tenderKey: g.tender!.tenderKey, source: rowsOf(g) }));
  const mergedContracts = mergeBatches("contracts", contracts, batches((g) => [contractSource(g)]), (r) => textIn(r.Contract));
  const merged = mergeBatches("commitments", commitments, batches(commitmentSources), (r) => `${textIn(r.Contract)}, ${textIn(r.Ref)}`, (r) => ({ Status: ruleStatus(r, today) }));
  const mergedOffers = mergeBatches("offers", offers, batches(offerSources), (r) => `${textIn(r.Contract)}, ${textIn(r.Organisation)}`);
  contracts = mergedContracts.rows;
  commitments = merged.rows;
  offers = mergedOffers.rows;

  const included: string[] = [];
  const leftOut: GatherPlan["leftOut"] = [];
  for (const g of files) {
    const d = decided.get(g)!;
    const takes = d.reasons.length === 0;
    if (!takes) {
      leftOut.push({ fileName: g.fileName, reasons: d.reasons, message: d.message });
      messages.push({ fileName: g.fileName, kind: "left-out", text: d.message });
    } else {
      included.push(g.fileName);
      if (!d.acceptance) messages.push({ fileName: g.fileName, kind: "included", text: g.message });
      const i = takenIndex.get(g) as number;
      const conflicts = [...(mergedContracts.conflicts[i] ?? []), ...(merged.conflicts[i] ?? []), ...(mergedOffers.conflicts[i] ?? [])];
      for (const text of conflicts) messages.push({ fileName: g.fileName, kind: "conflict", text });
      const goneCommitments = merged.gone[i] ?? 0;
      const goneOffers = mergedOffers.gone[i] ?? 0;
      if (goneCommitments + goneOffers > 0) {
        messages.push({
          fileName: g.fileName,
          kind: "note",
          text: `${goneCommitments + goneOffers} row${goneCommitments + goneOffers === 1 ? " is" : "s are"} no longer in "${g.fileName}" (${goneCommitments} commitment${goneCommitments === 1 ? "" : "s"}, ${goneOffers} offer${goneOffers === 1 ? "" : "s"}); kept in the portfolio with InLatestGather No, and left out of the KPIs and totals.`,
        });
      }
    }
    for (const note of g.notes) messages.push({ fileName: g.fileName, kind: "note", text: note });
    sources = upsertSource(sources, {
      File: g.fileName,
      TenderKey: g.tender?.tenderKey ?? "",
      Contract: g.tender?.contract ?? "",
      Verdict: d.reasons.includes("duplicate") && g.verdict === "intact" ? VERDICT_LABELS.duplicate : VERDICT_LABELS[g.verdict],
      Detail: d.message,
      ChangedSheets: g.changedSheets.join(", "),
      Fingerprint: g.signature?.fingerprint ?? "",
      SignedBy: g.signature?.signedBy ?? "",
      SignedAt: g.signature?.signedAt ?? "",
      Included: yesNo(takes),
      AcceptedReason: d.acceptance?.reason.trim() ?? "",
      AcceptedBy: d.acceptance?.by.trim() ?? "",
      AcceptedAt: d.acceptance?.at ?? "",
      GatheredAt: now,
    });
  }

  commitments = commitments.map((r) => (textIn(r.CommitmentKey) === "" ? r : computeCommitment(r, today)));
  contracts = computeContracts(contracts, commitments);
  const byTender = new Map(contracts.map((c) => [textIn(c.TenderKey), c]));
  const kpis = computeKpis((existing.kpis ?? []) as AnyRow[], commitments, byTender, today, thresholds);
  const totals = computeTotals(commitments, byTender);
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
  };
}

/** PF_Sources with the file's row replaced (by name, ignoring case) or added; columns the user added kept. */
function upsertSource(rows: readonly AnyRow[], row: AnyRow): AnyRow[] {
  const i = rows.findIndex((r) => fileKey(textIn(r.File)) === fileKey(textIn(row.File)));
  if (i < 0) return [...rows, row];
  return rows.map((r, j) => (j === i ? { ...r, ...row } : r));
}
