/**
 * What the portfolio takes from one signed evaluation workbook (issue #20), decided from the
 * workbook as moderation reads it (a ModerationSnapshot) and Verify's verdict on it. The file is
 * read by src/forms/readSignedEvaluation.ts; this module only chooses and shapes:
 *
 * - the tender: SV Setup's settings, as held;
 * - the winner: the bidder of SV Register (the register is built for the contract's supplier),
 *   else the one bidder ranked 1 on SV Scores;
 * - its commitments: SV Register's rows (with the contract manager's Due date and Delivered),
 *   else, for a workbook whose register was never built, the winner's rows of SV Commitments;
 * - its community offers (SV Offers).
 *
 * SV Register is not part of the signed record (it is built, and its Due date and Delivered
 * typed, after sign-off: signOffReview.ts SIGNED_SHEETS). Its Committed figures are therefore
 * checked against the signed SV Commitments, and a difference is said in the notes.
 */
import { cellOf, type ModerationSnapshot, type TableData } from "../moderation/snapshot";
import type { VerifyResult } from "../moderation/views";
import { readQuantity, readText } from "../shared/cells";
import { formatGBP, formatIsoDate } from "../shared/format";
import { bidderKey, refKey } from "../shared/refs";
import { SHEETS, type SettingKey } from "../shared/layout";
import { parseUnit } from "../setup/units";
import { KPI_LABELS, kpiOf } from "../report/register";
import { penceOf } from "./money";

/** The verdict on one chosen file. */
export type SourceVerdict = "intact" | "changed" | "unsigned" | "not-an-evaluation" | "refused";

/** The words PF_Sources and the pane use for each verdict (and for a duplicate, decided by the plan). */
export const VERDICT_LABELS = {
  intact: "Signed and intact",
  changed: "Changed since sign-off",
  unsigned: "Not signed",
  "not-an-evaluation": "Not an evaluation",
  refused: "Refused",
  duplicate: "Duplicate",
} as const;

export interface GatheredTender {
  /** The portfolio's key for the tender (see PF_Contracts TenderKey). */
  tenderKey: string;
  /** SV_TenderId as held; "" for a workbook made before tenders had one. */
  tenderId: string;
  contract: string;
  framework: string;
  category: string;
  /** SV_ContractValue in pence (rounded to the nearest penny once); null when not a number. */
  contractValuePence: number | null;
  vatBasis: string;
  procurementStart: string;
  durationMonths: number | null;
}

export interface GatheredCommitment {
  supplier: string;
  ref: string;
  measure: string;
  theme: string;
  unit: string;
  committed: number;
  /** The register's Value £ (SV Commitments' Value without one), in pence, rounded once. */
  committedPence: number;
  /** The KPI label (register.ts KPI_LABELS), "" for none. */
  kpi: string;
  evidence: string;
  /** Excel date serial; null when blank. */
  dueDate: number | null;
  delivered: number | null;
  /** Which commitment to this ref it is, for this supplier: 1 for the first. */
  line: number;
}

export interface GatheredOffer {
  supplier: string;
  recipientType: string;
  organisation: string;
  offer: string;
  hours: number | null;
  valuePence: number | null;
  /** Which offer to this organisation it is: 1 for the first. */
  line: number;
}

export interface GatheredEvaluation {
  fileName: string;
  /**
   * SHA-256 of the file's bytes (64 hex digits), given by whoever read the bytes
   * (gatherPortfolio.ts readFiles): with the name, what tells two files called the same apart.
   */
  contentHash?: string;
  verdict: SourceVerdict;
  /** The sentence for the user. */
  message: string;
  /** Sheets changed since sign-off (verdict "changed"). */
  changedSheets: string[];
  /** Verify's list of changes, as sentences (verdict "changed"). */
  changes: string[];
  signature?: { fingerprint: string; signedBy: string; signedAt: string };
  tender?: GatheredTender;
  /** The winner; "" when it cannot be told. */
  supplier: string;
  /** The winner's social value on SV Scores, in pence; null when not there. */
  socialValuePence: number | null;
  commitments: GatheredCommitment[];
  offers: GatheredOffer[];
  /** Things the user should know about the file that do not decide its verdict. */
  notes: string[];
}

/** A file the guards refused before anything was read. */
export function refusedFile(fileName: string, message: string): GatheredEvaluation {
  return { fileName, verdict: "refused", message, changedSheets: [], changes: [], supplier: "", socialValuePence: null, commitments: [], offers: [], notes: [] };
}

