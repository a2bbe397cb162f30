import { useEffect, useRef } from "react";
import { Button, Checkbox, Field, Input, Textarea, mergeClasses } from "@fluentui/react-components";
import type { FileOutcome } from "../../excel/actions";
import { NoticeRegions } from "../Notice";
import { OperationProgress } from "../OperationProgress";
import { canInclude, fileIdentity, usePortfolioPage, type IncludeDraft, type PortfolioPageActions, type PortfolioPageState } from "./usePortfolioPage";
import { usePortfolioPageStyles } from "./PortfolioPage.styles";

export interface PortfolioPageProps {
  readonly actions: PortfolioPageActions;
  /** Back to the evaluation's steps. */
  readonly onBack: () => void;
  /** The time an inclusion is recorded at; the clock unless given (tests). */
  readonly clock?: () => Date;
}

/**
 * The council's portfolio (issue #20): signed evaluation workbooks gathered into the workbook
 * open now, their commitments monitored to delivery. The page chooses the files, shows what
 * became of each, and takes the reason for including a file the gather left out.
 */
export function PortfolioPage({ actions, onBack, clock }: PortfolioPageProps) {
  const state = usePortfolioPage(actions, clock);
  const styles = usePortfolioPageStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  const busy = state.operation.running !== undefined;
  // The page replaces the steps: focus goes to its heading, so a screen reader starts there.
  useEffect(() => heading.current?.focus(), []);
  const blocked = state.evaluationHere && !state.useAnyway;
  return (
    <section className={styles.page} aria-labelledby="portfolio-heading">
      <div className={styles.section}>
        <h2 id="portfolio-heading" ref={heading} tabIndex={-1} className={styles.heading}>
          Council portfolio
        </h2>
        <p className={styles.text}>
          Gathers the registers of signed evaluation workbooks into this workbook: contracts, commitments, community offers, KPIs with their ratings under the Procurement Act, totals by theme, supplier and year, and a
          dashboard. Gathering again updates delivered figures and due dates, and keeps what was typed in the portfolio.
        </p>
        <p className={styles.quiet}>
          Each workbook is checked against its sign-off fingerprint. One changed after sign-off, never signed, or for a tender already gathered is left out unless you include it with a reason; a file that is not an
          evaluation is never taken.
        </p>
        {state.evaluationHere && (
          <Checkbox
            checked={state.useAnyway}
            disabled={busy}
            onChange={(_, data) => state.setUseAnyway(data.checked === true)}
            label="This workbook holds an evaluation. Gather the portfolio into it anyway (the portfolio usually has a workbook of its own)."
          />
        )}
        <Field label="Signed evaluation workbooks (.xlsx)" hint="Choose as many as you like at once: hold Ctrl or Shift in the file dialog.">
          {(fieldProps) => (
            <input
              {...fieldProps}
              key={state.inputKey}
              type="file"
              multiple
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={styles.fileInput}
              disabled={busy || blocked || state.draft !== undefined}
              onChange={(e) => {
                const files = Array.from(e.currentTarget.files ?? []);
                if (files.length > 0) state.onFiles(files);
              }}
            />
          )}
        </Field>
        {state.operation.running !== undefined && <OperationProgress operation={state.operation.running} onCancel={state.operation.cancel} />}
        <NoticeRegions notice={state.notice} />
        <div className={styles.actions}>
          <Button onClick={onBack} disabled={busy}>
            Back to the evaluation
          </Button>
        </div>
      </div>
      {state.gathered !== undefined && (
        <section className={styles.section} aria-labelledby="portfolio-files-heading">
          <h3 id="portfolio-files-heading" className={styles.subheading}>
            The files
          </h3>
          <ul className={styles.files} aria-label="What became of each file">
            {leftOutFirst(state.gathered.files).map((file) => (
              <li key={fileIdentity(file)} className={mergeClasses(styles.file, !file.included && styles.leftOut)}>
                <FileEntry file={file} state={state} busy={busy} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

/** The files left out first (what needs a decision), then the rest, each group in the order chosen. */
function leftOutFirst(files: readonly FileOutcome[]): FileOutcome[] {
  return [...files.filter((f) => !f.included), ...files.filter((f) => f.included)];
}

/** What happened to the file, in words: the verdict alone does not say whether it went in. */
function fate(file: FileOutcome): string {
  if (file.accepted) return "included with a reason";
  return file.included ? "gathered" : "left out";
}

function FileEntry({ file, state, busy }: { readonly file: FileOutcome; readonly state: PortfolioPageState; readonly busy: boolean }) {
  const styles = usePortfolioPageStyles();
  const drafting = state.draft !== undefined && fileIdentity(state.draft) === fileIdentity(file);
  return (
    <>
      <span className={styles.fileHead}>
        {file.fileName}: {fate(file)} ({file.verdict || "not read"})
      </span>
      {file.sentences.length > 0 && (
        <ul className={styles.sentences} aria-label={`About ${file.fileName}`}>
          {file.sentences.map((s, i) => (
            <li key={i} className={styles.text}>
              {s}
            </li>
          ))}
        </ul>
      )}
      {canInclude(file) && !drafting && (
        <div className={styles.actions}>
          <Button size="small" onClick={() => state.openInclude(file)} disabled={busy || state.draft !== undefined}>
            Include with a reason…
          </Button>
        </div>
      )}
      {drafting && state.draft !== undefined && <IncludeForm draft={state.draft} state={state} busy={busy} />}
    </>
  );
}

function IncludeForm({ draft, state, busy }: { readonly draft: IncludeDraft; readonly state: PortfolioPageState; readonly busy: boolean }) {
  const styles = usePortfolioPageStyles();
  const reason = useRef<HTMLTextAreaElement>(null);
  useEffect(() => reason.current?.focus(), []);
  return (
    <form
      // The page says what is missing in its own words (below each field), not the browser's bubble.
      noValidate
      className={styles.section}
      aria-label={`Include ${draft.fileName}`}
      onSubmit={(e) => {
        e.preventDefault();
        state.confirmInclude();
      }}
    >
      <Field
        label="Why include it?"
        required
        hint="Recorded in PF Sources with your name and the time, for anyone who later asks why these figures are in."
        validationMessage={draft.missing.includes("reason") ? "Give the reason: a file is included only with one." : undefined}
      >
        <Textarea ref={reason} value={draft.reason} onChange={(_, d) => state.editDraft({ reason: d.value })} resize="vertical" />
      </Field>
      <Field label="Your name" required validationMessage={draft.missing.includes("by") ? "Give your name: the record says who included the file." : undefined}>
        <Input value={draft.by} onChange={(_, d) => state.editDraft({ by: d.value })} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Include and gather it
        </Button>
        <Button onClick={state.cancelInclude} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
