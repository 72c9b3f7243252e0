import { randomUUID } from 'node:crypto';
import { Topics } from '@lien-thong/contracts';
import { eventually, uniqueName } from '@lien-thong/test-infra';
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
  notifications: { template: string; channel: string; status: string; recipient: string }[];
}

describe('what other agencies report about a dossier', () => {
  let service: RunningService;
  const namespace = uniqueName('lr-saga');

  beforeAll(async () => {
    service = await startService(LAND_REGISTRY_SERVICE, { KAFKA_NAMESPACE: namespace });
  });
  afterAll(async () => {
    await service?.close();
  });

  const view = async (code: string) =>
    (await (
      await fetch(`${service.baseUrl}/dossiers/${code}`, { headers: await authAs(COUNTER) })
    ).json()) as OfficerView;

  it('shows each delivery to the citizen once on the dossier, however often its event comes', async () => {
    const res = await post(
      service.baseUrl,
      '/dossiers/transfers',
      transferRequest(131),
      await authAs(COUNTER),
    );
    expect(res.status).toBe(201);
    const code = res.body.dossierCode as string;
    const sent = await publishEvent(namespace, Topics.NotificationStatusChanged, code, {
      dossierCode: code,
      notificationId: `${code}:RECEIVED:SMS`,
      aboutEventId: randomUUID(),
      template: 'RECEIVED',
      channel: 'SMS',
      recipient: '0912***678',
      status: 'SENT',
    });
    // The same event again, as a relay that died before marking it would send it.
    await redeliver(namespace, Topics.NotificationStatusChanged, sent);
    await redeliver(namespace, Topics.NotificationStatusChanged, sent);
    await eventually(
      async () => ((await view(code)).notifications.length > 0 ? true : undefined),
      20_000,
      'the delivery on the dossier',
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect((await view(code)).notifications).toEqual([
      expect.objectContaining({
        template: 'RECEIVED',
        channel: 'SMS',
        status: 'SENT',
        recipient: '0912***678',
      }),
    ]);
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
