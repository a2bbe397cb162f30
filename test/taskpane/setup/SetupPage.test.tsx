/** @jest-environment jsdom */
import "../setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import type { PlanInput } from "../../../src/excel/setup/evaluationPlan";
import type { OperationOptions } from "../../../src/excel/shared/excelRun";
import type { WriteResult } from "../../../src/excel/setup/writePlan";
import { ESSEX, ILLUSTRATIVE, THURROCK } from "../../../src/core";
import { SetupPage } from "../../../src/taskpane/setup/SetupPage";
import { aFakeActions, aMeasureUpdatePreview, deferred, type FakeActions } from "../fakeActions";
import { renderPage } from "../renderPage";

// Each insert test fills the whole form as a user would (framework, measures, eleven fields):
// about 2-3 s alone, more on a busy 2-core CI machine.
jest.setTimeout(20_000);

function renderSetup(actions: FakeActions = aFakeActions()) {
  return { actions, ...renderPage(<SetupPage actions={actions} />) };
}

async function chooseFramework(user: UserEvent, name: string): Promise<void> {
  await user.selectOptions(screen.getByRole("combobox", { name: "Framework" }), name);
  // The theme tree loads from its own chunk the first time a framework is chosen.
  await waitFor(() => expect(screen.queryByText("Loading…")).not.toBeInTheDocument());
}

/** Expands a theme of the preview. */
async function openTheme(user: UserEvent, themeName: string): Promise<void> {
  await user.click(screen.getByRole("button", { name: new RegExp(`^${themeName}`) }));
}

/** An outcome's group of measure checkboxes, named by the outcome. */
function outcomeGroup(name: RegExp): HTMLElement {
  return screen.getByRole("group", { name });
}

/** Replaces a field's text, as a paste: one edit rather than one per character keeps the suite quick. */
async function type(user: UserEvent, label: RegExp, text: string): Promise<void> {
  const box = screen.getByRole("textbox", { name: label });
  await user.clear(box);
  if (text !== "") await user.paste(text);
}

/** A complete, valid tender on Essex with ECC1 and ECC39 in scope. */
async function fillEssexTender(user: UserEvent): Promise<void> {
  await chooseFramework(user, ESSEX.name);
  await openTheme(user, "A strong, inclusive and sustainable economy");
  await user.click(screen.getByRole("checkbox", { name: /^ECC1 Local people employed/ }));
  await user.click(screen.getByRole("checkbox", { name: /^ECC39 / }));
  await type(user, /Contract name/, "Highways maintenance");
  await type(user, /Contract value/, "£1,200,000");
  await user.selectOptions(screen.getByRole("combobox", { name: "VAT in the contract value" }), "Excluding VAT");
  // A date picker sets the whole date at once.
  fireEvent.change(screen.getByLabelText(/Procurement began/), { target: { value: "2026-11-02" } });
  await type(user, /weighting/i, "15");
  await type(user, /Social value points/, "15");
  await type(user, /Share of the points for commitments/, "60");
  await user.selectOptions(screen.getByRole("combobox", { name: "Scoring method" }), "target");
  await type(user, /Target return/, "25");
  await type(user, /Evaluators/, "Ann Patel, Bo Jones, Cy Smith");
}

function insertButton(): HTMLElement {
  return screen.getByRole("button", { name: "Insert evaluation sheets" });
}

