import { lazy, Suspense } from "react";
import { Checkbox, Field, Input, Select, type FieldProps } from "@fluentui/react-components";
import {
  BUYERS,
  CATEGORIES,
  VAT_BASES,
  type Buyer,
  type VatBasis,
  formatNumber,
  ROLL_UPS,
  SCORING_METHODS,
  STANDARD_SCALES,
  type Category,
  type RollUp,
  type ScoringMethod,
} from "../../core";
import { readEvaluators, type SetupField } from "./setupForm";
import type { SetupPageState } from "./useSetupPage";
import { useSetupPageStyles } from "./SetupPage.styles";

/** Shown only once a roll-up that averages is chosen, so its code stays out of the pane's first load. */
const AveragingNotice = lazy(() => import(/* webpackChunkName: "averaging-notice" */ "../AveragingNotice").then((m) => ({ default: m.AveragingNotice })));

export type TenderSettingsFieldsProps = Pick<
  SetupPageState,
  "framework" | "draft" | "onFieldChange" | "onFieldBlur" | "fieldError" | "fieldWarning"
>;

const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  "supplies-services": "Supplies and services",
  "light-touch": "Light-touch services",
  works: "Works",
};

const VAT_LABELS: Readonly<Record<VatBasis, string>> = {
  excluding: "Excluding VAT",
  including: "Including VAT",
  none: "No VAT is charged",
};

const BUYER_LABELS: Readonly<Record<Buyer, string>> = {
  "sub-central": "Council or other sub-central authority",
  central: "Central government department",
};

const METHOD_LABELS: Readonly<Record<ScoringMethod, string>> = {
  relative: "Relative: the best bid scores full marks",
  target: "Target: in proportion to a target return",
  range: "Range: lowest bid 0, best bid full marks",
};

const ROLL_UP_LABELS: Readonly<Record<RollUp, string>> = {
  consensus: "Consensus agreed in moderation",
  average: "Average of the evaluators' marks",
  median: "Median of the evaluators' marks",
};

/**
 * The tender's settings, in the order of the SV Setup sheet. Numbers are typed as text
 * (inputMode shows a number pad on touch) so "£1,200,000" and "10%" are accepted as people
 * write them; setupForm.ts reads them.
 */
