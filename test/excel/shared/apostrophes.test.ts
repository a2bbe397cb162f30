/**
 * Text the add-in writes reads back exactly as it was given, whether Excel strips the
 * apostrophe that marks text as text (as documented for typed input) or keeps it in a cell
 * formatted as Text (the host's apostrophe-kept profile: no one has shown which way Excel goes).
 * Nothing a bidder or an evaluator wrote ever becomes a formula, a number or a date.
 */
import { importForms } from "../../../src/excel/bids/importForms";
import { SHEETS, TABLES } from "../../../src/core/shared/layout";
import { ILLUSTRATIVE, measureTableFromFramework } from "../../../src/core";
import { applyMeasureUpdate, previewMeasureUpdate } from "../../../src/excel/setup/updateMeasures";
import { createReportActions } from "../../../src/excel/report/reportActions";
import type { ReadForm } from "../../../src/forms/types";
import type { ProfileName } from "../../excelHost";
import { aPlanInput, anEvaluationWorkbook, tableCells } from "../support";
import { allMarked, RATIONALES } from "../moderation/moderationSupport";

const PROFILES: readonly ProfileName[] = ["web", "apostrophe-kept"];

/** Texts Excel would read as something else if typed into a General cell. */
const TRICKY = ["=HYPERLINK(\"http://x\",\"y\")", "+44 1702 215000", "- weekly site visits", "@home", "'quoted", "1.10", "3/4", "2026-03-31", "40%", "TRUE"];

function aForm(bidder: string): ReadForm {
  return {
    fileName: `${bidder}.xlsx`,
    tenderId: "T-1",
    formVersion: 1,
    bidder,
    commitments: TRICKY.map((actions, i) => ({ formRow: 5 + i, ref: i % 2 ? "ILL9" : "ill4", unit: i % 2 ? "hours" : "weeks", quantity: 10 + i, baseline: null, actions, verification: `Evidence ${actions}` })),
    answers: [{ criterion: "Q1", answer: "- We will recruit locally.\n- We will report quarterly." }],
    offers: [{ recipient: "School", organisation: "=St Mary's", offer: "1.10 hours a week", hours: 20, value: null }],
    notes: [],
  };
}


