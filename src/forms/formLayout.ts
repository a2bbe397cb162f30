/**
 * Where things are on the bidder response form. The builder writes these places and the reader
 * reads them, so both sides name them once here. Changing any of them is a new FORM_VERSION.
 */

export const SHEETS = {
  instructions: "Instructions",
  commitments: "Commitments",
  answers: "Answers",
  offers: "Community offers",
  /** veryHidden: the bidder never sees it; the reader matches returns by it. */
  formData: "Form data",
} as const;

/** The bidder's name cell on the Instructions sheet (also the defined name SV_FormBidder). */
export const BIDDER_CELL = "B5";

/** Commitments sheet columns (1-based), header on row 1, one measure per row from row 2. */
export const COMMITMENT_COLUMNS = {
  ref: 1,
  theme: 2,
  measure: 3,
  unit: 4,
  guidance: 5,
  quantity: 6,
  baseline: 7,
  actions: 8,
  verification: 9,
} as const;

export const COMMITMENT_HEADERS = [
  "Ref",
  "Theme",
  "Measure",
  "Unit",
  "Guidance",
  "Quantity committed",
  "Current level (baseline)",
  "Actions planned",
  "How delivery will be measured and verified",
] as const;

export const ANSWER_COLUMNS = { id: 1, question: 2, guidance: 3, answer: 4 } as const;
export const ANSWER_HEADERS = ["Criterion", "Question", "Guidance", "Your answer"] as const;

export const OFFER_COLUMNS = { recipient: 1, organisation: 2, offer: 3, hours: 4, value: 5 } as const;
export const OFFER_HEADERS = ["Recipient", "Organisation", "What you offer", "Hours", "Value £"] as const;
/** Blank rows given for community offers; a bidder with more can add a line per offer in one row. */
export const OFFER_ROWS = 20;
export const RECIPIENTS = ["School", "College", "Charity", "Community group", "Other"] as const;

/**
 * Form data sheet: label in column A, value in column B. Refs of the measures in order from
 * row {@link REFS_START_ROW} in column A, criterion ids in column B from the same row.
 */
export const FORM_DATA = {
  formIdRow: 1,
  versionRow: 2,
  contractRow: 3,
  frameworkRow: 4,
  measureCountRow: 5,
  criterionCountRow: 6,
} as const;
export const REFS_START_ROW = 10;

/** Workbook names over the form data, so a person inspecting the file sees what the cells are. */
export const FORM_NAMES = {
  formId: "SV_FormId",
  version: "SV_FormVersion",
  bidder: "SV_FormBidder",
} as const;

/**
 * Longest text kept from an answer, the actions planned or the verification: Excel's own limit
 * for one cell (32,767 characters, Microsoft's "Excel specifications and limits"). The answer is
 * written into a cell of the evaluation workbook, which could hold no more.
 */
export const MAX_ANSWER_LENGTH = 32_767;
