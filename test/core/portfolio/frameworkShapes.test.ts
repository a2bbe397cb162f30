/**
 * The seed frameworks do not all commit the way the illustrative set does (README, worked
 * examples): Southend's and the Government model's evaluations hold answers and no commitments;
 * Colchester's and Thurrock's commitments are record-only KPIs worth £0. A gather of each must
 * still give the contract, put no £ where there is none (never a division by a £0 value), and
 * leave the dashboard saying plainly why it has nothing to chart.
 */
import { buildDashboard, planGather, type GatheredEvaluation } from "../../../src/core";
import { aCommitment, aGathered } from "./builders";

const NOW = new Date(Date.UTC(2027, 5, 1, 12, 0));

describe("evaluations of frameworks that commit no £", () => {
  it("gathers an answers-only evaluation (Southend, the Government model) as a contract with no commitments", () => {
    const answersOnly: GatheredEvaluation = { ...aGathered({ tenderKey: "T-SOS" }), commitments: [], offers: [], socialValuePence: 0 };
    const plan = planGather({}, [answersOnly], [], { now: NOW });
    expect(plan.included).toEqual(["T-SOS.xlsx"]);
    expect(plan.tables.contracts.map((c) => [c.TenderKey, c.SocialValue])).toEqual([["T-SOS", 0]]);
    expect(plan.tables.commitments).toEqual([]);
    const dashboard = buildDashboard(plan.tables, NOW);
    expect(dashboard.withoutCommitments).toBe(1);
    expect(dashboard.blocks.themes.rows).toEqual([]);
    expect(dashboard.blocks.themes.empty).toBe("No commitments in the latest gathers, so no totals by theme.");
  });

  it("gathers record-only KPI commitments worth £0 (Colchester, Thurrock) with £0 values and their quantities", () => {
    const recordOnly: GatheredEvaluation = {
      ...aGathered({ tenderKey: "T-COL" }),
      commitments: [aCommitment({ ref: "COL-KPI1", unit: "%", committed: 40, committedPence: 0, kpi: "Local employment (share of workforce)", delivered: 25 })],
      socialValuePence: 0,
    };
    const plan = planGather({}, [recordOnly], [], { now: NOW });
    expect(plan.tables.commitments.map((c) => [c.Ref, c.Committed, c.CommittedValue, c.Delivered, c.DeliveredValue])).toEqual([["COL-KPI1", 40, 0, 25, 0]]);
    expect(plan.tables.totals.filter((t) => t.By === "Theme").map((t) => [t.Group, t.CommittedValue, t.DeliveredValue])).toEqual([["Jobs", 0, 0]]);
    const dashboard = buildDashboard(plan.tables, NOW);
    expect(dashboard.blocks.headline.rows[0]?.slice(2)).not.toContain(Number.NaN);
  });
});
