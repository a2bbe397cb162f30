/**
 * Reading a returned response form: values only, matched to the tender it was built for.
 * Never throws — every outcome, including a file that defeats the checks, is a result with a
 * sentence for the evaluator. Nothing in the file is evaluated: formulas give their saved
 * results, macros, external links and embedded objects are never touched.
 */
import type { Cell, Workbook, Worksheet } from "exceljs";
import { cleanText, hasInvisibleCharacters, parseUnit, plainText, readQuantity, refKey, UNITS, type UnitKey } from "../core";
import { asQuantity, asText, readCell, ReadNotes, type PlainValue, type ReadCellOptions } from "./cellValues";
import { asArrayBuffer, asBytes, loadExcelJS } from "./excelJs";
import { checkPackageContents, checkSpreadsheetFile, MAX_SHEET_ROWS } from "./fileGuards";
import {
  ANSWER_COLUMNS,
  ANSWER_HEADERS,
  BIDDER_CELL,
  COMMITMENT_COLUMNS,
  COMMITMENT_HEADERS,
  FORM_DATA,
  FORM_NAMES,
  MAX_ANSWER_LENGTH,
  OFFER_COLUMNS,
  OFFER_HEADERS,
  REFS_START_ROW,
  SHEETS,
} from "./formLayout";
import { FORM_VERSION, type FormAnswer, type FormCommitment, type FormOffer, type FormReadResult, type FormRefusal } from "./types";

export interface ReadFormOptions {
  /** The contract name of the evaluation open now, so a refusal can name both contracts. */
  expectedContractName?: string;
}

function refusal(fileName: string, refusal: FormRefusal, message: string): FormReadResult {
  return { ok: false, fileName, refusal, message };
}

/**
 * The rows below the header that hold something, whatever their numbers: a row numbered far
 * beyond the others is read, not dropped (the file check bounds how many rows there are).
 */
function rowsBelow<F extends string>(at: Located<F>): number[] {
  const rows: number[] = [];
  at.sheet.eachRow((_, r) => {
    if (r > at.headerRow) rows.push(r);
  });
  return rows;
}

const isBlankValue = (v: PlainValue): boolean => v === null || v === "";

/**
 * Where a sheet's columns are. A bidder who unprotects the form can insert, delete or move
 * columns: reading the form's fixed positions would then take, say, their notes for the
 * quantity, a number silently wrong. So each column is found by its header; the header row is
 * searched near the top, in case rows were inserted above it.
 */
interface SheetLayout<F extends string> {
  sheetName: string;
  /** Field → header text as the builder writes it. */
  headers: Readonly<Record<F, string>>;
  /** Fields without which the sheet cannot be read safely. */
  required: readonly F[];
}

type Located<F extends string> = { sheet: Worksheet; headerRow: number; columns: Record<F, number | undefined> };

/** Rows searched for a sheet's header row. */
const HEADER_SEARCH_ROWS = 10;

const headerKey = (value: PlainValue): string => asText(value).replace(/\s+/g, " ").trim().toLowerCase();

function locateIn<F extends string>(sheet: Worksheet, layout: SheetLayout<F>): Located<F> | undefined {
  // Its own notes: the search reads data cells too, which the rows' reading will count.
  const notes = new ReadNotes();
  const fields = Object.keys(layout.headers) as F[];
  let best: Located<F> | undefined;
  let bestFound = 0;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const byText = new Map<string, number>();
    // Only the cells the row holds: getCell would make every one up to column 200 on every
    // sheet searched, which for hundreds of sheets (a renamed form sheet) froze the pane.
    const held: [number, Cell][] = [];
    sheet.findRow(r)?.eachCell((cell, c) => {
      if (c <= 200) held.push([c, cell]);
    });
    // Right to left, so a heading found twice maps to its first (leftmost) column.
    for (let i = held.length - 1; i >= 0; i--) {
      const [c, cell] = held[i] as [number, Cell];
      byText.set(headerKey(readCell(cell, notes)), c);
    }
    const columns = {} as Record<F, number | undefined>;
    let found = 0;
    for (const f of fields) {
      columns[f] = byText.get(headerKey(layout.headers[f]));
      if (columns[f] !== undefined) found++;
    }
    if (found > bestFound && layout.required.every((f) => columns[f] !== undefined)) {
      best = { sheet, headerRow: r, columns };
      bestFound = found;
    }
  }
  return best;
}

/**
 * The sheet by its name, else (renamed by the bidder) the first sheet with its headers.
 * "missing": no sheet of that name or with those headers; "changed": the named sheet is
 * there but its required headers are not.
 */
function locate<F extends string>(workbook: Workbook, layout: SheetLayout<F>, notes: ReadNotes): Located<F> | "missing" | "changed" {
  const named = workbook.getWorksheet(layout.sheetName);
  if (named) return locateIn(named, layout) ?? "changed";
  for (const sheet of workbook.worksheets) {
    const found = locateIn(sheet, layout);
    if (found) {
      notes.say(`The ${layout.sheetName} sheet was renamed “${sheet.name}”; it was read.`);
      return found;
    }
  }
  return "missing";
}

