import { AuditLog } from '@lien-thong/audit';
import { uniqueName } from '@lien-thong/test-infra';
import {
  RunningService,
  SAMPLE_USERS,
  ServiceProcess,
  authAs,
  spawnService,
  startService,
} from '@lien-thong/testing';
import { CONSTRUCTION_SERVICE } from '../service';

jest.setTimeout(180_000);

/** A sample parcel of Hà Nội (province 01), owned by the sample citizen An. */
const parcel = { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 101 };

describe('land-use-right look-ups for building permits, in the land registry', () => {
  let landRegistry: ServiceProcess;
  let service: RunningService;
  const namespace = uniqueName('cl');

  const lookUp = async (user: string, body: unknown) =>
    fetch(`${service.baseUrl}/building-permits/land-use-right-lookups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authAs(user)) },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    landRegistry = await spawnService(
      'land-registry',
      { KAFKA_NAMESPACE: namespace },
      { quiet: true },
    );
    service = await startService(CONSTRUCTION_SERVICE, {
      KAFKA_NAMESPACE: namespace,
      LAND_REGISTRY_URL: landRegistry.baseUrl,
    });
  });
  afterAll(async () => {
    await service?.close();
    await landRegistry?.stop();
  });

  it('answers a construction officer of the province with the land-use right, stored and audited on both sides', async () => {
    const res = await lookUp(SAMPLE_USERS.constructionHaNoi, {
      applicationNumber: 'GPXD-2026-0042',
      parcel,
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as Record<string, unknown> & {
      holders: { fullName: string; citizenId: string }[];
    };
    expect(answer).toMatchObject({
      parcel,
      provinceCode: '01',
      purposeCode: expect.any(String),
      areaTenthsM2: expect.any(Number),
      certificate: { serial: expect.any(String), issuedOn: expect.any(String) },
      asOf: expect.any(String),
    });
    expect(answer).toHaveProperty('encumbrance');
    expect(answer.holders.map((h) => h.citizenId)).toContain('001060100000');

    const audit = service.app.get(AuditLog);
    await audit.flush();
    const records = await audit.list({ limit: 500 });
    expect(records.filter((r) => r.action === 'LAND_USE_RIGHT.LOOKED_UP')).toContainEqual(
      expect.objectContaining({
        actor: expect.objectContaining({ username: SAMPLE_USERS.constructionHaNoi }),
        details: expect.objectContaining({
          applicationNumber: 'GPXD-2026-0042',
          outcome: 'ANSWERED',
        }),
      }),
    );
    // The land registry audits the read too, as its caller (the department's service account).
    const registryAudit = await fetch(`${landRegistry.baseUrl}/audit/records?limit=500`, {
      headers: await authAs(SAMPLE_USERS.auditor),
    });
    expect(await registryAudit.text()).toContain('LAND_USE_RIGHT.READ');
  });

  it('refuses a citizen and an officer of another province (403), and a malformed request (400, in Vietnamese)', async () => {
    const body = { applicationNumber: 'GPXD-2026-0043', parcel };
    expect((await lookUp(SAMPLE_USERS.citizenAn, body)).status).toBe(403);
    const other = await lookUp(SAMPLE_USERS.constructionAnGiang, body);
    expect(other.status).toBe(403);
    expect(((await other.json()) as { code: string }).code).toBe('AUTH.OTHER_UNIT');
    const bad = await lookUp(SAMPLE_USERS.constructionHaNoi, {
      applicationNumber: 'GPXD 0044 !',
      parcel: { communeCode: '4', mapSheetNumber: 12 },
    });
    expect(bad.status).toBe(400);
    const errors = ((await bad.json()) as { errors: { field: string; message: string }[] }).errors;
    expect([...new Set(errors.map((e) => e.field))].sort()).toEqual([
      'applicationNumber',
      'parcel.communeCode',
      'parcel.parcelNumber',
    ]);
    expect(errors.every((e) => /[ảộđốệáốờ]/.test(e.message))).toBe(true);
  });

  it('answers the land registry agency API only to a construction officer of the parcel province', async () => {
    const path = `${landRegistry.baseUrl}/agency/land-use-rights/00004/12/101`;
    expect((await fetch(path, { headers: await authAs(SAMPLE_USERS.counterBaDinh) })).status).toBe(
      403,
    );
    const other = await fetch(path, { headers: await authAs(SAMPLE_USERS.constructionAnGiang) });
    expect(other.status).toBe(403);
    expect(((await other.json()) as { code: string }).code).toBe('AUTH.OTHER_UNIT');
    const missing = await fetch(`${landRegistry.baseUrl}/agency/land-use-rights/00004/12/9999999`, {
      headers: await authAs(SAMPLE_USERS.constructionHaNoi),
    });
    expect(missing.status).toBe(404);
  });
});
