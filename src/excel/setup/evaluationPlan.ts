/**
 * The evaluation workbook as a declarative plan: which sheets, tables, named cells,
 * formulas, formats and validation lists to write. Pure data built from the tender's
 * settings and measure table; `writePlan` turns it into Excel calls. Keeping the plan pure
 * lets tests read exactly what will be written, and lets an update compare plan and
 * workbook before anything is touched.
 */
import { BUYERS, FORMATS, SETTING_NAMES, VAT_BASES, SHEETS, SCORES_NOTICE_FORMULA, TABLE_FORMULAS, TABLES, UNITS, type Criterion, type MeasureEntry, type SettingKey, type TenderSettings } from "../../core";

export interface ColumnPlan {
  header: string;
  /** A calculated column: the formula every row gets (structured references). */
  formula?: string;
  numberFormat: string;
  /** Column width in points. */
  width: number;
  /** A data validation list: literal items or a formula source such as "=SV_MeasureRefs". */
  list?: readonly string[] | string;
  /** Numbers only, at least 0 (decimal) — quantities, proxies, marks. */
  nonNegative?: boolean;
}

export interface TablePlan {
  name: string;
  columns: readonly ColumnPlan[];
  /** Input cells per row, by header; formula columns are filled from `formula`. */
  rows: readonly Readonly<Record<string, unknown>>[];
  /** Formats applied when a cell's value differs from "OK" (the live Check column). */
  flagNotOk?: string;
}

export interface SettingRow {
  key: SettingKey;
  label: string;
  value: unknown;
  /** A formula instead of a value (e.g. the £ target). */
  formula?: string;
  numberFormat: string;
  list?: readonly string[];
  note: string;
}

export interface SheetPlan {
  name: string;
  title: string;
  /** SV Setup only: label / value / note rows, each value cell named. */
  settings?: readonly SettingRow[];
  /** Tables start at A3, below the title. */
  table?: TablePlan;
  /** A formula for the line under the title (A2), shown bold in red: a warning that must not be missed. */
  notice?: string;
  freezeRows: number;
}

export interface WorkbookPlan {
  sheets: readonly SheetPlan[];
  /** Workbook names that are not setting cells, e.g. a list source for data validation. */
  names: readonly { name: string; formula: string }[];
}

export const TITLE_ROW = 1;
/** A sheet's notice, between its title and its table. */
export const NOTICE_ROW = 2;
/** Dark red: readable on white (contrast above 4.5:1), and the words carry the meaning. */
export const NOTICE_COLOUR = "#A4262C";
export const TABLE_TOP_ROW = 3;
export const SETUP_FIRST_ROW = 3;


