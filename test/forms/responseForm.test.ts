/**
 * The bidder response form, built and read back for real: the builder's file is filled in with
 * ExcelJS the way a bidder types into Excel, saved, and read by readResponseForm.
 */
import type ExcelJS from "exceljs";
import { UNITS } from "../../src/core";
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { readResponseForm } from "../../src/forms/readResponseForm";
import { SHEETS } from "../../src/forms/formLayout";
import { FORM_VERSION, type ReadForm } from "../../src/forms/types";
import { aFormTender, anEssexTender, fillForm, openWorkbook, rowOfRef, saveWorkbook } from "./formSupport";

async function readOk(fileName: string, bytes: Uint8Array, expectedTenderId?: string): Promise<ReadForm> {
  const result = await readResponseForm(fileName, bytes, expectedTenderId);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.form;
}

describe("a filled response form read back", () => {
  it("gives exactly the rows, answers and offers the bidder entered", async () => {
    const tender = aFormTender();
    const form = await buildResponseForm(tender);
    const filled = await fillForm(form, {
      bidder: "Acme Highways Ltd",
      entries: [
        { ref: "ILL1", quantity: 12.5, baseline: 8, actions: "Recruit through the Job Centre", verification: "Payroll postcodes each quarter" },
        { ref: "ILL6", quantity: 0.4, numFmt: "0%", actions: "Local hiring target" },
        { ref: "ILL7", quantity: 250000, verification: "Supplier invoices" },
        { ref: "ILL11", quantity: "about 20" },
      ],
      answers: { "ILL-Q1": "A dedicated social value manager.\nQuarterly reports.", "ILL-Q2": "Independent audit" },
      offers: [["School", "Hill Primary", "Careers talks", 20, 1500]],
    });
    const read = await readOk("acme.xlsx", filled, tender.tenderId);
    const row = (ref: string) => tender.measures.findIndex((m) => m.ref === ref) + 2;
    const unit = (ref: string) => UNITS[(tender.measures.find((m) => m.ref === ref) as (typeof tender.measures)[number]).unit].label;
    expect(read).toEqual({
      fileName: "acme.xlsx",
      tenderId: tender.tenderId,
      formVersion: FORM_VERSION,
      bidder: "Acme Highways Ltd",
      commitments: [
        { formRow: row("ILL1"), ref: "ILL1", unit: unit("ILL1"), quantity: 12.5, baseline: 8, actions: "Recruit through the Job Centre", verification: "Payroll postcodes each quarter" },
        { formRow: row("ILL6"), ref: "ILL6", unit: "%", quantity: 40, baseline: null, actions: "Local hiring target", verification: "" },
        { formRow: row("ILL7"), ref: "ILL7", unit: "£", quantity: 250000, baseline: null, actions: "", verification: "Supplier invoices" },
        { formRow: row("ILL11"), ref: "ILL11", unit: unit("ILL11"), quantity: "about 20", baseline: null, actions: "", verification: "" },
      ],
      answers: [
        { criterion: "ILL-Q1", answer: "A dedicated social value manager.\nQuarterly reports." },
        { criterion: "ILL-Q2", answer: "Independent audit" },
      ],
      offers: [{ recipient: "School", organisation: "Hill Primary", offer: "Careers talks", hours: 20, value: 1500 }],
      notes: [expect.stringMatching(/percentage was typed with a % sign .* read on the form's 0–100 scale/)],
    });
  });

  it("rescales a %-formatted cell only on a percentage measure", async () => {
    const filled = await fillForm(await buildResponseForm(aFormTender()), {
      entries: [
        { ref: "ILL6", quantity: 0.075, numFmt: "0.0%" },
        { ref: "ILL1", quantity: 0.5, numFmt: "0%" },
      ],
    });
    const read = await readOk("pc.xlsx", filled);
    expect(read.commitments.map((c) => [c.ref, c.quantity])).toEqual([
      ["ILL1", 0.5],
      ["ILL6", 7.5],
    ]);
  });

  it("reads an untouched form as no commitments, and says the bidder's name is blank", async () => {
    const read = await readOk("blank.xlsx", await buildResponseForm(aFormTender()));
    expect(read.commitments).toEqual([]);
    expect(read.answers).toEqual([]);
    expect(read.offers).toEqual([]);
    expect(read.notes).toEqual([expect.stringContaining("bidder's name is blank")]);
  });

  it("keeps a bidder name the council pre-filled", async () => {
    const read = await readOk("named.xlsx", await buildResponseForm(aFormTender({ bidder: "Birch Homes" })));
    expect(read.bidder).toBe("Birch Homes");
  });

  it("reads a formula the bidder typed as its saved result, never as a formula", async () => {
    const tender = aFormTender();
    const form = await buildResponseForm(tender);
    const book = await openWorkbook(form);
    const sheet = book.getWorksheet(SHEETS.commitments) as ExcelJS.Worksheet;
    sheet.getCell(rowOfRef(book, "ILL4"), 6).value = { formula: "52*2", result: 104 };
    sheet.getCell(rowOfRef(book, "ILL9"), 6).value = { formula: "A1*0", result: 0 };
    sheet.getCell(rowOfRef(book, "ILL10"), 6).value = { formula: "B7*3" } as ExcelJS.CellFormulaValue;
    const read = await readOk("formulas.xlsx", await saveWorkbook(book));
    expect(read.commitments.map((c) => [c.ref, c.quantity])).toEqual([
      ["ILL4", 104],
      ["ILL9", 0],
    ]);
    expect(read.notes).toEqual(expect.arrayContaining([expect.stringContaining("3 cells held formulas"), expect.stringContaining("1 formula cell has no saved result")]));
  });

  it("matches the tender: a form for another tender is refused, naming both contracts", async () => {
    const form = await buildResponseForm(aFormTender({ tenderId: "OTHER-1", contractName: "Library cleaning" }));
    const result = await readResponseForm("wrong.xlsx", form, "T-2026-0042", { expectedContractName: "Highways maintenance 2026–2030" });
    expect(result).toEqual({
      ok: false,
      fileName: "wrong.xlsx",
      refusal: "other-tender",
      message: expect.stringMatching(/“Library cleaning” \(form reference OTHER-1\), not for “Highways maintenance 2026–2030” \(reference T-2026-0042\)/),
    });
  });

  it("reads a form for any tender when no tender is expected", async () => {
    const read = await readOk("any.xlsx", await buildResponseForm(aFormTender({ tenderId: "OTHER-1" })));
    expect(read.tenderId).toBe("OTHER-1");
  });

  it("works for the Essex framework's measures", async () => {
    const tender = anEssexTender();
    const filled = await fillForm(await buildResponseForm(tender), { bidder: "Essex Buses", entries: [{ ref: "ECC10", quantity: 104 }] });
    const read = await readOk("essex.xlsx", filled, "ECC-0007");
    expect(read.commitments.map((c) => [c.ref, c.unit, c.quantity])).toEqual([["ECC10", "weeks", 104]]);
  });
});

describe("the built form", () => {
  async function builtForm() {
    const tender = aFormTender();
    return { tender, book: await openWorkbook(await buildResponseForm(tender)) };
  }

  it("has the instructions, commitments, answers and offers sheets, and hides its form data from the bidder", async () => {
    const { book } = await builtForm();
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Instructions", "visible"],
      ["Commitments", "visible"],
      ["Answers", "visible"],
      ["Community offers", "visible"],
      ["Form data", "veryHidden"],
    ]);
    const instructions = book.getWorksheet("Instructions") as ExcelJS.Worksheet;
    const text = instructions.getSheetValues().flat().join(" ");
    expect(text).toContain("Highways maintenance 2026–2030");
    expect(text).toContain("type 40 for 40%");
  });

  it("lists every measure in scope with ref, theme, description, unit and guidance", async () => {
    const { tender, book } = await builtForm();
    const sheet = book.getWorksheet("Commitments") as ExcelJS.Worksheet;
    expect(sheet.getRow(1).values).toEqual([undefined, "Ref", "Theme", "Measure", "Unit", "Guidance", "Quantity committed", "Current level (baseline)", "Actions planned", "How delivery will be measured and verified"]);
    const listed = tender.measures.map((_, i) => [sheet.getCell(i + 2, 1).value, sheet.getCell(i + 2, 3).value, sheet.getCell(i + 2, 4).value]);
    expect(listed).toEqual(tender.measures.map((m) => [m.ref, m.description, UNITS[m.unit].label]));
    expect(sheet.getCell(tender.measures.length + 2, 1).value).toBeNull();
  });

  it("protects every sheet without a password, and unlocks only the input cells", async () => {
    const { tender, book } = await builtForm();
    for (const sheet of book.worksheets) {
      // ExcelJS reads <sheetProtection> into this untyped property.
      const protection = (sheet as unknown as { sheetProtection: unknown }).sheetProtection;
      expect(protection).toMatchObject({ sheet: true });
      expect(protection).not.toHaveProperty("hashValue");
    }
    const commitments = book.getWorksheet("Commitments") as ExcelJS.Worksheet;
    const row = 2 + tender.measures.length - 1;
    const unlocked = [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((c) => commitments.getCell(row, c).protection?.locked === false);
    expect(unlocked).toEqual([6, 7, 8, 9]);
    expect((commitments.getCell(row, 6).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
    expect((book.getWorksheet("Instructions") as ExcelJS.Worksheet).getCell("B5").protection?.locked).toBe(false);
    expect((book.getWorksheet("Instructions") as ExcelJS.Worksheet).getCell("B3").protection?.locked).not.toBe(false);
    const answers = book.getWorksheet("Answers") as ExcelJS.Worksheet;
    expect([1, 2, 3, 4].map((c) => answers.getCell(2, c).protection?.locked === false)).toEqual([false, false, false, true]);
    expect(answers.getCell(2, 4).alignment?.wrapText).toBe(true);
  });

  it("validates inputs by unit: whole numbers for counted units, 0–100 for percentages, decimals ≥ 0 otherwise", async () => {
    const { book } = await builtForm();
    const sheet = book.getWorksheet("Commitments") as ExcelJS.Worksheet;
    const rule = (ref: string, col: number) => {
      const v = sheet.getCell(rowOfRef(book, ref), col).dataValidation;
      return [v.type, v.operator, v.formulae];
    };
    expect(rule("ILL2", 6)).toEqual(["whole", "greaterThanOrEqual", [0]]); // people
    expect(rule("ILL11", 6)).toEqual(["whole", "greaterThanOrEqual", [0]]); // count
    expect(rule("ILL1", 6)).toEqual(["decimal", "greaterThanOrEqual", [0]]); // FTE may be 0.5
    expect(rule("ILL6", 6)).toEqual(["decimal", "between", [0, 100]]); // percent
    expect(rule("ILL6", 7)).toEqual(["decimal", "between", [0, 100]]); // baseline, same unit
    expect(sheet.getCell(rowOfRef(book, "ILL1"), 6).dataValidation.showErrorMessage).toBe(true);
  });

  it("offers a recipient list and number rules on the community offers sheet", async () => {
    const { book } = await builtForm();
    const offers = book.getWorksheet("Community offers") as ExcelJS.Worksheet;
    expect(offers.getCell("A2").dataValidation).toMatchObject({ type: "list", formulae: ['"School,College,Charity,Community group,Other"'] });
    expect(offers.getCell("E21").dataValidation).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual" });
    expect(offers.getCell("C21").protection?.locked).toBe(false);
  });

  it("carries the form id, version and refs in order, also as workbook names", async () => {
    const { tender, book } = await builtForm();
    const data = book.getWorksheet("Form data") as ExcelJS.Worksheet;
    expect([data.getCell("B1").value, data.getCell("B2").value]).toEqual([tender.tenderId, FORM_VERSION]);
    expect(tender.measures.map((_, i) => data.getCell(10 + i, 1).value)).toEqual(tender.measures.map((m) => m.ref));
    expect(book.definedNames.getRanges("SV_FormId").ranges).toEqual(["'Form data'!$B$1"]);
    expect(book.definedNames.getRanges("SV_FormBidder").ranges).toEqual(["Instructions!$B$5"]);
  });
});
