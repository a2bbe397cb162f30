/**
 * Planning an import of returned response forms (pure, no Office.js): which files may go in
 * (one per bidder, for this tender, a bidder with rows only when the pane confirmed replacing
 * them), where every row goes in each table (tableSlots.ts), what could not go in and why, and
 * the validator's findings on the rows as they will stand. importForms.ts reads the tables,
 * asks this module, then writes.
 */
import { RefusalError } from "../shared/refusal";
import { ANSWER_COLUMNS, bidderKey, cleanText, OFFER_COLUMNS, plainText, readText, refKey, SHEETS, TABLES, validateCommitments, type CommitmentInputRow, type Finding, type FindingCounts } from "../../core";
import type { EvaluationData } from "../setup/readEvaluation";
import { planSlots, type RowValues, type SlotPlan } from "./tableSlots";
import type { ReadForm } from "../../forms/types";

export interface RowCounts {
  commitments: number;
  answers: number;
  offers: number;
}

export interface FileImportReport {
  fileName: string;
  bidder: string;
  status: "imported" | "refused";
  /** Why the file was refused, or what was left out (e.g. a table missing). */
  message?: string;
  /** Rows written. */
  rows: RowCounts;
  /** Rows of an earlier import that were replaced. */
  replaced: RowCounts;
  /** What the form reader made safe. */
  notes: string[];
  /** The validator's findings on this bidder's commitment rows as they now are in the workbook. */
  findings: Finding[];
  counts: FindingCounts;
}

/** Thrown for a workbook that cannot take the import; the pane shows the message as it is. */
export class ImportRefusedError extends RefusalError {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefusedError";
  }
}

export const COMMITMENT_WRITE_COLUMNS = ["Bidder", "Ref", "Unit", "Quantity", "Evidence", "Baseline", "Actions"] as const;
export const REQUIRED_COMMITMENT_COLUMNS = ["Bidder", "Ref", "Unit", "Quantity"] as const;
const ZERO: RowCounts = { commitments: 0, answers: 0, offers: 0 };

export function inFormCounts(form: ReadForm): RowCounts {
  return { commitments: form.commitments.length, answers: form.answers.length, offers: form.offers.length };
}

/**
 * Forms grouped by bidder (bidderKey: names that differ only by spacing, invisible characters,
 * compatibility forms or case are one bidder); the bidder name as first spelled.
 */
export function groupByBidder(forms: readonly ReadForm[]): Map<string, ReadForm[]> {
  const groups = new Map<string, ReadForm[]>();
  for (const form of forms) {
    const key = bidderKey(form.bidder ?? "");
    groups.set(key, [...(groups.get(key) ?? []), form]);
  }
  return groups;
}

export function countByBidder(values: readonly unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) {
    const name = readText(v);
    if (name !== undefined) counts.set(bidderKey(name), (counts.get(bidderKey(name)) ?? 0) + 1);
  }
  return counts;
}

/** The workbook's name for a bidder, and the form's spelling when it differs in more than case and spaces. */
function alsoWritten(name: string, asOnForm: string): string {
  const shown = cleanText(asOnForm);
  return shown.toUpperCase() === name.trim().toUpperCase() ? name : `${name} (written “${shown}” on this form)`;
}