function setupRows(input: PlanInput): SettingRow[] {
  const { settings, frameworkName, thresholdReason } = input;
  const row = (key: SettingKey, label: string, value: unknown, numberFormat: string, note: string, list?: readonly string[]): SettingRow =>
    list ? { key, label, value, numberFormat, note, list } : { key, label, value, numberFormat, note };
  return [
    row("contractName", "Contract", settings.contractName, FORMATS.text, "Name of the contract being tendered."),
    row("contractValue", "Contract value (£)", settings.contractValue, FORMATS.gbpWhole, "Returns and the target are measured against this, on the VAT basis below."),
    row("vatBasis", "VAT in the contract value", settings.vatBasis ?? "", FORMATS.text, "excluding, including or none (no VAT charged): statutory thresholds include VAT, council ones exclude it.", VAT_BASES),
    row("procurementStart", "Procurement began", settings.procurementStart ?? "", FORMATS.text, "yyyy-mm-dd. Before 24 February 2025: PCR 2015; from then: the Procurement Act 2023, with the thresholds of that date."),
    row("buyer", "Buyer", settings.buyer ?? "", FORMATS.text, "sub-central (a council) or central (a government department): decides the statutory threshold.", BUYERS),
    row("category", "Category", settings.category, FORMATS.text, "supplies-services, light-touch or works: decides the threshold.", ["supplies-services", "light-touch", "works"]),
    row("durationMonths", "Duration (months)", settings.durationMonths ?? "", FORMATS.general, "Works only: Southend's threshold needs 24 months or more."),
    row("weighting", "Social value weighting", settings.weighting, FORMATS.percent, "Share of the whole award; at least 10% (PPN 06/20)."),
    row("maxPoints", "Social value points", settings.maxPoints, FORMATS.points, "Points available for social value in the award."),
    row("quantitativeShare", "Share for commitments (£)", settings.quantitativeShare, FORMATS.percent, "The rest of the points are for the qualitative answers."),
    row("method", "Scoring method", settings.method, FORMATS.text, "relative: best bid scores full marks; target: in proportion to the target; range: lowest 0, best full.", ["relative", "target", "range"]),
    row("targetReturn", "Target return (£ per £1)", settings.targetReturn ?? "", FORMATS.percent, "Used by the target method, e.g. 25% = 25p per £1 (Essex)."),
    { key: "target", label: "Target (£)", value: "", formula: `=IF(${SETTING_NAMES.targetReturn}="","",${SETTING_NAMES.contractValue}*${SETTING_NAMES.targetReturn})`, numberFormat: FORMATS.gbpWhole, note: "Contract value × target return (calculated)." },
    row("scale", "Qualitative scale", settings.scale.marks.join(", "), FORMATS.text, `Marks evaluators give: ${settings.scale.label}.`),
    row("scaleTop", "Top mark", Math.max(...settings.scale.marks), FORMATS.general, "The highest mark on the scale: a criterion's points are its mark ÷ this × its share of the points."),
    row("passMark", "Pass mark", settings.passMark ?? "", FORMATS.general, "Minimum mark a bid must reach on each question, if any."),
    row("evaluators", "Evaluators", settings.evaluators.join(", "), FORMATS.text, "Panel members who mark independently (three is typical)."),
    {
      key: "panelSize",
      label: "Panel size",
      value: "",
      formula: `=IF(TRIM(${SETTING_NAMES.evaluators})="",0,LEN(${SETTING_NAMES.evaluators})-LEN(SUBSTITUTE(${SETTING_NAMES.evaluators},",",""))+1)`,
      numberFormat: FORMATS.general,
      note: "Evaluators listed above (calculated): an average or median is taken once all have marked.",
    },
    row("rollUp", "Roll-up of marks", settings.rollUp, FORMATS.text, "Fixed before marking starts: consensus, average or median.", ["consensus", "average", "median"]),
    row("moderationThreshold", "Moderation threshold", settings.moderationThreshold, FORMATS.general, "A spread of marks above this must be discussed."),
    row("requireBothParts", "Both parts required", settings.requireBothParts ? "Yes" : "No", FORMATS.text, "Yes: a bid without commitments or without answers is disregarded (Torbay).", ["Yes", "No"]),
    row("framework", "Framework", frameworkName, FORMATS.text, "The framework the measures come from."),
    row("outcomesInScope", "Outcomes in scope", settings.outcomesInScope.join(", "), FORMATS.text, "Outcome ids selected for this tender."),
    row("threshold", "Threshold verdict", thresholdReason, FORMATS.text, "Whether social value must be evaluated, and why."),
    row("tenderId", "Tender id", input.tenderId ?? "", FORMATS.text, "Identifies this tender: response forms carry it, so a form for another tender is refused. Do not change it."),
    row("blindMarking", "Blind marking", input.blindMarking ? "Yes" : "No", FORMATS.text, "Yes: the pane shows each evaluator only their own marks until moderation opens.", ["Yes", "No"]),
    row("moderationOpen", "Moderation open", "No", FORMATS.text, "Set by the pane when the panel opens moderation.", ["Yes", "No"]),
    // Last, so a workbook made before this row existed keeps every other setting where it was.
    row(
      "tenderSaysAveraged",
      "Tender says marks are averaged",
      input.tenderSaysAveraged ? "Yes" : "No",
      FORMATS.text,
      "Yes only if the tender documents told bidders that evaluators' marks would be averaged: then an average or median between the scale's marks (3.67) can be signed off (Bromcom v United Learning Trust [2022] EWHC 3262 (TCC)).",
      ["Yes", "No"],
    ),
  ];
}

