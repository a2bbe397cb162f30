/**
 * The panel's clarification outcomes for implausible commitments (issue #16 point 4), as the
 * SV Clarifications sheet holds them (table SV_Clarifications, CLARIFICATION_COLUMNS).
 *
 * A commitment or a bid's total that is implausible (SV123, SV124, SV206, SV207) holds the bid's
 * score for commitments until the panel has asked the bidder and decided one of:
 * - Accepted: counted as stated;
 * - Capped: counted at CappedAt (the quantity in the measure's unit; £ for a whole bid);
 * - Excluded: counts 0.
 * Ref blank is the whole bid (a bid-total issue). An outcome counts only with its Reason, who
 * decided (DecidedBy) and when (DecidedAt, an Excel date): a decision the panel cannot explain
 * later is not one it can defend (Procurement Act 2023 s.98 asks for the reasons of material
 * decisions to be kept). The sheet's formulas apply exactly these rules (tableFormulas.ts): the
 * first complete row for an item decides it; a later row for the same item is ignored.
 */
import { cellError, headerIndex, isBlank, readQuantity, readText } from "../shared/cells";
import { formatIsoDate, formatNumber } from "../shared/format";
import { bidderKey, refKey } from "../shared/refs";
import { sheetDate } from "../setup/settingsFromSheet";
import { decide, refuse, type Decision } from "../shared/decision";

export const CLARIFICATION_OUTCOMES = ["Accepted", "Capped", "Excluded"] as const;
export type ClarificationOutcome = (typeof CLARIFICATION_OUTCOMES)[number];

/** One row of SV_Clarifications as read: every field is whatever its cell holds. */
export interface ClarificationInputRow {
  /** 1-based sheet row. */
  row: number;
  bidder: unknown;
  ref: unknown;
  issue: unknown;
  outcome: unknown;
  cappedAt: unknown;
  reason: unknown;
  decidedBy: unknown;
  decidedAt: unknown;
}

/** A decided clarification: an outcome with everything it needs. */
export interface Clarification {
  row: number;
  bidder: string;
  /** The measure ref; undefined for the whole bid. */
  ref?: string;
  issue: string;
  outcome: ClarificationOutcome;
  /** Capped only: the quantity counted (£ for the whole bid). */
  cappedAt?: number;
  reason: string;
  decidedBy: string;
  /** Excel date serial. */
  decidedAt: number;
}

/** A row of SV Clarifications that records no outcome, and why, in a sentence. */
export interface ClarificationProblem {
  row: number;
  bidder?: string;
  ref?: string;
  message: string;
}

export interface ClarificationsRead {
  decided: Clarification[];
  problems: ClarificationProblem[];
}

/** SV_Clarifications' body (headers as the sheet has them, in any order) as input rows; `firstRow` is the sheet row of the first body row. */
export function clarificationInputRows(headers: readonly string[], body: readonly (readonly unknown[])[], firstRow: number): ClarificationInputRow[] {
  const col = headerIndex(headers);
  const at = (row: readonly unknown[], name: string): unknown => (col(name) >= 0 ? row[col(name)] : undefined);
  return body.map((row, i) => ({
    row: firstRow + i,
    bidder: at(row, "Bidder"),
    ref: at(row, "Ref"),
    issue: at(row, "Issue"),
    outcome: at(row, "Outcome"),
    cappedAt: at(row, "CappedAt"),
    reason: at(row, "Reason"),
    decidedBy: at(row, "DecidedBy"),
    decidedAt: at(row, "DecidedAt"),
  }));
}

/** The key a clarification and a commitment share: bidder and ref (blank ref: the whole bid). */
export function clarificationKey(bidder: string, ref: string | undefined): string {
  return bidderKey(bidder) + "\u0000" + (ref === undefined ? "" : refKey(ref));
}

function outcomeOf(cell: unknown): ClarificationOutcome | undefined {
  const text = readText(cell)?.toLowerCase();
  return CLARIFICATION_OUTCOMES.find((o) => o.toLowerCase() === text);
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/**
 * The rows of SV_Clarifications: the decided outcomes, and a problem for each row whose outcome
 * does not count yet (unknown outcome, Capped without a figure, reason, who or date missing).
 * A row with a blank Outcome is an item not yet decided: no problem. Never throws on cell content.
 */
export function readClarifications(rows: readonly ClarificationInputRow[]): ClarificationsRead {
  const decided: Clarification[] = [];
  const problems: ClarificationProblem[] = [];
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    if (r === null || typeof r !== "object") continue;
    if (isBlank(r.outcome)) continue;
    const bidder = readText(r.bidder);
    const ref = readText(r.ref);
    const where = `Row ${r.row} of SV Clarifications`;
    const about = bidder === undefined ? where : `${where} (${bidder}${ref === undefined ? ", whole bid" : `, ${ref}`})`;
    const problem = (message: string): void => {
      problems.push({ row: r.row, ...(bidder !== undefined ? { bidder } : {}), ...(ref !== undefined ? { ref } : {}), message });
    };
    const outcome = outcomeOf(r.outcome);
    if (outcome === undefined) {
      problem(`${about}: “${readText(r.outcome) ?? String(cellError(r.outcome) ?? "")}” is not an outcome. Choose Accepted, Capped or Excluded.`);
      continue;
    }
    if (bidder === undefined) {
      problem(`${where}: the outcome ${outcome} names no bidder. Enter the bidder as SV Commitments spells it.`);
      continue;
    }
    const missing: string[] = [];
    const capped = readQuantity(r.cappedAt);
    if (outcome === "Capped" && !(capped.kind === "number" && !capped.fromText && capped.value >= 0)) missing.push("the figure it is capped at (CappedAt, a number)");
    const reason = readText(r.reason);
    if (reason === undefined) missing.push("the reason");
    const decidedBy = readText(r.decidedBy);
    if (decidedBy === undefined) missing.push("who decided (DecidedBy)");
    const decidedAt = typeof r.decidedAt === "number" && Number.isFinite(r.decidedAt) && r.decidedAt > 0 ? r.decidedAt : undefined;
    if (decidedAt === undefined) missing.push("the date decided (DecidedAt, a date)");
    if (missing.length > 0 || reason === undefined || decidedBy === undefined || decidedAt === undefined) {
      problem(`${about}: the outcome ${outcome} is not recorded yet, because it lacks ${joinWords(missing)}. Until it has them the bid stays held.`);
      continue;
    }
    const key = clarificationKey(bidder, ref);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      problem(`${about}: the same item is already decided in row ${earlier}, which counts; delete this row or that one.`);
      continue;
    }
    firstRow.set(key, r.row);
    decided.push({
      row: r.row,
      bidder,
      ...(ref !== undefined ? { ref } : {}),
      issue: readText(r.issue) ?? "",
      outcome,
      ...(outcome === "Capped" && capped.kind === "number" ? { cappedAt: capped.value } : {}),
      reason,
      decidedBy,
      decidedAt,
    });
  }
  return { decided, problems };
}

