import { Badge, Button, Field } from "@fluentui/react-components";
import type { FileImportReport, RowCounts } from "../../excel/bids/importPlan";
import { replacements, type FileReport, type FormImportState } from "./useFormImport";
import { NoticeRegions } from "../Notice";
import { plural } from "../wording";
import { useBidsPageStyles } from "./BidsPage.styles";

/** Findings listed per file; the rest are on the Validate page. */
const FIRST_FINDINGS = 3;

export function ImportFormsSection({ state, busy }: { readonly state: FormImportState; readonly busy: boolean }) {
  const styles = useBidsPageStyles();
  const { stage } = state;
  return (
    <section className={styles.section} aria-labelledby="bids-import-heading">
      <h3 id="bids-import-heading" className={styles.heading}>
        Import returned forms
      </h3>
      <p className={styles.text}>
        Choose one or more returned forms. Only values come in, never formulas; a bidder already in the workbook is replaced only after you confirm.
      </p>
      <Field label="Returned forms (.xlsx)">
        {(fieldProps) => (
          <input
            {...fieldProps}
            key={state.inputKey}
            type="file"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.fileInput}
            disabled={busy || stage.kind === "confirm"}
            onChange={(e) => {
              const files = Array.from(e.currentTarget.files ?? []);
              if (files.length > 0) state.onFiles(files);
            }}
          />
        )}
      </Field>
      {stage.kind === "confirm" && (
        <section className={styles.section} aria-labelledby="bids-replace-heading">
          <h4 id="bids-replace-heading" className={styles.subheading}>
            Replace these bidders&apos; rows?
          </h4>
          <p className={styles.text}>These bidders are already in the workbook. Importing replaces their rows with the form&apos;s:</p>
          <ul className={styles.list}>
            {replacements(stage.preview).map((b) => (
              <li key={b.bidder}>
                {b.bidder}: {counts(b.inWorkbook)} now → {counts(b.inForm)} from {b.fileNames.join(", ")}
              </li>
            ))}
          </ul>
          {stage.preview.duplicates.length > 0 && (
            <p className={styles.text}>
              Not imported, as several files are for the same bidder:{" "}
              {stage.preview.duplicates.map((d) => `${d.bidder} (${d.fileNames.join(", ")})`).join("; ")}.
            </p>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={state.onConfirm} disabled={busy}>
              Replace and import
            </Button>
            <Button onClick={state.onCancel} disabled={busy}>
              Cancel
            </Button>
          </div>
        </section>
      )}
      <NoticeRegions notice={state.notice} className={styles.results} />
      {stage.kind === "done" && (
        <ul className={styles.reports} aria-label="Import report, one entry per file">
          {stage.reports.map((r) => (
            <li key={r.kind === "import" ? r.report.fileName : r.file.fileName} className={styles.report}>
              <ReportEntry report={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReportEntry({ report }: { readonly report: FileReport }) {
  const styles = useBidsPageStyles();
  if (report.kind === "unread") {
    return (
      <>
        <span className={styles.reportHead}>{report.file.fileName}: not imported</span>
        <span>{report.file.message}</span>
      </>
    );
  }
  const r: FileImportReport = report.report;
  if (r.status === "refused") {
    return (
      <>
        <span className={styles.reportHead}>
          {r.fileName}
          {r.bidder ? ` (${r.bidder})` : ""}: not imported
        </span>
        <span>{r.message}</span>
      </>
    );
  }
  const replaced = r.replaced.commitments + r.replaced.answers + r.replaced.offers > 0;
  const total = r.counts.error + r.counts.warning + r.counts.info;
  return (
    <>
      <span className={styles.reportHead}>
        {r.fileName} ({r.bidder}): imported {counts(r.rows) || "no rows"}
        {replaced ? `, replacing ${counts(r.replaced)}` : ""}
      </span>
      {r.message && <span>{r.message}</span>}
      {r.notes.length > 0 && (
        <ul className={styles.list} aria-label={`Notes on ${r.fileName}`}>
          {r.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {total === 0 ? (
        <span className={styles.quiet}>The validator found no problems in these rows.</span>
      ) : (
        <>
          <span>
            <Badge appearance="filled" color={r.counts.error > 0 ? "danger" : "warning"}>
              {plural(total, "finding")}
            </Badge>{" "}
            {r.counts.error > 0 ? `${plural(r.counts.error, "error")}; ` : ""}see Validate for them all.
          </span>
          <ul className={styles.list} aria-label={`First findings in ${r.fileName}`}>
            {r.findings.slice(0, FIRST_FINDINGS).map((f, i) => (
              <li key={`${f.code}-${f.row}-${i}`}>
                {f.code} row {f.row}, {f.column}: {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function counts(c: RowCounts): string {
  return [
    c.commitments ? plural(c.commitments, "commitment") : "",
    c.answers ? plural(c.answers, "answer") : "",
    c.offers ? plural(c.offers, "community offer") : "",
  ]
    .filter((p) => p !== "")
    .join(", ") || "no rows";
}
