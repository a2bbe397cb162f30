import { importForms } from "../../../src/excel/bids/importForms";
import { previewFormImport } from "../../../src/excel/bids/importPreview";
import { NoTenderIdError, readFormTender } from "../../../src/excel/bids/readFormTender";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import type { FormCommitment, ReadForm } from "../../../src/forms/types";
import type { ExcelHost } from "../../excelHost";
import { aPlanInput, anEvaluationWorkbook } from "../support";
import { fullwidth as wide } from "../../support/lookAlikes";

const TENDER = "T-123";

function aCommitment(ref: string, quantity: FormCommitment["quantity"], extra: Partial<FormCommitment> = {}): FormCommitment {
  return { formRow: 5, ref, unit: "hours", quantity, baseline: null, actions: "", verification: "Timesheets", ...extra };
}

function aForm(bidder: string, overrides: Partial<ReadForm> = {}): ReadForm {
  return {
    fileName: `${bidder}.xlsx`,
    tenderId: TENDER,
    formVersion: 1,
    bidder,
    commitments: [aCommitment("ILL9", 100), aCommitment("ILL10", 40, { baseline: 10, actions: "Staff volunteering days" })],
    answers: [{ criterion: "Q1", answer: `${bidder} will deliver locally.` }],
    offers: [{ recipient: "School", organisation: "Hillside Primary", offer: "Reading mentors", hours: 20, value: null }],
    notes: [],
    ...overrides,
  };
}

async function aWorkbook() {
  return anEvaluationWorkbook([], aPlanInput({ tenderId: TENDER }));
}

/** A table's body as records, by header. */
function rowsOf(fake: ExcelHost, table: string, columns: readonly string[]): Record<string, unknown>[] {
  const summary = fake.inspect.table(table);
  if (!summary) throw new Error(`no table ${table}`);
  const values = fake.inspect.values(summary.dataBodyAddress);
  return values.map((row) => Object.fromEntries(columns.map((c) => [c, row[summary.headers.indexOf(c)]])));
}

const COMMITMENT_INPUTS = ["Bidder", "Ref", "Unit", "Quantity", "Evidence", "Baseline", "Actions"] as const;
const commitments = (fake: ExcelHost) => rowsOf(fake, TABLES.commitments, COMMITMENT_INPUTS).filter((r) => r.Bidder !== "");

