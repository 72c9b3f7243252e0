import type { DossiersRepository } from '../dossiers/dossiers.repository';
import { ParcelHasActiveDossierException } from '../dossiers/dossiers.exceptions';
import type { ParcelClaim, ParcelClaimRepository } from './parcel-claim.repository';
import { ParcelClaims } from './parcel-claims';
import type { Dossier } from '../dossiers/dossier';

const PARCEL = { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 101 };
const CHAIN = '1.013831:00004/12/101';

/** Claims and dossiers in memory: a unique insert, as the database gives it. */
function sut(dossiers: Record<string, string> = {}) {
  const claims = new Map<string, ParcelClaim>();
  const repository = {
    find: async (id: string) => claims.get(id) ?? null,
    insert: async (claim: ParcelClaim) => {
      const holder = claims.get(claim._id);
      if (!holder) claims.set(claim._id, { ...claim });
      return holder ?? null;
    },
    assign: async (id: string, dossierCode: string) => {
      const claim = claims.get(id);
      if (claim) claims.set(id, { ...claim, dossierCode });
    },
    release: async (id: string) => {
      const claim = claims.get(id);
      if (claim) claims.set(id, { ...claim, released: true });
    },
  } as unknown as ParcelClaimRepository;
  const dossierRepository = {
    find: async (code: string) =>
      dossiers[code] ? ({ _id: code, status: dossiers[code] } as Dossier) : null,
  } as unknown as DossiersRepository;
  return { claims, parcelClaims: new ParcelClaims(repository, dossierRepository) };
}

const held = (id: string, dossierCode: string | null, ageMs = 0, extra = {}): ParcelClaim => ({
  _id: id,
  dossierCode,
  idempotencyKey: null,
  claimedAt: new Date(Date.now() - ageMs),
  ...extra,
});

describe('ParcelClaims', () => {
  it('claims a free parcel at the first generation', async () => {
    const { parcelClaims } = sut();
    const claim = await parcelClaims.claim('1.013831', PARCEL);
    expect(claim).toMatchObject({ id: `${CHAIN}#1`, dossierCode: null });
  });

  it('refuses a parcel whose dossier is unfinished, naming it', async () => {
    const { claims, parcelClaims } = sut({ 'HS-1': 'WAITING_FOR_TAX' });
    claims.set(`${CHAIN}#1`, held(`${CHAIN}#1`, 'HS-1'));
    await expect(parcelClaims.claim('1.013831', PARCEL)).rejects.toEqual(
      new ParcelHasActiveDossierException('HS-1'),
    );
  });

  it('steps past the claims of finished dossiers, given up claims and dead requests', async () => {
    const { claims, parcelClaims } = sut({ 'HS-1': 'REFUSED', 'HS-2': 'RESULT_READY' });
    claims.set(`${CHAIN}#1`, held(`${CHAIN}#1`, 'HS-1'));
    claims.set(`${CHAIN}#2`, held(`${CHAIN}#2`, 'HS-2'));
    claims.set(`${CHAIN}#3`, held(`${CHAIN}#3`, null, 0, { released: true }));
    // Numbered, never written, three minutes ago: its request died.
    claims.set(`${CHAIN}#4`, held(`${CHAIN}#4`, 'HS-4', 180_000));
    const claim = await parcelClaims.claim('1.013831', PARCEL);
    expect(claim.id).toBe(`${CHAIN}#5`);
  });

  it('waits for a concurrent request to take its number, and names it', async () => {
    const { claims, parcelClaims } = sut();
    claims.set(`${CHAIN}#1`, held(`${CHAIN}#1`, null));
    setTimeout(() => claims.set(`${CHAIN}#1`, held(`${CHAIN}#1`, 'HS-9')), 120);
    await expect(parcelClaims.claim('1.013831', PARCEL)).rejects.toMatchObject({
      code: 'DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER',
      httpStatus: 409,
      dossierCode: 'HS-9',
    });
  });

  it('gives a retry with the same Idempotency-Key its claim back, with the number it took', async () => {
    const { claims, parcelClaims } = sut();
    claims.set(`${CHAIN}#1`, held(`${CHAIN}#1`, 'HS-7', 0, { idempotencyKey: 'key-1' }));
    const claim = await parcelClaims.claim('1.013831', PARCEL, 'key-1');
    expect(claim).toMatchObject({ id: `${CHAIN}#1`, dossierCode: 'HS-7' });
    await expect(parcelClaims.claim('1.013831', PARCEL, 'key-2')).rejects.toBeInstanceOf(
      ParcelHasActiveDossierException,
    );
  });

  it('treats as finished whatever FINISHED lists, read when asked', async () => {
    const { claims, parcelClaims } = sut({ 'HS-1': 'WITHDRAWN' });
    claims.set(`${CHAIN}#1`, held(`${CHAIN}#1`, 'HS-1'));
    const claim = await parcelClaims.claim('1.013831', PARCEL);
    expect(claim.id).toBe(`${CHAIN}#2`);
  });
});
