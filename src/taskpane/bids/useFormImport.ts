import { useState } from "react";
import type { WorkbookActions } from "../../excel/actions";
import type { FileImportReport } from "../../excel/bids/importPlan";
import type { BidderImportPreview, FormImportPreview } from "../../excel/bids/importPreview";
import type { ReadForm } from "../../forms/types";
import type { OperationState } from "../useOperation";
import type { LoadFormsApi } from "./formsApi";
import type { Notice } from "../Notice";
import { plural } from "../wording";
import { bidderKey } from "../../core";

/** A file the pane could not read: refused before anything reached the workbook. */
export interface UnreadFile {
  readonly fileName: string;
  readonly message: string;
}

export type ImportStage =
  | { readonly kind: "idle" }
  /** Read and previewed; some bidders would be replaced, so the user must confirm. */
  | { readonly kind: "confirm"; readonly forms: readonly ReadForm[]; readonly unread: readonly UnreadFile[]; readonly preview: FormImportPreview; readonly order: readonly string[] }
  | { readonly kind: "done"; readonly reports: readonly FileReport[] };

/** One chosen file's outcome, in the order the files were chosen. */
export type FileReport = { readonly kind: "unread"; readonly file: UnreadFile } | { readonly kind: "import"; readonly report: FileImportReport };

export interface FormImportState {
  readonly stage: ImportStage;
  readonly notice: Notice | undefined;
  /** Changes each time a batch ends, so the file input can be emptied for the next choice. */
  readonly inputKey: number;
  readonly onFiles: (files: readonly File[]) => void;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function replacements(preview: FormImportPreview): BidderImportPreview[] {
  const duplicated = new Set(preview.duplicates.map((d) => bidderKey(d.bidder)));
  return preview.bidders.filter((b) => b.reimport && !duplicated.has(bidderKey(b.bidder)));
}

/** Choose returned forms → read them → (confirm replacing bidders) → import → a report per file. */
export function useFormImport(actions: WorkbookActions, operation: OperationState, loadForms: LoadFormsApi): FormImportState {
  const [stage, setStage] = useState<ImportStage>({ kind: "idle" });
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [inputKey, setInputKey] = useState(0);

  const read = async (files: readonly File[]): Promise<void> => {
    setNotice(undefined);
    setStage({ kind: "idle" });
    const done = await operation.run(`Reading ${plural(files.length, "returned form")}`, async (options) => {
      const forms = await loadForms();
      const read: ReadForm[] = [];
      const unread: UnreadFile[] = [];
      for (const [i, file] of files.entries()) {
        if (options.signal?.aborted) throw new Error("Cancelled: nothing was imported.");
        options.onProgress?.({ fraction: i / files.length, message: `Reading ${i + 1} of ${files.length}: ${file.name}…` });
        if (file.size > forms.maxFileBytes) {
          unread.push({ fileName: file.name, message: `"${file.name}" is ${megabytes(file.size)}, over the ${megabytes(forms.maxFileBytes)} a response form can be. It was not read.` });
          continue;
        }
        // One file at a time: each is read and let go before the next, so 20 forms never sit in memory at once as bytes.
        const result = await forms.readResponseForm(file.name, new Uint8Array(await file.arrayBuffer()));
        if (result.ok) read.push(result.form);
        else unread.push({ fileName: file.name, message: result.message });
      }
      options.onProgress?.({ fraction: 1, message: "Comparing with the workbook…" });
      const preview = read.length > 0 ? await actions.previewFormImport(read) : { bidders: [], duplicates: [] };
      return { forms: read, unread, preview };
    });
    if (done === undefined) return;
    if (!done.ok) {
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.cancelled ? "Cancelled: nothing was imported." : done.message });
      setInputKey((k) => k + 1);
      return;
    }
    const { forms, unread, preview } = done.value;
    const order = files.map((f) => f.name);
    if (forms.length === 0) {
      finish([], unread, order);
      return;
    }
    if (replacements(preview).length > 0) setStage({ kind: "confirm", forms, unread, preview, order });
    else await write(forms, [], unread, order);
  };

  const write = async (forms: readonly ReadForm[], replace: readonly string[], unread: readonly UnreadFile[], order: readonly string[]): Promise<void> => {
    const done = await operation.run(`Importing ${plural(forms.length, "form")}`, (options) => actions.importForms(forms, replace, options));
    if (done === undefined) return;
    if (!done.ok) {
      setStage({ kind: "idle" });
      setNotice({ intent: done.cancelled ? "info" : "error", message: done.message });
      setInputKey((k) => k + 1);
      return;
    }
    finish(done.value.files, unread, order);
  };

  const finish = (imported: readonly FileImportReport[], unread: readonly UnreadFile[], order: readonly string[]): void => {
    const reports: FileReport[] = [...imported.map((report) => ({ kind: "import" as const, report })), ...unread.map((file) => ({ kind: "unread" as const, file }))];
    const position = (r: FileReport) => order.indexOf(r.kind === "import" ? r.report.fileName : r.file.fileName);
    reports.sort((a, b) => position(a) - position(b));
    const ok = imported.filter((r) => r.status === "imported").length;
    setStage({ kind: "done", reports });
    setNotice({ intent: ok === reports.length ? "success" : ok === 0 ? "error" : "warning", message: `${plural(ok, "form")} of ${reports.length} imported.` });
    setInputKey((k) => k + 1);
  };

  const confirm = (): void => {
    if (stage.kind !== "confirm") return;
    void write(stage.forms, replacements(stage.preview).map((b) => b.bidder), stage.unread, stage.order);
  };

  const cancel = (): void => {
    setStage({ kind: "idle" });
    setNotice({ intent: "info", message: "Nothing was imported." });
    setInputKey((k) => k + 1);
  };

  return { stage, notice, inputKey, onFiles: (files) => void read(files), onConfirm: confirm, onCancel: cancel };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
