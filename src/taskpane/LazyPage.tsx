import { Component, Suspense, type ReactNode } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useStepPageStyles } from "./StepPage.styles";

export interface LazyPageProps {
  /** A page made with React.lazy: its code arrives in its own chunk when the page is first shown. */
  readonly children: ReactNode;
}

/**
 * Where a lazily loaded page goes: a line saying it is loading while its chunk arrives, and a
 * message in place of the page if the chunk cannot load (offline, or the add-in's server is
 * down), so one failed page never takes the whole pane down with it.
 */
export function LazyPage({ children }: LazyPageProps) {
  return (
    <PageLoadBoundary>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </PageLoadBoundary>
  );
}

function Loading() {
  const styles = useStepPageStyles();
  return (
    <p role="status" className={styles.text}>
      Loading…
    </p>
  );
}

class PageLoadBoundary extends Component<{ readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>This part of the pane could not load</MessageBarTitle>
          Check the connection, then reopen the pane.
        </MessageBarBody>
      </MessageBar>
    );
  }
}
