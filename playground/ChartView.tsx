/**
 * The charts of the shown sheet, drawn as SVG over the grid where the host holds them, as
 * Excel's float over the cells: a layer at the top-left of the grid's scrolling content, so the
 * charts scroll with the cells and stay under the sticky headers. Each chart reads its cells on
 * every redraw of the workbook, so a recalculation redraws it. The layout is chartLayout.ts.
 */
import { useLayoutEffect, useRef, useState } from "react";
import type { ExcelHost } from "../test/excelHost";
import { chartBox, layoutChart, sheetCharts, type ChartPicture, type ChartPlaceholder, type GridGeometry } from "./chartLayout";

/** The rows and columns the grid must draw so every chart of the sheet is on it. */
export function chartsExtent(fake: ExcelHost, sheet: string): { rows: number; cols: number } {
  const anchors = sheetCharts(fake, sheet).map((c) => c.anchor);
  return { rows: Math.max(0, ...anchors.map((a) => a.to.row)), cols: Math.max(0, ...anchors.map((a) => a.to.col)) };
}

/**
 * The drawn grid's cell edges, relative to `layer` (which sits where the table starts). Rows are
 * found by their row header's number: a row a filter hides is not drawn, and, as in Excel, a
 * chart over it closes up (the hidden row's top is the next drawn row's).
 */
function measure(layer: HTMLElement): GridGeometry | undefined {
  const table = layer.parentElement?.querySelector("table.grid");
  if (!table) return undefined;
  const origin = layer.getBoundingClientRect();
  const headers = [...table.querySelectorAll("thead tr:first-child th")].slice(1).map((th) => th.getBoundingClientRect());
  const columnLefts = headers.map((r) => r.left - origin.left);
  const lastHeader = headers[headers.length - 1];
  if (lastHeader) columnLefts.push(lastHeader.right - origin.left);
  const tops: (number | undefined)[] = [];
  let bottom = 0;
  for (const th of table.querySelectorAll("tbody > tr > th:first-child")) {
    const row = Number(th.textContent) - 1;
    if (!Number.isInteger(row) || row < 0) continue;
    const box = (th.parentElement as HTMLElement).getBoundingClientRect();
    tops[row] = box.top - origin.top;
    bottom = Math.max(bottom, box.bottom - origin.top);
  }
  const rowTops: number[] = Array.from({ length: tops.length + 1 }, () => bottom);
  for (let r = tops.length - 1; r >= 0; r--) rowTops[r] = tops[r] ?? (rowTops[r + 1] as number);
  return { columnLefts, rowTops };
}

