/** @jest-environment jsdom */
import "./setup";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { PaneHost } from "../../src/taskpane/host";
import { STEPS } from "../../src/taskpane/steps";
import { aFakeActions } from "./fakeActions";

const inExcel = { kind: "excel", officeTheme: { bodyBackgroundColor: "#FFFFFF" } } as const;
type OutsideExcel = Exclude<PaneHost, { kind: "excel" }>;


/**
 * Rendered with Fluent's CSS in the document (unlike the page tests' renderPage): the tabs'
 * accessible names depend on it, since Fluent hides each tab's bold-width placeholder with CSS.
 */
function renderInExcel() {
  const actions = aFakeActions();
  const user = userEvent.setup();
  render(<App host={inExcel} actions={actions} />);
  return { actions, user };
}

function shownPage() {
  return screen.getByRole("tabpanel");
}

describe("App in Excel", () => {
  it("shows the six evaluation steps as tabs, in order", () => {
    renderInExcel();
    const tabList = screen.getByRole("tablist", { name: "Evaluation steps" });
    const labels = ["Set up", "Bids", "Validate", "Scores", "Moderation", "Report"];
    expect(within(tabList).getAllByRole("tab")).toEqual(labels.map((label) => within(tabList).getByRole("tab", { name: label })));
  });

  it("opens on the Set up page", () => {
    renderInExcel();
    expect(screen.getByRole("tab", { name: "Set up" })).toHaveAttribute("aria-selected", "true");
    expect(within(shownPage()).getByRole("heading", { level: 2, name: "Set up" })).toBeInTheDocument();
  });

  it.each(STEPS.map((step) => [step.label]))("shows the %s page when its tab is clicked", async (label) => {
    const { user } = renderInExcel();
    await user.click(screen.getByRole("tab", { name: label }));
    expect(screen.getByRole("tab", { name: label })).toHaveAttribute("aria-selected", "true");
    expect(within(shownPage()).getByRole("heading", { level: 2, name: label })).toBeInTheDocument();
  });

  it("shows one page at a time, named by its tab", async () => {
    const { user } = renderInExcel();
    await user.click(screen.getByRole("tab", { name: "Scores" }));
    expect(screen.getAllByRole("tabpanel")).toHaveLength(1);
    expect(screen.getByRole("tabpanel", { name: "Scores" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Set up" })).not.toBeInTheDocument();
  });

  it.each([
    ["Set up", "Insert evaluation sheets"],
    ["Bids", "Build form"],
    ["Validate", "Validate commitments"],
    ["Scores", "Refresh scores"],
    ["Moderation", "Load the marking sheet"],
    ["Report", "Build assessment summaries"],
  ])("shows the working %s page, with its %s button", async (label, button) => {
    const { user } = renderInExcel();
    await user.click(screen.getByRole("tab", { name: label }));
    // findBy: Validate and Scores load from their own chunks when their tab is first selected.
    expect(await within(shownPage()).findByRole("button", { name: button })).toBeInTheDocument();
    expect(within(shownPage()).queryByText(/not built yet/i)).not.toBeInTheDocument();
  });

  it("gives the pages the injected actions", async () => {
    const { user, actions } = renderInExcel();
    await user.click(screen.getByRole("tab", { name: "Scores" }));
    await user.click(await screen.findByRole("button", { name: "Refresh scores" }));
    expect(actions.readScores).toHaveBeenCalledTimes(1);
  });

  it("keeps a page loaded on first visit mounted, with what it showed, after a look at another step", async () => {
    const { user, actions } = renderInExcel();
    await user.click(screen.getByRole("tab", { name: "Validate" }));
    await user.click(await screen.findByRole("button", { name: "Validate commitments" }));
    const shown = shownPage().textContent;
    await user.click(screen.getByRole("tab", { name: "Set up" }));
    await user.click(screen.getByRole("tab", { name: "Validate" }));
    expect(shownPage().textContent).toBe(shown);
    expect(actions.validate).toHaveBeenCalledTimes(1);
  });

  it("keeps what was typed on Set up while the user looks at another step", async () => {
    const { user } = renderInExcel();
    await user.type(screen.getByRole("textbox", { name: /Contract name/ }), "Highways");
    await user.click(screen.getByRole("tab", { name: "Validate" }));
    await user.click(screen.getByRole("tab", { name: "Set up" }));
    expect(screen.getByRole("textbox", { name: /Contract name/ })).toHaveValue("Highways");
  });

  it("moves focus to the next tab with ArrowRight without changing the page", async () => {
    const { user } = renderInExcel();
    await user.tab();
    expect(screen.getByRole("tab", { name: "Set up" })).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Bids" })).toHaveFocus();
    expect(within(shownPage()).getByRole("heading", { level: 2, name: "Set up" })).toBeInTheDocument();
  });

  it("selects the focused tab with Enter and shows its page", async () => {
    const { user } = renderInExcel();
    await user.tab();
    await user.keyboard("{ArrowRight}{ArrowRight}{Enter}");
    expect(screen.getByRole("tab", { name: "Validate" })).toHaveAttribute("aria-selected", "true");
    expect(within(shownPage()).getByRole("heading", { level: 2, name: "Validate" })).toBeInTheDocument();
  });

  it("selects the focused tab with Space and shows its page", async () => {
    const { user } = renderInExcel();
    await user.tab();
    await user.keyboard("{ArrowRight}[Space]");
    expect(screen.getByRole("tab", { name: "Bids" })).toHaveAttribute("aria-selected", "true");
    expect(within(shownPage()).getByRole("heading", { level: 2, name: "Bids" })).toBeInTheDocument();
  });

  it("wraps from the first tab to the last with ArrowLeft", async () => {
    const { user } = renderInExcel();
    await user.tab();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("tab", { name: "Report" })).toHaveFocus();
  });

  it("moves on from the tabs to the shown page with Tab", async () => {
    const { user } = renderInExcel();
    await user.tab();
    await user.tab();
    expect(shownPage()).toHaveFocus();
  });
});

describe("App outside Excel", () => {
  it.each<[string, OutsideExcel]>([
    ["office.js did not load", { kind: "no-office" }],
    ["the page is in a plain browser", { kind: "not-excel", host: null }],
    ["the page is in another Office app", { kind: "not-excel", host: "Word" }],
  ])("tells the user to open the pane in Excel when %s, instead of showing the steps", async (_case, host) => {
    render(<App host={host} />);
    expect(await screen.findByText("Open this pane in Excel")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "How to open it in Excel" })).toBeInTheDocument();
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
  });

  it("gives the sideloading steps for Excel on the web and on the desktop", async () => {
    render(<App host={{ kind: "not-excel", host: null }} />);
    const howTo = await screen.findByRole("region", { name: "How to open it in Excel" });
    expect(within(howTo).getByText(/Home > Add-ins > More add-ins > My add-ins > Upload My Add-in/)).toBeInTheDocument();
    expect(within(howTo).getByText("manifest.xml")).toBeInTheDocument();
    expect(within(howTo).getByText("npm start")).toBeInTheDocument();
  });

  it("says an Excel is too old, what it lacks and which Excel will do, instead of showing the steps", async () => {
    render(<App host={{ kind: "old-excel", missing: ["ExcelApi 1.13"] }} />);
    expect(await screen.findByText("This Excel is too old for the add-in")).toBeInTheDocument();
    expect(screen.getByText(/It lacks ExcelApi 1\.13/)).toHaveTextContent(/Version 2102 or later/);
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
  });

  it("names the Office app the pane was opened in", async () => {
    render(<App host={{ kind: "not-excel", host: "Word" }} />);
    expect(await screen.findByText(/open in Word, not Excel/)).toBeInTheDocument();
  });
});
