/**
 * The Scores page's figures, computed by src/core from what the workbook holds — the same
 * rules the sheet's TENDER formulas apply, so the pane and the sheet agree. A bid with a faulty
 * commitment row (an error in validation, as the sheet's Check column shows it) is held back
 * by one rule on both (core heldBids.ts): no points for commitments, no score and no rank, and
 * its £ (of its other rows) is not among the values the other bids are scored against; every
 * other bid is scored and ranked among the bids not held back.
 *
 * Whether a bid is disregarded (the tender requires both parts and it lacks one) is read from
 * SV_Scores[Disregarded], the sheet's formula, as the qualitative points are: the pane then
 * scores as core scoreBids does — a disregarded bid scores 0 and its £ is left out of the
 * values the others are scored against.
 */
import { commitmentContext, readEvaluation } from "../setup/readEvaluation";
import { benchmarkPosition, bidderKey, formatPercent, heldBids, scoreNotHeld, type BidPoints, type HeldBid, notReadyError, SETTING_NAMES, parseScoringMethod, readQuantity, readText, TABLES, targetValueFromReturn, validateCommitments, valueBids, weightingSensitivity, measuresWithoutProxy, type MissingProxy, type BenchmarkBand, type ScoringMethod, type SettingKey } from "../../core";
import type { ExcelRun, OperationOptions } from "../shared/excelRun";
import { NotReadyError, notReadyMessage, refuseIfCalculating } from "../shared/notReady";

export interface BidderScore {
  bidder: string;
  value: number;
  lev: number;
  sv: number;
  returnRatio: number;
  benchmark: BenchmarkBand;
  /** Points for commitments; undefined while the bid is held back. */
  quantitative: number | undefined;
  qualitative: number;
  /** undefined while the bid is held back. */
  score: number | undefined;
  /** Rank among the bids not held back; undefined while this one is. */
  rank: number | undefined;
  /** Why the bid is disregarded, as SV Scores says ("No answers", "No commitments" …); absent when it counts. */
  disregarded?: string;
  /** The faulty rows holding the bid back, as SV Scores' Held column names the first; absent when it is not held. */
  held?: HeldBid;
}

/** A bid with a score: not held back. */
export type ScoredBidder = BidderScore & { quantitative: number; score: number; rank: number };

export function isScored(b: BidderScore): b is ScoredBidder {
  return b.score !== undefined && b.rank !== undefined && b.quantitative !== undefined;
}

export interface ScoresView {
  bidders: BidderScore[];
  contractValue: number;
  maxPoints: number;
  method: ScoringMethod;
  /** Share of the points for commitments (SV_QuantShare): 0 on a qualitative tender, where the answers carry every point. */
  quantitativeShare: number;
  /** Commitment rows with errors: each holds its bid back, or belongs to no bid. */
  rowsWithErrors: number;
  /** Plain-English sensitivity of the award to the weighting, when price/quality points are known. */
  sensitivityNote: string;
  /** Settings that could not be read, named for the user. */
  problems: string[];
  /**
   * Measures in scope with no proxy value, each with the commitments it values at £0: while any
   * commitment relies on one, every figure here is incomplete, and the page says so first.
   */
  missingProxies: MissingProxy[];
}

interface Valued {
  bidder: string;
  total: number;
  lev: number;
  sv: number;
  returnRatio: number;
  benchmark: BenchmarkBand;
}

function num(settings: Partial<Record<SettingKey, unknown>>, key: SettingKey): number | undefined {
  const q = readQuantity(settings[key]);
  return q.kind === "number" ? q.value : undefined;
}

