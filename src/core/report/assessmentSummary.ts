/**
 * Assessment summaries: what each bidder is told about the social value part of the award.
 *
 * The Procurement Act 2023 (s.50) requires, for each supplier, the score for each award
 * criterion and sub-criterion and the total, with reasons that refer to the tender
 * (DOMAIN.md, "Moderation and the record the law expects"). Here the social value criterion
 * has these sub-criteria:
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
import { isIsoDate, regimeOn } from "../setup/statutoryThresholds";

export interface SummaryCriterionInput {
  id: string;
  question: string;
  /** Points available for this criterion. */
  available: number;
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

export interface AssessmentSummary {
  bidder: string;
  rank: number;
  bidders: number;
  total: number;
  maxTotal: number;
  quantitative: { value: number; returnRatio: number; points: number; available: number; themes: ThemeShare[]; reason: string };
  criteria: SummaryCriterionResult[];
  /** Criteria still without an agreed mark. */
  openItems: number;
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

  return input.bids.map((bid) => {
    const themes: ThemeShare[] = bid.byTheme.map((t) => ({ theme: t.theme, value: t.value, share: bid.value > 0 ? t.value / bid.value : 0 }));
    const criteria: SummaryCriterionResult[] = input.criteria.map((c) => {
      const item = items.get(`${bidderKey(bid.bidder)}\u0000${criterionKey(c.id)}`);
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
    const summary: Omit<AssessmentSummary, "text"> = {
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
      },
      criteria,
      openItems: criteria.filter((c) => !c.agreed).length,
    };
    return { ...summary, text: summaryText(summary, tender) };
  });
}

/** The letter text: plain lines, no tabs, so it pastes cleanly into any letter template. */
export function summaryText(s: Omit<AssessmentSummary, "text">, tender: Pick<SummaryTender, "contractName" | "topMark" | "procurementStart">): string {
  const lines: string[] = [];
  lines.push(`Assessment summary: ${s.bidder}`);
  if (tender.contractName) lines.push(`Contract: ${tender.contractName}`);
  const law = lawLine(tender.procurementStart);
  if (law !== undefined) lines.push(law);
  lines.push(`Social value score: ${points(s.total)} of ${points(s.maxTotal)} points (ranked ${s.rank} of ${s.bidders}).`);
  if (s.openItems > 0) lines.push(`Provisional: ${s.openItems} ${s.openItems === 1 ? "criterion is" : "criteria are"} not yet agreed by the panel.`);
  lines.push("");
  const q = s.quantitative;
  lines.push(`1. Social value commitments: ${points(q.points)} of ${points(q.available)} points`);
  lines.push(`   ${q.reason}`);
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
