import { Button, Field, ProgressBar } from "@fluentui/react-components";
import type { RunningOperation } from "./useOperation";
import { useOperationProgressStyles } from "./OperationProgress.styles";

export interface OperationProgressProps {
  readonly operation: RunningOperation;
  readonly onCancel: () => void;
}

/**
 * The bar and Cancel button of a running workbook action. The Field names the bar (its label)
 * and carries the action's latest message as the bar's description, so a screen reader hears
 * both; the bar is indeterminate until the action first reports.
 */
export function OperationProgress({ operation, onCancel }: OperationProgressProps) {
  const styles = useOperationProgressStyles();
  const { label, progress, cancellable, cancelling } = operation;
  const message = cancelling ? "Cancelling… Excel finishes the step it is on first." : (progress?.message ?? "Starting…");
  return (
    <div className={styles.root}>
      {/* Polite live region: each step the action reports is read out without moving focus. */}
      <Field label={label} validationMessage={{ children: message, "aria-live": "polite" }} validationState="none">
        <ProgressBar value={progress?.fraction} max={1} />
      </Field>
      {cancellable && (
        <Button className={styles.cancel} onClick={onCancel} disabled={cancelling}>
          Cancel
        </Button>
      )}
    </div>
  );
}
