/** @jest-environment jsdom */
import "../setup";
import { screen, within } from "@testing-library/react";
import { createWorkbookActions, type OfficeHostInfo, type Verdict } from "../../../src/excel/actions";
import { ADDIN_VERSION } from "../../../src/core";
import { SelfTestPage } from "../../../src/taskpane/selfTest/SelfTestPage";
import type { TextClipboard } from "../../../src/taskpane/report/useReportPage";
import { aFakeWorkbook } from "../../excel/support";
import type { ExcelHostOptions, ProfileName } from "../../excelHost";
import { aFakeActions } from "../fakeActions";
import { aCheck, aSelfTestReport } from "../fakeSelfTestActions";
import { renderPage } from "../renderPage";

jest.setTimeout(20_000);

/** What Office says in a current Excel: every set the add-in needs, and a shared runtime that answers. */
const CURRENT_EXCEL: OfficeHostInfo = {
  isSetSupported: (name, version = "1.1") => ({ ExcelApi: 17, SharedRuntime: 1, CustomFunctionsRuntime: 4 })[name] !== undefined && Number(version.split(".")[1]) <= ({ ExcelApi: 17, SharedRuntime: 1, CustomFunctionsRuntime: 4 } as Record<string, number>)[name]!,
  diagnostics: { host: "Excel", platform: "PC", version: "16.0.14332.20000" },
  displayLanguage: "en-GB",
  getStartupBehavior: () => Promise.resolve("none"),
};

function aClipboard(): jest.Mocked<TextClipboard> {
  return { writeText: jest.fn().mockResolvedValue(undefined) };
}

/** The page over the test Excel host with the given profile, as the pane would show it in that Excel. */
/** `office` null: outside Office, where the pane is told nothing. */
function renderOverHost(hostOptions: ExcelHostOptions = {}, office: OfficeHostInfo | null = CURRENT_EXCEL, clipboard: TextClipboard | null = aClipboard()) {
  const { fake, run } = aFakeWorkbook(hostOptions);
  const actions = createWorkbookActions(run);
  // The busy profile shows #BUSY! until calculation is let finish: the page's actions wait that way.
  const runSelfTest = actions.runSelfTest;
  actions.runSelfTest = (options) => runSelfTest({ ...options, waitForCalculation: async () => fake.finishCalculation() });
  const onBack = jest.fn();
  return { fake, onBack, clipboard, ...renderPage(<SelfTestPage actions={actions} office={office ?? undefined} onBack={onBack} clipboard={() => clipboard ?? undefined} />) };
}

async function runIt(user: ReturnType<typeof renderPage>["user"]) {
  await user.click(screen.getByRole("button", { name: "Run the self-test" }));
  await user.click(screen.getByRole("button", { name: "Add the sheet and run" }));
  await screen.findByRole("heading", { name: "Report" }, { timeout: 15_000 });
}

/** Each check as the page lists it: its title and verdict, as a screen reader hears the entry. */
function listedVerdicts(): string[] {
  return within(screen.getByRole("list", { name: "Checks, one per line of the report" }))
    .getAllByRole("listitem")
    .map((item) => item.getAttribute("aria-label") ?? "");
}

const WORDS: Record<Verdict, string> = { pass: "PASS", differs: "DIFFERS", fail: "FAIL", "not run": "NOT RUN" };

function expectedList(differences: Partial<Record<string, Verdict>> = {}): string[] {
  const verdicts: [string, Verdict][] = [
    ["Requirement sets", "pass"],
    ["Shared runtime", "pass"],
    ["Ribbon button", "not run"],
    ["Empty cells in TENDER functions", "pass"],
    ["Apostrophe in Text cells", "pass"],
    ["Formulas in new table rows", "pass"],
    ["Large requests", "pass"],
    ["Self-test sheet removed", "pass"],
  ];
  return verdicts.map(([title, verdict]) => `${title}: ${WORDS[differences[title] ?? verdict]}`);
}

