/**
 * The cells of a checked package read straight from its XML (workbookCells.ts), as Excel's
 * Range.values gives them: shared, rich and inline strings, numbers as saved (a date as its
 * serial), booleans, errors, formulas' saved results, blanks, and sheets' state and names.
 */
import { readWorkbookCells } from "../../src/forms/workbookCells";
import { writeZip } from "../../src/forms/zipPackage";

const utf8 = new TextEncoder();
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function aPackage(sheets: Record<string, string>, strings: string[], extra: { names?: string; states?: Record<string, string> } = {}): Uint8Array {
  const names = Object.keys(sheets);
  const workbook = `<workbook ${NS}><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"${extra.states?.[n] ? ` state="${extra.states[n]}"` : ""}/>`).join("")}</sheets>${extra.names ?? ""}</workbook>`;
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`;
  const shared = `<sst ${NS} count="${strings.length}">${strings.join("")}</sst>`;
  return writeZip([
    { name: "xl/workbook.xml", stored: utf8.encode(workbook) },
    { name: "xl/_rels/workbook.xml.rels", stored: utf8.encode(rels) },
    { name: "xl/sharedStrings.xml", stored: utf8.encode(shared) },
    ...names.map((n, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, stored: utf8.encode(`<worksheet ${NS}>${sheets[n]}</worksheet>`) })),
  ]);
}

describe("reading a checked package's cells", () => {
  it("gives each kind of cell as Range.values does", async () => {
    const pkg = aPackage(
      {
        Data:
          "<sheetData>" +
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> inline &amp; kept </t></is></c></row>' +
          '<row r="2"><c r="A2"><v>46112</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="str"><f>A1&amp;"x"</f><v>=text result</v></c><c r="E2"><f>1/3</f><v>0.33333333333333331</v></c></row>' +
          '<row r="4"><c r="B4" s="3"/></row>' +
          "</sheetData>",
      },
      ["<si><t>Plain\r\nline</t></si>", '<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> then plain</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>']
    );
    const wb = await readWorkbookCells(pkg);
    const sheet = wb.sheets[0]!;
    expect([1, 2, 3].map((c) => sheet.cell(1, c))).toEqual(["Plain\nline", "Bold then plain", " inline & kept "]);
    expect([1, 2, 3, 4, 5].map((c) => sheet.cell(2, c))).toEqual([46112, true, "#N/A", "=text result", 0.3333333333333333]);
    expect([sheet.cell(4, 2), sheet.cell(3, 1), sheet.rowCount]).toEqual(["", "", 4]);
  });

  it("undoes the file format's character escapes, as Excel does: a saved carriage return, and a literal _x sequence", async () => {
    const pkg = aPackage(
      { Data: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="str"><f>A1</f><v>Line_x000D_</v></c><c r="D1" t="inlineStr"><is><t>tab_x0009_here</t></is></c></row></sheetData>' },
      ["<si><t>Evidence:_x000D_\nsee page 4</t></si>", "<si><t>code _x005F_x0041_ stays</t></si>"]
    );
    const sheet = (await readWorkbookCells(pkg)).sheets[0]!;
    expect([1, 2, 3, 4].map((c) => sheet.cell(1, c))).toEqual(["Evidence:\r\nsee page 4", "code _x0041_ stays", "Line\r", "tab\there"]);
  });

  it("gives sheets in workbook order with their visibility and protection, and the workbook's names", async () => {
    const pkg = aPackage(
      { One: '<sheetData/><sheetProtection sheet="1" objects="1"/>', Two: "<sheetData/>", Three: "<sheetData/>" },
      [],
      { states: { Two: "hidden", Three: "veryHidden" }, names: "<definedNames><definedName name=\"SV_Name\">'One'!$B$4</definedName><definedName name=\"Local\" localSheetId=\"0\">One!$A$1</definedName></definedNames>" }
    );
    const wb = await readWorkbookCells(pkg);
    expect(wb.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
      ["One", "Visible", true],
      ["Two", "Hidden", false],
      ["Three", "VeryHidden", false],
    ]);
    expect([...wb.names]).toEqual([["sv_name", "'One'!$B$4"]]);
  });
});
