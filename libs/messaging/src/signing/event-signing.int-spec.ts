import {
  createEnvelope,
  EVENT_HEADERS,
  EventEnvelope,
  importSigningKey,
  signEvent,
  Topics,
} from '@lien-thong/contracts';
import { eventually, testInfra } from '@lien-thong/test-infra';
import { RunningService, signatureHeaders } from '@lien-thong/testing';
import { KafkajsBrokerClient } from '../broker/kafkajs/kafkajs-broker-client';
import { OutgoingMessage } from '../broker/broker-client';
import { DeadLetterService } from '../dead-letters/dead-letter.service';
import { InboxRepository } from '../inbox/inbox.repository';
import { RETRY_HEADERS, Topology } from '../topology/topology';
import { emit, ledgerDeployment, ledgerOf } from '../testing/ledger-harness';
import { LedgerConfig } from '../testing/ledger.fixture';

jest.setTimeout(120_000);

/** A refusal as the land registry produces it (the ledger fixture consumes refusals). */
const refusal = (key: string, producer = 'land-registry') =>
  createEnvelope(
    Topics.DossierRefused,
    key,
    { dossierCode: key, reasonCode: 'TEST.OK', reasonVi: 'Thử nghiệm' },
    producer,
    { correlationId: `c-${key}` },
  );

const keyOf = (service: string) =>
  importSigningKey(testInfra().envFor(service).EVENT_SIGNING_KEY, service);

describe('signed events: a consumer handles only what the named producer signed for that topic', () => {
  let service: RunningService<LedgerConfig>;

  beforeAll(async () => {
    service = await ledgerDeployment().start();
  });
  afterAll(() => service?.close());

  it('dead-letters unsigned, forged, re-routed and disallowed events with the reason, applies none, and keeps going', async () => {
    const topology = service.app.get(Topology);
    const refused = topology.topic(Topics.DossierRefused);
    const message = (key: string, envelope: object, headers: Record<string, string>) =>
      ({ topic: refused, key, value: JSON.stringify(envelope), headers }) as OutgoingMessage;

    const unsigned = refusal('HS-UNSIGNED');
    // Claims to be the land registry, signed with the tax authority's key.
    const forged = refusal('HS-FORGED');
    const forgedSignature = signEvent(Topics.DossierRefused, forged, {
      producer: 'land-registry',
      key: keyOf('tax-obligation').key,
    });
    // Honestly signed by a service the catalog does not let publish refusals.
    const notAllowed = refusal('HS-NOT-ALLOWED', 'tax-obligation');
    // Signed by the land registry, then changed on the way.
    const tampered = refusal('HS-TAMPERED');
    const tamperedHeaders = signatureHeaders(Topics.DossierRefused, tampered);
    tampered.payload.reasonCode = 'TEST.CHANGED';
    // A land registry event signed for another topic, put on this consumer's retry topic
    // with a header saying it came from the refusals topic.
    const rerouted = refusal('HS-REROUTED');
    const reroutedSignature = signEvent(Topics.DossierDelayed, rerouted, keyOf('land-registry'));

    const broker = new KafkajsBrokerClient({
      brokers: testInfra().kafkaBrokers.split(','),
      clientId: 'forger',
      sasl: testInfra().kafkaSuperuser,
    });
    try {
      await broker.send([
        message('HS-UNSIGNED', unsigned, {}),
        message('HS-FORGED', forged, { [EVENT_HEADERS.signature]: forgedSignature }),
        message('HS-NOT-ALLOWED', notAllowed, signatureHeaders(Topics.DossierRefused, notAllowed)),
        message('HS-TAMPERED', tampered, tamperedHeaders),
        {
          ...message('HS-REROUTED', rerouted, {
            [EVENT_HEADERS.signature]: reroutedSignature,
            [RETRY_HEADERS.originalTopic]: Topics.DossierRefused,
            [RETRY_HEADERS.attempt]: '1',
          }),
          topic: topology.retryTopic(1),
        },
      ]);
    } finally {
      await broker.close();
    }
    // The ledger's own refusals, signed by its outbox, are handled as before.
    await emit(service.baseUrl, 'src-good', 'HS-GOOD');

    const letters = service.app.get(DeadLetterService);
    const byKey = await eventually(
      async () => {
        const pending = await letters.list('pending');
        return pending.length >= 5 ? new Map(pending.map((l) => [l.key, l])) : undefined;
      },
      30_000,
      'five dead letters',
    );
    expect(
      Object.fromEntries([...byKey].map(([key, l]) => [key, [l.errorCode, l.attempts]])),
    ).toEqual({
      'HS-UNSIGNED': ['EVENT.SIGNATURE_MISSING', 1],
      'HS-FORGED': ['EVENT.SIGNATURE_INVALID', 1],
      'HS-NOT-ALLOWED': ['EVENT.PRODUCER_NOT_ALLOWED', 1],
      'HS-TAMPERED': ['EVENT.SIGNATURE_INVALID', 1],
      'HS-REROUTED': ['EVENT.TOPIC_MISMATCH', 2],
    });
    expect(byKey.get('HS-FORGED')?.errorMessage).toBe(
      "the signature does not match the event or is not land-registry's",
    );
    expect(byKey.get('HS-NOT-ALLOWED')?.errorMessage).toBe(
      `tax-obligation may not publish ${Topics.DossierRefused} (only land-registry)`,
    );
    expect(byKey.get('HS-REROUTED')?.errorMessage).toBe(
      `signed for ${Topics.DossierDelayed}, handled as ${Topics.DossierRefused}`,
    );

    await eventually(
      async () =>
        (await ledgerOf(service).findById('effect:HS-GOOD').lean())?.applied === 1
          ? true
          : undefined,
      20_000,
      'the signed refusal to be applied',
    );
    const inbox = service.app.get(InboxRepository);
    for (const envelope of [unsigned, forged, notAllowed, tampered, rerouted] as EventEnvelope[]) {
      expect(await ledgerOf(service).findById(`effect:${envelope.dossierKey}`).lean()).toBeNull();
      expect(await inbox.has(topology.groupId, envelope.eventId)).toBe(false);
    }
  });
});