describe("the Self-test page in each Excel the test host stands for", () => {
  it.each<[ProfileName, Partial<Record<string, Verdict>>]>([
    ["web", {}],
    ["desktop-legacy", { "Empty cells in TENDER functions": "differs" }],
    ["apostrophe-kept", { "Apostrophe in Text cells": "differs" }],
    ["calculated-columns-off", { "Formulas in new table rows": "differs" }],
    ["min-api", {}],
    ["busy", {}],
  ])("on %s, lists that Excel's verdict for each check, and the workbook keeps no trace", async (profile, differences) => {
    const { user, fake } = renderOverHost({ profile });
    await runIt(user);
    expect(listedVerdicts()).toEqual(expectedList(differences));
    expect(fake.inspect.sheetNames()).toEqual(["Sheet1"]);
  });

  it("on min-api, reports the requirement sets Office says are missing", async () => {
    const office: OfficeHostInfo = { ...CURRENT_EXCEL, isSetSupported: (name, version = "1.1") => name === "ExcelApi" && Number(version.split(".")[1]) <= 12 };
    const { user } = renderOverHost({ profile: "min-api" }, office);
    await runIt(user);
    expect(listedVerdicts()[0]).toBe("Requirement sets: FAIL");
    expect(screen.getByText(/^This Excel lacks ExcelApi 1\.13 \(reading and writing the evaluation sheets\), SharedRuntime 1\.1 .* and CustomFunctionsRuntime 1\.1/, { selector: "p" })).toBeInTheDocument();
    expect(listedVerdicts()[1]).toBe("Shared runtime: FAIL");
    expect((screen.getByRole("textbox", { name: /The report/ }) as HTMLTextAreaElement).value).toContain("\nRequirement sets: ExcelApi 1.12\n");
  });

  it("says in one line how many checks failed, differ and passed", async () => {
    const { user } = renderOverHost({ profile: ["desktop-legacy", "apostrophe-kept"] });
    await runIt(user);
    expect(screen.getByText("Of 8 checks: 2 differ from Excel on the web (the add-in allows for them); 1 could not be checked from inside the add-in; 5 passed.")).toBeInTheDocument();
  });

  it("outside Office (no host information), says what it could not ask and runs the workbook checks", async () => {
    const { user } = renderOverHost({}, null);
    await runIt(user);
    expect(listedVerdicts()).toEqual(expectedList({ "Requirement sets": "not run", "Shared runtime": "not run" }));
  });

  it("shows a refusal and adds nothing when the evaluation is signed off", async () => {
    const { user, fake } = renderOverHost({ sheets: { Sheet1: [], "SV Sign-off": [["Signed by", "Dana Lead"]] } });
    await user.click(screen.getByRole("button", { name: "Run the self-test" }));
    await user.click(screen.getByRole("button", { name: "Add the sheet and run" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/signed off, so the self-test adds nothing to it/);
    expect(fake.inspect.sheetNames()).toEqual(["Sheet1", "SV Sign-off"]);
    expect(screen.queryByRole("heading", { name: "Report" })).not.toBeInTheDocument();
  });
});

describe("the Self-test page", () => {
  it("shows the add-in's version and this Excel", () => {
    renderPage(<SelfTestPage actions={aFakeActions()} office={CURRENT_EXCEL} onBack={jest.fn()} />);
    expect(screen.getByText(`Social value evaluation add-in, version ${ADDIN_VERSION}.`)).toBeInTheDocument();
    expect(screen.getByText("Running in Excel on PC, version 16.0.14332.20000.")).toBeInTheDocument();
  });

  it("says what it will add to the workbook and runs only once the user agrees", async () => {
    const actions = aFakeActions();
    const { user } = renderPage(<SelfTestPage actions={actions} office={CURRENT_EXCEL} onBack={jest.fn()} />);
    expect(screen.getByText(/It adds a sheet named "SV Self-test" to this workbook, runs its checks there and deletes it; the evaluation's sheets are not touched\. It is best run in a new blank workbook\./)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Run the self-test" }));
    expect(screen.getByRole("heading", { name: 'Add the sheet "SV Self-test" to this workbook?' })).toBeInTheDocument();
    expect(actions.runSelfTest).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Not now" }));
    expect(actions.runSelfTest).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Run the self-test" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Run the self-test" }));
    await user.click(screen.getByRole("button", { name: "Add the sheet and run" }));
    await screen.findByRole("heading", { name: "Report" });
    expect(actions.runSelfTest).toHaveBeenCalledTimes(1);
    expect(actions.runSelfTest).toHaveBeenCalledWith(expect.objectContaining({ host: CURRENT_EXCEL }));
  });

  it("copies the report as plain text, with the version, this Excel and each check's verdict and detail", async () => {
    const actions = aFakeActions();
    actions.runSelfTest.mockResolvedValue(
      aSelfTestReport([aCheck({ title: "Apostrophe in Text cells", verdict: "differs", detail: "This Excel keeps the apostrophe." }), aCheck({ id: "ribbon", title: "Ribbon button", verdict: "not run", detail: "Check it by eye." })]),
    );
    const clipboard = aClipboard();
    const { user } = renderPage(<SelfTestPage actions={actions} office={CURRENT_EXCEL} onBack={jest.fn()} clipboard={() => clipboard} />);
    await runIt(user);
    await user.click(screen.getByRole("button", { name: "Copy the report" }));
    expect(clipboard.writeText).toHaveBeenCalledWith(
      [
        "Social value add-in: self-test report",
        "Add-in version: 0.1.0",
        "Excel: Excel on OfficeOnline, version 16.0.18000.10000",
        "Language: en-GB",
        "Requirement sets: ExcelApi 1.17, SharedRuntime 1.1, CustomFunctionsRuntime 1.4",
        "Calculation: Automatic",
        "Run at: 2026-03-02T10:15:00.000Z",
        "",
        "Apostrophe in Text cells: DIFFERS",
        "  This Excel keeps the apostrophe.",
        "Ribbon button: NOT RUN",
        "  Check it by eye.",
      ].join("\n"),
    );
    expect(await screen.findByRole("status")).toHaveTextContent("The report is copied: paste it into your email to support.");
  });

  it("selects the report's text to copy by hand where the clipboard is out of reach", async () => {
    const { user } = renderPage(<SelfTestPage actions={aFakeActions()} office={CURRENT_EXCEL} onBack={jest.fn()} clipboard={() => undefined} />);
    await runIt(user);
    await user.click(screen.getByRole("button", { name: "Copy the report" }));
    const text = screen.getByRole("textbox", { name: /The report/ }) as HTMLTextAreaElement;
    expect(text).toHaveFocus();
    expect([text.selectionStart, text.selectionEnd]).toEqual([0, text.value.length]);
    expect(screen.getByRole("status")).toHaveTextContent(/press Ctrl\+C/);
  });

  it("goes back to the evaluation", async () => {
    const onBack = jest.fn();
    const { user } = renderPage(<SelfTestPage actions={aFakeActions()} office={CURRENT_EXCEL} onBack={onBack} />);
    await user.click(screen.getByRole("button", { name: "Back to the evaluation" }));
    expect(onBack).toHaveBeenCalled();
  });
});
