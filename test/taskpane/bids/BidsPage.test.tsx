/** @jest-environment jsdom */
import "../setup";
import { screen, waitFor, within } from "@testing-library/react";
import { BidsPage } from "../../../src/taskpane/bids/BidsPage";
import type { FormsApi } from "../../../src/taskpane/bids/formsApi";
import type { FormImportPreview } from "../../../src/excel/bids/importPreview";
import type { ReadForm } from "../../../src/forms/types";
import { aFakeActions, type FakeActions } from "../fakeActions";
import { aFormImportPreview, aMeasureTableImportPreview, anImportReport, aReadForm } from "../fakeBidsActions";
import { renderPage } from "../renderPage";

function aFile(name: string, size = 10): File {
  const file = new File([new Uint8Array(size)], name);
  // jsdom's File may lack arrayBuffer(); the page reads files with it.
  return Object.assign(file, { arrayBuffer: async () => new ArrayBuffer(size) });
}

function aFormsApi(overrides: Partial<FormsApi> = {}): jest.Mocked<FormsApi> {
  return {
    buildResponseForm: jest.fn().mockResolvedValue(new Uint8Array([1, 2, 3])),
    readResponseForm: jest.fn(async (fileName: string) => ({ ok: true as const, form: aReadForm(fileName.replace(/\.xlsx$/, ""), { fileName }) })),
    readTableFile: jest.fn().mockResolvedValue({ ok: true, grids: [{ name: "Sheet1", rows: [] }] }),
    proposeMapping: jest.fn().mockReturnValue({ mapping: { headerRow: 0, columns: { ref: 0, unit: 1 } }, headers: ["Code", "Units", "Value £"], notes: ["No proxy column was recognised."] }),
    applyMapping: jest.fn().mockReturnValue({ measures: [], problems: [] }),
    maxFileBytes: 1000,
    ...overrides,
  } as jest.Mocked<FormsApi>;
}

function renderBids(actions: FakeActions = aFakeActions(), forms = aFormsApi(), download = jest.fn().mockReturnValue("started")) {
  return { actions, forms, download, ...renderPage(<BidsPage actions={actions} loadForms={async () => forms} download={download} />) };
}

const importSection = () => screen.getByRole("region", { name: "Import returned forms" });

