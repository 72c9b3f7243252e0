import { TransferRejectedException } from '../../dossiers/dossiers.exceptions';
import { holdersOf, ProcedureForm } from '../procedure-form';
import type { SubmitMortgageReleaseDto } from './mortgage-release.dto';

/** A release: the mortgage is one the land office registered on this parcel and still stands. */
export const MORTGAGE_RELEASE_FORM: ProcedureForm<SubmitMortgageReleaseDto> = {
  key: 'MORTGAGE_RELEASE',
  async prepare(dto, parcels) {
    const parcel = await parcels.verifyTransfer(dto.parcel, dto.certificateSerial, []);
    const mortgage = (parcel.mortgages ?? []).find(
      (m) => m.registrationNumber === dto.registrationNumber && !m.releasedAt,
    );
    if (!mortgage)
      throw new TransferRejectedException([
        {
          field: 'registrationNumber',
          code: 'MORTGAGE.NOT_REGISTERED',
          message: 'Thửa đất không có đăng ký thế chấp còn hiệu lực với số đăng ký này',
        },
      ]);
    return {
      parcel,
      partyIds: parcel.owners.map((o) => o.citizenId),
      certificateChoice: 'ANNOTATE',
      fields: {
        transfer: null,
        sellers: holdersOf(parcel.owners),
        buyers: [],
        mortgageRelease: {
          registrationNumber: mortgage.registrationNumber,
          mortgagee: mortgage.mortgagee,
          reasonVi: dto.reasonVi,
        },
      },
    };
  },
};
