import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { CheckStage, Topics } from '@lien-thong/contracts';
import { uniqueName } from '@lien-thong/test-infra';
import {
  EventProbe,
  RunningService,
  ServiceProcess,
  eventually,
  publishEvent,
  redeliver,
  spawnService,
  startService,
} from '@lien-thong/testing';
import { SECURED_TRANSACTIONS_SERVICE } from '../service';

jest.setTimeout(90_000);

const parcel = (parcelNumber: number) => ({
  communeCode: '00004',
  mapSheetNumber: 12,
  parcelNumber,
});

const MORTGAGEE = 'Ngân hàng TMCP Công Thương Việt Nam – Chi nhánh Hoàn Kiếm';

describe('mortgages registered by the land office, in parcel checks', () => {
  let simulators: ServiceProcess;
  let service: RunningService;
  let probe: EventProbe;
  const namespace = uniqueName('stm');

  beforeAll(async () => {
    simulators = await spawnService('agency-simulators', {}, { quiet: true });
    service = await startService(SECURED_TRANSACTIONS_SERVICE, {
      KAFKA_NAMESPACE: namespace,
      JUSTICE_REGISTRY_URL: `${simulators.baseUrl}/justice/v1`,
    });
    probe = await EventProbe.listen(namespace, [Topics.ParcelCheckCompleted]);
  });
  afterAll(async () => {
    await probe?.close();
    await service?.close();
    await simulators?.stop();
  });

  /** A transfer dossier's parcel check, and the answer it gets. */
  async function check(dossierCode: string, parcelNumber: number, stage: CheckStage = 'RECEIPT') {
    const before = probe.of(Topics.ParcelCheckCompleted, dossierCode).length;
    await publishEvent(namespace, Topics.ParcelCheckRequested, dossierCode, {
      dossierCode,
      stage,
      parcel: parcel(parcelNumber),
      certificateSerial: 'AA12345678',
    });
    const answers = await probe.waitFor(Topics.ParcelCheckCompleted, dossierCode, before + 1);
    return answers[before].payload;
  }

  const mortgages = () =>
    service.app.get<Connection>(getConnectionToken()).collection('land_office_mortgages');

  function register(registrationNumber: string, parcelNumber: number) {
    const dossierCode = `HS-TC-${registrationNumber}`;
    return publishEvent(namespace, Topics.MortgageRegistered, dossierCode, {
      dossierCode,
      parcel: parcel(parcelNumber),
      registrationNumber,
      mortgagee: MORTGAGEE,
      // 01:30 on 20/11 in Hà Nội: the mortgage is registered on the 20th.
      registeredAt: '2026-11-19T18:30:00.000Z',
    });
  }

  function release(registrationNumber: string, parcelNumber: number) {
    const dossierCode = `HS-XTC-${registrationNumber}`;
    return publishEvent(namespace, Topics.MortgageReleased, dossierCode, {
      dossierCode,
      parcel: parcel(parcelNumber),
      registrationNumber,
      releasedAt: '2026-12-01T02:00:00.000Z',
    });
  }

  /**
   * Waits until the service has handled the event: its mortgage remembers it (the handlers
   * are APPLIED_ONCE, so the inbox does not record them).
   */
  const handled = (eventId: string) =>
    eventually(
      async () =>
        (await mortgages().countDocuments({ handledEvents: eventId })) > 0 ? true : undefined,
      20_000,
      `event ${eventId} handled`,
    );

  it('answers MORTGAGED with the mortgagee once registered, even from a reused answer, and CLEAR once released; repeats change nothing', async () => {
    const first = await check('HS-MTG-1', 301);
    expect(first).toMatchObject({ source: 'REGISTRY', result: { status: 'CLEAR' } });

    const registered = await register('TC-00004-2026-000301', 301);
    await redeliver(namespace, Topics.MortgageRegistered, registered);
    const again = await register('TC-00004-2026-000301', 301);
    await handled(registered.eventId);
    await handled(again.eventId);

    // Well inside the reuse window: the registry's clear answer is reused, the mortgage is not hidden.
    const onReceipt = await check('HS-MTG-2', 301);
    expect(onReceipt).toMatchObject({
      source: 'CACHE',
      result: {
        status: 'MORTGAGED',
        mortgage: {
          mortgagee: MORTGAGEE,
          registrationNumber: 'TC-00004-2026-000301',
          registeredOn: '2026-11-20',
        },
      },
    });
    const beforeRegistration = await check('HS-MTG-2', 301, 'PRE_REGISTRATION');
    expect(beforeRegistration).toMatchObject({
      source: 'REGISTRY',
      result: { status: 'MORTGAGED', mortgage: { mortgagee: MORTGAGEE } },
    });

    const released = await release('TC-00004-2026-000301', 301);
    await redeliver(namespace, Topics.MortgageReleased, released);
    await handled(released.eventId);
    const afterRelease = await check('HS-MTG-3', 301);
    expect(afterRelease).toMatchObject({ source: 'CACHE', result: { status: 'CLEAR' } });
    expect(afterRelease.result.mortgage).toBeUndefined();

    // A registration repeated after the release does not bring the mortgage back.
    await redeliver(namespace, Topics.MortgageRegistered, registered);
    const late = await register('TC-00004-2026-000301', 301);
    await handled(late.eventId);
    expect((await check('HS-MTG-4', 301, 'PRE_REGISTRATION')).result.status).toBe('CLEAR');
    expect(await mortgages().countDocuments({ _id: 'TC-00004-2026-000301' as never })).toBe(1);
  });

  it('keeps a mortgage released when its release arrives before its registration', async () => {
    const released = await release('TC-00004-2026-000302', 302);
    await handled(released.eventId);
    const registered = await register('TC-00004-2026-000302', 302);
    await handled(registered.eventId);
    const answer = await check('HS-MTG-5', 302);
    expect(answer.result).toEqual({ status: 'CLEAR', asOf: expect.any(String) });
  });

  it('leaves a hold or a dispute from the registry as the answer: they are more serious', async () => {
    const onBlocked = await register('TC-00004-2026-000122', 122);
    const onDisputed = await register('TC-00004-2026-000131', 131);
    await handled(onBlocked.eventId);
    await handled(onDisputed.eventId);
    const blocked = await check('HS-MTG-6', 122);
    expect(blocked.result.status).toBe('BLOCKED');
    expect(blocked.result.hold?.documentNumber).toEqual(expect.any(String));
    expect(blocked.result.mortgage).toBeUndefined();
    const disputed = await check('HS-MTG-7', 131);
    expect(disputed.result.status).toBe('DISPUTED');
    expect(disputed.result.mortgage).toBeUndefined();
  });
});
