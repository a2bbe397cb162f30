import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { signedFormulaRefusal } from "../../core";
import type { WorkbookActions, WorkbookState } from "../../excel/actions";
import { NoticeRegions } from "../Notice";
import { useFormulaUpdate } from "./useFormulaUpdate";

export interface OlderFormulasNoticeProps {
  readonly actions: Pick<WorkbookActions, "checkFormulas" | "updateFormulas" | "describeError">;
  readonly workbook: WorkbookState | undefined;
}

/**
 * Says when the workbook was made by an earlier version whose formulas are still on its rows
 * (the sheet and the pane would then score by different rules), with the button that brings
 * them up to date. A signed record keeps the values it was signed with, so there the notice says
 * why no update is offered. Nothing is shown while the formulas are up to date.
 */
export function OlderFormulasNotice({ actions, workbook }: OlderFormulasNoticeProps) {
  const { status, updating, notice, update } = useFormulaUpdate(actions, workbook);
  const message = status?.message;
  return (
    <>
      {message !== undefined && (
        <MessageBar intent={status?.signed === undefined ? "warning" : "info"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Formulas from an earlier version</MessageBarTitle>
            {message}
            {status?.signed !== undefined && ` ${signedFormulaRefusal(status.signed)}`}
          </MessageBarBody>
          {status?.signed === undefined && (
            <MessageBarActions>
              <Button appearance="primary" disabled={updating} icon={updating ? <Spinner size="tiny" /> : undefined} onClick={update}>
                Update formulas
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <NoticeRegions notice={notice} />
    </>
  );
}
