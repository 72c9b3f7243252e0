import { Topics } from '@lien-thong/contracts';
import { uniqueName } from '@lien-thong/test-infra';
import { EventProbe, RunningService, startService } from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from '../service';
import { post, transferRequest } from '../testing/transfer-requests';

jest.setTimeout(60_000);

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

  it('receives a transfer: dossier code, appointment in working days, and the events that start the workflow', async () => {
    const res = await post(service.baseUrl, '/dossiers/transfers', transferRequest(101));
    expect(res.status).toBe(201);
    expect(res.body.dossierCode).toMatch(/^VPDKHN-\d{6}-\d{4,}$/);
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

    const view = (await (await fetch(`${service.baseUrl}/dossiers/${code}`)).json()) as {
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

  it('answers bad input with 400, a stable code and a Vietnamese message per field, and stores nothing', async () => {
    const bad = transferRequest(104, {
      declaredPriceVnd: 1.5,
      contractDate: '2099-01-01',
      channel: 'FAX',
      sellers: [{ ...transferRequest(104).sellers[0], citizenId: '999123456789' }],
      $where: 'sleep(1000)',
    });
    const stored = async () => {
      const backlog = (await (await fetch(`${service.baseUrl}/backlog`)).json()) as {
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

  it('lets a citizen track a dossier only with the last four digits of their phone or ID', async () => {
    const { body } = await post(service.baseUrl, '/dossiers/transfers', transferRequest(108));
    const code = body.dossierCode as string;
    const ok = await fetch(`${service.baseUrl}/tracking/${code}?last4=5678`);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { statusVi: string }).statusVi).toBe(
      'Đang kiểm tra thông tin ngăn chặn, thế chấp của thửa đất',
    );
    const wrong = await fetch(`${service.baseUrl}/tracking/${code}?last4=0000`);
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { code: string }).code).toBe('DOSSIER.NOT_FOUND');
  });

  it('lets an officer ask for a supplement (the clock stops), accept it (the check starts again), and refuse with a reason', async () => {
    const { body } = await post(service.baseUrl, '/dossiers/transfers', transferRequest(110));
    const code = body.dossierCode as string;
    const officer = 'Lê Thu Hà (cán bộ một cửa)';
    const asked = await post(service.baseUrl, `/dossiers/${code}/supplement-requests`, {
      officer,
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

    const accepted = await post(service.baseUrl, `/dossiers/${code}/supplements`, { officer });
    expect(accepted.body).toMatchObject({ status: 'CHECKING_PARCEL', clockPaused: false });
    expect(accepted.body.currentDeadline).not.toBeNull();
    await probe.waitFor(Topics.ParcelCheckRequested, code, 2);

    const handover = await post(service.baseUrl, `/dossiers/${code}/result-handover`, { officer });
    expect(handover).toMatchObject({ status: 409, body: { code: 'DOSSIER.INVALID_STATE' } });
    const refused = await post(service.baseUrl, `/dossiers/${code}/refusal`, {
      officer,
      reasonVi: 'Hợp đồng chuyển nhượng không có chữ ký của bên bán',
    });
    expect(refused.body).toMatchObject({
      status: 'REFUSED',
      refusal: { code: 'DOSSIER.REFUSED_BY_OFFICER' },
    });
    const [refusal] = await probe.waitFor(Topics.DossierRefused, code);
    expect(refusal.payload.reasonVi).toBe('Hợp đồng chuyển nhượng không có chữ ký của bên bán');
  });
});
