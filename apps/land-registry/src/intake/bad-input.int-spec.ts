import { uniqueName } from '@lien-thong/test-infra';
import { authAs, RunningService, SAMPLE_USERS, startService } from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from '../service';
import { post, transferRequest } from '../testing/transfer-requests';

jest.setTimeout(60_000);

/** A letter only Vietnamese text has: every message a person reads must be in Vietnamese. */
const VIETNAMESE = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

type Request = ReturnType<typeof transferRequest>;
type Person = Request['buyers'][number];

const PARCEL = 121;
const base = () => transferRequest(PARCEL);
const seller = () => base().sellers[0];
const buyer = () => base().buyers[0];
const withBuyer = (changes: Partial<Person>): Partial<Request> => ({
  buyers: [{ ...buyer(), ...changes }],
});
const withSeller = (changes: Partial<Person>): Partial<Request> => ({
  sellers: [{ ...seller(), ...changes }],
});

/**
 * Every kind of bad input issue 14 (item 9) found accepted by fuzzing, sent through the
 * public API as the counter officer: each gets a 4xx naming the field in Vietnamese, and
 * none stores a dossier or takes a dossier number.
 */
const CASES: [string, Partial<Request>, 400 | 409 | 422, string][] = [
  ['a contract dated 0001-01-01', { contractDate: '0001-01-01' }, 400, 'contractDate'],
  ['a contract before the certificate', { contractDate: '2000-01-01' }, 422, 'contractDate'],
  [
    'the same seller transferring the parcel again',
    { declaredPriceVnd: 3_500_000_000 },
    409,
    'parcel',
  ],
  [
    'a buyer who is also the seller',
    withBuyer({ fullName: seller().fullName, citizenId: seller().citizenId }),
    422,
    'buyers.0.citizenId',
  ],
  ['a buyer listed twice', { buyers: [buyer(), buyer()] }, 422, 'buyers.1.citizenId'],
  ['a seller listed twice', { sellers: [seller(), seller()] }, 422, 'sellers.1.citizenId'],
  ['a name of spaces only', withBuyer({ fullName: '     ' }), 400, 'buyers.0.fullName'],
  ['a name of digits only', withBuyer({ fullName: '0123456789' }), 400, 'buyers.0.fullName'],
  [
    'a name of combining marks only',
    withSeller({ fullName: '\u0301\u0303\u0323' }),
    400,
    'sellers.0.fullName',
  ],
  ['a NUL in a name', withBuyer({ fullName: 'Phạm\u0000Khang' }), 400, 'buyers.0.fullName'],
  [
    'an escape character in a name',
    withSeller({ fullName: 'Nguyễn\u001b[31m Văn' }),
    400,
    'sellers.0.fullName',
  ],
  [
    'a bell in an address',
    withBuyer({ address: 'Số 5\u0007 phố Kim Mã' }),
    400,
    'buyers.0.address',
  ],
  [
    'a right-to-left override in a name',
    withBuyer({ fullName: 'Phạm \u202EgnahK' }),
    400,
    'buyers.0.fullName',
  ],
  [
    'a bidi isolate in an address',
    withBuyer({ address: 'Số 5 \u2067phố Kim Mã\u2069' }),
    400,
    'buyers.0.address',
  ],
  [
    'an unpaired high surrogate in a name',
    withBuyer({ fullName: 'Phạm \uD800Khang' }),
    400,
    'buyers.0.fullName',
  ],
  [
    'an unpaired low surrogate in an address',
    withBuyer({ address: 'Số 5 phố \uDC00Kim Mã' }),
    400,
    'buyers.0.address',
  ],
];

describe('bad input never becomes a dossier', () => {
  let service: RunningService;
  let first: string;

  const submit = async (body: unknown) =>
    post(service.baseUrl, '/dossiers/transfers', body, {
      ...(await authAs(SAMPLE_USERS.counterBaDinh)),
      'Idempotency-Key': uniqueName('bad').replace(/[^A-Za-z0-9_-]/g, ''),
    });
  const stored = async () => {
    const res = await fetch(`${service.baseUrl}/backlog`, {
      headers: await authAs(SAMPLE_USERS.counterBaDinh),
    });
    const backlog = (await res.json()) as { byStatus: Record<string, number> };
    return Object.values(backlog.byStatus).reduce((a, b) => a + b, 0);
  };
  const seq = (code: string) => Number(code.split('-').pop());

  beforeAll(async () => {
    service = await startService(LAND_REGISTRY_SERVICE, { KAFKA_NAMESPACE: uniqueName('bad') });
    // The parcel's first transfer: the "same seller again" case is the second.
    const res = await submit(base());
    expect(res.status).toBe(201);
    first = res.body.dossierCode as string;
  });
  afterAll(() => service?.close());

  it.each(CASES)(
    'refuses %s with a Vietnamese message on the field',
    async (_, changes, status, field) => {
      const before = await stored();
      const res = await submit({ ...base(), ...changes });
      expect({
        status: res.status,
        fields: (res.body.errors ?? []).map((e: { field: string }) => e.field),
      }).toEqual({
        status,
        fields: expect.arrayContaining([field]),
      });
      expect(res.body.code).toMatch(/^[A-Z_]+\.[A-Z_.]+$/);
      expect(res.body.message).toMatch(VIETNAMESE);
      const error = (res.body.errors as { field: string; code: string; message: string }[]).find(
        (e) => e.field === field,
      );
      expect(error?.message).toMatch(VIETNAMESE);
      if (status === 409) expect(res.body.details).toEqual({ dossierCode: first });
      expect(await stored()).toBe(before);
    },
  );

  it('took no dossier number for any of them', async () => {
    const next = await submit(transferRequest(PARCEL + 1));
    expect(next.status).toBe(201);
    expect(seq(next.body.dossierCode as string)).toBe(seq(first) + 1);
    expect(await stored()).toBe(2);
  });
});
