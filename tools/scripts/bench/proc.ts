// CPU time and memory of processes, from /proc (Linux), and finding this run's Kafka and
// database processes among those other runs on the same machine may have started.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcSample {
  /** User + system CPU seconds since the process started. */
  cpuSec: number;
  rssMb: number;
  /** Peak resident set size since the process started (VmHWM). */
  peakRssMb: number;
}

/**
 * A process's or thread's /proc stat, from its state on (the command name before it, in
 * parentheses, may contain spaces): [1] the parent, [11] + [12] its own user and system
 * ticks, [13] + [14] those of the children it has reaped.
 */
function statFields(path: string): string[] {
  const stat = readFileSync(path, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

export function readProc(pid: number): ProcSample | null {
  try {
    const fields = statFields(`/proc/${pid}/stat`);
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return {
      cpuSec: ticks / CLOCK_TICKS,
      rssMb: kb('VmRSS') / 1024,
      peakRssMb: kb('VmHWM') / 1024,
    };
  } catch {
    return null;
  }
}

function cmdline(pid: string): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

const portOf = (url: string) => /:(\d+)/.exec(url.replace(/^mongodb(\+srv)?:\/\//, ''))?.[1];

/**
 * The Kafka broker (java) and the database servers serving these addresses, if local:
 * `database` is FerretDB (or mongod), `database-postgres` the PostgreSQL cluster under it
 * (its postmaster: read with readTreeCpu, since each connection is a process of its own).
 * With `simulatorsMongoUrl` on another port, the simulators' server is found too, as
 * `simulators-database` and `simulators-database-postgres`.
 */
export function findInfraPids(
  kafkaBrokers: string,
  mongoUrl: string,
  simulatorsMongoUrl?: string,
): Record<string, number> {
  const kafkaPort = kafkaBrokers.split(',')[0].split(':').pop();
  const servers: Record<string, string | undefined> = { database: portOf(mongoUrl) };
  const simPort = simulatorsMongoUrl ? portOf(simulatorsMongoUrl) : undefined;
  if (simPort && simPort !== servers.database) servers['simulators-database'] = simPort;
  const found: Record<string, number> = {};
  const postgresPorts: Record<string, string> = {};
  const all = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  for (const pid of all) {
    const args = cmdline(pid);
    // The JVM itself, not tools/infra/guard.mjs (a node process with the same arguments).
    if (args.includes('kafka.Kafka') && args[0]?.endsWith('java')) {
      const props = args[args.length - 1] || args[args.length - 2];
      if (props && existsSync(props)) {
        const text = readFileSync(props, 'utf8');
        if (new RegExp(`^listeners=.*://127\\.0\\.0\\.1:${kafkaPort}\\b`, 'm').test(text))
          found.kafka = Number(pid);
      }
      continue;
    }
    for (const [name, port] of Object.entries(servers)) {
      const ferret =
        args[0]?.endsWith('ferretdb') && args.includes(`--listen-addr=127.0.0.1:${port}`);
      if (ferret || (args[0]?.endsWith('mongod') && args.includes(String(port)))) {
        found[name] = Number(pid);
        const pg = args.find((a) => a.startsWith('--postgresql-url='));
        const pgPort = pg && /@[^:/]+:(\d+)\//.exec(pg)?.[1];
        if (pgPort) postgresPorts[`${name}-postgres`] = pgPort;
      }
    }
  }
  // The postmaster: `postgres -D <dir> -p <port>`, whose children are the backends.
  for (const pid of all) {
    const args = cmdline(pid);
    if (!args[0]?.endsWith('postgres')) continue;
    const port = args[args.indexOf('-p') + 1];
    for (const [name, pgPort] of Object.entries(postgresPorts))
      if (args.includes('-p') && port === pgPort) found[name] = Number(pid);
  }
  return found;
}

/**
 * CPU seconds of a process and all its descendants, dead ones included: the live ones'
 * own time plus what each has collected from the children it has reaped (cutime, cstime).
 * A PostgreSQL cluster is a postmaster with one backend per connection.
 */
export function readTreeCpu(root: number): number | null {
  const stats = new Map<number, { ppid: number; own: number; reaped: number }>();
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const f = statFields(`/proc/${p}/stat`);
      stats.set(Number(p), {
        ppid: Number(f[1]),
        own: Number(f[11]) + Number(f[12]),
        reaped: Number(f[13]) + Number(f[14]),
      });
    } catch {
      // gone meanwhile
    }
  }
  if (!stats.has(root)) return null;
  let ticks = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const s = stats.get(pid);
    if (!s) continue;
    ticks += s.own + s.reaped;
    for (const [child, c] of stats) if (c.ppid === pid) queue.push(child);
  }
  return ticks / CLOCK_TICKS;
}

/**
 * What a JVM thread does, from its name (/proc/<pid>/task/<tid>/comm, 15 characters): the
 * JIT compiler's threads work hardest in a JVM's first minutes, and a broker started for the
 * run is in those minutes.
 */
export function jvmThreadKind(name: string): string {
  if (/CompilerThre/.test(name)) return 'JIT compiler';
  if (/^(GC |G1 |VM Periodic)/.test(name)) return 'garbage collector';
  if (/^data-plane/.test(name)) return 'requests (network, handlers)';
  if (/^(kafka-\d+-raft|quorum|kafka-\d+-metadat)/.test(name)) return 'KRaft metadata';
  if (/^group-coord/.test(name)) return 'group coordinator';
  return 'other';
}

/** CPU seconds of a process's threads, summed by kind (`kindOf` their names). */
export function readThreadCpu(pid: number, kindOf: (name: string) => string): Map<string, number> {
  const byKind = new Map<string, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byKind;
  }
  for (const tid of tids) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      const f = statFields(`/proc/${pid}/task/${tid}/stat`);
      const kind = kindOf(name);
      byKind.set(kind, (byKind.get(kind) ?? 0) + (Number(f[11]) + Number(f[12])) / CLOCK_TICKS);
    } catch {
      // the thread ended meanwhile (its time stays in the process's, not in any kind)
    }
  }
  return byKind;
}