export async function readScores(run: ExcelRun, options: OperationOptions = {}): Promise<ScoresView> {
  // Calculated cells typed over count as SV Scores counts them (core typedOver.ts): a Value or
  // Type it would read differently holds the bid in both.
  const data = await readEvaluation(run, { ...options, checkCalculatedCells: true });
  for (const [key, value] of Object.entries(data.settings) as [SettingKey, unknown][]) {
    const shows = notReadyError(value);
    if (shows !== undefined) throw new NotReadyError(notReadyMessage(`the setting ${SETTING_NAMES[key]} on SV Setup`, shows));
  }
  const qualitative = await readScoresTable(run);
  const problems: string[] = [];
  const contractValue = num(data.settings, "contractValue") ?? 0;
  if (!(contractValue > 0)) problems.push("The contract value on SV Setup is missing or not above £0.");
  const maxPoints = num(data.settings, "maxPoints") ?? 0;
  const share = num(data.settings, "quantitativeShare") ?? 1;
  const weighting = num(data.settings, "weighting");
  const method = parseScoringMethod(readText(data.settings.method) ?? "relative") ?? "relative";
  const targetReturn = num(data.settings, "targetReturn");

  // The panel's clarification outcomes count as on SV Commitments (issue #16 point 4).
  const validation = validateCommitments(data.commitments, data.measures, commitmentContext(data).context);
  const errorRows = new Set(validation.findings.filter((f) => f.severity === "error").map((f) => f.row));
  const valued = contractValue > 0 ? valueBids(validation.commitments, data.measures, contractValue) : [];
  const valuations: Valued[] = valued.map((v) => ({ bidder: v.bidder, total: v.total, lev: v.lev, sv: v.sv, returnRatio: v.returnRatio, benchmark: v.benchmark.total }));
  // Bidders listed on SV Scores without any valid commitment still get a row, at £0.
  for (const entry of qualitative.values()) {
    if (!valuations.some((v) => bidderKey(v.bidder) === entry.key)) {
      valuations.push({ bidder: entry.name, total: 0, lev: 0, sv: 0, returnRatio: 0, benchmark: benchmarkPosition(0) });
    }
  }
  const disregardedFor = (bidder: string): string | undefined => qualitative.get(bidderKey(bidder))?.disregarded;
  // Held back by core's rule, or by the sheet's Held column when it says so on its own (a Value
  // that is an Excel error for a reason validation cannot see): the sheet shows no figure then either.
  const held = heldBids(validation.findings);
  const heldFor = (bidder: string): HeldBid | undefined => {
    const key = bidderKey(bidder);
    const sheetHeld = qualitative.get(key)?.held;
    return held.get(key) ?? (sheetHeld !== undefined ? { bidder, faults: [], text: sheetHeld } : undefined);
  };
  const available = maxPoints * share;
  const target = method === "target" && targetReturn !== undefined ? targetValueFromReturn(targetReturn, contractValue) : undefined;
  if (method === "target" && target === undefined) problems.push("The target method needs a target return on SV Setup.");

  const points = scoreNotHeld(
    valuations.map((v) => ({
      value: v.total,
      qualitative: qualitative.get(bidderKey(v.bidder))?.qualitative ?? 0,
      held: heldFor(v.bidder) !== undefined,
      disregarded: disregardedFor(v.bidder) !== undefined,
    })),
    { available, maxPoints, method, ...(target !== undefined ? { target } : {}) },
  );
  const rows = valuations.map((v, i) => ({ v, ...(points[i] as BidPoints), disregarded: disregardedFor(v.bidder), held: heldFor(v.bidder) }));
  const bidders: BidderScore[] = rows.map((r) => ({
    bidder: r.v.bidder,
    value: r.v.total,
    lev: r.v.lev,
    sv: r.v.sv,
    returnRatio: r.v.returnRatio,
    benchmark: r.v.benchmark,
    quantitative: r.quantitative,
    qualitative: r.qualitative,
    score: r.score,
    rank: r.rank,
    ...(r.disregarded !== undefined ? { disregarded: r.disregarded } : {}),
    ...(r.held !== undefined ? { held: r.held } : {}),
  }));

  let sensitivityNote = "Enter each bid's price and quality points in the PriceQuality column of SV Scores to see how the weighting affects the award.";
  // Only the bids with a score: a held bid has none to weigh yet.
  const scored = bidders.filter((b) => b.score !== undefined);
  const others = scored.map((b) => qualitative.get(bidderKey(b.bidder))?.other);
  if (scored.length >= 2 && weighting !== undefined && others.every((o) => o !== undefined)) {
    const s = weightingSensitivity({
      bids: scored.map((b, i) => ({ bidder: b.bidder, socialValue: b.score as number, other: others[i] as number })),
      socialValueAvailable: maxPoints,
      otherAvailable: Math.max(0, 100 - maxPoints),
      weighting,
    });
    sensitivityNote = s.ok ? s.value.note : `Sensitivity could not be worked out: ${s.message}`;
  } else if (scored.length < 2) {
    sensitivityNote = bidders.length > scored.length ? "Sensitivity needs at least two bids that are not held back." : "Sensitivity needs at least two bids.";
  } else if (weighting === undefined) {
    sensitivityNote = `The weighting on SV Setup is missing; set it (e.g. ${formatPercent(0.1)}) to see the sensitivity.`;
  }
  const missingProxies = measuresWithoutProxy(data.measures, validation.commitments);
  return { bidders, contractValue, maxPoints, method, quantitativeShare: share, rowsWithErrors: errorRows.size, sensitivityNote, problems, missingProxies };
}

