import { Controller, INestApplication, Injectable, Module } from '@nestjs/common';
import {
  ClientKafka,
  ClientsModule,
  EventPattern,
  MicroserviceOptions,
  Payload,
  Transport,
  Ctx,
  KafkaContext,
} from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { testInfra, uniqueName, eventually } from '@lien-thong/test-infra';
import { KafkajsBrokerClient } from '../broker/kafkajs/kafkajs-broker-client';

const topic = uniqueName('round-trip');

@Injectable()
class Received {
  readonly events: { payload: unknown; key: string | null }[] = [];
}

@Controller()
class RoundTripConsumer {
  constructor(private readonly received: Received) {}

  @EventPattern(topic)
  handle(@Payload() payload: object, @Ctx() context: unknown): void {
    const key = (context as KafkaContext).getMessage().key?.toString() ?? null;
    this.received.events.push({ payload, key });
  }
}

describe('Kafka produce → consume through @nestjs/microservices on the real broker', () => {
  let app: INestApplication;
  let client: ClientKafka;

  beforeAll(async () => {
    const { kafkaBrokers, kafkaSuperuser: sasl } = testInfra();
    const brokers = kafkaBrokers.split(',');
    const admin = new KafkajsBrokerClient({ brokers, clientId: 'rt-admin', sasl });
    await admin.ensureTopics([topic], 3);
    await admin.close();
    @Module({
      imports: [
        ClientsModule.register([
          {
            name: 'BUS',
            transport: Transport.KAFKA,
            options: { client: { brokers, clientId: 'rt-producer', sasl }, producerOnlyMode: true },
          },
        ]),
      ],
      controllers: [RoundTripConsumer],
      providers: [Received],
    })
    class RoundTripModule {}
    const moduleRef = await Test.createTestingModule({ imports: [RoundTripModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error'] });
    app.connectMicroservice<MicroserviceOptions>({
      transport: Transport.KAFKA,
      options: {
        client: { brokers, clientId: 'rt-consumer', sasl },
        consumer: { groupId: uniqueName('rt-group') },
        subscribe: { fromBeginning: true },
      },
    });
    await app.startAllMicroservices();
    await app.init();
    client = app.get('BUS');
    await client.connect();
  });

  afterAll(async () => {
    await client?.close();
    await app?.close();
  });

  it('delivers an emitted event, with its key, to the @EventPattern handler', async () => {
    client.emit(topic, {
      key: 'HS-0001',
      value: JSON.stringify({ dossierCode: 'HS-0001', step: 'received' }),
    });
    const received = app.get(Received);
    const event = await eventually(() => received.events[0], 20_000, 'the event to be consumed');
    expect(event).toEqual({
      payload: { dossierCode: 'HS-0001', step: 'received' },
      key: 'HS-0001',
    });
  });
});
