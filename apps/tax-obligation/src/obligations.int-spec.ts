import {
  ETAX_API,
  PAYMENT_GATEWAY_API,
  SIMULATOR_ADMIN_API,
  TaxFilingResponse,
} from '@lien-thong/agency-contracts';
import { vietnamCalendar, vietnamDateOf } from '@lien-thong/calendar';
import { Topics } from '@lien-thong/contracts';
import { Topology } from '@lien-thong/messaging';
import {
  RunningService,
  SAMPLE_USERS,
  ServiceProcess,
  eventually,
  spawnService,
  startService,
  uniqueName,
} from '@lien-thong/testing';
import { AssessmentView } from './assessments/assessment-view';
import { TaxObligationConfig } from './config/tax-obligation.config';
import { TAX_OBLIGATION_SERVICE } from './service';
import { EventRecorder } from './test-support/event-recorder';
import { aSeller, aSlip } from './test-support/slip.factory';
import { TaxHarness } from './test-support/tax-harness';

jest.setTimeout(40_000);

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SELLER = aSeller().citizenId;
const BUYER = aSlip('x').buyers[0].citizenId;

describe('tax-obligation with the agency simulators', () => {
  let simulators: ServiceProcess;
  let service: RunningService<TaxObligationConfig>;
  let events: EventRecorder;
  let tax: TaxHarness;
  const dossier = () => uniqueName('HS');
  const assessed = (code: string) => events.of(Topics.ObligationsAssessed, code);
  const paid = (code: string) => events.of(Topics.ObligationsPaid, code);
  const waitFor = <T>(what: string, find: () => T[], count = 1) =>
    eventually(() => (find().length >= count ? find() : undefined), 20_000, what);
  const assessmentOf = async (code: string) =>
    (await tax.service<AssessmentView>(`/assessments/${code}`)).body;

  beforeAll(async () => {
    simulators = await spawnService('agency-simulators', {}, { quiet: true });
    service = await startService(TAX_OBLIGATION_SERVICE, {
      E_TAX_URL: `${simulators.baseUrl}${ETAX_API.simulatorMount}`,
      PAYMENT_GATEWAY_URL: `${simulators.baseUrl}${PAYMENT_GATEWAY_API.simulatorMount}`,
      RETRY_DELAYS_MS: '300,600,900',
      // A short window, so that the earlier tests' successful filings do not keep the
      // breaker closed when e-tax goes down.
      AGENCY_POLICY_OVERRIDES: JSON.stringify({
        'e-tax': { resetTimeoutMs: 500, volumeThreshold: 2, timeoutMs: 500, rollingWindowMs: 1000 },
      }),
      LOG_LEVEL: 'error',
    });
    const { KAFKA_BROKERS, KAFKA_PARTITIONS } = service.config;
    events = await EventRecorder.start(
      KAFKA_BROKERS,
      service.app.get(Topology),
      [Topics.ObligationsAssessed, Topics.ObligationsPaid, Topics.TransferSlipReturned],
      KAFKA_PARTITIONS,
    );
    tax = new TaxHarness(
      service.app,
      service.baseUrl,
      simulators.baseUrl,
      KAFKA_BROKERS,
      service.config.PAYMENT_WEBHOOK_SECRET,
    );
  }, 120_000);

  afterAll(async () => {
    await tax?.close();
    await events?.stop();
    await service?.close();
    await simulators?.stop();
  });

  it('assesses the worked example on the table value, files it with e-tax and opens one payment order', async () => {
    const code = dossier();
    const sent = await tax.sendSlip(aSlip(code));
    const [event] = await waitFor('ObligationsAssessed', () => assessed(code));
    const dueDate = vietnamCalendar().addCalendarDaysRolled(vietnamDateOf(new Date()), 30);
    expect(event).toMatchObject({ correlationId: sent.correlationId, causationId: sent.eventId });
    expect(event.payload).toMatchObject({
      assessmentId: `${code}:R1`,
      totalVnd: 100_000_000,
      payUrl: expect.stringContaining(`/pay/${encodeURIComponent(`${code}:R1`)}`),
      notices: [
        {
          code: 'PIT',
          taxpayerName: 'Nguyễn Văn An',
          baseVnd: 4_000_000_000,
          amountVnd: 80_000_000,
          dueDate,
        },
        {
          code: 'REGISTRATION_FEE',
          taxpayerName: 'Trần Thị Bình',
          baseVnd: 4_000_000_000,
          amountVnd: 20_000_000,
          dueDate,
        },
      ],
    });
    const filing = await tax.simulators<TaxFilingResponse>(
      `${ETAX_API.simulatorMount}${ETAX_API.filing(`${code}-R1-${SELLER}`)}`,
    );
    expect(filing.body.notices[0].noticeNumber).toBe(event.payload.notices[0].noticeNumber);
    const feeFiling = await tax.simulators<TaxFilingResponse>(
      `${ETAX_API.simulatorMount}${ETAX_API.filing(`${code}-R1-${BUYER}`)}`,
    );
    expect(feeFiling.body.notices[0].noticeNumber).toBe(event.payload.notices[1].noticeNumber);
    // An officer can explain each amount: base and where it came from, rate, legal basis.
    const view = await assessmentOf(code);
    expect(view).toMatchObject({ status: 'ASSESSED', totalVnd: 100_000_000 });
    expect(view.lines[0]).toMatchObject({
      code: 'PIT',
      baseSource: 'PRICE_TABLE',
      rate: { labelVi: '2%' },
      legalBasis: expect.arrayContaining([
        expect.objectContaining({ document: expect.any(String) }),
      ]),
    });
  });

  it('taxes the contract price when it is above the table value', async () => {
    const code = dossier();
    await tax.sendSlip(aSlip(code, { declaredPriceVnd: 5_000_000_000 }));
    const [event] = await waitFor('ObligationsAssessed', () => assessed(code));
    expect(event.payload.notices.map((n) => [n.code, n.baseVnd, n.amountVnd])).toEqual([
      ['PIT', 5_000_000_000, 100_000_000],
      ['REGISTRATION_FEE', 5_000_000_000, 25_000_000],
    ]);
  });

  it('exempts a parent selling to a child from income tax, but charges the registration fee', async () => {
    const code = dossier();
    const slip = aSlip(code, { sellers: [aSeller({ relationshipToBuyer: 'PARENT_CHILD' })] });
    await tax.sendSlip(slip);
    const [event] = await waitFor('ObligationsAssessed', () => assessed(code));
    expect(event.payload.totalVnd).toBe(20_000_000);
    expect(event.payload.notices).toMatchObject([
      {
        code: 'PIT',
        amountVnd: 0,
        exemptionVi: expect.stringContaining('cha đẻ, mẹ đẻ với con đẻ'),
      },
      { code: 'REGISTRATION_FEE', amountVnd: 20_000_000 },
    ]);
    expect(event.payload.notices[1].exemptionVi).toBeUndefined();
  });

  it('charges a slip delivered twice once: one assessment, one filing per taxpayer, one payment order', async () => {
    const code = dossier();
    await tax.simulators(SIMULATOR_ADMIN_API.stats, 'DELETE');
    const first = await tax.sendSlip(aSlip(code));
    await tax.sendSlip(aSlip(code)); // the land office sends it again
    await tax.sendSlip(aSlip(code), first); // Kafka redelivers the first one
    await eventually(
      async () => ((await tax.consumed(Topics.TransferSlipSent)) ? true : undefined),
      20_000,
      'the three deliveries to be handled',
    );
    await waitFor('ObligationsAssessed', () => assessed(code));
    await settle(1000);
    expect(assessed(code)).toHaveLength(1);
    expect(await tax.countAssessments(code)).toBe(1);
    expect((await tax.agencyStats('e-tax')).received).toBe(2); // seller's PIT, buyer's fee
    expect((await tax.agencyStats('payment-gateway')).received).toBe(1);
  });

  it('keeps a paid assessment when a new slip revision arrives, and returns the slip instead of charging again', async () => {
    const code = dossier();
    await tax.sendSlip(aSlip(code));
    await waitFor('ObligationsAssessed', () => assessed(code));
    await tax.simulators(SIMULATOR_ADMIN_API.paymentPay(`${code}:R1`), 'POST', {});
    await waitFor('ObligationsPaid', () => paid(code));
    await tax.sendSlip(aSlip(code, { slipRevision: 2, declaredPriceVnd: 6_000_000_000 }));
    const [returned] = await waitFor('TransferSlipReturned', () =>
      events.of(Topics.TransferSlipReturned, code),
    );
    expect(returned.payload).toMatchObject({
      slipRevision: 2,
      problems: [{ field: 'slipRevision', code: 'SLIP.ALREADY_ASSESSED' }],
    });
    expect(assessed(code)).toHaveLength(1);
    expect(await assessmentOf(code)).toMatchObject({
      assessmentId: `${code}:R1`,
      status: 'PAID',
    });
  });

  it('records a payment once however many callbacks the gateway sends', async () => {
    const code = dossier();
    const slip = await tax.sendSlip(aSlip(code));
    const [assessedEvent] = await waitFor('ObligationsAssessed', () => assessed(code));
    const orderId = `${code}:R1`;
    const order = await tax.simulators<{ transactionId: string; paidAt: string }>(
      SIMULATOR_ADMIN_API.paymentPay(orderId),
      'POST',
      {},
    );
    const [event] = await waitFor('ObligationsPaid', () => paid(code));
    expect(event.payload).toEqual({
      dossierCode: code,
      assessmentId: orderId,
      amountVnd: 100_000_000,
      paidAt: order.body.paidAt,
      transactionId: order.body.transactionId,
      late: false,
    });
    // The payment continues the dossier's chain of events.
    expect(event).toMatchObject({
      correlationId: slip.correlationId,
      causationId: assessedEvent.eventId,
    });
    await tax.simulators(SIMULATOR_ADMIN_API.paymentRedeliverCallback(orderId), 'POST');
    const callback = { orderId, status: 'PAID', amountVnd: 100_000_000, paidAt: order.body.paidAt };
    const again = await tax.callback({
      ...callback,
      transactionId: order.body.transactionId,
    });
    const other = await tax.callback({
      ...callback,
      transactionId: 'SIM-OTHER',
    });
    expect([again, other]).toEqual([
      { status: 200, body: { orderId, status: 'PAID', recorded: false } },
      { status: 200, body: { orderId, status: 'PAID', recorded: false } },
    ]);
    await settle(1500);
    expect(paid(code)).toHaveLength(1);
    expect(await assessmentOf(code)).toMatchObject({
      status: 'PAID',
      payment: { transactionId: order.body.transactionId, amountVnd: 100_000_000 },
    });
  });

  it('shows an assessment to the tax officers of its province and to its taxpayers, and to no one else', async () => {
    const code = dossier();
    const an = SAMPLE_USERS.citizenAn; // the sample citizen 001060100000, as the seller
    await tax.sendSlip(aSlip(code, { sellers: [aSeller({ citizenId: an })] }));
    await waitFor('ObligationsAssessed', () => assessed(code));
    const path = `/assessments/${code}`;
    expect((await tax.service(path)).status).toBe(200);
    expect((await tax.service(path, 'GET', undefined, an)).status).toBe(200);
    // Another province's tax officer and a citizen who is not a party: as if it did not exist.
    for (const other of [SAMPLE_USERS.taxAnGiang, SAMPLE_USERS.citizenKhoa])
      expect(await tax.service(path, 'GET', undefined, other)).toMatchObject({
        status: 404,
        body: { code: 'ASSESSMENT.NOT_FOUND' },
      });
    expect((await tax.service(path, 'GET', undefined, SAMPLE_USERS.counterBaDinh)).status).toBe(
      403,
    );
    expect((await fetch(`${tax.serviceUrl}${path}`)).status).toBe(401);
  });

  it('refuses a payment callback that is not signed by the gateway, and records nothing', async () => {
    const code = dossier();
    await tax.sendSlip(aSlip(code));
    await waitFor('ObligationsAssessed', () => assessed(code));
    const forged = {
      orderId: `${code}:R1`,
      status: 'PAID',
      amountVnd: 100_000_000,
      paidAt: new Date().toISOString(),
      transactionId: 'SIM-FORGED',
    };
    const answer = await tax.callback(forged, 'a-secret-the-gateway-never-had!!');
    expect(answer).toMatchObject({ status: 401, body: { code: 'WEBHOOK.SIGNATURE_INVALID' } });
    await settle(1000);
    expect(paid(code)).toHaveLength(0);
    expect(await assessmentOf(code)).toMatchObject({ status: 'ASSESSED' });
  });

  it('refuses a callback whose amount does not match, and reports a payment after the deadline as late', async () => {
    const code = dossier();
    await tax.sendSlip(aSlip(code));
    await waitFor('ObligationsAssessed', () => assessed(code));
    const orderId = `${code}:R1`;
    const wrong = await tax.callback({
      orderId,
      status: 'PAID',
      amountVnd: 1_000,
      paidAt: new Date().toISOString(),
      transactionId: 'SIM-WRONG',
    });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'PAYMENT.AMOUNT_MISMATCH' } });
    const paidAt = new Date(Date.now() + 40 * 86_400_000).toISOString();
    await tax.simulators(SIMULATOR_ADMIN_API.paymentPay(orderId), 'POST', { paidAt });
    const [event] = await waitFor('ObligationsPaid', () => paid(code));
    expect(event.payload).toMatchObject({ late: true, paidAt });
  });

  it('returns a slip the price table cannot price to the land office, and assesses its correction', async () => {
    const code = dossier();
    const parcel = { ...aSlip(code).parcel, priceZone: 'PHO-KHONG-CO' };
    await tax.sendSlip(aSlip(code, { parcel }));
    const [returned] = await waitFor('TransferSlipReturned', () =>
      events.of(Topics.TransferSlipReturned, code),
    );
    expect(returned.payload).toEqual({
      dossierCode: code,
      slipRevision: 1,
      problems: [
        {
          field: 'parcel.priceZone',
          code: 'SLIP.PRICE_ZONE_NOT_FOUND',
          messageVi: expect.stringMatching(
            /^Tuyến đường, khu vực "PHO-KHONG-CO" không có trong bảng giá đất/,
          ),
        },
      ],
    });
    await tax.sendSlip(aSlip(code, { slipRevision: 2 }));
    await waitFor('ObligationsAssessed', () => assessed(code));
    expect(await assessmentOf(code)).toMatchObject({
      assessmentId: `${code}:R2`,
      status: 'ASSESSED',
      otherRevisions: [{ slipRevision: 1, status: 'RETURNED' }],
    });
  });

  it('settles a gift between parent and child at once: nothing owed, no payment order', async () => {
    const code = dossier();
    const slip = aSlip(code, {
      transferKind: 'GIFT',
      declaredPriceVnd: undefined,
      sellers: [aSeller({ relationshipToBuyer: 'PARENT_CHILD' })],
    });
    await tax.sendSlip(slip);
    const [done] = await waitFor('ObligationsPaid', () => paid(code));
    expect(done.payload).toMatchObject({ amountVnd: 0, transactionId: 'EXEMPT', late: false });
    expect(assessed(code)[0].payload).toMatchObject({
      totalVnd: 0,
      notices: [{ amountVnd: 0 }, { amountVnd: 0 }],
    });
    const order = await tax.simulators(
      `${PAYMENT_GATEWAY_API.simulatorMount}${PAYMENT_GATEWAY_API.order(`${code}:R1`)}`,
    );
    expect(order.status).toBe(404);
  });

  it('waits while e-tax is down, without dead letters, and assesses once it is back', async () => {
    const code = dossier();
    await tax.simulators(SIMULATOR_ADMIN_API.agencyFaults('e-tax'), 'PUT', { outage: true });
    try {
      await tax.sendSlip(aSlip(code));
      await settle(4000);
      expect((await tax.service(`/assessments/${code}`)).status).toBe(404);
      expect(assessed(code)).toHaveLength(0);
      expect(
        (await tax.service('/admin/dead-letters', 'GET', undefined, SAMPLE_USERS.operator)).body,
      ).toEqual([]);
      const health = await tax.service<{ checks: { agencies: { opens: Record<string, number> } } }>(
        '/health',
      );
      expect(health.body.checks.agencies.opens['e-tax']).toBeGreaterThanOrEqual(1);
    } finally {
      await tax.simulators(SIMULATOR_ADMIN_API.faults, 'DELETE');
    }
    const [event] = await waitFor('ObligationsAssessed', () => assessed(code));
    expect(event.payload.totalVnd).toBe(100_000_000);
  });
});
