/**
 * One bidder, one name (issue #17 point 3), through the form reader: genuine response forms,
 * built and filled in code, whose bidder name or refs carry characters that look like nothing
 * or like other characters. The reader gives the name as written less what shows nothing, the
 * form's own ref for a ref that compares as one, and the import's first step (acceptForms) then
 * sees one bidder.
 */
import type ExcelJS from "exceljs";
import { acceptForms } from "../../src/excel/bids/importPlan";
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { readResponseForm } from "../../src/forms/readResponseForm";
import { SHEETS } from "../../src/forms/formLayout";
import type { ReadForm } from "../../src/forms/types";
import { aFormTender, fillForm, openWorkbook, rowOfRef, saveWorkbook } from "./formSupport";
import { fullwidth as wide } from "../support/lookAlikes";

const tender = aFormTender();
const [FIRST, SECOND] = tender.measures.map((m) => m.ref) as [string, string];

async function aReturnedForm(bidder: string, editRefs: (refs: { cell: (ref: string) => ExcelJS.Cell }) => void = () => undefined): Promise<Uint8Array> {
  const filled = await fillForm(await buildResponseForm(tender), { bidder, entries: [{ ref: FIRST, quantity: 3 }, { ref: SECOND, quantity: 7 }] });
  const workbook = await openWorkbook(filled);
  const sheet = workbook.getWorksheet(SHEETS.commitments) as ExcelJS.Worksheet;
  editRefs({ cell: (ref) => sheet.getCell(rowOfRef(workbook, ref), 1) });
  return saveWorkbook(workbook);
}

async function read(fileName: string, bytes: Uint8Array): Promise<ReadForm> {
  const result = await readResponseForm(fileName, bytes, tender.tenderId);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.form;
}

describe("the bidder's name on a returned form", () => {
  it.each([
    ["a zero-width space", "Acme\u200b Care"],
    ["a byte order mark and direction marks", "\ufeff\u200eAcme Care\u200f"],
    ["a soft hyphen and a word joiner", "Ac\u00adme\u2060 Care"],
    ["no-break, thin and ideographic spaces", "\u00a0Acme\u2009\u3000Care\u00a0"],
  ])("reads a name with %s as the name less what shows nothing", async (_, written) => {
    const form = await read("acme.xlsx", await aReturnedForm(written));
    expect(form.bidder).toBe("Acme Care");
  });

  it("says so when invisible characters were taken out of the name", async () => {
    const form = await read("acme.xlsx", await aReturnedForm("Acme\u200bCare"));
    expect(form.bidder).toBe("AcmeCare");
    expect(form.notes.join(" ")).toMatch(/name held invisible characters .* removed: it reads “AcmeCare”/);
  });

  it("keeps letters as the bidder wrote them (fullwidth stays fullwidth)", async () => {
    const form = await read("acme.xlsx", await aReturnedForm(wide("Acme Care")));
    expect(form.bidder).toBe(wide("Acme Care"));
  });

  it.each([
    ["zero-width spaces", "\u200b\u200b"],
    ["a byte order mark, no-break spaces and a zero-width joiner", "\ufeff\u00a0\u200d\u00a0"],
    ["the Braille blank", "\u2800"],
    ["a Hangul filler", "\u3164"],
  ])("gives no name for a name of %s only, and says it shows nothing", async (_, written) => {
    const form = await read("blank.xlsx", await aReturnedForm(written));
    expect(form.bidder).toBe("");
    expect(form.notes.join(" ")).toMatch(/name shows nothing/);
    const { accepted, reports } = acceptForms([form], tender.tenderId);
    expect(accepted).toEqual([]);
    expect(reports.get(form)?.message).toMatch(/does not give the bidder's name/);
  });

  it("refuses two returned forms whose names differ only by hidden characters, spaces, width or case as two files for one bidder", async () => {
    const forms = [
      await read("acme-1.xlsx", await aReturnedForm("Acme Care")),
      await read("acme-2.xlsx", await aReturnedForm("ACME\u00a0\u200bcare ")),
      await read("acme-3.xlsx", await aReturnedForm(wide("Acme Care"))),
    ];
    const { accepted, reports } = acceptForms(forms, tender.tenderId);
    expect(accepted).toEqual([]);
    expect(reports.get(forms[0] as ReadForm)?.message).toMatch(/^3 of the chosen files are for Acme Care .*acme-1\.xlsx, acme-2\.xlsx, acme-3\.xlsx/);
  });
});

describe("refs on a returned form", () => {
  it.each([
    ["a zero-width space", (ref: string) => `${ref.slice(0, 1)}\u200b${ref.slice(1)}`],
    ["fullwidth letters and digits", wide],
    ["small letters, a byte order mark and a no-break space", (ref: string) => `\ufeff${ref.toLowerCase()}\u00a0`],
  ])("reads a ref typed with %s as the form's ref, without calling it unlisted", async (_, disguise) => {
    const bytes = await aReturnedForm("Acme Care", ({ cell }) => {
      cell(FIRST).value = disguise(FIRST);
      cell(SECOND).value = disguise(SECOND);
    });
    const form = await read("acme.xlsx", bytes);
    expect(form.commitments.map((c) => [c.ref, c.quantity])).toEqual([
      [FIRST, 3],
      [SECOND, 7],
    ]);
    expect(form.notes.join(" ")).not.toMatch(/did not list/);
  });

  it("reads a ref the form did not list plainly, and says it was not listed", async () => {
    const bytes = await aReturnedForm("Acme Care", ({ cell }) => (cell(FIRST).value = `${wide("XYZ")}\u200b9`));
    const form = await read("acme.xlsx", bytes);
    expect(form.commitments.map((c) => c.ref)).toEqual(["XYZ9", SECOND]);
    expect(form.notes.join(" ")).toMatch(/did not list \(row \d+ \(XYZ9\)\)/);
  });
});
