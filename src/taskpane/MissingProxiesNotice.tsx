import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { MissingProxy } from "../core";
import { ImportMeasureTableButton } from "./ImportMeasureTableButton";
import { plural } from "./wording";
import { useMissingProxiesNoticeStyles } from "./MissingProxiesNotice.styles";

export interface MissingProxiesNoticeProps {
  /** Measures in scope with no proxy value, with the commitments relying on each (SV205). */
  readonly missing: readonly MissingProxy[];
  /** Where it is shown: the Scores page speaks of the scores on it. */
  readonly page: "validate" | "scores";
}

/** "Acme Ltd and Birch Homes". */
function names(list: readonly string[]): string {
  return list.length <= 1 ? list.join("") : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

/**
 * Measures in scope that have no proxy value, said before any figure: while a commitment relies
 * on one, it counts £0 and every score is incomplete, which must never pass for a real result
 * (Essex publishes two proxies; the council's licensed table holds the rest). Measures nobody
 * committed to are named in one line, since they change nothing yet. The button opens the Bids
 * page where the council's table is imported.
 */
export function MissingProxiesNotice({ missing, page }: MissingProxiesNoticeProps) {
  const styles = useMissingProxiesNoticeStyles();
  if (missing.length === 0) return null;
  const used = missing.filter((m) => m.commitments > 0);
  const unused = missing.filter((m) => m.commitments === 0);
  const commitments = used.reduce((n, m) => n + m.commitments, 0);
  const title =
    used.length > 0
      ? page === "scores"
        ? `Scores incomplete: ${plural(commitments, "commitment")} count £0 for want of a proxy value`
        : `${plural(commitments, "commitment")} count £0: ${plural(used.length, "measure")} in scope ${used.length === 1 ? "has" : "have"} no proxy value`
      : `${plural(unused.length, "measure")} in scope ${unused.length === 1 ? "has" : "have"} no proxy value`;
  return (
    <MessageBar intent={used.length > 0 ? "warning" : "info"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {used.length > 0 && (
          <>
            <p className={styles.text}>
              {page === "scores"
                ? "Every £, return and score below leaves out what these commitments are worth, so no ranking here is a result yet."
                : "They are counted, at £0, until the council's proxy values are in SV Measures, so the scores are incomplete."}
            </p>
            <ul className={styles.list}>
              {used.map((m) => (
                <li key={m.ref}>
                  {m.ref} ({m.measure}): {plural(m.commitments, "commitment")}, by {names(m.bidders)}
                </li>
              ))}
            </ul>
          </>
        )}
        {unused.length > 0 && (
          <p className={styles.text}>
            {used.length > 0
              ? "Also without a proxy value, and no commitment to them yet: "
              : page === "scores"
                ? "No bid commits to them, so they leave these scores whole; a commitment to one would count £0: "
                : "No commitment uses them yet, but one would count £0: "}
            {unused.map((m) => m.ref).join(", ")}.
          </p>
        )}
        <p className={styles.text}>Import the council&apos;s measure table with its proxy values (Update keeps your scope), or type each proxy into SV Measures.</p>
      </MessageBarBody>
      <MessageBarActions>
        <ImportMeasureTableButton />
      </MessageBarActions>
    </MessageBar>
  );
}
