import { Logger } from '@nestjs/common';
import { BaseRpcContext } from '@nestjs/microservices';
import { validateEvent } from '@lien-thong/contracts';
import { runInContext } from '@lien-thong/platform';
import { BrokerClient, IncomingMessage, PartitionBatch } from '../broker/broker-client';
import { InboxRepository } from '../inbox/inbox.repository';
import { BatchInbox } from '../inbox/batch-inbox';
import { DeadLetterService } from '../dead-letters/dead-letter.service';
import { RETRY_HEADERS, Topology } from '../topology/topology';
import { EventSigning } from '../signing/event-signing';
import { AgencyGate } from './agency-gate';
import { nextStep } from './retry-policy';
import { traceConsumed, withTraceContext } from '../tracing/event-tracing';
import { observeHop } from '../metrics/messaging-metrics';

/** What a handler receives besides the event: where it came from and which attempt this is. */
export class EventMessageContext extends BaseRpcContext<[IncomingMessage, number]> {
  get message(): IncomingMessage {
    return this.args[0];
  }

  /** 1 for the first delivery, 2 for the first retry… */
  get attempt(): number {
    return this.args[1];
  }
}

export type Handle = ((event: object, context: EventMessageContext) => Promise<unknown>) & {
  /** Declared with APPLIED_ONCE: a repeat is harmless, so no inbox look-up before it. */
  appliedOnce?: boolean;
};
export type Outcome =
  'handled' | 'duplicate' | 'retried' | 'dead-lettered' | 'no-handler' | 'interrupted';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Everything that happens to one consumed message, in order: wait out a retry delay,
 * verify the producer's signature, validate against the contract, drop duplicates (inbox),
 * run the handler with the event's correlation id, then note it for the batch's inbox
 * record — or route the failure to a retry topic or the dead letters. The offset may be
 * committed once this has returned and the batch's inbox has been saved.
 */
export class EventPipeline {
  private readonly logger = new Logger('events');
  /** Set when the service calls agencies: deferred work then waits for its agency in order. */
  gate?: AgencyGate;

  constructor(
    private readonly topology: Topology,
    private readonly broker: BrokerClient,
    private readonly inbox: InboxRepository,
    private readonly deadLetters: DeadLetterService,
    private readonly handlerFor: (topic: string) => Handle | undefined,
    /** Verifies each event's signature before anything else looks at it as an event. */
    private readonly signing?: EventSigning,
  ) {}

  /** The inbox of one partition batch (its records are written before each commit). */
  openInbox(): BatchInbox {
    return new BatchInbox(this.inbox, this.topology.groupId);
  }

  process(message: IncomingMessage, batch: PartitionBatch, inbox: BatchInbox): Promise<Outcome> {
    return traceConsumed(message, this.topology.groupId, () =>
      this.processMessage(message, batch, inbox),
    );
  }

  private async processMessage(
    message: IncomingMessage,
    batch: PartitionBatch,
    inbox: BatchInbox,
  ): Promise<Outcome> {
    // Retry headers mean something only on this group's own retry topics, which only this
    // consumer writes: on any other topic they could delay, redirect or exhaust an event.
    const retry = this.topology.retryTopics.includes(message.topic)
      ? message.headers
      : ({} as Record<string, string | undefined>);
    const notBefore = Number(retry[RETRY_HEADERS.notBefore] ?? 0);
    while (Date.now() < notBefore) {
      if (!batch.isRunning()) return 'interrupted';
      await sleep(Math.min(1000, notBefore - Date.now()));
    }
    const deferredBy = retry[RETRY_HEADERS.deferredBy];
    while (deferredBy && this.gate?.shouldWait(deferredBy)) {
      if (!batch.isRunning()) return 'interrupted';
      await sleep(250);
    }
    const startedAt = Date.now();
    // The topic the event is handled as; on a retry topic, the one it first came from, which
    // its signature must name too.
    const topic = retry[RETRY_HEADERS.originalTopic] ?? this.topology.contractName(message.topic);
    const attempt = Number(retry[RETRY_HEADERS.attempt] ?? 0) + 1;
    const validation = validateEvent(topic, message.value);
    const deadLetter = async (problem: { code: string; reason: string }) => {
      await this.deadLetters.deadLetter(
        message,
        topic,
        { code: problem.code, message: problem.reason },
        attempt,
      );
      return 'dead-lettered' as const;
    };
    // Not JSON, or on no contract's topic: nothing there to verify.
    if (!validation.ok && validation.code !== 'EVENT.INVALID') return deadLetter(validation);
    // Unsigned, forged, or signed for another topic or by a producer the catalog does not
    // allow there: never handled, never retried.
    const signature = this.signing?.verify(topic, message);
    if (signature && !signature.ok) return deadLetter(signature);
    if (!validation.ok) return deadLetter(validation);
    const { envelope } = validation;
    const handle = this.handlerFor(topic);
    if (!handle) return 'no-handler';
    const duplicate = handle.appliedOnce
      ? inbox.seen(envelope.eventId)
      : await inbox.has(envelope.eventId);
    if (duplicate) return 'duplicate';
    const context = {
      correlationId: envelope.correlationId,
      eventId: envelope.eventId,
      dossierKey: envelope.dossierKey,
    };
    return runInContext(context, async () => {
      try {
        await handle(envelope, new EventMessageContext([message, attempt]));
      } catch (err) {
        return this.fail(message, topic, attempt, err);
      }
      const handledAt = new Date();
      inbox.add({ eventId: envelope.eventId, topic, handledAt }, !handle.appliedOnce);
      observeHop(this.topology.groupId, topic, {
        occurredAt: Date.parse(envelope.occurredAt),
        sentAt: message.timestamp,
        receivedAt: message.receivedAt,
        startedAt,
        handledAt: handledAt.getTime(),
      });
      return 'handled';
    });
  }

  private async fail(
    message: IncomingMessage,
    topic: string,
    attempt: number,
    err: unknown,
  ): Promise<Outcome> {
    const step = nextStep(err, attempt, this.topology.retryDelaysMs, this.gate !== undefined);
    if (step.kind === 'dead-letter') {
      await this.deadLetters.deadLetter(message, topic, step, step.attempts);
      return 'dead-lettered';
    }
    const reason = err instanceof Error ? err.message : String(err);
    this.logger.warn(
      `${topic} attempt ${attempt} ${step.deferredBy ? `deferred: ${step.deferredBy} unavailable` : `failed (${reason})`}; retrying in ${step.delayMs} ms`,
    );
    const headers: Record<string, string> = {
      ...withTraceContext(message.headers),
      [RETRY_HEADERS.originalTopic]: topic,
      [RETRY_HEADERS.attempt]: String(step.attempt),
      [RETRY_HEADERS.notBefore]: String(Date.now() + step.delayMs),
      [RETRY_HEADERS.errorMessage]: reason.slice(0, 500),
    };
    if (step.deferredBy) headers[RETRY_HEADERS.deferredBy] = step.deferredBy;
    else delete headers[RETRY_HEADERS.deferredBy];
    await this.broker.send([
      {
        topic: this.topology.retryTopic(step.level),
        key: message.key ?? '',
        value: message.value?.toString() ?? '',
        headers,
      },
    ]);
    return 'retried';
  }
}
