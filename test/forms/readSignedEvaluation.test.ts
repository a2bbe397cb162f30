/**
 * Reading a signed evaluation workbook for the portfolio (issue #20): workbooks made through the
 * real journey (sign-off included) and saved as .xlsx, read back with the forms' guards, and
 * judged by the same verifyRecord as the pane's Verify.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { buildResponseForm } from "../../src/forms/buildResponseForm";
import { readResponseForm } from "../../src/forms/readResponseForm";
import { readSignedEvaluation } from "../../src/forms/readSignedEvaluation";
import { loadExcelJS } from "../../src/forms/excelJs";
import { SHEETS, TABLES } from "../../src/core/shared/layout";
import { verify } from "../../src/excel/moderation/verify";
import { MAX_SHEET_ROWS } from "../../src/forms/fileGuards";
import { archiveTricks, partText, tallSheetXml, unzip, withExtraSheets, withParts } from "./hostile/makeCorpus";
import { aFormTender } from "./formSupport";
import { aSignedTender, editAfterSignOff, enterOnRegister, serial, SIGNED_AT, xlsxOf, type SignedTender } from "./signedEvaluationSupport";

let signed: SignedTender;
let bytes: Uint8Array;
beforeAll(async () => {
  signed = await aSignedTender();
  bytes = await xlsxOf(signed.fake);
}, 60_000);

describe("a signed and intact workbook", () => {
  it("is intact, with the fingerprint sign-off stored and who signed when", async () => {
    const g = await readSignedEvaluation("care.xlsx", bytes);
    expect(g.verdict).toBe("intact");
    expect(g.signature).toEqual({ fingerprint: signed.fingerprint, signedBy: "Dee Lead", signedAt: SIGNED_AT.toISOString() });
    expect(g.message).toBe(`"care.xlsx" is signed and intact: the record signed off by Dee Lead on 31 March 2026 matches its fingerprint.`);
    expect(g.changedSheets).toEqual([]);
  });

  it("gives the tender as SV Setup holds it, in pence", async () => {
    const g = await readSignedEvaluation("care.xlsx", bytes);
    expect(g.tender).toMatchObject({ tenderKey: "T-2026-0101", tenderId: "T-2026-0101", contract: "Domiciliary care, north locality", contractValuePence: 100_000_000, category: "supplies-services" });
    expect(g.tender?.framework).toMatch(/^Illustrative/);
  });

  it("gives the winner's register: commitments with theme, unit, £ and KPI, and its community offers", async () => {
    const g = await readSignedEvaluation("care.xlsx", bytes);
    expect(g.supplier).toBe("Acme Ltd");
    expect(g.commitments.map((c) => [c.ref, c.theme, c.unit, c.committed, c.kpi, c.line])).toEqual([
      ["ILL1", "Jobs", "FTE", 6, "Local employment", 1],
      ["ILL7", "Growth", "£", 150000, "Local spend", 1],
      ["ILL9", expect.any(String), "hours", 120, "", 1],
      ["ILL12", expect.any(String), "tCO2e", 35, "Carbon saved", 1],
    ]);
    expect(g.commitments[0]).toMatchObject({ measure: "Local people employed on the contract", evidence: "Payroll postcodes each quarter", dueDate: null, delivered: null });
    // Value £ of the register is committed × proxy; held in pence.
    expect(g.commitments.every((c) => Number.isInteger(c.committedPence))).toBe(true);
    expect(g.offers.map((o) => [o.recipientType, o.organisation, o.hours, o.valuePence])).toEqual([
      ["School", "Northgate Primary", 40, 120_000],
      ["Charity", "Food Bank North", 24, 80_000],
    ]);
    expect(g.socialValuePence).toBeGreaterThan(0);
    expect(g.notes).toEqual([]);
  });

  it("takes each commitment's value from the signed SV Commitments, not from a register edited after sign-off, and says so", async () => {
    const signedValue = (await readSignedEvaluation("care.xlsx", bytes)).commitments.find((c) => c.ref === "ILL7")?.committedPence;
    const t = await aSignedTender();
    await enterOnRegister(t.run, { ILL7: { "Value £": 9_999_999 } });
    const g = await readSignedEvaluation("care.xlsx", await xlsxOf(t.fake));
    expect(g.verdict).toBe("intact");
    expect(g.commitments.find((c) => c.ref === "ILL7")?.committedPence).toBe(signedValue);
    expect(g.notes).toContainEqual(expect.stringMatching(/^SV Register is not part of the signed record, and it differs from SV Commitments: ILL7 is valued £9,999,999 on SV Register but £[\d,]+ on SV Commitments/));
  });

  it("reads Due date and Delivered typed on the register after sign-off, which leaves the record intact", async () => {
    const t = await aSignedTender();
    await enterOnRegister(t.run, { ILL1: { "Due date": serial(2027, 3, 31), Delivered: 2.5 }, ILL7: { "Due date": serial(2027, 9, 30) } });
    const g = await readSignedEvaluation("care.xlsx", await xlsxOf(t.fake));
    expect(g.verdict).toBe("intact");
    expect(g.commitments.map((c) => [c.ref, c.dueDate, c.delivered])).toEqual([
      ["ILL1", serial(2027, 3, 31), 2.5],
      ["ILL7", serial(2027, 9, 30), null],
      ["ILL9", null, null],
      ["ILL12", null, null],
    ]);
  });

  it("agrees with Verify in Excel on the same workbook", async () => {
    const inExcel = await verify(signed.run);
    const fromFile = await readSignedEvaluation("care.xlsx", bytes);
    expect(inExcel.status).toBe("intact");
    expect(fromFile.signature?.fingerprint).toBe(inExcel.fingerprint);
  });
});

describe("a workbook changed after sign-off", () => {
  it("is changed since sign-off, naming the sheet and the cell's values before and after", async () => {
    const t = await aSignedTender();
    await editAfterSignOff(t.run, TABLES.commitments, "Acme Ltd", "ILL7", "Quantity", 250000);
    const g = await readSignedEvaluation("care (edited).xlsx", await xlsxOf(t.fake));
    expect(g.verdict).toBe("changed");
    expect(g.changedSheets).toEqual([SHEETS.commitments]);
    expect(g.changes).toEqual([expect.stringMatching(/^SV Commitments, row \d+ \(Acme Ltd, ILL7\): Quantity was 150000, now 250000\.$/)]);
    expect(g.message).toMatch(/^"care \(edited\)\.xlsx" was changed after it was signed off by Dee Lead on .* \(SV Commitments\), so its figures are not the signed record: SV Commitments, row \d+ .* It is left out unless you accept it with a reason\.$/);
  });

  it("is changed when the stored record itself was edited", async () => {
    const t = await aSignedTender();
    await t.run(async (context) => {
      const record = context.workbook.worksheets.getItem(SHEETS.record);
      record.protection.unprotect();
      record.getRange("B1").values = [["0".repeat(64)]];
      await context.sync();
    });
    const g = await readSignedEvaluation("care.xlsx", await xlsxOf(t.fake));
    expect(g.verdict).toBe("changed");
    expect(g.changedSheets).toContain(SHEETS.record);
  });
});

describe("a workbook that is not a signed evaluation", () => {
  it("is not signed when the evaluation was never signed off", async () => {
    const t = await aSignedTender({ sign: false, register: false });
    const g = await readSignedEvaluation("draft.xlsx", await xlsxOf(t.fake));
    expect(g.verdict).toBe("unsigned");
    expect(g.signature).toBeUndefined();
    expect(g.message).toBe(`"draft.xlsx" is an evaluation workbook that has not been signed off, so its figures are not a final record. It is left out unless you accept it with a reason.`);
    // Still read, for a user who accepts it: without a register, the winner's signed commitments.
    expect(g.supplier).toBe("Acme Ltd");
    expect(g.commitments.map((c) => c.ref)).toEqual(["ILL1", "ILL7", "ILL9", "ILL12"]);
    expect(g.notes).toEqual([expect.stringMatching(/has no SV Register: Acme Ltd's signed commitments were gathered/)]);
  });

  it("names a returned response form as one, and leaves it out", async () => {
    const form = await buildResponseForm(aFormTender());
    const g = await readSignedEvaluation("Acme response.xlsx", form);
    expect(g.verdict).toBe("not-an-evaluation");
    expect(g.message).toBe(
      `"Acme response.xlsx" is not a social value evaluation workbook: it has none of the SV sheets, tables or settings. It looks like a bidder's response form: import it into its evaluation with Bids > Import response forms. It was left out.`
    );
  });

  it("leaves out any other workbook", async () => {
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").addRows([["Line", "£"], ["Grounds", 120000]]);
    const g = await readSignedEvaluation("budget.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(g).toMatchObject({ verdict: "not-an-evaluation", commitments: [], offers: [] });
    expect(g.message).toMatch(/^"budget\.xlsx" is not a social value evaluation workbook: it has none of the SV sheets, tables or settings\. It was left out\.$/);
  });
});

/** The part holding a sheet, by the sheet's name. */
function sheetPart(file: Uint8Array, sheet: string): string {
  const parts = unzip(file);
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(partText(parts, "xl/workbook.xml"))![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(partText(parts, "xl/_rels/workbook.xml.rels"))![1]!;
  return `xl/${target.replace(/^\/?xl\//, "")}`;
}

describe("a workbook of the council's own making around the evaluation", () => {
  it("is read whatever the size of a sheet of the user's own beside the SV sheets, with no note about it", async () => {
    const tall = withExtraSheets(bytes, [{ name: "Council notes", xml: tallSheetXml(MAX_SHEET_ROWS + 1_000) }]);
    const g = await readSignedEvaluation("care.xlsx", tall);
    expect(g.verdict).toBe("intact");
    expect(g.commitments.map((c) => c.ref)).toEqual(["ILL1", "ILL7", "ILL9", "ILL12"]);
    expect(g.notes.filter((n) => n.includes("Council notes"))).toEqual([]);
  });

  it("is refused when an SV sheet passes the limits, in a sentence naming the evaluation workbook, not a form", async () => {
    const g = await readSignedEvaluation("care.xlsx", withParts(bytes, { [sheetPart(bytes, SHEETS.scores)]: tallSheetXml(MAX_SHEET_ROWS + 1_000) }));
    expect(g).toMatchObject({ verdict: "refused", commitments: [] });
    expect(g.message).toBe(`"care.xlsx" has a sheet with more than 100,000 rows (the limit for one sheet). An evaluation workbook's SV sheets are far shorter: check it is the right file.`);
    expect(g.message).not.toMatch(/\bforms?\b/i);
  });
});

describe("a hostile file", () => {
  const HOSTILE = join(__dirname, "hostile");
  it.each(["zip-bomb-declared.xlsx", "encrypted.xlsx", "scan-renamed.xlsx", "letter-renamed.xlsx", "empty.xlsx", "old-format.xlsx"])(
    "refuses %s with the sentence a returned form gets, naming the evaluation workbook where it names the form",
    async (name) => {
      const file = new Uint8Array(readFileSync(join(HOSTILE, name)));
      const asForm = await readResponseForm(name, file, "T-2026-0101");
      if (asForm.ok) throw new Error("the form reader read it");
      const message = asForm.message.replace("no genuine form or measure table", "no genuine evaluation workbook");
      expect(await readSignedEvaluation(name, file)).toMatchObject({ verdict: "refused", message, commitments: [] });
      expect(message).not.toMatch(/\bform\b/);
    }
  );

  it("refuses every archive trick on a signed workbook, as a form would be", async () => {
    for (const [name, trick] of Object.entries(archiveTricks(bytes))) {
      const asForm = await readResponseForm(name, trick, "T-2026-0101");
      const g = await readSignedEvaluation(name, trick);
      expect([name, g.verdict]).toEqual([name, "refused"]);
      if (!asForm.ok) expect([name, g.message]).toEqual([name, asForm.message]);
    }
  }, 120_000);

  it("refuses a table definition that declares a document type, which Excel never writes", async () => {
    const table = unzip(bytes).find((p) => /^xl\/tables\/table\d+\.xml$/.test(p.name))!;
    const laughs = '<?xml version="1.0"?><!DOCTYPE table [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><table name="&b;" displayName="SV_Scores" ref="A1:B2"/>';
    const g = await readSignedEvaluation("care.xlsx", withParts(bytes, { [table.name]: laughs }));
    expect(g).toMatchObject({ verdict: "refused", message: `"care.xlsx" has a part (${table.name}) in a form Excel never writes, so it was not opened.` });
  });

  it("unpacks a table part once however many relationships name it, and refuses a file naming more tables than an evaluation could hold", async () => {
    const parts = unzip(bytes);
    const relsPart = parts.find((p) => /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(p.name) && new TextDecoder().decode(p.data).includes("/table\""))!;
    const relsXml = new TextDecoder().decode(relsPart.data);
    const target = /Target="([^"]*tables\/table\d+\.xml)"/.exec(relsXml)![1];
    const repeated = (n: number, distinct: boolean): string =>
      relsXml.replace("</Relationships>", Array.from({ length: n }, (_, i) => `<Relationship Id="rX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="${distinct ? `../tables/extra${i}.xml` : target}"/>`).join("") + "</Relationships>");
    const same = await readSignedEvaluation("care.xlsx", withParts(bytes, { [relsPart.name]: repeated(1_200, false) }));
    expect(same.verdict).toBe("intact");
    const many = await readSignedEvaluation("care.xlsx", withParts(bytes, { [relsPart.name]: repeated(300, true) }));
    expect(many).toMatchObject({ verdict: "refused", message: expect.stringMatching(/^"care\.xlsx" holds more than 200 tables, far more than an evaluation workbook/) });
  });

  it("refuses a table definition far larger than Excel writes", async () => {
    const table = unzip(bytes).find((p) => /^xl\/tables\/table\d+\.xml$/.test(p.name))!;
    const padded = new TextDecoder().decode(table.data).replace("<tableColumns", `<extLst>${" ".repeat(300_000)}</extLst><tableColumns`);
    const g = await readSignedEvaluation("care.xlsx", withParts(bytes, { [table.name]: padded }));
    expect(g).toMatchObject({ verdict: "refused", message: expect.stringMatching(/has a part \(xl\/tables\/table\d+\.xml\) that is damaged or far larger than Excel writes/) });
  });
});
