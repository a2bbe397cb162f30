import { useCallback } from "react";
import type { WorkbookActions } from "../../excel/actions";
import { OperationProgress } from "../OperationProgress";
import { useOperation } from "../useOperation";
import { downloadFile, loadFormsApi, type DownloadResult, type LoadFormsApi } from "./formsApi";
import { ImportFormsSection } from "./ImportFormsSection";
import { MeasureTableSection } from "./MeasureTableSection";
import { ResponseFormSection } from "./ResponseFormSection";
import { useFormImport } from "./useFormImport";
import { useMeasureTableImport } from "./useMeasureTableImport";
import { useResponseForm } from "./useResponseForm";
import { useBidsPageStyles } from "./BidsPage.styles";

export interface BidsPageProps {
  readonly actions: WorkbookActions;
  /** The response-form code, loaded on demand; tests pass fakes. */
  readonly loadForms?: LoadFormsApi;
  /** Saves a file through the browser; tests pass a fake. */
  readonly download?: (bytes: Uint8Array, fileName: string) => DownloadResult;
}

/**
 * Bids: build the response form bidders fill in, import the returned forms, and import the
 * council's own measure table. One workbook action at a time, with its progress shown once,
 * above the sections.
 */
export function BidsPage({ actions, loadForms = loadFormsApi, download = downloadFile }: BidsPageProps) {
  const styles = useBidsPageStyles();
  const describeError = useCallback((error: unknown) => actions.describeError(error), [actions]);
  const operation = useOperation(describeError);
  const form = useResponseForm(actions, operation, loadForms, download);
  const imports = useFormImport(actions, operation, loadForms);
  const measures = useMeasureTableImport(actions, operation, loadForms);
  const busy = operation.running !== undefined;
  return (
    <div className={styles.page}>
      {operation.running !== undefined && <OperationProgress operation={operation.running} onCancel={operation.cancel} />}
      <ResponseFormSection state={form} busy={busy} />
      <ImportFormsSection state={imports} busy={busy} />
      <MeasureTableSection state={measures} busy={busy} />
    </div>
  );
}
