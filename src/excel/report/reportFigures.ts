/**
 * The award's figures as the workbook holds them, arranged for the report sheets: each
 * bidder's row of SV_Scores (computed by the sheet's formulas), the £ by theme from the valid
 * commitments (core valuation, the same rule as SVVALUE), the criteria and their points
 * available (the same rule as SV_Consensus[Points]), and each bidder × criterion as moderation
 * left it. A figure the sheet shows as an error stops the build with a message that says where,
 * rather than printing a wrong number in a letter.
 */
import { errorIn, numberIn, records, textIn, type ReportData } from "./readReportData";
import { ReportRefusedError } from "./reportSheet";
import { commitmentContext } from "../setup/readEvaluation";
import { bidderKey, clarificationKey, describeClarification, indexClarifications, formatPercent, sheetDate, parseScale, parseScoringMethod, refKey, ROLL_UPS, SHEETS, targetSensitivity, targetValueFromReturn, UNITS, validateCommitments, valueBids, weightingSensitivity, type RollUp, type ScoringMethod, type SummaryCommitment, type SummaryCriterionInput, type SummaryItemInput, type SummaryTender } from "../../core";

export interface ScoredBidder {
  bidder: string;
  rank: number;
  value: number;
  returnRatio: number;
  quantitative: number;
  qualitative: number;
  score: number;
  /** Price and quality points typed on SV Scores (for the sensitivity note), if any. */
  other: number | undefined;
  byTheme: { theme: string; value: number }[];
  /** Why the bid is disregarded, as a sentence for its assessment summary; absent when it counts. */
  disregarded?: string;
  /** SV_Scores[Held]: why the bid is held back by a faulty commitment row (core heldBids.ts); it then has no score or rank. */
  held?: string;
  /** The bid's valid commitments, for the reasons that refer to its tender. */
  commitments: SummaryCommitment[];
  /** The text SV Scores shows in place of a score (a bid held back), if it does. */
  scoreNote?: string;
}

export interface ReportFigures {
  tender: SummaryTender;
  contractName: string;
  weighting: number | undefined;
  themes: string[];
  bidders: ScoredBidder[];
  criteria: SummaryCriterionInput[];
  items: SummaryItemInput[];
}

function setting(data: ReportData, key: keyof ReportData["settings"]): number | undefined {
  return numberIn(data.settings[key]);
}

function startOf(data: ReportData): string | undefined {
  return sheetDate(data.settings.procurementStart);
}

