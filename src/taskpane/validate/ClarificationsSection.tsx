import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Textarea } from "@fluentui/react-components";
import type { ClarificationProblem } from "../../core";
import { OUTCOME_CHOICES, type ClarificationFormState, type ImplausibleItem } from "./useClarificationForm";
import { useValidatePageStyles } from "./ValidatePage.styles";

export interface ClarificationsSectionProps {
  readonly items: readonly ImplausibleItem[];
  readonly problems: readonly ClarificationProblem[];
  readonly form: ClarificationFormState;
}

/**
 * Implausible commitments and bid totals (issue #16 point 4): each holds its bid's score for
 * commitments until the panel records an outcome, with its reason, who decided and when, here
 * or on SV Clarifications by hand. Outcome rows that do not count yet are listed with why.
 */
export function ClarificationsSection({ items, problems, form }: ClarificationsSectionProps) {
  const styles = useValidatePageStyles();
  if (items.length === 0 && problems.length === 0) return null;
  return (
    <section aria-labelledby="implausible-heading">
      <h3 id="implausible-heading">Implausible commitments to clarify ({items.length})</h3>
      <p className={styles.text}>
        Each of these holds its bid's score for commitments until the panel has asked the bidder and recorded what it decided: accepted as
        stated, capped at a figure, or excluded. The outcome, its reason, who decided and when go on SV Clarifications and into the signed record.
      </p>
      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Outcomes on SV Clarifications that do not count yet</MessageBarTitle>
            <ul className={styles.list}>
              {problems.map((p) => (
                <li key={p.row}>{p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.findings}>
        {items.map((item) => (
          <li key={item.key}>
            <p className={styles.text}>
              <strong>
                {item.bidder}, {item.ref ?? "whole bid"}
              </strong>{" "}
              ({item.finding.code}): {item.finding.message}
            </p>
            {form.open?.key === item.key ? <OutcomeForm item={item} form={form} /> : <Button onClick={() => form.onOpen(item)}>Record the panel's outcome</Button>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function OutcomeForm({ item, form }: { item: ImplausibleItem; form: ClarificationFormState }) {
  const { draft, onChange } = form;
  const what = `${item.bidder}, ${item.ref ?? "whole bid"}`;
  return (
    // noValidate: what is missing is said in core's own sentence (clarificationCells), not the browser's.
    <form
      noValidate
      aria-label={`Outcome for ${what}`}
      onSubmit={(e) => {
        e.preventDefault();
        form.onRecord();
      }}
    >
      <Field label="Outcome" required>
        <Select value={draft.outcome} onChange={(_, d) => onChange({ outcome: d.value })}>
          <option value="">Choose…</option>
          {OUTCOME_CHOICES.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      {draft.outcome === "Capped" && (
        <Field label={item.ref === undefined ? "Capped at (£ of the whole bid)" : "Capped at (quantity that counts)"} required>
          <Input inputMode="decimal" value={draft.cappedAt} onChange={(_, d) => onChange({ cappedAt: d.value })} />
        </Field>
      )}
      <Field label="Reason" required hint="What the bidder said and why the panel decided this.">
        <Textarea value={draft.reason} onChange={(_, d) => onChange({ reason: d.value })} />
      </Field>
      <Field label="Decided by" required>
        <Input value={draft.decidedBy} onChange={(_, d) => onChange({ decidedBy: d.value })} />
      </Field>
      <Field label="Decided on" required>
        <Input type="date" value={draft.decidedAt} onChange={(_, d) => onChange({ decidedAt: d.value })} />
      </Field>
      {form.error !== undefined && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{form.error}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={form.saving}>
        Record outcome
      </Button>{" "}
      <Button onClick={form.onClose} disabled={form.saving}>
        Cancel
      </Button>
    </form>
  );
}
