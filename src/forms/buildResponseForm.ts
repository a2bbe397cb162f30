/**
 * The bidder response form: an .xlsx the council sends each bidder, who types their commitments
 * into it and sends it back. Built for people who are not spreadsheet experts: every input cell
 * is shaded and unlocked, everything else is locked (sheet protection without a password — it
 * guards against slips, not against a determined bidder, and the reader never trusts it), and
 * each input refuses what cannot be right (a negative quantity, half a person, 140%).
 */
import type { Cell, DataValidation, Workbook, Worksheet } from "exceljs";
import { UNITS, type MeasureEntry } from "../core";
import { asBytes, loadExcelJS } from "./excelJs";
import {
  ANSWER_COLUMNS,
  ANSWER_HEADERS,
  BIDDER_CELL,
  COMMITMENT_COLUMNS,
  COMMITMENT_HEADERS,
  FORM_DATA,
  FORM_NAMES,
  OFFER_COLUMNS,
  OFFER_HEADERS,
  OFFER_ROWS,
  RECIPIENTS,
  REFS_START_ROW,
  SHEETS,
} from "./formLayout";
import { FORM_VERSION, type FormTender } from "./types";

/** Pale yellow, the convention for "type here" in council calculator workbooks. */
const INPUT_FILL = "FFFFF2CC";
const HEADER_FILL = "FFD9E1F2";

/** What a protected sheet still lets the bidder do: select, widen columns, resize rows. */
const PROTECTION = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
} as const;

function markInput(cell: Cell, wrap = false): void {
  cell.protection = { locked: false };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: INPUT_FILL } };
  cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  if (wrap) cell.alignment = { wrapText: true, vertical: "top" };
}

/** Points per line of 11 pt text. */
const LINE_HEIGHT = 15;

/**
 * A row tall enough for its wrapped text. Excel and LibreOffice do not resize rows written by a
 * program, so wrapped text would be cut off; this estimates the lines from the text length and
 * the column width (in characters).
 */
function fitHeight(sheet: Worksheet, rowNumber: number, cells: readonly [text: string | undefined, width: number][], minLines = 1): void {
  const lines = Math.max(minLines, ...cells.map(([text, width]) => (text ? Math.ceil((text.length * 1.1) / Math.max(1, width - 2)) : 1)));
  if (lines > 1) sheet.getRow(rowNumber).height = Math.min(409, lines * LINE_HEIGHT);
}

