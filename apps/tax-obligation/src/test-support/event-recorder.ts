import { EventEnvelope, PayloadOf, TopicName } from '@lien-thong/contracts';
import { BrokerClient, BrokerConsumer, createBrokerClient, Topology } from '@lien-thong/messaging';
import { testInfra } from '@lien-thong/testing';

/** Reads what the service published on some of its topics, as a subscriber would. */
export class EventRecorder {
  private readonly received: { topic: string; envelope: EventEnvelope<unknown> }[] = [];

  private constructor(
    private readonly client: BrokerClient,
    private readonly consumer: BrokerConsumer,
  ) {}

  static async start(
    brokers: string,
    topology: Topology,
    topics: TopicName[],
    partitions: number,
  ): Promise<EventRecorder> {
    const client = createBrokerClient({
      brokers: brokers.split(','),
      clientId: 'tax-obligation-test',
      sasl: testInfra().kafkaSuperuser,
    });
    const physical = topics.map((topic) => topology.topic(topic));
    await client.ensureTopics(physical, partitions);
    const consumer = await client.consumer({
      groupId: `${topology.groupId}.test-recorder`,
      topics: physical,
      concurrency: partitions,
      fromBeginning: true,
    });
    const recorder = new EventRecorder(client, consumer);
    await consumer.run(async (batch) => {
      for (const message of batch.messages) {
        recorder.received.push({
          topic: topology.contractName(message.topic),
          envelope: JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope<unknown>,
        });
        await batch.commit(message.offset);
      }
    });
    return recorder;
  }

  /** The events of one dossier on one topic, in the order they arrived. */
  of<T extends TopicName>(topic: T, dossierKey: string): EventEnvelope<PayloadOf<T>>[] {
    return this.received
      .filter((r) => r.topic === topic && r.envelope.dossierKey === dossierKey)
      .map((r) => r.envelope as EventEnvelope<PayloadOf<T>>);
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
    await this.client.close();
  }
}
