import fc from 'fast-check';
import {
  RELATIONSHIPS,
  TopicName,
  Topics,
  TRANSFER_KINDS,
  validateEvent,
} from '@lien-thong/contracts';
import { uniqueName } from '@lien-thong/test-infra';
import {
  authAs,
  EventProbe,
  publishEvent,
  RunningService,
  SAMPLE_USERS,
  startService,
} from '@lien-thong/testing';
import { LAND_REGISTRY_SERVICE } from '../service';
import { bulkTransferRequest, post } from '../testing/transfer-requests';

jest.setTimeout(300_000);

/** Runs of the property; each takes a generated parcel of its own (and shrinking takes more). */
const RUNS = 25;
const PARCELS = 200;

// Text as people type it: decomposed diacritics, doubled spaces, tabs and line breaks,
// lower-case serials with spaces. The API normalises it; the events must hold the result.
const BASE_LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxy'];
const TONES = ['', '', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const space = fc.constantFrom(' ', '  ', '\t', ' \n ');
const syllable = fc
  .tuple(
    fc.array(fc.constantFrom(...BASE_LETTERS), { minLength: 1, maxLength: 5 }),
    fc.constantFrom(...TONES),
    fc.boolean(),
  )
  .map(([letters, tone, precomposed]) => {
    const [first, ...rest] = letters;
    const word = `${first.toUpperCase()}${rest.join('')}${tone}`;
    return precomposed ? word.normalize('NFC') : word.normalize('NFD');
  });
const personName = fc
  .tuple(fc.array(fc.tuple(syllable, space), { minLength: 2, maxLength: 4 }), space)
  .map(([words, edge]) => `${edge}${words.map(([w, s]) => `${w}${s}`).join('')}`);
const address = fc
  .tuple(
    fc.integer({ min: 1, max: 999 }),
    fc.array(fc.tuple(syllable, space), { minLength: 2, maxLength: 6 }),
    fc.constantFrom(', Phường Ba Đình, Thành phố Hà Nội', '/12 ngõ 5', ''),
  )
  .map(([n, words, tail]) => `Số ${n}${words.map(([w, s]) => `${s}${w}`).join('')}${tail}`);
/** Past dates only: birth years in the 1900s (century digit 0 or 1), never the sellers' own. */
const buyerId = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([yy, n]) => `0011${String(yy).padStart(2, '0')}${String(n).padStart(6, '0')}`);
const DAY = 86_400_000;
/** From the generated parcels' certificate (2018-03-15) to yesterday. */
const contractDate = fc
  .integer({ min: Date.parse('2018-03-15'), max: Date.now() - DAY })
  .map((t) => new Date(t - (t % DAY)).toISOString().slice(0, 10));
/** A serial as typed: maybe in lower case, maybe with a space after the letters. */
const typed = (serial: string, lower: boolean, spaced: boolean) => {
  const text = spaced ? `${serial.slice(0, 2)} ${serial.slice(2)}` : serial;
  return lower ? text.toLowerCase() : text;
};

const submission = fc.record({
  serialTyped: fc.tuple(fc.boolean(), fc.boolean()),
  transferKind: fc.constantFrom(...TRANSFER_KINDS),
  contractDate,
  declaredPriceVnd: fc.option(fc.integer({ min: 0, max: 1_000_000_000_000_000 }), {
    nil: undefined,
  }),
  delivery: fc.option(address, { nil: undefined }),
  seller: fc.record({
    fullName: personName,
    address,
    relationshipToBuyer: fc.constantFrom(...RELATIONSHIPS),
  }),
  buyers: fc
    .uniqueArray(buyerId, { minLength: 1, maxLength: 3 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((citizenId) =>
          fc.record({ fullName: personName, citizenId: fc.constant(citizenId), address }),
        ),
      ),
    ),
  applicant: fc.record({
    fullName: personName,
    phone: fc.integer({ min: 0, max: 999_999_999 }).map((n) => `0${String(n).padStart(9, '0')}`),
  }),
  mortgageeConsent: fc.option(fc.record({ documentNumber: address, signedOn: contractDate }), {
    nil: undefined,
  }),
});

/**
 * What the API accepts satisfies every event contract downstream (issue 14, item 9): for
 * generated submissions as people type them, the dossier's DossierReceived,
 * ParcelCheckRequested and, after a clear parcel check, TransferSlipSent all validate
 * against libs/contracts, exactly as their consumers validate them.
 */
describe('accepted submissions make valid events', () => {
  let service: RunningService;
  let probe: EventProbe;
  const namespace = uniqueName('accepted');

  beforeAll(async () => {
    service = await startService(LAND_REGISTRY_SERVICE, {
      KAFKA_NAMESPACE: namespace,
      SEED_BULK_PARCELS: String(PARCELS),
    });
    probe = await EventProbe.listen(namespace, [
      Topics.DossierReceived,
      Topics.ParcelCheckRequested,
      Topics.TransferSlipSent,
    ]);
  });
  afterAll(async () => {
    await probe?.close();
    await service?.close();
  });

  const expectValid = async (topic: TopicName, code: string) => {
    const [event] = await probe.waitFor(topic, code);
    const validation = validateEvent(topic, JSON.stringify(event));
    expect({ topic, code, reason: validation.ok ? null : validation.reason }).toEqual({
      topic,
      code,
      reason: null,
    });
    return event;
  };

  it('for every generated submission the API accepts', async () => {
    let k = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        submission,
        async ({
          serialTyped,
          delivery,
          seller,
          declaredPriceVnd,
          mortgageeConsent,
          ...fields
        }) => {
          // An undefined field is left out of the JSON, as a client that does not send it.
          const request = bulkTransferRequest(k++, {
            ...fields,
            declaredPriceVnd,
            mortgageeConsent,
          });
          request.certificateSerial = typed(request.certificateSerial, ...serialTyped);
          request.sellers = request.sellers.map((s) => ({ ...s, ...seller }));
          if (delivery) Object.assign(request, { resultDelivery: 'POST', postalAddress: delivery });
          const res = await post(
            service.baseUrl,
            '/dossiers/transfers',
            request,
            await authAs(SAMPLE_USERS.counterBaDinh),
          );
          expect({ status: res.status, errors: res.body.errors }).toEqual({
            status: 201,
            errors: undefined,
          });
          accepted++;
          const code = res.body.dossierCode as string;
          await expectValid(Topics.DossierReceived, code);
          const check = await expectValid(Topics.ParcelCheckRequested, code);
          // The secured-transactions service's answer: a clear parcel, so the slip goes out.
          await publishEvent(
            namespace,
            Topics.ParcelCheckCompleted,
            code,
            {
              dossierCode: code,
              stage: 'RECEIPT',
              parcel: request.parcel,
              result: { status: 'CLEAR' },
              checkedAt: new Date().toISOString(),
              source: 'REGISTRY',
            },
            check.correlationId,
          );
          await expectValid(Topics.TransferSlipSent, code);
        },
      ),
      { numRuns: RUNS, seed: 20_261_205, endOnFailure: true },
    );
    expect(accepted).toBe(RUNS);
  });
});
