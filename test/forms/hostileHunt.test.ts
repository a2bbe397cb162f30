/**
 * Hostile files of issue #17's classes that the first corpus did not have, each a genuine form
 * or measure table changed in code: markup ExcelJS reads otherwise than Excel (CDATA, namespace
 * prefixes, UTF-16 parts), rows and cells placed twice or past Excel's grid, workbook names and
 * number formats that cost ExcelJS billions of steps, and a decimal style guessed from codes.
 * Each is read as the bidder saw it or refused with a sentence, never changed without a word.
 */
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { applyMapping, proposeMapping, readTableFile } from "../../src/forms/measureTableImport";
import { readResponseForm } from "../../src/forms/readResponseForm";
import type { FormReadResult, ReadForm } from "../../src/forms/types";
import { aCouncilCsv, councilMeasures, utf8 } from "./csvSupport";
import { aFormTender, fillForm } from "./formSupport";
import { misplacedMarkup, partText, unzip, withParts } from "./hostile/makeCorpus";

const TENDER = "T-2026-0042";
const COMMITMENTS = "xl/worksheets/sheet2.xml";
const STRINGS = "xl/sharedStrings.xml";

/** The filled form: ILL1 (FTE) 12 in F2, ILL6 (%) 0.4 shown as 40% in F7. */
let filled: Uint8Array;
let blank: Uint8Array;
beforeAll(async () => {
  blank = await buildResponseForm(aFormTender());
  filled = await fillForm(blank, { bidder: "Acme Care Ltd", entries: [{ ref: "ILL1", quantity: 12 }, { ref: "ILL6", quantity: 0.4, numFmt: "0%" }] });
});

function ok(result: FormReadResult): ReadForm {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.form;
}

const read = (bytes: Uint8Array): Promise<FormReadResult> => readResponseForm("bid.xlsx", bytes, TENDER);
const quantities = (form: ReadForm): Record<string, unknown> => Object.fromEntries(form.commitments.map((c) => [c.ref, c.quantity]));
const part = (bytes: Uint8Array, name: string): string => partText(unzip(bytes), name);

/** The form with cell F2 of the Commitments sheet saved as `xml`. */
function withF2(bytes: Uint8Array, xml: string): Uint8Array {
  return withParts(bytes, { [COMMITMENTS]: part(bytes, COMMITMENTS).replace(/<c r="F2"[^>]*?(?:\/>|>.*?<\/c>)/, xml) });
}

/** The form with one more shared string, `inner` as saved inside its <si>, and F2 pointing to it. */
function withSharedF2(bytes: Uint8Array, inner: string): Uint8Array {
  const strings = part(bytes, STRINGS);
  const index = (strings.match(/<si>/g) ?? []).length;
  return withF2(withParts(bytes, { [STRINGS]: strings.replace("</sst>", `<si>${inner}</si></sst>`) }), `<c r="F2" t="s"><v>${index}</v></c>`);
}

describe("text ExcelJS would drop", () => {
  it.each([
    ["a shared string in CDATA", (b: Uint8Array) => withSharedF2(b, "<t><![CDATA[40]]></t>")],
    ["a shared string half in CDATA", (b: Uint8Array) => withSharedF2(b, "<t>4<![CDATA[0]]></t>")],
    ["an inline string in CDATA", (b: Uint8Array) => withF2(b, '<c r="F2" t="inlineStr"><is><t><![CDATA[40]]></t></is></c>')],
    ["a formula's text result in CDATA", (b: Uint8Array) => withF2(b, '<c r="F2" t="str"><f>"40"</f><v><![CDATA[40]]></v></c>')],
  ])("reads %s as the 40 Excel shows, not blank or 4", async (_, mutate) => {
    expect(quantities(ok(await read(mutate(filled))))).toMatchObject({ ILL1: 40 });
  });

  it("reads the bidder's name saved in CDATA", async () => {
    const strings = part(filled, STRINGS).replace("<t>Acme Care Ltd</t>", "<t><![CDATA[Acme Care Ltd]]></t>");
    expect(ok(await read(withParts(filled, { [STRINGS]: strings }))).bidder).toBe("Acme Care Ltd");
  });

  it("reads a cell whose elements carry the main namespace's prefix (x:c), and keeps every other row", async () => {
    const sheet = part(filled, COMMITMENTS)
      .replace("<worksheet ", '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ')
      .replace(/<c r="F2"[^>]*?>(.*?)<\/c>/, (_, inner: string) => `<x:c r="F2">${inner.replace(/<(\/?)v>/g, "<$1x:v>")}</x:c>`);
    expect(quantities(ok(await read(withParts(filled, { [COMMITMENTS]: sheet }))))).toEqual({ ILL1: 12, ILL6: 40 });
  });

  it("refuses a part that binds one prefix to two namespaces, saying so", async () => {
    const sheet = part(filled, COMMITMENTS)
      .replace("<worksheet ", '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ')
      .replace("<sheetData>", '<sheetData xmlns:x="urn:other">');
    expect(await read(withParts(filled, { [COMMITMENTS]: sheet }))).toMatchObject({ ok: false, message: expect.stringMatching(/binds one namespace prefix to two meanings/) });
  });
});

