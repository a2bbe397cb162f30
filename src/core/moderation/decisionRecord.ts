/**
 * The decision record the Procurement Act 2023 s.98 asks a contracting authority to keep: records
 * sufficient to explain each material decision, kept until 3 years after the contract is entered
 * into (PCR 2015 reg 84 for procurements begun before 24 February 2025; DOMAIN.md "Moderation
 * and the record the law expects"). For the social value part the material decisions are the
 * threshold verdict, the scope (outcomes and measures), the weighting and scoring, each
 * moderated mark, each clarification outcome and the sign-off — each with who, when and why.
 *
 * Where each comes from, all in the workbook (so the signed record and its fingerprint cover it):
 *
 * - threshold verdict, scope, weighting: their values on SV Setup and SV Measures; who, when and
 *   why from the newest matching row of SV_Decisions, the log the pane appends to when someone
 *   records the decision. A row whose Value is not what the settings hold now no longer explains
 *   them: the entry then says the decision changed since it was recorded.
 * - each consensus: SV_Consensus (Consensus or Mark, AgreedBy, AgreedAt, Rationale).
 * - each clarification outcome: SV_Clarifications (Outcome, CappedAt, DecidedBy, DecidedAt,
 *   Reason), when the workbook has that sheet.
 * - sign-off: the signed record (who and when; why: the final review found nothing open, as
 *   sign-off is refused otherwise).
 *
 * Pure: reads a moderation snapshot, never throws on what a cell holds.
 */
import { DECISION_COLUMNS, SETTING_NAMES, SHEETS } from "../shared/layout";
import { readQuantity, readText } from "../shared/cells";
import { decide, refuse, type Decision } from "../shared/decision";
import { formatNumber, formatPercent } from "../shared/format";
import { sheetDate } from "../setup/settingsFromSheet";
import { cellOf, textOf, type ModerationSnapshot, type TableData } from "./snapshot";

/** The decisions SV Setup holds, whose who/when/why the pane logs in SV_Decisions. */
export const LOGGED_DECISIONS = {
  threshold: "Threshold verdict",
  scope: "Scope",
  weighting: "Weighting",
} as const;
export type LoggedDecision = keyof typeof LOGGED_DECISIONS;

export type DecisionKind = LoggedDecision | "consensus" | "clarification" | "signOff";

export interface DecisionEntry {
  kind: DecisionKind;
  /** What was decided about, e.g. "Threshold verdict" or "Consensus: Acme Ltd, ILL-Q1". */
  decision: string;
  /** The decision as it stands in the workbook. */
  value: string;
  by: string;
  at: string;
  why: string;
  /** Where it is recorded, e.g. "SV Moderation row 5". */
  where: string;
  /** What the record lacks for this decision, as a sentence; absent when who, when and why are all there. */
  missing?: string;
}

const cellText = (value: unknown): string => {
  if (typeof value === "number" && Number.isFinite(value)) return formatNumber(value, 4);
  return readText(value) ?? "";
};

function setting(wb: ModerationSnapshot, key: keyof typeof SETTING_NAMES): unknown {
  return wb.settings[key]?.value;
}

function percentSetting(wb: ModerationSnapshot, key: keyof typeof SETTING_NAMES): string {
  const q = readQuantity(setting(wb, key));
  return q.kind === "number" ? formatPercent(q.value) : "not set";
}

/** Measures SV_Measures marks in scope, by ref. */
function measuresInScope(wb: ModerationSnapshot): string[] {
  const t = wb.tables.measures;
  if (!t) return [];
  return t.rows
    .filter((r) => /^(yes|y|true)$/i.test(String(cellOf(t, r, "InScope") ?? "").trim()))
    .map((r) => textOf(t, r, "Ref"))
    .filter((ref) => ref !== "");
}

/**
 * The current value of a decision SV Setup holds, as SV_Decisions records it: the same text
 * whenever the settings are the same, so a logged row can be matched with them.
 */
export function decisionValue(wb: ModerationSnapshot, kind: LoggedDecision): string {
  switch (kind) {
    case "threshold":
      return cellText(setting(wb, "threshold")) || "not set";
    case "scope": {
      const outcomes = cellText(setting(wb, "outcomesInScope")) || "none listed";
      const measures = measuresInScope(wb);
      return `Outcomes: ${outcomes}. Measures in scope: ${measures.length > 0 ? measures.join(", ") : "none marked"}.`;
    }
    case "weighting": {
      const points = readQuantity(setting(wb, "maxPoints"));
      const method = cellText(setting(wb, "method")) || "not set";
      const target = method.toLowerCase() === "target" ? `, target ${percentSetting(wb, "targetReturn")} of the contract value` : "";
      return `Weighting ${percentSetting(wb, "weighting")}, ${points.kind === "number" ? formatNumber(points.value) : "no"} points, ${percentSetting(wb, "quantitativeShare")} for commitments, method ${method}${target}, roll-up ${cellText(setting(wb, "rollUp")) || "not set"}.`;
    }
  }
}