describe("Set up: framework preview and measures", () => {
  it("shows the chosen framework's themes in the preview", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, ESSEX.name);
    for (const theme of ESSEX.themes) {
      expect(screen.getByRole("button", { name: new RegExp(`^${theme.name}`) })).toBeInTheDocument();
    }
  });

  it("lists each measure under its outcome, with its unit and proxy", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, ESSEX.name);
    await openTheme(user, "A strong, inclusive and sustainable economy");
    const outcome = outcomeGroup(/^Business growth in the county/);
    expect(
      within(outcome).getByRole("checkbox", { name: /^ECC39 .*Unit: no\. staff expert hours\. Proxy: £101 per unit\./ }),
    ).toBeInTheDocument();
    expect(within(outcome).getByRole("checkbox", { name: /^ECC11 .*No proxy value given/ })).toBeInTheDocument();
  });

  it("labels the illustrative set as illustrative, proxies included", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, ILLUSTRATIVE.name);
    expect(screen.getByText("Illustrative")).toBeInTheDocument();
    expect(screen.getByText(/not official, and must not be used to score a real tender/)).toBeInTheDocument();
    await openTheme(user, "Jobs");
    expect(screen.getByRole("checkbox", { name: /^ILL1 .*Illustrative proxy: £20,000 per unit/ })).toBeInTheDocument();
  });

  it("selects all of an outcome's measures at once, and shows a part selection as mixed", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, ESSEX.name);
    await openTheme(user, "A strong, inclusive and sustainable economy");
    const outcome = outcomeGroup(/^Business growth in the county/);
    const selectAll = within(outcome).getByRole("checkbox", { name: "Select all" });
    await user.click(selectAll);
    for (const box of within(outcome).getAllByRole("checkbox")) expect(box).toBeChecked();
    await user.click(within(outcome).getByRole("checkbox", { name: /^ECC39 / }));
    expect(selectAll).toBePartiallyChecked();
    expect(screen.getByText(/4 of \d+ measures in scope, under 1 outcome/)).toBeInTheDocument();
  });

  it("asks for an outcome in scope on Thurrock, and is satisfied once one of its measures is chosen", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, THURROCK.name);
    expect(screen.getByText(/requires every tender to select at least one outcome/)).toBeInTheDocument();
    await openTheme(user, "Social");
    await user.click(within(outcomeGroup(/^Create a great place for learning/)).getByRole("checkbox", { name: "Select all" }));
    expect(screen.queryByText(/requires every tender to select at least one outcome/)).not.toBeInTheDocument();
  });
});

describe("Set up: live checks", () => {
  it("warns as soon as the weighting is below 10%", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, ESSEX.name);
    expect(screen.queryByText(/below the usual 10% minimum/)).not.toBeInTheDocument();
    await type(user, /weighting/i, "5");
    expect(screen.getByText("Social value weighs 5% of the award, below the usual 10% minimum (PPN 06/20, Southend).")).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Problems with the settings" })).toHaveTextContent(/Warning\s*SV301/);
  });

  it("gives the threshold verdict for the contract value, with Essex's £100,000 threshold", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, ESSEX.name);
    expect(screen.getByRole("heading", { name: "Threshold: not decided yet" })).toBeInTheDocument();
    await type(user, /Contract value/, "50,000");
    expect(screen.getByRole("heading", { name: "Threshold: social value not required" })).toBeInTheDocument();
    await type(user, /Contract value/, "250000");
    expect(screen.getByRole("heading", { name: "Threshold: social value must be evaluated" })).toBeInTheDocument();
    expect(screen.getByText(/£250,000 is at or above Essex County Council's £100,000 threshold/)).toBeInTheDocument();
  });

  it("names the law and the statutory threshold of the day the procurement began, beside the council's own", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, ESSEX.name);
    await type(user, /Contract value/, "180,000");
    expect(screen.getByText(/Enter when the procurement began/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/Procurement began/), { target: { value: "2025-02-23" } });
    expect(screen.getByText(/Say whether the contract value includes VAT/)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: "VAT in the contract value" }), "Including VAT");
    expect(screen.getByText(/^Public Contracts Regulations 2015 \(the procurement began on 23 February 2025\): £180,000 including VAT is below the £214,904 threshold/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/Procurement began/), { target: { value: "2026-03-02" } });
    await user.selectOptions(screen.getByRole("combobox", { name: "VAT in the contract value" }), "Excluding VAT");
    expect(screen.getByText(/^Procurement Act 2023 .*£216,000 including VAT \(£180,000 plus VAT at 20%\) is at or above the £207,720 threshold/)).toBeInTheDocument();
    expect(screen.getByText(/^£180,000 excluding VAT is at or above Essex County Council's £100,000 threshold/)).toBeInTheDocument();
  });

  it("shows a field's error once the user leaves it", async () => {
    const { user } = renderSetup();
    const value = screen.getByRole("textbox", { name: /Contract value/ });
    await user.type(value, "lots");
    expect(screen.queryByText(/as an amount in pounds/)).not.toBeInTheDocument();
    await user.tab();
    expect(screen.getByText("Enter the contract value as an amount in pounds, e.g. 1,200,000.")).toBeInTheDocument();
    expect(value).toHaveAttribute("aria-invalid", "true");
  });

  it("shows the target return only for the target method, with the framework's published target as a hint", async () => {
    const { user } = renderSetup();
    await chooseFramework(user, ESSEX.name);
    // Essex scores against a target, so the form starts on that method (frameworkDraft.ts).
    expect(screen.getByRole("textbox", { name: /Target return/ })).toHaveAccessibleDescription(/Essex County Council publishes 25p per £1/);
    await user.selectOptions(screen.getByRole("combobox", { name: "Scoring method" }), "relative");
    expect(screen.queryByRole("textbox", { name: /Target return/ })).not.toBeInTheDocument();
  });

  it("asks for the works duration only for works", async () => {
    const { user } = renderSetup();
    expect(screen.queryByRole("textbox", { name: /Works duration/ })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: "Category" }), "works");
    expect(screen.getByRole("textbox", { name: /Works duration/ })).toBeInTheDocument();
  });
});

