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

export function readProc(pid: number): ProcSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) in parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
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

/** The Kafka broker (java) and FerretDB/mongod processes serving these addresses, if local. */
export function findInfraPids(kafkaBrokers: string, mongoUrl: string): Record<string, number> {
  const kafkaPort = kafkaBrokers.split(',')[0].split(':').pop();
  const mongoPort = /:(\d+)/.exec(mongoUrl.replace(/^mongodb(\+srv)?:\/\//, ''))?.[1];
  const found: Record<string, number> = {};
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const args = cmdline(pid);
    if (args.includes('kafka.Kafka')) {
      const props = args[args.length - 1] || args[args.length - 2];
      if (props && existsSync(props)) {
        const text = readFileSync(props, 'utf8');
        if (text.includes(`PLAINTEXT://127.0.0.1:${kafkaPort}`)) found.kafka = Number(pid);
      }
    } else if (
      (args[0]?.endsWith('ferretdb') && args.includes(`--listen-addr=127.0.0.1:${mongoPort}`)) ||
      (args[0]?.endsWith('mongod') && args.includes(String(mongoPort)))
    ) {
      found.database = Number(pid);
    }
  }
  return found;
}

/** Watches named processes: CPU seconds between two marks, RSS now, peak RSS. */
export class ProcWatch {
  private marks = new Map<string, Record<string, ProcSample | null>>();

  constructor(readonly pids: Record<string, number>) {}

  sample(): Record<string, ProcSample | null> {
    return Object.fromEntries(
      Object.entries(this.pids).map(([name, pid]) => [name, readProc(pid)]),
    );
  }

  mark(label: string): void {
    this.marks.set(label, this.sample());
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
