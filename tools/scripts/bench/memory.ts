// What a service's resident memory is made of, at its largest during a phase: the V8 heap
// (used and reserved, by space), memory outside it (Buffers, the Kafka and database
// sockets' data: "external") from prom-client's default metrics on /metrics, and the
// process's anonymous and file-backed pages from /proc (the code of node itself is in the
// latter). Sampled every two seconds; the sample with the highest RSS is kept.
import { readFileSync } from 'node:fs';
import { fmt, table } from './stats';

export interface MemorySample {
  rssMb: number;
  /** /proc/<pid>/status: RssAnon (heap, malloc), RssFile (mapped files: node's code). */
  anonMb: number;
  fileMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  /** Reserved size of each V8 heap space (new, old, code, large_object…). */
  spacesMb: Record<string, number>;
}

const MB = 1024 * 1024;

function metric(text: string, name: string, labels = ''): number {
  const re = new RegExp(`^${name}(?:\\{${labels}[^}]*\\})? ([0-9.e+]+)$`, 'm');
  return Number(re.exec(text)?.[1] ?? Number.NaN);
}

export async function readMemory(url: string, pid: number): Promise<MemorySample | null> {
  const text = await fetch(`${url}/metrics`)
    .then((r) => (r.ok ? r.text() : ''))
    .catch(() => '');
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024;
  const spacesMb: Record<string, number> = {};
  for (const m of text.matchAll(
    /^nodejs_heap_space_size_total_bytes\{space="([^"]+)"[^}]*\} ([0-9.e+]+)$/gm,
  ))
    spacesMb[m[1]] = Number(m[2]) / MB;
  return {
    rssMb: kb('VmRSS'),
    anonMb: kb('RssAnon'),
    fileMb: kb('RssFile'),
    heapUsedMb: metric(text, 'nodejs_heap_size_used_bytes') / MB,
    heapTotalMb: metric(text, 'nodejs_heap_size_total_bytes') / MB,
    externalMb: metric(text, 'nodejs_external_memory_bytes') / MB,
    spacesMb,
  };
}

/** Samples every service until stopped; keeps each one's sample with the highest RSS. */
export class MemoryWatch {
  readonly largest = new Map<string, MemorySample>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly services: Record<string, { url: string; pid: number }>) {}

  start(everyMs = 2000): void {
    const tick = async () => {
      for (const [name, { url, pid }] of Object.entries(this.services)) {
        const s = await readMemory(url, pid);
        if (s && s.rssMb > (this.largest.get(name)?.rssMb ?? 0)) this.largest.set(name, s);
      }
    };
    void tick();
    this.timer = setInterval(() => void tick(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  print(flags: string[]): void {
    // prom-client's names for V8's new_space, old_space… (nodejs_heap_space_size_total_bytes).
    const spaces = ['new', 'old', 'code', 'large_object'];
    console.log(
      `\nMemory at each service's largest RSS during the step (MB; node flags: ${flags.join(' ')})\n` +
        table(
          [
            'service',
            'RSS',
            'anon',
            'file',
            'heap used',
            'heap total',
            ...spaces.map((sp) => `${sp} space`),
            'external',
            'RSS − heap total',
          ],
          [...this.largest].map(([name, s]) => [
            name,
            fmt(s.rssMb, 0),
            fmt(s.anonMb, 0),
            fmt(s.fileMb, 0),
            fmt(s.heapUsedMb, 0),
            fmt(s.heapTotalMb, 0),
            ...spaces.map((sp) => fmt(s.spacesMb[sp] ?? Number.NaN, 1)),
            fmt(s.externalMb, 0),
            fmt(s.rssMb - s.heapTotalMb, 0),
          ]),
        ),
    );
  }
}
