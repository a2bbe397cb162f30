/**
 * SV Summaries: one printable block per bidder, the assessment summary the Procurement Act
 * 2023 (s.50) asks for, with the content the Procurement Regulations 2024 reg 31 set — the
 * methodology, the score per criterion and sub-criterion, the total, and the reasons (core
 * assessmentSummary.ts); a bid SV_Scores disregards (both parts required) scores 0 and says
 * why. Each block is a small table: what was scored, the mark, the points of those available,
 * and the reasons (wrapped), then what the summary still lacks before it can be sent. The same
 * summaries come back to the pane with their plain text, for copying into a letter.
 *
 * The bidders' written answers are read so the check can see whether each rationale refers to
 * the answer it explains: with the Bidder and Criterion beside each Answer in the same read, so a
 * sort in between cannot pair an answer with the wrong bid.
 *
 * Cost: the reads of readReportData, one request for the answers (more only when they pass the
 * response limit) and one request to write, whatever the number of bidders.
 */
import { assessmentSummaries, bidderKey, criterionKey, formatGBP, formatNumber, formatPercent, FORMATS, SHEETS, type AssessmentSummary } from "../../core";
import { throwIfCancelled, type ExcelRun, type OperationOptions } from "../shared/excelRun";
import { RequestBudget, RESPONSE_CELL_BYTES } from "../shared/requestBudget";
import { readReportData, textIn, type AnswerIndex } from "./readReportData";
import { reportFigures } from "./reportFigures";
import { assertOurs, builtNote, freshSheet, SheetDraft } from "./reportSheet";

export interface SummariesWritten {
  sheet: string;
  summaries: AssessmentSummary[];
  openItems: number;
}

const HEADER = ["Criterion", "Mark", "Points", "Available", "Reasons"];

export async function buildSummaries(run: ExcelRun, options: OperationOptions = {}, now: Date = new Date()): Promise<SummariesWritten> {
  const data = await readReportData(run, SHEETS.summaries, options, [], true);
  assertOurs(data.target, SHEETS.summaries);
  const f = reportFigures(data);
  const answers = await readAnswers(run, data.answerIndex, options.signal);
  const items = f.items.map((item) => {
    const answer = answers.get(`${bidderKey(item.bidder)}\u0000${criterionKey(item.criterion)}`);
    return answer ? { ...item, answer } : item;
  });
  const summaries = assessmentSummaries({ tender: f.tender, criteria: f.criteria, bids: f.bidders, items });

  const draft = new SheetDraft();
  draft.put(1, 1, [[`Assessment summaries: ${f.contractName || "social value"}`]], { bold: true });
  draft.put(2, 1, [[builtNote(now)]], { italic: true });
  const methodology = summaries[0]?.methodology ?? [];
  draft.put(4, 1, [["How the social value part was assessed (the same for every bidder)"]], { bold: true });
  draft.put(5, 1, methodology.map((m) => [m]), { wrap: false });
  let row = 5 + methodology.length + 1;
  summaries.forEach((s, i) => {
    const provisional = s.openItems > 0 ? ` Provisional: ${s.openItems} not yet agreed.` : "";
    const readiness = s.gaps.length > 0 ? ` Not ready to send: ${s.gaps.length} thing${s.gaps.length === 1 ? "" : "s"} missing (listed below).` : " Ready to send.";
    // Summaries come in the order of f.bidders; a disregarded bid says so in its heading, the
    // reason in full on its Commitments line (core quantitativeReason).
    const disregarded = f.bidders[i]?.disregarded ? " Disregarded: the tender requires both parts." : "";
    draft.put(row, 1, [[`${s.bidder}: ${formatPoints(s.total)} of ${formatPoints(s.maxTotal)} social value points, ranked ${s.rank} of ${s.bidders}.${disregarded}${provisional}${readiness}`]], { bold: true });
    draft.put(row + 1, 1, [HEADER], { bold: true, fill: "#E7E6E6" });
    const q = s.quantitative;
    const body: unknown[][] = [[`Commitments: ${formatGBP(Math.round(q.value))} (${formatPercent(q.returnRatio)} of the contract value)`, "", q.points, q.available, q.basis ? `${q.reason} ${q.basis}` : q.reason]];
    for (const t of q.themes) body.push([`   ${t.theme}`, "", "", "", `${formatGBP(Math.round(t.value))}, ${formatPercent(t.share)} of this bid's social value`]);
    for (const c of s.criteria) body.push([`${c.id} ${c.question}`.trim(), c.mark ?? "", c.points, c.available, c.reasons]);
    body.push(["Total", "", s.total, s.maxTotal, ""]);
    draft.put(row + 2, 1, body, { numberFormat: [FORMATS.general, FORMATS.general, FORMATS.points, FORMATS.points, FORMATS.general], wrap: true });
    draft.put(row + 2 + body.length - 1, 1, [["Total"]], { bold: true });
    row += body.length + 2;
    if (s.gaps.length > 0) {
      draft.put(row, 1, [[`Before ${s.bidder}'s summary can be sent:`]], { bold: true });
      draft.put(row + 1, 1, s.gaps.map((g) => [`- ${g.message}`]));
      row += s.gaps.length + 1;
    }
    row += 2;
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

/**
 * Each bidder's answer to each criterion, keyed by bidder and criterion as read beside it. The
 * Answer cells are estimated as ordinary text; an answer long enough to pass the response limit
 * makes Excel refuse, and the budget reads again in halves.
 */
async function readAnswers(run: ExcelRun, index: AnswerIndex | undefined, signal: AbortSignal | undefined): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!index || index.columns.answer === undefined || index.columns.bidder === undefined || index.columns.criterion === undefined || index.keys.length === 0) return out;
  const columns = [index.columns.bidder, index.columns.criterion, index.columns.answer];
  const rows = index.keys.length;
  const cells: unknown[][] = columns.map(() => new Array<unknown>(rows).fill(""));
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(index.sheet);
    const budget = new RequestBudget(context, signal ? { signal } : {});
    for (const [c, column] of columns.entries()) {
      await budget.read(
        {
          rows,
          load: (offset, n) => sheet.getRangeByIndexes(index.firstRow + offset, column, n, 1).load("values"),
          deliver: (offset, values) => values.forEach((v, j) => ((cells[c] as unknown[])[offset + j] = v[0])),
        },
        rows * RESPONSE_CELL_BYTES.text
      );
    }
    await budget.finish();
  });
  for (let i = 0; i < rows; i++) {
    const answer = textIn(cells[2]?.[i]);
    if (answer) out.set(`${bidderKey(textIn(cells[0]?.[i]))}\u0000${criterionKey(textIn(cells[1]?.[i]))}`, answer);
  }
  return out;
}
