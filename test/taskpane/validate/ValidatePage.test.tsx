/** @jest-environment jsdom */
import "../setup";
import { screen, within } from "@testing-library/react";
import type { ValidationView } from "../../../src/excel/actions";
import type { OperationOptions } from "../../../src/excel/shared/excelRun";
import { ValidatePage } from "../../../src/taskpane/validate/ValidatePage";
import { aFakeActions, aFinding, aValidationView, deferred, type FakeActions } from "../fakeActions";
import { renderPage } from "../renderPage";

const findings = [
  aFinding({ code: "SV103", severity: "error", row: 4, column: "Ref", message: "XYZ is not a measure in the measure table." }),
  aFinding({ code: "SV112", severity: "error", row: 7, column: "Quantity", message: "The quantity -3 is negative." }),
  aFinding({ code: "SV119", severity: "warning", row: 9, column: "Evidence", message: "ECC10 needs evidence, and none is given." }),
];

function renderValidate(actions: FakeActions = aFakeActions({ validate: jest.fn().mockResolvedValue(aValidationView(findings)) })) {
  return { actions, ...renderPage(<ValidatePage actions={actions} />) };
}

async function validated() {
  const rendered = renderValidate();
  await rendered.user.click(screen.getByRole("button", { name: "Validate commitments" }));
  await screen.findByRole("button", { name: "Errors (2)" });
  return rendered;
}

describe("Validate", () => {
  it("counts the findings by severity, in words", async () => {
    await validated();
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("10 rows checked:");
    expect(within(status).getByText("2 errors")).toBeInTheDocument();
    expect(within(status).getByText("1 warning")).toBeInTheDocument();
    expect(within(status).getByText("0 notes")).toBeInTheDocument();
  });

  it("groups the findings by severity, worst first, and leaves out empty groups", async () => {
    await validated();
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["Errors (2)", "Warnings (1)"]);
  });

  it("shows each finding's code, row, column, message and what to do", async () => {
    await validated();
    const finding = screen.getByRole("button", { name: "SV112 · Row 7, Quantity (cell E7)" });
    expect(finding).toHaveAccessibleDescription("The quantity -3 is negative. What to do: Correct the ref.");
  });

  it("collapses a group when its heading is chosen", async () => {
    const { user } = await validated();
    await user.click(screen.getByRole("button", { name: "Warnings (1)" }));
    expect(screen.getByRole("button", { name: "Warnings (1)" })).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("button", { name: /^SV119/ })).not.toBeInTheDocument();
  });

  it("takes the user to a finding's cell when it is clicked", async () => {
    const { user, actions } = await validated();
    await user.click(screen.getByRole("button", { name: /^SV103/ }));
    expect(actions.goToCell).toHaveBeenCalledWith("SV Commitments", "B4");
  });

  it("takes the user to a finding's cell with Enter", async () => {
    const { user, actions } = await validated();
    screen.getByRole("button", { name: /^SV119/ }).focus();
    await user.keyboard("{Enter}");
    expect(actions.goToCell).toHaveBeenCalledWith("SV Commitments", "J9");
  });

  it("validates again for the fix loop, showing the new result", async () => {
    const { user, actions } = await validated();
    actions.validate.mockResolvedValue(aValidationView([findings[2]!]));
    await user.click(screen.getByRole("button", { name: "Validate again" }));
    await screen.findByRole("button", { name: "Warnings (1)" });
    expect(actions.validate).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole("button", { name: /^Errors/ })).not.toBeInTheDocument();
  });

  it("clears the marks from the sheet", async () => {
    const { user, actions } = await validated();
    await user.click(screen.getByRole("button", { name: "Clear marks" }));
    expect(actions.clearValidation).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/The Status column and the cell fills are cleared/)).toBeInTheDocument();
  });

  it("says plainly when nothing is wrong", async () => {
    const { user } = renderValidate(aFakeActions({ validate: jest.fn().mockResolvedValue(aValidationView([], { rows: 1200 })) }));
    await user.click(screen.getByRole("button", { name: "Validate commitments" }));
    expect(await screen.findByText("1,200 rows checked: no problems found.")).toBeInTheDocument();
  });

  it("lists the rows of SV Measures it could not read", async () => {
    const view = aValidationView([], { measureProblems: [{ row: 12, message: "The unit “furlongs” is not one the add-in knows." }] });
    const { user } = renderValidate(aFakeActions({ validate: jest.fn().mockResolvedValue(view) }));
    await user.click(screen.getByRole("button", { name: "Validate commitments" }));
    expect(await screen.findByText("SV Measures has rows the add-in could not read")).toBeInTheDocument();
    expect(screen.getByText("Row 12: The unit “furlongs” is not one the add-in knows.")).toBeInTheDocument();
  });

  it("shows the first 200 findings of a group, and more on request", async () => {
    const many = Array.from({ length: 450 }, (_, i) => aFinding({ row: i + 4 }));
    const { user } = renderValidate(aFakeActions({ validate: jest.fn().mockResolvedValue(aValidationView(many)) }));
    await user.click(screen.getByRole("button", { name: "Validate commitments" }));
    await screen.findByRole("button", { name: "Errors (450)" });
    // Counting only: nothing here is hidden, and skipping jsdom's slow visibility check per item keeps 450 items quick.
    const shown = () => screen.getAllByRole("listitem", { hidden: true }).length;
    expect(shown()).toBe(200);
    await user.click(screen.getByRole("button", { name: "Show 200 more errors (250 not shown)" }));
    expect(shown()).toBe(400);
    await user.click(screen.getByRole("button", { name: "Show 50 more errors (50 not shown)" }));
    expect(shown()).toBe(450);
    expect(screen.queryByRole("button", { name: /^Show/ })).not.toBeInTheDocument();
    // 450 findings rendered three times in jsdom take about 4 s on a quiet 2-core machine: more
    // than jest's default 5 s allows once other test files share the CPU.
  }, 30_000);

  it("shows progress while validating, and aborts the signal on Cancel", async () => {
    const run = deferred<ValidationView>();
    let options: OperationOptions | undefined;
    const actions = aFakeActions({
      validate: jest.fn((given?: OperationOptions) => {
        options = given;
        given?.onProgress?.({ fraction: 0.4, message: "Reading the commitments…" });
        return run.promise;
      }),
    });
    const { user } = renderValidate(actions);
    await user.click(screen.getByRole("button", { name: "Validate commitments" }));
    expect(screen.getByRole("progressbar", { name: "Validating the commitments" })).toHaveAttribute("aria-valuenow", "0.4");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(options?.signal?.aborted).toBe(true);
    run.reject(new Error("Cancelled: nothing was changed in the workbook."));
    expect(await screen.findByText("Described: Cancelled: nothing was changed in the workbook.")).toBeInTheDocument();
  });

  it("shows describeError's sentence when validation fails", async () => {
    const failure = new Error("This workbook has no evaluation yet");
    const { user, actions } = renderValidate(aFakeActions({ validate: jest.fn().mockRejectedValue(failure) }));
    await user.click(screen.getByRole("button", { name: "Validate commitments" }));
    expect(await screen.findByText("Described: This workbook has no evaluation yet")).toBeInTheDocument();
    expect(actions.describeError).toHaveBeenCalledWith(failure);
  });

  it("shows describeError's sentence when going to a cell fails", async () => {
    const { user, actions } = await validated();
    actions.goToCell.mockRejectedValue(new Error("ItemNotFound"));
    await user.click(screen.getByRole("button", { name: /^SV103/ }));
    expect(await screen.findByText("Described: ItemNotFound")).toBeInTheDocument();
  });
});