describe("Bids: importing returned forms", () => {
  function withAcmeAlreadyImported(actions: FakeActions) {
    actions.previewFormImport.mockImplementation(async (forms: readonly ReadForm[]): Promise<FormImportPreview> => {
      const preview = aFormImportPreview(forms);
      return {
        ...preview,
        bidders: preview.bidders.map((b) => (b.bidder === "Acme" ? { ...b, reimport: true, inWorkbook: { commitments: 12, answers: 3, offers: 0 } } : b)),
      };
    });
  }

  it("reads every file, asks before replacing a bidder, then reports each file in the order chosen", async () => {
    const actions = aFakeActions();
    withAcmeAlreadyImported(actions);
    const forms = aFormsApi();
    forms.readResponseForm.mockImplementation(async (fileName: string) =>
      fileName === "Other.xlsx"
        ? { ok: false, fileName, refusal: "other-tender", message: "Other.xlsx is a form for another tender." }
        : { ok: true, form: aReadForm(fileName.replace(/\.xlsx$/, ""), { fileName, notes: fileName === "Birch.xlsx" ? ["2 formulas were read as their results."] : [] }) }
    );
    actions.importForms.mockResolvedValue({
      files: [
        anImportReport({ fileName: "Acme.xlsx", bidder: "Acme", replaced: { commitments: 12, answers: 3, offers: 0 } }),
        anImportReport({
          fileName: "Birch.xlsx",
          bidder: "Birch",
          notes: ["2 formulas were read as their results."],
          findings: [{ code: "SV103", severity: "error", row: 9, column: "Ref", message: "XYZ is not a measure in the measure table.", action: "Correct the ref." }],
          counts: { error: 1, warning: 0, info: 0 },
        }),
      ],
      syncs: 5,
    });
    const { user } = renderBids(actions, forms);

    await user.upload(within(importSection()).getByLabelText("Returned forms (.xlsx)"), [aFile("Acme.xlsx"), aFile("Other.xlsx"), aFile("Birch.xlsx")]);

    const confirm = await within(importSection()).findByRole("region", { name: "Replace these bidders' rows?" });
    expect(confirm).toHaveTextContent("Acme: 12 commitments, 3 answers now → 1 commitment from Acme.xlsx");
    expect(actions.importForms).not.toHaveBeenCalled();

    await user.click(within(confirm).getByRole("button", { name: "Replace and import" }));

    const report = await within(importSection()).findByRole("list", { name: "Import report, one entry per file" });
    expect(actions.importForms).toHaveBeenCalledWith([expect.objectContaining({ bidder: "Acme" }), expect.objectContaining({ bidder: "Birch" })], ["Acme"], expect.anything());
    const entries = within(report).getAllByRole("listitem").filter((li) => li.parentElement === report);
    expect(entries.map((e) => e.firstChild?.textContent)).toEqual([
      "Acme.xlsx (Acme): imported 1 commitment, replacing 12 commitments, 3 answers",
      "Other.xlsx: not imported",
      "Birch.xlsx (Birch): imported 1 commitment",
    ]);
    expect(entries[1]).toHaveTextContent("Other.xlsx is a form for another tender.");
    expect(entries[2]).toHaveTextContent("2 formulas were read as their results.");
    expect(entries[2]).toHaveTextContent("SV103 row 9, Ref: XYZ is not a measure in the measure table.");
    expect(within(importSection()).getAllByRole("status").map((s) => s.textContent).join(" ")).toMatch(/2 forms of 3 imported/);
  });

  it("shows which file it is reading while many are read", async () => {
    const forms = aFormsApi();
    let release: () => void = () => {};
    const second = new Promise<void>((resolve) => (release = resolve));
    forms.readResponseForm.mockImplementation(async (fileName: string) => {
      if (fileName === "B.xlsx") await second;
      return { ok: true as const, form: aReadForm(fileName.replace(/\.xlsx$/, ""), { fileName }) };
    });
    const { user, actions } = renderBids(aFakeActions(), forms);
    await user.upload(within(importSection()).getByLabelText("Returned forms (.xlsx)"), [aFile("A.xlsx"), aFile("B.xlsx"), aFile("C.xlsx")]);
    expect(await screen.findByText(/Reading 2 of 3: B\.xlsx/)).toBeInTheDocument();
    expect(actions.importForms).not.toHaveBeenCalled();
    release();
    await within(importSection()).findByRole("list", { name: "Import report, one entry per file" });
    expect(forms.readResponseForm).toHaveBeenCalledTimes(3);
  });

  it("writes nothing when the replacement is cancelled", async () => {
    const actions = aFakeActions();
    withAcmeAlreadyImported(actions);
    const { user } = renderBids(actions);
    await user.upload(within(importSection()).getByLabelText("Returned forms (.xlsx)"), [aFile("Acme.xlsx")]);
    await user.click(await within(importSection()).findByRole("button", { name: "Cancel" }));
    expect(actions.importForms).not.toHaveBeenCalled();
    expect(within(importSection()).getAllByRole("status").map((s) => s.textContent).join(" ")).toMatch(/Nothing was imported/);
  });

  it("imports straight away when no bidder would be replaced, and refuses oversized files unread", async () => {
    const { user, actions, forms } = renderBids();
    await user.upload(within(importSection()).getByLabelText("Returned forms (.xlsx)"), [aFile("Cedar.xlsx"), aFile("Huge.xlsx", 5000)]);
    const report = await within(importSection()).findByRole("list", { name: "Import report, one entry per file" });
    expect(forms.readResponseForm).toHaveBeenCalledTimes(1);
    expect(actions.importForms).toHaveBeenCalledWith([expect.objectContaining({ bidder: "Cedar" })], [], expect.anything());
    expect(report).toHaveTextContent(/Huge\.xlsx: not imported.*over the/);
  });
});

