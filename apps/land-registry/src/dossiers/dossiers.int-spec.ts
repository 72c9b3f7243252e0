import { Topics } from '@lien-thong/contracts';
import { uniqueName } from '@lien-thong/test-infra';
import {
  authAs,
  EventProbe,
  RunningService,
  SAMPLE_USERS,
  startService,
} from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from '../service';
import { post as postAs, transferRequest } from '../testing/transfer-requests';

jest.setTimeout(60_000);

const COUNTER = SAMPLE_USERS.counterBaDinh;

/** POST as a sample user (the counter officer of the Ba Đình branch unless said otherwise). */
async function post(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  as: string = COUNTER,
) {
  return postAs(baseUrl, path, body, { ...(await authAs(as)), ...headers });
}

async function getAs(url: string, as: string = COUNTER) {
  return fetch(url, { headers: await authAs(as) });
}

describe('one-stop counter API', () => {
  let service: RunningService;
  let probe: EventProbe;
  const namespace = uniqueName('lr');

  beforeAll(async () => {
    service = await startService(LAND_REGISTRY_SERVICE, { KAFKA_NAMESPACE: namespace });
    probe = await EventProbe.listen(namespace, [
      Topics.DossierReceived,
      Topics.ParcelCheckRequested,
      Topics.SupplementRequested,
      Topics.DossierRefused,
    ]);
  });
  afterAll(async () => {
    await probe?.close();
    await service?.close();
  });

  /** How many dossiers the service has stored (its backlog counts them all). */
  const stored = async () => {
    const backlog = (await (await getAs(`${service.baseUrl}/backlog`)).json()) as {
      byStatus: Record<string, number>;
    };
    return Object.values(backlog.byStatus).reduce((a, b) => a + b, 0);
  };

  it('receives a transfer: dossier code, appointment in working days, and the events that start the workflow', async () => {
    const res = await post(service.baseUrl, '/dossiers/transfers', transferRequest(101));
    expect(res.status).toBe(201);
    // The Ba Đình branch received it: its own code and its own daily sequence.
    expect(res.body.dossierCode).toMatch(/^CNBADINH-\d{6}-\d{4,}$/);
    expect(res.body.workingDays).toBe(5);
    expect(res.body.receiptVi).toContain(res.body.dossierCode);
    const code = res.body.dossierCode as string;
    const [received] = await probe.waitFor(Topics.DossierReceived, code);
    expect(received.payload).toMatchObject({
      dossierCode: code,
      channel: 'COUNTER',
      applicant: { contact: { phone: '0912345678' } },
    });
    const [check] = await probe.waitFor(Topics.ParcelCheckRequested, code);
    expect(check.payload).toMatchObject({ stage: 'RECEIPT', parcel: { parcelNumber: 101 } });
    expect(check.correlationId).toBe(received.correlationId);

    const view = (await (await getAs(`${service.baseUrl}/dossiers/${code}`)).json()) as {
      timeline: { step: string }[];
    };
    expect(view).toMatchObject({
      status: 'CHECKING_PARCEL',
      heldBy: 'secured-transactions',
      workingDays: { allowed: 5 },
    });
    expect(view.timeline.map((t) => t.step)).toEqual(['RECEIVED', 'PARCEL_CHECK_REQUESTED']);
  });

  it('gives a remote commune ten more working days', async () => {
    const res = await post(
      service.baseUrl,
      '/dossiers/transfers',
      transferRequest(205, {}, '09904', 31),
    );
    expect(res.status).toBe(201);
    expect(res.body.workingDays).toBe(15);
  });

  it('returns the same dossier for a resubmission with the same Idempotency-Key, and refuses the key for another body', async () => {
    const key = uniqueName('submit');
    const first = await post(service.baseUrl, '/dossiers/transfers', transferRequest(102), {
      'Idempotency-Key': key,
    });
    const again = await post(service.baseUrl, '/dossiers/transfers', transferRequest(102), {
      'Idempotency-Key': key,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.dossierCode).toBe(first.body.dossierCode);
    const other = await post(service.baseUrl, '/dossiers/transfers', transferRequest(103), {
      'Idempotency-Key': key,
    });
    expect(other).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY.KEY_REUSED' } });
  });

  it('gives two identical requests sent at once the same dossier, takes one number, and answers no 500', async () => {
    const key = uniqueName('twice');
    const [a, b] = await Promise.all(
      [0, 1].map(() =>
        post(service.baseUrl, '/dossiers/transfers', transferRequest(111), {
          'Idempotency-Key': key,
        }),
      ),
    );
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.dossierCode).toBe(b.body.dossierCode);
    // The next dossier takes the very next number: none was burnt by the second request.
    const next = await post(service.baseUrl, '/dossiers/transfers', transferRequest(112));
    const seq = (code: string) => Number(code.split('-').pop());
    expect(seq(next.body.dossierCode as string)).toBe(seq(a.body.dossierCode as string) + 1);
  });

  it('answers bad input with 400, a stable code and a Vietnamese message per field, and stores nothing', async () => {
    const bad = transferRequest(104, {
      declaredPriceVnd: 1.5,
      contractDate: '2099-01-01',
      channel: 'FAX',
      sellers: [{ ...transferRequest(104).sellers[0], citizenId: '999123456789' }],
      $where: 'sleep(1000)',
    });
    const stored = async () => {
      const backlog = (await (await getAs(`${service.baseUrl}/backlog`)).json()) as {
        byStatus: Record<string, number>;
      };
      return Object.values(backlog.byStatus).reduce((a, b) => a + b, 0);
    };
    const before = await stored();
    const res = await post(service.baseUrl, '/dossiers/transfers', bad);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    const fields = Object.fromEntries(
      (res.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]),
    );
    expect(fields['declaredPriceVnd']).toBe('Giá chuyển nhượng phải là số nguyên (đồng)');
    expect(fields['contractDate']).toBe('Ngày ký hợp đồng không được sau ngày hôm nay');
    expect(fields['channel']).toContain('Kênh nộp');
    expect(fields['sellers.0.citizenId']).toContain('Mã tỉnh 999');
    expect(fields['$where']).toBe('Trường này không được phép gửi lên');
    expect(await stored()).toBe(before);
  });

  it.each([
    ['a name with digits', 'sellers', 'fullName', 'Nguyễn Văn 4n'],
    ['a name of spaces only', 'buyers', 'fullName', '    '],
    ['a name of combining marks only', 'buyers', 'fullName', '\u0301\u0301\u0301'],
    ['a NUL in a name', 'buyers', 'fullName', 'Phạm\u0000Khang'],
    ['a bidi override in a name', 'buyers', 'fullName', 'Phạm \u202EgnahK'],
    ['a lone surrogate in a name', 'buyers', 'fullName', 'Phạm \uD800Khang'],
    ['a control character in an address', 'buyers', 'address', 'Số 5\u0007 phố Kim Mã'],
    ['an address of punctuation only', 'buyers', 'address', '.....,,,,'],
  ])(
    'refuses %s with 400 and a Vietnamese message for that field, storing nothing',
    async (_case, side, field, value) => {
      const request = transferRequest(113) as Record<string, unknown> & {
        sellers: Record<string, unknown>[];
        buyers: Record<string, unknown>[];
      };
      request[side] = [{ ...request[side as 'sellers' | 'buyers'][0], [field]: value }];
      const before = await stored();
      const res = await post(service.baseUrl, '/dossiers/transfers', request);
      expect(res.status).toBe(400);
      const errors = res.body.errors as { field: string; message: string }[];
      expect(errors.map((e) => e.field)).toContain(`${side}.0.${field}`);
      expect(errors.find((e) => e.field === `${side}.0.${field}`)?.message).toMatch(
        /[ạảãàáâăđêôơư]/,
      );
      expect(await stored()).toBe(before);
    },
  );

  it('refuses a buyer who is also the seller, a person listed twice and a contract older than the certificate (422 per field)', async () => {
    const base = transferRequest(113);
    const seller = base.sellers[0];
    const cases = [
      [
        {
          buyers: [
            { fullName: seller.fullName, citizenId: seller.citizenId, address: seller.address },
          ],
        },
        'buyers.0.citizenId',
        'PARTY.BUYER_IS_SELLER',
      ],
      [{ buyers: [base.buyers[0], base.buyers[0]] }, 'buyers.1.citizenId', 'PARTY.DUPLICATE'],
      [{ contractDate: '2000-01-01' }, 'contractDate', 'CONTRACT.BEFORE_CERTIFICATE'],
    ] as const;
    const before = await stored();
    for (const [overrides, field, code] of cases) {
      const res = await post(
        service.baseUrl,
        '/dossiers/transfers',
        transferRequest(113, overrides),
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
    }
    expect(await stored()).toBe(before);
  });

  it('stores names as one canonical Unicode form (NFC) with single spaces', async () => {
    const decomposed = 'Pha\u0323m   Minh  Khang';
    const request = transferRequest(114);
    request.buyers = [{ ...request.buyers[0], fullName: decomposed }];
    const res = await post(service.baseUrl, '/dossiers/transfers', request);
    expect(res.status).toBe(201);
    const view = (await (
      await getAs(`${service.baseUrl}/dossiers/${res.body.dossierCode}`)
    ).json()) as {
      buyers: { fullName: string }[];
    };
    expect(view.buyers[0].fullName).toBe('Phạm Minh Khang');
    expect(view.buyers[0].fullName).toBe(view.buyers[0].fullName.normalize('NFC'));
  });

  it('rejects a certificate that does not match the cadastral book, or a seller who is not the owner, with 422 per field', async () => {
    const res = await post(
      service.baseUrl,
      '/dossiers/transfers',
      transferRequest(106, {
        certificateSerial: 'CS99999999',
        sellers: [{ ...transferRequest(107).sellers[0] }],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('DOSSIER.INVALID');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'certificateSerial', code: 'CERTIFICATE.MISMATCH' }),
        expect.objectContaining({ field: 'sellers.0.citizenId', code: 'SELLER.NOT_OWNER' }),
      ]),
    );
  });

  it('lets anyone track a dossier with the secret from its receipt, and answers a wrong secret exactly like an unknown code', async () => {
    const { body } = await post(service.baseUrl, '/dossiers/transfers', transferRequest(108));
    const code = body.dossierCode as string;
    const secret = body.trackingSecret as string;
    expect(secret).toMatch(/^[A-Z2-9]{10}$/);
    expect(body.receiptVi).toContain(secret);
    const ok = await fetch(`${service.baseUrl}/tracking/${code}?secret=${secret}`);
    expect(ok.status).toBe(200);
    const view = (await ok.json()) as Record<string, unknown>;
    expect(view.statusVi).toBe('Đang kiểm tra thông tin ngăn chặn, thế chấp của thửa đất');
    // No personal data in what tracking answers.
    expect(JSON.stringify(view)).not.toMatch(/\d{12}|0912345678|khang\.pham|Phạm Minh Khang/);
    const wrong = await fetch(`${service.baseUrl}/tracking/${code}?secret=AAAAAAAAAA`);
    const unknown = await fetch(`${service.baseUrl}/tracking/VPDKHN-200101-9999?secret=${secret}`);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(await wrong.json()).toEqual(await unknown.json());
    // The old way (last four digits of the phone) is not a way in any more.
    const last4 = await fetch(`${service.baseUrl}/tracking/${code}?last4=5678`);
    expect(last4.status).toBe(400);
  });

  it('backs off a client that keeps guessing tracking secrets, and stores nothing about it in the dossier', async () => {
    const { body } = await post(service.baseUrl, '/dossiers/transfers', transferRequest(109));
    const code = body.dossierCode as string;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const guess = 'CDEFGHJK'[i].repeat(10);
      const res = await fetch(`${service.baseUrl}/tracking/${code}?secret=${guess}`);
      statuses.push(res.status);
    }
    // A few wrong guesses are answered as for any wrong secret; then the client backs off
    // (the earlier test's wrong secrets count too: they came from the same client).
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses.slice(3)).toContain(429);
    // Even the right secret waits out the back-off: guessing gains nothing.
    const right = await fetch(
      `${service.baseUrl}/tracking/${code}?secret=${body.trackingSecret as string}`,
    );
    expect(right.status).toBe(429);
    expect(((await right.json()) as { code: string }).code).toBe('TRACKING.TOO_MANY_ATTEMPTS');
  });

  it('lets an officer ask for a supplement (the clock stops), accept it (the check starts again), and refuse with a reason', async () => {
    const { body } = await post(service.baseUrl, '/dossiers/transfers', transferRequest(110));
    const code = body.dossierCode as string;
    const officer = 'Lê Thu Hà (Cán bộ Bộ phận Một cửa, 01/CN-BADINH)';
    // The officer is whoever the token says, never a name in the body.
    const named = await post(service.baseUrl, `/dossiers/${code}/supplement-requests`, {
      officer: 'Ai đó khác',
      reasonVi: 'Thiếu bản sao hợp đồng chuyển nhượng có công chứng',
    });
    expect(named).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
    const asked = await post(service.baseUrl, `/dossiers/${code}/supplement-requests`, {
      reasonVi: 'Thiếu bản sao hợp đồng chuyển nhượng có công chứng',
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      status: 'SUPPLEMENT_REQUESTED',
      heldBy: 'citizen',
      clockPaused: true,
      currentDeadline: null,
    });
    const [supplement] = await probe.waitFor(Topics.SupplementRequested, code);
    expect(supplement.payload).toMatchObject({
      reasonVi: 'Thiếu bản sao hợp đồng chuyển nhượng có công chứng',
      officer,
    });

    const accepted = await post(service.baseUrl, `/dossiers/${code}/supplements`, {});
    expect(accepted.body).toMatchObject({ status: 'CHECKING_PARCEL', clockPaused: false });
    expect(accepted.body.currentDeadline).not.toBeNull();
    await probe.waitFor(Topics.ParcelCheckRequested, code, 2);

    const handover = await post(service.baseUrl, `/dossiers/${code}/result-handover`, {});
    expect(handover).toMatchObject({ status: 409, body: { code: 'DOSSIER.INVALID_STATE' } });
    // Refusing is for the land office's officers, not the counter.
    const byCounter = await post(service.baseUrl, `/dossiers/${code}/refusal`, {
      reasonVi: 'Hợp đồng chuyển nhượng không có chữ ký của bên bán',
    });
    expect(byCounter).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    const refused = await post(
      service.baseUrl,
      `/dossiers/${code}/refusal`,
      { reasonVi: 'Hợp đồng chuyển nhượng không có chữ ký của bên bán' },
      {},
      SAMPLE_USERS.landOfficerBaDinh,
    );
    expect(refused.body).toMatchObject({
      status: 'REFUSED',
      refusal: { code: 'DOSSIER.REFUSED_BY_OFFICER' },
    });
    const [refusal] = await probe.waitFor(Topics.DossierRefused, code);
    expect(refusal.payload.reasonVi).toBe('Hợp đồng chuyển nhượng không có chữ ký của bên bán');
    const timeline = (refused.body.timeline as { step: string; actor: string }[]).map(
      (t) => t.actor,
    );
    expect(timeline).toContain(
      'Trần Minh Quân (Chuyên viên Văn phòng đăng ký đất đai, 01/CN-BADINH)',
    );
  });
  describe('one unfinished dossier per parcel and procedure', () => {
    const seq = (code: string) => Number(code.split('-').pop());

    it('answers a second transfer of a parcel whose dossier is not finished with 409 and the first code, storing nothing and taking no number', async () => {
      const first = await post(service.baseUrl, '/dossiers/transfers', transferRequest(115));
      expect(first.status).toBe(201);
      const code = first.body.dossierCode as string;
      const before = await stored();
      // The same seller again, at another price and with a key of its own.
      const again = await post(
        service.baseUrl,
        '/dossiers/transfers',
        transferRequest(115, { declaredPriceVnd: 3_200_000_000 }),
        { 'Idempotency-Key': uniqueName('again') },
      );
      expect(again).toMatchObject({
        status: 409,
        body: { code: 'DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER', details: { dossierCode: code } },
      });
      expect(again.body.message).toContain(code);
      expect(again.body.errors).toEqual([
        expect.objectContaining({
          field: 'parcel',
          code: 'DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER',
          message: expect.stringContaining('chưa giải quyết xong'),
        }),
      ]);
      expect(await stored()).toBe(before);
      const next = await post(service.baseUrl, '/dossiers/transfers', transferRequest(116));
      expect(seq(next.body.dossierCode as string)).toBe(seq(code) + 1);
    });

    it('lets exactly one of two simultaneous transfers of a parcel in, and names it to the other', async () => {
      const before = await stored();
      const [a, b] = await Promise.all(
        [0, 1].map((i) =>
          post(
            service.baseUrl,
            '/dossiers/transfers',
            transferRequest(117, { declaredPriceVnd: 3_000_000_000 + i }),
            { 'Idempotency-Key': uniqueName(`race${i}`) },
          ),
        ),
      );
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const [won, lost] = a.status === 201 ? [a, b] : [b, a];
      expect(lost.body).toMatchObject({
        code: 'DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER',
        details: { dossierCode: won.body.dossierCode },
      });
      expect(await stored()).toBe(before + 1);
      const next = await post(service.baseUrl, '/dossiers/transfers', transferRequest(119));
      expect(seq(next.body.dossierCode as string)).toBe(seq(won.body.dossierCode as string) + 1);
    });

    it('takes a new transfer of the parcel once its dossier is finished', async () => {
      const first = await post(service.baseUrl, '/dossiers/transfers', transferRequest(118));
      const code = first.body.dossierCode as string;
      const refused = await post(
        service.baseUrl,
        `/dossiers/${code}/refusal`,
        { reasonVi: 'Hợp đồng chuyển nhượng không có chữ ký của bên bán' },
        {},
        SAMPLE_USERS.landOfficerBaDinh,
      );
      expect(refused.body.status).toBe('REFUSED');
      const again = await post(service.baseUrl, '/dossiers/transfers', transferRequest(118));
      expect(again.status).toBe(201);
      expect(again.body.dossierCode).not.toBe(code);
      // …and the new one holds the parcel in turn.
      const third = await post(service.baseUrl, '/dossiers/transfers', transferRequest(118));
      expect(third).toMatchObject({
        status: 409,
        body: { details: { dossierCode: again.body.dossierCode } },
      });
    });

    it('still answers a retry with the same Idempotency-Key with the same dossier, not a 409', async () => {
      const key = uniqueName('retry');
      const first = await post(service.baseUrl, '/dossiers/transfers', transferRequest(120), {
        'Idempotency-Key': key,
      });
      const retry = await post(service.baseUrl, '/dossiers/transfers', transferRequest(120), {
        'Idempotency-Key': key,
      });
      expect([first.status, retry.status]).toEqual([201, 200]);
      expect(retry.body.dossierCode).toBe(first.body.dossierCode);
    });
  });
});
