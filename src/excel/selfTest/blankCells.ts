/**
 * How this Excel hands an empty cell to a TENDER function. Excel on the web and current desktop
 * builds pass null; desktop builds before a 2024 fix pass 0, for a one-cell argument (office-js
 * #4702) and, in some builds, for empty cells inside a range (office-js #1951, #5262). The
 * evaluation's own formulas allow for both; the user's own formulas may not.
 *
 * The probe is TENDER.SVSPREAD, which ignores blank marks: over 2, (empty), 5 it gives 3 when the
 * empty cell arrives empty and 5 when it arrives as 0; over one empty cell, #N/A (no marks yet)
 * or 0. An existing function, so functions.json (public API) gains no test-only entry. The same
 * probe shows whether the TENDER functions load here at all (#NAME? when they do not).
 */
import type { ExcelRun } from "../shared/excelRun";
import type { Finding } from "./report";
import type { ScratchSheet } from "./scratchSheet";

/** The probe row on the scratch sheet: two marks with an empty cell between, then the two probes. */
const PROBE_ROW = 5;

/** How long to wait for Excel to finish calculating: 20 × the caller's wait (half a second in the pane). */
const MAX_WAITS = 20;

export async function probeBlankCells(run: ExcelRun, scratch: ScratchSheet, waitForCalculation: () => Promise<void>): Promise<Finding> {
  const r = PROBE_ROW;
  const seen = await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(scratch.id);
    sheet.getRange(`A${r}:E${r}`).formulas = [[2, "", 5, `=TENDER.SVSPREAD(A${r}:C${r})`, `=TENDER.SVSPREAD(B${r})`]];
    // In manual calculation Excel would leave the probes uncalculated and they would read 0.
    if (scratch.calculationMode !== "Automatic") context.workbook.application.calculate("Full");
    const probes = sheet.getRange(`D${r}:E${r}`).load("values, valueTypes");
    await context.sync();
    // The functions may still be computing (#BUSY!): read again after a wait, a bounded number of times.
    for (let waits = 0; waits < MAX_WAITS && stillCalculating(probes.values[0] ?? []); waits++) {
      await waitForCalculation();
      probes.load("values, valueTypes");
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- polling until Excel finishes calculating; each read depends on the wait before it
    }
    return { values: probes.values[0] ?? [], types: probes.valueTypes[0] ?? [] };
  });
  const [range, single] = seen.values;
  const isError = (i: number): boolean => seen.types[i] === "Error";
  if (seen.values.some((v) => v === "#NAME?")) {
    return {
      verdict: "fail",
      detail: "The TENDER functions are not available in this workbook (a test formula shows #NAME?), so the Check column and the scores on SV Scores will show #NAME? too. Close and reopen the workbook; if it persists, remove and add the add-in again and send this report.",
    };
  }
  if (stillCalculating(seen.values)) {
    return { verdict: "not run", detail: "Excel was still calculating the TENDER functions after ten seconds, so this could not be checked. Run the self-test again when Excel is idle." };
  }
  const rangeAsZero = range === 5;
  const singleAsZero = single === 0;
  if ((range === 3 || rangeAsZero) && ((isError(1) && single === "#N/A") || singleAsZero)) {
    if (!rangeAsZero && !singleAsZero) {
      return { verdict: "pass", detail: "An empty cell reaches the TENDER functions as empty, as on Excel on the web: a quantity or mark not yet given is read as not given." };
    }
    const where = rangeAsZero && singleAsZero ? "whether it is one cell or part of a range" : rangeAsZero ? "when it is part of a range (a single empty cell arrives empty)" : "when it is a single cell (inside a range it arrives empty)";
    return {
      verdict: "differs",
      detail: `This Excel hands an empty cell to the TENDER functions as 0 ${where}, as desktop builds before a 2024 fix do (Excel 2021 among them). The evaluation sheets' formulas allow for it, so their results are right. A formula you write yourself that gives a TENDER function an empty quantity sees 0: wrap the cell as IF(ISBLANK(E5),"",E5).`,
    };
  }
  return {
    verdict: "fail",
    detail: `A test formula gave an unexpected result (TENDER.SVSPREAD over 2, an empty cell and 5 gave ${String(range)} where 3 was expected; over one empty cell, ${String(single)} where #N/A was expected), so the TENDER functions may not calculate correctly here. Send this report.`,
  };
}

/** Excel shows #BUSY! in a cell whose custom function has not returned yet. */
function stillCalculating(values: readonly unknown[]): boolean {
  return values.includes("#BUSY!");
}
