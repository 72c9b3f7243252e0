/** One bar: a label and its stacked parts, in the order of the chart's series. */
export interface Bar {
  label: string;
  values: number[];
}

export interface Series {
  name: string;
  /** Fill colours chosen for 3:1 contrast against white (WCAG 1.4.11, graphics). */
  color: string;
}

const ROW = 34;
const LABEL = 220;
const WIDTH = 720;

/**
 * A horizontal stacked bar chart drawn as SVG (no chart library: a few rectangles, scaled
 * with the page, readable on a phone). The same figures are in the table beside it, so
 * screen readers get the chart's summary and the table the numbers.
 */
export function BarChart({
  title,
  bars,
  series,
}: {
  title: string;
  bars: Bar[];
  series: Series[];
}) {
  const max = Math.max(1, ...bars.map((b) => b.values.reduce((a, v) => a + v, 0)));
  const plot = WIDTH - LABEL - 40;
  const height = bars.length * ROW + 8;
  const summary = bars
    .map((b) => `${b.label}: ${b.values.map((v, i) => `${series[i].name} ${v}`).join(', ')}`)
    .join('; ');
  return (
    <figure className="lt-chart">
      <figcaption>{title}</figcaption>
      <ul className="lt-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name}>
            <span className="lt-swatch" style={{ background: s.color }} /> {s.name}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`${title}. ${summary}`}
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((bar, row) => {
          let x = LABEL;
          const y = row * ROW + 4;
          const total = bar.values.reduce((a, v) => a + v, 0);
          return (
            <g key={bar.label}>
              <text x={LABEL - 8} y={y + 18} textAnchor="end" fontSize="13">
                {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
              </text>
              {bar.values.map((v, i) => {
                const w = (v / max) * plot;
                const rect = (
                  <rect key={i} x={x} y={y} width={w} height={24} fill={series[i].color}>
                    <title>{`${series[i].name}: ${v}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + 18} fontSize="13">
                {total}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
