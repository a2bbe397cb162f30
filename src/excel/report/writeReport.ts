/**
 * SV Report: the award summary. Final scores (as SV Scores computed them), social value by
 * theme per bidder, two native Excel charts over those two tables (a stacked column of £ by
 * theme per bidder; a bar of final scores), the sensitivity notes, and the community offers
 * from SV_Offers grouped by bidder. Values with formats, not formulas: the report is a
 * snapshot, dated in A2, and is rebuilt after any change.
 *
 * Cost: the reads of readReportData and one request to write.
 */
import { bidderKey, blockAddress, FORMATS, SHEETS } from "../../core";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { numberIn, readReportData, records, textIn } from "./readReportData";
import { refuseWhileHeld, reportFigures, sensitivityNotes, type ReportFigures } from "./reportFigures";
import { assertOurs, builtNote, freshSheet, SheetDraft } from "./reportSheet";

export const CHART_NAMES = { themes: "SV_ChartThemes", scores: "SV_ChartScores" } as const;
export const CHART_TITLES = { themes: "Social value by theme per bidder (£)", scores: "Final social value scores (points)" } as const;

export interface OfferRow {
  bidder: string;
  recipient: string;
  organisation: string;
  offer: string;
  hours: number | "";
  value: number | "";
}

export interface ReportWritten {
  sheet: string;
  winner: string;
  charts: string[];
  sensitivityNote: string;
  /** Community offers listed, all bidders. */
  offers: number;
}

/** SV_Offers rows grouped by bidder, bidders in the order given (then any others). */
export function offersByBidder(rows: readonly OfferRow[], order: readonly string[]): { bidder: string; offers: OfferRow[] }[] {
  const groups = new Map<string, { bidder: string; offers: OfferRow[] }>();
  for (const b of order) groups.set(bidderKey(b), { bidder: b, offers: [] });
  for (const r of rows) {
    const key = bidderKey(r.bidder);
    if (!groups.has(key)) groups.set(key, { bidder: r.bidder, offers: [] });
    groups.get(key)?.offers.push(r);
  }
  return [...groups.values()].filter((g) => g.offers.length > 0);
}

export function readOffers(table: Parameters<typeof records>[0]): OfferRow[] {
  return records(table)
    .map((r) => ({
      bidder: textIn(r("Bidder")),
      recipient: textIn(r("Recipient")),
      organisation: textIn(r("Organisation")),
      offer: textIn(r("Offer")),
      hours: numberIn(r("Hours")) ?? ("" as const),
      value: numberIn(r("Value")) ?? ("" as const),
    }))
    .filter((o) => o.bidder !== "" && (o.offer !== "" || o.organisation !== ""));
}

export async function buildReport(run: ExcelRun, options: OperationOptions = {}, now: Date = new Date()): Promise<ReportWritten> {
  const data = await readReportData(run, SHEETS.report, options);
  assertOurs(data.target, SHEETS.report);
  const f = reportFigures(data);
  refuseWhileHeld(f, "the award report");
  const notes = sensitivityNotes(f);
  const offers = readOffers(data.offers);
  const layout = reportLayout(f, notes, offers, now);

  throwIfCancelled(options.signal);
  await run(async (context) => {
    const sheet = freshSheet(context, SHEETS.report, data.target.exists);
    layout.draft.apply(sheet);
    const themes = sheet.charts.add("ColumnStacked", sheet.getRange(layout.themeSource), "Columns");
    themes.name = CHART_NAMES.themes;
    themes.title.text = CHART_TITLES.themes;
    themes.axes.valueAxis.numberFormat = FORMATS.gbpWhole;
    themes.setPosition(layout.themeChartAt[0], layout.themeChartAt[1]);
    const scores = sheet.charts.add("BarClustered", sheet.getRange(layout.scoreSource), "Columns");
    scores.name = CHART_NAMES.scores;
    scores.title.text = CHART_TITLES.scores;
    scores.setPosition(layout.scoreChartAt[0], layout.scoreChartAt[1]);
    await context.sync();
  });
  const winners = f.bidders.filter((b) => b.rank === 1).map((b) => b.bidder);
  return { sheet: SHEETS.report, winner: winners.join(" and "), charts: [CHART_NAMES.themes, CHART_NAMES.scores], sensitivityNote: notes.join(" "), offers: offers.length };
}

