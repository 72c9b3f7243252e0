import type { AgencyName, FaultSettingsRequest } from '@lien-thong/agency-contracts';
import type { StackService } from '../stack';

/** One thing the chaos run does to the system. */
export type FaultAction =
  | { kind: 'agency'; agency: AgencyName; settings: FaultSettingsRequest }
  | { kind: 'heal'; agency: AgencyName }
  | { kind: 'crash'; service: StackService }
  | { kind: 'sigterm'; service: StackService }
  | { kind: 'kafka-restart' }
  /** SIGKILL the cluster node leading most of the run's partitions (a cluster run only). */
  | { kind: 'kafka-kill-leader' }
  /** Start the node killed above again; it catches up as a follower. */
  | { kind: 'kafka-restart-killed' }
  | { kind: 'poison'; batch: 1 | 2 };

export interface ScheduledFault {
  /** From the first submission. */
  atMs: number;
  action: FaultAction;
  /** What it stands for, in the words (printed in the run's log). */
  why: string;
}

export interface ChaosPlan {
  name: 'full' | 'small' | 'cluster';
  dossiers: number;
  /** Submissions are spread evenly over this window, overlapping the faults. */
  submitOverMs: number;
  faults: ScheduledFault[];
  /** The services' retry levels (the last one is also the deferral while a breaker is open). */
  retryDelaysMs: string;
  /** How long to wait for quiescence after the last fault before auditing anyway. */
  quiescenceTimeoutMs: number;
}

const S = 1000;
const E_TAX_BAD: FaultSettingsRequest = { errorRate: 0.5, errorStatus: 500, latencyMs: 5_000 };
const CONSTRUCTION_FLAKY: FaultSettingsRequest = { errorRate: 0.5, errorStatus: 500 };

const agency = (
  at: number,
  name: AgencyName,
  settings: FaultSettingsRequest,
  why: string,
): ScheduledFault => ({ atMs: at * S, action: { kind: 'agency', agency: name, settings }, why });
const heal = (at: number, name: AgencyName, why: string): ScheduledFault => ({
  atMs: at * S,
  action: { kind: 'heal', agency: name },
  why,
});
const crash = (at: number, service: StackService, why: string): ScheduledFault => ({
  atMs: at * S,
  action: { kind: 'crash', service },
  why,
});
const sigterm = (at: number, service: StackService, why: string): ScheduledFault => ({
  atMs: at * S,
  action: { kind: 'sigterm', service },
  why,
});
const poison = (at: number, batch: 1 | 2): ScheduledFault => ({
  atMs: at * S,
  action: { kind: 'poison', batch },
  why: `poison events (batch ${batch})`,
});
const kafkaRestart = (at: number): ScheduledFault => ({
  atMs: at * S,
  action: { kind: 'kafka-restart' },
  why: 'Kafka broker restart',
});

/**
 * `npm run chaos`: the issue's faults in sequence and overlapping. e-tax goes bad first
 * (500 to half the calls, 5 s latency) while dossiers still pass the Justice registry and
 * reach tax; the SMS gateway goes down; the Justice registry is down for 60 s and holds
 * the later dossiers back (secured-transactions is killed only once it is back, so that
 * the outage is seen whole: breaker, dossiers waiting, officers' backlog); every service
 * is SIGKILLed once mid-flow, the broker restarts between the crashes, land-registry gets
 * a SIGTERM under load, and two more SIGKILLs hit the burst after the outages
 * (redeliveries: effects stored, offsets not yet committed); poison events twice. The
 * construction department (issue 15) fails half its calls at first, then is down for 74 s
 * from the moment the first house registrations are in its hands (their answers pending)
 * until after the Justice outage has released the later ones; the construction service is
 * SIGKILLed while it keeps the requests, and comes back after the Justice registry, so that
 * the released houses find it still down.
 */