const COMMITMENTS_LAYOUT: SheetLayout<keyof typeof COMMITMENT_COLUMNS> = {
  sheetName: SHEETS.commitments,
  headers: Object.fromEntries(Object.entries(COMMITMENT_COLUMNS).map(([f, c]) => [f, COMMITMENT_HEADERS[c - 1]])) as Record<keyof typeof COMMITMENT_COLUMNS, string>,
  required: ["ref", "unit", "quantity"],
};
const ANSWERS_LAYOUT: SheetLayout<keyof typeof ANSWER_COLUMNS> = {
  sheetName: SHEETS.answers,
  headers: Object.fromEntries(Object.entries(ANSWER_COLUMNS).map(([f, c]) => [f, ANSWER_HEADERS[c - 1]])) as Record<keyof typeof ANSWER_COLUMNS, string>,
  required: ["id", "answer"],
};
const OFFERS_LAYOUT: SheetLayout<keyof typeof OFFER_COLUMNS> = {
  sheetName: SHEETS.offers,
  headers: Object.fromEntries(Object.entries(OFFER_COLUMNS).map(([f, c]) => [f, OFFER_HEADERS[c - 1]])) as Record<keyof typeof OFFER_COLUMNS, string>,
  required: ["recipient", "organisation", "offer", "hours", "value"],
};

/** A cell of a located column; a column that is gone reads as blank. */
function cellAt<F extends string>(at: Located<F>, r: number, field: F, notes: ReadNotes, options?: ReadCellOptions): PlainValue {
  const column = at.columns[field];
  return column === undefined ? null : readCell(at.sheet.getRow(r).getCell(column), notes, options);
}

/**
 * A number typed as text ("1,200", " 12 ", "£5,000" for a £ measure, "40%" for a % measure)
 * as that number, read as the validator reads it (core's readQuantity, which refuses what it
 * would have to guess at, such as "1,2" or "1.234,50"). A % or £ sign on a measure of
 * another unit is left as the text it is ("40%" of an FTE may mean 0.4 FTE), and so is any
 * other text ("12 FTE", "about 20"): the validator then tells the evaluator.
 */
function numberFromText(value: PlainValue, unit: UnitKey | undefined, notes: ReadNotes): PlainValue {
  if (typeof value !== "string") return value;
  if (value.includes("%") && !(unit && UNITS[unit].percentage)) return value;
  if (value.includes("£") && !(unit && UNITS[unit].money)) return value;
  const q = readQuantity(value);
  if (q.kind !== "number") return value;
  notes.add("number-text");
  return q.value;
}

function readCommitments(at: Located<keyof typeof COMMITMENT_COLUMNS>, refs: readonly string[], notes: ReadNotes): FormCommitment[] {
  const out: FormCommitment[] = [];
  // A ref that compares as one the form lists is that ref, as the form spells it: "ECC1" with a
  // zero-width space, or in fullwidth, is ECC1 (refKey); any other is kept plain (plainText).
  const onForm = new Map(refs.map((ref) => [refKey(ref), ref]));
  const unknown: string[] = [];
  for (const r of rowsBelow(at)) {
    const unit = asText(cellAt(at, r, "unit", notes));
    const unitKey = parseUnit(unit);
    const percentScale = unitKey === "percent";
    const quantity = numberFromText(cellAt(at, r, "quantity", notes, { percentScale, quantity: true }), unitKey, notes);
    const baseline = numberFromText(cellAt(at, r, "baseline", notes, { percentScale, quantity: true }), unitKey, notes);
    const actions = cellAt(at, r, "actions", notes, { maxLength: MAX_ANSWER_LENGTH });
    const verification = cellAt(at, r, "verification", notes, { maxLength: MAX_ANSWER_LENGTH });
    if ([quantity, baseline, actions, verification].every(isBlankValue)) continue;
    const shown = asText(cellAt(at, r, "ref", notes));
    const listed = onForm.get(refKey(shown));
    if (onForm.size > 0 && listed === undefined) unknown.push(`row ${r} (${plainText(shown) || "no ref"})`);
    out.push({
      formRow: r,
      ref: listed ?? plainText(shown),
      unit,
      quantity: asQuantity(quantity),
      baseline: asQuantity(baseline),
      actions: asText(actions),
      verification: asText(verification),
    });
  }
  if (unknown.length > 0) {
    notes.say(
      `On the ${SHEETS.commitments} sheet, ${unknown.length === 1 ? "one row has a ref" : `${unknown.length} rows have refs`} the form did not list (${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ", …" : ""}): read as the file has ${unknown.length === 1 ? "it" : "them"}; the validator reports any that is not a measure.`,
    );
  }
  return out;
}

function readAnswers(at: Located<keyof typeof ANSWER_COLUMNS>, notes: ReadNotes): FormAnswer[] {
  const out: FormAnswer[] = [];
  for (const r of rowsBelow(at)) {
    const answer = asText(cellAt(at, r, "answer", notes, { maxLength: MAX_ANSWER_LENGTH }));
    if (answer === "") continue;
    out.push({ criterion: asText(cellAt(at, r, "id", notes)), answer });
  }
  return out;
}