describe("rows and cells where Excel would not put them", () => {
  it("refuses a second row 2 rather than let it replace the first (a quantity lost)", async () => {
    const sheet = part(filled, COMMITMENTS).replace("</sheetData>", '<row r="2"><c r="G2"><v>999</v></c></row></sheetData>');
    expect(await read(withParts(filled, { [COMMITMENTS]: sheet }))).toMatchObject({ ok: false, refusal: "corrupt", message: expect.stringMatching(/sheet “Commitments” has two rows numbered 2/) });
  });

  it("refuses a second F2 rather than read the last (a quantity changed)", async () => {
    const sheet = part(filled, COMMITMENTS).replace(/(<c r="F2".*?<\/c>)/, '$1<c r="F2"><v>777</v></c>');
    expect(await read(withParts(filled, { [COMMITMENTS]: sheet }))).toMatchObject({ ok: false, message: expect.stringMatching(/two values for one cell \(F2 on row 2\)/) });
  });

  it("refuses a cell saved on another row than its address says", async () => {
    const sheet = part(filled, COMMITMENTS).replace('<c r="F2"', '<c r="F9"');
    expect(await read(withParts(filled, { [COMMITMENTS]: sheet }))).toMatchObject({ ok: false, message: expect.stringMatching(/has the cell F9 saved on row 2/) });
  });

  it("refuses a shared-text cell pointing at entry 1.9, which ExcelJS would read as entry 1", async () => {
    expect(await read(withF2(filled, '<c r="F2" t="s"><v>1.9</v></c>'))).toMatchObject({ ok: false, message: expect.stringMatching(/\(F2\) whose text is missing/) });
  });

  it("reads rows saved out of order, each on its own row", async () => {
    const sheet = part(filled, COMMITMENTS);
    const second = /<row r="2"[^>]*>.*?<\/row>/.exec(sheet)?.[0] as string;
    const moved = sheet.replace(second, "").replace("</sheetData>", `${second}</sheetData>`);
    expect(quantities(ok(await read(withParts(filled, { [COMMITMENTS]: moved }))))).toEqual({ ILL1: 12, ILL6: 40 });
  });
});

describe("parts in other encodings", () => {
  it("reads shared strings saved in UTF-16, as XML allows", async () => {
    const strings = part(filled, STRINGS).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = new Uint8Array(2 + strings.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < strings.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, strings.charCodeAt(i), true);
    expect(ok(await read(withParts(filled, { [STRINGS]: bytes }))).bidder).toBe("Acme Care Ltd");
  });

  it("names the encoding of a part saved as ISO-8859-1, never calling it nested too deep", async () => {
    const strings = part(filled, STRINGS).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const result = await read(withParts(filled, { [STRINGS]: Uint8Array.from([...strings].map((c) => c.charCodeAt(0) & 0xff)) }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/part \(xl\/sharedStrings.xml\) that is written in the character encoding “ISO-8859-1”/) });
  });

  it.each(["US-ASCII", "ascii", "UTF-16LE"])("reads a part declaring %s whose bytes are plain ASCII (or UTF-16 with its mark) as Excel would", async (encoding) => {
    const strings = part(filled, STRINGS).replace('encoding="UTF-8"', `encoding="${encoding}"`);
    const bytes = encoding === "UTF-16LE" ? Uint8Array.from([0xff, 0xfe, ...[...strings].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]) : new TextEncoder().encode(strings);
    expect(await read(withParts(filled, { [STRINGS]: bytes }))).toMatchObject({ ok: true });
  });
});

