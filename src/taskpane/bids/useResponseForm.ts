import { useState } from "react";
import type { WorkbookActions } from "../../excel/actions";
import type { OperationState } from "../useOperation";
import { formFileName, type DownloadResult, type LoadFormsApi } from "./formsApi";
import type { Notice } from "../Notice";

export interface BuiltForm {
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

export interface ResponseFormState {
  readonly bidder: string;
  readonly setBidder: (name: string) => void;
  readonly built: BuiltForm | undefined;
  readonly notice: Notice | undefined;
  readonly onBuild: () => void;
  readonly onOpen: () => void;
  readonly onDownload: () => void;
}

/** Build the response form for this tender, then open it in Excel or download it. */
export function useResponseForm(actions: WorkbookActions, operation: OperationState, loadForms: LoadFormsApi, download: (bytes: Uint8Array, name: string) => DownloadResult): ResponseFormState {
  const [bidder, setBidder] = useState("");
  const [built, setBuilt] = useState<BuiltForm | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);

  const build = async (): Promise<void> => {
    setNotice(undefined);
    setBuilt(undefined);
    const name = bidder.trim();
    const done = await operation.run(
      "Building the response form",
      async (options) => {
        options.onProgress?.({ fraction: 0.1, message: "Reading the tender from the workbook…" });
        const tender = await actions.readFormTender();
        options.onProgress?.({ fraction: 0.5, message: "Writing the form…" });
        const forms = await loadForms();
        const bytes = await forms.buildResponseForm(name ? { ...tender, bidder: name } : tender);
        return { bytes, fileName: formFileName(tender.contractName, name), measures: tender.measures.length };
      },
      { cancellable: false }
    );
    if (done === undefined) return;
    if (!done.ok) {
      setNotice({ intent: "error", message: done.message });
      return;
    }
    setBuilt({ bytes: done.value.bytes, fileName: done.value.fileName });
    setNotice({ intent: "success", message: `The form is ready, with ${done.value.measures} measures in scope. Open it in Excel or download it, then send it to the bidder.` });
  };

  const open = async (): Promise<void> => {
    if (built === undefined) return;
    const done = await operation.run("Opening the form in Excel", () => actions.openWorkbook(built.bytes), { cancellable: false });
    if (done === undefined) return;
    // Excel.createWorkbook can fail outright (it has crashed under Excel's extension hardening
    // setting): the form is still built, so the other way out is offered.
    if (!done.ok) setNotice({ intent: "error", message: `Excel could not open the form as a new workbook: ${done.message} Use Download instead, then open the file.` });
    else if (done.value === "unavailable") setNotice({ intent: "warning", message: "This version of Excel cannot open a new workbook from the add-in. Use Download instead, then open the file." });
    else setNotice({ intent: "success", message: "The form opened as a new workbook. Save it, then send it to the bidder." });
  };

  const save = (): void => {
    if (built === undefined) return;
    try {
      if (download(built.bytes, built.fileName) === "unsupported") {
        setNotice({
          intent: "warning",
          message: "This Excel does not let add-ins save files, so nothing was downloaded. Use Open in Excel, then save the new workbook and send it. If Excel cannot open it either, build the form in Excel on the web or on Windows.",
        });
      } else {
        setNotice({ intent: "success", message: `Downloading "${built.fileName}". If no file appears, use Open in Excel instead and save the new workbook.` });
      }
    } catch (error) {
      setNotice({ intent: "error", message: actions.describeError(error) });
    }
  };

  return { bidder, setBidder, built, notice, onBuild: () => void build(), onOpen: () => void open(), onDownload: save };
}