describe("Bids: importing a measure table", () => {
  const measuresSection = () => screen.getByRole("region", { name: "Import a measure table" });

  it("proposes a mapping the user corrects, lists rows not read, and replaces only with consent for refs in use", async () => {
    const actions = aFakeActions();
    const forms = aFormsApi();
    forms.applyMapping.mockReturnValue({
      measures: [{ ref: "NT1", themeId: "", theme: "", outcomeId: "", outcome: "", description: "Local jobs", unit: "FTE", proxy: 30000, type: "SV", inScope: true, evidenceRequired: false, excludes: [], firstYearOnly: false }],
      problems: [{ row: 7, message: "The unit \"widgets\" is not one the add-in knows." }],
    });
    actions.previewMeasureTableImport.mockResolvedValue(aMeasureTableImportPreview({ mode: "replace", updated: ["NT1"], rows: [["NT1"]], removed: ["ILL9"], refsInUse: [{ ref: "ILL9", rows: 4 }] }));
    const { user } = renderBids(actions, forms);

    await user.click(within(measuresSection()).getByRole("button", { name: "Use the selected cells" }));
    const proxy = await within(measuresSection()).findByLabelText("Proxy (£ per unit)");
    expect(within(measuresSection()).getByLabelText("Ref (required)")).toHaveDisplayValue("Code");
    expect(proxy).toHaveDisplayValue("(not imported)");
    expect(measuresSection()).toHaveTextContent("No proxy column was recognised.");
    await user.selectOptions(proxy, "Value £");
    await user.click(within(measuresSection()).getByRole("button", { name: "Use these columns" }));

    expect(forms.applyMapping).toHaveBeenCalledWith(expect.anything(), { headerRow: 0, columns: { ref: 0, unit: 1, proxy: 2 } });
    expect(within(measuresSection()).getByRole("list", { name: "Rows not read" })).toHaveTextContent('Row 7: The unit "widgets" is not one the add-in knows.');
    await user.click(within(measuresSection()).getByRole("radio", { name: /Replace/ }));
    await user.click(within(measuresSection()).getByRole("button", { name: "Preview the changes" }));

    const write = await within(measuresSection()).findByRole("button", { name: "Replace SV Measures" });
    expect(actions.previewMeasureTableImport).toHaveBeenCalledWith([expect.objectContaining({ ref: "NT1" })], "replace");
    expect(write).toBeDisabled();
    await user.click(within(measuresSection()).getByRole("checkbox", { name: /Commitments still use ILL9 \(4 rows\)/ }));
    await user.click(write);
    await waitFor(() => expect(actions.applyMeasureTableImport).toHaveBeenCalledWith(expect.objectContaining({ mode: "replace" }), expect.objectContaining({ allowRemovingRefsInUse: true })));
    expect(await within(measuresSection()).findByText(/SV Measures now holds the 1 imported measure/)).toBeInTheDocument();
  });

  it("previews an update's changed proxies and ceilings, old → new, and says how many changed once written", async () => {
    const actions = aFakeActions();
    const forms = aFormsApi();
    forms.applyMapping.mockReturnValue({
      measures: [{ ref: "NT1", themeId: "", theme: "", outcomeId: "", outcome: "", description: "Local jobs", unit: "FTE", proxy: 30000, type: "SV", inScope: true, evidenceRequired: false, excludes: [], firstYearOnly: false, ceiling: 40 }],
      problems: [],
    });
    actions.previewMeasureTableImport.mockResolvedValue(aMeasureTableImportPreview({ updated: ["NT1"], proxyChanges: [{ ref: "NT1", from: 28000, to: 30000 }], ceilingChanges: [{ ref: "NT1", from: "", to: 40 }] }));
    const { user } = renderBids(actions, forms);
    await user.click(within(measuresSection()).getByRole("button", { name: "Use the selected cells" }));
    expect(await within(measuresSection()).findByLabelText("Ceiling (most a bid can plausibly commit)")).toBeInTheDocument();
    await user.click(within(measuresSection()).getByRole("button", { name: "Use these columns" }));
    await user.click(within(measuresSection()).getByRole("button", { name: "Preview the changes" }));
    const changes = await within(measuresSection()).findByRole("list", { name: "Changes to SV Measures" });
    expect(changes).toHaveTextContent("Changes 1 proxy: NT1 28000 → 30000.");
    expect(changes).toHaveTextContent("Changes 1 ceiling: NT1 (none) → 40.");
    await user.click(within(measuresSection()).getByRole("button", { name: "Update SV Measures" }));
    expect(await within(measuresSection()).findByText(/1 proxy changed, 1 ceiling changed\./)).toBeInTheDocument();
  });

  it("says how the proxies were read when the table uses decimal commas", async () => {
    const forms = aFormsApi();
    forms.applyMapping.mockReturnValue({
      measures: [{ ref: "NT8", themeId: "", theme: "", outcomeId: "", outcome: "", description: "Volunteering", unit: "hours", proxy: 16.93, type: "SV", inScope: true, evidenceRequired: false, excludes: [], firstYearOnly: false }],
      problems: [],
      notes: ["The proxies are written with a decimal comma (e.g. 16,93 or 1.234,50), so they were read that way: 16,93 as £16.93."],
    });
    const { user } = renderBids(aFakeActions(), forms);
    await user.click(within(measuresSection()).getByRole("button", { name: "Use the selected cells" }));
    await user.click(await within(measuresSection()).findByRole("button", { name: "Use these columns" }));
    expect(within(measuresSection()).getByRole("list", { name: "How the table was read" })).toHaveTextContent("16,93 as £16.93");
  });

  it("shows what the file's reading noted, when choosing the columns and beside the measures read", async () => {
    const mixed = "The file mixes two text encodings: it is UTF-8, but line 9 was saved as Windows-1252.";
    const forms = aFormsApi({ readTableFile: jest.fn().mockResolvedValue({ ok: true, grids: [{ name: "proxies", rows: [] }], notes: [mixed] }) });
    const { user } = renderBids(aFakeActions(), forms);
    await user.upload(within(measuresSection()).getByLabelText("Or choose a file (.xlsx or .csv)"), aFile("proxies.csv"));
    const use = await within(measuresSection()).findByRole("button", { name: "Use these columns" });
    expect(measuresSection()).toHaveTextContent(mixed);
    await user.click(use);
    expect(within(measuresSection()).getByRole("list", { name: "How the table was read" })).toHaveTextContent(mixed);
  });

  it("shows a file's refusal and writes nothing", async () => {
    const forms = aFormsApi({ readTableFile: jest.fn().mockResolvedValue({ ok: false, message: "calc.xlsx is password-protected." }) });
    const { user, actions } = renderBids(aFakeActions(), forms);
    await user.upload(within(measuresSection()).getByLabelText("Or choose a file (.xlsx or .csv)"), aFile("calc.xlsx"));
    expect(await within(measuresSection()).findByRole("alert")).toHaveTextContent("calc.xlsx is password-protected.");
    expect(actions.previewMeasureTableImport).not.toHaveBeenCalled();
  });
});