const sameGeometry = (a: GridGeometry | undefined, b: GridGeometry | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface ChartLayerProps {
  fake: ExcelHost;
  sheet: string;
  /** Bumped whenever the workbook changed: the charts re-read their cells. */
  version: number;
}

export function ChartLayer({ fake, sheet, version }: ChartLayerProps) {
  const layer = useRef<HTMLDivElement>(null);
  const [grid, setGrid] = useState<GridGeometry | undefined>(undefined);
  const charts = sheet ? sheetCharts(fake, sheet) : [];

  // The grid's cells move when widths, wrapping or the rows drawn change: measure after each redraw.
  useLayoutEffect(() => {
    const remeasure = (): void => {
      const now = layer.current ? measure(layer.current) : undefined;
      setGrid((before) => (sameGeometry(before, now) ? before : now));
    };
    remeasure();
    window.addEventListener("resize", remeasure);
    return () => window.removeEventListener("resize", remeasure);
  });

  if (charts.length === 0 || !grid) return <div ref={layer} className="chart-layer" style={LAYER_STYLE} data-version={version} />;
  return (
    <div ref={layer} className="chart-layer" style={LAYER_STYLE} data-version={version}>
      {charts.map(({ chart, anchor, data }) => {
        const box = chartBox(anchor, grid);
        const picture = layoutChart(chart, data, box.width, box.height);
        return (
          <figure
            key={chart.name}
            role="img"
            aria-label={`Chart ${chart.name}${chart.title ? `: ${chart.title}` : ""}`}
            data-chart={chart.name}
            data-chart-type={chart.chartType}
            style={{ position: "absolute", margin: 0, left: box.left, top: box.top, width: box.width, height: box.height, background: "white", border: "1px solid #bfbfbf", boxSizing: "border-box" }}
          >
            {picture.kind === "bars" ? <BarChart picture={picture} /> : <Placeholder picture={picture} />}
          </figure>
        );
      })}
    </div>
  );
}

/**
 * Zero-sized and before the table, so it scrolls with the cells; z-index 1 and earlier in the
 * document than the sticky headers (also z-index 1), so a chart covers cells but not headers.
 */
const LAYER_STYLE = { position: "relative", width: 0, height: 0, zIndex: 1 } as const;

const LABEL = { fontSize: 11, fill: "#595959", fontFamily: "Segoe UI, system-ui, sans-serif" } as const;

function BarChart({ picture }: { picture: ChartPicture }) {
  const { plot, direction } = picture;
  const columns = direction === "col";
  return (
    <svg width={picture.width} height={picture.height} viewBox={`0 0 ${picture.width} ${picture.height}`} style={{ display: "block" }}>
      {picture.title && (
        <text x={picture.title.x} y={picture.title.y} textAnchor="middle" style={{ ...LABEL, fontSize: 14 }} data-role="title">
          {picture.title.text}
        </text>
      )}
      {picture.valueTicks.map((t) => (
        <g key={t.value} data-role="tick">
          {columns ? <line x1={plot.left} x2={plot.left + plot.width} y1={t.at} y2={t.at} stroke="#d9d9d9" /> : <line x1={t.at} x2={t.at} y1={plot.top} y2={plot.top + plot.height} stroke="#d9d9d9" />}
          {columns ? (
            <text x={plot.left - 4} y={t.at + 4} textAnchor="end" style={LABEL}>
              {t.label}
            </text>
          ) : (
            <text x={t.at} y={plot.top + plot.height + 14} textAnchor="middle" style={LABEL}>
              {t.label}
            </text>
          )}
        </g>
      ))}
      {picture.bars.map((b) => (
        <rect key={`${b.series}-${b.category}`} x={b.x} y={b.y} width={b.width} height={b.height} fill={b.colour} data-series={b.series} data-category={b.category} data-value={b.value} />
      ))}
      {columns ? (
        <line x1={plot.left} x2={plot.left + plot.width} y1={picture.zeroAt} y2={picture.zeroAt} stroke="#bfbfbf" />
      ) : (
        <line x1={picture.zeroAt} x2={picture.zeroAt} y1={plot.top} y2={plot.top + plot.height} stroke="#bfbfbf" />
      )}
      {picture.categoryLabels.map((c, i) =>
        columns ? (
          <text key={i} x={c.at} y={plot.top + plot.height + 14} textAnchor="middle" style={LABEL} data-role="category">
            {c.text}
          </text>
        ) : (
          <text key={i} x={plot.left - 4} y={c.at + 4} textAnchor="end" style={LABEL} data-role="category">
            {c.text}
          </text>
        )
      )}
      {picture.axisTitles.map((a) => (
        <text key={a.axis} x={a.x} y={a.y} textAnchor="middle" transform={a.rotated ? `rotate(-90 ${a.x} ${a.y})` : undefined} style={{ ...LABEL, fontSize: 12 }} data-role={`${a.axis}-axis-title`}>
          {a.text}
        </text>
      ))}
      {picture.legend.map((l, i) => (
        <g key={i} data-role="legend">
          <rect x={l.x} y={l.y - 4} width={8} height={8} fill={l.colour} />
          <text x={l.x + 12} y={l.y + 4} style={LABEL}>
            {l.name}
          </text>
        </g>
      ))}
    </svg>
  );
}

function Placeholder({ picture }: { picture: ChartPlaceholder }) {
  return (
    <div data-role="placeholder" style={{ display: "grid", placeItems: "center", height: "100%", padding: 8, boxSizing: "border-box", color: "#605e5c", textAlign: "center", background: "repeating-linear-gradient(45deg, #fafafa, #fafafa 8px, #f3f2f1 8px, #f3f2f1 16px)" }}>
      {picture.text}
    </div>
  );
}
