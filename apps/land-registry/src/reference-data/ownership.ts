import type { Owner } from './schemas/parcel.schema';

/** A share of a parcel as a fraction of integers, kept exact (no floating point). */
interface Share {
  n: number;
  d: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
const reduce = ({ n, d }: Share): Share => {
  const g = gcd(n, d) || 1;
  return { n: n / g, d: d / g };
};
const add = (a: Share, b: Share): Share => reduce({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const sub = (a: Share, b: Share): Share => reduce({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
const divide = (a: Share, k: number): Share => reduce({ n: a.n, d: a.d * k });
const shareOf = (o: { shareNumerator: number; shareDenominator: number }): Share =>
  reduce({ n: o.shareNumerator, d: o.shareDenominator });

export interface SellerShare {
  citizenId: string;
  /** The share this seller transfers (at most what they own). */
  shareNumerator: number;
  shareDenominator: number;
}

/**
 * Who receives; with a share (an heir's part of the estate, as the agreement or the court
 * decided), of what is transferred; without, the receivers share it equally.
 */
export type Buyer = Pick<Owner, 'fullName' | 'citizenId' | 'address'> & {
  shareNumerator?: number;
  shareDenominator?: number;
};

/**
 * The owners after a registered transfer (Land Law 2024: each co-owner disposes of their own
 * share): every seller gives up the share they transfer and keeps the rest; co-owners who did
 * not sell keep theirs; the buyers share what was transferred equally (a buyer who already
 * owns a share adds to it). Exact fractions; the shares still add up to the whole parcel.
 */
export function ownersAfterTransfer(
  current: readonly Owner[],
  sellers: readonly SellerShare[],
  buyers: readonly Buyer[],
): Owner[] {
  let transferred: Share = { n: 0, d: 1 };
  const remaining = new Map(current.map((o) => [o.citizenId, shareOf(o)]));
  for (const seller of sellers) {
    const owned = remaining.get(seller.citizenId);
    if (!owned) throw new Error(`seller ${seller.citizenId} owns no share of this parcel`);
    const given = shareOf(seller);
    const left = sub(owned, given);
    if (left.n < 0) throw new Error(`seller ${seller.citizenId} transfers more than they own`);
    remaining.set(seller.citizenId, left);
    transferred = add(transferred, given);
  }
  const each = divide(transferred, buyers.length);
  const received = (b: Buyer): Share =>
    b.shareNumerator && b.shareDenominator
      ? reduce({ n: transferred.n * b.shareNumerator, d: transferred.d * b.shareDenominator })
      : each;
  const next: Owner[] = [];
  for (const owner of current) {
    const left = remaining.get(owner.citizenId) ?? { n: 0, d: 1 };
    const buyer = buyers.find((b) => b.citizenId === owner.citizenId);
    const bought = buyer ? received(buyer) : { n: 0, d: 1 };
    const total = add(left, bought);
    if (total.n > 0) next.push({ ...owner, shareNumerator: total.n, shareDenominator: total.d });
  }
  for (const buyer of buyers) {
    if (current.some((o) => o.citizenId === buyer.citizenId)) continue;
    const share = received(buyer);
    next.push({
      fullName: buyer.fullName,
      citizenId: buyer.citizenId,
      address: buyer.address,
      shareNumerator: share.n,
      shareDenominator: share.d,
    });
  }
  return next;
}
