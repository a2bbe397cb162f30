/**
 * Returned forms a careless or hostile bidder changed: columns or rows inserted, rows moved,
 * sheets renamed or deleted, numbers typed as text. Each either reads the right numbers, with a
 * note, or is refused with a sentence — never a quantity taken from the wrong cell.
 */
import type ExcelJS from "exceljs";
import type { MeasureEntry, UnitKey } from "../../src/core";
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { readResponseForm } from "../../src/forms/readResponseForm";
import { SHEETS } from "../../src/forms/formLayout";
import type { FormReadResult, ReadForm } from "../../src/forms/types";
import { aFormTender, fillForm, openWorkbook, rowOfRef, saveWorkbook } from "./formSupport";

const tender = aFormTender();
const refOf = (unit: UnitKey): string => (tender.measures.find((m: MeasureEntry) => m.unit === unit) as MeasureEntry).ref;
const HOURS = refOf("hours");
const FTE = refOf("FTE");
const MONEY = refOf("GBP");
const PERCENT = refOf("percent");

async function aFilledForm(): Promise<Uint8Array> {
  return fillForm(await buildResponseForm(tender), {
    bidder: "Acme Care",
    entries: [
      { ref: FTE, quantity: 3, verification: "Payroll" },
      { ref: HOURS, quantity: 120, baseline: 40, actions: "Volunteering days" },
      { ref: MONEY, quantity: 50_000 },
    ],
    answers: { [tender.criteria[0]?.id as string]: "Our approach" },
    offers: [["School", "Hill Primary", "Careers talks", 20, 1500]],
  });
}

async function edited(bytes: Uint8Array, edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = await openWorkbook(bytes);
  edit(workbook);
  return saveWorkbook(workbook);
}

function ok(result: FormReadResult): ReadForm {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.form;
}

