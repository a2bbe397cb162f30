/**
 * The evaluation workbook's layout: sheet, table and name identifiers, and the columns of
 * each table. These names are stored in users' workbooks and written in their formulas, so
 * once shipped they are frozen (DESIGN.md, "The workbook is the source of truth"). The user
 * guide (docs/user-guide.md, "The evaluation workbook") documents them.
 */

export const SHEETS = {
  setup: "SV Setup",
  measures: "SV Measures",
  commitments: "SV Commitments",
  scores: "SV Scores",
  /** The tender's qualitative criteria (from the framework; the panel may edit them before marking). */
  criteria: "SV Criteria",
  /** Bidders' written answers per criterion, imported from their response forms. */
  answers: "SV Answers",
  /** What bidders offer schools, colleges, charities and community groups. */
  offers: "SV Offers",
  /** One row per evaluator × bidder × criterion: no two evaluators share a cell (co-authoring). */
  marks: "SV Marks",
  /** Per bidder × criterion: the marks side by side, the consensus and its rationale. */
  moderation: "SV Moderation",
  /** Written by their actions, not at insert. */
  summaries: "SV Summaries",
  report: "SV Report",
  register: "SV Register",
  signOff: "SV Sign-off",
  /** Very hidden: the values as signed, so Verify can say exactly what changed. */
  record: "SV Record",
  /** Who decided the threshold verdict, scope and weighting, when and why (Procurement Act 2023 s.98); added with its first entry. */
  decisions: "SV Decisions",
  /** The decision record exported for the tender file: every material decision with who, when and why. */
  decisionRecord: "SV Decision Record",
  /** The panel's clarification outcomes for implausible commitments (issue #16 point 4). */
  clarifications: "SV Clarifications",
} as const;

export const TABLES = {
  measures: "SV_Measures",
  commitments: "SV_Commitments",
  scores: "SV_Scores",
  criteria: "SV_Criteria",
  answers: "SV_Answers",
  offers: "SV_Offers",
  marks: "SV_Marks",
  consensus: "SV_Consensus",
  register: "SV_Register",
  decisions: "SV_Decisions",
  clarifications: "SV_Clarifications",
} as const;

/** Named cells on SV Setup, each the value cell of one setting. */
export const SETTING_NAMES = {
  contractName: "SV_ContractName",
  contractValue: "SV_ContractValue",
  /** excluding, including or none: whether the contract value includes VAT (statutory thresholds include it). */
  vatBasis: "SV_VatBasis",
  /** When the procurement began (ISO date as text): decides the regime and the statutory thresholds. */
  procurementStart: "SV_ProcurementStart",
  /** sub-central or central: decides the statutory threshold for goods and services. */
  buyer: "SV_Buyer",
  category: "SV_Category",
  durationMonths: "SV_DurationMonths",
  weighting: "SV_Weighting",
  maxPoints: "SV_MaxPoints",
  quantitativeShare: "SV_QuantShare",
  method: "SV_Method",
  targetReturn: "SV_TargetReturn",
  /** £ target for the "target" method: contract value × target return (a formula). */
  target: "SV_Target",
  scale: "SV_Scale",
  /** The highest mark on the scale (points are mark ÷ top mark). */
  scaleTop: "SV_ScaleTop",
  passMark: "SV_PassMark",
  evaluators: "SV_Evaluators",
  /** How many evaluators SV_Evaluators lists (a formula). */
  panelSize: "SV_PanelSize",
  rollUp: "SV_RollUp",
  moderationThreshold: "SV_ModerationThreshold",
  requireBothParts: "SV_RequireBothParts",
  framework: "SV_Framework",
  outcomesInScope: "SV_Outcomes",
  threshold: "SV_Threshold",
  /** A random id given at insert: response forms carry it, so a form for another tender is refused. */
  tenderId: "SV_TenderId",
  /** Yes: the pane shows each evaluator only their own marks until moderation opens. */
  blindMarking: "SV_BlindMarking",
  /** Yes once the panel opens moderation (marks visible to all, consensus can be recorded). */
  moderationOpen: "SV_ModerationOpen",
  /**
   * Yes: the tender documents told bidders that evaluators' marks would be averaged, so a rolled-up
   * mark between the scale's marks (3.67 on 0–5) may be signed off. Bromcom v United Learning
   * Trust [2022] EWHC 3262 (TCC): decimal marks the tender had not promised were unlawful.
   */
  tenderSaysAveraged: "SV_TenderSaysAveraged",
} as const;

export type SettingKey = keyof typeof SETTING_NAMES;

/**
 * Workbook names that hold a text constant rather than a cell: the roll-up in force when
 * marking started and when that was, written once (the roll-up is fixed before marking).
 */
