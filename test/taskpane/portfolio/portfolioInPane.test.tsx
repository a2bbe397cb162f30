/** @jest-environment jsdom */
import "../setup";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { aFakeActions } from "../fakeActions";

const inExcel = { kind: "excel", officeTheme: { bodyBackgroundColor: "#FFFFFF" } } as const;

describe("Council portfolio, from the pane", () => {
  it("is offered at the foot of the pane in Excel only", () => {
    const { unmount } = render(<App host={inExcel} actions={aFakeActions()} />);
    expect(screen.getByRole("contentinfo")).toContainElement(screen.getByRole("button", { name: "Council portfolio" }));
    unmount();
    render(<App host={{ kind: "no-office" }} />);
    expect(screen.queryByRole("button", { name: "Council portfolio" })).not.toBeInTheDocument();
  });

  it("opens the page in place of the steps, and goes back to the steps as they were", async () => {
    const user = userEvent.setup();
    render(<App host={inExcel} actions={aFakeActions()} />);
    await user.click(screen.getByRole("tab", { name: "Moderation" }));
    await user.click(screen.getByRole("button", { name: "Council portfolio" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Council portfolio" })).toHaveFocus();
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
    // Neither footer button is offered while a page stands in for the steps.
    expect(screen.queryByRole("button", { name: "About and self-test" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Back to the evaluation" }));
    expect(screen.getByRole("tab", { name: "Moderation" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("button", { name: "Council portfolio" })).toHaveFocus();
  });
});
