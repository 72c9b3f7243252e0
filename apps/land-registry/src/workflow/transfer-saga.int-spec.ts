import { randomUUID } from 'node:crypto';
import { Topics } from '@lien-thong/contracts';
import { eventually, freePort, uniqueName } from '@lien-thong/test-infra';
import {
  RunningService,
  SAMPLE_USERS,
  authAs,
  publishEvent,
  redeliver,
  startService,
} from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from '../service';
import { post, transferRequest } from '../testing/transfer-requests';

const COUNTER = SAMPLE_USERS.counterBaDinh;

jest.setTimeout(60_000);

interface OfficerView {
  notifications: {
    template: string;
    channel: string;
    status: string;
    recipient: string;
    error?: string;
  }[];
  notificationsIncomplete: boolean;
}

describe('what other agencies report about a dossier', () => {
  let service: RunningService;
  const namespace = uniqueName('lr-saga');

  beforeAll(async () => {
    service = await startService(LAND_REGISTRY_SERVICE, {
      KAFKA_NAMESPACE: namespace,
      // No notification service runs here: the view falls back on the failures recorded.
      NOTIFICATION_URL: `http://127.0.0.1:${await freePort()}`,
      NOTIFICATION_TIMEOUT_MS: '500',
    });
  });
  afterAll(async () => {
    await service?.close();
  });

  const view = async (code: string) =>
    (await (
      await fetch(`${service.baseUrl}/dossiers/${code}`, { headers: await authAs(COUNTER) })
    ).json()) as OfficerView;

  it('keeps a message the citizen was not reached by once, and shows it while the notification service cannot be asked', async () => {
    const res = await post(
      service.baseUrl,
      '/dossiers/transfers',
      transferRequest(131),
      await authAs(COUNTER),
    );
    expect(res.status).toBe(201);
    const code = res.body.dossierCode as string;
    const status = (channel: 'SMS' | 'EMAIL', s: 'SENT' | 'FAILED') => ({
      dossierCode: code,
      notificationId: `${code}:RECEIVED:${channel}`,
      aboutEventId: randomUUID(),
      template: 'DOSSIER_RECEIVED',
      channel,
      recipient: channel === 'SMS' ? '0243***123' : 'a***@example.vn',
      status: s,
      ...(s === 'FAILED' ? { error: 'Số điện thoại di động không hợp lệ' } : {}),
    });
    // A SENT status (as an older notification service announced): the service's own list
    // has it, the land registry records nothing.
    await publishEvent(namespace, Topics.NotificationStatusChanged, code, status('EMAIL', 'SENT'));
    const failed = await publishEvent(
      namespace,
      Topics.NotificationStatusChanged,
      code,
      status('SMS', 'FAILED'),
    );
    // The same event again, as a relay that died before marking it would send it.
    await redeliver(namespace, Topics.NotificationStatusChanged, failed);
    await redeliver(namespace, Topics.NotificationStatusChanged, failed);
    await eventually(
      async () => ((await view(code)).notifications.length > 0 ? true : undefined),
      20_000,
      'the failure on the dossier',
    );
    await new Promise((r) => setTimeout(r, 1500));
    // The view still answers, with what it knows, and says the list is not whole.
    expect(await view(code)).toMatchObject({
      notificationsIncomplete: true,
      notifications: [
        {
          template: 'DOSSIER_RECEIVED',
          channel: 'SMS',
          status: 'FAILED',
          recipient: '0243***123',
          error: 'Số điện thoại di động không hợp lệ',
        },
      ],
    });
    expect((await view(code)).notifications).toHaveLength(1);
  });

  it('marks a dossier that reaches a step of an agency already down as waiting for it, and unmarks it when the agency is back', async () => {
    type Waiting = { status: string; waitingFor: { agency: string } | null };
    const full = async (code: string) =>
      (await (
        await fetch(`${service.baseUrl}/dossiers/${code}`, { headers: await authAs(COUNTER) })
      ).json()) as Waiting;
    const until = (code: string, ok: (v: Waiting) => boolean, what: string) =>
      eventually(async () => ((v) => (ok(v) ? v : undefined))(await full(code)), 30_000, what);
    /** A dossier received now and found clear: it goes to tax. */
    async function toTax(parcelNumber: number): Promise<string> {
      const res = await post(
        service.baseUrl,
        '/dossiers/transfers',
        transferRequest(parcelNumber),
        await authAs(COUNTER),
      );
      expect(res.status).toBe(201);
      const code = res.body.dossierCode as string;
      await publishEvent(namespace, Topics.ParcelCheckCompleted, code, {
        dossierCode: code,
        stage: 'RECEIPT',
        parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber },
        result: { status: 'CLEAR', asOf: new Date().toISOString() },
        checkedAt: new Date().toISOString(),
        source: 'REGISTRY',
      });
      await until(code, (v) => v.status === 'WAITING_FOR_TAX', `${code} with tax`);
      return code;
    }
    const first = await toTax(132);
    await publishEvent(namespace, Topics.AgencyAvailabilityChanged, 'e-tax', {
      agency: 'e-tax',
      state: 'OPEN',
      observedBy: 'tax-obligation',
    });
    // The outage is known once the dossier already with tax is marked.
    await until(first, (v) => v.waitingFor?.agency === 'e-tax', 'the first dossier marked');
    // One that reaches tax afterwards is marked too (the outage sweep), not only those there.
    const later = await toTax(133);
    await until(later, (v) => v.waitingFor?.agency === 'e-tax', 'the later dossier marked');
    await publishEvent(namespace, Topics.AgencyAvailabilityChanged, 'e-tax', {
      agency: 'e-tax',
      state: 'CLOSED',
      observedBy: 'tax-obligation',
    });
    for (const code of [first, later])
      await until(code, (v) => v.waitingFor === null, `${code} no longer waiting for e-tax`);
  });
});
