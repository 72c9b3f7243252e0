import type { ApplicantV1, PersonV1, SellerV1 } from '@lien-thong/contracts';
import type { Owner } from '../reference-data/schemas/parcel.schema';
import type { ApplicantDto, PersonDto, SellerDto } from './dto/submit-transfer.dto';

/**
 * The parties of a dossier as it stores them, from what the counter entered (at intake and on
 * a supplement alike): a seller who does not say which share they transfer transfers what
 * the cadastral book says they own.
 */
export function storedSellers(sellers: SellerDto[], owners: readonly Owner[]): SellerV1[] {
  return sellers.map((s) => {
    const owner = owners.find((o) => o.citizenId === s.citizenId);
    return {
      fullName: s.fullName,
      citizenId: s.citizenId,
      address: s.address,
      shareNumerator: s.shareNumerator ?? owner?.shareNumerator ?? 1,
      shareDenominator: s.shareDenominator ?? owner?.shareDenominator ?? sellers.length,
      relationshipToBuyer: s.relationshipToBuyer,
      ...(s.ownsOtherResidentialProperty !== undefined
        ? { ownsOtherResidentialProperty: s.ownsOtherResidentialProperty }
        : {}),
    };
  });
}

export function storedBuyers(buyers: PersonDto[]): PersonV1[] {
  return buyers.map((b) => ({ fullName: b.fullName, citizenId: b.citizenId, address: b.address }));
}

export function storedApplicant(applicant: ApplicantDto): ApplicantV1 {
  const contact = {
    ...(applicant.phone ? { phone: applicant.phone } : {}),
    ...(applicant.email ? { email: applicant.email } : {}),
    ...(applicant.zalo !== undefined ? { zalo: applicant.zalo } : {}),
  };
  return { fullName: applicant.fullName, contact };
}
