import {
  AgencyErrorBody,
  AutoPaySetting,
  PAYMENT_GATEWAY_API,
  PaymentCallback,
  PaymentOrderResponse,
  SIMULATOR_ADMIN_API,
} from '@lien-thong/agency-contracts';
import { webhookSignatureProblem } from '@lien-thong/platform';
import {
  authAs,
  eventually,
  RunningService,
  SAMPLE_USERS,
  startService,
  testInfra,
} from '@lien-thong/testing';
import { AgencySimulatorsConfig } from '../config/agency-simulators.config';
import { AGENCY_SIMULATORS_SERVICE } from '../service';
import { startHttpReceiver } from '../test-support/http-receiver';
import { jsonClient } from '../test-support/json-client';

const ORDERS = `${PAYMENT_GATEWAY_API.simulatorMount}${PAYMENT_GATEWAY_API.orders}`;
const orderPath = (orderId: string) =>
  `${PAYMENT_GATEWAY_API.simulatorMount}${PAYMENT_GATEWAY_API.order(orderId)}`;
const cancelPath = (orderId: string) =>
  `${PAYMENT_GATEWAY_API.simulatorMount}${PAYMENT_GATEWAY_API.cancelOrder(orderId)}`;
const refundPath = (orderId: string) =>
  `${PAYMENT_GATEWAY_API.simulatorMount}${PAYMENT_GATEWAY_API.refundOrder(orderId)}`;
