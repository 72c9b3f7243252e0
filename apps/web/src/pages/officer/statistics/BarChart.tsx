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

/**
 * A horizontal stacked bar chart in plain HTML (no chart library): each bar's label in the
 * page's own font above it, so it reads on a phone as on a desktop. The same figures are in
 * the tables below, so screen readers get the chart's summary and the tables the numbers.
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
      <div role="img" aria-label={`${title}. ${summary}`} className="lt-bars">
        {bars.map((bar) => {
          const total = bar.values.reduce((a, v) => a + v, 0);
          return (
            <div key={bar.label} className="lt-bar">
              <div className="lt-bar-label">
                {bar.label}: <strong>{total}</strong>
              </div>
              <div className="lt-bar-track">
                {bar.values.map((v, i) =>
                  v > 0 ? (
                    <span
                      key={series[i].name}
                      title={`${series[i].name}: ${v}`}
                      style={{ width: `${(v / max) * 100}%`, background: series[i].color }}
                    />
                  ) : null,
                )}
              </div>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
