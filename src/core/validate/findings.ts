/**
 * The one catalogue of findings: every problem validation or the tender checks can report,
 * with its code, severity, message and what to do (STYLE.md point 4: "a closed code and a
 * message from one catalogue").
 *
 * Codes are public. They appear in the Check column (`TENDER.SVCHECK` returns "SV103 …"), in
 * the task pane and in users' notes, so a code is never renumbered, reused or given another
 * meaning; a rule that is retired keeps its number unused. The scheme is `SV` + three digits,
 * grouped by what the finding is about:
 *
 * - `SV1xx`: one commitment row, judged on its own cells (what `TENDER.SVCHECK` reports);
 * - `SV2xx`: commitment rows judged together (double counting, a bid's total);
 * - `SV3xx`: the tender's settings.
 *
 * Numbers rather than mnemonic names because the code is shown to evaluators and pasted
 * into emails: short, stable when the wording changes, and easy to look up. In source the
 * entries are keyed by a mnemonic (`FINDINGS.unknownMeasure`), so code reads as English.
 *
 * Messages and actions are templates: `{name}` is filled from the finding's parameters, and
 * the compiler checks that every placeholder is given (see {@link describeFinding}).
 */
import type { CommitmentColumn } from "../bids/commitments";
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

interface CatalogueEntry {
  readonly code: `SV${number}`;
  readonly severity: Severity;
  /** A few words naming the rule, for the catalogue listing and help. */
  readonly title: string;
  readonly message: string;
  readonly action: string;
}