describe("Set up: inserting the evaluation", () => {
  it("checks for conflicts, then inserts the selected measures and the parsed settings", async () => {
    const { user, actions } = renderSetup();
    await fillEssexTender(user);
    await user.click(insertButton());

    await screen.findByText("Evaluation sheets inserted");
    expect(actions.findConflicts).toHaveBeenCalledTimes(1);
    expect(actions.insertEvaluation).toHaveBeenCalledTimes(1);
    expect(actions.findConflicts.mock.invocationCallOrder[0]).toBeLessThan(actions.insertEvaluation.mock.invocationCallOrder[0] ?? 0);
    const [input, options] = actions.insertEvaluation.mock.calls[0] as [PlanInput, OperationOptions];
    expect(actions.findConflicts).toHaveBeenCalledWith(input);
    expect(input.frameworkName).toBe(ESSEX.name);
    expect(input.measures.filter((m) => m.inScope).map((m) => m.ref)).toEqual(["ECC1", "ECC39"]);
    expect(input.settings).toMatchObject({
      contractName: "Highways maintenance",
      contractValue: 1_200_000,
      weighting: 0.15,
      maxPoints: 15,
      quantitativeShare: 0.6,
      method: "target",
      targetReturn: 0.25,
      evaluators: ["Ann Patel", "Bo Jones", "Cy Smith"],
      frameworkId: "essex",
      measuresInScope: ["ECC1", "ECC39"],
      outcomesInScope: ["O1", "O2"],
    });
    expect(input.thresholdReason).toMatch(/£1,200,000 excluding VAT is at or above Essex County Council's £100,000 threshold/);
    // The framework's criteria go to SV Criteria; blind marking is off unless chosen.
    expect(input.criteria?.map((c) => c.id)).toEqual(ESSEX.criteria.map((c) => c.id));
    expect(input.blindMarking).toBe(false);
    expect(options.signal).toBeInstanceOf(AbortSignal);
    expect(options.onProgress).toEqual(expect.any(Function));
  });

  it("inserts with blind marking when the panel chooses it", async () => {
    const { user, actions } = renderSetup();
    await fillEssexTender(user);
    await user.click(screen.getByRole("checkbox", { name: /Blind marking/ }));
    await user.click(insertButton());
    await screen.findByText("Evaluation sheets inserted");
    const [input] = actions.insertEvaluation.mock.calls[0] as [PlanInput, OperationOptions];
    expect(input.blindMarking).toBe(true);
  });

  it("defaults to consensus and explains, when average is chosen, that averaging is not moderation (Bromcom)", async () => {
    const { user, actions } = renderSetup();
    await fillEssexTender(user);
    const rollUp = screen.getByRole("combobox", { name: /Roll-up of marks/ });
    expect(rollUp).toHaveValue("consensus");
    expect(screen.queryByText("Averaging is not moderation")).not.toBeInTheDocument();
    await user.selectOptions(rollUp, "average");
    expect(await screen.findByText("Averaging is not moderation")).toBeInTheDocument();
    expect(screen.getByText(/Bromcom v United Learning Trust \[2022\] EWHC 3262 \(TCC\)/)).toHaveTextContent(
      /still discusses each item and records its reason.*only if the tender documents said marks would be averaged/,
    );
    await user.click(screen.getByRole("checkbox", { name: /tender documents say evaluators' marks will be averaged/ }));
    await user.click(insertButton());
    await screen.findByText("Evaluation sheets inserted");
    const [input] = actions.insertEvaluation.mock.calls[0] as [PlanInput, OperationOptions];
    expect(input.settings.rollUp).toBe("average");
    expect(input.tenderSaysAveraged).toBe(true);
  });

  it("does not record that marks are averaged under consensus, even if ticked before switching back", async () => {
    const { user, actions } = renderSetup();
    await fillEssexTender(user);
    const rollUp = screen.getByRole("combobox", { name: /Roll-up of marks/ });
    await user.selectOptions(rollUp, "median");
    await user.click(screen.getByRole("checkbox", { name: /tender documents say evaluators' marks will be averaged/ }));
    await user.selectOptions(rollUp, "consensus");
    expect(screen.queryByText("Averaging is not moderation")).not.toBeInTheDocument();
    await user.click(insertButton());
    await screen.findByText("Evaluation sheets inserted");
    const [input] = actions.insertEvaluation.mock.calls[0] as [PlanInput, OperationOptions];
    expect(input.tenderSaysAveraged).toBe(false);
  });

  it("names the sheets it inserted", async () => {
    const { user } = renderSetup();
    await fillEssexTender(user);
    await user.click(insertButton());
    expect(await screen.findByText(/Added SV Setup, SV Measures, SV Commitments and SV Scores\./)).toBeInTheDocument();
  });

  it("writes nothing and says what to fix when the form is incomplete", async () => {
    const { user, actions } = renderSetup();
    await user.click(insertButton());
    expect(screen.getByText("Nothing was inserted")).toBeInTheDocument();
    expect(screen.getByText("Choose a framework.")).toBeInTheDocument();
    expect(screen.getByText("Fix these fields: Contract name, Contract value, VAT in the contract value, Procurement began.")).toBeInTheDocument();
    expect(actions.findConflicts).not.toHaveBeenCalled();
    expect(actions.insertEvaluation).not.toHaveBeenCalled();
  });

  it("takes the reasons away at the next edit, leaving each field's own error", async () => {
    const { user } = renderSetup();
    await user.click(insertButton());
    await type(user, /Contract name/, "Highways");
    expect(screen.queryByText("Nothing was inserted")).not.toBeInTheDocument();
    expect(screen.getByText("Enter the contract value in pounds.")).toBeInTheDocument();
  });

  it("shows the progress the action reports while it inserts", async () => {
    const write = deferred<WriteResult>();
    const actions = aFakeActions({
      insertEvaluation: jest.fn((_input: PlanInput, options?: OperationOptions) => {
        options?.onProgress?.({ fraction: 0.3, message: "Writing the evaluation sheets…" });
        return write.promise;
      }),
    });
    const { user } = renderSetup(actions);
    await fillEssexTender(user);
    await user.click(insertButton());
    const bar = await screen.findByRole("progressbar", { name: "Inserting the evaluation sheets" });
    expect(bar).toHaveAttribute("aria-valuenow", "0.3");
    expect(screen.getByText("Writing the evaluation sheets…")).toBeInTheDocument();
    expect(insertButton()).toBeDisabled();
    write.resolve({ status: "written", sheets: ["SV Setup"], syncs: 2 });
    await screen.findByText("Evaluation sheets inserted");
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("aborts the action's signal on Cancel, and says nothing was changed", async () => {
    let signal: AbortSignal | undefined;
    const actions = aFakeActions({
      insertEvaluation: jest.fn(
        (_input: PlanInput, options?: OperationOptions) =>
          new Promise<WriteResult>((_resolve, reject) => {
            signal = options?.signal;
            signal?.addEventListener("abort", () => reject(new Error("Cancelled: nothing was changed in the workbook.")));
          }),
      ),
    });
    const { user } = renderSetup(actions);
    await fillEssexTender(user);
    await user.click(insertButton());
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(signal?.aborted).toBe(true);
    expect(await screen.findByText("Described: Cancelled: nothing was changed in the workbook.")).toBeInTheDocument();
    expect(screen.queryByText("Evaluation sheets inserted")).not.toBeInTheDocument();
  });

  it("shows describeError's sentence when an action fails", async () => {
    const failure = new Error("boom");
    const actions = aFakeActions({ findConflicts: jest.fn().mockRejectedValue(failure) });
    const { user } = renderSetup(actions);
    await fillEssexTender(user);
    await user.click(insertButton());
    expect(await screen.findByText("Described: boom")).toBeInTheDocument();
    expect(actions.describeError).toHaveBeenCalledWith(failure);
    expect(actions.insertEvaluation).not.toHaveBeenCalled();
  });
});

describe("Set up: when the workbook already has the evaluation", () => {
  const conflicts = [
    { kind: "sheet" as const, name: "SV Setup", detail: "The sheet exists and holds data (A1:C21)." },
    { kind: "table" as const, name: "SV_Measures", detail: "A table with this name exists." },
  ];

  async function insertIntoAnExistingEvaluation() {
    const actions = aFakeActions({ findConflicts: jest.fn().mockResolvedValue(conflicts) });
    const rendered = renderSetup(actions);
    await fillEssexTender(rendered.user);
    await rendered.user.click(insertButton());
    await screen.findByText("Nothing was written");
    return rendered;
  }

  it("writes nothing and lists what already exists", async () => {
    const { actions } = await insertIntoAnExistingEvaluation();
    expect(actions.insertEvaluation).not.toHaveBeenCalled();
    expect(screen.getByText("Sheet SV Setup: The sheet exists and holds data (A1:C21).")).toBeInTheDocument();
    expect(screen.getByText("Table SV_Measures: A table with this name exists.")).toBeInTheDocument();
  });

  it("previews the measure update, and applies it only once confirmed", async () => {
    const { user, actions } = await insertIntoAnExistingEvaluation();
    await user.click(screen.getByRole("button", { name: "Update the measures instead" }));

    await screen.findByRole("heading", { name: `Update SV Measures to ${ESSEX.name}?` });
    const [measures] = actions.previewMeasureUpdate.mock.calls[0] ?? [];
    expect(measures?.filter((m) => m.inScope).map((m) => m.ref)).toEqual(["ECC1", "ECC39"]);
    expect(screen.getByText("Adds 1 measure: ECC39.")).toBeInTheDocument();
    expect(screen.getByText("Keeps your edits on 1 measure: ECC10 (Proxy).")).toBeInTheDocument();
    expect(screen.getByText("Keeps 1 row the framework does not have, as they are: OWN1.")).toBeInTheDocument();
    expect(actions.applyMeasureUpdate).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Update SV Measures" }));
    await screen.findByText("SV Measures updated");
    expect(actions.applyMeasureUpdate).toHaveBeenCalledWith(
      aMeasureUpdatePreview(),
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
  });

  it("leaves SV Measures alone when the user declines the update", async () => {
    const { user, actions } = await insertIntoAnExistingEvaluation();
    await user.click(screen.getByRole("button", { name: "Update the measures instead" }));
    await user.click(await screen.findByRole("button", { name: "Don't update" }));
    expect(actions.applyMeasureUpdate).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Update the measures instead" })).toBeInTheDocument();
  });

  it("offers no confirmation when SV Measures has columns the add-in did not write", async () => {
    const { user, actions } = await insertIntoAnExistingEvaluation();
    actions.previewMeasureUpdate.mockResolvedValue(aMeasureUpdatePreview({ unexpectedHeaders: ["Code", "Name"] }));
    await user.click(screen.getByRole("button", { name: "Update the measures instead" }));
    expect(await screen.findByText("SV Measures cannot be updated")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Update SV Measures" })).not.toBeInTheDocument();
  });

  it("drops a pending preview when the measures chosen change", async () => {
    const { user } = await insertIntoAnExistingEvaluation();
    await user.click(screen.getByRole("button", { name: "Update the measures instead" }));
    await screen.findByRole("button", { name: "Update SV Measures" });
    await user.click(screen.getByRole("checkbox", { name: /^ECC39 / }));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Update SV Measures" })).not.toBeInTheDocument());
    expect(screen.getByRole("button", { name: "Update the measures instead" })).toBeInTheDocument();
  });
});
