import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KAFKA_HEALTH_INDICATOR, ServiceConfig, ServiceInfo } from '@lien-thong/platform';
import { BROKER_CLIENT, BrokerClient } from './broker/broker-client';
import { createBrokerClient } from './broker/broker-factory';
import { saslCredentials } from './broker/sasl';
import { Topology } from './topology/topology';
import { InboxEntry, InboxEntrySchema } from './inbox/inbox.schema';
import { InboxRepository } from './inbox/inbox.repository';
import { DeadLetter, DeadLetterSchema } from './dead-letters/dead-letter.schema';
import { DeadLetterRepository } from './dead-letters/dead-letter.repository';
import { DeadLetterService } from './dead-letters/dead-letter.service';
import { DeadLetterController } from './dead-letters/dead-letter.controller';
import { OUTBOX_POLL_MS, OutboxRelay } from './outbox/outbox-relay';
import { configureDocumentLock } from './outbox/document-lock';
import { EventFactory } from './outbox/event-factory';
import { EventSigning } from './signing/event-signing';
import { AGENCY_GATE, AgencyGate } from './consumer/agency-gate';
import { KafkaEventServer } from './consumer/kafka-event.server';
import { EventExceptionFilter } from './consumer/event-exception.filter';
import { KafkaHealthIndicator } from './health/kafka-health.indicator';

/**
 * The bus for one service: Kafka client, outbox relay, inbox, retry and dead-letter
 * handling, the admin endpoints for dead letters, and the Kafka part of /health.
 */
@Module({})
export class MessagingModule {
  static forRoot(config: ServiceConfig, info: ServiceInfo): DynamicModule {
    const retryDelaysMs = config.RETRY_DELAYS_MS.split(',').map(Number);
    configureDocumentLock(config.DOCUMENT_LOCK);
    return {
      module: MessagingModule,
      global: true,
      imports: [
        MongooseModule.forFeature([
          { name: InboxEntry.name, schema: InboxEntrySchema },
          { name: DeadLetter.name, schema: DeadLetterSchema },
        ]),
      ],
      controllers: [DeadLetterController],
      providers: [
        {
          provide: BROKER_CLIENT,
          useFactory: () =>
            createBrokerClient(
              {
                brokers: config.KAFKA_BROKERS.split(','),
                clientId: info.name,
                sasl: saslCredentials(config),
              },
              config.KAFKA_CLIENT,
            ),
        },
        {
          provide: Topology,
          useValue: new Topology(info.name, config.KAFKA_NAMESPACE, retryDelaysMs),
        },
        { provide: OUTBOX_POLL_MS, useValue: config.OUTBOX_POLL_MS },
        { provide: KAFKA_HEALTH_INDICATOR, useClass: KafkaHealthIndicator },
        InboxRepository,
        DeadLetterRepository,
        DeadLetterService,
        OutboxRelay,
        { provide: EventSigning, useFactory: () => new EventSigning(config, info.name) },
        EventFactory,
        {
          provide: KafkaEventServer,
          inject: [
            BROKER_CLIENT,
            Topology,
            InboxRepository,
            DeadLetterService,
            OutboxRelay,
            EventSigning,
            // Provided by ResilienceModule in a service that calls agencies.
            { token: AGENCY_GATE, optional: true },
          ],
          useFactory: (
            broker: BrokerClient,
            topology: Topology,
            inbox: InboxRepository,
            letters: DeadLetterService,
            relay: OutboxRelay,
            signing: EventSigning,
            gate?: AgencyGate,
          ) => {
            signing.announce();
            const server = new KafkaEventServer(
              broker,
              topology,
              inbox,
              letters,
              relay,
              {
                concurrency: config.CONSUMER_CONCURRENCY,
                partitions: config.KAFKA_PARTITIONS,
                commitEvery: 50,
              },
              signing,
            );
            if (gate) server.useAgencyGate(gate);
            return server;
          },
        },
      ],
      exports: [
        BROKER_CLIENT,
        Topology,
        KAFKA_HEALTH_INDICATOR,
        OutboxRelay,
        EventFactory,
        DeadLetterService,
      ],
    };
  }
}

/** For bootstrapService's `connect`: starts consuming the service's @EventPattern handlers. */
export async function connectEventConsumer(app: INestApplication): Promise<void> {
  const server = app.get(KafkaEventServer);
  // Initialization is deferred so that the filter is in place before the handlers are bound.
  const microservice = app.connectMicroservice(
    { strategy: server },
    { inheritAppConfig: false, deferInitialization: true },
  );
  microservice.useGlobalFilters(new EventExceptionFilter());
  await app.startAllMicroservices();
}
