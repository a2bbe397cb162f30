import { lazy, memo } from "react";
import { Field, MessageBar, MessageBarBody, MessageBarTitle, Select } from "@fluentui/react-components";
import type { Framework } from "../../core";
import { LazyPage } from "../LazyPage";
import type { FrameworkPreviewProps } from "./FrameworkThemes";
import { useSetupPageStyles } from "./SetupPage.styles";

const FrameworkThemes = lazy(() => import(/* webpackChunkName: "framework-themes" */ "./FrameworkThemes").then((m) => ({ default: m.FrameworkThemes })));

/** The picker's props: the setup page's framework state (declared with the themes it is shown in). */
export type FrameworkMeasuresProps = FrameworkPreviewProps;

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
          {/* The theme tree (and Fluent's Accordion) loads when a framework is first chosen: none is at start. */}
          <LazyPage>
            <FrameworkThemes {...props} framework={framework} />
          </LazyPage>
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