/** Whether the snapshot holds any part of an evaluation workbook: a setting name, an SV table, or SV Setup. */
export function isEvaluation(wb: ModerationSnapshot): boolean {
  return Object.keys(wb.settings).length > 0 || Object.keys(wb.tables).length > 0 || wb.sheets.has(SHEETS.setup) || wb.record !== undefined;
}

const text = (cell: unknown): string => readText(cell) ?? "";

function numberOrNull(cell: unknown): number | null {
  const q = readQuantity(cell);
  return q.kind === "number" ? q.value : null;
}

function setting(wb: ModerationSnapshot, key: SettingKey): unknown {
  return wb.settings[key]?.value;
}

function rowsOf(table: TableData | undefined): { get: (header: string) => unknown; sheetRow: number }[] {
  if (!table) return [];
  return table.rows.map((row, i) => ({ get: (header: string) => cellOf(table, row, header), sheetRow: table.firstRow + i }));
}

/** The one bidder ranked 1 on SV Scores, or "" with a note (when `notes` is given). */
function rankedFirst(wb: ModerationSnapshot, notes?: string[]): string {
  const first = rowsOf(wb.tables.scores).filter((r) => numberOrNull(r.get("Rank")) === 1).map((r) => text(r.get("Bidder")));
  if (first.length === 1) return first[0] as string;
  notes?.push(first.length === 0 ? `No bidder is ranked 1 on ${SHEETS.scores}, so the contract's supplier is not known.` : `${first.join(" and ")} share rank 1 on ${SHEETS.scores}: build the register for the supplier awarded the contract, then gather again.`);
  return "";
}

/** Counts lines to the same key in order: the n-th row to a key is line n. */
function lineCounter(): (key: string) => number {
  const seen = new Map<string, number>();
  return (key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n;
  };
}

function fromRegister(wb: ModerationSnapshot, supplier: string, notes: string[]): GatheredCommitment[] {
  const line = lineCounter();
  const out: GatheredCommitment[] = [];
  let undated = 0;
  for (const r of rowsOf(wb.tables.register)) {
    const ref = text(r.get("Ref"));
    if (ref === "") continue;
    if (bidderKey(text(r.get("Bidder"))) !== bidderKey(supplier)) {
      notes.push(`${SHEETS.register} row ${r.sheetRow} is for ${text(r.get("Bidder"))}, not ${supplier}; it was left out.`);
      continue;
    }
    const committed = numberOrNull(r.get("Committed"));
    if (committed === null) {
      notes.push(`${SHEETS.register} row ${r.sheetRow} (${ref}) has no Committed figure; it was left out.`);
      continue;
    }
    const due = r.get("Due date");
    const dueDate = typeof due === "number" && Number.isFinite(due) ? due : null;
    if (dueDate === null && text(due) !== "") undated++;
    out.push({
      supplier,
      ref,
      measure: text(r.get("Measure")),
      theme: text(r.get("Theme")),
      unit: text(r.get("Unit")),
      committed,
      committedPence: penceOf(numberOrNull(r.get("Value £")) ?? 0),
      kpi: text(r.get("KPI")),
      evidence: text(r.get("Evidence")),
      dueDate,
      delivered: numberOrNull(r.get("Delivered")),
      line: line(refKey(ref)),
    });
  }
  if (undated > 0) notes.push(`${undated} Due date${undated === 1 ? " is" : "s are"} on ${SHEETS.register} as text, not as a date; ${undated === 1 ? "it was" : "they were"} read as blank.`);
  return out;
}

/** The winner's rows of the signed SV Commitments, for a workbook whose register was never built. */
function fromCommitments(wb: ModerationSnapshot, supplier: string): GatheredCommitment[] {
  const themes = new Map(rowsOf(wb.tables.measures).map((r) => [refKey(text(r.get("Ref"))), text(r.get("Theme"))]));
  const line = lineCounter();
  const out: GatheredCommitment[] = [];
  for (const r of rowsOf(wb.tables.commitments)) {
    const ref = text(r.get("Ref"));
    const committed = numberOrNull(r.get("Quantity"));
    if (ref === "" || committed === null || bidderKey(text(r.get("Bidder"))) !== bidderKey(supplier)) continue;
    const measure = text(r.get("Measure"));
    const unitKey = parseUnit(text(r.get("Unit")));
    const kpi = unitKey ? kpiOf({ unit: unitKey, description: measure }) : undefined;
    out.push({
      supplier,
      ref,
      measure,
      theme: themes.get(refKey(ref)) ?? "",
      unit: text(r.get("Unit")),
      committed,
      committedPence: penceOf(numberOrNull(r.get("Value")) ?? 0),
      kpi: kpi ? KPI_LABELS[kpi] : "",
      evidence: text(r.get("Evidence")),
      dueDate: null,
      delivered: null,
      line: line(refKey(ref)),
    });
  }
  return out;
}

