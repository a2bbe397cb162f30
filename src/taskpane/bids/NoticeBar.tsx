import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Notice } from "./notice";

/**
 * A section's last message. Errors go to an alert region and the rest to a status region; both
 * regions are always in the page, so what appears in them is read out.
 */
export function NoticeRegions({ notice, className }: { readonly notice: Notice | undefined; readonly className: string }) {
  return (
    <>
      <div role="alert" className={className}>
        {notice?.intent === "error" && <Bar notice={notice} />}
      </div>
      <div role="status" className={className}>
        {notice !== undefined && notice.intent !== "error" && <Bar notice={notice} />}
      </div>
    </>
  );
}

function Bar({ notice }: { readonly notice: Notice }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>{notice.message}</MessageBarBody>
    </MessageBar>
  );
}
