import { useState, type ReactNode } from "react";
import { Button, Field, MessageBar, MessageBarBody, Select, Textarea, useId } from "@fluentui/react-components";
import type { MarkingState, MarkingTask } from "./useMarking";
import { NoticeRegions } from "../Notice";
import { RollUpWarning } from "./RollUpWarning";
import { formatWhen } from "./wording";
import { useModerationPageStyles } from "./ModerationPage.styles";

export interface MarkingSectionProps {
  readonly marking: MarkingState;
  readonly busy: boolean;
  /** The progress of this section's action, while one runs. */
  readonly progress?: ReactNode;
}

/**
 * Marking: an evaluator chooses who they are, marks each bidder × criterion on the tender's
 * scale with a comment, and saves to their own rows of SV Marks.
 */
export function MarkingSection({ marking, busy, progress }: MarkingSectionProps) {
  const styles = useModerationPageStyles();
  const headingId = useId("marking-heading-");
  const { view, evaluator, tasks, missingRows, othersHidden, readOnly } = marking;
  const bidders = view?.bidders ?? [];
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h3 id={headingId} className={styles.heading}>
        Marking
      </h3>
      <p className={styles.text}>
        Each evaluator marks every bid on their own, on the tender&apos;s scale, with a comment. Your marks go to your own rows of SV Marks,
        so several evaluators can mark in the shared workbook at the same time.
      </p>
      <div className={styles.actions}>
        <Button appearance={view === undefined ? "primary" : "secondary"} onClick={marking.onLoad} disabled={busy}>
          {view === undefined ? "Load the marking sheet" : "Reload the marking sheet"}
        </Button>
      </div>
      {progress}
      <NoticeRegions notice={marking.notice} />
      {view !== undefined && (
        <>
          <RollUpWarning change={view.rollUpChanged} />
          {view.signedAt !== undefined && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>The record was signed on {formatWhen(view.signedAt)}: marks can no longer be changed.</MessageBarBody>
            </MessageBar>
          )}
          {missingRows > 0 && !readOnly && (
            <div className={styles.results}>
              <p className={styles.text}>
                SV Marks lacks {missingRows === 1 ? "1 row" : `${missingRows} rows`} for this panel&apos;s evaluators, bidders and criteria.
                Preparing the sheet adds them, blank; rows already there are not changed.
              </p>
              <div className={styles.actions}>
                <Button onClick={marking.onPrepare} disabled={busy}>
                  Prepare the marking sheet
                </Button>
              </div>
            </div>
          )}
          {view.evaluators.length === 0 ? (
            <p className={styles.text}>SV Setup names no evaluators yet: add the panel there first.</p>
          ) : (
            <Field label="Who is marking" hint="Choose your name: only your marks are shown for editing and saved.">
              <Select value={evaluator} onChange={(_e, data) => marking.onChooseEvaluator(data.value)}>
                <option value="">Choose an evaluator</option>
                {view.evaluators.map((e) => (
                  <option key={e} value={e}>
                    {e}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {othersHidden && <p className={styles.quiet}>Blind marking: other evaluators&apos; marks are hidden until moderation opens.</p>}
          {evaluator !== "" && (
            <>
              <p className={styles.quiet}>Scale {view.scaleLabel}. A mark left as &ldquo;Not marked&rdquo; is saved blank.</p>
              {bidders.map((bidder) => (
                <BidderTasks key={bidder} bidder={bidder} tasks={tasks.filter((t) => t.bidder === bidder)} marking={marking} />
              ))}
              {!readOnly && (
                <div className={styles.actions}>
                  <Button appearance="primary" onClick={marking.onSave} disabled={busy || tasks.length === 0}>
                    Save my marks
                  </Button>
                  {marking.unsaved && <span className={styles.quiet}>You have changes not yet saved.</span>}
                </div>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

function BidderTasks({ bidder, tasks, marking }: { bidder: string; tasks: readonly MarkingTask[]; marking: MarkingState }) {
  const styles = useModerationPageStyles();
  const headingId = useId("marking-bidder-");
  return (
    <div className={styles.results}>
      <h4 id={headingId} className={styles.subheading}>
        {bidder}
      </h4>
      {tasks.map((task) => (
        <TaskFields key={task.key} task={task} bidderHeadingId={headingId} marking={marking} />
      ))}
    </div>
  );
}

function TaskFields({ task, bidderHeadingId, marking }: { task: MarkingTask; bidderHeadingId: string; marking: MarkingState }) {
  const styles = useModerationPageStyles();
  const legendId = useId("marking-task-");
  const answerId = useId("marking-answer-");
  const [showAnswer, setShowAnswer] = useState(false);
  const draft = marking.drafts[task.key] ?? { mark: "", comment: "" };
  const scale = marking.view?.scaleMarks ?? [];
  // A mark on the sheet that is off the scale still shows, so saving never silently blanks it.
  const offScale = draft.mark !== "" && !scale.includes(Number(draft.mark));
  return (
    // The group's name is the bidder and the criterion, so "Mark" and "Comment" are never ambiguous.
    <fieldset aria-labelledby={`${bidderHeadingId} ${legendId}`} className={styles.task}>
      <legend id={legendId} className={styles.legend}>
        {task.criterion}: {task.question}
      </legend>
      {task.guidance !== undefined && task.guidance !== "" && <p className={styles.quiet}>{task.guidance}</p>}
      {task.answer !== undefined && task.answer.trim() !== "" && (
        <div>
          <Button
            appearance="subtle"
            size="small"
            aria-expanded={showAnswer}
            aria-controls={answerId}
            onClick={() => setShowAnswer(!showAnswer)}
          >
            {showAnswer ? "Hide the bidder's answer" : "Show the bidder's answer"}
          </Button>
          <p id={answerId} className={styles.answer} hidden={!showAnswer}>
            {task.answer}
          </p>
        </div>
      )}
      <Field
        label="Mark"
        validationMessage={
          offScale
            ? `${draft.mark} is not a mark on this scale: choose one.`
            : draft.mark === "" && task.typed !== undefined
              ? `SV Marks holds “${task.typed}” here, which is text, not a mark, so it does not count: choose the mark you meant.`
              : undefined
        }
      >
        <Select value={draft.mark} disabled={marking.readOnly} onChange={(_e, data) => marking.onMarkChange(task.key, data.value)}>
          <option value="">Not marked</option>
          {offScale && <option value={draft.mark}>{draft.mark} (not on the scale)</option>}
          {scale.map((m) => (
            <option key={m} value={String(m)}>
              {m}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Comment">
        <Textarea
          value={draft.comment}
          readOnly={marking.readOnly}
          resize="vertical"
          onChange={(_e, data) => marking.onCommentChange(task.key, data.value)}
        />
      </Field>
      {task.others.length > 0 && (
        <p className={styles.quiet}>
          Other evaluators: {task.others.map((o) => `${o.evaluator} ${o.mark === null ? "not marked" : o.mark}`).join(" · ")}
        </p>
      )}
    </fieldset>
  );
}
