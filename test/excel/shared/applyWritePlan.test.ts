/**
 * Applying a write plan: the writes land where the plan says, text stays text, and a guard whose
 * row no longer holds its keys stops the request before anything of it is written.
 */
import { applyWritePlan } from "../../../src/excel/shared/applyWritePlan";
import { ChangedSinceReadError } from "../../../src/excel/shared/refusal";
import { emptyWritePlan, type KeyGuard, type WritePlan } from "../../../src/core/shared/writePlan";
import type { ExcelRun } from "../../../src/excel/shared/excelRun";
import { createExcelHost } from "../../excelHost";

const rows = [
  ["Evaluator", "Bidder", "Criterion", "Mark"],
  ["Ann", "Acme Ltd", "Q1", ""],
  ["Ann", "Birch Homes", "Q1", ""],
  ["Ben", "Acme Ltd", "Q1", ""],
];

function aSheet() {
  const host = createExcelHost({ sheets: { Marks: rows } });
  return { host, run: host.run as unknown as ExcelRun };
}

const guardOf = (row: number, evaluator: string, bidder: string, criterion = "Q1"): KeyGuard => ({
  sheet: "Marks",
  row,
  cells: [
    { column: 1, text: evaluator },
    { column: 2, text: bidder },
    { column: 3, text: criterion },
  ],
  describes: `${evaluator}'s mark for ${bidder}`,
});

function markPlan(marks: [row: number, evaluator: string, bidder: string, mark: unknown][]): WritePlan {
  const plan = emptyWritePlan();
  for (const [row, evaluator, bidder, mark] of marks) plan.writes.push({ sheet: "Marks", row, column: 4, values: [[mark]], guards: [guardOf(row, evaluator, bidder)] });
  return plan;
}

describe("applyWritePlan", () => {
  it("writes each block where the plan says, in one request", async () => {
    const { host, run } = aSheet();
    const result = await applyWritePlan(run, markPlan([[2, "Ann", "Acme Ltd", 4], [4, "Ben", "Acme Ltd", 3]]));
    expect(result).toEqual({ syncs: 1 });
    expect(host.inspect.values("Marks!D2:D4")).toEqual([[4], [""], [3]]);
  });

  it("writes text as text: a comment starting with = does not become a formula", async () => {
    const { host, run } = aSheet();
    await applyWritePlan(run, markPlan([[2, "Ann", "Acme Ltd", "=1+1"]]));
    expect(host.inspect.values("Marks!D2")).toEqual([["=1+1"]]);
  });

  it("refuses when a row no longer holds its keys, and writes nothing of that request (not even the rows still in place)", async () => {
    const { host, run } = aSheet();
    // Row 3 is read as Ann × Birch Homes; someone typed over it since.
    host.coauthor.type("Marks!B3", "Cedar Ltd");
    const plan = markPlan([[2, "Ann", "Acme Ltd", 4], [3, "Ann", "Birch Homes", 2]]);
    await expect(applyWritePlan(run, plan)).rejects.toThrow(new ChangedSinceReadError(
      "Marks changed while the add-in was working: row 3 no longer holds Ann's mark for Birch Homes (someone may have sorted, inserted or deleted rows). Nothing was written. Try again."
    ));
    expect(host.inspect.values("Marks!D2:D4")).toEqual([[""], [""], [""]]);
  });

  it("reads keys in any case, as refs and names compare everywhere", async () => {
    const { host, run } = aSheet();
    await applyWritePlan(run, markPlan([[2, "ANN", "acme ltd", 5]]));
    expect(host.inspect.values("Marks!D2")).toEqual([[5]]);
  });

  it("does not check a key holding * ? or ~ (Find may read them as wildcards); the row's other keys still are", async () => {
    const { host, run } = aSheet();
    host.coauthor.type("Marks!B2", "Acme*");
    await applyWritePlan(run, markPlan([[2, "Ann", "Acme*", 1]]));
    expect(host.inspect.values("Marks!D2")).toEqual([[1]]);
    await expect(applyWritePlan(run, markPlan([[2, "Ben", "Acme*", 1]]))).rejects.toThrow(ChangedSinceReadError);
  });

  it("splits a plan over the budget into requests, each carrying the guards of its own writes", async () => {
    const { host, run } = aSheet();
    host.resetStats();
    const plan = markPlan([[2, "Ann", "Acme Ltd", 4], [3, "Ann", "Birch Homes", 2], [4, "Ben", "Acme Ltd", 3]]);
    const result = await applyWritePlan(run, plan, { maxBytes: 3000 });
    expect(result.syncs).toBe(3);
    expect(host.inspect.values("Marks!D2:D4")).toEqual([[4], [2], [3]]);
  });

  it("never splits one row's writes across two requests", async () => {
    const { host, run } = aSheet();
    const plan = emptyWritePlan();
    for (const [row, evaluator, bidder] of [[2, "Ann", "Acme Ltd"], [3, "Ann", "Birch Homes"]] as const) {
      const guard = guardOf(row, evaluator, bidder);
      for (const column of [4, 5, 6]) plan.writes.push({ sheet: "Marks", row, column, values: [[`${evaluator} ${column}`]], guards: [guard] });
    }
    host.resetStats();
    // Room for one row's three writes and its guard, not for two rows.
    const result = await applyWritePlan(run, plan, { maxBytes: 5000 });
    expect(result.syncs).toBe(2);
    expect(host.inspect.values("Marks!D2:F3")).toEqual([["Ann 4", "Ann 5", "Ann 6"], ["Ann 4", "Ann 5", "Ann 6"]]);
  });

  it("adds workbook names last, after the writes, and does nothing for an empty plan", async () => {
    const { host, run } = aSheet();
    const plan = markPlan([[2, "Ann", "Acme Ltd", 4]]);
    plan.namesAdded.push({ name: "Started", formula: '="yes"', comment: "" });
    await applyWritePlan(run, plan);
    expect(host.inspect.names().map((n) => n.name)).toContain("Started");
    host.resetStats();
    expect(await applyWritePlan(run, emptyWritePlan())).toEqual({ syncs: 0 });
    expect(host.stats.requests).toBe(0);
  });
});
