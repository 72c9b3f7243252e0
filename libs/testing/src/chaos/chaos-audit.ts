import type { Stack } from '../stack';
import type { ChaosDatabases } from './chaos-databases';
import type { Submission } from './chaos-citizens';
import type { PoisonEvent } from './chaos-poison';
import { BusHistory } from './chaos-bus';
import { auditCharges } from './chaos-charges';
import { auditLifecycle } from './chaos-lifecycle';
import { auditBreakers, auditDeadLetters } from './chaos-dead-letters';
import { auditNotifications, NotificationAudit } from './chaos-notifications';
import { auditConstruction } from './chaos-construction';

/** The notification template that tells a citizen their payment was refunded. */
const REFUND_TEMPLATE = 'PAYMENT_REFUNDED';

/** The line the issue asks for, in its order. */
export interface ChaosSummary {
  submitted: number;
  registered: number;
  refused: number;
  waitingForCitizen: number;
  lost: number;
  duplicateNotices: number;
  duplicatePayments: number;
  duplicateNotifications: number;
  deadLetters: number;
  breakerOpens: Record<string, Record<string, number>>;
  recoverySeconds: number;
  withdrawn: number;
  chargedWithoutLiveDossier: number;
  refundsMissing: number;
  registeredWithoutApproval: number;
  ownersLost: number;
  /** Received dossiers waiting, at the end, for something that will not come. */
  stuck: number;
  /** House registrations (issue 15) submitted; the zeros below are theirs (chaos-construction.ts). */
  houses: number;
  constructionRequestsUnanswered: number;
  constructionAnswersDuplicated: number;
  houseDossiersStuck: number;
  housesMisrecorded: number;
  houseChargesWrong: number;
}

export interface DossierOutcome {
  dossierCode: string | null;
  scenario: string;
  expected: string;
  actual: string;
  /** The last step in its timeline, to start an investigation from. */
  lastStep?: string;
  /** The topics that carried something about it (retries included). */
  trace?: string;
}

export interface ChaosAudit {
  summary: ChaosSummary;
  /** Settled, but not as the law says (e.g. registered although a hold was placed). */
  unexpected: DossierOutcome[];
  lostDossiers: DossierOutcome[];
  byScenario: Record<string, Record<string, number>>;
  notifications: NotificationAudit;
  deadLetters: { explained: number; unexplained: string[]; poisonNotDeadLettered: string[] };
  deadLetterTopics: Record<string, { messages: number; withReason: number }>;
  breakerCloses: Record<string, Record<string, number>>;
  /** Opens counted by each service's /health since its last (re)start. */
  healthOpens: Record<string, Record<string, number>>;
  /** Dossiers still marked as waiting for an agency (should be none once it is back). */
  stillWaitingForAgency: number;
  /** Dossiers whose timeline says they waited for an agency, per agency. */
  waitedInTimeline: Record<string, number>;
}

interface DossierDoc {
  _id: string;
  status: string;
  timeline?: { step: string; at: Date; actor: string }[];
  refusal?: { code: string } | null;
  waitingFor?: { agency: string } | null;
}

const SETTLED = [
  'RESULT_READY',
  'DONE',
  'REFUSED',
  'WITHDRAWN',
  'WAITING_FOR_PAYMENT',
  'SUPPLEMENT_REQUESTED',
];

/** Every submission: settled as the law says (or not), or lost. */
function outcomesOf(submissions: Submission[], dossiers: Map<string, DossierDoc>, bus: BusHistory) {
  return submissions.map((s) => {
    const d = s.dossierCode ? dossiers.get(s.dossierCode) : undefined;
    const actual = !s.dossierCode
      ? `not received (${s.rejected ? `HTTP ${s.rejected.status} ${String(s.rejected.code)}` : 'no answer'})`
      : !d
        ? 'missing from the land registry'
        : d.refusal
          ? `${d.status} (${d.refusal.code})`
          : d.status;
    const e = s.citizen.expected;
    const settled = !!d && SETTLED.includes(d.status);
    const last = d?.timeline?.[d.timeline.length - 1];
    return {
      dossierCode: s.dossierCode ?? null,
      scenario: s.citizen.scenario.name,
      expected: e.refusalCode ? `${e.status} (${e.refusalCode})` : e.status,
      actual,
      lastStep: last ? `${last.step} at ${new Date(last.at).toISOString()}` : undefined,
      trace: s.dossierCode && !settled ? bus.trace(s.dossierCode) : undefined,
      settled,
      status: d?.status,
    };
  });
}

