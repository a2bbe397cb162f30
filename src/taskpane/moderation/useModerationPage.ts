import { useCallback, useMemo, useState } from "react";
import type { WorkbookActions } from "../../excel/actions";
import { useOperation, type OperationState } from "../useOperation";
import { useConsensus, type ConsensusState } from "./useConsensus";
import { useMarking, type MarkingState } from "./useMarking";
import { useSignOff, type SignOffState } from "./useSignOff";

export type ModerationSection = "marking" | "moderation" | "signOff";

export interface ModerationPageState {
  readonly operation: OperationState;
  /** The section whose action is running, so its progress shows beside the button pressed. */
  readonly runningIn: ModerationSection | undefined;
  readonly marking: MarkingState;
  readonly consensus: ConsensusState;
  readonly signOff: SignOffState;
}

/**
 * State of the Moderation page: its three sections share one operation, so only one workbook
 * action runs at a time, and each tells the others what changed the record (moderation opened,
 * record signed).
 */
export function useModerationPage(actions: WorkbookActions): ModerationPageState {
  const describeError = useCallback((error: unknown) => actions.describeError(error), [actions]);
  const operation = useOperation(describeError);
  const [owner, setOwner] = useState<ModerationSection | undefined>(undefined);
  const sectionOperation = useMemo(() => {
    const of = (section: ModerationSection): OperationState => ({
      ...operation,
      run: (label, work, how) => {
        if (operation.running === undefined) setOwner(section);
        return operation.run(label, work, how);
      },
    });
    return { marking: of("marking"), moderation: of("moderation"), signOff: of("signOff") };
  }, [operation]);
  const marking = useMarking(actions, sectionOperation.marking);
  const consensus = useConsensus(actions, sectionOperation.moderation, marking.onModerationOpened);
  const signOff = useSignOff(actions, sectionOperation.signOff, (signedAt) => {
    marking.onSigned(signedAt);
    consensus.onSigned(signedAt);
  });
  return { operation, runningIn: operation.running === undefined ? undefined : owner, marking, consensus, signOff };
}
