/** @jest-environment jsdom */
import "../setup";
import { screen, within } from "@testing-library/react";
import type { OperationOptions } from "../../../src/excel/shared/excelRun";
import type { SummariesResult } from "../../../src/excel/report/reportActions";
import { ReportPage } from "../../../src/taskpane/report/ReportPage";
import type { TextClipboard } from "../../../src/taskpane/report/useReportPage";
import { aFakeActions, deferred, type FakeActions } from "../fakeActions";
import { anAssessmentSummary, aRegisterResult, aSummariesResult } from "../fakeReportActions";
import { renderPage } from "../renderPage";

function aClipboard(): jest.Mocked<TextClipboard> {
  return { writeText: jest.fn().mockResolvedValue(undefined) };
}

/** `clipboard` null: a host with no clipboard the pane can reach. */
function renderReport(actions: FakeActions = aFakeActions(), clipboard: TextClipboard | null = aClipboard()) {
  return { actions, clipboard, ...renderPage(<ReportPage actions={actions} clipboard={() => clipboard ?? undefined} />) };
}

async function withSummaries(actions?: FakeActions, clipboard?: TextClipboard | null) {
  const rendered = renderReport(actions, clipboard);
  await rendered.user.click(screen.getByRole("button", { name: "Build assessment summaries" }));
  await screen.findByRole("button", { name: "Build the summaries again" });
  return rendered;
}

function summary(bidder: string) {
  return within(screen.getByRole("article", { name: new RegExp(`^\\d+\\. ${bidder}:`) }));
}

