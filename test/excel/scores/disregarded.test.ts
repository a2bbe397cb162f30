/**
 * SV Scores applies the tender's "both parts required" rule (DOMAIN.md: Torbay disregards a
 * response without a quantitative and a qualitative part) in its formulas, computed in the test Excel
 * host, and every figure agrees with core scoreBids given the same bids, marks and settings.
 */
import { aPlanInput, anEvaluationWorkbook, typeCommitments, typeIntoTable } from "../support";
import { aTender } from "../../support/scoringBuilders";
import { TABLES } from "../../../src/core/shared/layout";
import { readScores } from "../../../src/excel/scores/readScores";
import { ILLUSTRATIVE, measureTableFromFramework, scoreBids, type BidScore, type DisregardReason, type ScoringMethod } from "../../../src/core";

const CRITERIA = [
  { id: "Q1", question: "How will you deliver?" },
  { id: "Q2", question: "How will it be measured and verified?" },
];
const RATIONALE = "A named delivery lead and a quarterly plan for each commitment.";

const proxy = (ref: string): number => {
  const p = measureTableFromFramework(ILLUSTRATIVE).find((m) => m.ref === ref)?.proxy;
  if (p === undefined || p === null) throw new Error(`test set-up: ${ref} has no proxy`);
  return p;
};

interface Bid {
  bidder: string;
  /** Hours of ILL9 committed; 0 types no commitment row at all. */
  hours: number;
  /** Consensus marks by criterion. */
  marks: Record<string, number>;
}

/**
 * Three bids: Acme answers fully, Birch answers one question, and Cobalt offers the most £ but
 * has no answers, so when both parts are required it is disregarded and must not set the bar.
 */
const THREE_BIDS: readonly Bid[] = [
  { bidder: "Acme Care", hours: 100, marks: { Q1: 4, Q2: 3 } },
  { bidder: "Birch Homes", hours: 300, marks: { Q1: 2 } },
  { bidder: "Cobalt Services", hours: 500, marks: {} },
];

/** What the sheet's Disregarded column says for each set of reasons core gives. */
const REASON_TEXT: Readonly<Record<string, string>> = {
  "": "",
  "no-quantitative-part": "No commitments",
  "no-qualitative-part": "No answers",
  "no-quantitative-part,no-qualitative-part": "No commitments or answers",
};
const reasonText = (reasons: readonly DisregardReason[]): string => REASON_TEXT[reasons.join(",")] as string;

interface Scenario {
  method: ScoringMethod;
  requireBothParts: boolean;
  quantitativeShare?: number;
  bids?: readonly Bid[];
}

async function scoredInSheet(s: Scenario) {
  const bids = s.bids ?? THREE_BIDS;
  const settings = aTender({ method: s.method, requireBothParts: s.requireBothParts, quantitativeShare: s.quantitativeShare ?? 0.5 });
  const wb = await anEvaluationWorkbook([], aPlanInput({ settings, criteria: CRITERIA, bidders: bids.map((b) => b.bidder) }));
  const commitments = bids.filter((b) => b.hours > 0).map((b) => [b.bidder, "ILL9", "hours", b.hours]);
  if (commitments.length) await typeCommitments(wb.run, commitments);
  await typeIntoTable(
    wb.run,
    TABLES.consensus,
    bids.flatMap((b) =>
      CRITERIA.map((c) => {
        const mark = b.marks[c.id];
        return mark === undefined ? { Bidder: b.bidder, Criterion: c.id } : { Bidder: b.bidder, Criterion: c.id, Consensus: mark, Rationale: RATIONALE };
      }),
    ),
  );
  const table = wb.fake.inspect.table(TABLES.scores);
  if (!table) throw new Error("no SV_Scores");
  const rows = wb.fake.inspect.values(table.dataBodyAddress).map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r[i]])));

  const core = scoreBids(
    bids.map((b) => ({ bidder: b.bidder, total: b.hours * proxy("ILL9") })),
    bids.map((b) => ({ bidder: b.bidder, marks: b.marks })),
    settings,
    { criteria: CRITERIA },
  );
  if (!core.ok) throw new Error(`core refused the scenario: ${core.message}`);
  return { wb, rows, core: core.value };
}

function expectSheetToAgreeWithCore(rows: Record<string, unknown>[], core: readonly BidScore[]): void {
  expect(rows.map((r) => r.Bidder)).toEqual(core.map((b) => b.bidder));
  core.forEach((bid, i) => {
    const row = rows[i] as Record<string, unknown>;
    expect(row.Value).toBeCloseTo(bid.value, 9);
    expect(row.Quantitative).toBeCloseTo(bid.quantitative, 9);
    expect(row.Qualitative).toBeCloseTo(bid.qualitative, 9);
    expect(row.Score).toBeCloseTo(bid.score, 9);
    expect(row.Rank).toBe(bid.rank);
    expect(row.Disregarded).toBe(reasonText(bid.disregardReasons));
  });
}

