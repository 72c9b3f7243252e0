import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { Admin, Consumer } from 'kafkajs';
import { Connection, Model } from 'mongoose';
import {
  ContactV1,
  createEnvelope,
  DossierReceivedV1,
  EventEnvelope,
  NotificationStatusChangedV1,
  ObligationsCancelledV1,
  PayloadOf,
  TopicName,
  Topics,
} from '@lien-thong/contracts';
import {
  DeliveredMessage,
  DeliveredMessageList,
  SIMULATOR_ADMIN_API,
} from '@lien-thong/agency-contracts';
import { BrokerClient, createBrokerClient, Topology } from '@lien-thong/messaging';
import { METRICS, ServiceAccountToken } from '@lien-thong/platform';
import {
  RunningService,
  SAMPLE_USERS,
  ServiceProcess,
  authAs,
  eventually,
  groupConsumed,
  producerOf,
  signatureHeaders,
  spawnService,
  startService,
  testInfra,
  testKafka,
  uniqueName,
  writesDuring as writesOn,
} from '@lien-thong/testing';
import { NotificationConfig } from '../config/notification.config';
import { NOTIFICATION_SERVICE } from '../service';
import { obligationsCancelled } from '../templates/obligations-cancelled.template';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveriesService } from './deliveries.service';
import type { NotificationList, NotificationView } from './dto/notification.view';
import { Delivery } from './schemas/delivery.schema';

const asOperator = () => authAs(SAMPLE_USERS.operator);
/** The land registry's service account (realm role notification-reader), as provisioned. */
let landRegistryAccount: ServiceAccountToken;
const asLandRegistry = async () => ({
  authorization: `Bearer ${await landRegistryAccount.value()}`,
});

const LANDLINE = '0243825123';

const CODE = (n: number) => `000.00.04.H26-260701-${String(n).padStart(4, '0')}`;
const PHONE = (n: number) => `09123456${String(n).padStart(2, '0')}`;

function cancellation(code: string): ObligationsCancelledV1 {
  return {
    dossierCode: code,
    assessmentId: `${code}:R1`,
    reason: 'WITHDRAWN',
    voidedNoticeNumbers: ['TB-TNCN-2026-0000012'],
    paymentOrderCancelled: false,
    cancelledAt: '2026-07-10T03:00:00.000Z',
  };
}

function received(code: string, contact: ContactV1): DossierReceivedV1 {
  return {
    dossierCode: code,
    procedureCode: '1.013831',
    channel: 'ONLINE',
    receivedAt: '2026-07-01T02:15:00.000Z',
    appointmentAt: '2026-07-08T10:00:00.000Z',
    applicant: { fullName: 'Nguyễn Văn An', contact },
    parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 345 },
    resultDelivery: 'COUNTER',
  };
}

