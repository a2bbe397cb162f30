/**
 * The shared runtime and the ribbon: what can be known of them from inside the add-in. The
 * shared runtime answers a read of its own (Office.addin.getStartupBehavior); the ribbon is
 * drawn by Excel from the manifest and the add-in cannot see it, so that check is left to the
 * user's eye and says what to look for.
 */
import type { OfficeHostInfo } from "./hostInfo";
import type { SelfTestCheck } from "./report";

export async function checkSharedRuntime(host: OfficeHostInfo): Promise<SelfTestCheck> {
  const title = "Shared runtime";
  const declared = host.isSetSupported?.("SharedRuntime", "1.1");
  if (host.getStartupBehavior === undefined) {
    if (declared === undefined) {
      return { id: "shared-runtime", title, verdict: "not run", detail: "Office gave the add-in no way to ask whether its pane and the TENDER functions share one runtime (it is not running inside Office), so this could not be checked." };
    }
    return {
      id: "shared-runtime",
      title,
      verdict: "fail",
      detail: "The pane is not running in the add-in's shared runtime, so the TENDER functions and the pane run apart: the functions may stop when the pane closes. Update Excel, then remove and add the add-in again.",
    };
  }
  if (declared === false) {
    return {
      id: "shared-runtime",
      title,
      verdict: "fail",
      detail: "This Excel does not offer the shared runtime (SharedRuntime 1.1) the add-in is made for, so the TENDER functions and the pane may run apart and the functions may stop when the pane closes. Update Excel, or use Excel on the web or Microsoft 365.",
    };
  }
  try {
    await host.getStartupBehavior();
  } catch (error) {
    return { id: "shared-runtime", title, verdict: "fail", detail: `The shared runtime did not answer (${errorText(error)}): the TENDER functions may stop when the pane closes. Close and reopen the workbook; if this persists, send this report.` };
  }
  return {
    id: "shared-runtime",
    title,
    verdict: "pass",
    detail: "The pane and the TENDER functions run together in the add-in's shared runtime, so the functions keep working while the pane is closed and the pane keeps its place when you hide it.",
  };
}

export function ribbonCheck(): SelfTestCheck {
  return {
    id: "ribbon",
    title: "Ribbon button",
    verdict: "not run",
    detail: "The add-in cannot see Excel's ribbon from inside, so check it by eye: the Home tab has a Social Value group with an Evaluation button, and pressing it while this pane is open keeps what the pane shows (the same pane, not a second copy).",
  };
}

/** An error as support needs it: its code and Excel's or Office's own message. */
export function errorText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : undefined;
  const message = typeof e?.message === "string" && e.message.trim() !== "" ? e.message.trim() : String(error);
  return code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
}
