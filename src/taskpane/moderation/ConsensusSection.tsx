import type { ReactNode } from "react";
import { Badge, Button, Checkbox, Field, mergeClasses, Select, Switch, Textarea, useId } from "@fluentui/react-components";
import type { ModerationItemView, ModerationView } from "../../excel/moderation/moderationActions";
import { criterionKey, formatNumber } from "../../core";
import type { ConsensusState } from "./useConsensus";
import { itemKey, sameEvaluator } from "./keys";
import { NoticeRegions } from "../Notice";
import { RollUpWarning } from "./RollUpWarning";
import { AveragingNotice } from "../AveragingNotice";
import { formatWhen, sentence } from "./wording";
import { useModerationPageStyles } from "./ModerationPage.styles";

export interface ConsensusSectionProps {
  readonly consensus: ConsensusState;
  readonly busy: boolean;
  /** The progress of this section's action, while one runs. */
  readonly progress?: ReactNode;
}

const ROLL_UP_PHRASE = {
  consensus: "the consensus mark the panel records",
  average: "the average of the evaluators' marks",
  median: "the median of the evaluators' marks",
} as const;

/**
 * Moderation: the marks side by side per bidder × criterion, flagged where they differ by more
 * than the panel's threshold; choosing an item opens its consensus form.
 */
