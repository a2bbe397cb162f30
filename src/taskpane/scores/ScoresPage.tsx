import { Button, MessageBar, MessageBarBody, MessageBarTitle, mergeClasses, useId } from "@fluentui/react-components";
import type { WorkbookActions } from "../../excel/actions";
import { isScored, type BidderScore, type ScoresView } from "../../excel/scores/readScores";
import { bidderKey, formatGBP, formatNumber, formatPercent, IMPLAUSIBLE_CODES, type MissingProxy, type ScoringMethod } from "../../core";
import { MissingProxiesNotice } from "../MissingProxiesNotice";
import { OperationProgress } from "../OperationProgress";
import { ScoreChart } from "./ScoreChart";
import { useScoresPage } from "./useScoresPage";
import { useScoresPageStyles } from "./ScoresPage.styles";

export interface ScoresPageProps {
  readonly actions: WorkbookActions;
}

const METHOD_PHRASE: Readonly<Record<ScoringMethod, string>> = {
  relative: "relative to the best bid",
  target: "against the target return",
  range: "across the range of bids, lowest 0 and best full marks",
};

/**
 * Scores: the bids' social value scores as the workbook holds them, in rank order, with a bar
 * chart, the sensitivity of the award to the weighting, and what was left out and why — bids
 * held back by a faulty commitment row, rows with errors, and bids disregarded because the
 * tender requires both parts.
 */
