import type { HouseV1 } from '@lien-thong/contracts';
import { vietnamDateOf } from '@lien-thong/calendar';
import { TransferRejectedException } from '../../dossiers/dossiers.exceptions';
import { holdersOf, ProcedureForm } from '../procedure-form';
import type { SubmitHouseRegistrationDto } from './house-registration.dto';

/**
 * A house: on the parcel whose current certificate is presented, built in a year that has
 * begun. Whether it needed a permit and conforms to it is the construction authority's to
 * say (the saga asks it), not the counter's.
 */
export const HOUSE_REGISTRATION_FORM: ProcedureForm<SubmitHouseRegistrationDto> = {
  key: 'HOUSE_REGISTRATION',
  async prepare(dto, parcels) {
    const parcel = await parcels.verifyTransfer(dto.parcel, dto.certificateSerial, []);
    if (dto.house.builtYear > Number(vietnamDateOf(new Date()).slice(0, 4)))
      throw new TransferRejectedException([
        {
          field: 'house.builtYear',
          code: 'HOUSE.BUILT_IN_FUTURE',
          message: 'Năm xây dựng không được sau năm hiện tại',
        },
      ]);
    const { permit, permitExemptionVi, completionAcceptance, ...rest } = dto.house;
    const house: HouseV1 = {
      ...rest,
      ...(permit ? { permit: { ...permit } } : {}),
      ...(permitExemptionVi ? { permitExemptionVi } : {}),
      ...(completionAcceptance ? { completionAcceptance: { ...completionAcceptance } } : {}),
    };
    return {
      parcel,
      partyIds: parcel.owners.map((o) => o.citizenId),
      fields: { transfer: null, sellers: holdersOf(parcel.owners), buyers: [], house },
    };
  },
};