export const ROLL_UP_FIXED_NAMES = { rollUp: "SV_RollUpFixed", at: "SV_RollUpFixedAt" } as const;

/**
 * Ceiling (added after Guidance, so older tables keep their places and read as before): the
 * largest quantity the council will believe for the measure; above it a commitment is held
 * until the panel records a clarification (SV124). Optional: blank means no ceiling.
 */
export const MEASURE_COLUMNS = ["Ref", "Theme", "Outcome", "Measure", "Unit", "Proxy", "Type", "InScope", "Max", "Evidence", "Excludes", "Guidance", "Ceiling"] as const;
export type MeasureColumn = (typeof MEASURE_COLUMNS)[number];

/** Bidder, Ref, Unit, Quantity and Evidence are typed or imported; the rest are formulas. */
/**
 * Evidence holds how delivery will be measured and verified; Baseline and Actions come from the
 * response form (the current level, and the actions planned), as Essex and Thurrock ask.
 */
export const COMMITMENT_TABLE_COLUMNS = ["Bidder", "Ref", "Measure", "Unit", "Quantity", "Proxy", "Type", "Value", "Check", "Evidence", "Baseline", "Actions"] as const;
export type CommitmentColumnName = (typeof COMMITMENT_TABLE_COLUMNS)[number];
export const COMMITMENT_INPUT_COLUMNS: readonly CommitmentColumnName[] = ["Bidder", "Ref", "Unit", "Quantity", "Evidence", "Baseline", "Actions"];

export const CRITERIA_COLUMNS = ["Id", "Criterion", "Guidance", "Weight"] as const;
export const ANSWER_COLUMNS = ["Bidder", "Criterion", "Answer"] as const;
/** Recipient: School, College, Charity, Community group or Other. */
export const OFFER_COLUMNS = ["Bidder", "Recipient", "Organisation", "Offer", "Hours", "Value"] as const;
/** Updated: when the evaluator last changed the row (ISO text, written by the pane). */
export const MARK_COLUMNS = ["Evaluator", "Bidder", "Criterion", "Mark", "Comment", "Updated"] as const;
/**
 * Min, Max, Spread and Flag are formulas over SV_Marks; Mark is the mark that scores under the
 * tender's roll-up (the consensus, or the average or median of the marks); Points its points.
 */
export const CONSENSUS_COLUMNS = ["Bidder", "Criterion", "Marks", "Min", "Max", "Spread", "Flag", "Consensus", "Rationale", "AgreedBy", "AgreedAt", "Mark", "Points", "Status"] as const;

/**
 * One row per implausible item the panel has clarified: Ref blank means the whole bid (its total).
 * Outcome is Accepted, Capped (CappedAt is the quantity counted; £ for a whole bid) or Excluded
 * (counts 0); it counts only with Reason, DecidedBy and DecidedAt (an Excel date) all given.
 * Counts is a formula: the outcome as it counts ("Capped 500"), blank while the row is no outcome.
 */
export const CLARIFICATION_COLUMNS = ["Bidder", "Ref", "Issue", "Outcome", "CappedAt", "Reason", "DecidedBy", "DecidedAt", "Counts"] as const;
export type ClarificationColumn = (typeof CLARIFICATION_COLUMNS)[number];

/** Held (added last, so older tables keep their places): why a bid is held back by a faulty commitment row, or blank (core heldBids.ts). */
/**
 * SV_Decisions, a log the pane appends to: Decision is "Threshold verdict", "Scope" or
 * "Weighting"; Value the setting(s) as they stood when recorded; DecidedAt ISO text.
 */
export const DECISION_COLUMNS = ["Decision", "Value", "DecidedBy", "DecidedAt", "Reason"] as const;

export const SCORE_COLUMNS = ["Bidder", "Value", "LEV", "SV", "Return", "Benchmark", "Quantitative", "Qualitative", "Score", "Rank", "Disregarded", "PriceQuality", "Held"] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];

/** The grey of calculated columns, so they read as "not for typing" (insert and Validate write it). */
export const CALCULATED_FILL = "#F3F2F1";

/**
 * £ with pence; % with one decimal. Quantities show as typed ("General"): Excel has no format that
 * groups thousands and shows decimals only when there are some ("#,##0.##" shows 12 as "12.").
 */
export const FORMATS = {
  gbp: "£#,##0.00",
  gbpWhole: "£#,##0",
  percent: "0.0%",
  number: "General",
  points: "0.00",
  text: "@",
  general: "General",
  /** An Excel date, written day first as UK councils read it. */
  date: "dd/mm/yyyy",
} as const;

/** The column Validate adds to SV_Commitments for each row's findings (an import clears it). */
export const STATUS_HEADER = "Status";
