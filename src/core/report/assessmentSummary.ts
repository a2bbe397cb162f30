/**
 * Assessment summaries: what each bidder is told about the social value part of the award.
 *
 * The Procurement Act 2023 (s.50) requires an assessment summary for each supplier; the
 * Procurement Regulations 2024 reg 31 say what it holds: the award criteria and the assessment
 * methodology (their relative importance, and how each was assessed by reference to the scores
 * available), the score for each criterion and sub-criterion with an explanation by reference to
 * the relevant information in the tender, and the total and sub-totals (DOMAIN.md, "Moderation
 * and the record the law expects"). The methodology is the same for every bidder
 * (assessmentMethodology); `gaps` lists what a summary still lacks of those, so nobody sends one
 * that is not ready (summaryGaps). Here the social value criterion has these sub-criteria:
 *
 * - the commitments (quantitative): £ of social value, broken down by theme (£ and share of
 *   the bid's £), scored by the tender's method; the reason says how the method turned the £
 *   into points;
 * - each qualitative criterion: the mark that scores, its points of those available, and the
 *   panel's reasons — the consensus rationale, quoted verbatim and attributed to the panel.
 *   An item without an agreed mark says "not yet agreed", never a guess.
 *
 * Pure: the figures come in already scored (from the workbook's SV_Scores and SV_Consensus,
 * or from scoring.ts in tests); this module only arranges and words them. Money is shown to
 * the pound, points to two decimals, returns in pence per £1.
 */
import { formatGBP, formatNumber, formatPercent } from "../shared/format";
import { bidderKey, criterionKey } from "../shared/refs";
import type { RollUp, ScoringMethod } from "../setup/tender";
import type { Scale } from "../setup/tenderTerms";
import { isIsoDate, regimeOn } from "../setup/statutoryThresholds";
import { checkRationale } from "../moderation/rationale";

export interface SummaryCriterionInput {
  id: string;
  question: string;
  /** Points available for this criterion. */
  available: number;
  /** Its weight on SV Criteria (relative importance among the criteria), when known. */
  weight?: number;
}

/** One bidder × criterion as moderation left it. */
export interface SummaryItemInput {
  bidder: string;
  criterion: string;
  /** The mark that scores under the roll-up; null while not agreed. */
  mark: number | null;
  /** Its points; ignored when mark is null. */
  points: number | null;
  /** The consensus rationale, as recorded. */
  rationale?: string;
  /** The evaluators' marks side by side, e.g. "Ann 3, Ben 4, Cat 4" (average and median roll-ups cite the marks, not the names). */
  marks?: string;
  /** The bidder's written answer to this criterion, when the workbook holds it: the reasons must refer to it. */
  answer?: string;
}

/** One commitment of the bid as the tender states it, for the reasons that refer to it. */
export interface SummaryCommitment {
  ref: string;
  measure: string;
  quantity: number;
  unit: string;
  /** £ of social value (quantity × proxy). */
  value: number;
  /** The panel's clarification of an implausible figure, in words (clarifications.ts describeClarification); quantity and value are then as counted. */
  clarified?: string;
}

export interface SummaryBidInput {
  bidder: string;
  rank: number;
  /** £ of social value. */
  value: number;
  /** value / contract value. */
  returnRatio: number;
  /** Quantitative points. */
  quantitative: number;
  /** £ per theme name, in the order themes should be shown. */
  byTheme: readonly { theme: string; value: number }[];
  /** A reason this bid was disregarded (both parts required), if it was. */
  disregarded?: string;
  /** The bid's commitments, in sheet order: the £ part's reasons name them. */
  commitments?: readonly SummaryCommitment[];
  /** What SV Scores shows in place of a score (e.g. "Held: …"): the summary has no total until it is a number. */
  scoreNote?: string;
  /** The panel's clarification of the bid's total, in words, when it had one (issue #16 point 4). */
  clarified?: string;
}

