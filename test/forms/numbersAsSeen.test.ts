/**
 * Numbers read as the bidder saw them (issue #17, point 4). Each file is a genuine form, built
 * and filled in as a bidder would, then changed the way Excel or a hostile file would change it:
 * a cell's number format, or the saved XML of a cell.
 */
import ExcelJS from "exceljs";
import type { MeasureEntry, UnitKey } from "../../src/core";
import { readCell, ReadNotes } from "../../src/forms/cellValues";
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { readTableFile } from "../../src/forms/measureTableImport";
import { readResponseForm } from "../../src/forms/readResponseForm";
import { SHEETS } from "../../src/forms/formLayout";
import type { ReadForm } from "../../src/forms/types";
import { aFormTender, fillForm, openWorkbook, rowOfRef, saveWorkbook } from "./formSupport";
import { partText, unzip, withParts } from "./hostile/makeCorpus";

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
    // As Excel itself saves 0"%": ExcelJS drops the backslash, so the styles part is read before it.
    ["0\\%", 40],
    ['0.0" %"', 40],
    ["0%", 0.4],
    ["0.0%", 0.4],
    // Sections chosen by their conditions, not by sign: 40 fails [<=1], so shows "40%" as text.
    ['[<=1]0%;0"%"', 40],
    ['[<=1]0%;0"%"', 0.4],
    ["[>=1]0;0%", 0.4],
    // No condition holds, so the last section for numbers: 0.4 shows "40%".
    ['[>=1]0"%";[<0]-0"%";0%', 0.4],
  ])("reads a %% measure's cell formatted %s holding %p as 40, as the bidder saw it", async (numFmt, held) => {
    const form = await read(await formatted([{ ref: PERCENT, quantity: held, numFmt }]));
    expect(quantityOf(form, PERCENT)).toBe(40);
  });

  it.each([
    ['[<=1]0%;0"%"', 40, false],
    ["[>=1]0;0%", 0.4, true],
    ['[>=1]0"%";[<0]-0"%";0%', 0.4, true],
  ])("says a %% sign was typed only when the section a condition chose for %s holding %p has a genuine %%", async (numFmt, held, typed) => {
    const form = await read(await formatted([{ ref: PERCENT, quantity: held, numFmt }]));
    expect(form.notes).toEqual(typed ? [expect.stringContaining("1 percentage was typed with a % sign (e.g. 40%)")] : []);
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

/**
 * The form with the saved XML of one quantity cell replaced, as a broken or hostile program
 * could write it: `cell` gives the cell's type attribute and content.
 */
async function withSavedQuantity(ref: string, cell: { type?: string; content: string }): Promise<{ bytes: Uint8Array; place: string }> {
  const bytes = await fillForm(await buildResponseForm(tender), { bidder: "Acme Care", entries: [{ ref, quantity: 12 }] });
  const workbook = await openWorkbook(bytes);
  const address = `F${rowOfRef(workbook, ref)}`;
  const part = `xl/worksheets/sheet${(workbook.getWorksheet(SHEETS.commitments) as ExcelJS.Worksheet).id}.xml`;
  const xml = partText(unzip(bytes), part);
  const saved = new RegExp(`<c r="${address}"([^>]*?)>[\\s\\S]*?</c>`);
  const style = saved.exec(xml)?.[1]?.match(/\ss="\d+"/)?.[0] ?? "";
  expect(saved.test(xml)).toBe(true);
  const changed = xml.replace(saved, `<c r="${address}"${style}${cell.type ? ` t="${cell.type}"` : ""}>${cell.content}</c>`);
  return { bytes: withParts(bytes, { [part]: changed }), place: `${SHEETS.commitments}!${address}` };
}

describe("a cell saved as a number that holds something else", () => {
  it.each([
    ["12abc", { content: "<v>12abc</v>" }],
    ["1,5", { content: "<v>1,5</v>" }],
    ["12e", { content: "<v>12e</v>" }],
    ["0x1A", { content: "<v>0x1A</v>" }],
    ["INF", { content: "<v>INF</v>" }],
    ["NaN", { content: "<v>NaN</v>" }],
    ["1E+999", { content: "<v>1E+999</v>" }],
    ["12abc", { type: "n", content: "<v>12abc</v>" }],
    ["12abc", { content: "<is><t>12abc</t></is>" }],
    ["2026-03-31", { type: "d", content: "<v>2026-03-31</v>" }],
    // Text split by a comment or a processing instruction, which ExcelJS joins back and parseFloat reads as 12.
    ["12abc", { content: "<v>1<!-- -->2abc</v>" }],
    ["12abc", { content: "<v>12<?note x?>abc</v>" }],
  ])("reads %p as that text, never as blank or part of it, and names the cell", async (text, cell) => {
    const { bytes, place } = await withSavedQuantity(FTE, cell);
    const form = await read(bytes);
    expect(quantityOf(form, FTE)).toBe(text);
    expect(form.notes.join("\n")).toContain(`1 cell was saved as a number but holds something else (${place}: “${text}”)`);
  });

  it("notes a date cell holding a plain number (Excel shows 1 Jan 2024), naming the cell, rather than reading it silently", async () => {
    const { bytes, place } = await withSavedQuantity(FTE, { type: "d", content: "<v>2024</v>" });
    const form = await read(bytes);
    expect(form.notes.join("\n")).toContain(`1 cell was saved as a number but holds something else (${place}: “2024”)`);
  });

  it("reads a formula's saved result of INF as that text, not as blank", async () => {
    const { bytes, place } = await withSavedQuantity(FTE, { content: "<f>A1*2</f><v>INF</v>" });
    const form = await read(bytes);
    expect(quantityOf(form, FTE)).toBe("INF");
    expect(form.notes.join("\n")).toContain(`(${place}: “INF”)`);
  });

  it("reads a number saved in CDATA, which ExcelJS would skip, as that number", async () => {
    const { bytes } = await withSavedQuantity(FTE, { content: "<v><![CDATA[12]]></v>" });
    const form = await read(bytes);
    expect(quantityOf(form, FTE)).toBe(12);
    expect(form.notes).toEqual([]);
  });

  it("leaves numbers as Excel saves them untouched, exponents and signs included", async () => {
    for (const [saved, number] of [["1.5E+3", 1500], ["-0.25", -0.25], [".5", 0.5], ["4.0000000000000001E-3", 0.004]] as const) {
      const { bytes } = await withSavedQuantity(FTE, { content: `<v>${saved}</v>` });
      const form = await read(bytes);
      expect(quantityOf(form, FTE)).toBe(number);
      expect(form.notes).toEqual([]);
    }
  });
});

describe("a council's measure table with a proxy saved as a number that holds something else", () => {
  it("reads the proxy as the text saved, not the figure it starts with, and names the cell", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Proxy values");
    sheet.addRows([
      ["Ref", "Measure", "Unit", "Proxy value (£)"],
      ["NT1", "Local people employed on the contract", "FTE", 28_000.5],
    ]);
    const bytes = await saveWorkbook(workbook);
    const part = "xl/worksheets/sheet1.xml";
    const xml = partText(unzip(bytes), part);
    expect(xml).toContain("<v>28000.5</v>");
    const result = await readTableFile("calculator.xlsx", withParts(bytes, { [part]: xml.replace("<v>28000.5</v>", "<v>28000.5abc</v>") }));
    if (!result.ok) throw new Error(result.message);
    expect(result.grids[0]?.rows[1]?.[3]).toBe("28000.5abc");
    expect(result.notes.join("\n")).toContain("(Proxy values!D2: “28000.5abc”)");
  });
});
