import { Injectable } from '@nestjs/common';
import type { ParcelRefV1 } from '@lien-thong/contracts';
import type { LandUseRightAnswer, LandUseRightEncumbrance } from '@lien-thong/agency-contracts';
import { Actor, DomainException, provinceOf } from '@lien-thong/platform';
import { ParcelsService } from '../reference-data/parcels.service';
import { Parcel } from '../reference-data/schemas/parcel.schema';

/**
 * The encumbrance the parcel checks keep on the parcel, once the parcel schema has it
 * (issue 15: `encumbrance?` kept up to date by ParcelCheckCompleted); until then the land
 * registry knows none of its own and answers null, so the caller asks the Justice registry.
 */
function encumbranceOf(parcel: Parcel): LandUseRightEncumbrance | null {
  const known = (parcel as Parcel & { encumbrance?: LandUseRightEncumbrance }).encumbrance;
  return known ? { ...known, asOf: new Date(known.asOf).toISOString() } : null;
}

/**
 * The land-use right of a parcel for another agency's system (the construction department
 * for a building permit, Decree 175/2024 art. 54: the authority looks up the land-use right
 * in the land database instead of asking the applicant for copies). Only a caller of the
 * parcel's province gets it.
 */
@Injectable()
export class AgencyApiService {
  constructor(private readonly parcels: ParcelsService) {}

  async landUseRight(
    ref: ParcelRefV1,
    caller: Actor,
    now = new Date(),
  ): Promise<LandUseRightAnswer> {
    const parcel = await this.parcels.find(ref);
    if (!parcel)
      throw new DomainException(
        'PARCEL.NOT_FOUND',
        'Không tìm thấy thửa đất trong sổ địa chính',
        404,
      );
    if (!caller.unit || provinceOf(caller.unit) !== parcel.provinceCode)
      throw new DomainException(
        'AUTH.OTHER_UNIT',
        'Thửa đất không thuộc tỉnh của cơ quan đề nghị cung cấp thông tin',
        403,
      );
    return {
      parcel: { ...parcel.ref },
      provinceCode: parcel.provinceCode,
      address: parcel.address,
      holders: parcel.owners.map((o) => ({
        fullName: o.fullName,
        citizenId: o.citizenId,
        shareNumerator: o.shareNumerator,
        shareDenominator: o.shareDenominator,
      })),
      purposeCode: parcel.purposeCode,
      areaTenthsM2: parcel.areaTenthsM2,
      term: parcel.term,
      origin: parcel.origin,
      certificate: { serial: parcel.certificate.serial, issuedOn: parcel.certificate.issuedOn },
      encumbrance: encumbranceOf(parcel),
      asOf: now.toISOString(),
    };
  }
}
