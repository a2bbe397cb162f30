/**
 * The portfolio dashboard (issue #20, "Pictures"): what the PF Dashboard sheet shows, worked out
 * from the portfolio's tables as a gather wrote them. Pure: the Excel layer
 * (src/excel/portfolio/writeDashboard.ts) writes each block as a small table of values and draws
 * a native chart over it, so every bar is a cell the reader can check.
 *
 * The blocks, each a header and rows:
 *
 * - the headline: contracts, commitments, £ committed, £ due to date, £ delivered, % delivered;
 * - by theme and by award year: committed and delivered £, PF_Totals' figures as they are (so the
 *   dashboard and the totals table never disagree);
 * - delivery status: how many contracts are behind, on track and ahead (below), and the contracts
 *   behind or ahead listed with their figures;
 * - community offers by recipient type: offers, hours and £.
 *
 * Only current rows count: a commitment or offer the latest gather of its contract no longer
 * listed (InLatestGather No) is left out, as PF_Totals leaves it out.
 *
 * Behind, on track, ahead: a contract's status as at the dashboard's date, from its current
 * commitments in PF_Commitments.
 *
 * - **Behind**: at least one commitment is past its due date (DueDate before the as-at day) and
 *   not fully delivered (Delivered below Committed, or blank). This is the SV Register's rule
 *   (core/report/register.ts registerStatus), the rule PF_Commitments' RuleStatus applies; it is
 *   worked out again here as at `asAt`, so it equals RuleStatus when the dashboard is built at
 *   the gather's time and stays right when it is built later.
 * - **Ahead**: none behind, and more £ delivered than has fallen due: DeliveredValue summed over
 *   its commitments exceeds CommittedValue summed over those whose due date has passed (some
 *   delivery came before it was due).
 * - **On track**: none behind and delivered £ no more than due £ (including nothing due and
 *   nothing delivered yet).
 *
 * A contract with no current commitment has no status: it is counted in the headline only, and
 * the status block says how many there are. The user's own Status column is not used: it is a
 * judgement typed in the portfolio, and a chart must follow one stated rule.
 */
import { excelDay } from "./planGather";
import { registerStatus } from "../report/register";
import { penceOf, poundsOf } from "./money";
import type { PortfolioCell, PortfolioRows } from "./schema";

/** How a column is shown: the Excel layer picks the number format. */
/** How a column of a block shows: text, £ to the penny (as the PF_ tables), a percentage, a whole count, or a number as typed (hours). */
export type DashboardFormat = "text" | "pounds" | "percent" | "count" | "number";

export type DashboardBlockKey = "headline" | "themes" | "years" | "status" | "contracts" | "offers";

export interface DashboardChart {
  /** The chart's name on the sheet: stable, so a rebuild finds and replaces it. */
  name: string;
  title: string;
  /** An Excel.ChartType. */
  type: "ColumnClustered" | "BarClustered";
  categoryAxisTitle: string;
  valueAxisTitle: string;
  valueFormat: DashboardFormat;
  /** The chart's source is the block's header and rows, its first `columns` columns (categories, then one series each). */
  columns: number;
}

export interface DashboardBlock {
  key: DashboardBlockKey;
  title: string;
  header: string[];
  formats: DashboardFormat[];
  /** Values: text, or numbers (pounds as pounds with pence, shares as ratios). */
  rows: (string | number)[][];
  /** Written in place of the rows when there are none; also a block's footnote where `note` says. */
  empty: string;
  /** A sentence under the block (e.g. contracts without commitments); "" for none. */
  note: string;
  /** Absent for a block without a chart. A block with no rows gets no chart (Excel cannot chart a header alone). */
  chart?: DashboardChart;
}

export type DeliveryStatus = "Behind" | "On track" | "Ahead";

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ["Behind", "On track", "Ahead"];

export interface ContractProgress {
  tenderKey: string;
  contract: string;
  supplier: string;
  /** £ in pence, current commitments. */
  committedPence: number;
  /** Committed £ of the commitments whose due date is before the as-at day. */
  duePence: number;
  deliveredPence: number;
  /** Commitments past due and not fully delivered. */
  behind: number;
  status: DeliveryStatus;
}

export interface Dashboard {
  /** False when the portfolio holds no contract: the blocks then say so and no chart is drawn. */
  hasContracts: boolean;
  /** The as-at day as an Excel serial (the local calendar day, as planGather's), the day the status rule is applied on. */
  asAtDay: number;
  blocks: Record<DashboardBlockKey, DashboardBlock>;
  /** Every contract with current commitments, with its figures and status. */
  progress: ContractProgress[];
  /** Contracts without a current commitment (no status). */
  withoutCommitments: number;
}

export const NO_CONTRACTS = "No contracts gathered yet: gather signed evaluations into this portfolio (Council portfolio, at the foot of the pane) and this dashboard is drawn again.";

/** Chart names on the dashboard sheet. Stored in users' workbooks: frozen once shipped. */
/** Contracts listed by name as behind or ahead: enough to act on, few enough to print on one page. */
export const MAX_LISTED = 15;