export const FINDINGS = {
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
    message: "The {column} cell should be worked out by its column's formula, but holds {found} instead, so what the sheet shows for this row may be wrong.",
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
  proxyMissing: {
    code: "SV122",
    severity: "warning",
    title: "No proxy value: the commitment counts £0",
    message: "{ref} has no proxy value on SV Measures, so this commitment counts £0 and the bid's score is incomplete.",
    action: "Import the council's measure table with its proxy values (Bids, Import a measure table, Update), or type the proxy (£ per unit) into SV Measures.",
  },

  // SV2xx — commitment rows judged together.
  duplicateMeasure: {
    code: "SV201",
    severity: "error",
    title: "Same measure twice (double counting)",
    message: "{bidder} already commits to {ref} in row {otherRow}; counting both would count it twice.",
    action: "Combine the two rows into one (add the quantities) and delete the other.",
  },
  exclusiveMeasures: {
    code: "SV202",
    severity: "warning",
    title: "Mutually exclusive measures",
    message: "{bidder} commits to {ref} here and to {otherRef} in row {otherRow}; the two cannot count the same thing.",
    action: "Check the two commitments are for different things (e.g. different £ of spend), or remove one.",
  },
  bidOverContract: {
    code: "SV203",
    severity: "warning",
    title: "Bid's social value above the contract value",
    message: "{bidder}'s commitments are worth {total}, more than the contract value ({contractValue}).",
    action: "Treat it as a deliverability risk: ask the bidder to show how each commitment will be delivered and evidenced.",
  },
  bidFarAboveBenchmark: {
    code: "SV204",
    severity: "warning",
    title: "Bid's return far above the benchmark",
    message:
      "{bidder}'s commitments return {return} of the contract value, more than twice the benchmark upper quartile ({quartile}).",
    action: "Ask the bidder to evidence deliverability before relying on the score.",
  },
  measureUsedWithoutProxy: {
    code: "SV205",
    severity: "warning",
    title: "Commitments to a measure with no proxy value",
    message: "{ref} ({measure}) is in scope but has no proxy value on SV Measures, so {reliance}.",
    action: "Import the council's measure table with its proxy values (Bids, Import a measure table, Update), or type the proxy (£ per unit) into SV Measures; the scores are incomplete until then.",
  },

  bidTotalOverContract: {
    code: "SV206",
    severity: "error",
    title: "Bid's social value above the contract value (implausible)",
    message: "{bidder}'s commitments are worth {total}, more than the contract value ({contractValue}), which is not credible as offered.",
    action:
      "Ask the bidder to show how each commitment will be delivered, then record the panel's outcome for the whole bid on SV Clarifications (Ref left blank) with the reason, who decided and the date; the bid's score for commitments is held until then.",
  },
  bidReturnImplausible: {
    code: "SV207",
    severity: "error",
    title: "Bid's return far above the benchmark (implausible)",
    message:
      "{bidder}'s commitments return {return} of the contract value, more than twice the benchmark upper quartile ({quartile}), which is not credible as offered.",
    action:
      "Ask the bidder to evidence deliverability, then record the panel's outcome for the whole bid on SV Clarifications (Ref left blank) with the reason, who decided and the date; the bid's score for commitments is held until then.",
  },
  bidClarified: {
    code: "SV208",
    severity: "info",
    title: "Implausible bid total clarified by the panel",
    message: "The panel clarified {bidder}'s total: {outcome}.",
    action: "Nothing to fix; SV Clarifications holds the panel's reason.",
  },

  // SV3xx — the tender's settings.
  weightingBelowMinimum: {
    code: "SV301",
    severity: "warning",
    title: "Weighting below 10%",
    message: "Social value weighs {weighting} of the award, below the usual 10% minimum (PPN 06/20, Southend).",
    action: "Raise the weighting to at least 10%, or record why a lower one is proportionate for this contract.",
  },
  weightingBelowFramework: {
    code: "SV302",
    severity: "warning",
    title: "Weighting below the framework's minimum",
    message: "Social value weighs {weighting} of the award, below {framework}'s minimum of {min}.",
    action: "Raise the weighting to at least {min}, or record why a lower one is proportionate.",
  },
  weightingAboveFramework: {
    code: "SV303",
    severity: "warning",
    title: "Weighting above the framework's maximum",
    message: "Social value weighs {weighting} of the award, above {framework}'s maximum of {max}.",
    action: "Lower the weighting to {max} or less, or record why.",
  },
  outcomeRequired: {
    code: "SV304",
    severity: "error",
    title: "No outcome selected",
    message: "{framework} requires every tender to select at least one outcome, and none is selected.",
    action: "Select the outcomes this contract will deliver on the SV Setup sheet.",
  },
  nothingToEvaluate: {
    code: "SV305",
    severity: "error",
    title: "Nothing to evaluate",
    message: "No measure is in scope and the framework has no qualitative criteria, so there is nothing to evaluate.",
    action: "Put the measures bidders should commit to in scope on the SV Setup sheet.",
  },
  quantitativeWithoutMeasures: {
    code: "SV306",
    severity: "warning",
    title: "Quantitative share with no measures",
    message: "{share} of the social value points are for commitments, but no measure is in scope.",
    action: "Put measures in scope, or give all the points to the qualitative answers.",
  },
  qualitativeWithoutCriteria: {
    code: "SV307",
    severity: "warning",
    title: "Qualitative share with no criteria",
    message: "{share} of the social value points are for qualitative answers, but the framework has no criteria to mark.",
    action: "Use a framework with qualitative criteria, or give all the points to the commitments.",
  },
  targetMissing: {
    code: "SV308",
    severity: "error",
    title: "Target method without a target",
    message: "Scoring against a target needs a target return above £0 per £1, and none is set.",
    action: "Enter the target return (Essex uses 25p per £1: 0.25), or choose another scoring method.",
  },
  measureNotInTable: {
    code: "SV309",
    severity: "error",
    title: "Measure in scope but not in the table",
    message: "{ref} is in scope but is not in the measure table.",
    action: "Add the measure to the SV Measures sheet, or take it out of scope.",
  },
  passMarkNotOnScale: {
    code: "SV310",
    severity: "error",
    title: "Pass mark not on the scale",
    message: "The pass mark {passMark} is not a mark on the {scale} scale ({marks}).",
    action: "Choose one of the scale's marks as the pass mark.",
  },
  fewEvaluators: {
    code: "SV311",
    severity: "info",
    title: "Fewer than three evaluators",
    message: "The panel has {count}; three evaluators is typical (three to seven suggested).",
    action: "Add evaluators if you can, so no one person's marks decide the score.",
  },
  bothPartsRequired: {
    code: "SV312",
    severity: "info",
    title: "Both parts required",
    message:
      "A bid's social value response is disregarded unless it has both a quantitative part (commitments) and a qualitative part (answers).",
    action: "Say so in the tender documents; a response missing either part scores 0 for social value.",
  },
  bothPartsImpossible: {
    code: "SV313",
    severity: "error",
    title: "Both parts required but one cannot be given",
    message: "Both parts are required, but {missing}, so every bid's response would be disregarded.",
    action: "Put measures in scope and use a framework with criteria, or stop requiring both parts.",
  },
  bothPartsNotRequired: {
    code: "SV314",
    severity: "warning",
    title: "Framework requires both parts",
    message: "{framework} disregards a response without both a quantitative and a qualitative part, but this tender does not.",
    action: "Turn on \u201crequire both parts\u201d on the SV Setup sheet, or record why this tender differs.",
  },
  measureWithoutProxy: {
    code: "SV315",
    severity: "warning",
    title: "Measure in scope with no proxy value",
    message: "{ref} is in scope but has no proxy value, so commitments to it add £0.",
    action: "Enter the council's proxy value (£ per unit) on the SV Measures sheet, or make the measure record-only.",
  },
  recordOnlyShare: {
    code: "SV316",
    severity: "warning",
    title: "Points for commitments on record-only measures",
    message:
      "Every measure in scope is record-only ({refs}), so the {share} of the social value points for commitments will be 0 for every bidder: record-only figures are kept for monitoring but add no £.",
    action:
      "Set the share for commitments to 0% so the answers carry all the points, or import the council's priced measures on the SV Measures sheet and put them in scope.",
  },
  qualitativeFrameworkShare: {
    code: "SV317",
    severity: "warning",
    title: "Points for commitments on a framework that values nothing in £",
    message: "{framework} values nothing in £: the {share} for commitments would score 0 for every bidder.",
    action:
      "Set the share for commitments to 0% so the answers carry all the points, or import the council's priced measures on the SV Measures sheet if it has them.",
  },
  frameworkOutOfDate: {
    code: "SV318",
    severity: "warning",
    title: "Framework not in force when the procurement began",
    message: "{framework} is for procurements begun {range}; this one began on {start}.",
    action: "Choose {choice}, or record why this procurement uses this framework.",
  },
  frameworkOutOfDateByChoice: {
    code: "SV319",
    severity: "info",
    title: "Framework out of its dates, by choice",
    message:
      "{framework} is for procurements begun {range}, and this one began on {start}; its dates bind {bound} only, so for this buyer it is a choice.",
    action: "Nothing needs fixing; {choice} is the version for that date, if the council prefers it.",
  },
  returnsIncludeVat: {
    code: "SV320",
    severity: "info",
    title: "Returns measured on a value with VAT",
    message:
      "The contract value includes VAT, so each bid's return (£ of social value per £1) and the target are worked out on the value with VAT: a return reads about a sixth lower than on the value without it.",
    action:
      "Keep it if the council measures returns that way; if its target and benchmarks are per £1 without VAT, enter the value without VAT and choose Excluding VAT (the thresholds still get VAT added).",
  },
} as const satisfies Record<string, CatalogueEntry>;

