import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { RollUpChange } from "../../excel/moderation/moderationActions";
import { formatWhen } from "./wording";

/**
 * The roll-up on SV Setup is no longer the one marking started under. The panel fixes it
 * before marking (issue #8), so the pane says so wherever marks are read, and sign-off lists
 * it as open until SV_RollUp is set back.
 */
export function RollUpWarning({ change }: { readonly change: RollUpChange | undefined }) {
  if (change === undefined) return null;
  const when = change.fixedAt !== undefined ? ` on ${formatWhen(change.fixedAt)}` : "";
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The roll-up was changed after marking started</MessageBarTitle>
        It was {change.fixed} when marking started{when}; SV_RollUp on SV Setup now says {change.now}. The panel fixes the roll-up before
        marking, so set it back to {change.fixed}. Sign-off stays blocked until it is.
      </MessageBarBody>
    </MessageBar>
  );
}
