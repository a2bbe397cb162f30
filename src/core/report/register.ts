/**
 * The commitments register: the winning bid's commitments as the contract manager monitors
 * them after award (DESIGN.md step 7; DOMAIN.md "What users complain about": nobody checks
 * delivery after award). One row per commitment, one fact per row, so Power BI reads it as it is.
 *
 * KPIs councils report, and how a measure is recognised as feeding one. The rules read only
 * what the measure table holds (unit and wording), so they work for the built-in frameworks and
 * for a council's own imported table:
 *
 * - Local spend (£, and % of the contract value): £ measures that describe contract spend —
 *   Essex ECC11 (spend with Essex suppliers), ECC12 (with Essex SMEs), ECC38 (with VCSEs in the
 *   supply chain); the illustrative ILL7 and ILL8. Other £ measures (Essex ECC40 donations,
 *   ECC48 investment against modern slavery) are not spend and do not count. Rule: unit £ and
 *   the description contains the word "spend".
 * - Local employment (FTE): FTE measures of local people employed or working on the contract —
 *   Essex ECC1 and ECC1c, illustrative ILL1. Disadvantaged-group hires (ECC3–ECC7) are counted
 *   in addition to ECC1 for the same person (Essex guidance), so adding them would count people
 *   twice. Rule: unit FTE, the description says "local"/"locally", and "employed" or "working".
 * - Local employment (%): a % measure of the share of the workforce living locally — Essex ECC2,
 *   Colchester's local-workforce share, illustrative ILL6. Rule: unit %, the description says
 *   "local"/"locally"/"live in", and "people", "workforce" or "staff".
 * - Carbon (tCO2e): every measure in tCO2e (illustrative ILL12).
 *
 * Status of a row (the sheet computes it with a formula; {@link registerStatus} is the same rule;
 * a row with no Ref, such as the blank row Excel keeps in a table of no commitments, has none):
 * 1. Delivered — a delivered figure at least the committed quantity;
 * 2. Behind — a due date has passed and less than committed has been delivered;
 * 3. Not started — nothing delivered yet (blank or 0) and not overdue;
 * 4. On track — something delivered, not yet all, and not overdue.
 */
import { UNITS, type UnitKey } from "../setup/units";
import { refKey, type MeasureEntry, indexMeasures } from "../setup/measureTable";
import { bidderKey, criterionKey } from "../shared/refs";

export type KpiId = "local-spend" | "local-employment" | "local-employment-share" | "carbon";

export const KPI_LABELS: Readonly<Record<KpiId, string>> = {
  "local-spend": "Local spend",
  "local-employment": "Local employment",
  "local-employment-share": "Local employment (share of workforce)",
  carbon: "Carbon saved",
};

const words = (text: string): string => ` ${text.toLowerCase().replace(/[^a-z0-9%]+/g, " ")} `;
const has = (text: string, ...terms: string[]): boolean => terms.some((t) => text.includes(` ${t} `));

/** Which KPI a measure feeds, by the rules in the module comment; undefined for none. */
export function kpiOf(measure: Pick<MeasureEntry, "unit" | "description">): KpiId | undefined {
  const text = words(measure.description);
  switch (measure.unit) {
    case "GBP":
      return has(text, "spend") ? "local-spend" : undefined;
    case "FTE":
      return has(text, "local", "locally") && has(text, "employed", "working") ? "local-employment" : undefined;
    case "percent":
      return has(text, "local", "locally") || text.includes(" live in ")
        ? has(text, "people", "workforce", "staff")
          ? "local-employment-share"
          : undefined
        : undefined;
    case "tCO2e":
      return "carbon";
    default:
      return undefined;
  }
}

export type RegisterStatus = "Not started" | "On track" | "Delivered" | "Behind";

/**
 * The status rule of the module comment. `dueDate` and `today` are Excel date serials (days);
 * a blank due date is never overdue.
 */
export function registerStatus(committed: number, delivered: number | null, dueDate: number | null, today: number): RegisterStatus {
  if (delivered !== null && delivered >= committed) return "Delivered";
  if (dueDate !== null && today > dueDate) return "Behind";
  if (delivered === null || delivered === 0) return "Not started";
  return "On track";
}

export interface RegisterCommitment {
  bidder: string;
  ref: string;
  quantity: number;
  evidence?: string;
}

/** What the contract manager typed in an earlier register, kept by Ref when it is rebuilt. */
export interface RegisterEntry {
  dueDate: unknown;
  delivered: unknown;
}

export interface RegisterRow {
  bidder: string;
  ref: string;
  measure: string;
  theme: string;
  /** The unit as the workbook shows it ("FTE", "£", "tCO2e"). */
  unit: string;
  unitKey: UnitKey;
  committed: number;
  /** £ of social value: committed × proxy (0 for record-only measures and those without proxy). */
  value: number;
  kpi: KpiId | undefined;
  evidence: string;
  /** Kept from an earlier register; "" when none. */
  dueDate: unknown;
  delivered: unknown;
}

