import { formulaStatus, formulaUpdateLogRow, formulaUpdatePlan, keptTypedCells, normaliseFormula, TABLE_FORMULAS, DECISION_COLUMNS, type FormulaCheckInput, type TableFormulaRead } from "../../../src/core";
import { FORMULAS_BEFORE_16 } from "../../cases/olderWorkbook";

const SCORE_HEADERS = ["Bidder", ...Object.keys(TABLE_FORMULAS.scores), "PriceQuality"];

/** SV_Scores as read: each row's cells in SCORE_HEADERS order, with these formulas in place of today's. */
function scores(rows: readonly Readonly<Record<string, unknown>>[], headers: readonly string[] = SCORE_HEADERS): TableFormulaRead {
  const today = TABLE_FORMULAS.scores as Readonly<Record<string, string>>;
  return { headers, rows: 10, sampled: rows.map((over) => headers.map((h) => (h in over ? over[h] : (today[h] ?? "typed")))) };
}

function current(table: keyof typeof TABLE_FORMULAS): TableFormulaRead {
  const formulas = TABLE_FORMULAS[table] as Readonly<Record<string, string>>;
  const headers = ["Bidder", ...Object.keys(formulas)];
  return { headers, rows: 3, sampled: [headers.map((h) => formulas[h] ?? "Acme")] };
}

function aWorkbook(overrides: Partial<FormulaCheckInput> = {}): FormulaCheckInput {
  return {
    tables: { commitments: current("commitments"), scores: current("scores"), clarifications: current("clarifications"), consensus: current("consensus") },
    measureHeaders: ["Ref", "Unit", "Proxy", "Ceiling"],
    signed: undefined,
    ...overrides,
  };
}

describe("comparing a formula read back with today's", () => {
  it("ignores case, spaces, newer functions' file prefixes, an implicit-intersection @ and the long forms of a table's own references", () => {
    const ours = '=IF([@Held]<>"","Held: "&[@Held],COUNTIF([Score],">"&[@Score])+1)';
    const excel = '= if( SV_Scores[[#This Row],[Held]] <>"","Held: "&[@[Held]], @_xlfn.COUNTIF(SV_Scores[Score],">"&[@Score]) + 1)';
    expect(normaliseFormula(excel, "SV_Scores")).toBe(normaliseFormula(ours, "SV_Scores"));
  });

  it("keeps text inside quotes exactly: a changed message is a changed formula", () => {
    expect(normaliseFormula('=IF(A1,"Held: ","")', "SV_Scores")).not.toBe(normaliseFormula('=IF(A1,"held:  ","")', "SV_Scores"));
  });

  it("keeps another table's name: SV_Commitments[Value] is not this table's [Value]", () => {
    expect(normaliseFormula("=SUM(SV_Commitments[Value])", "SV_Scores")).not.toBe(normaliseFormula("=SUM([Value])", "SV_Scores"));
  });
});

