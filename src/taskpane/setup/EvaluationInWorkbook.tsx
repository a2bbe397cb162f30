import { mergeClasses, MessageBar, MessageBarBody, MessageBarTitle, useId } from "@fluentui/react-components";
import { dayOf, formatGBP, formatNumber, formatPercent, frameworkThresholds, getBuiltInFramework, tenderVerdict, type SheetSettings } from "../../core";
import type { WorkbookState } from "../../excel/actions";
import { useSetupPageStyles } from "./SetupPage.styles";
import { useEvaluationInWorkbookStyles } from "./EvaluationInWorkbook.styles";

export interface EvaluationInWorkbookProps {
  /** What the workbook holds, as last read; nothing is shown before the first read or without the evaluation. */
  readonly workbook: WorkbookState | undefined;
}

const METHODS: Readonly<Record<NonNullable<SheetSettings["method"]>, string>> = {
  relative: "relative to the best bid",
  target: "against the target return",
  range: "across the range of bids",
};

const VAT: Readonly<Record<string, string>> = {
  excluding: "excluding VAT",
  including: "including VAT",
  none: "no VAT charged",
};

const BUYERS: Readonly<Record<string, string>> = {
  "sub-central": "Council or other sub-central authority",
  central: "Central government department",
};

/**
 * The verdict worked out again from SV Setup as it is now, so a date, value or VAT basis changed
 * on the sheet after insert is reflected (the Threshold verdict cell was written once, at
 * insert). Undefined where it cannot be: a council's own framework, or no value or category.
 */
function verdictNow(workbook: WorkbookState): string | undefined {
  const s = workbook.settings;
  const framework = workbook.frameworkId === undefined ? undefined : getBuiltInFramework(workbook.frameworkId);
  if (framework === undefined || s.contractValue === undefined || s.category === undefined) return undefined;
  const now = tenderVerdict(
    {
      contractValue: s.contractValue,
      category: s.category,
      ...(s.durationMonths !== undefined ? { durationMonths: s.durationMonths } : {}),
      ...(s.vatBasis !== undefined ? { vatBasis: s.vatBasis } : {}),
      ...(s.procurementStart !== undefined ? { procurementStart: s.procurementStart } : {}),
      ...(s.buyer !== undefined ? { buyer: s.buyer } : {}),
    },
    frameworkThresholds(framework),
  ).reason;
  const cell = s.thresholdVerdict?.trim();
  return cell === undefined || cell === "" || cell === now
    ? now
    : `${now} (The Threshold verdict cell on SV Setup, written when the evaluation was inserted, says otherwise: the settings have changed since.)`;
}

/** A setting's line, or "not set" where SV Setup has no readable value (its problem is listed above). */
const shown = (value: string | undefined): string => value ?? "not set";

/**
 * The evaluation this workbook already holds, as SV Setup, SV Measures and SV Scores say now:
 * shown at the top of Set up instead of an empty form, so whoever opens the pane on a shared
 * workbook (or after "Load sample tender") sees the tender in force, and each cell that cannot
 * be read is named.
 */
export function EvaluationInWorkbook({ workbook }: EvaluationInWorkbookProps) {
  const styles = useSetupPageStyles();
  const own = useEvaluationInWorkbookStyles();
  const headingId = useId("workbook-evaluation-");
  if (workbook === undefined || workbook.evaluation === "none") return null;
  const s = workbook.settings;
  const target =
    s.targetReturn === undefined ? undefined : `${formatNumber(s.targetReturn * 100)}p per £1${s.target !== undefined ? ` (${formatGBP(s.target)})` : ""}`;
  const rows: [string, string][] = [
    ["Framework", shown(s.frameworkName) + (s.frameworkName !== undefined && workbook.frameworkId === undefined ? " (not a built-in framework)" : "")],
    ["Contract", shown(s.contractName)],
    ["Contract value", s.contractValue === undefined ? "not set" : `${formatGBP(s.contractValue)}${s.vatBasis !== undefined ? `, ${VAT[s.vatBasis] ?? s.vatBasis}` : ""}`],
    ...(s.procurementStart !== undefined ? [["Procurement began", dayOf(s.procurementStart)] as [string, string]] : []),
    ...(s.buyer !== undefined ? [["Buyer", BUYERS[s.buyer] ?? s.buyer] as [string, string]] : []),
    ["Category", shown(s.category) + (s.durationMonths !== undefined ? `, ${s.durationMonths} months` : "")],
    ["Social value weighting", s.weighting === undefined ? "not set" : formatPercent(s.weighting)],
    ["Social value points", s.maxPoints === undefined ? "not set" : formatNumber(s.maxPoints)],
    ["Share for commitments", s.quantitativeShare === undefined ? "not set" : formatPercent(s.quantitativeShare)],
    ["Scoring method", s.method === undefined ? "not set" : METHODS[s.method]],
    ...(s.method === "target" || target !== undefined ? [["Target return", shown(target)] as [string, string]] : []),
    ["Qualitative scale", s.scale === undefined ? "not set" : s.scale.marks.join(", ")],
    ["Evaluators", s.evaluators.length === 0 ? "none named yet" : s.evaluators.join(", ")],
    ["Threshold verdict", verdictNow(workbook) ?? shown(s.thresholdVerdict)],
    ["Measures in scope", `${workbook.measures.inScope.length} of ${workbook.measures.total}${workbook.measures.inScope.length > 0 ? `: ${workbook.measures.inScope.join(", ")}` : ""}`],
    ["Bidders on SV Scores", workbook.bidders.length === 0 ? "none yet" : workbook.bidders.join(", ")],
    ["Marks on SV Marks", `${workbook.marks.given} given, ${workbook.marks.rows} rows`],
    ["Moderation", workbook.signed !== undefined ? `signed off by ${workbook.signed.by} on ${dayOf(workbook.signed.at)}` : workbook.moderationOpen ? "open" : "not open yet"],
  ];
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h3 id={headingId} className={styles.heading}>
        This workbook&apos;s evaluation
      </h3>
      {workbook.evaluation === "partial" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Part of the evaluation is missing: {workbook.missing.join(", ")}. Someone may still be inserting it, or it was deleted. What
            is there is shown below.
          </MessageBarBody>
        </MessageBar>
      )}
      {workbook.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Check SV Setup</MessageBarTitle>
            <ul className={styles.list}>
              {workbook.problems.map((p) => (
                <li key={p.name}>{p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <dl aria-label="Settings on SV Setup" className={own.settings}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className={styles.quiet}>{label}</dt>
            <dd className={mergeClasses(styles.text, own.value)}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className={styles.quiet}>
        The form below is filled from these sheets. To change a setting, change it on SV Setup; to bring SV Measures up to a framework,
        choose it below and press Insert, then Update SV Measures.
      </p>
    </section>
  );
}
