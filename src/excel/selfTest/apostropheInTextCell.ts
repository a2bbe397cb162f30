/**
 * Whether Excel strips the apostrophe from text written into a cell formatted as Text (`@`).
 * Imports write refs and names that way ("'ECC10"), so a formula-like or number-like text stays
 * text; in a General cell Excel always strips the apostrophe, in a Text cell no one has shown
 * which way each Excel goes. Where it keeps it, the add-in rewrites the text without it after
 * each write (shared/apostropheCheck.ts): this check says which way this Excel goes.
 */
import type { ExcelRun } from "../shared/excelRun";
import type { Finding } from "./report";
import type { ScratchSheet } from "./scratchSheet";

const WRITTEN = "'ECC10";
const MEANT = "ECC10";

export async function probeApostrophe(run: ExcelRun, scratch: ScratchSheet): Promise<Finding> {
  const read = await run(async (context) => {
    const cell = context.workbook.worksheets.getItem(scratch.id).getRange("A3");
    cell.numberFormat = [["@"]];
    cell.values = [[WRITTEN]];
    cell.load("values");
    await context.sync();
    return cell.values[0]?.[0];
  });
  if (read === MEANT) {
    return { verdict: "pass", detail: `Text written with Excel's apostrophe into a Text-formatted cell reads back without it (${WRITTEN} became ${MEANT}), as the add-in expects.` };
  }
  if (read === WRITTEN) {
    return {
      verdict: "differs",
      detail: `This Excel keeps the apostrophe in a Text-formatted cell (${WRITTEN} stays ${WRITTEN}). The add-in checks for this after every import and writes such text again without it, so refs still match their measures. Nothing to do, but mention it if an imported ref or name ever shows an apostrophe.`,
    };
  }
  return { verdict: "fail", detail: `Text written as ${WRITTEN} into a Text-formatted cell read back as ${JSON.stringify(read)}, which the add-in does not expect: imported refs may not match their measures here. Send this report.` };
}