/** Watches named processes: CPU seconds between two marks, RSS now, peak RSS. */
export class ProcWatch {
  private marks = new Map<string, Record<string, ProcSample | null>>();
  /** The Kafka broker's CPU by kind of thread at each mark (jvmThreadKind). */
  private brokerMarks = new Map<string, Map<string, number>>();

  /** `trees`: the names whose CPU is the whole process tree's (PostgreSQL's postmaster). */
  constructor(
    readonly pids: Record<string, number>,
    private readonly trees: ReadonlySet<string> = new Set(
      Object.keys(pids).filter((n) => n.endsWith('-postgres')),
    ),
  ) {}

  sample(): Record<string, ProcSample | null> {
    return Object.fromEntries(
      Object.entries(this.pids).map(([name, pid]) => {
        const p = readProc(pid);
        const tree = this.trees.has(name) ? readTreeCpu(pid) : null;
        return [name, p && tree !== null ? { ...p, cpuSec: tree } : p];
      }),
    );
  }

  mark(label: string): void {
    this.marks.set(label, this.sample());
    if (this.pids.kafka) this.brokerMarks.set(label, readThreadCpu(this.pids.kafka, jvmThreadKind));
  }

  /** The broker's CPU seconds by kind of thread since a mark. */
  brokerThreadsSince(from: string): Map<string, number> {
    const a = this.brokerMarks.get(from);
    const b = this.pids.kafka ? readThreadCpu(this.pids.kafka, jvmThreadKind) : new Map();
    if (!a) return new Map();
    return new Map([...b].map(([kind, sec]) => [kind, sec - (a.get(kind) ?? 0)] as const));
  }

  /** CPU seconds each process used between two marks (the second defaults to now). */
  cpuBetween(from: string, to?: string): Record<string, number> {
    const a = this.marks.get(from);
    const b = to ? this.marks.get(to) : this.sample();
    if (!a || !b) throw new Error(`no mark ${from}${to ? ` or ${to}` : ''}`);
    return Object.fromEntries(
      Object.keys(this.pids).map((name) => [
        name,
        (b[name]?.cpuSec ?? Number.NaN) - (a[name]?.cpuSec ?? Number.NaN),
      ]),
    );
  }
}

/**
 * The machine's CPU time so far, all cores (/proc/stat): busy, and busy plus idle. Between
 * two readings, busy ÷ all is the share of the machine's cores that were working.
 */
export function machineTicks(): { busy: number; all: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
  // user nice system idle iowait irq softirq steal (guest time is inside user already)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const busy = user + nice + system + irq + softirq + (steal || 0);
  return { busy, all: busy + idle + (iowait || 0) };
}

/** One line about the machine, for the report. */
export function machine(): { cpu: string; cores: number; memGb: number; load: number[] } {
  const list = cpus();
  return {
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    memGb: Math.round(totalmem() / 2 ** 30),
    load: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
