/** @jest-environment jsdom */
import "../setup";
import { screen, within } from "@testing-library/react";
import { ValidatePage } from "../../../src/taskpane/validate/ValidatePage";
import { aFakeActions, aFinding, aValidationView } from "../fakeActions";
import { renderPage } from "../renderPage";

const implausible = aFinding({
  code: "SV123",
  severity: "error",
  row: 5,
  column: "Quantity",
  bidder: "Acme Care",
  ref: "ILL9",
  message: "999,999,999,999,999 hours (worth £16,929,999,999,999,982.08) for ILL9 is more than the whole contract value (£1,000,000), which is not credible as offered.",
});

async function validatedWith(overrides: Parameters<typeof aFakeActions>[0] = {}) {
  const actions = aFakeActions({ validate: jest.fn().mockResolvedValue(aValidationView([implausible])), ...overrides });
  const rendered = renderPage(<ValidatePage actions={actions} />);
  await rendered.user.click(screen.getByRole("button", { name: "Validate commitments" }));
  await screen.findByRole("heading", { name: "Implausible commitments to clarify (1)" });
  return { actions, ...rendered };
}

describe("Validate: implausible commitments and the panel's outcome", () => {
  it("lists the implausible commitment and records the panel's capped outcome with its reason, who and date", async () => {
    const { actions, user } = await validatedWith();
    await user.click(screen.getByRole("button", { name: "Record the panel's outcome" }));
    const form = screen.getByRole("form", { name: "Outcome for Acme Care, ILL9" });
    await user.selectOptions(within(form).getByRole("combobox", { name: /Outcome/ }), "Capped");
    await user.type(within(form).getByRole("textbox", { name: /Capped at/ }), "500");
    await user.type(within(form).getByRole("textbox", { name: /Reason/ }), "The bidder confirmed 500 hours a year.");
    await user.type(within(form).getByRole("textbox", { name: /Decided by/ }), "J Patel");
    await user.clear(within(form).getByLabelText(/Decided on/));
    await user.type(within(form).getByLabelText(/Decided on/), "2026-01-01");
    await user.click(within(form).getByRole("button", { name: "Record outcome" }));
    expect(actions.recordClarification).toHaveBeenCalledWith({
      bidder: "Acme Care",
      ref: "ILL9",
      issue: implausible.message,
      outcome: "Capped",
      cappedAt: 500,
      reason: "The bidder confirmed 500 hours a year.",
      decidedBy: "J Patel",
      decidedAt: "2026-01-01",
    });
    expect(await screen.findByText("Recorded on SV Clarifications: Acme Care, ILL9, Capped.")).toBeInTheDocument();
    expect(actions.validate).toHaveBeenCalledTimes(2);
  });

  it("says why an outcome was not recorded, keeping the form open", async () => {
    const { user } = await validatedWith({ recordClarification: jest.fn().mockRejectedValue(new Error("Give the panel's reason: the outcome is part of the signed record and must say why.")) });
    await user.click(screen.getByRole("button", { name: "Record the panel's outcome" }));
    await user.click(screen.getByRole("button", { name: "Record outcome" }));
    expect(await screen.findByText("Described: Give the panel's reason: the outcome is part of the signed record and must say why.")).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Outcome for Acme Care, ILL9" })).toBeInTheDocument();
  });

  it("lists outcome rows on SV Clarifications that do not count yet, with why", async () => {
    await validatedWith({
      validate: jest.fn().mockResolvedValue(aValidationView([implausible], { clarificationProblems: [{ row: 4, bidder: "Acme Care", ref: "ILL9", message: "Row 4 of SV Clarifications (Acme Care, ILL9): the outcome Capped is not recorded yet, because it lacks the reason." }] })),
    });
    expect(screen.getByText(/Row 4 of SV Clarifications \(Acme Care, ILL9\): the outcome Capped is not recorded yet/)).toBeInTheDocument();
  });
});