/**
 * The register's Committed quantity and value against SV Commitments; each difference is a note.
 * The register is not part of the signed record, so in an intact workbook, where SV Commitments
 * is the signed record, its figures are the ones gathered. In a workbook changed since sign-off
 * SV Commitments may be the changed part, so the register's figures stay, with the note.
 */
function checkRegister(wb: ModerationSnapshot, supplier: string, rows: GatheredCommitment[], notes: string[], commitmentsAreSigned: boolean): void {
  const signed = fromCommitments(wb, supplier);
  const byLine = new Map(signed.map((c) => [`${refKey(c.ref)}#${c.line}`, c]));
  const differ: string[] = [];
  for (const c of rows) {
    const s = byLine.get(`${refKey(c.ref)}#${c.line}`);
    if (!s) {
      differ.push(`${c.ref} is on ${SHEETS.register} but not among ${supplier}'s commitments on ${SHEETS.commitments}`);
      continue;
    }
    if (s.committed !== c.committed) differ.push(`${c.ref} is ${c.committed} on ${SHEETS.register} but ${s.committed} on ${SHEETS.commitments}`);
    else if (s.committedPence !== c.committedPence) differ.push(`${c.ref} is valued ${formatGBP(c.committedPence / 100)} on ${SHEETS.register} but ${formatGBP(s.committedPence / 100)} on ${SHEETS.commitments}`);
    if (commitmentsAreSigned) {
      c.committed = s.committed;
      c.committedPence = s.committedPence;
    }
  }
  if (differ.length > 0) {
    notes.push(`${SHEETS.register} is not part of the signed record, and it differs from ${SHEETS.commitments}: ${differ.slice(0, 5).join("; ")}${differ.length > 5 ? `; and ${differ.length - 5} more` : ""}. Rebuild the register, then gather again.`);
  }
}

function offersOf(wb: ModerationSnapshot, supplier: string): GatheredOffer[] {
  const line = lineCounter();
  return rowsOf(wb.tables.offers)
    .filter((r) => bidderKey(text(r.get("Bidder"))) === bidderKey(supplier) && (text(r.get("Organisation")) !== "" || text(r.get("Offer")) !== ""))
    .map((r) => {
      const value = numberOrNull(r.get("Value"));
      return {
        supplier,
        recipientType: text(r.get("Recipient")),
        organisation: text(r.get("Organisation")),
        offer: text(r.get("Offer")),
        hours: numberOrNull(r.get("Hours")),
        valuePence: value === null ? null : penceOf(value),
        line: line(bidderKey(text(r.get("Organisation")))),
      };
    });
}

function tenderOf(wb: ModerationSnapshot): GatheredTender {
  const tenderId = text(setting(wb, "tenderId"));
  const contract = text(setting(wb, "contractName"));
  const value = numberOrNull(setting(wb, "contractValue"));
  // A workbook made before tenders had an id (SV_TenderId) is known by what signing does not
  // change: its contract name and, when set, when its procurement began (which tells a re-tender
  // of the same contract apart). Not its fingerprint: a tender gathered unsigned (accepted) and
  // again once signed would be two contracts. Two such tenders with the same name and start are
  // one key; the second is then reported as a duplicate (planGather), not merged without a word.
  const start = text(setting(wb, "procurementStart")).trim();
  const tenderKey = tenderId !== "" ? tenderId : `NAME-${bidderKey(contract)}${start === "" ? "" : `/${start}`}`;
  return {
    tenderKey,
    tenderId,
    contract,
    framework: text(setting(wb, "framework")),
    category: text(setting(wb, "category")),
    contractValuePence: value === null ? null : penceOf(value),
    vatBasis: text(setting(wb, "vatBasis")),
    procurementStart: text(setting(wb, "procurementStart")),
    durationMonths: numberOrNull(setting(wb, "durationMonths")),
  };
}

function quoted(fileName: string): string {
  return `"${fileName}"`;
}