/** Decided clarifications by `clarificationKey`. */
export function indexClarifications(decided: readonly Clarification[]): ReadonlyMap<string, Clarification> {
  const map = new Map<string, Clarification>();
  for (const c of decided) {
    const key = clarificationKey(c.bidder, c.ref);
    if (!map.has(key)) map.set(key, c);
  }
  return map;
}

/** The quantity a commitment counts once clarified: as stated, capped (never raised by a cap) or 0. */
export function countedQuantity(quantity: number, clarification: Pick<Clarification, "outcome" | "cappedAt"> | undefined): number {
  if (clarification === undefined || clarification.outcome === "Accepted") return quantity;
  if (clarification.outcome === "Excluded") return 0;
  return Math.min(quantity, clarification.cappedAt ?? quantity);
}

/** The outcome in words, as the Check column and the summaries say it ("capped at 5,000"). */
export function describeOutcome(c: Pick<Clarification, "outcome" | "cappedAt">): string {
  if (c.outcome === "Capped") return c.cappedAt === undefined ? "capped" : `capped at ${formatNumber(c.cappedAt, 2)}`;
  return c.outcome === "Accepted" ? "accepted as stated" : "excluded (counts 0)";
}

/** The whole decision in words, for the bidder's summary: "capped at 500 by J Patel on 1 January 2026: the bidder confirmed …". */
export function describeClarification(c: Clarification): string {
  const reason = c.reason.trim();
  return `${describeOutcome(c)} by ${c.decidedBy} on ${decidedOn(c)}: ${reason}${/[.!?]$/.test(reason) ? "" : "."}`;
}

/** When it was decided, as a person writes a date ("1 January 2026"). */
function decidedOn(c: Pick<Clarification, "decidedAt">): string {
  const iso = sheetDate(c.decidedAt);
  return iso === undefined ? String(c.decidedAt) : formatIsoDate(iso);
}

/** The findings that hold a bid until the panel records an outcome (a commitment's, or the whole bid's). */
export const IMPLAUSIBLE_CODES: readonly string[] = ["SV123", "SV124", "SV206", "SV207"];

/** What the pane's form sends to record an outcome. */
export interface ClarificationRequest {
  bidder: string;
  /** Blank or undefined: the whole bid. */
  ref?: string;
  /** What was implausible, in words (the finding's message). */
  issue: string;
  outcome: string;
  /** Capped only: the quantity counted. */
  cappedAt?: number | null;
  reason: string;
  decidedBy: string;
  /** yyyy-mm-dd, as a date field gives it. */
  decidedAt: string;
}

/** Days from Excel's day 0 (30 December 1899, the 1900 date system) to the date. */
function excelSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return undefined;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(utc);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return undefined;
  return Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * The SV_Clarifications cells for an outcome the panel records, or why it cannot be recorded:
 * the same rules readClarifications applies, so a recorded outcome always counts.
 */
export function clarificationCells(request: ClarificationRequest): Decision<Record<"Bidder" | "Ref" | "Issue" | "Outcome" | "CappedAt" | "Reason" | "DecidedBy" | "DecidedAt", string | number>> {
  return decide(() => {
    const bidder = request.bidder.trim();
    if (bidder === "") refuse("Say which bidder the outcome is for.");
    const outcome = outcomeOf(request.outcome);
    if (outcome === undefined) refuse("Choose the outcome: Accepted (as stated), Capped (at a figure) or Excluded (counts 0).");
    const capped = request.cappedAt;
    if (outcome === "Capped" && !(typeof capped === "number" && Number.isFinite(capped) && capped >= 0)) refuse("Give the figure it is capped at: the quantity that counts, 0 or more.");
    const reason = request.reason.trim();
    if (reason === "") refuse("Give the panel's reason: the outcome is part of the signed record and must say why.");
    const decidedBy = request.decidedBy.trim();
    if (decidedBy === "") refuse("Say who decided (the panel, or its chair by name).");
    const decidedAt = excelSerial(request.decidedAt);
    if (decidedAt === undefined) refuse("Give the date the panel decided.");
    return {
      Bidder: bidder,
      Ref: (request.ref ?? "").trim(),
      Issue: request.issue.trim(),
      Outcome: outcome,
      CappedAt: outcome === "Capped" ? (capped as number) : "",
      Reason: reason,
      DecidedBy: decidedBy,
      DecidedAt: decidedAt,
    };
  });
}
