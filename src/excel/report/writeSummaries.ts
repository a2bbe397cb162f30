/**
 * SV Summaries: one printable block per bidder, the assessment summary the Procurement Act
 * 2023 (s.50) asks for — score per criterion and sub-criterion, the total, and the reasons
 * (core assessmentSummary.ts); a bid SV_Scores disregards (both parts required) scores 0 and
 * says why. Each block is a small table: what was scored, the mark, the
 * points of those available, and the reasons (wrapped). The same summaries come back to the
 * pane with their plain text, for copying into a letter.
 *
 * Cost: the reads of readReportData and one request to write, whatever the number of bidders.
 */
import { assessmentSummaries, formatGBP, formatNumber, formatPercent, FORMATS, SHEETS, type AssessmentSummary } from "../../core";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { readReportData } from "./readReportData";
import { reportFigures } from "./reportFigures";
import { assertOurs, builtNote, freshSheet, SheetDraft } from "./reportSheet";

export interface SummariesWritten {
  sheet: string;
  summaries: AssessmentSummary[];
  openItems: number;
}

const HEADER = ["Criterion", "Mark", "Points", "Available", "Reasons"];

export async function buildSummaries(run: ExcelRun, options: OperationOptions = {}, now: Date = new Date()): Promise<SummariesWritten> {
  const data = await readReportData(run, SHEETS.summaries, options);
  assertOurs(data.target, SHEETS.summaries);
  const f = reportFigures(data);
  const summaries = assessmentSummaries({ tender: f.tender, criteria: f.criteria, bids: f.bidders, items: f.items });

  const draft = new SheetDraft();
  draft.put(1, 1, [[`Assessment summaries: ${f.contractName || "social value"}`]], { bold: true });
  draft.put(2, 1, [[builtNote(now)]], { italic: true });
  let row = 4;
  summaries.forEach((s, i) => {
    const provisional = s.openItems > 0 ? ` Provisional: ${s.openItems} not yet agreed.` : "";
    // Summaries come in the order of f.bidders; a disregarded bid says so in its heading, the
    // reason in full on its Commitments line (core quantitativeReason).
    const disregarded = f.bidders[i]?.disregarded ? " Disregarded: the tender requires both parts." : "";
    draft.put(row, 1, [[`${s.bidder}: ${formatPoints(s.total)} of ${formatPoints(s.maxTotal)} social value points, ranked ${s.rank} of ${s.bidders}.${disregarded}${provisional}`]], { bold: true });
    draft.put(row + 1, 1, [HEADER], { bold: true, fill: "#E7E6E6" });
    const q = s.quantitative;
    const body: unknown[][] = [[`Commitments: ${formatGBP(Math.round(q.value))} (${formatPercent(q.returnRatio)} of the contract value)`, "", q.points, q.available, q.reason]];
    for (const t of q.themes) body.push([`   ${t.theme}`, "", "", "", `${formatGBP(Math.round(t.value))}, ${formatPercent(t.share)} of this bid's social value`]);
    for (const c of s.criteria) body.push([`${c.id} ${c.question}`.trim(), c.mark ?? "", c.points, c.available, c.reasons]);
    body.push(["Total", "", s.total, s.maxTotal, ""]);
    draft.put(row + 2, 1, body, { numberFormat: [FORMATS.general, FORMATS.general, FORMATS.points, FORMATS.points, FORMATS.general], wrap: true });
    draft.put(row + 2 + body.length - 1, 1, [["Total"]], { bold: true });
    row += body.length + 4;
  });
  draft.width(1, 260);
  draft.width(2, 45);
  draft.width(3, 55);
  draft.width(4, 60);
  draft.width(5, 420);

  throwIfCancelled(options.signal);
  await run(async (context) => {
    const sheet = freshSheet(context, SHEETS.summaries, data.target.exists);
    draft.apply(sheet);
    await context.sync();
  });
  return { sheet: SHEETS.summaries, summaries, openItems: summaries.reduce((n, s) => n + s.openItems, 0) };
}

const formatPoints = (n: number): string => formatNumber(n, 2);