/**
 * Audits the whole history after quiescence, from what each service stored (databases),
 * what the agencies recorded (simulators), what went over the bus (topics) and what the
 * services report (dead letters, health).
 */
export async function auditChaos(input: {
  stack: Stack;
  databases: ChaosDatabases;
  submissions: Submission[];
  poison: PoisonEvent[];
  recoverySeconds: number;
}): Promise<ChaosAudit> {
  const { stack, databases: db, submissions } = input;
  const bus = await BusHistory.read(stack.namespace);
  const dossiers = new Map(
    (
      await db.find<DossierDoc>(
        'land-registry',
        'dossiers',
        {},
        { _id: 1, status: 1, refusal: 1, waitingFor: 1, timeline: 1 },
      )
    ).map((d) => [d._id, d]),
  );
  const outcomes = outcomesOf(submissions, dossiers, bus);
  const lostDossiers = outcomes.filter((o) => !o.settled);
  const unexpected = outcomes.filter(
    (o) =>
      o.settled &&
      o.actual !== o.expected &&
      !(o.expected === 'RESULT_READY' && o.actual === 'DONE'),
  );
  const byScenario: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    const row = (byScenario[o.scenario] ??= {});
    row[o.actual] = (row[o.actual] ?? 0) + 1;
  }
  const charges = await auditCharges(db, bus);
  const lifecycle = await auditLifecycle(db, REFUND_TEMPLATE);
  const { houseOwnersLost, ...construction } = await auditConstruction(db, bus, submissions);
  const notifications = await auditNotifications({
    stack,
    databases: db,
    submissions,
    events: (t) => bus.events(t),
  });
  const letters = await auditDeadLetters(stack, bus, input.poison);
  const breakers = await auditBreakers(stack, bus);
  const inStatus = (...statuses: string[]) =>
    outcomes.filter((o) => o.status !== undefined && statuses.includes(o.status)).length;
  return {
    summary: {
      submitted: submissions.length,
      registered: inStatus('RESULT_READY', 'DONE'),
      refused: inStatus('REFUSED'),
      waitingForCitizen: inStatus('WAITING_FOR_PAYMENT', 'SUPPLEMENT_REQUESTED'),
      lost: lostDossiers.length,
      duplicateNotices: charges.duplicateNotices,
      duplicatePayments: charges.duplicatePayments,
      duplicateNotifications: notifications.duplicates,
      deadLetters: letters.count,
      breakerOpens: breakers.opens,
      recoverySeconds: input.recoverySeconds,
      withdrawn: inStatus('WITHDRAWN'),
      ...lifecycle,
      ownersLost: lifecycle.ownersLost + houseOwnersLost,
      stuck: lostDossiers.filter((o) => o.dossierCode).length,
      ...construction,
    },
    unexpected,
    lostDossiers,
    byScenario,
    notifications,
    deadLetters: {
      explained: letters.explained,
      unexplained: letters.unexplained,
      poisonNotDeadLettered: letters.poisonNotDeadLettered,
    },
    deadLetterTopics: letters.topics,
    breakerCloses: breakers.closes,
    healthOpens: breakers.healthOpens,
    stillWaitingForAgency: [...dossiers.values()].filter((d) => d.waitingFor).length,
    waitedInTimeline: [...dossiers.values()]
      .flatMap((d) => (d.timeline ?? []).filter((t) => t.step === 'WAITING_FOR_AGENCY'))
      .reduce<Record<string, number>>((m, t) => ({ ...m, [t.actor]: (m[t.actor] ?? 0) + 1 }), {}),
  };
}
