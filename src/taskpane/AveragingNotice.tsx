import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { RollUp } from "../core";

/**
 * Said wherever a roll-up that averages is chosen or in force (the Set up page and the
 * Moderation page). Bromcom v United Learning Trust [2022] EWHC 3262 (TCC): averaging the
 * evaluators' marks in place of moderation was unlawful; it gave decimal marks the tender had not
 * promised and left the authority with no reasons of its own. Sign-off applies the same two rules
 * (core signOffReview.ts), so the pane says them before anyone relies on the average.
 */
export function AveragingNotice({ rollUp }: { readonly rollUp: RollUp }) {
  if (rollUp === "consensus") return null;
  const taking = rollUp === "average" ? "An average" : "A median";
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Averaging is not moderation</MessageBarTitle>
        {taking} of the evaluators&apos; marks does not replace the panel&apos;s discussion (Bromcom v United Learning Trust [2022] EWHC 3262
        (TCC)). The panel still discusses each item and records its reason and who agreed before sign-off. A mark between the scale&apos;s
        marks, such as 3.67, can be signed off only if the tender documents said marks would be averaged.
      </MessageBarBody>
    </MessageBar>
  );
}