describe("what is out of date", () => {
  it("nothing in a workbook of this version", () => {
    expect(formulaStatus(aWorkbook())).toEqual({ outOfDate: [], missingColumns: [], missingTables: [], signed: undefined, message: undefined });
  });

  it("nothing in a workbook without the evaluation", () => {
    expect(formulaStatus({ tables: {}, measureHeaders: undefined, signed: undefined }).message).toBeUndefined();
  });

  it("a column whose first row holds an earlier formula", () => {
    const status = formulaStatus(aWorkbook({ tables: { ...aWorkbook().tables, scores: scores([{ Rank: FORMULAS_BEFORE_16.scores.Rank }]) } }));
    expect(status.outOfDate).toEqual([{ table: "scores", header: "Rank", formula: TABLE_FORMULAS.scores.Rank }]);
    expect(status.message).toBe(
      "This workbook was made by an earlier version: 1 formula on SV Scores is out of date. Until the formulas are updated, the sheet and the pane may give different scores.",
    );
  });

  it("a column whose last row alone holds an earlier formula (rows written before, below rows written since)", () => {
    const status = formulaStatus(aWorkbook({ tables: { ...aWorkbook().tables, scores: scores([{}, { Score: FORMULAS_BEFORE_16.scores.Score }]) } }));
    expect(status.outOfDate.map((c) => c.header)).toEqual(["Score"]);
  });

  it("a column whose cells are empty (an add that never got its formula, rows added with Excel's fill option off)", () => {
    const status = formulaStatus(aWorkbook({ tables: { ...aWorkbook().tables, scores: scores([{}, { Held: "" }]) } }));
    expect(status.outOfDate.map((c) => c.header)).toEqual(["Held"]);
    expect(status.message).toMatch(/^Rows were added to this workbook without their formulas: 1 formula on SV Scores is out of date\./);
  });

  it("no column of a signed record, whose formulas sign-off turned into values", () => {
    const status = formulaStatus(aWorkbook({ tables: { ...aWorkbook().tables, scores: scores([{ Rank: 1, Held: "" }]) }, signed: { by: "Dee Lead", at: "2026-12-07" } }));
    expect([status.outOfDate, status.message]).toEqual([[], undefined]);
  });

  it("not a column whose sampled cell holds a typed value in place of a formula (Validate names those)", () => {
    expect(formulaStatus(aWorkbook({ tables: { ...aWorkbook().tables, scores: scores([{ Rank: 2 }]) } })).outOfDate).toEqual([]);
  });

  it("a calculated column, an input column and a table that an earlier version did not have", () => {
    const headers = SCORE_HEADERS.filter((h) => h !== "Held");
    const { clarifications: _, ...tables } = aWorkbook().tables;
    const status = formulaStatus(aWorkbook({ tables: { ...tables, scores: scores([{}], headers) }, measureHeaders: ["Ref", "Proxy"] }));
    expect(status.missingColumns).toEqual([
      { table: "SV_Scores", header: "Held" },
      { table: "SV_Measures", header: "Ceiling" },
    ]);
    expect(status.missingTables).toEqual(["SV_Clarifications"]);
    expect(status.message).toBe(
      "This workbook was made by an earlier version: 1 formula on SV Scores is out of date, SV Scores lacks its Held column, SV Measures lacks its Ceiling column and the sheet SV Clarifications is missing. Until the formulas are updated, the sheet and the pane may give different scores.",
    );
  });
});

describe("planning the update", () => {
  it("writes each out-of-date column and each missing calculated column whole, and adds what is missing", () => {
    const headers = SCORE_HEADERS.filter((h) => h !== "Held");
    const status = formulaStatus(aWorkbook({ tables: { ...aWorkbook().tables, scores: scores([{ Score: FORMULAS_BEFORE_16.scores.Score }], headers) }, measureHeaders: ["Ref"] }));
    const plan = formulaUpdatePlan(status);
    expect(plan).toEqual({
      ok: true,
      value: {
        addTables: [],
        addColumns: [
          { table: "SV_Scores", header: "Held" },
          { table: "SV_Measures", header: "Ceiling" },
        ],
        writes: [
          { table: "scores", header: "Score", formula: TABLE_FORMULAS.scores.Score },
          { table: "scores", header: "Held", formula: TABLE_FORMULAS.scores.Held },
        ],
        summary: "Updated 2 formulas to this version's: SV Scores (Score, Held); added Held on SV Scores and Ceiling on SV Measures. Nothing typed in was changed.",
      },
    });
  });

  it("is refused once the record is signed, saying why", () => {
    const { clarifications: _, ...tables } = aWorkbook().tables;
    const status = formulaStatus(aWorkbook({ tables, signed: { by: "Dee Lead", at: "2026-12-07" } }));
    const plan = formulaUpdatePlan(status);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.refusal).toMatch(/^The record was signed off by Dee Lead on 2026-12-07, so its formulas were not updated\. .*fingerprint covers those values/);
  });

  it("is refused when nothing is out of date", () => {
    expect(formulaUpdatePlan(formulaStatus(aWorkbook()))).toEqual({ ok: false, refusal: "Every formula in this workbook is already up to date: nothing was changed." });
  });

  it("says how many typed values were kept, and keeps the update as a line of SV Decisions", () => {
    expect(keptTypedCells(0)).toBe("");
    expect(keptTypedCells(2)).toBe(" 2 cells in those columns held a value typed over the formula and keep it: Validate lists them, to be cleared once checked.");
    const plan = { addTables: [], addColumns: [], writes: [], summary: "Updated 1 formula." };
    const row = formulaUpdateLogRow(plan, "2026-12-07T08:00:00.000Z");
    const byColumn = Object.fromEntries(DECISION_COLUMNS.map((c, i) => [c, row[i]]));
    expect(byColumn).toMatchObject({ Decision: "Formulas updated", Value: "Updated 1 formula.", DecidedAt: "2026-12-07T08:00:00.000Z" });
  });
});
