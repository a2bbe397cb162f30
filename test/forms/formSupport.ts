/**
 * Builders for form tests: a realistic tender over a built-in framework, and a bidder filling
 * the form in with ExcelJS as they would in Excel (numbers, text, a cell typed as 40%).
 */
import ExcelJS from "exceljs";
import { ESSEX, ILLUSTRATIVE, measureTableFromFramework, type Framework } from "../../src/core";
import { SHEETS } from "../../src/forms/formLayout";
import type { FormTender } from "../../src/forms/types";

export function aFormTender(overrides: Partial<FormTender> = {}, framework: Framework = ILLUSTRATIVE): FormTender {
  return {
    tenderId: "T-2026-0042",
    contractName: "Highways maintenance 2026–2030",
    contractValue: 2_400_000,
    frameworkName: framework.name,
    measures: measureTableFromFramework(framework).filter((m) => m.inScope),
    criteria: framework.criteria.map((c) => ({ id: c.id, question: c.question, ...(c.guidance ? { guidance: c.guidance } : {}) })),
    ...overrides,
  };
}

export const anEssexTender = (overrides: Partial<FormTender> = {}): FormTender => aFormTender({ tenderId: "ECC-0007", contractName: "Essex school transport", ...overrides }, ESSEX);

export async function openWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes instanceof Uint8Array ? (bytes.slice().buffer as ArrayBuffer) : bytes);
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The Commitments sheet row of a ref on a built form. */
export function rowOfRef(workbook: ExcelJS.Workbook, ref: string): number {
  const sheet = workbook.getWorksheet(SHEETS.commitments) as ExcelJS.Worksheet;
  for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === ref) return r;
  throw new Error(`no row for ${ref}`);
}

export interface Entry {
  ref: string;
  quantity?: ExcelJS.CellValue;
  baseline?: ExcelJS.CellValue;
  actions?: ExcelJS.CellValue;
  verification?: ExcelJS.CellValue;
  /** Number format of the quantity cell, e.g. "0%" when the bidder typed 40%. */
  numFmt?: string;
}

/** Types into the form as a bidder would and returns the saved file. */
export async function fillForm(
  form: Uint8Array,
  fill: { bidder?: string; entries?: Entry[]; answers?: Record<string, ExcelJS.CellValue>; offers?: ExcelJS.CellValue[][] },
): Promise<Uint8Array> {
  const workbook = await openWorkbook(form);
  if (fill.bidder !== undefined) (workbook.getWorksheet(SHEETS.instructions) as ExcelJS.Worksheet).getCell("B5").value = fill.bidder;
  const commitments = workbook.getWorksheet(SHEETS.commitments) as ExcelJS.Worksheet;
  for (const entry of fill.entries ?? []) {
    const row = commitments.getRow(rowOfRef(workbook, entry.ref));
    if (entry.quantity !== undefined) row.getCell(6).value = entry.quantity;
    // A copy of the style: ExcelJS shares one style object between cells, and setting numFmt on it would format them all.
    if (entry.numFmt) row.getCell(6).style = { ...row.getCell(6).style, numFmt: entry.numFmt };
    if (entry.baseline !== undefined) row.getCell(7).value = entry.baseline;
    if (entry.actions !== undefined) row.getCell(8).value = entry.actions;
    if (entry.verification !== undefined) row.getCell(9).value = entry.verification;
  }
  const answers = workbook.getWorksheet(SHEETS.answers) as ExcelJS.Worksheet;
  for (const [id, answer] of Object.entries(fill.answers ?? {})) {
    for (let r = 2; r <= answers.rowCount; r++) if (answers.getCell(r, 1).value === id) answers.getCell(r, 4).value = answer;
  }
  const offers = workbook.getWorksheet(SHEETS.offers) as ExcelJS.Worksheet;
  (fill.offers ?? []).forEach((cells, i) => cells.forEach((value, c) => (offers.getCell(i + 2, c + 1).value = value)));
  return saveWorkbook(workbook);
}