describe("Report: assessment summaries", () => {
  it("lists each bidder's total, each criterion's mark and points, and the reasons", async () => {
    await withSummaries();
    expect(screen.getByRole("heading", { name: "1. Acme Ltd: 16.5 of 20 points" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "2. Brightside CIC: 11 of 20 points" })).toBeInTheDocument();
    const acme = summary("Acme Ltd");
    expect(acme.getByText(/Quantitative: 10 of 10 points for £250,000 of social value \(25% of the contract value\)/)).toBeInTheDocument();
    expect(
      acme.getByText(/SV2 How will your commitments be measured and verified\?: mark 3, 2\.5 of 5 points\. Reasons: Quarterly reports/),
    ).toBeInTheDocument();
  });

  it("says which summaries are ready to send and lists what each other one lacks", async () => {
    const actions = aFakeActions();
    actions.buildSummaries.mockResolvedValue(
      aSummariesResult({
        summaries: [
          anAssessmentSummary({ gaps: [] }),
          anAssessmentSummary({
            bidder: "Brightside CIC",
            rank: 2,
            gaps: [
              { code: "no-reasons", criterion: "SV2", message: "SV2: there are no reasons for the mark." },
              { code: "no-weighting", message: "Social value's weighting in the whole award is missing." },
            ],
          }),
        ],
      }),
    );
    await withSummaries(actions);
    expect(summary("Acme Ltd").getByText("Ready to send: it holds everything an assessment summary must.")).toBeInTheDocument();
    const brightside = summary("Brightside CIC");
    expect(brightside.getByText(/Not ready to send: 2 things are missing/)).toBeInTheDocument();
    const list = brightside.getByRole("list", { name: "What Brightside CIC's summary lacks" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["SV2: there are no reasons for the mark.", "Social value's weighting in the whole award is missing."]);
  });

  it("copies a bidder's summary text", async () => {
    const { user, clipboard } = await withSummaries();
    await user.click(summary("Brightside CIC").getByRole("button", { name: "Copy Brightside CIC's summary" }));
    expect(clipboard!.writeText).toHaveBeenCalledWith("Brightside CIC: 11 of 20 points (rank 2).");
    expect(await screen.findByText("Brightside CIC's summary is copied: paste it into the letter.")).toBeInTheDocument();
  });

  it("shows the text to copy by hand when there is no clipboard", async () => {
    const { user } = await withSummaries(aFakeActions(), null);
    await user.click(summary("Acme Ltd").getByRole("button", { name: "Copy Acme Ltd's summary" }));
    expect(await screen.findByText(/The pane could not copy Acme Ltd's summary here/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Acme Ltd's summary, to copy" })).toHaveValue(anAssessmentSummary().text);
  });

  it("shows the text to copy by hand when the clipboard refuses", async () => {
    const refusing = { writeText: jest.fn().mockRejectedValue(new Error("NotAllowedError")) };
    const { user } = await withSummaries(aFakeActions(), refusing);
    await user.click(summary("Acme Ltd").getByRole("button", { name: "Copy Acme Ltd's summary" }));
    expect(await screen.findByRole("textbox", { name: "Acme Ltd's summary, to copy" })).toHaveValue(anAssessmentSummary().text);
  });

  it("says how many moderation items are still open, and shows them as not yet agreed", async () => {
    const open: SummariesResult = aSummariesResult({
      openItems: 2,
      summaries: [anAssessmentSummary({ criteria: [{ ...anAssessmentSummary().criteria[0]!, mark: null, points: 0, reasons: "" }] })],
    });
    await withSummaries(aFakeActions({ buildSummaries: jest.fn().mockResolvedValue(open) }));
    expect(screen.getByText(/2 moderation items are still open/)).toBeInTheDocument();
    expect(summary("Acme Ltd").getByText(/SV1 .*: not yet agreed/)).toBeInTheDocument();
  });

  it("says nothing is open when every item is agreed", async () => {
    await withSummaries();
    expect(screen.queryByText(/still open/)).not.toBeInTheDocument();
  });

  it("shows describeError's sentence when the summaries cannot be built", async () => {
    const failure = new Error("SV Moderation is missing");
    const { user, actions } = renderReport(aFakeActions({ buildSummaries: jest.fn().mockRejectedValue(failure) }));
    await user.click(screen.getByRole("button", { name: "Build assessment summaries" }));
    expect(await screen.findByText("Described: SV Moderation is missing")).toBeInTheDocument();
    expect(actions.describeError).toHaveBeenCalledWith(failure);
  });
});

describe("Report: award report", () => {
  it("shows the winner, the charts made and the sensitivity note", async () => {
    const { user } = renderReport();
    await user.click(screen.getByRole("button", { name: "Build award report" }));
    expect(await screen.findByText("Acme Ltd")).toBeInTheDocument();
    expect(screen.getByText(/Highest score:/)).toHaveTextContent("Written to SV Report. Highest score: Acme Ltd.");
    expect(screen.getByText("Social value by theme")).toBeInTheDocument();
    expect(screen.getByText("Final scores")).toBeInTheDocument();
    expect(screen.getByText(/stays first whatever the social value weighting/)).toBeInTheDocument();
  });

  it("shows progress while the report is written, and aborts the signal on Cancel", async () => {
    const run = deferred<never>();
    let options: OperationOptions | undefined;
    const actions = aFakeActions({
      buildReport: jest.fn((given?: OperationOptions) => {
        options = given;
        given?.onProgress?.({ fraction: 0.5, message: "Adding the charts…" });
        return run.promise;
      }),
    });
    const { user } = renderReport(actions);
    await user.click(screen.getByRole("button", { name: "Build award report" }));
    expect(screen.getByRole("progressbar", { name: "Writing the award report" })).toHaveAttribute("aria-valuenow", "0.5");
    expect(screen.getByRole("button", { name: "Build assessment summaries" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(options?.signal?.aborted).toBe(true);
    run.reject(new Error("Cancelled: nothing was changed in the workbook."));
    expect(await screen.findByText("Described: Cancelled: nothing was changed in the workbook.")).toBeInTheDocument();
  });
});

describe("Report: commitments register", () => {
  it("builds the winner's register and shows its KPIs and offers", async () => {
    const { user, actions } = renderReport();
    await user.click(screen.getByRole("button", { name: "Build commitments register" }));
    const kpis = await screen.findByRole("table", { name: "Key performance indicators committed by Acme Ltd" });
    expect(actions.buildRegister).toHaveBeenCalledWith(undefined, expect.anything());
    expect(within(kpis).getByRole("row", { name: "Local spend 32 % of contract value" })).toBeInTheDocument();
    expect(within(kpis).getByRole("row", { name: "Local employment 14.5 FTE" })).toBeInTheDocument();
    expect(within(kpis).getByRole("row", { name: "Carbon saved 85 tCO2e" })).toBeInTheDocument();
    expect(screen.getByText("SV Register lists 12 commitments of Acme Ltd to monitor, and 3 community offers.")).toBeInTheDocument();
  });

  it("says the register holds the bidder's written answers too, also when it committed nothing", async () => {
    const { user } = renderReport(aFakeActions({ buildRegister: jest.fn().mockResolvedValue(aRegisterResult({ rows: 0, offers: 0, answers: 2 })) }));
    await user.click(screen.getByRole("button", { name: "Build commitments register" }));
    expect(
      await screen.findByText("SV Register lists 0 commitments of Acme Ltd to monitor, and 0 community offers. It also lists its 2 written answers, part of the contract."),
    ).toBeInTheDocument();
  });

  it("builds the register for a bidder chosen from the summaries", async () => {
    const { user, actions } = await withSummaries(
      aFakeActions({
        buildRegister: jest.fn().mockResolvedValue(aRegisterResult({ bidder: "Brightside CIC", kpis: [], offers: 1, rows: 1 })),
      }),
    );
    await user.selectOptions(screen.getByRole("combobox", { name: /Register for/ }), "Brightside CIC");
    await user.click(screen.getByRole("button", { name: "Build commitments register" }));
    expect(actions.buildRegister).toHaveBeenCalledWith("Brightside CIC", expect.anything());
    expect(
      await screen.findByText("SV Register lists 1 commitment of Brightside CIC to monitor, and 1 community offer."),
    ).toBeInTheDocument();
  });

  it("shows describeError's sentence when the register cannot be built", async () => {
    const { user } = renderReport(aFakeActions({ buildRegister: jest.fn().mockRejectedValue(new Error("No winner yet")) }));
    await user.click(screen.getByRole("button", { name: "Build commitments register" }));
    expect(await screen.findByText("Described: No winner yet")).toBeInTheDocument();
  });
});

describe("Report: decision record (Procurement Act 2023 s.98)", () => {
  it("records who decided the weighting and why, then clears the reason and keeps the name for the next", async () => {
    const { user, actions } = renderReport();
    await user.selectOptions(screen.getByRole("combobox", { name: "Decision" }), "Weighting");
    await user.type(screen.getByRole("textbox", { name: /Decided by/ }), "Evan Head of Service");
    await user.type(screen.getByRole("textbox", { name: /Why/ }), "Council policy");
    await user.click(screen.getByRole("button", { name: "Record this decision" }));
    expect(actions.recordDecision).toHaveBeenCalledWith({ decision: "weighting", by: "Evan Head of Service", reason: "Council policy" }, expect.anything());
    expect(await screen.findByText(/^Recorded on SV Decisions: Weighting \(Weighting 10%\), decided by Evan\./)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Why/ })).toHaveValue("");
    expect(screen.getByRole("textbox", { name: /Decided by/ })).toHaveValue("Evan Head of Service");
  });

  it("shows the refusal in the user's words when a decision cannot be recorded", async () => {
    const { user } = renderReport(aFakeActions({ recordDecision: jest.fn().mockRejectedValue(new Error("Say who made the decision")) }));
    await user.click(screen.getByRole("button", { name: "Record this decision" }));
    expect(await screen.findByText("Described: Say who made the decision")).toBeInTheDocument();
  });

  it("exports the record, lists the decisions it cannot yet explain, and copies it as CSV", async () => {
    const { user, clipboard } = renderReport();
    await user.click(screen.getByRole("button", { name: "Export decision record" }));
    expect(await screen.findByText("2 decisions are on SV Decision Record; 1 of them lack who, when or why (listed below). Record what is missing, then export again.")).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "Decisions the record cannot yet explain" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Consensus: Acme Ltd, SV1: Not recorded: why."]);
    await user.click(screen.getByRole("button", { name: "Copy as CSV" }));
    expect(clipboard!.writeText).toHaveBeenCalledWith('"Decision"\r\n"Weighting"\r\n');
  });

  it("shows the CSV to copy by hand when there is no clipboard", async () => {
    const { user } = renderReport(aFakeActions(), null);
    await user.click(screen.getByRole("button", { name: "Export decision record" }));
    await user.click(await screen.findByRole("button", { name: "Copy as CSV" }));
    // A text box shows line ends as \n; spreadsheets read either.
    expect(screen.getByRole("textbox", { name: "The decision record as CSV, to copy" })).toHaveValue('"Decision"\n"Weighting"\n');
  });
});
