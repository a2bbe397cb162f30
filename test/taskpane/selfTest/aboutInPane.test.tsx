/** @jest-environment jsdom */
import "../setup";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ADDIN_VERSION } from "../../../src/core";
import { App } from "../../../src/taskpane/App";
import { aFakeActions } from "../fakeActions";

const inExcel = { kind: "excel", officeTheme: { bodyBackgroundColor: "#FFFFFF" } } as const;

describe("About and self-test, from the pane", () => {
  it("shows the add-in's version at the foot of the pane, in Excel and outside it", () => {
    const { unmount } = render(<App host={inExcel} actions={aFakeActions()} />);
    expect(screen.getByRole("contentinfo")).toHaveTextContent(`Version ${ADDIN_VERSION}`);
    unmount();
    render(<App host={{ kind: "no-office" }} />);
    expect(screen.getByRole("contentinfo")).toHaveTextContent(`Version ${ADDIN_VERSION}`);
    expect(screen.queryByRole("button", { name: "About and self-test" })).not.toBeInTheDocument();
  });

  it("opens the page in place of the steps, and goes back to the steps as they were", async () => {
    const user = userEvent.setup();
    render(<App host={inExcel} actions={aFakeActions()} />);
    await user.click(screen.getByRole("tab", { name: "Scores" }));
    await user.click(screen.getByRole("button", { name: "About and self-test" }));
    expect(await screen.findByRole("heading", { level: 2, name: "About and self-test" })).toHaveFocus();
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Back to the evaluation" }));
    expect(screen.getByRole("tab", { name: "Scores" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("button", { name: "About and self-test" })).toHaveFocus();
  });
});
