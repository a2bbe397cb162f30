import { buildDashboard, DASHBOARD_CHARTS, NO_CONTRACTS, type PortfolioRow, type PortfolioRows } from "../../../src/core";

/** 1 Dec 2026, as the dashboard's as-at date; its Excel serial is 46357. */
const AS_AT = new Date("2026-12-01T12:00:00Z");
const TODAY = 46357;

function aContract(tenderKey: string, overrides: PortfolioRow<"contracts"> = {}): PortfolioRow<"contracts"> {
  return { TenderKey: tenderKey, Contract: `Contract ${tenderKey}`, Supplier: "Acme Ltd", AwardYear: 2026, ...overrides };
}

/** A current commitment of £1,000 (10 units), nothing delivered, no due date. */
function aCommitment(tenderKey: string, ref: string, overrides: PortfolioRow<"commitments"> = {}): PortfolioRow<"commitments"> {
  return { CommitmentKey: `${tenderKey}|acme ltd|${ref}|1`, TenderKey: tenderKey, Ref: ref, Theme: "Jobs", Committed: 10, CommittedValue: 1000, DueDate: "", Delivered: "", DeliveredValue: "", InLatestGather: "Yes", ...overrides };
}

function anOffer(tenderKey: string, recipientType: string, overrides: PortfolioRow<"offers"> = {}): PortfolioRow<"offers"> {
  return { OfferKey: `${tenderKey}|acme ltd|${recipientType}|1`, TenderKey: tenderKey, RecipientType: recipientType, Hours: 10, Value: 250, InLatestGather: "Yes", ...overrides };
}

function aTotal(by: string, group: string, committed: number, delivered: number): PortfolioRow<"totals"> {
  return { TotalKey: `${by}|${group}`, By: by, Group: group, CommittedValue: committed, DeliveredValue: delivered };
}

function aPortfolio(rows: Partial<PortfolioRows> = {}): PortfolioRows {
  return { sources: [], contracts: [], commitments: [], offers: [], kpis: [], totals: [], ...rows };
}

const statusOf = (rows: PortfolioRows, key: string): string | undefined => buildDashboard(rows, AS_AT).progress.find((p) => p.tenderKey === key)?.status;

