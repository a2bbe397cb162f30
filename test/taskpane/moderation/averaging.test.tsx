/** @jest-environment jsdom */
import "../setup";
import { screen, within } from "@testing-library/react";
import type { ModerationView } from "../../../src/excel/moderation/moderationActions";
import { ModerationPage } from "../../../src/taskpane/moderation/ModerationPage";
import { aFakeActions } from "../fakeActions";
import { aModerationItem, aModerationView } from "../fakeModerationActions";
import { renderPage } from "../renderPage";

/** An average of 3.33 (Alice 3, Bob 3, Carol 4) the panel has not confirmed yet. */
const averaged = aModerationItem({ rollUp: "average", rolledUp: 10 / 3 });

async function moderating(view: ModerationView) {
  const actions = aFakeActions({ readModeration: jest.fn().mockResolvedValue(view), recordConsensus: jest.fn().mockResolvedValue({ ok: true, agreedAt: "2026-12-06T10:00:00.000Z" }) });
  const rendered = renderPage(<ModerationPage actions={actions} />);
  await rendered.user.click(screen.getByRole("button", { name: "Load moderation" }));
  await screen.findByRole("button", { name: "Reload moderation" });
  return { actions, ...rendered };
}

describe("Moderation under an average or median roll-up", () => {
  it("explains that averaging is not moderation, citing Bromcom, and what the panel still records", async () => {
    await moderating(aModerationView([averaged], { rollUp: "average", moderationOpen: true }));
    expect(screen.getByText("Averaging is not moderation")).toBeInTheDocument();
    expect(screen.getByText(/Bromcom v United Learning Trust \[2022\] EWHC 3262 \(TCC\)/)).toHaveTextContent(
      /still discusses each item and records its reason and who agreed.*only if the tender documents said marks would be averaged/,
    );
  });

  it("says nothing of averaging under consensus", async () => {
    await moderating(aModerationView([aModerationItem()], { moderationOpen: true }));
    expect(screen.queryByText("Averaging is not moderation")).not.toBeInTheDocument();
  });

  it("asks the panel to confirm the average with its reason, sending no mark of its own", async () => {
    const { user, actions } = await moderating(aModerationView([averaged], { rollUp: "average", moderationOpen: true }));
    await user.click(screen.getByRole("button", { name: /^Acme Ltd · SV1/ }));
    const form = within(screen.getByRole("group", { name: "Consensus for Acme Ltd on SV1" }));
    expect(form.queryByRole("combobox", { name: /Agreed mark/ })).not.toBeInTheDocument();
    expect(form.getByText(/The average of the evaluators' marks, 3\.33\. Record the panel's reason and who agreed to confirm it\./)).toBeInTheDocument();
    const reason = "Named local partners and quarterly KPIs meet the criterion; no baseline is given, so good rather than excellent.";
    await user.type(form.getByRole("textbox", { name: /Rationale/ }), reason);
    await user.click(form.getByRole("button", { name: "Record consensus" }));
    expect(actions.recordConsensus).toHaveBeenCalledWith({ bidder: "Acme Ltd", criterion: "SV1", rationale: reason, agreedBy: ["Alice", "Bob", "Carol"] });
  });
});
