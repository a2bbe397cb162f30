import { useEffect, type RefObject } from "react";

/**
 * Scrolls what a page's action reports into view as it appears: every page puts its results and
 * errors in its `role="alert"` and `role="status"` regions, often below a long form, where a
 * user who clicked a button near the top would never see them. "nearest" leaves the page where
 * it is when the message is already in sight. A hidden page is left alone.
 */
export function useRevealResults(page: RefObject<HTMLElement | null>, hidden: boolean): void {
  useEffect(() => {
    const root = page.current;
    if (root === null || hidden || typeof MutationObserver === "undefined") return;
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLElement && node.parentElement?.closest('[role="alert"], [role="status"]')) {
            // jsdom has no scrollIntoView.
            node.scrollIntoView?.({ block: "nearest" });
            return;
          }
        }
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [page, hidden]);
}
