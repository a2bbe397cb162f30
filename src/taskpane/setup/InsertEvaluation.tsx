import { plural } from "../wording";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { MeasureUpdatePreview } from "../../excel/setup/updateMeasures";
import type { Conflict } from "../../excel/setup/writePlan";
import { OperationProgress } from "../OperationProgress";
import type { SetupOutcome, SetupPageState } from "./useSetupPage";
import { useSetupPageStyles } from "./SetupPage.styles";

export type InsertEvaluationProps = Pick<
  SetupPageState,
  "operation" | "outcome" | "failure" | "blockers" | "onInsert" | "onUpdateMeasures" | "onApplyUpdate" | "onDiscardUpdate"
>;

/**
 * Insert, and everything it can lead to: progress with Cancel, the sheets written, the parts
 * that already exist (nothing is written then), and updating SV Measures instead, which is
 * previewed and confirmed before anything changes (Excel cannot undo an add-in's writes).
 *
 * The status and alert regions are always in the page, so what appears in them is read out.
 */
export function InsertEvaluation(props: InsertEvaluationProps) {
  const { operation, outcome, failure, blockers, onInsert } = props;
  const styles = useSetupPageStyles();
  const busy = operation.running !== undefined;
  return (
    <section className={styles.section}>
      <h3 className={styles.heading}>Insert into this workbook</h3>
      <p className={styles.text}>
        Adds the evaluation sheets, SV Setup to SV Scores: settings, measures, criteria, commitments, answers, offers, marks,
        moderation and scores. Nothing already in the workbook is overwritten.
      </p>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onInsert} disabled={busy}>
          Insert evaluation sheets
        </Button>
      </div>
      {operation.running !== undefined && <OperationProgress operation={operation.running} onCancel={operation.cancel} />}
      <div role="alert" className={styles.results}>
        {blockers.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Nothing was inserted</MessageBarTitle>
              <ul className={styles.list}>
                {blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {failure !== undefined && (
          <MessageBar intent={failure.cancelled ? "info" : "error"} layout="multiline">
            <MessageBarBody>{failure.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div role="status" className={styles.results}>
        <OutcomeView {...props} outcome={outcome} busy={busy} />
      </div>
    </section>
  );
}

function OutcomeView({
  outcome,
  busy,
  onUpdateMeasures,
  onApplyUpdate,
  onDiscardUpdate,
}: InsertEvaluationProps & { outcome: SetupOutcome; busy: boolean }) {
  const styles = useSetupPageStyles();
  switch (outcome.kind) {
    case "none":
      return null;
    case "written":
      return (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Evaluation sheets inserted</MessageBarTitle>
            Added {listOf(outcome.sheets)}. Bidders&apos; commitments go on SV Commitments; then use Validate.
          </MessageBarBody>
        </MessageBar>
      );
    case "conflicts":
    case "preview":
      return (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Nothing was written</MessageBarTitle>
              This workbook already has parts of an evaluation, and the add-in never overwrites them:
              <ConflictList conflicts={outcome.conflicts} />
              To start afresh, use a new workbook. To bring SV Measures up to date with the framework chosen above, update it instead:
              measures it lacks are added, and rows already there keep your edits, including whether they are in scope (change that on SV
              Measures). SV Setup is left as it is.
            </MessageBarBody>
          </MessageBar>
          {outcome.kind === "conflicts" ? (
            <div className={styles.actions}>
              <Button onClick={onUpdateMeasures} disabled={busy}>
                Update the measures instead
              </Button>
            </div>
          ) : (
            <UpdatePreview
              preview={outcome.preview}
              frameworkName={outcome.frameworkName}
              busy={busy}
              onApply={onApplyUpdate}
              onDiscard={onDiscardUpdate}
            />
          )}
        </>
      );
    case "updated":
      return (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>SV Measures updated</MessageBarTitle>
            {updateSummary(outcome.preview)}
          </MessageBarBody>
        </MessageBar>
      );
  }
}

function ConflictList({ conflicts }: { conflicts: readonly Conflict[] }) {
  const styles = useSetupPageStyles();
  const kindWord: Record<Conflict["kind"], string> = { sheet: "Sheet", table: "Table", name: "Name" };
  return (
    <ul className={styles.list}>
      {conflicts.map((c) => (
        <li key={`${c.kind}-${c.name}`}>
          {kindWord[c.kind]} {c.name}: {c.detail}
        </li>
      ))}
    </ul>
  );
}

interface UpdatePreviewProps {
  preview: MeasureUpdatePreview;
  frameworkName: string;
  busy: boolean;
  onApply: () => void;
  onDiscard: () => void;
}

/** What the update would do, and the confirmation it needs. */
function UpdatePreview({ preview, frameworkName, busy, onApply, onDiscard }: UpdatePreviewProps) {
  const styles = useSetupPageStyles();
  if (preview.unexpectedHeaders !== undefined) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>SV Measures cannot be updated</MessageBarTitle>
          Its columns are {preview.unexpectedHeaders.join(", ")}, not the ones the add-in writes, so it is left as it is.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <section className={styles.section}>
      <h4 className={styles.subheading}>Update SV Measures to {frameworkName}?</h4>
      <ul className={styles.list}>
        <li>
          {preview.added.length === 0
            ? "No measures to add."
            : `Adds ${plural(preview.added.length, "measure")}: ${preview.added.join(", ")}.`}
        </li>
        <li>
          {preview.updated.length === 0
            ? "Updates no existing measures."
            : `Updates ${plural(preview.updated.length, "measure")} from the framework (descriptions, units, types).`}
        </li>
        {preview.keptEdits.length > 0 && (
          <li>
            Keeps your edits on {plural(preview.keptEdits.length, "measure")}:{" "}
            {preview.keptEdits.map((k) => `${k.ref} (${k.columns.join(", ")})`).join("; ")}.
          </li>
        )}
        {preview.keptRows.length > 0 && (
          <li>
            Keeps {plural(preview.keptRows.length, "row")} the framework does not have, as they are: {preview.keptRows.join(", ")}.
          </li>
        )}
      </ul>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onApply} disabled={busy}>
          Update SV Measures
        </Button>
        <Button onClick={onDiscard} disabled={busy}>
          Don&apos;t update
        </Button>
      </div>
    </section>
  );
}

function updateSummary(p: MeasureUpdatePreview): string {
  const parts = [`${plural(p.added.length, "measure")} added`, `${plural(p.updated.length, "measure")} updated`];
  if (p.keptEdits.length > 0) parts.push(`your edits kept on ${plural(p.keptEdits.length, "measure")}`);
  if (p.keptRows.length > 0) parts.push(`${plural(p.keptRows.length, "row")} of your own kept`);
  return `${parts.join(", ")}. SV Setup is unchanged: edit the settings there.`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