export function ConsensusSection({ consensus, busy, progress }: ConsensusSectionProps) {
  const styles = useModerationPageStyles();
  const headingId = useId("moderation-heading-");
  const { view, items } = consensus;
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h3 id={headingId} className={styles.heading}>
        Moderation
      </h3>
      <p className={styles.text}>
        For the panel&apos;s meeting: every evaluator&apos;s marks side by side, the items where they differ most first, and the agreed mark
        with the reasons for it. A rationale must explain the mark against the criterion, not compare bids with each other.
      </p>
      <div className={styles.actions}>
        <Button appearance={view === undefined ? "primary" : "secondary"} onClick={consensus.onLoad} disabled={busy}>
          {view === undefined ? "Load moderation" : "Reload moderation"}
        </Button>
        {view !== undefined && !view.moderationOpen && view.signedAt === undefined && (
          <Button appearance="primary" onClick={consensus.onOpenModeration} disabled={busy}>
            Open moderation
          </Button>
        )}
      </div>
      {progress}
      <NoticeRegions notice={consensus.notice} />
      {view !== undefined && (
        <>
          <RollUpWarning change={view.rollUpChanged} />
          <AveragingNotice rollUp={view.rollUp} />
          <p className={styles.text}>
            Each item scores by {ROLL_UP_PHRASE[view.rollUp]}. An item is flagged when its marks differ by more than{" "}
            {formatNumber(view.moderationThreshold)}.
          </p>
          <Counts view={view} />
          {!view.moderationOpen ? (
            <>
              <p className={styles.text}>
                Moderation is not open yet. Opening it shows every evaluator&apos;s marks to everyone and lets the panel record consensus;
                do it when all evaluators have finished marking.
              </p>
              {view.blindMarking || view.marksHidden === true ? (
                <p className={styles.text}>
                  Blind marking is on: no one sees the other evaluators&apos; marks until moderation opens, so they are not shown here.
                </p>
              ) : view.items.length > 0 ? (
                <>
                  <p className={styles.quiet}>The marks so far, for a look before the meeting. Consensus is recorded once moderation opens.</p>
                  <ul className={styles.list}>
                    {items.map((item) => (
                      <li key={itemKey(item)}>
                        <ItemCard item={item} view={view} consensus={consensus} busy={busy} selectable={false} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : (
            <>
              <Switch
                label="Show open items only"
                checked={consensus.openOnly}
                onChange={(_e, data) => consensus.onOpenOnlyChange(data.checked)}
              />
              <p className={styles.quiet}>Flagged open items come first, then other open items, then closed ones.</p>
              {items.length === 0 ? (
                <p className={styles.text}>{consensus.openOnly ? "No item is open." : "No items to moderate yet."}</p>
              ) : (
                <ul className={styles.list}>
                  {items.map((item) => (
                    <li key={itemKey(item)}>
                      <ItemCard item={item} view={view} consensus={consensus} busy={busy} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

function Counts({ view }: { view: ModerationView }) {
  const styles = useModerationPageStyles();
  const s = view.summary;
  const badges: [string, number, "danger" | "warning" | "success" | "informative"][] = [
    [`${s.open} open`, s.open, "warning"],
    [`${s.closed} closed`, s.closed, "success"],
    [`${s.flagged} flagged`, s.flagged, "informative"],
    [`${s.flaggedOpen} flagged and open`, s.flaggedOpen, "danger"],
  ];
  return (
    <div className={styles.counts} aria-label="Moderation counts" role="group">
      {badges.map(([text, n, colour]) => (
        <Badge key={text} appearance={n > 0 ? "filled" : "outline"} color={n > 0 ? colour : "subtle"}>
          {text}
        </Badge>
      ))}
    </div>
  );
}

function ItemCard({
  item,
  view,
  consensus,
  busy,
  selectable = true,
}: {
  item: ModerationItemView;
  view: ModerationView;
  consensus: ConsensusState;
  busy: boolean;
  /** False before moderation opens: the card shows the marks but opens no consensus form. */
  selectable?: boolean;
}) {
  const styles = useModerationPageStyles();
  const id = useId("moderation-item-");
  const key = itemKey(item);
  const selected = consensus.selected === key;
  const marks = view.evaluators.map((e) => {
    const given = item.marks.find((m) => sameEvaluator(m.evaluator, e));
    return `${e} ${given === undefined ? "not marked" : formatNumber(given.mark)}`;
  });
  const criterion = view.criteria.find((c) => criterionKey(c.id) === criterionKey(item.criterion));
  const content = (
    <>
      <span id={`${id}-head`} className={styles.itemHead}>
        <span>
          {item.bidder} · {item.criterion}
        </span>
        <Badge appearance="outline" color={item.status === "open" ? "warning" : "success"}>
          {item.status === "open" ? "Open" : "Closed"}
        </Badge>
        {item.flagged && <span className={styles.flag}>⚑ Flagged</span>}
      </span>
      <span id={`${id}-detail`}>
        {criterion !== undefined && <span className={styles.quiet}>{criterion.question} </span>}
        <span>Marks: {marks.join(" · ")}. </span>
        <span>{item.spread === null ? "No spread yet." : `Spread ${formatNumber(item.spread)}.`} </span>
        {item.flagged && (
          <span className={styles.flag}>
            The marks differ by more than the threshold of {formatNumber(view.moderationThreshold)}: discuss this item.{" "}
          </span>
        )}
        {item.status === "closed" && <span>{closedLine(item)} </span>}
        {selectable && consensus.unrecorded(item) && <span className={styles.flag}>Typed here, not recorded yet. </span>}
        {item.rationaleIssues.map((issue) => (
          <span key={issue.code}>
            {issue.severity === "warning" ? "Note" : "Not closed"}: {sentence(issue.message)}{" "}
          </span>
        ))}
        {item.problems.map((p, i) => (
          <span key={`${p.code}-${i}`}>{sentence(p.message)} </span>
        ))}
      </span>
    </>
  );
  if (!selectable) {
    return (
      <div className={styles.item} aria-labelledby={`${id}-head`} aria-describedby={`${id}-detail`} role="group">
        {content}
      </div>
    );
  }
  return (
    <>
      {/* A native button: its name is where and what state, its description the marks and the rest. */}
      <button
        type="button"
        className={mergeClasses(styles.item, selected && styles.itemSelected)}
        aria-expanded={selected}
        aria-controls={selected ? `${id}-form` : undefined}
        aria-labelledby={`${id}-head`}
        aria-describedby={`${id}-detail`}
        onClick={() => consensus.onSelect(item)}
      >
        {content}
      </button>
      {selected && <ConsensusForm id={`${id}-form`} item={item} view={view} consensus={consensus} busy={busy} />}
    </>
  );
}

function closedLine(item: ModerationItemView): string {
  const mark = item.rolledUp === null ? "" : formatNumber(item.rolledUp);
  const what = item.rollUp === "consensus" ? `Consensus ${mark}` : `${item.rollUp === "average" ? "Average" : "Median"} ${mark}`;
  const who = item.agreedBy.trim() === "" ? "" : `, agreed by ${item.agreedBy}`;
  const when = item.agreedAt.trim() === "" ? "" : ` on ${formatWhen(item.agreedAt)}`;
  return `${what}${who}${when}.`;
}

function ConsensusForm(props: { id: string; item: ModerationItemView; view: ModerationView; consensus: ConsensusState; busy: boolean }) {
  const { id, item, view, consensus, busy } = props;
  const styles = useModerationPageStyles();
  const { draft, issues, formErrors, readOnly } = consensus;
  const rationaleError = issues.length === 0 ? undefined : issues.map((i) => sentence(i.message)).join(" ");
  const legendId = useId("agreed-by-");
  return (
    <div id={id} role="group" aria-label={`Consensus for ${item.bidder} on ${item.criterion}`} className={styles.form}>
      {view.rollUp !== "consensus" ? (
        <Field label="Mark the panel confirms" validationMessage={formErrors.mark}>
          <p className={styles.text}>
            {item.rolledUp === null
              ? `No ${view.rollUp} yet: it is taken once every evaluator has marked.`
              : `The ${view.rollUp} of the evaluators' marks, ${formatNumber(item.rolledUp)}. Record the panel's reason and who agreed to confirm it.`}
          </p>
        </Field>
      ) : (
        <Field label="Agreed mark" required validationMessage={formErrors.mark}>
          <Select value={draft.mark} disabled={readOnly} onChange={(_e, data) => consensus.onDraftChange({ mark: data.value })}>
            <option value="">Choose the agreed mark</option>
            {consensus.scaleMarks.map((m) => (
              <option key={m} value={String(m)}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field
        label="Rationale"
        required
        hint="Why this mark, against the criterion: what in the answer was decisive and how differing views were settled."
        validationMessage={rationaleError === undefined ? undefined : `This rationale cannot close the item. ${rationaleError}`}
      >
        <Textarea
          value={draft.rationale}
          readOnly={readOnly}
          resize="vertical"
          rows={5}
          onChange={(_e, data) => consensus.onDraftChange({ rationale: data.value })}
        />
      </Field>
      <fieldset aria-labelledby={legendId} className={styles.task}>
        <legend id={legendId} className={styles.legend}>
          Who agreed
        </legend>
        {view.evaluators.map((e) => (
          <Checkbox
            key={e}
            label={e}
            disabled={readOnly}
            checked={draft.agreedBy.includes(e)}
            onChange={(_e, data) => consensus.onToggleAgreed(e, data.checked === true)}
          />
        ))}
        {formErrors.agreedBy !== undefined && (
          <p role="alert" className={styles.flag}>
            {formErrors.agreedBy}
          </p>
        )}
      </fieldset>
      {!readOnly && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={consensus.onRecord} disabled={busy}>
            Record consensus
          </Button>
        </div>
      )}
    </div>
  );
}
