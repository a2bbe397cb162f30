import { Badge } from "@fluentui/react-components";
import type { Severity, TenderFinding, TenderVerdict } from "../../core";
import { ImportMeasureTableButton } from "../ImportMeasureTableButton";
import type { SetupPageState } from "./useSetupPage";
import { useSetupPageStyles } from "./SetupPage.styles";

export type SettingsChecksProps = Pick<SetupPageState, "framework" | "verdict" | "findings" | "checksUnavailable">;

const HEADLINE: Readonly<Record<TenderVerdict["decision"], string>> = {
  required: "social value must be evaluated",
  "not-required": "social value not required",
  undecided: "not decided yet",
};

const SEVERITY_WORD: Readonly<Record<Severity, string>> = { error: "Error", warning: "Warning", info: "Note" };
const SEVERITY_BADGE: Readonly<Record<Severity, "danger" | "warning" | "informative">> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/**
 * The threshold verdict and the checks on the settings, worked out again on every edit. Only
 * the one-line summary is a live region: reading the whole list on each keystroke would drown
 * a screen reader user, who can read the list itself when they choose.
 */
export function SettingsChecks({ framework, verdict, findings, checksUnavailable }: SettingsChecksProps) {
  const styles = useSetupPageStyles();
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const summary =
    framework === undefined
      ? "choose a framework to check them against its policy."
      : checksUnavailable !== undefined
        ? checksUnavailable
      : findings.length === 0
        ? "no problems found."
        : [plural(count("error"), "error"), plural(count("warning"), "warning"), plural(count("info"), "note")]
            .filter((p) => p !== "")
            .join(", ") + ".";
  return (
    <section className={styles.section}>
      <h3 className={styles.heading}>Checks</h3>
      {verdict !== undefined && (
        <div className={styles.verdict}>
          <h4 className={styles.subheading}>
            Threshold: {HEADLINE[verdict.decision]}
          </h4>
          <p className={styles.text}>
            <strong>The law: </strong>
            {verdict.statutory.reason}
          </p>
          {verdict.policy !== undefined && (
            <p className={styles.text}>
              <strong>The council&apos;s policy: </strong>
              {verdict.policy.source !== undefined ? `${verdict.policy.reason.replace(/\.$/, "")} (${verdict.policy.source}).` : verdict.policy.reason}
            </p>
          )}
        </div>
      )}
      <p className={styles.text} role="status">
        Settings: {summary}
      </p>
      {findings.length > 0 && (
        <ul className={styles.findings} aria-label="Problems with the settings">
          {findings.filter((f) => f.code !== NO_PROXY).map((f) => (
            <li key={`${f.code}-${f.setting}-${f.ref ?? ""}`} className={styles.finding}>
              <FindingHead finding={f} />
              <span className={styles.text}>{f.message}</span>
              <span className={styles.quiet}>What to do: {f.action}</span>
            </li>
          ))}
          <WithoutProxies findings={findings.filter((f) => f.code === NO_PROXY)} />
        </ul>
      )}
    </section>
  );
}

/** A finding's severity, in a badge, and its code. */
function FindingHead({ finding }: { finding: TenderFinding }) {
  const styles = useSetupPageStyles();
  return (
    <span className={styles.findingHead}>
      <Badge appearance="tint" color={SEVERITY_BADGE[finding.severity]}>
        {SEVERITY_WORD[finding.severity]}
      </Badge>
      {finding.code}
    </span>
  );
}

/** SV315, a measure in scope with no proxy value: one line for them all, however many. */
// The code of FINDINGS.measureWithoutProxy, written out so the page need not load the whole
// catalogue before it is interactive (a test holds the two equal).
export const NO_PROXY = "SV315";

/**
 * The measures in scope without a proxy value, as one item with the way to the council's table
 * (Essex ships two proxies: ticking a theme would otherwise list a dozen identical warnings).
 */
function WithoutProxies({ findings }: { findings: readonly TenderFinding[] }) {
  const styles = useSetupPageStyles();
  const first = findings[0];
  if (first === undefined) return null;
  const refs = findings.map((f) => f.ref ?? "").filter((r) => r !== "");
  return (
    <li className={styles.finding}>
      <FindingHead finding={first} />
      <span className={styles.text}>
        {findings.length === 1
          ? first.message
          : `${findings.length} measures in scope have no proxy value, so every commitment to them will count £0 and the scores will be incomplete: ${refs.join(", ")}.`}
      </span>
      <span className={styles.quiet}>
        What to do: import the council&apos;s measure table with its proxy values (Bids page, once the evaluation sheets are inserted), or enter each
        proxy on SV Measures.
      </span>
      {/* In a div, so the column's stretch does not widen the button. */}
      <div>
        <ImportMeasureTableButton />
      </div>
    </li>
  );
}

function plural(n: number, word: string): string {
  return n === 0 ? "" : `${n} ${word}${n === 1 ? "" : "s"}`;
}
