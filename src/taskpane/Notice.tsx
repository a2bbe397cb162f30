import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** A section's last failure, warning or confirmation. */
export interface Notice {
  readonly intent: "error" | "warning" | "info" | "success";
  readonly message: string;
}

/**
 * Where a section shows its notice. Errors go to an alert region, everything else to a status
 * region; both regions are always in the page, so a screen reader announces a message when it
 * appears: an error at once, the rest politely.
 */
export function NoticeRegions({ notice, className }: { readonly notice: Notice | undefined; readonly className?: string }) {
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