export interface SummaryTender {
  contractName?: string;
  /** When the procurement began (ISO date): the letter names the law it answers to. */
  procurementStart?: string;
  contractValue: number;
  maxPoints: number;
  /** Points available for the commitments. */
  quantitativeAvailable: number;
  method: ScoringMethod;
  /** £ target of the target method. */
  target?: number;
  rollUp: RollUp;
  /** Top mark of the scale, e.g. 5 for 0–5. */
  topMark: number;
  /** Social value's share of the whole award (0.1 for 10%), from SV_Weighting; undefined when not set. */
  weighting?: number;
  /** The marks available and what each means; undefined when SV Setup's scale cannot be read. */
  scale?: Scale;
}

export interface SummaryInput {
  tender: SummaryTender;
  criteria: readonly SummaryCriterionInput[];
  bids: readonly SummaryBidInput[];
  items: readonly SummaryItemInput[];
}

export interface ThemeShare {
  theme: string;
  value: number;
  /** Share of the bid's £ (0 when the bid has none). */
  share: number;
}

export interface SummaryCriterionResult {
  id: string;
  question: string;
  mark: number | null;
  points: number;
  available: number;
  agreed: boolean;
  /** The panel's reasons as the letter prints them. */
  reasons: string;
}

/** Something a summary lacks of what reg 31 asks for: it is not ready to send until the list is empty. */
export interface SummaryGap {
  code: "no-weighting" | "no-method" | "no-scale" | "no-points" | "no-total" | "not-agreed" | "no-reasons" | "weak-reasons" | "reasons-not-about-bid";
  /** The criterion it concerns, if one. */
  criterion?: string;
  /** What is missing and what to do, in the user's words. */
  message: string;
}

export interface AssessmentSummary {
  bidder: string;
  rank: number;
  bidders: number;
  total: number;
  maxTotal: number;
  quantitative: {
    value: number;
    returnRatio: number;
    points: number;
    available: number;
    themes: ThemeShare[];
    reason: string;
    /** The tender's own commitments the £ rests on, as one sentence ("" when the workbook gave none). */
    basis: string;
  };
  criteria: SummaryCriterionResult[];
  /** Criteria still without an agreed mark. */
  openItems: number;
  /** The award criteria and how each was assessed (the same for every bidder). */
  methodology: string[];
  /** What the summary lacks before it can be sent; empty when it is ready. */
  gaps: SummaryGap[];
  /** The whole summary as plain text, ready to paste into a letter. */
  text: string;
}

export const NOT_YET_AGREED = "Not yet agreed: the panel has not recorded a moderated mark for this criterion.";

const points = (n: number): string => formatNumber(n, 2);
const pence = (ratio: number): string => `${formatNumber(ratio * 100, 1)}p per £1`;

/** How the method turned this bid's £ into points, in words that refer to the tender. */
export function quantitativeReason(bid: SummaryBidInput, tender: SummaryTender, values: readonly number[]): string {
  const offer = `${formatGBP(Math.round(bid.value))} of social value committed, ${pence(bid.returnRatio)} of the contract value.`;
  if (bid.disregarded) return `${offer} ${bid.disregarded}`;
  const full = points(tender.quantitativeAvailable);
  const best = Math.max(0, ...values);
  const worst = Math.min(...values, bid.value);
  switch (tender.method) {
    case "relative":
      if (best <= 0) return `${offer} No bid committed any social value, so no points were awarded under the relative method.`;
      if (bid.value >= best) return `${offer} This was the highest offer, so it scored all ${full} points under the relative method.`;
      return `${offer} Under the relative method the highest offer (${formatGBP(Math.round(best))}) scored all ${full} points and others in proportion: this offer is ${formatPercent(bid.value / best)} of it.`;
    case "target": {
      const target = tender.target ?? 0;
      const targetText = `${formatGBP(Math.round(target))} (${pence(target / tender.contractValue)})`;
      if (bid.value >= target) return `${offer} It meets the target of ${targetText}, so it scored all ${full} points under the target method.`;
      return `${offer} Under the target method the target of ${targetText} scores all ${full} points and offers below it in proportion: this offer reaches ${formatPercent(bid.value / target)} of the target.`;
    }
    case "range":
      if (best === worst) return `${offer} Every bid offered the same £, so ${bid.value > 0 ? `each scored all ${full} points` : "none scored"} under the range method.`;
      return `${offer} Under the range method the lowest offer (${formatGBP(Math.round(worst))}) scores 0 and the highest (${formatGBP(Math.round(best))}) all ${full} points, others in proportion between them.`;
    default:
      return offer;
  }
}

