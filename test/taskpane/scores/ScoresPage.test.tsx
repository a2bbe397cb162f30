/** @jest-environment jsdom */
import "../setup";
import { screen, within } from "@testing-library/react";
import type { ScoresView } from "../../../src/excel/scores/readScores";
import { ScoresPage } from "../../../src/taskpane/scores/ScoresPage";
import { aBidderScore, aFakeActions, aScoresView } from "../fakeActions";
import { renderPage } from "../renderPage";

const threeBids = aScoresView({
  maxPoints: 20,
  bidders: [
    aBidderScore({
      bidder: "Beta Services",
      value: 120_000,
      returnRatio: 0.12,
      benchmark: "lower quartile to median",
      quantitative: 4.8,
      qualitative: 6,
      score: 10.8,
      rank: 3,
    }),
    aBidderScore({
      bidder: "Acme Ltd",
      value: 250_000,
      returnRatio: 0.25,
      benchmark: "median to upper quartile",
      quantitative: 10,
      qualitative: 8,
      score: 18,
      rank: 1,
    }),
    aBidderScore({
      bidder: "Cobalt plc",
      value: 200_000,
      returnRatio: 0.2,
      benchmark: "median to upper quartile",
      quantitative: 8,
      qualitative: 6.5,
      score: 14.5,
      rank: 2,
    }),
  ],
  sensitivityNote: "Acme Ltd wins at any social value weighting from 5% to 20%.",
});

async function refreshed(view: ScoresView = threeBids) {
  const actions = aFakeActions({ readScores: jest.fn().mockResolvedValue(view) });
  const rendered = renderPage(<ScoresPage actions={actions} />);
  await rendered.user.click(screen.getByRole("button", { name: "Refresh scores" }));
  await screen.findByText(/scored relative to the best bid/);
  return { actions, ...rendered };
}