export const DASHBOARD_CHARTS = {
  themes: "PF_ChartThemes",
  years: "PF_ChartYears",
  status: "PF_ChartStatus",
  offers: "PF_ChartOffers",
} as const;

/** PF_Offers' RecipientType values in the order the bid form lists them; others follow alphabetically. */
const RECIPIENT_ORDER = ["School", "College", "Charity", "Community group", "Other"];


const textIn = (v: PortfolioCell | undefined): string => (typeof v === "string" ? v.trim() : typeof v === "number" || typeof v === "boolean" ? String(v) : "");

function numberIn(v: PortfolioCell | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v.replace(/[£,\s]/g, ""));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const current = (r: { InLatestGather?: PortfolioCell }): boolean => textIn(r.InLatestGather).toLowerCase() !== "no";
const pence = (v: PortfolioCell | undefined): number => penceOf(numberIn(v) ?? 0);
const share = (part: number, whole: number): number | "" => (whole > 0 ? part / whole : "");

/** The dashboard of a portfolio as at `asAt`. */
export function buildDashboard(rows: PortfolioRows, asAt: Date, utcOffsetMinutes?: number): Dashboard {
  const asAtDay = excelDay(asAt, utcOffsetMinutes);
  const hasContracts = rows.contracts.length > 0;
  const commitments = rows.commitments.filter(current);
  const offers = rows.offers.filter(current);
  const emptyLine = (line: string): string => (hasContracts ? line : NO_CONTRACTS);

  // Contracts, in PF_Contracts' order; a commitment whose contract row is missing still counts under its key.
  const progressByKey = new Map<string, ContractProgress>();
  for (const c of rows.contracts) {
    const key = textIn(c.TenderKey);
    if (!progressByKey.has(key)) progressByKey.set(key, { tenderKey: key, contract: textIn(c.Contract) || key, supplier: textIn(c.Supplier), committedPence: 0, duePence: 0, deliveredPence: 0, behind: 0, status: "On track" });
  }
  const withCommitments = new Set<string>();
  for (const r of commitments) {
    const key = textIn(r.TenderKey);
    const p = progressByKey.get(key) ?? { tenderKey: key, contract: textIn(r.Contract) || key, supplier: textIn(r.Supplier), committedPence: 0, duePence: 0, deliveredPence: 0, behind: 0, status: "On track" as const };
    progressByKey.set(key, p);
    withCommitments.add(key);
    const value = pence(r.CommittedValue);
    const due = numberIn(r.DueDate);
    p.committedPence += value;
    if (due !== null && due < asAtDay) p.duePence += value;
    p.deliveredPence += pence(r.DeliveredValue);
    if (registerStatus(numberIn(r.Committed) ?? 0, numberIn(r.Delivered), due, asAtDay) === "Behind") p.behind++;
  }
  const progress = [...progressByKey.values()].filter((p) => withCommitments.has(p.tenderKey));
  for (const p of progress) p.status = p.behind > 0 ? "Behind" : p.deliveredPence > p.duePence ? "Ahead" : "On track";
  const withoutCommitments = progressByKey.size - progress.length;

  const sum = (f: (p: ContractProgress) => number): number => progress.reduce((s, p) => s + f(p), 0);
  const committed = sum((p) => p.committedPence);
  const delivered = sum((p) => p.deliveredPence);
  const headline: DashboardBlock = {
    key: "headline",
    title: "Portfolio at a glance",
    header: ["Contracts", "Commitments", "Committed £", "Due to date £", "Delivered £", "Delivered %"],
    formats: ["count", "count", "pounds", "pounds", "pounds", "percent"],
    rows: hasContracts ? [[progressByKey.size, commitments.length, poundsOf(committed), poundsOf(sum((p) => p.duePence)), poundsOf(delivered), share(delivered, committed)]] : [],
    empty: NO_CONTRACTS,
    note: "",
  };

  const totalsBy = (by: string): (string | number)[][] =>
    rows.totals
      .filter((t) => textIn(t.By) === by)
      .map((t) => {
        const c = pence(t.CommittedValue);
        const d = pence(t.DeliveredValue);
        return [textIn(t.Group), poundsOf(c), poundsOf(d), share(d, c)];
      });
  const moneyHeader = (first: string): string[] => [first, "Committed £", "Delivered £", "Delivered %"];
  const moneyFormats: DashboardFormat[] = ["text", "pounds", "pounds", "percent"];
  const themes: DashboardBlock = {
    key: "themes",
    title: "Committed and delivered by theme",
    header: moneyHeader("Theme"),
    formats: moneyFormats,
    rows: hasContracts ? totalsBy("Theme") : [],
    empty: emptyLine("No commitments in the latest gathers, so no totals by theme."),
    note: "",
    chart: { name: DASHBOARD_CHARTS.themes, title: "Committed and delivered by theme (£)", type: "ColumnClustered", categoryAxisTitle: "Theme", valueAxisTitle: "£", valueFormat: "pounds", columns: 3 },
  };
  // Years in order; "(not signed)" (a contract without a sign-off time) after them.
  const years = hasContracts ? totalsBy("Year").sort((a, b) => String(a[0]).localeCompare(String(b[0]), "en-GB", { numeric: true })) : [];
  const byYear: DashboardBlock = {
    key: "years",
    title: "Committed and delivered by award year",
    header: moneyHeader("Award year"),
    formats: moneyFormats,
    rows: years,
    empty: emptyLine("No commitments in the latest gathers, so no totals by year."),
    note: "",
    chart: { name: DASHBOARD_CHARTS.years, title: "Committed and delivered by award year (£)", type: "ColumnClustered", categoryAxisTitle: "Award year", valueAxisTitle: "£", valueFormat: "pounds", columns: 3 },
  };

  const status: DashboardBlock = {
    key: "status",
    title: "Contracts behind, on track and ahead",
    header: ["Status", "Contracts"],
    formats: ["text", "count"],
    rows: progress.length > 0 ? DELIVERY_STATUSES.map((s) => [s, progress.filter((p) => p.status === s).length]) : [],
    empty: emptyLine("No contract has commitments in the latest gathers, so none is behind or ahead."),
    note:
      (progress.length > 0 ? "Behind: a commitment past its due date and not fully delivered. Ahead: more £ delivered than has fallen due." : "") +
      (withoutCommitments > 0 && hasContracts ? `${progress.length > 0 ? " " : ""}${withoutCommitments} contract${withoutCommitments === 1 ? " has" : "s have"} no current commitments and no status.` : ""),
    chart: { name: DASHBOARD_CHARTS.status, title: "Contracts behind, on track and ahead", type: "ColumnClustered", categoryAxisTitle: "Delivery status", valueAxisTitle: "Contracts", valueFormat: "count", columns: 2 },
  };

  // Behind first (most commitments behind first), then ahead (most £ ahead first); the first
  // MAX_LISTED only, so a portfolio of hundreds of contracts still prints on one legible page.
  const listed = progress
    .filter((p) => p.status !== "On track")
    .sort((a, b) => (a.status === b.status ? (a.status === "Behind" ? b.behind - a.behind : b.deliveredPence - b.duePence - (a.deliveredPence - a.duePence)) || a.contract.localeCompare(b.contract, "en-GB") : a.status === "Behind" ? -1 : 1));
  const contracts: DashboardBlock = {
    key: "contracts",
    title: "The contracts behind or ahead",
    header: ["Contract", "Status", "Commitments behind", "Due to date £", "Delivered £", "Committed £"],
    formats: ["text", "text", "count", "pounds", "pounds", "pounds"],
    rows: listed.slice(0, MAX_LISTED).map((p) => [p.contract, p.status, p.behind, poundsOf(p.duePence), poundsOf(p.deliveredPence), poundsOf(p.committedPence)]),
    empty: emptyLine(progress.length > 0 ? "Every contract is on track." : "No contract has commitments in the latest gathers."),
    note:
      listed.length > MAX_LISTED
        ? `And ${listed.length - MAX_LISTED} more behind or ahead, left off so the dashboard prints on one page: PF_Commitments' RuleStatus shows every commitment behind.`
        : "",
  };

  // One group per type in any case ("school" and "School"), named as the first offer spells it.
  const byType = new Map<string, { type: string; offers: number; hours: number; pence: number }>();
  for (const o of offers) {
    const type = textIn(o.RecipientType) || "(not given)";
    const t = byType.get(type.toLowerCase()) ?? { type, offers: 0, hours: 0, pence: 0 };
    t.offers++;
    t.hours += numberIn(o.Hours) ?? 0;
    t.pence += pence(o.Value);
    byType.set(type.toLowerCase(), t);
  }
  const rank = (type: string): number => {
    const i = RECIPIENT_ORDER.findIndex((k) => k.toLowerCase() === type.toLowerCase());
    return i < 0 ? RECIPIENT_ORDER.length : i;
  };
  const offerRows = [...byType.values()]
    .sort((a, b) => rank(a.type) - rank(b.type) || a.type.localeCompare(b.type, "en-GB"))
    .map((t) => [t.type, t.offers, t.hours, poundsOf(t.pence)]);
  const offersBlock: DashboardBlock = {
    key: "offers",
    title: "Community offers by recipient type",
    header: ["Recipient type", "Offers", "Hours", "Value £"],
    formats: ["text", "count", "number", "pounds"],
    rows: hasContracts ? offerRows : [],
    empty: emptyLine("No community offers in the latest gathers."),
    note: "",
    chart: { name: DASHBOARD_CHARTS.offers, title: "Community offers by recipient type", type: "BarClustered", categoryAxisTitle: "Recipient type", valueAxisTitle: "Offers", valueFormat: "count", columns: 2 },
  };

  return {
    hasContracts,
    asAtDay,
    blocks: { headline, themes, years: byYear, status, contracts, offers: offersBlock },
    progress,
    withoutCommitments,
  };
}
