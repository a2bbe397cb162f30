import { NoticeRegions } from "../Notice";
import type { ReactNode } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea, mergeClasses, useId } from "@fluentui/react-components";
import type { WorkbookActions } from "../../excel/actions";
import type { AssessmentSummaryView, DecisionRecordExport, RegisterResult, ReportResult, SummariesResult } from "../../excel/report/reportActions";
import { formatGBP, formatNumber, formatPercent, LOGGED_DECISIONS, type LoggedDecision } from "../../core";
import { OperationProgress } from "../OperationProgress";
import { useReportPage, type Notice, type ReportPageState, type ReportSection, type TextClipboard } from "./useReportPage";
import { useReportPageStyles } from "./ReportPage.styles";

export interface ReportPageProps {
  readonly actions: WorkbookActions;
  /** Where Copy puts a summary; the browser's clipboard unless given (tests, hosts without one). */
  readonly clipboard?: () => TextClipboard | undefined;
}

/**
 * Report: the assessment summaries each bidder is owed (Procurement Act 2023 s.50), the award
 * report with native Excel charts, and the register of the winner's commitments for contract
 * monitoring. Each is written to its own sheet and summed up here.
 */
export function ReportPage({ actions, clipboard }: ReportPageProps) {
  const state = useReportPage(actions, clipboard);
  const styles = useReportPageStyles();
  const busy = state.operation.running !== undefined;
  const progressIn = (section: ReportSection) =>
    state.operation.running !== undefined && state.runningIn === section ? (
      <OperationProgress operation={state.operation.running} onCancel={state.operation.cancel} />
    ) : null;
  return (
    <div className={styles.page}>
      <Section
        title="Assessment summaries"
        intro="One summary per bidder: the score for each criterion and the total, with the reasons drawn from the panel's consensus rationales. Written to SV Summaries, ready to print or copy into each bidder's letter."
        action={state.summaries === undefined ? "Build assessment summaries" : "Build the summaries again"}
        onAction={state.onBuildSummaries}
        busy={busy}
        progress={progressIn("summaries")}
        notice={state.notices.summaries}
      >
        {state.summaries !== undefined && <Summaries result={state.summaries} state={state} />}
      </Section>
      <Section
        title="Award report"
        intro="Final scores and social value by theme for each bidder, with two native Excel charts and the note on how sensitive the award is to the weighting. Written to SV Report."
        action={state.report === undefined ? "Build award report" : "Build the award report again"}
        onAction={state.onBuildReport}
        busy={busy}
        progress={progressIn("report")}
        notice={state.notices.report}
      >
        {state.report !== undefined && <Report result={state.report} />}
      </Section>
      <Section
        title="Commitments register"
        intro="The winning bid's commitments as a flat table to monitor the contract: committed quantity, due date, delivered, evidence and status, with the KPIs councils report and the community offers. Written to SV Register, ready for Power BI."
        action="Build commitments register"
        onAction={state.onBuildRegister}
        busy={busy}
        progress={progressIn("register")}
        notice={state.notices.register}
        before={
          <Field label="Register for" hint={state.bidders.length === 0 ? "Build the summaries first to choose another bidder." : undefined}>
            <Select value={state.registerBidder} onChange={(_e, data) => state.onRegisterBidderChange(data.value)} disabled={busy}>
              <option value="">The winning bidder</option>
              {state.bidders.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </Select>
          </Field>
        }
      >
        {state.register !== undefined && <Register result={state.register} />}
      </Section>
      <Section
        title="Decision record"
        intro="The record the Procurement Act 2023 (s.98) asks you to keep: each material decision with who made it, when and why — the threshold verdict, the scope and the weighting (record them below), each consensus, each clarification outcome and the sign-off. Written to SV Decision Record; keep it until 3 years after the contract is entered into."
        action={state.decisionRecord === undefined ? "Export decision record" : "Export the decision record again"}
        onAction={state.onExportDecisionRecord}
        busy={busy}
        progress={progressIn("decisions")}
        notice={state.notices.decisions}
      >
        <RecordDecisionForm state={state} busy={busy} />
        {state.decisionRecord !== undefined && <DecisionRecordView result={state.decisionRecord} state={state} />}
      </Section>
    </div>
  );
}

/** Who decided a set-up decision, and why: appended to SV Decisions with the settings as they are now. */
function RecordDecisionForm({ state, busy }: { state: ReportPageState; busy: boolean }) {
  const styles = useReportPageStyles();
  const draft = state.decisionDraft;
  return (
    <div className={styles.section}>
      <p className={styles.text}>Record a set-up decision as SV Setup holds it now. Record it again whenever it changes.</p>
      <Field label="Decision">
        <Select value={draft.decision} onChange={(_e, data) => state.onDecisionDraftChange({ decision: data.value as LoggedDecision })} disabled={busy}>
          {(Object.keys(LOGGED_DECISIONS) as LoggedDecision[]).map((k) => (
            <option key={k} value={k}>
              {LOGGED_DECISIONS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Decided by" hint="The name of the person or body that decided.">
        <Input value={draft.by} onChange={(_e, data) => state.onDecisionDraftChange({ by: data.value })} disabled={busy} />
      </Field>
      <Field label="Why" hint="The reason, e.g. the policy or the approval it rests on.">
        <Textarea value={draft.reason} onChange={(_e, data) => state.onDecisionDraftChange({ reason: data.value })} disabled={busy} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button onClick={state.onRecordDecision} disabled={busy}>
          Record this decision
        </Button>
      </div>
    </div>
  );
}

function DecisionRecordView({ result, state }: { result: DecisionRecordExport; state: ReportPageState }) {
  const styles = useReportPageStyles();
  const incomplete = result.entries.filter((e) => e.missing !== undefined);
  return (
    <div className={styles.section}>
      <p className={styles.text}>
        {result.sheet} lists {result.entries.length === 1 ? "1 decision" : `${formatNumber(result.entries.length)} decisions`}.
      </p>
      {incomplete.length > 0 && (
        <ul className={styles.bulleted} aria-label="Decisions the record cannot yet explain">
          {incomplete.map((e) => (
            <li key={e.decision}>
              {e.decision}: {e.missing}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <Button size="small" onClick={state.onCopyDecisionCsv}>
          Copy as CSV
        </Button>
      </div>
      {state.csvFallback && (
        <Field label="The decision record as CSV, to copy">
          <Textarea value={result.csv} readOnly resize="vertical" rows={6} />
        </Field>
      )}
    </div>
  );
}

interface SectionProps {
  title: string;
  intro: string;
  action: string;
  onAction: () => void;
  busy: boolean;
  progress: ReactNode;
  notice: Notice | undefined;
  /** Fields that go before the action's button. */
  before?: ReactNode;
  children: ReactNode;
}

function Section({ title, intro, action, onAction, busy, progress, notice, before, children }: SectionProps) {
  const styles = useReportPageStyles();
  const headingId = useId("report-section-");
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h3 id={headingId} className={styles.heading}>
        {title}
      </h3>
      <p className={styles.text}>{intro}</p>
      <div className={styles.actions}>
        {before}
        <Button appearance="primary" onClick={onAction} disabled={busy}>
          {action}
        </Button>
      </div>
      {progress}
      <NoticeRegions notice={notice} />
      {children}
    </section>
  );
}

function Summaries({ result, state }: { result: SummariesResult; state: ReportPageState }) {
  const styles = useReportPageStyles();
  return (
    <>
      {result.openItems > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {result.openItems === 1 ? "1 moderation item is" : `${formatNumber(result.openItems)} moderation items are`} still open: the
            summaries show {result.openItems === 1 ? "it" : "them"} as &ldquo;not yet agreed&rdquo;. Record the consensus on the Moderation
            page, then build the summaries again.
          </MessageBarBody>
        </MessageBar>
      )}
      {result.summaries.length === 0 ? (
        <p className={styles.text}>There are no bids to summarise yet.</p>
      ) : (
        <ul className={styles.list}>
          {result.summaries.map((s) => (
            <li key={s.bidder}>
              <SummaryCard summary={s} state={state} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function SummaryCard({ summary, state }: { summary: AssessmentSummaryView; state: ReportPageState }) {
  const styles = useReportPageStyles();
  const headingId = useId("summary-");
  const q = summary.quantitative;
  return (
    <article aria-labelledby={headingId} className={styles.summary}>
      <h4 id={headingId} className={styles.subheading}>
        {summary.rank}. {summary.bidder}: {formatNumber(summary.total)} of {formatNumber(summary.maxTotal)} points
      </h4>
      <ul className={styles.bulleted}>
        <li>
          Quantitative: {formatNumber(q.points)} of {formatNumber(q.available)} points for {formatGBP(q.value)} of social value (
          {formatPercent(q.returnRatio)} of the contract value).
        </li>
        {summary.criteria.map((c) => (
          <li key={c.id}>
            {c.id} {c.question}:{" "}
            {c.mark === null
              ? "not yet agreed"
              : `mark ${formatNumber(c.mark)}, ${formatNumber(c.points)} of ${formatNumber(c.available)} points`}
            {c.reasons.trim() !== "" && <>. Reasons: {c.reasons}</>}
          </li>
        ))}
      </ul>
      <SummaryReadiness summary={summary} />
      <div className={styles.actions}>
        <Button size="small" onClick={() => state.onCopy(summary.bidder)} aria-label={`Copy ${summary.bidder}'s summary`}>
          Copy
        </Button>
      </div>
      {state.copyFallback === summary.bidder && (
        <Field label={`${summary.bidder}'s summary, to copy`}>
          <Textarea value={summary.text} readOnly resize="vertical" rows={6} />
        </Field>
      )}
    </article>
  );
}

/** What the summary lacks before it can be sent (reg 31), or that it is ready; the same list SV Summaries shows. */
function SummaryReadiness({ summary }: { summary: AssessmentSummaryView }) {
  const styles = useReportPageStyles();
  const gaps = summary.gaps ?? [];
  if (gaps.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>Ready to send: it holds everything an assessment summary must.</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        Not ready to send: {gaps.length === 1 ? "1 thing is" : `${formatNumber(gaps.length)} things are`} missing.
        <ul className={styles.bulleted} aria-label={`What ${summary.bidder}'s summary lacks`}>
          {gaps.map((g) => (
            <li key={`${g.code}-${g.criterion ?? ""}`}>{g.message}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function Report({ result }: { result: ReportResult }) {
  const styles = useReportPageStyles();
  return (
    <div className={styles.section}>
      <p className={styles.text}>
        Written to {result.sheet}. Highest score: <strong>{result.winner}</strong>.
      </p>
      {result.charts.length > 0 ? (
        <>
          <p className={styles.text}>Charts added:</p>
          <ul className={styles.bulleted}>
            {result.charts.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className={styles.text}>No charts were added.</p>
      )}
      <h4 className={styles.subheading}>Sensitivity to the weighting</h4>
      <p className={styles.text}>{result.sensitivityNote}</p>
    </div>
  );
}

function Register({ result }: { result: RegisterResult }) {
  const styles = useReportPageStyles();
  const captionId = useId("kpis-caption-");
  const head = mergeClasses(styles.cell, styles.headCell);
  const number = mergeClasses(styles.cell, styles.number);
  return (
    <div className={styles.section}>
      <p className={styles.text}>
        {result.sheet} lists {result.rows === 1 ? "1 commitment" : `${formatNumber(result.rows)} commitments`} of {result.bidder} to
        monitor, and {result.offers === 1 ? "1 community offer" : `${formatNumber(result.offers)} community offers`}.
        {result.answers !== undefined && result.answers > 0 && (
          <> It also lists {result.answers === 1 ? "its written answer" : `its ${formatNumber(result.answers)} written answers`}, part of the contract.</>
        )}
      </p>
      {result.kpis.length > 0 && (
        // tabIndex 0: the region scrolls sideways, and must be reachable to be scrolled by keyboard.
        <div role="region" aria-labelledby={captionId} tabIndex={0} className={styles.scroller}>
          <table className={styles.table}>
            <caption id={captionId} className={styles.caption}>
              Key performance indicators committed by {result.bidder}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={head}>
                  KPI
                </th>
                <th scope="col" className={head}>
                  Committed
                </th>
                <th scope="col" className={head}>
                  Unit
                </th>
              </tr>
            </thead>
            <tbody>
              {result.kpis.map((k) => (
                <tr key={k.kpi}>
                  <th scope="row" className={styles.cell}>
                    {k.kpi}
                  </th>
                  <td className={number}>{formatNumber(k.committed)}</td>
                  <td className={styles.cell}>{k.unit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
