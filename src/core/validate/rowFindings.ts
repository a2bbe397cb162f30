/**
 * The SV1xx part of the findings catalogue (findings.ts): the rules one commitment row is judged
 * by on its own cells, which TENDER.SVCHECK applies in the Check column. Kept in a module of its
 * own so the custom functions' bundle, which loads with every workbook, carries these entries and
 * not the whole catalogue (the cross-row and tender-settings findings are the pane's alone).
 * findings.ts joins them with the rest; codes, wording and the rules for changing them are there.
 */
import { formatNumber } from "../shared/format";

/**
 * The commitment columns the workbook works out by formula (Measure, Proxy, Type and Value
 * look the measure up and value it, Check runs `TENDER.SVCHECK`): a finding can be on one of
 * them when a value has been typed or pasted over its formula (SV121).
 */
export const CALCULATED_COLUMNS = ["Measure", "Proxy", "Type", "Value", "Check"] as const;
export type CalculatedColumn = (typeof CALCULATED_COLUMNS)[number];

export type Severity = "error" | "warning" | "info";

/** What a severity means for the commitment it is on. */
export const SEVERITY_MEANING: Readonly<Record<Severity, string>> = {
  error: "the commitment is not counted until it is fixed",
  warning: "the commitment is counted, but an evaluator should check it",
  info: "for information; nothing needs fixing",
};

export interface CatalogueEntry {
  readonly code: `SV${number}`;
  readonly severity: Severity;
  /** A few words naming the rule, for the catalogue listing and help. */
  readonly title: string;
  readonly message: string;
  readonly action: string;
}