interface SheetScore {
  key: string;
  name: string;
  qualitative: number;
  other: number | undefined;
  /** SV_Scores[Disregarded]: the reason, when the sheet disregards the bid. */
  disregarded: string | undefined;
  /** SV_Scores[Held]: why the sheet holds the bid back, when it does. */
  held: string | undefined;
}

/** Bidder → qualitative points and price/quality points typed on SV Scores. */
async function readScoresTable(run: ExcelRun): Promise<Map<string, SheetScore>> {
  return run(async (context) => {
    const found = context.workbook.tables.getItemOrNullObject(TABLES.scores);
    await context.sync();
    const out = new Map<string, SheetScore>();
    if (found.isNullObject) return out;
    const table = context.workbook.tables.getItem(TABLES.scores);
    const range = table.getRange().load("values, rowIndex, columnIndex");
    const sheet = table.worksheet.load("name");
    await context.sync();
    const [header = [], ...body] = range.values;
    // Points read while SV Scores shows #BUSY! would be taken for 0: wait for Excel instead. The
    // whole table is checked: a cell still calculating anywhere in it (Return, Quantitative) means
    // the columns the pane reads (Qualitative, Disregarded) may not be final either.
    refuseIfCalculating([{ sheet: sheet.name, firstRow: range.rowIndex + 2, firstColumn: range.columnIndex + 1, rows: body }]);
    const col = (h: string): number => header.findIndex((x) => String(x).toLowerCase() === h.toLowerCase());
    for (const row of body) {
      const name = readText(row[col("Bidder")]);
      if (!name) continue;
      const q = readQuantity(row[col("Qualitative")]);
      const o = readQuantity(row[col("PriceQuality")]);
      out.set(bidderKey(name), {
        key: bidderKey(name),
        name,
        qualitative: q.kind === "number" ? q.value : 0,
        other: o.kind === "number" ? o.value : undefined,
        disregarded: disregardReason(row[col("Disregarded")]),
        held: disregardReason(row[col("Held")]),
      });
    }
    return out;
  });
}

/**
 * The reason in a Disregarded or Held cell, or undefined when the bid counts. A workbook inserted
 * before the column existed has none (every bid counts, as its formulas score them); an error
 * value there comes from an error in the bid's Value, which the sheet shows and validation explains.
 */
function disregardReason(cell: unknown): string | undefined {
  // readText gives undefined for an error value as for a blank.
  const text = readText(cell)?.trim();
  return text ? text : undefined;
}
