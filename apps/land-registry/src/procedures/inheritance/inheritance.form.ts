import { TransferRejectedException } from '../../dossiers/dossiers.exceptions';
import type { FieldError } from '@lien-thong/platform';
import { storedBuyers } from '../../intake/parties';
import { partyProblems } from '../../intake/transfer-checks';
import { holdersOf, ProcedureForm } from '../procedure-form';
import type { SubmitInheritanceDto } from './inheritance.dto';

/** Whether fractions add up to exactly 1 (integers, no rounding). */
function addsUpToOne(shares: { shareNumerator: number; shareDenominator: number }[]): boolean {
  let n = 0n;
  let d = 1n;
  for (const s of shares) {
    n = n * BigInt(s.shareDenominator) + BigInt(s.shareNumerator) * d;
    d *= BigInt(s.shareDenominator);
  }
  return n === d;
}

/**
 * An inheritance: every deceased holder is on the certificate (the estate is the whole of
 * their shares), the heirs' shares from the agreement or the court decision add up to the
 * whole, the document is not older than the death, and no heir is listed twice.
 */
export const INHERITANCE_FORM: ProcedureForm<SubmitInheritanceDto> = {
  key: 'INHERITANCE',
  async prepare(dto, parcels) {
    const problems: FieldError[] = partyProblems({ sellers: dto.deceased, buyers: dto.heirs });
    if (!addsUpToOne(dto.heirs))
      problems.push({
        field: 'heirs',
        code: 'INHERITANCE.SHARES_DO_NOT_ADD_UP',
        message: 'Tổng phần được hưởng của những người thừa kế phải bằng toàn bộ di sản',
      });
    if (dto.basis.date < dto.deceasedOn)
      problems.push({
        field: 'basis.date',
        code: 'INHERITANCE.BASIS_BEFORE_DEATH',
        message: 'Văn bản phân chia di sản không thể lập trước ngày mở thừa kế',
      });
    if (problems.length > 0) throw new TransferRejectedException(problems);
    const parcel = await parcels.verifyTransfer(dto.parcel, dto.certificateSerial, dto.deceased);
    const deceased = holdersOf(
      parcel.owners.filter((o) => dto.deceased.some((p) => p.citizenId === o.citizenId)),
    );
    return {
      parcel,
      partyIds: dto.heirs.map((h) => h.citizenId),
      fields: {
        transfer: {
          kind: 'INHERITANCE',
          contractDate: dto.basis.date,
          transfersWhole: true,
          mortgageeConsent: dto.mortgageeConsent ?? null,
        },
        sellers: deceased,
        buyers: storedBuyers(dto.heirs),
        inheritance: {
          heirs: dto.heirs.map((h) => ({
            fullName: h.fullName,
            citizenId: h.citizenId,
            address: h.address,
            shareNumerator: h.shareNumerator,
            shareDenominator: h.shareDenominator,
            relationshipToDeceased: h.relationshipToDeceased,
          })),
          basis: { ...dto.basis },
          deceasedOn: dto.deceasedOn,
        },
      },
    };
  },
};
