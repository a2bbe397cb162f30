import { useRef } from "react";
import { Button, Checkbox, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { MEASURE_FIELDS, type MeasureField } from "../../forms/types";
import type { MeasureTableImportPreview } from "../../excel/bids/importMeasureTable";
import type { MeasureTableState } from "./useMeasureTableImport";
import { NoticeRegions } from "../Notice";
import { useSectionTarget } from "../stepNavigation";
import { plural } from "../wording";
import { useBidsPageStyles } from "./BidsPage.styles";

const FIELD_LABEL: Readonly<Record<MeasureField, string>> = {
  ref: "Ref (required)",
  measure: "Measure",
  unit: "Unit (required)",
  proxy: "Proxy (£ per unit)",
  theme: "Theme",
  outcome: "Outcome",
  type: "Type (LEV, SV or Record)",
  guidance: "Guidance",
  ceiling: "Ceiling (most a bid can plausibly commit)",
};

export function MeasureTableSection({ state, busy }: { readonly state: MeasureTableState; readonly busy: boolean }) {
  const styles = useBidsPageStyles();
  const { stage } = state;
  // Messages about measures without a proxy value (Set up, Validate, Scores) open the pane here.
  const heading = useRef<HTMLHeadingElement>(null);
  useSectionTarget("measureTableImport", heading);
  return (
    <section className={styles.section} aria-labelledby="bids-measures-heading">
      <h3 id="bids-measures-heading" className={styles.heading} ref={heading} tabIndex={-1}>
        Import a measure table
      </h3>
      <p className={styles.text}>
        Bring the council&apos;s own measures and proxy values into SV Measures, from cells you select or from an .xlsx or .csv file. You confirm the
        columns and see every change before it is written.
      </p>
      <div className={styles.actions}>
        <Button onClick={state.onFromSelection} disabled={busy}>
          Use the selected cells
        </Button>
      </div>
      <Field label="Or choose a file (.xlsx or .csv)">
        {(fieldProps) => (
          <input
            {...fieldProps}
            key={state.inputKey}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.fileInput}
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) state.onFile(file);
            }}
          />
        )}
      </Field>
      {stage.kind === "mapping" && (
        <section className={styles.section} aria-labelledby="bids-mapping-heading">
          <h4 id="bids-mapping-heading" className={styles.subheading}>
            Which column holds what?
          </h4>
          {stage.grids.length > 1 && (
            <Field label="Sheet">
              <Select value={String(stage.grid)} onChange={(_, d) => state.onPickGrid(Number(d.value))}>
                {stage.grids.map((g, i) => (
                  <option key={`${g.name}-${i}`} value={String(i)}>
                    {g.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <p className={styles.quiet}>Headers found in row {stage.mapping.headerRow + 1}.</p>
          {stage.notes.length > 0 && (
            <ul className={styles.list}>
              {stage.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <div className={styles.mapping}>
            {MEASURE_FIELDS.map((field) => (
              <Field key={field} label={FIELD_LABEL[field]}>
                <Select
                  value={stage.mapping.columns[field] === undefined ? "" : String(stage.mapping.columns[field])}
                  onChange={(_, d) => state.onMapField(field, d.value === "" ? undefined : Number(d.value))}
                >
                  <option value="">(not imported)</option>
                  {stage.headers.map((h, i) => (
                    <option key={i} value={String(i)}>
                      {h.trim() === "" ? `Column ${i + 1}` : h}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={state.onApplyMapping} disabled={busy}>
              Use these columns
            </Button>
            <Button onClick={state.onCancel} disabled={busy}>
              Cancel
            </Button>
          </div>
        </section>
      )}
      {stage.kind === "mapped" && (
        <section className={styles.section} aria-labelledby="bids-mode-heading">
          <h4 id="bids-mode-heading" className={styles.subheading}>
            {plural(stage.measures.length, "measure")} read
          </h4>
          {stage.notes.length > 0 && (
            <ul className={styles.list} aria-label="How the table was read">
              {stage.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          {stage.problems.length > 0 && (
            <>
              <p className={styles.text}>{plural(stage.problems.length, "row")} could not be read and will not be imported:</p>
              <ul className={styles.list} aria-label="Rows not read">
                {stage.problems.map((p, i) => (
                  <li key={`${p.row}-${i}`}>
                    Row {p.row}: {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Field label="How should SV Measures change?">
            <RadioGroup value={stage.mode} onChange={(_, d) => state.onMode(d.value === "replace" ? "replace" : "update")}>
              <Radio value="update" label="Update: add and update these measures, keep the rest and your scope choices" />
              <Radio value="replace" label="Replace: SV Measures becomes exactly this table" />
            </RadioGroup>
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={state.onPreview} disabled={busy || stage.measures.length === 0}>
              Preview the changes
            </Button>
            <Button onClick={state.onCancel} disabled={busy}>
              Cancel
            </Button>
          </div>
        </section>
      )}
      {stage.kind === "preview" && <PreviewView preview={stage.preview} allowRemoving={stage.allowRemoving} state={state} busy={busy} />}
      <NoticeRegions notice={state.notice} className={styles.results} />
    </section>
  );
}

function PreviewView({ preview: p, allowRemoving, state, busy }: { preview: MeasureTableImportPreview; allowRemoving: boolean; state: MeasureTableState; busy: boolean }) {
  const styles = useBidsPageStyles();
  const blocked = p.problems.length > 0 || p.unexpectedHeaders !== undefined;
  const needsConsent = p.mode === "replace" && p.refsInUse.length > 0;
  return (
    <section className={styles.section} aria-labelledby="bids-preview-heading">
      <h4 id="bids-preview-heading" className={styles.subheading}>
        {p.mode === "replace" ? "Replace SV Measures?" : "Update SV Measures?"}
      </h4>
      <ul className={styles.list} aria-label="Changes to SV Measures">
        {p.unexpectedHeaders && <li>SV Measures has columns {p.unexpectedHeaders.join(", ")}, not the add-in&apos;s, so it cannot be changed.</li>}
        {p.problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
        <li>{p.added.length ? `Adds ${plural(p.added.length, "measure")}: ${p.added.join(", ")}.` : "Adds no measures."}</li>
        <li>{p.updated.length ? `Updates ${plural(p.updated.length, "measure")}.` : "Updates no existing measures."}</li>
        {p.proxyChanges.length > 0 && (
          <li>
            Changes {plural(p.proxyChanges.length, "proxy", "proxies")}: {p.proxyChanges.map((c) => `${c.ref} ${c.from === "" ? "(none)" : String(c.from)} → ${c.to}`).join("; ")}.
          </li>
        )}
        {p.ceilingChanges.length > 0 && (
          <li>
            Changes {plural(p.ceilingChanges.length, "ceiling")}: {p.ceilingChanges.map((c) => `${c.ref} ${c.from === "" ? "(none)" : String(c.from)} → ${c.to}`).join("; ")}.
          </li>
        )}
        {p.keptEdits.length > 0 && <li>Keeps your edits on: {p.keptEdits.map((k) => `${k.ref} (${k.columns.join(", ")})`).join("; ")}.</li>}
        {p.keptRows.length > 0 && <li>Keeps {plural(p.keptRows.length, "measure")} the table does not have: {p.keptRows.join(", ")}.</li>}
        {p.removed.length > 0 && <li>Removes {plural(p.removed.length, "measure")}: {p.removed.join(", ")}.</li>}
      </ul>
      {needsConsent && (
        <Checkbox
          checked={allowRemoving}
          onChange={(_, d) => state.onAllowRemoving(d.checked === true)}
          label={`Commitments still use ${p.refsInUse.map((r) => `${r.ref} (${plural(r.rows, "row")})`).join(", ")}. Remove them anyway (those rows will show as unknown measures)`}
        />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={state.onWrite} disabled={busy || blocked || (needsConsent && !allowRemoving)}>
          {p.mode === "replace" ? "Replace SV Measures" : "Update SV Measures"}
        </Button>
        <Button onClick={state.onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
