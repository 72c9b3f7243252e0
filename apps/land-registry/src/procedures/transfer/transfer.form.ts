import { TransferRejectedException } from '../../dossiers/dossiers.exceptions';
import type { SubmitTransferDto } from '../../intake/dto/submit-transfer.dto';
import { storedBuyers, storedSellers } from '../../intake/parties';
import { contractDateProblems, partyProblems } from '../../intake/transfer-checks';
import type { ProcedureForm } from '../procedure-form';

/** A transfer: the sellers are on the certificate, nobody is on both sides, dates make sense. */
export const TRANSFER_FORM: ProcedureForm<SubmitTransferDto> = {
  key: 'TRANSFER',
  async prepare(dto, parcels) {
    if (dto.transfersWhole === false) {
      // A transfer of part of the parcel's area needs the parcel split first (not built yet).
      throw new TransferRejectedException([
        {
          field: 'transfersWhole',
          code: 'TRANSFER.PART_OF_PARCEL',
          message:
            'Chưa nhận chuyển nhượng một phần diện tích thửa đất: cần làm thủ tục tách thửa trước',
        },
      ]);
    }
    const parties = partyProblems(dto);
    if (parties.length > 0) throw new TransferRejectedException(parties);
    const parcel = await parcels.verifyTransfer(dto.parcel, dto.certificateSerial, dto.sellers);
    const dates = contractDateProblems(dto.contractDate, parcel.certificate.issuedOn);
    if (dates.length > 0) throw new TransferRejectedException(dates);
    return {
      parcel,
      partyIds: [...dto.sellers, ...dto.buyers].map((p) => p.citizenId),
      fields: {
        transfer: {
          kind: dto.transferKind,
          contractDate: dto.contractDate,
          ...(dto.declaredPriceVnd !== undefined ? { declaredPriceVnd: dto.declaredPriceVnd } : {}),
          transfersWhole: dto.transfersWhole ?? true,
          mortgageeConsent: dto.mortgageeConsent ?? null,
        },
        sellers: storedSellers(dto.sellers, parcel.owners),
        buyers: storedBuyers(dto.buyers),
      },
    };
  },
};
