import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Notice } from "./notice";

/**
 * A section's last failure or confirmation. Both live regions are always in the page, so a
 * screen reader announces a message when it appears: an error at once (alert), anything else
 * politely (status).
 */
export function NoticeArea({ notice }: { readonly notice: Notice | undefined }) {
  return (
    <>
      <div role="alert">
        {notice?.intent === "error" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{notice.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div role="status">
        {notice !== undefined && notice.intent !== "error" && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}
