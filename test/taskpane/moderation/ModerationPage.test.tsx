/** @jest-environment jsdom */
import "../setup";
import { screen, waitFor, within } from "@testing-library/react";
import type { ModerationView } from "../../../src/excel/moderation/moderationActions";
import { ModerationPage } from "../../../src/taskpane/moderation/ModerationPage";
import { aFakeActions, deferred, type FakeActions } from "../fakeActions";
import {
  aMarkingView,
  aModerationItem,
  aModerationView,
  aRollUpChange,
  aSignOffResult,
  aSignOffReview,
  aVerifyResult,
  markRows,
} from "../fakeModerationActions";
import { renderPage } from "../renderPage";
import { useState } from "react";
import { WorkbookStateContext } from "../../../src/taskpane/useWorkbookState";

// Each test drives the page through many clicks and typed fields; on a loaded 2-core CI machine
// a few take longer than jest's default 5 s, which says nothing about the page.
jest.setTimeout(20_000);

/** The Moderation page as the pane shows it among the steps, with a way to look at another page. */
function AmongSteps({ actions }: { actions: FakeActions }) {
  const [shown, setShown] = useState("moderation");
  return (
    <WorkbookStateContext.Provider value={{ shownStep: shown, state: undefined, failure: undefined, refresh: () => undefined }}>
      <button type="button" onClick={() => setShown(shown === "moderation" ? "scores" : "moderation")}>
        Switch page
      </button>
      <ModerationPage actions={actions} />
    </WorkbookStateContext.Provider>
  );
}

function renderModeration(actions: FakeActions = aFakeActions()) {
  return { actions, ...renderPage(<ModerationPage actions={actions} />) };
}

/** The fields of one bidder × criterion on the marking list. */
function task(bidder: string, criterion: string) {
  return within(screen.getByRole("group", { name: new RegExp(`^${bidder} ${criterion}:`) }));
}

async function markingAs(evaluator: string, actions?: FakeActions) {
  const rendered = renderModeration(actions);
  await rendered.user.click(screen.getByRole("button", { name: "Load the marking sheet" }));
  await rendered.user.selectOptions(await screen.findByRole("combobox", { name: /Who is marking/ }), evaluator);
  return rendered;
}

/** Bob and Carol have marked; Alice has not. */
const othersMarked = markRows((evaluator, bidder, criterion) =>
  evaluator === "Alice" ? null : evaluator === "Bob" ? 2 : bidder === "Acme Ltd" && criterion === "SV1" ? 5 : 3,
);