/** The commitments the £ rests on, largest first, so the bidder sees its own offer in the reasons. */
export function commitmentBasis(commitments: readonly SummaryCommitment[] | undefined, bidClarified?: string): string {
  // The bidder is told which figure the panel clarified and what it decided (issue #16 point 4).
  const whole = bidClarified ? ` The bid's total was clarified: ${bidClarified}` : "";
  if (!commitments || commitments.length === 0) return whole.trim();
  const listed = [...commitments]
    .sort((a, b) => b.value - a.value)
    .map((c) => {
      // A £ measure's quantity is itself money: "£150,000", not "150,000 £".
      const amount = c.unit.trim() === "£" ? formatGBP(c.quantity) : `${formatNumber(c.quantity, 2)} ${c.unit}`.trim();
      const clarified = c.clarified ? `, as clarified: ${c.clarified.replace(/\.$/, "")}` : "";
      return `${c.ref} ${c.measure}: ${amount} (${formatGBP(Math.round(c.value))} of social value${clarified})`.replace(/\s+/g, " ");
    });
  return `The tender's commitments: ${listed.join("; ")}.${whole}`;
}

const share = (part: number, whole: number): string => (whole > 0 ? formatPercent(part / whole) : "0%");

function methodSentence(tender: SummaryTender): string | undefined {
  const full = points(tender.quantitativeAvailable);
  switch (tender.method) {
    case "relative":
      return `The highest value offered scored all ${full} points and every other offer in proportion to it.`;
    case "target":
      if (!(tender.target !== undefined && tender.target > 0)) return undefined;
      return `An offer at or above the target of ${formatGBP(Math.round(tender.target))} (${pence(tender.target / tender.contractValue)}) scored all ${full} points, and lower offers in proportion to the target.`;
    case "range":
      return `The lowest value offered scored 0 and the highest all ${full} points, other offers in proportion between them.`;
    default:
      return undefined;
  }
}

function scaleSentence(tender: SummaryTender): string | undefined {
  const scale = tender.scale;
  if (!scale || !(tender.topMark > 0)) return undefined;
  const meanings = scale.descriptors && scale.descriptors.length === scale.marks.length ? scale.marks.map((m, i) => `${formatNumber(m, 2)} ${String(scale.descriptors?.[i]).toLowerCase()}`) : scale.marks.map((m) => formatNumber(m, 2));
  return `Each written answer was given a mark on the ${scale.label} scale (${meanings.join(", ")}); a criterion scores its mark ÷ ${formatNumber(tender.topMark, 2)} × the points it carries.`;
}

const HOW_MARKED: Record<RollUp, string> = {
  consensus: "Each evaluator marked each answer on their own; the panel then met, agreed one mark for each criterion and recorded its reasons.",
  average: "Each evaluator marked each answer on their own; the mark that scores is the average of their marks, as the tender documents set out before marking.",
  median: "Each evaluator marked each answer on their own; the mark that scores is the median of their marks, as the tender documents set out before marking.",
};

/**
 * The award criteria and the assessment methodology (reg 31): relative importance (social
 * value's weighting, its points, the commitments' and the answers' shares, each criterion's
 * points), the scores available (the £-to-points method, the mark scale and what each mark
 * means) and how each part was assessed. The same lines for every bidder; a part that cannot be
 * stated from the workbook is left out here and named by summaryGaps.
 */