const MEASURE_TABLE_COLUMNS: readonly ColumnPlan[] = [
  { header: "Ref", numberFormat: FORMATS.text, width: 60 },
  { header: "Theme", numberFormat: FORMATS.text, width: 120 },
  { header: "Outcome", numberFormat: FORMATS.text, width: 160 },
  { header: "Measure", numberFormat: FORMATS.text, width: 260 },
  { header: "Unit", numberFormat: FORMATS.text, width: 80 },
  { header: "Proxy", numberFormat: FORMATS.gbp, width: 80, nonNegative: true },
  { header: "Type", numberFormat: FORMATS.text, width: 60, list: ["LEV", "SV", "Record"] },
  { header: "InScope", numberFormat: FORMATS.text, width: 60, list: ["Yes", "No"] },
  { header: "Max", numberFormat: FORMATS.number, width: 60, nonNegative: true },
  { header: "Evidence", numberFormat: FORMATS.text, width: 80, list: ["Required", "Optional"] },
  { header: "Excludes", numberFormat: FORMATS.text, width: 120 },
  { header: "Guidance", numberFormat: FORMATS.text, width: 260 },
  // Optional, the council's: above it a commitment is held until the panel clarifies it (SV124).
  { header: "Ceiling", numberFormat: FORMATS.number, width: 70, nonNegative: true },
];

export function measureRows(measures: readonly MeasureEntry[]): Record<string, unknown>[] {
  return measures.map((m) => ({
    Ref: m.ref,
    Theme: m.theme,
    Outcome: m.outcome,
    Measure: m.description,
    Unit: UNITS[m.unit].label,
    Proxy: m.proxy ?? "",
    Type: m.type,
    InScope: m.inScope ? "Yes" : "No",
    Max: m.max ?? "",
    Evidence: m.evidenceRequired ? "Required" : "",
    Excludes: m.excludes.join(", "),
    Guidance: m.guidance ?? "",
    Ceiling: m.ceiling ?? "",
  }));
}

/** A name Excel data validation can use: list sources cannot be structured references. */
export const MEASURE_REFS_NAME = "SV_MeasureRefs";

const COMMITMENT_TABLE_COLUMNS: readonly ColumnPlan[] = [
  { header: "Bidder", numberFormat: FORMATS.text, width: 140 },
  { header: "Ref", numberFormat: FORMATS.text, width: 60, list: `=${MEASURE_REFS_NAME}` },
  { header: "Measure", numberFormat: FORMATS.general, width: 220, formula: TABLE_FORMULAS.commitments.Measure },
  { header: "Unit", numberFormat: FORMATS.text, width: 80 },
  { header: "Quantity", numberFormat: FORMATS.number, width: 70, nonNegative: true },
  { header: "Proxy", numberFormat: FORMATS.gbp, width: 80, formula: TABLE_FORMULAS.commitments.Proxy },
  { header: "Type", numberFormat: FORMATS.general, width: 50, formula: TABLE_FORMULAS.commitments.Type },
  {
    header: "Value",
    numberFormat: FORMATS.gbp,
    width: 100,
    formula: TABLE_FORMULAS.commitments.Value,
  },
  {
    header: "Check",
    numberFormat: FORMATS.general,
    width: 240,
    formula: TABLE_FORMULAS.commitments.Check,
  },
  { header: "Evidence", numberFormat: FORMATS.text, width: 160 },
  { header: "Baseline", numberFormat: FORMATS.general, width: 80 },
  { header: "Actions", numberFormat: FORMATS.text, width: 200 },
];


/**
 * The panel's clarification outcomes (issue #16 point 4): all typed, by the pane's form or by
 * hand. DecidedAt is an Excel date, because the commitments' formulas count an outcome only with
 * one (ISNUMBER), whatever the locale's way of writing dates.
 */
