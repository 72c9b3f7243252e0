import { KeyObject } from 'node:crypto';
import { Logger } from '@nestjs/common';
import {
  EVENT_HEADERS,
  EventSigningKey,
  importSigningKey,
  importVerifyKeys,
  SignatureCheck,
  signEvent,
  verifyEventSignature,
} from '@lien-thong/contracts';
import { ServiceConfig } from '@lien-thong/platform';
import { IncomingMessage } from '../broker/broker-client';

/**
 * This service's side of event signing (libs/contracts/src/event-signature.ts): it signs
 * what it produces with its own key (EVENT_SIGNING_KEY) and verifies what it consumes with
 * the producers' public keys (EVENT_VERIFY_KEYS). A key that does not parse stops the boot.
 * Without verification keys, events are handled unverified: a deployment must choose that
 * (the provisioned runs always configure them), and the service says so once at boot.
 */
export class EventSigning {
  private readonly logger = new Logger('events');
  private readonly signer?: EventSigningKey;
  private readonly keys?: Map<string, KeyObject>;

  constructor(
    config: Pick<ServiceConfig, 'EVENT_SIGNING_KEY' | 'EVENT_VERIFY_KEYS'>,
    private readonly service: string,
  ) {
    try {
      if (config.EVENT_SIGNING_KEY)
        this.signer = importSigningKey(config.EVENT_SIGNING_KEY, service);
    } catch (err) {
      throw new Error(`EVENT_SIGNING_KEY is not a usable Ed25519 JWK: ${(err as Error).message}`);
    }
    try {
      if (config.EVENT_VERIFY_KEYS) this.keys = importVerifyKeys(config.EVENT_VERIFY_KEYS);
    } catch (err) {
      throw new Error(`EVENT_VERIFY_KEYS is not usable: ${(err as Error).message}`);
    }
  }

  /** One line at boot for each thing this service does not do. */
  announce(): void {
    if (!this.keys)
      this.logger.warn(
        'events are NOT verified: EVENT_VERIFY_KEYS is not set, so any producer can write any event this service consumes',
      );
    if (!this.signer)
      this.logger.warn(
        'events are NOT signed: EVENT_SIGNING_KEY is not set, so consumers that verify will dead-letter them',
      );
    else if (this.signer.producer !== this.service)
      this.logger.log(`events are signed as ${this.signer.producer}`);
  }

  /** The producer named in the envelopes this service creates: whom its key stands for. */
  get producer(): string {
    return this.signer?.producer ?? this.service;
  }

  get verifies(): boolean {
    return this.keys !== undefined;
  }

  /** The signature header of an event about to be written to the outbox (none without a key). */
  sign(topic: string, value: string): Record<string, string> {
    if (!this.signer) return {};
    return {
      [EVENT_HEADERS.signature]: signEvent(topic, JSON.parse(value) as object, this.signer),
    };
  }

  /**
   * Whether a consumed message may be handled as `topic`. The message must already be a
   * JSON object (the contract check says so first); without verification keys, it may.
   */
  verify(topic: string, message: IncomingMessage): SignatureCheck {
    const envelope = JSON.parse(message.value?.toString() ?? '') as { producer?: unknown };
    if (!this.keys)
      return {
        ok: true,
        producer: typeof envelope.producer === 'string' ? envelope.producer : '',
      };
    return verifyEventSignature(
      message.headers[EVENT_HEADERS.signature],
      topic,
      envelope,
      this.keys,
    );
  }
}
