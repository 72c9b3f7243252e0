import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import {
  bootstrapService,
  loadConfig,
  PlatformModule,
  PRODUCT_VERSION,
  ServiceConfig,
} from '@lien-thong/platform';
import {
  eventually,
  freePort,
  SAMPLE_USERS,
  testInfra,
  tokenOf,
  uniqueName,
} from '@lien-thong/testing';
import { AuditLog } from './audit-log';
import { AuditModule } from './audit.module';
import { AUDIT_COLLECTION, AuditRecord, StoredAuditRecord } from './audit-record';

describe('the audit log against the real database', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(testInfra().mongoUrl, { dbName: uniqueName('audit') })
      .asPromise();
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('stays one unbroken chain under concurrent appends from two instances, and names the record edited in the collection', async () => {
    // Two AuditLog objects on one collection stand for two instances of a service.
    const first = new AuditLog(connection);
    const second = new AuditLog(connection);
    await first.onModuleInit();
    const officer = {
      subject: 's-1',
      username: 'motcua.badinh',
      fullName: 'Lê Thu Hà',
      roles: ['counter-officer' as const],
      unit: '01/CN-BADINH',
    };
    const appended = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 === 0 ? first : second).record({
          actor: officer,
          action: 'DOSSIER.READ',
          dossierCode: `000.00.01.H01-261110-${String(i).padStart(4, '0')}`,
          ip: '127.0.0.1',
          details: { i },
        }),
      ),
    );
    expect(appended.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    const verified = await first.verifyChain();
    expect(verified).toEqual({ ok: true, records: 30, lastHash: expect.any(String) });
    expect(await second.verifyChain()).toEqual(verified);

    // What the auditor sees: in order, filtered by dossier, with the actor from the token.
    const page = await second.list({ from: 11, limit: 5 });
    expect(page.map((r) => r.seq)).toEqual([11, 12, 13, 14, 15]);
    const [one] = await first.list({ dossierCode: '000.00.01.H01-261110-0007' });
    expect(one).toMatchObject({
      action: 'DOSSIER.READ',
      actor: officer,
      ip: '127.0.0.1',
      details: { i: 7 },
    });

    // Someone with database access quietly rewrites record 17.
    const records = connection.collection<StoredAuditRecord>(AUDIT_COLLECTION);
    await records.updateOne({ _id: 17 }, { $set: { action: 'DOSSIER.ACCEPTED' } });
    expect(await first.verifyChain()).toEqual({
      ok: false,
      records: 16,
      firstBroken: expect.objectContaining({ seq: 17, reason: 'HASH_MISMATCH' }),
    });
    // Put back, then delete record 23 instead: the gap is named.
    await records.updateOne({ _id: 17 }, { $set: { action: 'DOSSIER.READ' } });
    expect(await first.verifyChain()).toMatchObject({ ok: true, records: 30 });
    await records.deleteOne({ _id: 23 });
    expect(await second.verifyChain()).toMatchObject({
      ok: false,
      firstBroken: { seq: 23, reason: 'SEQUENCE_GAP' },
    });
  });
});

