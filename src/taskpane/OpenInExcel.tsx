import { MessageBar, MessageBarBody, MessageBarTitle, useId } from "@fluentui/react-components";
import type { PaneHost } from "./host";
import { useOpenInExcelStyles } from "./OpenInExcel.styles";

export interface OpenInExcelProps {
  /** Why the pane is not in Excel. */
  readonly host: Exclude<PaneHost, { kind: "excel" }>;
}

/** Shown instead of the evaluation steps when the pane has no Excel workbook to work on. */
export function OpenInExcel({ host }: OpenInExcelProps) {
  const styles = useOpenInExcelStyles();
  const headingId = useId("open-in-excel-");
  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          {host.kind === "old-excel" ? (
            <>
              <MessageBarTitle>This Excel is too old for the add-in</MessageBarTitle> It lacks {host.missing.join(" and ")}, which
              the add-in needs to work on the evaluation workbook. Use Excel on the web, Excel for Microsoft 365 on Windows
              (Version 2102 or later), Excel 2021 or 2024 on Windows (Version 2108 or later), or Excel for Mac 16.50 or later.
            </>
          ) : (
            <>
              <MessageBarTitle>Open this pane in Excel</MessageBarTitle> {whereItIs(host)} The pane works on the
              evaluation workbook, so it runs only inside Excel.
            </>
          )}
        </MessageBarBody>
      </MessageBar>
      <section aria-labelledby={headingId} className={styles.steps}>
        <h2 id={headingId} className={styles.heading}>
          How to open it in Excel
        </h2>
        <ul className={styles.list}>
          <li>
            <strong>Excel on the web:</strong> open a workbook, then choose Home &gt; Add-ins &gt; More add-ins &gt; My
            add-ins &gt; Upload My Add-in, and choose the add-in&apos;s <code>manifest.xml</code>.
          </li>
          <li>
            <strong>Excel on Windows or Mac (developers):</strong> in the project folder run <code>npm start</code>,
            which opens Excel with the add-in loaded.
          </li>
        </ul>
      </section>
    </>
  );
}

function whereItIs(host: Exclude<OpenInExcelProps["host"], { kind: "old-excel" }>): string {
  if (host.kind === "no-office") {
    return "Office.js, the library that connects the pane to Excel, did not load: check the internet connection, then reload.";
  }
  if (host.host === null) return "This page is open in a web browser, outside Excel.";
  return `This page is open in ${host.host}, not Excel.`;
}