describe("SV Scores when the tender requires both parts", () => {
  it("disregards the bid with no answers: it scores 0 and says why", async () => {
    const { rows, core } = await scoredInSheet({ method: "relative", requireBothParts: true });
    expect(core.map((b) => b.disregarded)).toEqual([false, false, true]);
    expect(rows.map((r) => [r.Bidder, r.Score, r.Disregarded])).toEqual([
      ["Acme Care", expect.any(Number), ""],
      ["Birch Homes", expect.any(Number), ""],
      ["Cobalt Services", 0, "No answers"],
    ]);
    expectSheetToAgreeWithCore(rows, core);
  });

  it("under the relative method the disregarded bid's £ does not set the bar: the best bid that counts earns every point", async () => {
    const { rows } = await scoredInSheet({ method: "relative", requireBothParts: true });
    // Birch Homes offers the most £ among the bids that count: all 5 quantitative points.
    expect(rows.find((r) => r.Bidder === "Birch Homes")?.Quantitative).toBe(5);
  });

  it("scores every bid, the one without answers included, when the tender does not require both parts", async () => {
    const { rows, core } = await scoredInSheet({ method: "relative", requireBothParts: false });
    expect(rows.map((r) => r.Disregarded)).toEqual(["", "", ""]);
    // Cobalt Services now offers the most £ and sets the bar.
    expect(rows.find((r) => r.Bidder === "Cobalt Services")?.Quantitative).toBe(5);
    expectSheetToAgreeWithCore(rows, core);
  });

  it("under the range method the lowest and highest that count set the scale", async () => {
    const { rows, core } = await scoredInSheet({ method: "range", requireBothParts: true });
    expect(rows.map((r) => r.Quantitative)).toEqual([0, 5, 0]);
    expectSheetToAgreeWithCore(rows, core);
  });

  it("under the target method a disregarded bid still scores 0", async () => {
    const { rows, core } = await scoredInSheet({ method: "target", requireBothParts: true });
    expectSheetToAgreeWithCore(rows, core);
  });

  it("disregards a bid with no commitments, and one with neither part, naming what is missing", async () => {
    const bids: Bid[] = [
      { bidder: "Acme Care", hours: 100, marks: { Q1: 4, Q2: 3 } },
      { bidder: "Dorset Care", hours: 0, marks: { Q1: 5, Q2: 5 } },
      { bidder: "Echo Ltd", hours: 0, marks: {} },
    ];
    const { rows, core } = await scoredInSheet({ method: "relative", requireBothParts: true, bids });
    expect(rows.map((r) => r.Disregarded)).toEqual(["", "No commitments", "No commitments or answers"]);
    expectSheetToAgreeWithCore(rows, core);
  });

  it("requires only the parts that carry points: with every point on the commitments, answers are not needed", async () => {
    const { rows, core } = await scoredInSheet({ method: "relative", requireBothParts: true, quantitativeShare: 1 });
    expect(rows.map((r) => r.Disregarded)).toEqual(["", "", ""]);
    expectSheetToAgreeWithCore(rows, core);
  });

  it("counts a mark of 0 as an answer", async () => {
    const bids: Bid[] = [
      { bidder: "Acme Care", hours: 100, marks: { Q1: 4 } },
      { bidder: "Birch Homes", hours: 300, marks: { Q2: 0 } },
    ];
    const { rows, core } = await scoredInSheet({ method: "relative", requireBothParts: true, bids });
    expect(rows.map((r) => r.Disregarded)).toEqual(["", ""]);
    expectSheetToAgreeWithCore(rows, core);
  });

  it("follows the setting when the panel changes it on SV Setup", async () => {
    const { wb, core } = await scoredInSheet({ method: "relative", requireBothParts: false });
    await wb.run(async (context) => {
      context.workbook.names.getItem("SV_RequireBothParts").getRange().values = [["Yes"]];
      await context.sync();
    });
    const table = wb.fake.inspect.table(TABLES.scores)!;
    const rows = wb.fake.inspect.values(table.dataBodyAddress).map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r[i]])));
    expect(core.some((b) => b.disregarded)).toBe(false);
    expect(rows.map((r) => r.Disregarded)).toEqual(["", "", "No answers"]);
    expect(rows.map((r) => r.Score)[2]).toBe(0);
  });

  it("the Scores page shows the sheet's verdict and the same figures as core", async () => {
    const { wb, core } = await scoredInSheet({ method: "relative", requireBothParts: true });
    const view = await readScores(wb.run);
    expect(view.bidders.map((b) => [b.bidder, b.disregarded])).toEqual([
      ["Acme Care", undefined],
      ["Birch Homes", undefined],
      ["Cobalt Services", "No answers"],
    ]);
    view.bidders.forEach((b, i) => {
      const c = core[i] as BidScore;
      expect(b.quantitative).toBeCloseTo(c.quantitative, 9);
      expect(b.qualitative).toBeCloseTo(c.qualitative, 9);
      expect(b.score).toBeCloseTo(c.score, 9);
      expect(b.rank).toBe(c.rank);
    });
  });
});
