import { TopicName } from '@lien-thong/contracts';

/**
 * Physical names on the broker. In production a topic is its contract name; a namespace
 * (KAFKA_NAMESPACE) prefixes every name so that test runs and demos sharing a broker never
 * see each other's events. Retry and dead-letter topics belong to one consumer group:
 * a failure is the failure of that consumer, not of the event.
 */
export class Topology {
  constructor(
    readonly service: string,
    private readonly namespace: string | undefined,
    readonly retryDelaysMs: readonly number[],
  ) {}

  private prefix(name: string): string {
    return this.namespace ? `${this.namespace}.${name}` : name;
  }

  topic(name: TopicName): string {
    return this.prefix(name);
  }

  /** The contract name of a physical topic (the inverse of topic()). */
  contractName(physical: string): string {
    return this.namespace && physical.startsWith(`${this.namespace}.`)
      ? physical.slice(this.namespace.length + 1)
      : physical;
  }

  get groupId(): string {
    return this.prefix(`lien-thong.${this.service}`);
  }

  retryTopic(level: number): string {
    return `${this.groupId}.retry-${level}`;
  }

  get retryTopics(): string[] {
    return this.retryDelaysMs.map((_, i) => this.retryTopic(i + 1));
  }

  get deadLetterTopic(): string {
    return `${this.groupId}.dlq`;
  }
}

/** Headers the retry path adds to the original event's headers. */
export const RETRY_HEADERS = {
  originalTopic: 'x-original-topic',
  attempt: 'x-attempt',
  notBefore: 'x-not-before',
  errorCode: 'x-error-code',
  errorMessage: 'x-error-message',
  deferredBy: 'x-deferred-by',
} as const;
