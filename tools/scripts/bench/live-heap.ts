// What each service still holds on to after full garbage collections, at points the soak
// chooses (bench/heap-hook.cjs does the collecting and writes the figures), and, with heap
// snapshots, which kinds of object grew between the first point and the last. The soak's
// "no growth" is judged on this, not on RSS: RSS also moves when V8 sizes its heap.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, sleep, table } from './stats';

const MB = 1024 * 1024;

export interface LiveHeapPoint {
  label: string;
  /** Per service: heap used after two full collections, MB (null when it did not answer). */
  usedMb: Record<string, number | null>;
  /** Per service: its RSS at that moment, MB (what the operator's graphs show). */
  rssMb: Record<string, number | null>;
  /** Per service: the file of its heap snapshot at this point, when snapshots are taken. */
  snapshots: Record<string, string>;
}

export class LiveHeap {
  readonly points: LiveHeapPoint[] = [];

  constructor(
    private readonly dir: string,
    private readonly pids: Record<string, number>,
    private readonly snapshots: boolean,
  ) {}

  /**
   * Asks every service to collect its garbage and report, with a heap snapshot when
   * `snapshot` and snapshots are on (a snapshot stops a service for seconds: not mid-run).
   */
  async sample(label: string, snapshot = false): Promise<LiveHeapPoint> {
    const n = this.points.length + 1;
    const flag = join(this.dir, 'snapshot');
    if (this.snapshots && snapshot) writeFileSync(flag, '');
    else rmSync(flag, { force: true });
    const file = (service: string) => join(this.dir, `${service}.heap.${n}.json`);
    // One service at a time: a collection costs a core for a moment.
    for (const [service, pid] of Object.entries(this.pids)) {
      try {
        process.kill(pid, 'SIGURG');
      } catch {
        continue;
      }
      for (let i = 0; i < 240 && !existsSync(file(service)); i++) await sleep(500);
    }
    const usedMb: Record<string, number | null> = {};
    const rssMb: Record<string, number | null> = {};
    const snapshots: Record<string, string> = {};
    for (const service of Object.keys(this.pids)) {
      if (!existsSync(file(service))) {
        usedMb[service] = null;
        rssMb[service] = null;
        continue;
      }
      const { memory } = JSON.parse(readFileSync(file(service), 'utf8')) as {
        memory: { heapUsed: number; rss: number };
      };
      usedMb[service] = memory.heapUsed / MB;
      rssMb[service] = memory.rss / MB;
      const heapSnapshot = join(this.dir, `${service}.heap.${n}.heapsnapshot`);
      if (existsSync(heapSnapshot)) snapshots[service] = heapSnapshot;
    }
    const point = { label, usedMb, rssMb, snapshots };
    this.points.push(point);
    return point;
  }

  /** Heap used after collection at each point, and the growth from the first to the last. */
  print(): Record<string, number | null> {
    const first = this.points[0];
    const last = this.points[this.points.length - 1];
    const growth: Record<string, number | null> = {};
    const rows = Object.keys(this.pids).map((service) => {
      const a = first?.usedMb[service];
      const b = last?.usedMb[service];
      growth[service] = a == null || b == null ? null : b - a;
      return [
        service,
        ...this.points.map(
          (p) =>
            `${fmt(p.usedMb[service] ?? Number.NaN, 1)} / ${fmt(p.rssMb[service] ?? Number.NaN, 0)}`,
        ),
        fmt(growth[service] ?? Number.NaN, 1),
      ];
    });
    console.log(
      `\nHeap still in use after two full collections / RSS (MB), at points of the soak (growth: of the heap, the last less the first;\n` +
        `a heap snapshot leaves the RSS of its service higher for good)\n` +
        table(['service', ...this.points.map((p) => p.label), 'growth'], rows),
    );
    if (this.snapshots && first && last && first !== last)
      for (const service of Object.keys(this.pids)) {
        const a = first.snapshots[service];
        const b = last.snapshots[service];
        if (a && b) printGrowth(service, summarizeSnapshot(a), summarizeSnapshot(b));
      }
    return growth;
  }
}

interface Kind {
  count: number;
  bytes: number;
}

/** Objects in a V8 heap snapshot by kind (constructor name, or the node type in brackets). */
export function summarizeSnapshot(file: string): Map<string, Kind> {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const kinds = new Map<string, Kind>();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const t = types[snapshot.nodes[i + type]];
    const key =
      t === 'object' || t === 'closure'
        ? `${snapshot.strings[snapshot.nodes[i + name]]}${t === 'closure' ? '()' : ''}`
        : `(${t})`;
    const kind = kinds.get(key) ?? { count: 0, bytes: 0 };
    kind.count += 1;
    kind.bytes += snapshot.nodes[i + size];
    kinds.set(key, kind);
  }
  return kinds;
}

function printGrowth(service: string, before: Map<string, Kind>, after: Map<string, Kind>): void {
  const rows = [...new Set([...before.keys(), ...after.keys()])]
    .map((key) => {
      const a = before.get(key) ?? { count: 0, bytes: 0 };
      const b = after.get(key) ?? { count: 0, bytes: 0 };
      return { key, count: b.count - a.count, bytes: b.bytes - a.bytes, now: b.count };
    })
    .filter((r) => r.bytes !== 0 || r.count !== 0)
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, 12);
  console.log(
    `\n${service}: kinds of object that grew most between the first and the last snapshot\n` +
      table(
        ['kind', 'objects added', 'KB added', 'objects at the end'],
        rows.map((r) => [
          r.key.slice(0, 60),
          fmt(r.count, 0),
          fmt(r.bytes / 1024, 1),
          fmt(r.now, 0),
        ]),
      ),
  );
}
