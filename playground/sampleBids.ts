/**
 * "Load sample bids": the three sample bidders' responses (sampleBidData.ts) to the tender the
 * workbook holds, brought in exactly as returned response forms are (importForms): commitments
 * to the measures in scope, written answers on SV Answers for every criterion on SV Criteria,
 * and the bidders listed on SV Scores with their formulas. Loading again replaces the sample
 * bidders' rows and nobody else's. Marks are not loaded: evaluators give them in the pane.
 */
import type { ExcelRun } from "../src/excel/shared/excelRun";
import { SHEETS } from "../src/core/shared/layout";
import { readFormTender } from "../src/excel/bids/readFormTender";
import { importForms } from "../src/excel/bids/importForms";
import { SAMPLE_BIDDERS, sampleBids, type SampleMistake } from "./sampleBidData";

export { SAMPLE_BIDDERS } from "./sampleBidData";

export interface SampleBidsLoaded {
  /** Commitment rows written, all bidders together. */
  rows: number;
  /** Written answers written, all bidders together. */
  answers: number;
  mistake?: SampleMistake;
}

export async function loadSampleBids(run: ExcelRun): Promise<SampleBidsLoaded> {
  const tender = await readFormTender(run);
  const inScope = tender.measures.filter((m) => m.inScope);
  if (inScope.length === 0 && tender.criteria.length === 0) {
    throw new Error("This tender has no measures in scope and no criteria on SV Criteria, so a bid has nothing to answer. Put measures or outcomes in scope on Set up first.");
  }
  const bids = sampleBids(tender);
  const result = await importForms(run, bids.forms, [...SAMPLE_BIDDERS]);
  const refused = result.files.filter((f) => f.status !== "imported");
  if (refused.length > 0) throw new Error(refused.map((f) => f.message ?? f.fileName).join(" "));
  await run(async (context) => {
    context.workbook.worksheets.getItem(bids.refs.length > 0 ? SHEETS.commitments : SHEETS.answers).activate();
    await context.sync();
  });
  const rows = bids.forms.reduce((n, f) => n + f.commitments.length, 0);
  const answers = bids.forms.reduce((n, f) => n + f.answers.length, 0);
  return { rows, answers, ...(bids.mistake !== undefined ? { mistake: bids.mistake } : {}) };
}

/** The playground's notice after loading: what came in and what a trainer shows next. */
export function sampleBidsNotice(loaded: SampleBidsLoaded): string {
  const parts = [
    loaded.rows > 0 ? `${loaded.rows} commitments` : "",
    loaded.answers > 0 ? `${loaded.answers} written answers` : "",
  ].filter((p) => p !== "");
  const mistake = loaded.mistake ? ` One commitment has a unit mistake to find with Validate.` : loaded.answers > 0 ? " Mark the answers on the Moderation page." : "";
  return `Loaded ${parts.join(" and ")} from three sample bidders.${mistake}`;
}
