/**
 * The formulas of SV Moderation and SV Scores' Qualitative column, computed in the test Excel host:
 * the marks side by side, the spread and its flag, the mark that scores under each roll-up,
 * and the points it earns.
 */
import { aPlanInput, anEvaluationWorkbook, typeIntoTable } from "../support";
import { aTender } from "../../support/scoringBuilders";
import { SETTING_NAMES, TABLES } from "../../../src/core/shared/layout";
import type { RollUp } from "../../../src/core";

const CRITERIA = [
  { id: "Q1", question: "How will you deliver?" },
  { id: "Q2", question: "How will it be measured and verified?" },
];

async function aModeratedWorkbook(rollUp: RollUp, acmeQ1Consensus = 4) {
  // 10 points, half for the qualitative answers: 2.5 points per criterion (equal weights).
  const wb = await anEvaluationWorkbook([], aPlanInput({ settings: aTender({ rollUp }), criteria: CRITERIA, bidders: ["Acme Ltd", "Beta plc"] }));
  const marks = [
    ["Ann", "Acme Ltd", "Q1", 3],
    ["Ben", "Acme Ltd", "Q1", 5],
    ["Cat", "Acme Ltd", "Q1", 4],
    ["Ann", "Acme Ltd", "Q2", 4],
    ["Ben", "Acme Ltd", "Q2", 3],
    ["Cat", "Acme Ltd", "Q2", ""],
    ["Ann", "Beta plc", "Q1", 2],
    // A mark typed as text is not a mark: it must not count towards the average's divisor.
    ["Dan", "Beta plc", "Q1", "four"],
    ["Ben", "Beta plc", "Q1", 2],
    ["Cat", "Beta plc", "Q1", 2],
  ].map(([Evaluator, Bidder, Criterion, Mark]) => ({ Evaluator, Bidder, Criterion, Mark }));
  await typeIntoTable(wb.run, TABLES.marks, marks);
  await typeIntoTable(wb.run, TABLES.consensus, [
    { Bidder: "Acme Ltd", Criterion: "Q1", Consensus: acmeQ1Consensus, Rationale: "Clear delivery plan with named local partners and dates.", AgreedBy: "Ann, Ben, Cat" },
    { Bidder: "Acme Ltd", Criterion: "Q2" },
    { Bidder: "Beta plc", Criterion: "Q1", Consensus: 2, Rationale: "" },
  ]);
  return wb;
}

function rowsOf(wb: Awaited<ReturnType<typeof aModeratedWorkbook>>, table: string) {
  const t = wb.fake.inspect.table(table);
  if (!t) throw new Error(`no ${table}`);
  return wb.fake.inspect.values(t.dataBodyAddress).map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

describe("SV Moderation formulas", () => {
  it("show the marks side by side, the spread and a flag only above the threshold", async () => {
    const wb = await aModeratedWorkbook("consensus");
    const [acmeQ1, acmeQ2, betaQ1] = rowsOf(wb, TABLES.consensus);
    expect(acmeQ1).toMatchObject({ Marks: "Ann 3, Ben 5, Cat 4", Min: 3, Max: 5, Spread: 2, Flag: "Discuss" });
    // Spread 1 equals the threshold of 1: not flagged.
    expect(acmeQ2).toMatchObject({ Marks: "Ann 4, Ben 3", Min: 3, Max: 4, Spread: 1, Flag: "" });
    expect(betaQ1).toMatchObject({ Spread: 0, Flag: "" });
  });

  it("consensus roll-up: the agreed mark scores once it has a rationale", async () => {
    const wb = await aModeratedWorkbook("consensus");
    const [acmeQ1, acmeQ2, betaQ1] = rowsOf(wb, TABLES.consensus);
    expect(acmeQ1).toMatchObject({ Mark: 4, Points: 2, Status: "Closed" });
    expect(acmeQ2).toMatchObject({ Mark: "", Points: 0, Status: "Open" });
    // A consensus without a rationale is not closed (Lancashire Care v Lancashire CC).
    expect(betaQ1).toMatchObject({ Mark: 2, Status: "Open" });
    const scores = rowsOf(wb, TABLES.scores);
    expect(scores.find((s) => s.Bidder === "Acme Ltd")?.Qualitative).toBe(2);
  });

  it("average roll-up: the mean once every evaluator has marked", async () => {
    const wb = await aModeratedWorkbook("average");
    const [acmeQ1, acmeQ2, betaQ1] = rowsOf(wb, TABLES.consensus);
    expect(acmeQ1).toMatchObject({ Mark: 4, Points: 2, Status: "Closed" });
    // Cat has not marked Q2 yet: no mark.
    expect(acmeQ2).toMatchObject({ Mark: "", Status: "Open" });
    expect(betaQ1?.Mark).toBe(2);
    expect(betaQ1?.Points).toBeCloseTo(1, 10);
  });

  it.each(["average", "median"] as const)("%s roll-up: an item stays Open until the panel records its reason and who agreed (Bromcom)", async (rollUp) => {
    const wb = await aModeratedWorkbook(rollUp);
    const [acmeQ1, , betaQ1] = rowsOf(wb, TABLES.consensus);
    expect(acmeQ1).toMatchObject({ Mark: 4, Status: "Closed" });
    // Every evaluator marked 2, so there is a mark, but no reason is recorded.
    expect(betaQ1).toMatchObject({ Mark: 2, Status: "Open" });
  });

  it("a consensus with a rationale but no record of who agreed it stays Open", async () => {
    const wb = await aModeratedWorkbook("consensus");
    await wb.run(async (context) => {
      const table = context.workbook.tables.getItem(TABLES.consensus);
      table.columns.getItem("AgreedBy").getDataBodyRange().getCell(0, 0).values = [[""]];
      await context.sync();
    });
    expect(rowsOf(wb, TABLES.consensus)[0]).toMatchObject({ Mark: 4, Status: "Open" });
  });

  it("a blank roll-up on SV Setup scores the consensus, as the pane reads it", async () => {
    // The average of Ann 3, Ben 5 and Cat 4 is 4; the panel agreed 5.
    const wb = await aModeratedWorkbook("average", 5);
    await wb.run(async (context) => {
      context.workbook.names.getItem(SETTING_NAMES.rollUp).getRange().values = [[""]];
      await context.sync();
    });
    expect(rowsOf(wb, TABLES.consensus)[0]).toMatchObject({ Mark: 5, Status: "Closed" });
  });

  it("median roll-up: the middle mark", async () => {
    const wb = await aModeratedWorkbook("median");
    const [acmeQ1] = rowsOf(wb, TABLES.consensus);
    expect(acmeQ1).toMatchObject({ Mark: 4, Status: "Closed" });
  });
});
