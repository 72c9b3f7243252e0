import fc from 'fast-check';
import { uniqueName } from '@lien-thong/test-infra';
import { authAs, RunningService, SAMPLE_USERS, startService } from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from './service';
import { transferRequest } from './testing/transfer-requests';

jest.setTimeout(120_000);

/** A letter only Vietnamese text has: every message a person reads must be in Vietnamese. */
const VIETNAMESE = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: {
    code?: string;
    message?: string;
    errors?: { field: string; code: string; message: string }[];
  };
}

/**
 * The public one-stop API under bad input (issue 6): wrong types, missing and extra fields,
 * oversized bodies, bytes that are not UTF-8, MongoDB operators, negative or overflowing
 * amounts, future dates, unknown enum values. Each gets a 4xx with a stable code and a
 * Vietnamese message (per field for validation), nothing is stored, and the service goes on.
 */
describe('public API under bad input', () => {
  let service: RunningService;
  let initial = 0;
  /** Requests a random corruption left valid: the only ones that may be stored. */
  let receipts = 0;
  const key = () => uniqueName('fuzz').replace(/[^A-Za-z0-9_-]/g, '');

  async function send(
    body: string | Buffer,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const res = await fetch(`${service.baseUrl}/dossiers/transfers`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await authAs(SAMPLE_USERS.counterBaDinh)),
        ...headers,
      },
      body,
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Answer['body'] };
  }
  const submit = (body: unknown, headers: Record<string, string> = {}) =>
    send(JSON.stringify(body), { 'idempotency-key': key(), ...headers });

  async function stored(): Promise<number> {
    const res = await fetch(`${service.baseUrl}/backlog`, {
      headers: await authAs(SAMPLE_USERS.counterBaDinh),
    });
    const backlog = (await res.json()) as { byStatus: Record<string, number> };
    return Object.values(backlog.byStatus).reduce((a, b) => a + b, 0);
  }

  /** A 4xx with a stable code and a Vietnamese message; for validation, the field named. */
  function expectRefused(answer: Answer, status: number, code: string, field?: string): void {
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(answer.body.message).toMatch(VIETNAMESE);
    if (field === undefined) return;
    const errors = answer.body.errors ?? [];
    const mine = errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`));
    expect(mine.map((e) => e.field)).toContainEqual(expect.stringContaining(field));
    for (const e of mine) {
      expect(e.code).toMatch(/^[A-Z_.]+$/);
      expect(e.message).toMatch(VIETNAMESE);
    }
  }

  const valid = () => transferRequest(102) as Json;
  const withField = (path: string, value: unknown): Json => {
    const body = structuredClone(valid());
    const parts = path.split('.');
    let node = body as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) node = node[p] as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
    return body;
  };
  const without = (path: string): Json => {
    const body = structuredClone(valid());
    const parts = path.split('.');
    let node = body as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) node = node[p] as Record<string, unknown>;
    delete node[parts[parts.length - 1]];
    return body;
  };

  /** Every path in the valid request, objects and leaves (sellers.0.fullName, parcel, …). */
  function paths(value: unknown, prefix = ''): string[] {
    if (typeof value !== 'object' || value === null) return [prefix];
    const own = Object.entries(value).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
    return prefix ? [prefix, ...own] : own;
  }

  beforeAll(async () => {
    service = await startService(LAND_REGISTRY_SERVICE, { KAFKA_NAMESPACE: uniqueName('fuzz') });
    initial = await stored();
  });
  afterAll(() => service?.close());

  it.each([
    ['channel', 7],
    ['parcel.mapSheetNumber', '12'],
    ['declaredPriceVnd', '3000000000'],
    ['sellers', {}],
    ['buyers', 'Phạm Minh Khang'],
    ['applicant', ['Phạm Minh Khang']],
    ['transfersWhole', 'có'],
    ['sellers.0.citizenId', 1060100000],
  ])('refuses a wrong type in %s', async (field, value) => {
    expectRefused(await submit(withField(field, value)), 400, 'VALIDATION.FAILED', field);
  });

  it.each([
    'channel',
    'resultDelivery',
    'parcel',
    'parcel.parcelNumber',
    'certificateSerial',
    'transferKind',
    'contractDate',
    'sellers',
    'buyers',
    'applicant',
    'applicant.fullName',
    'sellers.0.relationshipToBuyer',
  ])('refuses a request without %s', async (field) => {
    expectRefused(await submit(without(field)), 400, 'VALIDATION.FAILED', field);
  });

  it('refuses a postal delivery without an address, and an applicant who cannot be reached', async () => {
    expectRefused(
      await submit(withField('resultDelivery', 'POST')),
      400,
      'VALIDATION.FAILED',
      'postalAddress',
    );
    expectRefused(
      await submit(withField('applicant', { fullName: 'Phạm Minh Khang' })),
      400,
      'VALIDATION.FAILED',
      'applicant.phone',
    );
  });

  it.each([
    ['parcel.owner', 'Nguyễn Văn An'],
    ['sellers.0.role', 'ADMIN'],
    ['applicant.contact', { phone: '0912345678' }],
  ])('refuses an extra field %s', async (field, value) => {
    expectRefused(await submit(withField(field, value)), 400, 'VALIDATION.FAILED', field);
  });

  it.each([
    ['isAdmin', 'true', 'VALIDATION.FAILED'],
    ['__proto__', '{"polluted": true}', 'REQUEST.FORBIDDEN_FIELD'],
    ['constructor', '{"prototype": {"polluted": true}}', 'REQUEST.FORBIDDEN_FIELD'],
  ])('refuses an extra top-level field %s, polluting nothing', async (field, raw, code) => {
    const body = JSON.stringify(valid()).replace(/^\{/, `{"${field}": ${raw},`);
    expectRefused(await send(body, { 'idempotency-key': key() }), 400, code);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('answers a body over 1 MB with 413, and reads one just under it', async () => {
    const big = withField('applicant.fullName', 'A'.repeat(1_100_000));
    expectRefused(await submit(big), 413, 'REQUEST.TOO_LARGE');
    const under = withField('applicant.fullName', 'A'.repeat(900_000));
    expectRefused(await submit(under), 400, 'VALIDATION.FAILED', 'applicant.fullName');
  });

  it('refuses bytes that are not UTF-8 instead of storing a mangled name', async () => {
    const text = JSON.stringify(valid());
    const [head, tail] = text.split('Phạm Minh Khang');
    const body = Buffer.concat([
      Buffer.from(`${head}Ph`),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(`m Minh Khang${tail}`),
    ]);
    expectRefused(await send(body, { 'idempotency-key': key() }), 400, 'REQUEST.INVALID_UTF8');
    expectRefused(await send('{"channel": "COUNTER",'), 400, 'REQUEST.MALFORMED_JSON');
    expectRefused(
      await send(JSON.stringify(valid()), { 'content-type': 'application/json; charset=koi8-r' }),
      415,
      'REQUEST.UNSUPPORTED_CHARSET',
    );
  });

  it.each([['[]'], ['"hồ sơ"'], ['null'], ['42'], ['['.repeat(200_000) + ']'.repeat(200_000)]])(
    'refuses a body that is not a request object: %s',
    async (raw) => {
      const answer = await send(raw, { 'idempotency-key': key() });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.code).toMatch(/^[A-Z_]+\.[A-Z_.]+$/);
      expect(answer.body.message).toMatch(VIETNAMESE);
    },
  );

  it('refuses a MongoDB operator in any field of the request', async () => {
    for (const path of paths(valid())) {
      const answer = await submit(withField(path, { $gt: '' }));
      expectRefused(answer, 400, 'VALIDATION.FAILED', path);
    }
    const lookedUp = await fetch(
      `${service.baseUrl}/dossiers/${encodeURIComponent('{"$gt":""}')}`,
      { headers: await authAs(SAMPLE_USERS.counterBaDinh) },
    );
    expect(lookedUp.status).toBe(404);
    const tracked = await fetch(`${service.baseUrl}/tracking/VPDKHN-261121-0001?secret[$gt]=`);
    expect(tracked.status).toBe(400);
  });

  // Numbers as they travel in JSON (some are not even representable in a double).
  it.each([
    ['declaredPriceVnd', '-1'],
    ['declaredPriceVnd', '1e16'],
    ['declaredPriceVnd', '9007199254740993'],
    ['declaredPriceVnd', '2500000000.5'],
    ['declaredPriceVnd', '1e309'],
    ['sellers.0.shareNumerator', '1e300'],
    ['sellers.0.shareDenominator', '0'],
    ['parcel.parcelNumber', '-102'],
    ['parcel.mapSheetNumber', '9007199254740992'],
  ])('refuses %s = %s (negative or overflowing)', async (field, token) => {
    const raw = JSON.stringify(withField(field, 0)).replace(
      new RegExp(`("${field.split('.').pop()}":)0`),
      `$1${token}`,
    );
    const answer = await send(raw, { 'idempotency-key': key() });
    expectRefused(answer, 400, 'VALIDATION.FAILED', field);
  });

  it.each([
    ['contractDate', '2999-12-31'],
    ['contractDate', '2026-02-30'],
    ['contractDate', '16/11/2026'],
    ['mortgageeConsent', { documentNumber: '125/2026/CV-VCB', signedOn: '2999-01-01' }],
  ])('refuses the date %s = %j (future or not a date)', async (field, value) => {
    expectRefused(await submit(withField(field, value)), 400, 'VALIDATION.FAILED', field);
  });

  it.each([
    ['channel', 'FAX'],
    ['resultDelivery', 'DRONE'],
    ['transferKind', 'THEFT'],
    ['sellers.0.relationshipToBuyer', 'ENEMY'],
  ])('refuses the unknown value %s = %s', async (field, value) => {
    expectRefused(await submit(withField(field, value)), 400, 'VALIDATION.FAILED', field);
  });

  it('answers any random corruption of a request with a 4xx or a receipt, never a 5xx, and stores only receipts', async () => {
    const junk = fc.oneof(
      fc.constantFrom<unknown>(
        { $gt: '' },
        { $where: 'sleep(1000)' },
        [],
        {},
        null,
        true,
        -1,
        1e308,
      ),
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.double(),
      fc
        .date({ min: new Date('2030-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths(valid())), junk, async (path, value) => {
        const answer = await submit(withField(path, value));
        if (answer.status === 201) {
          receipts++;
          return;
        }
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(answer.body.code).toMatch(/^[A-Z_]+\.[A-Z_.]+$/);
        expect(answer.body.message).toMatch(VIETNAMESE);
      }),
      { numRuns: 150, seed: 20_261_121 },
    );
  });

  it('stored nothing for any of it, and keeps serving: a valid request still gets its receipt', async () => {
    expect(await stored()).toBe(initial + receipts);
    const idempotencyKey = key();
    expectRefused(
      await submit(withField('channel', 'FAX'), { 'idempotency-key': idempotencyKey }),
      400,
      'VALIDATION.FAILED',
    );
    // The refused request did not take the key either. (Another parcel: a corruption that
    // left a request valid may hold 102, and a parcel takes one unfinished dossier.)
    const ok = await submit(transferRequest(103), { 'idempotency-key': idempotencyKey });
    expect(ok.status).toBe(201);
    expect(await stored()).toBe(initial + receipts + 1);
    const health = await fetch(`${service.baseUrl}/health`);
    expect(health.status).toBe(200);
  });
});