describe.each(PROFILES)("text the add-in writes, on the %s profile", (profile) => {
  it("imported names, actions, evidence, answers and offers read back as the bidder wrote them and refs as SV Measures spells them, never as a formula", async () => {
    const { fake, run } = await anEvaluationWorkbook([], aPlanInput({ tenderId: "T-1" }), { profile });
    const result = await importForms(run, [aForm("=Acme Care"), aForm("1.10 Ltd")], []);
    expect(result.files.map((f) => f.status)).toEqual(["imported", "imported"]);
    // Where Excel keeps the apostrophe, text that could read as a formula keeps it too, and the
    // import report says so; every other text reads back exactly.
    const risky = (text: string): boolean => /^[=+\-@']/.test(text);
    const shown = (text: string): string => (profile === "apostrophe-kept" && risky(text) ? `'${text}` : text);
    const notes = result.files.flatMap((f) => f.notes).filter((n) => /keeps the apostrophe/.test(n));
    expect(notes).toHaveLength(profile === "apostrophe-kept" ? 1 : 0);

    const rows = tableCells(fake, TABLES.commitments, ["Bidder", "Ref", "Actions", "Evidence", "Check"]);
    // A Text (@) cell on the apostrophe-kept profile shows the guard before risky text; a General
    // cell (a row the table's formats did not reach, in this host) shows the text alone.
    const t = fake.inspect.table(TABLES.commitments)!;
    const firstRow = Number(/!\$?[A-Z]+\$?(\d+)/.exec(t.dataBodyAddress)![1]);
    const asShown = (header: string, i: number, text: string): string =>
      fake.inspect.format(`'${SHEETS.commitments}'!${String.fromCharCode(65 + t.headers.indexOf(header))}${firstRow + i}`).numberFormat === "@" ? shown(text) : text;
    expect(rows.map((r) => r.Bidder?.value)).toEqual([...TRICKY.map(() => "=Acme Care"), ...TRICKY.map(() => "1.10 Ltd")].map((text, i) => asShown("Bidder", i, text)));
    expect(rows.map((r) => r.Actions?.value)).toEqual([...TRICKY, ...TRICKY].map((text, i) => asShown("Actions", i, text)));
    expect(rows.map((r) => r.Evidence?.value)).toEqual([...TRICKY, ...TRICKY].map((t) => `Evidence ${t}`));
    // A ref is written as SV Measures spells it (the bidder's "ill4" is ILL4), so the sheet's lookups agree with the pane (#17 point 3).
    expect(rows.map((r) => r.Ref?.value)).toEqual([...TRICKY, ...TRICKY].map((_, i) => (i % 2 ? "ILL9" : "ILL4")));
    // Refs match their measures: the Check column says OK on every row.
    expect(rows.map((r) => r.Check?.value)).toEqual(rows.map(() => "OK"));
    // Nothing written became a formula.
    for (const r of rows) for (const h of ["Bidder", "Ref", "Actions", "Evidence"]) expect(String(r[h]?.formula)).toBe(String(r[h]?.value));

    // Elsewhere: the text, or (risky text, apostrophe-kept profile) the text behind its guard.
    const either = (text: string) => expect.stringMatching(new RegExp(`^${profile === "apostrophe-kept" && risky(text) ? "'?" : ""}${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    const answer = "- We will recruit locally.\n- We will report quarterly.";
    expect(tableCells(fake, TABLES.answers, ["Answer"]).map((a) => a.Answer?.value)).toEqual([either(answer), either(answer)]);
    const offers = tableCells(fake, TABLES.offers, ["Organisation", "Offer"]);
    expect(offers.map((o) => [o.Organisation?.value, o.Offer?.value])).toEqual([
      [either("=St Mary's"), "1.10 hours a week"],
      [either("=St Mary's"), "1.10 hours a week"],
    ]);
    expect(tableCells(fake, TABLES.scores, ["Bidder"]).map((s) => s.Bidder?.value)).toEqual([either("=Acme Care"), "1.10 Ltd"]);
  });

  it("a rationale starting with '-' is recorded as written, or guarded where Excel keeps the apostrophe", async () => {
    const { fake, actions } = await allMarked({ hostOptions: { profile } });
    await actions.openModeration();
    const rationale = `- ${RATIONALES["Acme Ltd|Q1"]}`;
    const result = await actions.recordConsensus({ bidder: "Acme Ltd", criterion: "Q1", mark: 4, rationale, agreedBy: ["Ann", "Ben", "Cat"] });
    expect(result.ok).toBe(true);
    const row = tableCells(fake, TABLES.consensus, ["Bidder", "Criterion", "Rationale"]).find((r) => r.Bidder?.value === "Acme Ltd" && r.Criterion?.value === "Q1");
    // Where Excel keeps the apostrophe, a rationale starting with "-" keeps it rather than risk a formula.
    expect(row?.Rationale?.value).toBe(profile === "apostrophe-kept" ? `'${rationale}` : rationale);
  });
});

describe.each(PROFILES)("a measure table update on the %s profile", (profile) => {
  it("writes refs such as 1.10 and ECC10 as typed, into the table where it now starts (two rows lower)", async () => {
    const { fake, run } = await anEvaluationWorkbook([], aPlanInput(), { profile });
    // Someone inserted two rows above the table.
    fake.coauthor.insertRows(SHEETS.measures, 1, 2);
    const measures = measureTableFromFramework(ILLUSTRATIVE).map((m, i) => (i === 0 ? { ...m, ref: "1.10" } : i === 1 ? { ...m, ref: "-ECC10" } : m));
    await applyMeasureUpdate(run, await previewMeasureUpdate(run, measures));
    const rows = tableCells(fake, TABLES.measures, ["Ref", "Unit"]);
    // The update keeps the measures it does not list (ILL1 and ILL2, renamed here) after the rest.
    // "-ECC10" could read as a formula: where Excel keeps the apostrophe, it keeps its guard.
    const shown = (ref: string): string => (profile === "apostrophe-kept" && ref.startsWith("-") ? `'${ref}` : ref);
    expect(rows.map((r) => r.Ref?.value)).toEqual([...measures.map((m) => m.ref), "ILL1", "ILL2"].map(shown));
    expect(fake.inspect.table(TABLES.measures)?.dataBodyAddress).toMatch(/!A6:/);
  });
});

describe("the report and the register, written into General cells", () => {
  it("keep a ref such as 1.10 as text, not the number 1.1, and a bidder's name as written", async () => {
    const measures = measureTableFromFramework(ILLUSTRATIVE).map((m, i) => (i === 0 ? { ...m, ref: "1.10" } : m));
    const { fake, run } = await anEvaluationWorkbook([["3/4 Builders", "1.10", "FTE", 2, "Payroll"]], aPlanInput({ measures, bidders: ["3/4 Builders"] }));
    const actions = createReportActions(run, () => new Date(2026, 11, 6, 9, 0));
    await actions.buildReport();
    await actions.buildRegister("3/4 Builders");

    const register = tableCells(fake, TABLES.register, ["Bidder", "Ref"]);
    expect(register.map((r) => [r.Bidder?.value, r.Ref?.value])).toEqual([["3/4 Builders", "1.10"]]);
    const reportCells = fake.inspect.values(`'${SHEETS.report}'!${fake.inspect.sheet(SHEETS.report).usedRange}`).flat();
    expect(reportCells).toContain("3/4 Builders");
  });
});
