/**
 * Reading a returned response form: values only, matched to the tender it was built for.
 * Never throws — every outcome, including a file that defeats the checks, is a result with a
 * sentence for the evaluator. Nothing in the file is evaluated: formulas give their saved
 * results, macros, external links and embedded objects are never touched.
 */
import type { Workbook, Worksheet } from "exceljs";
import { parseUnit } from "../core";
import { asQuantity, asText, readCell, ReadNotes, type PlainValue } from "./cellValues";
import { asArrayBuffer, asBytes, loadExcelJS } from "./excelJs";
import { checkPackageContents, checkSpreadsheetFile, MAX_SHEET_ROWS } from "./fileGuards";
import { ANSWER_COLUMNS, BIDDER_CELL, COMMITMENT_COLUMNS, FORM_DATA, MAX_ANSWER_LENGTH, OFFER_COLUMNS, REFS_START_ROW, SHEETS } from "./formLayout";
import { FORM_VERSION, type FormAnswer, type FormCommitment, type FormOffer, type FormReadResult, type FormRefusal } from "./types";

export interface ReadFormOptions {
  /** The contract name of the evaluation open now, so a refusal can name both contracts. */
  expectedContractName?: string;
}

function refusal(fileName: string, refusal: FormRefusal, message: string): FormReadResult {
  return { ok: false, fileName, refusal, message };
}

/** Rows to read on a sheet: its last used row, never past the row limit. */
function lastRow(sheet: Worksheet | undefined): number {
  return sheet ? Math.min(sheet.rowCount, MAX_SHEET_ROWS + 1) : 0;
}

const isBlankValue = (v: PlainValue): boolean => v === null || v === "";

function readCommitments(sheet: Worksheet | undefined, refs: readonly string[], notes: ReadNotes): FormCommitment[] {
  const out: FormCommitment[] = [];
  if (!sheet) {
    notes.say(`The ${SHEETS.commitments} sheet is missing, so no commitments were read.`);
    return out;
  }
  for (let r = 2; r <= lastRow(sheet); r++) {
    const row = sheet.getRow(r);
    const unit = asText(readCell(row.getCell(COMMITMENT_COLUMNS.unit), notes));
    const percentScale = parseUnit(unit) === "percent";
    const quantity = readCell(row.getCell(COMMITMENT_COLUMNS.quantity), notes, { percentScale });
    const baseline = readCell(row.getCell(COMMITMENT_COLUMNS.baseline), notes, { percentScale });
    const actions = readCell(row.getCell(COMMITMENT_COLUMNS.actions), notes, { maxLength: MAX_ANSWER_LENGTH });
    const verification = readCell(row.getCell(COMMITMENT_COLUMNS.verification), notes, { maxLength: MAX_ANSWER_LENGTH });
    if ([quantity, baseline, actions, verification].every(isBlankValue)) continue;
    const shown = asText(readCell(row.getCell(COMMITMENT_COLUMNS.ref), notes));
    const expected = refs[r - 2];
    if (expected !== undefined && shown !== expected) {
      notes.say(`On the ${SHEETS.commitments} sheet the ref in row ${r} was changed (the form had ${expected}, the file has ${shown || "nothing"}); the file's ref was read.`);
    }
    out.push({
      formRow: r,
      ref: shown,
      unit,
      quantity: asQuantity(quantity),
      baseline: asQuantity(baseline),
      actions: asText(actions),
      verification: asText(verification),
    });
  }
  return out;
}

function readAnswers(sheet: Worksheet | undefined, notes: ReadNotes): FormAnswer[] {
  const out: FormAnswer[] = [];
  for (let r = 2; r <= lastRow(sheet); r++) {
    const row = (sheet as Worksheet).getRow(r);
    const answer = asText(readCell(row.getCell(ANSWER_COLUMNS.answer), notes, { maxLength: MAX_ANSWER_LENGTH }));
    if (answer === "") continue;
    out.push({ criterion: asText(readCell(row.getCell(ANSWER_COLUMNS.id), notes)), answer });
  }
  return out;
}

function readOffers(sheet: Worksheet | undefined, notes: ReadNotes): FormOffer[] {
  const out: FormOffer[] = [];
  for (let r = 2; r <= lastRow(sheet); r++) {
    const row = (sheet as Worksheet).getRow(r);
    const recipient = readCell(row.getCell(OFFER_COLUMNS.recipient), notes);
    const organisation = readCell(row.getCell(OFFER_COLUMNS.organisation), notes);
    const offer = readCell(row.getCell(OFFER_COLUMNS.offer), notes, { maxLength: MAX_ANSWER_LENGTH });
    const hours = readCell(row.getCell(OFFER_COLUMNS.hours), notes);
    const value = readCell(row.getCell(OFFER_COLUMNS.value), notes);
    if ([recipient, organisation, offer, hours, value].every(isBlankValue)) continue;
    out.push({ recipient: asText(recipient), organisation: asText(organisation), offer: asText(offer), hours: asQuantity(hours), value: asQuantity(value) });
  }
  return out;
}