export function assessmentMethodology(tender: SummaryTender, criteria: readonly SummaryCriterionInput[]): string[] {
  const lines: string[] = [];
  const qualitative = criteria.reduce((s, c) => s + c.available, 0);
  const total = tender.quantitativeAvailable + qualitative;
  const weight = tender.weighting !== undefined && tender.weighting > 0 ? `Social value is ${formatPercent(tender.weighting)} of the award, marked out of ${points(total)} points` : `Social value is marked out of ${points(total)} points`;
  lines.push(
    criteria.length > 0
      ? `${weight}: ${points(tender.quantitativeAvailable)} (${share(tender.quantitativeAvailable, total)}) for the commitments offered and ${points(qualitative)} (${share(qualitative, total)}) for the written answers.`
      : `${weight}, all for the commitments offered.`,
  );
  const method = methodSentence(tender);
  lines.push(`Commitments: each committed quantity was multiplied by the measure's proxy value (£ of social value per unit) and the results added up.${method ? ` ${method}` : ""}`);
  if (criteria.length > 0) {
    lines.push(`Written answers: ${criteria.map((c) => `${c.id} carries ${points(c.available)} points`).join("; ")}.`);
    const scale = scaleSentence(tender);
    if (scale) lines.push(scale);
    lines.push(HOW_MARKED[tender.rollUp]);
  }
  return lines;
}

/** Points that cannot be trusted as a total: not a number, or SV Scores shows text in its place. */
function hasTotal(bid: SummaryBidInput, total: number): boolean {
  return bid.scoreNote === undefined && Number.isFinite(total);
}

/**
 * What the summary lacks of reg 31's content, each with what to do: the weighting, the £ method,
 * the mark scale or the points (methodology); the total; for each criterion an agreed mark, the
 * panel's reasons, reasons that can explain a mark (checkRationale's errors), and reasons that
 * refer to the bidder's own answer where the workbook holds it (no word of the answer in them).
 * A disregarded bid is told why it scores nothing: its criteria need no reasons.
 */
export function summaryGaps(summary: Omit<AssessmentSummary, "text" | "gaps">, bid: SummaryBidInput, tender: SummaryTender, items: readonly (SummaryItemInput | undefined)[]): SummaryGap[] {
  const gaps: SummaryGap[] = [];
  if (!(tender.weighting !== undefined && tender.weighting > 0)) {
    gaps.push({ code: "no-weighting", message: "Social value's weighting in the whole award is missing: type it in SV_Weighting on SV Setup (e.g. 10%), so the summary can say how much social value counted." });
  }
  if (!(tender.maxPoints > 0)) gaps.push({ code: "no-points", message: "SV Setup gives social value no points (SV_MaxPoints): type the points available, so each part's share can be stated." });
  if (methodSentence(tender) === undefined) {
    gaps.push({ code: "no-method", message: tender.method === "target" ? "The target method has no £ target: type the target return in SV_TargetReturn on SV Setup, so the summary can say how £ became points." : "The method that turns £ into points (SV_Method on SV Setup) is not one the add-in knows: choose relative, target or range." });
  }
  if (summary.criteria.length > 0 && scaleSentence(tender) === undefined) {
    gaps.push({ code: "no-scale", message: "The mark scale on SV Setup (SV_Scale) cannot be read: write the marks evaluators give, e.g. 0, 1, 2, 3, 4, 5, so the summary can say what scores were available." });
  }
  if (!hasTotal(bid, summary.total)) {
    gaps.push({ code: "no-total", message: `There is no total score for ${bid.bidder} yet: SV Scores shows “${bid.scoreNote ?? "no number"}”. Resolve what holds it back, then build the summaries again.` });
  }
  if (bid.disregarded) return gaps;
  summary.criteria.forEach((c, i) => {
    const item = items[i];
    if (!c.agreed) {
      gaps.push({ code: "not-agreed", criterion: c.id, message: `${c.id}: the panel has not agreed a mark yet. Record it on the Moderation page.` });
      return;
    }
    const rationale = (item?.rationale ?? "").trim();
    if (rationale === "") {
      gaps.push({ code: "no-reasons", criterion: c.id, message: `${c.id}: there are no reasons for the mark. Record the panel's rationale on SV Moderation, saying what in ${bid.bidder}'s answer decided it.` });
      return;
    }
    const blocking = checkRationale(rationale, { bidder: bid.bidder, criterion: c.id }).find((x) => x.severity === "error");
    if (blocking) {
      gaps.push({ code: "weak-reasons", criterion: c.id, message: `${c.id}: ${blocking.message}` });
      return;
    }
    // Only the bid's answer as the reference, and no criterion id: naming the question or
    // using its words does not show the reasons are about what this bid wrote.
    const aboutBid = item?.answer ? checkRationale(rationale, { bidder: bid.bidder, criterion: "", answer: item.answer }) : [];
    if (aboutBid.some((x) => x.code === "no-reference")) {
      gaps.push({ code: "reasons-not-about-bid", criterion: c.id, message: `${c.id}: the reasons use none of the words of ${bid.bidder}'s answer, so they do not show what in the tender earned the mark. Name the parts of the answer that decided it.` });
    }
  });
  return gaps;
}