describe("Moderation: marking", () => {
  it("saves only the chosen evaluator's marks and comments", async () => {
    const { user, actions } = await markingAs("Alice");
    await user.selectOptions(task("Acme Ltd", "SV1").getByRole("combobox", { name: "Mark" }), "4");
    await user.type(task("Acme Ltd", "SV1").getByRole("textbox", { name: "Comment" }), "Named college partner.");
    await user.selectOptions(task("Brightside CIC", "SV2").getByRole("combobox", { name: "Mark" }), "2");
    await user.click(screen.getByRole("button", { name: "Save my marks" }));

    expect(actions.saveMarks).toHaveBeenCalledTimes(1);
    const [evaluator, marks] = actions.saveMarks.mock.calls[0]!;
    expect(evaluator).toBe("Alice");
    // Only what Alice changed is written: her untouched rows are never sent.
    expect(marks).toEqual([
      { bidder: "Acme Ltd", criterion: "SV1", mark: 4, comment: "Named college partner." },
      { bidder: "Brightside CIC", criterion: "SV2", mark: 2 },
    ]);
    expect(await screen.findByText(/Saved 2 changed rows of Alice's marks on SV Marks \(2 of 4 marked\)/)).toBeInTheDocument();
  });

  it("never loses saved marks: switching evaluator and back shows what SV Marks holds, and a save sends only the change (issue #16)", async () => {
    // SV Marks as the workbook holds it: saves land there, and every read returns it as it is now.
    let rows = markRows();
    const actions = aFakeActions({
      readMarking: jest.fn(async () => aMarkingView({ marks: rows })),
      saveMarks: jest.fn(async (who: string, marks: readonly { bidder: string; criterion: string; mark?: number | null; comment?: string }[]) => {
        rows = rows.map((r) => {
          const m = marks.find((x) => r.evaluator === who && x.bidder === r.bidder && x.criterion === r.criterion);
          return m === undefined ? r : { ...r, mark: m.mark === undefined ? r.mark : m.mark, comment: m.comment ?? r.comment };
        });
        return { saved: marks.length };
      }),
    });
    const { user } = await markingAs("Alice", actions);
    for (const [bidder, criterion] of [["Acme Ltd", "SV1"], ["Acme Ltd", "SV2"], ["Brightside CIC", "SV1"], ["Brightside CIC", "SV2"]] as const) {
      await user.selectOptions(task(bidder, criterion).getByRole("combobox", { name: "Mark" }), "3");
    }
    await user.click(screen.getByRole("button", { name: "Save my marks" }));
    await screen.findByText(/Saved 4 changed rows of Alice's marks/);

    const who = screen.getByRole("combobox", { name: /Who is marking/ });
    await user.selectOptions(who, "Bob");
    await user.selectOptions(who, "Alice");
    // Alice's four saved marks are shown, read from SV Marks, not blanks from the first read.
    await waitFor(() => expect(task("Acme Ltd", "SV2").getByRole("combobox", { name: "Mark" })).toHaveValue("3"));
    expect(task("Brightside CIC", "SV2").getByRole("combobox", { name: "Mark" })).toHaveValue("3");

    await user.selectOptions(task("Acme Ltd", "SV1").getByRole("combobox", { name: "Mark" }), "5");
    await user.click(screen.getByRole("button", { name: "Save my marks" }));
    expect(actions.saveMarks).toHaveBeenLastCalledWith("Alice", [{ bidder: "Acme Ltd", criterion: "SV1", mark: 5 }], expect.anything());
    expect(await screen.findByText(/Saved 1 changed row of Alice's marks on SV Marks \(4 of 4 marked\)/)).toBeInTheDocument();
    expect(rows.filter((r) => r.evaluator === "Alice").map((r) => r.mark)).toEqual([5, 3, 3, 3]);
  });

  it("keeps a mark typed while the switch's re-read is on its way, over SV Marks as it now is", async () => {
    const later = deferred<ReturnType<typeof aMarkingView>>();
    const readMarking = jest.fn().mockResolvedValueOnce(aMarkingView({ marks: othersMarked })).mockReturnValueOnce(later.promise);
    const { user } = await markingAs("Bob", aFakeActions({ readMarking }));
    await user.selectOptions(task("Acme Ltd", "SV1").getByRole("combobox", { name: "Mark" }), "4");
    // Meanwhile a co-author's save reached SV Marks for another of Bob's items.
    later.resolve(aMarkingView({ marks: othersMarked.map((r) => (r.evaluator === "Bob" && r.bidder === "Brightside CIC" && r.criterion === "SV2" ? { ...r, mark: 5 } : r)) }));
    await waitFor(() => expect(task("Brightside CIC", "SV2").getByRole("combobox", { name: "Mark" })).toHaveValue("5"));
    expect(task("Acme Ltd", "SV1").getByRole("combobox", { name: "Mark" })).toHaveValue("4");
  });

  it("keeps only the part typed while the switch's re-read is on its way: a comment typed then never blanks the mark SV Marks now holds", async () => {
    const later = deferred<ReturnType<typeof aMarkingView>>();
    const readMarking = jest.fn().mockResolvedValueOnce(aMarkingView({ marks: othersMarked })).mockReturnValueOnce(later.promise);
    const actions = aFakeActions({ readMarking });
    const { user } = await markingAs("Alice", actions);
    await user.type(task("Acme Ltd", "SV1").getByRole("textbox", { name: "Comment" }), "No dates");
    // Meanwhile Alice's mark for it, given in another window, reached SV Marks.
    later.resolve(aMarkingView({ marks: othersMarked.map((r) => (r.evaluator === "Alice" && r.bidder === "Acme Ltd" && r.criterion === "SV1" ? { ...r, mark: 4 } : r)) }));
    await waitFor(() => expect(task("Acme Ltd", "SV1").getByRole("combobox", { name: "Mark" })).toHaveValue("4"));
    expect(task("Acme Ltd", "SV1").getByRole("textbox", { name: "Comment" })).toHaveValue("No dates");
    await user.click(screen.getByRole("button", { name: "Save my marks" }));
    expect(actions.saveMarks).toHaveBeenCalledWith("Alice", [{ bidder: "Acme Ltd", criterion: "SV1", comment: "No dates" }], expect.anything());
  });

  it("shows what SV Marks holds when the evaluator is switched again while the last switch's read is running", async () => {
    const later = deferred<ReturnType<typeof aMarkingView>>();
    const readMarking = jest.fn().mockResolvedValueOnce(aMarkingView({ marks: othersMarked })).mockReturnValueOnce(later.promise);
    const { user } = await markingAs("Bob", aFakeActions({ readMarking }));
    await user.selectOptions(screen.getByRole("combobox", { name: /Who is marking/ }), "Alice");
    // The read Bob's choice started answers now: Alice's marks, saved meanwhile, are in it.
    later.resolve(aMarkingView({ marks: othersMarked.map((r) => (r.evaluator === "Alice" && r.bidder === "Acme Ltd" && r.criterion === "SV2" ? { ...r, mark: 1 } : r)) }));
    await waitFor(() => expect(task("Acme Ltd", "SV2").getByRole("combobox", { name: "Mark" })).toHaveValue("1"));
  });

  it("reads SV Marks again when the page is shown again, keeping what was typed and not saved", async () => {
    let rows = othersMarked;
    const actions = aFakeActions({ readMarking: jest.fn(async () => aMarkingView({ marks: rows })) });
    const { user } = renderPage(<AmongSteps actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Load the marking sheet" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: /Who is marking/ }), "Bob");
    await user.type(task("Acme Ltd", "SV1").getByRole("textbox", { name: "Comment" }), "No dates");
    await user.click(screen.getByRole("button", { name: "Switch page" }));
    // While another page was shown, Bob's mark for Brightside CIC on SV2 was changed on SV Marks.
    rows = othersMarked.map((r) => (r.evaluator === "Bob" && r.bidder === "Brightside CIC" && r.criterion === "SV2" ? { ...r, mark: 5 } : r));
    await user.click(screen.getByRole("button", { name: "Switch page" }));
    await waitFor(() => expect(task("Brightside CIC", "SV2").getByRole("combobox", { name: "Mark" })).toHaveValue("5"));
    expect(task("Acme Ltd", "SV1").getByRole("textbox", { name: "Comment" })).toHaveValue("No dates");
  });

  it("reads both the marks and the moderation again when the page is shown again, one after the other", async () => {
    const actions = aFakeActions({ readMarking: jest.fn().mockResolvedValue(aMarkingView({ marks: othersMarked })) });
    const { user } = renderPage(<AmongSteps actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Load the marking sheet" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: /Who is marking/ }), "Bob");
    await user.click(screen.getByRole("button", { name: "Load moderation" }));
    await screen.findByRole("button", { name: "Reload moderation" });
    const [marks, moderation] = [actions.readMarking.mock.calls.length, actions.readModeration.mock.calls.length];
    await user.click(screen.getByRole("button", { name: "Switch page" }));
    await user.click(screen.getByRole("button", { name: "Switch page" }));
    await waitFor(() => expect(actions.readModeration).toHaveBeenCalledTimes(moderation + 1));
    expect(actions.readMarking).toHaveBeenCalledTimes(marks + 1);
  });

  it("writes a blank over a saved mark only when the evaluator cleared it, and says so", async () => {
    const actions = aFakeActions({ readMarking: jest.fn().mockResolvedValue(aMarkingView({ marks: othersMarked })) });
    const { user } = await markingAs("Bob", actions);
    await user.selectOptions(task("Acme Ltd", "SV1").getByRole("combobox", { name: "Mark" }), "");
    await user.click(screen.getByRole("button", { name: "Save my marks" }));
    expect(actions.saveMarks).toHaveBeenCalledWith("Bob", [{ bidder: "Acme Ltd", criterion: "SV1", mark: null }], expect.anything());
    expect(await screen.findByText(/1 mark was cleared, as you chose\./)).toBeInTheDocument();
  });

  it("sends nothing when nothing changed", async () => {
    const { user, actions } = await markingAs("Alice");
    await user.click(screen.getByRole("button", { name: "Save my marks" }));
    expect(actions.saveMarks).not.toHaveBeenCalled();
    expect(await screen.findByText(/^Nothing to save/)).toBeInTheDocument();
  });

  it("starts from the evaluator's own saved marks and offers only the scale's marks", async () => {
    const view = aMarkingView({ marks: markRows((e, b, c) => (e === "Bob" && b === "Acme Ltd" && c === "SV2" ? 3 : null)) });
    await markingAs("Bob", aFakeActions({ readMarking: jest.fn().mockResolvedValue(view) }));
    const mark = task("Acme Ltd", "SV2").getByRole("combobox", { name: "Mark" });
    expect(mark).toHaveValue("3");
    expect(
      within(mark)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Not marked", "0", "1", "2", "3", "4", "5"]);
  });

  it("shows the other evaluators' marks when marking is not blind", async () => {
    await markingAs("Alice", aFakeActions({ readMarking: jest.fn().mockResolvedValue(aMarkingView({ marks: othersMarked })) }));
    expect(task("Acme Ltd", "SV1").getByText("Other evaluators: Bob 2 · Carol 5")).toBeInTheDocument();
  });

  it("hides the other evaluators' marks under blind marking until moderation opens, and says so", async () => {
    const view = aMarkingView({ marks: othersMarked, blindMarking: true, moderationOpen: false });
    await markingAs("Alice", aFakeActions({ readMarking: jest.fn().mockResolvedValue(view) }));
    expect(screen.getByText(/other evaluators' marks are hidden until moderation opens/)).toBeInTheDocument();
    expect(screen.queryByText(/Other evaluators:/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Carol 5/)).not.toBeInTheDocument();
  });

  it("tells the evaluator when their Mark cell holds text instead of a mark", async () => {
    const marks = markRows().map((r) => (r.evaluator === "Alice" && r.bidder === "Acme Ltd" && r.criterion === "SV1" ? { ...r, typed: "four" } : r));
    await markingAs("Alice", aFakeActions({ readMarking: jest.fn().mockResolvedValue(aMarkingView({ marks })) }));
    expect(screen.getByText(/SV Marks holds “four” here, which is text, not a mark/)).toBeInTheDocument();
  });

  it("shows the bidder's answer on request", async () => {
    const { user } = await markingAs("Alice");
    const show = task("Acme Ltd", "SV1").getByRole("button", { name: "Show the bidder's answer" });
    expect(show).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByText("We will hire ten local apprentices through the college.")).not.toBeVisible();
    await user.click(show);
    expect(screen.getByText("We will hire ten local apprentices through the college.")).toBeVisible();
  });

  it("offers to prepare the marking sheet when rows are missing, and reloads it", async () => {
    const actions = aFakeActions({
      readMarking: jest
        .fn()
        .mockResolvedValueOnce(aMarkingView({ marks: [] }))
        .mockResolvedValue(aMarkingView()),
      prepareMarking: jest.fn().mockResolvedValue({ added: 12 }),
    });
    const { user } = renderModeration(actions);
    await user.click(screen.getByRole("button", { name: "Load the marking sheet" }));
    expect(await screen.findByText(/SV Marks lacks 12 rows/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Prepare the marking sheet" }));
    expect(actions.prepareMarking).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/12 rows were added to SV Marks/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Prepare the marking sheet" })).not.toBeInTheDocument();
  });

  it("makes everything read-only once the record is signed", async () => {
    const view = aMarkingView({ signedAt: "2025-03-10T16:30:00.000Z" });
    await markingAs("Alice", aFakeActions({ readMarking: jest.fn().mockResolvedValue(view) }));
    expect(screen.getByText(/marks can no longer be changed/)).toBeInTheDocument();
    expect(task("Acme Ltd", "SV1").getByRole("combobox", { name: "Mark" })).toBeDisabled();
    expect(task("Acme Ltd", "SV1").getByRole("textbox", { name: "Comment" })).toHaveAttribute("readonly");
    expect(screen.queryByRole("button", { name: "Save my marks" })).not.toBeInTheDocument();
  });

  it("keeps what was typed and shows describeError's sentence when saving fails", async () => {
    const { user, actions } = await markingAs("Alice");
    actions.saveMarks.mockRejectedValue(new Error("The workbook is read-only"));
    await user.type(task("Acme Ltd", "SV1").getByRole("textbox", { name: "Comment" }), "Clear plan.");
    await user.click(screen.getByRole("button", { name: "Save my marks" }));
    expect(await screen.findByText("Described: The workbook is read-only")).toBeInTheDocument();
    expect(task("Acme Ltd", "SV1").getByRole("textbox", { name: "Comment" })).toHaveValue("Clear plan.");
  });
});

const flagged = aModerationItem({
  bidder: "Brightside CIC",
  criterion: "SV2",
  marks: [
    { evaluator: "Alice", mark: 1 },
    { evaluator: "Bob", mark: 4 },
    { evaluator: "Carol", mark: 3 },
  ],
  min: 1,
  max: 4,
  spread: 3,
  flagged: true,
});
const closed = aModerationItem({
  bidder: "Acme Ltd",
  criterion: "SV2",
  consensus: 3,
  rolledUp: 3,
  status: "closed",
  rationale: "Quarterly reports with named evidence.",
  agreedBy: "Alice, Bob, Carol",
  agreedAt: "2025-03-05T11:20:00.000Z",
});

async function moderating(view: ModerationView = aModerationView([aModerationItem(), closed, flagged]), actions?: FakeActions) {
  const rendered = renderModeration(actions ?? aFakeActions({ readModeration: jest.fn().mockResolvedValue(view) }));
  await rendered.user.click(screen.getByRole("button", { name: "Load moderation" }));
  await screen.findByRole("button", { name: "Reload moderation" });
  return rendered;
}

function itemButton(name: RegExp) {
  return screen.getByRole("button", { name });
}

describe("Moderation: consensus", () => {
  it("counts open, closed and flagged items", async () => {
    await moderating();
    const counts = screen.getByRole("group", { name: "Moderation counts" });
    expect(within(counts).getByText("2 open")).toBeInTheDocument();
    expect(within(counts).getByText("1 closed")).toBeInTheDocument();
    expect(within(counts).getByText("1 flagged")).toBeInTheDocument();
    expect(within(counts).getByText("1 flagged and open")).toBeInTheDocument();
  });

  it("shows a flagged item's flag in words, with the marks side by side and the spread", async () => {
    await moderating();
    const item = itemButton(/^Brightside CIC · SV2/);
    expect(item).toHaveAccessibleName(/Flagged/);
    expect(item).toHaveAccessibleDescription(
      /Marks: Alice 1 · Bob 4 · Carol 3\. Spread 3\. The marks differ by more than the threshold of 1/,
    );
    expect(itemButton(/^Acme Ltd · SV1/)).not.toHaveAccessibleName(/Flagged/);
  });

  it("lists flagged open items first and closed ones last, and can show only open items", async () => {
    const { user } = await moderating();
    expect(screen.getAllByRole("button", { name: / · SV\d/ }).map((b) => within(b).getByText(/ · SV\d/).textContent)).toEqual([
      "Brightside CIC · SV2",
      "Acme Ltd · SV1",
      "Acme Ltd · SV2",
    ]);
    await user.click(screen.getByRole("switch", { name: "Show open items only" }));
    expect(screen.queryByRole("button", { name: /^Acme Ltd · SV2/ })).not.toBeInTheDocument();
  });

  it("shows who agreed a closed item, and when", async () => {
    await moderating();
    expect(itemButton(/^Acme Ltd · SV2/)).toHaveAccessibleDescription(/Consensus 3, agreed by Alice, Bob, Carol on 5 Mar 2025/);
  });

  it("refuses a rationale the workbook rejects: shows why beside it and keeps what was typed", async () => {
    const { user, actions } = await moderating();
    actions.recordConsensus.mockResolvedValue({
      ok: false,
      issues: [
        { code: "compares-bids", message: "it compares bids with each other (\u201cbetter than Acme\u201d) instead of the criterion" },
      ],
    });
    await user.click(itemButton(/^Brightside CIC · SV2/));
    const form = within(screen.getByRole("group", { name: "Consensus for Brightside CIC on SV2" }));
    await user.selectOptions(form.getByRole("combobox", { name: /Agreed mark/ }), "3");
    await user.type(form.getByRole("textbox", { name: /Rationale/ }), "Better than Acme.");
    await user.click(form.getByRole("button", { name: "Record consensus" }));

    const rationale = form.getByRole("textbox", { name: /Rationale/ });
    expect(rationale).toHaveValue("Better than Acme.");
    expect(rationale).toHaveAccessibleDescription(/This rationale cannot close the item\. It compares bids with each other/);
    expect(form.getByRole("combobox", { name: /Agreed mark/ })).toHaveValue("3");
    // Read on Load and again when the item was chosen; a refusal reads nothing more.
    expect(actions.readModeration).toHaveBeenCalledTimes(2);
  });

  it("records a consensus agreed by the panel members ticked, and shows it agreed", async () => {
    const agreedItem = {
      ...flagged,
      consensus: 3,
      rolledUp: 3,
      status: "closed" as const,
      agreedBy: "Alice, Carol",
      agreedAt: "2025-03-05T11:20:00.000Z",
    };
    const { user, actions } = await moderating();
    await user.click(itemButton(/^Brightside CIC · SV2/));
    const form = within(screen.getByRole("group", { name: "Consensus for Brightside CIC on SV2" }));
    expect(form.getAllByRole("checkbox").filter((c) => (c as HTMLInputElement).checked)).toHaveLength(3);
    await user.click(form.getByRole("checkbox", { name: "Bob" }));
    await user.selectOptions(form.getByRole("combobox", { name: /Agreed mark/ }), "3");
    await user.type(form.getByRole("textbox", { name: /Rationale/ }), "Clear monthly evidence of each placement.");
    actions.readModeration.mockResolvedValue(aModerationView([aModerationItem(), closed, agreedItem]));
    await user.click(form.getByRole("button", { name: "Record consensus" }));

    expect(actions.recordConsensus).toHaveBeenCalledWith({
      bidder: "Brightside CIC",
      criterion: "SV2",
      mark: 3,
      rationale: "Clear monthly evidence of each placement.",
      agreedBy: ["Alice", "Carol"],
    });
    expect(await screen.findByText(/Consensus recorded for Brightside CIC on SV2: mark 3, agreed by Alice and Carol/)).toBeInTheDocument();
    expect(itemButton(/^Brightside CIC · SV2/)).toHaveAccessibleDescription(/agreed by Alice, Carol on 5 Mar 2025/);
  });

  it("keeps what was typed for an item while another is looked at, and shows it again on return (issue #16)", async () => {
    const { user } = await moderating();
    await user.click(itemButton(/^Brightside CIC · SV2/));
    const form = () => within(screen.getByRole("group", { name: "Consensus for Brightside CIC on SV2" }));
    await user.selectOptions(form().getByRole("combobox", { name: /Agreed mark/ }), "3");
    await user.type(form().getByRole("textbox", { name: /Rationale/ }), "Clear monthly evidence of each placement.");
    await user.click(itemButton(/^Acme Ltd · SV1/));
    await user.click(itemButton(/^Brightside CIC · SV2/));
    expect(form().getByRole("combobox", { name: /Agreed mark/ })).toHaveValue("3");
    expect(form().getByRole("textbox", { name: /Rationale/ })).toHaveValue("Clear monthly evidence of each placement.");
    expect(itemButton(/^Brightside CIC · SV2/)).toHaveAccessibleDescription(/Typed here, not recorded yet\./);
  });

  it("reads SV_Consensus again when an item is chosen, so a co-author's record shows, with what was typed kept on top", async () => {
    const { user, actions } = await moderating();
    await user.click(itemButton(/^Brightside CIC · SV2/));
    await user.type(within(screen.getByRole("group", { name: "Consensus for Brightside CIC on SV2" })).getByRole("textbox", { name: /Rationale/ }), "Our own reasons.");
    await user.click(itemButton(/^Brightside CIC · SV2/));
    // Meanwhile a co-author recorded 4 with their rationale, agreed by Alice and Bob.
    const theirs = { ...flagged, consensus: 4, rolledUp: 4, status: "closed" as const, rationale: "A co-author's reasons.", agreedBy: "Alice, Bob", agreedAt: "2025-03-05T11:20:00.000Z" };
    actions.readModeration.mockResolvedValue(aModerationView([aModerationItem(), closed, theirs]));
    await user.click(itemButton(/^Brightside CIC · SV2/));
    const form = within(screen.getByRole("group", { name: "Consensus for Brightside CIC on SV2" }));
    await waitFor(() => expect(form.getByRole("combobox", { name: /Agreed mark/ })).toHaveValue("4"));
    expect(form.getByRole("textbox", { name: /Rationale/ })).toHaveValue("Our own reasons.");
    expect(form.getByRole("checkbox", { name: "Alice" })).toBeChecked();
    expect(form.getByRole("checkbox", { name: "Bob" })).toBeChecked();
    expect(form.getByRole("checkbox", { name: "Carol" })).not.toBeChecked();
  });

  it("sends only what the panel changed: a new mark alone leaves the recorded rationale and who agreed as SV_Consensus holds them", async () => {
    const { user, actions } = await moderating();
    await user.click(itemButton(/^Acme Ltd · SV2/));
    const form = within(screen.getByRole("group", { name: "Consensus for Acme Ltd on SV2" }));
    expect(form.getByRole("textbox", { name: /Rationale/ })).toHaveValue("Quarterly reports with named evidence.");
    await user.selectOptions(form.getByRole("combobox", { name: /Agreed mark/ }), "4");
    actions.readModeration.mockResolvedValue(aModerationView([aModerationItem(), { ...closed, consensus: 4, rolledUp: 4 }, flagged]));
    await user.click(form.getByRole("button", { name: "Record consensus" }));
    expect(actions.recordConsensus).toHaveBeenCalledWith({ bidder: "Acme Ltd", criterion: "SV2", mark: 4 });
    expect(await screen.findByText(/Consensus recorded for Acme Ltd on SV2: mark 4, agreed by Alice, Bob and Carol on 5 Mar 2025, \d\d:\d\d\. Only the mark changed; the rationale and who agreed are as SV Moderation holds them\./)).toBeInTheDocument();
  });

  it("never sends a blank over a recorded mark: clearing it is refused with a sentence, and nothing is written", async () => {
    const { user, actions } = await moderating();
    await user.click(itemButton(/^Acme Ltd · SV2/));
    const form = within(screen.getByRole("group", { name: "Consensus for Acme Ltd on SV2" }));
    await user.selectOptions(form.getByRole("combobox", { name: /Agreed mark/ }), "");
    await user.click(form.getByRole("button", { name: "Record consensus" }));
    expect(form.getByText(/The recorded mark \(3\) cannot be cleared here: choose the mark the panel agreed\./)).toBeInTheDocument();
    expect(actions.recordConsensus).not.toHaveBeenCalled();
  });

  it("sends nothing when nothing in the form differs from SV_Consensus", async () => {
    const { user, actions } = await moderating();
    await user.click(itemButton(/^Acme Ltd · SV2/));
    await user.click(within(screen.getByRole("group", { name: "Consensus for Acme Ltd on SV2" })).getByRole("button", { name: "Record consensus" }));
    expect(actions.recordConsensus).not.toHaveBeenCalled();
    expect(await screen.findByText(/^Nothing to record: the agreed mark, the rationale and who agreed are as SV Moderation holds them/)).toBeInTheDocument();
  });

  it("reads SV_Consensus again when the page is shown again, keeping what was typed", async () => {
    const actions = aFakeActions({ readModeration: jest.fn().mockResolvedValue(aModerationView([aModerationItem(), closed, flagged])) });
    const { user } = renderPage(<AmongSteps actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Load moderation" }));
    await user.click(await screen.findByRole("button", { name: /^Brightside CIC · SV2/ }));
    await user.type(within(screen.getByRole("group", { name: "Consensus for Brightside CIC on SV2" })).getByRole("textbox", { name: /Rationale/ }), "Our own reasons.");
    await user.click(screen.getByRole("button", { name: "Switch page" }));
    // While another page was shown, a co-author recorded Acme Ltd's SV1.
    const agreed = aModerationItem({ consensus: 3, rolledUp: 3, status: "closed", rationale: "Named partners and dates for each placement.", agreedBy: "Alice, Bob", agreedAt: "2025-03-05T11:20:00.000Z" });
    actions.readModeration.mockResolvedValue(aModerationView([agreed, closed, flagged]));
    await user.click(screen.getByRole("button", { name: "Switch page" }));
    await waitFor(() => expect(itemButton(/^Acme Ltd · SV1/)).toHaveAccessibleDescription(/Consensus 3, agreed by Alice, Bob/));
    expect(within(screen.getByRole("group", { name: "Consensus for Brightside CIC on SV2" })).getByRole("textbox", { name: /Rationale/ })).toHaveValue("Our own reasons.");
  });

  it("shows a rationale warning as a note, not as a reason the item is open", async () => {
    const note = { code: "names-bidder", severity: "warning" as const, message: "The rationale uses the word “Care”, which is also another bidder's name." };
    await moderating(aModerationView([{ ...closed, rationaleIssues: [note] }]));
    const description = itemButton(/^Acme Ltd · SV2/).getAttribute("aria-describedby")!;
    const text = document.getElementById(description)!.textContent;
    expect(text).toContain("Note: The rationale uses the word “Care”");
    expect(text).not.toContain("Not closed");
  });

  it("passes on the workbook's advice with a recorded consensus", async () => {
    const { user, actions } = await moderating();
    actions.recordConsensus.mockResolvedValue({
      ok: true,
      agreedAt: "2025-03-05T11:20:00.000Z",
      warnings: [{ code: "names-bidder", severity: "warning", message: "It uses the word “Care”, also a bidder's name." }],
    });
    await user.click(itemButton(/^Brightside CIC · SV2/));
    const form = within(screen.getByRole("group", { name: "Consensus for Brightside CIC on SV2" }));
    await user.selectOptions(form.getByRole("combobox", { name: /Agreed mark/ }), "3");
    await user.type(form.getByRole("textbox", { name: /Rationale/ }), "Clear monthly evidence of each placement.");
    await user.click(form.getByRole("button", { name: "Record consensus" }));
    expect(await screen.findByText(/Consensus recorded for Brightside CIC on SV2.*Note: It uses the word “Care”/)).toBeInTheDocument();
  });

  it("asks for the agreed mark before recording", async () => {
    const { user, actions } = await moderating();
    await user.click(itemButton(/^Brightside CIC · SV2/));
    await user.click(screen.getByRole("button", { name: "Record consensus" }));
    expect(screen.getByText("Choose the mark the panel agreed.")).toBeInTheDocument();
    expect(actions.recordConsensus).not.toHaveBeenCalled();
  });

  it("offers to open moderation when it is not open, and then lists the items", async () => {
    const actions = aFakeActions({
      readModeration: jest
        .fn()
        .mockResolvedValueOnce(aModerationView([flagged], { moderationOpen: false }))
        .mockResolvedValue(aModerationView([flagged])),
    });
    const { user } = await moderating(undefined, actions);
    expect(screen.queryByRole("button", { name: /^Brightside CIC · SV2/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Open moderation" }));
    expect(actions.openModeration).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole("button", { name: /^Brightside CIC · SV2/ })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Open moderation" })).not.toBeInTheDocument();
  });

  it("offers the consensus marks of the moderation view's own scale, without reading the marking sheet", async () => {
    const view = aModerationView([flagged], { scaleMarks: [0, 25, 50, 75, 100] });
    const { user, actions } = await moderating(view);
    await user.click(itemButton(/^Brightside CIC · SV2/));
    const form = within(screen.getByRole("group", { name: "Consensus for Brightside CIC on SV2" }));
    expect(
      within(form.getByRole("combobox", { name: /Agreed mark/ }))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Choose the agreed mark", "0", "25", "50", "75", "100"]);
    expect(actions.readMarking).not.toHaveBeenCalled();
  });

  it("before moderation opens, without blind marking, shows the marks so far but no consensus form", async () => {
    await moderating(aModerationView([flagged], { moderationOpen: false, blindMarking: false }));
    const card = screen.getByRole("group", { name: /^Brightside CIC · SV2/ });
    expect(card).toHaveAccessibleDescription(/Marks: Alice 1 · Bob 4 · Carol 3\. Spread 3\./);
    expect(screen.queryByRole("button", { name: /^Brightside CIC · SV2/ })).not.toBeInTheDocument();
  });

  it("before moderation opens, under blind marking, shows no one's marks and says why", async () => {
    await moderating(aModerationView([flagged], { moderationOpen: false, blindMarking: true }));
    expect(screen.getByText(/Blind marking is on: no one sees the other evaluators' marks until moderation opens/)).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: /^Brightside CIC · SV2/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Alice 1/)).not.toBeInTheDocument();
  });
});

describe("Moderation: sign-off and verify", () => {
  it("lists what is open and keeps Sign off disabled, with a way to the cell", async () => {
    const review = aSignOffReview({
      ready: false,
      open: [{ kind: "moderation", message: "Brightside CIC on SV2 has no consensus yet.", sheet: "SV Moderation", address: "H5" }],
    });
    const { user, actions } = renderModeration(aFakeActions({ reviewSignOff: jest.fn().mockResolvedValue(review) }));
    await user.click(screen.getByRole("button", { name: "Review for sign-off" }));
    expect(await screen.findByText(/Brightside CIC on SV2 has no consensus yet\./)).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: /Name of the person signing/ }), "Dana Price");
    expect(screen.getByRole("button", { name: "Sign off the record" })).toBeDisabled();
    expect(screen.getByText("Close everything listed as open first.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Go to SV Moderation H5" }));
    expect(actions.goToCell).toHaveBeenCalledWith("SV Moderation", "H5");
  });

  it("when ready, asks for a name and a confirmation, then signs and shows the fingerprint", async () => {
    const { user, actions } = renderModeration();
    await user.click(screen.getByRole("button", { name: "Review for sign-off" }));
    expect(await screen.findByText("Nothing is open: the record is ready to sign.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sign off the record" })).toBeDisabled();
    await user.type(screen.getByRole("textbox", { name: /Name of the person signing/ }), "Dana Price");
    await user.click(screen.getByRole("button", { name: "Sign off the record" }));

    const dialog = screen.getByRole("alertdialog", { name: "Sign off the record?" });
    expect(dialog).toHaveTextContent(/cannot be undone/);
    expect(actions.signOff).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole("button", { name: "Sign off now" }));

    expect(actions.signOff).toHaveBeenCalledWith("Dana Price", expect.anything());
    expect(await screen.findByText(aSignOffResult().fingerprint)).toBeInTheDocument();
    expect(screen.getByText(/Signed by Dana Price on 10 Mar 2025/)).toBeInTheDocument();
  });

  it("says so when Verify, run at once after signing, finds an edit made while signing", async () => {
    const { user, actions } = renderModeration();
    actions.signOff.mockResolvedValue(aSignOffResult({ changedDuringSignOff: [{ sheet: "SV Commitments", address: "E4", message: "SV Commitments E4: Quantity was 120, now 999." }] }));
    await user.click(screen.getByRole("button", { name: "Review for sign-off" }));
    await user.type(await screen.findByRole("textbox", { name: /Name of the person signing/ }), "Dana Price");
    await user.click(screen.getByRole("button", { name: "Sign off the record" }));
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Sign off now" }));
    expect(await screen.findByText(/Signed, but Verify already finds a change made while the record was being signed.*Quantity was 120, now 999/)).toBeInTheDocument();
  });

  it("signs nothing when the confirmation is declined", async () => {
    const { user, actions } = renderModeration();
    await user.click(screen.getByRole("button", { name: "Review for sign-off" }));
    await user.type(await screen.findByRole("textbox", { name: /Name of the person signing/ }), "Dana Price");
    await user.click(screen.getByRole("button", { name: "Sign off the record" }));
    await user.click(screen.getByRole("button", { name: "Not yet" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(actions.signOff).not.toHaveBeenCalled();
  });

  it("verify lists each change since sign-off, by sheet", async () => {
    const verify = aVerifyResult({
      status: "changed",
      currentFingerprint: "0000",
      changes: [
        { sheet: "SV Marks", address: "E7", message: "Row 7 (Alice, Acme Ltd, SV1): Mark was 3, now 4." },
        { sheet: "SV Commitments", message: "A row was added for Brightside CIC." },
      ],
    });
    const { user, actions } = renderModeration(aFakeActions({ verify: jest.fn().mockResolvedValue(verify) }));
    await user.click(screen.getByRole("button", { name: "Verify the record" }));
    expect(await screen.findByText("Changed since sign-off")).toBeInTheDocument();
    expect(screen.getByText(/SV Marks: Row 7 \(Alice, Acme Ltd, SV1\): Mark was 3, now 4\./)).toBeInTheDocument();
    expect(screen.getByText(/SV Commitments: A row was added for Brightside CIC\./)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Go to SV Marks E7" }));
    expect(actions.goToCell).toHaveBeenCalledWith("SV Marks", "E7");
  });

  it("verify shows an intact record with its fingerprint, or says it is not signed", async () => {
    const { user, actions } = renderModeration();
    await user.click(screen.getByRole("button", { name: "Verify the record" }));
    expect(await screen.findByText(/The record is exactly as signed by Dana Price/)).toBeInTheDocument();
    expect(screen.getByText(aVerifyResult().fingerprint!)).toBeInTheDocument();
    actions.verify.mockResolvedValue({ status: "unsigned", changes: [] });
    await user.click(screen.getByRole("button", { name: "Verify the record" }));
    expect(await screen.findByText(/The record is not signed yet/)).toBeInTheDocument();
  });

  it("shows describeError's sentence when signing fails", async () => {
    const failure = new Error("The sheet is protected by someone else");
    const { user, actions } = renderModeration(aFakeActions({ signOff: jest.fn().mockRejectedValue(failure) }));
    await user.click(screen.getByRole("button", { name: "Review for sign-off" }));
    await user.type(await screen.findByRole("textbox", { name: /Name of the person signing/ }), "Dana Price");
    await user.click(screen.getByRole("button", { name: "Sign off the record" }));
    await user.click(screen.getByRole("button", { name: "Sign off now" }));
    expect(await screen.findByText("Described: The sheet is protected by someone else")).toBeInTheDocument();
    expect(actions.describeError).toHaveBeenCalledWith(failure);
  });

  it("shows the progress of a long sign-off in its section, without Cancel", async () => {
    const run = deferred<ReturnType<typeof aSignOffResult>>();
    const { user } = renderModeration(aFakeActions({ signOff: jest.fn().mockReturnValue(run.promise) }));
    await user.click(screen.getByRole("button", { name: "Review for sign-off" }));
    await user.type(await screen.findByRole("textbox", { name: /Name of the person signing/ }), "Dana Price");
    await user.click(screen.getByRole("button", { name: "Sign off the record" }));
    await user.click(screen.getByRole("button", { name: "Sign off now" }));
    // findBy: the page is hidden from assistive technology until the closing dialog has gone.
    expect(await screen.findByRole("progressbar", { name: "Signing off the record" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    run.resolve(aSignOffResult());
    expect(await screen.findByText(/Signed by Dana Price/)).toBeInTheDocument();
  });
});

describe("Moderation: a roll-up changed after marking started", () => {
  const warning = () => screen.queryByText("The roll-up was changed after marking started");

  it("warns while marking, naming the roll-up marking started under and what to do", async () => {
    await markingAs("Alice", aFakeActions({ readMarking: jest.fn().mockResolvedValue(aMarkingView({ rollUp: "average", rollUpChanged: aRollUpChange() })) }));
    expect(warning()).toBeInTheDocument();
    expect(screen.getByText(/It was consensus when marking started on 2 Mar 2025.*SV_RollUp on SV Setup now says average.*set it back to consensus/)).toBeInTheDocument();
    expect(screen.getByText(/Sign-off stays blocked until it is\./)).toBeInTheDocument();
  });

  it("warns in moderation too, with the roll-up SV Setup now says", async () => {
    await moderating(aModerationView([aModerationItem()], { rollUp: "median", rollUpChanged: aRollUpChange({ now: "median" }) }));
    expect(warning()).toBeInTheDocument();
    expect(screen.getByText(/SV_RollUp on SV Setup now says median/)).toBeInTheDocument();
  });

  it("shows no warning when the roll-up is unchanged", async () => {
    const { user } = await markingAs("Alice");
    await user.click(screen.getByRole("button", { name: "Load moderation" }));
    await screen.findByRole("button", { name: "Reload moderation" });
    expect(screen.getByText(/Each item scores by the consensus mark/)).toBeInTheDocument();
    expect(warning()).not.toBeInTheDocument();
  });

  it("lists the change as open at sign-off, with a way to SV_RollUp's cell", async () => {
    const review = aSignOffReview({
      ready: false,
      open: [{ kind: "rollUp", message: "The roll-up was changed from consensus to average after marking started on 2 March 2025.", sheet: "SV Setup", address: "B16" }],
    });
    const { user, actions } = renderModeration(aFakeActions({ reviewSignOff: jest.fn().mockResolvedValue(review) }));
    await user.click(screen.getByRole("button", { name: "Review for sign-off" }));
    expect(await screen.findByText(/changed from consensus to average after marking started/)).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: /Name of the person signing/ }), "Dana Price");
    expect(screen.getByRole("button", { name: "Sign off the record" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Go to SV Setup B16" }));
    expect(actions.goToCell).toHaveBeenCalledWith("SV Setup", "B16");
  });
});
