import { lazy, useEffect, useRef, useState } from "react";
import { Button, FluentProvider } from "@fluentui/react-components";
import type { WorkbookActions } from "../excel/actions";
import { ADDIN_VERSION } from "../core";
import { EvaluationSteps } from "./EvaluationSteps";
import type { PaneHost } from "./host";
import type { Aside } from "./AsidePage";
import { LazyPage } from "./LazyPage";
import { themeForOffice } from "./theme";
import { useAppStyles } from "./App.styles";

// About and self-test, the council's portfolio, and the page shown outside Excel: opened rarely,
// so they load from one chunk of their own when first asked for and add nothing to what the pane
// loads before it is interactive (AsidePage.tsx says why one chunk).
const AsidePage = lazy(() => import(/* webpackChunkName: "aside-pages" */ "./AsidePage"));

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
  const leftFor = useRef<Aside>();
  // Back from a page puts focus on the button that opened it, not on the pane's top.
  useEffect(() => {
    if (aside) leftFor.current = aside;
    else if (leftFor.current) document.getElementById(`open-${leftFor.current}`)?.focus();
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
              <div hidden={!!aside} className={styles.steps}>
                <EvaluationSteps actions={props.actions} />
              </div>
              {aside && (
                <LazyPage>
                  <AsidePage aside={aside} actions={props.actions} officeApi={props.host.office} onBack={back} />
                </LazyPage>
              )}
            </>
          ) : (
            <LazyPage>
              <AsidePage aside="open-in-excel" host={props.host} />
            </LazyPage>
          )}
        </main>
        <footer className={styles.footer}>
          <span>Version {ADDIN_VERSION}</span>
          {inExcel(props) && !aside && (
            <>
              <Button id="open-portfolio" appearance="transparent" size="small" onClick={() => setAside("portfolio")}>
                Council portfolio
              </Button>
              <Button id="open-about" appearance="transparent" size="small" onClick={() => setAside("about")}>
                About and self-test
              </Button>
            </>
          )}
        </footer>
      </div>
    </FluentProvider>
  );
}

/** Narrows the props by their host: TypeScript does not narrow a union on a nested discriminant. */
function inExcel(props: AppProps): props is Extract<AppProps, { host: ExcelHost }> {
  return props.host.kind === "excel";
}
