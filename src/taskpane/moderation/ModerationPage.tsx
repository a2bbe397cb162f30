import type { WorkbookActions } from "../../excel/actions";
import { OperationProgress } from "../OperationProgress";
import { ConsensusSection } from "./ConsensusSection";
import { MarkingSection } from "./MarkingSection";
import { SignOffSection } from "./SignOffSection";
import { useModerationPage, type ModerationSection } from "./useModerationPage";
import { useModerationPageStyles } from "./ModerationPage.styles";

export interface ModerationPageProps {
  readonly actions: WorkbookActions;
}

/**
 * Moderation: evaluators mark on their own, the panel agrees a consensus mark with reasons for
 * each bidder × criterion, and the record is signed and can be verified later. One action runs
 * at a time; its progress shows in the section whose button started it.
 */
export function ModerationPage({ actions }: ModerationPageProps) {
  const { operation, runningIn, marking, consensus, signOff } = useModerationPage(actions);
  const styles = useModerationPageStyles();
  const busy = operation.running !== undefined;
  const progressIn = (section: ModerationSection) =>
    operation.running !== undefined && runningIn === section ? (
      <OperationProgress operation={operation.running} onCancel={operation.cancel} />
    ) : null;
  return (
    <div className={styles.page}>
      <MarkingSection marking={marking} busy={busy} progress={progressIn("marking")} />
      <ConsensusSection consensus={consensus} busy={busy} progress={progressIn("moderation")} />
      <SignOffSection signOff={signOff} busy={busy} progress={progressIn("signOff")} />
    </div>
  );
}