function readOffers(at: Located<keyof typeof OFFER_COLUMNS>, notes: ReadNotes): FormOffer[] {
  const out: FormOffer[] = [];
  for (const r of rowsBelow(at)) {
    const recipient = cellAt(at, r, "recipient", notes);
    const organisation = cellAt(at, r, "organisation", notes);
    const offer = cellAt(at, r, "offer", notes, { maxLength: MAX_ANSWER_LENGTH });
    const hours = numberFromText(cellAt(at, r, "hours", notes, { quantity: true }), "hours", notes);
    const value = numberFromText(cellAt(at, r, "value", notes, { quantity: true }), "GBP", notes);
    if ([recipient, organisation, offer, hours, value].every(isBlankValue)) continue;
    out.push({ recipient: asText(recipient), organisation: asText(organisation), offer: asText(offer), hours: asQuantity(hours), value: asQuantity(value) });
  }
  return out;
}

/**
 * The bidder's name cell: where the workbook name SV_FormBidder points (Excel moves the name
 * with the cell when rows are inserted or the sheet renamed), else the form's own place.
 */
function bidderCell(workbook: Workbook): Cell | undefined {
  try {
    const ranges = (workbook.definedNames.getRanges(FORM_NAMES.bidder) as { ranges?: string[] } | undefined)?.ranges ?? [];
    for (const range of ranges) {
      const match = /^'?(.+?)'?!\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(range);
      const sheet = match && workbook.getWorksheet((match[1] as string).replace(/''/g, "'"));
      if (match && sheet) return sheet.getCell(`${match[2]}${match[3]}`);
    }
  } catch {
    // A damaged name falls back to the form's own place.
  }
  return workbook.getWorksheet(SHEETS.instructions)?.getCell(BIDDER_CELL);
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
  const contents = await checkPackageContents(fileName, bytes, { sheets: Object.values(SHEETS) });
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
  // No more refs than the sheet has rows: a count of a billion would otherwise make 100,000 empty cells.
  const measureCount = typeof count === "number" && count >= 0 ? Math.min(count, MAX_SHEET_ROWS, Math.max(0, data.rowCount - REFS_START_ROW + 1)) : 0;
  for (let i = 0; i < measureCount; i++) refs.push(asText(readCell(data.getCell(REFS_START_ROW + i, 1), notes)));

  const nameCell = bidderCell(workbook);
  // The name as the bidder wrote it, less what shows nothing (core names.ts): a name of zero-width
  // spaces alone is no name, and one with a hidden character is the same bidder as without it.
  const written = nameCell ? asText(readCell(nameCell, notes)) : "";
  const bidder = cleanText(written);
  const commitmentSheet = locate(workbook, COMMITMENTS_LAYOUT, notes);
  if (typeof commitmentSheet === "string") {
    const what =
      commitmentSheet === "missing"
        ? `has no ${SHEETS.commitments} sheet`
        : `has a ${SHEETS.commitments} sheet whose columns were changed (the “Ref”, “Unit” and “Quantity committed” headings were not all found)`;
    return refusal(fileName, "not-a-form", `${name} ${what}, so its commitments cannot be read safely. Nothing was imported from it: ask the bidder to copy their entries into a fresh copy of the form, without adding, deleting or renaming sheets or columns.`);
  }
  const sideSheets: [typeof ANSWERS_LAYOUT | typeof OFFERS_LAYOUT, string][] = [
    [ANSWERS_LAYOUT, "written answers"],
    [OFFERS_LAYOUT, "community offers"],
  ];
  const side = sideSheets.map(([layout, what]) => {
    const at = locate(workbook, layout as SheetLayout<string>, notes);
    if (at === "missing") notes.say(`The ${layout.sheetName} sheet is missing, so no ${what} were read.`);
    return { at, layout, what };
  });
  const changed = side.find((s) => s.at === "changed");
  if (changed) {
    return refusal(fileName, "not-a-form", `${name} has a ${changed.layout.sheetName} sheet whose columns were changed, so its ${changed.what} cannot be read safely. Nothing was imported from it: ask the bidder to copy their entries into a fresh copy of the form.`);
  }
  const answersAt = side[0]?.at;
  const offersAt = side[1]?.at;
  const commitments = readCommitments(commitmentSheet, refs, notes);
  const answers = typeof answersAt === "object" ? readAnswers(answersAt as Located<keyof typeof ANSWER_COLUMNS>, notes) : [];
  const offers = typeof offersAt === "object" ? readOffers(offersAt as Located<keyof typeof OFFER_COLUMNS>, notes) : [];
  if (bidder === "" && written !== "") notes.say(`The bidder's name shows nothing: it holds only spaces or invisible characters (${SHEETS.instructions} sheet, cell ${BIDDER_CELL}).`);
  else if (bidder === "") notes.say(`The bidder's name is blank (${SHEETS.instructions} sheet, cell ${BIDDER_CELL}).`);
  else if (hasInvisibleCharacters(written)) notes.say(`The bidder's name held invisible characters (such as zero-width spaces), which were removed: it reads “${bidder}”.`);
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
