import { EventEnvelope, Topics } from '@lien-thong/contracts';
import { eventually, testInfra } from '@lien-thong/test-infra';
import { authAs, RunningService, SAMPLE_USERS, signatureHeaders } from '@lien-thong/testing';
import { createBrokerClient, KAFKA_CLIENTS, KafkaClientName } from './broker/broker-factory';
import { Topology } from './topology/topology';
import { HOP_SEGMENTS } from './metrics/messaging-metrics';
import { InboxRepository } from './inbox/inbox.repository';
import { DeadLetterService } from './dead-letters/dead-letter.service';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxStore } from './outbox/outbox-store';
import { EventFactory } from './outbox/event-factory';
import { emit, ledgerDeployment as ledgerDeploymentOn, ledgerOf } from './testing/ledger-harness';
import { LedgerConfig, LedgerService } from './testing/ledger.fixture';

// Generous: these tests kill and restart processes, which is slow on a loaded 2-core machine.
jest.setTimeout(240_000);

async function appliedCount(
  service: RunningService<LedgerConfig>,
  dossierKey: string,
): Promise<number> {
  return (await ledgerOf(service).findById(`effect:${dossierKey}`).lean())?.applied ?? 0;
}

describe.each(Object.keys(KAFKA_CLIENTS) as KafkaClientName[])(
  'event backbone on the real broker and database (%s)',
  (library) => {
    /** The ledger fixture on this run's Kafka client library (KAFKA_CLIENT). */
    const ledgerDeployment = (extra: NodeJS.ProcessEnv = {}) =>
      ledgerDeploymentOn({ KAFKA_CLIENT: library, ...extra });
    const countMessages = (
      service: RunningService<LedgerConfig>,
      topic: string,
      physical = false,
    ) => countMessagesOn(library, service, topic, physical);
    const running: RunningService<LedgerConfig>[] = [];
    afterEach(async () => {
      LedgerService.poisonEnabled = true;
      await Promise.all(running.splice(0).map((s) => s.close()));
    });

    it('a process killed after storing an effect, before committing, applies it exactly once after restart', async () => {
      const deployment = ledgerDeployment();
      const doomed = await deployment.spawn({ CRASH_AFTER_EFFECT: '1' });
      // The process may apply the event and kill itself before its answer to this request
      // is sent ("other side closed"): what was stored is checked below, after the restart.
      await emit(doomed.baseUrl, 'src-crash', 'HS-CRASH-1').catch(() => undefined);
      expect(await doomed.exited).toBe(-1); // SIGKILLed right after the effect
      const restarted = await deployment.start();
      running.push(restarted);
      const inbox = restarted.app.get(InboxRepository);
      const topology = restarted.app.get(Topology);
      const source = await ledgerOf(restarted).findById('src-crash').lean();
      const eventId =
        JSON.parse(source?.outbox[0]?.value ?? 'null')?.eventId ??
        (await ledgerOf(restarted).findById('effect:HS-CRASH-1').lean())?.handledEvents[0];
      await eventually(
        async () => ((await inbox.has(topology.groupId, eventId)) ? true : undefined),
        // The restarted member gets the partition once the killed one's 30 s session expires.
        90_000,
        'the redelivered event to be recorded',
      );
      expect(await appliedCount(restarted, 'HS-CRASH-1')).toBe(1);
    });

    it('a relay that dies between publishing and marking publishes twice, and the inbox absorbs the duplicate', async () => {
      const service = await ledgerDeployment().start();
      running.push(service);
      const relay = service.app.get(OutboxRelay);
      const original = (
        relay as unknown as { markPublished: (...a: unknown[]) => Promise<void> }
      ).markPublished.bind(relay);
      let crashes = 1;
      jest.spyOn(relay as never, 'markPublished' as never).mockImplementation(((
        ...args: unknown[]
      ) => {
        if (crashes-- > 0) return Promise.reject(new Error('relay died before marking'));
        return original(...args);
      }) as never);
      await emit(service.baseUrl, 'src-dup', 'HS-DUP-1');
      // The first publication was not marked, so the poll publishes the same event again.
      await eventually(
        async () =>
          (await ledgerOf(service).findById('src-dup').lean())?.outboxPending === false
            ? true
            : undefined,
        20_000,
        'the outbox to be marked',
      );
      const published = await countMessages(service, Topics.DossierRefused);
      expect(published).toBe(2);
      await eventually(
        async () => ((await appliedCount(service, 'HS-DUP-1')) === 1 ? true : undefined),
        20_000,
        'the effect',
      );
      await new Promise((r) => setTimeout(r, 1500));
      expect(await appliedCount(service, 'HS-DUP-1')).toBe(1);
    });

    it('a write whose outbox snapshot was read before a marking does not publish the marked event again', async () => {
      const service = await ledgerDeployment().start();
      running.push(service);
      const relay = service.app.get(OutboxRelay);
      const ledger = ledgerOf(service);
      await emit(service.baseUrl, 'src-stale', 'HS-STALE-1');
      // What a writer reads before the marking: the first event still in the outbox.
      const read = await ledger.findById('src-stale').lean();
      expect(read?.outbox).toHaveLength(1);
      await eventually(
        async () =>
          (await ledger.findById('src-stale').lean())?.outboxPending === false ? true : undefined,
        20_000,
        'the first event to be marked published',
      );
      const second = service.app.get(EventFactory).create(Topics.DossierRefused, 'HS-STALE-2', {
        dossierCode: 'HS-STALE-2',
        reasonCode: 'TEST.OK',
        reasonVi: 'Thử nghiệm',
      });
      const store = new OutboxStore(ledger as never, relay);
      await store.update({ _id: 'src-stale' }, { $set: {} }, [second], {
        outbox: [...(read?.outbox ?? []), second],
        outboxRev: ((read as { outboxRev?: number } | null)?.outboxRev ?? 0) + 1,
      });
      await eventually(
        async () => ((await appliedCount(service, 'HS-STALE-2')) === 1 ? true : undefined),
        20_000,
        'the second event to be handled',
      );
      expect(await countMessages(service, Topics.DossierRefused)).toBe(2);
    });

    it("tells on /metrics where a hop's time went: relay, broker, waiting and handling add up to the hop", async () => {
      const service = await ledgerDeployment().start();
      running.push(service);
      const group = service.app.get(Topology).groupId;
      const read = async () =>
        hopSums(await (await fetch(`${service.baseUrl}/metrics`)).text(), group);
      const before = await read();
      await emit(service.baseUrl, 'src-hop', 'HS-HOP-1');
      await eventually(
        async () => ((await appliedCount(service, 'HS-HOP-1')) === 1 ? true : undefined),
        20_000,
        'the effect',
      );
      const after = await read();
      const delta = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
      expect(delta('hop_count')).toBe(1);
      for (const segment of HOP_SEGMENTS) expect(delta(`${segment}_count`)).toBe(1);
      const parts = HOP_SEGMENTS.reduce((sum, segment) => sum + delta(`${segment}_sum`), 0);
      expect(delta('hop_sum')).toBeGreaterThan(0);
      expect(parts).toBeCloseTo(delta('hop_sum'), 6);
    });

    it('a poison event ends in the dead letters after its retries while later events of the same dossier go through', async () => {
      const service = await ledgerDeployment({ RETRY_DELAYS_MS: '2000,4000,8000' }).start(); // a 14 s window, wide enough on a loaded machine
      running.push(service);
      await emit(service.baseUrl, 'src-poison', 'HS-POISON', 'TEST.POISON');
      for (let i = 0; i < 5; i++) await emit(service.baseUrl, `src-after-${i}`, 'HS-POISON');
      // The five later events are applied while the poison one is still being retried.
      await eventually(
        async () => ((await appliedCount(service, 'HS-POISON')) === 5 ? true : undefined),
        20_000,
        'the later events',
      );
      const letters = service.app.get(DeadLetterService);
      expect(await letters.list('pending')).toHaveLength(0);
      const [letter] = await eventually(
        async () => {
          const pending = await letters.list('pending');
          return pending.length > 0 ? pending : undefined;
        },
        60_000,
        'the poison event to be dead-lettered',
      );
      expect(letter).toMatchObject({
        topic: Topics.DossierRefused,
        attempts: 4,
        errorCode: 'EVENT.HANDLER_FAILED',
        key: 'HS-POISON',
      });
      expect(letter.errorMessage).toContain('poison event');
      // The record is stored first, then published to the dead-letter topic.
      await eventually(
        async () =>
          (await countMessages(service, service.app.get(Topology).deadLetterTopic, true)) === 1
            ? true
            : undefined,
        10_000,
        'the dead-letter topic to hold the event',
      );

      // After the fix, the on-call engineer replays it over HTTP and it is applied once.
      LedgerService.poisonEnabled = false;
      const replay = await fetch(`${service.baseUrl}/admin/dead-letters/replay`, {
        method: 'POST',
        headers: await authAs(SAMPLE_USERS.operator),
      });
      expect(await replay.json()).toEqual({ replayed: 1 });
      await eventually(
        async () => ((await appliedCount(service, 'HS-POISON')) === 6 ? true : undefined),
        20_000,
        'the replayed event',
      );
    });

    it('an invalid payload goes straight to the dead letters with the validation reason, and the consumer keeps going', async () => {
      const service = await ledgerDeployment().start();
      running.push(service);
      const broker = createBrokerClient(
        {
          brokers: testInfra().kafkaBrokers.split(','),
          clientId: 'poison-producer',
          sasl: testInfra().kafkaSuperuser,
        },
        library,
      );
      const topology = service.app.get(Topology);
      // Signed by the producer it names: the contract, not the signature, is what is wrong.
      const bad = { eventId: 'not-a-uuid', producer: 'land-registry', payload: {} };
      await broker.send([
        {
          topic: topology.topic(Topics.DossierRefused),
          key: 'HS-BAD',
          value: JSON.stringify(bad),
          headers: signatureHeaders(Topics.DossierRefused, bad as EventEnvelope),
        },
      ]);
      await broker.close();
      await emit(service.baseUrl, 'src-good', 'HS-GOOD');
      await eventually(
        async () => ((await appliedCount(service, 'HS-GOOD')) === 1 ? true : undefined),
        20_000,
        'the next event',
      );
      const [letter] = await eventually(
        async () => {
          const pending = await service.app.get(DeadLetterService).list('pending');
          return pending.length > 0 ? pending : undefined;
        },
        10_000,
        'the dead letter',
      );
      expect(letter).toMatchObject({ errorCode: 'EVENT.INVALID', attempts: 1, key: 'HS-BAD' });
      expect(letter.errorMessage).toContain('eventId');
    });

    it('a shutdown in the middle of a burst loses nothing and applies nothing twice', async () => {
      const deployment = ledgerDeployment({ CONSUMER_CONCURRENCY: '3' });
      const first = await deployment.start();
      const total = 150;
      for (let i = 0; i < total; i++)
        await emit(first.baseUrl, `src-burst-${i}`, `HS-BURST-${i % 10}`);
      await first.close(); // SIGTERM path: drain, commit, flush outbox
      const second = await deployment.start();
      running.push(second);
      const ledger = ledgerOf(second);
      await eventually(
        async () => {
          const effects = await ledger.find({ _id: /^effect:HS-BURST-/ }).lean();
          return effects.reduce((sum, e) => sum + e.applied, 0) === total ? true : undefined;
        },
        60_000,
        `all ${total} effects`,
      );
      const effects = await ledger.find({ _id: /^effect:HS-BURST-/ }).lean();
      for (const effect of effects) {
        expect(new Set(effect.order).size).toBe(effect.order.length); // no event applied twice
        expect(effect.applied).toBe(15);
      }
    });
  },
);

