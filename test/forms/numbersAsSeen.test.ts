/**
 * Numbers read as the bidder saw them (issue #17, point 4). Each file is a genuine form, built
 * and filled in as a bidder would, then changed the way Excel or a hostile file would change it:
 * a cell's number format, or the saved XML of a cell.
 */
import ExcelJS from "exceljs";
import type { MeasureEntry, UnitKey } from "../../src/core";
import { readCell, ReadNotes } from "../../src/forms/cellValues";
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { readResponseForm } from "../../src/forms/readResponseForm";
import { SHEETS } from "../../src/forms/formLayout";
import type { ReadForm } from "../../src/forms/types";
import { aFormTender, fillForm, openWorkbook, rowOfRef } from "./formSupport";

const tender = aFormTender();
const refOf = (unit: UnitKey): string => (tender.measures.find((m: MeasureEntry) => m.unit === unit) as MeasureEntry).ref;
const FTE = refOf("FTE");
const MONEY = refOf("GBP");
const PERCENT = refOf("percent");

async function read(bytes: Uint8Array): Promise<ReadForm> {
  const result = await readResponseForm("acme.xlsx", bytes, tender.tenderId);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.form;
}

const quantityOf = (form: ReadForm, ref: string) => form.commitments.find((c) => c.ref === ref)?.quantity;

/** A form with one quantity typed into each of the given measures, each cell given a number format. */
async function formatted(entries: { ref: string; quantity: number; numFmt: string }[]): Promise<Uint8Array> {
  return fillForm(await buildResponseForm(tender), { bidder: "Acme Care", entries });
}

/** The Commitments sheet's quantity cell of a ref, as "Commitments!F7". */
async function placeOf(bytes: Uint8Array, ref: string): Promise<string> {
  return `${SHEETS.commitments}!F${rowOfRef(await openWorkbook(bytes), ref)}`;
}

describe("a number read as the cell showed it", () => {
  it.each([
    ['0"%"', 40],
    ['0.0" %"', 40],
    ["0%", 0.4],
    ["0.0%", 0.4],
  ])("reads a %% measure's cell formatted %s holding %p as 40, as the bidder saw it", async (numFmt, held) => {
    const form = await read(await formatted([{ ref: PERCENT, quantity: held, numFmt }]));
    expect(quantityOf(form, PERCENT)).toBe(40);
  });

  it("reads a £ figure shown in thousands as the full figure, and names the cell", async () => {
    const bytes = await formatted([{ ref: MONEY, quantity: 40_000, numFmt: '£#,##0,"k"' }]);
    const form = await read(bytes);
    expect(quantityOf(form, MONEY)).toBe(40_000);
    expect(form.notes.join("\n")).toContain(`1 number was shown in thousands or millions by its cell's format (${await placeOf(bytes, MONEY)};`);
  });

  it("reads a number the format hid, and names the cell", async () => {
    const bytes = await formatted([{ ref: FTE, quantity: 12, numFmt: ";;;" }]);
    const form = await read(bytes);
    expect(quantityOf(form, FTE)).toBe(12);
    expect(form.notes.join("\n")).toContain(`1 number was hidden by its cell's format, which shows the cell empty or shows text instead (${await placeOf(bytes, FTE)})`);
  });

  it("reads a number shown with digits the format adds as the number held, and names the cell", async () => {
    const bytes = await formatted([{ ref: FTE, quantity: 12, numFmt: '0"000"' }]);
    const form = await read(bytes);
    expect(quantityOf(form, FTE)).toBe(12);
    expect(form.notes.join("\n")).toContain(`shown with digits its cell's format adds (${await placeOf(bytes, FTE)};`);
  });

  it("notes a % shown on a measure not counted in %, keeping the number held", async () => {
    const bytes = await formatted([{ ref: FTE, quantity: 0.5, numFmt: "0%" }]);
    const form = await read(bytes);
    expect(quantityOf(form, FTE)).toBe(0.5);
    expect(form.notes.join("\n")).toContain(`1 quantity on a measure not counted in % was shown with a % sign (${await placeOf(bytes, FTE)})`);
  });

  it("adds no note for formats that only dress the number", async () => {
    const bytes = await formatted([
      { ref: FTE, quantity: 1200, numFmt: '#,##0" FTE"' },
      { ref: MONEY, quantity: 5000.5, numFmt: "[$£-809]#,##0.00;[Red]-[$£-809]#,##0.00" },
      { ref: PERCENT, quantity: 40, numFmt: "@" },
    ]);
    const form = await read(bytes);
    expect([quantityOf(form, FTE), quantityOf(form, MONEY), quantityOf(form, PERCENT)]).toEqual([1200, 5000.5, 40]);
    expect(form.notes).toEqual([]);
  });
});

describe("a number no spreadsheet can show", () => {
  it.each([NaN, Infinity, -Infinity])("reads %p as the error #NUM!, never as blank, and names the cell", async (held) => {
    const workbook = new ExcelJS.Workbook();
    const cell = workbook.addWorksheet(SHEETS.commitments).getCell("F7");
    cell.value = held;
    const notes = new ReadNotes();
    expect(readCell(cell, notes, { quantity: true })).toBe("#NUM!");
    expect(notes.list()).toEqual([expect.stringContaining(`1 cell holds a number no spreadsheet can show (infinite, or not a number at all) (${SHEETS.commitments}!F7)`)]);
  });
});