/**
 * The evaluators' marks without their names: "Ann 3, Ben 4, Cat 4" → "3, 4, 4". The summary goes
 * to the bidder, who is told the marks that made the average, not who gave which.
 */
export function marksOnly(marks: string): string {
  return marks
    .split(",")
    .map((part) => /(\d+(?:\.\d+)?)\s*$/.exec(part.trim())?.[1])
    .filter((m): m is string => m !== undefined)
    .join(", ");
}

function criterionReasons(item: SummaryItemInput | undefined, rollUp: RollUp): { agreed: boolean; reasons: string } {
  if (!item || item.mark === null) return { agreed: false, reasons: NOT_YET_AGREED };
  const rationale = (item.rationale ?? "").trim();
  if (rollUp === "consensus") {
    return { agreed: true, reasons: rationale ? `The panel's reasons: "${rationale}"` : "The panel agreed this mark but recorded no reasons." };
  }
  const given = marksOnly(item.marks ?? "");
  const from = given ? ` (${given})` : "";
  const how = `The mark is the ${rollUp} of the evaluators' marks${from}, as the tender set before marking.`;
  return { agreed: true, reasons: rationale ? `${how} The panel's reasons: "${rationale}"` : how };
}

/** One summary per bid, in the order of `bids`. */
export function assessmentSummaries(input: SummaryInput): AssessmentSummary[] {
  const { tender } = input;
  const counted = input.bids.filter((b) => !b.disregarded).map((b) => b.value);
  const items = new Map<string, SummaryItemInput>();
  for (const item of input.items) {
    const key = `${bidderKey(item.bidder)}\u0000${criterionKey(item.criterion)}`;
    if (!items.has(key)) items.set(key, item);
  }
  const qualitativeAvailable = input.criteria.reduce((s, c) => s + c.available, 0);
  const maxTotal = tender.quantitativeAvailable + qualitativeAvailable;
  const methodology = assessmentMethodology(tender, input.criteria);

  return input.bids.map((bid) => {
    const themes: ThemeShare[] = bid.byTheme.map((t) => ({ theme: t.theme, value: t.value, share: bid.value > 0 ? t.value / bid.value : 0 }));
    const itemsOfBid = input.criteria.map((c) => items.get(`${bidderKey(bid.bidder)}\u0000${criterionKey(c.id)}`));
    const criteria: SummaryCriterionResult[] = input.criteria.map((c, i) => {
      const item = itemsOfBid[i];
      const { agreed, reasons } = criterionReasons(item, tender.rollUp);
      return {
        id: c.id,
        question: c.question,
        mark: agreed ? (item?.mark ?? null) : null,
        points: agreed && !bid.disregarded ? (item?.points ?? 0) : 0,
        available: c.available,
        agreed,
        reasons,
      };
    });
    // A disregarded bid scores nothing in any part (its reason says why).
    const quantitativePoints = bid.disregarded ? 0 : bid.quantitative;
    const total = quantitativePoints + criteria.reduce((s, c) => s + c.points, 0);
    const summary: Omit<AssessmentSummary, "text" | "gaps"> = {
      bidder: bid.bidder,
      rank: bid.rank,
      bidders: input.bids.length,
      total,
      maxTotal,
      quantitative: {
        value: bid.value,
        returnRatio: bid.returnRatio,
        points: quantitativePoints,
        available: tender.quantitativeAvailable,
        themes,
        reason: quantitativeReason(bid, tender, counted),
        basis: commitmentBasis(bid.commitments, bid.clarified),
      },
      criteria,
      openItems: criteria.filter((c) => !c.agreed).length,
      methodology,
    };
    const gaps = summaryGaps(summary, bid, tender, itemsOfBid);
    return { ...summary, gaps, text: summaryText(summary, tender) };
  });
}

