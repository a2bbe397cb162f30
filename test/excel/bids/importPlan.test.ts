/**
 * One bidder, one name (issue #17 point 3), through the import's planning: names that differ
 * only by spacing, invisible characters, compatibility forms or case are one bidder, and a ref
 * spelled that way is the framework's ref. What the plan writes is what the sheet's own formulas
 * compare, so it must be the workbook's spelling.
 */
import { acceptForms, planImport, type FileImportReport, type TableRows } from "../../../src/excel/bids/importPlan";
import type { FormCommitment, ReadForm } from "../../../src/forms/types";
import { bidderKey } from "../../../src/core";
import { fullwidth as wide, mathematicalBold as bold } from "../../support/lookAlikes";

const TENDER = "T-123";

/** The same bidder as "Acme Care", spelled as forms arrive, by class. */
const DISGUISES: [string, string][] = [
  ["no-break and thin spaces", "Acme\u00a0Care\u2009"],
  ["an ideographic space and spaces around", "  Acme\u3000Care "],
  ["several spaces", "Acme    Care"],
  ["a zero-width space", "Ac\u200bme Care"],
  ["a zero-width joiner and non-joiner", "\u200dAcme\u200c Care"],
  ["a byte order mark", "\ufeffAcme Care"],
  ["a soft hyphen", "Ac\u00adme Care"],
  ["a word joiner", "Acme\u2060 Care"],
  ["direction marks", "\u200eAcme Care\u202e\u202c"],
  ["fullwidth letters", wide("Acme Care")],
  ["mathematical bold letters", `${bold("Acme")} Care`],
  ["other capitals", "ACME care"],
];
const INVISIBLE_NAMES = ["\u200b", "\u00a0\u200d\ufeff", "\u2800", "\u3164", "\u00ad\u2060"];

function aCommitment(ref: string, quantity: number): FormCommitment {
  return { formRow: 5, ref, unit: "hours", quantity, baseline: null, actions: "", verification: "Timesheets" };
}

function aForm(bidder: string, overrides: Partial<ReadForm> = {}): ReadForm {
  return {
    fileName: `${bidder.trim() || "blank"}.xlsx`,
    tenderId: TENDER,
    formVersion: 1,
    bidder,
    commitments: [aCommitment("ILL9", 100)],
    answers: [{ criterion: "Q1", answer: "We will deliver locally." }],
    offers: [],
    notes: [],
    ...overrides,
  };
}

function aTable(name: string, headers: string[], rows: Record<string, unknown>[] = []): TableRows {
  return { name, headers, rows, belowEmpty: () => true };
}

function tablesWith(existing: { commitments?: Record<string, unknown>[]; scores?: Record<string, unknown>[] } = {}) {
  return {
    commitments: aTable("SV_Commitments", ["Bidder", "Ref", "Unit", "Quantity", "Evidence"], existing.commitments),
    answers: aTable("SV_Answers", ["Bidder", "Criterion", "Answer"]),
    scores: aTable("SV_Scores", ["Bidder", "Bid price"], existing.scores),
    measureRefs: ["ILL9", "ILL10", "ECC1"],
  };
}

function plan(forms: ReadForm[], existing: Parameters<typeof tablesWith>[0] = {}, replace: string[] = []) {
  const { accepted, reports } = acceptForms(forms, TENDER);
  const planned = planImport(tablesWith(existing), accepted, new Set(replace.map(bidderKey)), reports);
  const written = (table: string) => planned.tables.find((t) => t.state.name === table)?.plan.writes.map((w) => w.values) ?? [];
  return { reports: forms.map((f) => reports.get(f) as FileImportReport), written };
}

