import { vietnamDateOf } from '@lien-thong/calendar';
import { PDFParse } from 'pdf-parse';
import { RunningService, SAMPLE_USERS as U, authAs, startService } from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from '../service';
import { post, transferRequest } from '../testing/transfer-requests';

jest.setTimeout(90_000);

/** Parcel 00004/12/101 is sold by the sample citizen An (001060100000). */
const AN = '001060100000';

/**
 * What the officer console and the citizen portal read from a started land registry: the
 * unit's list, the statistics and the printed forms, as the sample users.
 */
describe('the officer console’s list, statistics and forms', () => {
  let service: RunningService;
  let sold: string;
  let refused: string;

  const get = async (path: string, user: string) =>
    fetch(`${service.baseUrl}${path}`, { headers: await authAs(user) });
  const json = async (path: string, user: string) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (await (await get(path, user)).json()) as Record<string, any>;

  beforeAll(async () => {
    service = await startService(LAND_REGISTRY_SERVICE);
    const counter = await authAs(U.counterBaDinh);
    sold = (await post(service.baseUrl, '/dossiers/transfers', transferRequest(101), counter)).body
      .dossierCode as string;
    refused = (await post(service.baseUrl, '/dossiers/transfers', transferRequest(102), counter))
      .body.dossierCode as string;
    const refusal = await post(
      service.baseUrl,
      `/dossiers/${refused}/refusal`,
      { reasonVi: 'Hợp đồng không có chữ ký của bên bán' },
      await authAs(U.landOfficerBaDinh),
    );
    expect(refusal.status).toBe(200);
  });
  afterAll(() => service?.close());

  it('lists the unit’s dossiers newest first, a page at a time, with deadline and no citizen ID', async () => {
    const first = await json('/dossiers?limit=1', U.counterBaDinh);
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({
      dossierCode: refused,
      procedure: 'TRANSFER',
      applicantName: 'Phạm Minh Khang',
      status: 'REFUSED',
      statusVi: 'Hồ sơ bị từ chối',
      timeliness: 'EARLY',
    });
    const second = await json(`/dossiers?limit=1&cursor=${first.nextCursor}`, U.counterBaDinh);
    expect(second.items[0]).toMatchObject({
      dossierCode: sold,
      status: 'CHECKING_PARCEL',
      waitingForAgency: 'secured-transactions',
      timeliness: 'ON_TIME',
      workingDaysLeft: expect.any(Number),
    });
    expect(second.nextCursor).toBeNull();
    expect(JSON.stringify([first, second])).not.toMatch(/\d{12}/);
    // Another province's officer sees none of them; a citizen may not list at all.
    expect((await json('/dossiers', U.counterAnGiang)).items).toEqual([]);
    expect((await get('/dossiers', U.citizenAn)).status).toBe(403);
  });

  it('filters and searches: status, parcel, code, a party’s ID (shown only then) or name', async () => {
    const codes = async (query: string) =>
      (
        (await json(`/dossiers?${query}`, U.landOfficerBaDinh)).items as { dossierCode: string }[]
      ).map((i) => i.dossierCode);
    expect(await codes('status=REFUSED')).toEqual([refused]);
    expect(await codes(`q=${encodeURIComponent('00004/12/101')}`)).toEqual([sold]);
    expect(await codes(`q=${sold}`)).toEqual([sold]);
    expect(await codes(`q=${encodeURIComponent('minh khang')}`)).toEqual([refused, sold]);
    expect(await codes('due=overdue')).toEqual([]);
    const byId = await json(`/dossiers?q=${AN}`, U.landOfficerBaDinh);
    expect(byId.items).toEqual([expect.objectContaining({ dossierCode: sold, citizenId: AN })]);
    const bad = await get('/dossiers?cursor=bm90LWEtY3Vyc29y', U.landOfficerBaDinh);
    expect([bad.status, ((await bad.json()) as { code: string }).code]).toEqual([
      400,
      'LIST.CURSOR_INVALID',
    ]);
  });

  it('counts today’s dossiers for the unit and the province above it, as JSON and as CSV', async () => {
    const today = vietnamDateOf(new Date());
    const query = `from=${today}&to=${today}`;
    const expected = {
      received: 2,
      receivedOnline: 0,
      onlineShare: 0,
      refused: 1,
      withdrawn: 0,
      resolved: { total: 0, early: 0, onTime: 0, late: 0 },
      inProgress: { total: 1, inTime: 1, overdue: 0 },
    };
    expect(await json(`/statistics?${query}`, U.counterBaDinh)).toMatchObject({
      unit: '01/CN-BADINH',
      ...expected,
      byProcedure: [expect.objectContaining({ procedure: 'TRANSFER', received: 2, refused: 1 })],
      byAgency: [
        expect.objectContaining({ agency: 'secured-transactions', handoffs: 2, answeredLate: 0 }),
      ],
    });
    expect(await json(`/statistics?${query}&unit=01`, U.leaderHaNoi)).toMatchObject(expected);
    expect(await json(`/statistics?${query}`, U.leaderAnGiang)).toMatchObject({ received: 0 });
    const above = await get(`/statistics?${query}&unit=01`, U.counterBaDinh);
    expect(above.status).toBe(403);
    const backwards = await get(`/statistics?from=${today}&to=2020-01-01`, U.counterBaDinh);
    expect(backwards.status).toBe(400);

    const csv = await get(`/statistics.csv?${query}`, U.counterBaDinh);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Thủ tục,Tiếp nhận,/);
    expect(lines).toContain('Tổng cộng,2,0,0,0,0,0,1,1,0,0,1');
  });

  it('prints the receipt for the officers and the selling citizen, the refusal only once refused', async () => {
    const receipt = await get(`/dossiers/${sold}/forms/receipt`, U.citizenAn);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect(receipt.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(`Giấy tiếp nhận hồ sơ ${sold}.pdf`)}`,
    );
    const pdf = Buffer.from(await receipt.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Số: ${sold}/01`);
    expect(text).toContain('(Cán bộ Bộ phận Một cửa, 01/CN-BADINH)');

    const notYet = await get(`/dossiers/${sold}/forms/refusal`, U.landOfficerBaDinh);
    expect([notYet.status, ((await notYet.json()) as { code: string }).code]).toEqual([
      409,
      'FORM.NOT_APPLICABLE',
    ]);
    expect((await get(`/dossiers/${refused}/forms/refusal`, U.landOfficerBaDinh)).status).toBe(200);
    // Another province's officer and a stranger are told the dossier does not exist.
    expect((await get(`/dossiers/${sold}/forms/receipt`, U.counterAnGiang)).status).toBe(404);
    expect((await get(`/dossiers/${sold}/forms/receipt`, U.citizenKhoa)).status).toBe(404);
    expect((await get(`/dossiers/${sold}/forms/nothing`, U.counterBaDinh)).status).toBe(404);
  });
});
