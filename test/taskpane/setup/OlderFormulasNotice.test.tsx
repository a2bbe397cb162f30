/** @jest-environment jsdom */
import "../setup";
import { screen, waitFor } from "@testing-library/react";
import type { FormulaStatus } from "../../../src/core";
import { OlderFormulasNotice } from "../../../src/taskpane/setup/OlderFormulasNotice";
import { aFakeActions, deferred, resolving, type FakeActions } from "../fakeActions";
import { aWorkbookWithEvaluation, aWorkbookWithoutEvaluation } from "../fakeWorkbookState";
import { renderPage } from "../renderPage";

const OUT_OF_DATE =
  "This workbook was made by an earlier version: 9 formulas on SV Commitments, SV Scores and SV Moderation are out of date, SV Scores lacks its Held column and the sheet SV Clarifications is missing. Until the formulas are updated, the sheet and the pane may give different scores.";

function aStatus(overrides: Partial<FormulaStatus> = {}): FormulaStatus {
  return {
    outOfDate: [{ table: "scores", header: "Rank", formula: "=1" }],
    missingColumns: [{ table: "SV_Scores", header: "Held" }],
    missingTables: ["SV_Clarifications"],
    signed: undefined,
    message: OUT_OF_DATE,
    ...overrides,
  };
}

const UP_TO_DATE = aStatus({ outOfDate: [], missingColumns: [], missingTables: [], message: undefined });

function renderNotice(actions: FakeActions, workbook = aWorkbookWithEvaluation()) {
  return { actions, ...renderPage(<OlderFormulasNotice actions={actions} workbook={workbook} />) };
}

describe("the notice of formulas from an earlier version", () => {
  it("says what is out of date and updates the formulas when asked, then checks again", async () => {
    const actions = aFakeActions({ checkFormulas: jest.fn().mockResolvedValueOnce(aStatus()).mockResolvedValue(UP_TO_DATE) as FakeActions["checkFormulas"] });
    const { user } = renderNotice(actions);
    expect(await screen.findByText(OUT_OF_DATE)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Update formulas" }));
    expect(actions.updateFormulas).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole("status")).toHaveTextContent("Updated 1 formula to this version's: SV Scores (Rank). Nothing typed in was changed.");
    await waitFor(() => expect(screen.queryByText(OUT_OF_DATE)).not.toBeInTheDocument());
    expect(screen.queryByRole("button", { name: "Update formulas" })).not.toBeInTheDocument();
  });

  it("shows nothing while the formulas are up to date", async () => {
    const actions = aFakeActions();
    renderNotice(actions);
    await waitFor(() => expect(actions.checkFormulas).toHaveBeenCalled());
    expect(screen.queryByRole("button", { name: "Update formulas" })).not.toBeInTheDocument();
    expect(screen.queryByText(/earlier version/)).not.toBeInTheDocument();
  });

  it("does not check a workbook without the evaluation", () => {
    const actions = aFakeActions({ checkFormulas: resolving<"checkFormulas">(aStatus()) });
    renderNotice(actions, aWorkbookWithoutEvaluation());
    expect(actions.checkFormulas).not.toHaveBeenCalled();
  });

  it("offers no update on a signed record, and says why", async () => {
    const actions = aFakeActions({ checkFormulas: resolving<"checkFormulas">(aStatus({ signed: { by: "Dee Lead", at: "2026-12-07" } })) });
    renderNotice(actions);
    expect(await screen.findByText(/The record was signed off by Dee Lead on 2026-12-07, so its formulas were not updated\./)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Update formulas" })).not.toBeInTheDocument();
  });

  it("disables the button while the update runs, and says in plain words why one was refused", async () => {
    const pending = deferred<never>();
    const actions = aFakeActions({
      checkFormulas: resolving<"checkFormulas">(aStatus()),
      updateFormulas: jest.fn(() => pending.promise) as unknown as FakeActions["updateFormulas"],
    });
    const { user } = renderNotice(actions);
    await user.click(await screen.findByRole("button", { name: "Update formulas" }));
    expect(screen.getByRole("button", { name: "Update formulas" })).toBeDisabled();
    pending.reject(new Error("This workbook has a sheet named SV Clarifications that the add-in did not make, so nothing was written."));
    expect(await screen.findByRole("alert")).toHaveTextContent(/^Described: This workbook has a sheet named SV Clarifications/);
    expect(screen.getByRole("button", { name: "Update formulas" })).toBeEnabled();
  });
});
