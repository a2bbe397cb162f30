/**
 * Reading returned response forms (issue #7): the median time to read 20 filled forms of 50
 * measures each, one after another as the Bids page reads the files an evaluator chose.
 * Goal ≤ 1000 ms. The forms are built by the product's own builder and filled with ExcelJS as
 * a bidder's Excel would save them: a quantity, a baseline, the actions and the verification
 * on every row, an answer per criterion and two community offers.
 */
import { ESSEX, ILLUSTRATIVE, THURROCK, measureTableFromFramework, type MeasureEntry } from "../../src/core";
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { loadExcelJS } from "../../src/forms/excelJs";
import { COMMITMENT_COLUMNS, SHEETS, ANSWER_COLUMNS, OFFER_COLUMNS, BIDDER_CELL } from "../../src/forms/formLayout";
import { readResponseForm } from "../../src/forms/readResponseForm";
import type { FormTender } from "../../src/forms/types";
import { medianMs, type BenchEntry } from "../harness";

const FORMS = 20;
const MEASURES = 50;

function fiftyMeasures(): MeasureEntry[] {
  const pool = [ESSEX, ILLUSTRATIVE, THURROCK].flatMap((f) => measureTableFromFramework(f));
  if (pool.length < MEASURES) throw new Error(`bench set-up: only ${pool.length} measures in the pool`);
  return pool.slice(0, MEASURES).map((m) => ({ ...m, inScope: true }));
}

async function filledForm(template: Uint8Array, bidder: string, seed: number): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.buffer.slice(template.byteOffset, template.byteOffset + template.byteLength) as ArrayBuffer);
  (wb.getWorksheet(SHEETS.instructions) as import("exceljs").Worksheet).getCell(BIDDER_CELL).value = bidder;
  const commitments = wb.getWorksheet(SHEETS.commitments) as import("exceljs").Worksheet;
  for (let i = 0; i < MEASURES; i++) {
    const row = commitments.getRow(2 + i);
    row.getCell(COMMITMENT_COLUMNS.quantity).value = ((seed + i) % 40) + 1;
    row.getCell(COMMITMENT_COLUMNS.baseline).value = (seed + i) % 5;
    row.getCell(COMMITMENT_COLUMNS.actions).value = `Recruit through the local jobs fair and the college partnership, quarter ${1 + (i % 4)}.`;
    row.getCell(COMMITMENT_COLUMNS.verification).value = "Quarterly report with payroll extracts, checked by the contract manager.";
  }
  const answers = wb.getWorksheet(SHEETS.answers) as import("exceljs").Worksheet;
  answers.getRow(2).getCell(ANSWER_COLUMNS.answer).value = "A named social value lead, a delivery plan with dates, and monthly reporting to the council.";
  const offers = wb.getWorksheet(SHEETS.offers) as import("exceljs").Worksheet;
  offers.getRow(2).getCell(OFFER_COLUMNS.recipient).value = "School";
  offers.getRow(2).getCell(OFFER_COLUMNS.offer).value = "Careers talks in two local secondary schools";
  offers.getRow(2).getCell(OFFER_COLUMNS.hours).value = 12;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function run(): Promise<BenchEntry[]> {
  const tender: FormTender = {
    tenderId: "T-bench",
    contractName: "Bench: home care",
    contractValue: 2_000_000,
    frameworkName: "Essex, illustrative and Thurrock measures",
    measures: fiftyMeasures(),
    criteria: ILLUSTRATIVE.criteria,
  };
  const template = await buildResponseForm(tender);
  const files = await Promise.all(Array.from({ length: FORMS }, (_, i) => filledForm(template, `Bidder ${i + 1}`, i)));
  let rows = 0;
  const ms = await medianMs(
    async () => {
      rows = 0;
      for (const [i, bytes] of files.entries()) {
        const result = await readResponseForm(`bidder-${i + 1}.xlsx`, bytes, tender.tenderId);
        if (!result.ok) throw new Error(`bench: form ${i + 1} refused: ${result.message}`);
        rows += result.form.commitments.length;
      }
    },
    { runs: 5, warmup: 1 },
  );
  if (rows !== FORMS * MEASURES) throw new Error(`bench: read ${rows} rows, expected ${FORMS * MEASURES}`);
  return [
    {
      name: "forms/import-20-forms",
      value: ms,
      unit: "ms",
      better: "lower",
      note: `median of 5 runs: read ${FORMS} filled response forms of ${MEASURES} measures each (${Math.round(files.reduce((n, f) => n + f.byteLength, 0) / FORMS / 1024)} KB each) with readResponseForm, one after another as the Bids page does; goal ≤ 1000 ms`,
    },
  ];
}