/** The single-row findings, keyed by the mnemonic the code reads by. */
export const ROW_FINDINGS = {
  // SV1xx — one commitment row on its own.
  bidderMissing: {
    code: "SV101",
    severity: "error",
    title: "Bidder missing",
    message: "This commitment has no bidder.",
    action: "Enter the bidder's name, spelled as in the list of bids.",
  },
  refMissing: {
    code: "SV102",
    severity: "error",
    title: "Measure ref missing",
    message: "This commitment has no measure ref.",
    action: "Enter the ref of the measure committed to, as the SV Measures sheet lists it.",
  },
  unknownMeasure: {
    code: "SV103",
    severity: "error",
    title: "Unknown measure",
    message: "{ref} is not a measure in this tender's measure table.",
    action: "Check the ref for a typo, or pick one from the SV Measures sheet.",
  },
  measureNotInScope: {
    code: "SV104",
    severity: "error",
    title: "Measure not in scope",
    message: "{ref} is not in scope for this tender, so it cannot be scored.",
    action: "Remove the row, or put the measure in scope on the SV Setup sheet if the tender asked for it.",
  },
  cellError: {
    code: "SV105",
    severity: "error",
    title: "Excel error in a cell",
    message: "The {column} cell shows the Excel error {error}.",
    action: "Fix the formula that produces the error, or type the value in.",
  },
  notText: {
    code: "SV106",
    severity: "error",
    title: "Cell is not text",
    message: "The {column} cell holds {found}, not text.",
    action: "Retype the {column} as plain text.",
  },
  unitUnrecognised: {
    code: "SV107",
    severity: "error",
    title: "Unit not recognised",
    message: "{unit} is not a unit the add-in recognises.",
    action:
      "Enter the unit as the measure table gives it (e.g. FTE, hours, weeks, £, tCO2e), or leave it blank to use the measure's own unit.",
  },
  unitMismatch: {
    code: "SV108",
    severity: "error",
    title: "Unit does not match the measure",
    message: "The unit {unit} does not match {ref}, which is counted in {expected}.",
    action: "Convert the quantity to {expected} and correct the unit.",
  },
  quantityMissing: {
    code: "SV110",
    severity: "error",
    title: "Quantity missing",
    message: "No quantity is given.",
    action: "Enter the amount committed, in the measure's unit.",
  },
  quantityNotNumber: {
    code: "SV111",
    severity: "error",
    title: "Quantity is not a number",
    message: "The quantity is not a number: {found}.",
    action: "Enter a plain number in the measure's unit (e.g. 12.5), without words.",
  },
  quantityNegative: {
    code: "SV112",
    severity: "error",
    title: "Negative quantity",
    message: "The quantity {quantity} is negative.",
    action: "Enter the amount offered; a commitment cannot be negative.",
  },
  quantityNotWhole: {
    code: "SV113",
    severity: "error",
    title: "Quantity must be a whole number",
    message: "{ref} counts {unit}, so {quantity} must be a whole number.",
    action: "Enter a whole number (part-time roles belong to an FTE measure).",
  },
  percentOver100: {
    code: "SV114",
    severity: "error",
    title: "Percentage over 100",
    message: "{quantity}% is more than 100%.",
    action: "Enter a percentage from 0 to 100.",
  },
  quantityAboveMax: {
    code: "SV115",
    severity: "warning",
    title: "Quantity above the measure's maximum",
    message: "{quantity} is above the most the council counts for {ref} ({max}).",
    action: "Ask the bidder to confirm and evidence the figure; it is counted as given until then.",
  },
  // An error, not an info: the sheet's formulas (TENDER.SVVALUE, like Excel's own SUM) cannot
  // count a number stored as text, so the pane counting it as read would give the bid another
  // figure than SV Scores does (#16 point 2: one rule for faulty rows in the pane and the sheet).
  quantityAsText: {
    code: "SV116",
    severity: "error",
    title: "Number typed as text",
    message: "The quantity {text} is typed as text, so the sheet's formulas cannot count it (it reads as {quantity}).",
    action: "Retype it as a plain number (select the cell, type the figure, press Enter).",
  },
  percentAsFraction: {
    code: "SV117",
    severity: "info",
    title: "Percentage may be a fraction",
    message: "{quantity} is read as {quantity}%; if {percent}% was meant, enter {percent}.",
    action: "Enter percentages as numbers from 0 to 100 (40 for 40%).",
  },
  recordOnly: {
    code: "SV118",
    severity: "info",
    title: "Record-only measure",
    message: "{ref} is record-only: it is reported but adds no £ value.",
    action: "Nothing to fix; the figure is kept for contract monitoring.",
  },
  evidenceMissing: {
    code: "SV119",
    severity: "warning",
    title: "Evidence missing",
    message: "{ref} needs evidence, and none is given.",
    action: "Ask the bidder for the evidence before relying on this commitment.",
  },
  // SV120, SV203 and SV204 are retired (issue #16 point 4): an implausible figure is now an error
  // that holds the bid until the panel clarifies it (SV123, SV206, SV207). Kept so their codes
  // are never reused; nothing raises them.
  moneyOverContract: {
    code: "SV120",
    severity: "warning",
    title: "£ commitment above the contract value",
    message: "{amount} for {ref} is more than the whole contract value ({contractValue}).",
    action: "Check the figure for a typo (extra zeros, pence for pounds) and ask the bidder how it will be delivered.",
  },
  typedOverFormula: {
    code: "SV121",
    severity: "error",
    title: "Calculated cell holds a typed value",
    message: "The {column} cell should be worked out by its column's formula, but holds {found}{detail}, so what the sheet shows for this row may be wrong{sheetBlind}.",
    action:
      "Retype nothing here: copy the {column} cell of the row above (or any row that is right) and paste it here to bring the formula back. Clearing the cell is not enough: Excel leaves it empty.",
  },
  commitmentOverContract: {
    code: "SV123",
    severity: "error",
    title: "Commitment worth more than the contract (implausible)",
    message: "{figure} for {ref} is more than the whole contract value ({contractValue}), which is not credible as offered.",
    action:
      "Ask the bidder to clarify, then record the panel's outcome on SV Clarifications (Accepted, Capped at a figure, or Excluded) with the reason, who decided and the date; the bid's score for commitments is held until then.",
  },
  quantityAboveCeiling: {
    code: "SV124",
    severity: "error",
    title: "Quantity above the council's ceiling (implausible)",
    message: "{quantity} is above the ceiling the council set for {ref} ({ceiling}), which is not credible as offered.",
    action:
      "Ask the bidder to clarify, then record the panel's outcome on SV Clarifications (Accepted, Capped at a figure, or Excluded) with the reason, who decided and the date; the bid's score for commitments is held until then.",
  },
  commitmentClarified: {
    code: "SV125",
    severity: "info",
    title: "Implausible commitment clarified by the panel",
    message: "The panel clarified this commitment: {outcome}.",
    action: "Nothing to fix; SV Clarifications holds the panel's reason.",
  },
  refLookAlike: {
    code: "SV126",
    severity: "error",
    title: "Ref with invisible or look-alike characters",
    message:
      "{ref} is measure {measure}, but it holds characters the sheet's formulas cannot see past (such as a zero-width space, a fullwidth letter or digit, or a thin space), so on the sheet this row finds no measure and its Value is not counted.",
    action: "Retype the ref as {measure}.",
  },
  bidderLookAlike: {
    code: "SV127",
    severity: "warning",
    title: "Bidder's name with invisible or look-alike characters",
    message:
      "{written} on this row is {bidder} to the add-in, but it is written with characters the sheet's formulas cannot see past (such as a zero-width space, fullwidth letters or a thin space), so SV Scores may count this row for no bid.",
    action: "Retype the name as {bidder}, spelled as on SV Scores.",
  },
  typedOverSameFigure: {
    code: "SV128",
    severity: "warning",
    title: "Calculated cell holds a typed value that no figure relies on",
    message:
      "The {column} cell should be worked out by its column's formula, but holds {found} instead. {reason}, so the scores are right today; but the cell will not follow a change to the row or the measure table.",
    action:
      "Copy the {column} cell of the row above (or any row that is right) and paste it here to bring the formula back.",
  },
  proxyMissing: {
    code: "SV122",
    severity: "warning",
    title: "No proxy value: the commitment counts £0",
    message: "{ref} has no proxy value on SV Measures, so this commitment counts £0 and the bid's score is incomplete.",
    action: "Import the council's measure table with its proxy values (Bids, Import a measure table, Update), or type the proxy (£ per unit) into SV Measures.",
  },
} as const satisfies Record<string, CatalogueEntry>;

