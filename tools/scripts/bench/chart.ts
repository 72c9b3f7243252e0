// A dependency-free SVG line chart: latency percentiles against offered load.

export interface Series {
  name: string;
  color: string;
  points: [x: number, y: number][];
  dashed?: boolean;
}

export interface ChartOptions {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Logarithmic y axis (latencies span orders of magnitude near saturation). */
  logY?: boolean;
  /** Horizontal reference lines, e.g. a target. */
  rules?: { y: number; label: string; color: string }[];
  /** Vertical reference lines, e.g. the measured maximum rate. */
  verticals?: { x: number; label: string; color: string }[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

export function lineChart(o: ChartOptions): string {
  const W = 760;
  const H = 440;
  const m = { left: 70, right: 170, top: 56, bottom: 56 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const xs = o.series
    .flatMap((s) => s.points.map((p) => p[0]))
    .concat((o.verticals ?? []).map((v) => v.x));
  const ys = o.series
    .flatMap((s) => s.points.map((p) => p[1]))
    .concat((o.rules ?? []).map((r) => r.y))
    .filter((y) => Number.isFinite(y) && (!o.logY || y > 0));
  const xMax = Math.max(1e-6, ...xs) * 1.05;
  const xStep = niceStep(xMax, 6);
  const xTop = Math.ceil(xMax / xStep) * xStep;
  let yLo: number;
  let yHi: number;
  let yTicks: number[];
  if (o.logY) {
    yLo = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...ys))));
    yHi = 10 ** Math.ceil(Math.log10(Math.max(...ys, yLo * 10)));
    yTicks = [];
    for (let v = yLo; v <= yHi * 1.0001; v *= 10) yTicks.push(v);
  } else {
    yLo = 0;
    const step = niceStep(Math.max(1, ...ys) * 1.1, 6);
    yHi = Math.ceil((Math.max(1, ...ys) * 1.1) / step) * step;
    yTicks = [];
    for (let v = 0; v <= yHi + 1e-9; v += step) yTicks.push(v);
  }
  const X = (x: number) => m.left + (x / xTop) * pw;
  const Y = (y: number) =>
    o.logY
      ? m.top +
        ph -
        ((Math.log10(Math.max(y, yLo)) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo))) *
          ph
      : m.top + ph - ((y - yLo) / (yHi - yLo)) * ph;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${m.left}" y="24" font-size="15" font-weight="bold">${esc(o.title)}</text>`,
  );
  if (o.subtitle) out.push(`<text x="${m.left}" y="42" fill="#555">${esc(o.subtitle)}</text>`);
  for (const t of yTicks) {
    const label = t >= 1000 ? `${t / 1000} s` : `${t} ms`;
    out.push(
      `<line x1="${m.left}" x2="${m.left + pw}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" stroke="#e5e5e5"/>`,
      `<text x="${m.left - 6}" y="${(Y(t) + 4).toFixed(1)}" text-anchor="end" fill="#333">${label}</text>`,
    );
  }
  for (let x = 0; x <= xTop + 1e-9; x += xStep) {
    out.push(
      `<line x1="${X(x).toFixed(1)}" x2="${X(x).toFixed(1)}" y1="${m.top}" y2="${m.top + ph}" stroke="#f0f0f0"/>`,
      `<text x="${X(x).toFixed(1)}" y="${m.top + ph + 16}" text-anchor="middle" fill="#333">${Number(x.toPrecision(3))}</text>`,
    );
  }
  out.push(
    `<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`,
    `<text x="${m.left + pw / 2}" y="${H - 14}" text-anchor="middle">${esc(o.xLabel)}</text>`,
    `<text transform="translate(16 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
  );
  for (const r of o.rules ?? []) {
    out.push(
      `<line x1="${m.left}" x2="${m.left + pw}" y1="${Y(r.y).toFixed(1)}" y2="${Y(r.y).toFixed(1)}" stroke="${r.color}" stroke-dasharray="6 4"/>`,
      `<text x="${m.left + pw - 4}" y="${(Y(r.y) - 4).toFixed(1)}" text-anchor="end" fill="${r.color}">${esc(r.label)}</text>`,
    );
  }
  for (const v of o.verticals ?? []) {
    out.push(
      `<line x1="${X(v.x).toFixed(1)}" x2="${X(v.x).toFixed(1)}" y1="${m.top}" y2="${m.top + ph}" stroke="${v.color}" stroke-dasharray="4 4"/>`,
      `<text x="${(X(v.x) - 4).toFixed(1)}" y="${m.top + 14}" text-anchor="end" fill="${v.color}">${esc(v.label)}</text>`,
    );
  }
  o.series.forEach((s, i) => {
    const pts = s.points.filter((p) => Number.isFinite(p[1]) && (!o.logY || p[1] > 0));
    if (pts.length > 0) {
      out.push(
        `<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''} points="${pts
          .map((p) => `${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`)
          .join(' ')}"/>`,
      );
      for (const p of pts)
        out.push(
          `<circle cx="${X(p[0]).toFixed(1)}" cy="${Y(p[1]).toFixed(1)}" r="3" fill="${s.color}"/>`,
        );
    }
    const ly = m.top + 10 + i * 20;
    out.push(
      `<line x1="${m.left + pw + 14}" x2="${m.left + pw + 38}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      `<text x="${m.left + pw + 44}" y="${ly + 4}">${esc(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

export interface LoadPoint {
  offeredPerSec: number | null;
  latencyMs: { p50: number; p90: number; p99: number };
  hopMs: { p50: number; p99: number };
}

/** The chart of docs/benchmarks.md: submit → registered and hop latency against offered load. */
export function latencyChart(maxPerSec: number, sweep: LoadPoint[], subtitle: string): string {
  const points = (f: (r: LoadPoint) => number) =>
    sweep.map((r) => [r.offeredPerSec ?? 0, f(r)] as [number, number]);
  return lineChart({
    title: 'liên thông: latency against offered load (npm run bench)',
    subtitle,
    xLabel: 'offered load (dossiers per second)',
    yLabel: 'latency (log scale)',
    logY: true,
    series: [
      { name: 'submit → registered p50', color: '#1f77b4', points: points((r) => r.latencyMs.p50) },
      { name: 'submit → registered p90', color: '#ff7f0e', points: points((r) => r.latencyMs.p90) },
      { name: 'submit → registered p99', color: '#d62728', points: points((r) => r.latencyMs.p99) },
      { name: 'hop p50', color: '#2ca02c', dashed: true, points: points((r) => r.hopMs.p50) },
      { name: 'hop p99', color: '#9467bd', dashed: true, points: points((r) => r.hopMs.p99) },
    ],
    rules: [{ y: 50, label: 'hop p99 target 50 ms', color: '#9467bd' }],
    verticals: [{ x: maxPerSec, label: 'max', color: '#777' }],
  });
}
