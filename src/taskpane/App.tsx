import { FluentProvider } from "@fluentui/react-components";
import { EvaluationSteps } from "./EvaluationSteps";
import type { PaneHost } from "./host";
import { OpenInExcel } from "./OpenInExcel";
import { themeForOffice } from "./theme";
import { useAppStyles } from "./App.styles";

export interface AppProps {
  /** Where the pane runs, read once at boot; components never read the `Office` global. */
  readonly host: PaneHost;
}

export function App({ host }: AppProps) {
  const styles = useAppStyles();
  return (
    <FluentProvider theme={themeForOffice(host.kind === "excel" ? host.officeTheme : undefined)} className={styles.provider}>
      <div className={styles.root}>
        <header>
          <h1 className={styles.title}>Social value evaluation</h1>
        </header>
        <main className={styles.main}>
          {host.kind === "excel" ? <EvaluationSteps /> : <OpenInExcel host={host} />}
        </main>
      </div>
    </FluentProvider>
  );
}
