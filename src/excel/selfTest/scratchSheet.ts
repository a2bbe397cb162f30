/**
 * The one sheet the self-test writes to. Office.js cannot open a new workbook in every Excel,
 * so the checks that must write do it on a sheet added to this workbook and deleted when they
 * end, found by its id (a co-author renaming it cannot point the checks at another sheet). No
 * other sheet is read or written, except the two whose presence says the record is signed.
 */
import { SHEETS } from "../../core";
import type { ExcelRun } from "../shared/excelRun";
import { RefusalError } from "../shared/refusal";
import { errorText } from "./runtimeChecks";
import type { SelfTestCheck } from "./report";

export const SCRATCH_SHEET = "SV Self-test";

/**
 * A1 of the scratch sheet: tells a user who sees the sheet what it is, and tells a later run
 * that a sheet of this name left by an interrupted run is the add-in's own to delete.
 */
export const SCRATCH_MARK = "Made by the Social Value add-in's self-test and deleted when the test ends. Safe to delete.";

export interface ScratchSheet {
  /** The sheet's id. */
  readonly id: string;
  /** Excel's calculation mode, read in the same request: the probes need it. */
  readonly calculationMode: string;
}

/**
 * Adds the scratch sheet, or refuses (writing nothing) when the evaluation is signed off or a
 * sheet of that name exists that the self-test did not make. A sheet the self-test left behind
 * (its mark in A1) is deleted first.
 */
export async function addScratchSheet(run: ExcelRun): Promise<ScratchSheet> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const signed = [SHEETS.signOff, SHEETS.record].map((name) => sheets.getItemOrNullObject(name));
    const existing = sheets.getItemOrNullObject(SCRATCH_SHEET);
    const application = context.workbook.application.load("calculationMode");
    await context.sync();
    if (signed.some((sheet) => !sheet.isNullObject)) {
      throw new RefusalError(
        "This workbook's evaluation is signed off, so the self-test adds nothing to it. Run the self-test in a new blank workbook (File > New > Blank workbook, then open the add-in there).",
      );
    }
    if (!existing.isNullObject) {
      const mark = existing.getRange("A1").load("values");
      await context.sync();
      if (mark.values[0]?.[0] !== SCRATCH_MARK) {
        throw new RefusalError(
          `This workbook already has a sheet named "${SCRATCH_SHEET}" that the self-test did not make, and the self-test leaves it alone. Rename that sheet, or run the self-test in a new blank workbook.`,
        );
      }
      existing.delete();
    }
    const sheet = sheets.add(SCRATCH_SHEET);
    sheet.getRange("A1").values = [[SCRATCH_MARK]];
    sheet.load("id");
    await context.sync();
    return { id: sheet.id, calculationMode: String(application.calculationMode) };
  });
}

/** Deletes the scratch sheet; the check says whether it went, and what to do if it did not. */
export async function removeScratchSheet(run: ExcelRun, scratch: ScratchSheet): Promise<SelfTestCheck> {
  const title = "Self-test sheet removed";
  try {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(scratch.id);
      await context.sync();
      if (sheet.isNullObject) return;
      sheet.delete();
      await context.sync();
    });
  } catch (error) {
    return {
      id: "scratch-sheet",
      title,
      verdict: "fail",
      detail: `The sheet "${SCRATCH_SHEET}" could not be deleted (${errorText(error)}). Delete it yourself (right-click its tab > Delete); the evaluation's sheets were not touched.`,
    };
  }
  return { id: "scratch-sheet", title, verdict: "pass", detail: `The sheet "${SCRATCH_SHEET}" the checks wrote to has been deleted; no other sheet was touched.` };
}
