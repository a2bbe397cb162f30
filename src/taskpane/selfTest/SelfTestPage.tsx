import { useEffect, useRef } from "react";
import { Button, Field, Textarea, mergeClasses } from "@fluentui/react-components";
import type { OfficeHostInfo, SelfTestCheck, SelfTestReport, Verdict, WorkbookActions } from "../../excel/actions";
import { verdictWord } from "../../excel/selfTest/report";
import { SCRATCH_SHEET } from "../../excel/selfTest/scratchSheet";
import { ADDIN_VERSION } from "../../core";
import { NoticeRegions } from "../Notice";
import { OperationProgress } from "../OperationProgress";
import type { TextClipboard } from "../report/useReportPage";
import { useSelfTestPage } from "./useSelfTestPage";
import { useSelfTestPageStyles } from "./SelfTestPage.styles";
import { officeHostInfo } from "./officeHostInfo";
import type { OfficeHostApi } from "../host";

export interface SelfTestPageProps {
  readonly actions: Pick<WorkbookActions, "runSelfTest" | "describeError">;
  /** What Office says about this Excel (read at boot); undefined outside Office. */
  readonly office: OfficeHostInfo | undefined;
  /** Back to the evaluation's steps. */
  readonly onBack: () => void;
  /** Where Copy puts the report; the browser's clipboard unless given (tests, hosts without one). */
  readonly clipboard?: () => TextClipboard | undefined;
}

/**
 * About and self-test: the add-in's version, and a test of what differs from one Excel to
 * another (what the test suite can only simulate), with a plain report to copy into an email to
 * support. The checks that write do so on a sheet of their own, added once the user agrees and
 * deleted at the end; the evaluation's sheets are never touched.
 */
export function SelfTestPage({ actions, office, onBack, clipboard }: SelfTestPageProps) {
  const state = useSelfTestPage(actions, office, clipboard);
  const styles = useSelfTestPageStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  const busy = state.operation.running !== undefined;
  // The page replaces the steps: focus goes to its heading, so a screen reader starts there.
  useEffect(() => heading.current?.focus(), []);
  const excel = office?.diagnostics;
  return (
    <section className={styles.page} aria-labelledby="self-test-heading">
      <div className={styles.section}>
        <h2 id="self-test-heading" ref={heading} tabIndex={-1} className={styles.heading}>
          About and self-test
        </h2>
        <p className={styles.text}>Social value evaluation add-in, version {ADDIN_VERSION}.</p>
        {excel?.version !== undefined && (
          <p className={styles.quiet}>
            Running in {excel.host ?? "Excel"} on {excel.platform ?? "an unknown platform"}, version {excel.version}.
          </p>
        )}
      </div>
      <div className={styles.section}>
        <h3 className={styles.subheading}>Self-test</h3>
        <p className={styles.text}>
          The self-test checks what differs from one Excel to another: the requirement sets it has, the shared runtime, how it hands empty cells to the TENDER functions, whether an apostrophe stays in a Text cell, whether
          new table rows get their formulas, and whether one large request goes through. It then shows a report to copy into an email to support.
        </p>
        <p className={styles.text}>
          It adds a sheet named &quot;{SCRATCH_SHEET}&quot; to this workbook, runs its checks there and deletes it; the evaluation&apos;s sheets are not touched. It is best run in a new blank workbook.
        </p>
        {state.stage !== "confirm" && (
          <div className={styles.actions}>
            <Button appearance="primary" onClick={state.onRun} disabled={busy}>
              {state.report === undefined ? "Run the self-test" : "Run the self-test again"}
            </Button>
            <Button onClick={onBack} disabled={busy}>
              Back to the evaluation
            </Button>
          </div>
        )}
        {state.stage === "confirm" && !busy && (
          <section className={styles.section} aria-labelledby="self-test-confirm-heading">
            <h4 id="self-test-confirm-heading" className={styles.subheading}>
              Add the sheet &quot;{SCRATCH_SHEET}&quot; to this workbook?
            </h4>
            <p className={styles.text}>The checks write only to that sheet, and it is deleted when they end, also if you cancel. This takes a few seconds.</p>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={state.onConfirm}>
                Add the sheet and run
              </Button>
              <Button onClick={state.onNotNow}>Not now</Button>
            </div>
          </section>
        )}
        {state.operation.running !== undefined && <OperationProgress operation={state.operation.running} onCancel={state.operation.cancel} />}
        <NoticeRegions notice={state.notice} />
      </div>
      {state.report !== undefined && (
        <div className={styles.section}>
          <h3 className={styles.subheading}>Report</h3>
          <p className={styles.text}>{summary(state.report)}</p>
          <ul className={styles.checks} aria-label="Checks, one per line of the report">
            {state.report.checks.map((check) => (
              <CheckEntry key={check.id} check={check} />
            ))}
          </ul>
          <Field label="The report, to copy into an email to support">
            <Textarea ref={state.textRef} className={styles.report} value={state.text} readOnly resize="vertical" rows={8} />
          </Field>
          <div className={styles.actions}>
            <Button onClick={state.onCopy}>Copy the report</Button>
          </div>
        </div>
      )}
    </section>
  );
}

function CheckEntry({ check }: { readonly check: SelfTestCheck }) {
  const styles = useSelfTestPageStyles();
  const colour: Record<Verdict, string> = { pass: styles.pass, differs: styles.differs, fail: styles.fail, "not run": styles.notRun };
  return (
    <li className={mergeClasses(styles.check, colour[check.verdict])} aria-label={`${check.title}: ${verdictWord(check.verdict)}`}>
      <strong className={styles.text}>
        {check.title}: {verdictWord(check.verdict)}
      </strong>
      <p className={styles.text}>{check.detail}</p>
    </li>
  );
}

/** One line over the checks: how many of each verdict, the failures first. */
function summary(report: SelfTestReport): string {
  const count = (verdict: Verdict): number => report.checks.filter((c) => c.verdict === verdict).length;
  const parts = [
    [count("fail"), "failed"],
    [count("differs"), `${count("differs") === 1 ? "differs" : "differ"} from Excel on the web (the add-in allows for ${count("differs") === 1 ? "it" : "them"})`],
    [count("not run"), "could not be checked from inside the add-in"],
    [count("pass"), "passed"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, words]) => `${n} ${words}`);
  return `Of ${report.checks.length} checks: ${said.join("; ")}.`;
}

/** The page as the pane opens it: told about this Excel by the Office object given at boot, if any. */
export function SelfTestPageInPane({ officeApi, ...props }: Omit<SelfTestPageProps, "office"> & { readonly officeApi: OfficeHostApi | undefined }) {
  return <SelfTestPage {...props} office={officeApi === undefined ? undefined : officeHostInfo(officeApi)} />;
}