export function TenderSettingsFields({
  framework,
  draft,
  onFieldChange,
  onFieldBlur,
  fieldError,
  fieldWarning,
}: TenderSettingsFieldsProps) {
  const styles = useSetupPageStyles();

  /** Label, message and state of a field: an error wins over a warning. */
  const field = (name: SetupField, label: string, hint?: string): Partial<FieldProps> => {
    const error = fieldError(name);
    const warning = fieldWarning(name);
    return {
      className: styles.field,
      label,
      ...(hint !== undefined ? { hint } : {}),
      validationMessage: error ?? warning,
      validationState: error !== undefined ? "error" : warning !== undefined ? "warning" : "none",
    };
  };
  const text = (name: Exclude<SetupField, "category" | "method" | "rollUp" | "requireBothParts" | "blindMarking" | "tenderSaysAveraged" | "vatBasis" | "buyer">, inputMode?: "decimal" | "numeric") => ({
    value: draft[name],
    onChange: (_e: unknown, data: { value: string }) => onFieldChange(name, data.value),
    onBlur: () => onFieldBlur(name),
    ...(inputMode !== undefined ? { inputMode } : {}),
  });

  const targetHint = framework?.policy?.targetReturn;
  const evaluators = readEvaluators(draft.evaluators);

  return (
    <section className={styles.section}>
      <h3 className={styles.heading}>Tender settings</h3>

      <h4 className={styles.subheading}>Contract</h4>
      <Field {...field("contractName", "Contract name")} required>
        <Input {...text("contractName")} />
      </Field>
      <Field {...field("contractValue", "Contract value (£)", "For example 1,200,000.")} required>
        <Input {...text("contractValue", "decimal")} contentBefore="£" />
      </Field>
      <Field
        {...field("vatBasis", "VAT in the contract value", "Statutory thresholds include VAT; council thresholds do not. VAT is taken at the standard 20%.")}
        required
      >
        <Select
          value={draft.vatBasis}
          onChange={(_e, data) => onFieldChange("vatBasis", data.value as VatBasis | "")}
          onBlur={() => onFieldBlur("vatBasis")}
        >
          <option value="">Choose…</option>
          {VAT_BASES.map((b) => (
            <option key={b} value={b}>
              {VAT_LABELS[b]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        {...field("procurementStart", "Procurement began", "Before 24 February 2025: PCR 2015. From then: the Procurement Act 2023, with the thresholds of that date.")}
        required
      >
        <Input type="date" {...text("procurementStart")} />
      </Field>
      <Field {...field("buyer", "Buyer", "Decides the statutory threshold for goods and services.")}>
        <Select value={draft.buyer} onChange={(_e, data) => onFieldChange("buyer", data.value as Buyer)}>
          {BUYERS.map((b) => (
            <option key={b} value={b}>
              {BUYER_LABELS[b]}
            </option>
          ))}
        </Select>
      </Field>
      <Field {...field("category", "Category", "Decides which threshold applies.")}>
        <Select value={draft.category} onChange={(_e, data) => onFieldChange("category", data.value as Category)}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </Select>
      </Field>
      {draft.category === "works" && (
        <Field
          {...field(
            "durationMonths",
            "Works duration (months)",
            "Some thresholds for works also need a minimum length, e.g. Southend's 24 months.",
          )}
        >
          <Input {...text("durationMonths", "numeric")} />
        </Field>
      )}

      <h4 className={styles.subheading}>Scoring</h4>
      <Field {...field("weighting", "Social value weighting (% of the whole award)", "At least 10% is usual (PPN 06/20).")} required>
        <Input {...text("weighting", "decimal")} contentAfter="%" />
      </Field>
      <Field {...field("maxPoints", "Social value points")} required>
        <Input {...text("maxPoints", "decimal")} />
      </Field>
      <Field
        {...field(
          "quantitativeShare",
          "Share of the points for commitments (%)",
          "The rest of the points are for the qualitative answers.",
        )}
        required
      >
        <Input {...text("quantitativeShare", "decimal")} contentAfter="%" />
      </Field>
      <Field {...field("method", "Scoring method")}>
        <Select value={draft.method} onChange={(_e, data) => onFieldChange("method", data.value as ScoringMethod)}>
          {SCORING_METHODS.map((m) => (
            <option key={m} value={m}>
              {METHOD_LABELS[m]}
            </option>
          ))}
        </Select>
      </Field>
      {draft.method === "target" && (
        <Field
          {...field(
            "targetReturn",
            "Target return (pence per £1)",
            `25 means 25p of social value per £1 of contract value, which is 25%.${
              targetHint !== undefined && framework !== undefined
                ? ` ${framework.source.publisher} publishes ${formatNumber(targetHint * 100)}p per £1.`
                : ""
            }`,
          )}
          required
        >
          <Input {...text("targetReturn", "decimal")} contentAfter="p" />
        </Field>
      )}

      <h4 className={styles.subheading}>Qualitative marking</h4>
      <Field {...field("scaleId", "Qualitative scale")}>
        <Select value={draft.scaleId} onChange={(_e, data) => onFieldChange("scaleId", data.value)}>
          {STANDARD_SCALES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field {...field("passMark", "Pass mark (optional)", "The lowest mark a bid may get on each question, e.g. 3 of 5.")}>
        <Input {...text("passMark", "decimal")} />
      </Field>
      <Field
        {...field(
          "evaluators",
          "Evaluators",
          evaluators.length === 0
            ? "Names separated by commas. Three evaluators is typical."
            : `${evaluators.length} ${evaluators.length === 1 ? "evaluator" : "evaluators"}: ${evaluators.join("; ")}.`,
        )}
      >
        <Input {...text("evaluators")} />
      </Field>
      <Field {...field("rollUp", "Roll-up of marks", "Fix it before marking starts.")}>
        <Select value={draft.rollUp} onChange={(_e, data) => onFieldChange("rollUp", data.value as RollUp)}>
          {ROLL_UPS.map((r) => (
            <option key={r} value={r}>
              {ROLL_UP_LABELS[r]}
            </option>
          ))}
        </Select>
      </Field>
      {draft.rollUp !== "consensus" && (
        <>
          <Suspense fallback={null}>
            <AveragingNotice rollUp={draft.rollUp} />
          </Suspense>
          <Checkbox
            checked={draft.tenderSaysAveraged}
            onChange={(_e, data) => onFieldChange("tenderSaysAveraged", data.checked === true)}
            label="The tender documents say evaluators' marks will be averaged"
          />
        </>
      )}
      <Field {...field("moderationThreshold", "Moderation threshold (marks)", "A spread of marks above this must be discussed.")} required>
        <Input {...text("moderationThreshold", "decimal")} />
      </Field>
      <Checkbox
        checked={draft.requireBothParts}
        onChange={(_e, data) => onFieldChange("requireBothParts", data.checked === true)}
        label="Both parts required: a bid without commitments or without answers is disregarded"
      />
      <Checkbox
        checked={draft.blindMarking}
        onChange={(_e, data) => onFieldChange("blindMarking", data.checked === true)}
        label="Blind marking: each evaluator sees only their own marks until moderation opens"
      />
    </section>
  );
}