export function ScoresPage({ actions }: ScoresPageProps) {
  const { operation, view, ranked, failure, onRefresh, onGoToRow } = useScoresPage(actions);
  const styles = useScoresPageStyles();
  const busy = operation.running !== undefined;
  return (
    <div className={styles.page}>
      <p className={styles.text}>
        Works out each bid&apos;s social value and score from SV Commitments, SV Measures and SV Setup, by the same rules as the
        sheet&apos;s TENDER formulas.
      </p>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onRefresh} disabled={busy}>
          Refresh scores
        </Button>
      </div>
      {operation.running !== undefined && <OperationProgress operation={operation.running} onCancel={operation.cancel} />}
      <div role="alert" className={styles.results}>
        {failure !== undefined && (
          <MessageBar intent={failure.cancelled ? "info" : "error"} layout="multiline">
            <MessageBarBody>{failure.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div role="status" className={styles.results}>
        {/* First, before any figure: commitments valued at £0 for want of a proxy make every score incomplete. */}
        {view !== undefined && <MissingProxiesNotice missing={view.missingProxies} page="scores" />}
        {view !== undefined && <Warnings view={view} onGoToRow={onGoToRow} />}
        {view !== undefined && <p className={styles.text}>{summary(view)}</p>}
      </div>
      {view !== undefined && ranked.length > 0 && (
        <>
          <ScoresTable bidders={ranked} missingProxies={view.missingProxies} columns={columnsFor(view, ranked)} />
          {/* A chart of empty bars would look like a finished result. */}
          {!noResult(ranked) && <ScoreChart bidders={ranked.filter(isScored)} maxPoints={view.maxPoints} />}
        </>
      )}
      {view !== undefined && <Sensitivity note={view.sensitivityNote} />}
    </div>
  );
}

function summary(view: ScoresView): string {
  if (view.bidders.length === 0)
    return "No bids to score yet: add the bidders' commitments on SV Commitments, or list the bidders on SV Scores.";
  const bids = view.bidders.length === 1 ? "1 bid" : `${view.bidders.length} bids`;
  if (!(view.quantitativeShare > 0)) {
    return `${bids}, scored on the written answers only (no share of the points for commitments), out of ${formatNumber(view.maxPoints)} points.`;
  }
  return `${bids}, scored ${METHOD_PHRASE[view.method]}, out of ${formatNumber(view.maxPoints)} points. Contract value ${formatGBP(view.contractValue)}.`;
}

function Warnings({ view, onGoToRow }: { view: ScoresView; onGoToRow: (row: number) => void }) {
  const styles = useScoresPageStyles();
  return (
    <>
      <HeldBack bidders={view.bidders} onGoToRow={onGoToRow} />
      {view.rowsWithErrors > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{rowsWithErrorsText(view.rowsWithErrors)}</MessageBarBody>
        </MessageBar>
      )}
      <Disregarded bidders={view.bidders} />
      {view.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Check SV Setup</MessageBarTitle>
            <ul className={styles.list}>
              {view.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function rowsWithErrorsText(rows: number): string {
  const these = rows === 1 ? "1 commitment row has errors and is" : `${formatNumber(rows)} commitment rows have errors and are`;
  return `${these} not counted — Validate lists each one with what to do.`;
}

/**
 * Bids held back by a faulty commitment row (core heldBids.ts), each with its rows, codes and
 * messages, and a button to each row: the rule is the sheet's, so SV Scores shows "Held" there too.
 */
function HeldBack({ bidders, onGoToRow }: { bidders: readonly BidderScore[]; onGoToRow: (row: number) => void }) {
  const styles = useScoresPageStyles();
  const held = bidders.filter((b) => b.held !== undefined);
  if (held.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{held.length === 1 ? "1 bid is held back" : `${held.length} bids are held back`}</MessageBarTitle>
        A bid with an error in any of its commitment rows gets no points for commitments, no score and no rank until the row is
        fixed; the other bids are scored and ranked among themselves. SV Scores shows the same.
        <ul className={styles.list}>
          {held.map((b) => (
            <li key={b.bidder}>
              {b.bidder}: held by {b.held?.text}.
              {/* Issue #16 point 4: an implausible figure holds the bid only until the panel clarifies it. */}
              {(b.held?.faults ?? []).some((f) => IMPLAUSIBLE_CODES.includes(f.code)) &&
                " Its points for commitments are provisional until clarified: record the panel's outcome on the Validate page (Implausible commitments) or on SV Clarifications."}
              <ul className={styles.list}>
                {(b.held?.faults ?? []).map((f, i) => (
                  <li key={`${f.row}-${f.code}-${i}`}>
                    {f.code}, row {f.row}: {f.message} What to do: {f.action}{" "}
                    <Button size="small" appearance="transparent" onClick={() => onGoToRow(f.row)}>
                      {`Go to row ${f.row}`}
                    </Button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Bids SV Scores disregards (both parts required), each with what it lacks. */
function Disregarded({ bidders }: { bidders: readonly BidderScore[] }) {
  const styles = useScoresPageStyles();
  const disregarded = bidders.filter((b) => b.disregarded !== undefined);
  if (disregarded.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{disregarded.length === 1 ? "1 bid is disregarded" : `${disregarded.length} bids are disregarded`}</MessageBarTitle>
        The tender requires both commitments and written answers (SV Setup, Both parts required). A disregarded bid scores 0, and
        its social value does not count when the other bids are scored.
        <ul className={styles.list}>
          {disregarded.map((b) => (
            <li key={b.bidder}>
              {b.bidder}: {disregardedPhrase(b)}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** "no answers", as the sheet's Disregarded column gives it, in lower case for a sentence. */
function disregardedPhrase(b: BidderScore): string {
  return (b.disregarded ?? "").toLowerCase();
}

/** Every bid scores 0 or is held back: ranks would all be 1, a tie that is no result. */
function noResult(bidders: readonly BidderScore[]): boolean {
  return bidders.every((b) => !((b.score ?? 0) > 0));
}

/** How many of each bidder's commitments count £0 for want of a proxy, one per measure (a measure claimed twice holds its bid back: SV201). */
function unpricedByBidder(missing: readonly MissingProxy[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of missing) for (const b of m.bidders) out.set(bidderKey(b), (out.get(bidderKey(b)) ?? 0) + 1);
  return out;
}

function caption(bidders: readonly BidderScore[], incomplete: boolean): string {
  if (noResult(bidders)) {
    return incomplete
      ? "No result yet: every bid scores 0, because commitments count £0 without proxy values"
      : "No result yet: every bid scores 0";
  }
  return incomplete ? "Provisional scores, incomplete until every measure in scope has a proxy value" : "Scores by bidder, in rank order";
}

/** Which figures mean something for this tender. */
interface Columns {
  /** £, return and benchmark: only where something is valued in £ (points for commitments, or a bid with £). */
  money: boolean;
  /** Points for commitments: only where the tender gives them a share. */
  quantitative: boolean;
}

/**
 * A qualitative tender (Southend 2050, the UK models: 0% for commitments) scores the answers
 * alone; £0, 0% and "below the lower quartile" beside every bid would read as a finding about
 * the bids, so those columns are left out unless a bid was valued in £ all the same.
 */
function columnsFor(view: ScoresView, bidders: readonly BidderScore[]): Columns {
  const quantitative = view.quantitativeShare > 0;
  return { quantitative, money: quantitative || bidders.some((b) => b.value > 0) };
}

function ScoresTable({ bidders, missingProxies, columns }: { bidders: readonly BidderScore[]; missingProxies: readonly MissingProxy[]; columns: Columns }) {
  const styles = useScoresPageStyles();
  const captionId = useId("scores-caption-");
  const unpriced = unpricedByBidder(missingProxies);
  const incomplete = unpriced.size > 0;
  const unranked = noResult(bidders);
  const cell = styles.cell;
  const number = mergeClasses(styles.cell, styles.number);
  const head = mergeClasses(styles.cell, styles.headCell);
  return (
    // tabIndex 0: the region scrolls sideways, and must be reachable to be scrolled by keyboard.
    <div role="region" aria-labelledby={captionId} tabIndex={0} className={styles.scroller}>
      <table className={styles.table}>
        <caption id={captionId} className={mergeClasses(styles.caption, (incomplete || unranked) && styles.provisional)}>
          {caption(bidders, incomplete)}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={head}>
              Rank
            </th>
            <th scope="col" className={head}>
              Bidder
            </th>
            {columns.money && (
              <>
                <th scope="col" className={head}>
                  Social value
                </th>
                <th scope="col" className={head}>
                  Return
                </th>
                <th scope="col" className={head}>
                  Benchmark band
                </th>
              </>
            )}
            {columns.quantitative && (
              <th scope="col" className={head}>
                Quantitative
              </th>
            )}
            <th scope="col" className={head}>
              Qualitative
            </th>
            <th scope="col" className={head}>
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {bidders.map((b) => (
            <tr key={b.bidder}>
              {/* With every bid at 0 a rank of 1 each would read as a tie: there is no rank yet. */}
              <td className={number}>{unranked ? <span aria-label="no rank yet">–</span> : (b.rank ?? "Held")}</td>
              <td className={cell}>
                {b.bidder}
                {b.held !== undefined && <span className={styles.disregarded}>Held: {b.held.text}</span>}
                {b.disregarded !== undefined && <span className={styles.disregarded}>Disregarded: {disregardedPhrase(b)}</span>}
              </td>
              {columns.money && (
                <>
                  <td className={number}>
                    {formatGBP(b.value)}
                    {(unpriced.get(bidderKey(b.bidder)) ?? 0) > 0 && (
                      <span className={styles.disregarded}>{`+ ${unpriced.get(bidderKey(b.bidder))} at £0, no proxy`}</span>
                    )}
                  </td>
                  <td className={number}>{formatPercent(b.returnRatio)}</td>
                  <td className={cell}>{b.benchmark}</td>
                </>
              )}
              {columns.quantitative && <td className={number}>{b.quantitative === undefined ? "Held" : formatNumber(b.quantitative)}</td>}
              <td className={number}>{formatNumber(b.qualitative)}</td>
              <td className={number}>{b.score === undefined ? "Held" : formatNumber(b.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Sensitivity({ note }: { note: string }) {
  const styles = useScoresPageStyles();
  return (
    <section className={styles.results}>
      <h3 className={styles.heading}>Sensitivity to the weighting</h3>
      <p className={styles.text}>{note}</p>
    </section>
  );
}