interface ReportLayout {
  draft: SheetDraft;
  /** Source ranges of the two charts (header row + one row per bidder). */
  themeSource: string;
  scoreSource: string;
  themeChartAt: [string, string];
  scoreChartAt: [string, string];
}

const SCORE_HEADER = ["Bidder", "Score", "Rank", "Social value £", "Return", "Commitments points", "Answers points"];

function reportLayout(f: ReportFigures, notes: readonly string[], offers: readonly OfferRow[], now: Date): ReportLayout {
  const draft = new SheetDraft();
  const n = f.bidders.length;
  draft.put(1, 1, [[`Award report: ${f.contractName || "social value"}`]], { bold: true });
  draft.put(2, 1, [[builtNote(now)]], { italic: true });

  // Final scores: Bidder and Score side by side, so the bar chart's source is one block.
  const scoreTop = 4;
  draft.put(scoreTop, 1, [["Final scores"]], { bold: true });
  draft.put(scoreTop + 1, 1, [SCORE_HEADER], { bold: true, fill: "#E7E6E6" });
  draft.put(
    scoreTop + 2,
    1,
    f.bidders.map((b) => [b.bidder, b.score, b.rank, b.value, b.returnRatio, b.quantitative, b.qualitative]),
    { numberFormat: [FORMATS.general, FORMATS.points, FORMATS.general, FORMATS.gbpWhole, FORMATS.percent, FORMATS.points, FORMATS.points] }
  );
  const scoreSource = blockAddress(scoreTop + 1, 1, n + 1, 2);

  // Social value by theme: one row per bidder, one column per theme (the stacked column's series).
  const themeTop = scoreTop + n + 4;
  draft.put(themeTop, 1, [["Social value by theme (£)"]], { bold: true });
  draft.put(themeTop + 1, 1, [["Bidder", ...f.themes]], { bold: true, fill: "#E7E6E6" });
  draft.put(
    themeTop + 2,
    1,
    f.bidders.map((b) => [b.bidder, ...b.byTheme.map((t) => t.value)]),
    { numberFormat: [FORMATS.general, ...f.themes.map(() => FORMATS.gbpWhole)] }
  );
  const themeSource = blockAddress(themeTop + 1, 1, n + 1, 1 + f.themes.length);

  let row = themeTop + n + 4;
  draft.put(row, 1, [["How sensitive the award is"]], { bold: true });
  draft.put(row + 1, 1, notes.map((t) => [t]), { wrap: false });
  row += notes.length + 3;

  draft.put(row, 1, [["Community offers (schools, colleges, charities and community groups)"]], { bold: true });
  row += 1;
  const groups = offersByBidder(offers, f.bidders.map((b) => b.bidder));
  if (groups.length === 0) {
    draft.put(row, 1, [[`No offers recorded on ${SHEETS.offers}.`]], { italic: true });
  } else {
    draft.put(row, 1, [["Bidder", "Recipient", "Organisation", "Hours", "Offer", "Value"]], { bold: true, fill: "#E7E6E6" });
    row += 1;
    for (const g of groups) {
      draft.put(row, 1, [[g.bidder]], { bold: true });
      draft.put(
        row + 1,
        1,
        g.offers.map((o) => ["", o.recipient, o.organisation, o.hours, o.offer, o.value]),
        { numberFormat: [FORMATS.general, FORMATS.general, FORMATS.general, FORMATS.number, FORMATS.general, FORMATS.gbpWhole], wrap: true }
      );
      row += g.offers.length + 1;
    }
  }
  [140, 70, 110, 110, 200, 90, 90].forEach((w, i) => draft.width(i + 1, w));

  // Charts to the right of the tables, stacked one above the other.
  return { draft, themeSource, scoreSource, themeChartAt: ["J4", "Q20"], scoreChartAt: ["J22", "Q36"] };
}
