import { Topics } from '@lien-thong/contracts';
import type { Stack, StackService } from '../stack';
import { BUS_SERVICES, BusHistory } from './chaos-bus';
import { asOperator, request } from './chaos-http';
import type { PoisonEvent } from './chaos-poison';

export interface DeadLetterAudit {
  count: number;
  explained: number;
  /** Dead letters that are not poison we injected (each one is a bug). */
  unexplained: string[];
  /** Poison a consumer of its topic did not dead-letter. */
  poisonNotDeadLettered: string[];
  /** Messages on each service's dead-letter topic, and how many carry the reason. */
  topics: Record<string, { messages: number; withReason: number }>;
}

interface DeadLetterView {
  consumer: string;
  topic: string;
  key: string | null;
  errorCode: string;
}

/**
 * Every dead letter explained (`GET /admin/dead-letters?status=all` on each service): each
 * must be a poison event we put on the bus, at a consumer of its topic, with the expected
 * reason; and each poison event must be dead-lettered by every consumer of its topic.
 */
export async function auditDeadLetters(
  stack: Stack,
  bus: BusHistory,
  poison: PoisonEvent[],
): Promise<DeadLetterAudit> {
  const letters: DeadLetterView[] = [];
  for (const s of BUS_SERVICES) {
    const answer = await request(
      'GET',
      `${stack.url[s]}/admin/dead-letters?status=all`,
      undefined,
      await asOperator(),
    );
    letters.push(...((answer.body.items ?? []) as DeadLetterView[]));
  }
  const groupOf = (s: StackService) => `${stack.namespace}.lien-thong.${s}`;
  const explains = (l: DeadLetterView) => (p: PoisonEvent) =>
    p.key === l.key && p.code === l.errorCode && p.consumers.some((c) => groupOf(c) === l.consumer);
  const unexplained = letters
    .filter((l) => !poison.some(explains(l)))
    .map((l) => `${l.consumer} ${l.topic} ${l.key ?? ''} ${l.errorCode}`);
  return {
    count: letters.length,
    explained: letters.length - unexplained.length,
    unexplained,
    poisonNotDeadLettered: poison.flatMap((p) =>
      p.consumers
        .filter((c) => !letters.some((l) => l.key === p.key && l.consumer === groupOf(c)))
        .map((c) => `${p.key} (${p.what}) at ${c}`),
    ),
    topics: Object.fromEntries(
      BUS_SERVICES.map((s) => {
        const list = bus.deadLetterTopic(s);
        const withReason = list.filter((m) => m.headers['x-error-code']).length;
        return [s, { messages: list.length, withReason }];
      }),
    ),
  };
}

type PerService = Record<string, Record<string, number>>;

/**
 * Breaker opens and closes per service and agency, from the AgencyAvailabilityChanged
 * history on the bus (it outlives a crash), and the opens each /health counted since its
 * service last started.
 */
export async function auditBreakers(
  stack: Stack,
  bus: BusHistory,
): Promise<{ opens: PerService; closes: PerService; healthOpens: PerService }> {
  const opens: PerService = {};
  const closes: PerService = {};
  for (const e of bus.events(Topics.AgencyAvailabilityChanged)) {
    const { agency, state, observedBy } = e.payload as Record<string, string>;
    const target = state === 'OPEN' ? opens : state === 'CLOSED' ? closes : undefined;
    if (!target) continue;
    const row = (target[observedBy] ??= {});
    row[agency] = (row[agency] ?? 0) + 1;
  }
  const healthOpens: PerService = {};
  for (const s of BUS_SERVICES) {
    const health = await request('GET', `${stack.url[s]}/health`).catch(() => undefined);
    const checks = health?.body.checks as
      { agencies?: { opens?: Record<string, number> } } | undefined;
    if (checks?.agencies?.opens) healthOpens[s] = checks.agencies.opens;
  }
  return { opens, closes, healthOpens };
}
