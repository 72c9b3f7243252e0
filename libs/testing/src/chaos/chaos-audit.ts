import { Topics, TopicName } from '@lien-thong/contracts';
import { STACK_SERVICES, Stack, StackService } from '../stack';
import type { ChaosDatabases } from './chaos-databases';
import type { Submission } from './chaos-citizens';
import type { PoisonEvent } from './chaos-poison';
import { readTopics, TopicMessage } from './chaos-topics';
import { request } from './chaos-http';
import { auditNotifications, NotificationAudit } from './chaos-notifications';

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
}

interface DossierDoc {
  _id: string;
  status: string;
  timeline?: { step: string; at: Date }[];
  refusal?: { code: string } | null;
  waitingFor?: { agency: string } | null;
}
interface AssessmentDoc {
  _id: string;
  dossierCode: string;
  status: string;
  notices: { noticeNumber: string }[];
}
interface FilingDoc {
  _id: string;
  dossierCode: string;
  notices: { noticeNumber: string }[];
}
interface OrderDoc {
  _id: string;
  dossierCode: string;
}
interface DeadLetterView {
  _id: string;
  consumer: string;
  topic: string;
  key: string | null;
  errorCode: string;
}

const SETTLED = ['RESULT_READY', 'DONE', 'REFUSED', 'WAITING_FOR_PAYMENT', 'SUPPLEMENT_REQUESTED'];
const count = <T>(items: T[], key: (t: T) => string) => {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
};
/** Distinct events of a topic (the outbox publishes at least once: a repeat has the same id). */
function distinctEvents(
  messages: TopicMessage[],
): { eventId: string; dossierKey: string; payload: Record<string, unknown> }[] {
  const seen = new Map<
    string,
    { eventId: string; dossierKey: string; payload: Record<string, unknown> }
  >();
  for (const m of messages) {
    try {
      const e = JSON.parse(m.value) as {
        eventId?: string;
        dossierKey?: string;
        payload?: Record<string, unknown>;
      };
      if (e.eventId && e.dossierKey)
        seen.set(e.eventId, {
          eventId: e.eventId,
          dossierKey: e.dossierKey,
          payload: e.payload ?? {},
        });
    } catch {
      // poison: not an event of this audit
    }
  }
  return [...seen.values()];
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
  const { stack, databases: db, submissions, poison } = input;
  const ns = stack.namespace;
  const physical = (t: TopicName) => `${ns}.${t}`;
  const dlqTopic = (s: StackService) => `${ns}.lien-thong.${s}.dlq`;
  const services = STACK_SERVICES.filter((s) => s !== 'agency-simulators');
  const retryTopics = services.flatMap((s) =>
    [1, 2, 3, 4, 5].map((level) => `${ns}.lien-thong.${s}.retry-${level}`),
  );
  const topics = await readTopics([
    ...Object.values(Topics).map(physical),
    ...services.map(dlqTopic),
    ...retryTopics,
  ]);
  // What went over the bus about one dossier, to start an investigation from.
  const trace = (code: string) =>
    [...topics.values()]
      .flat()
      .filter((m) => m.key === code)
      .map((m) => m.topic.slice(ns.length + 1))
      .join(', ');
  const events = (t: TopicName) => distinctEvents(topics.get(physical(t)) ?? []);

  // Every dossier: settled as the law says, or lost.
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
  const outcomes = submissions.map((s) => {
    const d = s.dossierCode ? dossiers.get(s.dossierCode) : undefined;
    const actual = !s.dossierCode
      ? `not received (${s.rejected ? `HTTP ${s.rejected.status} ${String(s.rejected.code)}` : 'no answer'})`
      : !d
        ? 'missing from the land registry'
        : d.refusal
          ? `${d.status} (${d.refusal.code})`
          : d.status;
    const e = s.citizen.expected;
    return {
      dossierCode: s.dossierCode ?? null,
      scenario: s.citizen.scenario.name,
      expected: e.refusalCode ? `${e.status} (${e.refusalCode})` : e.status,
      actual,
      lastStep: d?.timeline?.length
        ? `${d.timeline[d.timeline.length - 1].step} at ${new Date(d.timeline[d.timeline.length - 1].at).toISOString()}`
        : undefined,
      settled: !!d && SETTLED.includes(d.status),
      trace: s.dossierCode && !(d && SETTLED.includes(d.status)) ? trace(s.dossierCode) : undefined,
      status: d?.status,
    };
  });
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

  // No double charge: e-tax notices versus the assessment that stands, gateway payments.
  const assessments = await db.find<AssessmentDoc>(
    'tax-obligation',
    'assessments',
    {},
    { _id: 1, dossierCode: 1, status: 1, notices: 1 },
  );
  const filings = await db.find<FilingDoc>(
    'agency-simulators',
    'etax_filings',
    {},
    { _id: 1, dossierCode: 1, notices: 1 },
  );
  // The notices the citizen was given are those of the first assessment that stands;
  // anything else e-tax issued for the dossier, or a second announcement, is a duplicate.
  const expectedNotices = new Map<string, number>();
  for (const a of assessments.filter((a) => a.status !== 'RETURNED'))
    if (!expectedNotices.has(a.dossierCode)) expectedNotices.set(a.dossierCode, a.notices.length);
  const issued = new Map<string, number>();
  for (const f of filings)
    issued.set(f.dossierCode, (issued.get(f.dossierCode) ?? 0) + f.notices.length);
  let duplicateNotices = 0;
  for (const [code, n] of issued)
    duplicateNotices += Math.max(0, n - (expectedNotices.get(code) ?? 0));
  for (const [, n] of count(events(Topics.ObligationsAssessed), (e) => e.dossierKey))
    duplicateNotices += Math.max(0, n - 1);

  const orders = await db.find<OrderDoc>(
    'agency-simulators',
    'payment_orders',
    {},
    { _id: 1, dossierCode: 1 },
  );
  const transactions = await db.find<{ _id: string }>(
    'agency-simulators',
    'payment_transactions',
    {},
    { _id: 1 },
  );
  const orderDossier = new Map(orders.map((o) => [o._id, o.dossierCode]));
  const gatewayPaid = count(transactions, (t) => orderDossier.get(t._id) ?? t._id);
  const recordedPaid = count(
    assessments.filter((a) => a.status === 'PAID'),
    (a) => a.dossierCode,
  );
  const paidEvents = count(events(Topics.ObligationsPaid), (e) => e.dossierKey);
  let duplicatePayments = 0;
  for (const m of [gatewayPaid, recordedPaid, paidEvents])
    for (const [, n] of m) duplicatePayments += Math.max(0, n - 1);

  const notifications = await auditNotifications({ stack, databases: db, submissions, events });

  // Dead letters: every one must be a poison event we put there, at each consumer of its topic.
  const letters: DeadLetterView[] = [];
  for (const s of services) {
    const answer = await request('GET', `${stack.url[s]}/admin/dead-letters?status=all`);
    const items = (answer.body.items ?? []) as DeadLetterView[];
    letters.push(...items);
  }
  const groupOf = (s: StackService) => `${ns}.lien-thong.${s}`;
  const explainedBy = (l: DeadLetterView) =>
    poison.find(
      (p) =>
        p.key === l.key &&
        p.consumers.some((c) => groupOf(c) === l.consumer) &&
        p.code === l.errorCode,
    );
  const unexplained = letters
    .filter((l) => !explainedBy(l))
    .map((l) => `${l.consumer} ${l.topic} ${l.key ?? ''} ${l.errorCode}`);
  const poisonNotDeadLettered = poison.flatMap((p) =>
    p.consumers
      .filter((c) => !letters.some((l) => l.key === p.key && l.consumer === groupOf(c)))
      .map((c) => `${p.key} (${p.what}) at ${c}`),
  );
  const deadLetterTopics = Object.fromEntries(
    services.map((s) => {
      const list = topics.get(dlqTopic(s)) ?? [];
      return [
        s,
        { messages: list.length, withReason: list.filter((m) => m.headers['x-error-code']).length },
      ];
    }),
  );

  // Breakers: every change went over the bus (AgencyAvailabilityChanged); /health counts since start.
  const breakerOpens: Record<string, Record<string, number>> = {};
  const breakerCloses: Record<string, Record<string, number>> = {};
  for (const e of events(Topics.AgencyAvailabilityChanged)) {
    const { agency, state, observedBy } = e.payload as {
      agency: string;
      state: string;
      observedBy: string;
    };
    const target = state === 'OPEN' ? breakerOpens : state === 'CLOSED' ? breakerCloses : undefined;
    if (!target) continue;
    const row = (target[observedBy] ??= {});
    row[agency] = (row[agency] ?? 0) + 1;
  }
  const healthOpens: Record<string, Record<string, number>> = {};
  for (const s of services) {
    const health = await request('GET', `${stack.url[s]}/health`).catch(() => undefined);
    const checks = health?.body.checks as
      { agencies?: { opens?: Record<string, number> } } | undefined;
    if (checks?.agencies?.opens) healthOpens[s] = checks.agencies.opens;
  }

  const registered = outcomes.filter(
    (o) => o.status === 'RESULT_READY' || o.status === 'DONE',
  ).length;
  return {
    summary: {
      submitted: submissions.length,
      registered,
      refused: outcomes.filter((o) => o.status === 'REFUSED').length,
      waitingForCitizen: outcomes.filter(
        (o) => o.status === 'WAITING_FOR_PAYMENT' || o.status === 'SUPPLEMENT_REQUESTED',
      ).length,
      lost: lostDossiers.length,
      duplicateNotices,
      duplicatePayments,
      duplicateNotifications: notifications.duplicates,
      deadLetters: letters.length,
      breakerOpens,
      recoverySeconds: input.recoverySeconds,
    },
    unexpected,
    lostDossiers,
    byScenario,
    notifications,
    deadLetters: {
      explained: letters.length - unexplained.length,
      unexplained,
      poisonNotDeadLettered,
    },
    deadLetterTopics,
    breakerCloses,
    healthOpens,
    stillWaitingForAgency: [...dossiers.values()].filter((d) => d.waitingFor).length,
  };
}
