/**
 * The shapes that pass between the bidder response form (build and read, this folder), the
 * Bids page and the Excel layer. src/forms uses ExcelJS and src/core only: no Office.js.
 */
import type { MeasureEntry } from "../core";

/** Bumped when the form's layout changes in a way the reader must know about. */
export const FORM_VERSION = 1;

/** What a response form is built from: read from the evaluation workbook. */
export interface FormTender {
  /** SV_TenderId: returned forms must carry it. */
  tenderId: string;
  contractName: string;
  contractValue: number;
  frameworkName: string;
  /** The measures in scope, in table order. */
  measures: readonly MeasureEntry[];
  criteria: readonly { id: string; question: string; guidance?: string }[];
  /** Pre-fills the bidder's name when the council sends named forms. */
  bidder?: string;
}

/** One commitment row as read from a returned form: values only, never a formula. */
export interface FormCommitment {
  /** Row on the form's Commitments sheet, for messages. */
  formRow: number;
  ref: string;
  unit: string;
  /** A number, or the text the bidder typed (the validator reports it); null when blank. */
  quantity: number | string | null;
  baseline: number | string | null;
  actions: string;
  /** How delivery will be measured and verified: goes to the Evidence column. */
  verification: string;
}

export interface FormAnswer {
  criterion: string;
  answer: string;
}

/** What a bidder offers schools, colleges, charities and community groups. */
export interface FormOffer {
  recipient: string;
  organisation: string;
  offer: string;
  hours: number | string | null;
  value: number | string | null;
}

export interface ReadForm {
  fileName: string;
  tenderId: string;
  formVersion: number;
  bidder: string;
  commitments: FormCommitment[];
  answers: FormAnswer[];
  offers: FormOffer[];
  /** What was made safe while reading, e.g. "2 formulas were read as their results." */
  notes: string[];
}

export type FormRefusal =
  | "not-a-spreadsheet"
  | "encrypted"
  | "corrupt"
  | "too-large"
  | "too-expanded"
  | "not-a-form"
  | "other-tender"
  | "newer-version";

export type FormReadResult = { ok: true; form: ReadForm } | { ok: false; fileName: string; refusal: FormRefusal; message: string };

/** The fields a council's measure table can be mapped to. */
export const MEASURE_FIELDS = ["ref", "measure", "unit", "proxy", "theme", "outcome", "type", "guidance", "ceiling"] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];

/** A sheet's cells as values (a selection, one sheet of an .xlsx, or a .csv). */
export interface Grid {
  name: string;
  rows: unknown[][];
  /**
   * For a CSV, the delimiter it was read with. A semicolon or a tab says the file may come from
   * where the decimal separator is a comma, so a proxy such as 1.500 is not read the UK way
   * unless the file shows which style it uses.
   */
  delimiter?: string;
}

export interface ColumnMapping {
  /** 0-based index of the header row within the grid. */
  headerRow: number;
  /** Field → 0-based column index; a field left out is not imported. */
  columns: Partial<Record<MeasureField, number>>;
}