/** A time as the record shows it: ISO text as written, an Excel date as yyyy-mm-dd. */
function whenText(value: unknown): string {
  if (typeof value === "number") return sheetDate(value) ?? "";
  return readText(value) ?? "";
}

function missingOf(by: string, at: string, why: string): string | undefined {
  const gaps = [by ? "" : "who", at ? "" : "when", why ? "" : "why"].filter((g) => g !== "");
  if (gaps.length === 0) return undefined;
  return `Not recorded: ${gaps.join(", ")}.`;
}

function loggedEntries(wb: ModerationSnapshot): DecisionEntry[] {
  const log = wb.tables.decisions;
  return (Object.keys(LOGGED_DECISIONS) as LoggedDecision[]).map((kind) => {
    const label = LOGGED_DECISIONS[kind];
    const value = decisionValue(wb, kind);
    let latest: { row: number; value: string; by: string; at: string; why: string } | undefined;
    log?.rows.forEach((r, i) => {
      if (textOf(log, r, "Decision").toLowerCase() !== label.toLowerCase()) return;
      const at = whenText(cellOf(log, r, "DecidedAt"));
      // The newest by time; rows with the same time (or none) in sheet order.
      if (latest === undefined || at >= latest.at) latest = { row: log.firstRow + i, value: fullCell(log, r, "Value"), by: textOf(log, r, "DecidedBy"), at, why: textOf(log, r, "Reason") };
    });
    const where = `${SHEETS.setup}`;
    if (latest === undefined) {
      return { kind, decision: label, value, by: "", at: "", why: "", where, missing: `Not recorded: who, when, why. Record this decision on the Report page (Decision record).` };
    }
    if (latest.value !== value) {
      return {
        kind,
        decision: label,
        value,
        by: "",
        at: "",
        why: "",
        where: `${SHEETS.decisions} row ${latest.row}`,
        missing: `Changed since ${latest.by || "someone"} recorded it${latest.at ? ` on ${latest.at}` : ""} (then: ${latest.value}). Record the decision again, with its reason.`,
      };
    }
    const missing = missingOf(latest.by, latest.at, latest.why);
    return { kind, decision: label, value, by: latest.by, at: latest.at, why: latest.why, where: `${SHEETS.decisions} row ${latest.row}`, ...(missing ? { missing } : {}) };
  });
}

function fullCell(t: TableData, row: unknown[], header: string): string {
  const v = cellOf(t, row, header);
  return typeof v === "string" ? v : cellText(v);
}

function consensusEntries(wb: ModerationSnapshot): DecisionEntry[] {
  const t = wb.tables.consensus;
  if (!t) return [];
  const rollUp = cellText(setting(wb, "rollUp")).toLowerCase() || "consensus";
  const out: DecisionEntry[] = [];
  t.rows.forEach((r, i) => {
    const bidder = textOf(t, r, "Bidder");
    const criterion = textOf(t, r, "Criterion");
    if (!bidder || !criterion) return;
    const consensus = readQuantity(cellOf(t, r, "Consensus"));
    const mark = readQuantity(cellOf(t, r, "Mark"));
    const value =
      consensus.kind === "number" ? `Consensus mark ${formatNumber(consensus.value)}` : mark.kind === "number" && rollUp !== "consensus" ? `Mark ${formatNumber(mark.value)} (${rollUp} of the evaluators' marks)` : "";
    if (!value) return;
    const by = textOf(t, r, "AgreedBy");
    const at = whenText(cellOf(t, r, "AgreedAt"));
    const why = fullCell(t, r, "Rationale").trim();
    const missing = missingOf(by, at, why);
    out.push({ kind: "consensus", decision: `Consensus: ${bidder}, ${criterion}`, value, by, at, why, where: `${SHEETS.moderation} row ${t.firstRow + i}`, ...(missing ? { missing } : {}) });
  });
  return out;
}

