import type { AgencyName, FaultSettingsRequest } from '@lien-thong/agency-contracts';
import type { StackService } from '../stack';

/** One thing the chaos run does to the system. */
export type FaultAction =
  | { kind: 'agency'; agency: AgencyName; settings: FaultSettingsRequest }
  | { kind: 'heal'; agency: AgencyName }
  | { kind: 'crash'; service: StackService }
  | { kind: 'sigterm'; service: StackService }
  | { kind: 'kafka-restart' }
  | { kind: 'poison'; batch: 1 | 2 };

export interface ScheduledFault {
  /** From the first submission. */
  atMs: number;
  action: FaultAction;
  /** What it stands for, in the words (printed in the run's log). */
  why: string;
}

export interface ChaosPlan {
  dossiers: number;
  /** Submissions are spread evenly over this window, overlapping the faults. */
  submitOverMs: number;
  faults: ScheduledFault[];
  /** The services' retry levels (the last one is also the deferral while a breaker is open). */
  retryDelaysMs: string;
  /** How long to wait for quiescence after the last fault before auditing anyway. */
  quiescenceTimeoutMs: number;
}

/**
 * The fault sequence, overlapping: the Justice registry down for 60 s, e-tax slow
 * (5 s) and failing half of its calls with 500, the SMS gateway down; every service
 * SIGKILLed once mid-flow (and restarted), a Kafka broker restart, a rolling restart
 * (SIGTERM) under load, two more SIGKILLs in the middle of the burst that follows an
 * outage (redeliveries: effects stored, offsets not yet committed), and poison events.
 * `scale` shrinks every time (1 for `npm run chaos`, about 1/3 for the integration test).
 */
export function chaosPlan(dossiers: number, scale = 1): ChaosPlan {
  const s = (seconds: number) => Math.round(seconds * 1000 * scale);
  const agency = (
    atMs: number,
    name: AgencyName,
    settings: FaultSettingsRequest,
    why: string,
  ): ScheduledFault => ({ atMs, action: { kind: 'agency', agency: name, settings }, why });
  const heal = (atMs: number, name: AgencyName, why: string): ScheduledFault => ({
    atMs,
    action: { kind: 'heal', agency: name },
    why,
  });
  const crash = (atMs: number, service: StackService, why: string): ScheduledFault => ({
    atMs,
    action: { kind: 'crash', service },
    why,
  });
  // e-tax goes bad first, while dossiers still pass the Justice registry and reach tax;
  // the Justice registry outage then holds the later ones back; the broker restarts once
  // the crashed services are up again, so that each fault is seen on its own as well.
  const faults: ScheduledFault[] = [
    agency(
      0,
      'e-tax',
      { errorRate: 0.5, errorStatus: 500, latencyMs: 5_000 },
      'e-tax answers 500 to half the calls, with 5 s latency',
    ),
    agency(s(5), 'sms', { outage: true }, 'SMS gateway down'),
    { atMs: s(8), action: { kind: 'poison', batch: 1 }, why: 'poison events (first batch)' },
    crash(s(12), 'land-registry', 'SIGKILL land-registry mid-flow (restarted)'),
    agency(
      s(20),
      'justice-registry',
      { outage: true },
      `Justice registry outage (${s(60) / 1000} s)`,
    ),
    crash(s(26), 'secured-transactions', 'SIGKILL secured-transactions mid-flow (restarted)'),
    crash(s(38), 'tax-obligation', 'SIGKILL tax-obligation mid-flow (restarted)'),
    crash(s(50), 'notification', 'SIGKILL notification mid-flow (restarted)'),
    heal(s(60), 'e-tax', 'e-tax healthy again'),
    heal(s(65), 'sms', 'SMS gateway back'),
    { atMs: s(68), action: { kind: 'kafka-restart' }, why: 'Kafka broker restart' },
    heal(s(80), 'justice-registry', 'Justice registry back'),
    {
      atMs: s(85),
      action: { kind: 'sigterm', service: 'land-registry' },
      why: 'SIGTERM land-registry under load (rolling restart)',
    },
    { atMs: s(88), action: { kind: 'poison', batch: 2 }, why: 'poison events (second batch)' },
    crash(s(92), 'notification', 'redelivery: SIGKILL notification in the burst after the outages'),
    crash(s(98), 'tax-obligation', 'redelivery: SIGKILL tax-obligation in the burst of slips'),
  ];
  return {
    dossiers,
    submitOverMs: s(90),
    faults: faults.sort((a, b) => a.atMs - b.atMs),
    retryDelaysMs: scale >= 1 ? '1000,5000,15000' : '500,2000,5000',
    quiescenceTimeoutMs: Math.max(120_000, s(600)),
  };
}