function refuse(fileName: string, bidder: string, notes: string[], message: string): FileImportReport {
  return { fileName, bidder, status: "refused", message, rows: { ...ZERO }, replaced: { ...ZERO }, notes, findings: [], counts: { error: 0, warning: 0, info: 0 } };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function describeCounts(c: RowCounts): string {
  const parts = [
    c.commitments ? plural(c.commitments, "commitment") : "",
    c.answers ? plural(c.answers, "answer") : "",
    c.offers ? plural(c.offers, "community offer") : "",
  ].filter((p) => p !== "");
  return parts.join(", ");
}

/** Rows of a table (header first) for this bidder whose `column` is not blank. */
function countGiven(values: unknown[][] | undefined, column: string, key: string): number {
  const [header = [], ...body] = values ?? [];
  const bidder = header.findIndex((h) => String(h).trim() === "Bidder");
  const given = header.findIndex((h) => String(h).trim() === column);
  if (bidder < 0 || given < 0) return 0;
  return body.filter((r) => bidderKey(readText(r[bidder]) ?? "") === key && readText(r[given]) !== undefined).length;
}

function sheetOf(table: string): string {
  const sheets: Record<string, string> = { [TABLES.commitments]: SHEETS.commitments, [TABLES.answers]: SHEETS.answers, [TABLES.offers]: SHEETS.offers, [TABLES.scores]: SHEETS.scores };
  return sheets[table] ?? "its sheet";
}

/** The bidder of a group of forms, with every other spelling of the name shown, so the user sees why they are one bidder. */
function sameBidderNamed(group: readonly ReadForm[]): string {
  const spellings = [...new Set(group.map((f) => cleanText(f.bidder)))];
  const [first = "", ...others] = spellings;
  return others.length === 0 ? first : `${first} (also written ${others.map((o) => `“${o}”`).join(", ")}, which compares as the same name)`;
}

/** Which files may go in, and a report for each file refused. */
export function acceptForms(forms: readonly ReadForm[], workbookTender: string | undefined): { accepted: ReadForm[]; reports: Map<ReadForm, FileImportReport> } {
  const reports = new Map<ReadForm, FileImportReport>();
  const accepted: ReadForm[] = [];
  const groups = groupByBidder(forms);
  for (const [key, group] of groups) {
    for (const form of group) {
      if (key === "") reports.set(form, refuse(form.fileName, "", form.notes, "The form does not give the bidder's name, so its rows could not be told apart from other bidders'. Ask the bidder to fill in their name, or type it into the form, and import it again."));
      else if (group.length > 1)
        reports.set(form, refuse(form.fileName, cleanText(form.bidder), form.notes, `${group.length} of the chosen files are for ${sameBidderNamed(group)} (${group.map((f) => f.fileName).join(", ")}). None of them was imported: choose the right one and import it again.`));
      else if (workbookTender !== undefined && form.tenderId !== workbookTender)
        reports.set(
          form,
          refuse(form.fileName, form.bidder, form.notes, `This form was made for another tender (its form reference is ${form.tenderId}; this evaluation's is ${workbookTender}), so it was not imported. Check the bidder returned the form sent for this contract.`)
        );
      else accepted.push(form);
    }
  }
  return { accepted, reports };
}

/** A table as the import sees it: its headers and, per body row, the columns it writes. */
export interface TableRows {
  name: string;
  headers: string[];
  /** Per body row, the columns the import writes ("" for an empty cell, else its value or a marker). */
  rows: RowValues[];
  /** Whether the rows below the table are empty, for as many rows as the import could append. */
  belowEmpty: (rows: number) => boolean;
}

export interface TablesToImportInto<T extends TableRows> {
  commitments: T;
  answers?: T;
  offers?: T;
  scores?: T;
  /** SV_Marks and SV_Consensus, header first, when they exist: marks on replaced answers are reported. */
  marks?: unknown[][];
  consensus?: unknown[][];
  /** SV_Measures' refs: a form's ref that compares as one of them is written as SV_Measures spells it. */
  measureRefs?: readonly string[];
}

/**
 * How a bidder already in the workbook is spelled there, by bidderKey: SV Scores first (one row
 * per bid, the name the panel sees), then the bidder's rows. The sheet's own formulas compare
 * names with Excel's = (any case, spaces trimmed), which cannot see a zero-width space or a
 * fullwidth letter, so an imported bidder the workbook knows is written as the workbook has them,
 * and sheet and pane agree on whose rows are whose.
 */
function workbookSpellings(tables: readonly (readonly RowValues[] | undefined)[]): Map<string, string> {
  const spellings = new Map<string, string>();
  for (const rows of tables) {
    for (const row of rows ?? []) {
      const name = readText(row.Bidder);
      const key = name === undefined ? "" : bidderKey(name);
      if (key !== "" && !spellings.has(key)) spellings.set(key, name as string);
    }
  }
  return spellings;
}

export interface TablePlan<T extends TableRows> {
  state: T;
  plan: SlotPlan;
  columns: readonly string[];
  /** SV_Commitments: the rows written lose their Status text and validation fills. */
  clearStatus: boolean;
}

export interface ImportPlan<T extends TableRows> {
  toImport: ReadForm[];
  commitmentPlan: SlotPlan;
  tables: TablePlan<T>[];
}

/**
 * Where every accepted form's rows go. A bidder who already has rows is refused (a report in
 * `reports`) unless `replace` holds them; the reports of imported files are filled in. Throws
 * ImportRefusedError, writing nothing, when a table must grow over cells that are not empty.
 */
export function planImport<T extends TableRows>(tables: TablesToImportInto<T>, accepted: readonly ReadForm[], replace: ReadonlySet<string>, reports: Map<ReadForm, FileImportReport>): ImportPlan<T> {
  const { commitments, marks, consensus } = tables;
  const answerState = tables.answers;
  const offerState = tables.offers;
  const scoreState = tables.scores;
  // Who has rows already: refused unless the pane confirmed replacing them.
  const existing = {
    commitments: countByBidder(commitments.rows.map((r) => r.Bidder)),
    answers: countByBidder((answerState?.rows ?? []).map((r) => r.Bidder)),
    offers: countByBidder((offerState?.rows ?? []).map((r) => r.Bidder)),
  };
  const known = workbookSpellings([scoreState?.rows, commitments.rows, answerState?.rows, offerState?.rows]);
  /** The name written for a form's bidder: the workbook's spelling, else the form's, less what shows nothing. */
  const nameOf = (form: ReadForm): string => known.get(bidderKey(form.bidder)) ?? cleanText(form.bidder);
  // A ref that compares as a measure's (refKey) is written as SV_Measures has it, so the row's
  // lookups (MATCH, on the sheet) find the measure the validator (refKey, in the pane) finds.
  const measureRef = new Map((tables.measureRefs ?? []).map((r) => [refKey(r), r]));
  const refOf = (ref: string): string => measureRef.get(refKey(ref)) ?? plainText(ref);
  const toImport: ReadForm[] = [];
  for (const form of accepted) {
    const key = bidderKey(form.bidder);
    const had = { commitments: existing.commitments.get(key) ?? 0, answers: existing.answers.get(key) ?? 0, offers: existing.offers.get(key) ?? 0 };
    if (had.commitments + had.answers + had.offers > 0 && !replace.has(key)) {
      reports.set(
        form,
        refuse(form.fileName, nameOf(form), form.notes, `${alsoWritten(nameOf(form), form.bidder)} already has ${describeCounts(had)} in the workbook. Nothing was changed for this bidder: import the file again and confirm replacing their rows.`)
      );
    } else {
      toImport.push(form);
      reports.set(form, {
        fileName: form.fileName,
        bidder: nameOf(form),
        status: "imported",
        rows: inFormCounts(form),
        replaced: had,
        notes: form.notes,
        findings: [],
        counts: { error: 0, warning: 0, info: 0 },
      });
    }
  }
  const replacing = new Set(toImport.map((f) => bidderKey(f.bidder)));

  // Where every row goes, per table.
  const commitmentPlan = planSlots(
    commitments.rows,
    replacing,
    toImport.flatMap((f) =>
      f.commitments.map((c) => ({ Bidder: nameOf(f), Ref: refOf(c.ref), Unit: c.unit, Quantity: c.quantity, Evidence: c.verification, Baseline: c.baseline, Actions: c.actions }))
    ),
    COMMITMENT_WRITE_COLUMNS.filter((c) => commitments.headers.includes(c))
  );
  const answerRows = toImport.flatMap((f) => f.answers.map((a) => ({ Bidder: nameOf(f), Criterion: a.criterion, Answer: a.answer })));
  const offerRows = toImport.flatMap((f) =>
    f.offers.map((o) => ({ Bidder: nameOf(f), Recipient: o.recipient, Organisation: o.organisation, Offer: o.offer, Hours: o.hours, Value: o.value }))
  );
  const answerPlan = answerState && planSlots(answerState.rows, replacing, answerRows, ANSWER_COLUMNS.filter((c) => answerState.headers.includes(c)));
  const offerPlan = offerState && planSlots(offerState.rows, replacing, offerRows, OFFER_COLUMNS.filter((c) => offerState.headers.includes(c)));
  const scoredBidders = new Set((scoreState?.rows ?? []).flatMap((r) => (readText(r.Bidder) === undefined ? [] : [bidderKey(String(r.Bidder))])));
  const newBidders = toImport.map(nameOf).filter((b) => !scoredBidders.has(bidderKey(b)));
  // A Scores row is free only when every cell typed into it is blank, not only its Bidder
  // (see planSlots): its formula cells are read as blank (tableState).
  const scorePlan = scoreState && planSlots(scoreState.rows, new Set(), newBidders.map((b) => ({ Bidder: b })), scoreState.headers);

  // Say what could not go in, rather than dropping it silently.
  for (const form of toImport) {
    const report = reports.get(form) as FileImportReport;
    const left: string[] = [];
    if (!answerState && form.answers.length > 0) {
      left.push(`its ${plural(form.answers.length, "written answer")} (this workbook has no ${TABLES.answers} table)`);
      report.rows.answers = 0;
    }
    if (!offerState && form.offers.length > 0) {
      left.push(`its ${plural(form.offers.length, "community offer")} (this workbook has no ${TABLES.offers} table)`);
      report.rows.offers = 0;
    }
    const lost = (["Baseline", "Actions"] as const).filter(
      (c) => !commitments.headers.includes(c) && form.commitments.some((r) => readText(c === "Baseline" ? r.baseline : r.actions) !== undefined)
    );
    if (lost.length) left.push(`the ${lost.join(" and ")} entries (SV_Commitments has no such column)`);
    const said: string[] = [];
    if (left.length) {
      said.push(`Not imported: ${left.join("; ")}. The workbook was set up by an earlier version of the add-in; the form still holds them.`);
    }
    // Marks given on the answers just replaced would otherwise stand unnoticed beside the new ones.
    if (report.replaced.answers > 0) {
      const key = bidderKey(form.bidder);
      const given = countGiven(marks, "Mark", key);
      const agreed = countGiven(consensus, "Consensus", key);
      if (given + agreed > 0) {
        const parts = [given ? `${plural(given, "mark")} on ${SHEETS.marks}` : "", agreed ? `${plural(agreed, "agreed score")} on ${SHEETS.moderation}` : ""].filter((p) => p);
        said.push(`${nameOf(form)}'s written answers were replaced, but ${parts.join(" and ")} ${given + agreed === 1 ? "was" : "were"} given on the earlier answers. They were kept: check them with the panel.`);
      }
    }
    if (said.length) report.message = said.join(" ");
  }
  const plans: TablePlan<T>[] = [
    { state: commitments, plan: commitmentPlan, columns: COMMITMENT_WRITE_COLUMNS, clearStatus: true },
    ...(answerState && answerPlan ? [{ state: answerState, plan: answerPlan, columns: ANSWER_COLUMNS, clearStatus: false }] : []),
    ...(offerState && offerPlan ? [{ state: offerState, plan: offerPlan, columns: OFFER_COLUMNS, clearStatus: false }] : []),
    ...(scoreState && scorePlan ? [{ state: scoreState, plan: scorePlan, columns: ["Bidder"], clearStatus: false }] : []),
  ];
  for (const { state, plan } of plans) {
    if (plan.appended > 0 && !state.belowEmpty(plan.appended)) {
      throw new ImportRefusedError(
        `${state.name} needs ${plural(plan.appended, "more row")}, but the cells below the table on ${sheetOf(state.name)} are not empty. Move what is there and import again; nothing was changed.`
      );
    }
  }
  return { toImport, commitmentPlan, tables: plans };
}

/** The validator's findings on each imported bidder's rows, as the commitments table now stands. */
export function attachFindings(data: EvaluationData, firstRow: number, plan: SlotPlan, imported: readonly ReadForm[], reports: Map<ReadForm, FileImportReport>): void {
  if (imported.length === 0) return;
  const rows: CommitmentInputRow[] = data.commitments.map((c) => ({ ...c }));
  const writtenBy = new Map<number, string>();
  for (const index of plan.clears) rows[index] = { row: firstRow + index, bidder: "", ref: "", unit: "", quantity: "", evidence: "" };
  for (const { index, values } of plan.writes) {
    writtenBy.set(firstRow + index, bidderKey(String(values.Bidder ?? "")));
    rows[index] = { row: firstRow + index, bidder: values.Bidder, ref: values.Ref, unit: values.Unit, quantity: values.Quantity ?? "", evidence: values.Evidence ?? "" };
  }
  const contractValue = typeof data.settings.contractValue === "number" && data.settings.contractValue > 0 ? data.settings.contractValue : undefined;
  const result = validateCommitments(rows, data.measures, contractValue ? { contractValue } : {});
  for (const form of imported) {
    const key = bidderKey(form.bidder);
    const report = reports.get(form);
    if (!report) continue;
    report.findings = result.findings.filter((f) => writtenBy.get(f.row) === key);
    report.counts = { error: 0, warning: 0, info: 0 };
    for (const f of report.findings) report.counts[f.severity]++;
  }
}
