import { isLocalDate, LocalDate, vietnamDateOf } from '@lien-thong/calendar';
import type { TransferSlipSentV1 } from '@lien-thong/contracts';
import {
  InheritanceInput,
  LAND_USE_PURPOSES,
  LandUsePurpose,
  TransferInput,
  Transferor,
} from '@lien-thong/tax-rules';

/** A date on the slip as the law counts it: the calendar day in Vietnam (UTC+7). */
export function slipDate(value: string): LocalDate {
  return isLocalDate(value) ? value : vietnamDateOf(new Date(value));
}

/** The slip's land-use purpose, when the rules know it. */
export function purposeOf(slip: TransferSlipSentV1): LandUsePurpose | undefined {
  return LAND_USE_PURPOSES.find((purpose) => purpose === slip.parcel.purposeCode);
}

/**
 * The rules library's input from a transfer slip (form 19, Decree 151/2025).
 * - Each seller is one transferor, taxed on their own share (PIT Law art. 2; co-owners are
 *   separate taxpayers). Their id is the citizen ID, which is also the tax code since
 *   1 July 2025.
 * - Several buyers receive one asset together: the registration fee is one line for the
 *   asset, owed under the first buyer's code in every buyer's name.
 * - The sole-residence exemption is only looked at for a seller whose slip states whether
 *   they own another home; a missing answer claims no exemption.
 * - A declared price of 0 means no price: the price table decides.
 */
export function toTransferInput(
  slip: TransferSlipSentV1,
  purpose: LandUsePurpose,
  noticeIssuedOn: LocalDate,
): TransferInput {
  const certificateIssuedOn = slipDate(slip.certificateIssuedOn);
  // Co-owners may sell only their own shares: the transfer is then of that part of the
  // parcel, and each seller's share is a share of what is transferred.
  const part = transferredPart(slip);
  const transferors = slip.sellers.map((seller): Transferor => {
    const transferor: Transferor = {
      id: seller.citizenId,
      nameVi: seller.fullName,
      share: ofPart(seller, part),
      relationshipToRecipient: seller.relationshipToBuyer,
    };
    if (seller.ownsOtherResidentialProperty !== undefined) {
      transferor.soleResidence = {
        ownsOtherResidentialProperty: seller.ownsOtherResidentialProperty,
        certificateIssuedOn,
        transfersWhole: slip.transfersWhole,
      };
    }
    return transferor;
  });
  const { parcel } = slip;
  return {
    kind: slip.transferKind,
    transferors,
    recipient: {
      id: slip.buyers[0].citizenId,
      nameVi: slip.buyers.map((buyer) => buyer.fullName).join(', '),
    },
    parcel: {
      areaTenthsM2: parcel.areaTenthsM2,
      purpose,
      location: {
        provinceCode: parcel.provinceCode,
        communeCode: parcel.ref.communeCode,
        zoneCode: parcel.priceZone,
        position: parcel.pricePosition,
      },
    },
    ...(part.n === part.d ? {} : { transferredShare: { numerator: part.n, denominator: part.d } }),
    contractPriceVnd: slip.declaredPriceVnd ? BigInt(slip.declaredPriceVnd) : null,
    contractDate: slipDate(slip.contractDate),
    declarationDate: slipDate(slip.declarationDate),
    noticeIssuedOn,
  };
}

/**
 * An inheritance slip with its heirs: the sellers are the deceased holders and their shares
 * add up to the estate's part of the parcel; each heir receives their share of that part
 * and is a taxpayer on it (PIT and registration fee per heir).
 */
export function toInheritanceInput(
  slip: TransferSlipSentV1 & { heirs: NonNullable<TransferSlipSentV1['heirs']> },
  purpose: LandUsePurpose,
  noticeIssuedOn: LocalDate,
): InheritanceInput {
  const part = transferredPart(slip);
  const { parcel } = slip;
  return {
    deceased: slip.sellers.map((s) => ({ id: s.citizenId, nameVi: s.fullName })),
    heirs: slip.heirs.map((heir) => ({
      id: heir.citizenId,
      nameVi: heir.fullName,
      share: { numerator: heir.shareNumerator, denominator: heir.shareDenominator },
      relationshipToDeceased: heir.relationshipToDeceased,
    })),
    parcel: {
      areaTenthsM2: parcel.areaTenthsM2,
      purpose,
      location: {
        provinceCode: parcel.provinceCode,
        communeCode: parcel.ref.communeCode,
        zoneCode: parcel.priceZone,
        position: parcel.pricePosition,
      },
    },
    ...(part.n === part.d ? {} : { estateShare: { numerator: part.n, denominator: part.d } }),
    contractDate: slipDate(slip.contractDate),
    declarationDate: slipDate(slip.declarationDate),
    noticeIssuedOn,
  };
}

interface Part {
  n: number;
  d: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
const reduce = (n: number, d: number): Part => {
  const g = gcd(n, d) || 1;
  return { n: n / g, d: d / g };
};

/** The sellers' shares added up: the part of the parcel's rights transferred (exact). */
export function transferredPart(slip: TransferSlipSentV1): Part {
  return slip.sellers.reduce(
    (sum, s) =>
      reduce(sum.n * s.shareDenominator + s.shareNumerator * sum.d, sum.d * s.shareDenominator),
    { n: 0, d: 1 },
  );
}

/** A seller's share of the part transferred: (n/d) ÷ (P/Q). */
function ofPart(
  seller: { shareNumerator: number; shareDenominator: number },
  part: Part,
): { numerator: number; denominator: number } {
  const r = reduce(seller.shareNumerator * part.d, seller.shareDenominator * part.n);
  return { numerator: r.n, denominator: r.d };
}