describe("a % measure whose format is longer than a person could type", () => {
  it("reads 0.4 shown through a 1,200-character % format as 40", async () => {
    const styles = part(filled, "xl/styles.xml").replace(/formatCode="0%"/, `formatCode="0%${"_)".repeat(600)}"`);
    const form = ok(await read(withParts(filled, { "xl/styles.xml": styles })));
    expect(quantities(form)).toMatchObject({ ILL6: 40 });
  });
});

describe("the files of misplacedMarkup (makeCorpus.ts), as the bench reads them", () => {
  let cases: ReturnType<typeof misplacedMarkup>;
  beforeAll(() => {
    cases = misplacedMarkup(blank);
  });
  it.each(["duplicate-row.xlsx", "duplicate-cell.xlsx", "row-past-the-grid.xlsx", "column-entry-a-billion-wide.xlsx", "name-over-whole-sheet.xlsx", "name-of-many-cells.xlsx", "format-of-millions.xlsx", "format-of-escapes.xlsx", "many-sheets-to-xfd.xlsx", "cdata-strings.xlsx", "prefixed-sheet.xlsx", "utf16-strings.xlsx", "latin1-strings.xlsx"])(
    "%s is read or refused as expected, by both readers",
    async (name) => {
      const file = cases[name];
      if (!file) throw new Error(`no case ${name}`);
      const form = await readResponseForm(name, file.bytes, TENDER);
      const table = await readTableFile(name, file.bytes);
      if (file.form === "read") expect(form).toMatchObject({ ok: true });
      else expect(form).toMatchObject({ ok: false, message: expect.stringMatching(file.form) });
      if (file.table === "read") expect(table).toMatchObject({ ok: true });
      else expect(table).toMatchObject({ ok: false, message: expect.stringMatching(file.table) });
    },
  );
});

describe("a measure table's decimal style", () => {
  it("asks about 20.000 in a semicolon file whose only dotted values elsewhere are theme codes, never reading 20", async () => {
    const measures = councilMeasures().filter((m) => (m.proxy ?? 0) >= 1000);
    const csv = aCouncilCsv(measures, { delimiter: ";", proxy: (v) => v.toLocaleString("de-DE"), extra: { Theme: (_, i) => `1.${i + 1}` } });
    const file = await readTableFile("measures.csv", utf8(csv));
    if (!file.ok) throw new Error(file.message);
    const grid = file.grids[0] as NonNullable<(typeof file.grids)[0]>;
    const { measures: read, problems } = applyMapping(grid, proposeMapping(grid).mapping);
    expect(read).toEqual([]);
    expect(problems[0]?.message).toMatch(/has the proxy 20\.000, which could be £20,000 or £20\.00/);
  });

  it("prints a negative proxy without exponent notation", async () => {
    const csv = aCouncilCsv(councilMeasures(), { proxy: (v) => (v === 20_000 ? "-0.0000001" : v === 5000 ? "-1000000000000000000000" : String(v)) });
    const file = await readTableFile("measures.csv", utf8(csv));
    if (!file.ok) throw new Error(file.message);
    const grid = file.grids[0] as NonNullable<(typeof file.grids)[0]>;
    const messages = applyMapping(grid, proposeMapping(grid).mapping).problems.map((p) => p.message);
    expect(messages.join("\n")).not.toMatch(/\de[-+]?\d|Infinity|NaN/);
    expect(messages[0]).toMatch(/negative proxy \(-0\.0000001\)/);
  });
});

describe("a bidder's name that shows nothing", () => {
  it.each([
    ["combining accents with no letter", "\u0301\u0308"],
    ["Egyptian hieroglyph format controls", "\u{13430}\u{13431}"],
    ["interlinear annotation marks", "\uFFF9\uFFFA\uFFFB"],
  ])("treats %s as no name", async (_, name) => {
    const form = ok(await read(await fillForm(blank, { bidder: name, entries: [{ ref: "ILL1", quantity: 12 }] })));
    expect(form.bidder).toBe("");
    expect(form.notes).toContainEqual(expect.stringMatching(/The bidder's name shows nothing/));
  });

  it("keeps a name whose accent sits on a letter", async () => {
    const form = ok(await read(await fillForm(blank, { bidder: "Cafe\u0301 Ltd", entries: [{ ref: "ILL1", quantity: 12 }] })));
    expect(form.bidder).toBe("Cafe\u0301 Ltd");
  });
});