async function loadWorkbook(bytes: Uint8Array): Promise<Workbook | undefined> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(asArrayBuffer(bytes));
    return workbook;
  } catch {
    return undefined;
  }
}

async function read(fileName: string, input: Uint8Array | ArrayBuffer, expectedTenderId: string | undefined, options: ReadFormOptions): Promise<FormReadResult> {
  const name = `"${fileName}"`;
  const bytes = asBytes(input);
  const check = checkSpreadsheetFile(fileName, bytes);
  if (!check.ok) return refusal(fileName, check.refusal, check.message);
  if (check.kind === "csv") {
    return refusal(fileName, "not-a-spreadsheet", `${name} is a text (CSV) file, not the response form. The form is an Excel workbook (.xlsx): ask the bidder to return the form they were sent, saved as .xlsx.`);
  }
  const contents = await checkPackageContents(fileName, bytes);
  if (!contents.ok) return refusal(fileName, contents.refusal, contents.message);
  const workbook = await loadWorkbook(contents.bytes);
  if (!workbook) return refusal(fileName, "corrupt", `${name} is damaged and cannot be opened as a workbook. Ask the bidder to open it in Excel, save it again and resend it.`);

  const notes = new ReadNotes();
  contents.notes.forEach((n) => notes.say(n));
  const data = workbook.getWorksheet(SHEETS.formData);
  const formId = data ? asText(readCell(data.getCell(FORM_DATA.formIdRow, 2), notes)) : "";
  if (!data || formId === "") {
    return refusal(fileName, "not-a-form", `${name} is not a response form made by this add-in (it has no form reference), so it cannot be imported as a bid. Send the bidder the form from the Bids page and ask them to fill that in.`);
  }
  const version = readCell(data.getCell(FORM_DATA.versionRow, 2), notes);
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return refusal(fileName, "not-a-form", `${name} looks like a response form, but its version mark is damaged, so it cannot be read safely. Ask the bidder to fill in a fresh copy of the form.`);
  }
  if (version > FORM_VERSION) {
    return refusal(fileName, "newer-version", `${name} was made by a newer version of the add-in (form version ${version}; this one reads up to ${FORM_VERSION}). Update the add-in, then import it again.`);
  }
  const formContract = asText(readCell(data.getCell(FORM_DATA.contractRow, 2), notes));
  if (expectedTenderId !== undefined && formId !== expectedTenderId) {
    const theirs = formContract ? `“${formContract}” (form reference ${formId})` : `form reference ${formId}`;
    const ours = options.expectedContractName ? `“${options.expectedContractName}” (reference ${expectedTenderId})` : `this evaluation (reference ${expectedTenderId})`;
    return refusal(fileName, "other-tender", `${name} is the response form for ${theirs}, not for ${ours}. Check the bidder returned the right form.`);
  }

  const count = readCell(data.getCell(FORM_DATA.measureCountRow, 2), notes);
  const refs: string[] = [];
  const measureCount = typeof count === "number" && count >= 0 ? Math.min(count, MAX_SHEET_ROWS) : 0;
  for (let i = 0; i < measureCount; i++) refs.push(asText(readCell(data.getCell(REFS_START_ROW + i, 1), notes)));

  const instructions = workbook.getWorksheet(SHEETS.instructions);
  const bidder = instructions ? asText(readCell(instructions.getCell(BIDDER_CELL), notes)) : "";
  const commitments = readCommitments(workbook.getWorksheet(SHEETS.commitments), refs, notes);
  const answers = readAnswers(workbook.getWorksheet(SHEETS.answers), notes);
  const offers = readOffers(workbook.getWorksheet(SHEETS.offers), notes);
  if (bidder === "") notes.say(`The bidder's name is blank (${SHEETS.instructions} sheet, cell ${BIDDER_CELL}).`);
  return { ok: true, form: { fileName, tenderId: formId, formVersion: version, bidder, commitments, answers, offers, notes: notes.list() } };
}

/**
 * A returned response form, or why it cannot be imported. `expectedTenderId` is the open
 * evaluation's SV_TenderId: a form built for another tender is refused.
 */
export async function readResponseForm(
  fileName: string,
  bytes: Uint8Array | ArrayBuffer,
  expectedTenderId?: string,
  options: ReadFormOptions = {},
): Promise<FormReadResult> {
  try {
    return await read(fileName, bytes, expectedTenderId, options);
  } catch (error) {
    // Defence in depth: the checks above should leave nothing to throw, but a file that defeats
    // them must still end as a sentence, not a broken import.
    const detail = error instanceof Error ? error.message : String(error);
    return refusal(fileName, "corrupt", `"${fileName}" could not be read (${detail.slice(0, 200)}). Ask the sender to open it in Excel, save it again and resend it.`);
  }
}
