import {
  AgencyErrorBody,
  ETAX_API,
  PAYMENT_GATEWAY_API,
  PaymentOrderResponse,
  SIMULATOR_ADMIN_API,
  TaxFilingResponse,
} from '@lien-thong/agency-contracts';
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
import { aRefusal, aWithdrawal } from './test-support/closure.factory';
import { EventRecorder } from './test-support/event-recorder';
import { aBuyer, aSeller, aSlip } from './test-support/slip.factory';
import { TaxHarness } from './test-support/tax-harness';

jest.setTimeout(40_000);

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SELLER = aSeller().citizenId;
const BUYER = aBuyer().citizenId;
/** Short breaker windows, so that an agency back from an outage is tried again within a second. */
const QUICK_BREAKER = {
  resetTimeoutMs: 500,
  volumeThreshold: 2,
  timeoutMs: 1000,
  rollingWindowMs: 1000,
};

describe('tax-obligation undoes what it filed and charged for a closed or corrected dossier', () => {
  let simulators: ServiceProcess;
  let service: RunningService<TaxObligationConfig>;
  let events: EventRecorder;
  let tax: TaxHarness;
  const dossier = () => uniqueName('HS');
  const assessed = (code: string) => events.of(Topics.ObligationsAssessed, code);
  const paid = (code: string) => events.of(Topics.ObligationsPaid, code);
  const cancelled = (code: string) => events.of(Topics.ObligationsCancelled, code);
  const refunded = (code: string) => events.of(Topics.PaymentRefunded, code);
  const waitFor = <T>(what: string, find: () => T[], count = 1) =>
    eventually(() => (find().length >= count ? find() : undefined), 20_000, what);
  const assessmentOf = async (code: string) =>
    (await tax.service<AssessmentView>(`/assessments/${code}`)).body;
  /**
   * The assessment once its compensation is complete, as the tax office sees it then: the
   * announcements (ObligationsCancelled, PaymentRefunded) go out just before it is marked
   * done, so a read right after them may still show it under way.
   */
  const compensatedAssessmentOf = (code: string) =>
    eventually(
      async () => {
        const assessment = await assessmentOf(code);
        return assessment.compensation?.doneAt ? assessment : undefined;
      },
      20_000,
      `the compensation of ${code} completed`,
    );
  const orderOf = async (orderId: string) =>
    (
      await tax.simulators<PaymentOrderResponse>(
        `${PAYMENT_GATEWAY_API.simulatorMount}${PAYMENT_GATEWAY_API.order(orderId)}`,
      )
    ).body;
  const filingOf = async (filingId: string) =>
    (
      await tax.simulators<TaxFilingResponse>(
        `${ETAX_API.simulatorMount}${ETAX_API.filing(filingId)}`,
      )
    ).body;
  const gatewayDown = () =>
    tax.simulators(SIMULATOR_ADMIN_API.agencyFaults('payment-gateway'), 'PUT', { outage: true });
  const agenciesBack = () => tax.simulators(SIMULATOR_ADMIN_API.faults, 'DELETE');
  const assess = async (code: string) => {
    const slip = await tax.sendSlip(aSlip(code));
    const [event] = await waitFor('ObligationsAssessed', () => assessed(code));
    return { slip, event };
  };

  beforeAll(async () => {
    simulators = await spawnService(
      'agency-simulators',
      { PAYMENT_CALLBACK_BACKOFF_MS: '200' },
      { quiet: true },
    );
    service = await startService(TAX_OBLIGATION_SERVICE, {
      E_TAX_URL: `${simulators.baseUrl}${ETAX_API.simulatorMount}`,
      PAYMENT_GATEWAY_URL: `${simulators.baseUrl}${PAYMENT_GATEWAY_API.simulatorMount}`,
      RETRY_DELAYS_MS: '300,600,900',
      COMPENSATION_RETRY_MS: '1000',
      AGENCY_POLICY_OVERRIDES: JSON.stringify({
        'e-tax': QUICK_BREAKER,
        'payment-gateway': QUICK_BREAKER,
      }),
      LOG_LEVEL: 'error',
    });
    const { KAFKA_BROKERS, KAFKA_PARTITIONS } = service.config;
    events = await EventRecorder.start(
      KAFKA_BROKERS,
      service.app.get(Topology),
      [
        Topics.ObligationsAssessed,
        Topics.ObligationsPaid,
        Topics.ObligationsCancelled,
        Topics.PaymentRefunded,
        Topics.TransferSlipReturned,
      ],
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

  afterEach(async () => {
    await agenciesBack();
  });

  afterAll(async () => {
    await tax?.close();
    await events?.stop();
    await service?.close();
    await simulators?.stop();
  });

  it('voids the notices and cancels the order of a dossier refused after assessment: the citizen can no longer pay', async () => {
    const code = dossier();
    const { slip, event } = await assess(code);
    const refusal = await tax.sendLandEvent(Topics.DossierRefused, code, aRefusal(code));
    const [done] = await waitFor('ObligationsCancelled', () => cancelled(code));
    expect(done.payload).toEqual({
      dossierCode: code,
      assessmentId: `${code}:R1`,
      reason: 'REFUSED',
      voidedNoticeNumbers: event.payload.notices.map((n) => n.noticeNumber),
      paymentOrderCancelled: true,
      cancelledAt: expect.any(String),
    });
    // The cancellation continues the dossier's chain, caused by the refusal.
    expect(done).toMatchObject({
      correlationId: slip.correlationId,
      causationId: refusal.eventId,
    });
    expect((await filingOf(`${code}-R1-${SELLER}`)).status).toBe('VOIDED');
    expect((await filingOf(`${code}-R1-${BUYER}`)).status).toBe('VOIDED');
    expect((await orderOf(`${code}:R1`)).status).toBe('CANCELLED');
    const paying = await tax.simulators<AgencyErrorBody>(
      SIMULATOR_ADMIN_API.paymentPay(`${code}:R1`),
      'POST',
      {},
    );
    expect(paying).toMatchObject({ status: 409, body: { code: 'PAYMENT.ORDER_CANCELLED' } });
    expect(await compensatedAssessmentOf(code)).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'REFUSED',
      compensation: { orderOutcome: 'CANCELLED', doneAt: expect.any(String) },
    });
    // A callback claiming the cancelled order was paid is checked with the gateway: refused.
    const claim = await tax.callback({
      orderId: `${code}:R1`,
      status: 'PAID',
      amountVnd: 100_000_000,
      paidAt: new Date().toISOString(),
      transactionId: 'SIM-NEVER-PAID',
    });
    expect(claim).toMatchObject({ status: 422, body: { code: 'PAYMENT.NOT_CONFIRMED' } });
    await settle(1000);
    expect(cancelled(code)).toHaveLength(1);
    expect(refunded(code)).toHaveLength(0);
    expect(paid(code)).toHaveLength(0);
    expect((await assessmentOf(code)).status).toBe('CANCELLED');
  });

  it('refunds a dossier withdrawn after the citizen paid, and voids its notices', async () => {
    const code = dossier();
    await assess(code);
    await tax.simulators(SIMULATOR_ADMIN_API.paymentPay(`${code}:R1`), 'POST', {});
    const [payment] = await waitFor('ObligationsPaid', () => paid(code));
    await tax.sendLandEvent(Topics.DossierWithdrawn, code, aWithdrawal(code));
    const [refund] = await waitFor('PaymentRefunded', () => refunded(code));
    const order = await orderOf(`${code}:R1`);
    expect(order).toMatchObject({
      status: 'REFUNDED',
      transactionId: payment.payload.transactionId,
    });
    expect(refund.payload).toEqual({
      dossierCode: code,
      assessmentId: `${code}:R1`,
      amountVnd: 100_000_000,
      refundId: order.refundId,
      refundedAt: order.refundedAt,
      reason: 'WITHDRAWN',
    });
    const [done] = await waitFor('ObligationsCancelled', () => cancelled(code));
    expect(done.payload).toMatchObject({ reason: 'WITHDRAWN', paymentOrderCancelled: false });
    expect((await filingOf(`${code}-R1-${SELLER}`)).status).toBe('VOIDED');
    expect(await compensatedAssessmentOf(code)).toMatchObject({
      status: 'REFUNDED',
      compensation: { refund: { refundId: order.refundId, amountVnd: 100_000_000 } },
    });
    await settle(1000);
    expect(refunded(code)).toHaveLength(1);
  });

  it('retries a compensation while the gateway is down, without dead letters, and completes it once it is back', async () => {
    const code = dossier();
    await assess(code);
    await gatewayDown();
    await tax.sendLandEvent(Topics.DossierRefused, code, aRefusal(code));
    await eventually(
      async () => ((await assessmentOf(code)).compensation?.attempts ?? 0) >= 2 || undefined,
      20_000,
      'the compensation to be retried',
    );
    expect(cancelled(code)).toHaveLength(0);
    expect(await assessmentOf(code)).toMatchObject({
      status: 'CANCELLING',
      compensation: { reason: 'REFUSED', lastError: expect.stringContaining('payment-gateway') },
    });
    const deadLetters = await tax.service(
      '/admin/dead-letters',
      'GET',
      undefined,
      SAMPLE_USERS.operator,
    );
    expect(deadLetters.body).toEqual([]);

    await agenciesBack();
    const [done] = await waitFor('ObligationsCancelled', () => cancelled(code));
    expect(done.payload).toMatchObject({ reason: 'REFUSED', paymentOrderCancelled: true });
    expect((await orderOf(`${code}:R1`)).status).toBe('CANCELLED');
  });

  it('refunds a payment that arrives after the refusal and never reports it paid', async () => {
    const code = dossier();
    await assess(code);
    // The gateway is down for us while the refusal is compensated, but the citizen pays on it.
    await gatewayDown();
    await tax.sendLandEvent(Topics.DossierRefused, code, aRefusal(code));
    await eventually(
      async () => ((await assessmentOf(code)).compensation?.attempts ?? 0) >= 1 || undefined,
      20_000,
      'the first compensation attempt',
    );
    const payment = await tax.simulators<PaymentOrderResponse>(
      SIMULATOR_ADMIN_API.paymentPay(`${code}:R1`),
      'POST',
      {},
    );
    expect(payment.body.status).toBe('PAID');
    // The gateway's callback is answered, and refunds instead of recording the payment.
    const callback = await tax.callback({
      orderId: `${code}:R1`,
      status: 'PAID',
      amountVnd: 100_000_000,
      paidAt: payment.body.paidAt,
      transactionId: payment.body.transactionId,
    });
    expect(callback).toEqual({
      status: 200,
      body: { orderId: `${code}:R1`, status: 'REFUNDING', recorded: false },
    });

    await agenciesBack();
    const [refund] = await waitFor('PaymentRefunded', () => refunded(code));
    expect(refund.payload).toMatchObject({ amountVnd: 100_000_000, reason: 'REFUSED' });
    expect((await orderOf(`${code}:R1`)).status).toBe('REFUNDED');
    const [done] = await waitFor('ObligationsCancelled', () => cancelled(code));
    expect(done.payload).toMatchObject({ paymentOrderCancelled: false });
    await settle(1500);
    expect(paid(code)).toHaveLength(0);
    expect(refunded(code)).toHaveLength(1);
    expect((await assessmentOf(code)).status).toBe('REFUNDED');
  });

  it('assesses nothing for the slip of a dossier already refused', async () => {
    const code = dossier();
    const refusal = await tax.sendLandEvent(Topics.DossierRefused, code, aRefusal(code));
    await eventually(async () => (await tax.handled(refusal.eventId)) || undefined, 20_000);
    await tax.sendSlip(aSlip(code));
    await eventually(
      async () => (await tax.consumed(Topics.TransferSlipSent)) || undefined,
      20_000,
    );
    await settle(500);
    expect(assessed(code)).toHaveLength(0);
    expect(await tax.countAssessments(code)).toBe(0);
    expect((await filingOf(`${code}-R1-${SELLER}`)) as unknown).toMatchObject({
      code: 'ETAX.FILING_NOT_FOUND',
    });
  });

  it('supersedes an unpaid assessment with a corrected slip: old notices voided, old order cancelled, the new revision assessed', async () => {
    const code = dossier();
    const { event: first } = await assess(code);
    const corrected = await tax.sendSlip(
      aSlip(code, { slipRevision: 2, declaredPriceVnd: 5_000_000_000 }),
    );
    const [done] = await waitFor('ObligationsCancelled', () => cancelled(code));
    expect(done.payload).toMatchObject({
      assessmentId: `${code}:R1`,
      reason: 'SUPERSEDED',
      voidedNoticeNumbers: first.payload.notices.map((n) => n.noticeNumber),
      paymentOrderCancelled: true,
    });
    expect(done.causationId).toBe(corrected.eventId);
    const [, second] = await waitFor('the second ObligationsAssessed', () => assessed(code), 2);
    expect(second.payload).toMatchObject({
      assessmentId: `${code}:R2`,
      slipRevision: 2,
      totalVnd: 125_000_000,
    });
    expect((await orderOf(`${code}:R1`)).status).toBe('CANCELLED');
    expect((await orderOf(`${code}:R2`)).status).toBe('PENDING');
    expect((await filingOf(`${code}-R1-${SELLER}`)).status).toBe('VOIDED');
    expect((await filingOf(`${code}-R2-${SELLER}`)).status).toBe('FILED');
    expect(await assessmentOf(code)).toMatchObject({
      assessmentId: `${code}:R2`,
      status: 'ASSESSED',
      otherRevisions: [{ slipRevision: 1, status: 'CANCELLED', cancellationReason: 'SUPERSEDED' }],
    });
    expect(events.of(Topics.TransferSlipReturned, code)).toHaveLength(0);
  });

  it('issues the corrected slip’s notices only once the superseded order is cancelled, waiting while the gateway is down', async () => {
    const code = dossier();
    await assess(code);
    await gatewayDown();
    await tax.sendSlip(aSlip(code, { slipRevision: 2, declaredPriceVnd: 5_000_000_000 }));
    await eventually(
      async () => ((await assessmentOf(code)).compensation?.attempts ?? 0) >= 1 || undefined,
      20_000,
      'the superseded assessment to wait for the gateway',
    );
    await settle(2000);
    expect(assessed(code)).toHaveLength(1);
    expect(cancelled(code)).toHaveLength(0);
    expect(await assessmentOf(code)).toMatchObject({
      assessmentId: `${code}:R1`,
      status: 'CANCELLING',
      cancellationReason: 'SUPERSEDED',
    });
    const deadLetters = await tax.service(
      '/admin/dead-letters',
      'GET',
      undefined,
      SAMPLE_USERS.operator,
    );
    expect(deadLetters.body).toEqual([]);

    await agenciesBack();
    const [, second] = await waitFor('the second ObligationsAssessed', () => assessed(code), 2);
    expect(second.payload).toMatchObject({ assessmentId: `${code}:R2`, totalVnd: 125_000_000 });
    expect(cancelled(code)[0].payload).toMatchObject({
      assessmentId: `${code}:R1`,
      reason: 'SUPERSEDED',
    });
    expect((await orderOf(`${code}:R1`)).status).toBe('CANCELLED');
  });
});