function clarificationEntries(wb: ModerationSnapshot): DecisionEntry[] {
  const t = wb.tables.clarifications;
  if (!t) return [];
  const out: DecisionEntry[] = [];
  t.rows.forEach((r, i) => {
    const bidder = textOf(t, r, "Bidder");
    if (!bidder) return;
    const ref = textOf(t, r, "Ref");
    const outcome = textOf(t, r, "Outcome");
    const capped = textOf(t, r, "CappedAt");
    const issue = textOf(t, r, "Issue");
    const value = outcome ? `${outcome}${outcome.toLowerCase() === "capped" && capped ? ` at ${capped}` : ""}${issue ? ` (${issue})` : ""}` : `Not decided yet${issue ? ` (${issue})` : ""}`;
    const by = textOf(t, r, "DecidedBy");
    const at = whenText(cellOf(t, r, "DecidedAt"));
    const why = fullCell(t, r, "Reason").trim();
    const missing = outcome ? missingOf(by, at, why) : "The panel has not recorded an outcome yet.";
    out.push({ kind: "clarification", decision: `Clarification: ${bidder}${ref ? `, ${ref}` : ", whole bid"}`, value, by, at, why, where: `${t.sheet} row ${t.firstRow + i}`, ...(missing ? { missing } : {}) });
  });
  return out;
}

function signOffEntry(wb: ModerationSnapshot): DecisionEntry {
  const r = wb.record;
  if (!r) return { kind: "signOff", decision: "Sign-off", value: "Not signed off yet", by: "", at: "", why: "", where: SHEETS.signOff, missing: "The record is not signed off yet: sign it off on the Moderation page once the final review is clear." };
  return {
    kind: "signOff",
    decision: "Sign-off",
    value: `Signed; fingerprint ${r.fingerprint}`,
    by: r.signedBy,
    at: r.signedAt,
    // Sign-off is refused while the final review lists anything open (signOffReview.ts).
    why: "The final review found nothing open: every item moderated, no commitment errors, no error in the scores.",
    where: SHEETS.signOff,
  };
}

/** Every material decision, in the order of the procurement: set-up decisions, consensus, clarifications, sign-off. */
export function decisionRecord(wb: ModerationSnapshot): DecisionEntry[] {
  return [...loggedEntries(wb), ...consensusEntries(wb), ...clarificationEntries(wb), signOffEntry(wb)];
}

export interface DecisionLogInput {
  decision: LoggedDecision;
  by: string;
  reason: string;
}

/**
 * The SV_Decisions row that records who decided a set-up decision, when and why, with the value
 * the settings hold now. Refused without a name or a reason, and once the record is signed (the
 * signed sheets are protected and a new row would change the signed record).
 */
export function decisionLogRow(wb: ModerationSnapshot, input: DecisionLogInput, now: string): Decision<string[]> {
  return decide(() => {
    const by = String(input.by ?? "").trim();
    const reason = String(input.reason ?? "").trim();
    if (!(input.decision in LOGGED_DECISIONS)) refuse("Choose which decision to record: the threshold verdict, the scope or the weighting.");
    if (by === "") refuse("Say who made the decision: their name goes in the decision record.");
    if (reason === "") refuse(`Say why the ${LOGGED_DECISIONS[input.decision].toLowerCase()} was decided this way: the record must explain the decision (Procurement Act 2023 s.98).`);
    if (wb.record) refuse(`The record was signed off by ${wb.record.signedBy} on ${wb.record.signedAt}, so no decision can be added to it. Nothing was recorded.`);
    const row: Record<(typeof DECISION_COLUMNS)[number], string> = { Decision: LOGGED_DECISIONS[input.decision], Value: decisionValue(wb, input.decision), DecidedBy: by, DecidedAt: now, Reason: reason };
    return DECISION_COLUMNS.map((c) => row[c]);
  });
}

/** The record as rows under a header, for the exported sheet and the CSV. */
export const DECISION_RECORD_HEADER = ["Decision", "What was decided", "Decided by", "When", "Why", "Where recorded", "Missing"] as const;

export function decisionRecordRows(entries: readonly DecisionEntry[]): string[][] {
  return entries.map((e) => [e.decision, e.value, e.by, e.at, e.why, e.where, e.missing ?? ""]);
}

/**
 * The record as CSV (RFC 4180: fields quoted, quotes doubled, CRLF between rows), for the tender
 * file. A field that a spreadsheet would read as a formula (starting =, +, -, @) is prefixed with
 * an apostrophe, so opening the file runs nothing a bidder or evaluator typed.
 */
export function decisionRecordCsv(entries: readonly DecisionEntry[]): string {
  const field = (text: string): string => {
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return [[...DECISION_RECORD_HEADER], ...decisionRecordRows(entries)].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}