const because = { reason: 'Hồ sơ bị từ chối giải quyết' };
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe('payment gateway simulator', () => {
  let simulators: RunningService<AgencySimulatorsConfig>;
  let api: ReturnType<typeof jsonClient>;
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
  const order = (orderId: string, callbackUrl = `${receiver.url}/payments/${orderId}`) => ({
    orderId,
    dossierCode: '000.00.04.H26-260701-0002',
    noticeNumbers: ['TB-TNCN-2026-0000001', 'TB-LPTB-2026-0000002'],
    amountVnd: 100_000_000,
    callbackUrl,
  });
  const callbacksFor = (orderId: string) =>
    receiver.requests.filter((r) => r.path === `/payments/${orderId}`);

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    // Callback failures are expected here: keep their warnings out of the test output.
    simulators = await startService(AGENCY_SIMULATORS_SERVICE, {
      LOG_LEVEL: 'error',
      PAYMENT_CALLBACK_BACKOFF_MS: '20',
      SIMULATORS_PUBLIC_URL: 'https://dichvucong.example.vn/sim/',
    });
    api = jsonClient(simulators.baseUrl, await authAs(SAMPLE_USERS.operator));
  });
  afterAll(async () => {
    await simulators?.close();
    await receiver?.close();
  });

  it('opens a pending order with a payUrl, and the same orderId again answers the same order', async () => {
    const created = await api.post<PaymentOrderResponse>(ORDERS, order('order-1'));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      ...order('order-1'),
      callbackUrl: undefined,
      status: 'PENDING',
      payUrl: 'https://dichvucong.example.vn/sim/payments/v1/pay/order-1',
      createdAt: expect.any(String),
    });
    const again = await api.post<PaymentOrderResponse>(ORDERS, order('order-1'));
    expect(again).toMatchObject({ status: 201, body: created.body });
    expect((await api.get(orderPath('order-1'))).body).toEqual(created.body);

    const reused = await api.post<AgencyErrorBody>(ORDERS, { ...order('order-1'), amountVnd: 1 });
    expect(reused).toMatchObject({ status: 409, body: { code: 'PAYMENT.ORDER_ID_REUSED' } });
  });

  it('delivers the payment callback once, and a second pay creates no second transaction', async () => {
    await api.post(ORDERS, order('order-2'));
    const paid = await api.post<PaymentOrderResponse>(SIMULATOR_ADMIN_API.paymentPay('order-2'));
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      status: 'PAID',
      transactionId: expect.stringMatching(/^SIM-/),
    });
    await eventually(
      () => (callbacksFor('order-2').length === 1 ? true : undefined),
      5000,
      'callback',
    );
    expect(callbacksFor('order-2')[0]).toMatchObject({
      method: 'POST',
      body: {
        orderId: 'order-2',
        status: 'PAID',
        amountVnd: 100_000_000,
        paidAt: paid.body.paidAt,
        transactionId: paid.body.transactionId,
      },
    });

    const [second, third] = await Promise.all([
      api.post<PaymentOrderResponse>(SIMULATOR_ADMIN_API.paymentPay('order-2')),
      api.post<PaymentOrderResponse>(SIMULATOR_ADMIN_API.paymentPay('order-2')),
    ]);
    expect(second.body).toEqual(paid.body);
    expect(third.body).toEqual(paid.body);
    await settle();
    expect(callbacksFor('order-2')).toHaveLength(1);
    expect((await api.get(orderPath('order-2'))).body).toEqual(paid.body);
  });

  it('pays exactly once when two pay calls race', async () => {
    await api.post(ORDERS, order('order-race'));
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        api.post<PaymentOrderResponse>(SIMULATOR_ADMIN_API.paymentPay('order-race')),
      ),
    );
    expect(new Set(answers.map((a) => a.body.transactionId)).size).toBe(1);
    await settle();
    expect(callbacksFor('order-race')).toHaveLength(1);
  });

  it('keeps a late paidAt and retries a failing callback with the same transaction', async () => {
    const flaky = await startHttpReceiver([500, 503, 200]);
    try {
      await api.post(ORDERS, order('order-3', `${flaky.url}/cb`));
      const paid = await api.post<PaymentOrderResponse>(SIMULATOR_ADMIN_API.paymentPay('order-3'), {
        paidAt: '2026-09-15T10:00:00.000Z',
      });
      expect(paid.body.paidAt).toBe('2026-09-15T10:00:00.000Z');
      await eventually(() => (flaky.requests.length === 3 ? true : undefined), 5000, 'retries');
      const bodies = flaky.requests.map((r) => r.body as PaymentCallback);
      expect(new Set(bodies.map((b) => b.transactionId))).toEqual(
        new Set([paid.body.transactionId]),
      );
      expect(bodies[0].paidAt).toBe('2026-09-15T10:00:00.000Z');
      await settle();
      expect(flaky.requests).toHaveLength(3);
    } finally {
      await flaky.close();
    }
  });

  it('redelivers the callback of a paid order on request, and refuses for a pending one', async () => {
    await api.post(ORDERS, order('order-4'));
    const pending = await api.post<AgencyErrorBody>(
      SIMULATOR_ADMIN_API.paymentRedeliverCallback('order-4'),
    );
    expect(pending).toMatchObject({ status: 409, body: { code: 'PAYMENT.ORDER_NOT_PAID' } });
    await api.post(SIMULATOR_ADMIN_API.paymentPay('order-4'));
    await eventually(() => (callbacksFor('order-4').length === 1 ? true : undefined), 5000);
    expect((await api.post(SIMULATOR_ADMIN_API.paymentRedeliverCallback('order-4'))).status).toBe(
      202,
    );
    await eventually(() => (callbacksFor('order-4').length === 2 ? true : undefined), 5000);
    expect(callbacksFor('order-4')[1].body).toEqual(callbacksFor('order-4')[0].body);
  });

  it('pays every new order by itself while auto-pay is on', async () => {
    const on = await api.put<AutoPaySetting>(SIMULATOR_ADMIN_API.paymentAutoPay, { delayMs: 50 });
    expect(on.body).toEqual({ delayMs: 50 });
    await api.post(ORDERS, order('order-5'));
    await eventually(() => (callbacksFor('order-5').length === 1 ? true : undefined), 5000);
    expect((await api.get<PaymentOrderResponse>(orderPath('order-5'))).body.status).toBe('PAID');

    await api.put(SIMULATOR_ADMIN_API.paymentAutoPay, { delayMs: null });
    expect((await api.get(SIMULATOR_ADMIN_API.paymentAutoPay)).body).toEqual({ delayMs: null });
    await api.post(ORDERS, order('order-6'));
    await settle(200);
    expect((await api.get<PaymentOrderResponse>(orderPath('order-6'))).body.status).toBe('PENDING');
  });

  it('serves a payment page that says it is simulated', async () => {
    await api.post(ORDERS, order('order-7'));
    const page = await api.get<string>(
      `${PAYMENT_GATEWAY_API.simulatorMount}${PAYMENT_GATEWAY_API.payPage('order-7')}`,
    );
    expect(page.status).toBe(200);
    expect(page.body).toContain('MÔ PHỎNG');
    expect(page.body).toContain('100.000.000 đồng');
    // The button posts back to the page itself (the citizen needs no operator's token).
    expect(page.body).toContain('<form method="post" action="">');
    const clicked = await fetch(`${simulators.baseUrl}/payments/v1/pay/order-7`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain('Đã thanh toán');
    const stored = await api.get<PaymentOrderResponse>(orderPath('order-7'));
    expect(stored.body.status).toBe('PAID');
  });

  it('signs every callback with the gateway secret, so that the receiver can tell it from a forgery', async () => {
    await api.post(ORDERS, order('order-8'));
    await api.post(SIMULATOR_ADMIN_API.paymentPay('order-8'), {});
    const [callback] = await eventually(
      () => (callbacksFor('order-8').length > 0 ? callbacksFor('order-8') : undefined),
      10_000,
      'callback',
    );
    const secret = testInfra().envFor('agency-simulators').PAYMENT_WEBHOOK_SECRET;
    expect(webhookSignatureProblem(secret, callback.signature, callback.raw)).toBeNull();
    expect(
      webhookSignatureProblem('another-secret-of-32-characters!', callback.signature, callback.raw),
    ).toBe('signature does not match');
  });

  it('calls back only hosts it is allowed to (no requests to arbitrary addresses)', async () => {
    const answer = await api.post(
      ORDERS,
      order('order-9', 'http://169.254.169.254/latest/meta-data'),
    );
    expect(answer).toMatchObject({ status: 422, body: { code: 'PAYMENT.CALLBACK_NOT_ALLOWED' } });
    expect((await api.get(orderPath('order-9'))).status).toBe(404);
  });

  it('keeps its controls for the operator: no token 401, another role 403', async () => {
    const path = SIMULATOR_ADMIN_API.paymentPay('order-1');
    expect((await jsonClient(simulators.baseUrl).post(path, {})).status).toBe(401);
    const counter = jsonClient(simulators.baseUrl, await authAs(SAMPLE_USERS.counterBaDinh));
    expect((await counter.post(path, {})).status).toBe(403);
  });

  it('cancels an unpaid order once, after which the citizen cannot pay it', async () => {
    await api.post(ORDERS, order('order-cancel'));
    const [cancelled, again] = await Promise.all([
      api.post<PaymentOrderResponse>(cancelPath('order-cancel'), because),
      api.post<PaymentOrderResponse>(cancelPath('order-cancel'), because),
    ]);
    expect(cancelled).toMatchObject({
      status: 200,
      body: { status: 'CANCELLED', cancelledAt: expect.any(String) },
    });
    expect(again.body).toEqual(cancelled.body);
    const paying = await api.post<AgencyErrorBody>(SIMULATOR_ADMIN_API.paymentPay('order-cancel'));
    expect(paying).toMatchObject({ status: 409, body: { code: 'PAYMENT.ORDER_CANCELLED' } });
    const page = await api.get<string>(
      `${PAYMENT_GATEWAY_API.simulatorMount}${PAYMENT_GATEWAY_API.payPage('order-cancel')}`,
    );
    expect(page.body).toContain('đã bị hủy');
    expect(page.body).not.toContain('<form');
    await settle();
    expect(callbacksFor('order-cancel')).toHaveLength(0);
    expect((await api.get<PaymentOrderResponse>(orderPath('order-cancel'))).body).toEqual(
      cancelled.body,
    );
  });

  it('lets either a payment or a cancellation win when they race, never both', async () => {
    for (const id of ['order-duel-1', 'order-duel-2', 'order-duel-3']) {
      await api.post(ORDERS, order(id));
      const [paid, cancelled] = await Promise.all([
        api.post<PaymentOrderResponse>(SIMULATOR_ADMIN_API.paymentPay(id)),
        api.post<PaymentOrderResponse>(cancelPath(id), because),
      ]);
      const final = (await api.get<PaymentOrderResponse>(orderPath(id))).body;
      expect([paid.status, cancelled.status].sort()).toEqual([200, 409]);
      expect(final.status).toBe(paid.status === 200 ? 'PAID' : 'CANCELLED');
    }
  });

  it('refunds a paid order in full once; a cancel then answers 409 and an unpaid order cannot be refunded', async () => {
    await api.post(ORDERS, order('order-refund'));
    const unpaid = await api.post<AgencyErrorBody>(refundPath('order-refund'), because);
    expect(unpaid).toMatchObject({ status: 409, body: { code: 'PAYMENT.ORDER_NOT_PAID' } });
    const paid = await api.post<PaymentOrderResponse>(
      SIMULATOR_ADMIN_API.paymentPay('order-refund'),
    );
    const notCancelled = await api.post<AgencyErrorBody>(cancelPath('order-refund'), because);
    expect(notCancelled).toMatchObject({
      status: 409,
      body: { code: 'PAYMENT.ORDER_ALREADY_PAID' },
    });
    const [refunded, again] = await Promise.all([
      api.post<PaymentOrderResponse>(refundPath('order-refund'), because),
      api.post<PaymentOrderResponse>(refundPath('order-refund'), because),
    ]);
    expect(refunded).toMatchObject({
      status: 200,
      body: {
        status: 'REFUNDED',
        amountVnd: 100_000_000,
        transactionId: paid.body.transactionId,
        refundId: expect.stringMatching(/^SIM-RF-/),
        refundedAt: expect.any(String),
      },
    });
    expect(again.body).toEqual(refunded.body);
    // Paying again answers the refunded order, with no new transaction.
    const payAgain = await api.post<PaymentOrderResponse>(
      SIMULATOR_ADMIN_API.paymentPay('order-refund'),
    );
    expect(payAgain.body).toEqual(refunded.body);
  });

  it('injects the gateway faults into cancel and refund as into its other routes', async () => {
    await api.post(ORDERS, order('order-down'));
    await api.put(SIMULATOR_ADMIN_API.agencyFaults('payment-gateway'), { outage: true });
    try {
      expect(await api.post(cancelPath('order-down'), because)).toMatchObject({
        status: 503,
        body: { code: 'SIMULATOR.OUTAGE' },
      });
      expect((await api.post(refundPath('order-down'), because)).status).toBe(503);
    } finally {
      await api.delete(SIMULATOR_ADMIN_API.faults);
    }
    expect((await api.get<PaymentOrderResponse>(orderPath('order-down'))).body.status).toBe(
      'PENDING',
    );
  });

  it('answers 404 with a code for an unknown order, and 400 for a malformed one', async () => {
    expect(await api.get(orderPath('nope'))).toMatchObject({
      status: 404,
      body: { code: 'PAYMENT.ORDER_NOT_FOUND' },
    });
    const bad = await api.post<AgencyErrorBody>(ORDERS, {
      ...order('order-8'),
      amountVnd: 0,
      noticeNumbers: [],
      callbackUrl: 'not a url',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual([
      'amountVnd',
      'callbackUrl',
      'noticeNumbers',
    ]);
  });

  it('finishes delivering a callback that a restart interrupted', async () => {
    await simulators.close();
    // Slow retries: the delivery is still waiting when the simulators stop.
    simulators = await startService(AGENCY_SIMULATORS_SERVICE, {
      MONGO_DB: simulators.config.MONGO_DB,
      LOG_LEVEL: 'error',
      PAYMENT_CALLBACK_BACKOFF_MS: '60000',
    });
    api = jsonClient(simulators.baseUrl, await authAs(SAMPLE_USERS.operator));
    const down = await startHttpReceiver([503, 200]);
    try {
      await api.post(ORDERS, order('order-9', `${down.url}/cb`));
      await api.post(SIMULATOR_ADMIN_API.paymentPay('order-9'));
      await eventually(() => (down.requests.length === 1 ? true : undefined), 5000);
      await settle(100);
      await simulators.close();
      simulators = await startService(AGENCY_SIMULATORS_SERVICE, {
        MONGO_DB: simulators.config.MONGO_DB,
      });
      api = jsonClient(simulators.baseUrl, await authAs(SAMPLE_USERS.operator));
      await eventually(
        () => (down.requests.length === 2 ? true : undefined),
        5000,
        'resumed callback',
      );
      expect(down.requests[1].body).toEqual(down.requests[0].body);
    } finally {
      await down.close();
    }
  });
});
