/** @jest-environment jsdom */
import "./setup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { describeFinding, ESSEX, FINDINGS, type TenderFinding } from "../../src/core";
import { App } from "../../src/taskpane/App";
import { ScoresPage } from "../../src/taskpane/scores/ScoresPage";
import { NO_PROXY, SettingsChecks } from "../../src/taskpane/setup/SettingsChecks";
import { StepNavigationContext } from "../../src/taskpane/stepNavigation";
import { ValidatePage } from "../../src/taskpane/validate/ValidatePage";
import { aBidderScore, aFakeActions, aFinding, aMissingProxy, aScoresView, aValidationView } from "./fakeActions";
import { renderPage } from "./renderPage";

/** Essex as shipped, ECC1 used by two bids and two more measures in scope with no commitment yet. */
const MISSING = [
  aMissingProxy(),
  aMissingProxy({ ref: "ECC3", measure: "Long-term unemployed people hired", commitments: 0, bidders: [], rows: [] }),
  aMissingProxy({ ref: "ECC10", measure: "Weeks of apprenticeships", commitments: 0, bidders: [], rows: [] }),
];

/** A page inside the steps' navigation, as EvaluationSteps gives it. */
function withNavigation(page: ReactElement) {
  const openSection = jest.fn();
  return { openSection, ...renderPage(<StepNavigationContext.Provider value={{ openSection, request: undefined }}>{page}</StepNavigationContext.Provider>) };
}

describe("Validate, when measures in scope have no proxy value", () => {
  async function validated() {
    const view = aValidationView([aFinding({ code: "SV122", severity: "warning", row: 4, column: "Proxy", message: "ECC1 has no proxy value on SV Measures, so this commitment counts £0 and the bid's score is incomplete." })], {
      missingProxies: MISSING,
    });
    const actions = aFakeActions({ validate: jest.fn().mockResolvedValue(view) });
    const rendered = withNavigation(<ValidatePage actions={actions} />);
    await rendered.user.click(screen.getByRole("button", { name: "Validate commitments" }));
    await screen.findByText(/count £0: 1 measure in scope has no proxy value/);
    return rendered;
  }

  it("names each measure once, with how many commitments rely on it and whose, and the measures nobody used yet", async () => {
    await validated();
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("2 commitments count £0: 1 measure in scope has no proxy value");
    expect(within(status).getByRole("listitem")).toHaveTextContent("ECC1 (Local people employed on the contract): 2 commitments, by Acme Ltd and Birch Homes");
    expect(status).toHaveTextContent("Also without a proxy value, and no commitment to them yet: ECC3, ECC10.");
  });

  it("lists each commitment to such a measure as a warning that it counts £0, never as OK", async () => {
    await validated();
    expect(screen.getByRole("button", { name: "SV122 · Row 4, Proxy (cell A4)" })).toHaveAccessibleDescription(/counts £0/);
  });

  it("takes the user to where the council's measure table is imported, in one click", async () => {
    const { user, openSection } = await validated();
    await user.click(screen.getByRole("button", { name: "Import the council's measure table" }));
    expect(openSection).toHaveBeenCalledWith("measureTableImport");
  });

  it("says nothing of proxies when every measure in scope has one", async () => {
    const actions = aFakeActions({ validate: jest.fn().mockResolvedValue(aValidationView([])) });
    const { user } = withNavigation(<ValidatePage actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Validate commitments" }));
    await screen.findByText(/no problems found/);
    expect(screen.queryByText(/no proxy value/)).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Import the council's measure table" })).not.toBeInTheDocument();
  });
});

describe("Scores, when measures in scope have no proxy value", () => {
  async function refreshed(view = aScoresView()) {
    const actions = aFakeActions({ readScores: jest.fn().mockResolvedValue(view) });
    const rendered = withNavigation(<ScoresPage actions={actions} />);
    await rendered.user.click(screen.getByRole("button", { name: "Refresh scores" }));
    await screen.findByText(/scored relative to the best bid/);
    return rendered;
  }

  /** The Essex walkthrough: every bid £0, 0 points. */
  const allZero = aScoresView({
    missingProxies: MISSING,
    bidders: [
      aBidderScore({ bidder: "Acme Ltd", value: 0, lev: 0, sv: 0, returnRatio: 0, benchmark: "below lower quartile", quantitative: 0, qualitative: 0, score: 0, rank: 1 }),
      aBidderScore({ bidder: "Birch Homes", value: 0, lev: 0, sv: 0, returnRatio: 0, benchmark: "below lower quartile", quantitative: 0, qualitative: 0, score: 0, rank: 1 }),
    ],
  });

  it("says first, before any figure, that the scores are incomplete and which measures make them so", async () => {
    await refreshed(allZero);
    const status = screen.getByRole("status");
    const notice = within(status).getByText(/^Scores incomplete: 2 commitments count £0 for want of a proxy value$/);
    const summary = within(status).getByText(/^2 bids, scored relative/);
    expect(notice.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(status).getByRole("listitem")).toHaveTextContent("ECC1 (Local people employed on the contract): 2 commitments, by Acme Ltd and Birch Homes");
  });

  it("never shows an all-£0 result as a ranking: no rank 1 for everyone, no chart", async () => {
    await refreshed(allZero);
    const table = screen.getByRole("table", { name: "No result yet: every bid scores 0, because commitments count £0 without proxy values" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]?.textContent)).toEqual(["–", "–"]);
    expect(rows.map((r) => within(r).getAllByRole("cell")[2]?.textContent)).toEqual(["£0+ 1 at £0, no proxy", "£0+ 1 at £0, no proxy"]);
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
  });

  it("calls partly valued scores provisional, and marks the bids with commitments at £0", async () => {
    await refreshed(
      aScoresView({
        missingProxies: [aMissingProxy({ bidders: ["Birch Homes"], commitments: 1 })],
        bidders: [aBidderScore({ bidder: "Acme Ltd", rank: 1 }), aBidderScore({ bidder: "Birch Homes", value: 4040, score: 3, rank: 2 })],
      }),
    );
    const table = screen.getByRole("table", { name: "Provisional scores, incomplete until every measure in scope has a proxy value" });
    const birch = within(table).getByRole("row", { name: /Birch Homes/ });
    expect(birch).toHaveTextContent("+ 1 at £0, no proxy");
    expect(within(table).getByRole("row", { name: /Acme Ltd/ })).not.toHaveTextContent("no proxy");
  });

  it("opens the measure table import from the message", async () => {
    const { user, openSection } = await refreshed(allZero);
    await user.click(screen.getByRole("button", { name: "Import the council's measure table" }));
    expect(openSection).toHaveBeenCalledWith("measureTableImport");
  });

  it("shows real scores as before once every measure has a proxy", async () => {
    await refreshed();
    expect(screen.getByRole("table", { name: "Scores by bidder, in rank order" })).toBeInTheDocument();
    expect(screen.queryByText(/no proxy/)).not.toBeInTheDocument();
  });
});