describe("importing returned response forms", () => {
  it("writes each bidder's commitments, answers and offers, and lists the bidders on SV Scores", async () => {
    const { fake, run } = await aWorkbook();
    const result = await importForms(run, [aForm("Acme Care"), aForm("Birch Homes")], []);

    expect(result.files.map((f) => [f.bidder, f.status, f.rows])).toEqual([
      ["Acme Care", "imported", { commitments: 2, answers: 1, offers: 1 }],
      ["Birch Homes", "imported", { commitments: 2, answers: 1, offers: 1 }],
    ]);
    expect(commitments(fake)).toEqual([
      { Bidder: "Acme Care", Ref: "ILL9", Unit: "hours", Quantity: 100, Evidence: "Timesheets", Baseline: "", Actions: "" },
      { Bidder: "Acme Care", Ref: "ILL10", Unit: "hours", Quantity: 40, Evidence: "Timesheets", Baseline: 10, Actions: "Staff volunteering days" },
      { Bidder: "Birch Homes", Ref: "ILL9", Unit: "hours", Quantity: 100, Evidence: "Timesheets", Baseline: "", Actions: "" },
      { Bidder: "Birch Homes", Ref: "ILL10", Unit: "hours", Quantity: 40, Evidence: "Timesheets", Baseline: 10, Actions: "Staff volunteering days" },
    ]);
    expect(rowsOf(fake, TABLES.answers, ["Bidder", "Criterion", "Answer"])).toEqual([
      { Bidder: "Acme Care", Criterion: "Q1", Answer: "Acme Care will deliver locally." },
      { Bidder: "Birch Homes", Criterion: "Q1", Answer: "Birch Homes will deliver locally." },
    ]);
    expect(rowsOf(fake, TABLES.offers, ["Bidder", "Organisation", "Hours"])).toEqual([
      { Bidder: "Acme Care", Organisation: "Hillside Primary", Hours: 20 },
      { Bidder: "Birch Homes", Organisation: "Hillside Primary", Hours: 20 },
    ]);
    // The score formulas fill the new rows: each bidder's value is computed from their commitments.
    const scores = rowsOf(fake, TABLES.scores, ["Bidder", "Value"]);
    expect(scores.map((s) => s.Bidder)).toEqual(["Acme Care", "Birch Homes"]);
    expect(scores[0]?.Value).toBeGreaterThan(0);
    expect(fake.stats.tableRowAddCalls).toBe(0);
  });

  it("costs the same few requests for 20 forms as for 2", async () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => aForm(`Bidder ${i}`, { commitments: Array.from({ length: 50 }, (_, j) => aCommitment(j % 2 ? "ILL9" : "ILL10", j)) }));
    const small = await aWorkbook();
    await importForms(small.run, many(2), []);
    const large = await aWorkbook();
    await importForms(large.run, many(20), []);
    expect(commitments(large.fake)).toHaveLength(1000);
    expect(large.fake.stats.syncCalls).toBe(small.fake.stats.syncCalls);
    expect(large.fake.stats.syncCalls).toBeLessThanOrEqual(5);
  });

  it("writes text that looks like a formula as text, never as a formula", async () => {
    const { fake, run } = await aWorkbook();
    const hostile = aForm("=HYPERLINK(\"http://evil\",\"Acme\")", {
      commitments: [aCommitment("ILL9", "=1+1", { actions: "@SUM(1,2)", verification: "=cmd|' /C calc'!A0", baseline: "+44" })],
      answers: [{ criterion: "Q1", answer: "-2+3" }],
    });
    const result = await importForms(run, [hostile], []);
    expect(result.files[0]?.status).toBe("imported");
    const [row] = commitments(fake);
    // A formula would show its result (2, "Acme", 3, a #REF!); text shows itself.
    expect(row).toMatchObject({ Bidder: "=HYPERLINK(\"http://evil\",\"Acme\")", Quantity: "=1+1", Evidence: "=cmd|' /C calc'!A0", Actions: "@SUM(1,2)", Baseline: "+44" });
    expect(rowsOf(fake, TABLES.answers, ["Answer"])[0]?.Answer).toBe("-2+3");
    // and the validator reports the text quantity for this bidder
    expect(result.files[0]?.findings.some((f) => f.column === "Quantity")).toBe(true);
  });

  it("refuses a bidder who already has rows unless replacing them was confirmed, changing nothing", async () => {
    const { fake, run } = await aWorkbook();
    await importForms(run, [aForm("Acme Care"), aForm("Birch Homes")], []);
    const before = fake.inspect.values(fake.inspect.table(TABLES.commitments)!.dataBodyAddress);
    const answersBefore = rowsOf(fake, TABLES.answers, ["Bidder", "Answer"]);

    const again = await importForms(run, [aForm(" acme care ", { commitments: [aCommitment("ILL9", 999)] })], []);

    expect(again.files[0]?.status).toBe("refused");
    expect(again.files[0]?.message).toMatch(/already has 2 commitments, 1 answer, 1 community offer/);
    expect(fake.inspect.values(fake.inspect.table(TABLES.commitments)!.dataBodyAddress)).toEqual(before);
    expect(rowsOf(fake, TABLES.answers, ["Bidder", "Answer"])).toEqual(answersBefore);
  });

  it("replaces only the confirmed bidder's rows: nothing duplicated, other bidders untouched", async () => {
    const { fake, run } = await aWorkbook();
    await importForms(run, [aForm("Acme Care"), aForm("Birch Homes")], []);
    const birchBefore = commitments(fake).filter((r) => r.Bidder === "Birch Homes");

    const again = await importForms(
      run,
      [aForm("ACME CARE", { commitments: [aCommitment("ILL9", 7)], answers: [{ criterion: "Q1", answer: "Revised answer" }], offers: [] })],
      ["Acme Care"]
    );

    expect(again.files[0]).toMatchObject({ status: "imported", rows: { commitments: 1, answers: 1, offers: 0 }, replaced: { commitments: 2, answers: 1, offers: 1 } });
    const rows = commitments(fake);
    expect(rows.filter((r) => r.Bidder === "Birch Homes")).toEqual(birchBefore);
    // One bidder, one name (#17): the rows keep the name the workbook (SV Scores) has for them.
    expect(rows.filter((r) => r.Bidder !== "Birch Homes")).toEqual([{ Bidder: "Acme Care", Ref: "ILL9", Unit: "hours", Quantity: 7, Evidence: "Timesheets", Baseline: "", Actions: "" }]);
    expect(rowsOf(fake, TABLES.answers, ["Bidder", "Answer"]).filter((r) => r.Bidder !== "")).toEqual([
      { Bidder: "Acme Care", Answer: "Revised answer" },
      { Bidder: "Birch Homes", Answer: "Birch Homes will deliver locally." },
    ]);
    expect(rowsOf(fake, TABLES.offers, ["Bidder"]).filter((r) => r.Bidder !== "")).toEqual([{ Bidder: "Birch Homes" }]);
    // SV Scores keeps one row per bidder.
    expect(rowsOf(fake, TABLES.scores, ["Bidder"]).filter((r) => r.Bidder !== "")).toHaveLength(2);
  });

  it("writes a bidder the workbook knows, and their refs, as the workbook has them however the form disguised them, so the sheet values the bid as the pane does", async () => {
    const plain = await aWorkbook();
    await importForms(plain.run, [aForm("Acme Care")], []);
    const { fake, run } = await aWorkbook();
    await importForms(run, [aForm("Acme Care", { commitments: [aCommitment("ILL9", 1)] })], []);
    const disguised = aForm(`\u200b${wide("Acme")}\u00a0\u00a0Care\ufeff`, {
      commitments: [aCommitment(`${wide("ILL")}\u200b9`, 100), aCommitment("\u00a0ill10\u00ad", 40, { baseline: 10, actions: "Staff volunteering days" })],
    });
    // The pane confirms replacing the bidder the preview names.
    const preview = await previewFormImport(run, [disguised]);
    expect(preview.bidders.map((b) => [b.reimport, b.inWorkbook.commitments])).toEqual([[true, 1]]);

    const result = await importForms(run, [disguised], preview.bidders.map((b) => b.bidder));

    expect(result.files[0]).toMatchObject({ status: "imported", bidder: "Acme Care", findings: [] });
    const sheetSide = (f: ExcelHost) => rowsOf(f, TABLES.commitments, ["Bidder", "Ref", "Quantity", "Value", "Check"]).filter((r) => r.Bidder !== "");
    expect(sheetSide(fake)).toEqual(sheetSide(plain.fake));
    const scores = (f: ExcelHost) => rowsOf(f, TABLES.scores, ["Bidder", "Value"]).filter((r) => r.Bidder !== "");
    expect(scores(fake)).toEqual(scores(plain.fake));
    expect(scores(fake)[0]?.Value).toBeGreaterThan(0);
  });

  it("re-uses emptied rows on the next import instead of growing the table", async () => {
    const { fake, run } = await aWorkbook();
    await importForms(run, [aForm("Acme Care"), aForm("Birch Homes")], []);
    await importForms(run, [aForm("Acme Care", { commitments: [] })], ["Acme Care"]);
    const size = fake.inspect.values(fake.inspect.table(TABLES.commitments)!.dataBodyAddress).length;
    await importForms(run, [aForm("Cedar Ltd")], []);
    expect(fake.inspect.values(fake.inspect.table(TABLES.commitments)!.dataBodyAddress)).toHaveLength(size);
    expect(commitments(fake).map((r) => r.Bidder)).toEqual(["Cedar Ltd", "Cedar Ltd", "Birch Homes", "Birch Homes"]);
  });

  it("imports none of several files for the same bidder, and says so", async () => {
    const { fake, run } = await aWorkbook();
    const result = await importForms(run, [aForm("Acme Care", { fileName: "a.xlsx" }), aForm("Birch Homes"), aForm("acme care", { fileName: "b.xlsx" })], []);
    expect(result.files.map((f) => f.status)).toEqual(["refused", "imported", "refused"]);
    expect(result.files[0]?.message).toMatch(/a\.xlsx, b\.xlsx/);
    expect(commitments(fake).map((r) => r.Bidder)).toEqual(["Birch Homes", "Birch Homes"]);
  });

  it("refuses a form for another tender", async () => {
    const { fake, run } = await aWorkbook();
    const result = await importForms(run, [aForm("Acme Care", { tenderId: "OTHER" })], []);
    expect(result.files[0]).toMatchObject({ status: "refused", message: expect.stringMatching(/another tender/) });
    expect(commitments(fake)).toEqual([]);
  });

  it("reports the validator's findings on each bidder's own rows, at their sheet rows", async () => {
    const { run } = await aWorkbook();
    const result = await importForms(run, [aForm("Acme Care", { commitments: [aCommitment("ILL9", 5), aCommitment("NOPE1", 5)] }), aForm("Birch Homes")], []);
    const acme = result.files[0]!;
    expect(acme.findings.map((f) => [f.code, f.row, f.column])).toEqual([["SV103", 5, "Ref"]]);
    expect(acme.counts.error).toBe(1);
    expect(result.files[1]?.findings).toEqual([]);
  });

  it("refuses, writing nothing, when the table would have to grow over cells in use", async () => {
    const { fake, run } = await aWorkbook();
    const below = fake.inspect.table(TABLES.commitments)!.dataBodyAddress.replace(/^.*![A-Z]+\d+:[A-Z]+(\d+)$/, "$1");
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.commitments).getRange(`A${Number(below) + 1}`).values = [["my notes"]];
      await context.sync();
    });
    await expect(importForms(run, [aForm("Acme Care")], [])).rejects.toThrow(/cells below the table/);
    expect(commitments(fake)).toEqual([]);
    expect(rowsOf(fake, TABLES.answers, ["Bidder"]).filter((r) => r.Bidder !== "")).toEqual([]);
  });

  it("keeps text that Excel would turn into a number, a percentage or a boolean exactly as the bidder wrote it", async () => {
    const { fake, run } = await aWorkbook();
    const result = await importForms(run, [aForm("Acme Care", { commitments: [aCommitment("ILL9", "40%", { actions: "TRUE", verification: "007", baseline: "12" })] })], []);
    expect(result.files[0]?.status).toBe("imported");
    // Written as typed values, Excel would store 0.4, a boolean, 7 and 12: numbers nobody wrote.
    expect(commitments(fake)[0]).toMatchObject({ Quantity: "40%", Actions: "TRUE", Evidence: "007", Baseline: "12" });
  });

  it("never gives a new bidder a Scores row that still holds typed points", async () => {
    const { fake, run } = await aWorkbook();
    await importForms(run, [aForm("Acme Care")], []);
    // The evaluator clears Acme's name on SV Scores but leaves the price/quality points typed beside it.
    const scores = fake.inspect.table(TABLES.scores)!;
    const bidderCol = scores.headers.indexOf("Bidder");
    const pointsCol = scores.headers.indexOf("PriceQuality");
    const [sheetRef, firstCell] = scores.dataBodyAddress.split("!") as [string, string];
    const firstRow = Number(firstCell.replace(/^[A-Z]+(\d+):.*$/, "$1"));
    const col = (i: number) => String.fromCharCode(firstCell.charCodeAt(0) + i);
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetRef.replace(/^'|'$/g, ""));
      sheet.getRange(`${col(bidderCol)}${firstRow}`).values = [[""]];
      sheet.getRange(`${col(pointsCol)}${firstRow}`).values = [[62]];
      await context.sync();
    });

    await importForms(run, [aForm("Birch Homes")], ["Acme Care"]);

    const rows = rowsOf(fake, TABLES.scores, ["Bidder", "PriceQuality"]);
    expect(rows.find((r) => r.Bidder === "Birch Homes")?.PriceQuality).toBe("");
    expect(rows[0]).toEqual({ Bidder: "", PriceQuality: 62 });
  });

  it("splits a very large import (long answers in multi-byte text) into requests under Excel's 5 MB limit", async () => {
    const { fake, run } = await aWorkbook();
    // 20 bidders × 8 answers of 30,000 "€" (3 bytes each in UTF-8): about 14 MB of text.
    const long = (i: number) => `${i} ${"€".repeat(30_000)}`;
    const forms = Array.from({ length: 20 }, (_, b) =>
      aForm(`Bidder ${b}`, { answers: Array.from({ length: 8 }, (_, q) => ({ criterion: `Q${q + 1}`, answer: long(b * 8 + q) })) })
    );
    fake.resetStats();
    const result = await importForms(run, forms, []);
    expect(result.files.every((f) => f.status === "imported")).toBe(true);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    const answers = rowsOf(fake, TABLES.answers, ["Bidder", "Answer"]).filter((r) => r.Bidder !== "");
    expect(answers).toHaveLength(160);
    expect(answers.map((a) => a.Answer)).toEqual(Array.from({ length: 160 }, (_, i) => long(i)));
  });

  it("says when marks were given on the answers a re-import replaced, and keeps them", async () => {
    const { fake, run } = await aWorkbook();
    await importForms(run, [aForm("Acme Care"), aForm("Birch Homes")], []);
    const marks = fake.inspect.table(TABLES.marks)!;
    const [sheetRef, cells] = marks.dataBodyAddress.split("!") as [string, string];
    const start = cells.split(":")[0] as string;
    const row = (evaluator: string, bidder: string) => marks.headers.map((h) => ({ Evaluator: evaluator, Bidder: bidder, Criterion: "Q1", Mark: 3 })[h as "Bidder"] ?? "");
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetRef.replace(/^'|'$/g, ""));
      sheet.getRange(start).getResizedRange(0, marks.headers.length - 1).values = [row("Ann", " acme care ")];
      await context.sync();
    });

    const again = await importForms(run, [aForm("Acme Care", { answers: [{ criterion: "Q1", answer: "Revised" }] })], ["Acme Care"]);

    expect(again.files[0]?.status).toBe("imported");
    expect(again.files[0]?.message).toBe("Acme Care's written answers were replaced, but 1 mark on SV Marks was given on the earlier answers. They were kept: check them with the panel.");
    expect(fake.inspect.values(`${sheetRef}!${start}`)).toEqual([["Ann"]]);
  });

  it("previews who is new and who would be replaced, with the row counts", async () => {
    const { fake, run } = await aWorkbook();
    await importForms(run, [aForm("Acme Care")], []);
    fake.resetStats();
    const preview = await previewFormImport(run, [aForm("acme care", { commitments: [aCommitment("ILL9", 1)] }), aForm("Birch Homes"), aForm("Birch Homes", { fileName: "again.xlsx" })]);
    expect(preview.bidders).toEqual([
      { bidder: "acme care", fileNames: ["acme care.xlsx"], inWorkbook: { commitments: 2, answers: 1, offers: 1 }, inForm: { commitments: 1, answers: 1, offers: 1 }, reimport: true },
      { bidder: "Birch Homes", fileNames: ["Birch Homes.xlsx", "again.xlsx"], inWorkbook: { commitments: 0, answers: 0, offers: 0 }, inForm: { commitments: 2, answers: 1, offers: 1 }, reimport: false },
    ]);
    expect(preview.duplicates).toEqual([{ bidder: "Birch Homes", fileNames: ["Birch Homes.xlsx", "again.xlsx"] }]);
    expect(fake.stats.syncCalls).toBeLessThanOrEqual(2);
  });
});