export const CLARIFICATION_TABLE_COLUMNS: readonly ColumnPlan[] = [
  { header: "Bidder", numberFormat: FORMATS.text, width: 140 },
  { header: "Ref", numberFormat: FORMATS.text, width: 60 },
  { header: "Issue", numberFormat: FORMATS.text, width: 300 },
  { header: "Outcome", numberFormat: FORMATS.text, width: 80, list: ["Accepted", "Capped", "Excluded"] },
  { header: "CappedAt", numberFormat: FORMATS.number, width: 80, nonNegative: true },
  { header: "Reason", numberFormat: FORMATS.text, width: 300 },
  { header: "DecidedBy", numberFormat: FORMATS.text, width: 140 },
  { header: "DecidedAt", numberFormat: FORMATS.date, width: 90 },
  // Blank while the row is not yet an outcome (no reason, who or date): the commitments read only rows that count.
  { header: "Counts", numberFormat: FORMATS.general, width: 100, formula: TABLE_FORMULAS.clarifications.Counts },
];

/** SV Clarifications as insert writes it, and as the pane adds it to a workbook made before it existed. */
export const CLARIFICATIONS_SHEET: SheetPlan = {
  name: SHEETS.clarifications,
  title: "Clarifications: the panel's outcome for each implausible commitment or bid total (Ref blank = the whole bid)",
  table: { name: TABLES.clarifications, columns: CLARIFICATION_TABLE_COLUMNS, rows: [{}] },
  freezeRows: TABLE_TOP_ROW,
};

const SCORE_TABLE_COLUMNS: readonly ColumnPlan[] = [
  { header: "Bidder", numberFormat: FORMATS.text, width: 140 },
  {
    header: "Value",
    numberFormat: FORMATS.gbp,
    width: 100,
    // The sum of the bidder's rows' Value cells, not TENDER.SVVALUE over whole columns: that
    // marshalled every commitment row once per bidder on each recalculation. A row whose
    // Value is an error (a text quantity) makes its own bidder's total the error, as before.
    formula: TABLE_FORMULAS.scores.Value,
  },
  { header: "LEV", numberFormat: FORMATS.gbp, width: 90, formula: TABLE_FORMULAS.scores.LEV },
  { header: "SV", numberFormat: FORMATS.gbp, width: 90, formula: TABLE_FORMULAS.scores.SV },
  { header: "Return", numberFormat: FORMATS.percent, width: 60, formula: TABLE_FORMULAS.scores.Return },
  { header: "Benchmark", numberFormat: FORMATS.general, width: 150, formula: TABLE_FORMULAS.scores.Benchmark },
  {
    // A disregarded bid scores nothing, and its £ is left out of the values the others are
    // scored against (SVSCORE ignores the "" cells), so it cannot set the bar.
    header: "Quantitative",
    numberFormat: FORMATS.points,
    width: 80,
    formula: TABLE_FORMULAS.scores.Quantitative,
  },
  {
    header: "Qualitative",
    numberFormat: FORMATS.points,
    width: 80,
    formula: TABLE_FORMULAS.scores.Qualitative,
  },
  { header: "Score", numberFormat: FORMATS.points, width: 70, formula: TABLE_FORMULAS.scores.Score },
  { header: "Rank", numberFormat: FORMATS.general, width: 50, formula: TABLE_FORMULAS.scores.Rank },
  // After Rank, beside the score it explains: the columns before it keep their places, so
  // Score and Rank read as before, and the reason sits next to the 0 it causes.
  { header: "Disregarded", numberFormat: FORMATS.general, width: 170, formula: TABLE_FORMULAS.scores.Disregarded },
  // Price and quality points from the rest of the evaluation, out of (100 − social value points):
  // only the sensitivity note uses them.
  { header: "PriceQuality", numberFormat: FORMATS.points, width: 90, nonNegative: true },
  // Last, so the columns before it keep their places in workbooks made before it existed. Why the
  // bid is held back (a faulty commitment row), which its Quantitative, Score and Rank then show.
  { header: "Held", numberFormat: FORMATS.general, width: 220, formula: TABLE_FORMULAS.scores.Held },
];

const CRITERIA_TABLE_COLUMNS: readonly ColumnPlan[] = [
  { header: "Id", numberFormat: FORMATS.text, width: 60 },
  { header: "Criterion", numberFormat: FORMATS.text, width: 300 },
  { header: "Guidance", numberFormat: FORMATS.text, width: 300 },
  { header: "Weight", numberFormat: FORMATS.number, width: 60, nonNegative: true },
];

