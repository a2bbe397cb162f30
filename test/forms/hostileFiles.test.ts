/**
 * The hostile corpus (test/forms/hostile): every file gets a clear refusal or safe values —
 * never a formula, never a crash. Big cases are generated into memory here (see makeCorpus.ts).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type ExcelJS from "exceljs";
import fc from "fast-check";
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { checkSpreadsheetFile, MAX_FILE_BYTES, MAX_SHEET_ROWS } from "../../src/forms/fileGuards";
import { COMMITMENT_COLUMNS, SHEETS } from "../../src/forms/formLayout";
import { readTableFile } from "../../src/forms/measureTableImport";
import { readResponseForm } from "../../src/forms/readResponseForm";
import type { FormReadResult, ReadForm } from "../../src/forms/types";
import { archiveTricks, committedCorpus, costlyFiles, partText, tallSheetXml, text, unzip, wideSheetXml, withParts, zip } from "./hostile/makeCorpus";
import { aFormTender, fillForm, openWorkbook, rowOfRef, saveWorkbook } from "./formSupport";

const HOSTILE = join(__dirname, "hostile");
const committed = (name: string): Uint8Array => new Uint8Array(readFileSync(join(HOSTILE, name)));

async function readOk(fileName: string, bytes: Uint8Array): Promise<ReadForm> {
  const result = await readResponseForm(fileName, bytes, "T-2026-0042");
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.form;
}

let form: Uint8Array;
beforeAll(async () => {
  form = await buildResponseForm(aFormTender());
});

describe("the committed corpus", () => {
  it("is exactly what makeCorpus.ts makes, so each file's recipe is documented", () => {
    for (const [name, bytes] of Object.entries(committedCorpus())) expect([name, committed(name)]).toEqual([name, bytes]);
  });

  it.each([
    ["empty.xlsx", "not-a-spreadsheet", /is empty \(0 bytes\)/],
    ["scan-renamed.xlsx", "not-a-spreadsheet", /is a PDF document/],
    ["letter-renamed.xlsx", "not-a-spreadsheet", /is a Word document/],
    ["spreadsheet-renamed.xlsx", "not-a-spreadsheet", /OpenDocument file .* save it as an Excel Workbook/],
    ["encrypted.xlsx", "encrypted", /protected with a password to open/],
    ["old-format.xlsx", "not-a-spreadsheet", /older Office file .*\.xls/],
    ["proxies-renamed.xlsx", "not-a-spreadsheet", /text \(CSV\) file, not the response form/],
    ["zip-bomb-declared.xlsx", "too-expanded", /declares that its contents unpack to 3815 MB \(the limit is 100 MB\)/],
  ])("refuses %s as %s with a sentence", async (name, refusal, message) => {
    expect(await readResponseForm(name, committed(name), "T-2026-0042")).toEqual({ ok: false, fileName: name, refusal, message: expect.stringMatching(message) });
  });
});

describe("refusals for damaged, oversized and foreign files", () => {
  it("refuses a truncated download as damaged", async () => {
    for (const length of [10, Math.floor(form.length / 2), form.length - 5]) {
      const result = await readResponseForm("cut.xlsx", form.slice(0, length));
      expect(result).toMatchObject({ ok: false, refusal: "corrupt", message: expect.stringContaining("damaged or incomplete") });
    }
  });

  it("refuses a file over the size limit before reading it", () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(checkSpreadsheetFile("huge.xlsx", big)).toEqual({ ok: false, refusal: "too-large", message: expect.stringContaining("over the 10 MB limit") });
  });

  it("refuses a zip bomb that declares a small size but unpacks to far more", async () => {
    const parts = unzip(form);
    const sheet = parts.find((p) => p.name === "xl/worksheets/sheet2.xml");
    if (!sheet) throw new Error("no commitments sheet part");
    sheet.data = new Uint8Array(60_000_000).fill(0x20);
    sheet.declaredSize = 2_000;
    const bomb = zip(parts);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await readResponseForm("bomb.xlsx", bomb)).toMatchObject({ ok: false, refusal: "too-expanded", message: expect.stringContaining("unpacks to more than it declares") });
  });

  it("refuses a package of thousands of parts", async () => {
    const parts = Array.from({ length: 3000 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: new Uint8Array(1), stored: true }));
    const many = withParts(form, Object.fromEntries(parts.map((p) => [p.name, p.data])));
    expect(await readResponseForm("many.xlsx", many)).toMatchObject({ ok: false, refusal: "too-expanded", message: expect.stringMatching(/holds 3,0\d\d parts/) });
  });

  it("refuses a 1,000,000-row sheet before building it, as a form and as a measure table", async () => {
    const tall = withParts(form, { "xl/worksheets/sheet2.xml": tallSheetXml(1_000_000) });
    expect(tall.length).toBeLessThan(MAX_FILE_BYTES);
    const message = expect.stringContaining(`more than ${MAX_SHEET_ROWS.toLocaleString("en-GB")} rows`);
    expect(await readResponseForm("tall.xlsx", tall)).toMatchObject({ ok: false, refusal: "too-large", message });
    expect(await readTableFile("tall.xlsx", tall)).toEqual({ ok: false, message });
  }, 120_000);

  it("reads a form whose sheet merges and validates all 17 billion cells (a few bytes that would freeze ExcelJS)", async () => {
    const filled = await fillForm(form, { bidder: "Acme", entries: [{ ref: "ILL1", quantity: 3 }] });
    const sheetXml = partText(unzip(filled), "xl/worksheets/sheet2.xml")
      .replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="J1:XFD1048576"/></mergeCells>')
      .replace(/sqref="[^"]+"/, 'sqref="A1:XFD1048576"');
    const hostile = withParts(filled, { "xl/worksheets/sheet2.xml": sheetXml });
    const read = await readOk("merged.xlsx", hostile);
    expect(read.commitments.map((c) => [c.ref, c.quantity])).toEqual([["ILL1", 3]]);
  });

  it("reads a council measure table with validation on whole columns", async () => {
    const table = zip([
      { name: "[Content_Types].xml", data: text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
      { name: "_rels/.rels", data: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
      { name: "xl/workbook.xml", data: text('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Proxies" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: "xl/_rels/workbook.xml.rels", data: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
      {
        name: "xl/worksheets/sheet1.xml",
        data: text(
          '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Unit</t></is></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>NT1</t></is></c><c r="B2" t="inlineStr"><is><t>FTE</t></is></c></row>' +
            '</sheetData><dataValidations count="1"><dataValidation type="list" sqref="B1:B1048576 D1:F1048576"><formula1>"FTE,weeks"</formula1></dataValidation></dataValidations></worksheet>',
        ),
      },
    ]);
    expect(await readTableFile("calculator.xlsx", table)).toEqual({ ok: true, grids: [{ name: "Proxies", rows: [["Ref", "Unit"], ["NT1", "FTE"]] }], notes: [] });
  });

  it("refuses a workbook that is not our form, and a form from a newer version of the add-in", async () => {
    const book = await openWorkbook(form);
    book.removeWorksheet((book.getWorksheet(SHEETS.formData) as ExcelJS.Worksheet).id);
    expect(await readResponseForm("plain.xlsx", await saveWorkbook(book))).toMatchObject({ refusal: "not-a-form", message: expect.stringContaining("is not a response form made by this add-in") });

    const newer = await openWorkbook(form);
    (newer.getWorksheet(SHEETS.formData) as ExcelJS.Worksheet).getCell("B2").value = 2;
    expect(await readResponseForm("newer.xlsx", await saveWorkbook(newer))).toMatchObject({ refusal: "newer-version", message: expect.stringContaining("Update the add-in") });
  });

  it("refuses a form for another tender", async () => {
    const other = await buildResponseForm(aFormTender({ tenderId: "T-2025-0001", contractName: "Grounds maintenance" }));
    expect(await readResponseForm("other.xlsx", other, "T-2026-0042")).toMatchObject({ refusal: "other-tender", message: expect.stringContaining("“Grounds maintenance” (form reference T-2025-0001)") });
  });
});

describe("the guard sees what the parser sees (one reading of the archive)", () => {
  let tricks: Record<string, Uint8Array>;
  beforeAll(() => {
    tricks = archiveTricks(form);
  }, 120_000);

  const unusual = /is packed in an unusual way that could hide or disguise content \(.+\), so it was not opened\. Open it in Excel/;
  it.each([
    ["duplicate-part.xlsx", /two parts are named “xl\/worksheets\/sheet2\.xml”/],
    ["case-twin.xlsx", /two parts are named “XL\/WORKSHEETS\/SHEET2\.XML” \(or differ only in case\)/],
    ["local-name-differs.xlsx", /has another name or flags in its own header/],
    ["unicode-path.xlsx", /a part carries a second, hidden name/],
    ["prepended.xlsx", unusual],
    ["hidden-entry.xlsx", /there are hidden bytes before the part/],
    ["overlap.xlsx", /parts overlap/],
    ["folder-and-file.xlsx", /is both a part and a folder/],
    ["dot-folder.xlsx", /has an empty, "\." or "\.\." folder/],
  ])("refuses %s, as a form and as a measure table, with a sentence", async (name, detail) => {
    const bytes = tricks[name] as Uint8Array;
    const form = await readResponseForm(name, bytes, "T-2026-0042");
    expect(form).toMatchObject({ ok: false, refusal: "corrupt", message: expect.stringMatching(unusual) });
    expect(form.ok ? "" : form.message).toMatch(detail);
    expect(await readTableFile(name, bytes)).toEqual({ ok: false, message: expect.stringMatching(unusual) });
  });

  it("refuses a part with a zip password", async () => {
    const name = "zip-password.xlsx";
    expect(await readResponseForm(name, tricks[name] as Uint8Array)).toMatchObject({ ok: false, refusal: "encrypted", message: expect.stringContaining("password-protected contents") });
  });

  it("tells a small file using the 64-bit zip format what is wrong, not that it unpacks to more than 4 GB", async () => {
    const bytes = tricks["zip64-small.xlsx"] as Uint8Array;
    expect(bytes.length).toBeLessThan(100_000);
    const result = await readResponseForm("zip64-small.xlsx", bytes);
    expect(result).toMatchObject({ ok: false, refusal: "corrupt", message: expect.stringMatching(/^"zip64-small\.xlsx" is \d+ KB but is packed in the format meant for archives over 4 GB \(zip64\), which Excel never uses/) });
    expect(result.ok ? "" : result.message).not.toMatch(/unpacks to more than/);
  });

  it("never parses a part outside the workbook's own names, however it is named (ExcelJS matches names anywhere in a path)", async () => {
    const filled = await fillForm(form, { bidder: "Acme", entries: [{ ref: "ILL1", quantity: 3 }] });
    // 30 MB of sheet where ExcelJS's unanchored pattern would find "xl/worksheets/sheet2.xml" and parse it.
    const hidden = withParts(filled, { "backup/xl/worksheets/sheet2.xml": wideSheetXml(60_000, 20), "xl/worksheets/sheet2.xml.old": wideSheetXml(60_000, 20) });
    const read = await readOk("hidden.xlsx", hidden);
    expect(read.commitments.map((c) => [c.ref, c.quantity])).toEqual([["ILL1", 3]]);
  }, 120_000);
});

describe("bounded cost: near-limit files are read or refused with a sentence", () => {
  let files: ReturnType<typeof costlyFiles>;
  beforeAll(() => {
    files = costlyFiles(form);
  }, 300_000);

  it.each([
    "several-near-limit-sheets.xlsx",
    "millions-of-cells.xlsx",
    "many-shared-strings.xlsx",
    "huge-styles.xlsx",
    "deeply-nested.xlsx",
    "entity-expansion.xlsx",
    "unclosed-sheet-tags.xlsx",
    "unclosed-merge-cells.xlsx",
    "unclosed-relationships.xlsx",
    "long-digit-run.xlsx",
  ])(
    "%s",
    async (name) => {
      const file = files[name];
      if (!file) throw new Error(`no ${name}`);
      expect(file.bytes.length).toBeLessThan(MAX_FILE_BYTES);
      const asForm = await readResponseForm(name, file.bytes, "T-2026-0042");
      if (file.form === "read") expect(asForm).toMatchObject({ ok: true });
      else expect(asForm).toMatchObject({ ok: false, message: expect.stringMatching(file.form) });
      const asTable = await readTableFile(name, file.bytes);
      if (file.table === "read") expect(asTable).toMatchObject({ ok: true });
      else expect(asTable).toEqual({ ok: false, message: expect.stringMatching(file.table) });
    },
    120_000,
  );

  it("reads only the form's sheets, and says which others were not read", async () => {
    const read = await readOk("several.xlsx", (files["several-near-limit-sheets.xlsx"] as { bytes: Uint8Array }).bytes);
    expect(read.notes).toContain("The file has 4 other sheets (“Workings 1”, “Workings 2”, “Workings 3”, “Workings 4”), not part of the form; they were not read.");
  }, 120_000);

  it("reads a value on a row numbered far past the others (the row limit counts rows present), and the measure-table import refuses it rather than drop it", async () => {
    const filled = await fillForm(form, { bidder: "Acme", entries: [{ ref: "ILL1", quantity: 3 }] });
    const quantity = String.fromCharCode(64 + COMMITMENT_COLUMNS.quantity);
    const ref = String.fromCharCode(64 + COMMITMENT_COLUMNS.ref);
    const far = `<row r="500000"><c r="${ref}500000" t="inlineStr"><is><t>ILL2</t></is></c><c r="${quantity}500000"><v>7</v></c></row>`;
    const sheet = partText(unzip(filled), "xl/worksheets/sheet2.xml").replace("</sheetData>", `${far}</sheetData>`);
    const bytes = withParts(filled, { "xl/worksheets/sheet2.xml": sheet });
    const read = await readOk("far.xlsx", bytes);
    expect(read.commitments.map((c) => [c.ref, c.quantity, c.formRow])).toEqual([
      ["ILL1", 3, expect.any(Number)],
      ["ILL2", 7, 500_000],
    ]);
    expect(await readTableFile("far.xlsx", bytes)).toEqual({ ok: false, message: expect.stringContaining('has a value on row 500,000 of sheet "Commitments", beyond the 100,000 rows read') });
  });
});

describe("safe values from hostile content", () => {
  const injections = ['=HYPERLINK("http://x","click")', "=cmd|' /C calc'!A0", "@SUM(A1)", "+1+1", "-2+3"];

  it("reads formula-like text in every input column as that exact text, with a note", async () => {
    const entries = ["ILL1", "ILL2", "ILL3", "ILL4", "ILL5"].map((ref, i) => {
      const t = injections[i] as string;
      return { ref, quantity: t, baseline: t, actions: t, verification: t };
    });
    const filled = await fillForm(form, {
      bidder: "=cmd|' /C calc'!A0",
      entries,
      answers: { "ILL-Q1": '=HYPERLINK("http://x","click")', "ILL-Q2": "@SUM(A1)" },
      offers: [injections, injections.slice().reverse()],
    });
    const read = await readOk("inject.xlsx", filled);
    expect(read.bidder).toBe("=cmd|' /C calc'!A0");
    expect(read.commitments.map((c) => [c.quantity, c.baseline, c.actions, c.verification])).toEqual(injections.map((t) => [t, t, t, t]));
    expect(read.answers.map((a) => a.answer)).toEqual(['=HYPERLINK("http://x","click")', "@SUM(A1)"]);
    expect(read.offers).toEqual([
      { recipient: injections[0], organisation: injections[1], offer: injections[2], hours: injections[3], value: injections[4] },
      { recipient: injections[4], organisation: injections[3], offer: injections[2], hours: injections[1], value: injections[0] },
    ]);
    expect(read.notes).toContain("33 cells start with =, +, - or @: read as plain text, and never turned into a formula.");
  });

  it("reads real formulas (a HYPERLINK, a DDE call) as their saved results only", async () => {
    const book = await openWorkbook(form);
    const sheet = book.getWorksheet(SHEETS.commitments) as ExcelJS.Worksheet;
    sheet.getCell(rowOfRef(book, "ILL1"), 8).value = { formula: 'HYPERLINK("http://x","click")', result: "click" };
    sheet.getCell(rowOfRef(book, "ILL2"), 6).value = { formula: "cmd|' /C calc'!A0", result: { error: "#REF!" } };
    const read = await readOk("formulas.xlsx", await saveWorkbook(book));
    expect(read.commitments.map((c) => [c.ref, c.quantity, c.actions])).toEqual([
      ["ILL1", null, "click"],
      ["ILL2", "#REF!", ""],
    ]);
  });

  it("reads hyperlinks as their text and rich text flattened", async () => {
    const filled = await fillForm(form, {
      entries: [
        { ref: "ILL1", actions: { text: "our plan", hyperlink: "http://evil.example/" } },
        { ref: "ILL2", verification: { richText: [{ text: "Payroll " }, { font: { bold: true }, text: "records" }] } },
      ],
    });
    const read = await readOk("links.xlsx", filled);
    expect(read.commitments.map((c) => [c.actions, c.verification])).toEqual([
      ["our plan", ""],
      ["", "Payroll records"],
    ]);
    expect(read.notes).toContain("1 link was read as its text; the addresses were ignored.");
  });

  it("keeps wrong types as values the validator can explain: text, dates, booleans, errors", async () => {
    const filled = await fillForm(form, {
      entries: [
        { ref: "ILL1", quantity: "twelve" },
        { ref: "ILL2", quantity: new Date(Date.UTC(2026, 2, 31)), numFmt: "dd/mm/yyyy" }, // as Excel formats a typed date
        { ref: "ILL3", quantity: true },
        { ref: "ILL4", quantity: { error: "#N/A" } },
      ],
    });
    const read = await readOk("types.xlsx", filled);
    expect(read.commitments.map((c) => c.quantity)).toEqual(["twelve", "2026-03-31", "TRUE", "#N/A"]);
  });

  it("cuts very long strings to the stated limits, with a note", async () => {
    const long = "x".repeat(100_000);
    const read = await readOk("long.xlsx", await fillForm(form, { bidder: long, entries: [{ ref: "ILL1", actions: long }], answers: { "ILL-Q1": long } }));
    expect(read.bidder).toHaveLength(1000);
    expect((read.commitments[0] as ReadForm["commitments"][number]).actions).toHaveLength(32_767);
    expect((read.answers[0] as ReadForm["answers"][number]).answer).toHaveLength(32_767);
    expect(read.notes).toEqual(expect.arrayContaining([expect.stringContaining("3 cells were too long and cut short")]));
  });

  it("ignores links to other workbooks, macros and embedded objects, and says so", async () => {
    const filled = await fillForm(form, { bidder: "Acme", entries: [{ ref: "ILL1", quantity: 3 }] });
    const parts = unzip(filled);
    const rels = partText(parts, "xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
    );
    const workbook = partText(parts, "xl/workbook.xml").replace("</workbook>", '<externalReferences><externalReference r:id="rIdX1"/></externalReferences></workbook>');
    const linked = withParts(filled, {
      "xl/_rels/workbook.xml.rels": rels,
      "xl/workbook.xml": workbook,
      "xl/externalLinks/externalLink1.xml":
        '<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"/></externalLink>',
      "xl/externalLinks/_rels/externalLink1.xml.rels":
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/secret/prices.xlsx" TargetMode="External"/></Relationships>',
      "xl/vbaProject.bin": text("not really a macro project"),
      "xl/embeddings/oleObject1.bin": text("not really an object"),
    });
    const read = await readOk("linked.xlsx", linked);
    expect(read.commitments.map((c) => [c.ref, c.quantity])).toEqual([["ILL1", 3]]);
    expect(read.notes).toEqual(
      expect.arrayContaining([
        "The file contains macros; they were ignored and never run.",
        "The file links to other workbooks; the links were ignored and nothing was fetched.",
        "The file contains embedded objects; they were ignored.",
      ]),
    );
  });
});

describe("readResponseForm never throws", () => {
  const settled = (result: FormReadResult): boolean => (result.ok ? Array.isArray(result.form.commitments) : typeof result.message === "string" && result.message.length > 20);

  it("on random bytes, with or without a zip signature", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, zipLike) => {
        if (zipLike && bytes.length >= 4) bytes.set([0x50, 0x4b, 0x03, 0x04]);
        expect(settled(await readResponseForm("random.xlsx", bytes))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("on random mutations and truncations of a valid form", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const bytes = form.slice(0, cut === undefined ? form.length : cut % form.length);
          for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
          expect(settled(await readResponseForm("mutated.xlsx", bytes, "T-2026-0042"))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