describe('notification: what a citizen is told, on which channel, exactly once', () => {
  let simulators: ServiceProcess;
  let service: RunningService<NotificationConfig>;
  let broker: BrokerClient;
  let observer: Consumer;
  let admin: Admin;
  const statuses: EventEnvelope<NotificationStatusChangedV1>[] = [];

  const publish = async <T extends TopicName>(
    topic: T,
    code: string,
    payload: PayloadOf<T>,
    envelope = createEnvelope(topic, code, payload, producerOf(topic), {
      correlationId: uniqueName('c'),
    }),
  ): Promise<EventEnvelope<PayloadOf<T>>> => {
    const physical = service.app.get(Topology).topic(topic);
    await broker.send([
      {
        topic: physical,
        key: code,
        value: JSON.stringify(envelope),
        headers: signatureHeaders(topic, envelope),
      },
    ]);
    return envelope;
  };
  const sim = async (path: string, init?: RequestInit) =>
    fetch(`${simulators.baseUrl}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(await asOperator()) },
    });
  const delivered = async (query: string): Promise<DeliveredMessage[]> =>
    ((await (await sim(`${SIMULATOR_ADMIN_API.messages}?${query}`)).json()) as DeliveredMessageList)
      .messages;
  const notifications = async (code: string, as = asOperator): Promise<NotificationView[]> =>
    (
      (await (
        await fetch(`${service.baseUrl}/notifications?dossierCode=${encodeURIComponent(code)}`, {
          headers: await as(),
        })
      ).json()) as NotificationList
    ).notifications;
  /** The dossier's deliveries once none is PENDING any more (at least `count` of them). */
  const settled = (code: string, count: number) =>
    eventually(
      async () => {
        const listed = await notifications(code);
        return listed.length >= count && listed.every((n) => n.status !== 'PENDING')
          ? listed
          : undefined;
      },
      20_000,
      `${count} settled deliveries`,
    );
  /** No status event may still be on its way: the relay publishes within milliseconds. */
  const quietly = () => new Promise((r) => setTimeout(r, 1_000));
  /**
   * Waits until the service has taken everything published on a topic so far (its group has
   * committed past it): handled, dropped as a repeat, or moved to a retry topic.
   */
  const consumed = (topic: TopicName) =>
    eventually(
      async () => {
        const topology = service.app.get(Topology);
        return (await groupConsumed(admin, topology.groupId, topology.topic(topic)))
          ? true
          : undefined;
      },
      10_000,
      `${topic} consumed`,
    );
  /** Events this service has put on its first retry topic so far. */
  const retriesSoFar = async (): Promise<number> => {
    const offsets = await admin.fetchTopicOffsets(service.app.get(Topology).retryTopic(1));
    return offsets.reduce((sum, o) => sum + Number(o.high), 0);
  };
  const statusesOf = (code: string) => statuses.filter((s) => s.dossierKey === code);
  const statusesAbout = (eventId: string) =>
    statuses
      .filter((s) => s.payload.aboutEventId === eventId)
      .map((s) => `${s.payload.channel} ${s.payload.status}`);
  /** The SMS refusal about an event is announced, and a moment later still only once. */
  const refusalAnnouncedOnce = async (eventId: string) => {
    await eventually(
      async () => (statusesAbout(eventId).length > 0 ? true : undefined),
      10_000,
      'the refusal announced',
    );
    await quietly();
    expect(statusesAbout(eventId)).toEqual(['SMS FAILED']);
  };
  /** Calls this service has made to a gateway so far (its agency-call histogram counts each). */
  const gatewayCalls = async (agency: 'sms' | 'email' | 'zalo') => {
    const metric = await METRICS.getSingleMetric('lien_thong_agency_call_seconds')?.get();
    const values = (metric?.values ?? []) as {
      metricName?: string;
      labels: object;
      value: number;
    }[];
    return values
      .filter(
        (v) =>
          v.metricName?.endsWith('_count') && (v.labels as { agency?: string }).agency === agency,
      )
      .reduce((sum, v) => sum + v.value, 0);
  };
  /** The write commands this service sends its database while fn runs, and a second after. */
  const writesDuring = (fn: () => Promise<unknown>): Promise<string[]> =>
    writesOn(service.app.get<Connection>(getConnectionToken()), async () => {
      await fn();
      await quietly();
    });
  /** An event handed to the service directly, as a second instance would handle it. */
  const cancellationEvent = (code: string) =>
    createEnvelope(
      Topics.ObligationsCancelled,
      code,
      cancellation(code),
      producerOf(Topics.ObligationsCancelled),
      { correlationId: uniqueName('c') },
    );

  beforeAll(async () => {
    const account = testInfra().envFor('land-registry');
    landRegistryAccount = new ServiceAccountToken({
      issuerUrl: testInfra().oidcIssuerUrl,
      clientId: account.OIDC_LAND_REGISTRY_CLIENT_ID,
      clientSecret: account.OIDC_LAND_REGISTRY_CLIENT_SECRET,
      timeoutMs: 15_000,
    });
    simulators = await spawnService('agency-simulators', {}, { quiet: true });
    const gateways = (path: string) => `${simulators.baseUrl}${path}`;
    service = await startService(NOTIFICATION_SERVICE, {
      SMS_GATEWAY_URL: gateways('/sms/v1'),
      EMAIL_GATEWAY_URL: gateways('/email/v1'),
      ZALO_GATEWAY_URL: gateways('/zalo/v1'),
      TRACKING_URL: 'https://dichvucong.example.vn/tra-cuu',
      RETRY_DELAYS_MS: '300,600,900',
      AGENCY_POLICY_OVERRIDES: '{"sms":{"resetTimeoutMs":500,"volumeThreshold":2,"timeoutMs":500}}',
    });
    const brokers = testInfra().kafkaBrokers.split(',');
    admin = testKafka('test-admin').admin();
    await admin.connect();
    broker = createBrokerClient({
      brokers,
      clientId: 'test',
      sasl: testInfra().kafkaSuperuser,
    });
    const statusTopic = service.app.get(Topology).topic(Topics.NotificationStatusChanged);
    await broker.ensureTopics([statusTopic], 1);
    // A plain subscriber, as the land registry would be (nothing of this service's client).
    observer = testKafka('test-observer').consumer({ groupId: uniqueName('observer') });
    await observer.connect();
    await observer.subscribe({ topic: statusTopic, fromBeginning: true });
    await observer.run({
      eachMessage: async ({ message }) => {
        statuses.push(JSON.parse(message.value?.toString() ?? '{}'));
      },
    });
  }, 120_000);

  afterAll(async () => {
    await observer?.disconnect();
    await admin?.disconnect();
    await broker?.close();
    await service?.close();
    await simulators?.stop();
  });

  it('tells a received dossier by one SMS and one e-mail, with the code and appointment date', async () => {
    const code = CODE(1);
    const event = await publish(
      Topics.DossierReceived,
      code,
      received(code, { phone: PHONE(1), email: 'an1@example.vn' }),
    );

    const messages = await eventually(
      async () => {
        const found = await delivered(`dossierCode=${encodeURIComponent(code)}`);
        return found.length >= 2 ? found : undefined;
      },
      20_000,
      'the SMS and the e-mail',
    );
    const sms = messages.find((m) => m.channel === 'sms');
    const email = messages.find((m) => m.channel === 'email');
    expect(sms).toMatchObject({ to: PHONE(1) });
    expect(sms?.text).toContain(
      `Hồ sơ ${code} đã được tiếp nhận ngày 01/07/2026, hẹn trả kết quả ngày 08/07/2026`,
    );
    expect(sms?.text).toContain(`Tra cứu tại https://dichvucong.example.vn/tra-cuu?ma=${code}`);
    expect(email).toMatchObject({ to: 'an1@example.vn' });
    expect(email?.body).toContain('- Ngày hẹn trả kết quả: 08/07/2026');

    // Listed with masked recipients; a message that went through is announced by no event.
    const listed = await settled(code, 2);
    expect(listed.map((n) => `${n.channel} ${n.status} ${n.recipient}`).sort()).toEqual([
      'EMAIL SENT a***@example.vn',
      'SMS SENT 0912***601',
    ]);
    expect(listed.every((n) => n.aboutEventId === event.eventId)).toBe(true);
    expect(listed.map((n) => n.template)).toEqual(['DOSSIER_RECEIVED', 'DOSSIER_RECEIVED']);
    await quietly();
    expect(statusesOf(code)).toEqual([]);
  });

  it('sends one message per channel when the same event arrives three times', async () => {
    const code = CODE(2);
    const event = await publish(
      Topics.DossierReceived,
      code,
      received(code, { phone: PHONE(2), email: 'an2@example.vn', zalo: true }),
    );
    await eventually(
      async () =>
        (await delivered(`dossierCode=${encodeURIComponent(code)}`)).length >= 3 ? true : undefined,
      20_000,
      'three messages',
    );

    // Handled APPLIED_ONCE: no inbox record, the deliveries themselves (one per event and
    // channel) stop a repeat. Two redeliveries (e.g. after a crash before the commit):
    await publish(Topics.DossierReceived, code, event.payload, event);
    await publish(Topics.DossierReceived, code, event.payload, event);
    await consumed(Topics.DossierReceived);

    const messages = await delivered(`dossierCode=${encodeURIComponent(code)}`);
    expect(messages.map((m) => m.channel).sort()).toEqual(['email', 'sms', 'zalo']);
    const listed = await settled(code, 3);
    expect(listed.map((n) => `${n.channel} ${n.status} ${n.attempts}`).sort()).toEqual([
      'EMAIL SENT 1',
      'SMS SENT 1',
      'ZALO SENT 1',
    ]);
    await quietly();
    expect(statusesOf(code)).toEqual([]);
  });

  it('stores all the messages of an event in one write, and a redelivered event writes nothing', async () => {
    const code = CODE(7);
    // The receipt: the contact, then its three messages stored together once sent.
    const atReceipt = await writesDuring(async () => {
      await publish(
        Topics.DossierReceived,
        code,
        received(code, { phone: PHONE(7), email: 'an7@example.vn', zalo: true }),
      );
      await settled(code, 3);
    });
    expect(atReceipt.sort()).toEqual(['contacts.updateOne', 'deliveries.insertMany']);

    // Any later event: one write for its three messages (it was one claim and three settlements).
    let cancelled!: EventEnvelope<ObligationsCancelledV1>;
    const perEvent = await writesDuring(async () => {
      cancelled = await publish(Topics.ObligationsCancelled, code, cancellation(code));
      await settled(code, 6);
    });
    expect(perEvent).toEqual(['deliveries.insertMany']);

    // Redelivered: the messages are found SENT, nothing is sent or written again.
    const callsBefore = [await gatewayCalls('sms'), await gatewayCalls('email')];
    const redelivered = await writesDuring(async () => {
      await publish(Topics.ObligationsCancelled, code, cancelled.payload, cancelled);
      await consumed(Topics.ObligationsCancelled);
    });
    expect(redelivered).toEqual([]);
    expect([await gatewayCalls('sms'), await gatewayCalls('email')]).toEqual(callsBefore);
    const listed = await notifications(code);
    expect(listed.map((n) => `${n.template} ${n.channel} ${n.status} ${n.attempts}`)).toEqual(
      expect.arrayContaining([
        'OBLIGATIONS_CANCELLED SMS SENT 1',
        'OBLIGATIONS_CANCELLED EMAIL SENT 1',
        'OBLIGATIONS_CANCELLED ZALO SENT 1',
      ]),
    );
    expect(listed.every((n) => n.sentAt !== undefined && n.error === undefined)).toBe(true);
    expect(await delivered(`dossierCode=${encodeURIComponent(code)}`)).toHaveLength(6);
  });

  it('lists each amount of the tax notice, and waits for the contact when an event comes first', async () => {
    const code = CODE(3);
    const retriesBefore = await retriesSoFar();
    // The notice overtakes the receipt (another topic): it is retried until the contact is known.
    await publish(Topics.ObligationsAssessed, code, {
      dossierCode: code,
      assessmentId: 'A-3',
      slipRevision: 1,
      notices: [
        {
          noticeNumber: 'TB-1',
          code: 'PIT',
          labelVi: 'Thuế thu nhập cá nhân',
          taxpayerName: 'Trần Thị Bình',
          baseVnd: 4_000_000_000,
          amountVnd: 80_000_000,
          dueDate: '2026-07-31',
          legalBasis: 'Luật Thuế TNCN',
        },
        {
          noticeNumber: 'TB-2',
          code: 'REGISTRATION_FEE',
          labelVi: 'Lệ phí trước bạ',
          taxpayerName: 'Nguyễn Văn An',
          baseVnd: 4_000_000_000,
          amountVnd: 20_000_000,
          dueDate: '2026-07-31',
          legalBasis: 'Nghị định 10/2022',
        },
      ],
      totalVnd: 100_000_000,
      payUrl: 'http://127.0.0.1:3100/pay/ORD-3',
    });
    await eventually(
      async () => ((await retriesSoFar()) > retriesBefore ? true : undefined),
      20_000,
      'the notice to be retried',
    );
    await publish(
      Topics.DossierReceived,
      code,
      received(code, { phone: PHONE(3), email: 'an3@example.vn' }),
    );

    const notice = await eventually(
      async () => {
        const found = await delivered(`to=${PHONE(3)}`);
        return found.find((m) => m.text?.includes('nghĩa vụ tài chính'));
      },
      20_000,
      'the tax notice SMS',
    );
    expect(notice.text).toContain('Thuế thu nhập cá nhân 80.000.000 đồng, hạn 31/07/2026');
    expect(notice.text).toContain('Lệ phí trước bạ 20.000.000 đồng, hạn 31/07/2026');
    expect(notice.text).toContain('Tổng 100.000.000 đồng');
    const email = await eventually(
      async () =>
        (await delivered('to=an3%40example.vn')).find((m) =>
          m.subject?.includes('nghĩa vụ tài chính'),
        ),
      10_000,
      'the tax notice e-mail',
    );
    expect(email.body).toContain('80.000.000 đồng, hạn nộp 31/07/2026');
    expect(email.body).toContain('Nộp trực tuyến tại http://127.0.0.1:3100/pay/ORD-3');
  });

  it('records a number the SMS gateway refuses as FAILED with the reason, and does not retry it', async () => {
    const code = CODE(4);
    const event = await publish(
      Topics.DossierReceived,
      code,
      received(code, { phone: LANDLINE, email: 'an4@example.vn' }),
    );

    const failed = await eventually(
      () => statusesOf(code).find((s) => s.payload.status === 'FAILED'),
      20_000,
      'a FAILED status',
    );
    expect(failed.payload).toMatchObject({
      channel: 'SMS',
      recipient: '0243***123',
      template: 'DOSSIER_RECEIVED',
      aboutEventId: event.eventId,
    });
    expect(failed.payload.error).toContain('Số điện thoại di động không hợp lệ');
    // The refusal belongs to the submission's chain.
    expect(failed).toMatchObject({
      correlationId: event.correlationId,
      causationId: event.eventId,
    });
    const listed = await settled(code, 2);
    await quietly();
    // Only the refusal is announced: the e-mail that went through is not.
    expect(statusesOf(code).map((s) => `${s.payload.channel} ${s.payload.status}`)).toEqual([
      'SMS FAILED',
    ]);
    expect(listed.find((n) => n.channel === 'SMS')).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: expect.stringContaining('Số điện thoại di động không hợp lệ'),
    });
    expect(listed.find((n) => n.channel === 'EMAIL')).toMatchObject({ status: 'SENT' });

    // Redelivered: refused for good, so not sent again, and announced once only.
    const smsCalls = await gatewayCalls('sms');
    await publish(Topics.DossierReceived, code, event.payload, event);
    await consumed(Topics.DossierReceived);
    await quietly();
    expect(await gatewayCalls('sms')).toBe(smsCalls);
    expect(statusesAbout(event.eventId)).toEqual(['SMS FAILED']);
    expect((await notifications(code)).find((n) => n.channel === 'SMS')).toMatchObject({
      status: 'FAILED',
      attempts: 1,
    });
  });

  it('defers the SMS while its gateway is down, then sends it once, without a second e-mail', async () => {
    const code = CODE(5);
    const emailCalls = await gatewayCalls('email');
    await sim(SIMULATOR_ADMIN_API.agencyFaults('sms'), {
      method: 'PUT',
      body: JSON.stringify({ outage: true }),
    });
    try {
      await publish(
        Topics.DossierReceived,
        code,
        received(code, { phone: PHONE(5), email: 'an5@example.vn' }),
      );
      // The e-mail does not wait for the SMS gateway.
      await eventually(
        async () => ((await delivered('to=an5%40example.vn')).length === 1 ? true : undefined),
        20_000,
        'the e-mail',
      );
      await eventually(
        async () => {
          const health = (await (await fetch(`${service.baseUrl}/health`)).json()) as {
            checks: { agencies: { opens: { sms?: number } } };
          };
          return (health.checks.agencies.opens.sms ?? 0) >= 1 ? true : undefined;
        },
        10_000,
        'the SMS breaker to open',
      );
      expect(await delivered(`to=${PHONE(5)}`)).toHaveLength(0);
      const pending = await eventually(
        async () => (await notifications(code)).find((n) => n.channel === 'SMS'),
        10_000,
        'the SMS stored PENDING',
      );
      expect(pending).toMatchObject({ status: 'PENDING', error: expect.any(String) });
      expect(pending.text).toContain('hẹn trả kết quả ngày 08/07/2026');
    } finally {
      await sim(SIMULATOR_ADMIN_API.agencyFaults('sms'), {
        method: 'PUT',
        body: JSON.stringify({}),
      });
    }

    await eventually(
      async () => ((await delivered(`to=${PHONE(5)}`)).length === 1 ? true : undefined),
      20_000,
      'the SMS after recovery',
    );
    const listed = await settled(code, 2);
    expect(listed.map((n) => `${n.channel} ${n.status}`).sort()).toEqual([
      'EMAIL SENT',
      'SMS SENT',
    ]);
    await new Promise((r) => setTimeout(r, 1_500));
    const [sms] = await delivered(`to=${PHONE(5)}`);
    expect(await delivered(`to=${PHONE(5)}`)).toHaveLength(1);
    expect(sms.text).toContain('hẹn trả kết quả ngày 08/07/2026');
    expect(await delivered('to=an5%40example.vn')).toHaveLength(1);
    // The retries sent only the SMS: the e-mail gateway was called once.
    expect((await gatewayCalls('email')) - emailCalls).toBe(1);
    expect(listed.find((n) => n.channel === 'EMAIL')).toMatchObject({ attempts: 1 });
    expect(listed.find((n) => n.channel === 'SMS')?.attempts).toBeGreaterThan(1);
    expect(statusesOf(code)).toEqual([]);
  });

  it('retries a PENDING message with the content stored on its first attempt, not a new rendering', async () => {
    const code = CODE(10);
    await publish(Topics.DossierReceived, code, received(code, { phone: PHONE(10) }));
    await settled(code, 1);
    const model = service.app.get<Model<Delivery>>(getModelToken(Delivery.name));
    const event = cancellationEvent(code);
    // What its first attempt stored (written then; a template may have changed since).
    const firstWritten = `Hồ sơ ${code}: thông báo nộp thuế đã được hủy (bản lưu lần gửi đầu).`;
    await model.create({
      _id: `${event.eventId}:SMS`,
      dossierCode: code,
      aboutEventId: event.eventId,
      template: 'OBLIGATIONS_CANCELLED',
      channel: 'SMS',
      to: PHONE(10),
      text: firstWritten,
      status: 'PENDING',
      attempts: 1,
      error: 'timeout',
    });

    await service.app.get(DeliveriesService).notify(event, obligationsCancelled);

    const sent = (await delivered(`to=${PHONE(10)}`)).filter(
      (m) => m.messageId === `${event.eventId}:SMS`,
    );
    expect(sent.map((m) => m.text)).toEqual([firstWritten]);
    const retried = (await notifications(code)).find((n) => n.aboutEventId === event.eventId);
    expect(retried).toMatchObject({ status: 'SENT', attempts: 2, text: firstWritten });
    expect(retried?.error).toBeUndefined();
  });

  it('lets two instances handle one event at once: each message delivered once, a refusal announced once', async () => {
    const code = CODE(8);
    await publish(
      Topics.DossierReceived,
      code,
      received(code, { phone: LANDLINE, email: 'an8@example.vn' }),
    );
    await settled(code, 2);
    const deliveries = service.app.get(DeliveriesService);
    const repository = service.app.get(DeliveriesRepository);
    const event = cancellationEvent(code);
    // Both read before either stores (as two instances would during a rebalance).
    const read = repository.findByIds.bind(repository);
    let reads = 0;
    let bothRead!: () => void;
    const together = new Promise<void>((resolve) => (bothRead = resolve));
    const spy = jest.spyOn(repository, 'findByIds').mockImplementation(async (ids) => {
      const found = await read(ids);
      if (++reads === 2) bothRead();
      await together;
      return found;
    });
    const emailCalls = await gatewayCalls('email');
    try {
      await Promise.all([
        deliveries.notify(event, obligationsCancelled),
        deliveries.notify(event, obligationsCancelled),
      ]);
    } finally {
      spy.mockRestore();
    }

    // Both sent (neither found the other's), the gateway delivered the e-mail once.
    expect((await gatewayCalls('email')) - emailCalls).toBe(2);
    const emails = await delivered('to=an8%40example.vn');
    expect(emails.filter((m) => m.messageId === `${event.eventId}:EMAIL`)).toHaveLength(1);
    const mine = (await notifications(code)).filter((n) => n.aboutEventId === event.eventId);
    expect(mine.map((n) => `${n.channel} ${n.status}`).sort()).toEqual([
      'EMAIL SENT',
      'SMS FAILED',
    ]);
    await refusalAnnouncedOnce(event.eventId);
  });

  it('announces a refusal when another instance stored the message PENDING first', async () => {
    const code = CODE(9);
    await publish(
      Topics.DossierReceived,
      code,
      received(code, { phone: LANDLINE, email: 'an9@example.vn' }),
    );
    await settled(code, 2);
    const deliveries = service.app.get(DeliveriesService);
    const repository = service.app.get(DeliveriesRepository);
    const model = service.app.get<Model<Delivery>>(getModelToken(Delivery.name));
    const event = cancellationEvent(code);
    const read = repository.findByIds.bind(repository);
    const spy = jest.spyOn(repository, 'findByIds').mockImplementationOnce(async (ids) => {
      const found = await read(ids);
      // Right after this read, another instance whose SMS timed out stores it PENDING.
      await model.create({
        _id: `${event.eventId}:SMS`,
        dossierCode: code,
        aboutEventId: event.eventId,
        template: 'OBLIGATIONS_CANCELLED',
        channel: 'SMS',
        to: LANDLINE,
        text: 'Hồ sơ: thông báo nộp nghĩa vụ tài chính đã được hủy.',
        status: 'PENDING',
        attempts: 1,
        error: 'timeout',
      });
      return found;
    });
    try {
      await deliveries.notify(event, obligationsCancelled);
    } finally {
      spy.mockRestore();
    }

    const mine = (await notifications(code)).filter((n) => n.aboutEventId === event.eventId);
    expect(mine.map((n) => `${n.channel} ${n.status} ${n.attempts}`).sort()).toEqual([
      'EMAIL SENT 1',
      'SMS FAILED 2',
    ]);
    await refusalAnnouncedOnce(event.eventId);
  });

  it('tells the citizen that the tax notices are cancelled and the payment refunded, each once', async () => {
    const code = CODE(6);
    await publish(Topics.DossierReceived, code, received(code, { phone: PHONE(6) }));
    await eventually(
      async () => ((await delivered(`to=${PHONE(6)}`)).length >= 1 ? true : undefined),
      20_000,
      'the receipt SMS',
    );
    const cancelled = await publish(Topics.ObligationsCancelled, code, {
      dossierCode: code,
      assessmentId: `${code}:R1`,
      reason: 'WITHDRAWN',
      voidedNoticeNumbers: ['TB-TNCN-2026-0000012', 'TB-LPTB-2026-0000013'],
      paymentOrderCancelled: false,
      cancelledAt: '2026-07-10T03:00:00.000Z',
    });
    await publish(Topics.PaymentRefunded, code, {
      dossierCode: code,
      assessmentId: `${code}:R1`,
      amountVnd: 100_000_000,
      refundId: 'SIM-RF-0001',
      refundedAt: '2026-07-10T03:05:00.000Z',
      reason: 'WITHDRAWN',
    });
    await publish(Topics.ObligationsCancelled, code, cancelled.payload, cancelled);
    const texts = await eventually(
      async () => {
        const found = (await delivered(`to=${PHONE(6)}`)).map((m) => m.text ?? '');
        return found.length >= 3 ? found : undefined;
      },
      20_000,
      'the cancellation and refund SMS',
    );
    expect(texts).toEqual(
      expect.arrayContaining([
        `Hồ sơ ${code}: thông báo nộp nghĩa vụ tài chính đã được hủy do hồ sơ đã được rút theo đề nghị của người nộp. Khoản đã nộp (nếu có) được hoàn trả qua cổng thanh toán.`,
        `Hồ sơ ${code}: đã hoàn trả 100.000.000 đồng tiền nộp nghĩa vụ tài chính ngày 10/07/2026 (mã hoàn tiền SIM-RF-0001) do hồ sơ đã được rút theo đề nghị của người nộp.`,
      ]),
    );
    const listed = await settled(code, 3);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await delivered(`to=${PHONE(6)}`)).toHaveLength(3);
    expect(listed.map((n) => `${n.template} ${n.status}`).sort()).toEqual([
      'DOSSIER_RECEIVED SENT',
      'OBLIGATIONS_CANCELLED SENT',
      'PAYMENT_REFUNDED SENT',
    ]);
  });

  it('shows what was sent to the operator, the statuses alone to the land registry, nothing to officers', async () => {
    const url = `${service.baseUrl}/notifications?dossierCode=VPDKHN-261205-0001`;
    expect((await fetch(url)).status).toBe(401);
    for (const user of [SAMPLE_USERS.counterBaDinh, SAMPLE_USERS.auditor]) {
      const refused = await fetch(url, { headers: await authAs(user) });
      expect({ user, status: refused.status }).toEqual({ user, status: 403 });
    }
    expect((await fetch(url, { headers: await asOperator() })).status).toBe(200);
    expect((await fetch(url, { headers: await asLandRegistry() })).status).toBe(200);

    // The land registry gets each message's status, not what it said.
    const code = CODE(1);
    const forOperator = await notifications(code);
    const forRegistry = await notifications(code, asLandRegistry);
    expect(forOperator.find((n) => n.channel === 'SMS')?.text).toContain(code);
    expect(forRegistry.map((n) => `${n.channel} ${n.status} ${n.recipient}`).sort()).toEqual([
      'EMAIL SENT a***@example.vn',
      'SMS SENT 0912***601',
    ]);
    for (const n of forRegistry) {
      expect(n).not.toHaveProperty('text');
      expect(n).not.toHaveProperty('body');
    }
  });

  it('refuses a listing without a dossier code, in Vietnamese', async () => {
    const res = await fetch(`${service.baseUrl}/notifications`, { headers: await asOperator() });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'VALIDATION.FAILED',
      errors: expect.arrayContaining([
        expect.objectContaining({
          field: 'dossierCode',
          message: 'Cần cho biết mã hồ sơ (dossierCode)',
        }),
      ]),
    });
  });
});
