// Small numeric helpers shared by the benchmarks: percentiles, summaries, tables, arguments.

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100); NaN for an empty one. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Rounds for display and for the JSON line (null for NaN, which JSON cannot carry). */
export function round(value: number, digits = 1): number | null {
  if (!Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function fmt(value: number, digits = 1): string {
  const r = round(value, digits);
  return r === null ? '—' : r.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A plain-text table: header, a rule, rows; columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** `--name value` / `--flag` command-line arguments. */
export class Args {
  constructor(private readonly argv: string[] = process.argv.slice(2)) {}

  has(name: string): boolean {
    return this.argv.includes(`--${name}`);
  }

  string(name: string, fallback: string): string {
    const i = this.argv.indexOf(`--${name}`);
    if (i === -1) return fallback;
    const value = this.argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
    return value;
  }

  /** `--name [value]`: undefined without the flag, '' with it but no value. */
  optional(name: string): string | undefined {
    const i = this.argv.indexOf(`--${name}`);
    if (i === -1) return undefined;
    const value = this.argv[i + 1];
    return value === undefined || value.startsWith('--') ? '' : value;
  }

  number(name: string, fallback: number): number {
    const raw = this.string(name, String(fallback));
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
    return value;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `count` tasks with at most `concurrency` in flight. */
export async function inParallel(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/**
 * Open-loop pacing: starts task(i) at `perSecond` regardless of how long earlier tasks take
 * (a slow system builds a queue instead of slowing the offered load down). Resolves when
 * every task has finished; returns each task's scheduled start.
 */
export async function paced(
  count: number,
  perSecond: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const running: Promise<void>[] = [];
  let i = 0;
  while (i < count) {
    const due = Math.min(count, Math.floor(((performance.now() - started) / 1000) * perSecond) + 1);
    while (i < due) running.push(task(i++));
    await sleep(Math.max(1, Math.min(20, (i / perSecond) * 1000 - (performance.now() - started))));
  }
  await Promise.all(running);
}