describe('GET /audit/* over HTTP', () => {
  let app: INestApplication;
  let baseUrl: string;
  let auditor: string;

  beforeAll(async () => {
    const { mongoUrl, envFor } = testInfra();
    const port = await freePort();
    const config = loadConfig(
      ServiceConfig,
      {},
      {
        ...envFor('audit-test'),
        MONGO_URL: mongoUrl,
        MONGO_DB: uniqueName('audit-http'),
        LOG_LEVEL: 'error',
        PORT: String(port),
        // As behind the web gateway, which appends the browser's address.
        TRUST_PROXY_HOPS: '1',
      },
    );
    const info = {
      name: 'audit-test',
      version: PRODUCT_VERSION,
      title: 'audit test',
      description: 'a service with only an audit log',
    };
    @Module({})
    class AuditTestModule {
      static forRoot(): DynamicModule {
        return {
          module: AuditTestModule,
          imports: [
            PlatformModule.forRoot({ config, info, database: true, kafka: false }),
            AuditModule,
          ],
        };
      }
    }
    app = await bootstrapService({ module: AuditTestModule.forRoot(), config, info });
    baseUrl = `http://127.0.0.1:${port}`;
    auditor = await tokenOf(SAMPLE_USERS.auditor);
  });
  afterAll(async () => {
    await app?.get(AuditLog).flush();
    await app
      ?.get<mongoose.Connection>(getConnectionToken())
      .dropDatabase()
      .catch(() => undefined);
    await app?.close();
  });

  const get = (path: string, token?: string) =>
    fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers 401 without a token, 403 to an officer, 200 to the auditor, and records the refusals', async () => {
    expect((await get('/audit/verification')).status).toBe(401);
    expect((await get('/audit/records', 'not.a.token')).status).toBe(401);
    const officer = await tokenOf(SAMPLE_USERS.counterBaDinh);
    expect((await get('/audit/verification', officer)).status).toBe(403);
    expect((await get('/audit/records', officer)).status).toBe(403);

    const verification = await get('/audit/verification', auditor);
    expect(verification.status).toBe(200);
    expect(await verification.json()).toMatchObject({ ok: true });

    const records = await eventually(async () => {
      const res = await get('/audit/records?limit=50', auditor);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { records: AuditRecord[]; nextFrom: number | null };
      const actions = body.records.map((r) => r.action);
      return actions.filter((a) => a.startsWith('AUTH.')).length === 4 ? body.records : undefined;
    });
    expect(records.filter((r) => r.action === 'AUTH.TOKEN_REJECTED')).toHaveLength(2);
    const forbidden = records.filter((r) => r.action === 'AUTH.FORBIDDEN');
    expect(forbidden).toHaveLength(2);
    expect(forbidden[0]).toMatchObject({
      actor: { username: 'motcua.badinh', roles: ['counter-officer'], unit: '01/CN-BADINH' },
      details: { method: 'GET', path: '/audit/verification' },
      ip: expect.any(String),
    });
    // Reading the log is itself recorded, under the auditor's name.
    expect(records.find((r) => r.action === 'AUDIT.RECORDS_READ')).toMatchObject({
      actor: { username: 'kiemtoan', roles: ['auditor'] },
    });
    const final = await (await get('/audit/verification', auditor)).json();
    expect(final).toMatchObject({ ok: true });
    expect((final as { records: number }).records).toBeGreaterThanOrEqual(5);
  });

  it('records the address the gateway saw, not one the caller wrote in X-Forwarded-For', async () => {
    const officer = await tokenOf(SAMPLE_USERS.counterBaDinh);
    const res = await fetch(`${baseUrl}/audit/records?limit=1`, {
      headers: {
        authorization: `Bearer ${officer}`,
        // The caller's own claim first, then what the gateway appends (the socket it saw).
        'x-forwarded-for': '198.51.100.66, 203.0.113.7',
      },
    });
    expect(res.status).toBe(403);
    const recorded = await eventually(async () => {
      const body = (await (await get('/audit/records?limit=500', auditor)).json()) as {
        records: AuditRecord[];
      };
      return body.records.find((r) => r.action === 'AUTH.FORBIDDEN' && r.ip === '203.0.113.7');
    });
    expect(recorded.details).toMatchObject({ path: '/audit/records' });
    const all = (await (await get('/audit/records?limit=500', auditor)).json()) as {
      records: AuditRecord[];
    };
    expect(all.records.some((r) => r.ip === '198.51.100.66')).toBe(false);
  });

  it('answers 400 with a Vietnamese message for a bad query', async () => {
    const res = await get('/audit/records?limit=5000&from=0', auditor);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'limit', message: 'Số bản ghi tối đa không quá 500' }),
        expect.objectContaining({ field: 'from', message: 'Số thứ tự bắt đầu phải từ 1 trở lên' }),
      ]),
    );
  });

  it('pages through the log with nextFrom', async () => {
    const res = await get('/audit/records?limit=2&from=1', auditor);
    const body = (await res.json()) as { records: AuditRecord[]; nextFrom: number | null };
    expect(body.records.map((r) => r.seq)).toEqual([1, 2]);
    expect(body.nextFrom).toBe(3);
  });
});
