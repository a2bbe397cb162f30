import { useId } from "@fluentui/react-components";
import type { ScoredBidder } from "../../excel/scores/readScores";
import { formatNumber } from "../../core";
import { useScoreChartStyles } from "./ScoreChart.styles";

export interface ScoreChartProps {
  /** In the order to draw them, best first; bids held back have no score to draw. */
  readonly bidders: readonly ScoredBidder[];
  /** The most points a bid can get; the bars' full length. */
  readonly maxPoints: number;
}

/** Geometry in viewBox units; the SVG scales to the pane's width. */
const WIDTH = 300;
const ROW = 40;
const BAR = 14;
/** Room on the right of the bars for each figure. */
const FIGURE_ROOM = 64;

/**
 * Each bid's social value score as a horizontal bar, drawn by hand: a chart library would
 * outweigh the rest of the pane. For assistive technology the chart is one image whose name
 * says what it shows and whose description gives every figure; the table above it has the
 * same numbers, so nothing is in the chart alone. Every bar is labelled with its bidder and
 * points, so no colour carries meaning.
 */
export function ScoreChart({ bidders, maxPoints }: ScoreChartProps) {
  const styles = useScoreChartStyles();
  const captionId = useId("score-chart-caption-");
  const descId = useId("score-chart-desc-");
  const top = Math.max(maxPoints, ...bidders.map((b) => b.score));
  const span = WIDTH - FIGURE_ROOM;
  const length = (score: number) => (top > 0 ? (Math.max(0, score) / top) * span : 0);
  const height = bidders.length * ROW;
  const name = `Social value score by bidder, out of ${formatNumber(maxPoints)} points`;
  return (
    <figure className={styles.figure}>
      <figcaption id={captionId} className={styles.caption}>
        {name}
      </figcaption>
      <svg role="img" aria-labelledby={captionId} aria-describedby={descId} viewBox={`0 0 ${WIDTH} ${height}`} className={styles.chart}>
        {/* The title is the tooltip; the visible caption names the chart for assistive technology. */}
        <title>{name}</title>
        <desc id={descId}>
          {bidders.map((b) => `${b.bidder}: ${formatNumber(b.score)} points, rank ${b.rank}${b.disregarded ? `, disregarded (${b.disregarded.toLowerCase()})` : ""}`).join("; ")}.
        </desc>
        {bidders.map((b, i) => {
          const y = i * ROW;
          return (
            <g key={b.bidder}>
              <text x={0} y={y + 13} className={styles.label}>
                {b.rank}. {b.bidder}
                {b.disregarded !== undefined && " (disregarded)"}
              </text>
              <rect x={0} y={y + 18} width={span} height={BAR} className={styles.track} />
              <rect x={0} y={y + 18} width={length(b.score)} height={BAR} className={styles.bar} />
              <text x={span + 6} y={y + 30} className={styles.label}>
                {formatNumber(b.score)} pts
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
