import type { FieldError } from '@lien-thong/platform';
import { PURPOSE_NAMES_VI } from '@lien-thong/tax-rules';
import { TransferRejectedException } from '../../dossiers/dossiers.exceptions';
import { contractDateProblems } from '../../intake/transfer-checks';
import { holdersOf, ProcedureForm } from '../procedure-form';
import type { SubmitPurposeChangeDto } from './purpose-change.dto';

/**
 * A change of purpose: the parcel's current purpose is what changes, to another one, on at
 * most the parcel's area; the decision is not older than the certificate.
 */
export const PURPOSE_CHANGE_FORM: ProcedureForm<SubmitPurposeChangeDto> = {
  key: 'PURPOSE_CHANGE',
  async prepare(dto, parcels) {
    const parcel = await parcels.verifyTransfer(dto.parcel, dto.certificateSerial, []);
    const problems: FieldError[] = contractDateProblems(
      dto.decision.date,
      parcel.certificate.issuedOn,
    ).map((p) => ({
      ...p,
      field: 'decision.date',
      message: `Ngày quyết định không được trước ngày cấp giấy chứng nhận (${parcel.certificate.issuedOn})`,
    }));
    if (dto.toPurpose === parcel.purposeCode)
      problems.push({
        field: 'toPurpose',
        code: 'PURPOSE.UNCHANGED',
        message: `Thửa đất đang sử dụng vào mục đích ${purposeVi(parcel.purposeCode)}`,
      });
    if (dto.convertedAreaTenthsM2 > parcel.areaTenthsM2)
      problems.push({
        field: 'convertedAreaTenthsM2',
        code: 'PURPOSE.AREA_EXCEEDS_PARCEL',
        message: `Diện tích chuyển mục đích lớn hơn diện tích thửa đất (${(parcel.areaTenthsM2 / 10).toLocaleString('vi-VN')} m²)`,
      });
    if (problems.length > 0) throw new TransferRejectedException(problems);
    return {
      parcel,
      partyIds: parcel.owners.map((o) => o.citizenId),
      fields: {
        transfer: null,
        sellers: holdersOf(parcel.owners),
        buyers: [],
        purposeChange: {
          decision: { ...dto.decision },
          fromPurpose: parcel.purposeCode,
          toPurpose: dto.toPurpose,
          convertedAreaTenthsM2: dto.convertedAreaTenthsM2,
          parcelHasResidentialLand: dto.parcelHasResidentialLand,
          householdUsedReducedTiers: dto.householdUsedReducedTiers,
        },
      },
    };
  },
};

/** "Đất ở tại đô thị (ODT)": the purpose as a citizen reads it, with the code the book uses. */
function purposeVi(code: string): string {
  const name = (PURPOSE_NAMES_VI as Record<string, string | undefined>)[code];
  return name ? `${name} (${code})` : code;
}