export type RowFindingName = keyof typeof ROW_FINDINGS;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The parameters an entry's message and action need (every `{name}` of its templates). */
export type EntryParams<E extends { readonly message: string; readonly action: string }> = Record<Placeholders<E["message"] | E["action"]>, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A template split once into literal text (even indexes) and parameter names (odd ones), so
 * filling it is a join rather than a regex per finding: a large table has tens of thousands.
 */
const compiled = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(PLACEHOLDER);
    compiled.set(template, parts);
  }
  return parts;
}

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    const value = params[key];
    out += value === undefined ? "{" + key + "}" : typeof value === "number" ? formatNumber(value, 4) : value;
    out += parts[i + 1]!;
  }
  return out;
}

/** What describing a finding gives: its code, severity, and the message and action filled in. */
export interface DescribedFinding<C extends string = `SV${number}`> {
  code: C;
  severity: Severity;
  message: string;
  action: string;
}

/** An entry's templates filled with `params`; numbers are formatted UK style. */
export function describeEntry(entry: CatalogueEntry, params: Readonly<Record<string, string | number>>): DescribedFinding {
  return { code: entry.code, severity: entry.severity, message: fill(entry.message, params), action: fill(entry.action, params) };
}

/** Code, severity, message and action of one single-row finding, its placeholders filled. */
export function describeRowFinding<N extends RowFindingName>(
  name: N,
  ...args: [keyof EntryParams<(typeof ROW_FINDINGS)[N]>] extends [never] ? [] : [params: EntryParams<(typeof ROW_FINDINGS)[N]>]
): DescribedFinding<(typeof ROW_FINDINGS)[N]["code"]> {
  return describeEntry(ROW_FINDINGS[name], (args[0] ?? {}) as Readonly<Record<string, string | number>>) as DescribedFinding<(typeof ROW_FINDINGS)[N]["code"]>;
}
