import type { OpenAPIObject } from '@nestjs/swagger';
import { RunningService, startService } from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from '../service';

jest.setTimeout(120_000);

/** A letter only Vietnamese text has: every message a person reads must be in Vietnamese. */
const VIETNAMESE = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

type Json = Record<string, unknown>;

/** The public catalogue through a real land registry: no token, data in force today. */
describe('GET /procedures (public catalogue)', () => {
  let service: RunningService;
  const get = async (path: string) => {
    const res = await fetch(`${service.baseUrl}${path}`);
    return { status: res.status, body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    service = await startService(LAND_REGISTRY_SERVICE);
  });
  afterAll(() => service?.close());

  it('lists every procedure with its documents, times and agencies, without logging in', async () => {
    const res = await fetch(`${service.baseUrl}/procedures`);
    expect(res.status).toBe(200);
    const procedures = (await res.json()) as Json[];
    expect(procedures.map((p) => p.key)).toEqual([
      'TRANSFER',
      'INHERITANCE',
      'MORTGAGE',
      'MORTGAGE_RELEASE',
      'PURPOSE_CHANGE',
      'HOUSE_REGISTRATION',
    ]);
    expect(procedures[0]).toMatchObject({
      code: '1.013831',
      processing: { landOfficeWorkingDays: 5, remoteExtraWorkingDays: 10 },
      agencies: ['secured-transactions', 'tax-obligation'],
      documents: expect.arrayContaining([
        expect.objectContaining({ code: 'CITIZEN_IDS', replacedBy: 'POPULATION_DATABASE' }),
      ]),
    });
    expect(procedures[2]).toMatchObject({
      onlineLevel: 'FULL',
      processing: { sameWorkingDay: { receivedBefore: '15:00' } },
    });
    expect(procedures[5]).toMatchObject({
      agencies: ['secured-transactions', 'construction', 'tax-obligation'],
    });
  });

  it("shows one procedure with the province's fees, reduced online only where listed", async () => {
    const { status, body } = await get('/procedures/TRANSFER?province=01');
    expect(status).toBe(200);
    expect(body.fees).toMatchObject({
      provinceCode: '01',
      counter: [
        { code: 'DOSSIER_APPRAISAL', amountVnd: 500_000 },
        { code: 'CERTIFICATE_ISSUANCE', amountVnd: 100_000 },
      ],
      online: [
        { code: 'DOSSIER_APPRAISAL', amountVnd: 500_000 },
        { code: 'CERTIFICATE_ISSUANCE', amountVnd: 75_000, fullAmountVnd: 100_000 },
      ],
      counterTotalVnd: 600_000,
      onlineTotalVnd: 575_000,
    });
    expect((await get('/procedures/MORTGAGE')).body.fees).toBeUndefined();
  });

  it.each([
    ['/procedures/DIVORCE', 404, 'PROCEDURE.NOT_FOUND'],
    ['/procedures/transfer', 404, 'PROCEDURE.NOT_FOUND'],
    ['/procedures/TRANSFER?province=Ha%20Noi', 400, 'VALIDATION.FAILED'],
    ['/procedures/TRANSFER?province=01&year=2020', 400, 'VALIDATION.FAILED'],
    ['/procedures/TRANSFER?province=79', 422, 'PROCEDURE.PROVINCE_NOT_COVERED'],
  ])('answers %s with %i %s in Vietnamese', async (path, status, code) => {
    const answer = await get(path);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(answer.body.message).toMatch(VIETNAMESE);
  });

  it('declares both routes public, with every status they answer', async () => {
    const doc = (await (await fetch(`${service.baseUrl}/docs-json`)).json()) as OpenAPIObject;
    const list = doc.paths['/procedures']?.get;
    const one = doc.paths['/procedures/{key}']?.get;
    expect(Object.keys(list?.responses ?? {})).toEqual(['200']);
    expect(Object.keys(one?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '404', '422']),
    );
    for (const op of [list, one]) expect(op?.security ?? []).toEqual([]);
  });
});