function header(sheet: Worksheet, titles: readonly string[]): void {
  const row = sheet.getRow(1);
  titles.forEach((title, i) => {
    const cell = row.getCell(i + 1);
    cell.value = title;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** The rule for a quantity or baseline in this measure's unit. */
export function quantityValidation(measure: MeasureEntry): DataValidation {
  const unit = UNITS[measure.unit];
  if (unit.percentage) {
    return {
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: "Percentage from 0 to 100",
      error: "Enter a percentage as a number from 0 to 100: type 40 for 40%.",
    };
  }
  if (unit.integer) {
    return {
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: "Whole number",
      error: `This measure counts ${unit.label === "no." ? "items" : unit.label}: enter a whole number, 0 or more.`,
    };
  }
  return {
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: "Number, 0 or more",
    error: `Enter a number of ${unit.label}, 0 or more, without units or a £ sign.`,
  };
}

function writeInstructions(sheet: Worksheet, tender: FormTender): void {
  sheet.columns = [{ width: 34 }, { width: 90 }];
  sheet.getCell("A1").value = "Social value response form";
  sheet.getCell("A1").font = { bold: true, size: 16 };
  const details: [string, string][] = [
    ["Contract", tender.contractName],
    ["Framework", tender.frameworkName],
  ];
  details.forEach(([label, value], i) => {
    sheet.getCell(3 + i, 1).value = label;
    sheet.getCell(3 + i, 1).font = { bold: true };
    sheet.getCell(3 + i, 2).value = value;
  });
  const bidderLabel = sheet.getCell("A5");
  bidderLabel.value = "Your organisation's name";
  bidderLabel.font = { bold: true };
  const bidder = sheet.getCell(BIDDER_CELL);
  bidder.value = tender.bidder ?? null;
  markInput(bidder);
  sheet.getCell("A6").value = "Form reference";
  sheet.getCell("A6").font = { bold: true };
  sheet.getCell("B6").value = tender.tenderId;

  const steps = [
    "Type only in the shaded (pale yellow) cells. The other cells are locked so the measures cannot be changed by mistake.",
    `On the ${SHEETS.commitments} sheet, for each measure you commit to, enter the quantity you will deliver on this contract in the measure's unit (the Unit column). Leave the row empty if you make no commitment for that measure.`,
    "Units: FTE means full-time equivalent (someone working half-time on the contract is 0.5 FTE). People and items are counted in whole numbers. Enter £ amounts as plain numbers, without the £ sign.",
    "Percentages are entered as numbers from 0 to 100: type 40 for 40%.",
    "Current level (baseline): what you deliver today, in the same unit, so the council can see what is new.",
    "Actions planned: what you will do to deliver the commitment. How delivery will be measured and verified: the evidence you will provide (records, payroll data, certificates).",
    `On the ${SHEETS.answers} sheet, answer each question in the shaded cell. On the ${SHEETS.offers} sheet, list what you offer schools, colleges, charities and community groups.`,
    "Do not add, delete or move rows, columns or sheets. Save the file as an Excel Workbook (.xlsx) without a password and return it as the council asked.",
  ];
  sheet.getCell("A8").value = "How to fill in this form";
  sheet.getCell("A8").font = { bold: true, size: 13 };
  steps.forEach((text, i) => {
    sheet.getCell(9 + i, 1).value = `Step ${i + 1}`;
    const cell = sheet.getCell(9 + i, 2);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: "top" };
    sheet.getCell(9 + i, 1).alignment = { vertical: "top" };
    fitHeight(sheet, 9 + i, [[text, 90]]);
  });
}

function writeCommitments(sheet: Worksheet, measures: readonly MeasureEntry[]): void {
  sheet.columns = [{ width: 10 }, { width: 22 }, { width: 50 }, { width: 18 }, { width: 40 }, { width: 14 }, { width: 14 }, { width: 45 }, { width: 45 }];
  header(sheet, COMMITMENT_HEADERS);
  measures.forEach((measure, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(COMMITMENT_COLUMNS.ref).value = measure.ref;
    row.getCell(COMMITMENT_COLUMNS.theme).value = measure.theme;
    row.getCell(COMMITMENT_COLUMNS.measure).value = measure.description;
    row.getCell(COMMITMENT_COLUMNS.unit).value = UNITS[measure.unit].label;
    row.getCell(COMMITMENT_COLUMNS.guidance).value = measure.guidance ?? null;
    for (const col of [COMMITMENT_COLUMNS.theme, COMMITMENT_COLUMNS.measure, COMMITMENT_COLUMNS.guidance]) {
      row.getCell(col).alignment = { wrapText: true, vertical: "top" };
    }
    const rule = quantityValidation(measure);
    for (const col of [COMMITMENT_COLUMNS.quantity, COMMITMENT_COLUMNS.baseline]) {
      const cell = row.getCell(col);
      markInput(cell);
      cell.dataValidation = rule;
    }
    markInput(row.getCell(COMMITMENT_COLUMNS.actions), true);
    markInput(row.getCell(COMMITMENT_COLUMNS.verification), true);
    row.getCell(COMMITMENT_COLUMNS.ref).alignment = { vertical: "top" };
    row.getCell(COMMITMENT_COLUMNS.unit).alignment = { wrapText: true, vertical: "top" };
    // Two lines at least, so the actions and verification cells invite a sentence.
    fitHeight(sheet, i + 2, [[measure.theme, 22], [measure.description, 50], [measure.guidance, 40]], 2);
  });
  sheet.getRow(1).height = 2 * LINE_HEIGHT;
}

function writeAnswers(sheet: Worksheet, criteria: FormTender["criteria"]): void {
  sheet.columns = [{ width: 12 }, { width: 50 }, { width: 40 }, { width: 80 }];
  header(sheet, ANSWER_HEADERS);
  criteria.forEach((criterion, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(ANSWER_COLUMNS.id).value = criterion.id;
    row.getCell(ANSWER_COLUMNS.question).value = criterion.question;
    row.getCell(ANSWER_COLUMNS.guidance).value = criterion.guidance ?? null;
    row.getCell(ANSWER_COLUMNS.question).alignment = { wrapText: true, vertical: "top" };
    row.getCell(ANSWER_COLUMNS.guidance).alignment = { wrapText: true, vertical: "top" };
    markInput(row.getCell(ANSWER_COLUMNS.answer), true);
    // Room for a paragraph: the answer is the bidder's method statement.
    row.height = 120;
    row.getCell(ANSWER_COLUMNS.id).alignment = { vertical: "top" };
  });
}

function writeOffers(sheet: Worksheet): void {
  sheet.columns = [{ width: 18 }, { width: 30 }, { width: 50 }, { width: 10 }, { width: 12 }];
  header(sheet, OFFER_HEADERS);
  const recipients: DataValidation = {
    type: "list",
    formulae: [`"${RECIPIENTS.join(",")}"`],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: "Recipient",
    error: `Choose one of: ${RECIPIENTS.join(", ")}.`,
  };
  const number: DataValidation = {
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: "Number, 0 or more",
    error: "Enter a number, 0 or more, without units or a £ sign.",
  };
  for (let r = 2; r < 2 + OFFER_ROWS; r++) {
    const row = sheet.getRow(r);
    for (const col of Object.values(OFFER_COLUMNS)) markInput(row.getCell(col), col === OFFER_COLUMNS.offer);
    row.getCell(OFFER_COLUMNS.recipient).dataValidation = recipients;
    row.getCell(OFFER_COLUMNS.hours).dataValidation = number;
    row.getCell(OFFER_COLUMNS.value).dataValidation = number;
  }
}

function writeFormData(workbook: Workbook, sheet: Worksheet, tender: FormTender): void {
  const rows: [number, string, string | number][] = [
    [FORM_DATA.formIdRow, "Form id", tender.tenderId],
    [FORM_DATA.versionRow, "Form version", FORM_VERSION],
    [FORM_DATA.contractRow, "Contract", tender.contractName],
    [FORM_DATA.frameworkRow, "Framework", tender.frameworkName],
    [FORM_DATA.measureCountRow, "Measures", tender.measures.length],
    [FORM_DATA.criterionCountRow, "Criteria", tender.criteria.length],
  ];
  for (const [row, label, value] of rows) {
    sheet.getCell(row, 1).value = label;
    sheet.getCell(row, 2).value = value;
  }
  sheet.getCell(REFS_START_ROW - 1, 1).value = "Measure refs";
  sheet.getCell(REFS_START_ROW - 1, 2).value = "Criterion ids";
  tender.measures.forEach((m, i) => (sheet.getCell(REFS_START_ROW + i, 1).value = m.ref));
  tender.criteria.forEach((c, i) => (sheet.getCell(REFS_START_ROW + i, 2).value = c.id));
  const quoted = `'${SHEETS.formData}'`;
  workbook.definedNames.add(`${quoted}!$B$${FORM_DATA.formIdRow}`, FORM_NAMES.formId);
  workbook.definedNames.add(`${quoted}!$B$${FORM_DATA.versionRow}`, FORM_NAMES.version);
  workbook.definedNames.add(`'${SHEETS.instructions}'!$${BIDDER_CELL.replace(/(\d+)/, "$$$1")}`, FORM_NAMES.bidder);
  sheet.state = "veryHidden";
}

/** The response form for a tender, as .xlsx bytes ready to download or open in Excel. */
export async function buildResponseForm(tender: FormTender): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Social Value Evaluation add-in";
  workbook.title = `Social value response form: ${tender.contractName}`;
  const instructions = workbook.addWorksheet(SHEETS.instructions);
  const commitments = workbook.addWorksheet(SHEETS.commitments);
  const answers = workbook.addWorksheet(SHEETS.answers);
  const offers = workbook.addWorksheet(SHEETS.offers);
  const formData = workbook.addWorksheet(SHEETS.formData);
  writeInstructions(instructions, tender);
  writeCommitments(commitments, tender.measures);
  writeAnswers(answers, tender.criteria);
  writeOffers(offers);
  writeFormData(workbook, formData, tender);
  // Printed for the bid file: landscape, every column on one page width.
  for (const sheet of [instructions, commitments, answers, offers]) sheet.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  for (const sheet of [instructions, commitments, answers, offers, formData]) await sheet.protect("", PROTECTION);
  return asBytes(await workbook.xlsx.writeBuffer());
}
