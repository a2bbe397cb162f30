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
import { ROW_FINDINGS, describeEntry, type CatalogueEntry, type CalculatedColumn, type EntryParams, type Severity } from "./rowFindings";

export { CALCULATED_COLUMNS, SEVERITY_MEANING, type CalculatedColumn, type Severity } from "./rowFindings";

export const FINDINGS = {
  // SV1xx — one commitment row on its own: rowFindings.ts.
  ...ROW_FINDINGS,

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

/** The parameters an entry's message and action need; numbers are formatted UK style. */
export type FindingParams<N extends FindingName> = EntryParams<(typeof FINDINGS)[N]>;

/** Code, severity, message and action of one finding, its placeholders filled. */
export function describeFinding<N extends FindingName>(
  name: N,
  ...args: [keyof FindingParams<N>] extends [never] ? [] : [params: FindingParams<N>]
): { code: FindingCode; severity: Severity; message: string; action: string } {
  return describeEntry(FINDINGS[name], (args[0] ?? {}) as Readonly<Record<string, string | number>>) as { code: FindingCode; severity: Severity; message: string; action: string };
}
