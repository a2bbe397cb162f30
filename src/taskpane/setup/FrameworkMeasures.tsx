import { memo } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
} from "@fluentui/react-components";
import { formatGBP, UNITS, type Framework, type Measure, type Outcome } from "../../core";
import type { SetupPageState } from "./useSetupPage";
import { useSetupPageStyles } from "./SetupPage.styles";

export type FrameworkMeasuresProps = Pick<
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

/**
 * The framework picker and, under it, the framework itself: themes (collapsible) → outcomes →
 * measures with their unit and proxy. The preview is also where measures are put in scope, so
 * the pane shows each measure once, whatever its width.
 */
export const FrameworkMeasures = memo(function FrameworkMeasures(props: FrameworkMeasuresProps) {
  const { frameworks, framework, onFrameworkChange, measuresInScope, outcomesInScope, measureCount } = props;
  const styles = useSetupPageStyles();
  return (
    <section className={styles.section}>
      <h3 className={styles.heading}>Framework and measures</h3>
      <Field className={styles.field} label="Framework" hint="Built-in frameworks from published council and government sources.">
        <Select value={framework?.id ?? ""} onChange={(_e, data) => onFrameworkChange(data.value)}>
          <option value="">Choose a framework…</option>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
      </Field>
      {framework !== undefined && (
        <>
          <FrameworkAbout framework={framework} />
          {/* Polite: the count changes with every tick, and is read out without moving focus. */}
          <p className={styles.text} aria-live="polite">
            {measureCount === 0
              ? `${outcomesInScope.length} of ${framework.themes.flatMap((t) => t.outcomes).length} outcomes in scope. This framework has no measures: bids are marked on their answers.`
              : `${measuresInScope.length} of ${measureCount} measures in scope, under ${outcomesInScope.length} ${outcomesInScope.length === 1 ? "outcome" : "outcomes"}.`}
          </p>
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
        </>
      )}
    </section>
  );
});

function FrameworkAbout({ framework }: { framework: Framework }) {
  const styles = useSetupPageStyles();
  const { source, policy } = framework;
  return (
    <>
      {framework.illustrative && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Illustrative</MessageBarTitle>
            These proxy values are for demonstrations and tests only. They are not official, and must not be used to score a real tender:
            use your council&apos;s framework and its licensed proxy values.
          </MessageBarBody>
        </MessageBar>
      )}
      <p className={styles.quiet}>
        Source: {source.title}, {source.publisher}
        {source.date ? ` (${source.date})` : ""}. Version {framework.version}.
      </p>
      {policy?.note && <p className={styles.text}>{policy.note}</p>}
      {policy?.requiresOutcomeSelection && (
        <p className={styles.text}>
          {framework.name} requires every tender to put at least one outcome in scope: select the measures of the outcomes this contract
          will deliver.
        </p>
      )}
    </>
  );
}

type OutcomeMeasuresProps = Omit<FrameworkMeasuresProps, "framework"> & { outcome: Outcome; framework: Framework };

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