describe("planning an import: one bidder, one name", () => {
  it.each(DISGUISES)("refuses two files for the same bidder when one spells the name with %s", (_, disguise) => {
    const { reports, written } = plan([aForm("Acme Care", { fileName: "first.xlsx" }), aForm(disguise, { fileName: "second.xlsx" })]);
    expect(reports.map((r) => r.status)).toEqual(["refused", "refused"]);
    expect(reports[0]?.message).toMatch(/^2 of the chosen files are for Acme Care .*first\.xlsx, second\.xlsx/);
    expect(written("SV_Commitments")).toEqual([]);
  });

  it.each(DISGUISES)("matches a form whose name has %s to the bidder already in the workbook, asking before replacing", (_, disguise) => {
    const existing = { commitments: [{ Bidder: "Acme Care", Ref: "ILL9", Unit: "hours", Quantity: 5, Evidence: "" }], scores: [{ Bidder: "Acme Care", "Bid price": "" }] };
    const refused = plan([aForm(disguise)], existing);
    expect(refused.reports[0]).toMatchObject({ status: "refused", bidder: "Acme Care" });
    expect(refused.reports[0]?.message).toMatch(/already has 1 commitment in the workbook/);

    const replaced = plan([aForm(disguise)], existing, ["Acme Care"]);
    expect(replaced.reports[0]).toMatchObject({ status: "imported", bidder: "Acme Care", replaced: { commitments: 1 } });
    // Written as the workbook spells the bidder, so the sheet's formulas (which cannot see
    // these differences) find the rows under the same SV Scores row; no second Scores row.
    expect(replaced.written("SV_Commitments").map((r) => r.Bidder)).toEqual(["Acme Care"]);
    expect(replaced.written("SV_Answers").map((r) => r.Bidder)).toEqual(["Acme Care"]);
    expect(replaced.written("SV_Scores")).toEqual([]);
  });

  it("names the other spelling when refusing a bidder who already has rows", () => {
    const { reports } = plan([aForm(wide("Acme Care"))], { scores: [{ Bidder: "Acme Care", "Bid price": "" }], commitments: [{ Bidder: "Acme Care", Ref: "ILL9", Unit: "hours", Quantity: 5, Evidence: "" }] });
    expect(reports[0]?.message).toContain(`Acme Care (written “${wide("Acme Care")}” on this form) already has`);
  });

  it.each(INVISIBLE_NAMES.map((n) => [JSON.stringify(n), n]))("treats a name of invisible characters only (%s) as no name", (_, name) => {
    const { reports, written } = plan([aForm(name)]);
    expect(reports[0]?.status).toBe("refused");
    expect(reports[0]?.message).toMatch(/does not give the bidder's name/);
    expect(written("SV_Commitments")).toEqual([]);
  });

  it("writes a new bidder's name as written, less invisible characters and odd spaces, the same in every table", () => {
    const { reports, written } = plan([aForm("\ufeff Ac\u200bme\u00a0\u00a0Care\u200e ")]);
    expect(reports[0]).toMatchObject({ status: "imported", bidder: "Acme Care" });
    expect(written("SV_Commitments").map((r) => r.Bidder)).toEqual(["Acme Care"]);
    expect(written("SV_Answers").map((r) => r.Bidder)).toEqual(["Acme Care"]);
    expect(written("SV_Scores").map((r) => r.Bidder)).toEqual(["Acme Care"]);
  });

  it("keeps a bidder's fullwidth name as they wrote it when the workbook does not know them", () => {
    const { written } = plan([aForm(wide("Acme"))]);
    expect(written("SV_Scores").map((r) => r.Bidder)).toEqual([wide("Acme")]);
  });
});

describe("planning an import: one measure, one ref", () => {
  it.each([
    ["a zero-width space", "ILL\u200b9"],
    ["a byte order mark and no-break spaces", "\ufeff\u00a0ILL9\u00a0"],
    ["fullwidth letters and digits", wide("ILL9")],
    ["small letters and a soft hyphen", "ill\u00ad9"],
  ])("writes a ref spelled with %s as the framework's ref", (_, ref) => {
    const { written } = plan([aForm("Acme Care", { commitments: [aCommitment(ref, 100)] })]);
    expect(written("SV_Commitments").map((r) => r.Ref)).toEqual(["ILL9"]);
  });

  it("writes a ref that is no measure plainly, for the validator to report", () => {
    const { written } = plan([aForm("Acme Care", { commitments: [aCommitment(`${wide("XYZ")}\u200b7`, 1)] })]);
    expect(written("SV_Commitments").map((r) => r.Ref)).toEqual(["XYZ7"]);
  });
});
