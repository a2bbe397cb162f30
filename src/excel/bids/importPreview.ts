/**
 * What importing returned forms would do, per bidder, before anything is written: the rows each
 * form brings, the rows the bidder already has, and whether importing replaces them (which the
 * pane asks the user to confirm). Two requests, reading only the tables' Bidder columns.
 */
import type { ExcelRun } from "../shared/excelRun";
import { cleanText, TABLES } from "../../core";
import { WorkbookNotSetUpError } from "../setup/readEvaluation";
import { countByBidder, groupByBidder, inFormCounts, type RowCounts } from "./importPlan";
import type { ReadForm } from "../../forms/types";

export interface BidderImportPreview {
  /** As the (first) form spells it. */
  bidder: string;
  fileNames: string[];
  /** The bidder's rows already in the workbook. */
  inWorkbook: RowCounts;
  /** The rows the form brings. */
  inForm: RowCounts;
  /** The bidder already has rows: importing replaces them, and needs the user's confirmation. */
  reimport: boolean;
}

export interface FormImportPreview {
  bidders: BidderImportPreview[];
  /** Bidders named by more than one chosen file: none of those files is imported. */
  duplicates: { bidder: string; fileNames: string[] }[];
}

/** What importing these forms would do, per bidder; nothing is written. Two requests. */
export async function previewFormImport(run: ExcelRun, forms: readonly ReadForm[]): Promise<FormImportPreview> {
  const counts = await run(async (context) => {
    const tables = [TABLES.commitments, TABLES.answers, TABLES.offers].map((name) => context.workbook.tables.getItemOrNullObject(name));
    await context.sync();
    if (tables[0]?.isNullObject) throw new WorkbookNotSetUpError([TABLES.commitments]);
    const columns = tables.map((t) => (t.isNullObject ? undefined : t.columns.getItem("Bidder").getDataBodyRange().load("values")));
    await context.sync();
    return columns.map((c) => countByBidder((c?.values ?? []).map((r) => r[0])));
  });
  const [commitments, answers, offers] = counts as [Map<string, number>, Map<string, number>, Map<string, number>];
  const bidders: BidderImportPreview[] = [];
  const duplicates: FormImportPreview["duplicates"] = [];
  for (const [key, group] of groupByBidder(forms)) {
    const first = group[0] as ReadForm;
    const inWorkbook = { commitments: commitments.get(key) ?? 0, answers: answers.get(key) ?? 0, offers: offers.get(key) ?? 0 };
    if (key === "") continue;
    if (group.length > 1) duplicates.push({ bidder: cleanText(first.bidder), fileNames: group.map((f) => f.fileName) });
    bidders.push({
      bidder: cleanText(first.bidder),
      fileNames: group.map((f) => f.fileName),
      inWorkbook,
      inForm: inFormCounts(first),
      reimport: inWorkbook.commitments + inWorkbook.answers + inWorkbook.offers > 0,
    });
  }
  return { bidders, duplicates };
}