/**
 * The sign-off's time (ISO 8601, as the record holds it) as the day a person would say, on the
 * machine's calendar: "31 March 2026". Text that is not a time is quoted as it is.
 */
function signedDay(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, "0");
  return formatIsoDate(`${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`);
}

/** The verdict's closing sentence for a file the user may still include; dropped once they have. */
export const UNLESS_ACCEPTED = " It is left out unless you accept it with a reason.";

function verdictMessage(fileName: string, verify: VerifyResult, changedSheets: readonly string[]): string {
  const name = quoted(fileName);
  const who = verify.signedBy ? ` by ${verify.signedBy}${verify.signedAt ? ` on ${signedDay(verify.signedAt)}` : ""}` : "";
  switch (verify.status) {
    case "intact":
      return `${name} is signed and intact: the record signed off${who} matches its fingerprint.`;
    case "changed": {
      const where = changedSheets.length > 0 ? ` (${changedSheets.join(", ")})` : "";
      const first = verify.changes[0]?.message;
      return `${name} was changed after it was signed off${who}${where}, so its figures are not the signed record${first ? `: ${first}` : "."}${UNLESS_ACCEPTED}`;
    }
    default:
      return `${name} is an evaluation workbook that has not been signed off, so its figures are not a final record.${UNLESS_ACCEPTED}`;
  }
}

/**
 * The portfolio's reading of one evaluation workbook, given Verify's verdict on it (the same
 * verifyRecord the pane's Verify runs, so the two can never disagree).
 */
export function gatheredEvaluation(fileName: string, wb: ModerationSnapshot, verify: VerifyResult, fileNotes: readonly string[] = []): GatheredEvaluation {
  const notes = [...fileNotes, ...(verify.notes ?? [])];
  const changedSheets = verify.status === "changed" ? [...new Set(verify.changes.map((c) => c.sheet))] : [];
  const signature = verify.fingerprint !== undefined ? { fingerprint: verify.fingerprint, signedBy: verify.signedBy ?? "", signedAt: verify.signedAt ?? "" } : undefined;
  const tender = tenderOf(wb);
  const registerRows = rowsOf(wb.tables.register).filter((r) => text(r.get("Ref")) !== "");
  const supplier = registerRows.length > 0 ? text(registerRows[0]?.get("Bidder")) : rankedFirst(wb, notes);
  let commitments: GatheredCommitment[] = [];
  if (supplier !== "") {
    if (registerRows.length > 0) {
      const winner = rankedFirst(wb);
      if (winner !== "" && bidderKey(winner) !== bidderKey(supplier)) {
        notes.push(`${SHEETS.register} is for ${supplier}, but ${winner} is ranked first on ${SHEETS.scores}; the register's bidder was gathered as the contract's supplier.`);
      }
      commitments = fromRegister(wb, supplier, notes);
      checkRegister(wb, supplier, commitments, notes, verify.status === "intact");
    } else {
      commitments = fromCommitments(wb, supplier);
      if (commitments.length > 0) notes.push(`The workbook has no ${SHEETS.register}: ${supplier}'s signed commitments were gathered, with no due dates or delivered figures yet.`);
    }
  }
  const score = rowsOf(wb.tables.scores).find((r) => supplier !== "" && bidderKey(text(r.get("Bidder"))) === bidderKey(supplier));
  const sv = score ? numberOrNull(score.get("Value")) : null;
  return {
    fileName,
    verdict: verify.status,
    message: verdictMessage(fileName, verify, changedSheets),
    changedSheets,
    changes: verify.changes.map((c) => c.message),
    ...(signature ? { signature } : {}),
    tender,
    supplier,
    socialValuePence: sv === null ? null : penceOf(sv),
    commitments,
    offers: supplier === "" ? [] : offersOf(wb, supplier),
    notes,
  };
}

/** A file that opened as a workbook but holds no evaluation; `looksLike` names what it seems to be. */
export function notAnEvaluation(fileName: string, looksLike?: string): GatheredEvaluation {
  const what = looksLike ? ` It looks like ${looksLike}.` : "";
  return {
    fileName,
    verdict: "not-an-evaluation",
    message: `${quoted(fileName)} is not a social value evaluation workbook: it has none of the SV sheets, tables or settings.${what} It was left out.`,
    changedSheets: [],
    changes: [],
    supplier: "",
    socialValuePence: null,
    commitments: [],
    offers: [],
    notes: [],
  };
}