/** Counts the messages on a topic (contract name, or a physical name such as the DLQ). */
async function countMessagesOn(
  library: KafkaClientName,
  service: RunningService<LedgerConfig>,
  topic: string,
  physical: boolean,
): Promise<number> {
  const name = physical ? topic : service.app.get(Topology).topic(topic as never);
  const broker = createBrokerClient(
    {
      brokers: testInfra().kafkaBrokers.split(','),
      clientId: 'counter',
      sasl: testInfra().kafkaSuperuser,
    },
    library,
  );
  try {
    return await broker.countMessages(name);
  } finally {
    await broker.close();
  }
}

/**
 * The hop histogram's and its segments' `_sum` and `_count` for one consumer group, summed
 * over topics, from a /metrics text: `hop_sum`, `relay_count`, …
 */
function hopSums(text: string, group: string): Map<string, number> {
  const totals = new Map<string, number>();
  const line = /^lien_thong_event_hop(_segment)?_seconds_(sum|count)\{([^}]*)\} (\S+)$/;
  for (const l of text.split('\n')) {
    const m = line.exec(l);
    if (!m || !m[3].includes(`group="${group}"`)) continue;
    const segment = m[1] ? /segment="([^"]*)"/.exec(m[3])?.[1] : 'hop';
    const key = `${segment}_${m[2]}`;
    totals.set(key, (totals.get(key) ?? 0) + Number(m[4]));
  }
  return totals;
}
