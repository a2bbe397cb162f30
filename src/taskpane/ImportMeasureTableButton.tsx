import { Button } from "@fluentui/react-components";
import { useStepNavigation } from "./stepNavigation";

/**
 * The one-click path from a "no proxy value" message to where the council's licensed measure
 * table is imported (Bids, Import a measure table). Nothing is shown where the page stands
 * alone, outside the steps, since there is then no page to open.
 */
export function ImportMeasureTableButton() {
  const navigation = useStepNavigation();
  if (navigation === undefined) return null;
  return (
    <Button appearance="primary" size="small" onClick={() => navigation.openSection("measureTableImport")}>
      Import the council&apos;s measure table
    </Button>
  );
}
