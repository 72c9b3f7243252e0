import {
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';

/**
 * Every event on the bus travels in this envelope. The Kafka message key is `dossierKey`,
 * so one dossier's events stay on one partition, in order. `correlationId` is the id of
 * the request that started the chain (one citizen submission); `causationId` is the
 * event that directly caused this one (null for the first).
 */
export interface EventEnvelope<P = unknown> {
  eventId: string;
  type: string;
  version: number;
  dossierKey: string;
  occurredAt: string;
  producer: string;
  correlationId: string;
  causationId: string | null;
  payload: P;
}

/** The envelope as validated on arrival (the payload is validated by its own class). */
export class EventEnvelopeDto implements EventEnvelope<object> {
  @IsUUID()
  eventId!: string;

  @IsString()
  @Matches(/^[A-Z][A-Za-z]+$/)
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsString()
  @IsNotEmpty()
  dossierKey!: string;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsString()
  @IsNotEmpty()
  producer!: string;

  @IsString()
  @IsNotEmpty()
  correlationId!: string;

  @IsOptional()
  @IsString()
  causationId!: string | null;

  /** Validated separately, by the class the topic's contract names. */
  @IsObject()
  payload!: object;
}

/** Kafka headers every event carries, so that tools can route without parsing the body. */
export const EVENT_HEADERS = {
  eventId: 'event-id',
  type: 'event-type',
  version: 'event-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  producer: 'producer',
  /** The producer's signature of envelope and topic (libs/contracts/src/event-signature.ts). */
  signature: 'x-signature',
} as const;