const ANSWER_TABLE_COLUMNS: readonly ColumnPlan[] = [
  { header: "Bidder", numberFormat: FORMATS.text, width: 140 },
  { header: "Criterion", numberFormat: FORMATS.text, width: 70 },
  { header: "Answer", numberFormat: FORMATS.text, width: 500 },
];

const OFFER_TABLE_COLUMNS: readonly ColumnPlan[] = [
  { header: "Bidder", numberFormat: FORMATS.text, width: 140 },
  { header: "Recipient", numberFormat: FORMATS.text, width: 110, list: ["School", "College", "Charity", "Community group", "Other"] },
  { header: "Organisation", numberFormat: FORMATS.text, width: 160 },
  { header: "Offer", numberFormat: FORMATS.text, width: 300 },
  { header: "Hours", numberFormat: FORMATS.number, width: 60, nonNegative: true },
  { header: "Value", numberFormat: FORMATS.gbp, width: 90, nonNegative: true },
];

const MARK_TABLE_COLUMNS: readonly ColumnPlan[] = [
  { header: "Evaluator", numberFormat: FORMATS.text, width: 120 },
  { header: "Bidder", numberFormat: FORMATS.text, width: 140 },
  { header: "Criterion", numberFormat: FORMATS.text, width: 70 },
  { header: "Mark", numberFormat: FORMATS.general, width: 50, nonNegative: true },
  { header: "Comment", numberFormat: FORMATS.text, width: 300 },
  { header: "Updated", numberFormat: FORMATS.text, width: 140 },
];


/**
 * One row per bidder × criterion. Everything but Consensus, Rationale, AgreedBy and AgreedAt is
 * a formula over SV_Marks and the settings, so the panel can see how each number arises.
 * Mark follows the roll-up fixed before marking (SV_RollUp): the recorded consensus; or the
 * average or median of the marks once every evaluator on the panel has marked.
 * Points: Mark ÷ the top mark × the criterion's weighted share of the qualitative points.
 */
const CONSENSUS_TABLE_COLUMNS: readonly ColumnPlan[] = [
  { header: "Bidder", numberFormat: FORMATS.text, width: 140 },
  { header: "Criterion", numberFormat: FORMATS.text, width: 70 },
  {
    // TEXTJOIN's ignore_empty is given as 1, which Excel reads as TRUE: the formula engine the
    // tests and the playground use does not take a bare TRUE literal.
    header: "Marks",
    numberFormat: FORMATS.general,
    width: 200,
    formula: TABLE_FORMULAS.consensus.Marks,
  },
  { header: "Min", numberFormat: FORMATS.general, width: 45, formula: TABLE_FORMULAS.consensus.Min },
  { header: "Max", numberFormat: FORMATS.general, width: 45, formula: TABLE_FORMULAS.consensus.Max },
  { header: "Spread", numberFormat: FORMATS.general, width: 55, formula: TABLE_FORMULAS.consensus.Spread },
  { header: "Flag", numberFormat: FORMATS.general, width: 70, formula: TABLE_FORMULAS.consensus.Flag },
  { header: "Consensus", numberFormat: FORMATS.general, width: 75, nonNegative: true },
  { header: "Rationale", numberFormat: FORMATS.text, width: 400 },
  { header: "AgreedBy", numberFormat: FORMATS.text, width: 160 },
  { header: "AgreedAt", numberFormat: FORMATS.text, width: 140 },
  {
    header: "Mark",
    numberFormat: FORMATS.general,
    width: 50,
    formula: TABLE_FORMULAS.consensus.Mark,
  },
  {
    header: "Points",
    numberFormat: FORMATS.points,
    width: 60,
    formula: TABLE_FORMULAS.consensus.Points,
  },
  {
    header: "Status",
    numberFormat: FORMATS.general,
    width: 60,
    // Open until it has a mark; under consensus, until the mark has a rationale; under average
    // or median, a flagged item stays open until the panel records a consensus (the review
    // before sign-off applies the same rule).
    formula: TABLE_FORMULAS.consensus.Status,
  },
];

/** Criteria rows: those tied to an outcome in scope, and those tied to none. Weight 1 each. */
export function criterionRows(criteria: readonly Criterion[], outcomesInScope: readonly string[]): Record<string, unknown>[] {
  const inScope = new Set(outcomesInScope);
  return criteria
    .filter((c) => c.outcomeId === undefined || inScope.size === 0 || inScope.has(c.outcomeId))
    .map((c) => ({ Id: c.id, Criterion: c.question, Guidance: c.guidance ?? "", Weight: 1 }));
}