describe("Bids: the response form", () => {
  const formSection = () => screen.getByRole("region", { name: "Response form" });

  it("builds the form for the named bidder, and downloads it where Excel cannot open it", async () => {
    const actions = aFakeActions();
    actions.openWorkbook.mockResolvedValue("unavailable");
    const { user, forms, download } = renderBids(actions);
    await user.type(within(formSection()).getByLabelText(/Bidder's name/), "Acme Care");
    await user.click(within(formSection()).getByRole("button", { name: "Build form" }));
    await user.click(await within(formSection()).findByRole("button", { name: "Open in Excel" }));
    expect(forms.buildResponseForm).toHaveBeenCalledWith(expect.objectContaining({ tenderId: "T-1", bidder: "Acme Care" }));
    expect(await within(formSection()).findByText(/cannot open a new workbook/)).toBeInTheDocument();
    await user.click(within(formSection()).getByRole("button", { name: "Download" }));
    expect(download).toHaveBeenCalledWith(new Uint8Array([1, 2, 3]), "Home care North - response form - Acme Care.xlsx");
  });

  it("says nothing was downloaded where Excel lets no add-in save a file (Mac), and offers Open in Excel", async () => {
    const { user } = renderBids(aFakeActions(), aFormsApi(), jest.fn().mockReturnValue("unsupported"));
    await user.click(within(formSection()).getByRole("button", { name: "Build form" }));
    await user.click(await within(formSection()).findByRole("button", { name: "Download" }));
    expect(await within(formSection()).findByText(/nothing was downloaded\. Use Open in Excel/)).toBeInTheDocument();
    expect(within(formSection()).queryByText(/Downloading/)).not.toBeInTheDocument();
  });

  it("offers Download when Excel fails to open the form as a new workbook", async () => {
    const actions = aFakeActions();
    actions.openWorkbook.mockRejectedValue(new Error("GeneralException"));
    const { user } = renderBids(actions);
    await user.click(within(formSection()).getByRole("button", { name: "Build form" }));
    await user.click(await within(formSection()).findByRole("button", { name: "Open in Excel" }));
    expect(await within(formSection()).findByText(/Excel could not open the form as a new workbook: .*GeneralException.* Use Download instead/)).toBeInTheDocument();
    expect(within(formSection()).getByRole("button", { name: "Download" })).toBeEnabled();
  });

  it("says what to do when the workbook cannot give a tender", async () => {
    const actions = aFakeActions();
    actions.readFormTender.mockRejectedValue(new Error("no SV_TenderId"));
    const { user } = renderBids(actions);
    await user.click(within(formSection()).getByRole("button", { name: "Build form" }));
    expect(await within(formSection()).findByRole("alert")).toHaveTextContent("Described: no SV_TenderId");
    expect(within(formSection()).queryByRole("button", { name: "Download" })).not.toBeInTheDocument();
  });
});
