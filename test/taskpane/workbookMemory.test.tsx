/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { ILLUSTRATIVE } from "../../src/core";
import { EvaluationSteps } from "../../src/taskpane/EvaluationSteps";
import { aBidderScore, aFakeActions, aScoresView, resolving } from "./fakeActions";
import { aMarkingView } from "./fakeModerationActions";
import { aWorkbookWithEvaluation, aWorkbookWithoutEvaluation } from "./fakeWorkbookState";
import { renderPage } from "./renderPage";

jest.setTimeout(20_000);


describe("the pane shows what the workbook holds", () => {
  it("opened on a workbook with the evaluation, Set up shows its framework and settings, and the form is filled from them", async () => {
    const actions = aFakeActions({ readWorkbookState: resolving<"readWorkbookState">(aWorkbookWithEvaluation()) });
    renderPage(<EvaluationSteps actions={actions} />);
    const settings = await screen.findByLabelText("Settings on SV Setup");
    expect(within(settings).getByText(ILLUSTRATIVE.name)).toBeInTheDocument();
    expect(within(settings).getByText("Sample: community support services (illustrative)")).toBeInTheDocument();
    expect(within(settings).getByText("£1,500,000")).toBeInTheDocument();
    expect(within(settings).getByText("Evaluator A, Evaluator B, Evaluator C")).toBeInTheDocument();
    // Worked out again from the sheet's settings; the cell written at insert differs, and the pane says so.
    expect(within(settings).getByText(/^Enter when the procurement began: .*says otherwise: the settings have changed since\.\)$/)).toBeInTheDocument();
    expect(within(settings).getByText(/^2 of \d+: ILL1, ILL2$/)).toBeInTheDocument();
    // The picker and the form hold the sheet's tender, not "Choose a framework…" and blanks.
    const picker = screen.getByRole("combobox", { name: "Framework" });
    await waitFor(() => expect(picker).toHaveValue(ILLUSTRATIVE.id));
    expect(screen.getByRole("textbox", { name: /Contract name/ })).toHaveValue("Sample: community support services (illustrative)");
    expect(screen.getByRole("textbox", { name: /Contract value/ })).toHaveValue("1500000");
  });

  it("works the threshold verdict out from SV Setup as it is now, so a start date typed on the sheet is reflected", async () => {
    const dated = aWorkbookWithEvaluation({ settings: { procurementStart: "2025-02-23", vatBasis: "excluding", buyer: "sub-central", thresholdVerdict: "" } });
    renderPage(<EvaluationSteps actions={aFakeActions({ readWorkbookState: resolving<"readWorkbookState">(dated) })} />);
    const settings = await screen.findByLabelText("Settings on SV Setup");
    expect(
      within(settings).getByText(/^Public Contracts Regulations 2015 \(the procurement began on 23 February 2025\): £1,800,000 including VAT \(£1,500,000 plus VAT at 20%\) is at or above the £214,904 threshold/),
    ).toBeInTheDocument();
  });

  it("names the SV Setup cell it cannot read instead of showing a default", async () => {
    const edited = aWorkbookWithEvaluation({
      settings: { contractValue: undefined },
      problems: [{ key: "contractValue", name: "SV_ContractValue", cell: "'SV Setup'!B4", message: "Contract value (SV_ContractValue, 'SV Setup'!B4) holds “lots”: type the amount in pounds, more than £0, e.g. 1500000." }],
    });
    renderPage(<EvaluationSteps actions={aFakeActions({ readWorkbookState: resolving<"readWorkbookState">(edited) })} />);
    expect(await screen.findByText(/SV_ContractValue, 'SV Setup'!B4\) holds “lots”/)).toBeInTheDocument();
    expect(within(screen.getByLabelText("Settings on SV Setup")).getAllByText("not set").length).toBeGreaterThan(0);
  });

  it("when the evaluation's sheets appear while the pane is open, Set up shows them without being reopened", async () => {
    let sheetsChanged: (() => void) | undefined;
    const actions = aFakeActions({
      readWorkbookState: jest.fn().mockResolvedValue(aWorkbookWithoutEvaluation()),
      watchSheets: jest.fn(async (onChange: () => void) => {
        sheetsChanged = onChange;
        return { stop: async () => undefined };
      }),
    });
    renderPage(<EvaluationSteps actions={actions} />);
    await waitFor(() => expect(actions.readWorkbookState).toHaveBeenCalled());
    expect(screen.getByRole("combobox", { name: "Framework" })).toHaveValue("");
    expect(screen.queryByLabelText("Settings on SV Setup")).not.toBeInTheDocument();

    // "Load sample tender" (or a co-author) inserts the sheets: Excel says sheets were added.
    actions.readWorkbookState.mockResolvedValue(aWorkbookWithEvaluation());
    sheetsChanged?.();
    const settings = await screen.findByLabelText("Settings on SV Setup", {}, { timeout: 3000 });
    expect(within(settings).getByText(ILLUSTRATIVE.name)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Framework" })).toHaveValue(ILLUSTRATIVE.id));
  });

  it("reads the workbook again when the pane gets the focus back, for Excels that send no events", async () => {
    const actions = aFakeActions({ readWorkbookState: jest.fn().mockResolvedValue(aWorkbookWithoutEvaluation()) });
    renderPage(<EvaluationSteps actions={actions} />);
    await waitFor(() => expect(actions.readWorkbookState).toHaveBeenCalled());
    actions.readWorkbookState.mockResolvedValue(aWorkbookWithEvaluation());
    window.dispatchEvent(new Event("focus"));
    expect(await screen.findByLabelText("Settings on SV Setup")).toBeInTheDocument();
  });

  it("never overwrites what the user has typed when the workbook changes", async () => {
    let sheetsChanged: (() => void) | undefined;
    const actions = aFakeActions({
      readWorkbookState: jest.fn().mockResolvedValue(aWorkbookWithEvaluation()),
      watchSheets: jest.fn(async (onChange: () => void) => {
        sheetsChanged = onChange;
        return { stop: async () => undefined };
      }),
    });
    const { user } = renderPage(<EvaluationSteps actions={actions} />);
    const name = screen.getByRole("textbox", { name: /Contract name/ });
    await waitFor(() => expect(name).toHaveValue("Sample: community support services (illustrative)"));
    await user.clear(name);
    await user.type(name, "My own name");
    actions.readWorkbookState.mockResolvedValue(aWorkbookWithEvaluation({ settings: { contractName: "Changed on the sheet" } }));
    sheetsChanged?.();
    await screen.findByText("Changed on the sheet", {}, { timeout: 3000 });
    expect(name).toHaveValue("My own name");
  });

  it("Scores shown again after bids arrived reads them again: never the scores of an earlier look", async () => {
    const actions = aFakeActions({
      readWorkbookState: jest.fn().mockResolvedValue(aWorkbookWithEvaluation({ bidders: ["Acme Ltd"] })),
      readScores: jest.fn().mockResolvedValue(aScoresView({ bidders: [aBidderScore({ bidder: "Acme Ltd" })] })),
    });
    const { user } = renderPage(<EvaluationSteps actions={actions} />);
    await user.click(screen.getByRole("tab", { name: /Scores/ }));
    await user.click(await screen.findByRole("button", { name: "Refresh scores" }));
    expect(await screen.findAllByText("Acme Ltd")).not.toHaveLength(0);

    // Someone loads more bids while the user looks at Set up; back on Scores, the page reads again.
    await user.click(screen.getByRole("tab", { name: /Set up/ }));
    actions.readWorkbookState.mockResolvedValue(aWorkbookWithEvaluation({ bidders: ["Acme Ltd", "Beta Services"] }));
    actions.readScores.mockResolvedValue(aScoresView({ bidders: [aBidderScore({ bidder: "Acme Ltd" }), aBidderScore({ bidder: "Beta Services", rank: 2 })] }));
    await user.click(screen.getByRole("tab", { name: /Scores/ }));
    expect(await screen.findAllByText("Beta Services")).not.toHaveLength(0);
    expect(actions.readScores).toHaveBeenCalledTimes(2);
  });

  it("Moderation lists the evaluators SV Setup names now, read again when the panel changed", async () => {
    const actions = aFakeActions({
      readWorkbookState: jest.fn().mockResolvedValue(aWorkbookWithEvaluation()),
      readMarking: jest.fn().mockResolvedValue(aMarkingView({ evaluators: ["Evaluator A", "Evaluator B"] })),
    });
    const { user } = renderPage(<EvaluationSteps actions={actions} />);
    await user.click(screen.getByRole("tab", { name: /Moderation/ }));
    await user.click(await screen.findByRole("button", { name: "Load the marking sheet" }));
    const who = await screen.findByRole("combobox", { name: /Who is marking/ });
    expect(within(who).queryByRole("option", { name: "Evaluator D" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("tab", { name: /Set up/ }));
    actions.readWorkbookState.mockResolvedValue(aWorkbookWithEvaluation({ settings: { evaluators: ["Evaluator A", "Evaluator B", "Evaluator D"] } }));
    actions.readMarking.mockResolvedValue(aMarkingView({ evaluators: ["Evaluator A", "Evaluator B", "Evaluator D"] }));
    await user.click(screen.getByRole("tab", { name: /Moderation/ }));
    await waitFor(() => expect(within(screen.getByRole("combobox", { name: /Who is marking/ })).getByRole("option", { name: "Evaluator D" })).toBeInTheDocument());
  });
});
