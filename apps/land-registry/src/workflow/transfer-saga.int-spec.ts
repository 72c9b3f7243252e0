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
});
