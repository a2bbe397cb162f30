/**
 * The evaluation workbook's layout: sheet, table and name identifiers, and the columns of
 * each table. These names are stored in users' workbooks and written in their formulas, so
 * once shipped they are frozen (DESIGN.md, "The workbook is the source of truth"). README
 * documents them.
 */

export const SHEETS = {
  setup: "SV Setup",
  measures: "SV Measures",
  commitments: "SV Commitments",
  scores: "SV Scores",
} as const;

export const TABLES = {
  measures: "SV_Measures",
  commitments: "SV_Commitments",
  scores: "SV_Scores",
} as const;

/** Named cells on SV Setup, each the value cell of one setting. */
export const SETTING_NAMES = {
  contractName: "SV_ContractName",
  contractValue: "SV_ContractValue",
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
  passMark: "SV_PassMark",
  evaluators: "SV_Evaluators",
  rollUp: "SV_RollUp",
  moderationThreshold: "SV_ModerationThreshold",
  requireBothParts: "SV_RequireBothParts",
  framework: "SV_Framework",
  outcomesInScope: "SV_Outcomes",
  threshold: "SV_Threshold",
} as const;

export type SettingKey = keyof typeof SETTING_NAMES;

export const MEASURE_COLUMNS = ["Ref", "Theme", "Outcome", "Measure", "Unit", "Proxy", "Type", "InScope", "Max", "Evidence", "Excludes", "Guidance"] as const;
export type MeasureColumn = (typeof MEASURE_COLUMNS)[number];

/** Bidder, Ref, Unit, Quantity and Evidence are typed or imported; the rest are formulas. */
export const COMMITMENT_COLUMNS = ["Bidder", "Ref", "Measure", "Unit", "Quantity", "Proxy", "Type", "Value", "Check", "Evidence"] as const;
export type CommitmentColumnName = (typeof COMMITMENT_COLUMNS)[number];
export const COMMITMENT_INPUT_COLUMNS: readonly CommitmentColumnName[] = ["Bidder", "Ref", "Unit", "Quantity", "Evidence"];

export const SCORE_COLUMNS = ["Bidder", "Value", "LEV", "SV", "Return", "Benchmark", "Quantitative", "Qualitative", "Score", "Rank", "PriceQuality"] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];

/** £ with pence; % with one decimal; whole numbers grouped. */
export const FORMATS = {
  gbp: "£#,##0.00",
  gbpWhole: "£#,##0",
  percent: "0.0%",
  number: "#,##0.##",
  points: "0.00",
  text: "@",
  general: "General",
} as const;
