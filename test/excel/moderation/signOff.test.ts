/**
 * Issue #8's proof, continued: the final review, sign-off freezing values and protecting the
 * sheets, the fingerprint verifying, and Verify naming every edit made afterwards.
 */
import { createHash } from "node:crypto";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { SIGNED_SHEETS } from "../../../src/core/moderation/signOffReview";
import { allAgreed, allMarked, COMMITMENTS, rowsOf } from "./moderationSupport";
import { typeIntoTable } from "../support";
import type { ExcelHost } from "../../excelHost";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import { createModerationActions as createModerationActionsFor } from "../../../src/excel/moderation/moderationActions";

function usedValues(fake: ExcelHost, sheet: string) {
  const used = fake.inspect.sheet(sheet).usedRange!;
  return { values: fake.inspect.values(`'${sheet}'!${used}`), formulas: fake.inspect.formulas(`'${sheet}'!${used}`) };
}

/** A user's edit after sign-off: unprotect the sheet, change one cell of a table row. */
async function editAsUser(run: ExcelRun, table: string, match: (row: Record<string, unknown>) => boolean, header: string, value: unknown, fake: ExcelHost): Promise<string> {
  const t = fake.inspect.table(table)!;
  const rows = rowsOf(fake, table);
  const index = rows.findIndex(match);
  if (index < 0) throw new Error("test set-up: no such row");
  const firstRow = Number(/!\$?[A-Z]+\$?(\d+)/.exec(t.dataBodyAddress)![1]);
  const address = `${String.fromCharCode(65 + t.headers.indexOf(header))}${firstRow + index}`;
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(t.sheet);
    sheet.protection.unprotect();
    sheet.getRange(address).values = [[value]];
    await context.sync();
  });
  return address;
}

describe("the final review", () => {
  it("lists what is still open: unagreed items, missing marks, commitments with errors", async () => {
    const { actions } = await allMarked({ commitments: [...COMMITMENTS, ["Birch Homes", "ILL99", "hours", 5]] });
    const review = await actions.reviewSignOff();
    expect(review.ready).toBe(false);
    const kinds = new Set(review.open.map((o) => o.kind));
    // The unknown measure also holds Birch Homes back on SV Scores: it has no score to sign.
    expect(kinds).toEqual(new Set(["moderation", "validation", "scores"]));
    expect(review.open.find((o) => o.kind === "scores")?.message).toMatch(/Birch Homes is held back \(SV103 on SV Commitments row 6\)/);
    expect(review.open.find((o) => o.kind === "moderation" && o.message.startsWith("Acme Ltd, Q1"))).toMatchObject({ sheet: SHEETS.moderation });
    expect(review.open.find((o) => o.kind === "validation")).toMatchObject({ sheet: SHEETS.commitments, address: "B6" });
    await expect(actions.signOff("Dee Lead")).rejects.toThrow(/cannot be signed yet/);
  });

  it("names a missing mark with its row on SV Marks", async () => {
    const wb = await allMarked();
    await wb.actions.saveMarks("Ben", [{ bidder: "Birch Homes", criterion: "Q2", mark: null, comment: "" }]);
    const review = await wb.actions.reviewSignOff();
    expect(review.open.find((o) => o.kind === "marks")).toMatchObject({ message: "Ben has not marked Birch Homes on Q2.", sheet: SHEETS.marks });
  });
});

/** The signed sheets this workbook has: SV Decisions comes with the first decision recorded. */
const signedSheetsIn = (fake: ExcelHost): string[] => SIGNED_SHEETS.filter((s) => fake.inspect.sheetNames().includes(s));

