import type { WorkbookActions } from "../excel/actions";
import type { OfficeHostApi, PaneHost } from "./host";
import { OpenInExcel } from "./OpenInExcel";
import { PortfolioPage } from "./portfolio/PortfolioPage";
import { SelfTestPageInPane } from "./selfTest/SelfTestPage";

/** The pages shown in place of the steps, opened from the pane's foot. */
export type Aside = "about" | "portfolio";

export type AsidePageProps =
  | {
      readonly aside: Aside;
      readonly actions: WorkbookActions;
      readonly officeApi: OfficeHostApi | undefined;
      readonly onBack: () => void;
    }
  /** Outside Excel (or in one too old): the page that says how to open the add-in in Excel. */
  | { readonly aside: "open-in-excel"; readonly host: Exclude<PaneHost, { kind: "excel" }> };

/**
 * The pages the pane shows rarely: About and self-test (to check an Excel), the council's
 * portfolio (a few gathers a year), and, outside Excel, how to open the add-in there. They share
 * one chunk, loaded when one is first asked for, through one React.lazy: each chunk and each lazy
 * import costs the pane's first load bytes (webpack's chunk map, the import's wrapper), and that
 * load is within bytes of its goal (bench: bundle/taskpane-page-initial-gzip).
 */
export default function AsidePage(props: AsidePageProps) {
  if (props.aside === "open-in-excel") return <OpenInExcel host={props.host} />;
  const { aside, actions, officeApi, onBack } = props;
  return aside === "about" ? <SelfTestPageInPane actions={actions} officeApi={officeApi} onBack={onBack} /> : <PortfolioPage actions={actions} onBack={onBack} />;
}