/** The letter text: plain lines, no tabs, so it pastes cleanly into any letter template. */
export function summaryText(s: Omit<AssessmentSummary, "text" | "gaps">, tender: Pick<SummaryTender, "contractName" | "topMark" | "procurementStart">): string {
  const lines: string[] = [];
  lines.push(`Assessment summary: ${s.bidder}`);
  if (tender.contractName) lines.push(`Contract: ${tender.contractName}`);
  const law = lawLine(tender.procurementStart);
  if (law !== undefined) lines.push(law);
  lines.push(`Social value score: ${points(s.total)} of ${points(s.maxTotal)} points (ranked ${s.rank} of ${s.bidders}).`);
  if (s.openItems > 0) lines.push(`Provisional: ${s.openItems} ${s.openItems === 1 ? "criterion is" : "criteria are"} not yet agreed by the panel.`);
  if (s.methodology.length > 0) {
    lines.push("");
    lines.push("How the social value part was assessed:");
    for (const m of s.methodology) lines.push(`- ${m}`);
  }
  lines.push("");
  const q = s.quantitative;
  lines.push(`1. Social value commitments: ${points(q.points)} of ${points(q.available)} points`);
  lines.push(`   ${q.reason}`);
  if (q.basis) lines.push(`   ${q.basis}`);
  const committed = q.themes.filter((t) => t.value > 0);
  if (committed.length > 0) {
    lines.push("   By theme:");
    for (const t of committed) lines.push(`   - ${t.theme}: ${formatGBP(Math.round(t.value))} (${formatPercent(t.share)})`);
  }
  s.criteria.forEach((c, i) => {
    lines.push("");
    lines.push(`${i + 2}. ${c.id} ${c.question}`.trimEnd());
    lines.push(
      c.mark === null
        ? `   Mark not yet agreed, so ${points(c.points)} of ${points(c.available)} points for now.`
        : `   Mark ${formatNumber(c.mark, 2)} of ${formatNumber(tender.topMark, 2)}, scoring ${points(c.points)} of ${points(c.available)} points.`,
    );
    lines.push(`   ${c.reasons}`);
  });
  lines.push("");
  const answers = s.criteria.reduce((n, c) => n + c.points, 0);
  lines.push(
    s.criteria.length > 0
      ? `Total: ${points(s.total)} of ${points(s.maxTotal)} points (commitments ${points(q.points)}, written answers ${points(answers)}).`
      : `Total: ${points(s.total)} of ${points(s.maxTotal)} points.`,
  );
  return lines.join("\n");
}

/**
 * Which law the letter answers to, from the day the procurement began: the Act's assessment
 * summary (s.50) from 24 February 2025; before then PCR 2015's award letter (regulation 86: the
 * scores and the relative advantages of the successful tender). Nothing for a workbook that
 * never recorded the date.
 */
function lawLine(start: string | undefined): string | undefined {
  if (!isIsoDate(start)) return undefined;
  return regimeOn(start) === "procurement-act-2023"
    ? "Procurement Act 2023: the social value part of the assessment summary section 50 requires."
    : "Public Contracts Regulations 2015 (the procurement began before 24 February 2025): the social value scores and reasons for the award letter regulation 86 requires.";
}