describe("signing off", () => {
  it("freezes every formula in the signed sheets to its value, protects them and stores the fingerprint", async () => {
    const { fake, actions } = await allAgreed();
    expect((await actions.reviewSignOff()).ready).toBe(true);
    const before = Object.fromEntries(signedSheetsIn(fake).map((s) => [s, usedValues(fake, s)]));
    expect(before[SHEETS.scores]!.formulas.flat().some((f) => String(f).startsWith("=TENDER."))).toBe(true);

    const result = await actions.signOff("Dee Lead");
    expect(result.sheets).toEqual(signedSheetsIn(fake));
    expect(result.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    for (const sheet of result.sheets) {
      const after = usedValues(fake, sheet);
      expect(after.formulas.flat().filter((f) => String(f).startsWith("="))).toEqual([]);
      expect(after.values).toEqual(before[sheet]!.values);
      expect(fake.inspect.sheet(sheet).protected).toBe(true);
    }
    // The scores people without the add-in see are numbers.
    const acme = rowsOf(fake, TABLES.scores).find((r) => r.Bidder === "Acme Ltd")!;
    expect(typeof acme.Score).toBe("number");
    expect(acme.Qualitative).toBeCloseTo((4 / 5) * 2.5 + (4 / 5) * 2.5, 9);

    const signOffSheet = fake.inspect.sheet(SHEETS.signOff);
    expect(signOffSheet.visibility).toBe("Visible");
    const shown = fake.inspect.values(`'${SHEETS.signOff}'!A1:B8`).map((r) => r.join("|"));
    expect(shown).toEqual(expect.arrayContaining(["Signed by|Dee Lead", `Fingerprint (SHA-256)|${result.fingerprint}`]));
    expect(fake.inspect.sheet(SHEETS.record).visibility).toBe("VeryHidden");

    // The fingerprint is the SHA-256 of the record stored in SV Record (any SHA-256 tool agrees).
    const count = Number(fake.inspect.value(`'${SHEETS.record}'!B5`));
    const chunks = fake.inspect.values(`'${SHEETS.record}'!B6:B${5 + count}`).map((r) => String(r[0]).slice(1));
    expect(createHash("sha256").update(chunks.join(""), "utf8").digest("hex")).toBe(result.fingerprint);

    expect(await actions.verify()).toMatchObject({ status: "intact", changes: [], fingerprint: result.fingerprint, currentFingerprint: result.fingerprint, signedBy: "Dee Lead" });
  });

  it("refuses to sign twice, and closes marking and moderation once signed", async () => {
    const { actions } = await allAgreed();
    await actions.signOff("Dee Lead");
    const review = await actions.reviewSignOff();
    expect(review).toMatchObject({ ready: false, alreadySigned: { signedBy: "Dee Lead" } });
    await expect(actions.signOff("Dee Lead")).rejects.toThrow(/already signed/);
    await expect(actions.saveMarks("Ann", [{ bidder: "Acme Ltd", criterion: "Q1", mark: 5, comment: "" }])).rejects.toThrow(/signed off/);
    expect((await actions.recordConsensus({ bidder: "Acme Ltd", criterion: "Q1", mark: 5, rationale: "x", agreedBy: ["Ann"] })).ok).toBe(false);
    expect((await actions.readMarking()).signedAt).toMatch(/^\d{4}-/);
  });

  it("says an unsigned workbook is unsigned", async () => {
    const { actions } = await allMarked();
    expect(await actions.verify()).toEqual({ status: "unsigned", changes: [] });
  });
});

describe("Verify after sign-off", () => {
  it("reports a changed mark with its sheet, cell and values before and after", async () => {
    const { fake, run, actions } = await allAgreed();
    await actions.signOff("Dee Lead");
    const address = await editAsUser(run, TABLES.marks, (r) => r.Evaluator === "Ann" && r.Bidder === "Acme Ltd" && r.Criterion === "Q1", "Mark", 4, fake);
    const result = await actions.verify();
    expect(result.status).toBe("changed");
    expect(result.changes).toEqual([{ sheet: SHEETS.marks, address, message: expect.stringMatching(/^SV Marks, row \d+ \(Ann, Acme Ltd, Q1\): Mark was 3, now 4\.$/), before: 3, after: 4 }]);
    expect(result.notes).toEqual([`${SHEETS.marks} is no longer protected.`]);
  });

  it("reports a changed rationale", async () => {
    const { fake, run, actions } = await allAgreed();
    await actions.signOff("Dee Lead");
    await editAsUser(run, TABLES.consensus, (r) => r.Bidder === "Birch Homes" && r.Criterion === "Q2", "Rationale", "Weak.", fake);
    const [change] = (await actions.verify()).changes;
    expect(change).toMatchObject({ sheet: SHEETS.moderation, after: "Weak." });
    expect(change?.message).toMatch(/^SV Moderation, row \d+ \(Birch Homes, Q2\): Rationale was “Measurement relies/);
  });

  it("reports a changed commitment quantity", async () => {
    const { fake, run, actions } = await allAgreed();
    await actions.signOff("Dee Lead");
    const address = await editAsUser(run, TABLES.commitments, (r) => r.Bidder === "Birch Homes", "Quantity", 800, fake);
    const result = await actions.verify();
    expect(result.changes).toEqual([{ sheet: SHEETS.commitments, address, message: expect.stringContaining("(Birch Homes, ILL9): Quantity was 80, now 800."), before: 80, after: 800 }]);
  });

  it("detects an edit to the stored record itself", async () => {
    const { run, actions } = await allAgreed();
    await actions.signOff("Dee Lead");
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEETS.record);
      sheet.protection.unprotect();
      const cell = sheet.getRange("B6").load("values");
      await context.sync();
      sheet.getRange("B6").values = [[String(cell.values[0]![0]).replace('"Acme Ltd"', '"Acme Ltf"')]];
      await context.sync();
    });
    const result = await actions.verify();
    expect(result.status).toBe("changed");
    expect(result.changes[0]).toMatchObject({ sheet: SHEETS.record, message: expect.stringContaining("was altered after sign-off") });
  });
});

