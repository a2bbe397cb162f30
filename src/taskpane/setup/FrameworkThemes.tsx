import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Checkbox } from "@fluentui/react-components";
import { formatGBP, UNITS, type Framework, type Measure, type Outcome } from "../../core";
import type { SetupPageState } from "./useSetupPage";
import { useSetupPageStyles } from "./SetupPage.styles";

/** What the framework preview needs of the setup page's state. */
export type FrameworkPreviewProps = Pick<
  SetupPageState,
  | "frameworks"
  | "framework"
  | "onFrameworkChange"
  | "isMeasureSelected"
  | "onMeasureToggle"
  | "outcomeSelection"
  | "onOutcomeToggle"
  | "measuresInScope"
  | "outcomesInScope"
  | "measureCount"
>;

export type FrameworkThemesProps = Omit<FrameworkPreviewProps, "framework"> & { readonly framework: Framework };

/**
 * The chosen framework's themes (collapsible) → outcomes → measures with their unit and proxy,
 * where measures are put in scope. Its own chunk: FrameworkMeasures loads it when a framework is
 * first chosen, so the Accordion is not loaded before the pane is interactive.
 */
export function FrameworkThemes(props: FrameworkThemesProps) {
  const { framework } = props;
  return (
    <Accordion key={framework.id} multiple collapsible>
      {framework.themes.map((theme) => {
        const themeMeasures = theme.outcomes.flatMap((o) => o.measures);
        const chosen = themeMeasures.filter((m) => props.isMeasureSelected(m.ref)).length;
        return (
          <AccordionItem key={theme.id} value={theme.id}>
            <AccordionHeader as="h4">
              {theme.name}
              {themeMeasures.length > 0 ? ` (${chosen} of ${themeMeasures.length} in scope)` : ""}
            </AccordionHeader>
            <AccordionPanel>
              {theme.outcomes.map((outcome) => (
                <OutcomeMeasures key={outcome.id} {...props} outcome={outcome} framework={framework} />
              ))}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}

type OutcomeMeasuresProps = Omit<FrameworkPreviewProps, "framework"> & { outcome: Outcome; framework: Framework };

/** One outcome: its "select all" and its measures, grouped so the outcome names the group. */
function OutcomeMeasures({
  outcome,
  framework,
  isMeasureSelected,
  onMeasureToggle,
  outcomeSelection,
  onOutcomeToggle,
}: OutcomeMeasuresProps) {
  const styles = useSetupPageStyles();
  if (outcome.measures.length === 0) {
    return (
      <Checkbox
        label={`${outcome.name} (answered in the qualitative questions; no measures)`}
        checked={outcomeSelection(outcome)}
        onChange={(_e, data) => onOutcomeToggle(outcome, data.checked === true)}
      />
    );
  }
  return (
    <fieldset className={styles.outcome}>
      <legend className={styles.legend}>{outcome.name}</legend>
      <Checkbox
        label="Select all"
        checked={outcomeSelection(outcome)}
        onChange={(_e, data) => onOutcomeToggle(outcome, data.checked === true)}
      />
      <div className={styles.measures}>
        {outcome.measures.map((measure) => (
          <Checkbox
            key={measure.ref}
            checked={isMeasureSelected(measure.ref)}
            onChange={(_e, data) => onMeasureToggle(measure.ref, data.checked === true)}
            label={
              <>
                <span className={styles.measureRef}>{measure.ref}</span> {measure.description}
                <span className={styles.measureDetail}>
                  Unit: {unitOf(measure)}. {proxyOf(measure, framework.illustrative === true)}
                </span>
              </>
            }
          />
        ))}
      </div>
    </fieldset>
  );
}

function unitOf(measure: Measure): string {
  return measure.unitLabel ?? UNITS[measure.unit].label;
}

function proxyOf(measure: Measure, illustrative: boolean): string {
  if (measure.type === "Record") return "Record only: reported, adds no £ value.";
  if (measure.proxy === null) return "No proxy value given: enter your council's on SV Measures.";
  return `${illustrative ? "Illustrative proxy" : "Proxy"}: ${formatGBP(measure.proxy)} per unit.`;
}
