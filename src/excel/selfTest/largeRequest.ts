/**
 * Whether this Excel takes the largest request the add-in sends. Excel on the web refuses a
 * request or a response over 5 MB; the add-in splits its work into requests of at most
 * MAX_REQUEST_BYTES (shared/requestBudget.ts). This check writes one block of that size to the
 * scratch sheet in one request, deliberately not through the budget, and reads it back in one
 * response, so both directions are tried at the add-in's own ceiling.
 */
import type { ExcelRun } from "../shared/excelRun";
import { MAX_REQUEST_BYTES, jsonBytes } from "../shared/requestBudget";
import type { Finding } from "./report";
import { errorText } from "./runtimeChecks";
import type { ScratchSheet } from "./scratchSheet";

/** Characters per cell: long cells keep the cell count (and Excel's work) small; a cell holds up to 32,767. */
const CELL_CHARACTERS = 30_000;

/** One column of long text whose JSON, as the client sends it, just reaches the add-in's ceiling. */
export function largeBlock(): string[][] {
  // Letters: a string of digits would be taken for a number, and read back as one.
  const text = "Self-test ".repeat(CELL_CHARACTERS / 10);
  // Each cell costs its text, two quotes and a comma in the JSON.
  const rows = Math.ceil(MAX_REQUEST_BYTES / (CELL_CHARACTERS + 5));
  return Array.from({ length: rows }, () => [text]);
}

export async function probeLargeRequest(run: ExcelRun, scratch: ScratchSheet): Promise<Finding> {
  const block = largeBlock();
  const size = `${(jsonBytes(block) / 1_000_000).toFixed(1)} MB`;
  const address = `J1:J${block.length}`;
  let stage: "write" | "read" = "write";
  let readBack: unknown[][];
  try {
    readBack = await run(async (context) => {
      const range = context.workbook.worksheets.getItem(scratch.id).getRange(address);
      range.values = block;
      await context.sync();
      stage = "read";
      range.load("values");
      await context.sync();
      return range.values;
    });
  } catch (error) {
    const what = stage === "write" ? `Excel refused one request of ${size}` : `Excel wrote ${size} but refused to send it back in one response`;
    return {
      verdict: "fail",
      detail: `${what} (${errorText(error)}). The add-in sends up to that much at a time when it imports, validates or signs off a large evaluation, so those may fail here. Send this report.`,
    };
  }
  const whole = readBack.length === block.length && readBack.every((row, i) => row[0] === block[i]?.[0]);
  if (!whole) {
    return { verdict: "fail", detail: `Excel took a request of ${size} but the text read back differs from what was written, so large imports may not arrive whole here. Send this report.` };
  }
  return { verdict: "pass", detail: `Excel took one request of ${size}, the most the add-in sends at a time, and sent it back whole: large imports, validations and sign-offs fit.` };
}
