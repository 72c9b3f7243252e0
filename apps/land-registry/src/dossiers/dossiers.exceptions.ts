import { DomainException } from '@lien-thong/platform';

// Defined with the cadastral book, which checks a transfer against itself.
export { TransferRejectedException } from '../reference-data/cadastral-check.exceptions';
export type { TransferFieldError } from '../reference-data/cadastral-check.exceptions';

export class DossierNotFoundException extends DomainException {
  constructor() {
    super('DOSSIER.NOT_FOUND', 'Không tìm thấy hồ sơ', 404);
  }
}

/** An officer action that the dossier's current step does not allow. */
export class DossierStateException extends DomainException {
  constructor(action: string, status: string) {
    super(
      'DOSSIER.INVALID_STATE',
      `Không thể ${action} khi hồ sơ đang ở trạng thái ${status}`,
      409,
      { status },
    );
  }
}

/**
 * The parcel already has an unfinished dossier of the same procedure: 409 naming it (null
 * only while that dossier is still being numbered), so the citizen follows that one up.
 */
export class ParcelHasActiveDossierException extends DomainException {
  constructor(readonly dossierCode: string | null) {
    const message = dossierCode
      ? `Thửa đất đang có hồ sơ ${dossierCode} cùng thủ tục chưa giải quyết xong; không tiếp nhận hồ sơ mới cho thửa đất này cho đến khi hồ sơ đó kết thúc`
      : 'Thửa đất đang có một hồ sơ cùng thủ tục vừa được tiếp nhận; không tiếp nhận hồ sơ mới cho thửa đất này cho đến khi hồ sơ đó kết thúc';
    super('DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER', message, 409, {
      dossierCode,
      errors: [{ field: 'parcel', code: 'DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER', message }],
    });
  }
}
