import { FluentProvider } from "@fluentui/react-components";
import type { WorkbookActions } from "../excel/actions";
import { EvaluationSteps } from "./EvaluationSteps";
import type { PaneHost } from "./host";
import { OpenInExcel } from "./OpenInExcel";
import { themeForOffice } from "./theme";
import { useAppStyles } from "./App.styles";

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
  return (
    <FluentProvider theme={themeForOffice(host.kind === "excel" ? host.officeTheme : undefined)} className={styles.provider}>
      <div className={styles.root}>
        <header>
          <h1 className={styles.title}>Social value evaluation</h1>
        </header>
        <main className={styles.main}>
          {inExcel(props) ? <EvaluationSteps actions={props.actions} /> : <OpenInExcel host={props.host} />}
        </main>
      </div>
    </FluentProvider>
  );
}

/** Narrows the props by their host: TypeScript does not narrow a union on a nested discriminant. */
function inExcel(props: AppProps): props is Extract<AppProps, { host: ExcelHost }> {
  return props.host.kind === "excel";
}
