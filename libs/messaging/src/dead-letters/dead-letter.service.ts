import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainException } from '@lien-thong/platform';
import { BROKER_CLIENT, BrokerClient, IncomingMessage } from '../broker/broker-client';
import { RETRY_HEADERS, Topology } from '../topology/topology';
import { DeadLetterFilter, DeadLetterRepository } from './dead-letter.repository';
import { DeadLetter } from './dead-letter.schema';
import { withTraceContext } from '../tracing/event-tracing';
import { deadLetters } from '../metrics/messaging-metrics';

export interface Failure {
  code: string;
  message: string;
}

/** Keeps failed events (database + dead-letter topic) and replays them after a fix. */
@Injectable()
export class DeadLetterService {
  private readonly logger = new Logger('dead-letters');

  constructor(
    private readonly letters: DeadLetterRepository,
    @Inject(BROKER_CLIENT) private readonly broker: BrokerClient,
    private readonly topology: Topology,
  ) {}

  /** Stores the failure, then publishes it to the dead-letter topic; only then may the offset move on. */
  async deadLetter(
    message: IncomingMessage,
    topic: string,
    failure: Failure,
    attempts: number,
  ): Promise<void> {
    const value = message.value?.toString() ?? null;
    let eventId: string | null = null;
    try {
      eventId = (JSON.parse(value ?? '') as { eventId?: string }).eventId ?? null;
    } catch {
      // malformed: no event id to record
    }
    const letter: DeadLetter = {
      _id: `${this.topology.groupId}:${message.topic}:${message.partition}:${message.offset}`,
      consumer: this.topology.groupId,
      topic,
      partition: message.partition,
      offset: message.offset,
      key: message.key,
      value,
      headers: withTraceContext(message.headers),
      eventId,
      errorCode: failure.code,
      errorMessage: failure.message.slice(0, 2000),
      attempts,
      failedAt: new Date(),
      replayedAt: null,
    };
    await this.letters.save(letter);
    await this.broker.send([
      {
        topic: this.topology.deadLetterTopic,
        key: message.key ?? '',
        value: value ?? '',
        headers: {
          ...letter.headers,
          [RETRY_HEADERS.originalTopic]: topic,
          [RETRY_HEADERS.attempt]: String(attempts),
          [RETRY_HEADERS.errorCode]: failure.code,
          [RETRY_HEADERS.errorMessage]: letter.errorMessage,
        },
      },
    ]);
    deadLetters.inc({ group: this.topology.groupId, topic, code: failure.code });
    this.logger.warn(
      `dead-lettered ${topic} event ${eventId ?? '(unparseable)'} after ${attempts} attempt(s): ${failure.code} ${failure.message}`,
    );
  }

  list(filter: DeadLetterFilter): Promise<DeadLetter[]> {
    return this.letters.list(filter);
  }

  /**
   * Publishes the original event again, with a fresh attempt count, on this consumer's own
   * first retry topic (naming the original topic, as a retry does), not on the topic it was
   * consumed from: only the consumer that failed sees it again, and a service never writes
   * a topic another service owns (the broker's ACLs refuse that; topology/kafka-acls.ts).
   */
  async replay(id: string): Promise<DeadLetter> {
    const letter = await this.letters.findById(id);
    if (!letter)
      throw new DomainException('DEAD_LETTER.NOT_FOUND', 'Không tìm thấy sự kiện lỗi này', 404);
    const headers = Object.fromEntries(
      Object.entries(letter.headers).filter(
        ([name]) => !Object.values<string>(RETRY_HEADERS).includes(name),
      ),
    );
    await this.broker.send([
      {
        topic: this.topology.retryTopic(1),
        key: letter.key ?? '',
        value: letter.value ?? '',
        headers: { ...headers, [RETRY_HEADERS.originalTopic]: letter.topic },
      },
    ]);
    const replayedAt = new Date();
    await this.letters.markReplayed(id, replayedAt);
    return { ...letter, replayedAt };
  }

  async replayAll(): Promise<number> {
    const pending = await this.letters.list('pending', 10_000);
    for (const letter of pending) await this.replay(letter._id);
    return pending.length;
  }
}
