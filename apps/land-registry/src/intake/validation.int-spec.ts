import { uniqueName } from '@lien-thong/test-infra';
import { authAs, RunningService, SAMPLE_USERS, startService } from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from '../service';
import { post, transferRequest } from '../testing/transfer-requests';

jest.setTimeout(60_000);

const PARCEL = 131;

/**
 * The counter's live validation (POST /dossiers/<procedure>/validation): the same answer the
 * intake would give for the same body, and nothing stored, numbered or published.
 */
describe('validating a form before it is submitted', () => {
  let service: RunningService;
  const as = (user: string) => authAs(user);
  const validate = async (body: unknown, user: string = SAMPLE_USERS.counterBaDinh) =>
    post(service.baseUrl, '/dossiers/transfers/validation', body, await as(user));
  const submit = async (body: unknown) =>
    post(service.baseUrl, '/dossiers/transfers', body, await as(SAMPLE_USERS.counterBaDinh));

  beforeAll(async () => {
    service = await startService(LAND_REGISTRY_SERVICE, { KAFKA_NAMESPACE: uniqueName('val') });
  });
  afterAll(() => service?.close());

  it('answers 200 for a form the intake would accept, and receives nothing', async () => {
    const res = await validate(transferRequest(PARCEL));
    expect(res).toEqual({ status: 200, body: { valid: true } });
    // Validating took no number and claimed no parcel: the real intake still receives it.
    expect((await submit(transferRequest(PARCEL))).status).toBe(201);
  });

  it('gives the intake’s own field errors: the format (400) and the cadastral book (422)', async () => {
    const format = await validate(transferRequest(PARCEL + 1, { contractDate: '0001-01-01' }));
    const real = await submit(transferRequest(PARCEL + 1, { contractDate: '0001-01-01' }));
    expect(format.status).toBe(400);
    expect(format.body).toEqual(real.body);
    const book = await validate(transferRequest(PARCEL + 1, { certificateSerial: 'CS12000999' }));
    expect(book.status).toBe(422);
    expect(book.body.errors).toEqual([
      expect.objectContaining({ field: 'certificateSerial', code: 'CERTIFICATE.MISMATCH' }),
    ]);
  });

  it('names the unfinished dossier of the parcel, as the intake would (409)', async () => {
    const first = await submit(transferRequest(PARCEL + 2));
    const res = await validate(transferRequest(PARCEL + 2));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER');
    expect(res.body.details).toEqual({ dossierCode: first.body.dossierCode });
  });

  it('refuses who the intake refuses: a counter officer of another province', async () => {
    const res = await validate(transferRequest(PARCEL + 3), SAMPLE_USERS.counterAnGiang);
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 403,
      code: 'AUTH.OTHER_UNIT',
    });
  });
});
