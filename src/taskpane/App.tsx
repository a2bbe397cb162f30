import { lazy, useEffect, useRef, useState } from "react";
import { Button, FluentProvider } from "@fluentui/react-components";
import type { WorkbookActions } from "../excel/actions";
import { ADDIN_VERSION } from "../core";
import { EvaluationSteps } from "./EvaluationSteps";
import type { PaneHost } from "./host";
import { LazyPage } from "./LazyPage";
import { themeForOffice } from "./theme";
import { useAppStyles } from "./App.styles";

// Opened rarely (to check an Excel or write to support), so it loads from its own chunk when
// first asked for and adds nothing to what the pane loads before it is interactive.
// Shown only outside Excel (or in one too old), so Excel's first load does not carry it.
const OpenInExcel = lazy(() => import(/* webpackChunkName: "open-in-excel" */ "./OpenInExcel").then((m) => ({ default: m.OpenInExcel })));
const SelfTestPage = lazy(() => import(/* webpackChunkName: "self-test-page" */ "./selfTest/SelfTestPage").then((m) => ({ default: m.SelfTestPageInPane })));
// The council's portfolio is another workbook's work, done a few times a year: its own chunk too.
const PortfolioPage = lazy(() => import(/* webpackChunkName: "portfolio-page" */ "./portfolio/PortfolioPage").then((m) => ({ default: m.PortfolioPage })));

/** The pages shown in place of the steps, opened from the footer. */
type Aside = "about" | "portfolio";

type ExcelHost = Extract<PaneHost, { kind: "excel" }>;

export type AppProps =
  | {
      /** Where the pane runs, read once at boot; components never read the `Office` global. */
      readonly host: ExcelHost;
      /** What the pages may ask of the workbook (STYLE.md 8: injected, so tests and the playground pass their own). */
      readonly actions: WorkbookActions;
    }
  | {
      readonly host: Exclude<PaneHost, ExcelHost>;
      /** Outside Excel there is no workbook to act on. */
      readonly actions?: undefined;
    };

export function App(props: AppProps) {
  const styles = useAppStyles();
  const { host } = props;
  const [aside, setAside] = useState<Aside | undefined>(undefined);
  const footer = useRef<HTMLElement>(null);
  const leftFor = useRef<Aside | undefined>(undefined);
  // Back from a page puts focus on the button that opened it, not on the pane's top.
  useEffect(() => {
    if (aside !== undefined) leftFor.current = aside;
    else if (leftFor.current !== undefined) footer.current?.querySelector<HTMLButtonElement>(`[data-aside="${leftFor.current}"]`)?.focus();
  }, [aside]);
  const back = () => setAside(undefined);
  return (
    <FluentProvider theme={themeForOffice(host.kind === "excel" ? host.officeTheme : undefined)} className={styles.provider}>
      <div className={styles.root}>
        <header>
          <h1 className={styles.title}>Social value evaluation</h1>
        </header>
        <main className={styles.main}>
          {inExcel(props) ? (
            <>
              {/* Hidden, not unmounted: a half-filled form or a run under way survives a look at About. */}
              <div hidden={aside !== undefined} className={styles.steps}>
                <EvaluationSteps actions={props.actions} />
              </div>
              {aside !== undefined && (
                <LazyPage>
                  {aside === "about" ? <SelfTestPage actions={props.actions} officeApi={props.host.office} onBack={back} /> : <PortfolioPage actions={props.actions} onBack={back} />}
                </LazyPage>
              )}
            </>
          ) : (
            <LazyPage>
              <OpenInExcel host={props.host} />
            </LazyPage>
          )}
        </main>
        <footer ref={footer} className={styles.footer}>
          <span>Version {ADDIN_VERSION}</span>
          {inExcel(props) &&
            aside === undefined &&
            (
              [
                ["portfolio", "Council portfolio"],
                ["about", "About and self-test"],
              ] as const
            ).map(([id, label]) => (
              <Button key={id} data-aside={id} appearance="transparent" size="small" onClick={() => setAside(id)}>
                {label}
              </Button>
            ))}
        </footer>
      </div>
    </FluentProvider>
  );
}

/** Narrows the props by their host: TypeScript does not narrow a union on a nested discriminant. */
function inExcel(props: AppProps): props is Extract<AppProps, { host: ExcelHost }> {
  return props.host.kind === "excel";
}
