import { Topics, TopicName } from '@lien-thong/contracts';
import { STACK_SERVICES, StackService } from '../stack';
import { readTopics, TopicMessage } from './chaos-topics';

export interface BusEvent {
  eventId: string;
  dossierKey: string;
  payload: Record<string, unknown>;
}

/** The services on the bus (the simulators are not). */
export const BUS_SERVICES = STACK_SERVICES.filter(
  (s): s is Exclude<StackService, 'agency-simulators'> => s !== 'agency-simulators',
);

/** Everything that went over the bus in one run: contract, retry and dead-letter topics. */
export class BusHistory {
  private constructor(
    private readonly namespace: string,
    private readonly topics: Map<string, TopicMessage[]>,
  ) {}

  static async read(namespace: string): Promise<BusHistory> {
    const group = (s: StackService) => `${namespace}.lien-thong.${s}`;
    const topics = await readTopics([
      ...Object.values(Topics).map((t) => `${namespace}.${t}`),
      ...BUS_SERVICES.map((s) => `${group(s)}.dlq`),
      ...BUS_SERVICES.flatMap((s) => [1, 2, 3, 4, 5].map((l) => `${group(s)}.retry-${l}`)),
    ]);
    return new BusHistory(namespace, topics);
  }

  /** Distinct events of a topic (the outbox publishes at least once: a repeat has the same id). */
  events(topic: TopicName): BusEvent[] {
    const seen = new Map<string, BusEvent>();
    for (const m of this.topics.get(`${this.namespace}.${topic}`) ?? []) {
      try {
        const e = JSON.parse(m.value) as Partial<BusEvent>;
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

  /** Copies of a topic's events beyond the first (the outbox published them again). */
  republished(topic: TopicName): number {
    const copies = this.topics.get(`${this.namespace}.${topic}`) ?? [];
    const ids = copies.map((m) => /"eventId":"([^"]+)"/.exec(m.value)?.[1]).filter(Boolean);
    return ids.length - new Set(ids).size;
  }

  deadLetterTopic(service: StackService): TopicMessage[] {
    return this.topics.get(`${this.namespace}.lien-thong.${service}.dlq`) ?? [];
  }

  /** The topics that carried something about one dossier, to start an investigation from. */
  trace(dossierCode: string): string {
    return [...this.topics.values()]
      .flat()
      .filter((m) => m.key === dossierCode)
      .map((m) => m.topic.slice(this.namespace.length + 1))
      .join(', ');
  }
}

export function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}