describe("request counts", () => {
  const offers = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ Bidder: i % 2 ? "Acme Ltd" : "Birch Homes", Recipient: "School", Organisation: `School ${i}`, Offer: "Careers talks for year 10", Hours: 10 }));

  it.each([10, 500])("sign-off and Verify cost a small fixed number of requests with %i rows in a signed table", async (n) => {
    const { fake, run, actions } = await allAgreed();
    await typeIntoTable(run, TABLES.offers, offers(n));
    // Each Excel.run ends with one more request, in which Microsoft's client releases the
    // ranges it kept: counted here, as Excel receives it.
    fake.resetStats();
    await actions.reviewSignOff();
    expect(fake.stats.requests).toBeLessThanOrEqual(4);
    fake.resetStats();
    await actions.signOff("Dee Lead");
    // The review's read, then where the formulas are (two small requests), their values, the
    // writes, and Verify's read at once.
    expect(fake.stats.requests).toBeLessThanOrEqual(14);
    fake.resetStats();
    expect((await actions.verify()).status).toBe("intact");
    expect(fake.stats.requests).toBeLessThanOrEqual(4);
  });

  it.each([10, 500])("the review reads %i commitment rows in 3 requests (and one to release kept ranges)", async (n) => {
    const commitments = Array.from({ length: n }, (_, i) => [i % 2 === 0 ? "Acme Ltd" : "Birch Homes", `ILL${1 + (i % 14)}`, "", i % 7]);
    const { fake, actions } = await allMarked({ commitments });
    fake.resetStats();
    const review = await actions.reviewSignOff();
    expect(review.ready).toBe(false);
    expect(fake.stats.requests).toBeLessThanOrEqual(4);
  });
});

describe("long written answers", () => {
  it("are reviewed, signed and verified even where one read of them would pass Excel's response limit", async () => {
    // A 300 KB response limit stands for Excel's 5 MB: 40 answers of 10,000 characters are 400 KB.
    const { fake, run, actions } = await allAgreed({ hostOptions: { limits: { responsePayloadBytes: 300_000 } } });
    const answers = Array.from({ length: 40 }, (_, i) => ({ Bidder: i % 2 ? "Acme Ltd" : "Birch Homes", Criterion: i % 4 < 2 ? "Q1" : "Q2", Answer: `Answer ${i}: `.padEnd(10_000, "we will recruit locally and report quarterly; ") }));
    await typeIntoTable(run, TABLES.answers, answers);
    expect((await actions.reviewSignOff()).ready).toBe(true);
    await actions.signOff("Dee Lead");
    expect((await actions.verify()).status).toBe("intact");
    expect(rowsOf(fake, TABLES.answers).map((r) => r.Answer)).toEqual(answers.map((a) => a.Answer));
  });
});

describe("an edit made while sign-off is writing", () => {
  it("is found by the Verify sign-off runs at once: none when no one edited", async () => {
    const { run } = await allAgreed();
    expect((await createModerationActionsFor(run).signOff("Dee Lead")).changedDuringSignOff).toEqual([]);
  });

  it("a quantity typed between the read that is fingerprinted and the freeze is named", async () => {
    const { fake, run } = await allAgreed();
    let runs = 0;
    const raced: ExcelRun = (batch) => {
      // Run 1 reads the record; run 2 freezes it: the co-author types just before.
      if (++runs === 2) fake.coauthor.beforeNextRequest((co) => co.type(`'${SHEETS.commitments}'!E4`, 999));
      return run(batch);
    };
    const result = await createModerationActionsFor(raced).signOff("Dee Lead");
    expect(result.changedDuringSignOff.length).toBeGreaterThan(0);
    expect(result.changedDuringSignOff.map((c) => c.sheet)).toContain(SHEETS.commitments);
  });
});

