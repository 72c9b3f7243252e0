// CPU per dossier split by process, and what is ours (issue 18): our services, Kafka and our
// database server (FerretDB and the PostgreSQL cluster under it) count; the agency
// simulators and their own database server stand in for other agencies' systems and are
// reported apart.
import { ProcWatch, readProc } from './proc';
import { fmt, table } from './stats';

/** Processes that are not ours: the simulators and their database server. */
export const isSimulators = (name: string) =>
  name === 'agency-simulators' || name.startsWith('simulators-');

export interface CpuSplit {
  /** CPU ms per registered dossier of each process. */
  byProcess: Record<string, number>;
  ours: number;
  simulators: number;
}

export function cpuSplit(cpuSec: Record<string, number>, dossiers: number): CpuSplit {
  const byProcess = Object.fromEntries(
    Object.entries(cpuSec).map(([name, s]) => [name, (s / Math.max(1, dossiers)) * 1000]),
  );
  const sum = (keep: (name: string) => boolean) =>
    Object.entries(byProcess)
      .filter(([name, ms]) => keep(name) && Number.isFinite(ms))
      .reduce((s, [, ms]) => s + ms, 0);
  return {
    byProcess,
    ours: sum((n) => !isSimulators(n)),
    simulators: sum(isSimulators),
  };
}

/** The table: each process's CPU in a phase, per dossier, its memory; then the two sums. */
export function printCpuSplit(
  watch: ProcWatch,
  phase: { label: string; cpuSec: Record<string, number>; registered: number },
): CpuSplit {
  const split = cpuSplit(phase.cpuSec, phase.registered);
  console.log(
    `\nCPU by process in "${phase.label}" (${phase.registered} dossiers; *-postgres: the whole PostgreSQL cluster)\n${table(
      ['process', 'whose', 'CPU s', 'CPU ms per dossier', 'RSS now MB', 'peak RSS MB'],
      [
        ...Object.keys(watch.pids).map((name) => {
          const p = readProc(watch.pids[name]);
          return [
            name,
            isSimulators(name) ? 'simulators' : 'ours',
            fmt(phase.cpuSec[name], 1),
            fmt(split.byProcess[name], 0),
            fmt(p?.rssMb ?? Number.NaN, 0),
            fmt(p?.peakRssMb ?? Number.NaN, 0),
          ];
        }),
        ['ours (services, Kafka, database)', '', '', fmt(split.ours, 0), '', ''],
        ['simulators (node and database)', '', '', fmt(split.simulators, 0), '', ''],
      ],
    )}`,
  );
  return split;
}