describe("reading the tender a response form is built for", () => {
  it("gives the tender id, contract, framework, the measures in scope and the criteria", async () => {
    const { fake, run } = await anEvaluationWorkbook([], aPlanInput({ tenderId: TENDER }));
    // Take one measure out of scope, as an evaluator would on SV Measures.
    const measures = fake.inspect.table(TABLES.measures)!;
    const firstBodyRow = Number(measures.dataBodyAddress.replace(/^.*![A-Z]+(\d+):.*$/, "$1"));
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.measures).getRange(`H${firstBodyRow}`).values = [["No"]];
      await context.sync();
    });
    const all = aPlanInput().measures;
    const tender = await readFormTender(run);
    expect(tender.tenderId).toBe(TENDER);
    expect(tender.contractName).toBe(aPlanInput().settings.contractName);
    expect(tender.contractValue).toBe(aPlanInput().settings.contractValue);
    expect(tender.frameworkName).toBe(aPlanInput().frameworkName);
    expect(tender.measures.map((m) => m.ref)).toEqual(all.slice(1).map((m) => m.ref));
    expect(Array.isArray(tender.criteria)).toBe(true);
  });

  it("tells the user what to do when the workbook has no tender id", async () => {
    const { run } = await anEvaluationWorkbook([], aPlanInput({ tenderId: "" }));
    await expect(readFormTender(run)).rejects.toThrow(NoTenderIdError);
    await expect(readFormTender(run)).rejects.toThrow(/SV_TenderId/);
  });
});