export type FindingName = keyof typeof FINDINGS;
export type FindingCode = (typeof FINDINGS)[FindingName]["code"];

/** Every entry of the catalogue, in code order, for listings and help. */
export const CATALOGUE: readonly (CatalogueEntry & { name: FindingName })[] = (
  Object.keys(FINDINGS) as FindingName[]
)
  .map((name) => ({ name, ...FINDINGS[name] }))
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const BY_CODE: ReadonlyMap<string, CatalogueEntry & { name: FindingName }> = new Map(CATALOGUE.map((e) => [e.code, e]));

/** The catalogue entry for a code, or undefined when the code is not one of ours. */
export function findingByCode(code: string): (CatalogueEntry & { name: FindingName }) | undefined {
  return BY_CODE.get(code);
}

/** A commitment-row finding: where it is, how bad, what it means and what to do. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** 1-based sheet row, as the input row gives it. */
  row: number;
  column: CommitmentColumn | CalculatedColumn;
  /** The bidder as first spelled in the table, when the row names one. */
  bidder?: string;
  /** The measure ref as the measure table spells it, or as typed when it is not in the table. */
  ref?: string;
  /** The other row a cross-row finding names (the first claim of a measure, the exclusive one). */
  otherRow?: number;
  message: string;
  action: string;
}

/** A finding about the tender's settings. `setting` names the `TenderSettings` field at fault. */
export interface TenderFinding {
  code: FindingCode;
  severity: Severity;
  setting: string;
  ref?: string;
  message: string;
  action: string;
}

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The parameters an entry's message and action need; numbers are formatted UK style. */
export type FindingParams<N extends FindingName> = Record<
  Placeholders<(typeof FINDINGS)[N]["message"] | (typeof FINDINGS)[N]["action"]>,
  string | number
>;

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

/** Code, severity, message and action of one finding, its placeholders filled. */
export function describeFinding<N extends FindingName>(
  name: N,
  ...args: [keyof FindingParams<N>] extends [never] ? [] : [params: FindingParams<N>]
): { code: FindingCode; severity: Severity; message: string; action: string } {
  const entry: CatalogueEntry = FINDINGS[name];
  const params = (args[0] ?? {}) as Readonly<Record<string, string | number>>;
  return {
    code: entry.code as FindingCode,
    severity: entry.severity,
    message: fill(entry.message, params),
    action: fill(entry.action, params),
  };
}
