/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// Node's export conditions: the signed workbooks are saved with ExcelJS, whose uuid would
// otherwise resolve to an ES module build that jest cannot load.
import "../setup";
import { webcrypto } from "crypto";
import { DecompressionStream as NodeDecompressionStream } from "stream/web";
import { screen, waitFor, within } from "@testing-library/react";
import { createWorkbookActions, type PortfolioFile } from "../../../src/excel/actions";
import { PORTFOLIO_TABLES } from "../../../src/core/portfolio/schema";
import { TABLES } from "../../../src/core/shared/layout";
import { PortfolioPage } from "../../../src/taskpane/portfolio/PortfolioPage";
import { aFakeWorkbook } from "../../excel/support";
import { aSignedTender, editAfterSignOff, xlsxOf } from "../../forms/signedEvaluationSupport";
import { aFakeActions, resolving } from "../fakeActions";
import { aFileOutcome, aPortfolioGathered } from "../fakePortfolioActions";
import { aWorkbookWithEvaluation } from "../fakeWorkbookState";
import { renderPage } from "../renderPage";

jest.setTimeout(30_000);

// jsdom has neither Web Crypto (sign-off's fingerprint) nor DecompressionStream (unpacking an
// .xlsx), which Node, the browsers and Excel's web views all have: lend it Node's.
beforeAll(() => {
  // Node's digest checks its argument against Node's own ArrayBuffer, not jsdom's: copy it across.
  const digest = (algorithm: string, data: ArrayBuffer | ArrayBufferView) =>
    webcrypto.subtle.digest(algorithm, ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data));
  if (globalThis.crypto?.subtle === undefined) Object.defineProperty(globalThis, "crypto", { value: { subtle: { digest } }, configurable: true });
  if (globalThis.DecompressionStream === undefined) Object.defineProperty(globalThis, "DecompressionStream", { value: NodeDecompressionStream, configurable: true });
});

const NOW = new Date(Date.UTC(2027, 5, 1, 12, 0));

function aFile(name: string, bytes: Uint8Array = new Uint8Array(10)): File {
  const file = new File([bytes as BlobPart], name);
  // jsdom's File may lack arrayBuffer(); the page reads files with it.
  return Object.assign(file, { arrayBuffer: async () => bytes.slice().buffer });
}

const CHANGED = aFileOutcome({
  fileName: "Parks.xlsx",
  verdict: "Changed since sign-off",
  included: false,
  sentences: ['"Parks.xlsx" was changed after it was signed off: SV Commitments, row 2 (Acme Ltd, ILL1): Quantity was 6, now 60.'],
});
const FOREIGN = aFileOutcome({ fileName: "Acme response.xlsx", verdict: "Not an evaluation", included: false, sentences: ['"Acme response.xlsx" is a response form, not an evaluation.'] });

function renderWith(actions = aFakeActions()) {
  const onBack = jest.fn();
  return { actions, onBack, ...renderPage(<PortfolioPage actions={actions} onBack={onBack} clock={() => NOW} />) };
}

const fileEntry = (name: string) => within(screen.getByRole("list", { name: "What became of each file" })).getByText(new RegExp(`^${name}:`)).closest("li") as HTMLElement;

/** Each file's line, as listed: its name, what became of it and its verdict. */
const fileHeads = () => Array.from(screen.getByRole("list", { name: "What became of each file" }).children).map((li) => li.firstChild?.textContent);