const quantities = (form: ReadForm) => form.commitments.map((c) => [c.ref, c.quantity, c.baseline]);
const sheet = (workbook: ExcelJS.Workbook, name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;

describe("a form whose layout the bidder changed", () => {
  it("reads quantities from the Quantity column even when the bidder inserted a column before it", async () => {
    const bytes = await edited(await aFilledForm(), (wb) => {
      const s = sheet(wb, SHEETS.commitments);
      s.spliceColumns(6, 0, ["My notes", ...Array.from({ length: s.rowCount - 1 }, () => 999)]);
    });
    const form = ok(await readResponseForm("acme.xlsx", bytes, tender.tenderId));
    expect(quantities(form).sort()).toEqual(
      [
        [FTE, 3, null],
        [HOURS, 120, 40],
        [MONEY, 50_000, null],
      ].sort(),
    );
    expect(form.commitments.find((c) => c.ref === HOURS)?.actions).toBe("Volunteering days");
  });

  it("keeps each quantity with its own row's ref when rows were inserted above the header or moved", async () => {
    const bytes = await edited(await aFilledForm(), (wb) => {
      const s = sheet(wb, SHEETS.commitments);
      // Swap the FTE and hours rows' contents, as sorting the sheet would.
      const a = rowOfRef(wb, FTE);
      const b = rowOfRef(wb, HOURS);
      const cells = (r: number) => Array.from({ length: 9 }, (_, i) => s.getCell(r, i + 1).value);
      const [rowA, rowB] = [cells(a), cells(b)];
      rowB.forEach((v, i) => (s.getCell(a, i + 1).value = v));
      rowA.forEach((v, i) => (s.getCell(b, i + 1).value = v));
      s.spliceRows(1, 0, ["Acme Care's commitments"], []);
    });
    const form = ok(await readResponseForm("acme.xlsx", bytes, tender.tenderId));
    expect(quantities(form).sort()).toEqual(
      [
        [FTE, 3, null],
        [HOURS, 120, 40],
        [MONEY, 50_000, null],
      ].sort(),
    );
  });

  it("reads a renamed Commitments sheet, and follows the bidder's name when rows were inserted on the Instructions sheet", async () => {
    const bytes = await edited(await aFilledForm(), (wb) => {
      sheet(wb, SHEETS.commitments).name = "Our commitments";
      sheet(wb, SHEETS.instructions).spliceRows(2, 0, ["Inserted by the bidder"]);
    });
    const form = ok(await readResponseForm("acme.xlsx", bytes, tender.tenderId));
    expect(form.bidder).toBe("Acme Care");
    expect(quantities(form)).toHaveLength(3);
    expect(form.notes).toContain("The Commitments sheet was renamed “Our commitments”; it was read.");
  });

  it("refuses a form whose Commitments sheet was deleted, or whose Quantity heading is gone", async () => {
    const deleted = await edited(await aFilledForm(), (wb) => wb.removeWorksheet(sheet(wb, SHEETS.commitments).id));
    const noHeading = await edited(await aFilledForm(), (wb) => (sheet(wb, SHEETS.commitments).getCell("F1").value = "Amount"));
    const a = await readResponseForm("a.xlsx", deleted, tender.tenderId);
    const b = await readResponseForm("b.xlsx", noHeading, tender.tenderId);
    expect(a).toMatchObject({ ok: false, refusal: "not-a-form", message: expect.stringMatching(/"a\.xlsx" has no Commitments sheet.*Nothing was imported/) });
    expect(b).toMatchObject({ ok: false, refusal: "not-a-form", message: expect.stringMatching(/columns were changed.*Quantity committed/) });
  });

  it("refuses a form whose community offers columns were changed rather than read a number from the wrong one", async () => {
    const bytes = await edited(await aFilledForm(), (wb) => sheet(wb, SHEETS.offers).spliceColumns(4, 1));
    expect(await readResponseForm("a.xlsx", bytes, tender.tenderId)).toMatchObject({ ok: false, message: expect.stringMatching(/Community offers sheet whose columns were changed/) });
  });

  it("reads a form whose Answers sheet was deleted, and says no answers were read", async () => {
    const bytes = await edited(await aFilledForm(), (wb) => wb.removeWorksheet(sheet(wb, SHEETS.answers).id));
    const form = ok(await readResponseForm("a.xlsx", bytes, tender.tenderId));
    expect(form.answers).toEqual([]);
    expect(form.commitments).toHaveLength(3);
    expect(form.notes).toContain("The Answers sheet is missing, so no written answers were read.");
  });

  it("refuses a form whose hidden form data sheet was deleted", async () => {
    const bytes = await edited(await aFilledForm(), (wb) => wb.removeWorksheet(sheet(wb, SHEETS.formData).id));
    expect(await readResponseForm("a.xlsx", bytes, tender.tenderId)).toMatchObject({ ok: false, refusal: "not-a-form", message: expect.stringMatching(/not a response form made by this add-in/) });
  });

  it("lists refs a bidder typed that the form did not have", async () => {
    const bytes = await edited(await aFilledForm(), (wb) => (sheet(wb, SHEETS.commitments).getCell(rowOfRef(wb, HOURS), 1).value = "NT99"));
    const form = ok(await readResponseForm("a.xlsx", bytes, tender.tenderId));
    expect(form.commitments.map((c) => c.ref)).toContain("NT99");
    expect(form.notes.join(" ")).toMatch(/one row has a ref the form did not list \(row \d+ \(NT99\)\)/);
  });
});

describe("numbers typed as text", () => {
  it("reads unambiguous numbers as numbers, and leaves what it would have to guess at as text for the validator", async () => {
    const bytes = await fillForm(await buildResponseForm(tender), {
      bidder: "Acme Care",
      entries: [
        { ref: FTE, quantity: "12 FTE", baseline: "40%" },
        { ref: HOURS, quantity: "1,200", baseline: "£5,000" },
        { ref: MONEY, quantity: "£5,000", baseline: "1.234,50" },
        { ref: PERCENT, quantity: "40%", baseline: " 7 " },
      ],
      offers: [["Charity", "Food bank", "Van loan", "20 hours", "£1,500"]],
    });
    const form = ok(await readResponseForm("a.xlsx", bytes, tender.tenderId));
    expect(quantities(form)).toEqual([
      [FTE, "12 FTE", "40%"],
      [HOURS, 1200, "£5,000"],
      [MONEY, 5000, "1.234,50"],
      [PERCENT, 40, 7],
    ].sort((a, b) => form.commitments.findIndex((c) => c.ref === a[0]) - form.commitments.findIndex((c) => c.ref === b[0])));
    expect(form.offers).toEqual([{ recipient: "Charity", organisation: "Food bank", offer: "Van loan", hours: "20 hours", value: 1500 }]);
    expect(form.notes).toContain("5 numbers were typed as text (such as “1,200”, or “£5,000” for a £ measure) and read as the number.");
  });

  it("reads a bidder name with stray spaces as the name", async () => {
    const bytes = await fillForm(await buildResponseForm(tender), { bidder: "  Acme Care  ", entries: [{ ref: FTE, quantity: 1 }] });
    expect(ok(await readResponseForm("a.xlsx", bytes, tender.tenderId)).bidder).toBe("Acme Care");
  });
});
