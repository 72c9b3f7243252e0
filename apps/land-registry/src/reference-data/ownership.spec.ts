import fc from 'fast-check';
import { ownersAfterTransfer } from './ownership';
import type { Owner } from './schemas/parcel.schema';

const owner = (citizenId: string, n: number, d: number): Owner => ({
  fullName: `Chủ ${citizenId}`,
  citizenId,
  address: 'Hà Nội',
  shareNumerator: n,
  shareDenominator: d,
});
const buyer = (citizenId: string) => ({
  fullName: `Người mua ${citizenId}`,
  citizenId,
  address: 'Hà Nội',
});
const shares = (owners: Owner[]) =>
  Object.fromEntries(owners.map((o) => [o.citizenId, `${o.shareNumerator}/${o.shareDenominator}`]));

describe('ownership after a registered transfer', () => {
  it('hands a sole owner’s parcel to the buyers, in equal shares', () => {
    expect(
      shares(
        ownersAfterTransfer(
          [owner('A', 1, 1)],
          [{ citizenId: 'A', shareNumerator: 1, shareDenominator: 1 }],
          [buyer('X'), buyer('Y')],
        ),
      ),
    ).toEqual({ X: '1/2', Y: '1/2' });
  });

  it('keeps the co-owner who did not sell: a half share sold leaves the other half where it was', () => {
    const after = ownersAfterTransfer(
      [owner('A', 1, 2), owner('B', 1, 2)],
      [{ citizenId: 'A', shareNumerator: 1, shareDenominator: 2 }],
      [buyer('X')],
    );
    expect(shares(after)).toEqual({ B: '1/2', X: '1/2' });
  });

  it('lets a seller keep the part of their share they did not transfer, and a buyer who owns add to it', () => {
    const after = ownersAfterTransfer(
      [owner('A', 2, 3), owner('B', 1, 3)],
      [{ citizenId: 'A', shareNumerator: 1, shareDenominator: 3 }],
      [buyer('B')],
    );
    expect(shares(after)).toEqual({ A: '1/3', B: '2/3' });
  });

  it('refuses a seller who transfers more than they own, or owns nothing', () => {
    expect(() =>
      ownersAfterTransfer(
        [owner('A', 1, 2), owner('B', 1, 2)],
        [{ citizenId: 'A', shareNumerator: 3, shareDenominator: 4 }],
        [buyer('X')],
      ),
    ).toThrow('more than they own');
    expect(() =>
      ownersAfterTransfer(
        [owner('A', 1, 1)],
        [{ citizenId: 'Z', shareNumerator: 1, shareDenominator: 1 }],
        [buyer('X')],
      ),
    ).toThrow('owns no share');
  });

  it('always leaves shares that add up to the whole parcel, exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (coOwners, sellersCount, buyersCount) => {
          const current = Array.from({ length: coOwners }, (_, i) => owner(`O${i}`, 1, coOwners));
          const sellers = current.slice(0, Math.min(sellersCount, coOwners)).map((o) => ({
            citizenId: o.citizenId,
            shareNumerator: 1,
            shareDenominator: coOwners * 2,
          }));
          const after = ownersAfterTransfer(
            current,
            sellers,
            Array.from({ length: buyersCount }, (_, i) => buyer(`B${i}`)),
          );
          // Σ n/d over a common denominator equals 1.
          const lcm = after.reduce(
            (m, o) => (m * o.shareDenominator) / gcd(m, o.shareDenominator),
            1,
          );
          const total = after.reduce(
            (s, o) => s + (o.shareNumerator * lcm) / o.shareDenominator,
            0,
          );
          expect(total).toBe(lcm);
        },
      ),
    );
  });
});

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