describe("the Portfolio page", () => {
  it("gathers every chosen file at once and says what became of each, with the left-out ones' reasons", async () => {
    const actions = aFakeActions({ gatherPortfolio: resolving<"gatherPortfolio">(aPortfolioGathered([aFileOutcome(), CHANGED, FOREIGN])) });
    const { user } = renderWith(actions);
    await user.upload(screen.getByLabelText(/Signed evaluation workbooks/), [aFile("Domiciliary care.xlsx"), aFile("Parks.xlsx"), aFile("Acme response.xlsx")]);
    await screen.findByText(/Gathered 1 of 3 files; 2 files left out/);
    const [files, acceptances] = actions.gatherPortfolio.mock.calls[0]!;
    expect(files.map((f: PortfolioFile) => f.name)).toEqual(["Domiciliary care.xlsx", "Parks.xlsx", "Acme response.xlsx"]);
    expect(acceptances).toEqual([]);
    expect(screen.getByText(/The portfolio now holds 1 contract, 8 commitments, 3 community offers and 3 KPIs\. The charts are on the sheet PF Dashboard\./)).toBeTruthy();
    expect(within(fileEntry("Domiciliary care.xlsx")).getByText("Domiciliary care.xlsx: gathered (Signed and intact)")).toBeTruthy();
    // The files that need a decision come first.
    const heads = within(screen.getByRole("list", { name: "What became of each file" })).getAllByText(/\.xlsx: /).map((e) => e.textContent);
    expect(heads).toEqual(["Parks.xlsx: left out (Changed since sign-off)", "Acme response.xlsx: left out (Not an evaluation)", "Domiciliary care.xlsx: gathered (Signed and intact)"]);
    expect(within(fileEntry("Parks.xlsx")).getByText(/Quantity was 6, now 60/)).toBeTruthy();
    // A changed workbook may be included with a reason; a response form never.
    expect(within(fileEntry("Parks.xlsx")).getByRole("button", { name: "Include with a reason…" })).toBeTruthy();
    expect(within(fileEntry("Acme response.xlsx")).queryByRole("button", { name: /Include/ })).toBeNull();
  });

  it("includes a left-out file only with a reason and a name, and gathers that file again with them", async () => {
    const actions = aFakeActions({ gatherPortfolio: resolving<"gatherPortfolio">(aPortfolioGathered([aFileOutcome(), CHANGED])) });
    const { user } = renderWith(actions);
    await user.upload(screen.getByLabelText(/Signed evaluation workbooks/), [aFile("Domiciliary care.xlsx"), aFile("Parks.xlsx")]);
    await user.click(await within(await waitFor(() => fileEntry("Parks.xlsx"))).findByRole("button", { name: "Include with a reason…" }));
    const form = screen.getByRole("form", { name: "Include Parks.xlsx" });
    await user.click(within(form).getByRole("button", { name: "Include and gather it" }));
    expect(within(form).getByText("Give the reason: a file is included only with one.")).toBeTruthy();
    expect(within(form).getByText("Give your name: the record says who included the file.")).toBeTruthy();
    expect(actions.gatherPortfolio).toHaveBeenCalledTimes(1);

    actions.gatherPortfolio.mockResolvedValueOnce(aPortfolioGathered([{ ...CHANGED, included: true, accepted: true, sentences: [] }]));
    await user.type(within(form).getByRole("textbox", { name: /Why include it/ }), "Quantity corrected at clarification, minuted 2 April");
    await user.type(within(form).getByRole("textbox", { name: /Your name/ }), "Dee Lead");
    await user.click(within(form).getByRole("button", { name: "Include and gather it" }));
    await screen.findByText(/Included "Parks.xlsx" with your reason/);
    const [files, acceptances] = actions.gatherPortfolio.mock.calls[1]!;
    expect(files.map((f: PortfolioFile) => f.name)).toEqual(["Parks.xlsx"]);
    expect(acceptances).toEqual([{ fileName: "Parks.xlsx", reason: "Quantity corrected at clarification, minuted 2 April", by: "Dee Lead", at: NOW.toISOString() }]);
    // The first gather's other file keeps its entry; the included one now says so.
    expect(within(fileEntry("Parks.xlsx")).getByText("Parks.xlsx: included with a reason (Changed since sign-off)")).toBeTruthy();
    expect(within(fileEntry("Domiciliary care.xlsx")).getByText(/gathered/)).toBeTruthy();
  });

  it("tells two files of the same name apart by their contents, and includes only the one chosen", async () => {
    const intact = aFileOutcome({ fileName: "Evaluation.xlsx", contentHash: "aaa111" });
    const changed = { ...CHANGED, fileName: "Evaluation.xlsx", contentHash: "bbb222" };
    const actions = aFakeActions({ gatherPortfolio: resolving<"gatherPortfolio">(aPortfolioGathered([intact, changed])) });
    const { user } = renderWith(actions);
    await user.upload(screen.getByLabelText(/Signed evaluation workbooks/), [aFile("Evaluation.xlsx"), aFile("Evaluation.xlsx")]);
    await screen.findByRole("list", { name: "What became of each file" });
    expect(fileHeads()).toEqual(["Evaluation.xlsx: left out (Changed since sign-off)", "Evaluation.xlsx: gathered (Signed and intact)"]);

    actions.gatherPortfolio.mockResolvedValueOnce(aPortfolioGathered([intact, { ...changed, included: true, accepted: true, sentences: [] }]));
    await user.click(screen.getByRole("button", { name: "Include with a reason…" }));
    await user.type(screen.getByRole("textbox", { name: /Why include it/ }), "The later copy, corrected at clarification");
    await user.type(screen.getByRole("textbox", { name: /Your name/ }), "Dee Lead");
    await user.click(screen.getByRole("button", { name: "Include and gather it" }));
    await screen.findByText(/Included "Evaluation.xlsx" with your reason/);
    const [files, acceptances] = actions.gatherPortfolio.mock.calls[1]!;
    expect(files).toHaveLength(2);
    expect(acceptances).toEqual([expect.objectContaining({ fileName: "Evaluation.xlsx", fingerprint: "bbb222" })]);
    expect(fileHeads()).toEqual(["Evaluation.xlsx: gathered (Signed and intact)", "Evaluation.xlsx: included with a reason (Changed since sign-off)"]);
  });

  it("asks before gathering into a workbook that holds an evaluation", async () => {
    const actions = aFakeActions({ readWorkbookState: resolving<"readWorkbookState">(aWorkbookWithEvaluation()) });
    const { user } = renderWith(actions);
    const box = await screen.findByRole("checkbox", { name: /This workbook holds an evaluation/ });
    expect((screen.getByLabelText(/Signed evaluation workbooks/) as HTMLInputElement).disabled).toBe(true);
    await user.click(box);
    await user.upload(screen.getByLabelText(/Signed evaluation workbooks/), [aFile("Domiciliary care.xlsx")]);
    await screen.findByText(/Gathered 1 of 1 file\./);
  });

  it("says what went wrong when the gather fails", async () => {
    const actions = aFakeActions({ gatherPortfolio: jest.fn().mockRejectedValue(new Error("The sheet PF Contracts is protected.")) });
    const { user } = renderWith(actions);
    await user.upload(screen.getByLabelText(/Signed evaluation workbooks/), [aFile("Domiciliary care.xlsx")]);
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", "Described: The sheet PF Contracts is protected.");
  });

  it("cancels a gather under way, saying in the action's words that nothing was changed", async () => {
    const gatherPortfolio = jest.fn(
      (_files: readonly PortfolioFile[], _acceptances: unknown, options?: { signal?: AbortSignal }) =>
        new Promise<never>((_resolve, reject) => options?.signal?.addEventListener("abort", () => reject(new Error("Cancelled: nothing was changed in the workbook.")))),
    );
    const { user } = renderWith(aFakeActions({ gatherPortfolio: gatherPortfolio as unknown as ReturnType<typeof aFakeActions>["gatherPortfolio"] }));
    await user.upload(screen.getByLabelText(/Signed evaluation workbooks/), [aFile("Domiciliary care.xlsx")]);
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Described: Cancelled: nothing was changed in the workbook.")).toBeTruthy();
    expect(screen.queryByRole("alert")?.textContent).toBe("");
  });

  it("goes back to the evaluation", async () => {
    const { user, onBack } = renderWith();
    await user.click(screen.getByRole("button", { name: "Back to the evaluation" }));
    expect(onBack).toHaveBeenCalled();
  });
});

