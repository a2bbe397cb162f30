import { createDOMRenderer, FluentProvider, RendererProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import type { ReactElement } from "react";

/**
 * Renders one page as the pane does, inside Fluent's provider, with a user to drive it, fast
 * enough to test by role.
 *
 * jsdom's getComputedStyle walks every CSS rule in the document for an element and each of its
 * ancestors, and Testing Library calls it for every candidate of a role query (visibility and
 * accessible names). With Fluent's atomic CSS in the document one query on the Set up page took
 * up to a second. So Fluent's styles go to a detached document: these tests check roles, names
 * and behaviour, never CSS (what only layout shows is left to the browser tests). For the same
 * reason user-event's pointer-events check is off: with no CSS there is nothing for it to find.
 *
 * Not for the tabs (App.test.tsx): Fluent hides each tab's bold-width placeholder with CSS, so
 * without its CSS a tab's accessible name reads twice. The pages use no Fluent component whose
 * accessible name or visibility depends on CSS.
 */
export function renderPage(page: ReactElement) {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const styles = createDOMRenderer(document.implementation.createHTMLDocument("Fluent styles"));
  const result = render(
    <RendererProvider renderer={styles} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>{page}</FluentProvider>
    </RendererProvider>,
  );
  return { user, ...result };
}
