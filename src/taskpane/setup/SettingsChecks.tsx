import { Badge } from "@fluentui/react-components";
import type { Severity } from "../../core";
import type { SetupPageState } from "./useSetupPage";
import { useSetupPageStyles } from "./SetupPage.styles";

export type SettingsChecksProps = Pick<SetupPageState, "framework" | "verdict" | "findings">;

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
export function SettingsChecks({ framework, verdict, findings }: SettingsChecksProps) {
  const styles = useSetupPageStyles();
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const summary =
    framework === undefined
      ? "choose a framework to check them against its policy."
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
            Threshold: {verdict.required ? "social value must be evaluated" : "social value not required"}
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
          {findings.map((f) => (
            <li key={`${f.code}-${f.setting}-${f.ref ?? ""}`} className={styles.finding}>
              <span className={styles.findingHead}>
                <Badge appearance="tint" color={SEVERITY_BADGE[f.severity]}>
                  {SEVERITY_WORD[f.severity]}
                </Badge>
                {f.code}
              </span>
              <span className={styles.text}>{f.message}</span>
              <span className={styles.quiet}>What to do: {f.action}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function plural(n: number, word: string): string {
  return n === 0 ? "" : `${n} ${word}${n === 1 ? "" : "s"}`;
}