describe("the Portfolio page over Microsoft's Excel client", () => {
  let care: Uint8Array;
  let parks: Uint8Array;
  beforeAll(async () => {
    care = await xlsxOf((await aSignedTender()).fake);
    const edited = await aSignedTender({ tenderId: "T-2026-0404", contractName: "Parks maintenance" });
    await editAfterSignOff(edited.run, TABLES.commitments, "Acme Ltd", "ILL1", "Quantity", 60);
    parks = await xlsxOf(edited.fake);
  }, 120_000);

  it("gathers a signed and a changed workbook, then records the reason the changed one was included", async () => {
    const { fake, run } = aFakeWorkbook();
    const actions = createWorkbookActions(run);
    const { user } = renderWith(actions as unknown as ReturnType<typeof aFakeActions>);
    await user.upload(screen.getByLabelText(/Signed evaluation workbooks/), [aFile("Domiciliary care.xlsx", care), aFile("Parks maintenance.xlsx", parks)]);
    await screen.findByText(/Gathered 1 of 2 files; 1 file left out/, undefined, { timeout: 20_000 });
    expect(within(fileEntry("Parks maintenance.xlsx")).getByText(/changed after it was signed off/)).toBeTruthy();

    await user.click(within(fileEntry("Parks maintenance.xlsx")).getByRole("button", { name: "Include with a reason…" }));
    const form = screen.getByRole("form", { name: "Include Parks maintenance.xlsx" });
    await user.type(within(form).getByRole("textbox", { name: /Why include it/ }), "Correction agreed with the supplier");
    await user.type(within(form).getByRole("textbox", { name: /Your name/ }), "Dee Lead");
    await user.click(within(form).getByRole("button", { name: "Include and gather it" }));
    await screen.findByText(/Included "Parks maintenance.xlsx" with your reason/, undefined, { timeout: 20_000 });

    const sources = fake.inspect.table(PORTFOLIO_TABLES.sources.name)!;
    const rows = fake.inspect.values(sources.dataBodyAddress).map((r) => Object.fromEntries(sources.headers.map((h, i) => [h, r[i]])));
    expect(rows.find((r) => r.File === "Parks maintenance.xlsx")).toMatchObject({ AcceptedReason: "Correction agreed with the supplier", AcceptedBy: "Dee Lead" });
    const contracts = fake.inspect.table(PORTFOLIO_TABLES.contracts.name)!;
    expect(fake.inspect.values(contracts.dataBodyAddress)).toHaveLength(2);
  });
});
