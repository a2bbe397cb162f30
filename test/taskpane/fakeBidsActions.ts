/** Fake Bids actions for the pane's component tests (see fakeActions.ts). */
import type { BidsActions } from "../../src/excel/bids/bidsActions";
import type { FileImportReport } from "../../src/excel/bids/importPlan";
import type { FormImportPreview } from "../../src/excel/bids/importPreview";
import type { MeasureTableImportPreview } from "../../src/excel/bids/importMeasureTable";
import type { FormTender, ReadForm } from "../../src/forms/types";
import type { OperationOptions } from "../../src/excel/shared/excelRun";

export function aFormTender(overrides: Partial<FormTender> = {}): FormTender {
  return { tenderId: "T-1", contractName: "Home care: North", contractValue: 1_000_000, frameworkName: "Illustrative", measures: [], criteria: [], ...overrides };
}

export function aReadForm(bidder: string, overrides: Partial<ReadForm> = {}): ReadForm {
  return {
    fileName: `${bidder}.xlsx`,
    tenderId: "T-1",
    formVersion: 1,
    bidder,
    commitments: [{ formRow: 5, ref: "ILL9", unit: "hours", quantity: 10, baseline: null, actions: "", verification: "" }],
    answers: [],
    offers: [],
    notes: [],
    ...overrides,
  };
}

export function anImportReport(overrides: Partial<FileImportReport> = {}): FileImportReport {
  return {
    fileName: "Acme.xlsx",
    bidder: "Acme",
    status: "imported",
    rows: { commitments: 1, answers: 0, offers: 0 },
    replaced: { commitments: 0, answers: 0, offers: 0 },
    notes: [],
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
    ...overrides,
  };
}

/** Previews every form as a new bidder, with no duplicates. */
export function aFormImportPreview(forms: readonly ReadForm[]): FormImportPreview {
  return {
    bidders: forms.map((f) => ({ bidder: f.bidder, fileNames: [f.fileName], inWorkbook: { commitments: 0, answers: 0, offers: 0 }, inForm: { commitments: f.commitments.length, answers: f.answers.length, offers: f.offers.length }, reimport: false })),
    duplicates: [],
  };
}

export function aMeasureTableImportPreview(overrides: Partial<MeasureTableImportPreview> = {}): MeasureTableImportPreview {
  return { mode: "update", added: [], updated: [], keptEdits: [], keptRows: [], rows: [], proxyChanges: [], ceilingChanges: [], removed: [], refsInUse: [], problems: [], ...overrides };
}

export function aFakeBidsActions(): jest.Mocked<BidsActions> {
  return {
    readFormTender: jest.fn().mockResolvedValue(aFormTender()),
    previewFormImport: jest.fn(async (forms: readonly ReadForm[]) => aFormImportPreview(forms)),
    importForms: jest.fn(async (forms: readonly ReadForm[], _replace: readonly string[], _options?: OperationOptions) => ({ files: forms.map((f) => anImportReport({ fileName: f.fileName, bidder: f.bidder })), syncs: 5 })),
    readSelectionGrid: jest.fn().mockResolvedValue({ name: "Sheet1!A1:B2", rows: [["Ref", "Proxy"], ["NT1", 1]] }),
    previewMeasureTableImport: jest.fn().mockResolvedValue(aMeasureTableImportPreview()),
    applyMeasureTableImport: jest.fn().mockResolvedValue(undefined),
    openWorkbook: jest.fn().mockResolvedValue("opened"),
  };
}