describe("buildDashboard", () => {
  it("an empty portfolio gives every block the no-contracts line and no rows, so no chart is drawn", () => {
    const d = buildDashboard(aPortfolio(), AS_AT);
    expect(d.hasContracts).toBe(false);
    for (const block of Object.values(d.blocks)) {
      expect(block.rows).toEqual([]);
      expect(block.empty).toBe(NO_CONTRACTS);
    }
  });

  it("takes committed and delivered by theme and by year from PF_Totals, years in order", () => {
    const rows = aPortfolio({
      contracts: [aContract("T-1")],
      commitments: [aCommitment("T-1", "ILL1")],
      totals: [aTotal("Theme", "Growth", 750, 0), aTotal("Theme", "Jobs", 1000.5, 200.25), aTotal("Supplier", "Acme Ltd", 1750.5, 200.25), aTotal("Year", "2026", 1000, 0), aTotal("Year", "2025", 750.5, 200.25)],
    });
    const d = buildDashboard(rows, AS_AT);
    expect(d.blocks.themes.rows).toEqual([
      ["Growth", 750, 0, 0],
      ["Jobs", 1000.5, 200.25, 200.25 / 1000.5],
    ]);
    expect(d.blocks.years.rows.map((r) => r.slice(0, 3))).toEqual([
      ["2025", 750.5, 200.25],
      ["2026", 1000, 0],
    ]);
    expect(d.blocks.themes.chart).toMatchObject({ name: DASHBOARD_CHARTS.themes, type: "ColumnClustered", columns: 3 });
  });

  it("a contract with a commitment past its due date and not fully delivered is behind", () => {
    const rows = aPortfolio({
      contracts: [aContract("T-1")],
      commitments: [aCommitment("T-1", "ILL1", { DueDate: TODAY - 1, Delivered: 9, DeliveredValue: 900 }), aCommitment("T-1", "ILL2", { Delivered: 10, DeliveredValue: 1000 })],
    });
    const d = buildDashboard(rows, AS_AT);
    expect(d.progress[0]).toMatchObject({ status: "Behind", behind: 1, committedPence: 200_000, duePence: 100_000, deliveredPence: 190_000 });
  });

  it("a commitment due on the as-at day itself is not yet behind, as the register's rule says", () => {
    const rows = aPortfolio({ contracts: [aContract("T-1")], commitments: [aCommitment("T-1", "ILL1", { DueDate: TODAY })] });
    expect(statusOf(rows, "T-1")).toBe("On track");
  });

  it("is ahead when nothing is behind and more £ is delivered than has fallen due", () => {
    const rows = aPortfolio({
      contracts: [aContract("T-1"), aContract("T-2")],
      commitments: [
        aCommitment("T-1", "ILL1", { DueDate: TODAY + 30, Delivered: 5, DeliveredValue: 500 }),
        aCommitment("T-2", "ILL1", { DueDate: TODAY - 30, Delivered: 10, DeliveredValue: 1000 }),
      ],
    });
    expect(statusOf(rows, "T-1")).toBe("Ahead");
    expect(statusOf(rows, "T-2")).toBe("On track");
  });

  it("works the rule out as at the dashboard's date, not the gather's RuleStatus", () => {
    const rows = aPortfolio({ contracts: [aContract("T-1")], commitments: [aCommitment("T-1", "ILL1", { DueDate: TODAY - 1, RuleStatus: "Not started" })] });
    expect(statusOf(rows, "T-1")).toBe("Behind");
  });

  it("counts contracts by status in a fixed order and lists the behind ones before the ahead ones", () => {
    const rows = aPortfolio({
      contracts: [aContract("A"), aContract("B"), aContract("C"), aContract("D")],
      commitments: [
        aCommitment("A", "X", { DueDate: TODAY + 10, Delivered: 1, DeliveredValue: 100 }),
        aCommitment("B", "X", { DueDate: TODAY - 10 }),
        aCommitment("C", "X"),
      ],
    });
    const d = buildDashboard(rows, AS_AT);
    expect(d.blocks.status.rows).toEqual([
      ["Behind", 1],
      ["On track", 1],
      ["Ahead", 1],
    ]);
    expect(d.blocks.contracts.rows.map((r) => [r[0], r[1]])).toEqual([
      ["Contract B", "Behind"],
      ["Contract A", "Ahead"],
    ]);
    expect(d.withoutCommitments).toBe(1);
    expect(d.blocks.status.note).toContain("1 contract has no current commitments");
  });

  it("leaves out commitments and offers the latest gather no longer lists", () => {
    const rows = aPortfolio({
      contracts: [aContract("T-1")],
      commitments: [aCommitment("T-1", "ILL1"), aCommitment("T-1", "OLD", { DueDate: TODAY - 5, InLatestGather: "No" })],
      offers: [anOffer("T-1", "School"), anOffer("T-1", "Charity", { InLatestGather: "No" })],
    });
    const d = buildDashboard(rows, AS_AT);
    expect(d.progress[0]?.status).toBe("On track");
    expect(d.blocks.headline.rows[0]?.slice(0, 3)).toEqual([1, 1, 1000]);
    expect(d.blocks.offers.rows).toEqual([["School", 1, 10, 250]]);
  });

  it("counts offers by recipient type in the bid form's order, unknown types after, blank as not given", () => {
    const rows = aPortfolio({
      contracts: [aContract("T-1")],
      offers: [anOffer("T-1", "Charity"), anOffer("T-1", "Youth club"), anOffer("T-1", "School", { Hours: 5, Value: 100.1 }), anOffer("T-1", "school", { Hours: "", Value: 0.2 }), anOffer("T-1", "")],
    });
    expect(buildDashboard(rows, AS_AT).blocks.offers.rows).toEqual([
      ["School", 2, 5, 100.3],
      ["Charity", 1, 10, 250],
      ["(not given)", 1, 10, 250],
      ["Youth club", 1, 10, 250],
    ]);
  });

  it("the headline adds £ in pence: committed, due, delivered and the share delivered", () => {
    const rows = aPortfolio({
      contracts: [aContract("T-1"), aContract("T-2")],
      commitments: [aCommitment("T-1", "A", { CommittedValue: 0.1, DueDate: TODAY - 1, Delivered: 10, DeliveredValue: 0.1 }), aCommitment("T-2", "A", { CommittedValue: 0.2, DeliveredValue: "" })],
    });
    expect(buildDashboard(rows, AS_AT).blocks.headline.rows).toEqual([[2, 2, 0.3, 0.1, 0.1, 10 / 30]]);
  });

  it("a portfolio with contracts but no offers says so, and its offers block has no chart rows", () => {
    const rows = aPortfolio({ contracts: [aContract("T-1")], commitments: [aCommitment("T-1", "A")] });
    const offers = buildDashboard(rows, AS_AT).blocks.offers;
    expect(offers.rows).toEqual([]);
    expect(offers.empty).toBe("No community offers in the latest gathers.");
  });
});