export interface PlanInput {
  settings: TenderSettings;
  frameworkName: string;
  measures: readonly MeasureEntry[];
  thresholdReason: string;
  /** Bidders to list on SV Scores (from the commitments), if known. */
  bidders?: readonly string[];
  /** The framework's qualitative criteria; SV Criteria lists those for the outcomes in scope. */
  criteria?: readonly Criterion[];
  /** SV_TenderId; insertEvaluation gives a new random id when absent. */
  tenderId?: string;
  /** Hide each evaluator's marks from the others in the pane until moderation opens. */
  blindMarking?: boolean;
  /** The tender documents said marks would be averaged (SV_TenderSaysAveraged). */
  tenderSaysAveraged?: boolean;
}

/** Excel tables always hold at least one row. */
function atLeastOne(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.length > 0 ? rows : [{}];
}

export function buildEvaluationPlan(input: PlanInput): WorkbookPlan {
  const bidders = input.bidders ?? [];
  return {
    names: [{ name: MEASURE_REFS_NAME, formula: `=${TABLES.measures}[Ref]` }],
    sheets: [
      { name: SHEETS.setup, title: "Social value: tender settings", settings: setupRows(input), freezeRows: 2 },
      {
        name: SHEETS.measures,
        title: `Measures: ${input.frameworkName}`,
        table: { name: TABLES.measures, columns: MEASURE_TABLE_COLUMNS, rows: measureRows(input.measures) },
        freezeRows: TABLE_TOP_ROW,
      },
      {
        name: SHEETS.criteria,
        title: "Qualitative criteria the panel marks",
        table: { name: TABLES.criteria, columns: CRITERIA_TABLE_COLUMNS, rows: atLeastOne(criterionRows(input.criteria ?? [], input.settings.outcomesInScope)) },
        freezeRows: TABLE_TOP_ROW,
      },
      // Before SV Commitments, whose Value and Check formulas look outcomes up in its table:
      // Excel refuses a formula naming a table that does not exist yet.
      CLARIFICATIONS_SHEET,
      {
        name: SHEETS.commitments,
        title: "Bidders' commitments (one row per bidder and measure)",
        // One blank row: Excel tables always hold at least one, and it carries the formulas.
        table: { name: TABLES.commitments, columns: COMMITMENT_TABLE_COLUMNS, rows: [{}], flagNotOk: "#FDE7E9" },
        freezeRows: TABLE_TOP_ROW,
      },
      {
        name: SHEETS.answers,
        title: "Bidders' written answers (imported from their response forms)",
        table: { name: TABLES.answers, columns: ANSWER_TABLE_COLUMNS, rows: [{}] },
        freezeRows: TABLE_TOP_ROW,
      },
      {
        name: SHEETS.offers,
        title: "Community offers: what bidders offer schools, colleges, charities and community groups",
        table: { name: TABLES.offers, columns: OFFER_TABLE_COLUMNS, rows: [{}] },
        freezeRows: TABLE_TOP_ROW,
      },
      {
        name: SHEETS.marks,
        title: "Evaluators' independent marks (one row per evaluator, bidder and criterion)",
        table: { name: TABLES.marks, columns: MARK_TABLE_COLUMNS, rows: [{}] },
        freezeRows: TABLE_TOP_ROW,
      },
      {
        name: SHEETS.moderation,
        title: "Moderation: marks side by side, consensus and rationale",
        table: { name: TABLES.consensus, columns: CONSENSUS_TABLE_COLUMNS, rows: [{}] },
        freezeRows: TABLE_TOP_ROW,
      },
      {
        name: SHEETS.scores,
        title: "Social value scores",
        notice: SCORES_NOTICE_FORMULA,
        table: { name: TABLES.scores, columns: SCORE_TABLE_COLUMNS, rows: bidders.length ? bidders.map((b) => ({ Bidder: b })) : [{}] },
        freezeRows: TABLE_TOP_ROW,
      },
    ],
  };
}