describe("Set up, when measures in scope have no proxy value", () => {
  it("groups the finding by its catalogue code, written out in the page so the catalogue can load later", () => {
    expect(NO_PROXY).toBe(FINDINGS.measureWithoutProxy.code);
  });

  const proxyless = (ref: string): TenderFinding => ({ ...describeFinding("measureWithoutProxy", { ref }), setting: "measuresInScope", ref });

  it("names them all in one item with the way to the council's table", async () => {
    const { user, openSection } = withNavigation(<SettingsChecks framework={ESSEX} verdict={undefined} findings={[proxyless("ECC1"), proxyless("ECC3"), proxyless("ECC10")]} checksUnavailable={undefined} />);
    const list = screen.getByRole("list", { name: "Problems with the settings" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent("3 measures in scope have no proxy value, so every commitment to them will count £0 and the scores will be incomplete: ECC1, ECC3, ECC10.");
    await user.click(within(items[0]!).getByRole("button", { name: "Import the council's measure table" }));
    expect(openSection).toHaveBeenCalledWith("measureTableImport");
  });
});

describe("the one-click path in the pane", () => {
  it("from Validate opens the Bids page at Import a measure table, its heading focused", async () => {
    const actions = aFakeActions({ validate: jest.fn().mockResolvedValue(aValidationView([], { missingProxies: MISSING })) });
    const user = userEvent.setup();
    render(<App host={{ kind: "excel", officeTheme: { bodyBackgroundColor: "#FFFFFF" } }} actions={actions} />);
    await user.click(screen.getByRole("tab", { name: "Validate" }));
    await user.click(await screen.findByRole("button", { name: "Validate commitments" }));
    await user.click(await screen.findByRole("button", { name: "Import the council's measure table" }));
    expect(screen.getByRole("tab", { name: "Bids" })).toHaveAttribute("aria-selected", "true");
    const heading = await screen.findByRole("heading", { name: "Import a measure table" });
    expect(heading).toHaveFocus();
    expect(within(screen.getByRole("tabpanel")).getByRole("button", { name: "Use the selected cells" })).toBeInTheDocument();
  });
});

// The page alone (not inside the steps) has nowhere to go, so it offers no button.
it("a page shown on its own offers no button to a page it cannot open", async () => {
  const actions = aFakeActions({ validate: jest.fn().mockResolvedValue(aValidationView([], { missingProxies: MISSING })) });
  const { user } = renderPage(<ValidatePage actions={actions} />);
  await user.click(screen.getByRole("button", { name: "Validate commitments" }));
  await screen.findByText(/count £0/);
  expect(screen.queryByRole("button", { name: "Import the council's measure table" })).not.toBeInTheDocument();
});

it("Scores says plainly when no bid relies on the measures without a proxy value", async () => {
  const actions = aFakeActions({ readScores: jest.fn().mockResolvedValue(aScoresView({ missingProxies: MISSING.slice(1) })) });
  const { user } = withNavigation(<ScoresPage actions={actions} />);
  await user.click(screen.getByRole("button", { name: "Refresh scores" }));
  const status = await screen.findByRole("status");
  await screen.findByText(/2 measures in scope have no proxy value/);
  expect(status).toHaveTextContent("No bid commits to them, so they leave these scores whole; a commitment to one would count £0: ECC3, ECC10.");
  expect(screen.getByRole("table", { name: "Scores by bidder, in rank order" })).toBeInTheDocument();
});
