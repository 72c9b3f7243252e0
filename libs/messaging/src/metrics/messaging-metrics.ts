import { Counter, Gauge, Histogram } from 'prom-client';
import { METRICS } from '@lien-thong/platform';

/**
 * The bus as an operator watches it (deploy/grafana/lien-thong.json): how far each consumer
 * group is behind, what the outbox still has to publish, and what was dead-lettered.
 */
export const consumerLag = new Gauge({
  name: 'lien_thong_consumer_lag',
  help: 'Messages on a partition not yet handled by the consumer group (high watermark minus committed offset, as of its last batch)',
  labelNames: ['group', 'topic', 'partition'],
  registers: [METRICS],
});

export const deadLetters = new Counter({
  name: 'lien_thong_dead_letters_total',
  help: 'Events dead-lettered by a consumer group, by contract topic and error code',
  labelNames: ['group', 'topic', 'code'],
  registers: [METRICS],
});

const HOP_BUCKETS = [
  0.005, 0.01, 0.02, 0.035, 0.045, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

/**
 * How long an event took from its producer's write to the end of this group's handling: the
 * hop an operator sees as "the tax office got the slip 40 ms after the land office sent it".
 * The benchmark reads its p99 (buckets around the 50 ms goal of issue 18: a p99 in the 45 ms
 * bucket is under the goal, one in the 50 ms bucket may be at it).
 */
export const eventHopSeconds = new Histogram({
  name: 'lien_thong_event_hop_seconds',
  help: 'Seconds from an event occurring to its handling by a consumer group, by contract topic',
  labelNames: ['group', 'topic'],
  buckets: HOP_BUCKETS,
  registers: [METRICS],
});

/**
 * Where a hop's time went, so that a slow hop says which side to look at:
 * - `relay`: event occurred → its record sent (the producer's write and its outbox relay);
 * - `broker`: record sent → handed to this consumer (the broker, and the consumer's fetch:
 *   kafkajs fetches again only once every batch of its previous fetch is handled);
 * - `waiting`: handed over → its handling started (earlier messages of its partition, a
 *   retry's delay, a deferral while an agency is down);
 * - `handling`: checks (contract, signature, inbox) and the handler, to the end of the hop.
 * The four add up to lien_thong_event_hop_seconds. On a retry topic `relay` runs to the
 * retry's record, so it holds the earlier attempts. `broker` compares the producer's clock
 * with this consumer's, so it is exact on one machine and off by their difference across two.
 */
export const HOP_SEGMENTS = ['relay', 'broker', 'waiting', 'handling'] as const;
export type HopSegment = (typeof HOP_SEGMENTS)[number];

export const eventHopSegmentSeconds = new Histogram({
  name: 'lien_thong_event_hop_segment_seconds',
  help: `Seconds of an event hop spent in each segment (${HOP_SEGMENTS.join(', ')}), by consumer group and contract topic`,
  labelNames: ['group', 'topic', 'segment'],
  buckets: HOP_BUCKETS,
  registers: [METRICS],
});

/** Times of one handled message, in ms since the epoch. */
export interface HopTimes {
  occurredAt: number;
  /** The record's timestamp; unknown for a client that gives none. */
  sentAt?: number;
  receivedAt?: number;
  startedAt: number;
  handledAt: number;
}

/** Records a handled event's hop and, where the client gave the times, its segments. */
export function observeHop(group: string, topic: string, t: HopTimes): void {
  const hop = t.handledAt - t.occurredAt;
  // A producer whose clock is ahead of ours: nothing meaningful to record.
  if (hop < 0) return;
  eventHopSeconds.observe({ group, topic }, hop / 1000);
  const segment = (name: HopSegment, ms: number) =>
    eventHopSegmentSeconds.observe({ group, topic, segment: name }, Math.max(0, ms) / 1000);
  segment('handling', t.handledAt - t.startedAt);
  if (t.sentAt === undefined || t.receivedAt === undefined || !Number.isFinite(t.sentAt)) return;
  segment('relay', t.sentAt - t.occurredAt);
  segment('broker', t.receivedAt - t.sentAt);
  segment('waiting', t.startedAt - t.receivedAt);
}

let backlog: () => number = () => 0;

new Gauge({
  name: 'lien_thong_outbox_backlog',
  help: 'Documents whose outbox entries wait to be published (being sent, or found pending by the last poll)',
  registers: [METRICS],
  collect() {
    this.set(backlog());
  },
});

/** The outbox relay says how to read its backlog (one relay per process). */
export function measureOutboxBacklog(read: () => number): void {
  backlog = read;
}

/** After a commit: what is left of the batch's partition up to its high watermark. */
export function noteCommitted(
  group: string,
  topic: string,
  partition: number,
  offset: string,
  highWatermark: string | undefined,
): void {
  if (highWatermark === undefined) return;
  const lag = Number(BigInt(highWatermark) - BigInt(offset) - 1n);
  consumerLag.set({ group, topic, partition: String(partition) }, Math.max(0, lag));
}
