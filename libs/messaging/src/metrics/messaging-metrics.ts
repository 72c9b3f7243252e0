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

/**
 * How long an event took from its producer's write to the end of this group's handling: the
 * hop an operator sees as "the tax office got the slip 40 ms after the land office sent it".
 * The benchmark reads its p99 (buckets around the 50 ms goal of issue 18).
 */
export const eventHopSeconds = new Histogram({
  name: 'lien_thong_event_hop_seconds',
  help: 'Seconds from an event occurring to its handling by a consumer group, by contract topic',
  labelNames: ['group', 'topic'],
  buckets: [0.005, 0.01, 0.02, 0.035, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [METRICS],
});

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
