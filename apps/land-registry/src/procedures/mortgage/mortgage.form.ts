import { TransferRejectedException } from '../../dossiers/dossiers.exceptions';
import { contractDateProblems } from '../../intake/transfer-checks';
import { holdersOf, ProcedureForm } from '../procedure-form';
import type { SubmitMortgageDto } from './mortgage.dto';

/** A mortgage: the certificate is the parcel's current one; the holders are the mortgagors. */
export const MORTGAGE_FORM: ProcedureForm<SubmitMortgageDto> = {
  key: 'MORTGAGE',
  async prepare(dto, parcels) {
    const parcel = await parcels.verifyTransfer(dto.parcel, dto.certificateSerial, []);
    const dates = contractDateProblems(dto.contractDate, parcel.certificate.issuedOn);
    if (dates.length > 0) throw new TransferRejectedException(dates);
    return {
      parcel,
      partyIds: parcel.owners.map((o) => o.citizenId),
      certificateChoice: 'ANNOTATE',
      fields: {
        transfer: null,
        sellers: holdersOf(parcel.owners),
        buyers: [],
        mortgage: {
          mortgagee: dto.mortgagee,
          contractNumber: dto.contractNumber,
          contractDate: dto.contractDate,
          ...(dto.securedAmountVnd !== undefined ? { securedAmountVnd: dto.securedAmountVnd } : {}),
          registrationNumber: null,
        },
      },
    };
  },
};