describe("a sign-off that fails part-way", () => {
  it("does not touch a sign-off someone else recorded while this one was starting", async () => {
    const { fake, run } = await allAgreed();
    let runs = 0;
    const raced: ExcelRun = (batch) => {
      if (++runs === 2) fake.coauthor.beforeNextRequest((co) => co.addSheet(SHEETS.signOff, "Signed off by Eve Lead"));
      return run(batch);
    };
    const { createModerationActions } = await import("../../../src/excel/moderation/moderationActions");
    await expect(createModerationActions(raced).signOff("Dee Lead")).rejects.toThrow(/SV Sign-off appeared while sign-off was starting.*Nothing was changed/);
    expect(fake.inspect.values(`'${SHEETS.signOff}'!A1`)).toEqual([["Signed off by Eve Lead"]]);
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.record);
  });

  it("leaves nothing signed and nothing protected, says so, and completes when run again", async () => {
    const { fake, run, actions } = await allAgreed();
    const scoresBefore = usedValues(fake, SHEETS.scores).values;
    // Someone protects SV Scores with a password just before sign-off starts writing: the freeze
    // stops at that sheet, after some sheets' formulas were already replaced by their values.
    let runs = 0;
    const interrupted: ExcelRun = (batch) => {
      if (++runs === 2) fake.coauthor.beforeRequest(5, (co) => co.protectSheet(SHEETS.scores, "secret"));
      return run(batch);
    };
    const { createModerationActions } = await import("../../../src/excel/moderation/moderationActions");
    await expect(createModerationActions(interrupted).signOff("Dee Lead")).rejects.toThrow(
      /Sign-off stopped part-way.*Nothing was signed, but this could not be undone: SV Scores is still protected.*run Sign off again to finish/
    );
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.signOff);
    expect(fake.inspect.sheetNames()).not.toContain(SHEETS.record);
    expect(signedSheetsIn(fake).filter((s) => s !== SHEETS.scores && fake.inspect.sheet(s).protected)).toEqual([]);
    expect(usedValues(fake, SHEETS.scores).values).toEqual(scoresBefore);

    // The password's owner takes the protection off; Sign off runs again and completes.
    await run(async (context) => {
      context.workbook.worksheets.getItem(SHEETS.scores).protection.unprotect("secret");
      await context.sync();
    });
    await actions.signOff("Dee Lead");
    expect((await actions.verify()).status).toBe("intact");
    expect(usedValues(fake, SHEETS.scores).values).toEqual(scoresBefore);
  });
});

describe("sign-off and the panel's clarifications (issue #16 point 4)", () => {
  // 100,000 hours of ILL9 are worth more than the £1,000,000 contract: implausible (SV123).
  const IMPLAUSIBLE = [["Acme Ltd", "ILL9", "hours", 100_000], COMMITMENTS[1]!];
  const CAPPED = { Bidder: "Acme Ltd", Ref: "ILL9", Issue: "100,000 hours", Outcome: "Capped", CappedAt: 500, Reason: "The bidder confirmed 500 hours a year.", DecidedBy: "Dee Lead", DecidedAt: 46023 };

  it("is refused while an implausible commitment has no outcome, or one without its reason", async () => {
    const { run, actions } = await allAgreed({ commitments: IMPLAUSIBLE });
    const review = await actions.reviewSignOff();
    expect(review.open.find((o) => o.kind === "validation")?.message).toMatch(/^SV123 row 4: /);
    await typeIntoTable(run, TABLES.clarifications, [{ ...CAPPED, Reason: "" }]);
    const incomplete = await actions.reviewSignOff();
    expect(incomplete.open.map((o) => o.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Row 4 of SV Clarifications \(Acme Ltd, ILL9\): the outcome Capped is not recorded yet, because it lacks the reason\./)]));
    await expect(actions.signOff("Dee Lead")).rejects.toThrow(/cannot be signed yet/);
  });

  it("signs once the outcome is recorded, and Verify reports a clarification changed afterwards", async () => {
    const { fake, run, actions } = await allAgreed({ commitments: IMPLAUSIBLE });
    await typeIntoTable(run, TABLES.clarifications, [CAPPED]);
    expect((await actions.reviewSignOff()).open).toEqual([]);
    await actions.signOff("Dee Lead");
    const address = await editAsUser(run, TABLES.clarifications, (r) => r.Bidder === "Acme Ltd", "CappedAt", 5_000, fake);
    const result = await actions.verify();
    expect(result.status).toBe("changed");
    expect(result.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ sheet: SHEETS.clarifications, address, before: 500, after: 5_000, message: expect.stringContaining("(Acme Ltd, ILL9): CappedAt was 500, now 5000.") })]),
    );
  });
});