/**
 * The key of a register entry: its ref and which commitment to that ref it is (0 for the
 * first), counted in `seen` as rows are visited in order. A bidder who gives a ref twice gets
 * two rows, and each keeps its own Due date and Delivered when the register is rebuilt.
 */
export function registerEntryKey(ref: string, seen: Map<string, number>): string {
  const k = refKey(ref);
  const n = seen.get(k) ?? 0;
  seen.set(k, n + 1);
  return `${k}#${n}`;
}

/**
 * The register rows of one bidder, in commitment order. Commitments to a ref not in the
 * measure table are left out (validation reports them). A bidder's repeated ref is one row per
 * commitment row (validation flags the double count), each keeping its own entry by position.
 */
export function registerRows(
  bidder: string,
  commitments: readonly RegisterCommitment[],
  measures: readonly MeasureEntry[],
  kept: ReadonlyMap<string, RegisterEntry> = new Map(),
): RegisterRow[] {
  const byRef = indexMeasures(measures);
  const key = bidderKey(bidder);
  const rows: RegisterRow[] = [];
  const seen = new Map<string, number>();
  for (const c of commitments) {
    if (bidderKey(c.bidder) !== key) continue;
    const m = byRef.get(refKey(c.ref));
    if (!m) continue;
    const entry = kept.get(registerEntryKey(c.ref, seen));
    rows.push({
      bidder: c.bidder.trim(),
      ref: m.ref,
      measure: m.description,
      theme: m.theme,
      unit: UNITS[m.unit].label,
      unitKey: m.unit,
      committed: c.quantity,
      value: m.type === "Record" || m.proxy === null ? 0 : c.quantity * m.proxy,
      kpi: kpiOf(m),
      evidence: c.evidence ?? "",
      dueDate: entry?.dueDate ?? "",
      delivered: entry?.delivered ?? "",
    });
  }
  return rows;
}

export interface RegisterKpi {
  id: KpiId;
  kpi: string;
  unit: string;
  committed: number;
  /** Sum of the Delivered figures entered so far (blank counts 0). */
  delivered: number;
  /** For local spend: committed £ as a share of the contract value. */
  shareOfContract?: number;
  /** Refs that feed this KPI. */
  refs: string[];
}

function deliveredOf(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/**
 * Committed vs delivered for each KPI that at least one row feeds (always the four, in order,
 * so a dashboard has stable rows; a KPI no measure feeds shows 0 with no refs).
 * Local employment share is the committed % itself (a record-only measure): if several rows
 * feed it, the highest is shown, since shares do not add.
 */
export function registerKpis(rows: readonly RegisterRow[], contractValue: number): RegisterKpi[] {
  const ids: KpiId[] = ["local-spend", "local-employment", "local-employment-share", "carbon"];
  const units: Record<KpiId, string> = { "local-spend": "£", "local-employment": "FTE", "local-employment-share": "%", carbon: "tCO2e" };
  return ids.map((id) => {
    const feeding = rows.filter((r) => r.kpi === id);
    const combine = id === "local-employment-share" ? (a: number, b: number) => Math.max(a, b) : (a: number, b: number) => a + b;
    const committed = feeding.reduce((s, r) => combine(s, r.committed), 0);
    const delivered = feeding.reduce((s, r) => combine(s, deliveredOf(r.delivered)), 0);
    const kpi: RegisterKpi = { id, kpi: KPI_LABELS[id], unit: units[id], committed, delivered, refs: feeding.map((r) => r.ref) };
    if (id === "local-spend" && contractValue > 0) kpi.shareOfContract = committed / contractValue;
    return kpi;
  });
}

/** One written answer as the register shows it: the criterion, its question and the bidder's words. */
export interface RegisterAnswer {
  criterion: string;
  /** The question from SV_Criteria; "" when SV_Criteria does not list the criterion. */
  question: string;
  answer: string;
}

/**
 * The bidder's written answers for the register (Thurrock: what the bidder undertook in its
 * answers becomes part of the contract). In the tender's order of criteria, then answers to a
 * criterion the criteria do not list, as they come; an answer given twice to one criterion is
 * shown twice (nothing the bidder wrote is dropped). Blank answers are left out. The text is
 * kept exactly as written: it is the bidder's undertaking.
 */
export function registerAnswers(
  answers: readonly { criterion: string; answer: unknown }[],
  criteria: readonly { id: string; question: string }[],
): RegisterAnswer[] {
  const order = new Map<string, number>();
  criteria.forEach((c, i) => {
    const k = criterionKey(c.id);
    if (k !== "" && !order.has(k)) order.set(k, i);
  });
  const given = answers.flatMap((a, i) => {
    const text = a.answer === null || a.answer === undefined ? "" : String(a.answer);
    if (text.trim() === "") return [];
    const at = order.get(criterionKey(a.criterion));
    return [{ at: at ?? criteria.length, i, row: { criterion: a.criterion.trim(), question: at === undefined ? "" : (criteria[at] as { question: string }).question, answer: text } }];
  });
  return given.sort((a, b) => a.at - b.at || a.i - b.i).map((g) => g.row);
}
