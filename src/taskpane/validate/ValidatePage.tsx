import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  useId,
} from "@fluentui/react-components";
import type { ValidationView, WorkbookActions } from "../../excel/actions";
import { formatNumber, SEVERITY_MEANING, type Finding, type FindingCounts, type Severity } from "../../core";
import { MissingProxiesNotice } from "../MissingProxiesNotice";
import { OperationProgress } from "../OperationProgress";
import { PAGE_SIZE, useValidatePage, type FindingGroup } from "./useValidatePage";
import { ClarificationsSection } from "./ClarificationsSection";
import { useValidatePageStyles } from "./ValidatePage.styles";

export interface ValidatePageProps {
  readonly actions: WorkbookActions;
}

const GROUP_TITLE: Readonly<Record<Severity, string>> = { error: "Errors", warning: "Warnings", info: "Notes" };
const BADGE_COLOUR: Readonly<Record<Severity, "danger" | "warning" | "informative">> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/**
 * Validate: checks every commitment row, marks the problems in the sheet, and lists them here,
 * worst first, each a button that takes the user to its cell. "Validate again" closes the
 * fix loop; "Clear marks" takes the marks off the sheet.
 */
export function ValidatePage({ actions }: ValidatePageProps) {
  const { operation, view, groups, notice, onValidate, onClear, onGoTo, onShowMore, implausible, clarification } = useValidatePage(actions);
  const styles = useValidatePageStyles();
  const busy = operation.running !== undefined;
  return (
    <div className={styles.page}>
      <p className={styles.text}>
        Checks every row of SV Commitments against SV Measures. Each problem is marked in the sheet, in a Status column and with a fill on
        the cell, and listed here: choose one to go to its cell.
      </p>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onValidate} disabled={busy}>
          {view === undefined ? "Validate commitments" : "Validate again"}
        </Button>
        <Button onClick={onClear} disabled={busy}>
          Clear marks
        </Button>
      </div>
      {operation.running !== undefined && <OperationProgress operation={operation.running} onCancel={operation.cancel} />}
      <div role="alert" className={styles.results}>
        {notice !== undefined && notice.intent === "error" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{notice.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div role="status" className={styles.results}>
        {notice !== undefined && notice.intent !== "error" && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.message}</MessageBarBody>
          </MessageBar>
        )}
        {view !== undefined && <Summary rows={view.rows} counts={view.counts} />}
        {view !== undefined && <MissingProxiesNotice missing={view.missingProxies} page="validate" />}
      </div>
      {view !== undefined && view.measureProblems.length > 0 && <MeasureProblems problems={view.measureProblems} />}
      {view !== undefined && <ClarificationsSection items={implausible} problems={view.clarificationProblems} form={clarification} />}
      {view !== undefined && view.findings.length > 0 && (
        <Accordion multiple collapsible defaultOpenItems={["error", "warning"]}>
          {groups
            .filter((g) => g.findings.length > 0)
            .map((group) => (
              <AccordionItem key={group.severity} value={group.severity}>
                <AccordionHeader as="h3">
                  {GROUP_TITLE[group.severity]} ({formatNumber(group.findings.length)})
                </AccordionHeader>
                <AccordionPanel>
                  <FindingList group={group} view={view} onGoTo={onGoTo} onShowMore={onShowMore} />
                </AccordionPanel>
              </AccordionItem>
            ))}
        </Accordion>
      )}
    </div>
  );
}

function Summary({ rows, counts }: { rows: number; counts: FindingCounts }) {
  const styles = useValidatePageStyles();
  const total = counts.error + counts.warning + counts.info;
  const checked = `${formatNumber(rows)} ${rows === 1 ? "row" : "rows"} checked`;
  if (total === 0) {
    return <p className={styles.text}>{rows === 0 ? "SV Commitments has no rows to check yet." : `${checked}: no problems found.`}</p>;
  }
  const words: Record<Severity, string> = { error: "error", warning: "warning", info: "note" };
  return (
    <>
      <p className={styles.text}>{checked}:</p>
      <div className={styles.counts}>
        {(["error", "warning", "info"] as const).map((s) => (
          <Badge key={s} appearance={counts[s] > 0 ? "filled" : "outline"} color={counts[s] > 0 ? BADGE_COLOUR[s] : "subtle"}>
            {`${formatNumber(counts[s])} ${words[s]}${counts[s] === 1 ? "" : "s"}`}
          </Badge>
        ))}
      </div>
    </>
  );
}

function MeasureProblems({ problems }: { problems: ValidationView["measureProblems"] }) {
  const styles = useValidatePageStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>SV Measures has rows the add-in could not read</MessageBarTitle>
        Commitments to these measures cannot be checked until they are fixed:
        <ul className={styles.list}>
          {problems.map((p) => (
            <li key={p.row}>
              Row {p.row}: {p.message}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

interface FindingListProps {
  group: FindingGroup;
  view: ValidationView;
  onGoTo: (finding: Finding) => void;
  onShowMore: (severity: Severity) => void;
}

function FindingList({ group, view, onGoTo, onShowMore }: FindingListProps) {
  const styles = useValidatePageStyles();
  const idPrefix = useId(`findings-${group.severity}-`);
  const { severity, findings, shown } = group;
  const visible = findings.slice(0, shown);
  const rest = findings.length - visible.length;
  return (
    <>
      <p className={styles.quiet}>{sentenceCase(SEVERITY_MEANING[severity])}.</p>
      <ul className={styles.findings}>
        {visible.map((f, i) => {
          const { address } = view.locate(f);
          const id = `${idPrefix}${i}`;
          return (
            // Findings carry no id; code, row and column are unique but for a repeated rule, so the index settles it.
            <li key={`${f.code}-${f.row}-${f.column}-${i}`}>
              {/*
                A native button: Enter and Space activate it, and it is in the tab order. Its name is the
                short first line (code and cell), its description the message and what to do, so a screen
                reader user moving through a long list hears where each finding is before its detail.
              */}
              <button
                type="button"
                className={styles.finding}
                onClick={() => onGoTo(f)}
                aria-labelledby={`${id}-where`}
                aria-describedby={`${id}-message ${id}-action`}
              >
                <span id={`${id}-where`} className={styles.findingHead}>
                  {f.code} · Row {f.row}, {f.column} (cell {address})
                </span>
                <span id={`${id}-message`}>{f.message}</span>
                <span id={`${id}-action`} className={styles.quiet}>
                  What to do: {f.action}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {rest > 0 && (
        <Button className={styles.showMore} onClick={() => onShowMore(severity)}>
          {`Show ${formatNumber(Math.min(rest, PAGE_SIZE))} more ${GROUP_TITLE[severity].toLowerCase()} (${formatNumber(rest)} not shown)`}
        </Button>
      )}
    </>
  );
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