export function reportFigures(data: ReportData): ReportFigures {
  const contractValue = setting(data, "contractValue") ?? 0;
  if (!(contractValue > 0)) throw new ReportRefusedError("The contract value on SV Setup is missing or not above £0: set it, then build again.");
  const maxPoints = setting(data, "maxPoints") ?? 0;
  const share = setting(data, "quantitativeShare") ?? 1;
  const method: ScoringMethod = parseScoringMethod(textIn(data.settings.method) || "relative") ?? "relative";
  const targetReturn = setting(data, "targetReturn");
  const rollUpText = textIn(data.settings.rollUp).toLowerCase();
  const rollUp: RollUp = (ROLL_UPS as readonly string[]).includes(rollUpText) ? (rollUpText as RollUp) : "consensus";
  const scaleTop = setting(data, "scaleTop") ?? Math.max(0, ...textIn(data.settings.scale).split(",").map(Number).filter(Number.isFinite));
  const scale = parseScale(data.settings.scale);
  const weighting = setting(data, "weighting");
  const tender: SummaryTender = {
    contractName: textIn(data.settings.contractName),
    // Read as Set up reads it: a date retyped as 01/03/2025 or entered as an Excel date still names the law.
    ...(startOf(data) !== undefined ? { procurementStart: startOf(data) } : {}),
    contractValue,
    maxPoints,
    quantitativeAvailable: maxPoints * share,
    method,
    rollUp,
    topMark: scaleTop,
    ...(scale ? { scale } : {}),
    ...(weighting !== undefined ? { weighting } : {}),
    ...(method === "target" && targetReturn !== undefined ? { target: targetValueFromReturn(targetReturn, contractValue) } : {}),
  };

  // £ by theme from the commitments validation accepts (rows with errors add nothing, as on the Scores page).
  const checked = commitmentContext(data);
  const validation = validateCommitments(data.commitments, data.measures, { ...checked.context, contractValue });
  // Each summary names the figures the panel clarified and what it decided (issue #16 point 4).
  const clarifiedOf = indexClarifications(checked.clarifications.decided);
  const clarifiedText = (bidder: string, ref: string | undefined): { clarified?: string } => {
    const c = clarifiedOf.get(clarificationKey(bidder, ref));
    return c ? { clarified: describeClarification(c) } : {};
  };
  const valuations = valueBids(validation.commitments, data.measures, contractValue);
  const themes: string[] = [];
  for (const m of data.measures) if (!themes.includes(m.themeId)) themes.push(m.themeId);
  const byBidder = new Map(valuations.map((v) => [bidderKey(v.bidder), v]));
  const measureOf = new Map(data.measures.map((m) => [refKey(m.ref), m]));
  const commitmentsOf = new Map<string, SummaryCommitment[]>();
  for (const c of validation.commitments) {
    const m = measureOf.get(refKey(c.ref));
    if (!m) continue;
    const list = commitmentsOf.get(bidderKey(c.bidder)) ?? [];
    list.push({ ref: m.ref, measure: m.description, quantity: c.quantity, unit: UNITS[m.unit].label, value: m.type === "Record" ? 0 : c.quantity * (m.proxy ?? 0), ...clarifiedText(c.bidder, m.ref) });
    commitmentsOf.set(bidderKey(c.bidder), list);
  }

  const bidders: ScoredBidder[] = [];
  for (const row of records(data.scores)) {
    const bidder = textIn(row("Bidder"));
    if (!bidder) continue;
    const figure = (column: string): number => {
      const cell = row(column);
      const error = errorIn(cell);
      if (error) throw new ReportRefusedError(`${SHEETS.scores} shows ${error} in ${bidder}'s ${column}. Fix it first (Validate finds the cause), then build again.`);
      return numberIn(cell) ?? 0;
    };
    const held = textIn(row("Held"));
    const valuation = byBidder.get(bidderKey(bidder));
    const disregarded = disregardedSentence(textIn(row("Disregarded")));
    // A bid held back shows its reason in Score as text: its summary has no total until it is resolved.
    const scoreText = numberIn(row("Score")) === undefined && errorIn(row("Score")) === undefined ? textIn(row("Score")) : "";
    bidders.push({
      bidder,
      rank: figure("Rank"),
      value: figure("Value"),
      returnRatio: figure("Return"),
      quantitative: figure("Quantitative"),
      qualitative: figure("Qualitative"),
      score: figure("Score"),
      other: numberIn(row("PriceQuality")),
      byTheme: themes.map((theme) => ({ theme, value: valuation?.byTheme[theme] ?? 0 })),
      ...(disregarded ? { disregarded } : {}),
      ...(held ? { held } : {}),
      commitments: commitmentsOf.get(bidderKey(bidder)) ?? [],
      ...(scoreText ? { scoreNote: scoreText } : {}),
      ...clarifiedText(bidder, undefined),
    });
  }
  if (bidders.length === 0) {
    throw new ReportRefusedError(`${SHEETS.scores} lists no bidders yet: type each bidder's name in its Bidder column (the scores fill in), then build again.`);
  }
  bidders.sort((a, b) => a.rank - b.rank);

  // Criteria and the points each carries: maxPoints × (1 − share) × weight / Σ weights.
  const criteriaRows = records(data.criteria)
    .map((r) => ({ id: textIn(r("Id")), question: textIn(r("Criterion")), weight: numberIn(r("Weight")) ?? 0 }))
    .filter((c) => c.id !== "");
  const consensusRows = records(data.consensus);
  if (criteriaRows.length === 0) {
    for (const r of consensusRows) {
      const id = textIn(r("Criterion"));
      if (id && !criteriaRows.some((c) => c.id.toUpperCase() === id.toUpperCase())) criteriaRows.push({ id, question: "", weight: 1 });
    }
  }
  const totalWeight = criteriaRows.reduce((s, c) => s + c.weight, 0);
  const qualitativeAvailable = maxPoints * (1 - share);
  const criteria = criteriaRows.map((c) => ({ id: c.id, question: c.question, weight: c.weight, available: totalWeight > 0 ? (qualitativeAvailable * c.weight) / totalWeight : 0 }));

  // An item is agreed when SV_Consensus says Closed (or, without a Status column, has a Mark).
  const items: SummaryItemInput[] = consensusRows.map((r) => {
    const status = textIn(r("Status")).toLowerCase();
    const mark = numberIn(r("Mark"));
    const agreed = mark !== undefined && (status === "" ? true : status === "closed");
    const rationale = textIn(r("Rationale"));
    const marks = textIn(r("Marks"));
    return {
      bidder: textIn(r("Bidder")),
      criterion: textIn(r("Criterion")),
      mark: agreed ? (mark as number) : null,
      points: agreed ? (numberIn(r("Points")) ?? 0) : null,
      ...(rationale ? { rationale } : {}),
      ...(marks ? { marks } : {}),
    };
  });

  return { tender, contractName: tender.contractName ?? "", weighting: setting(data, "weighting"), themes, bidders, criteria, items };
}

