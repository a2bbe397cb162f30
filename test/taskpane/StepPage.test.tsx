/** @jest-environment jsdom */
import "./setup";
import { screen } from "@testing-library/react";
import { useState } from "react";
import { Button } from "@fluentui/react-components";
import { NoticeRegions, type Notice } from "../../src/taskpane/Notice";
import { StepPage } from "../../src/taskpane/StepPage";
import { renderPage } from "./renderPage";

/** A page with an action near the top and its outcome in the page's status and alert regions. */
function APage({ outcome }: { outcome: Notice }) {
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  return (
    <>
      <Button onClick={() => setNotice(outcome)}>Do it</Button>
      <p>A long form the result appears below.</p>
      <NoticeRegions notice={notice} />
    </>
  );
}

function renderStep(outcome: Notice, hidden = false) {
  return renderPage(
    <StepPage step={{ id: "validate", label: "Validate" }} id="page" tabId="tab" hidden={hidden}>
      <APage outcome={outcome} />
    </StepPage>
  );
}

// jsdom lays nothing out and has no scrollIntoView: the test records where the page was asked to scroll.
let scrolled: { element: Element; options: unknown }[];
beforeEach(() => {
  scrolled = [];
  Element.prototype.scrollIntoView = function scrollIntoView(this: Element, options?: unknown) {
    scrolled.push({ element: this, options });
  };
});
afterEach(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

describe("a step page's results", () => {
  it("brings a result into view when the action reports it", async () => {
    const { user } = renderStep({ intent: "success", message: "Validated: no problems." });
    expect(scrolled).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Do it" }));
    const message = await screen.findByText("Validated: no problems.");
    expect(scrolled).toHaveLength(1);
    expect(scrolled[0]?.element.contains(message)).toBe(true);
    expect(scrolled[0]?.options).toEqual({ block: "nearest" });
  });

  it("brings an error into view too", async () => {
    const { user } = renderStep({ intent: "error", message: "The workbook is protected." });
    await user.click(screen.getByRole("button", { name: "Do it" }));
    const message = await screen.findByText("The workbook is protected.");
    expect(screen.getByRole("alert")).toContainElement(message);
    expect(scrolled.some((s) => s.element.contains(message))).toBe(true);
  });

  it("does not scroll when the page first shows, before anything was done", () => {
    renderStep({ intent: "success", message: "Done." });
    expect(screen.getByText("A long form the result appears below.")).toBeInTheDocument();
    expect(scrolled).toEqual([]);
  });
});
