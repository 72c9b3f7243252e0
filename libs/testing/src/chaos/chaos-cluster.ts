import { TopicName, Topics } from '@lien-thong/contracts';
import { testKafka } from '@lien-thong/test-infra';
import type { ChaosDatabases } from './chaos-databases';
import type { Submission } from './chaos-citizens';
import { BusHistory, countBy } from './chaos-bus';

/** What the chaos run needs of a Kafka cluster (libs/test-infra's LocalKafkaCluster). */
export interface KafkaNodeControl {
  kill(node: number): Promise<unknown>;
  restart(node: number): Promise<unknown>;
}

/** The node the run killed, and how much of the run's traffic it led. */
export interface LeaderKill {
  node: number;
  /** Partitions of the run's topics (contract, retry, dead-letter) it led when killed. */
  ledPartitions: number;
  partitions: number;
  /** Partitions per leader at that moment, by node id. */
  leaders: Record<number, number>;
}

/** Who leads the partitions of the run's topics (those under its namespace), per node. */
export async function partitionLeaders(
  namespace: string,
): Promise<{ leaders: Record<number, number>; partitions: number }> {
  const admin = testKafka('chaos-leaders').admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`));
    const { topics: meta } = await admin.fetchTopicMetadata({ topics });
    const leaders: Record<number, number> = {};
    let partitions = 0;
    for (const t of meta)
      for (const p of t.partitions) {
        partitions++;
        if (p.leader >= 0) leaders[p.leader] = (leaders[p.leader] ?? 0) + 1;
      }
    return { leaders, partitions };
  } finally {
    await admin.disconnect();
  }
}

/** The node leading most of the run's partitions: killing it moves most of the traffic. */
export async function busiestLeader(namespace: string): Promise<LeaderKill> {
  const { leaders, partitions } = await partitionLeaders(namespace);
  const [node, ledPartitions] = Object.entries(leaders)
    .map(([id, n]) => [Number(id), n] as const)
    .sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (!node) throw new Error(`no partition of ${namespace} has a leader`);
  return { node, ledPartitions, partitions, leaders };
}

/** The events a dossier in this final status must have put on the bus, each once. */
const EXPECTED_EVENTS: Record<string, TopicName[]> = {
  RESULT_READY: [Topics.ObligationsAssessed, Topics.ObligationsPaid, Topics.DossierRegistered],
  DONE: [Topics.ObligationsAssessed, Topics.ObligationsPaid, Topics.DossierRegistered],
  WAITING_FOR_PAYMENT: [Topics.ObligationsAssessed],
  REFUSED: [Topics.DossierRefused],
  WITHDRAWN: [Topics.DossierWithdrawn],
};

/** Events that happen once in a dossier's life: a second one is an effect applied twice. */
const ONCE: TopicName[] = [
  Topics.DossierReceived,
  Topics.DossierRegistered,
  Topics.DossierRefused,
  Topics.DossierWithdrawn,
];

export interface BusCompleteness {
  /** `<dossier>: <topic>` for each event a settled dossier lacks on the bus. */
  missing: string[];
  /** `<dossier>: <topic> ×n` for each once-only event that happened more than once. */
  duplicated: string[];
  /** Copies of an event published again (same id): at-least-once, absorbed by the inboxes. */
  republished: number;
  /** Distinct events checked. */
  checked: number;
}

/**
 * No event lost or doubled across the broker's loss, from the bus itself: each received
 * dossier's DossierReceived, and the events of the state it settled in (registered: assessed,
 * paid, registered; refused; withdrawn; waiting for payment: assessed), each present, and the
 * once-only ones once (by event id; a republished copy of the same event is counted apart).
 */
export async function auditBusCompleteness(
  namespace: string,
  databases: ChaosDatabases,
  submissions: Submission[],
): Promise<BusCompleteness> {
  const bus = await BusHistory.read(namespace);
  const status = new Map(
    (
      await databases.find<{ _id: string; status: string }>(
        'land-registry',
        'dossiers',
        {},
        { _id: 1, status: 1 },
      )
    ).map((d) => [d._id, d.status]),
  );
  const topics = [...new Set([...ONCE, ...Object.values(EXPECTED_EVENTS).flat()])];
  const perTopic = new Map(
    topics.map((t) => [t, countBy(bus.events(t), (e) => e.dossierKey)] as const),
  );
  const result: BusCompleteness = { missing: [], duplicated: [], republished: 0, checked: 0 };
  for (const code of submissions.flatMap((s) => (s.dossierCode ? [s.dossierCode] : []))) {
    const expected = [Topics.DossierReceived, ...(EXPECTED_EVENTS[status.get(code) ?? ''] ?? [])];
    for (const topic of expected) {
      const n = perTopic.get(topic)?.get(code) ?? 0;
      result.checked += n;
      if (n === 0) result.missing.push(`${code}: ${topic}`);
    }
    for (const topic of ONCE) {
      const n = perTopic.get(topic)?.get(code) ?? 0;
      if (n > 1) result.duplicated.push(`${code}: ${topic} ×${n}`);
    }
  }
  result.republished = Object.values(Topics).reduce((sum, t) => sum + bus.republished(t), 0);
  return result;
}