/**
 * Refuses what would present the bids in rank order, or name a winner, while a bid is held back:
 * its rank is not known until its faulty commitment row is fixed (core heldBids.ts).
 */
export function refuseWhileHeld(f: Pick<ReportFigures, "bidders">, what: string): void {
  const held = f.bidders.find((b) => b.held !== undefined);
  if (held === undefined) return;
  throw new ReportRefusedError(
    `${held.bidder} is held back on ${SHEETS.scores} (${held.held}), so it has no score or rank yet and ${what} cannot be built. Fix that commitment row (Validate lists what to do), then build again.`,
  );
}

/**
 * SV_Scores[Disregarded] ("No answers", "No commitments", "No commitments or answers") as the
 * sentence a bidder reads: what was missing and the rule that made it count (DOMAIN.md, Torbay).
 * A blank cell, or no such column (a workbook inserted before it existed), means the bid counts.
 */
export function disregardedSentence(reason: string): string | undefined {
  const text = reason.trim();
  if (!text) return undefined;
  return `This response was disregarded and scores no points (${text.toLowerCase()}): the tender requires both commitments and written answers.`;
}

/** The sensitivity notes (core sensitivity.ts) for the figures on SV Scores, as sentences. */
export function sensitivityNotes(f: ReportFigures): string[] {
  const notes: string[] = [];
  const { bidders, tender } = f;
  if (bidders.length < 2) return ["Sensitivity needs at least two bids."];
  const others = bidders.map((b) => b.other);
  if (f.weighting === undefined) notes.push(`The weighting on ${SHEETS.setup} is missing; set it (e.g. ${formatPercent(0.1)}) to see how it affects the award.`);
  else if (others.some((o) => o === undefined)) notes.push(`Enter each bid's price and quality points in the PriceQuality column of ${SHEETS.scores} to see how the weighting affects the award.`);
  else {
    const s = weightingSensitivity({
      bids: bidders.map((b, i) => ({ bidder: b.bidder, socialValue: b.score, other: others[i] as number })),
      socialValueAvailable: tender.maxPoints,
      // As on the Scores page: the award is out of 100, so other points = 100 − social value points.
      otherAvailable: Math.max(0, 100 - tender.maxPoints),
      weighting: f.weighting,
    });
    notes.push(s.ok ? s.value.note : `The weighting's effect could not be worked out: ${s.message}.`);
  }
  if (tender.method === "target" && tender.target !== undefined) {
    const t = targetSensitivity({
      bids: bidders.map((b) => ({ bidder: b.bidder, value: b.value, qualitative: b.qualitative })),
      quantitativeAvailable: tender.quantitativeAvailable,
      target: tender.target,
      contractValue: tender.contractValue,
    });
    notes.push(t.ok ? t.value.note : `The target's effect could not be worked out: ${t.message}.`);
  }
  return notes;
}