describe("Scores", () => {
  it("reads the scores from the workbook when asked", async () => {
    const { actions } = await refreshed();
    expect(actions.readScores).toHaveBeenCalledWith(expect.objectContaining({ signal: expect.any(AbortSignal) }));
  });

  it("lists the bids in rank order with every figure", async () => {
    await refreshed();
    const table = screen.getByRole("table", { name: "Scores by bidder, in rank order" });
    const rows = within(table).getAllByRole("row").slice(1);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent);
    expect(rows.map((r) => cells(r)[1])).toEqual(["Acme Ltd", "Cobalt plc", "Beta Services"]);
    expect(cells(rows[0]!)).toEqual(["1", "Acme Ltd", "£250,000", "25%", "median to upper quartile", "10", "8", "18"]);
  });

  it("names the table's columns", async () => {
    await refreshed();
    const headers = screen.getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toEqual(["Rank", "Bidder", "Social value", "Return", "Benchmark band", "Quantitative", "Qualitative", "Score"]);
  });

  it("draws a chart with an accessible name, and every bid's score as text", async () => {
    await refreshed();
    const chart = screen.getByRole("img", { name: "Social value score by bidder, out of 20 points" });
    expect(chart).toHaveAccessibleDescription(
      "Acme Ltd: 18 points, rank 1; Cobalt plc: 14.5 points, rank 2; Beta Services: 10.8 points, rank 3.",
    );
    expect(chart).toHaveTextContent("1. Acme Ltd");
    expect(chart).toHaveTextContent("14.5 pts");
  });

  it("gives the sensitivity note", async () => {
    await refreshed();
    expect(screen.getByRole("heading", { name: "Sensitivity to the weighting" })).toBeInTheDocument();
    expect(screen.getByText("Acme Ltd wins at any social value weighting from 5% to 20%.")).toBeInTheDocument();
  });

  it("says how many rows with errors are not counted", async () => {
    await refreshed(aScoresView({ rowsWithErrors: 3 }));
    expect(screen.getByText("3 commitment rows have errors and are not counted — Validate lists each one with what to do.")).toBeInTheDocument();
  });

  describe("a bid held back by a faulty commitment row", () => {
    const fault = { row: 6, code: "SV108" as const, message: "The unit hours does not match ILL1, which is counted in FTE.", action: "Convert the quantity to FTE and correct the unit." };
    const withHeld = aScoresView({
      maxPoints: 10,
      rowsWithErrors: 1,
      bidders: [
        aBidderScore({ bidder: "Acme Ltd", quantitative: 5, qualitative: 4, score: 9, rank: 1 }),
        aBidderScore({ bidder: "Birch Homes", quantitative: undefined, qualitative: 3, score: undefined, rank: undefined, held: { bidder: "Birch Homes", faults: [fault], text: "SV108 on SV Commitments row 6" } }),
      ],
    });

    it("shows Held in place of its points, score and rank, after the ranked bids", async () => {
      await refreshed(withHeld);
      const table = screen.getByRole("table", { name: "Scores by bidder, in rank order" });
      const rows = within(table).getAllByRole("row").slice(1);
      const cells = within(rows[1]!).getAllByRole("cell").map((c) => c.textContent);
      expect(cells).toEqual(["Held", "Birch HomesHeld: SV108 on SV Commitments row 6", "£250,000", "25%", "median to upper quartile", "Held", "3", "Held"]);
    });

    it("says which bid is held back and why, row by row, and takes the user to the row", async () => {
      const { actions, user } = await refreshed(withHeld);
      expect(screen.getByText("1 bid is held back")).toBeInTheDocument();
      expect(screen.getByText(/SV108, row 6: The unit hours does not match ILL1/)).toBeInTheDocument();
      await user.click(screen.getByRole("button", { name: "Go to row 6" }));
      expect(actions.goToCell).toHaveBeenCalledWith("SV Commitments", "A6");
    });
  });

  it("lists the settings it could not read", async () => {
    await refreshed(aScoresView({ problems: ["The target method needs a target return on SV Setup."] }));
    expect(screen.getByText("Check SV Setup")).toBeInTheDocument();
    expect(screen.getByText("The target method needs a target return on SV Setup.")).toBeInTheDocument();
  });

  describe("a bid disregarded because the tender requires both parts", () => {
    const withDisregarded = aScoresView({
      maxPoints: 10,
      bidders: [
        aBidderScore({ bidder: "Acme Ltd", value: 250_000, quantitative: 5, qualitative: 4, score: 9, rank: 1 }),
        aBidderScore({ bidder: "Cobalt plc", value: 400_000, quantitative: 0, qualitative: 0, score: 0, rank: 2, disregarded: "No answers" }),
      ],
    });

    it("says which bid is disregarded, why, and what that does to the scores", async () => {
      await refreshed(withDisregarded);
      expect(screen.getByText("1 bid is disregarded")).toBeInTheDocument();
      expect(screen.getByRole("listitem")).toHaveTextContent("Cobalt plc: no answers");
      expect(screen.getByRole("status")).toHaveTextContent(/scores 0, and its social value does not count when the other bids are scored/);
    });

    it("marks the bid in the table and the chart, and no other", async () => {
      await refreshed(withDisregarded);
      const table = screen.getByRole("table", { name: "Scores by bidder, in rank order" });
      const bidderCells = within(table)
        .getAllByRole("row")
        .slice(1)
        .map((r) => within(r).getAllByRole("cell")[1]?.textContent);
      expect(bidderCells).toEqual(["Acme Ltd", "Cobalt plcDisregarded: no answers"]);
      expect(screen.getByRole("img")).toHaveAccessibleDescription("Acme Ltd: 9 points, rank 1; Cobalt plc: 0 points, rank 2, disregarded (no answers).");
    });

    it("shows no such warning when every bid counts", async () => {
      await refreshed();
      expect(screen.queryByText(/disregarded/i)).not.toBeInTheDocument();
    });
  });

  it("says so when there are no bids yet, with no table or chart", async () => {
    const actions = aFakeActions({ readScores: jest.fn().mockResolvedValue(aScoresView({ bidders: [] })) });
    const { user } = renderPage(<ScoresPage actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Refresh scores" }));
    expect(await screen.findByText(/No bids to score yet/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
  });

  it("shows describeError's sentence when reading fails", async () => {
    const failure = new Error("SV_Scores is missing");
    const actions = aFakeActions({ readScores: jest.fn().mockRejectedValue(failure) });
    const { user } = renderPage(<ScoresPage actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Refresh scores" }));
    expect(await screen.findByText("Described: SV_Scores is missing")).toBeInTheDocument();
    expect(actions.describeError).toHaveBeenCalledWith(failure);
  });

  it("scores a qualitative tender on its answers alone, without £, return, benchmark or commitment columns that mean nothing", async () => {
    const qualitative = aScoresView({
      quantitativeShare: 0,
      bidders: [
        aBidderScore({ bidder: "Acme Ltd", value: 0, returnRatio: 0, benchmark: "below lower quartile", quantitative: 0, qualitative: 8, score: 8, rank: 1 }),
        aBidderScore({ bidder: "Beta Services", value: 0, returnRatio: 0, benchmark: "below lower quartile", quantitative: 0, qualitative: 5, score: 5, rank: 2 }),
      ],
    });
    const actions = aFakeActions({ readScores: jest.fn().mockResolvedValue(qualitative) });
    const { user } = renderPage(<ScoresPage actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Refresh scores" }));
    expect(await screen.findByText("2 bids, scored on the written answers only (no share of the points for commitments), out of 10 points.")).toBeInTheDocument();
    const headers = screen.getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toEqual(["Rank", "Bidder", "Qualitative", "Score"]);
    expect(screen.queryByText("below lower quartile")).not.toBeInTheDocument();
  });

  it("keeps the £ columns on a qualitative tender where a bid was valued in £ all the same", async () => {
    const valued = aScoresView({ quantitativeShare: 0, bidders: [aBidderScore({ bidder: "Acme Ltd", value: 5_000, quantitative: 0 })] });
    const actions = aFakeActions({ readScores: jest.fn().mockResolvedValue(valued) });
    const { user } = renderPage(<ScoresPage actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Refresh scores" }));
    await screen.findByText(/scored on the written answers only/);
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Rank", "Bidder", "Social value", "Return", "Benchmark band", "Qualitative", "Score"]);
  });
});

describe("a bid held back by an implausible commitment (issue #16 point 4)", () => {
  it("says its points for commitments are provisional until clarified, and where to record the outcome", async () => {
    const fault = { row: 5, code: "SV123" as const, message: "999,999,999,999,999 hours for ILL9 is more than the whole contract value (£1,000,000), which is not credible as offered.", action: "Ask the bidder to clarify." };
    await refreshed(
      aScoresView({
        bidders: [
          aBidderScore({ bidder: "Birch Homes" }),
          aBidderScore({ bidder: "Acme Care", quantitative: undefined, score: undefined, rank: undefined, held: { bidder: "Acme Care", faults: [fault], text: "SV123 on SV Commitments row 5" } }),
        ],
      }),
    );
    expect(screen.getByText(/Acme Care: held by SV123 on SV Commitments row 5\. Its points for commitments are provisional until clarified: record the panel's outcome on the Validate page/)).toBeInTheDocument();
  });

  it("says nothing of clarification for a bid held by an ordinary error", async () => {
    const fault = { row: 6, code: "SV108" as const, message: "The unit hours does not match ILL1.", action: "Correct the unit." };
    await refreshed(aScoresView({ bidders: [aBidderScore({ bidder: "Birch Homes", quantitative: undefined, score: undefined, rank: undefined, held: { bidder: "Birch Homes", faults: [fault], text: "SV108 on SV Commitments row 6" } })] }));
    expect(screen.queryByText(/provisional until clarified/)).not.toBeInTheDocument();
  });
});