export function fullChaosPlan(dossiers: number): ChaosPlan {
  const faults = [
    agency(0, 'e-tax', E_TAX_BAD, 'e-tax answers 500 to half the calls, with 5 s latency'),
    agency(
      0,
      'construction',
      CONSTRUCTION_FLAKY,
      'construction department answers 500 to half the calls',
    ),
    agency(5, 'sms', { outage: true }, 'SMS gateway down'),
    poison(8, 1),
    crash(12, 'land-registry', 'SIGKILL land-registry mid-flow (restarted)'),
    agency(
      12,
      'construction',
      { outage: true },
      'construction department outage (74 s), house registrations pending at it',
    ),
    agency(20, 'justice-registry', { outage: true }, 'Justice registry outage (60 s)'),
    crash(38, 'tax-obligation', 'SIGKILL tax-obligation mid-flow (restarted)'),
    crash(45, 'construction', 'SIGKILL construction while the department is down (restarted)'),
    crash(50, 'notification', 'SIGKILL notification mid-flow (restarted)'),
    heal(60, 'e-tax', 'e-tax healthy again'),
    heal(65, 'sms', 'SMS gateway back'),
    kafkaRestart(68),
    heal(80, 'justice-registry', 'Justice registry back'),
    heal(86, 'construction', 'construction department back'),
    crash(
      84,
      'secured-transactions',
      'SIGKILL secured-transactions in the burst of deferred checks',
    ),
    sigterm(88, 'land-registry', 'SIGTERM land-registry under load (rolling restart)'),
    poison(90, 2),
    crash(94, 'notification', 'redelivery: SIGKILL notification in the burst after the outages'),
    crash(98, 'tax-obligation', 'redelivery: SIGKILL tax-obligation in the burst of slips'),
  ];
  return {
    name: 'full',
    dossiers,
    submitOverMs: 90 * S,
    faults,
    retryDelaysMs: '1000,5000,15000',
    quiescenceTimeoutMs: 900 * S,
  };
}

/**
 * The integration test's version: the same kinds of fault, shorter (20–30 s outages), one
 * wave of SIGKILLs of all four services in the burst after the outages (each a crash
 * mid-flow and a redelivery), a SIGTERM under load, and the broker restart last: at the
 * start it could keep the consumers rejoining through the whole Justice outage, which the
 * test then never saw. The construction department fails half its calls, then is down
 * from 6 s (the first two houses' answers pending at it) to 44 s, past the Justice outage
 * and the wave of SIGKILLs, which kills the construction service too.
 */
export function smallChaosPlan(dossiers: number): ChaosPlan {
  const faults = [
    agency(0, 'e-tax', E_TAX_BAD, 'e-tax answers 500 to half the calls, with 5 s latency'),
    agency(
      0,
      'construction',
      CONSTRUCTION_FLAKY,
      'construction department answers 500 to half the calls',
    ),
    agency(2, 'sms', { outage: true }, 'SMS gateway down'),
    poison(3, 1),
    agency(4, 'justice-registry', { outage: true }, 'Justice registry outage (24 s)'),
    agency(
      6,
      'construction',
      { outage: true },
      'construction department outage (38 s), house registrations pending at it',
    ),
    heal(28, 'justice-registry', 'Justice registry back'),
    heal(30, 'e-tax', 'e-tax healthy again'),
    heal(30, 'sms', 'SMS gateway back'),
    ...(
      [
        'land-registry',
        'secured-transactions',
        'tax-obligation',
        'notification',
        'construction',
      ] as const
    ).map((service) => crash(32, service, `SIGKILL ${service} in the burst after the outages`)),
    poison(33, 2),
    sigterm(34, 'land-registry', 'SIGTERM land-registry under load (after its restart)'),
    kafkaRestart(40),
    heal(44, 'construction', 'construction department back'),
  ];
  return {
    name: 'small',
    dossiers,
    submitOverMs: 30 * S,
    faults,
    retryDelaysMs: '500,2000,5000',
    quiescenceTimeoutMs: 240 * S,
  };
}

/**
 * Issue 17, a cluster that loses a node (`e2e/src/cluster.int-spec.ts`, three brokers,
 * replication 3, min.insync.replicas=2): no agency fault and no service crash, only the
 * broker that leads most of the run's partitions SIGKILLed in the middle of the burst, and
 * started again once the burst is over. The producers' acks=all still get two in-sync
 * replicas; the consumers follow the new leaders and group coordinators.
 */
export function clusterChaosPlan(dossiers: number): ChaosPlan {
  return {
    name: 'cluster',
    dossiers,
    submitOverMs: 20 * S,
    faults: [
      {
        atMs: 8 * S,
        action: { kind: 'kafka-kill-leader' },
        why: 'SIGKILL the Kafka node leading most partitions of the run, mid-burst',
      },
      {
        atMs: 30 * S,
        action: { kind: 'kafka-restart-killed' },
        why: 'the killed Kafka node starts again',
      },
    ],
    retryDelaysMs: '500,2000,5000',
    quiescenceTimeoutMs: 150 * S,
  };
}
